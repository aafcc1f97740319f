# Textes de l’interface de l’application (Svelte). Le français fait foi ; chaque identifiant doit aussi exister
# dans en/ui.ftl : un test (ui/src/lib/i18n.test.ts) le vérifie.

## Application

app-name = Libertas Dossier
app-tagline = Dossiers des détenus arméniens et de leurs parrains
skip-to-content = Aller au contenu principal
nav-label = Navigation principale
lang-label = Langue de l’interface
lang-fr = Français
lang-en = English
lock-now = Verrouiller
lock-now-hint = Fermer le dossier et demander à nouveau la phrase secrète

## Navigation et titres des écrans

nav-dashboard = Tableau de bord
nav-detainees = Détenus
nav-sponsors = Parrains
nav-sponsorships = Parrainages
nav-press = Communiqués
nav-documents = Documents
nav-templates = Modèles
nav-settings = Paramètres

## États vides

empty-dashboard = Aucune donnée à résumer pour l’instant.
empty-detainees = Aucun détenu pour l’instant.
empty-sponsors = Aucun parrain pour l’instant.
empty-sponsorships = Aucun parrainage pour l’instant.
empty-press = Aucun communiqué pour l’instant.
empty-documents = Aucun document produit pour l’instant.
empty-templates = Aucun modèle personnalisé pour l’instant : les modèles par défaut sont utilisés.
empty-settings = Aucun paramètre modifié pour l’instant.
empty-list = Aucun élément à afficher.

## Éléments communs

close = Fermer
cancel = Annuler
confirm = Confirmer
save = Enregistrer
loading = Chargement…
loading-rows = Chargement des lignes…
rows-error = Ces lignes n’ont pas pu être chargées.
retry = Réessayer
dismiss = Masquer le message
toast-repeated = ×{ $count }
error-title = Une erreur est survenue
error-code = Code : { $code }
unknown-error = Erreur inattendue : { $detail }
confirm-again = Cliquer à nouveau pour confirmer
confirm-pending = Confirmation demandée : cliquez à nouveau dans les { $seconds } secondes.
progress-label = Progression
progress-percent = { $percent } %
progress-cancel = Annuler l’opération
field-required = Ce champ est obligatoire.
required-mark = (obligatoire)
list-count = { $count ->
    [0] Aucune ligne
    [one] { $count } ligne
   *[other] { $count } lignes
}

## Dates

date-hint = AAAA, AAAA-MM, AAAA-MM-JJ, ou ~AAAA-MM-JJ si la date est approximative (exemple : 2020-11-09).
date-bad-format = « { $value } » n’est pas une date reconnue. Écrivez AAAA, AAAA-MM ou AAAA-MM-JJ (par exemple 2020-11-09), précédé de ~ si elle est approximative.
date-bad-month = Le mois { $month } n’existe pas : il doit être compris entre 01 et 12.
date-bad-day = Le { $day } n’existe pas dans ce mois ({ $month }/{ $year }).
date-too-old = L’année { $year } est trop ancienne : elle doit être 1850 ou plus.
date-approx = vers le { $date }
date-precision-day = Jour exact
date-precision-month = Mois connu
date-precision-year = Année connue
date-precision-approximate = Date approximative

## Valeurs des listes fermées (partagées par tous les écrans)

category-pow = Prisonnier de guerre
category-civilian = Civil
category-political = Dirigeant politique
category-disappeared = Disparu
category-pow-plural = Prisonniers de guerre
category-civilian-plural = Civils
category-political-plural = Dirigeants politiques
category-disappeared-plural = Disparus
status-detained = Détenu
status-on-trial = En procès
status-sentenced = Condamné
status-released = Libéré
status-deceased = Décédé
status-unknown = Sort inconnu
status-none = Situation non renseignée
stage-prospect = Piste
stage-approached = Contacté
stage-agreed = Accord obtenu
stage-signed = Signé
stage-active = Actif
stage-ended = Terminé

