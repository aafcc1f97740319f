import { describe, expect, it, vi } from 'vitest';
import { render, screen, fireEvent, waitFor } from '@testing-library/svelte';
import { fakeCommands } from '../../test/ipc-mock';
import NewDetaineeDialog from './NewDetaineeDialog.svelte';

describe('New detainee form', () => {
  it('requires a name and a category before calling the core', async () => {
    const { calls } = fakeCommands({ record_save: () => 'new-id' });
    render(NewDetaineeDialog, { open: true, oncreated: vi.fn() });
    await fireEvent.click(screen.getByTestId('detainee-form-save'));
    expect(calls.filter((c) => c.cmd === 'record_save')).toEqual([]);
    expect(screen.getAllByText('Ce champ est obligatoire.')).toHaveLength(2);
    expect(screen.getByTestId('detainee-form-name')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByTestId('detainee-form-category')).toHaveAttribute('aria-invalid', 'true');
  });

  it('sends the exact record and opens the new record', async () => {
    const { calls } = fakeCommands({ record_save: () => '44444444-4444-4444-8444-444444444444' });
    const oncreated = vi.fn();
    render(NewDetaineeDialog, { open: true, oncreated });
    await fireEvent.input(screen.getByTestId('detainee-form-name'), { target: { value: '  Aram Exemple ' } });
    await fireEvent.input(screen.getByTestId('detainee-form-name-hy'), { target: { value: 'Արամ Օրինակյան' } });
    await fireEvent.change(screen.getByTestId('detainee-form-category'), { target: { value: 'pow' } });
    await fireEvent.input(screen.getByLabelText('Autres graphies'), { target: { value: 'Арам Оринакян\n\nAram Orinakian' } });
    await fireEvent.change(screen.getByLabelText('Sexe'), { target: { value: 'male' } });
    await fireEvent.input(screen.getByLabelText('Date de capture'), { target: { value: '13/12/2020' } });
    await fireEvent.input(screen.getByLabelText('Lieu de capture'), { target: { value: 'Hin Tagher' } });
    await fireEvent.click(screen.getByTestId('detainee-form-save'));
    await waitFor(() => expect(oncreated).toHaveBeenCalledWith('44444444-4444-4444-8444-444444444444'));
    const saves = calls.filter((c) => c.cmd === 'record_save');
    expect(saves).toHaveLength(1);
    expect(saves[0].args).toEqual({
      id: null,
      record: {
        kind: 'detainee',
        data: {
          name: 'Aram Exemple',
          name_hy: 'Արամ Օրինակյան',
          other_names: ['Арам Оринакян', 'Aram Orinakian'],
          category: 'pow',
          sex: 'male',
          born: null,
          birth_place: null,
          role: null,
          rank: null,
          unit: null,
          captured: '2020-12-13',
          capture_place: 'Hin Tagher',
          circumstances: null,
          situation: [],
          icrc: { registered: null, registered_on: null, visits: [] },
          court_applications: [],
          bio_fr: null,
          bio_en: null,
          disclosure: {},
          notes: null,
        },
      },
    });
  });

  it('shows the core’s validation error and keeps the form open', async () => {
    fakeCommands({
      record_save: () => {
        throw { code: 'invalid', message: 'Le champ « Nom » contient des caractères invalides.' };
      },
    });
    const oncreated = vi.fn();
    render(NewDetaineeDialog, { open: true, oncreated });
    await fireEvent.input(screen.getByTestId('detainee-form-name'), { target: { value: 'X' } });
    await fireEvent.change(screen.getByTestId('detainee-form-category'), { target: { value: 'civilian' } });
    await fireEvent.click(screen.getByTestId('detainee-form-save'));
    expect(await screen.findByText('Le champ « Nom » contient des caractères invalides.')).toBeInTheDocument();
    expect(screen.getByText('Code : invalid')).toBeInTheDocument();
    expect(oncreated).not.toHaveBeenCalled();
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });
});
