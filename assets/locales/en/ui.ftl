# Strings of the application's interface (Svelte). French is the reference; every identifier must also exist in
# fr/ui.ftl: a test (ui/src/lib/i18n.test.ts) checks it.

## Application

app-name = Libertas Dossier
app-tagline = Records of Armenian detainees and their sponsors
skip-to-content = Skip to main content
nav-label = Main navigation
lang-label = Interface language
lang-fr = Français
lang-en = English
lock-now = Lock now
lock-now-hint = Close the dossier and ask for the passphrase again

## Navigation and screen titles

nav-dashboard = Dashboard
nav-detainees = Detainees
nav-sponsors = Sponsors
nav-sponsorships = Sponsorships
nav-press = Press releases
nav-documents = Documents
nav-templates = Templates
nav-settings = Settings

## Empty states

empty-dashboard = Nothing to summarise yet.
empty-detainees = No detainees yet.
empty-sponsors = No sponsors yet.
empty-sponsorships = No sponsorships yet.
empty-press = No press releases yet.
empty-documents = No documents produced yet.
empty-templates = No customised templates yet: the default templates are used.
empty-settings = No settings changed yet.
empty-list = Nothing to show.

## Common elements

close = Close
cancel = Cancel
confirm = Confirm
save = Save
loading = Loading…
loading-rows = Loading rows…
rows-error = These rows could not be loaded.
retry = Try again
dismiss = Dismiss message
toast-repeated = ×{ $count }
error-title = Something went wrong
error-code = Code: { $code }
unknown-error = Unexpected error: { $detail }
confirm-again = Click again to confirm
confirm-pending = Confirmation requested: click again within { $seconds } seconds.
progress-label = Progress
progress-percent = { $percent }%
progress-cancel = Cancel the operation
field-required = This field is required.
required-mark = (required)
list-count = { $count ->
    [0] No rows
    [one] { $count } row
   *[other] { $count } rows
}

## Dates

date-hint = YYYY, YYYY-MM, YYYY-MM-DD, or ~YYYY-MM-DD when the date is approximate (example: 2020-11-09).
date-bad-format = “{ $value }” is not a recognised date. Write YYYY, YYYY-MM or YYYY-MM-DD (for example 2020-11-09), preceded by ~ if it is approximate.
date-bad-month = Month { $month } does not exist: it must be between 01 and 12.
date-bad-day = Day { $day } does not exist in that month ({ $year }-{ $month }).
date-too-old = The year { $year } is too early: it must be 1850 or later.
date-approx = around { $date }
date-precision-day = Exact day
date-precision-month = Month known
date-precision-year = Year known
date-precision-approximate = Approximate date

## Values of closed lists (shared by every screen)

category-pow = Prisoner of war
category-civilian = Civilian
category-political = Political leader
category-disappeared = Forcibly disappeared
category-pow-plural = Prisoners of war
category-civilian-plural = Civilians
category-political-plural = Political leaders
category-disappeared-plural = Forcibly disappeared
status-detained = Detained
status-on-trial = On trial
status-sentenced = Sentenced
status-released = Released
status-deceased = Deceased
status-unknown = Fate unknown
status-none = Situation not recorded
stage-prospect = Prospect
stage-approached = Approached
stage-agreed = Agreed
stage-signed = Signed
stage-active = Active
stage-ended = Ended

## Session: first start, unlocking

session-starting = Opening Libertas Dossier…
session-failed = The application could not start
session-closing = Backing up the dossier before quitting…
session-preview = Preview without the application: no data is loaded.
passphrase-show = Show
passphrase-hide = Hide
strength-empty = At least { $min } characters. Safest: four or five words picked at random, easy to remember.
strength-short = { $count ->
    [one] Too short: { $count } character, { $min } at least.
   *[other] Too short: { $count } characters, { $min } at least.
}
strength-weak = Too easy to guess (strength { $score } out of 4, 3 needed).
strength-good = Good passphrase.
strength-strong = Very good passphrase.

