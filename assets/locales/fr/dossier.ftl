# Messages du dossier (ligne de commande et application). Les deux langues doivent définir les mêmes identifiants :
# un test le vérifie.

err-wrong-passphrase = Phrase secrète incorrecte, ou ce fichier n’est pas un dossier : { $path }. Rien n’a été modifié.
err-no-dossier = Aucun dossier à l’emplacement { $path }. Créez-en un avec « dossier init ».
err-already-exists = Un fichier existe déjà à l’emplacement { $path } ; il n’a pas été écrasé.
err-weak-passphrase = La phrase secrète doit comporter au moins { $min } caractères.
err-guessable-passphrase = Cette phrase secrète est trop facile à deviner (solidité { $score } sur 4, il faut au moins 3). { $hint } Le plus sûr : quatre ou cinq mots pris au hasard, faciles à retenir, par exemple « { $example } » (tiré au hasard à l’instant, jamais enregistré).
weak-hint-keyboard = Les suites de touches voisines du clavier se devinent vite.
weak-hint-repeats = Les répétitions (« aaa », « abcabc ») se devinent vite.
weak-hint-sequence = Les suites comme « abc » ou « 123 » se devinent vite.
weak-hint-dates = Les dates et les années se devinent vite.
weak-hint-common = Elle ressemble à un mot de passe très répandu.
weak-hint-names = Les prénoms et les noms de famille seuls se devinent vite.
weak-hint-words = Un mot ou deux seulement, ou des mots trop courants.
err-passphrase-mismatch = Les deux phrases secrètes saisies sont différentes.
err-not-found = { $kind } introuvable : { $id }.
err-ambiguous-id = L’identifiant « { $id } » désigne plusieurs fiches ; donnez-en davantage de caractères.
err-in-use = Impossible de supprimer { $kind } { $id } : encore référencé par { $by }.
err-image = Image refusée ({ $path }) : { $reason }
img-not-an-image = ce fichier n’est pas une image (JPEG ou PNG attendu).
img-unsupported = format non pris en charge (JPEG ou PNG attendu).
img-too-large = le fichier pèse { $mb } Mo, la limite est de { $max } Mo.
img-too-many-pixels = l’image mesure { $w } × { $h } pixels, au-delà de la limite de { $max } mégapixels.
img-corrupt = le fichier est endommagé ou incomplet.
err-file-missing = Fichier introuvable : { $path }.
err-read = Lecture impossible de { $path } : { $reason }
err-write = Écriture impossible dans { $path } : { $reason }
err-disk-full = Le disque est plein : l’opération a été annulée et rien de ce qui était enregistré n’a été perdu. Libérez de la place puis réessayez.
err-corrupt = Le dossier est endommagé. Restaurez une sauvegarde.
err-too-new = Ce dossier a été créé par une version plus récente de Libertas Dossier ; mettez l’application à jour.
err-database = Une erreur inattendue de la base de données a interrompu l’opération ; rien de ce qu’elle faisait n’a été enregistré.
inv-empty = Le champ « { $field } » ne peut pas être vide.
inv-too-long = Le champ « { $field } » dépasse { $max } caractères.
inv-unknown = Valeur inconnue pour « { $field } » : « { $value } ». Valeurs possibles : { $allowed }.
inv-bad-date = Date invalide pour « { $field } » : « { $value } » (attendu AAAA-MM-JJ, AAAA-MM, AAAA ou ~AAAA-MM-JJ).
inv-capture-before-birth = La date de capture est antérieure à la date de naissance.
inv-in-future = La date du champ « { $field } » est dans le futur.
inv-bad-number = Valeur numérique invalide pour « { $field } » : « { $value } ».
inv-bad-email = Adresse électronique invalide dans « { $field } ».
inv-plain-name = « { $field } » doit être un nom simple : sans / \ < > ni caractère de contrôle.
inv-no-such-field = Champ inconnu : « { $field } ». Champs disponibles : { $known }.
field-name = nom
field-name-hy = nom arménien
field-other-names = autres graphies
field-category = catégorie
field-born = date de naissance
field-captured = date de capture
field-status = statut
field-sex = sexe
field-phone = téléphone
field-email = courriel
field-kind = type
field-stage = étape
field-commitments = engagements
field-signatory = signataire
field-title = titre
field-body = texte
field-end-reason = motif de fin
field-successor-id = parrainage successeur
field-author = auteur
field-id = identifiant
field-row = ligne
field-map = --map
field-actions-summary = résumé de l'action
field-ceremony-date = date de la cérémonie
field-ceremony-place = lieu de la cérémonie
field-ceremony-press = presse de la cérémonie
field-crop = cadrage de la photo
field-detainee-id = détenu
field-sponsor-id = parrain
field-icrc-visits = visites du CICR
field-lang = langue
field-orientation = orientation
field-passphrase = phrase de passe
field-public = public
field-consent = consentement
field-sentence-years = années de peine
field-size = format
field-sponsored = parrainé
field-address = adresse
field-bio-en = biographie (anglais)
field-bio-fr = biographie (français)
field-birth-place = lieu de naissance
field-campaign-url = adresse de la campagne
field-caption = légende
field-capture-place = lieu de capture
field-circumstances = circonstances
field-city = ville
field-commitments-note = note d'engagement
field-commitment-status = état de l'engagement
field-contacts-email = courriel du contact
field-contacts-name = nom du contact
field-contacts-phone = téléphone du contact
field-contacts-role = rôle du contact
field-country = pays
field-court-applications-court = juridiction
field-court-applications-note = note de la requête
field-court-applications-reference = référence de la requête
field-court-applications-status = état de la requête
field-credit = crédit
field-description = description
field-members-city = ville de l'organisation membre
field-members-description-en = description de l'organisation membre (anglais)
field-members-description-fr = description de l'organisation membre (français)
field-members-name = nom de l'organisation membre
field-note = note
field-notes = notes
field-place = lieu
field-rank = grade
field-reference = référence
field-relation = lien de parenté
field-role = rôle
field-signatory-title = titre du signataire
field-situation-court = juridiction
field-situation-note = note sur la situation
field-unit = unité
field-website = site web
field-share = feuilles de secours
field-date = date
field-detainee = détenu
field-contact = contact familial
field-media = image
field-source = source
field-event = événement
field-sponsor = parrain
field-sponsorship = parrainage
field-press-release = communiqué de presse
field-profile = profil du collectif