## Session : premier lancement, déverrouillage

session-starting = Ouverture de Libertas Dossier…
session-failed = L’application n’a pas pu démarrer
session-closing = Sauvegarde du dossier avant de quitter…
session-preview = Aperçu sans application : aucune donnée n’est chargée.
passphrase-show = Afficher
passphrase-hide = Masquer
strength-empty = Au moins { $min } caractères. Le plus sûr : quatre ou cinq mots pris au hasard, faciles à retenir.
strength-short = { $count ->
    [one] Trop courte : { $count } caractère, { $min } au minimum.
   *[other] Trop courte : { $count } caractères, { $min } au minimum.
}
strength-weak = Trop facile à deviner (solidité { $score } sur 4, il faut 3).
strength-good = Bonne phrase secrète.
strength-strong = Très bonne phrase secrète.

firstrun-title = Bienvenue dans Libertas Dossier
firstrun-what = Libertas Dossier rassemble, sur cet ordinateur, les dossiers des détenus arméniens, de leurs parrains et des parrainages, et prépare les documents de la campagne : conventions, kakemonos, fiches, communiqués et dossier de presse.
firstrun-private = Tout est gardé dans un seul fichier chiffré, le « dossier », protégé par une phrase secrète. Rien n’est envoyé sur Internet.
firstrun-where-title = Emplacement du dossier
firstrun-where = Le dossier sera créé ici :
firstrun-choose-location = Choisir un autre emplacement…
firstrun-open-existing = Ouvrir un dossier existant…
firstrun-create-title = Choisir la phrase secrète
firstrun-passphrase-explain = Elle sera demandée à chaque ouverture. Quatre ou cinq mots pris au hasard, que vous retiendrez, sont l’idéal : l’indicateur ci-dessous dit si elle est assez solide.
firstrun-passphrase = Phrase secrète
firstrun-confirm = Phrase secrète, une seconde fois
firstrun-pass-empty = Saisissez une phrase secrète.
firstrun-pass-short = La phrase secrète doit comporter au moins { $min } caractères ({ $count } pour l’instant).
firstrun-pass-weak = Cette phrase secrète est trop facile à deviner : ajoutez des mots pris au hasard.
firstrun-confirm-empty = Saisissez la phrase secrète une seconde fois.
firstrun-mismatch = Les deux saisies ne sont pas identiques.
firstrun-warning-title = Attention : une phrase secrète perdue ne peut pas être retrouvée.
firstrun-warning = Personne ne peut la retrouver ni la réinitialiser, pas même les auteurs de l’application. Sans elle, le dossier et ses sauvegardes restent illisibles pour toujours. Notez-la et rangez-la en lieu sûr.
firstrun-ack = J’ai noté ma phrase secrète en lieu sûr
firstrun-ack-required = Cochez cette case pour confirmer que vous avez noté votre phrase secrète.
firstrun-create = Créer le dossier
firstrun-creating = Création du dossier chiffré…

unlock-title = Déverrouiller le dossier
unlock-was-locked = Le dossier a été verrouillé. Saisissez la phrase secrète pour reprendre.
unlock-which = Dossier :
unlock-passphrase = Phrase secrète
unlock-submit = Déverrouiller
unlock-busy = Vérification de la phrase secrète…
unlock-empty = Saisissez la phrase secrète.
unlock-other-title = Un autre dossier ?
unlock-open-other = Ouvrir un autre dossier…
unlock-recent = Dossiers ouverts récemment
open-requested = Vous avez ouvert « { $value } » ; le dossier actuel est encore ouvert.
open-requested-action = Verrouiller et ouvrir
unlock-create-new = Créer un nouveau dossier ailleurs…

## Tableau de bord

