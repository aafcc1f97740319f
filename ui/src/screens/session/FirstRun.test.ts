import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, fireEvent, waitFor } from '@testing-library/svelte';
import FirstRun from './FirstRun.svelte';
import { fakeCommands } from '../../test/ipc-mock';
import { appInfo } from '../../test/session-fixtures';
import { resetSession, session } from '../../lib/session.svelte';

const GOOD = 'cheval correct agrafe batterie';

async function fill(pass: string, confirm: string, ack: boolean) {
  await fireEvent.input(screen.getByTestId('firstrun-passphrase'), { target: { value: pass } });
  await fireEvent.input(screen.getByTestId('firstrun-confirm'), { target: { value: confirm } });
  if (ack) await fireEvent.click(screen.getByTestId('firstrun-ack'));
}

beforeEach(() => {
  resetSession();
  session.info = appInfo({ exists: false });
  session.phase = 'firstrun';
});

describe('FirstRun', () => {
  it('explains the app and shows where the dossier will be created', () => {
    fakeCommands({});
    render(FirstRun);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Bienvenue dans Libertas Dossier');
    expect(screen.getByTestId('firstrun-path')).toHaveTextContent('/home/ana/Documents/libertas.dossier');
    expect(screen.getByText(/ne peut pas être retrouvée/)).toBeInTheDocument();
    expect(screen.getByLabelText('J’ai noté ma phrase secrète en lieu sûr')).not.toBeChecked();
  });

  it('shows a mismatch inline before submitting, and refuses to create', async () => {
    const { calls } = fakeCommands({ dossier_create: () => null });
    render(FirstRun);
    await fill(GOOD, 'cheval correct agrafe batterix', true);
    expect(screen.getByTestId('firstrun-mismatch')).toHaveTextContent('Les deux saisies ne sont pas identiques.');
    await fireEvent.click(screen.getByTestId('firstrun-create'));
    expect(calls.filter((c) => c.cmd === 'dossier_create')).toEqual([]);
    expect(screen.getByTestId('firstrun-confirm')).toHaveFocus();
  });

  it('refuses a passphrase shorter than the core’s minimum', async () => {
    const { calls } = fakeCommands({ dossier_create: () => null, passphrase_strength: () => ({ score: 1, acceptable: false, too_short: true, hint: null }) });
    render(FirstRun);
    await fill('court12', 'court12', true);
    expect(await screen.findByText(/Trop courte : 7 caractères, 8 au minimum/)).toBeInTheDocument();
    await fireEvent.click(screen.getByTestId('firstrun-create'));
    expect(screen.getByText(/au moins 8 caractères \(7 pour l’instant\)/)).toBeInTheDocument();
    expect(calls.filter((c) => c.cmd === 'dossier_create')).toEqual([]);
    expect(screen.getByTestId('firstrun-passphrase')).toHaveAttribute('aria-invalid', 'true');
  });

  it('shows the core’s verdict while typing, and refuses what the core would refuse', async () => {
    const { calls } = fakeCommands({
      dossier_create: () => null,
      passphrase_strength: (a) =>
        (a as { passphrase: string }).passphrase === 'motdepasse123'
          ? { score: 1, acceptable: false, too_short: false, hint: 'Elle ressemble à un mot de passe très répandu.' }
          : { score: 4, acceptable: true, too_short: false, hint: null },
    });
    render(FirstRun);
    await fill('motdepasse123', 'motdepasse123', true);
    const meter = screen.getByTestId('strength');
    await waitFor(() => expect(meter).toHaveAttribute('data-level', 'weak'));
    expect(meter).toHaveTextContent('Trop facile à deviner (solidité 1 sur 4, il faut 3). Elle ressemble à un mot de passe très répandu.');
    await fireEvent.click(screen.getByTestId('firstrun-create'));
    expect(screen.getByText(/trop facile à deviner : ajoutez des mots/)).toBeInTheDocument();
    expect(calls.filter((c) => c.cmd === 'dossier_create')).toEqual([]);
    expect(calls.find((c) => c.cmd === 'passphrase_strength')!.args).toEqual({ passphrase: 'motdepasse123' });
    await fill(GOOD, GOOD, false);
    await waitFor(() => expect(meter).toHaveAttribute('data-level', 'strong'));
    expect(meter).toHaveTextContent('Très bonne phrase secrète.');
  });

  it('requires the acknowledgement that the passphrase is written down', async () => {
    const { calls } = fakeCommands({ dossier_create: () => null });
    render(FirstRun);
    await fill(GOOD, GOOD, false);
    await fireEvent.click(screen.getByTestId('firstrun-create'));
    expect(screen.getByText(/Cochez cette case/)).toBeInTheDocument();
    expect(calls).toEqual([]);
    expect(screen.getByTestId('firstrun-ack')).toHaveFocus();
  });

  it('creates the dossier with both entries and opens the app', async () => {
    const { calls } = fakeCommands({ dossier_create: () => null });
    render(FirstRun);
    await fill(GOOD, GOOD, true);
    await fireEvent.click(screen.getByTestId('firstrun-create'));
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).toEqual([{ cmd: 'dossier_create', args: { passphrase: GOOD, confirm: GOOD } }]);
    expect(session.phase).toBe('open');
  });

  it('shows the core’s refusal as text and stays on the screen', async () => {
    fakeCommands({
      dossier_create: () => {
        throw { code: 'already_exists', message: 'Un dossier existe déjà à cet emplacement <b>x</b>.' };
      },
    });
    render(FirstRun);
    await fill(GOOD, GOOD, true);
    await fireEvent.click(screen.getByTestId('firstrun-create'));
    expect(await screen.findByRole('alert')).toHaveTextContent('Un dossier existe déjà à cet emplacement <b>x</b>.');
    expect(session.phase).toBe('firstrun');
  });

  it('shows and hides the passphrase', async () => {
    fakeCommands({});
    render(FirstRun);
    const input = screen.getByTestId('firstrun-passphrase');
    expect(input).toHaveAttribute('type', 'password');
    await fireEvent.click(screen.getByRole('button', { name: 'Afficher' }));
    expect(input).toHaveAttribute('type', 'text');
    expect(screen.getByTestId('firstrun-confirm')).toHaveAttribute('type', 'text');
  });

  it('follows another location chosen in the native dialog', async () => {
    const { calls } = fakeCommands({
      choose_new_location: () => '/media/usb/collectif.dossier',
      app_info: () => appInfo({ exists: false, dossier_path: '/media/usb/collectif.dossier' }),
    });
    render(FirstRun);
    await fireEvent.click(screen.getByRole('button', { name: 'Choisir un autre emplacement…' }));
    await new Promise((r) => setTimeout(r, 0));
    expect(calls.map((c) => c.cmd)).toEqual(['choose_new_location', 'app_info']);
    expect(screen.getByTestId('firstrun-path')).toHaveTextContent('/media/usb/collectif.dossier');
  });

  it('goes to the unlock screen when an existing dossier is chosen', async () => {
    fakeCommands({
      choose_existing: () => '/home/ana/old.dossier',
      app_info: () => appInfo({ exists: true, dossier_path: '/home/ana/old.dossier' }),
    });
    render(FirstRun);
    await fireEvent.click(screen.getByRole('button', { name: 'Ouvrir un dossier existant…' }));
    await new Promise((r) => setTimeout(r, 0));
    expect(session.phase).toBe('unlock');
  });

  it('stays put when the dialog is cancelled', async () => {
    const { calls } = fakeCommands({ choose_existing: () => null });
    render(FirstRun);
    await fireEvent.click(screen.getByRole('button', { name: 'Ouvrir un dossier existant…' }));
    await new Promise((r) => setTimeout(r, 0));
    expect(calls.map((c) => c.cmd)).toEqual(['choose_existing']);
    expect(session.phase).toBe('firstrun');
  });
});