kind-detainee = Détenu
kind-contact = Contact familial
kind-media = Image
kind-source = Source
kind-event = Événement
kind-sponsor = Parrain
kind-sponsorship = Parrainage
kind-press-release = Communiqué
kind-profile = Profil du collectif

cli-passphrase = Phrase secrète du dossier :
cli-passphrase-new = Nouvelle phrase secrète (au moins 8 caractères) :
cli-passphrase-again = Saisissez-la à nouveau :
cli-passphrase-warning = Attention : une phrase secrète perdue ne peut pas être retrouvée, et le dossier serait alors illisible. Notez-la en lieu sûr.
cli-created = Dossier créé : { $path }
cli-demo-done = Exemple fictif ajouté : { $detainees } détenus, { $sponsors } parrains, { $sponsorships } parrainages.
cli-no-results = Aucun résultat.
cli-deleted = Supprimé : dans la corbeille (entrée { $bin }), « dossier bin restore { $bin } » le fait revenir.
cli-bin-empty = La corbeille est vide.
cli-bin-with = { $count ->
    [one] { $count } fiche liée
   *[other] { $count } fiches liées
}
cli-bin-restored = { $kind } « { $label } » restauré ({ $id }).
cli-bin-purged = Supprimé définitivement.
cli-bin-emptied = { $count ->
    [0] La corbeille était déjà vide.
    [one] Corbeille vidée : { $count } entrée supprimée définitivement.
   *[other] Corbeille vidée : { $count } entrées supprimées définitivement.
}
cli-no-passphrase = Aucune phrase secrète : définissez DOSSIER_PASSPHRASE ou lancez la commande dans un terminal.
cli-confidential = CONFIDENTIEL — ne jamais publier

err-template = Modèle « { $name } » refusé : { $reason }
err-template-line = Modèle « { $name } », ligne { $line } : { $reason }
err-template-limit = Modèle « { $name } » arrêté : { $reason }
err-template-limit-line = Modèle « { $name } », ligne { $line }, arrêté : { $reason }
tpl-limit-fuel = il demande plus d'étapes, ou construit plus de texte, qu'aucun document n'en a besoin (une boucle sans fin, ou un texte qui double sans cesse ?). Rien n'a été produit.
tpl-limit-output = son texte dépasse { $mb } Mo, plus qu'aucun document n'en a besoin. Rien n'a été produit.
err-unknown-directive = Modèle « { $name } » : directive « { $directive } » inconnue (directives connues : { $known })
err-unknown-directive-line = Modèle « { $name } », ligne { $line } : directive « { $directive } » inconnue (directives connues : { $known })
err-no-profile = Le profil du collectif n’est pas renseigné (nom, signataire, logos) : complétez-le avant de produire des documents.
err-not-public = La famille n’a pas consenti à la publication du nom de cette personne ({ $name }) : aucun document public ne peut la mentionner.
err-render = Le document n’a pas pu être composé.
cat-pow = Prisonnier de guerre
cat-civilian = Civil
cat-political = Dirigeant politique
cat-disappeared = Disparu
cat-pow-plural = Prisonniers de guerre
cat-civilian-plural = Civils
cat-political-plural = Dirigeants politiques
cat-disappeared-plural = Disparus
status-detained = Détenu
status-on-trial = En procès
status-sentenced = Condamné
status-released = Libéré
status-deceased = Décédé
status-unknown = Sort inconnu
sex-male = Homme
sex-female = Femme
sponsor-kind-city = Ville ou collectivité
sponsor-kind-ngo = Association
sponsor-kind-person = Personnalité
sponsor-kind-parliamentarian = Parlementaire
sponsor-kind-institution = Institution
family-communicate = Communiquer
family-plead = Plaider
family-support = Soutenir
commit-logo = Donner son logo pour le site de la campagne et les réseaux sociaux
commit-banner = Afficher une banderole ou un kakemono à l’image du prisonnier, à l’intérieur ou à l’extérieur de son bâtiment
commit-public-signing = Signer la convention en public
commit-public-events = Participer aux événements publics pour la libération
commit-media = En parler dans ses entretiens, sur son site, ses réseaux sociaux et sa lettre d’information
commit-lobbying = Plaider, avec les autres parrains, aux niveaux national, européen et international
commit-meet-family = Rencontrer la famille du prisonnier, en visioconférence ou en personne
commit-solidarity-events = Se joindre aux événements pour les prisonniers et les victimes de disparitions forcées
commit-material-support = Apporter un soutien matériel ou une subvention au collectif