dash-refresh = Actualiser
dash-empty-detail = Commencez par ajouter un détenu ou un parrain. Pour découvrir l’application, vous pouvez aussi charger des exemples entièrement fictifs, à supprimer ensuite.
dash-load-sample = Charger les exemples fictifs
dash-sample-loaded = Les exemples fictifs ont été chargés.
dash-totals = Chiffres clés
dash-total-detainees = { $count ->
    [one] détenu enregistré
   *[other] détenus enregistrés
}
dash-total-sponsors = { $count ->
    [one] parrain
   *[other] parrains
}
dash-total-held = { $count ->
    [one] personne encore détenue
   *[other] personnes encore détenues
}
dash-total-sponsorships = { $count ->
    [one] parrainage
   *[other] parrainages
}
dash-by-category = Par catégorie
dash-by-status = Par situation
dash-by-stage = Parrainages par étape
dash-none = Aucun détenu pour l’instant.
dash-no-sponsorships = Aucun parrainage pour l’instant.
dash-held-title = Jours de détention
dash-held-empty = Personne n’est détenu à ce jour d’après le dossier.
dash-chart-total = { $count } en tout
dash-held-summary = { $count ->
    [one] Une personne détenue : { $max } jours de détention.
   *[other] { $count } personnes détenues, de { $max } à { $min } jours de détention (les plus longues détentions d’abord).
}
dash-col-name = Nom
dash-col-category = Catégorie
dash-col-days = Jours de détention
dash-days = { $count ->
    [one] { $count } jour
   *[other] { $count } jours
}
dash-days-unknown = Date de capture inconnue
dash-show-all = Voir tout ({ $count })
dash-show-less = Voir moins
dash-upcoming-title = Cérémonies et événements à venir
dash-upcoming-empty = Aucune cérémonie ni aucun événement à venir.
dash-kind-ceremony = Cérémonie
dash-kind-event = Événement
dash-place-unknown = Lieu non précisé
dash-icrc-title = Sans visite du CICR depuis plus de cinq semaines
dash-icrc-hint = Personnes détenues dont la dernière visite du CICR date de plus de cinq semaines, ou qui n’en ont jamais reçu.
dash-icrc-empty = Toutes les personnes détenues ont reçu une visite du CICR ces cinq dernières semaines.
dash-last-visit = dernière visite : { $date }
dash-never-visited = jamais visité
dash-unsponsored-title = Sans parrain
dash-unsponsored-empty = Toutes les personnes détenues ont un parrain.

## Paramètres

