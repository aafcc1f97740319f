# Import wizard, exports, backups (Settings → Data, Backup). Fictional names only in examples.

hist-field-id = Id
hist-field-status = Situation
hist-field-photo = Photo file
hist-field-logo = Logo file
hist-field-signatory-title = Signatory's title

data-title = Data
data-explain = Import detainees or sponsors from a spreadsheet (CSV, XLSX, ODS) or a JSON export, and export the dossier.
data-import = Import…
data-export = Export…
data-import-detainees = Import detainees…
data-import-sponsors = Import sponsors…

imp-title-detainees = Import detainees
imp-title-sponsors = Import sponsors
imp-step-file = 1. The file
imp-file-explain = A CSV, XLSX or ODS spreadsheet, or a full JSON export of the dossier. Nothing is written until you confirm the import.
imp-choose-file = Choose a file…
imp-choose-photos = Photos folder…
imp-choose-logos = Logos folder…
imp-photos-default = By default: the file's folder.
imp-sealed-passphrase = Passphrase of the sealed export
imp-analyse = Analyse
imp-busy = Analysing…
imp-step-columns = 2. The columns
imp-detected = Read as: { $value }
imp-col-column = Column in the file
imp-col-field = Field of the record
imp-field-of = Field of column "{ $value }"
imp-ignored = (ignored)
imp-csv-format = { $encoding }, { $delimiter } separated
imp-delimiter-semicolon = semicolon
imp-delimiter-comma = comma
imp-delimiter-tab = tab
imp-sheet-skipped = Sheet "{ $value }" left out.
imp-step-report = 3. What the import would do
imp-summary = { $create ->
    [0] No record created
    [one] { $create } record created
   *[other] { $create } records created
}, { $update } updated, { $merge } merged, { $skip ->
    [one] { $skip } row skipped
   *[other] { $skip } rows skipped
}.
imp-summary-errors = { $count ->
    [one] { $count } row with errors: correct it in the file.
   *[other] { $count } rows with errors: correct them in the file.
}
imp-summary-undecided = { $count ->
    [one] { $count } possible duplicate to decide.
   *[other] { $count } possible duplicates to decide.
}
imp-only-problems = Show the rows to look at first
imp-col-line = Line
imp-col-action = Action
imp-col-name = Name
imp-col-detail = Detail
imp-action-create = Create
imp-action-update = Update
imp-action-merge = Merge
imp-action-skip = Skipped
imp-action-error = Error
imp-changes = Fields changed: { $value }
imp-this-row = This row
imp-existing = Existing record: { $value }
imp-other-line = { $value }, line { $count } of the file
imp-choice = What to do with this row?
imp-choice-none = Choose…
imp-choice-merge = Merge into "{ $value }" (fill its empty fields)
imp-choice-keep-both = Keep both (different people)
imp-choice-skip = Skip this row
imp-hidden-rows = { $count ->
    [one] { $count } other row without remarks is not shown.
   *[other] { $count } other rows without remarks are not shown.
}
imp-json-summary = { $count ->
    [one] { $count } record would be added
   *[other] { $count } records would be added
}, with { $history } history entries.
imp-kind-detainee = Detainees
imp-kind-contact = Family contacts
imp-kind-media = Photos and logos
imp-kind-source = Sources
imp-kind-event = Events
imp-kind-sponsor = Sponsors
imp-kind-sponsorship = Sponsorships
imp-kind-press-release = Press releases
imp-kind-profile = Collective's profile
imp-applying = Importing
imp-progress = { $value } of { $count } rows
imp-cancelled = Import cancelled: nothing was written.
imp-refused = Import refused: nothing was written.
imp-done = { $count ->
    [one] Import finished: { $count } record written.
   *[other] Import finished: { $count } records written.
}
imp-apply = { $count ->
    [0] Import
    [one] Import { $count } record
   *[other] Import { $count } records
}

exp-title = Export
exp-format = Format
exp-format-xlsx = XLSX workbook
exp-format-xlsx-hint = detainees, sponsors and sponsorships, a sheet each
exp-format-csv = CSV
exp-format-csv-hint = one kind of record, for Excel or LibreOffice
exp-format-json = Full export (JSON)
exp-format-json-hint = the whole dossier, photos and history included, to import back
exp-format-website = Website feed
exp-format-website-hint = public and consented data only, into a folder
exp-csv-kind = Records
exp-kind-detainee = Detainees
exp-kind-sponsor = Sponsors
exp-kind-sponsorship = Sponsorships
exp-semicolon = Semicolon separator (French Excel)
exp-warning-title = Before you export
exp-warning-csv = This file will hold the chosen records with their names, dates, places and situations, and their ids.
exp-warning-xlsx = This workbook will hold the detainees, sponsors and sponsorships with their names, dates, places and situations, and their ids.
exp-warning-unencrypted = It is not encrypted: anyone who finds it can read it. Do not keep it longer than needed.
exp-confidential = Confidential data (left out unless you tick it)
exp-include-notes = Include the internal notes
exp-include-contacts = Include the family contacts (a sheet of their own)
exp-csv-no-contacts = Family contacts are never exported to CSV.
exp-json-explain = The full export holds everything, family contacts included: it is sealed (encrypted) under a passphrase, to be handed over separately.
exp-json-passphrase = Passphrase of the export
exp-json-confirm = The same, once more
exp-pass-mismatch = The two passphrases differ.
exp-json-plaintext = Write a readable, unencrypted file
exp-json-plaintext-warning = Warning: anyone who finds this file can read the family contacts and internal notes.
exp-website-explain = Choose an empty folder (or a previous export of the site): it will receive feed.json and the publishable photos and logos.
exp-start = Choose where to save…
exp-cancelled = Export cancelled: no file was written.
exp-writing = Writing { $value }…
exp-done = Export written: { $value }

backup-recovery-copied = Recovery file copied beside it (the recovery sheets will reopen this copy too):
backup-auto-title = Automatic backups
backup-auto-explain = An encrypted, verified copy is made each time the app closes. You can verify one, or go back to one.
backup-none = No automatic backup yet: the first is made when the app closes.
backup-col-date = Date
backup-col-size = Size
backup-col-state = State
backup-col-actions = Actions
backup-verify = Verify
backup-verifying = Verifying…
backup-verified = Verified, intact
backup-restore = Restore…
backup-restore-file = Restore from a file…
backup-restore-title = Restore a backup
backup-restore-what = Backup: { $value }
backup-restore-explain = The backup is verified first. The current dossier is not erased: it is set aside, next to the file. The dossier then locks and opens on the restored backup.
backup-restore-passphrase = Passphrase of this backup
backup-restore-confirm = Verify and restore
backup-restoring = Verifying and restoring…
backup-compact-title = Compact
backup-compact-explain = Rebuilds the file without the space left by deleted records.
backup-compact = Compact the dossier
backup-compacting = Compacting…
backup-compacted = Dossier compacted: it now weighs { $value }.