doc-page = page
doc-contents = Sommaire
doc-around = vers le { $date }
doc-for-collective = Pour le collectif
doc-for-sponsor = Pour le parrain
doc-copy = Exemplaire { $n } sur { $of }
doc-signature = Signature
doc-years = { $n ->
    [one] { $n } an
   *[other] { $n } ans
}
doc-captured = Capture :
doc-days-held = { $n ->
    [one] { $n } jour de détention
   *[other] { $n } jours de détention
}
doc-days-missing = { $n ->
    [one] { $n } jour sans nouvelles
   *[other] { $n } jours sans nouvelles
}
pf-photo = Photo
pf-logo = Logo ({ $owner })
pf-no-photo = Aucune photo publique et consentie : la zone photo reste vide.
pf-no-url = Aucune adresse de campagne dans le profil : pas de QR code.
pf-low-res-error = { $what } : { $ppi } ppi à la taille d’impression, en dessous du minimum de 100 ppi.
pf-low-res-warning = { $what } : { $ppi } ppi à la taille d’impression, en dessous des 150 ppi recommandés.
pf-outside-safe = Un texte sort de la zone utile (à { $x } mm, { $y } mm du coin) : il serait coupé ou caché par le pied.
pf-overflow = Un texte ne tient pas dans sa zone même à la taille minimale.
pf-font = Police non incorporée : { $font }.
err-id-taken = { $kind } { $id } est déjà dans ce dossier : rien n'a été importé.
err-not-in-bin = Rien dans la corbeille ne correspond à « { $id } ».
err-bin-orphan = { $kind } « { $label } » ne peut pas revenir : la fiche à laquelle elle se rattache a été supprimée depuis. Restaurez-la d’abord depuis la corbeille.
err-spreadsheet = Impossible d'importer { $path } : { $reason }
err-sheet-too-large = Impossible d'importer { $path }{ $where } : { $reason } Rien n'a été importé.
sheet-named = , feuille « { $sheet } »
sheet-limit-rows = une cellule remplie se trouve à la ligne { $row }, au-delà des { $max } lignes qu'un import lit.
sheet-limit-columns = une cellule remplie se trouve dans la colonne { $column }, au-delà des { $max } colonnes qu'un import lit.
sheet-limit-cells = il contient plus que les { $max } cellules qu'un import lit.
sheet-limit-file = le fichier pèse { $mb } Mo, la limite est de { $max } Mo.
sheet-limit-unpacked = sa partie { $part } se décompresse en plus de { $max } Mo (un fichier compressé fait pour remplir la mémoire).
err-old-workbook = { $path } est un classeur Excel d'ancien format (.xls) ou protégé par un mot de passe, qui ne peut pas être lu sans risque : enregistrez-le en .xlsx ou .ods, sans mot de passe, et importez ce fichier.
err-import-refused = Import de { $path } refusé : { $errors ->
    [one] { $errors } ligne en erreur
   *[other] { $errors } lignes en erreur
}, { $duplicates ->
    [one] { $duplicates } doublon possible
   *[other] { $duplicates } doublons possibles
}. Rien n'a été importé ; corrigez les lignes (ou lancez avec --dry-run pour le rapport complet).
err-not-empty = Le dossier { $path } contient d'autres fichiers ; choisissez un dossier vide ou un export précédent du site.
err-folder-not-empty = Le dossier { $path } contient déjà des fichiers ; choisissez un dossier vide, ou confirmez son remplacement (--force).
err-folder-not-empty-app = Le dossier { $path } contient déjà des fichiers ; choisissez un dossier vide, ou confirmez son remplacement.
err-no-ceremony = Le parrainage n’a pas encore { $missing ->
    [both] de date ni de lieu de cérémonie
    [date] de date de cérémonie
   *[place] de lieu de cérémonie
 } : renseignez { $missing ->
    [both] la date et le lieu
    [date] la date
   *[place] le lieu
 } de la cérémonie avant de préparer le kit. Rien n’a été écrit.