settings-toc = Sections des paramètres
settings-profile-title = Profil du collectif
settings-profile-hint = Ces informations figurent sur les conventions, communiqués, kakemonos et dossiers de presse.
settings-profile-name = Nom du collectif
settings-members = Organisations membres
settings-members-empty = Aucune organisation membre pour l’instant.
settings-member-n = Membre { $count }
settings-member-name = Nom de l’organisation
settings-member-city = Ville
settings-member-desc-fr = Présentation en français
settings-member-desc-en = Présentation en anglais
settings-member-add = Ajouter une organisation membre
settings-member-remove = Retirer « { $value } »
settings-signatory = Signataire des conventions
settings-signatory-name = Nom
settings-signatory-title = Fonction
settings-signatory-title-hint = Par exemple : coordinatrice du collectif.
settings-public = Coordonnées publiques
settings-website = Site web
settings-campaign-url = Page de la campagne
settings-campaign-url-hint = Adresse vers laquelle pointe le QR code des kakemonos.
settings-cities = Villes de la ligne de date
settings-cities-hint = Séparées par des virgules, par exemple : Paris, Lyon, Genève.
settings-address = Adresse postale
settings-contacts = Contacts presse
settings-contacts-empty = Aucun contact presse pour l’instant.
settings-contact-n = Contact { $count }
settings-contact-name = Nom
settings-contact-role = Rôle
settings-contact-email = Courriel
settings-contact-phone = Téléphone
settings-contact-add = Ajouter un contact presse
settings-contact-remove = Retirer « { $value } »
settings-profile-refused = Le profil n’a pas été enregistré
settings-save-profile = Enregistrer le profil
settings-profile-saved = Le profil du collectif a été enregistré.
settings-logos-title = Logos du collectif
settings-logos-hint = Ils apparaissent sur les documents, dans cet ordre. Images JPEG ou PNG.
settings-logos-empty = Aucun logo pour l’instant.
settings-logo-alt = Logo { $count } du collectif
settings-logo-up = Avant
settings-logo-down = Après
settings-logo-remove = Retirer
settings-logos-save-hint = Le retrait et l’ordre des logos prennent effet à l’enregistrement du profil.
settings-logo-import = Ajouter un logo…
settings-logo-added = Le logo a été ajouté.
settings-logo-needs-profile = Enregistrez d’abord le profil (au moins son nom) pour pouvoir ajouter des logos.
settings-lang-title = Langue
settings-lang-legend = Langue de l’interface et des messages
settings-lang-hint = Le choix est conservé pour les prochaines ouvertures. Les documents ont leur propre choix de langue.
settings-security-title = Sécurité
settings-pass-title = Changer la phrase secrète
settings-pass-hint = Le dossier est rechiffré avec la nouvelle phrase secrète. Les sauvegardes déjà faites gardent l’ancienne.
settings-pass-current = Phrase secrète actuelle
settings-pass-new = Nouvelle phrase secrète
settings-pass-new-hint = Quatre ou cinq mots pris au hasard : solides et faciles à retenir.
settings-pass-confirm = Nouvelle phrase secrète, une seconde fois
settings-pass-submit = Changer la phrase secrète
settings-pass-busy = Rechiffrement du dossier…
settings-pass-changed = La phrase secrète a été changée. Notez la nouvelle en lieu sûr.
settings-lock-title = Verrouillage automatique et sauvegardes
settings-autolock = Verrouiller après (minutes d’inactivité)
settings-autolock-hint = 0 désactive le verrouillage automatique. Par défaut : 10 minutes.
settings-autolock-invalid = Indiquez un nombre entier de minutes entre 0 et 1440.
settings-backup-keep = Nombre de sauvegardes automatiques à conserver
settings-backup-keep-hint = Les plus anciennes sont supprimées au-delà.
settings-backup-keep-invalid = Indiquez un nombre entier entre 1 et 1000.
settings-backup-dir = Dossier des sauvegardes automatiques :
settings-save = Enregistrer ces réglages
settings-saved = Les réglages ont été enregistrés.
settings-backup-title = Sauvegarde et vérification
settings-backup-explain = Écrit une copie chiffrée et vérifiée du dossier à l’endroit de votre choix, par exemple sur une clé USB. Elle s’ouvre avec la même phrase secrète.
settings-backup-now = Sauvegarder maintenant…
settings-backup-busy = Sauvegarde en cours…
settings-backup-done = Sauvegarde vérifiée écrite ici :
settings-backup-cancelled = Sauvegarde annulée : aucun fichier n’a été écrit.
settings-check-title = Vérifier l’intégrité
settings-check-explain = Relit tout le dossier pour détecter un fichier abîmé ou modifié.
settings-check = Vérifier l’intégrité
settings-check-busy = Vérification en cours…
settings-check-ok = Le dossier est intact : aucun problème trouvé.
settings-check-problems = { $count ->
    [one] Un problème a été trouvé :
   *[other] { $count } problèmes ont été trouvés :
}
settings-check-advice = Faites une sauvegarde maintenant et gardez les précédentes ; demandez de l’aide avant de modifier le dossier.
settings-about = Libertas Dossier { $value } — dossier :

dash-more = … et { $count } autres personnes : voir la liste des détenus, avec ses filtres.

