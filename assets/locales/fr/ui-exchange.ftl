# Import wizard, exports, backups (Settings → Données, Sauvegarde). Noms fictifs seulement dans les exemples.

hist-field-id = Identifiant
hist-field-status = Situation
hist-field-photo = Fichier photo
hist-field-logo = Fichier logo
hist-field-signatory-title = Titre du signataire

data-title = Données
data-explain = Importer des détenus ou des parrains depuis un tableur (CSV, XLSX, ODS) ou un export JSON, et exporter le dossier.
data-import = Importer…
data-export = Exporter…
data-import-detainees = Importer des détenus…
data-import-sponsors = Importer des parrains…

imp-title-detainees = Importer des détenus
imp-title-sponsors = Importer des parrains
imp-step-file = 1. Le fichier
imp-file-explain = Un tableur CSV, XLSX ou ODS, ou un export JSON complet du dossier. Rien n’est écrit avant que vous confirmiez l’import.
imp-choose-file = Choisir un fichier…
imp-choose-photos = Dossier des photos…
imp-choose-logos = Dossier des logos…
imp-photos-default = Par défaut : le dossier du fichier.
imp-sealed-passphrase = Phrase secrète de l’export scellé
imp-analyse = Analyser
imp-busy = Analyse en cours…
imp-step-columns = 2. Les colonnes
imp-detected = Lu comme : { $value }
imp-col-column = Colonne du fichier
imp-col-field = Champ de la fiche
imp-field-of = Champ de la colonne « { $value } »
imp-ignored = (ignorée)
imp-csv-format = { $encoding }, séparateur { $delimiter }
imp-delimiter-semicolon = point-virgule
imp-delimiter-comma = virgule
imp-delimiter-tab = tabulation
imp-sheet-skipped = Feuille « { $value } » laissée de côté.
imp-step-report = 3. Ce que ferait l’import
imp-summary = { $create ->
    [0] Aucune fiche créée
    [one] { $create } fiche créée
   *[other] { $create } fiches créées
}, { $update ->
    [one] { $update } mise à jour
   *[other] { $update } mises à jour
}, { $merge ->
    [one] { $merge } fusionnée
   *[other] { $merge } fusionnées
}, { $skip ->
    [one] { $skip } ligne ignorée
   *[other] { $skip } lignes ignorées
}.
imp-summary-errors = { $count ->
    [one] { $count } ligne en erreur : corrigez-la dans le fichier.
   *[other] { $count } lignes en erreur : corrigez-les dans le fichier.
}
imp-summary-undecided = { $count ->
    [one] { $count } doublon possible à trancher.
   *[other] { $count } doublons possibles à trancher.
}
imp-only-problems = Montrer d’abord les lignes à examiner
imp-col-line = Ligne
imp-col-action = Action
imp-col-name = Nom
imp-col-detail = Détail
imp-action-create = Création
imp-action-update = Mise à jour
imp-action-merge = Fusion
imp-action-skip = Ignorée
imp-action-error = Erreur
imp-changes = Champs modifiés : { $value }
imp-this-row = Cette ligne
imp-existing = Fiche existante : { $value }
imp-other-line = { $value }, ligne { $count } du fichier
imp-choice = Que faire de cette ligne ?
imp-choice-none = Choisir…
imp-choice-merge = Fusionner dans « { $value } » (compléter ses champs vides)
imp-choice-keep-both = Garder les deux (personnes différentes)
imp-choice-skip = Ignorer cette ligne
imp-hidden-rows = { $count ->
    [one] { $count } autre ligne sans remarque n’est pas affichée.
   *[other] { $count } autres lignes sans remarque ne sont pas affichées.
}
imp-json-summary = { $count ->
    [one] { $count } fiche serait ajoutée
   *[other] { $count } fiches seraient ajoutées
}, avec { $history } entrées d’historique.
imp-kind-detainee = Détenus
imp-kind-contact = Contacts familiaux
imp-kind-media = Photos et logos
imp-kind-source = Sources
imp-kind-event = Événements
imp-kind-sponsor = Parrains
imp-kind-sponsorship = Parrainages
imp-kind-press-release = Communiqués
imp-kind-profile = Profil du collectif
imp-applying = Import en cours
imp-progress = { $value } sur { $count } lignes
imp-cancelled = Import annulé : rien n’a été écrit.
imp-refused = Import refusé : rien n’a été écrit.
imp-done = { $count ->
    [one] Import terminé : { $count } fiche écrite.
   *[other] Import terminé : { $count } fiches écrites.
}
imp-apply = { $count ->
    [0] Importer
    [one] Importer { $count } fiche
   *[other] Importer { $count } fiches
}