err-cancelled = Annulé : rien n'a été écrit dans le dossier.
err-sealed-export = { $path } est un export scellé : indiquez la phrase secrète qui l'a scellé.
err-wrong-export-passphrase = Cette phrase secrète n'ouvre pas l'export scellé { $path } (rien n'a été importé).
err-export-too-large = { $path } dépasse { $max } Go, le maximum qu'un import d'export lit : rien n'a été importé.
err-export-media-too-large = Impossible d'importer { $path } : son image { $id } pèse { $mb } Mo, la limite est de { $max } Mo (rien n'a été importé).
imp-line-problem = ligne { $line } : { $message }
imp-duplicate = « { $name } » est peut-être déjà dans le dossier : { $others }. Ajoutez l'identifiant de cette fiche à la ligne pour la mettre à jour, ou utilisez --allow-duplicates / --skip-duplicates.
imp-dup-line = { $name } (ligne { $line })
imp-title = Import de { $path }
imp-dry-run = simulation : rien n'a été enregistré
imp-applied = importé
imp-columns = Colonnes :
imp-ignored = (ignorée)
imp-csv-format = { $encoding }, séparateur { $delimiter }
imp-delimiter-semicolon = point-virgule
imp-delimiter-comma = virgule
imp-delimiter-tab = tabulation
imp-sheet-skipped = feuille ignorée
imp-summary = { $create } à créer, { $update } à mettre à jour, { $skip } ignorées, { $errors } en erreur, { $duplicates } doublons possibles.
imp-done = Import terminé : { $create } créées, { $update } mises à jour, { $skip } ignorées.
imp-json-done = Import de l'export JSON : { $records ->
    [one] { $records } fiche
   *[other] { $records } fiches
} et { $history ->
    [one] { $history } entrée d'historique.
   *[other] { $history } entrées d'historique.
}
imp-json-check = Export JSON vérifié : { $records ->
    [one] { $records } fiche
   *[other] { $records } fiches
} et { $history ->
    [one] { $history } entrée d'historique peuvent être importées.
   *[other] { $history } entrées d'historique peuvent être importées.
}
imp-json-history-skipped = { $skipped ->
    [one] { $skipped } entrée d'historique portant sur une fiche déjà dans ce dossier, ou absente du fichier, a été écartée.
   *[other] { $skipped } entrées d'historique portant sur des fiches déjà dans ce dossier, ou absentes du fichier, ont été écartées.
}
exp-done = { $count ->
    [one] { $count } fiche exportée dans { $path }.
   *[other] { $count } fiches exportées dans { $path }.
}
exp-json-warning = Attention : ce fichier n'est PAS chiffré et contient les contacts des familles. Conservez-le aussi prudemment que le dossier, et supprimez-le dès qu'il ne sert plus.
exp-json-sealed = Le fichier est scellé (chiffrement age) par la phrase secrète du dossier, ou par DOSSIER_EXPORT_PASSPHRASE si elle est définie : il se réimporte avec cette phrase secrète, et `age -d` l'ouvre aussi.
exp-website-done = Flux du site écrit dans { $path } : { $detainees } détenus, { $sponsors } parrains.

err-bad-backup = La sauvegarde { $path } est endommagée ou incomplète ({ $reason }). Rien n’a été restauré ni remplacé ; essayez une autre sauvegarde.
err-no-such-change = L’historique ne contient pas de modification n° { $seq }.
err-nothing-to-restore = La modification n° { $seq } a créé la fiche : il n’y a pas de valeur antérieure à restaurer.
err-io = Le disque a signalé une erreur d’entrée-sortie : l’opération a été annulée et rien de ce qui était enregistré n’a été perdu. Vérifiez le disque ou le support de stockage, puis réessayez.
cli-check-ok = Intégrité : OK. Le dossier { $path } est intact (empreinte { $digest }).
cli-check-bad = Intégrité : ENDOMMAGÉ. Le dossier { $path } présente { $n ->
    [one] { $n } problème
   *[other] { $n } problèmes
}. N’y faites plus de modification et restaurez une sauvegarde (« dossier restore »).
cli-backup-done = Sauvegarde écrite et vérifiée : { $path } ({ $bytes } octets, empreinte { $digest }).
cli-backup-recovery-copied = Fichier de récupération copié à côté : { $path } (les feuilles de récupération rouvriront aussi cette sauvegarde).
cli-backup-rotated = Anciennes sauvegardes automatiques supprimées : { $n }.
cli-restored = Dossier restauré depuis { $source } dans { $target } (empreinte { $digest }).
cli-set-aside = Le dossier qui s’y trouvait est conservé, intact, sous le nom { $path }.
cli-backup-verified = Sauvegarde valide : { $path } s’ouvre avec cette phrase secrète et passe tous les contrôles (empreinte { $digest }).
cli-passphrase-changed = Phrase secrète changée. { $reencrypted ->
    [0] Aucune sauvegarde automatique à rechiffrer.
    [one] La sauvegarde automatique a été rechiffrée avec la nouvelle phrase secrète.
   *[other] Les { $reencrypted } sauvegardes automatiques ont été rechiffrées avec la nouvelle phrase secrète.
}{ $removed ->
    [0] {""}
    [one] {" "}Une sauvegarde automatique faite avec une phrase secrète plus ancienne a été supprimée.
   *[other] {" "}{ $removed } sauvegardes automatiques faites avec des phrases secrètes plus anciennes ont été supprimées.
} Les copies faites ailleurs (backup -o, une clé USB, un autre ordinateur) s’ouvrent toujours avec l’ancienne phrase secrète : remplacez-les ou supprimez-les.
cli-value-restored = Restauré : { $kind } { $id }, champ « { $field } ».
cli-value-unchanged = Rien à faire : { $kind } { $id }, le champ « { $field } » contient déjà cette valeur.
cli-compacted = Dossier compacté.

