# Écran « Détenus » : liste, fiche d’une personne et panneau d’historique (HistoryPanel).
# Chaque identifiant existe aussi dans en/ui-detainees.ftl. Préfixes : dtn- (détenus), hist-panel- et hist-field- (historique).

## Liste

dtn-new = Nouveau détenu
dtn-search = Rechercher
dtn-search-placeholder = Nom en alphabet latin, arménien ou cyrillique…
dtn-all-categories = Toutes les catégories
dtn-all-statuses = Toutes les situations
dtn-f-sponsored = Parrainage
dtn-sponsored-all = Tous
dtn-sponsored-yes = Parrainés
dtn-sponsored-no = Sans parrain
dtn-count = { $count ->
    [0] Aucun détenu
    [one] { $count } détenu
   *[other] { $count } détenus
}
dtn-clear-filters = Effacer les filtres
dtn-no-match = Aucun détenu ne correspond à ces critères.
dtn-no-match-detail = Essayez une autre orthographe ou retirez un filtre.
dtn-empty-detail = Ajoutez une première personne avec le bouton « Nouveau détenu ».
dtn-list-label = Liste des détenus
dtn-days = { $count ->
    [one] { $count } jour
   *[other] { $count } jours
}
dtn-badge-sponsored = Parrainé

## Libellés des valeurs

dtn-cat-pow = Prisonnier de guerre
dtn-cat-civilian = Civil
dtn-cat-political = Dirigeant politique
dtn-cat-disappeared = Victime de disparition forcée
dtn-sex-male = Homme
dtn-sex-female = Femme
dtn-sex-none = Non renseigné
dtn-consent-unknown = Consentement inconnu
dtn-consent-given = Consentement donné
dtn-consent-refused = Consentement refusé
dtn-consent-withdrawn = Consentement retiré
dtn-item-name = Nom
dtn-item-name-hy = Nom en arménien
dtn-item-birth = Naissance
dtn-item-role = Fonction, grade, unité
dtn-item-capture = Capture
dtn-item-circumstances = Circonstances
dtn-item-situation = Situation juridique
dtn-item-biography = Biographie
dtn-event-kind-capture = Capture
dtn-event-kind-transfer = Transfert
dtn-event-kind-hearing = Audience
dtn-event-kind-verdict = Jugement
dtn-event-kind-icrc-visit = Visite du CICR
dtn-event-kind-release = Libération
dtn-event-kind-ceremony = Cérémonie
dtn-event-kind-rally = Rassemblement
dtn-event-kind-interview = Entretien
dtn-event-kind-lobbying = Plaidoyer
dtn-event-kind-statement = Déclaration
dtn-event-kind-other = Autre
dtn-rel-confirmed = Confirmée
dtn-rel-reliable = Fiable
dtn-rel-probable = Probable
dtn-rel-doubtful = Douteuse
dtn-rel-unknown = Fiabilité inconnue
dtn-yes = Oui
dtn-no = Non

## Formulaire d’identité

dtn-new-title = Nouveau détenu
dtn-create = Créer la fiche
dtn-created = Fiche de { $value } créée.
dtn-saving = Enregistrement…
dtn-saved = Modifications enregistrées.
dtn-save-failed = L’enregistrement a échoué
dtn-form-invalid = Certains champs sont à corriger avant d’enregistrer.
dtn-unsaved = Modifications non enregistrées
dtn-revert = Annuler les modifications
dtn-choose = — Choisir —
dtn-group-names = Noms
dtn-group-person = Personne
dtn-group-capture = Capture
dtn-group-bio = Biographies et notes
dtn-f-name = Nom (alphabet latin)
dtn-f-name-hint = Tel que la campagne l’écrit, par exemple Aram Orinakyan (nom fictif).
dtn-f-name-hy = Nom en arménien
dtn-f-name-hy-hint = En alphabet arménien, par exemple Արամ Օրինակյան.
dtn-f-other-names = Autres graphies
dtn-f-other-names-hint = Une graphie par ligne (russe, azerbaïdjanais, anciennes translittérations).
dtn-f-category = Catégorie
dtn-f-status = Situation
dtn-f-sex = Sexe
dtn-f-born = Date de naissance
dtn-f-birth-place = Lieu de naissance
dtn-f-role = Fonction
dtn-f-role-hint = Par exemple : ancien ministre d’État.
dtn-f-rank = Grade
dtn-f-unit = Unité
dtn-f-captured = Date de capture
dtn-f-capture-place = Lieu de capture
dtn-f-circumstances = Circonstances
dtn-f-bio-fr = Biographie (français)
dtn-f-bio-en = Biographie (anglais)
dtn-f-notes = Notes internes
dtn-f-notes-hint = Jamais publiées.

## Fiche

