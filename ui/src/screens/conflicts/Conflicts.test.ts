import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, fireEvent, waitFor, within } from '@testing-library/svelte';
import Conflicts from './Conflicts.svelte';
import { fakeCommands } from '../../test/ipc-mock';
import { resetSession } from '../../lib/session.svelte';
import { sharing } from '../../lib/sharing.svelte';
import type { ConflictEntry } from '../../lib/generated/index';

// Fictional records and people.
const FIELD: ConflictEntry = {
  conflict: {
    id: 'c0ffee000001',
    record_id: '11111111-0000-4000-8000-000000000001',
    record_kind: 'detainee',
    field: 'role',
    values: [
      { value: 'Infirmier (Paris)', device: 'aaaaaaaa-0000-4000-8000-000000000001', user: 'ana', at: '2026-12-01T09:00:00Z' },
      { value: 'Ambulancier (Lyon)', device: 'bbbbbbbb-0000-4000-8000-000000000002', user: 'bob', at: '2026-12-01T09:05:00Z' },
    ],
  },
  label: 'Aram Exemple-Test',
  show_kind: 'detainee',
  show_id: '11111111-0000-4000-8000-000000000001',
  typeable: true,
};
const RECORD: ConflictEntry = {
  ...FIELD,
  conflict: {
    ...FIELD.conflict,
    id: 'c0ffee000002',
    field: '(record)',
    values: [
      { value: 'kept', device: 'bbbbbbbb-0000-4000-8000-000000000002', user: 'bob', at: '2026-12-01T09:05:00Z' },
      { value: 'deleted', device: 'aaaaaaaa-0000-4000-8000-000000000001', user: 'ana', at: '2026-12-01T09:00:00Z' },
    ],
  },
  typeable: false,
};

beforeEach(() => {
  resetSession();
  sharing.status = null;
});

describe('Conflicts inbox', () => {
  it('shows both values side by side with who, where and when, the shown one first', async () => {
    fakeCommands({ conflicts: () => [FIELD] });
    render(Conflicts);
    const values = await screen.findAllByTestId('conflict-value');
    expect(values).toHaveLength(2);
    expect(within(values[0]).getByText('Infirmier (Paris)')).toBeInTheDocument();
    expect(within(values[0]).getByText('valeur affichée')).toBeInTheDocument();
    expect(within(values[1]).getByText('Ambulancier (Lyon)')).toBeInTheDocument();
    expect(within(values[1]).getByText(/^bob · /)).toBeInTheDocument();
    expect(screen.getByText('Aram Exemple-Test')).toBeInTheDocument();
  });

  it('keeping a value sends its number; the inbox then asks the core again', async () => {
    let open = [FIELD];
    const { calls } = fakeCommands({
      conflicts: () => open,
      conflict_resolve: () => {
        open = [];
        return null;
      },
      share_status: () => ({ shared: true, folder: '/x', devices: [], last_sync: null, conflicts: 0, auto_sync_minutes: 5 }),
    });
    render(Conflicts);
    const keep = await screen.findAllByTestId('conflict-keep');
    await fireEvent.click(keep[1]);
    await waitFor(() => expect(screen.getByText('Aucun conflit : tous les bureaux sont d’accord.')).toBeInTheDocument());
    expect(calls.find((c) => c.cmd === 'conflict_resolve')?.args).toEqual({ id: 'c0ffee000001', how: { pick: 2 } });
  });

  it('another value can be typed where the core allows it', async () => {
    const { calls } = fakeCommands({ conflicts: () => [FIELD], conflict_resolve: () => null, share_status: () => null });
    render(Conflicts);
    const other = await screen.findByTestId('conflict-other');
    const save = screen.getByTestId('conflict-other-save') as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    await fireEvent.input(other, { target: { value: 'Aide-soignant' } });
    await fireEvent.click(save);
    await waitFor(() => expect(calls.find((c) => c.cmd === 'conflict_resolve')?.args).toEqual({ id: 'c0ffee000001', how: { value: 'Aide-soignant' } }));
  });

  it('an edit against a delete offers kept or deleted, and nothing to type', async () => {
    fakeCommands({ conflicts: () => [RECORD] });
    render(Conflicts);
    expect(await screen.findByText('La fiche est gardée')).toBeInTheDocument();
    expect(screen.getByText('La fiche est supprimée')).toBeInTheDocument();
    expect(screen.getByText('La fiche elle-même')).toBeInTheDocument();
    expect(screen.queryByTestId('conflict-other')).toBeNull();
  });

  it('the core’s refusal of a typed value is shown and the conflict stays', async () => {
    fakeCommands({
      conflicts: () => [FIELD],
      conflict_resolve: () => {
        throw { code: 'invalid', message: 'Le champ « role » est trop long.' };
      },
    });
    render(Conflicts);
    await fireEvent.input(await screen.findByTestId('conflict-other'), { target: { value: 'x'.repeat(10) } });
    await fireEvent.click(screen.getByTestId('conflict-other-save'));
    expect(await screen.findByText('Le champ « role » est trop long.')).toBeInTheDocument();
    expect(screen.getAllByTestId('conflict')).toHaveLength(1);
  });
});
