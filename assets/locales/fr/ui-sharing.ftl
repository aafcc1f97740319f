# Partage entre bureaux : section des paramètres, barre latérale, boîte des conflits, rejoindre.

settings-sharing-title = Partage entre bureaux
settings-sharing-hint = Un seul dossier pour plusieurs bureaux : chaque ordinateur garde son propre dossier chiffré, et les modifications passent, scellées, par un dossier que Syncthing (ou un partage réseau, une clé USB) transporte. L’application ne se connecte jamais au réseau.
sharing-not-shared = Ce dossier n’est pas partagé.
sharing-device-name = Nom de cet ordinateur
sharing-device-name-hint = Par exemple « Bureau de Paris ». Les autres bureaux le voient dans la liste des appareils.
sharing-create = Partager ce dossier…
sharing-create-hint = Choisissez ensuite le dossier que Syncthing synchronise entre les bureaux.
sharing-created = Le dossier est partagé.
sharing-join-other = Rejoindre le dossier partagé d’un autre bureau…
sharing-join-other-hint = Le dossier ouvert sera verrouillé ; un nouveau dossier sera créé à partir de l’invitation.
sharing-folder = Dossier partagé
sharing-last-sync = Dernière synchronisation
sharing-never = jamais
sharing-sync-now = Synchroniser maintenant
sharing-syncing = Synchronisation…
sharing-auto = Synchronisation automatique toutes les { $count } minutes, et à l’ouverture, au verrouillage et à la fermeture.
sharing-summary = { $written } envoi(s), { $applied } reçu(s), { $records } fiche(s) mise(s) à jour.
sharing-failed = Échec : { $value }
sharing-refused-title = Fichiers écartés
sharing-photos-waiting = { $count ->
    [one] Une photo annoncée n’est pas encore arrivée.
   *[other] { $count } photos annoncées ne sont pas encore arrivées.
}
sharing-devices = Appareils
sharing-device-self = cet ordinateur
sharing-device-revoked = révoqué
sharing-device-added = ajouté le { $date }
sharing-revoke = Révoquer
sharing-revoke-confirm = Révoquer { $value } ? Ses fichiers seront ignorés partout à partir de maintenant.
sharing-revoked = Appareil révoqué. Changez la clé pour que ses prochains fichiers soient illisibles pour lui.
sharing-rotate = Changer la clé partagée
sharing-rotate-hint = Après une révocation : les nouveaux fichiers sont scellés sous une clé que l’appareil révoqué n’a jamais eue.
sharing-rotated = Nouvelle clé partagée (n° { $count }).
sharing-invite-title = Inviter un ordinateur
sharing-invite-name = Nom du nouvel ordinateur
sharing-invite = Créer l’invitation…
sharing-invite-hint = Vous choisirez où enregistrer le fichier d’invitation. Remettez le fichier et le code par deux chemins différents (par exemple le fichier par clé USB, le code par téléphone).
sharing-invite-made = Invitation enregistrée : { $value }
sharing-invite-code = Code à usage unique
sharing-invite-code-hint = À lire ou dicter à la personne qui rejoint ; il ne sert qu’une fois.
sharing-qr-label = Le même code en QR code
sharing-conflicts-open = { $count ->
    [one] Un conflit à trancher
   *[other] { $count } conflits à trancher
}
sharing-see-conflicts = Voir les conflits

# Barre latérale
sync-state-never = Pas encore synchronisé
sync-state-ago = Synchronisé { $value }
sync-state-failed = Synchronisation impossible
sync-state-conflicts = { $count ->
    [one] 1 conflit
   *[other] { $count } conflits
}
sync-just-now = à l’instant

# Boîte des conflits
nav-conflicts = Conflits
conflicts-intro = Deux bureaux ont modifié la même information sans voir la modification de l’autre. Les deux valeurs sont gardées ; choisissez celle qui est juste, ou saisissez-en une autre. Votre décision parviendra à tous les bureaux.
conflicts-empty = Aucun conflit : tous les bureaux sont d’accord.
conflicts-field = Champ : { $value }
conflicts-record-field = La fiche elle-même
conflicts-by = { $user } · { $device } · { $date }
conflicts-current = valeur affichée
conflicts-keep = Garder cette valeur
conflicts-other = Autre valeur
conflicts-other-save = Enregistrer cette valeur
conflicts-resolved = Conflit tranché. La décision partira à la prochaine synchronisation.
conflicts-open-record = Ouvrir la fiche
conflicts-kept = La fiche est gardée
conflicts-deleted = La fiche est supprimée
conflicts-empty-value = (vide)
conflict-mark = Conflit
conflict-mark-hint = Deux bureaux ont modifié cette fiche en même temps : voir la boîte des conflits.

# Rejoindre
join-open = Rejoindre un dossier partagé…
join-title = Rejoindre un dossier partagé
join-explain = Un autre bureau vous a remis un fichier d’invitation et, séparément, un code. Le dossier partagé doit déjà être présent sur cet ordinateur (Syncthing l’a copié).
join-invitation = Fichier d’invitation
join-folder = Dossier partagé
join-location = Nouveau dossier
join-choose = Choisir…
join-not-chosen = non choisi
join-code = Code à usage unique
join-code-hint = Les sept mots du code, séparés par des espaces.
join-passphrase = Phrase secrète de ce nouveau dossier
join-confirm = La même phrase secrète, encore une fois
join-submit = Rejoindre
join-busy = Création du dossier et réception des fiches…
join-done = Dossier partagé rejoint.
