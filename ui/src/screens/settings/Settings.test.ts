import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, fireEvent, within, waitFor } from '@testing-library/svelte';
import Settings from './Settings.svelte';
import { fakeCommands, type Handler } from '../../test/ipc-mock';
import { resetSession } from '../../lib/session.svelte';

const SETTINGS = { auto_lock_minutes: 10, backup_keep: 10, backup_dir: '/home/ana/.local/share/libertas/backups' };
const PROFILE = {
  id: 'p-1',
  created_at: '2024-01-01T00:00:00Z',
  updated_at: '2024-01-01T00:00:00Z',
  name: 'Collectif Libertas',
  members: [{ name: 'Centre de droit', city: 'Paris', description_fr: 'Un centre.', description_en: null }],
  signatory: { name: 'Anahit Grantsian', title: null },
  logo_ids: ['logo-1'],
  website: null,
  campaign_url: 'https://example.org/libertas',
  contacts: [],
  cities: ['Paris', 'Lyon', 'Genève'],
  address: null,
};

function setup(extra: Record<string, Handler> = {}) {
  return fakeCommands({ profile_get: () => PROFILE, settings_get: () => SETTINGS, recovery_status: () => null, backups_list: () => [], ...extra });
}

beforeEach(() => resetSession());

describe('Settings: passphrase change', () => {
  it('shows a mismatch and does not call the core', async () => {
    const { calls } = setup({ passphrase_change: () => null });
    render(Settings);
    await fireEvent.input(screen.getByLabelText('Phrase secrète actuelle'), { target: { value: 'ancienne phrase' } });
    await fireEvent.input(screen.getByLabelText('Nouvelle phrase secrète'), { target: { value: 'une nouvelle phrase' } });
    await fireEvent.input(screen.getByLabelText('Nouvelle phrase secrète, une seconde fois'), { target: { value: 'une nouvelle phrasE' } });
    expect(screen.getByText('Les deux saisies ne sont pas identiques.')).toBeInTheDocument();
    await fireEvent.click(screen.getByTestId('settings-change-passphrase'));
    expect(calls.filter((c) => c.cmd === 'passphrase_change')).toEqual([]);
  });

  it('sends the three values, then clears the fields', async () => {
    const { calls } = setup({ passphrase_change: () => null });
    render(Settings);
    const current = screen.getByLabelText('Phrase secrète actuelle') as HTMLInputElement;
    await fireEvent.input(current, { target: { value: 'ancienne phrase' } });
    await fireEvent.input(screen.getByLabelText('Nouvelle phrase secrète'), { target: { value: 'une nouvelle phrase' } });
    await fireEvent.input(screen.getByLabelText('Nouvelle phrase secrète, une seconde fois'), { target: { value: 'une nouvelle phrase' } });
    await fireEvent.click(screen.getByTestId('settings-change-passphrase'));
    await new Promise((r) => setTimeout(r, 0));
    expect(calls.find((c) => c.cmd === 'passphrase_change')?.args).toEqual({
      current: 'ancienne phrase',
      newPassphrase: 'une nouvelle phrase',
      confirm: 'une nouvelle phrase',
    });
    expect(current.value).toBe('');
  });

  it('shows the core’s refusal of the current passphrase', async () => {
    setup({
      passphrase_change: () => {
        throw { code: 'wrong_passphrase', message: 'Phrase secrète incorrecte.' };
      },
    });
    render(Settings);
    await fireEvent.input(screen.getByLabelText('Phrase secrète actuelle'), { target: { value: 'mauvaise' } });
    await fireEvent.input(screen.getByLabelText('Nouvelle phrase secrète'), { target: { value: 'une nouvelle phrase' } });
    await fireEvent.input(screen.getByLabelText('Nouvelle phrase secrète, une seconde fois'), { target: { value: 'une nouvelle phrase' } });
    await fireEvent.click(screen.getByTestId('settings-change-passphrase'));
    expect(await screen.findByText('Phrase secrète incorrecte.')).toBeInTheDocument();
  });
});

