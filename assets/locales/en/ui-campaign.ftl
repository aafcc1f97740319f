# Sponsors, sponsorships, press releases, documents and templates ("campaign" screens). French is the reference;
# every id also exists in fr/ui-campaign.ftl.

## Common

camp-save = Save
camp-cancel = Cancel
camp-delete = Delete
camp-remove = Remove
camp-saving = Saving…
camp-choose = — Choose —
camp-unsaved = Unsaved changes
camp-lang-fr = French
camp-lang-en = English
camp-bad-day = "{ $value }" is not a full date: write YYYY-MM-DD (for example 2024-03-21).
camp-day-hint = YYYY-MM-DD, for example 2024-03-21.

## Sponsor kinds

camp-sponsor-kind-city = City or local authority
camp-sponsor-kind-ngo = NGO
camp-sponsor-kind-person = Public figure
camp-sponsor-kind-parliamentarian = Member of parliament
camp-sponsor-kind-institution = Institution

# Stage labels: stage-* in ui.ftl (shared by every screen).

## Commitments

camp-family-communicate = Communicate
camp-family-plead = Plead
camp-family-support = Support
camp-commit-logo = Give its logo for the website and social networks
camp-commit-banner = Display a roll-up or banner with the prisoner's image
camp-commit-public-signing = Sign the agreement in public
camp-commit-public-events = Take part in public events for the release
camp-commit-media = Speak of it: interviews, website, social networks, newsletter
camp-commit-lobbying = Lobby at national, European and international level
camp-commit-meet-family = Meet the prisoner's family
camp-commit-solidarity-events = Join events for prisoners and the disappeared
camp-commit-material-support = Give material support or a subsidy
camp-cstatus-planned = Planned
camp-cstatus-in-progress = In progress
camp-cstatus-done = Done
camp-cstatus-dropped = Dropped
camp-commitment-status = Status: { $value }
camp-commitment-note = Note: { $value }
camp-commitments = Commitments
camp-commitments-count = Commitments done: { $value }
camp-no-commitments = No commitment chosen.

## End of a sponsorship and actions

camp-end-released = Prisoner released
camp-end-handed-over = Handed over to another sponsor
camp-end-withdrawn = Sponsor withdrew
camp-action-letter = Letter
camp-action-email = Email
camp-action-call = Call
camp-action-meeting = Meeting
camp-action-event = Event
camp-action-interview = Interview
camp-action-other = Other

## Sponsors

camp-sponsor-new = New sponsor
camp-sponsor-new-title = New sponsor
camp-sponsor-name = Name
camp-sponsor-kind = Kind of sponsor
camp-sponsor-country = Country
camp-sponsor-city = City
camp-sponsor-address = Address
camp-sponsor-signatory = Signatory
camp-sponsor-signatory-name = Signatory's name
camp-sponsor-signatory-title = Signatory's title
camp-sponsor-signatory-title-hint = For example "Mayor of Villefranche".
camp-sponsor-signatory-needed = Give the signatory's name, or clear the title.
camp-sponsor-website = Website
camp-sponsor-languages = Languages for correspondence
camp-sponsor-languages-hint = Codes separated by commas, for example fr, en.
camp-sponsor-notes = Notes
camp-sponsor-list = List of sponsors
camp-sponsor-active = { $count ->
    [0] No active sponsorship
    [one] 1 active sponsorship
   *[other] { $count } active sponsorships
}
camp-sponsor-logo-import = Import the logo…
camp-sponsor-logo-alt = Logo of { $value }
camp-sponsor-no-logo = No logo
camp-sponsor-logo-imported = Logo imported.
camp-sponsor-saved = Sponsor saved.
camp-sponsor-delete = Delete this sponsor
camp-sponsor-deleted = Sponsor deleted.
camp-sponsor-sponsorships = Its sponsorships
camp-sponsor-no-sponsorships = No sponsorship for this sponsor.
camp-sponsor-back = ← All sponsors
camp-sponsor-edit = Edit
camp-sponsor-form-invalid = The form has errors: correct the fields marked.
camp-col-name = Name
camp-col-kind = Kind
camp-col-city = City
camp-col-active = Active sponsorships
camp-contacts = Contact people
camp-contact-name = Name
camp-contact-role = Role
camp-contact-email = Email
camp-contact-phone = Phone
camp-contact-add = Add a contact person
camp-contact-remove = Remove this person
camp-contact-bad-email = "{ $value }" is not a valid email address.
camp-no-contacts = No contact person.

