import { describe, expect, it } from 'vitest';
import { render, screen, fireEvent, waitFor } from '@testing-library/svelte';
import { fakeCommands } from '../../test/ipc-mock';
import { route, navigate } from '../../lib/router.svelte';
import DetaineeList from './DetaineeList.svelte';
import { rows } from './fixtures';

type RowsArgs = { filter: { category: string | null; status: string | null; sponsored: boolean | null; query: string | null }; offset: number; limit: number };

function backend(total = 10_000) {
  return fakeCommands({
    detainee_rows: (args) => {
      const { offset, limit } = args as unknown as RowsArgs;
      return { items: rows(offset, limit, total), total, offset };
    },
  });
}
const rowCalls = (calls: { cmd: string; args: unknown }[]) =>
  calls.filter((c) => c.cmd === 'detainee_rows').map((c) => c.args as RowsArgs);

describe('Detainee list', () => {
  it('renders rows of a 10 000-row list from detainee_rows, one page of 100', async () => {
    const { calls } = backend();
    render(DetaineeList);
    await waitFor(() => expect(screen.getByTestId('detainee-count')).toHaveTextContent(/10\s000 détenus/));
    await waitFor(() => expect(screen.getAllByTestId('detainee-row').length).toBeGreaterThan(5));
    const all = screen.getAllByTestId('detainee-row');
    expect(all.length).toBeLessThan(60);
    expect(all[0]).toHaveTextContent('Personne 0');
    expect(all[0]).toHaveTextContent('Արամ Օրինակյան');
    expect(all[0]).toHaveTextContent('Prisonnier de guerre');
    expect(all[0]).toHaveTextContent('Condamné');
    expect(all[0]).toHaveTextContent(/1\s234 jours/);
    expect(all[0]).toHaveTextContent('Parrainé');
    expect(all[0].querySelector('img')?.getAttribute('src')).toBe('media://localhost/thumb/11111111-1111-4111-8111-111111111111');
    expect(all[1].querySelector('img')).toBeNull();
    expect(all[1].querySelector('.initials')).toHaveTextContent('P1'); // placeholder without a photo
    // The first page is fetched once (reused by the list), with an empty filter.
    const first = rowCalls(calls);
    expect(first).toEqual([{ filter: { category: null, status: null, sponsored: null, query: null }, offset: 0, limit: 100 }]);
  });

  it('debounces the search and sends the text as filter.query; filters reset the list', async () => {
    const { calls } = backend(3);
    render(DetaineeList);
    await waitFor(() => expect(screen.getAllByTestId('detainee-row')).toHaveLength(3));
    const search = screen.getByTestId('detainee-search');
    await fireEvent.input(search, { target: { value: 'Пет' } });
    await fireEvent.input(search, { target: { value: 'Оринак' } });
    // Nothing sent while typing…
    expect(rowCalls(calls).some((c) => c.filter.query !== null)).toBe(false);
    // …then one request with the last text, in its own script.
    await waitFor(() => expect(rowCalls(calls).some((c) => c.filter.query === 'Оринак')).toBe(true));
    expect(rowCalls(calls).filter((c) => c.filter.query !== null).map((c) => c.filter.query)).toEqual(['Оринак']);

    await fireEvent.change(screen.getByLabelText('Catégorie'), { target: { value: 'civilian' } });
    await fireEvent.change(screen.getByLabelText('Parrainage'), { target: { value: 'no' } });
    await fireEvent.change(screen.getByLabelText('Situation'), { target: { value: 'on-trial' } });
    await waitFor(() =>
      expect(rowCalls(calls).at(-1)).toEqual({
        filter: { category: 'civilian', status: 'on-trial', sponsored: false, query: 'Оринак' },
        offset: 0,
        limit: 100,
      }),
    );
  });

  it('opens a record on click and on Enter', async () => {
    backend(3);
    navigate('detainees');
    render(DetaineeList);
    await waitFor(() => expect(screen.getAllByTestId('detainee-row')).toHaveLength(3));
    await fireEvent.click(screen.getAllByTestId('detainee-row')[1]);
    expect(route).toMatchObject({ screen: 'detainees', id: '00000000-0000-4000-8000-000000000001' });
    // Rows are real buttons: Enter activates them natively.
    expect(screen.getAllByTestId('detainee-row')[2].tagName).toBe('BUTTON');
  });

  it('shows the core’s error as text', async () => {
    fakeCommands({
      detainee_rows: () => {
        throw { code: 'database', message: 'Erreur de la base : <b>x</b>' };
      },
    });
    render(DetaineeList);
    expect(await screen.findByRole('alert')).toHaveTextContent('Erreur de la base : <b>x</b>');
    expect(screen.getByText('Code : database')).toBeInTheDocument();
  });
});
