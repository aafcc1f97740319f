import { describe, expect, it } from 'vitest';
import { render, screen, fireEvent, waitFor, within } from '@testing-library/svelte';
import { fakeCommands } from '../../test/ipc-mock';
import { route, navigate } from '../../lib/router.svelte';
import RecordPage from './RecordPage.svelte';
import { ID, page } from './fixtures';

const HISTORY = [
  { seq: 1, at: '2024-01-01T10:00:00.000Z', actor: 'anna', kind: 'detainee', record_id: ID, action: 'create', field: 'name', old_value: null, new_value: 'Aram Exemple' },
  { seq: 7, at: '2024-02-01T10:00:00.000Z', actor: 'anna', kind: 'detainee', record_id: ID, action: 'update', field: 'birth_place', old_value: 'Goris', new_value: 'Gyumri' },
];

function backend(extra: Record<string, (args: unknown) => unknown> = {}) {
  return fakeCommands({
    detainee_page: () => page(),
    history: () => HISTORY,
    history_restore: () => ({ kind: 'detainee', record_id: ID, field: 'birth_place', value: 'Goris', changed: true }),
    record_save: () => ID,
    ...extra,
  });
}

describe('Detainee record page', () => {
  it('renders the header and every section from detainee_page', async () => {
    const { calls } = backend();
    render(RecordPage, { id: ID });
    expect(await screen.findByTestId('record-name')).toHaveTextContent('Aram Exemple');
    expect(calls.find((c) => c.cmd === 'detainee_page')?.args).toEqual({ id: ID });
    expect(screen.getByText('Prisonnier de guerre', { selector: '.chip' })).toBeInTheDocument();
    expect(screen.getByText('Condamné', { selector: '.chip' })).toBeInTheDocument();
    expect(screen.getByText(/1\s234 jours de détention/)).toBeInTheDocument();
    for (const title of ['Identité', 'Situation juridique', 'Publication', 'Chronologie', 'Sources', 'Photos', 'Contacts familiaux', 'Parrainages', 'Documents', 'Historique']) {
      expect(screen.getByRole('heading', { level: 2, name: title })).toBeInTheDocument();
    }
    expect(screen.getByTestId('detainee-form-name')).toHaveValue('Aram Exemple');
    expect(screen.getByTestId('record-photo-import')).toBeInTheDocument();
    expect(screen.getByText('Aucune photo pour l’instant.')).toBeInTheDocument();
    expect(screen.getByDisplayValue('318.1')).toBeInTheDocument();
  });

  it('labels the family contacts as confidential', async () => {
    backend();
    render(RecordPage, { id: ID });
    const panel = await screen.findByTestId('record-contacts');
    expect(panel).toHaveTextContent('Confidentiel — n’apparaît dans aucun document');
    expect(within(panel).getByText('Anahit Exemple')).toBeInTheDocument();
    expect(panel.querySelector('svg')).not.toBeNull();
  });

  it('saves the identity as the whole record, and shows a validation error', async () => {
    let fail = false;
    const { calls } = backend({
      record_save: () => {
        if (fail) throw { code: 'invalid', message: 'La date de capture est antérieure à la naissance.' };
        return ID;
      },
    });
    render(RecordPage, { id: ID });
    const name = await screen.findByTestId('detainee-form-name');
    await fireEvent.input(name, { target: { value: 'Aram Orinakyan-Test' } });
    await fireEvent.click(screen.getByTestId('record-save'));
    await waitFor(() => expect(calls.filter((c) => c.cmd === 'record_save')).toHaveLength(1));
    const args = calls.find((c) => c.cmd === 'record_save')!.args as { id: string; record: { kind: string; data: Record<string, unknown> } };
    expect(args.id).toBe(ID);
    expect(args.record.kind).toBe('detainee');
    expect(args.record.data).toMatchObject({ name: 'Aram Orinakyan-Test', rank: 'Sergent', born: '1999-03', disclosure: { name: { public: true, consent: 'given' } } });
    expect(args.record.data).not.toHaveProperty('id');
    expect(args.record.data).not.toHaveProperty('updated_at');
    expect((args.record.data.situation as unknown[]).length).toBe(1);

    await waitFor(() => expect(screen.getByTestId('record-save')).not.toBeDisabled());
    fail = true;
    await fireEvent.input(screen.getByTestId('detainee-form-name'), { target: { value: 'Aram O.' } });
    await fireEvent.click(screen.getByTestId('record-save'));
    expect(await screen.findByText('La date de capture est antérieure à la naissance.')).toBeInTheDocument();
  });

  it('lists the history newest first and restores a value with its seq', async () => {
    const { calls } = backend();
    render(RecordPage, { id: ID });
    const panel = await screen.findByTestId('history-panel');
    await waitFor(() => expect(within(panel).getAllByRole('listitem')).toHaveLength(2));
    const items = within(panel).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('Lieu de naissance');
    expect(items[0]).toHaveTextContent('Goris');
    expect(items[0]).toHaveTextContent('Gyumri');
    const [restoreUpdate] = within(items[0]).getAllByRole('button', { name: 'Restaurer cette valeur' });
    const [restoreCreate] = within(items[1]).getAllByRole('button', { name: 'Restaurer cette valeur' });
    expect(restoreCreate).toBeDisabled();
    const pagesBefore = calls.filter((c) => c.cmd === 'detainee_page').length;
    await fireEvent.click(restoreUpdate);
    await waitFor(() => expect(calls.filter((c) => c.cmd === 'history_restore')).toHaveLength(1));
    expect(calls.find((c) => c.cmd === 'history_restore')!.args).toEqual({ seq: 7 });
    // The record is reloaded after the restore.
    await waitFor(() => expect(calls.filter((c) => c.cmd === 'detainee_page').length).toBeGreaterThan(pagesBefore));
  });

  it('shows a restore refusal from the core', async () => {
    backend({
      history_restore: () => {
        throw { code: 'not-found', message: 'Cet enregistrement a été supprimé depuis.' };
      },
    });
    const { container } = render(RecordPage, { id: ID });
    const panel = await screen.findByTestId('history-panel');
    await waitFor(() => expect(within(panel).getAllByRole('listitem')).toHaveLength(2));
    await fireEvent.click(within(panel).getAllByRole('button', { name: 'Restaurer cette valeur' })[0]);
    await waitFor(() => expect(container.ownerDocument.body).toHaveTextContent('Cet enregistrement a été supprimé depuis.'));
  });

  it('opens documents preselected, and shows a page that cannot load', async () => {
    backend();
    navigate('detainees', ID);
    render(RecordPage, { id: ID });
    await fireEvent.click(await screen.findByRole('button', { name: 'Fiche (PDF)' }));
    expect(route).toMatchObject({ screen: 'documents', id: 'factsheet:' + ID });
  });

  it('shows a load error', async () => {
    fakeCommands({
      detainee_page: () => {
        throw { code: 'not-found', message: 'Détenu introuvable.' };
      },
      history: () => [],
    });
    render(RecordPage, { id: ID });
    expect(await screen.findByText('Détenu introuvable.')).toBeInTheDocument();
  });
});
