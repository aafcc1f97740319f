# Dossier messages (command line and app). Both languages must define the same ids: a test checks it.

err-wrong-passphrase = Wrong passphrase, or this file is not a dossier: { $path }. Nothing was changed.
err-no-dossier = No dossier at { $path }. Create one with "dossier init".
err-already-exists = A file already exists at { $path }; it was not overwritten.
err-weak-passphrase = The passphrase must have at least { $min } characters.
err-guessable-passphrase = This passphrase is too easy to guess (strength { $score } out of 4, at least 3 needed). { $hint } Safest: four or five words picked at random, easy to remember, for example “{ $example }” (just drawn at random, never stored).
weak-hint-keyboard = Rows of neighbouring keys are quickly guessed.
weak-hint-repeats = Repeats (“aaa”, “abcabc”) are quickly guessed.
weak-hint-sequence = Sequences like “abc” or “123” are quickly guessed.
weak-hint-dates = Dates and years are quickly guessed.
weak-hint-common = It looks like a very common password.
weak-hint-names = First names and surnames on their own are quickly guessed.
weak-hint-words = Only a word or two, or words that are too common.
err-passphrase-mismatch = The two passphrases you typed differ.
err-not-found = { $kind } not found: { $id }.
err-ambiguous-id = The id "{ $id }" matches several records; give more of its characters.
err-in-use = Cannot delete { $kind } { $id }: still referred to by { $by }.
err-image = Image refused ({ $path }): { $reason }
img-not-an-image = this file is not an image (JPEG or PNG expected).
img-unsupported = unsupported format (JPEG or PNG expected).
img-too-large = the file is { $mb } MB, the limit is { $max } MB.
img-too-many-pixels = the image is { $w } × { $h } pixels, over the limit of { $max } megapixels.
img-corrupt = the file is damaged or incomplete.
err-file-missing = File not found: { $path }.
err-read = Cannot read { $path }: { $reason }
err-write = Cannot write { $path }: { $reason }
err-disk-full = The disk is full: the operation was cancelled and nothing already saved was lost. Free some space and try again.
err-corrupt = The dossier is damaged. Restore a backup.
err-too-new = This dossier was written by a newer version of Libertas Dossier; update the app.
err-database = An unexpected database error stopped the operation; nothing it was doing was saved.
inv-empty = The field "{ $field }" cannot be empty.
inv-too-long = The field "{ $field }" is longer than { $max } characters.
inv-unknown = Unknown value for "{ $field }": "{ $value }". Accepted values: { $allowed }.
inv-bad-date = Invalid date for "{ $field }": "{ $value }" (expected YYYY-MM-DD, YYYY-MM, YYYY or ~YYYY-MM-DD).
inv-capture-before-birth = The capture date is before the birth date.
inv-in-future = The date in "{ $field }" is in the future.
inv-bad-number = Invalid number for "{ $field }": "{ $value }".
inv-bad-email = Invalid email address in "{ $field }".
inv-plain-name = "{ $field }" must be a plain name: no / \ < > and no control characters.
inv-no-such-field = Unknown field: "{ $field }". Available fields: { $known }.
field-name = name
field-name-hy = Armenian name
field-other-names = other spellings
field-category = category
field-born = birth date
field-captured = capture date
field-status = status
field-sex = sex
field-phone = phone
field-email = email
field-kind = kind
field-stage = stage
field-commitments = commitments
field-signatory = signatory
field-title = title
field-body = body
field-end-reason = end reason
field-successor-id = successor sponsorship
field-author = author
field-id = id
field-row = row
field-map = --map
field-actions-summary = action summary
field-ceremony-date = ceremony date
field-ceremony-place = ceremony place
field-ceremony-press = ceremony press
field-crop = photo framing
field-detainee-id = detainee
field-sponsor-id = sponsor
field-icrc-visits = ICRC visits
field-lang = language
field-orientation = orientation
field-passphrase = passphrase
field-public = public
field-consent = consent
field-sentence-years = years of sentence
field-size = size
field-sponsored = sponsored
field-address = address
field-bio-en = biography (English)
field-bio-fr = biography (French)
field-birth-place = birth place
field-campaign-url = campaign address
field-caption = caption
field-capture-place = capture place
field-circumstances = circumstances
field-city = city
field-commitments-note = commitment note
field-commitment-status = commitment status
field-contacts-email = contact email
field-contacts-name = contact name
field-contacts-phone = contact phone
field-contacts-role = contact role
field-country = country
field-court-applications-court = court
field-court-applications-note = court application note
field-court-applications-reference = court application reference
field-court-applications-status = court application status
field-credit = credit
field-description = description
field-members-city = member organisation's city
field-members-description-en = member organisation's description (English)
field-members-description-fr = member organisation's description (French)
field-members-name = member organisation's name
field-note = note
field-notes = notes
field-place = place
field-rank = rank
field-reference = reference
field-relation = relation
field-role = role
field-signatory-title = signatory's title
field-situation-court = court
field-situation-note = note on the situation
field-unit = unit
field-website = website
field-share = recovery sheets
field-date = date
field-detainee = detainee
field-contact = family contact
field-media = image
field-source = source
field-event = event
field-sponsor = sponsor
field-sponsorship = sponsorship
field-press-release = press release
field-profile = collective profile

