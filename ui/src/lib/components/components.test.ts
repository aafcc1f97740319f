import { describe, expect, it, vi } from 'vitest';
import { render, screen, fireEvent } from '@testing-library/svelte';
import { tick } from 'svelte';
import Field from './Field.svelte';
import DateField from './DateField.svelte';
import ErrorBanner from './ErrorBanner.svelte';
import Toasts from './Toasts.svelte';
import ConfirmButton from './ConfirmButton.svelte';
import ProgressBar from './ProgressBar.svelte';
import { showError, showSuccess } from '../toasts.svelte';
import { setLang } from '../i18n.svelte';

const XSS = '<img src=x onerror=alert(1)>';

describe('Field', () => {
  it('labels its input and shows the caller’s error accessibly', () => {
    render(Field, { label: 'Nom', value: '', error: 'Le champ « Nom » ne peut pas être vide.' });
    const input = screen.getByLabelText('Nom');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    const describedBy = input.getAttribute('aria-describedby')!;
    expect(document.getElementById(describedBy)).toHaveTextContent('Le champ « Nom » ne peut pas être vide.');
  });

  it('checks required and custom rules once the field was left', async () => {
    render(Field, {
      label: 'Courriel',
      type: 'email',
      required: true,
      validate: (v: string) => (v.includes('@') ? null : 'Adresse invalide'),
    });
    const input = screen.getByLabelText(/Courriel/);
    expect(input).not.toHaveAttribute('aria-invalid');
    await fireEvent.blur(input);
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('Ce champ est obligatoire.')).toBeInTheDocument();
    await fireEvent.input(input, { target: { value: 'abc' } });
    expect(screen.getByText('Adresse invalide')).toBeInTheDocument();
    await fireEvent.input(input, { target: { value: 'a@b.fr' } });
    expect(input).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByText('Adresse invalide')).toBeNull();
  });

  it('renders textarea and select with labels', () => {
    render(Field, {
      label: 'Catégorie',
      type: 'select',
      value: 'civilian',
      options: [
        { value: 'pow', label: 'Prisonnier de guerre' },
        { value: 'civilian', label: 'Civil' },
      ],
    });
    expect(screen.getByLabelText('Catégorie')).toHaveValue('civilian');
  });
});

describe('DateField', () => {
  it('accepts partial dates and shows them written out', async () => {
    render(DateField, { label: 'Date de capture', value: '2020-11' });
    expect(screen.getByText('novembre 2020')).toBeInTheDocument();
    const input = screen.getByLabelText('Date de capture');
    await fireEvent.input(input, { target: { value: '~2020-11-09' } });
    expect(screen.getByText('vers le 9 novembre 2020')).toBeInTheDocument();
  });

  it('explains a wrong date after leaving the field', async () => {
    render(DateField, { label: 'Date de naissance' });
    const input = screen.getByLabelText('Date de naissance');
    await fireEvent.input(input, { target: { value: '2020-02-30' } });
    expect(input).not.toHaveAttribute('aria-invalid');
    await fireEvent.blur(input);
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText(/Le 30 n’existe pas dans ce mois/)).toBeInTheDocument();
    await fireEvent.input(input, { target: { value: '11/2020' } });
    expect(screen.getByText(/n’est pas une date reconnue/)).toBeInTheDocument();
  });

  it('rewrites a French date in canonical form on blur', async () => {
    const onchange = vi.fn();
    render(DateField, { label: 'Date', onchange });
    const input = screen.getByLabelText('Date') as HTMLInputElement;
    await fireEvent.input(input, { target: { value: '09/11/2020' } });
    await fireEvent.blur(input);
    expect(input.value).toBe('2020-11-09');
    expect(onchange).toHaveBeenCalledWith('2020-11-09');
  });

  it('speaks English when the language changes', async () => {
    render(DateField, { label: 'Date', value: '2020-13', touched: true });
    expect(screen.getByText(/Le mois 13 n’existe pas/)).toBeInTheDocument();
    setLang('en');
    await tick();
    expect(screen.getByText(/Month 13 does not exist/)).toBeInTheDocument();
  });
});

describe('errors are shown as text, never as HTML', () => {
  it('ErrorBanner renders {code, message} literally', () => {
    const { container } = render(ErrorBanner, { error: { code: 'database', message: XSS } });
    expect(screen.getByRole('alert')).toHaveTextContent(XSS);
    expect(screen.getByText('Code : database')).toBeInTheDocument();
    expect(container.querySelector('img')).toBeNull();
  });

  it('a toast of a rejected command renders its message literally', async () => {
    const { container } = render(Toasts);
    showError({ code: 'corrupt', message: XSS });
    await tick();
    expect(screen.getByRole('alert')).toHaveTextContent(XSS);
    expect(container.querySelector('img')).toBeNull();
  });

  it('the same error raised again is counted on one toast, not stacked', async () => {
    render(Toasts);
    for (let i = 0; i < 4; i++) showError({ code: 'io', message: 'Le disque est plein.' });
    await tick();
    const alerts = screen.getAllByRole('alert');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toHaveTextContent('Le disque est plein. (×4)');
  });

  it('at most three toasts are shown, the newest ones', async () => {
    render(Toasts);
    for (const m of ['un', 'deux', 'trois', 'quatre']) showError({ code: 'io', message: `Erreur ${m}` });
    showSuccess('Enregistré');
    await tick();
    const shown = [...document.querySelectorAll('.toast-message')].map((p) => p.textContent);
    expect(shown).toEqual(['Erreur trois', 'Erreur quatre', 'Enregistré']);
  });

  it('a new confirmation replaces the previous one; errors stay', async () => {
    render(Toasts);
    showError({ code: 'io', message: 'Erreur' });
    for (const m of ['Fiche créée.', 'Modifications enregistrées.', 'Photo importée.']) showSuccess(m);
    await tick();
    const shown = [...document.querySelectorAll('.toast-message')].map((p) => p.textContent);
    expect(shown).toEqual(['Erreur', 'Photo importée.']);
  });

});

describe('ConfirmButton', () => {
  it('needs two clicks', async () => {
    const onconfirm = vi.fn();
    render(ConfirmButton, { label: 'Supprimer', onconfirm });
    const button = screen.getByRole('button', { name: 'Supprimer' });
    await fireEvent.click(button);
    expect(onconfirm).not.toHaveBeenCalled();
    expect(button).toHaveTextContent('Cliquer à nouveau pour confirmer');
    await fireEvent.click(button);
    expect(onconfirm).toHaveBeenCalledOnce();
  });
});

describe('ProgressBar', () => {
  it('shows a labelled value and a cancel button', async () => {
    const oncancel = vi.fn();
    render(ProgressBar, { value: 42, label: 'Import', oncancel });
    expect(screen.getByLabelText('Import')).toHaveAttribute('value', '42');
    expect(screen.getByText('42 %')).toBeInTheDocument();
    await fireEvent.click(screen.getByRole('button', { name: 'Annuler l’opération' }));
    expect(oncancel).toHaveBeenCalledOnce();
  });
});
