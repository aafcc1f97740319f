import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, fireEvent, waitFor } from '@testing-library/svelte';
import JoinDialog from './JoinDialog.svelte';
import { fakeCommands } from '../../test/ipc-mock';
import { resetSession } from '../../lib/session.svelte';

const STRONG = { score: 4, acceptable: true, warning: null, suggestions: [], crack_time: '' };

beforeEach(() => resetSession());

async function fillAll() {
  await fireEvent.click(screen.getByTestId('join-choose-invitation'));
  await waitFor(() => expect(screen.getByTestId('join-invitation-name').textContent).toBe('invitation-lyon.invitation'));
  await fireEvent.click(screen.getByTestId('join-choose-folder'));
  await waitFor(() => expect(screen.getByTestId('join-folder-name').textContent).toBe('/home/essai/Sync/libertas'));
  await fireEvent.click(screen.getByTestId('join-choose-location'));
  await waitFor(() => expect(screen.getByTestId('join-location-name').textContent).toBe('/home/essai/lyon.dossier'));
  await fireEvent.input(screen.getByTestId('join-code'), { target: { value: 'bafo deki fugo hala jeme kiso lupa' } });
  await fireEvent.input(screen.getByTestId('join-passphrase'), { target: { value: 'une phrase secrète de Lyon (fictive)' } });
  await fireEvent.input(screen.getByTestId('join-confirm'), { target: { value: 'une phrase secrète de Lyon (fictive)' } });
}

const choices = {
  join_choose_invitation: () => 'invitation-lyon.invitation',
  join_choose_folder: () => '/home/essai/Sync/libertas',
  join_choose_location: () => '/home/essai/lyon.dossier',
  passphrase_strength: () => STRONG,
};

describe('Join a shared dossier', () => {
  it('waits for the three choices, the code and the passphrase twice, then joins and says so', async () => {
    let joined = 0;
    const { calls } = fakeCommands({ ...choices, share_join: () => null });
    render(JoinDialog, { open: true, onjoined: () => void joined++ });
    const submit = screen.getByTestId('join-submit') as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    await fillAll();
    expect(submit.disabled).toBe(false);
    await fireEvent.click(submit);
    await waitFor(() => expect(joined).toBe(1));
    expect(calls.find((c) => c.cmd === 'share_join')?.args).toEqual({
      code: 'bafo deki fugo hala jeme kiso lupa',
      passphrase: 'une phrase secrète de Lyon (fictive)',
      confirm: 'une phrase secrète de Lyon (fictive)',
    });
  });

  it('a wrong code shows the core’s message and keeps the dialog open', async () => {
    let joined = 0;
    fakeCommands({
      ...choices,
      share_join: () => {
        throw { code: 'share_wrong_code', message: 'Ce code n’ouvre pas cette invitation.' };
      },
    });
    render(JoinDialog, { open: true, onjoined: () => void joined++ });
    await fillAll();
    await fireEvent.click(screen.getByTestId('join-submit'));
    expect(await screen.findByText('Ce code n’ouvre pas cette invitation.')).toBeInTheDocument();
    expect(joined).toBe(0);
    expect(screen.getByTestId('join-form')).toBeInTheDocument();
  });

  it('two different passphrases are said at once and nothing is sent', async () => {
    const { calls } = fakeCommands({ ...choices, share_join: () => null });
    render(JoinDialog, { open: true, onjoined: () => {} });
    await fillAll();
    await fireEvent.input(screen.getByTestId('join-confirm'), { target: { value: 'autre chose' } });
    expect(screen.getByText('Les deux saisies ne sont pas identiques.')).toBeInTheDocument();
    expect((screen.getByTestId('join-submit') as HTMLButtonElement).disabled).toBe(true);
    expect(calls.some((c) => c.cmd === 'share_join')).toBe(false);
  });
});
