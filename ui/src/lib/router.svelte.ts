/** Client-side navigation: the current screen and, for detail views, the record id. No URLs involved. */
import { guard } from './unsaved.svelte';

export const SCREENS = [
  'dashboard',
  'detainees',
  'sponsors',
  'sponsorships',
  'press',
  'documents',
  'templates',
  'bin',
  'settings',
  'conflicts',
] as const;
export type Screen = (typeof SCREENS)[number];

/** The screens the sidebar lists; the conflicts inbox is reached from the sync state under them (and Settings). */
export const NAV_SCREENS = SCREENS.filter((s) => s !== 'conflicts');

export interface Route {
  screen: Screen;
  /** The record shown, for detail screens. */
  id?: string;
}

export const route = $state<Route>({ screen: 'dashboard' });

/** Bumped to draw the current screen again from the dossier (after an import from the File menu, say). */
export const view = $state({ generation: 0 });

/**
 * Shows `screen` (and record `id`). With unsaved edits on screen, asks first (see `unsaved.svelte.ts`): the route
 * changes at once when nothing is unsaved, else only if the user chooses to discard.
 */
export function navigate(screen: Screen, id?: string): void {
  void guard(() => {
    route.screen = screen;
    route.id = id;
  });
}

/**
 * Draws the current screen again, so that it reads the dossier afresh: the shell keys the screen on
 * `view.generation`. Asks first when edits on screen would be lost, as navigation does.
 */
export function reloadScreen(): void {
  void guard(() => {
    view.generation += 1;
  });
}

/** The Fluent id of a screen's title. */
export function screenTitleId(screen: Screen): string {
  return `nav-${screen}`;
}
