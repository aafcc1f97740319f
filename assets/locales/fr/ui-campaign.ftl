# Parrains, parrainages, communiqués, documents et modèles (écrans « campagne »). Le français fait foi ; chaque
# identifiant existe aussi dans en/ui-campaign.ftl.

## Commun

camp-save = Enregistrer
camp-cancel = Annuler
camp-delete = Supprimer
camp-remove = Retirer
camp-saving = Enregistrement…
camp-choose = — Choisir —
camp-unsaved = Modifications non enregistrées
camp-lang-fr = Français
camp-lang-en = Anglais
camp-bad-day = « { $value } » n’est pas une date complète : écrivez AAAA-MM-JJ (par exemple 2024-03-21).
camp-day-hint = AAAA-MM-JJ, par exemple 2024-03-21.

## Types de parrain

camp-sponsor-kind-city = Ville ou collectivité
camp-sponsor-kind-ngo = Association
camp-sponsor-kind-person = Personnalité
camp-sponsor-kind-parliamentarian = Parlementaire
camp-sponsor-kind-institution = Institution

# Étapes d’un parrainage : stage-* dans ui.ftl (partagées par tous les écrans).

## Engagements

camp-family-communicate = Communiquer
camp-family-plead = Plaider
camp-family-support = Soutenir
camp-commit-logo = Donner son logo pour le site et les réseaux sociaux
camp-commit-banner = Afficher un kakemono ou une banderole à l’image du prisonnier
camp-commit-public-signing = Signer la convention en public
camp-commit-public-events = Participer aux événements publics pour la libération
camp-commit-media = En parler : entretiens, site, réseaux sociaux, lettre d’information
camp-commit-lobbying = Plaider aux niveaux national, européen et international
camp-commit-meet-family = Rencontrer la famille du prisonnier
camp-commit-solidarity-events = Se joindre aux événements pour les prisonniers et les disparus
camp-commit-material-support = Apporter un soutien matériel ou une subvention
camp-cstatus-planned = Prévu
camp-cstatus-in-progress = En cours
camp-cstatus-done = Réalisé
camp-cstatus-dropped = Abandonné
camp-commitment-status = Statut : { $value }
camp-commitment-note = Note : { $value }
camp-commitments = Engagements
camp-commitments-count = Engagements réalisés : { $value }
camp-no-commitments = Aucun engagement choisi.

## Fin d’un parrainage et actions

camp-end-released = Prisonnier libéré
camp-end-handed-over = Transmis à un autre parrain
camp-end-withdrawn = Retrait du parrain
camp-action-letter = Courrier
camp-action-email = Courriel
camp-action-call = Appel
camp-action-meeting = Réunion
camp-action-event = Événement
camp-action-interview = Entretien
camp-action-other = Autre

## Parrains

