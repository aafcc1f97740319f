import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, fireEvent, waitFor, within } from '@testing-library/svelte';
import { emit } from '@tauri-apps/api/event';
import type { InvokeArgs } from '@tauri-apps/api/core';
import { fakeBackend, type Handler } from '../../test/ipc-mock';
import ImportWizard from './ImportWizard.svelte';
import { resetSession } from '../../lib/session.svelte';

// All names are fictional.
const backend = (h: Record<string, Handler>) => fakeBackend(h).calls;

const ARAM = 'aaaaaaaa-0000-4000-8000-000000000001';
const FIELDS = ['id', 'name', 'name_hy', 'category', 'born', 'birth_place', 'notes', 'photo'];

function row(line: number, label: string, action: string, extra: Record<string, unknown> = {}) {
  return { sheet: null, line, kind: 'detainee', action, id: null, label, changes: [], photo: null, errors: [], duplicates: [], values: [], ...extra };
}

/** The dry run as the core answers it, given the decisions the wizard sent. */
function preview(args: InvokeArgs | undefined) {
  const req = (args as { request: { decisions: { line: number; choice: unknown }[]; mapping: [string, string][] } }).request;
  const decided = req.decisions.find((d) => d.line === 2);
  const dup = { id: ARAM, line: null, name: 'Aram Haroutiounian' };
  const first = decided
    ? row(2, 'Harutyunyan Aram', 'merge', { id: ARAM, changes: ['birth_place'], duplicates: [dup], values: [['name', 'Harutyunyan Aram'], ['birth_place', 'Goris (fictif)']] })
    : row(2, 'Harutyunyan Aram', 'create', { duplicates: [dup], values: [['name', 'Harutyunyan Aram'], ['birth_place', 'Goris (fictif)']] });
  const ignored = req.mapping.some(([c, f]) => c === 'Remarque' && f === '');
  return {
    report: {
      file: '/home/essai/import.csv',
      applied: false,
      duplicate_policy: 'refuse',
      sheets: [{ sheet: null, kind: 'detainee', detected: 'Windows-1252, semicolon', csv: { encoding: 'Windows-1252', delimiter: 'semicolon' }, columns: [['Nom', 'name'], ['Lieu de naissance', 'birth_place'], ['Remarque', ignored ? null : 'notes']] }],
      rows: [first, row(3, 'Lévon Exemplian', 'create')],
      summary: { create: decided ? 1 : 1, update: 0, merge: decided ? 1 : 0, skip: 0, errors: 0, duplicates: decided ? 0 : 1 },
    },
    existing: [{ id: ARAM, kind: 'detainee', name: 'Aram Haroutiounian', values: [['name', 'Aram Haroutiounian'], ['born', '1995-04-01']] }],
    detainee_fields: FIELDS,
    sponsor_fields: ['id', 'name', 'kind'],
  };
}

beforeEach(() => resetSession());

