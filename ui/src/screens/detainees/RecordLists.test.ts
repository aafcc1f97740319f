/**
 * The record page's sub-record sections (sources, timeline, family contacts): add, edit and delete through
 * `record_save` / `record_delete`, with the form's validation and the core's refusals.
 */
import { describe, expect, it } from 'vitest';
import { render, screen, fireEvent, waitFor, within } from '@testing-library/svelte';
import type { InvokeArgs } from '@tauri-apps/api/core';
import { fakeCommands, type Handler } from '../../test/ipc-mock';
import { toasts } from '../../lib/toasts.svelte';
import type { AnyRecord, DetaineePage } from '../../lib/generated/index';
import RecordPage from './RecordPage.svelte';
import { CONTACT_ID, EVENT_CAPTURE_ID, EVENT_HEARING_ID, ID, OTHER_DETAINEE, SOURCE_ID, SPONSOR_ID, contact, events, page, source } from './fixtures';

const NEW_ID = '99999999-9999-4999-8999-999999999999';
const REQUIRED = 'Ce champ est obligatoire.';

type SaveArgs = { id: string | null; record: AnyRecord };
type DeleteArgs = { kind: string; id: string };

/** A core keeping the page's sub-records: saves and deletes change what the next `detainee_page` returns. */
function backend(extra: Record<string, Handler> = {}) {
  const state: DetaineePage = page();
  state.sources = [source()];
  state.events = events();
  state.contacts = [contact()];
  const lists = { source: 'sources', event: 'events', contact: 'contacts' } as const;
  const fake = fakeCommands({
    detainee_page: () => structuredClone(state),
    history: () => [],
    record_save: (args: InvokeArgs | undefined) => {
      const { id, record } = args as SaveArgs;
      const list = state[lists[record.kind as keyof typeof lists]] as { id: string }[];
      const stored = { ...record.data, id: id ?? NEW_ID, created_at: '2024-03-01T10:00:00.000Z', updated_at: '2024-03-01T10:00:00.000Z' };
      const i = list.findIndex((r) => r.id === stored.id);
      if (i >= 0) list[i] = stored;
      else list.push(stored);
      return stored.id;
    },
    record_delete: (args: InvokeArgs | undefined) => {
      const { kind, id } = args as DeleteArgs;
      const list = state[lists[kind as keyof typeof lists]] as { id: string }[];
      list.splice(
        list.findIndex((r) => r.id === id),
        1,
      );
      return null;
    },
    ...extra,
  });
  const saves = () => fake.calls.filter((c) => c.cmd === 'record_save').map((c) => c.args as SaveArgs);
  const deletes = () => fake.calls.filter((c) => c.cmd === 'record_delete').map((c) => c.args as DeleteArgs);
  const loads = () => fake.calls.filter((c) => c.cmd === 'detainee_page').length;
  return { ...fake, saves, deletes, loads };
}

async function section(name: string): Promise<HTMLElement> {
  render(RecordPage, { id: ID });
  return screen.findByRole('region', { name });
}

/** Clicks the section's add button (or a row's edit button) and returns the dialog it opens. */
async function openDialog(opener: HTMLElement, title: string): Promise<HTMLElement> {
  await fireEvent.click(opener);
  return screen.getByRole('dialog', { name: title });
}

function rowOf(region: HTMLElement, text: string): HTMLElement {
  return within(region).getByText(text).closest('li')!;
}

const field = (dialog: HTMLElement, label: RegExp) => within(dialog).getByLabelText(label) as HTMLInputElement;

async function type(dialog: HTMLElement, label: RegExp, value: string) {
  await fireEvent.input(field(dialog, label), { target: { value } });
}

async function save(dialog: HTMLElement) {
  await fireEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
}

/** Deletes a row with the two clicks the delete button asks for; the first alone sends nothing. */
async function deleteRow(row: HTMLElement, deletes: () => DeleteArgs[]) {
  const del = within(row).getByRole('button', { name: 'Supprimer' });
  await fireEvent.click(del);
  expect(del).toHaveTextContent('Cliquer à nouveau pour confirmer');
  expect(deletes()).toHaveLength(0);
  await fireEvent.click(del);
}