describe('Settings: auto-lock and backups', () => {
  it('saves the delay and the number of backups', async () => {
    const { calls } = setup({ settings_save: () => null });
    render(Settings);
    const autolock = await screen.findByTestId('settings-autolock');
    expect(autolock).toHaveValue(10);
    await fireEvent.input(autolock, { target: { value: '5' } });
    await fireEvent.input(screen.getByLabelText('Nombre de sauvegardes automatiques à conserver'), { target: { value: '7' } });
    await fireEvent.click(screen.getByTestId('settings-save'));
    await new Promise((r) => setTimeout(r, 0));
    expect(calls.find((c) => c.cmd === 'settings_save')?.args).toEqual({
      settings: { auto_lock_minutes: 5, backup_keep: 7, backup_dir: SETTINGS.backup_dir },
    });
  });

  it('refuses a number of backups out of range', async () => {
    const { calls } = setup({ settings_save: () => null });
    render(Settings);
    await screen.findByTestId('settings-autolock');
    await fireEvent.input(screen.getByLabelText('Nombre de sauvegardes automatiques à conserver'), { target: { value: '0' } });
    await fireEvent.click(screen.getByTestId('settings-save'));
    expect(screen.getByText('Indiquez un nombre entier entre 1 et 1000.')).toBeInTheDocument();
    expect(calls.filter((c) => c.cmd === 'settings_save')).toEqual([]);
  });

  it('says where the backup was written, and gives a plain verdict of the check', async () => {
    setup({
      backup_now: () => ({ info: { path: '/media/usb/libertas-2024-05-01-1030.dossier', digest: 'ab', bytes: 4096 }, recovery: '/media/usb/libertas-2024-05-01-1030.dossier.recovery' }),
      dossier_check: () => ({ integrity: [], cipher: [], foreign_keys: [] }),
    });
    render(Settings);
    await fireEvent.click(screen.getByTestId('settings-backup-now'));
    expect(await screen.findByText('/media/usb/libertas-2024-05-01-1030.dossier')).toBeInTheDocument();
    expect(screen.getByText('/media/usb/libertas-2024-05-01-1030.dossier.recovery')).toBeInTheDocument();
    await fireEvent.click(screen.getByTestId('settings-check'));
    expect(await screen.findByText(/Le dossier est intact/)).toBeInTheDocument();
  });

  it('lists the problems the check found', async () => {
    setup({ dossier_check: () => ({ integrity: ['page 12: bad'], cipher: [], foreign_keys: ['photo → detainee'] }) });
    render(Settings);
    await fireEvent.click(screen.getByTestId('settings-check'));
    const result = within(screen.getByTestId('settings-check-result'));
    expect(await result.findByText(/2 problèmes ont été trouvés/)).toBeInTheDocument();
    expect(result.getByText('page 12: bad')).toBeInTheDocument();
  });
});