dtn-back = Tous les détenus
dtn-not-found = Cette fiche n’a pas pu être ouverte.
dtn-days-held = { $count ->
    [one] { $count } jour de détention
   *[other] { $count } jours de détention
}
dtn-sections = Sections de la fiche
dtn-sec-identity = Identité
dtn-sec-situation = Situation juridique
dtn-sec-consent = Publication
dtn-sec-timeline = Chronologie
dtn-sec-sources = Sources
dtn-sec-photos = Photos
dtn-sec-contacts = Contacts familiaux
dtn-sec-sponsorships = Parrainages
dtn-sec-documents = Documents
dtn-sec-history = Historique
dtn-sec-delete = Supprimer la fiche
dtn-edit = Modifier
dtn-delete-short = Supprimer
dtn-delete = Supprimer ce détenu
dtn-delete-hint = La suppression est refusée tant que des parrainages ou des événements le concernent. Elle reste inscrite dans l’historique.
dtn-deleted = Fiche de { $value } supprimée.

## Situation juridique

dtn-legal-history = Historique de la situation
dtn-legal-history-hint = Du plus ancien au plus récent : la dernière étape datée est la situation actuelle.
dtn-add-entry = Ajouter une étape
dtn-remove-entry = Retirer cette étape
dtn-no-entry = Aucune étape enregistrée.
dtn-f-date = Date
dtn-f-sentence-years = Peine (années)
dtn-years-invalid = Indiquez un nombre d’années entre 0 et 100.
dtn-f-court = Tribunal
dtn-f-charges = Chefs d’accusation
dtn-f-charges-hint = Un article du code pénal par ligne.
dtn-f-note = Note
dtn-icrc = Comité international de la Croix-Rouge (CICR)
dtn-icrc-registered = Enregistré par le CICR
dtn-icrc-yes = Oui
dtn-icrc-no = Non
dtn-icrc-unknown = Inconnu
dtn-icrc-registered-on = Date d’enregistrement
dtn-icrc-visits = Visites du CICR
dtn-icrc-no-visit = Aucune visite connue.
dtn-icrc-new-visit = Date de la visite
dtn-icrc-add-visit = Ajouter la visite
dtn-icrc-remove-visit = Retirer la visite du { $date }
dtn-courts = Requêtes devant des juridictions
dtn-add-court = Ajouter une requête
dtn-remove-court = Retirer cette requête
dtn-no-court = Aucune requête enregistrée.
dtn-f-court-name = Juridiction
dtn-f-court-name-hint = Par exemple : Cour européenne des droits de l’homme.
dtn-f-reference = Référence
dtn-f-lodged = Date de dépôt
dtn-f-interim = Mesures provisoires accordées
dtn-f-court-status = État de la procédure
dtn-save-situation = Enregistrer la situation

## Publication

dtn-consent-explain = Un élément n’apparaît dans les documents (fiche, kakemono, dossier de presse) que s’il est marqué public ET que la famille a donné son consentement. Dans tous les autres cas, il reste privé.
dtn-consent-item = Élément
dtn-consent-value = Contenu actuel
dtn-consent-public = Public
dtn-consent-consent = Consentement de la famille
dtn-consent-result = Dans les documents
dtn-consent-public-for = Rendre public : { $value }
dtn-consent-for = Consentement pour : { $value }
dtn-consent-published = Publié
dtn-consent-private = Privé
dtn-consent-unsaved = Non enregistré
dtn-save-consent = Enregistrer la publication

## Chronologie et sources

dtn-add-event = Ajouter un événement
dtn-edit-event = Modifier l’événement
dtn-no-event = Aucun événement dans la chronologie.
dtn-event-public = Public
dtn-f-event-kind = Type
dtn-f-title = Titre
dtn-f-place = Lieu
dtn-f-description = Description
dtn-f-event-public = Peut figurer dans les documents publics
dtn-add-source = Ajouter une source
dtn-edit-source = Modifier la source
dtn-no-source = Aucune source pour cette personne.
dtn-f-author = Auteur
dtn-f-author-hint = Un média, une organisation, un témoin (décrit sans le nommer s’il risque d’être exposé).
dtn-f-reliability = Fiabilité
dtn-f-reference-hint = Un lien ou une référence (numéro de document, cote d’archive).

## Photos