kind-detainee = Detainee
kind-contact = Family contact
kind-media = Image
kind-source = Source
kind-event = Event
kind-sponsor = Sponsor
kind-sponsorship = Sponsorship
kind-press-release = Press release
kind-profile = Collective profile

cli-passphrase = Dossier passphrase:
cli-passphrase-new = New passphrase (at least 8 characters):
cli-passphrase-again = Type it again:
cli-passphrase-warning = Warning: a lost passphrase cannot be recovered, and the dossier would then be unreadable. Write it down somewhere safe.
cli-created = Dossier created: { $path }
cli-demo-done = Fictional sample added: { $detainees } detainees, { $sponsors } sponsors, { $sponsorships } sponsorships.
cli-no-results = No results.
cli-deleted = Deleted: in the bin (entry { $bin }); “dossier bin restore { $bin }” brings it back.
cli-bin-empty = The bin is empty.
cli-bin-with = { $count ->
    [one] { $count } linked record
   *[other] { $count } linked records
}
cli-bin-restored = { $kind } “{ $label }” restored ({ $id }).
cli-bin-purged = Deleted for good.
cli-bin-emptied = { $count ->
    [0] The bin was already empty.
    [one] Bin emptied: { $count } entry deleted for good.
   *[other] Bin emptied: { $count } entries deleted for good.
}
cli-no-passphrase = No passphrase: set DOSSIER_PASSPHRASE or run the command in a terminal.
cli-confidential = CONFIDENTIAL — never publish

err-template = Template "{ $name }" refused: { $reason }
err-template-line = Template "{ $name }", line { $line }: { $reason }
err-template-limit = Template "{ $name }" stopped: { $reason }
err-template-limit-line = Template "{ $name }", line { $line }, stopped: { $reason }
tpl-limit-fuel = it takes more steps, or builds more text, than any document needs (a loop that does not end, or a text that keeps doubling?). Nothing was produced.
tpl-limit-output = its text is over { $mb } MB, more than any document needs. Nothing was produced.
err-unknown-directive = Template "{ $name }": unknown directive "{ $directive }" (known directives: { $known })
err-unknown-directive-line = Template "{ $name }", line { $line }: unknown directive "{ $directive }" (known directives: { $known })
err-no-profile = The collective's profile is not filled in (name, signatory, logos): complete it before producing documents.
err-not-public = The family has not consented to publishing this person's name ({ $name }): no public document may mention them.
err-render = The document could not be typeset.
cat-pow = Prisoner of war
cat-civilian = Civilian
cat-political = Political leader
cat-disappeared = Forcibly disappeared
cat-pow-plural = Prisoners of war
cat-civilian-plural = Civilians
cat-political-plural = Political leaders
cat-disappeared-plural = Forcibly disappeared
status-detained = Detained
status-on-trial = On trial
status-sentenced = Sentenced
status-released = Released
status-deceased = Deceased
status-unknown = Fate unknown
sex-male = Male
sex-female = Female
sponsor-kind-city = City or local authority
sponsor-kind-ngo = NGO
sponsor-kind-person = Public figure
sponsor-kind-parliamentarian = Member of parliament
sponsor-kind-institution = Institution
family-communicate = Communicate
family-plead = Plead
family-support = Support
commit-logo = Give its logo for the campaign website and social networks
commit-banner = Display banners and roll-ups with the prisoner's image, inside or outside its building
commit-public-signing = Sign the agreement in public
commit-public-events = Take part in public events for the release
commit-media = Speak of it in interviews, on its website, social networks and newsletter
commit-lobbying = Lobby, with other sponsors, at national, European and international level
commit-meet-family = Meet the prisoner's family, by video or in person
commit-solidarity-events = Join public events for prisoners and for victims of enforced disappearance
commit-material-support = Give material support or subsidies to the collective

