import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, fireEvent } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import Unlock from './Unlock.svelte';
import { fakeCommands } from '../../test/ipc-mock';
import { appInfo } from '../../test/session-fixtures';
import { resetSession, session } from '../../lib/session.svelte';

const WRONG = 'Phrase secrète incorrecte, ou ce fichier n’est pas un dossier : /home/ana/Documents/libertas.dossier. Rien n’a été modifié.';

beforeEach(() => {
  resetSession();
  session.info = appInfo();
  session.phase = 'unlock';
});

describe('Unlock', () => {
  it('shows which dossier and puts the focus in the passphrase field', () => {
    fakeCommands({});
    render(Unlock);
    expect(screen.getByTestId('unlock-path')).toHaveTextContent('/home/ana/Documents/libertas.dossier');
    expect(screen.getByTestId('unlock-passphrase')).toHaveFocus();
    expect(screen.getByTestId('unlock-passphrase')).toHaveAttribute('type', 'password');
  });

  it('a wrong passphrase shows the core’s message, clears the field and keeps the focus there', async () => {
    const { calls } = fakeCommands({
      dossier_unlock: () => {
        throw { code: 'wrong_passphrase', message: WRONG };
      },
    });
    const user = userEvent.setup();
    render(Unlock);
    const input = screen.getByTestId('unlock-passphrase') as HTMLInputElement;
    await user.type(input, 'pas la bonne{Enter}');
    expect(await screen.findByTestId('unlock-error')).toHaveTextContent(WRONG);
    expect(calls.filter((c) => c.cmd !== 'recent_dossiers')).toEqual([{ cmd: 'dossier_unlock', args: { passphrase: 'pas la bonne' } }]);
    expect(input.value).toBe('');
    expect(input).toHaveFocus();
    expect(session.phase).toBe('unlock');
  });

  it('the right passphrase opens the app', async () => {
    const { calls } = fakeCommands({ dossier_unlock: () => null });
    render(Unlock);
    await fireEvent.input(screen.getByTestId('unlock-passphrase'), { target: { value: 'la bonne phrase secrète' } });
    await fireEvent.click(screen.getByTestId('unlock-submit'));
    await new Promise((r) => setTimeout(r, 0));
    expect(calls.find((c) => c.cmd === 'dossier_unlock')).toEqual({ cmd: 'dossier_unlock', args: { passphrase: 'la bonne phrase secrète' } });
    expect(session.phase).toBe('open');
  });

  it('an empty passphrase is not sent', async () => {
    const { calls } = fakeCommands({ dossier_unlock: () => null });
    render(Unlock);
    await fireEvent.click(screen.getByTestId('unlock-submit'));
    expect(screen.getByTestId('unlock-error')).toHaveTextContent('Saisissez la phrase secrète.');
    expect(calls.filter((c) => c.cmd !== 'recent_dossiers')).toEqual([]);
  });

  it('says so when the dossier was locked while open', () => {
    fakeCommands({});
    session.wasLocked = true;
    render(Unlock);
    expect(screen.getByText(/Le dossier a été verrouillé/)).toBeInTheDocument();
  });

  it('can open another dossier', async () => {
    fakeCommands({
      choose_existing: () => '/media/usb/copie.dossier',
      app_info: () => appInfo({ dossier_path: '/media/usb/copie.dossier' }),
    });
    render(Unlock);
    await fireEvent.click(screen.getByRole('button', { name: 'Ouvrir un autre dossier…' }));
    await new Promise((r) => setTimeout(r, 0));
    expect(screen.getByTestId('unlock-path')).toHaveTextContent('/media/usb/copie.dossier');
  });
});