camp-sponsor-new = Nouveau parrain
camp-sponsor-new-title = Nouveau parrain
camp-sponsor-name = Nom
camp-sponsor-kind = Type de parrain
camp-sponsor-country = Pays
camp-sponsor-city = Ville
camp-sponsor-address = Adresse
camp-sponsor-signatory = Signataire
camp-sponsor-signatory-name = Nom du signataire
camp-sponsor-signatory-title = Qualité du signataire
camp-sponsor-signatory-title-hint = Par exemple « Maire de Villefranche ».
camp-sponsor-signatory-needed = Indiquez le nom du signataire, ou effacez sa qualité.
camp-sponsor-website = Site web
camp-sponsor-languages = Langues de correspondance
camp-sponsor-languages-hint = Codes séparés par des virgules, par exemple fr, en.
camp-sponsor-notes = Notes
camp-sponsor-list = Liste des parrains
camp-sponsor-active = { $count ->
    [0] Aucun parrainage actif
    [one] 1 parrainage actif
   *[other] { $count } parrainages actifs
}
camp-sponsor-logo-import = Importer le logo…
camp-sponsor-logo-alt = Logo de { $value }
camp-sponsor-no-logo = Pas de logo
camp-sponsor-logo-imported = Logo importé.
camp-sponsor-saved = Parrain enregistré.
camp-sponsor-delete = Supprimer ce parrain
camp-sponsor-deleted = Parrain supprimé.
camp-sponsor-sponsorships = Ses parrainages
camp-sponsor-no-sponsorships = Aucun parrainage pour ce parrain.
camp-sponsor-back = ← Tous les parrains
camp-sponsor-edit = Modifier
camp-sponsor-form-invalid = Le formulaire contient des erreurs : corrigez les champs signalés.
camp-col-name = Nom
camp-col-kind = Type
camp-col-city = Ville
camp-col-active = Parrainages actifs
camp-contacts = Personnes à contacter
camp-contact-name = Nom
camp-contact-role = Fonction
camp-contact-email = Courriel
camp-contact-phone = Téléphone
camp-contact-add = Ajouter une personne à contacter
camp-contact-remove = Retirer cette personne
camp-contact-bad-email = « { $value } » n’est pas une adresse de courriel valable.
camp-no-contacts = Aucune personne à contacter.

## Parrainages

camp-board = Parrainages par étape
camp-sponsorship-new = Nouveau parrainage
camp-sponsorship-new-title = Nouveau parrainage
camp-whole-group = Tout le groupe
camp-ceremony-on = Cérémonie : { $date }
camp-column-empty = Aucun parrainage à cette étape.
camp-sponsorship-sponsor = Parrain
camp-sponsorship-detainee = Parrainage de
camp-sponsorship-target-one = Un détenu
camp-detainee-search = Rechercher un détenu
camp-detainee-search-hint = Tapez une partie du nom, en alphabet latin ou arménien.
camp-detainee-chosen = Détenu choisi : { $value }
camp-detainee-change = Changer
camp-detainee-none = Aucun détenu ne correspond à « { $value } ».
camp-detainee-required = Choisissez un détenu, ou « Tout le groupe ».
camp-sponsor-required = Choisissez un parrain.
camp-no-sponsors-yet = Aucun parrain pour l’instant : créez-en un d’abord dans l’écran Parrains.
camp-stage = Étape
camp-ceremony = Cérémonie de signature
camp-ceremony-date = Date de la cérémonie
camp-ceremony-place = Lieu
camp-ceremony-press = Presse présente et retombées
camp-end = Fin du parrainage
camp-end-reason = Motif de la fin
camp-ended-on = Date de fin
camp-handover = Transmettre à un autre parrain…
camp-handover-title = Transmettre ce parrainage
camp-handover-to = Nouveau parrain
camp-handover-explain = Ce parrainage sera terminé (« transmis ») et un nouveau sera créé pour le parrain choisi, à l’étape « Accord obtenu », avec les mêmes engagements.
camp-handover-confirm = Transmettre
camp-handover-done = Parrainage transmis.
camp-actions = Journal des actions
camp-action-date = Date
camp-action-kind = Type d’action
camp-action-summary = Résumé
camp-action-add = Ajouter l’action
camp-action-remove = Retirer cette action
camp-no-actions = Aucune action enregistrée.
camp-action-summary-required = Décrivez l’action en quelques mots.
camp-notes = Notes
camp-predecessor = Reprend un parrainage précédent
camp-successor = Transmis à un nouveau parrainage
camp-open-linked = Ouvrir
camp-generate-agreement = Générer la convention
camp-sponsorship-save = Enregistrer
camp-sponsorship-saved = Parrainage enregistré.
camp-sponsorship-delete = Supprimer ce parrainage
camp-sponsorship-deleted = Parrainage supprimé.
camp-sponsorship-not-found = Ce parrainage est introuvable.
camp-sponsorship-back = ← Tous les parrainages
camp-sponsorship-stage-saved = Étape enregistrée : { $value }.

