import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, fireEvent, waitFor } from '@testing-library/svelte';
import SharingSection from './SharingSection.svelte';
import { fakeCommands } from '../../test/ipc-mock';
import { resetSession } from '../../lib/session.svelte';
import { sharing } from '../../lib/sharing.svelte';
import type { ShareStatus } from '../../lib/generated/index';

// Fictional devices and people.
const SHARED: ShareStatus = {
  shared: true,
  folder: '/home/essai/Sync/libertas',
  devices: [
    { id: 'aaaaaaaa-0000-4000-8000-000000000001', name: 'Bureau de Paris (essai)', user: 'ana', added_by: 'aaaaaaaa-0000-4000-8000-000000000001', added_at: '2026-11-02T10:00:00Z', revoked: false, self: true },
    { id: 'bbbbbbbb-0000-4000-8000-000000000002', name: 'Bureau de Lyon (essai)', user: 'bob', added_by: 'aaaaaaaa-0000-4000-8000-000000000001', added_at: '2026-11-03T10:00:00Z', revoked: false, self: false },
  ],
  last_sync: {
    at: '2026-12-01T09:00:00Z',
    ok: true,
    error: null,
    written: 2,
    applied: 3,
    records: 4,
    refused: ['Le fichier x.sealed n’est pas signé par un appareil connu : il est écarté.'],
    photos_waiting: 1,
    conflicts: 2,
  },
  conflicts: 2,
  auto_sync_minutes: 5,
};
const NOT_SHARED: ShareStatus = { shared: false, folder: null, devices: [], last_sync: null, conflicts: 0, auto_sync_minutes: 5 };

beforeEach(() => {
  resetSession();
  sharing.status = null;
});

describe('Settings: sharing between offices', () => {
  it('shares a dossier under the name typed, the folder coming from the native dialog', async () => {
    const { calls } = fakeCommands({ share_status: () => NOT_SHARED, share_create: () => SHARED });
    render(SharingSection, { id: 's' });
    expect(await screen.findByText('Ce dossier n’est pas partagé.')).toBeInTheDocument();
    const create = screen.getByTestId('sharing-create') as HTMLButtonElement;
    expect(create.disabled).toBe(true);
    await fireEvent.input(screen.getByTestId('sharing-device-name'), { target: { value: 'Bureau de Paris (essai)' } });
    await fireEvent.click(create);
    await waitFor(() => expect(screen.getByTestId('sharing-folder').textContent).toBe('/home/essai/Sync/libertas'));
    expect(calls.find((c) => c.cmd === 'share_create')?.args).toEqual({ deviceName: 'Bureau de Paris (essai)' });
  });

  it('shows the last sync, what was set aside, the devices and the conflicts', async () => {
    fakeCommands({ share_status: () => SHARED });
    render(SharingSection, { id: 's' });
    expect(await screen.findByText(/2 envoi\(s\), 3 reçu\(s\), 4 fiche\(s\) mise\(s\) à jour/)).toBeInTheDocument();
    expect(screen.getByText(/n’est pas signé par un appareil connu/)).toBeInTheDocument();
    expect(screen.getByText('Une photo annoncée n’est pas encore arrivée.')).toBeInTheDocument();
    expect(screen.getAllByTestId('sharing-device')).toHaveLength(2);
    expect(screen.getByTestId('sharing-conflicts').textContent).toMatch(/2 conflits à trancher/);
    // This computer cannot be revoked; the other one can.
    expect(screen.getAllByRole('button', { name: 'Révoquer' })).toHaveLength(1);
  });

  it('revokes after a second click, naming the device', async () => {
    const { calls } = fakeCommands({ share_status: () => SHARED, share_revoke: () => null });
    render(SharingSection, { id: 's' });
    const revoke = await screen.findByRole('button', { name: 'Révoquer' });
    await fireEvent.click(revoke);
    expect(calls.some((c) => c.cmd === 'share_revoke')).toBe(false);
    await fireEvent.click(screen.getByRole('button', { name: /Révoquer Bureau de Lyon \(essai\) \?/ }));
    await waitFor(() => expect(calls.find((c) => c.cmd === 'share_revoke')?.args).toEqual({ device: 'bbbbbbbb-0000-4000-8000-000000000002' }));
  });

  it('shows the invitation code as words and as a QR code once the file is saved', async () => {
    const { calls } = fakeCommands({
      share_status: () => SHARED,
      share_invite: () => ({ code: 'bafo deki fugo hala jeme kiso lupa', qr_svg: '<svg xmlns="http://www.w3.org/2000/svg" data-qr="1"></svg>', saved_to: '/media/cle/invitation-lyon.invitation' }),
    });
    render(SharingSection, { id: 's' });
    await fireEvent.input(await screen.findByTestId('sharing-invite-name'), { target: { value: 'Bureau de Genève (essai)' } });
    await fireEvent.click(screen.getByTestId('sharing-invite'));
    expect((await screen.findByTestId('sharing-code')).textContent).toBe('bafo deki fugo hala jeme kiso lupa');
    expect(screen.getByTestId('sharing-qr').querySelector('svg[data-qr]')).not.toBeNull();
    expect(screen.getByText(/invitation-lyon\.invitation/)).toBeInTheDocument();
    expect(calls.find((c) => c.cmd === 'share_invite')?.args).toEqual({ deviceName: 'Bureau de Genève (essai)' });
  });

  it('a cancelled invitation dialog shows no code', async () => {
    fakeCommands({ share_status: () => SHARED, share_invite: () => null });
    render(SharingSection, { id: 's' });
    await fireEvent.input(await screen.findByTestId('sharing-invite-name'), { target: { value: 'Genève' } });
    await fireEvent.click(screen.getByTestId('sharing-invite'));
    await new Promise((r) => setTimeout(r, 0));
    expect(screen.queryByTestId('sharing-code')).toBeNull();
  });

  it('"sync now" asks the core and shows its refusal in words', async () => {
    fakeCommands({
      share_status: () => SHARED,
      share_sync: () => {
        throw { code: 'read', message: 'Impossible de lire le dossier partagé /media/cle : la clé est-elle branchée ?' };
      },
    });
    render(SharingSection, { id: 's' });
    await fireEvent.click(await screen.findByTestId('sharing-sync'));
    expect(await screen.findByText(/la clé est-elle branchée/)).toBeInTheDocument();
  });

  it('joining another office goes through the unlock screen', async () => {
    fakeCommands({ share_status: () => NOT_SHARED });
    let asked = 0;
    render(SharingSection, { id: 's', onjoin: () => void asked++ });
    await fireEvent.click(await screen.findByTestId('sharing-join'));
    expect(asked).toBe(1);
  });
});
