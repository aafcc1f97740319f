# The bin (screens/bin/) and undoing a deletion.
nav-bin = Bin
bin-intro = What was deleted on this computer stays here, encrypted in the dossier, with its history, until you restore it or empty the bin. A detainee's record comes back with their family contacts and photos, a sponsor with its logo.
bin-nothing = The bin is empty.
bin-caption = { $count ->
    [one] { $count } item in the bin
   *[other] { $count } items in the bin
}
bin-col-record = Record
bin-col-kind = Kind
bin-col-deleted = Deleted
bin-col-actions = Actions
bin-with = { $count ->
    [one] with { $count } linked record
   *[other] with { $count } linked records
}
bin-size-kb = { $value } kB of photos
bin-size-mb = { $value } MB of photos
bin-deleted-by = on { $date } by { $user }
bin-restore = Restore
bin-open = Open
bin-purge = Delete for good
bin-purge-confirm = Confirm deleting for good
bin-empty-all = Empty the bin
bin-empty-confirm = { $count ->
    [one] Delete { $count } item for good
   *[other] Delete { $count } items for good
}
bin-undo = Undo
bin-restored = “{ $value }” is restored.
bin-purged = “{ $value }” is deleted for good.
bin-emptied = { $count ->
    [0] The bin was already empty.
    [one] Bin emptied: { $count } item deleted for good.
   *[other] Bin emptied: { $count } items deleted for good.
}
bin-photo-deleted = Photo deleted.
bin-item-deleted = Deleted.
bin-kind-detainee = Detainee
bin-kind-contact = Family contact
bin-kind-media = Photo or logo
bin-kind-source = Source
bin-kind-event = Event
bin-kind-sponsor = Sponsor
bin-kind-sponsorship = Sponsorship
bin-kind-press-release = Press release
bin-kind-profile = Collective's profile
