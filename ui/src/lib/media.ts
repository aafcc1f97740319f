/**
 * URLs of photos and logos served by the Rust shell from the open dossier (custom `media` protocol). WebKit
 * (Linux, macOS) uses `media://localhost/...`; WebView2 (Windows) maps custom protocols to
 * `http://media.localhost/...`. Nothing is fetched from the network either way.
 */
export type MediaSize = 'thumb' | 'full';

function onWindows(): boolean {
  return typeof navigator !== 'undefined' && /Windows/i.test(navigator.userAgent);
}

/** `thumb`: a small upright JPEG; `full`: the stored image (orientation not applied, see `orientationTransform`). */
export function mediaUrl(kind: MediaSize, id: string): string {
  const path = `${kind}/${encodeURIComponent(id)}`;
  return onWindows() ? `http://media.localhost/${path}` : `media://localhost/${path}`;
}

/**
 * The CSS transform that shows stored pixels upright for an EXIF orientation (1–8). Imported photos are stripped
 * of EXIF, so the browser cannot do it itself.
 */
export function orientationTransform(orientation: number): string {
  switch (orientation) {
    case 2:
      return 'scaleX(-1)';
    case 3:
      return 'rotate(180deg)';
    case 4:
      return 'scaleY(-1)';
    case 5:
      return 'rotate(90deg) scaleY(-1)';
    case 6:
      return 'rotate(90deg)';
    case 7:
      return 'rotate(90deg) scaleX(-1)';
    case 8:
      return 'rotate(-90deg)';
    default:
      return 'none';
  }
}

/** Whether an orientation swaps width and height. */
export function swapsAxes(orientation: number): boolean {
  return orientation >= 5 && orientation <= 8;
}

/** Initials for a placeholder when a person has no photo: "Aram Exemple" → "AE". Only words that begin with a
 *  letter or a digit count, so a note in brackets or quotes ("Vardan Exemple (fictif)") gives no initial. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter((w) => /^[\p{L}\p{N}]/u.test(w));
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return letters.map((w) => [...w][0]?.toLocaleUpperCase() ?? '').join('') || '?';
}