describe('Record page: sources', () => {
  it('adds a source, showing the required author and a bad date without sending anything', async () => {
    const core = backend();
    const region = await section('Sources');
    const dialog = await openDialog(within(region).getByRole('button', { name: 'Ajouter une source' }), 'Ajouter une source');
    expect(field(dialog, /^Fiabilité/)).toHaveValue('unknown');

    await save(dialog);
    expect(within(dialog).getByText(REQUIRED)).toBeInTheDocument();
    await type(dialog, /^Auteur/, '  Comité Test  ');
    await type(dialog, /^Date/, '2021-13');
    await save(dialog);
    expect(within(dialog).getByText('Le mois 13 n’existe pas : il doit être compris entre 01 et 12.')).toBeInTheDocument();
    expect(core.saves()).toHaveLength(0);

    await type(dialog, /^Date/, '09/11/2020');
    await type(dialog, /^Titre/, 'Rapport annuel Exemple');
    await fireEvent.change(field(dialog, /^Fiabilité/), { target: { value: 'reliable' } });
    await type(dialog, /^Référence/, 'Cote TEST-42');
    await save(dialog);

    await waitFor(() => expect(core.saves()).toHaveLength(1));
    expect(core.saves()[0]).toEqual({
      id: null,
      record: {
        kind: 'source',
        data: {
          author: 'Comité Test',
          title: 'Rapport annuel Exemple',
          date: '2020-11-09',
          reliability: 'reliable',
          reference: 'Cote TEST-42',
          note: null,
          detainee_ids: [ID],
          event_ids: [],
        },
      },
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await within(region).findByText('Comité Test')).toBeInTheDocument();
    expect(rowOf(region, 'Comité Test')).toHaveTextContent('9 novembre 2020');
    expect(rowOf(region, 'Comité Test')).toHaveTextContent('Fiable');
  });

  it('edits a source, keeping the other detainees and events it documents', async () => {
    const core = backend();
    const region = await section('Sources');
    const row = rowOf(region, 'Agence Exemple');
    expect(row).toHaveTextContent('Probable');
    const dialog = await openDialog(within(row).getByRole('button', { name: 'Modifier' }), 'Modifier la source');
    expect(field(dialog, /^Auteur/)).toHaveValue('Agence Exemple');
    expect(field(dialog, /^Titre/)).toHaveValue('Compte rendu d’audience');
    expect(field(dialog, /^Date/)).toHaveValue('2021-06-01');
    expect(field(dialog, /^Fiabilité/)).toHaveValue('probable');
    expect(field(dialog, /^Note/)).toHaveValue('Recoupé avec le Comité Test.');

    await type(dialog, /^Titre/, '   ');
    await fireEvent.change(field(dialog, /^Fiabilité/), { target: { value: 'doubtful' } });
    await save(dialog);

    await waitFor(() => expect(core.saves()).toHaveLength(1));
    expect(core.saves()[0]).toEqual({
      id: SOURCE_ID,
      record: {
        kind: 'source',
        data: {
          author: 'Agence Exemple',
          title: null,
          date: '2021-06-01',
          reliability: 'doubtful',
          reference: 'https://example.org/compte-rendu',
          note: 'Recoupé avec le Comité Test.',
          detainee_ids: [OTHER_DETAINEE, ID],
          event_ids: [EVENT_HEARING_ID],
        },
      },
    });
    await waitFor(() => expect(rowOf(region, 'Agence Exemple')).toHaveTextContent('Douteuse'));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('shows a refused save in the dialog and keeps what was typed', async () => {
    const core = backend({
      record_save: () => {
        throw { code: 'invalid', message: 'La référence est trop longue.' };
      },
    });
    const region = await section('Sources');
    const dialog = await openDialog(within(region).getByRole('button', { name: 'Ajouter une source' }), 'Ajouter une source');
    await type(dialog, /^Auteur/, 'Agence Test');
    await type(dialog, /^Référence/, 'Référence très longue');
    await fireEvent.change(field(dialog, /^Fiabilité/), { target: { value: 'confirmed' } });
    await save(dialog);

    expect(await within(dialog).findByText('La référence est trop longue.')).toBeInTheDocument();
    expect(within(dialog).getByRole('alert')).toHaveTextContent('L’enregistrement a échoué');
    expect(screen.getByRole('dialog', { name: 'Ajouter une source' })).toBe(dialog);
    expect(field(dialog, /^Auteur/)).toHaveValue('Agence Test');
    expect(field(dialog, /^Référence/)).toHaveValue('Référence très longue');
    expect(field(dialog, /^Fiabilité/)).toHaveValue('confirmed');
    expect(core.saves()).toHaveLength(1);
    expect(core.loads()).toBe(1);
    expect(within(region).queryByText('Agence Test')).toBeNull();
  });

  it('deletes a source after the second click', async () => {
    const core = backend();
    const region = await section('Sources');
    await deleteRow(rowOf(region, 'Agence Exemple'), core.deletes);
    await waitFor(() => expect(core.deletes()).toEqual([{ kind: 'source', id: SOURCE_ID }]));
    expect(await within(region).findByText('Aucune source pour cette personne.')).toBeInTheDocument();
    expect(core.saves()).toHaveLength(0);
  });

  it('shows a refused delete and keeps the row', async () => {
    const core = backend({
      record_delete: () => {
        throw { code: 'in_use', message: 'Cette source est citée par un document.' };
      },
    });
    const region = await section('Sources');
    await deleteRow(rowOf(region, 'Agence Exemple'), core.deletes);
    await waitFor(() => expect(toasts.map((x) => x.message)).toContain('Cette source est citée par un document.'));
    expect(core.deletes()).toEqual([{ kind: 'source', id: SOURCE_ID }]);
    expect(within(region).getByText('Agence Exemple')).toBeInTheDocument();
  });
});

describe('Record page: timeline', () => {
  it('lists the events by date, approximate dates included', async () => {
    backend();
    const region = await section('Chronologie');
    const items = within(region).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('vers le 1 décembre 2020');
    expect(items[0]).toHaveTextContent('Capture près de Village-Exemple');
    expect(items[1]).toHaveTextContent('1 juin 2021');
    expect(items[1]).toHaveTextContent('Audience au tribunal de Ville-Test');
    expect(items[1]).toHaveTextContent('Public');
    expect(items[0]).not.toHaveTextContent('Public');
  });

  it('adds an event, requiring its date and title', async () => {
    const core = backend();
    const region = await section('Chronologie');
    const dialog = await openDialog(within(region).getByRole('button', { name: 'Ajouter un événement' }), 'Ajouter un événement');
    await save(dialog);
    expect(within(dialog).getAllByText(REQUIRED)).toHaveLength(2);
    // A date without a title, then a title without a date: each is refused on its own.
    await type(dialog, /^Date/, '2021-03');
    await save(dialog);
    expect(within(dialog).getAllByText(REQUIRED)).toHaveLength(1);
    expect(field(dialog, /^Titre/)).toHaveAttribute('aria-invalid', 'true');
    await type(dialog, /^Date/, '');
    await type(dialog, /^Titre/, 'Visite du CICR à Ville-Test');
    await save(dialog);
    expect(within(dialog).getAllByText(REQUIRED)).toHaveLength(1);
    expect(field(dialog, /^Date/)).toHaveAttribute('aria-invalid', 'true');
    expect(core.saves()).toHaveLength(0);

    await type(dialog, /^Date/, '31/02/2021');
    await save(dialog);
    expect(within(dialog).getByText('Le 31 n’existe pas dans ce mois (02/2021).')).toBeInTheDocument();
    expect(core.saves()).toHaveLength(0);

    await type(dialog, /^Date/, '~2021');
    await fireEvent.change(field(dialog, /^Type/), { target: { value: 'icrc-visit' } });
    await type(dialog, /^Lieu/, '  Ville-Test ');
    await type(dialog, /^Description/, 'Première visite signalée par la famille Exemple.');
    await fireEvent.click(within(dialog).getByLabelText('Peut figurer dans les documents publics'));
    await save(dialog);

    await waitFor(() => expect(core.saves()).toHaveLength(1));
    expect(core.saves()[0]).toEqual({
      id: null,
      record: {
        kind: 'event',
        data: {
          date: '~2021-01-01',
          kind: 'icrc-visit',
          title: 'Visite du CICR à Ville-Test',
          description: 'Première visite signalée par la famille Exemple.',
          place: 'Ville-Test',
          detainee_id: ID,
          sponsor_id: null,
          public: true,
        },
      },
    });
    await waitFor(() => expect(within(region).getAllByRole('listitem')).toHaveLength(3));
    expect(within(region).getAllByRole('listitem')[1]).toHaveTextContent('Visite du CICR à Ville-Test');
  });

  it('edits an event, keeping its sponsor', async () => {
    const core = backend();
    const region = await section('Chronologie');
    const row = rowOf(region, 'Audience au tribunal de Ville-Test');
    const dialog = await openDialog(within(row).getByRole('button', { name: 'Modifier' }), 'Modifier l’événement');
    expect(field(dialog, /^Date/)).toHaveValue('2021-06-01');
    expect(field(dialog, /^Type/)).toHaveValue('hearing');
    expect(field(dialog, /^Lieu/)).toHaveValue('Ville-Test');
    const pub = within(dialog).getByLabelText('Peut figurer dans les documents publics');
    expect(pub).toBeChecked();

    await fireEvent.change(field(dialog, /^Type/), { target: { value: 'verdict' } });
    await type(dialog, /^Titre/, 'Jugement au tribunal de Ville-Test');
    await type(dialog, /^Lieu/, '');
    await fireEvent.click(pub);
    await save(dialog);

    await waitFor(() => expect(core.saves()).toHaveLength(1));
    expect(core.saves()[0]).toEqual({
      id: EVENT_HEARING_ID,
      record: {
        kind: 'event',
        data: {
          date: '2021-06-01',
          kind: 'verdict',
          title: 'Jugement au tribunal de Ville-Test',
          description: null,
          place: null,
          detainee_id: ID,
          sponsor_id: SPONSOR_ID,
          public: false,
        },
      },
    });
    const updated = await within(region).findByText(/Jugement au tribunal de Ville-Test/);
    expect(updated.closest('li')).not.toHaveTextContent('Public');
  });

  it('deletes an event after the second click', async () => {
    const core = backend();
    const region = await section('Chronologie');
    await deleteRow(rowOf(region, 'Capture près de Village-Exemple'), core.deletes);
    await waitFor(() => expect(core.deletes()).toEqual([{ kind: 'event', id: EVENT_CAPTURE_ID }]));
    await waitFor(() => expect(within(region).getAllByRole('listitem')).toHaveLength(1));
    expect(within(region).queryByText('Capture près de Village-Exemple')).toBeNull();
  });
});

describe('Record page: family contacts', () => {
  it('is marked confidential, in the section and in its dialog', async () => {
    backend();
    const region = await section('Contacts familiaux');
    expect(region).toBe(screen.getByTestId('record-contacts'));
    expect(region).toHaveClass('confidential');
    expect(region).toHaveTextContent('Confidentiel — n’apparaît dans aucun document');
    const dialog = await openDialog(within(region).getByRole('button', { name: 'Ajouter un contact' }), 'Ajouter un contact');
    expect(dialog).toHaveTextContent('Confidentiel — n’apparaît dans aucun document');
    expect(field(dialog, /^Nom/)).toHaveAttribute('autocomplete', 'off');
    expect(field(dialog, /^Téléphone/)).toHaveAttribute('autocomplete', 'off');
  });

  it('adds a contact, requiring a name, and splits the languages', async () => {
    const core = backend();
    const region = await section('Contacts familiaux');
    const dialog = await openDialog(within(region).getByRole('button', { name: 'Ajouter un contact' }), 'Ajouter un contact');
    await type(dialog, /^Nom/, '   ');
    await type(dialog, /^Lien/, 'sœur');
    await save(dialog);
    expect(within(dialog).getByText(REQUIRED)).toBeInTheDocument();
    expect(core.saves()).toHaveLength(0);

    await type(dialog, /^Nom/, 'Mariam Exemple');
    await type(dialog, /^Téléphone/, '+374 10 000001');
    await type(dialog, /^Courriel/, 'mariam@example.org');
    await type(dialog, /^Adresse/, '1 rue de l’Exemple\nVille-Test');
    await type(dialog, /^Langues parlées/, 'hy, ru;fr, ');
    await save(dialog);

    await waitFor(() => expect(core.saves()).toHaveLength(1));
    expect(core.saves()[0]).toEqual({
      id: null,
      record: {
        kind: 'contact',
        data: {
          detainee_id: ID,
          name: 'Mariam Exemple',
          relation: 'sœur',
          phone: '+374 10 000001',
          email: 'mariam@example.org',
          address: '1 rue de l’Exemple\nVille-Test',
          languages: ['hy', 'ru', 'fr'],
          notes: null,
        },
      },
    });
    const row = await waitFor(() => rowOf(region, 'Mariam Exemple'));
    expect(row).toHaveTextContent('hy, ru, fr');
    expect(row).toHaveTextContent('mariam@example.org');
  });

  it('edits a contact; a refused save keeps the dialog and its values, and cancel sends nothing', async () => {
    let refuse = true;
    const core = backend({
      record_save: (args) => {
        if (refuse) throw { code: 'invalid', message: 'Adresse électronique invalide : « anahit@ ».' };
        return (args as SaveArgs).id;
      },
    });
    const region = await section('Contacts familiaux');
    const row = rowOf(region, 'Anahit Exemple');
    let dialog = await openDialog(within(row).getByRole('button', { name: 'Modifier' }), 'Modifier le contact');
    expect(field(dialog, /^Nom/)).toHaveValue('Anahit Exemple');
    expect(field(dialog, /^Lien/)).toHaveValue('mère');
    expect(field(dialog, /^Langues parlées/)).toHaveValue('hy, ru');

    await type(dialog, /^Courriel/, 'anahit@');
    await type(dialog, /^Notes/, 'Joindre le soir.');
    await save(dialog);
    expect(await within(dialog).findByText('Adresse électronique invalide : « anahit@ ».')).toBeInTheDocument();
    expect(field(dialog, /^Courriel/)).toHaveValue('anahit@');
    expect(field(dialog, /^Notes/)).toHaveValue('Joindre le soir.');
    expect(field(dialog, /^Nom/)).toHaveValue('Anahit Exemple');

    // Cancel closes without sending; reopening starts again from the stored contact.
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Annuler' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    dialog = await openDialog(within(row).getByRole('button', { name: 'Modifier' }), 'Modifier le contact');
    expect(field(dialog, /^Courriel/)).toHaveValue('');
    expect(within(dialog).queryByRole('alert')).toBeNull();

    refuse = false;
    await type(dialog, /^Courriel/, 'anahit@example.org');
    await type(dialog, /^Lien/, '');
    await save(dialog);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const saves = core.saves();
    expect(saves).toHaveLength(2);
    expect(saves[1]).toEqual({
      id: CONTACT_ID,
      record: {
        kind: 'contact',
        data: {
          detainee_id: ID,
          name: 'Anahit Exemple',
          relation: null,
          phone: '+374 10 000000',
          email: 'anahit@example.org',
          address: null,
          languages: ['hy', 'ru'],
          notes: null,
        },
      },
    });
  });

  it('deletes a contact after the second click', async () => {
    const core = backend();
    const region = await section('Contacts familiaux');
    await deleteRow(rowOf(region, 'Anahit Exemple'), core.deletes);
    await waitFor(() => expect(core.deletes()).toEqual([{ kind: 'contact', id: CONTACT_ID }]));
    expect(await within(region).findByText('Aucun contact familial enregistré.')).toBeInTheDocument();
  });
});
