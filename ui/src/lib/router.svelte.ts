/** Client-side navigation: the current screen and, for detail views, the record id. No URLs involved. */

export const SCREENS = [
  'dashboard',
  'detainees',
  'sponsors',
  'sponsorships',
  'press',
  'documents',
  'templates',
  'settings',
] as const;
export type Screen = (typeof SCREENS)[number];

export interface Route {
  screen: Screen;
  /** The record shown, for detail screens. */
  id?: string;
}

export const route = $state<Route>({ screen: 'dashboard' });

export function navigate(screen: Screen, id?: string): void {
  route.screen = screen;
  route.id = id;
}

/** The Fluent id of a screen's title. */
export function screenTitleId(screen: Screen): string {
  return `nav-${screen}`;
}
