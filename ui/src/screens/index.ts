import type { Component } from 'svelte';
import type { Screen } from '../lib/router.svelte';
import Dashboard from './Dashboard.svelte';
import Detainees from './Detainees.svelte';
import Sponsors from './Sponsors.svelte';
import Sponsorships from './Sponsorships.svelte';
import PressReleases from './PressReleases.svelte';
import Documents from './Documents.svelte';
import Templates from './Templates.svelte';
import Settings from './Settings.svelte';

/** One component per navigation entry; each receives the route's `id`. */
export const screens: Record<Screen, Component<{ id?: string }>> = {
  dashboard: Dashboard,
  detainees: Detainees,
  sponsors: Sponsors,
  sponsorships: Sponsorships,
  press: PressReleases,
  documents: Documents,
  templates: Templates,
  settings: Settings,
};