## Habits: unsaved edits, shortcuts, global search
unsaved-title = Modifications non enregistrées
unsaved-message = Certaines modifications ne sont pas encore enregistrées. Si vous continuez, elles seront perdues.
unsaved-stay = Continuer la saisie
unsaved-discard = Abandonner les modifications
shortcut-hint = { $label } ({ $keys })
search-global-label = Rechercher dans tout le dossier
search-global-placeholder = Rechercher un détenu, un parrain… ({ $keys })
search-global-none = Aucun résultat.
search-global-results = { $count ->
    [one] Un résultat
   *[other] { $count } résultats
}
search-kind-detainee = Détenu
search-kind-sponsor = Parrain
search-kind-sponsorship = Parrainage
search-kind-press-release = Communiqué
shortcut-new = Créer
shortcut-save = Enregistrer

## PDF preview
pdf-zoom-toolbar = Zoom de l’aperçu
pdf-zoom-in = Agrandir
pdf-zoom-out = Réduire
pdf-zoom-level = { $percent } %
pdf-zoom-fit = Ajuster à la largeur
pdf-zoom-real = Taille réelle

# Feuilles de secours
unlock-forgotten = Phrase secrète oubliée ?
recovery-open-title = Rouvrir le dossier avec les feuilles de secours
recovery-open-explain = Réunissez assez de feuilles de secours (deux sur trois, en général). Recopiez les mots de chaque feuille, ou chargez son fichier .txt. Majuscules, accents, numéros et espaces n’ont pas d’importance ; un mot mal recopié est signalé.
recovery-open-sheet = Feuille { $count }
recovery-open-sheet-ok = Feuille { $value } sur { $count } : lue
recovery-open-load = Charger un fichier .txt…
recovery-open-add = Ajouter une feuille
recovery-open-new = Nouvelle phrase secrète
recovery-open-confirm = Nouvelle phrase secrète, une seconde fois
recovery-open-submit = Rouvrir le dossier
recovery-open-busy = Réouverture…
recovery-opened = Dossier rouvert avec les feuilles { $value }, sous sa nouvelle phrase secrète. Les feuilles restent valables.
settings-recovery-title = Feuilles de secours
settings-recovery-hint = Si la phrase secrète est perdue, assez de feuilles réunies (par exemple deux des trois organisations membres) rouvrent le dossier ; une feuille seule ne révèle rien. Chaque feuille s’imprime, se remet en main propre et se garde dans un coffre ; le fichier « .recovery » créé à côté du dossier doit toujours l’accompagner.
recovery-none = Ce dossier n’a pas encore de feuilles de secours.
recovery-status = Jeu en vigueur : { $count } feuilles, { $value } suffisent ; créé le { $date }.
recovery-file-missing = Le fichier de secours { $value } manque à côté du dossier : sans lui, les feuilles ne servent à rien. Remettez-le en place ou créez un nouveau jeu.
recovery-first-set = Créer les feuilles
recovery-new-set = Créer un nouveau jeu (les feuilles actuelles ne serviront plus)
recovery-shares = Nombre de feuilles
recovery-threshold = Feuilles nécessaires
recovery-name = Organisation de la feuille { $count }
recovery-passphrase = Phrase secrète actuelle du dossier
recovery-create = Créer les feuilles…
recovery-busy = Création des feuilles…
recovery-made = { $count } feuilles de secours créées.
recovery-made-explain = { $count } feuilles écrites ({ $value } suffisent). Imprimez-les, remettez chacune à son organisation, puis effacez les fichiers de cet ordinateur.
recovery-sheet-n = Feuille { $count }
recovery-replaced = Les feuilles du jeu précédent ne rouvrent plus le dossier.

## File menu (top bar)
menu-file = Fichier
menu-import-detainees = Importer des détenus…
menu-import-sponsors = Importer des parrains…
menu-export = Exporter…
menu-new = Nouveau
menu-save = Enregistrer
menu-search = Rechercher
menu-backups = Sauvegardes…