## Desktop app shell (src-tauri)
app-error-locked = Le dossier est verrouillé. Saisissez la phrase secrète pour continuer.
app-error-no-document = Ce document n'est plus disponible : générez-le à nouveau.
app-error-no-drop = Ces fichiers déposés ne sont plus disponibles : déposez-les à nouveau.
app-error-bad-argument = La demande de l'interface est invalide et a été refusée.
app-error-already-open = Le dossier est déjà ouvert : changez sa phrase secrète dans les paramètres.
app-error-not-chosen = Choisissez d’abord le fichier d’invitation, le dossier partagé et l’emplacement du nouveau dossier.
app-error-no-recent = Ce dossier n’est plus à cet endroit : choisissez-le avec « Ouvrir un autre dossier… ».
app-error-dialog = La fenêtre de choix de fichier n'a pas pu s'ouvrir.
app-error-open-viewer = Le document n'a pas pu être ouvert dans la visionneuse du système.
app-error-no-job = Cette tâche est déjà terminée.
app-file-agreement = convention-de-parrainage
app-file-factsheet = fiche
app-file-presskit = dossier-de-presse
app-file-banner = kakemono
app-file-card = carte

## Kit de la cérémonie (api::ceremony_kit)
cli-kit-release = Brouillon du communiqué enregistré : { $id } (à compléter avant l’envoi)
cli-kit-preflight = Contrôle du kakemono { $file } : { $verdict }
kit-preflight-ok = prêt pour l’imprimeur
kit-preflight-warning = imprimable, avec des avertissements
kit-preflight-error = à corriger avant impression
kit-lang-fr = français
kit-lang-en = anglais
kit-banner-size = { $size }, fond perdu { $bleed } mm
app-file-copy = exemplaire
app-file-ceremony-checklist = check-list-ceremonie
app-file-press-release = communique

## Partage d'un dossier entre bureaux (src/share)
err-share-not-shared = Ce dossier n'est pas partagé. Commencez par « share create --folder DOSSIER ».
err-share-already-shared = Ce dossier est déjà partagé.
err-share-wrong-code = Ce code n'ouvre pas l'invitation. Vérifiez les mots et réessayez ; rien n'a été créé.
err-share-not-an-invitation = Ce fichier n'est pas une invitation à un dossier partagé.
err-share-no-such-device = Aucun appareil « { $id } » dans la liste des appareils.
err-share-no-such-conflict = Aucun conflit ouvert « { $id } ».
err-share-bad-pick = Choisissez une valeur entre 1 et { $count } (pas { $pick }).
err-share-not-typeable = On peut saisir une autre valeur pour un champ, pas pour une fiche gardée ou supprimée : choisissez l’une des deux.
err-share-cannot-revoke-self = Un appareil ne peut pas se révoquer lui-même : révoquez-le depuis un autre appareil.
share-file-truncated = { $file } est incomplet (coupé pendant le transfert ou abîmé) : il a été ignoré.
share-file-not-a-change-file = { $file } n'est pas un fichier de modifications de ce dossier : il a été ignoré.
share-file-unknown-device = { $file } vient d'un appareil que ce dossier ne connaît pas (encore) : il sera réessayé à la prochaine synchronisation.
share-file-revoked-device = { $file } vient d'un appareil révoqué : il a été ignoré.
share-file-forged = { $file } a été modifié ou n'a pas été fait par l'appareil qu'il nomme (sa signature est fausse) : il a été ignoré.
share-file-wrong-key = { $file } n'est pas scellé avec la clé de ce dossier : il a été ignoré.
share-file-key-not-yet-known = { $file } est scellé avec une nouvelle clé qui n'est pas encore arrivée sur cet appareil : il sera réessayé à la prochaine synchronisation.
share-file-waiting = { $file } a besoin de modifications qui ne sont pas encore dans le dossier partagé : il sera réessayé à la prochaine synchronisation.
share-problem = { $subject } : { $message }
cli-share-created = Ce dossier est désormais partagé par { $folder } (appareil { $device }).
cli-share-invite-code = Code à usage unique (à transmettre séparément du fichier, de vive voix ou en personne) :
cli-share-joined = C'est fait : ce dossier est rempli depuis { $folder } (appareil { $device }).
cli-sync-summary = Synchronisation : { $written ->
    [one] { $written } fichier écrit
   *[other] { $written } fichiers écrits
}, { $applied ->
    [one] { $applied } appliqué
   *[other] { $applied } appliqués
}, { $records ->
    [one] { $records } fiche mise à jour
   *[other] { $records } fiches mises à jour
}, { $refused ->
    [one] { $refused } fichier refusé
   *[other] { $refused } fichiers refusés
}, { $conflicts ->
    [one] { $conflicts } conflit ouvert
   *[other] { $conflicts } conflits ouverts
}.
cli-sync-photos-waiting = { $count ->
    [one] { $count } photo ou logo n’est pas encore arrivé dans le dossier partagé : il apparaîtra à une prochaine synchronisation.
   *[other] { $count } photos ou logos ne sont pas encore arrivés dans le dossier partagé : ils apparaîtront à une prochaine synchronisation.
}
cli-share-revoked = L'appareil { $device } est révoqué : ses fichiers suivants sont ignorés partout. Lancez « share rotate-key » pour qu'il ne puisse pas lire les nouveaux fichiers.
cli-share-rotated = Nouvelle clé du dossier (numéro { $epoch }) : les fichiers sont désormais scellés avec elle.
cli-conflict-resolved = Conflit { $id } résolu.
cli-invite-code = Code d'invitation :

