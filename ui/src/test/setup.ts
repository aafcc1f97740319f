import '@testing-library/jest-dom/vitest';
import { afterEach, beforeEach } from 'vitest';
import { cleanup } from '@testing-library/svelte';
import { clearMocks } from '@tauri-apps/api/mocks';
import { setLang } from '../lib/i18n.svelte';
import { clearToasts } from '../lib/toasts.svelte';

// jsdom lacks these; Svelte's bind:clientHeight and the PDF preview use them.
class NoopObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
  takeRecords() {
    return [];
  }
}
globalThis.ResizeObserver ??= NoopObserver as unknown as typeof ResizeObserver;
globalThis.IntersectionObserver ??= NoopObserver as unknown as typeof IntersectionObserver;
// CodeMirror measures text through Range rectangles, which jsdom does not lay out.
const emptyRects = () => Object.assign([], { item: () => null }) as unknown as DOMRectList;
Range.prototype.getClientRects ??= emptyRects;
Range.prototype.getBoundingClientRect ??= () => new DOMRect(0, 0, 0, 0);
if (!window.crypto?.getRandomValues) {
  Object.defineProperty(window, 'crypto', { value: globalThis.crypto });
}

beforeEach(() => {
  setLang('fr');
});

afterEach(() => {
  cleanup();
  clearMocks();
  clearToasts();
});