describe('Unlock: passphrase forgotten', () => {
  const SHEET_1 = '1. abandon ability able …';
  const SHEET_3 = '3. zoo zone wrist …';
  const info = (n: number) => ({ number: n, shares: 3, threshold: 2, set_id: 'ab12', dossier_id: 'cd34' });

  it('reads each sheet as it is given, then reopens under the new passphrase and enters the app', async () => {
    const { calls } = fakeCommands({
      recovery_read_share: (a) => {
        const text = (a as { text: string }).text;
        if (text === SHEET_1) return info(1);
        if (text === SHEET_3) return info(3);
        throw { code: 'recovery_checksum', message: 'Un mot de cette feuille est mal recopié (mot 20).' };
      },
      recovery_share_file: () => SHEET_3,
      passphrase_strength: () => ({ score: 4, acceptable: true, too_short: false, hint: null }),
      recovery_open: () => ({ set_id: 'ab12', sheets: [1, 3], reencrypted_backups: 0, removed_backups: 0 }),
    });
    render(Unlock);
    await fireEvent.click(screen.getByTestId('unlock-forgotten'));
    const [first, second] = await screen.findAllByTestId('recovery-sheet');
    await fireEvent.input(first, { target: { value: 'mal recopiée' } });
    await fireEvent.blur(first);
    expect(await screen.findByText('Un mot de cette feuille est mal recopié (mot 20).')).toBeInTheDocument();
    await fireEvent.input(first, { target: { value: SHEET_1 } });
    await fireEvent.blur(first);
    expect(await screen.findByText('Feuille 1 sur 3 : lue')).toBeInTheDocument();
    await fireEvent.click(screen.getAllByRole('button', { name: 'Charger un fichier .txt…' })[1]);
    expect(await screen.findByText('Feuille 3 sur 3 : lue')).toBeInTheDocument();
    expect(second).toHaveValue(SHEET_3);
    await fireEvent.input(screen.getByTestId('recovery-new'), { target: { value: 'rose tulipe orage cadran' } });
    await fireEvent.input(screen.getByTestId('recovery-confirm'), { target: { value: 'rose tulipe orage cadran' } });
    await fireEvent.click(screen.getByTestId('recovery-submit'));
    await new Promise((r) => setTimeout(r, 0));
    expect(calls.find((c) => c.cmd === 'recovery_open')!.args).toEqual({
      shares: [SHEET_1, SHEET_3],
      newPassphrase: 'rose tulipe orage cadran',
      confirm: 'rose tulipe orage cadran',
    });
    expect(session.phase).toBe('open');
  });

  it('shows the core’s refusal and stays locked', async () => {
    fakeCommands({
      recovery_read_share: () => info(1),
      passphrase_strength: () => ({ score: 4, acceptable: true, too_short: false, hint: null }),
      recovery_open: () => {
        throw { code: 'recovery_not_enough', message: 'Il faut 2 feuilles de ce jeu ; 1 seule a été donnée.' };
      },
    });
    render(Unlock);
    await fireEvent.click(screen.getByTestId('unlock-forgotten'));
    const [first] = await screen.findAllByTestId('recovery-sheet');
    await fireEvent.input(first, { target: { value: SHEET_1 } });
    await fireEvent.input(screen.getByTestId('recovery-new'), { target: { value: 'rose tulipe orage cadran' } });
    await fireEvent.input(screen.getByTestId('recovery-confirm'), { target: { value: 'rose tulipe orage cadran' } });
    await fireEvent.click(screen.getByTestId('recovery-submit'));
    expect(await screen.findByText('Il faut 2 feuilles de ce jeu ; 1 seule a été donnée.')).toBeInTheDocument();
    expect(session.phase).toBe('unlock');
  });

  it('lists the dossiers opened before (not the current one) and switches to one by its number', async () => {
    let path = '/home/ana/Documents/libertas.dossier';
    const { calls } = fakeCommands({
      recent_dossiers: () => [
        { index: 0, name: 'libertas.dossier', folder: '/home/ana/Documents', current: true },
        { index: 1, name: 'bureau-lyon.dossier', folder: '/media/cle', current: false },
      ],
      choose_recent: () => {
        path = '/media/cle/bureau-lyon.dossier';
        return path;
      },
      app_info: () => ({ ...appInfo(), dossier_path: path }),
    });
    render(Unlock);
    const items = await screen.findAllByTestId('unlock-recent-item');
    expect(items).toHaveLength(1);
    expect(items[0]).toHaveTextContent('bureau-lyon.dossier');
    expect(items[0]).toHaveTextContent('/media/cle');
    await fireEvent.click(items[0]);
    expect(await screen.findByText('/media/cle/bureau-lyon.dossier')).toBeInTheDocument();
    expect(calls.find((c) => c.cmd === 'choose_recent')?.args).toEqual({ index: 1 });
  });
});