## Sponsorships

camp-board = Sponsorships by stage
camp-sponsorship-new = New sponsorship
camp-sponsorship-new-title = New sponsorship
camp-whole-group = The whole group
camp-ceremony-on = Ceremony: { $date }
camp-column-empty = No sponsorship at this stage.
camp-sponsorship-sponsor = Sponsor
camp-sponsorship-detainee = Sponsorship of
camp-sponsorship-target-one = One detainee
camp-detainee-search = Search for a detainee
camp-detainee-search-hint = Type part of the name, in Latin or Armenian script.
camp-detainee-chosen = Detainee chosen: { $value }
camp-detainee-change = Change
camp-detainee-none = No detainee matches "{ $value }".
camp-detainee-required = Choose a detainee, or "The whole group".
camp-sponsor-required = Choose a sponsor.
camp-no-sponsors-yet = No sponsors yet: create one first on the Sponsors screen.
camp-stage = Stage
camp-ceremony = Signing ceremony
camp-ceremony-date = Date of the ceremony
camp-ceremony-place = Place
camp-ceremony-press = Press present and coverage
camp-end = End of the sponsorship
camp-end-reason = Reason for the end
camp-ended-on = End date
camp-handover = Hand over to another sponsor…
camp-handover-title = Hand this sponsorship over
camp-handover-to = New sponsor
camp-handover-explain = This sponsorship will end ("handed over") and a new one will be created for the chosen sponsor, at the "Agreed" stage, with the same commitments.
camp-handover-confirm = Hand over
camp-handover-done = Sponsorship handed over.
camp-actions = Action log
camp-action-date = Date
camp-action-kind = Kind of action
camp-action-summary = Summary
camp-action-add = Add the action
camp-action-remove = Remove this action
camp-no-actions = No action logged.
camp-action-summary-required = Describe the action in a few words.
camp-notes = Notes
camp-predecessor = Takes over from an earlier sponsorship
camp-successor = Handed over to a new sponsorship
camp-open-linked = Open
camp-generate-agreement = Generate the agreement
camp-sponsorship-save = Save
camp-sponsorship-saved = Sponsorship saved.
camp-sponsorship-delete = Delete this sponsorship
camp-sponsorship-deleted = Sponsorship deleted.
camp-sponsorship-not-found = This sponsorship cannot be found.
camp-sponsorship-back = ← All sponsorships
camp-sponsorship-stage-saved = Stage saved: { $value }.

## Press releases

