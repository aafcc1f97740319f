# "Detainees" screen: list, a person's record and the history panel (HistoryPanel).
# Every id also exists in fr/ui-detainees.ftl (French comes first). Prefixes: dtn- (detainees), hist-panel- and hist-field- (history).

## List

dtn-new = New detainee
dtn-search = Search
dtn-search-placeholder = Name in Latin, Armenian or Cyrillic script…
dtn-all-categories = All categories
dtn-all-statuses = All situations
dtn-f-sponsored = Sponsorship
dtn-sponsored-all = All
dtn-sponsored-yes = Sponsored
dtn-sponsored-no = Without sponsor
dtn-count = { $count ->
    [0] No detainees
    [one] { $count } detainee
   *[other] { $count } detainees
}
dtn-clear-filters = Clear filters
dtn-no-match = No detainee matches these criteria.
dtn-no-match-detail = Try another spelling or remove a filter.
dtn-empty-detail = Add a first person with the “New detainee” button.
dtn-list-label = Detainee list
dtn-days = { $count ->
    [one] { $count } day
   *[other] { $count } days
}
dtn-badge-sponsored = Sponsored

## Value labels

dtn-cat-pow = Prisoner of war
dtn-cat-civilian = Civilian
dtn-cat-political = Political leader
dtn-cat-disappeared = Forcibly disappeared
dtn-sex-male = Male
dtn-sex-female = Female
dtn-sex-none = Not recorded
dtn-consent-unknown = Consent unknown
dtn-consent-given = Consent given
dtn-consent-refused = Consent refused
dtn-consent-withdrawn = Consent withdrawn
dtn-item-name = Name
dtn-item-name-hy = Armenian name
dtn-item-birth = Birth
dtn-item-role = Role, rank, unit
dtn-item-capture = Capture
dtn-item-circumstances = Circumstances
dtn-item-situation = Legal situation
dtn-item-biography = Biography
dtn-event-kind-capture = Capture
dtn-event-kind-transfer = Transfer
dtn-event-kind-hearing = Hearing
dtn-event-kind-verdict = Verdict
dtn-event-kind-icrc-visit = ICRC visit
dtn-event-kind-release = Release
dtn-event-kind-ceremony = Ceremony
dtn-event-kind-rally = Rally
dtn-event-kind-interview = Interview
dtn-event-kind-lobbying = Lobbying
dtn-event-kind-statement = Statement
dtn-event-kind-other = Other
dtn-rel-confirmed = Confirmed
dtn-rel-reliable = Reliable
dtn-rel-probable = Probable
dtn-rel-doubtful = Doubtful
dtn-rel-unknown = Reliability unknown
dtn-yes = Yes
dtn-no = No

## Identity form

dtn-new-title = New detainee
dtn-create = Create record
dtn-created = Record of { $value } created.
dtn-saving = Saving…
dtn-saved = Changes saved.
dtn-save-failed = Saving failed
dtn-form-invalid = Some fields need correcting before saving.
dtn-unsaved = Unsaved changes
dtn-revert = Discard changes
dtn-choose = — Choose —
dtn-group-names = Names
dtn-group-person = Person
dtn-group-capture = Capture
dtn-group-bio = Biographies and notes
dtn-f-name = Name (Latin script)
dtn-f-name-hint = As the campaign writes it, e.g. Aram Orinakyan (fictional name).
dtn-f-name-hy = Armenian name
dtn-f-name-hy-hint = In Armenian script, e.g. Արամ Օրինակյան.
dtn-f-other-names = Other spellings
dtn-f-other-names-hint = One spelling per line (Russian, Azerbaijani, older transliterations).
dtn-f-category = Category
dtn-f-status = Situation
dtn-f-sex = Sex
dtn-f-born = Date of birth
dtn-f-birth-place = Place of birth
dtn-f-role = Role
dtn-f-role-hint = For example: former state minister.
dtn-f-rank = Rank
dtn-f-unit = Unit
dtn-f-captured = Date of capture
dtn-f-capture-place = Place of capture
dtn-f-circumstances = Circumstances
dtn-f-bio-fr = Biography (French)
dtn-f-bio-en = Biography (English)
dtn-f-notes = Internal notes
dtn-f-notes-hint = Never published.

## Record