firstrun-title = Welcome to Libertas Dossier
firstrun-what = Libertas Dossier keeps, on this computer, the records of Armenian detainees, their sponsors and the sponsorships, and prepares the campaign's documents: agreements, roll-up banners, fact sheets, press releases and the press kit.
firstrun-private = Everything is kept in one encrypted file, the “dossier”, protected by a passphrase. Nothing is sent over the Internet.
firstrun-where-title = Where the dossier goes
firstrun-where = The dossier will be created here:
firstrun-choose-location = Choose another location…
firstrun-open-existing = Open an existing dossier…
firstrun-create-title = Choose the passphrase
firstrun-passphrase-explain = It will be asked every time the dossier is opened. Four or five words picked at random, which you will remember, are ideal: the meter below says whether it is strong enough.
firstrun-passphrase = Passphrase
firstrun-confirm = Passphrase, once more
firstrun-pass-empty = Enter a passphrase.
firstrun-pass-short = The passphrase must have at least { $min } characters ({ $count } so far).
firstrun-pass-weak = This passphrase is too easy to guess: add words picked at random.
firstrun-confirm-empty = Enter the passphrase a second time.
firstrun-mismatch = The two entries are not the same.
firstrun-warning-title = Warning: a lost passphrase cannot be recovered.
firstrun-warning = Nobody can recover or reset it, not even the authors of this application. Without it, the dossier and its backups stay unreadable forever. Write it down and keep it somewhere safe.
firstrun-ack = I have written my passphrase down somewhere safe
firstrun-ack-required = Tick this box to confirm that you have written your passphrase down.
firstrun-create = Create the dossier
firstrun-creating = Creating the encrypted dossier…

unlock-title = Unlock the dossier
unlock-was-locked = The dossier was locked. Enter the passphrase to carry on.
unlock-which = Dossier:
unlock-passphrase = Passphrase
unlock-submit = Unlock
unlock-busy = Checking the passphrase…
unlock-empty = Enter the passphrase.
unlock-other-title = Another dossier?
unlock-open-other = Open another dossier…
unlock-recent = Recently opened dossiers
open-requested = You opened “{ $value }”; the current dossier is still open.
open-requested-action = Lock and open
unlock-create-new = Create a new dossier elsewhere…

## Dashboard

dash-refresh = Refresh
dash-empty-detail = Start by adding a detainee or a sponsor. To discover the application, you can also load entirely fictional examples, to be deleted afterwards.
dash-load-sample = Load the fictional examples
dash-sample-loaded = The fictional examples have been loaded.
dash-totals = Key figures
dash-total-detainees = { $count ->
    [one] detainee on record
   *[other] detainees on record
}
dash-total-sponsors = { $count ->
    [one] sponsor
   *[other] sponsors
}
dash-total-held = { $count ->
    [one] person still held
   *[other] people still held
}
dash-total-sponsorships = { $count ->
    [one] sponsorship
   *[other] sponsorships
}
dash-by-category = By category
dash-by-status = By situation
dash-by-stage = Sponsorships by stage
dash-none = No detainees yet.
dash-no-sponsorships = No sponsorships yet.
dash-held-title = Days in detention
dash-held-empty = According to the dossier, nobody is held today.
dash-chart-total = { $count } in all
dash-held-summary = { $count ->
    [one] One person held: { $max } days in detention.
   *[other] { $count } people held, from { $max } to { $min } days in detention (longest first).
}
dash-col-name = Name
dash-col-category = Category
dash-col-days = Days in detention
dash-days = { $count ->
    [one] { $count } day
   *[other] { $count } days
}
dash-days-unknown = Capture date unknown
dash-show-all = Show all ({ $count })
dash-show-less = Show fewer
dash-upcoming-title = Upcoming ceremonies and events
dash-upcoming-empty = No upcoming ceremony or event.
dash-kind-ceremony = Ceremony
dash-kind-event = Event
dash-place-unknown = Place not given
dash-icrc-title = No ICRC visit for more than five weeks
dash-icrc-hint = People held whose last ICRC visit is more than five weeks old, or who were never visited.
dash-icrc-empty = Everybody held has been visited by the ICRC in the last five weeks.
dash-last-visit = last visit: { $date }
dash-never-visited = never visited
dash-unsponsored-title = Without a sponsor
dash-unsponsored-empty = Everybody held has a sponsor.