describe('Import wizard', () => {
  it('shows the mapping and the dry run, waits for a decision on the duplicate, then imports with progress', async () => {
    const calls = backend({
      import_choose_file: () => ({ name: 'import.csv', json: false, sealed: false }),
      import_preview: preview,
      import_start: () => 7,
      job_cancel: () => null,
    });
    let done = 0;
    render(ImportWizard, { open: true, kind: 'detainee', ondone: () => void done++ });
    await fireEvent.click(screen.getByTestId('import-choose-file'));
    expect(await screen.findByTestId('import-file-name')).toHaveTextContent('import.csv');
    expect(await screen.findByText('Lu comme : Windows-1252, séparateur point-virgule')).toBeInTheDocument();
    const dup = await screen.findByTestId('import-duplicate');
    // The row and the existing record side by side.
    expect(within(dup).getByText('Goris (fictif)')).toBeInTheDocument();
    expect(within(dup).getByText('Fiche existante : Aram Haroutiounian')).toBeInTheDocument();
    expect(within(dup).getByText('1995-04-01')).toBeInTheDocument();
    const apply = screen.getByTestId('import-apply') as HTMLButtonElement;
    expect(apply.disabled, 'an undecided duplicate blocks the import').toBe(true);
    expect(screen.getByText(/1 doublon possible à trancher/)).toBeInTheDocument();

    await fireEvent.change(within(dup).getByTestId('import-choice'), { target: { value: `merge:${ARAM}` } });
    await waitFor(() => expect(apply.disabled).toBe(false));
    expect(screen.getByText('Fusion')).toBeInTheDocument();
    await fireEvent.click(apply);
    await waitFor(() => expect(calls.some((c) => c.cmd === 'import_start')).toBe(true));
    const start = calls.find((c) => c.cmd === 'import_start')!.args as { request: { decisions: unknown[] } };
    expect(start.request.decisions).toEqual([{ sheet: null, line: 2, choice: { merge: ARAM } }]);

    await emit('job-progress', { job: 7, done: 1, total: 2, current: '', finished: false, cancelled: false, errors: [] });
    expect(await screen.findByText('1 sur 2 lignes')).toBeInTheDocument();
    await emit('job-progress', { job: 7, done: 2, total: 2, current: '', finished: true, cancelled: false, errors: [] });
    expect(await screen.findByTestId('import-done')).toHaveTextContent('2 fiches écrites');
    await fireEvent.click(screen.getByTestId('import-close'));
    expect(done).toBe(1);
  });

  it('a changed column is sent as a mapping and analysed again', async () => {
    const calls = backend({ import_choose_file: () => ({ name: 'import.csv', json: false, sealed: false }), import_preview: preview });
    render(ImportWizard, { open: true, kind: 'detainee' });
    await fireEvent.click(screen.getByTestId('import-choose-file'));
    const selects = await screen.findAllByTestId('import-map');
    await fireEvent.change(selects[2], { target: { value: '' } });
    await waitFor(() => expect(calls.filter((c) => c.cmd === 'import_preview')).toHaveLength(2));
    const last = calls.filter((c) => c.cmd === 'import_preview')[1].args as { request: { mapping: unknown } };
    expect(last.request.mapping).toEqual([['Remarque', '']]);
  });

  it('a refused import says why and that nothing was written', async () => {
    backend({
      import_choose_file: () => ({ name: 'import.csv', json: false, sealed: false }),
      import_preview: (a) => {
        const p = preview(a);
        p.report.rows = [row(3, 'Lévon Exemplian', 'create')];
        p.report.summary.duplicates = 0;
        return p;
      },
      import_start: () => 9,
    });
    render(ImportWizard, { open: true, kind: 'detainee' });
    await fireEvent.click(screen.getByTestId('import-choose-file'));
    const apply = (await screen.findByTestId('import-apply')) as HTMLButtonElement;
    await waitFor(() => expect(apply.disabled).toBe(false));
    await fireEvent.click(apply);
    await new Promise((r) => setTimeout(r, 0));
    await emit('job-progress', { job: 9, done: 0, total: 0, current: '', finished: true, cancelled: false, errors: ['ligne 3 : catégorie inconnue'] });
    const refused = await screen.findByTestId('import-refused');
    expect(refused).toHaveTextContent('rien n’a été écrit');
    expect(refused).toHaveTextContent('ligne 3 : catégorie inconnue');
  });

  it('a sealed JSON export asks its passphrase and shows what it would add, without a mapping', async () => {
    const calls = backend({
      import_choose_file: () => ({ name: 'libertas.json.age', json: true, sealed: true }),
      import_json_preview: () => ({ file: '/x', applied: false, records: { detainee: 3, contact: 1 }, history: 12, history_skipped: 0 }),
    });
    render(ImportWizard, { open: true, kind: 'detainee' });
    await fireEvent.click(screen.getByTestId('import-choose-file'));
    await fireEvent.input(await screen.findByTestId('import-passphrase'), { target: { value: 'phrase de l’export (fictive)' } });
    await fireEvent.click(screen.getByTestId('import-analyse'));
    expect(await screen.findByTestId('import-json-report')).toHaveTextContent('4 fiches seraient ajoutées');
    expect(screen.queryByTestId('import-mapping')).toBeNull();
    expect(calls.find((c) => c.cmd === 'import_json_preview')?.args).toEqual({ passphrase: 'phrase de l’export (fictive)' });
  });
});
