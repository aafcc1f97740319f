import { describe, expect, it } from 'vitest';
import { render, screen, fireEvent, waitFor } from '@testing-library/svelte';
import { emit } from '@tauri-apps/api/event';
import CeremonyKit from './CeremonyKit.svelte';
import { fakeBackend } from '../../test/ipc-mock';

const progress = (extra: Record<string, unknown>) => ({ job: 4, done: 0, total: 7, current: '', finished: false, cancelled: false, errors: [], ...extra });

describe('CeremonyKit', () => {
  it('starts the kit as a job, shows its progress, then the folder and the draft to edit', async () => {
    const { calls } = fakeBackend({ ceremony_kit_start: () => 4, ceremony_kit_open: () => null, job_cancel: () => null });
    render(CeremonyKit, { sponsorship: 'SP' });
    await fireEvent.click(screen.getByTestId('ceremony-kit-start'));
    await waitFor(() => expect(calls.find((c) => c.cmd === 'ceremony_kit_start')?.args).toEqual({ sponsorship: 'SP', replace: false }));
    await emit('job-progress', progress({ done: 3 }));
    await waitFor(() => expect(document.querySelector('progress')).toHaveAttribute('value', '3'));
    await fireEvent.click(screen.getByRole('button', { name: 'Arrêter' }));
    await waitFor(() => expect(calls.some((c) => c.cmd === 'job_cancel')).toBe(true));
    await emit('job-progress', progress({ done: 7, finished: true, output: '/tmp/kit', record: 'PR1' }));
    expect(await screen.findByTestId('ceremony-kit-done')).toHaveTextContent('Kit prêt : 7 fichiers dans /tmp/kit.');
    await fireEvent.click(screen.getByTestId('ceremony-kit-open'));
    await waitFor(() => expect(calls.some((c) => c.cmd === 'ceremony_kit_open')).toBe(true));
    expect(screen.getByTestId('ceremony-kit-release')).toBeInTheDocument();
  });

  it("shows the core's refusal and offers to replace a folder that holds files, after a second click", async () => {
    const { calls } = fakeBackend({ ceremony_kit_start: () => 4 });
    render(CeremonyKit, { sponsorship: 'SP' });
    await fireEvent.click(screen.getByTestId('ceremony-kit-start'));
    await waitFor(() => expect(calls.some((c) => c.cmd === 'ceremony_kit_start')).toBe(true));
    await emit('job-progress', progress({ finished: true, errors: ['Le dossier /tmp/kit contient déjà des fichiers.'], code: 'not_empty' }));
    expect(await screen.findByTestId('ceremony-kit-error')).toHaveTextContent('contient déjà des fichiers');
    const replace = screen.getByTestId('ceremony-kit-replace');
    await fireEvent.click(replace);
    expect(calls.filter((c) => c.cmd === 'ceremony_kit_start')).toHaveLength(1);
    await fireEvent.click(replace);
    await waitFor(() => expect(calls.filter((c) => c.cmd === 'ceremony_kit_start').at(-1)?.args).toEqual({ sponsorship: 'SP', replace: true }));
  });

  it('a refusal without a folder to replace (no ceremony date) offers no replacement', async () => {
    fakeBackend({ ceremony_kit_start: () => 4 });
    render(CeremonyKit, { sponsorship: 'SP' });
    await fireEvent.click(screen.getByTestId('ceremony-kit-start'));
    await emit('job-progress', progress({ finished: true, errors: ['Le parrainage n’a pas encore de date de cérémonie.'], code: 'no_ceremony' }));
    expect(await screen.findByTestId('ceremony-kit-error')).toHaveTextContent('pas encore de date');
    expect(screen.queryByTestId('ceremony-kit-replace')).toBeNull();
  });

  it('waits for unsaved edits to be saved: the kit reads the saved sponsorship', () => {
    fakeBackend({});
    render(CeremonyKit, { sponsorship: 'SP', dirty: true });
    expect(screen.getByTestId('ceremony-kit-start')).toBeDisabled();
    expect(screen.getAllByText('Enregistrez d’abord vos modifications : le kit reprend le parrainage enregistré.').length).toBeGreaterThan(0);
  });
});