## Settings

settings-toc = Settings sections
settings-profile-title = The collective's profile
settings-profile-hint = This information appears on agreements, press releases, banners and press kits.
settings-profile-name = Name of the collective
settings-members = Member organisations
settings-members-empty = No member organisation yet.
settings-member-n = Member { $count }
settings-member-name = Name of the organisation
settings-member-city = City
settings-member-desc-fr = Description in French
settings-member-desc-en = Description in English
settings-member-add = Add a member organisation
settings-member-remove = Remove “{ $value }”
settings-signatory = Signatory of the agreements
settings-signatory-name = Name
settings-signatory-title = Title
settings-signatory-title-hint = For example: coordinator of the collective.
settings-public = Public details
settings-website = Website
settings-campaign-url = Campaign page
settings-campaign-url-hint = The address the banners' QR code points to.
settings-cities = Cities of the date line
settings-cities-hint = Separated by commas, for example: Paris, Lyon, Geneva.
settings-address = Postal address
settings-contacts = Press contacts
settings-contacts-empty = No press contact yet.
settings-contact-n = Contact { $count }
settings-contact-name = Name
settings-contact-role = Role
settings-contact-email = Email
settings-contact-phone = Phone
settings-contact-add = Add a press contact
settings-contact-remove = Remove “{ $value }”
settings-profile-refused = The profile was not saved
settings-save-profile = Save the profile
settings-profile-saved = The collective's profile has been saved.
settings-logos-title = The collective's logos
settings-logos-hint = They appear on the documents, in this order. JPEG or PNG images.
settings-logos-empty = No logo yet.
settings-logo-alt = Logo { $count } of the collective
settings-logo-up = Earlier
settings-logo-down = Later
settings-logo-remove = Remove
settings-logos-save-hint = Removing and reordering logos takes effect when the profile is saved.
settings-logo-import = Add a logo…
settings-logo-added = The logo has been added.
settings-logo-needs-profile = Save the profile first (at least its name) to add logos.
settings-lang-title = Language
settings-lang-legend = Language of the interface and messages
settings-lang-hint = The choice is remembered. Documents have their own language choice.
settings-security-title = Security
settings-pass-title = Change the passphrase
settings-pass-hint = The dossier is re-encrypted under the new passphrase. Backups already made keep the old one.
settings-pass-current = Current passphrase
settings-pass-new = New passphrase
settings-pass-new-hint = Four or five words picked at random are strong and easy to remember.
settings-pass-confirm = New passphrase, once more
settings-pass-submit = Change the passphrase
settings-pass-busy = Re-encrypting the dossier…
settings-pass-changed = The passphrase has been changed. Write the new one down somewhere safe.
settings-lock-title = Auto-lock and backups
settings-autolock = Lock after (minutes of inactivity)
settings-autolock-hint = 0 turns auto-lock off. Default: 10 minutes.
settings-autolock-invalid = Enter a whole number of minutes between 0 and 1440.
settings-backup-keep = Number of automatic backups to keep
settings-backup-keep-hint = Older ones are deleted beyond that.
settings-backup-keep-invalid = Enter a whole number between 1 and 1000.
settings-backup-dir = Folder of automatic backups:
settings-save = Save these settings
settings-saved = The settings have been saved.
settings-backup-title = Backup and integrity
settings-backup-explain = Writes an encrypted, verified copy of the dossier where you choose, for example on a USB stick. It opens with the same passphrase.
settings-backup-now = Back up now…
settings-backup-busy = Backing up…
settings-backup-done = Verified backup written here:
settings-backup-cancelled = Backup cancelled: no file was written.
settings-check-title = Check integrity
settings-check-explain = Reads the whole dossier again to detect a damaged or altered file.
settings-check = Check integrity
settings-check-busy = Checking…
settings-check-ok = The dossier is intact: no problem found.
settings-check-problems = { $count ->
    [one] One problem was found:
   *[other] { $count } problems were found:
}
settings-check-advice = Make a backup now and keep the previous ones; ask for help before changing the dossier.
settings-about = Libertas Dossier { $value } — dossier:

