/**
 * pdf.js, loaded on demand (it is large) with its worker bundled locally: no CDN, and compatible with the app's
 * CSP (`worker-src 'self' blob:`, no eval: `isEvalSupported: false`, no WebAssembly: `useWasm: false`).
 */
import type { PDFDocumentProxy } from 'pdfjs-dist';

let loading: Promise<typeof import('pdfjs-dist')> | null = null;

async function pdfjs(): Promise<typeof import('pdfjs-dist')> {
  loading ??= Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]).then(
    ([lib, worker]) => {
      lib.GlobalWorkerOptions.workerSrc = worker.default;
      return lib;
    },
  );
  return loading;
}

/** Opens a PDF from its bytes (e.g. read by the core and passed over IPC, or fetched from an asset URL). */
export async function openPdf(data: Uint8Array | ArrayBuffer): Promise<PDFDocumentProxy> {
  const lib = await pdfjs();
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  return lib.getDocument({ data: bytes, isEvalSupported: false, useWasm: false }).promise;
}

/** Opens a PDF from a same-origin URL (e.g. `convertFileSrc(path)`). */
export async function openPdfUrl(url: string): Promise<PDFDocumentProxy> {
  const lib = await pdfjs();
  return lib.getDocument({ url, isEvalSupported: false, useWasm: false }).promise;
}
