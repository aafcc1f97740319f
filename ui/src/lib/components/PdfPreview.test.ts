import { describe, expect, it, vi } from 'vitest';
import { render, screen, fireEvent } from '@testing-library/svelte';
import PdfPreview, { MAX_CANVAS_PIXELS, nextZoom, renderScale } from './PdfPreview.svelte';

// A roll-up banner: 850 × 2000 mm, i.e. 2409.4 × 5669.3 points; two pages.
const W = 2409.4;
const H = 5669.3;
vi.mock('../pdf', () => {
  const page = { getViewport: ({ scale }: { scale: number }) => ({ width: W * scale, height: H * scale }), render: () => ({ promise: Promise.resolve() }) };
  const doc = { numPages: 2, getPage: async () => page, destroy: async () => {} };
  return { openPdf: async () => doc, openPdfUrl: async () => doc };
});

const widths = () => [...document.querySelectorAll('canvas')].map((c) => Number(c.dataset.width));

describe('PdfPreview zoom', () => {
  it('fits the pages to the width at first, then zooms by steps of the real size, and back', async () => {
    render(PdfPreview, { data: new Uint8Array([1]), label: 'Kakemono', width: 440 });
    const level = await screen.findByTestId('pdf-zoom-level');
    // jsdom measures nothing: "fit" uses the given width; 440 px of a 3212.5 px-wide page is 14 %.
    expect(widths()).toEqual([440, 440]);
    expect(level).toHaveTextContent('14 %');
    expect(screen.getByTestId('pdf-zoom-fit')).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getAllByRole('img').map((i) => i.getAttribute('aria-label'))).toEqual(['Kakemono — 1/2', 'Kakemono — 2/2']);

    await fireEvent.click(screen.getByRole('button', { name: 'Agrandir' }));
    expect(level).toHaveTextContent('15 %');
    await fireEvent.click(screen.getByRole('button', { name: 'Agrandir' }));
    expect(level).toHaveTextContent('25 %');
    expect(widths()).toEqual([803, 803]);
    expect(screen.getByTestId('pdf-zoom-fit')).toHaveAttribute('aria-pressed', 'false');
    expect(document.querySelector('.pdf-preview')).toHaveClass('zoomed');

    await fireEvent.click(screen.getByRole('button', { name: 'Taille réelle' }));
    expect(level).toHaveTextContent('100 %');
    expect(widths()).toEqual([3213, 3213]);

    await fireEvent.click(screen.getByRole('button', { name: 'Réduire' }));
    expect(level).toHaveTextContent('75 %');

    await fireEvent.click(screen.getByRole('button', { name: 'Ajuster à la largeur' }));
    expect(widths()).toEqual([440, 440]);
    expect(document.querySelector('.pdf-preview')).not.toHaveClass('zoomed');
  });

  it('stops at the smallest and largest steps', async () => {
    render(PdfPreview, { data: new Uint8Array([1]), label: 'Kakemono', width: 440 });
    const out = await screen.findByRole('button', { name: 'Réduire' });
    await fireEvent.click(out);
    await fireEvent.click(out);
    expect(screen.getByTestId('pdf-zoom-level')).toHaveTextContent('10 %');
    expect(out).toBeDisabled();
    for (let i = 0; i < 12; i++) await fireEvent.click(screen.getByRole('button', { name: 'Agrandir' }));
    expect(screen.getByTestId('pdf-zoom-level')).toHaveTextContent('200 %');
    expect(screen.getByRole('button', { name: 'Agrandir' })).toBeDisabled();
  });

  it('steps and caps the canvas size', () => {
    expect(nextZoom(0.14, 1)).toBe(0.15);
    expect(nextZoom(0.14, -1)).toBe(0.1);
    expect(nextZoom(1, 1)).toBe(1.25);
    expect(nextZoom(2, 1)).toBe(2);
    // A roll-up at 200 % on a 2× screen would need 105 million pixels: capped under WebKit's limit.
    const s = renderScale(W, H, W * (4 / 3) * 2, 2);
    expect(W * s * H * s).toBeLessThanOrEqual(MAX_CANVAS_PIXELS + 1);
    // An A4 page at its width is drawn sharp (not capped).
    expect(renderScale(595, 842, 560, 2)).toBeCloseTo((560 / 595) * 2);
  });
});