dtn-back = All detainees
dtn-not-found = This record could not be opened.
dtn-days-held = { $count ->
    [one] { $count } day in detention
   *[other] { $count } days in detention
}
dtn-sections = Sections of the record
dtn-sec-identity = Identity
dtn-sec-situation = Legal situation
dtn-sec-consent = Publication
dtn-sec-timeline = Timeline
dtn-sec-sources = Sources
dtn-sec-photos = Photos
dtn-sec-contacts = Family contacts
dtn-sec-sponsorships = Sponsorships
dtn-sec-documents = Documents
dtn-sec-history = History
dtn-sec-delete = Delete the record
dtn-edit = Edit
dtn-delete-short = Delete
dtn-delete = Delete this detainee
dtn-delete-hint = Deletion is refused while sponsorships or events refer to this person. It stays recorded in the history.
dtn-deleted = Record of { $value } deleted.

## Legal situation

dtn-legal-history = Situation history
dtn-legal-history-hint = Oldest first: the last dated step is the current situation.
dtn-add-entry = Add a step
dtn-remove-entry = Remove this step
dtn-no-entry = No step recorded.
dtn-f-date = Date
dtn-f-sentence-years = Sentence (years)
dtn-years-invalid = Enter a number of years between 0 and 100.
dtn-f-court = Court
dtn-f-charges = Charges
dtn-f-charges-hint = One criminal-code article per line.
dtn-f-note = Note
dtn-icrc = International Committee of the Red Cross (ICRC)
dtn-icrc-registered = Registered by the ICRC
dtn-icrc-yes = Yes
dtn-icrc-no = No
dtn-icrc-unknown = Unknown
dtn-icrc-registered-on = Registration date
dtn-icrc-visits = ICRC visits
dtn-icrc-no-visit = No known visit.
dtn-icrc-new-visit = Date of the visit
dtn-icrc-add-visit = Add the visit
dtn-icrc-remove-visit = Remove the visit of { $date }
dtn-courts = Court applications
dtn-add-court = Add an application
dtn-remove-court = Remove this application
dtn-no-court = No application recorded.
dtn-f-court-name = Court
dtn-f-court-name-hint = For example: European Court of Human Rights.
dtn-f-reference = Reference
dtn-f-lodged = Date lodged
dtn-f-interim = Interim measures granted
dtn-f-court-status = Status of the proceedings
dtn-save-situation = Save the situation

## Publication

dtn-consent-explain = An item appears in documents (fact sheet, banner, press kit) only when it is marked public AND the family has given consent. In every other case it stays private.
dtn-consent-item = Item
dtn-consent-value = Current content
dtn-consent-public = Public
dtn-consent-consent = Family's consent
dtn-consent-result = In documents
dtn-consent-public-for = Make public: { $value }
dtn-consent-for = Consent for: { $value }
dtn-consent-published = Published
dtn-consent-private = Private
dtn-consent-unsaved = Not saved
dtn-save-consent = Save publication settings

## Timeline and sources

dtn-add-event = Add an event
dtn-edit-event = Edit the event
dtn-no-event = No event in the timeline.
dtn-event-public = Public
dtn-f-event-kind = Kind
dtn-f-title = Title
dtn-f-place = Place
dtn-f-description = Description
dtn-f-event-public = May appear in public documents
dtn-add-source = Add a source
dtn-edit-source = Edit the source
dtn-no-source = No source for this person.
dtn-f-author = Author
dtn-f-author-hint = An outlet, an organisation, a witness (described, not named, if naming them puts them at risk).
dtn-f-reliability = Reliability
dtn-f-reference-hint = A link or a reference (document number, archive box).

## Photos

