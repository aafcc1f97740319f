import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, fireEvent, waitFor } from '@testing-library/svelte';
import ExportDialog from './ExportDialog.svelte';
import { fakeBackend } from '../../test/ipc-mock';
import { resetSession } from '../../lib/session.svelte';

beforeEach(() => resetSession());

describe('Export dialog', () => {
  it('warns before a spreadsheet export and leaves notes and contacts out unless ticked', async () => {
    const { calls: all } = fakeBackend({ export_start: () => null });
    const starts = () => all.filter((c) => c.cmd === 'export_start');
    render(ExportDialog, { open: true, kind: 'detainee' });
    expect(screen.getByTestId('export-warning')).toHaveTextContent('n’est pas chiffré');
    await fireEvent.click(screen.getByTestId('export-start'));
    await waitFor(() => expect(starts()).toHaveLength(1));
    expect(starts()[0].args).toEqual({
      request: { format: 'xlsx', kind: 'detainee', semicolon: true, confidential: { notes: false, contacts: false }, plaintext: false },
      passphrase: null,
      confirm: null,
    });
    expect(await screen.findByText('Export annulé : aucun fichier n’a été écrit.')).toBeInTheDocument();
    await fireEvent.click(screen.getByTestId('export-notes'));
    await fireEvent.click(screen.getByTestId('export-contacts'));
    await fireEvent.click(screen.getByTestId('export-start'));
    await waitFor(() => expect(starts()).toHaveLength(2));
    expect((starts()[1].args as { request: { confidential: unknown } }).request.confidential).toEqual({ notes: true, contacts: true });
  });

  it('a CSV export never carries contacts', async () => {
    const { calls: all } = fakeBackend({ export_start: () => null });
    const starts = () => all.filter((c) => c.cmd === 'export_start');
    render(ExportDialog, { open: true, kind: 'sponsor' });
    await fireEvent.click(screen.getByTestId('export-format-csv'));
    expect((screen.getByTestId('export-kind') as HTMLSelectElement).value).toBe('sponsor');
    expect(screen.queryByTestId('export-contacts')).toBeNull();
    await fireEvent.click(screen.getByTestId('export-start'));
    await waitFor(() => expect(starts()).toHaveLength(1));
    expect((starts()[0].args as { request: unknown }).request).toEqual({ format: 'csv', kind: 'sponsor', semicolon: true, confidential: { notes: false, contacts: false }, plaintext: false });
  });

  it('the full export needs its passphrase twice unless readable is ticked after the warning', async () => {
    const { calls: all } = fakeBackend({ export_start: () => null });
    const starts = () => all.filter((c) => c.cmd === 'export_start');
    render(ExportDialog, { open: true });
    await fireEvent.click(screen.getByTestId('export-format-json'));
    const start = screen.getByTestId('export-start') as HTMLButtonElement;
    expect(start.disabled).toBe(true);
    await fireEvent.input(screen.getByTestId('export-passphrase'), { target: { value: 'sceau fictif très long' } });
    await fireEvent.input(screen.getByTestId('export-confirm'), { target: { value: 'sceau fictif très lonG' } });
    expect(screen.getByText('Les deux phrases secrètes diffèrent.')).toBeInTheDocument();
    expect(start.disabled).toBe(true);
    await fireEvent.input(screen.getByTestId('export-confirm'), { target: { value: 'sceau fictif très long' } });
    expect(start.disabled).toBe(false);
    await fireEvent.click(start);
    await waitFor(() => expect(starts()).toHaveLength(1));
    expect(starts()[0].args).toMatchObject({ passphrase: 'sceau fictif très long', confirm: 'sceau fictif très long' });
    await fireEvent.click(screen.getByTestId('export-plaintext'));
    expect(screen.getByRole('alert')).toHaveTextContent('contacts familiaux');
  });
});