doc-page = page
doc-contents = Contents
doc-around = around { $date }
doc-for-collective = For the collective
doc-for-sponsor = For the sponsor
doc-copy = Copy { $n } of { $of }
doc-signature = Signature
doc-years = { $n ->
    [one] { $n } year
   *[other] { $n } years
}
doc-captured = Captured:
doc-days-held = { $n ->
    [one] { $n } day in detention
   *[other] { $n } days in detention
}
doc-days-missing = { $n ->
    [one] { $n } day without news
   *[other] { $n } days without news
}
pf-photo = Photo
pf-logo = Logo ({ $owner })
pf-no-photo = No public, consented photo: the photo zone stays empty.
pf-no-url = No campaign address in the profile: no QR code.
pf-low-res-error = { $what }: { $ppi } ppi at print size, below the 100 ppi minimum.
pf-low-res-warning = { $what }: { $ppi } ppi at print size, below the recommended 150 ppi.
pf-outside-safe = Some text leaves the live area (at { $x } mm, { $y } mm from the corner): it would be trimmed or hidden by the stand.
pf-overflow = Some text does not fit its zone even at the minimum size.
pf-font = Font not embedded: { $font }.
err-id-taken = { $kind } { $id } is already in this dossier: nothing was imported.
err-not-in-bin = Nothing in the bin matches “{ $id }”.
err-bin-orphan = { $kind } “{ $label }” cannot come back: the record it belongs to has been deleted since. Restore that one from the bin first.
err-spreadsheet = Cannot import { $path }: { $reason }
err-sheet-too-large = Cannot import { $path }{ $where }: { $reason } Nothing was imported.
sheet-named = , sheet “{ $sheet }”
sheet-limit-rows = it has a filled cell on row { $row }, beyond the { $max } rows an import reads.
sheet-limit-columns = it has a filled cell in column { $column }, beyond the { $max } columns an import reads.
sheet-limit-cells = it holds more than the { $max } cells an import reads.
sheet-limit-file = the file is { $mb } MB, the limit is { $max } MB.
sheet-limit-unpacked = its part { $part } unpacks to more than { $max } MB (a compressed file built to fill the memory).
err-old-workbook = { $path } is an old-format Excel workbook (.xls) or a password-protected one, which cannot be read safely: save it as .xlsx or .ods, without a password, and import that.
err-import-refused = Import of { $path } refused: { $errors ->
    [one] { $errors } row with errors
   *[other] { $errors } rows with errors
}, { $duplicates ->
    [one] { $duplicates } possible duplicate
   *[other] { $duplicates } possible duplicates
}. Nothing was imported; fix the rows (or run with --dry-run for the full report).
err-not-empty = The folder { $path } holds other files; choose an empty folder or a previous website export.
err-folder-not-empty = The folder { $path } already holds files; choose an empty folder, or confirm replacing it (--force).
err-folder-not-empty-app = The folder { $path } already holds files; choose an empty folder, or confirm replacing it.
err-no-ceremony = The sponsorship has no ceremony { $missing ->
    [both] date and no ceremony place
    [date] date
   *[place] place
 } yet: fill in the ceremony's { $missing ->
    [both] date and place
    [date] date
   *[place] place
 } before preparing the kit. Nothing was written.
