/** The keyboard's main modifier: ⌘ on macOS, Ctrl elsewhere. */
export function isMac(): boolean {
  const nav = globalThis.navigator as (Navigator & { userAgentData?: { platform?: string } }) | undefined;
  const p = nav?.userAgentData?.platform ?? nav?.platform ?? '';
  return /mac|iphone|ipad/i.test(p);
}

/** The main modifier is held (Cmd on macOS, Ctrl elsewhere; not both, not Alt). */
export function hasMod(e: KeyboardEvent, mac = isMac()): boolean {
  return (mac ? e.metaKey && !e.ctrlKey : e.ctrlKey && !e.metaKey) && !e.altKey;
}

/** A shortcut as shown in tooltips and menus: "Ctrl+S", or "⌘S" on macOS. */
export function shortcutLabel(key: string, mac = isMac()): string {
  return mac ? `⌘${key}` : `Ctrl+${key}`;
}