## Feuilles de secours (src/recovery)
err-recovery-unknown-word = Le mot n° { $position }, « { $word } », n'est pas un mot des feuilles de secours : relisez-le sur la feuille.
err-recovery-word-count = Une feuille de secours a { $expected } mots ; { $found } ont été lus. Vérifiez qu'aucun mot ne manque ni n'est en trop.
err-recovery-checksum = Un mot de cette feuille est mal recopié (la vérification ne correspond pas) : relisez les mots un par un.
err-recovery-version = Cette feuille vient d'une version plus récente de Libertas Dossier : mettez le logiciel à jour.
err-recovery-malformed = Ces mots ne forment pas une feuille de secours valable.
err-recovery-no-shares = Aucune feuille de secours n'a été donnée.
err-recovery-not-enough = { $needed } feuilles sont nécessaires pour rouvrir le dossier ; { $given ->
    [one] { $given } donnée
   *[other] { $given } données
}. Rien n'a été changé.
err-recovery-same-sheet-twice = La feuille n° { $number } a été donnée deux fois : il faut des feuilles différentes.
err-recovery-mixed-sets = Ces feuilles ne viennent pas du même jeu de feuilles de secours : elles ne peuvent pas être combinées.
err-recovery-other-set = Ces feuilles appartiennent à un autre jeu de feuilles de secours (un jeu plus ancien, remplacé depuis) : elles n'ouvrent plus ce dossier.
err-recovery-other-dossier = Ces feuilles appartiennent à un autre dossier.
err-recovery-wrong-shares = Ces feuilles ne se combinent pas : l'une d'elles est abîmée ou mal recopiée. Rien n'a été changé.
err-recovery-no-file = Le fichier de secours { $path } est introuvable : il doit se trouver à côté du dossier (copiez-le toujours avec le dossier).
err-recovery-bad-file = Le fichier de secours { $path } est abîmé : les feuilles ne peuvent pas rouvrir le dossier.
err-recovery-stale = Le fichier de secours ne correspond plus au dossier (sa phrase secrète a changé sans lui) : ces feuilles ne l'ouvrent plus ; il faut de nouvelles feuilles.
err-recovery-not-set-up = Ce dossier n'a pas de feuilles de secours. Créez-les avec « recovery create ».
err-recovery-bad-counts = Il faut au moins 2 feuilles pour rouvrir le dossier, pas plus que de feuilles, et au plus { $max } feuilles ({ $threshold } sur { $shares } demandé).
err-recovery-names-count = { $names ->
    [one] { $names } nom d'organisation
   *[other] { $names } noms d'organisation
} pour { $shares } feuilles : donnez un nom par feuille.
recovery-sheet-title = Feuille de secours du dossier
recovery-sheet-organisation = Organisation membre
recovery-sheet-dossier = Dossier
recovery-sheet-date = Date
recovery-sheet-sheet = Feuille
recovery-sheet-number = Feuille { $number } sur { $shares }
recovery-sheet-threshold = { $threshold } feuilles sur { $shares } rouvrent le dossier ; une seule ne révèle rien.
recovery-sheet-set = Jeu { $set }
recovery-sheet-unnamed = (organisation non nommée)
recovery-sheet-words = Les 35 mots de la feuille
recovery-sheet-instructions-title = Que faire de cette feuille
recovery-sheet-instructions =
    Gardez cette feuille dans un coffre ou un lieu sûr de votre organisation. Ne la photographiez pas, ne la copiez pas, ne l'envoyez pas par courriel.
    { $threshold } des { $shares } feuilles, réunies, rouvrent le dossier si sa phrase secrète est perdue. Une feuille seule ne révèle rien.
    Pour rouvrir : « dossier --db DOSSIER recovery open », puis tapez les mots des feuilles (ou scannez leur code QR) et choisissez une nouvelle phrase secrète.
    Le fichier « DOSSIER.recovery » doit rester à côté du dossier. Un changement de phrase secrète ne rend pas cette feuille caduque ; un nouveau jeu de feuilles, si.