describe('Settings: profile', () => {
  it('loads the profile, and saves it with null for empty fields', async () => {
    const { calls } = setup({ profile_save: () => null });
    render(Settings);
    const name = await screen.findByTestId('settings-profile-name');
    expect(name).toHaveValue('Collectif Libertas');
    expect(screen.getByAltText('Logo 1 du collectif')).toHaveAttribute('src', 'media://localhost/thumb/logo-1');
    await fireEvent.input(name, { target: { value: 'Collectif Libertas 2' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Ajouter un contact presse' }));
    const contact = within(screen.getByRole('group', { name: 'Contact 1' }));
    await fireEvent.input(contact.getByLabelText(/Nom/), { target: { value: 'Lilit Nmushian' } });
    await fireEvent.input(contact.getByLabelText('Courriel'), { target: { value: 'presse@example.org' } });
    await fireEvent.click(screen.getByTestId('settings-save-profile'));
    await new Promise((r) => setTimeout(r, 0));
    expect(calls.find((c) => c.cmd === 'profile_save')?.args).toEqual({
      profile: {
        name: 'Collectif Libertas 2',
        members: [{ name: 'Centre de droit', city: 'Paris', description_fr: 'Un centre.', description_en: null }],
        signatory: { name: 'Anahit Grantsian', title: null },
        logo_ids: ['logo-1'],
        website: null,
        campaign_url: 'https://example.org/libertas',
        contacts: [{ name: 'Lilit Nmushian', role: null, email: 'presse@example.org', phone: null }],
        cities: ['Paris', 'Lyon', 'Genève'],
        address: null,
      },
    });
  });

  it('shows the core’s validation message next to the form', async () => {
    setup({
      profile_save: () => {
        throw { code: 'invalid', message: 'Courriel invalide : « presse@ ».' };
      },
    });
    render(Settings);
    await screen.findByTestId('settings-profile-name');
    await fireEvent.click(screen.getByTestId('settings-save-profile'));
    expect(await screen.findByText('Courriel invalide : « presse@ ».')).toBeInTheDocument();
    expect(screen.getByText('Le profil n’a pas été enregistré')).toBeInTheDocument();
  });

  it('requires a name before saving', async () => {
    const { calls } = fakeCommands({ profile_get: () => null, settings_get: () => SETTINGS, recovery_status: () => null, profile_save: () => null });
    render(Settings);
    await screen.findByTestId('settings-profile-name');
    await fireEvent.click(screen.getByTestId('settings-save-profile'));
    expect(screen.getByTestId('settings-profile-name')).toHaveAttribute('aria-invalid', 'true');
    expect(calls.filter((c) => c.cmd === 'profile_save')).toEqual([]);
    expect(screen.getByRole('button', { name: 'Ajouter un logo…' })).toBeDisabled();
  });

  it('adds and removes member organisations', async () => {
    setup();
    render(Settings);
    await screen.findByTestId('settings-profile-name');
    await fireEvent.click(screen.getByRole('button', { name: 'Ajouter une organisation membre' }));
    expect(screen.getByRole('group', { name: 'Membre 2' })).toBeInTheDocument();
    await fireEvent.click(screen.getByRole('button', { name: 'Retirer « Centre de droit »'.replace('« ', '«\u00a0').replace(' »', '\u00a0»') }));
    expect(screen.queryByDisplayValue('Centre de droit')).toBeNull();
  });

  it('imports a logo and shows its thumbnail', async () => {
    setup({ profile_logo_import: () => 'logo-2' });
    render(Settings);
    await screen.findByTestId('settings-profile-name');
    await fireEvent.click(screen.getByRole('button', { name: 'Ajouter un logo…' }));
    expect(await screen.findByAltText('Logo 2 du collectif')).toHaveAttribute('src', 'media://localhost/thumb/logo-2');
  });
});

describe('Settings: recovery sheets', () => {
  it('says there are none, then makes a set for the named member organisations', async () => {
    let made = false;
    const { calls } = setup({
      recovery_status: () =>
        made ? { set_id: 'ab12', threshold: 2, shares: 3, names: ['Paris', 'Lyon', 'Genève'], created_at: '2026-12-01T20:00:00Z', file: '/d/x.dossier.recovery', file_ok: true } : null,
      recovery_create: () => {
        made = true;
        return {
          set_id: 'ab12',
          threshold: 2,
          shares: 3,
          replaced_set: null,
          sheets: ['Paris', 'Lyon', 'Genève'].map((o, i) => ({ number: i + 1, organisation: o, pdf: `/f/recovery-sheet-${i + 1}-of-3.pdf`, txt: `/f/recovery-sheet-${i + 1}-of-3.txt` })),
        };
      },
    });
    render(Settings);
    expect(await screen.findByTestId('recovery-status')).toHaveTextContent('Ce dossier n’a pas encore de feuilles de secours.');
    const names = screen.getAllByTestId('recovery-name');
    expect(names).toHaveLength(3);
    for (const [i, n] of ['Paris', 'Lyon', 'Genève'].entries()) await fireEvent.input(names[i], { target: { value: n } });
    await fireEvent.input(screen.getByTestId('recovery-passphrase'), { target: { value: 'correct horse battery' } });
    await fireEvent.click(screen.getByTestId('recovery-create'));
    expect(await screen.findByTestId('recovery-made')).toHaveTextContent('3 feuilles écrites (2 suffisent)');
    expect(calls.find((c) => c.cmd === 'recovery_create')!.args).toEqual({ shares: 3, threshold: 2, names: ['Paris', 'Lyon', 'Genève'], passphrase: 'correct horse battery' });
    expect(await screen.findByTestId('recovery-status')).toHaveTextContent('Jeu en vigueur : 3 feuilles, 2 suffisent');
    expect(screen.getByTestId('recovery-passphrase')).toHaveValue('');
  });

  it('warns when the recovery file is not beside the dossier', async () => {
    setup({ recovery_status: () => ({ set_id: 'ab12', threshold: 2, shares: 3, names: [], created_at: '2026-12-01T20:00:00Z', file: '/d/x.dossier.recovery', file_ok: false }) });
    render(Settings);
    expect(await screen.findByText(/Le fichier de secours \/d\/x\.dossier\.recovery manque/)).toBeInTheDocument();
  });
});

describe('Settings: automatic backups', () => {
  const BACKUPS = [
    { name: 'backup-20240502T081500.000Z.dossier', made_at: '2024-05-02T08:15:00Z', bytes: 2 * 1024 * 1024 },
    { name: 'backup-20240501T170000.000Z.dossier', made_at: '2024-05-01T17:00:00Z', bytes: 1536 * 1024 },
  ];

  it('lists them with date and size, and verifies one by its name', async () => {
    const { calls } = setup({ backups_list: () => BACKUPS, backup_verify: () => ({ path: '/x', digest: 'ab', bytes: 1 }) });
    render(Settings);
    const rows = await screen.findAllByTestId('backup-row');
    expect(rows).toHaveLength(2);
    expect(within(rows[0]).getByText('2 Mo')).toBeInTheDocument();
    await fireEvent.click(within(rows[1]).getByTestId('backup-verify'));
    expect(await within(rows[1]).findByTestId('backup-verified')).toBeInTheDocument();
    expect(calls.find((c) => c.cmd === 'backup_verify')?.args).toEqual({ name: 'backup-20240501T170000.000Z.dossier' });
  });

  it('restores only with the passphrase, and shows the core’s refusal', async () => {
    let tries = 0;
    const { calls } = setup({
      backups_list: () => BACKUPS,
      backup_restore: () => {
        tries++;
        if (tries === 1) throw { code: 'wrong_passphrase', message: 'Cette phrase secrète n’ouvre pas la sauvegarde.' };
        return { target: '/home/ana/libertas.dossier', digest: 'ab', set_aside: '/home/ana/libertas.dossier.before-restore-x' };
      },
    });
    render(Settings);
    const rows = await screen.findAllByTestId('backup-row');
    await fireEvent.click(within(rows[0]).getByTestId('backup-restore'));
    const confirm = (await screen.findByTestId('backup-restore-confirm')) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    await fireEvent.input(screen.getByTestId('backup-restore-passphrase'), { target: { value: 'pas la bonne' } });
    await fireEvent.click(confirm);
    expect(await screen.findByText('Cette phrase secrète n’ouvre pas la sauvegarde.')).toBeInTheDocument();
    expect(screen.getByTestId('backup-restore-dialog')).toBeInTheDocument();
    await fireEvent.input(screen.getByTestId('backup-restore-passphrase'), { target: { value: 'la bonne phrase (fictive)' } });
    await fireEvent.click(confirm);
    await waitFor(() => expect(screen.queryByTestId('backup-restore-dialog')).toBeNull());
    expect(calls.filter((c) => c.cmd === 'backup_restore').map((c) => c.args)).toEqual([
      { name: 'backup-20240502T081500.000Z.dossier', passphrase: 'pas la bonne' },
      { name: 'backup-20240502T081500.000Z.dossier', passphrase: 'la bonne phrase (fictive)' },
    ]);
  });

  it('says when there is none yet, and compacts', async () => {
    setup({ dossier_compact: () => 3 * 1024 * 1024 });
    render(Settings);
    expect(await screen.findByTestId('backup-none')).toBeInTheDocument();
    await fireEvent.click(screen.getByTestId('backup-compact'));
    expect(await screen.findByTestId('backup-compacted')).toHaveTextContent('3 Mo');
  });
});
