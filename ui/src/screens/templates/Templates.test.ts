import { describe, expect, it } from 'vitest';
import { render, screen, fireEvent, waitFor } from '@testing-library/svelte';
import Templates from './Templates.svelte';
import { fakeCommands } from '../../test/ipc-mock';
import { EditorView } from '@codemirror/view';
import UnsavedDialog from '../../lib/components/UnsavedDialog.svelte';

/** The template editor's CodeMirror view (its text, and typing into it). */
async function editorView(): Promise<EditorView> {
  await screen.findByTestId('template-editor');
  return EditorView.findFromDOM(document.querySelector('.cm-editor') as HTMLElement)!;
}
const text = (v: EditorView) => v.state.doc.toString();
const type = (v: EditorView, value: string) => v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: value } });

const SOURCE = '---\ntitle = "Convention"\n---\nBonjour {{ sponsor.name }}\n';

describe('Templates', () => {
  it('lists templates with an “edited” badge and shows a template error with its line', async () => {
    const { calls } = fakeCommands({
      templates_list: () => [
        { name: 'fr/agreement.md', kind: 'agreement', lang: 'fr', custom: true },
        { name: 'en/banner-rollup.toml', kind: 'banner_rollup', lang: 'en', custom: false },
      ],
      template_get: () => SOURCE,
      template_preview: () => {
        throw { code: 'template', message: 'Modèle « fr/agreement.md », ligne 4 : variable inconnue « sponsr »', line: 4 };
      },
    });
    render(Templates, { previewDelay: 20 });
    const items = await screen.findAllByTestId('template-item');
    expect(items[0]).toHaveTextContent('Convention de parrainage — Français');
    expect(items[0]).toHaveTextContent('fr/agreement.md');
    expect(items[1]).toHaveTextContent('Kakemono (roll-up) — English');
    expect(items[0]).toHaveTextContent('modifié');
    expect(items[1]).not.toHaveTextContent('modifié');

    await fireEvent.click(items[0]);
    const editor = await editorView();
    await waitFor(() => expect(text(editor)).toBe(SOURCE));
    expect(screen.getByRole('textbox', { name: /fr\/agreement\.md/ })).toBe(screen.getByTestId('template-editor'));
    expect(calls.find((c) => c.cmd === 'template_get')!.args).toEqual({ name: 'fr/agreement.md' });

    const edited = SOURCE.replace('sponsor.name', 'sponsr.name');
    type(editor, edited);
    const error = await screen.findByTestId('template-error');
    expect(error).toHaveTextContent('ligne 4 : variable inconnue « sponsr »');
    expect(calls.find((c) => c.cmd === 'template_preview')!.args).toEqual({ name: 'fr/agreement.md', source: edited });
    // The line is marked in the text and in the gutter.
    await waitFor(() => expect(document.querySelector('.cm-error-line')).toHaveTextContent('Bonjour {{ sponsr.name }}'));
    expect(document.querySelector('.cm-error-line')).toHaveAttribute('data-error-line', '4');
    expect(document.querySelector('.cm-error-gutter')).toHaveTextContent('4');

    await fireEvent.click(screen.getByRole('button', { name: 'Aller à la ligne 4' }));
    expect(editor.state.selection.main.from).toBe(SOURCE.indexOf('Bonjour'));
    expect(screen.getByText('Ligne 4, colonne 1')).toBeInTheDocument();
  });

  it('saves, and restores the default after confirmation', async () => {
    let source = SOURCE;
    const { calls } = fakeCommands({
      templates_list: () => [{ name: 'fr/agreement.md', kind: 'agreement', lang: 'fr', custom: true }],
      template_get: () => source,
      template_preview: () => new Promise(() => {}),
      template_save: () => null,
      template_reset: () => {
        source = 'défaut';
        return null;
      },
    });
    render(Templates, { id: 'fr/agreement.md', previewDelay: 5000 });
    const editor = await editorView();
    await waitFor(() => expect(text(editor)).toBe(SOURCE));
    type(editor, SOURCE + 'Merci.\n');
    await fireEvent.click(screen.getByTestId('template-save'));
    await waitFor(() => expect(calls.some((c) => c.cmd === 'template_save')).toBe(true));
    expect(calls.find((c) => c.cmd === 'template_save')!.args).toEqual({ name: 'fr/agreement.md', source: SOURCE + 'Merci.\n' });

    const reset = screen.getByRole('button', { name: 'Rétablir le modèle par défaut' });
    await fireEvent.click(reset);
    await fireEvent.click(reset);
    await waitFor(() => expect(text(editor)).toBe('défaut'));
    expect(calls.find((c) => c.cmd === 'template_reset')!.args).toEqual({ name: 'fr/agreement.md' });
  });

  it('shows a refused save', async () => {
    fakeCommands({
      templates_list: () => [{ name: 'fr/agreement.md', kind: 'agreement', lang: 'fr', custom: false }],
      template_get: () => SOURCE,
      template_preview: () => new Promise(() => {}),
      template_save: () => {
        throw { code: 'template', message: 'Modèle « fr/agreement.md », ligne 2 : en-tête illisible' };
      },
    });
    render(Templates, { id: 'fr/agreement.md', previewDelay: 5000 });
    await fireEvent.click(await screen.findByTestId('template-save'));
    expect(await screen.findByTestId('template-error')).toHaveTextContent('ligne 2 : en-tête illisible');
  });

  it('marks the line from the error\'s structured line field, and clears it once the template is right', async () => {
    let fail = true;
    fakeCommands({
      templates_list: () => [{ name: 'fr/agreement.md', kind: 'agreement', lang: 'fr', custom: false }],
      template_get: () => SOURCE,
      template_preview: () => {
        if (fail) throw { code: 'template', message: 'En-tête illisible', line: 2 };
        return { token: 1, pages: 1, bytes: 10, file_name: 'x.pdf', preflight: null };
      },
    });
    render(Templates, { id: 'fr/agreement.md', previewDelay: 10 });
    const editor = await editorView();
    await waitFor(() => expect(text(editor)).toBe(SOURCE));
    type(editor, SOURCE.replace('title', 'titl e'));
    await waitFor(() => expect(document.querySelector('.cm-error-line')).toHaveAttribute('data-error-line', '2'));
    expect(screen.getByRole('button', { name: 'Aller à la ligne 2' })).toBeInTheDocument();
    fail = false;
    type(editor, SOURCE);
    await waitFor(() => expect(document.querySelector('.cm-error-line')).toBeNull());
  });

  it('asks before another template replaces unsaved edits', async () => {
    const { calls } = fakeCommands({
      templates_list: () => [
        { name: 'fr/agreement.md', kind: 'agreement', lang: 'fr', custom: false },
        { name: 'fr/factsheet.md', kind: 'factsheet', lang: 'fr', custom: false },
      ],
      template_get: (a) => ((a as { name: string }).name === 'fr/agreement.md' ? SOURCE : 'Fiche'),
      template_preview: () => new Promise(() => {}),
    });
    render(Templates, { id: 'fr/agreement.md', previewDelay: 5000 });
    render(UnsavedDialog);
    const editor = await editorView();
    await waitFor(() => expect(text(editor)).toBe(SOURCE));
    type(editor, SOURCE + 'Merci.\n');
    const items = screen.getAllByTestId('template-item');
    await fireEvent.click(items[1]);
    await fireEvent.click(await screen.findByTestId('unsaved-stay'));
    expect(text(editor)).toBe(SOURCE + 'Merci.\n');
    expect(calls.filter((c) => c.cmd === 'template_get')).toHaveLength(1);
    await fireEvent.click(items[1]);
    await fireEvent.click(await screen.findByTestId('unsaved-discard'));
    await waitFor(() => expect(text(editor)).toBe('Fiche'));
  });
});
