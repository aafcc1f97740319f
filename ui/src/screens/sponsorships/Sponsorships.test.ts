import { describe, expect, it } from 'vitest';
import { render, screen, fireEvent, waitFor, within } from '@testing-library/svelte';
import Sponsorships from './Sponsorships.svelte';
import { fakeCommands } from '../../test/ipc-mock';
import { route } from '../../lib/router.svelte';
import { card, row, sponsor, sponsorship } from '../../test/campaign-fixtures';

const sponsors = () => [row(sponsor('S1', 'Ville de Lyon'), 1), row(sponsor('S2', 'Ville de Valence'), 0)];

describe('Sponsorships board', () => {
  it('puts each card in the column of its stage', async () => {
    fakeCommands({
      sponsorships: () => [
        card(sponsorship('A', { stage: 'signed', ceremony: { date: '2024-03-21', place: 'Lyon', press: null }, commitments: [
          { kind: 'logo', status: 'done', note: null },
          { kind: 'banner', status: 'planned', note: null },
        ] })),
        card(sponsorship('B', { stage: 'prospect', detainee_id: null }), 'Ville de Valence', null),
      ],
      sponsor_rows: sponsors,
    });
    render(Sponsorships);
    const signed = await screen.findByTestId('sponsorship-column-signed');
    expect(signed).toHaveTextContent('Ville de Lyon');
    expect(signed).toHaveTextContent('Aram Exemple');
    expect(signed).toHaveTextContent('Engagements réalisés : 1/2');
    expect(signed).toHaveTextContent('21 mars 2024');
    expect(screen.getByTestId('sponsorship-column-prospect')).toHaveTextContent('Tout le groupe');
    expect(screen.getAllByTestId('sponsorship-card')).toHaveLength(2);
  });

  it('creates a sponsorship with a detainee found by search and its commitments', async () => {
    const { calls } = fakeCommands({
      sponsorships: () => [],
      sponsor_rows: sponsors,
      search: () => [
        { id: 'D7', kind: 'detainee', name: 'Vigen Pordzian', detail: 'Վիգեն', category: 'civilian' },
        { id: 'S9', kind: 'sponsor', name: 'Vigneux', detail: null, category: null },
      ],
      record_save: () => 'NEW',
    });
    render(Sponsorships);
    await fireEvent.click(await screen.findByTestId('sponsorship-new'));
    await fireEvent.click(screen.getByTestId('sponsorship-form-save'));
    expect(screen.getByText('Choisissez un parrain.')).toBeInTheDocument();
    expect(screen.getByText('Choisissez un détenu, ou « Tout le groupe ».')).toBeInTheDocument();

    await fireEvent.change(screen.getByTestId('sponsorship-form-sponsor'), { target: { value: 'S2' } });
    await fireEvent.input(screen.getByTestId('sponsorship-form-detainee-search'), { target: { value: 'Vig' } });
    const hit = await screen.findByTestId('detainee-hit');
    expect(screen.getAllByTestId('detainee-hit')).toHaveLength(1); // sponsors are not offered
    expect(calls.find((c) => c.cmd === 'search')!.args).toEqual({ text: 'Vig' });
    await fireEvent.click(hit);
    await fireEvent.change(screen.getByTestId('sponsorship-form-stage'), { target: { value: 'approached' } });
    await fireEvent.click(screen.getByTestId('commitment-lobbying'));
    await fireEvent.click(screen.getByTestId('commitment-logo'));
    await fireEvent.click(screen.getByTestId('commitment-media'));
    await fireEvent.click(screen.getByTestId('commitment-media')); // unchecked again
    await fireEvent.click(screen.getByTestId('sponsorship-form-save'));

    await waitFor(() => expect(calls.some((c) => c.cmd === 'record_save')).toBe(true));
    expect(calls.find((c) => c.cmd === 'record_save')!.args).toEqual({
      id: null,
      record: {
        kind: 'sponsorship',
        data: {
          sponsor_id: 'S2',
          detainee_id: 'D7',
          stage: 'approached',
          commitments: [
            { kind: 'logo', status: 'planned', note: null },
            { kind: 'lobbying', status: 'planned', note: null },
          ],
          ceremony: null,
          end_reason: null,
          ended_on: null,
          predecessor_id: null,
          successor_id: null,
          actions: [],
          notes: null,
        },
      },
    });
    await waitFor(() => expect(route).toMatchObject({ screen: 'sponsorships', id: 'NEW' }));
  });

  it('creates a sponsorship of the whole group', async () => {
    const { calls } = fakeCommands({ sponsorships: () => [], sponsor_rows: sponsors, record_save: () => 'NEW' });
    render(Sponsorships);
    await fireEvent.click(await screen.findByTestId('sponsorship-new'));
    await fireEvent.change(screen.getByTestId('sponsorship-form-sponsor'), { target: { value: 'S1' } });
    await fireEvent.click(screen.getByTestId('sponsorship-form-whole-group'));
    await fireEvent.click(screen.getByTestId('sponsorship-form-save'));
    await waitFor(() => expect(calls.some((c) => c.cmd === 'record_save')).toBe(true));
    const args = calls.find((c) => c.cmd === 'record_save')!.args as { record: { data: { detainee_id: unknown; sponsor_id: string } } };
    expect(args.record.data).toMatchObject({ sponsor_id: 'S1', detainee_id: null });
  });
});

