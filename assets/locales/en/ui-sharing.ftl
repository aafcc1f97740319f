# Sharing between offices: the settings section, the sidebar, the conflicts inbox, joining.

settings-sharing-title = Sharing between offices
settings-sharing-hint = One dossier for several offices: each computer keeps its own encrypted dossier, and changes travel, sealed, through a folder that Syncthing (or a network share, a USB stick) carries. The app never connects to the network.
sharing-not-shared = This dossier is not shared.
sharing-device-name = This computer's name
sharing-device-name-hint = For example "Paris office". The other offices see it in the list of devices.
sharing-create = Share this dossier…
sharing-create-hint = Then choose the folder that Syncthing keeps in step between the offices.
sharing-created = The dossier is shared.
sharing-join-other = Join another office's shared dossier…
sharing-join-other-hint = The open dossier will be locked; a new dossier will be made from the invitation.
sharing-folder = Shared folder
sharing-last-sync = Last sync
sharing-never = never
sharing-sync-now = Sync now
sharing-syncing = Syncing…
sharing-auto = Synced automatically every { $count } minutes, and on unlock, lock and close.
sharing-summary = { $written } sent, { $applied } received, { $records } record(s) updated.
sharing-failed = Failed: { $value }
sharing-refused-title = Files set aside
sharing-photos-waiting = { $count ->
    [one] One announced photo has not arrived yet.
   *[other] { $count } announced photos have not arrived yet.
}
sharing-devices = Devices
sharing-device-self = this computer
sharing-device-revoked = revoked
sharing-device-added = added on { $date }
sharing-revoke = Revoke
sharing-revoke-confirm = Revoke { $value }? Its files will be ignored everywhere from now on.
sharing-revoked = Device revoked. Change the key so that its next files are unreadable to it.
sharing-rotate = Change the shared key
sharing-rotate-hint = After a revocation: new files are sealed under a key the revoked device never had.
sharing-rotated = New shared key (no. { $count }).
sharing-invite-title = Invite a computer
sharing-invite-name = The new computer's name
sharing-invite = Make the invitation…
sharing-invite-hint = You will choose where to save the invitation file. Hand over the file and the code by two different ways (say, the file on a USB stick, the code by phone).
sharing-invite-made = Invitation saved: { $value }
sharing-invite-code = One-time code
sharing-invite-code-hint = Read or dictate it to the person joining; it works once.
sharing-qr-label = The same code as a QR code
sharing-conflicts-open = { $count ->
    [one] One conflict to decide
   *[other] { $count } conflicts to decide
}
sharing-see-conflicts = See the conflicts

# Sidebar
sync-state-never = Not synced yet
sync-state-ago = Synced { $value }
sync-state-failed = Sync failed
sync-state-conflicts = { $count ->
    [one] 1 conflict
   *[other] { $count } conflicts
}
sync-just-now = just now

# Conflicts inbox
nav-conflicts = Conflicts
conflicts-intro = Two offices changed the same information without seeing each other's change. Both values are kept; choose the right one, or type another. Your decision reaches every office.
conflicts-empty = No conflicts: every office agrees.
conflicts-field = Field: { $value }
conflicts-record-field = The record itself
conflicts-by = { $user } · { $device } · { $date }
conflicts-current = value shown
conflicts-keep = Keep this value
conflicts-other = Another value
conflicts-other-save = Save this value
conflicts-resolved = Conflict decided. The decision leaves at the next sync.
conflicts-open-record = Open the record
conflicts-kept = The record is kept
conflicts-deleted = The record is deleted
conflicts-empty-value = (empty)
conflict-mark = Conflict
conflict-mark-hint = Two offices changed this record at the same time: see the conflicts inbox.

# Joining
join-open = Join a shared dossier…
join-title = Join a shared dossier
join-explain = Another office gave you an invitation file and, separately, a code. The shared folder must already be on this computer (Syncthing copied it).
join-invitation = Invitation file
join-folder = Shared folder
join-location = New dossier
join-choose = Choose…
join-not-chosen = not chosen
join-code = One-time code
join-code-hint = The code's seven words, separated by spaces.
join-passphrase = This new dossier's passphrase
join-confirm = The same passphrase again
join-submit = Join
join-busy = Creating the dossier and receiving the records…
join-done = Shared dossier joined.
