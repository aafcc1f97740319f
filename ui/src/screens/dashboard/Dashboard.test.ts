import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, fireEvent, within } from '@testing-library/svelte';
import Dashboard from './Dashboard.svelte';
import { fakeCommands } from '../../test/ipc-mock';
import { dashboard, person } from '../../test/session-fixtures';
import { navigate, route } from '../../lib/router.svelte';

beforeEach(() => navigate('dashboard'));

describe('Dashboard', () => {
  it('renders the counts with translated labels', async () => {
    const { calls } = fakeCommands({ dashboard: () => dashboard() });
    render(Dashboard);
    expect(await screen.findByTestId('dash-total-detainees')).toHaveTextContent('23');
    expect(calls.map((c) => c.cmd)).toEqual(['dashboard']);
    expect(screen.getByTestId('dash-total-sponsors')).toHaveTextContent('7');
    const cats = within(screen.getByTestId('dash-by-category'));
    expect(cats.getByText('Prisonniers de guerre').nextElementSibling).toHaveTextContent('9');
    expect(cats.getByText('Dirigeants politiques').nextElementSibling).toHaveTextContent('8');
    const status = within(screen.getByTestId('dash-by-status'));
    expect(status.getByText('Condamné').nextElementSibling).toHaveTextContent('7');
    expect(status.getByText('Situation non renseignée')).toBeInTheDocument();
    expect(within(screen.getByTestId('dash-by-stage')).getByText('Piste').nextElementSibling).toHaveTextContent('3');
    expect(screen.getByTestId('dash-total-sponsorships')).toHaveTextContent('5');
  });

  it('lists days in detention, the ICRC watch list, the unsponsored and what is coming', async () => {
    fakeCommands({ dashboard: () => dashboard() });
    render(Dashboard);
    const held = within(await screen.findByTestId('dash-held'));
    const rows = held.getAllByRole('row');
    expect(rows[1]).toHaveTextContent('Aram Exemple');
    expect(rows[1]).toHaveTextContent(/1\s200 jours/);
    const icrc = within(screen.getByTestId('dash-icrc'));
    expect(icrc.getByText('dernière visite : 15 janvier 2030')).toBeInTheDocument();
    expect(icrc.getByText('jamais visité')).toBeInTheDocument();
    expect(within(screen.getByTestId('dash-unsponsored')).getByText('Gor Essai')).toBeInTheDocument();
    const upcoming = within(screen.getByTestId('dash-upcoming'));
    expect(upcoming.getByText('21 mars 2031')).toBeInTheDocument();
    expect(upcoming.getByText('Hôtel de ville')).toBeInTheDocument();
    await fireEvent.click(upcoming.getByRole('button', { name: 'Ville de Lyon — Aram Exemple' }));
    expect(route).toEqual({ screen: 'sponsorships', id: 'sp-1' });
  });

  it('names link to the detainee record', async () => {
    fakeCommands({ dashboard: () => dashboard() });
    render(Dashboard);
    const held = within(await screen.findByTestId('dash-held'));
    await fireEvent.click(held.getByRole('button', { name: 'Gor Essai' }));
    expect(route).toEqual({ screen: 'detainees', id: 'id-Gor Essai' });
  });

  it('shows 15 people held, then all of them on request', async () => {
    const many = Array.from({ length: 20 }, (_, i) => person(`Personne ${String(i).padStart(2, '0')}`, 2000 - i));
    fakeCommands({ dashboard: () => dashboard({ held: many }) });
    render(Dashboard);
    const table = await screen.findByTestId('dash-held');
    expect(within(table).getAllByRole('row')).toHaveLength(16);
    await fireEvent.click(screen.getByRole('button', { name: 'Voir tout (20)' }));
    expect(within(table).getAllByRole('row')).toHaveLength(21);
  });

  it('has explicit empty states for each list', async () => {
    fakeCommands({ dashboard: () => dashboard({ held: [], upcoming: [], no_icrc_visit: [], unsponsored: [], by_stage: [] }) });
    render(Dashboard);
    expect(await screen.findByText('Aucune cérémonie ni aucun événement à venir.')).toBeInTheDocument();
    expect(screen.getByText('Toutes les personnes détenues ont un parrain.')).toBeInTheDocument();
    expect(screen.getByText('Aucun parrainage pour l’instant.')).toBeInTheDocument();
  });

  it('an empty dossier offers the fictional examples', async () => {
    let loaded = false;
    const { calls } = fakeCommands({
      dashboard: () => (loaded ? dashboard() : dashboard({ detainees: 0, sponsors: 0, by_category: [], by_status: [], by_stage: [], held: [], upcoming: [], no_icrc_visit: [], unsponsored: [] })),
      load_sample: () => {
        loaded = true;
        return null;
      },
    });
    render(Dashboard);
    await fireEvent.click(await screen.findByTestId('dash-load-sample'));
    expect(await screen.findByTestId('dash-total-detainees')).toHaveTextContent('23');
    expect(calls.map((c) => c.cmd)).toEqual(['dashboard', 'load_sample', 'dashboard']);
  });

  it('shows the core’s error with a retry', async () => {
    let fail = true;
    fakeCommands({
      dashboard: () => {
        if (fail) throw { code: 'locked', message: 'Le dossier est verrouillé.' };
        return dashboard();
      },
    });
    render(Dashboard);
    expect(await screen.findByRole('alert')).toHaveTextContent('Le dossier est verrouillé.');
    fail = false;
    await fireEvent.click(screen.getByRole('button', { name: 'Réessayer' }));
    expect(await screen.findByTestId('dash-total-detainees')).toHaveTextContent('23');
  });
});