err-cancelled = Cancelled: nothing was written to the dossier.
err-sealed-export = { $path } is a sealed export: give the passphrase it was sealed with.
err-wrong-export-passphrase = This passphrase does not open the sealed export { $path } (nothing was imported).
err-export-too-large = { $path } is larger than { $max } GB, the most an export import reads: nothing was imported.
err-export-media-too-large = Cannot import { $path }: its image { $id } is { $mb } MB, the limit is { $max } MB (nothing was imported).
imp-line-problem = line { $line }: { $message }
imp-duplicate = "{ $name }" may already be in the dossier as { $others }: add that record's id to the row to update it, or use --allow-duplicates / --skip-duplicates.
imp-dup-line = { $name } (line { $line })
imp-title = Import of { $path }
imp-dry-run = dry run: nothing was saved
imp-applied = imported
imp-columns = Columns:
imp-ignored = (ignored)
imp-csv-format = { $encoding }, { $delimiter } separated
imp-delimiter-semicolon = semicolon
imp-delimiter-comma = comma
imp-delimiter-tab = tab
imp-sheet-skipped = sheet left out
imp-summary = { $create } to create, { $update } to update, { $skip } skipped, { $errors } with errors, { $duplicates } possible duplicates.
imp-done = Imported: { $create } created, { $update } updated, { $skip } skipped.
imp-json-done = Imported from the JSON export: { $records ->
    [one] { $records } record
   *[other] { $records } records
} and { $history ->
    [one] { $history } history entry.
   *[other] { $history } history entries.
}
imp-json-check = JSON export checked: { $records ->
    [one] { $records } record
   *[other] { $records } records
} and { $history ->
    [one] { $history } history entry
   *[other] { $history } history entries
} can be imported.
imp-json-history-skipped = { $skipped ->
    [one] { $skipped } history entry about a record already in this dossier, or that the file does not hold, was left out.
   *[other] { $skipped } history entries about records already in this dossier, or that the file does not hold, were left out.
}
exp-done = { $count ->
    [one] Exported { $count } record to { $path }.
   *[other] Exported { $count } records to { $path }.
}
exp-json-warning = Warning: this file is NOT encrypted and holds the family contacts. Keep it as safely as the dossier, and delete it when no longer needed.
exp-json-sealed = The file is sealed (age encryption) under the dossier's passphrase, or DOSSIER_EXPORT_PASSPHRASE when set: it imports back with that passphrase, and `age -d` opens it too.
exp-website-done = Website feed written to { $path }: { $detainees } detainees, { $sponsors } sponsors.

err-bad-backup = The backup { $path } is damaged or incomplete ({ $reason }). Nothing was restored or replaced; try another backup.
err-no-such-change = There is no change #{ $seq } in the history.
err-nothing-to-restore = Change #{ $seq } created the record: there is no earlier value to restore.
err-io = The disk reported an input/output error: the operation was cancelled and nothing already saved was lost. Check the disk or storage device, then try again.
cli-check-ok = Integrity: OK. The dossier { $path } is intact (digest { $digest }).
cli-check-bad = Integrity: DAMAGED. The dossier { $path } has { $n ->
    [one] { $n } problem
   *[other] { $n } problems
}. Make no further changes and restore a backup ("dossier restore").
cli-backup-done = Backup written and verified: { $path } ({ $bytes } bytes, digest { $digest }).
cli-backup-recovery-copied = Recovery file copied beside it: { $path } (the recovery sheets will reopen this backup too).
cli-backup-rotated = Older automatic backups removed: { $n }.
cli-restored = Dossier restored from { $source } into { $target } (digest { $digest }).
cli-set-aside = The dossier that was there is kept, untouched, as { $path }.
cli-backup-verified = Backup OK: { $path } opens with this passphrase and passes every check (digest { $digest }).
cli-passphrase-changed = Passphrase changed. { $reencrypted ->
    [0] No automatic backup to re-encrypt.
    [one] The automatic backup was re-encrypted under the new passphrase.
   *[other] The { $reencrypted } automatic backups were re-encrypted under the new passphrase.
}{ $removed ->
    [0] {""}
    [one] {" "}One automatic backup made under an older passphrase was removed.
   *[other] {" "}{ $removed } automatic backups made under older passphrases were removed.
} Copies made elsewhere (backup -o, a USB key, another computer) still open with the old passphrase: replace or delete them.
cli-value-restored = Restored: { $kind } { $id }, field "{ $field }".
cli-value-unchanged = Nothing to do: { $kind } { $id }, field "{ $field }" already holds that value.
cli-compacted = Dossier compacted.