camp-press-new = New press release
camp-press-list = List of press releases
camp-press-date = Date
camp-press-cities = Cities of the date line
camp-press-cities-hint = Separated by commas. Empty: the collective's cities.
camp-press-title = Title
camp-press-body = Text (Markdown)
camp-press-body-hint = **bold**, *italic*, ## subheading, - list item; a blank line separates paragraphs.
camp-press-lang = Language
camp-press-kit = Include in the press kit
camp-press-in-kit = Press kit
camp-press-contacts = Press contacts (empty: the collective's)
camp-press-preview = Preview
camp-press-preview-waiting = The preview appears once the title and text are filled in.
camp-press-preview-failed = No preview
camp-press-saved = Press release saved.
camp-press-delete = Delete this press release
camp-press-deleted = Press release deleted.
camp-press-back = ← All press releases
camp-press-untitled = (untitled)
camp-open-settings = Open the settings

## Documents

camp-doc-kind = Document to produce
camp-doc-kind-agreement = Sponsorship agreement
camp-doc-kind-factsheet = Detainee fact sheet
camp-doc-kind-press-release = Press release
camp-doc-kind-presskit = Press kit
camp-doc-kind-banner = Roll-up banner or poster
camp-doc-sponsorship = Sponsorship
camp-doc-detainee = Detainee
camp-doc-release = Press release
camp-doc-lang = Language of the document
camp-doc-size = Size
camp-size-850x2000 = Roll-up 850 × 2000 mm (standard)
camp-size-800x2000 = Roll-up 800 × 2000 mm
camp-size-1000x2000 = Roll-up 1000 × 2000 mm
camp-size-1200x2000 = Roll-up 1200 × 2000 mm
camp-size-a3 = Poster A3 (297 × 420 mm)
camp-size-a2 = Poster A2 (420 × 594 mm)
camp-size-a1 = Poster A1 (594 × 841 mm)
camp-doc-bleed = Bleed (mm)
camp-doc-pdfx = PDF/X-4 for the print shop
camp-doc-pdfx-hint = The FOGRA39 printing profile (offset, coated paper) is embedded, as most print shops ask. Leave it unticked to print at the office.
camp-card-format = Card format
camp-card-format-square = Square 1080 × 1080 px (post)
camp-card-format-portrait = Portrait 1080 × 1350 px
camp-card-format-story = Story 1080 × 1920 px
camp-card-format-landscape = Landscape 1200 × 675 px (shared link)
camp-card-size = { $value } — { $width } × { $height } px
camp-card-save = Save image…
camp-card-saved = Image saved: { $value }
camp-card-preview = Card preview
camp-doc-bleed-hint = At least 5 mm for most print shops; up to 20 mm for large format.
camp-doc-bleed-bad = Give a number of millimetres between 0 and { $max }.
camp-doc-sponsor = Sponsor shown (optional)
camp-doc-no-sponsor = — No sponsor —
camp-doc-pick-required = Choose what to lay out.
camp-doc-generate = Generate
camp-doc-generating = Laying out…
camp-doc-pages = { $count ->
    [one] 1 page
   *[other] { $count } pages
}, { $value }
camp-doc-save = Save…
camp-doc-saved = Document saved: { $value }
camp-doc-open = Open in the viewer
camp-doc-preview = Document preview
camp-doc-empty = Choose a document and click "Generate" to see it here.
camp-doc-no-records = Nothing to choose yet.
camp-preflight = Preflight
camp-preflight-ok = No problem found: the file can go to the print shop.
camp-preflight-blocking = { $count ->
    [one] 1 blocking problem: fix it before sending the file to the print shop.
   *[other] { $count } blocking problems: fix them before sending the file to the print shop.
}
camp-preflight-level-error = Error
camp-preflight-level-warning = Warning
camp-preflight-trim = Trim size: { $value } mm; bleed: { $detail } mm
camp-preflight-fonts = Embedded fonts: { $value }
camp-preflight-images = Placed images
camp-preflight-what = Image
camp-preflight-pixels = Pixels
camp-preflight-printed = Printed size
camp-preflight-ppi = Effective resolution
camp-preflight-ppi-value = { $value } ppi
camp-preflight-ppi-low = too low (100 ppi minimum)
camp-preflight-ppi-fair = acceptable (150 ppi recommended)
camp-batch = Roll-ups for every sponsored detainee…
camp-batch-title = Roll-ups for every sponsored detainee
camp-batch-progress = Producing the roll-ups
camp-batch-count = { $value } of { $detail }
camp-batch-current = Now: { $value }
camp-batch-cancel = Stop
camp-batch-done = Finished: { $value } roll-ups produced.
camp-batch-cancelled = Stopped: { $value } roll-ups produced.
camp-batch-errors = Problems met:

## Templates

camp-tpl-list = Document templates
camp-tpl-custom = edited
camp-tpl-editor = Source of template { $value }
camp-tpl-editor-unavailable = The template editor could not load. Close and reopen the app; your saved templates are untouched.
camp-tpl-position = Line { $count }, column { $value }
camp-tpl-saved = Template saved.
camp-tpl-reset = Restore the default template
camp-tpl-reset-done = Default template restored.
camp-tpl-error-title = The template has an error
camp-tpl-goto = Go to line { $count }
camp-tpl-choose = Choose a template in the list.
camp-tpl-preview-waiting = The preview updates as you type.
camp-tpl-empty = No template available.
camp-tpl-label = { $value } — { $detail }
camp-doc-kind-banner-rollup = Roll-up banner
camp-doc-kind-banner-poster = Poster
camp-doc-kind-card = Social-media card
camp-doc-kind-ceremony-release = Ceremony press release (draft)
camp-doc-kind-ceremony-checklist = Ceremony checklist
camp-history = Change history
kit-explain = A folder ready for the ceremony: the agreement in two copies, the roll-up banner, the social-media card, the detainee's fact sheet, a press release draft (also saved among the press releases) and the checklist. The ceremony needs a saved date and place.
kit-start = Prepare the ceremony kit…
kit-save-first = Save your changes first: the kit uses the saved sponsorship.
kit-progress = Preparing the ceremony kit
kit-done = { $count ->
    [one] Kit ready: 1 file in { $value }.
   *[other] Kit ready: { $count } files in { $value }.
}
kit-open-folder = Open the folder
kit-open-release = Edit the press release draft
kit-cancelled = Kit cancelled: nothing was written.
kit-replace = Replace this folder's contents
kit-replace-confirm = Confirm: replace the files
