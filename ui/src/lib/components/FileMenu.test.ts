import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render, screen, fireEvent, waitFor } from '@testing-library/svelte';
import FileMenu from './FileMenu.svelte';
import { fakeBackend } from '../../test/ipc-mock';
import { resetSession } from '../session.svelte';
import { navigate, route } from '../router.svelte';
import { clearUnsaved } from '../unsaved.svelte';
import type { Shortcut } from '../shortcuts';

beforeEach(() => {
  resetSession();
  clearUnsaved();
  navigate('dashboard');
});
afterEach(() => {
  document.body.innerHTML = '';
});

function setup() {
  const asked: Shortcut[] = [];
  render(FileMenu, { onshortcut: (s: Shortcut) => void asked.push(s) });
  const button = screen.getByTestId('file-menu');
  return { asked, button };
}

describe('File menu', () => {
  it('is a menu button: closed at first, opened on the first item, closed by Escape with the focus back', async () => {
    const { button } = setup();
    expect(button).toHaveAttribute('aria-haspopup', 'menu');
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('menu')).toBeNull();
    await fireEvent.keyDown(button, { key: 'ArrowDown' });
    const menu = await screen.findByRole('menu');
    expect(button).toHaveAttribute('aria-expanded', 'true');
    const items = screen.getAllByRole('menuitem');
    await waitFor(() => expect(document.activeElement).toBe(items[0]));
    expect(items.map((i) => i.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      'Importer des détenus…',
      'Importer des parrains…',
      'Exporter…',
      'Nouveau Ctrl+N',
      'Enregistrer Ctrl+S',
      'Rechercher Ctrl+F',
      'Sauvegardes…',
      'Corbeille',
      'Verrouiller Ctrl+L',
    ]);
    expect(screen.getByTestId('file-menu-save')).toHaveAttribute('aria-keyshortcuts', 'Control+S');
    // ↑ from the first wraps to the last; End and Home jump.
    await fireEvent.keyDown(menu, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(items[items.length - 1]);
    await fireEvent.keyDown(menu, { key: 'Home' });
    expect(document.activeElement).toBe(items[0]);
    await fireEvent.keyDown(menu, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(items[1]);
    await fireEvent.keyDown(menu, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('menu')).toBeNull());
    expect(document.activeElement).toBe(button);
    expect(button).toHaveAttribute('aria-expanded', 'false');
  });

  it('names the shortcut actions to the shell rather than running them itself, and closes', async () => {
    const { asked, button } = setup();
    for (const [id, s] of [
      ['save', 'save'],
      ['new', 'create'],
      ['search', 'search'],
      ['lock', 'lock'],
    ] as const) {
      await fireEvent.click(button);
      await fireEvent.click(await screen.findByTestId(`file-menu-${id}`));
      expect(asked.at(-1)).toBe(s);
      expect(screen.queryByRole('menu')).toBeNull();
    }
    expect(asked).toEqual(['save', 'create', 'search', 'lock']);
  });

  it('goes to the bin and to the backups of Settings', async () => {
    const { button } = setup();
    await fireEvent.click(button);
    await fireEvent.click(await screen.findByTestId('file-menu-bin'));
    expect(route).toEqual({ screen: 'bin', id: undefined });
    await fireEvent.click(button);
    await fireEvent.click(await screen.findByTestId('file-menu-backups'));
    expect(route).toEqual({ screen: 'settings', id: 'backup' });
  });

  it('opens the import wizard for the kind chosen, and a click elsewhere closes the menu', async () => {
    fakeBackend({});
    const { button } = setup();
    await fireEvent.click(button);
    expect(await screen.findByRole('menu')).toBeInTheDocument();
    await fireEvent.pointerDown(document.body);
    await waitFor(() => expect(screen.queryByRole('menu')).toBeNull());
    await fireEvent.click(button);
    await fireEvent.click(await screen.findByTestId('file-menu-import-sponsors'));
    expect(await screen.findByRole('dialog', { name: 'Importer des parrains' })).toBeInTheDocument();
  });
});
