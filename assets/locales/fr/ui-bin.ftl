# La corbeille (screens/bin/) et l'annulation d'une suppression.
nav-bin = Corbeille
bin-intro = Ce qui a été supprimé sur cet ordinateur reste ici, chiffré dans le dossier, avec son historique, jusqu’à ce que vous le restauriez ou vidiez la corbeille. Une fiche de détenu revient avec ses contacts familiaux et ses photos, un parrain avec son logo.
bin-nothing = La corbeille est vide.
bin-caption = { $count ->
    [one] { $count } élément dans la corbeille
   *[other] { $count } éléments dans la corbeille
}
bin-col-record = Fiche
bin-col-kind = Type
bin-col-deleted = Supprimée
bin-col-actions = Actions
bin-with = { $count ->
    [one] avec { $count } fiche liée
   *[other] avec { $count } fiches liées
}
bin-size-kb = { $value } Ko de photos
bin-size-mb = { $value } Mo de photos
bin-deleted-by = le { $date } par { $user }
bin-restore = Restaurer
bin-open = Ouvrir
bin-purge = Supprimer définitivement
bin-purge-confirm = Confirmer la suppression définitive
bin-empty-all = Vider la corbeille
bin-empty-confirm = { $count ->
    [one] Supprimer définitivement { $count } élément
   *[other] Supprimer définitivement { $count } éléments
}
bin-undo = Annuler
bin-restored = « { $value } » est restauré.
bin-purged = « { $value } » est supprimé définitivement.
bin-emptied = { $count ->
    [0] La corbeille était déjà vide.
    [one] Corbeille vidée : { $count } élément supprimé définitivement.
   *[other] Corbeille vidée : { $count } éléments supprimés définitivement.
}
bin-photo-deleted = Photo supprimée.
bin-item-deleted = Supprimé.
bin-kind-detainee = Détenu
bin-kind-contact = Contact familial
bin-kind-media = Photo ou logo
bin-kind-source = Source
bin-kind-event = Événement
bin-kind-sponsor = Parrain
bin-kind-sponsorship = Parrainage
bin-kind-press-release = Communiqué
bin-kind-profile = Profil du collectif