## Desktop app shell (src-tauri)
app-error-locked = The dossier is locked. Enter the passphrase to continue.
app-error-no-document = This document is no longer available: generate it again.
app-error-no-drop = These dropped files are no longer available: drop them again.
app-error-bad-argument = The interface sent an invalid request; it was refused.
app-error-already-open = The dossier is already open: change its passphrase in the settings.
app-error-not-chosen = Choose the invitation file, the shared folder and where the new dossier goes first.
app-error-no-recent = That dossier is no longer there: choose it with “Open another dossier…”.
app-error-dialog = The file chooser could not be opened.
app-error-open-viewer = The document could not be opened in the system viewer.
app-error-no-job = This task has already finished.
app-file-agreement = sponsorship-agreement
app-file-factsheet = fact-sheet
app-file-presskit = press-kit
app-file-banner = banner
app-file-card = card

## Ceremony kit (api::ceremony_kit)
cli-kit-release = Press release draft saved: { $id } (fill it in before sending)
cli-kit-preflight = Banner check { $file }: { $verdict }
kit-preflight-ok = ready for the print shop
kit-preflight-warning = printable, with warnings
kit-preflight-error = to fix before printing
kit-lang-fr = French
kit-lang-en = English
kit-banner-size = { $size }, { $bleed } mm bleed
app-file-copy = copy
app-file-ceremony-checklist = ceremony-checklist
app-file-press-release = press-release

## Sharing one dossier between offices (src/share)
err-share-not-shared = This dossier is not shared. Start with "share create --folder FOLDER".
err-share-already-shared = This dossier is already shared.
err-share-wrong-code = This code does not open the invitation. Check the words and try again; nothing was created.
err-share-not-an-invitation = This file is not an invitation to a shared dossier.
err-share-no-such-device = No device "{ $id }" in the list of devices.
err-share-no-such-conflict = No open conflict "{ $id }".
err-share-bad-pick = Choose a value between 1 and { $count } (not { $pick }).
err-share-not-typeable = Another value can be typed for a field, not for a record kept or deleted: choose one of the two.
err-share-cannot-revoke-self = A device cannot revoke itself: revoke it from another device.
share-file-truncated = { $file } is incomplete (cut off in transfer or damaged): it was ignored.
share-file-not-a-change-file = { $file } is not a change file of this dossier: it was ignored.
share-file-unknown-device = { $file } comes from a device this dossier does not know (yet): it will be tried again at the next sync.
share-file-revoked-device = { $file } comes from a revoked device: it was ignored.
share-file-forged = { $file } was altered or not made by the device it names (its signature is wrong): it was ignored.
share-file-wrong-key = { $file } is not sealed with this dossier's key: it was ignored.
share-file-key-not-yet-known = { $file } is sealed with a new key that has not reached this device yet: it will be tried again at the next sync.
share-file-waiting = { $file } needs changes that are not in the folder yet: it will be tried again at the next sync.
share-problem = { $subject }: { $message }
cli-share-created = This dossier is now shared through { $folder } (device { $device }).
cli-share-invite-code = One-time code (give it separately from the file, by voice or in person):
cli-share-joined = Joined: this dossier is filled from { $folder } (device { $device }).
cli-sync-summary = Sync: { $written ->
    [one] { $written } file written
   *[other] { $written } files written
}, { $applied } applied, { $records ->
    [one] { $records } record updated
   *[other] { $records } records updated
}, { $refused ->
    [one] { $refused } file refused
   *[other] { $refused } files refused
}, { $conflicts ->
    [one] { $conflicts } open conflict
   *[other] { $conflicts } open conflicts
}.
cli-sync-photos-waiting = { $count ->
    [one] { $count } photo or logo has not reached the shared folder yet: it will appear at a later sync.
   *[other] { $count } photos or logos have not reached the shared folder yet: they will appear at a later sync.
}
cli-share-revoked = Device { $device } is revoked: its later files are ignored everywhere. Run "share rotate-key" so that it cannot read new files.
cli-share-rotated = New dossier key (number { $epoch }): files from now on are sealed with it.
cli-conflict-resolved = Conflict { $id } resolved.
cli-invite-code = Invitation code:

