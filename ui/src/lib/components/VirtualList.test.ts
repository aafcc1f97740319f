import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, fireEvent } from '@testing-library/svelte';
import Harness from '../../test/VirtualListHarness.svelte';
import DialogHarness from '../../test/DialogHarness.svelte';

function source() {
  return vi.fn(async (offset: number, limit: number) =>
    Array.from({ length: limit }, (_, i) => ({ name: `Détenu ${offset + i}` })),
  );
}

describe('VirtualList', () => {
  it('renders only a window of 10 000 rows and loads only the first page', async () => {
    const loadPage = source();
    const { container } = render(Harness, { total: 10_000, loadPage });
    await waitFor(() => expect(screen.getByText('Détenu 0')).toBeInTheDocument());
    expect(loadPage).toHaveBeenCalledTimes(1);
    expect(loadPage).toHaveBeenCalledWith(0, 100);
    const rows = container.querySelectorAll('[role="listitem"]');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(40);
    expect(rows[0]).toHaveAttribute('aria-setsize', '10000');
    const spacer = container.querySelector('.virtual-spacer') as HTMLElement;
    expect(spacer.style.height).toBe('400000px');
  });

  it('requests the pages the viewport needs after a jump, and renders those rows', async () => {
    const loadPage = source();
    const { container } = render(Harness, { total: 10_000, loadPage });
    await waitFor(() => expect(screen.getByText('Détenu 0')).toBeInTheDocument());
    const viewport = container.querySelector('.virtual-viewport') as HTMLElement;
    viewport.scrollTop = 5_000 * 40;
    await fireEvent.scroll(viewport);
    await waitFor(() => expect(screen.getByText('Détenu 5000')).toBeInTheDocument());
    // Pages 0 and 49/50 only: nothing in between was fetched.
    const offsets = loadPage.mock.calls.map(([offset]) => offset);
    expect(offsets).toContain(5_000);
    expect(offsets.every((o) => o === 0 || o === 4_900 || o === 5_000)).toBe(true);
    expect(screen.queryByText('Détenu 0')).toBeNull();
  });

  it('shows a failed page as an error with a retry', async () => {
    let fail = true;
    const loadPage = vi.fn(async (offset: number, limit: number) => {
      if (fail) throw { code: 'database', message: 'Erreur de la base de données : <b>x</b>' };
      return Array.from({ length: limit }, (_, i) => ({ name: `Détenu ${offset + i}` }));
    });
    render(Harness, { total: 50, loadPage });
    expect(await screen.findByRole('alert')).toHaveTextContent('Erreur de la base de données : <b>x</b>');
    fail = false;
    await fireEvent.click(screen.getByRole('button', { name: 'Réessayer' }));
    await waitFor(() => expect(screen.getByText('Détenu 0')).toBeInTheDocument());
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('Dialog', () => {
  it('opens with focus inside, traps Tab, closes on Escape and gives focus back', async () => {
    render(DialogHarness);
    const opener = screen.getByRole('button', { name: 'Ouvrir' });
    opener.focus();
    await fireEvent.click(opener);
    const dialog = await screen.findByRole('dialog', { name: 'Nouveau détenu' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    await waitFor(() => expect(screen.getByLabelText('Nom')).toHaveFocus());

    // Tab from the last element wraps to the first (the close button).
    const save = screen.getByRole('button', { name: 'Enregistrer' });
    save.focus();
    await fireEvent.keyDown(save, { key: 'Tab' });
    expect(screen.getByRole('button', { name: 'Fermer' })).toHaveFocus();
    await fireEvent.keyDown(document.activeElement!, { key: 'Tab', shiftKey: true });
    expect(save).toHaveFocus();

    await fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(opener).toHaveFocus());
  });
});