## Communiqués

camp-press-new = Nouveau communiqué
camp-press-list = Liste des communiqués
camp-press-date = Date
camp-press-cities = Villes de la ligne de date
camp-press-cities-hint = Séparées par des virgules. Vide : les villes du collectif.
camp-press-title = Titre
camp-press-body = Texte (Markdown)
camp-press-body-hint = **gras**, *italique*, ## intertitre, - élément de liste ; une ligne vide sépare les paragraphes.
camp-press-lang = Langue
camp-press-kit = Inclure dans le dossier de presse
camp-press-in-kit = Dossier de presse
camp-press-contacts = Contacts presse (vide : ceux du collectif)
camp-press-preview = Aperçu
camp-press-preview-waiting = L’aperçu apparaîtra dès que le titre et le texte seront remplis.
camp-press-preview-failed = Aperçu impossible
camp-press-saved = Communiqué enregistré.
camp-press-delete = Supprimer ce communiqué
camp-press-deleted = Communiqué supprimé.
camp-press-back = ← Tous les communiqués
camp-press-untitled = (sans titre)
camp-open-settings = Ouvrir les paramètres

## Documents

camp-doc-kind = Document à produire
camp-doc-kind-agreement = Convention de parrainage
camp-doc-kind-factsheet = Fiche détenu
camp-doc-kind-press-release = Communiqué de presse
camp-doc-kind-presskit = Dossier de presse
camp-doc-kind-banner = Kakemono ou affiche
camp-doc-sponsorship = Parrainage
camp-doc-detainee = Détenu
camp-doc-release = Communiqué
camp-doc-lang = Langue du document
camp-doc-size = Format
camp-size-850x2000 = Kakemono 850 × 2000 mm (standard)
camp-size-800x2000 = Kakemono 800 × 2000 mm
camp-size-1000x2000 = Kakemono 1000 × 2000 mm
camp-size-1200x2000 = Kakemono 1200 × 2000 mm
camp-size-a3 = Affiche A3 (297 × 420 mm)
camp-size-a2 = Affiche A2 (420 × 594 mm)
camp-size-a1 = Affiche A1 (594 × 841 mm)
camp-doc-bleed = Fond perdu (mm)
camp-doc-pdfx = PDF/X-4 pour l’imprimeur
camp-doc-pdfx-hint = Profil d’impression FOGRA39 (offset, papier couché) intégré, comme le demandent la plupart des imprimeurs. Laissez décoché pour une impression au bureau.
camp-card-format = Format de la carte
camp-card-format-square = Carré 1080 × 1080 px (publication)
camp-card-format-portrait = Portrait 1080 × 1350 px
camp-card-format-story = Story 1080 × 1920 px
camp-card-format-landscape = Paysage 1200 × 675 px (lien partagé)
camp-card-size = { $value } — { $width } × { $height } px
camp-card-save = Enregistrer l’image…
camp-card-saved = Image enregistrée : { $value }
camp-card-preview = Aperçu de la carte
camp-doc-bleed-hint = 5 mm au moins chez la plupart des imprimeurs ; jusqu’à 20 mm en grand format.
camp-doc-bleed-bad = Indiquez un nombre de millimètres entre 0 et { $max }.
camp-doc-sponsor = Parrain affiché (facultatif)
camp-doc-no-sponsor = — Aucun parrain —
camp-doc-pick-required = Choisissez l’élément à mettre en page.
camp-doc-generate = Générer
camp-doc-generating = Mise en page en cours…
camp-doc-pages = { $count ->
    [one] 1 page
   *[other] { $count } pages
}, { $value }
camp-doc-save = Enregistrer…
camp-doc-saved = Document enregistré : { $value }
camp-doc-open = Ouvrir dans la visionneuse
camp-doc-preview = Aperçu du document
camp-doc-empty = Choisissez un document et cliquez sur « Générer » pour le voir ici.
camp-doc-no-records = Rien à choisir pour l’instant.
camp-preflight = Contrôle avant impression
camp-preflight-ok = Aucun problème détecté : le fichier peut partir chez l’imprimeur.
camp-preflight-blocking = { $count ->
    [one] 1 problème bloquant : corrigez-le avant d’envoyer le fichier à l’imprimeur.
   *[other] { $count } problèmes bloquants : corrigez-les avant d’envoyer le fichier à l’imprimeur.
}
camp-preflight-level-error = Erreur
camp-preflight-level-warning = Attention
camp-preflight-trim = Format fini : { $value } mm ; fond perdu : { $detail } mm
camp-preflight-fonts = Polices incorporées : { $value }
camp-preflight-images = Images placées
camp-preflight-what = Image
camp-preflight-pixels = Pixels
camp-preflight-printed = Taille imprimée
camp-preflight-ppi = Résolution effective
camp-preflight-ppi-value = { $value } ppp
camp-preflight-ppi-low = trop faible (100 ppp au minimum)
camp-preflight-ppi-fair = acceptable (150 ppp recommandés)
camp-batch = Kakemonos pour tous les détenus parrainés…
camp-batch-title = Kakemonos pour tous les détenus parrainés
camp-batch-progress = Production des kakemonos
camp-batch-count = { $value } sur { $detail }
camp-batch-current = En cours : { $value }
camp-batch-cancel = Arrêter
camp-batch-done = Terminé : { $value } kakemonos produits.
camp-batch-cancelled = Production arrêtée : { $value } kakemonos produits.
camp-batch-errors = Problèmes rencontrés :

