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
    expect(calls).toEqual([{ cmd: 'dossier_unlock', args: { passphrase: 'pas la bonne' } }]);
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
    expect(calls[0]).toEqual({ cmd: 'dossier_unlock', args: { passphrase: 'la bonne phrase secrète' } });
    expect(session.phase).toBe('open');
  });

  it('an empty passphrase is not sent', async () => {
    const { calls } = fakeCommands({ dossier_unlock: () => null });
    render(Unlock);
    await fireEvent.click(screen.getByTestId('unlock-submit'));
    expect(screen.getByTestId('unlock-error')).toHaveTextContent('Saisissez la phrase secrète.');
    expect(calls).toEqual([]);
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
