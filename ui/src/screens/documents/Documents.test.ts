import { describe, expect, it } from 'vitest';
import { render, screen, fireEvent, waitFor } from '@testing-library/svelte';
import Documents from './Documents.svelte';
import { fakeCommands, type Handler } from '../../test/ipc-mock';
import { card, row, sponsor, sponsorship, T0 } from '../../test/campaign-fixtures';
import type { GeneratedDoc } from '../../lib/generated/index';
import { session, resetSession } from '../../lib/session.svelte';
import { appInfo } from '../../test/session-fixtures';

const doc = (extra: Partial<GeneratedDoc> = {}): GeneratedDoc => ({ token: 7, pages: 2, bytes: 84_000, file_name: 'convention.pdf', preflight: null, ...extra });

function mocks(extra: Record<string, Handler> = {}) {
  return fakeCommands({
    sponsorships: () => [card(sponsorship('SP', { sponsor_id: 'S1', detainee_id: 'D1', stage: 'active' }))],
    // Detainees are found by search (there may be 10,000), never listed.
    search: () => [
      { id: 'D1', kind: 'detainee', name: 'Aram Exemple', detail: 'Արամ', category: 'pow' },
      { id: 'S1', kind: 'sponsor', name: 'Ville de Lyon', detail: null, category: null },
    ],
    detainee_get: () => ({ id: 'D1', name: 'Aram Exemple' }),
    // The core's choice of the banner's sponsor (`api::banner_sponsor`): the one of the active sponsorship.
    banner_sponsor: () => 'S1',
    press_releases: () => [
      { id: 'PR', created_at: T0, updated_at: T0, date: '2024-05-02', cities: [], title: 'Libérez-les', body: 'x', lang: 'fr', contacts: [], in_press_kit: true },
    ],
    sponsor_rows: () => [row(sponsor('S1', 'Ville de Lyon'), 1)],
    document_generate: () => doc(),
    // The preview's bytes never arrive: pdf.js is not exercised here.
    document_bytes: () => new Promise(() => {}),
    'plugin:event|listen': () => 1,
    'plugin:event|unlisten': () => null,
    ...extra,
  });
}

async function generate(calls: { cmd: string; args: unknown }[]) {
  await fireEvent.click(screen.getByTestId('doc-generate'));
  await waitFor(() => expect(calls.some((c) => c.cmd === 'document_generate')).toBe(true));
  return (calls.filter((c) => c.cmd === 'document_generate').at(-1)!.args as { request: unknown }).request;
}