## Modèles

camp-tpl-list = Modèles de documents
camp-tpl-custom = modifié
camp-tpl-editor = Source du modèle { $value }
camp-tpl-editor-unavailable = L’éditeur de modèles n’a pas pu se charger. Fermez puis rouvrez l’application ; vos modèles enregistrés ne sont pas touchés.
camp-tpl-position = Ligne { $count }, colonne { $value }
camp-tpl-saved = Modèle enregistré.
camp-tpl-reset = Rétablir le modèle par défaut
camp-tpl-reset-done = Modèle par défaut rétabli.
camp-tpl-error-title = Le modèle contient une erreur
camp-tpl-goto = Aller à la ligne { $count }
camp-tpl-choose = Choisissez un modèle dans la liste.
camp-tpl-preview-waiting = L’aperçu se met à jour pendant la saisie.
camp-tpl-empty = Aucun modèle disponible.
camp-tpl-label = { $value } — { $detail }
camp-doc-kind-banner-rollup = Kakemono (roll-up)
camp-doc-kind-banner-poster = Affiche
camp-doc-kind-card = Carte pour les réseaux sociaux
camp-doc-kind-ceremony-release = Communiqué de la cérémonie (brouillon)
camp-doc-kind-ceremony-checklist = Check-list de la cérémonie
camp-history = Historique des modifications
kit-explain = Un dossier prêt pour la cérémonie : la convention en deux exemplaires, le kakemono, la carte pour les réseaux sociaux, la fiche du détenu, un brouillon de communiqué (enregistré aussi parmi les communiqués) et la check-list. La cérémonie doit avoir une date et un lieu enregistrés.
kit-start = Préparer le kit de cérémonie…
kit-save-first = Enregistrez d’abord vos modifications : le kit reprend le parrainage enregistré.
kit-progress = Préparation du kit de cérémonie
kit-done = { $count ->
    [one] Kit prêt : 1 fichier dans { $value }.
   *[other] Kit prêt : { $count } fichiers dans { $value }.
}
kit-open-folder = Ouvrir le dossier
kit-open-release = Modifier le brouillon de communiqué
kit-cancelled = Kit annulé : rien n’a été écrit.
kit-replace = Remplacer le contenu de ce dossier
kit-replace-confirm = Confirmer : remplacer les fichiers
