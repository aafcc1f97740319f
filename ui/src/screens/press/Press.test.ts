import { describe, expect, it } from 'vitest';
import { render, screen, fireEvent, waitFor } from '@testing-library/svelte';
import PressReleases from './PressReleases.svelte';
import PressEditor from './PressEditor.svelte';
import { fakeCommands } from '../../test/ipc-mock';
import { route } from '../../lib/router.svelte';
import { T0, wait } from '../../test/campaign-fixtures';

const release = { id: 'PR', created_at: T0, updated_at: T0, date: '2024-05-02', cities: ['Paris', 'Lyon'], title: 'Libérez-les', body: 'Texte', lang: 'en' as const, contacts: [], in_press_kit: true };

describe('Press releases', () => {
  it('lists the releases with date, language and press kit', async () => {
    fakeCommands({ press_releases: () => [release] });
    render(PressReleases);
    const row = await screen.findByTestId('press-row');
    expect(row).toHaveTextContent('2 mai 2024');
    expect(row).toHaveTextContent('Libérez-les');
    expect(row).toHaveTextContent('Anglais');
    expect(row).toHaveTextContent('Dossier de presse');
  });

  it('previews once the typing stops, with the release being edited', async () => {
    const { calls } = fakeCommands({
      press_release_preview: () => ({ token: 1, pages: 1, bytes: 10, file_name: 'x.pdf', preflight: null }),
      document_bytes: () => new Promise(() => {}),
    });
    render(PressEditor, { initial: null, previewDelay: 60 });
    await fireEvent.input(screen.getByTestId('press-date'), { target: { value: '2024-06-01' } });
    await fireEvent.input(screen.getByTestId('press-title'), { target: { value: 'Appel' } });
    for (const body of ['L', 'Li', 'Lib', 'Libérez']) {
      await fireEvent.input(screen.getByTestId('press-body'), { target: { value: body } });
      await wait(10);
    }
    expect(calls.filter((c) => c.cmd === 'press_release_preview')).toHaveLength(0);
    await waitFor(() => expect(calls.filter((c) => c.cmd === 'press_release_preview')).toHaveLength(1));
    await wait(100);
    const previews = calls.filter((c) => c.cmd === 'press_release_preview');
    expect(previews).toHaveLength(1);
    expect(previews[0].args).toEqual({
      release: { date: '2024-06-01', cities: [], title: 'Appel', body: 'Libérez', lang: 'fr', contacts: [], in_press_kit: false },
    });
    await waitFor(() => expect(calls.some((c) => c.cmd === 'document_bytes')).toBe(true));
    expect(screen.getByTestId('press-preview')).toBeInTheDocument();
  });

  it('shows a missing profile in place of the preview', async () => {
    fakeCommands({
      press_release_preview: () => {
        throw { code: 'no_profile', message: 'Le profil du collectif n’est pas rempli.' };
      },
    });
    render(PressEditor, { initial: release, previewDelay: 10 });
    expect(await screen.findByText('Le profil du collectif n’est pas rempli.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Ouvrir les paramètres' })).toBeInTheDocument();
  });

  it('saves a new release and opens it', async () => {
    const { calls } = fakeCommands({
      press_release_preview: () => new Promise(() => {}),
      record_save: () => 'NEW',
    });
    render(PressEditor, { initial: null, previewDelay: 5000 });
    await fireEvent.click(screen.getByTestId('press-save'));
    expect(calls.some((c) => c.cmd === 'record_save')).toBe(false);
    await fireEvent.input(screen.getByTestId('press-date'), { target: { value: '2024-06-01' } });
    await fireEvent.input(screen.getByTestId('press-title'), { target: { value: 'Appel' } });
    await fireEvent.input(screen.getByTestId('press-body'), { target: { value: '## Titre\n\nTexte' } });
    await fireEvent.input(screen.getByLabelText('Villes de la ligne de date'), { target: { value: 'Paris, Lyon, Genève' } });
    await fireEvent.click(screen.getByTestId('press-in-kit'));
    await fireEvent.click(screen.getByTestId('press-save'));
    await waitFor(() => expect(calls.some((c) => c.cmd === 'record_save')).toBe(true));
    expect(calls.find((c) => c.cmd === 'record_save')!.args).toEqual({
      id: null,
      record: {
        kind: 'press_release',
        data: { date: '2024-06-01', cities: ['Paris', 'Lyon', 'Genève'], title: 'Appel', body: '## Titre\n\nTexte', lang: 'fr', contacts: [], in_press_kit: true },
      },
    });
    await waitFor(() => expect(route).toMatchObject({ screen: 'press', id: 'NEW' }));
  });
});