dtn-photo-import = Import a photo…
dtn-photo-drop-hint = You can also drop photos (JPEG or PNG) anywhere on the window while this record is open. Metadata (EXIF, GPS) is removed on import.
dtn-photo-importing = Importing…
dtn-photo-importing-names = Importing { $value }…
dtn-photo-imported = { $count ->
    [0] No photo imported.
    [one] Photo imported.
   *[other] { $count } photos imported.
}
dtn-no-photo = No photos yet.
dtn-photo-edit = Edit photo { $count }
dtn-photo-dialog = Photo: publication and framing
dtn-photo-cropped = Cropped
dtn-photo-public = Public photo
dtn-photo-consent-hint = The photo appears in documents only when it is public and consent is given.
dtn-photo-delete = Delete the photo
dtn-f-caption = Caption
dtn-f-credit = Credit
dtn-f-credit-hint = The photographer or rights holder.
dtn-crop-area = Framing of the photo
dtn-crop-valuetext = Position { $value }, size { $detail }
dtn-crop-help = Drag the frame to move it, or a corner to resize it. With the keyboard: arrows move, Shift + arrows resize, Alt goes faster.
dtn-crop-x = Left (%)
dtn-crop-y = Top (%)
dtn-crop-w = Width (%)
dtn-crop-h = Height (%)
dtn-crop-portrait = Portrait frame (banner)
dtn-crop-square = Square frame
dtn-crop-none = Whole image

## Contacts

dtn-confidential = Confidential — never appears in any document
dtn-add-contact = Add a contact
dtn-edit-contact = Edit the contact
dtn-no-contact = No family contact recorded.
dtn-f-contact-name = Name
dtn-f-relation = Relation
dtn-f-relation-hint = For example: mother, wife, brother.
dtn-f-phone = Phone
dtn-f-email = Email
dtn-f-address = Address
dtn-f-languages = Languages spoken
dtn-f-languages-hint = Separated by commas.
dtn-f-notes-short = Notes

## Sponsorships and documents

dtn-no-sponsorship = No sponsorship for this person.
dtn-documents-hint = Produce a document for this person (only public items with consent appear in it).
dtn-doc-factsheet = Fact sheet (PDF)
dtn-doc-banner = Roll-up banner

## History panel

hist-panel-empty = No change recorded.
hist-panel-by = By { $value }, { $date }
hist-panel-action-create = Created
hist-panel-action-update = Changed
hist-panel-action-delete = Deleted
hist-panel-before = Before
hist-panel-after = After
hist-panel-empty-value = (empty)
hist-panel-whole-record = whole record
hist-panel-yes = yes
hist-panel-no = no
hist-panel-restore = Restore this value
hist-panel-restoring = Restoring…
hist-panel-restore-hint = Put back the value from before this change: { $value }
hist-panel-restore-create = A creation cannot be undone this way.
hist-panel-restored = Value restored: { $value }.
hist-panel-unchanged = The field already had that value: nothing changed.
hist-panel-more = { $count ->
    [one] Show one more change
   *[other] Show { $count } more changes
}
hist-field-name = Name
hist-field-name-hy = Armenian name
hist-field-other-names = Other spellings
hist-field-category = Category
hist-field-sex = Sex
hist-field-born = Date of birth
hist-field-birth-place = Place of birth
hist-field-role = Role
hist-field-rank = Rank
hist-field-unit = Unit
hist-field-captured = Date of capture
hist-field-capture-place = Place of capture
hist-field-circumstances = Circumstances
hist-field-situation = Legal situation
hist-field-icrc = ICRC
hist-field-court-applications = Court applications
hist-field-bio-fr = Biography (French)
hist-field-bio-en = Biography (English)
hist-field-disclosure = Publication
hist-field-notes = Notes
hist-field-relation = Relation
hist-field-phone = Phone
hist-field-email = Email
hist-field-address = Address
hist-field-languages = Languages
hist-field-title = Title
hist-field-date = Date
hist-field-kind = Kind
hist-field-description = Description
hist-field-place = Place
hist-field-public = Public
hist-field-author = Author
hist-field-reliability = Reliability
hist-field-reference = Reference
hist-field-note = Note
hist-field-caption = Caption
hist-field-credit = Credit
hist-field-crop = Framing
# Sponsors and sponsorships
hist-field-country = Country
hist-field-city = City
hist-field-signatory = Signatory
hist-field-contacts = Contact people
hist-field-logo-id = Logo
hist-field-website = Website
hist-field-sponsor-id = Sponsor
hist-field-detainee-id = Sponsored person
hist-field-stage = Stage
hist-field-commitments = Commitments
hist-field-ceremony = Ceremony
hist-field-end-reason = Reason for ending
hist-field-ended-on = End date
hist-field-predecessor-id = Previous sponsorship
hist-field-successor-id = Next sponsorship
hist-field-actions = Action log
