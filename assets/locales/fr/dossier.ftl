# Messages du dossier (ligne de commande et application). Les deux langues doivent définir les mêmes identifiants :
# un test le vérifie.

err-wrong-passphrase = Phrase secrète incorrecte, ou ce fichier n’est pas un dossier : { $path }. Rien n’a été modifié.
err-no-dossier = Aucun dossier à l’emplacement { $path }. Créez-en un avec « dossier init ».
err-already-exists = Un fichier existe déjà à l’emplacement { $path } ; il n’a pas été écrasé.
err-weak-passphrase = La phrase secrète doit comporter au moins { $min } caractères.
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
err-read = Lecture impossible de { $path } : { $detail }
err-write = Écriture impossible dans { $path } : { $detail }
err-disk-full = Le disque est plein : l’opération a été annulée et rien de ce qui était enregistré n’a été perdu. Libérez de la place puis réessayez.
err-corrupt = Le dossier est endommagé ({ $detail }). Restaurez une sauvegarde.
err-too-new = Ce dossier a été créé par une version plus récente de Libertas Dossier ; mettez l’application à jour.
err-database = Erreur de la base de données : { $detail }

inv-empty = Le champ « { $field } » ne peut pas être vide.
inv-too-long = Le champ « { $field } » dépasse { $max } caractères.
inv-unknown = Valeur inconnue pour « { $field } » : « { $value } ». Valeurs possibles : { $allowed }.
inv-bad-date = Date invalide pour « { $field } » : « { $value } » (attendu AAAA-MM-JJ, AAAA-MM, AAAA ou ~AAAA-MM-JJ).
inv-capture-before-birth = La date de capture est antérieure à la date de naissance.
inv-in-future = La date du champ « { $field } » est dans le futur.
inv-bad-number = Valeur numérique invalide pour « { $field } » : « { $value } ».
inv-bad-email = Adresse électronique invalide dans « { $field } ».
inv-no-such-field = Champ inconnu : « { $field } ». Champs disponibles : { $known }.
inv-malformed = Valeur invalide pour « { $field } » : { $detail }
inv-inconsistent = Valeur incohérente pour « { $field } » : { $detail }

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
cli-deleted = Supprimé.
cli-no-passphrase = Aucune phrase secrète : définissez DOSSIER_PASSPHRASE ou lancez la commande dans un terminal.
cli-confidential = CONFIDENTIEL — ne jamais publier