cli-recovery-created = { $shares } feuilles de secours écrites dans { $dir } : { $threshold } d'entre elles rouvrent le dossier (jeu { $set }). Imprimez-les, remettez-en une à chaque organisation, puis effacez les fichiers.
cli-recovery-replaced = Les feuilles du jeu précédent ({ $old }) n'ouvrent plus ce dossier.
cli-recovery-opened = Dossier rouvert avec les feuilles { $sheets } : sa nouvelle phrase secrète est en place. Les feuilles de secours restent valables.
cli-recovery-status = Jeu { $set } : { $threshold } feuilles sur { $shares } rouvrent le dossier (créé le { $created }).
cli-recovery-status-file-ok = Le fichier de secours { $path } est en place.
cli-recovery-status-no-file = Attention : le fichier de secours { $path } manque ou ne correspond pas : ces feuilles ne peuvent pas rouvrir le dossier. Changez la phrase secrète ou créez de nouvelles feuilles.
cli-recovery-ask-sheet = Feuille { $number } : tapez ses mots (ou collez le contenu du code QR), puis une ligne vide :
cli-recovery-no-input = Donnez les feuilles avec --share FICHIER, --share-words "MOTS", ou tapez les mots.
cli-passphrase-recovery-kept = Les feuilles de secours restent valables.
search-whole-group = tout le groupe