describe('Dashboard charts', () => {
  const widths = (el: HTMLElement) => [...el.querySelectorAll('rect')].map((r) => Number(r.getAttribute('width')));

  it('draws one bar per count, proportional to the largest, with the numbers as text', async () => {
    fakeCommands({ dashboard: () => dashboard() });
    render(Dashboard);
    const cats = await screen.findByTestId('dash-by-category');
    // pow 9, civilian 6, political 8: the largest fills the track.
    expect(widths(cats)).toEqual([100, 66.7, 88.9]);
    // The bars are decoration; the numbers are read from the list's terms and values.
    expect(cats.querySelector('svg')).toHaveAttribute('aria-hidden', 'true');
    expect([...cats.querySelectorAll('dd')].map((d) => d.textContent?.trim())).toEqual(['9', '6', '8']);
    // A summary (the total) is read before the rows.
    expect(screen.getAllByText('23 en tout')).toHaveLength(2);
  });

  it('puts stages in the order a sponsorship goes through them', async () => {
    fakeCommands({
      dashboard: () =>
        dashboard({
          by_stage: [
            { key: 'active', count: 1 },
            { key: 'prospect', count: 4 },
            { key: 'signed', count: 2 },
          ],
        }),
    });
    render(Dashboard);
    const stages = await screen.findByTestId('dash-by-stage');
    expect([...stages.querySelectorAll('dt')].map((d) => d.textContent)).toEqual(['Piste', 'Signé', 'Actif']);
    expect(widths(stages)).toEqual([100, 50, 25]);
  });

  it('draws days in detention as bars, longest first, unknown dates last, with a spoken summary', async () => {
    fakeCommands({
      dashboard: () =>
        dashboard({ held: [person('Court', 100), person('Inconnu', null), person('Long', 400), person('Moyen', 200)], held_total: 4 }),
    });
    render(Dashboard);
    const table = await screen.findByTestId('dash-held');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.querySelector('button')?.textContent)).toEqual(['Long', 'Moyen', 'Court', 'Inconnu']);
    expect(widths(table)).toEqual([100, 50, 25, 0]);
    expect(rows[0]).toHaveTextContent('400 jours');
    expect(rows[3]).toHaveTextContent('Date de capture inconnue');
    expect(table).toHaveAccessibleDescription(/4 personnes détenues, de 400 à 100 jours de détention/);
  });
});
