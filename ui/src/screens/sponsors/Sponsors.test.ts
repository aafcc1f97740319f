import { describe, expect, it } from 'vitest';
import { render, screen, fireEvent, waitFor, within } from '@testing-library/svelte';
import Sponsors from './Sponsors.svelte';
import { fakeCommands } from '../../test/ipc-mock';
import { route } from '../../lib/router.svelte';
import { sponsor, row } from '../../test/campaign-fixtures';

describe('Sponsors', () => {
  it('lists sponsors with kind, city and active sponsorships', async () => {
    fakeCommands({ sponsor_rows: () => [row(sponsor('S2', 'Zeta ONG', { kind: 'ngo', city: 'Genève', logo_id: 'L1' }), 2), row(sponsor('S1', 'Ville de Lyon'), 0)] });
    render(Sponsors);
    const rows = await screen.findAllByTestId('sponsor-row');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('Ville de Lyon');
    expect(rows[0]).toHaveTextContent('Ville ou collectivité');
    expect(rows[0]).toHaveTextContent('Aucun parrainage actif');
    expect(rows[1]).toHaveTextContent('Association');
    expect(rows[1]).toHaveTextContent('2 parrainages actifs');
    expect(rows[1].querySelector('img')?.getAttribute('src')).toBe('media://localhost/thumb/L1');
  });

  it('says so when there is no sponsor', async () => {
    fakeCommands({ sponsor_rows: () => [] });
    render(Sponsors);
    expect(await screen.findByText('Aucun parrain pour l’instant.')).toBeInTheDocument();
  });

  it('refuses a sponsor without a name, then sends the full record', async () => {
    const { calls } = fakeCommands({ sponsor_rows: () => [], record_save: () => 'NEW' });
    render(Sponsors);
    await fireEvent.click(await screen.findByTestId('sponsor-new'));
    await fireEvent.click(screen.getByTestId('sponsor-form-save'));
    expect(screen.getByText('Ce champ est obligatoire.')).toBeInTheDocument();
    expect(calls.some((c) => c.cmd === 'record_save')).toBe(false);

    await fireEvent.input(screen.getByTestId('sponsor-form-name'), { target: { value: '  Mairie de Valence ' } });
    await fireEvent.change(screen.getByTestId('sponsor-form-kind'), { target: { value: 'city' } });
    await fireEvent.input(screen.getByTestId('sponsor-form-city'), { target: { value: 'Valence' } });
    await fireEvent.input(screen.getByLabelText('Nom du signataire'), { target: { value: 'Nicolas Daragon' } });
    await fireEvent.input(screen.getByLabelText('Qualité du signataire'), { target: { value: 'Maire' } });
    await fireEvent.input(screen.getByLabelText('Langues de correspondance'), { target: { value: 'fr, en' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Ajouter une personne à contacter' }));
    await fireEvent.input(screen.getByLabelText(/^Courriel/), { target: { value: 'pas-une-adresse' } });
    await fireEvent.click(screen.getByTestId('sponsor-form-save'));
    expect(calls.some((c) => c.cmd === 'record_save')).toBe(false);
    expect(screen.getByText(/n’est pas une adresse de courriel valable/)).toBeInTheDocument();

    await fireEvent.input(document.querySelector('.camp-contact input')!, { target: { value: 'Anne Martin' } });
    await fireEvent.input(screen.getByLabelText(/^Courriel/), { target: { value: 'anne@valence.fr' } });
    await fireEvent.click(screen.getByTestId('sponsor-form-save'));
    await waitFor(() => expect(calls.some((c) => c.cmd === 'record_save')).toBe(true));
    expect(calls.find((c) => c.cmd === 'record_save')!.args).toEqual({
      id: null,
      record: {
        kind: 'sponsor',
        data: {
          name: 'Mairie de Valence',
          kind: 'city',
          country: null,
          city: 'Valence',
          address: null,
          signatory: { name: 'Nicolas Daragon', title: 'Maire' },
          contacts: [{ name: 'Anne Martin', role: null, email: 'anne@valence.fr', phone: null }],
          logo_id: null,
          website: null,
          languages: ['fr', 'en'],
          notes: null,
        },
      },
    });
    await waitFor(() => expect(route).toMatchObject({ screen: 'sponsors', id: 'NEW' }));
  });

  it('shows the core’s refusal to delete a sponsor still in use', async () => {
    const { calls } = fakeCommands({
      sponsor_get: () => sponsor('S1', 'Ville de Lyon'),
      sponsorships: () => [],
      record_delete: () => {
        throw { code: 'in_use', message: 'Ce parrain a encore 2 parrainages.' };
      },
    });
    render(Sponsors, { id: 'S1' });
    const del = await screen.findByRole('button', { name: 'Supprimer ce parrain' });
    await fireEvent.click(del);
    await fireEvent.click(del);
    expect(await screen.findByText('Ce parrain a encore 2 parrainages.')).toBeInTheDocument();
    expect(calls.find((c) => c.cmd === 'record_delete')!.args).toEqual({ kind: 'sponsor', id: 'S1' });
  });

  it('imports a logo, and does nothing when the dialog is cancelled', async () => {
    let answer: string | null = null;
    const { calls } = fakeCommands({
      sponsor_get: () => sponsor('S1', 'Ville de Lyon'),
      sponsorships: () => [],
      sponsor_logo_import: () => answer,
      record_save: () => 'S1',
    });
    render(Sponsors, { id: 'S1' });
    await fireEvent.click(await screen.findByTestId('sponsor-logo-import'));
    await waitFor(() => expect(calls.filter((c) => c.cmd === 'sponsor_logo_import')).toHaveLength(1));
    expect(screen.queryByText('Logo importé.')).toBeNull();
    answer = 'LOGO';
    await fireEvent.click(screen.getByTestId('sponsor-logo-import'));
    await waitFor(() => expect(document.querySelector('img[src="media://localhost/thumb/LOGO"]')).not.toBeNull());
    expect(calls.find((c) => c.cmd === 'sponsor_logo_import')!.args).toEqual({ sponsor: 'S1' });
    // Saving afterwards keeps the logo.
    await fireEvent.click(screen.getByTestId('sponsor-form-save'));
    await waitFor(() => expect(calls.some((c) => c.cmd === 'record_save')).toBe(true));
    const saved = calls.find((c) => c.cmd === 'record_save')!.args as { record: { data: { logo_id: string } } };
    expect(saved.record.data.logo_id).toBe('LOGO');
  });

  it('shows the sponsor’s history and restores a value into the form', async () => {
    let city = 'Lyon';
    const { calls } = fakeCommands({
      sponsor_get: () => ({ ...sponsor('S1', 'Ville de Lyon'), city }),
      sponsorships: () => [],
      history: () => [
        { seq: 9, at: '2024-03-01T10:00:00.000Z', actor: 'anna', kind: 'sponsor', record_id: 'S1', action: 'update', field: 'city', old_value: '"Lyon"', new_value: '"Villeurbanne"' },
      ],
      history_restore: () => {
        city = 'Lyon (restored)';
        return { kind: 'sponsor', record_id: 'S1', field: 'city', value: '"Lyon"', changed: true };
      },
    });
    render(Sponsors, { id: 'S1' });
    const panel = await screen.findByTestId('history-panel');
    await waitFor(() => expect(within(panel).getAllByRole('listitem')).toHaveLength(1));
    expect(panel).toHaveTextContent('Ville');
    expect(panel).toHaveTextContent('Villeurbanne');
    await fireEvent.click(within(panel).getByRole('button', { name: 'Restaurer cette valeur' }));
    await waitFor(() => expect(calls.find((c) => c.cmd === 'history_restore')?.args).toEqual({ seq: 9 }));
    // The form is rebuilt from the record as it now is.
    await waitFor(() => expect(screen.getByDisplayValue('Lyon (restored)')).toBeInTheDocument());
  });
});