exp-title = Exporter
exp-format = Format
exp-format-xlsx = Classeur XLSX
exp-format-xlsx-hint = détenus, parrains et parrainages, une feuille chacun
exp-format-csv = CSV
exp-format-csv-hint = un type de fiche, pour Excel ou LibreOffice
exp-format-json = Export complet (JSON)
exp-format-json-hint = tout le dossier, photos et historique compris, pour le réimporter
exp-format-website = Flux du site web
exp-format-website-hint = les données publiques et consenties seulement, dans un dossier
exp-csv-kind = Fiches
exp-kind-detainee = Détenus
exp-kind-sponsor = Parrains
exp-kind-sponsorship = Parrainages
exp-semicolon = Séparateur point-virgule (Excel en français)
exp-warning-title = Avant d’exporter
exp-warning-csv = Ce fichier contiendra les fiches choisies avec leurs noms, dates, lieux et situations, et leur identifiant.
exp-warning-xlsx = Ce classeur contiendra les détenus, les parrains et les parrainages avec leurs noms, dates, lieux et situations, et leur identifiant.
exp-warning-unencrypted = Il n’est pas chiffré : quiconque le trouve peut le lire. Ne le gardez pas plus longtemps que nécessaire.
exp-confidential = Données confidentielles (exclues sauf si vous les cochez)
exp-include-notes = Inclure les notes internes
exp-include-contacts = Inclure les contacts familiaux (une feuille à part)
exp-csv-no-contacts = Les contacts familiaux ne sont jamais exportés en CSV.
exp-json-explain = L’export complet contient tout, y compris les contacts familiaux : il est scellé (chiffré) par une phrase secrète, à transmettre séparément.
exp-json-passphrase = Phrase secrète de l’export
exp-json-confirm = La même, une seconde fois
exp-pass-mismatch = Les deux phrases secrètes diffèrent.
exp-json-plaintext = Écrire un fichier lisible, non chiffré
exp-json-plaintext-warning = Attention : quiconque trouve ce fichier pourra lire les contacts familiaux et les notes internes.
exp-website-explain = Choisissez un dossier vide (ou un export précédent du site) : il recevra feed.json, les photos et les logos publiables.
exp-start = Choisir où enregistrer…
exp-cancelled = Export annulé : aucun fichier n’a été écrit.
exp-writing = Écriture de { $value }…
exp-done = Export écrit : { $value }

backup-recovery-copied = Fichier de récupération copié à côté (les feuilles de récupération rouvriront aussi cette copie) :
backup-auto-title = Sauvegardes automatiques
backup-auto-explain = Une copie chiffrée et vérifiée est faite à chaque fermeture de l’application. Vous pouvez en vérifier une, ou revenir à l’une d’elles.
backup-none = Aucune sauvegarde automatique pour l’instant : la première sera faite à la fermeture de l’application.
backup-col-date = Date
backup-col-size = Taille
backup-col-state = État
backup-col-actions = Actions
backup-verify = Vérifier
backup-verifying = Vérification…
backup-verified = Vérifiée, intacte
backup-restore = Restaurer…
backup-restore-file = Restaurer depuis un fichier…
backup-restore-title = Restaurer une sauvegarde
backup-restore-what = Sauvegarde : { $value }
backup-restore-explain = La sauvegarde est d’abord vérifiée. Le dossier actuel n’est pas effacé : il est mis de côté, à côté du fichier. Le dossier se verrouille ensuite et s’ouvre sur la sauvegarde restaurée.
backup-restore-passphrase = Phrase secrète de cette sauvegarde
backup-restore-confirm = Vérifier et restaurer
backup-restoring = Vérification et restauration…
backup-compact-title = Compacter
backup-compact-explain = Reconstruit le fichier sans l’espace laissé par les fiches supprimées.
backup-compact = Compacter le dossier
backup-compacting = Compactage…
backup-compacted = Dossier compacté : il pèse maintenant { $value }.
