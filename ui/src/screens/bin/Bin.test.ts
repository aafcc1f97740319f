import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, fireEvent, waitFor, within } from '@testing-library/svelte';
import Bin from './Bin.svelte';
import Toasts from '../../lib/components/Toasts.svelte';
import { fakeCommands } from '../../test/ipc-mock';
import { resetSession } from '../../lib/session.svelte';
import { clearToasts } from '../../lib/toasts.svelte';
import { deleteToBin } from '../../lib/bin';
import { route } from '../../lib/router.svelte';
import type { BinEntry } from '../../lib/generated/index';

// Fictional records and people.
const PERSON: BinEntry = {
  id: 7,
  kind: 'detainee',
  record_id: '11111111-0000-4000-8000-000000000001',
  label: 'Aram Exemple-Test',
  deleted_at: '2026-12-01T09:00:00Z',
  deleted_by: 'ana',
  records: 3,
  media_bytes: 2_400_000,
};
const SPONSOR: BinEntry = { ...PERSON, id: 6, kind: 'sponsor', record_id: '22222222-0000-4000-8000-000000000002', label: 'Ville d’Exemple', records: 1, media_bytes: 0 };

beforeEach(() => {
  resetSession();
  clearToasts();
});

describe('Bin screen', () => {
  it('lists each deletion with what came with it, who deleted it and when', async () => {
    fakeCommands({ bin_entries: () => [PERSON, SPONSOR] });
    render(Bin);
    const rows = await screen.findAllByTestId('bin-entry');
    expect(rows).toHaveLength(2);
    expect(within(rows[0]).getByText('Aram Exemple-Test')).toBeInTheDocument();
    expect(within(rows[0]).getByText(/avec 2 fiches liées/)).toBeInTheDocument();
    expect(within(rows[0]).getByText(/2,4 Mo de photos/)).toBeInTheDocument();
    expect(within(rows[0]).getByText(/par ana/)).toBeInTheDocument();
    expect(within(rows[1]).getByText('Parrain')).toBeInTheDocument();
  });

  it('restoring sends the entry number and lists the bin again', async () => {
    let left = [PERSON, SPONSOR];
    const { calls } = fakeCommands({
      bin_entries: () => left,
      bin_restore: () => {
        left = [SPONSOR];
        return { kind: 'detainee', record_id: PERSON.record_id, label: PERSON.label, records: 3 };
      },
    });
    render(Bin);
    render(Toasts);
    const restore = await screen.findAllByTestId('bin-restore');
    await fireEvent.click(restore[0]);
    await waitFor(() => expect(screen.getAllByTestId('bin-entry')).toHaveLength(1));
    expect(calls.find((c) => c.cmd === 'bin_restore')?.args).toEqual({ entry: 7 });
    expect(screen.getByText('« Aram Exemple-Test » est restauré.')).toBeInTheDocument();
    // The confirmation opens the record.
    await fireEvent.click(screen.getByTestId('toast-action'));
    expect(route).toMatchObject({ screen: 'detainees', id: PERSON.record_id });
  });

  it('a refusal of the core is shown and the entry stays', async () => {
    fakeCommands({
      bin_entries: () => [PERSON],
      bin_restore: () => {
        throw { code: 'bin_orphan', message: 'Parrainage « X » ne peut pas revenir : restaurez d’abord son parrain.' };
      },
    });
    render(Bin);
    await fireEvent.click(await screen.findByTestId('bin-restore'));
    expect(await screen.findByText(/restaurez d’abord son parrain/)).toBeInTheDocument();
    expect(screen.getAllByTestId('bin-entry')).toHaveLength(1);
  });

  it('emptying asks a second click, then deletes for good', async () => {
    let left = [PERSON, SPONSOR];
    const { calls } = fakeCommands({
      bin_entries: () => left,
      bin_empty: () => {
        left = [];
        return 2;
      },
    });
    render(Bin);
    await screen.findAllByTestId('bin-entry');
    await fireEvent.click(screen.getByRole('button', { name: 'Vider la corbeille' }));
    expect(calls.some((c) => c.cmd === 'bin_empty')).toBe(false);
    await fireEvent.click(screen.getByRole('button', { name: 'Supprimer définitivement 2 éléments' }));
    await waitFor(() => expect(screen.getByText('La corbeille est vide.')).toBeInTheDocument());
    expect(calls.filter((c) => c.cmd === 'bin_empty')).toHaveLength(1);
  });
});

describe('Undoing a deletion', () => {
  it('the confirmation carries "Annuler", which restores the entry the deletion made', async () => {
    let undone = false;
    const { calls } = fakeCommands({
      record_delete: () => 12,
      bin_restore: () => ({ kind: 'sponsor', record_id: SPONSOR.record_id, label: SPONSOR.label, records: 1 }),
    });
    render(Toasts);
    await deleteToBin('sponsor', SPONSOR.record_id, 'Parrain supprimé.', () => {
      undone = true;
    });
    expect(screen.getByText('Parrain supprimé.')).toBeInTheDocument();
    await fireEvent.click(screen.getByRole('button', { name: 'Annuler' }));
    await waitFor(() => expect(undone).toBe(true));
    expect(calls.find((c) => c.cmd === 'record_delete')?.args).toEqual({ kind: 'sponsor', id: SPONSOR.record_id });
    expect(calls.find((c) => c.cmd === 'bin_restore')?.args).toEqual({ entry: 12 });
    expect(screen.getByText('« Ville d’Exemple » est restauré.')).toBeInTheDocument();
  });
});