## Recovery sheets (src/recovery)
err-recovery-unknown-word = Word { $position }, "{ $word }", is not a recovery sheet word: check it on the sheet.
err-recovery-word-count = A recovery sheet has { $expected } words; { $found } were read. Check that no word is missing or extra.
err-recovery-checksum = A word of this sheet is mistyped (the check does not match): read the words again one by one.
err-recovery-version = This sheet comes from a newer version of Libertas Dossier: update the software.
err-recovery-malformed = These words do not make a valid recovery sheet.
err-recovery-no-shares = No recovery sheet was given.
err-recovery-not-enough = { $needed } sheets are needed to reopen the dossier; { $given ->
    [one] { $given } given
   *[other] { $given } given
}. Nothing was changed.
err-recovery-same-sheet-twice = Sheet { $number } was given twice: different sheets are needed.
err-recovery-mixed-sets = These sheets do not come from the same set of recovery sheets: they cannot be combined.
err-recovery-other-set = These sheets belong to another recovery set (an older one, replaced since): they no longer open this dossier.
err-recovery-other-dossier = These sheets belong to another dossier.
err-recovery-wrong-shares = These sheets do not combine: one of them is damaged or mistyped. Nothing was changed.
err-recovery-no-file = The recovery file { $path } is missing: it must be beside the dossier (always copy it with the dossier).
err-recovery-bad-file = The recovery file { $path } is damaged: the sheets cannot reopen the dossier.
err-recovery-stale = The recovery file no longer matches the dossier (its passphrase changed without it): these sheets no longer open it; new sheets are needed.
err-recovery-not-set-up = This dossier has no recovery sheets. Create them with "recovery create".
err-recovery-bad-counts = At least 2 sheets must be needed to reopen the dossier, no more than there are sheets, and at most { $max } sheets ({ $threshold } of { $shares } asked).
err-recovery-names-count = { $names ->
    [one] { $names } organisation name
   *[other] { $names } organisation names
} for { $shares } sheets: give one name per sheet.
recovery-sheet-title = Dossier recovery sheet
recovery-sheet-organisation = Member organisation
recovery-sheet-dossier = Dossier
recovery-sheet-date = Date
recovery-sheet-sheet = Sheet
recovery-sheet-number = Sheet { $number } of { $shares }
recovery-sheet-threshold = { $threshold } of the { $shares } sheets reopen the dossier; one alone reveals nothing.
recovery-sheet-set = Set { $set }
recovery-sheet-unnamed = (organisation not named)
recovery-sheet-words = The 35 words of the sheet
recovery-sheet-instructions-title = What to do with this sheet
recovery-sheet-instructions =
    Keep this sheet in a safe or a secure place of your organisation. Do not photograph it, copy it or send it by email.
    { $threshold } of the { $shares } sheets, brought together, reopen the dossier if its passphrase is lost. One sheet alone reveals nothing.
    To reopen: "dossier --db DOSSIER recovery open", then type the sheets' words (or scan their QR codes) and choose a new passphrase.
    The file "DOSSIER.recovery" must stay beside the dossier. A passphrase change does not void this sheet; a new set of sheets does.