describe('Sponsorship page', () => {
  const base = () =>
    sponsorship('SP', {
      stage: 'signed',
      commitments: [
        { kind: 'banner', status: 'planned', note: null },
        { kind: 'lobbying', status: 'in-progress', note: 'Sénat' },
      ],
      actions: [{ date: '2024-02-01', kind: 'letter', summary: 'Lettre au maire' }],
    });

  it('saves a commitment’s new status', async () => {
    const { calls } = fakeCommands({ sponsorships: () => [card(base())], sponsor_rows: sponsors, record_save: () => 'SP' });
    render(Sponsorships, { id: 'SP' });
    const status = await screen.findByTestId('commitment-status-banner');
    expect(screen.getByTestId('commitment-banner')).toBeChecked();
    expect(screen.getByTestId('commitment-logo')).not.toBeChecked();
    await fireEvent.change(status, { target: { value: 'done' } });
    expect(screen.getByText('Modifications non enregistrées')).toBeInTheDocument();
    await fireEvent.click(screen.getByTestId('sponsorship-save'));
    await waitFor(() => expect(calls.some((c) => c.cmd === 'record_save')).toBe(true));
    const args = calls.find((c) => c.cmd === 'record_save')!.args as { id: string; record: { kind: string; data: Record<string, unknown> } };
    expect(args.id).toBe('SP');
    expect(args.record.kind).toBe('sponsorship');
    expect(args.record.data.commitments).toEqual([
      { kind: 'banner', status: 'done', note: null },
      { kind: 'lobbying', status: 'in-progress', note: 'Sénat' },
    ]);
    expect(args.record.data.actions).toEqual([{ date: '2024-02-01', kind: 'letter', summary: 'Lettre au maire' }]);
    expect(args.record.data).not.toHaveProperty('id');
  });

  it('moving the stage saves at once; ending waits for a reason', async () => {
    const { calls } = fakeCommands({ sponsorships: () => [card(base())], sponsor_rows: sponsors, record_save: () => 'SP' });
    render(Sponsorships, { id: 'SP' });
    const stage = await screen.findByTestId('sponsorship-stage');
    await fireEvent.change(stage, { target: { value: 'active' } });
    await waitFor(() => expect(calls.filter((c) => c.cmd === 'record_save')).toHaveLength(1));
    expect((calls.find((c) => c.cmd === 'record_save')!.args as { record: { data: { stage: string } } }).record.data.stage).toBe('active');
    await waitFor(() => expect(screen.getByTestId('sponsorship-stage')).not.toBeDisabled());
    await fireEvent.change(screen.getByTestId('sponsorship-stage'), { target: { value: 'ended' } });
    expect(calls.filter((c) => c.cmd === 'record_save')).toHaveLength(1);
    expect(screen.getByLabelText(/Motif de la fin/)).toBeInTheDocument();
  });

  it('shows the core’s refusal to save', async () => {
    fakeCommands({
      sponsorships: () => [card(base())],
      sponsor_rows: sponsors,
      record_save: () => {
        throw { code: 'invalid', message: 'Le champ « notes » est trop long.' };
      },
    });
    render(Sponsorships, { id: 'SP' });
    await fireEvent.click(await screen.findByTestId('sponsorship-save'));
    expect(await screen.findByText('Le champ « notes » est trop long.')).toBeInTheDocument();
  });

  it('hands the sponsorship over to another sponsor and opens the new one', async () => {
    const { calls } = fakeCommands({ sponsorships: () => [card(base())], sponsor_rows: sponsors, sponsorship_handover: () => 'SP2' });
    render(Sponsorships, { id: 'SP' });
    await fireEvent.click(await screen.findByTestId('sponsorship-handover'));
    const to = screen.getByTestId('sponsorship-handover-to');
    // The current sponsor is not offered.
    expect([...to.querySelectorAll('option')].map((o) => o.value)).toEqual(['', 'S2']);
    await fireEvent.change(to, { target: { value: 'S2' } });
    await fireEvent.click(screen.getByTestId('sponsorship-handover-confirm'));
    await waitFor(() => expect(calls.some((c) => c.cmd === 'sponsorship_handover')).toBe(true));
    expect(calls.find((c) => c.cmd === 'sponsorship_handover')!.args).toEqual({ id: 'SP', toSponsor: 'S2' });
    await waitFor(() => expect(route).toMatchObject({ screen: 'sponsorships', id: 'SP2' }));
  });

  it('logs an action and links to the agreement', async () => {
    const { calls } = fakeCommands({ sponsorships: () => [card(base())], sponsor_rows: sponsors, record_save: () => 'SP' });
    render(Sponsorships, { id: 'SP' });
    await fireEvent.input(await screen.findByTestId('sponsorship-action-summary'), { target: { value: 'Réunion au Sénat' } });
    await fireEvent.click(screen.getByTestId('sponsorship-action-add'));
    expect(screen.getByText('Réunion au Sénat')).toBeInTheDocument();
    await fireEvent.click(screen.getByTestId('sponsorship-save'));
    await waitFor(() => expect(calls.some((c) => c.cmd === 'record_save')).toBe(true));
    const data = (calls.find((c) => c.cmd === 'record_save')!.args as { record: { data: { actions: { summary: string }[] } } }).record.data;
    expect(data.actions.map((a) => a.summary)).toEqual(['Lettre au maire', 'Réunion au Sénat']);
    // Saved and reloaded: nothing unsaved, so leaving for the documents screen does not ask.
    await waitFor(() => expect(calls.filter((c) => c.cmd === 'sponsorships')).toHaveLength(2));
    await waitFor(() => expect(screen.queryByText('Modifications non enregistrées')).not.toBeInTheDocument());
    await fireEvent.click(screen.getByRole('button', { name: 'Générer la convention' }));
    expect(route).toMatchObject({ screen: 'documents', id: 'agreement:SP' });
  });

  it('shows the history and restores a value, then reloads the sponsorship', async () => {
    const { calls } = fakeCommands({
      sponsorships: () => [card(base())],
      sponsor_rows: sponsors,
      history: () => [
        { seq: 3, at: '2024-03-01T10:00:00.000Z', actor: 'anna', kind: 'sponsorship', record_id: 'SP', action: 'update', field: 'stage', old_value: '"prospect"', new_value: '"signed"' },
      ],
      history_restore: () => ({ kind: 'sponsorship', record_id: 'SP', field: 'stage', value: '"prospect"', changed: true }),
    });
    render(Sponsorships, { id: 'SP' });
    const panel = await screen.findByTestId('history-panel');
    await waitFor(() => expect(within(panel).getAllByRole('listitem')).toHaveLength(1));
    expect(calls.find((c) => c.cmd === 'history')!.args).toEqual({ id: 'SP' });
    expect(panel).toHaveTextContent('Étape');
    const loads = calls.filter((c) => c.cmd === 'sponsorships').length;
    await fireEvent.click(within(panel).getByRole('button', { name: 'Restaurer cette valeur' }));
    await waitFor(() => expect(calls.find((c) => c.cmd === 'history_restore')?.args).toEqual({ seq: 3 }));
    await waitFor(() => expect(calls.filter((c) => c.cmd === 'sponsorships').length).toBeGreaterThan(loads));
  });
});