## Pourquoi une valeur est refusée (error.rs, Reason)
inv-bad-value = Valeur invalide pour « { $field } » : « { $value } ».
inv-bad-crop = Le cadrage d'une photo s'écrit avec quatre nombres x,y,w,h compris entre 0 et 1 (le cadre dans l'image).
inv-commitment-twice = L'engagement « { $commitment } » est choisi deux fois.
inv-end-reason-not-ended = Seul un parrainage terminé a un motif de fin.
inv-already-ended = Ce parrainage est déjà terminé.
inv-same-sponsor = Le nouveau parrain est le parrain actuel.
inv-no-such-record = « { $field } » renvoie à une fiche absente du dossier.
inv-extra-cells = Cette ligne a { $cells ->
    [one] { $cells } cellule remplie
   *[other] { $cells } cellules
}, plus que { $columns ->
    [one] la colonne
   *[other] les { $columns } colonnes
} de l'en-tête.
inv-not-a-duplicate = La fiche choisie pour y fusionner cette ligne n'est pas l'un des doublons possibles trouvés.
inv-id-on-line = Le même identifiant figure déjà ligne { $line }.
field-map-app = correspondance des colonnes

## Fiches comptées (err-in-use)
kind-count-detainee = { $count ->
    [one] { $count } détenu
   *[other] { $count } détenus
}
kind-count-contact = { $count ->
    [one] { $count } contact familial
   *[other] { $count } contacts familiaux
}
kind-count-media = { $count ->
    [one] { $count } image
   *[other] { $count } images
}
kind-count-source = { $count ->
    [one] { $count } source
   *[other] { $count } sources
}
kind-count-event = { $count ->
    [one] { $count } événement
   *[other] { $count } événements
}
kind-count-sponsor = { $count ->
    [one] { $count } parrain
   *[other] { $count } parrains
}
kind-count-sponsorship = { $count ->
    [one] { $count } parrainage
   *[other] { $count } parrainages
}
kind-count-press-release = { $count ->
    [one] { $count } communiqué de presse
   *[other] { $count } communiqués de presse
}
kind-count-profile = { $count ->
    [one] { $count } profil du collectif
   *[other] { $count } profils du collectif
}

## Pourquoi le système a refusé une lecture ou une écriture (err-read, err-write)
io-not-found = le fichier ou le dossier n'existe pas.
io-permission-denied = l'accès est refusé (vérifiez les droits du fichier ou du dossier).
io-already-exists = un fichier de ce nom existe déjà.
io-is-a-directory = c'est un dossier, pas un fichier.
io-not-a-directory = une partie du chemin est un fichier, pas un dossier.
io-read-only = le disque ou le dossier est en lecture seule.
io-invalid-data = son contenu est endommagé ou incomplet.
io-too-large = le fichier est trop gros pour ce disque.
io-busy = le fichier est utilisé par un autre programme.
io-invalid-name = ce nom de fichier n'est pas valable sur ce système.
io-other = le système l'a refusé (détail technique ci-dessous).
cli-technical-detail = Détail technique (en anglais) : { $detail }

## Pourquoi une sauvegarde est refusée (err-bad-backup)
backup-copy-differs = la copie, relue, ne contient pas ce qui a été copié
backup-differs-from-dossier = elle ne contient pas ce que contient le dossier
backup-damaged = { $count ->
    [one] la vérification d'intégrité a trouvé { $count } problème
   *[other] la vérification d'intégrité a trouvé { $count } problèmes
}
backup-not-a-dossier = elle s'ouvre avec cette phrase de passe mais ne contient aucun dossier
backup-unreadable = elle ne peut pas être lue comme un dossier

## Pourquoi un modèle est refusé (err-template)
tpl-no-header = le modèle doit commencer par un en-tête entre deux lignes « --- ».
tpl-header-not-closed = l'en-tête n'est pas fermé par une ligne « --- ».
tpl-toml = cette ligne de l'en-tête ou de la mise en page est illisible (un guillemet manquant, un réglage mal orthographié ?).
tpl-bad-page = la page doit être a4, a5 ou letter, et non « { $page } ».
tpl-bad-margins = les marges doivent être comprises entre 5 et 60 mm.
tpl-unknown-template = ce modèle n'existe pas ; les modèles sont : { $known }.
tpl-syntax = un champ ou un bloc est mal écrit ({"{{"}, {"{%"} ou guillemet non fermé ?).
tpl-undefined = une valeur nommée ici n'existe pas dans le document (vérifiez son orthographe).
tpl-unknown-filter = un filtre nommé ici n'existe pas (vérifiez son orthographe).
tpl-unknown-test = un test nommé ici n'existe pas (vérifiez son orthographe).
tpl-unknown-function = une fonction nommée ici n'existe pas (vérifiez son orthographe).
tpl-unknown-method = une méthode nommée ici n'existe pas pour cette valeur.
tpl-invalid-operation = une opération ne s'applique pas à ces valeurs (un texte ajouté à un nombre ?).
tpl-arguments = un filtre ou une fonction reçoit trop ou trop peu de valeurs.
tpl-cannot-unpack = une valeur n'a pas autant de parties que les noms entre lesquels elle est répartie.
tpl-include = un modèle ne peut pas en inclure ou en étendre un autre.
tpl-other = le moteur de modèles l'a refusé.
tpl-markdown = le texte rempli ne peut pas être mis en page.
tpl-card-without-id = la directive « card » demande l'identifiant d'un détenu.
tpl-no-public-detainee = aucun détenu { $id } qu'un document public puisse montrer.
tpl-zone-outside = la zone « { $zone } » sort de la zone utile (x, y, w, h en sont des fractions, de 0 à 1).
tpl-unknown-colour = la zone « { $zone } » nomme la couleur « { $colour } », que la mise en page ne définit pas.
tpl-font-sizes = la zone « { $zone } » demande 0 < min_pt ≤ max_pt ≤ 1000.
tpl-bad-align = la zone « { $zone } » doit être alignée à gauche (left), au centre (center) ou à droite (right).
tpl-bad-cmyk = la couleur « { $colour } » a une composante CMJN hors de 0 à 1.
tpl-bad-rgb = la couleur « { $colour } » ne s’écrit pas #rrvvbb (rouge, vert et bleu en hexadécimal).

## Pourquoi un tableur ou un export ne peut pas être importé (err-spreadsheet)
sheet-prefix = feuille « { $sheet } » : {""}
sheet-not-text = ce n'est pas un fichier texte (CSV).
sheet-empty = le fichier est vide.
sheet-csv-line = la ligne { $line } est illisible (caractères ou guillemets inattendus).
sheet-no-filled-sheet = aucune feuille du classeur n'est remplie.
sheet-unreadable = le fichier ne peut pas être lu comme un tableur (endommagé, ou d'un autre format que celui de son nom).
sheet-no-such-column = il n'y a pas de colonne « { $column } » (colonnes trouvées : { $found }).
sheet-unknown-kind = { $sheet }impossible de savoir si les lignes sont des détenus ou des parrains ; précisez-le avec --kind detainee ou --kind sponsor.
sheet-unknown-kind-app = { $sheet }impossible de savoir si les lignes sont des détenus ou des parrains ; choisissez-le.
sheet-same-field = les colonnes « { $first } » et « { $second } » donnent toutes deux le champ « { $field } » ; ignorez-en une avec --map "{ $second }=".
sheet-same-field-app = les colonnes « { $first } » et « { $second } » donnent toutes deux le champ « { $field } » ; ignorez-en une.
sheet-no-name-column = { $sheet }aucune colonne ne donne le nom (colonnes trouvées : { $found }) ; désignez-en une avec --map "COLONNE=name".
sheet-no-name-column-app = { $sheet }aucune colonne ne donne le nom (colonnes trouvées : { $found }) ; indiquez laquelle.
export-not-an-export = ce n'est pas un export JSON de Libertas Dossier (ou il est endommagé).
export-other-format = c'est du JSON, mais pas un export de Libertas Dossier.
export-newer = il a été écrit par une version plus récente de Libertas Dossier (export version { $version }, celle-ci lit jusqu'à la { $max }) : mettez l'application à jour.
export-bad-media = son image { $id } est endommagée.
export-damaged-seal = le fichier scellé est endommagé ou incomplet.

## Les messages de l'application pour ceux qui nomment une commande ou une option de la ligne de commande
err-no-dossier-app = Aucun dossier à l’emplacement { $path }.
err-import-refused-app = Import de { $path } refusé : { $errors ->
    [one] { $errors } ligne en erreur
   *[other] { $errors } lignes en erreur
}, { $duplicates ->
    [one] { $duplicates } doublon possible
   *[other] { $duplicates } doublons possibles
}. Rien n'a été importé ; corrigez les lignes puis réessayez.
imp-duplicate-app = « { $name } » est peut-être déjà dans le dossier : { $others }. Ajoutez l'identifiant de cette fiche à la ligne pour la mettre à jour, ou choisissez d'accepter ou d'écarter les doublons.
err-share-not-shared-app = Ce dossier n'est pas partagé. Partagez-le d'abord, depuis les réglages.
err-recovery-not-set-up-app = Ce dossier n'a pas de feuilles de secours. Créez-les dans les réglages.