cli-recovery-created = { $shares } recovery sheets written to { $dir }: { $threshold } of them reopen the dossier (set { $set }). Print them, give one to each organisation, then delete the files.
cli-recovery-replaced = The sheets of the previous set ({ $old }) no longer open this dossier.
cli-recovery-opened = Dossier reopened with sheets { $sheets }: its new passphrase is in place. The recovery sheets stay valid.
cli-recovery-status = Set { $set }: { $threshold } of { $shares } sheets reopen the dossier (created { $created }).
cli-recovery-status-file-ok = The recovery file { $path } is in place.
cli-recovery-status-no-file = Warning: the recovery file { $path } is missing or does not match: these sheets cannot reopen the dossier. Change the passphrase or create new sheets.
cli-recovery-ask-sheet = Sheet { $number }: type its words (or paste the QR code's content), then an empty line:
cli-recovery-no-input = Give the sheets with --share FILE, --share-words "WORDS", or type the words.
cli-passphrase-recovery-kept = The recovery sheets stay valid.
search-whole-group = the whole group

## Why a value was refused (error.rs, Reason)
inv-bad-value = Invalid value for "{ $field }": "{ $value }".
inv-bad-crop = The framing of a photo is four numbers x,y,w,h between 0 and 1 (the frame inside the image).
inv-commitment-twice = The commitment "{ $commitment }" is chosen twice.
inv-end-reason-not-ended = Only an ended sponsorship has an end reason.
inv-already-ended = This sponsorship has already ended.
inv-same-sponsor = The new sponsor is the current one.
inv-no-such-record = "{ $field }" refers to a record that is not in the dossier.
inv-extra-cells = This row has { $cells ->
    [one] { $cells } filled cell
   *[other] { $cells } cells
}, more than the { $columns ->
    [one] { $columns } column
   *[other] { $columns } columns
} of the header.
inv-not-a-duplicate = The record chosen to merge this row into is not one of those it may double.
inv-id-on-line = The same id is already on line { $line }.
field-map-app = column mapping

## Records counted (err-in-use)
kind-count-detainee = { $count ->
    [one] { $count } detainee
   *[other] { $count } detainees
}
kind-count-contact = { $count ->
    [one] { $count } family contact
   *[other] { $count } family contacts
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
    [one] { $count } event
   *[other] { $count } events
}
kind-count-sponsor = { $count ->
    [one] { $count } sponsor
   *[other] { $count } sponsors
}
kind-count-sponsorship = { $count ->
    [one] { $count } sponsorship
   *[other] { $count } sponsorships
}
kind-count-press-release = { $count ->
    [one] { $count } press release
   *[other] { $count } press releases
}
kind-count-profile = { $count ->
    [one] { $count } collective profile
   *[other] { $count } collective profiles
}

## Why the system refused a read or a write (err-read, err-write)
io-not-found = the file or folder does not exist.
io-permission-denied = access is denied (check the file's or folder's permissions).
io-already-exists = a file of that name already exists.
io-is-a-directory = it is a folder, not a file.
io-not-a-directory = a part of the path is a file, not a folder.
io-read-only = the disk or folder is read-only.
io-invalid-data = its content is damaged or incomplete.
io-too-large = the file is too large for this disk.
io-busy = the file is in use by another program.
io-invalid-name = the file name is not valid on this system.
io-other = the system refused it (technical detail below).
cli-technical-detail = Technical detail: { $detail }

## Why a backup was refused (err-bad-backup)
backup-copy-differs = the copy, read back, does not hold what was copied
backup-differs-from-dossier = it does not hold what the dossier holds
backup-damaged = { $count ->
    [one] the integrity check found { $count } problem
   *[other] the integrity check found { $count } problems
}
backup-not-a-dossier = it opens with this passphrase but holds no dossier
backup-unreadable = it cannot be read as a dossier

## Why a template was refused (err-template)
tpl-no-header = the template must start with a header between two "---" lines.
tpl-header-not-closed = the header is not closed by a "---" line.
tpl-toml = this line of the header or layout cannot be read (a missing quote, a misspelt setting?).
tpl-bad-page = the page must be a4, a5 or letter, not "{ $page }".
tpl-bad-margins = the margins must be between 5 and 60 mm.
tpl-unknown-template = this template does not exist; the templates are: { $known }.
tpl-syntax = a placeholder or block is not written correctly (an unclosed {"{{"}, {"{%"} or quote?).
tpl-undefined = a value named here is not in the document (check its spelling).
tpl-unknown-filter = a filter named here does not exist (check its spelling).
tpl-unknown-test = a test named here does not exist (check its spelling).
tpl-unknown-function = a function named here does not exist (check its spelling).
tpl-unknown-method = a method named here does not exist for this value.
tpl-invalid-operation = an operation does not apply to these values (a text added to a number?).
tpl-arguments = a filter or function is given too many or too few values.
tpl-cannot-unpack = a value does not hold as many parts as the names it is split into.
tpl-include = a template cannot include or extend another one.
tpl-other = the template engine refused it.
tpl-markdown = the filled-in text cannot be laid out.
tpl-card-without-id = the "card" directive needs a detainee id.
tpl-no-public-detainee = no detainee { $id } that a public document may show.
tpl-zone-outside = the zone "{ $zone }" leaves the live area (x, y, w, h are fractions of it, from 0 to 1).
tpl-unknown-colour = the zone "{ $zone }" names the colour "{ $colour }", which the layout does not define.
tpl-font-sizes = the zone "{ $zone }" needs 0 < min_pt ≤ max_pt ≤ 1000.
tpl-bad-align = the zone "{ $zone }" must be aligned left, center or right.
tpl-bad-cmyk = the colour "{ $colour }" has a CMYK component outside 0 to 1.
tpl-bad-rgb = the colour "{ $colour }" is not written #rrggbb (red, green and blue in hexadecimal).

## Why a spreadsheet or an export cannot be imported (err-spreadsheet)
sheet-prefix = sheet "{ $sheet }": {""}
sheet-not-text = it is not a text (CSV) file.
sheet-empty = the file is empty.
sheet-csv-line = line { $line } cannot be read (unexpected characters or quotes).
sheet-no-filled-sheet = no sheet of the workbook is filled in.
sheet-unreadable = the file cannot be read as a spreadsheet (damaged, or not the format its name says).
sheet-no-such-column = there is no column "{ $column }" (columns found: { $found }).
sheet-unknown-kind = { $sheet }cannot tell whether the rows are detainees or sponsors; say it with --kind detainee or --kind sponsor.
sheet-unknown-kind-app = { $sheet }cannot tell whether the rows are detainees or sponsors; choose which.
sheet-same-field = the columns "{ $first }" and "{ $second }" both give the field "{ $field }"; ignore one with --map "{ $second }=".
sheet-same-field-app = the columns "{ $first }" and "{ $second }" both give the field "{ $field }"; ignore one of them.
sheet-no-name-column = { $sheet }no column gives the name (columns found: { $found }); name one with --map "COLUMN=name".
sheet-no-name-column-app = { $sheet }no column gives the name (columns found: { $found }); say which one does.
export-not-an-export = it is not a Libertas Dossier JSON export (or it is damaged).
export-other-format = it is JSON, but not a Libertas Dossier export.
export-newer = it was written by a newer version of Libertas Dossier (export version { $version }, this one reads up to { $max }): update the app.
export-bad-media = its image { $id } is damaged.
export-damaged-seal = the sealed file is damaged or incomplete.

## The app's wording of messages that name a command or a flag on the command line
err-no-dossier-app = No dossier at { $path }.
err-import-refused-app = Import of { $path } refused: { $errors ->
    [one] { $errors } row with errors
   *[other] { $errors } rows with errors
}, { $duplicates ->
    [one] { $duplicates } possible duplicate
   *[other] { $duplicates } possible duplicates
}. Nothing was imported; fix the rows and try again.
imp-duplicate-app = "{ $name }" may already be in the dossier as { $others }: add that record's id to the row to update it, or choose to allow or skip duplicates.
err-share-not-shared-app = This dossier is not shared. Share it first, from the settings.
err-recovery-not-set-up-app = This dossier has no recovery sheets. Create them in the settings.