dash-more = … and { $count } more people: see the detainee list and its filters.

## Habits: unsaved edits, shortcuts, global search
unsaved-title = Unsaved changes
unsaved-message = Some changes have not been saved yet. If you continue, they will be lost.
unsaved-stay = Keep editing
unsaved-discard = Discard the changes
shortcut-hint = { $label } ({ $keys })
search-global-label = Search the whole dossier
search-global-placeholder = Search for a detainee, a sponsor… ({ $keys })
search-global-none = No results.
search-global-results = { $count ->
    [one] One result
   *[other] { $count } results
}
search-kind-detainee = Detainee
search-kind-sponsor = Sponsor
search-kind-sponsorship = Sponsorship
search-kind-press-release = Press release
shortcut-new = Create
shortcut-save = Save

## PDF preview
pdf-zoom-toolbar = Preview zoom
pdf-zoom-in = Zoom in
pdf-zoom-out = Zoom out
pdf-zoom-level = { $percent }%
pdf-zoom-fit = Fit to width
pdf-zoom-real = Actual size

# Recovery sheets
unlock-forgotten = Passphrase forgotten?
recovery-open-title = Reopen the dossier with recovery sheets
recovery-open-explain = Gather enough recovery sheets (usually two of three). Copy the words of each sheet, or load its .txt file. Case, accents, numbers and spaces do not matter; a mistyped word is pointed out.
recovery-open-sheet = Sheet { $count }
recovery-open-sheet-ok = Sheet { $value } of { $count }: read
recovery-open-load = Load a .txt file…
recovery-open-add = Add a sheet
recovery-open-new = New passphrase
recovery-open-confirm = New passphrase, once more
recovery-open-submit = Reopen the dossier
recovery-open-busy = Reopening…
recovery-opened = Dossier reopened with sheets { $value }, under its new passphrase. The sheets remain valid.
settings-recovery-title = Recovery sheets
settings-recovery-hint = If the passphrase is lost, enough sheets together (for example two of the three member organisations) reopen the dossier; one sheet alone reveals nothing. Print each sheet, hand it over in person, keep it in a safe; the “.recovery” file created next to the dossier must always go with it.
recovery-none = This dossier has no recovery sheets yet.
recovery-status = Current set: { $count } sheets, { $value } are enough; made on { $date }.
recovery-file-missing = The recovery file { $value } is missing next to the dossier: without it the sheets are useless. Put it back or make a new set.
recovery-first-set = Make the sheets
recovery-new-set = Make a new set (the current sheets will stop working)
recovery-shares = Number of sheets
recovery-threshold = Sheets needed
recovery-name = Organisation of sheet { $count }
recovery-passphrase = The dossier's current passphrase
recovery-create = Make the sheets…
recovery-busy = Making the sheets…
recovery-made = { $count } recovery sheets made.
recovery-made-explain = { $count } sheets written ({ $value } are enough). Print them, hand each to its organisation, then delete the files from this computer.
recovery-sheet-n = Sheet { $count }
recovery-replaced = The sheets of the previous set no longer reopen the dossier.

## File menu (top bar)
menu-file = File
menu-import-detainees = Import detainees…
menu-import-sponsors = Import sponsors…
menu-export = Export…
menu-new = New
menu-save = Save
menu-search = Search
menu-backups = Backups…