dtn-photo-import = Importer une photo…
dtn-photo-drop-hint = Vous pouvez aussi déposer des photos (JPEG ou PNG) n’importe où sur la fenêtre tant que cette fiche est ouverte. Les métadonnées (EXIF, GPS) sont retirées à l’import.
dtn-photo-importing = Import en cours…
dtn-photo-importing-names = Import de { $value }…
dtn-photo-imported = { $count ->
    [0] Aucune photo importée.
    [one] Photo importée.
   *[other] { $count } photos importées.
}
dtn-no-photo = Aucune photo pour l’instant.
dtn-photo-edit = Modifier la photo { $count }
dtn-photo-dialog = Photo : publication et cadrage
dtn-photo-cropped = Recadrée
dtn-photo-public = Photo publique
dtn-photo-consent-hint = La photo n’apparaît dans les documents que si elle est publique et que le consentement est donné.
dtn-photo-delete = Supprimer la photo
dtn-f-caption = Légende
dtn-f-credit = Crédit
dtn-f-credit-hint = Auteur de la photo ou ayant droit.
dtn-crop-area = Cadrage de la photo
dtn-crop-valuetext = Position { $value }, taille { $detail }
dtn-crop-help = Faites glisser le cadre pour le déplacer, ou un coin pour le redimensionner. Au clavier : flèches pour déplacer, Maj + flèches pour redimensionner, Alt pour aller plus vite.
dtn-crop-x = Gauche (%)
dtn-crop-y = Haut (%)
dtn-crop-w = Largeur (%)
dtn-crop-h = Hauteur (%)
dtn-crop-portrait = Cadre portrait (kakemono)
dtn-crop-square = Cadre carré
dtn-crop-none = Image entière

## Contacts

dtn-confidential = Confidentiel — n’apparaît dans aucun document
dtn-add-contact = Ajouter un contact
dtn-edit-contact = Modifier le contact
dtn-no-contact = Aucun contact familial enregistré.
dtn-f-contact-name = Nom
dtn-f-relation = Lien
dtn-f-relation-hint = Par exemple : mère, épouse, frère.
dtn-f-phone = Téléphone
dtn-f-email = Courriel
dtn-f-address = Adresse
dtn-f-languages = Langues parlées
dtn-f-languages-hint = Séparées par des virgules.
dtn-f-notes-short = Notes

## Parrainages et documents

dtn-no-sponsorship = Aucun parrainage pour cette personne.
dtn-documents-hint = Produire un document pour cette personne (seuls les éléments publics avec consentement y figurent).
dtn-doc-factsheet = Fiche (PDF)
dtn-doc-banner = Kakemono

## Panneau d’historique

hist-panel-empty = Aucune modification enregistrée.
hist-panel-by = Par { $value }, le { $date }
hist-panel-action-create = Création
hist-panel-action-update = Modification
hist-panel-action-delete = Suppression
hist-panel-before = Avant
hist-panel-after = Après
hist-panel-empty-value = (vide)
hist-panel-whole-record = fiche entière
hist-panel-yes = oui
hist-panel-no = non
hist-panel-restore = Restaurer cette valeur
hist-panel-restoring = Restauration…
hist-panel-restore-hint = Remettre la valeur d’avant cette modification : { $value }
hist-panel-restore-create = Une création ne peut pas être annulée ainsi.
hist-panel-restored = Valeur restaurée : { $value }.
hist-panel-unchanged = Le champ avait déjà cette valeur : rien n’a changé.
hist-panel-more = { $count ->
    [one] Afficher une modification de plus
   *[other] Afficher { $count } modifications de plus
}
hist-field-name = Nom
hist-field-name-hy = Nom en arménien
hist-field-other-names = Autres graphies
hist-field-category = Catégorie
hist-field-sex = Sexe
hist-field-born = Date de naissance
hist-field-birth-place = Lieu de naissance
hist-field-role = Fonction
hist-field-rank = Grade
hist-field-unit = Unité
hist-field-captured = Date de capture
hist-field-capture-place = Lieu de capture
hist-field-circumstances = Circonstances
hist-field-situation = Situation juridique
hist-field-icrc = CICR
hist-field-court-applications = Requêtes
hist-field-bio-fr = Biographie (français)
hist-field-bio-en = Biographie (anglais)
hist-field-disclosure = Publication
hist-field-notes = Notes
hist-field-relation = Lien
hist-field-phone = Téléphone
hist-field-email = Courriel
hist-field-address = Adresse
hist-field-languages = Langues
hist-field-title = Titre
hist-field-date = Date
hist-field-kind = Type
hist-field-description = Description
hist-field-place = Lieu
hist-field-public = Public
hist-field-author = Auteur
hist-field-reliability = Fiabilité
hist-field-reference = Référence
hist-field-note = Note
hist-field-caption = Légende
hist-field-credit = Crédit
hist-field-crop = Cadrage
# Parrains et parrainages
hist-field-country = Pays
hist-field-city = Ville
hist-field-signatory = Signataire
hist-field-contacts = Personnes à contacter
hist-field-logo-id = Logo
hist-field-website = Site web
hist-field-sponsor-id = Parrain
hist-field-detainee-id = Personne parrainée
hist-field-stage = Étape
hist-field-commitments = Engagements
hist-field-ceremony = Cérémonie
hist-field-end-reason = Motif de fin
hist-field-ended-on = Date de fin
hist-field-predecessor-id = Parrainage précédent
hist-field-successor-id = Parrainage suivant
hist-field-actions = Journal des actions
