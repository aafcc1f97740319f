import type { Component } from 'svelte';
import type { Screen } from '../lib/router.svelte';
import Dashboard from './dashboard/Dashboard.svelte';
import Detainees from './detainees/Detainees.svelte';
import Sponsors from './sponsors/Sponsors.svelte';
import Sponsorships from './sponsorships/Sponsorships.svelte';
import PressReleases from './press/PressReleases.svelte';
import Documents from './documents/Documents.svelte';
import Templates from './templates/Templates.svelte';
import Settings from './settings/Settings.svelte';
import Conflicts from './conflicts/Conflicts.svelte';
import Bin from './bin/Bin.svelte';

/** One component per navigation entry; each receives the route's `id`. */
export const screens: Record<Screen, Component<{ id?: string }>> = {
  dashboard: Dashboard,
  detainees: Detainees,
  sponsors: Sponsors,
  sponsorships: Sponsorships,
  press: PressReleases,
  documents: Documents,
  templates: Templates,
  bin: Bin,
  settings: Settings,
  conflicts: Conflicts,
};