describe('Documents', () => {
  it('builds the agreement request from the route and shows pages and size', async () => {
    const { calls } = mocks();
    render(Documents, { id: 'agreement:SP' });
    await waitFor(() => expect(screen.getByTestId('doc-sponsorship')).toHaveValue('SP'));
    expect(await generate(calls)).toEqual({ kind: 'agreement', sponsorship: 'SP', lang: 'fr' });
    expect(await screen.findByTestId('doc-pages')).toHaveTextContent('2 pages, 82 Ko');
    expect(screen.getByTestId('doc-preview')).toBeInTheDocument();
  });

  it('builds the fact sheet, press release and press kit requests', async () => {
    const { calls } = mocks();
    render(Documents);
    const kind = await screen.findByTestId('doc-kind');
    await fireEvent.change(kind, { target: { value: 'factsheet' } });
    await fireEvent.input(screen.getByTestId('doc-detainee-search'), { target: { value: 'Ara' } });
    const hits = await screen.findAllByTestId('detainee-hit');
    expect(hits).toHaveLength(1); // the sponsor is not offered
    await fireEvent.click(hits[0]);
    expect(calls.filter((c) => c.cmd === 'detainee_rows')).toHaveLength(0);
    await fireEvent.change(screen.getByTestId('doc-lang'), { target: { value: 'en' } });
    expect(await generate(calls)).toEqual({ kind: 'factsheet', detainee: 'D1', lang: 'en' });

    await fireEvent.change(kind, { target: { value: 'press_release' } });
    await fireEvent.change(screen.getByTestId('doc-release'), { target: { value: 'PR' } });
    expect(await generate(calls)).toEqual({ kind: 'press_release', id: 'PR' });

    await fireEvent.change(kind, { target: { value: 'presskit' } });
    expect(await generate(calls)).toEqual({ kind: 'presskit', lang: 'en' });
  });

  it('asks for the record before generating', async () => {
    const { calls } = mocks();
    render(Documents);
    await fireEvent.change(await screen.findByTestId('doc-kind'), { target: { value: 'factsheet' } });
    await fireEvent.click(screen.getByTestId('doc-generate'));
    expect(screen.getByText('Choisissez l’élément à mettre en page.')).toBeInTheDocument();
    expect(calls.some((c) => c.cmd === 'document_generate')).toBe(false);
  });

  it('builds a banner request and shows the preflight findings before saving', async () => {
    const { calls } = mocks({
      document_generate: () =>
        doc({
          file_name: 'kakemono.pdf',
          pages: 1,
          preflight: {
            size: 'a2',
            trim_mm: [420, 594],
            bleed_mm: 5,
            images: [{ what: 'Photo', pixels: [800, 1000], printed_mm: [400, 500], effective_ppi: 50.8 }],
            fonts: ['Noto Sans'],
            findings: [
              { level: 'warning', code: 'no-logo', message: 'Le parrain n’a pas de logo.' },
              { level: 'error', code: 'low-ppi', message: 'La photo est trop petite : 51 ppp.' },
            ],
          },
        }),
      document_save: () => '/home/anne/kakemono.pdf',
    });
    render(Documents, { id: 'banner:D1' });
    await waitFor(() => expect(screen.getByTestId('doc-sponsor')).toHaveValue('S1')); // its sponsor, preselected
    expect(await screen.findByText(/Aram Exemple/)).toBeInTheDocument(); // the preselected person, by name
    expect(calls.map((c) => c.cmd)).not.toContain('detainee_page'); // the record only: no family contacts fetched
    await fireEvent.change(screen.getByTestId('doc-size'), { target: { value: 'a2' } });
    await fireEvent.input(screen.getByTestId('doc-bleed'), { target: { value: '5' } });
    expect(await generate(calls)).toEqual({ kind: 'banner', detainee: 'D1', sponsor: 'S1', size: 'a2', bleed_mm: 5, lang: 'fr', pdfx: false });

    const pre = await screen.findByTestId('doc-preflight');
    expect(pre).toHaveTextContent('1 problème bloquant');
    const findings = pre.querySelectorAll('[data-level]');
    expect(findings[0]).toHaveTextContent('La photo est trop petite : 51 ppp.'); // errors first
    expect(findings[1]).toHaveTextContent('Le parrain n’a pas de logo.');
    expect(pre).toHaveTextContent('51 ppp — trop faible');
    // The preflight comes before the save button.
    const save = screen.getByTestId('doc-save');
    expect(pre.compareDocumentPosition(save) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    await fireEvent.click(save);
    expect(await screen.findByText(/kakemono\.pdf$/, { selector: '.camp-ok' })).toBeInTheDocument();
    expect(calls.find((c) => c.cmd === 'document_save')!.args).toEqual({ token: 7 });
  });

  it('refuses a bleed that is not a number of millimetres', async () => {
    const { calls } = mocks();
    render(Documents, { id: 'banner:D1' });
    await fireEvent.input(await screen.findByTestId('doc-bleed'), { target: { value: '-2' } });
    await fireEvent.click(screen.getByTestId('doc-generate'));
    expect(screen.getByText('Indiquez un nombre de millimètres entre 0 et 25.')).toBeInTheDocument();
    expect(calls.some((c) => c.cmd === 'document_generate')).toBe(false);
  });

  it('shows the core’s error in place of the document', async () => {
    const { calls } = mocks({
      document_generate: () => {
        throw { code: 'no_profile', message: 'Le profil du collectif n’est pas rempli.' };
      },
    });
    render(Documents, { id: 'agreement:SP' });
    await waitFor(() => expect(screen.getByTestId('doc-sponsorship')).toHaveValue('SP'));
    await generate(calls);
    expect(await screen.findByText('Le profil du collectif n’est pas rempli.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Ouvrir les paramètres' })).toBeInTheDocument();
  });

  it('starts the batch of banners with the chosen size, the core’s default bleed and the language', async () => {
    const { calls } = mocks({ banners_batch: () => 3, job_cancel: () => null });
    session.info = appInfo({ limits: { min_passphrase: 8, min_passphrase_score: 3, default_bleed_mm: 12, max_bleed_mm: 25 } });
    render(Documents);
    await fireEvent.click(await screen.findByTestId('doc-batch'));
    await waitFor(() => expect(calls.some((c) => c.cmd === 'banners_batch')).toBe(true));
    expect(calls.find((c) => c.cmd === 'banners_batch')!.args).toEqual({ size: '850x2000', bleedMm: 12, lang: 'fr' });
    resetSession();
    await fireEvent.click(await screen.findByRole('button', { name: 'Arrêter' }));
    await waitFor(() => expect(calls.find((c) => c.cmd === 'job_cancel')?.args).toEqual({ job: 3 }));
  });

  it('asks for a PDF/X-4 banner only when the box is ticked', async () => {
    const { calls } = mocks();
    render(Documents, { id: 'banner:D1' });
    await waitFor(() => expect(screen.getByTestId('doc-sponsor')).toHaveValue('S1'));
    expect((await generate(calls)) as { pdfx: boolean }).toMatchObject({ kind: 'banner', detainee: 'D1', pdfx: false });
    await fireEvent.click(screen.getByTestId('doc-pdfx'));
    expect((await generate(calls)) as { pdfx: boolean }).toMatchObject({ kind: 'banner', detainee: 'D1', sponsor: 'S1', pdfx: true });
  });

  it('generates a social-media card in the chosen format, shows it and saves it as an image', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]).buffer;
    const { calls } = mocks({
      card_generate: () => ({ token: 9, width: 1080, height: 1350, bytes: 412_000, file_name: 'carte-aram-exemple-portrait.png' }),
      document_bytes: () => png,
      card_save: () => '/home/x/carte.png',
    });
    const created: Blob[] = [];
    const realCreate = URL.createObjectURL;
    URL.createObjectURL = (b: Blob) => (created.push(b), 'blob:card');
    URL.revokeObjectURL = () => {};
    try {
      render(Documents, { id: 'card:D1' });
      await waitFor(() => expect(screen.getByTestId('doc-sponsor')).toHaveValue('S1'));
      await fireEvent.change(screen.getByTestId('doc-card-format'), { target: { value: 'portrait' } });
      await fireEvent.click(screen.getByTestId('doc-generate'));
      await waitFor(() => expect(calls.some((c) => c.cmd === 'card_generate')).toBe(true));
      expect(calls.find((c) => c.cmd === 'card_generate')!.args).toEqual({ request: { detainee: 'D1', sponsor: 'S1', format: 'portrait', lang: 'fr' } });
      const img = await screen.findByTestId('card-preview');
      expect(img).toHaveAttribute('src', 'blob:card');
      expect(created[0].type).toBe('image/png');
      expect(screen.getByTestId('card-size')).toHaveTextContent(/1.080 × 1.350 px/);
      expect(calls.some((c) => c.cmd === 'document_generate')).toBe(false);
      await fireEvent.click(screen.getByTestId('card-save'));
      expect(await screen.findByText('Image enregistrée : /home/x/carte.png', { selector: 'p' })).toBeInTheDocument();
      expect(calls.find((c) => c.cmd === 'card_save')!.args).toEqual({ token: 9 });
    } finally {
      URL.createObjectURL = realCreate;
    }
  });
});
