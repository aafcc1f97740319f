// Measures a 10,000-row spreadsheet import through the app's wizard (not a test: prints figures). Run by
// `MEASURE_SCRIPT=e2e/measure-import.mjs scripts/measure-app` (release builds, Xvfb, tauri-driver, no network).
// The rows are fictional people with unique numbered names (no possible duplicate), as a French semicolon CSV.
// Printed: the dry run (choose file → report shown), the import itself (apply → "done"), the progress events the
// window received, and how the window kept up meanwhile: the longest gap between animation frames in the page and
// the round trip of a command that needs no dossier (`app_info`) while the import holds it.
import { execFileSync, spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { remote } from 'webdriverio';

const CLI = process.env.DOSSIER_CLI;
const WORK = process.env.E2E_WORK;
const DB = join(WORK, 'e2e.dossier');
const PASS = 'sample passphrase';
const ROWS = Number(process.env.MEASURE_ROWS || 10000);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const env = { ...process.env, DOSSIER_PASSPHRASE: PASS };

rmSync(DB, { force: true });
execFileSync(CLI, ['--db', DB, 'init'], { env });
const cats = ['prisonnier de guerre', 'civil', 'dirigeant politique', 'disparu'];
const lines = ['Nom;Catégorie;Date de naissance;Date de capture;Lieu de capture;Statut'];
for (let i = 0; i < ROWS; i++) {
  const n = String(i).padStart(5, '0');
  lines.push(`Personne Fictive-${n};${cats[i % 4]};${String((i % 28) + 1).padStart(2, '0')}/0${(i % 9) + 1}/19${60 + (i % 40)};2020-11-${String((i % 28) + 1).padStart(2, '0')};Lieu fictif ${i % 50};détenu`);
}
const file = join(WORK, 'dix-mille.csv');
writeFileSync(file, Buffer.from(lines.join('\r\n') + '\r\n', 'latin1'));

function dialogWindow() {
  const r = spawnSync('xdotool', ['search', '--onlyvisible', '--class', 'libertas-dossier'], { encoding: 'utf8' });
  const ids = r.stdout.split('\n').filter(Boolean);
  return ids.length >= 2 ? ids[ids.length - 1] : '';
}
async function answerFileDialog(path) {
  const deadline = Date.now() + 15000;
  let win = '';
  while (Date.now() < deadline && !(win = dialogWindow())) await sleep(250);
  if (!win) throw new Error('no file dialog');
  spawnSync('xdotool', ['windowfocus', '--sync', win]);
  await sleep(500);
  spawnSync('xdotool', ['key', '--clearmodifiers', 'ctrl+l']);
  await sleep(300);
  spawnSync('xdotool', ['type', '--delay', '20', path]);
  await sleep(300);
  spawnSync('xdotool', ['key', 'Return']);
}

const browser = await remote({ hostname: '127.0.0.1', port: Number(process.env.E2E_PORT || 4444), logLevel: 'warn', capabilities: { 'tauri:options': { application: process.env.APP } } });
const $ = async (id, timeout = 30000) => {
  const e = await browser.$(`[data-testid="${id}"]`);
  await e.waitForDisplayed({ timeout });
  return e;
};
await (await $('unlock-passphrase')).setValue(PASS);
await (await $('unlock-submit')).click();
await $('dashboard');
await (await $('nav-detainees')).click();
await (await $('detainee-import')).click();
await (await $('import-choose-file')).click();
// The dialog is answered by typing; the clock starts when Return is pressed.
await answerFileDialog(file);
const t0 = performance.now();
await $('import-report', 120000);
const dryRun = performance.now() - t0;
// Watch the page while the import runs: animation frame gaps, `app_info` round trips, progress events.
await browser.execute(() => {
  const w = window;
  w.__m = { gaps: [], rtt: [], events: 0, stop: false };
  let last = performance.now();
  const frame = (t) => {
    w.__m.gaps.push(t - last);
    last = t;
    if (!w.__m.stop) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  const ping = async () => {
    while (!w.__m.stop) {
      const t = performance.now();
      await w.__TAURI_INTERNALS__.invoke('app_info');
      w.__m.rtt.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  ping();
  const seen = new Set();
  const obs = new MutationObserver(() => {
    const d = document.querySelector('[data-testid="import-progress"] .hint');
    if (d && !seen.has(d.textContent)) {
      seen.add(d.textContent);
      w.__m.events++;
    }
  });
  obs.observe(document.body, { subtree: true, childList: true, characterData: true });
});
const t1 = performance.now();
await (await $('import-apply')).click();
await $('import-done', 600000);
const apply = performance.now() - t1;
const m = await browser.execute(() => {
  window.__m.stop = true;
  return window.__m;
});
const done = await (await $('import-done')).getText();
await browser.deleteSession();
const people = JSON.parse(execFileSync(CLI, ['--db', DB, 'detainee', 'list', '--json'], { env, maxBuffer: 1 << 28 })).length;
const max = (xs) => Math.max(...xs);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`Import through the wizard of ${ROWS} fictional people (French semicolon CSV, Windows-1252), ${process.env.APP}:`);
console.log(`  dry run (file chosen → report shown): ${(dryRun / 1000).toFixed(1)} s`);
console.log(`  import (apply → done, one transaction): ${(apply / 1000).toFixed(1)} s; "${done}"; ${people} people in the dossier after`);
console.log(`  progress updates shown: ${m.events}`);
console.log(`  window meanwhile: animation frame gap median ${median(m.gaps).toFixed(0)} ms, max ${max(m.gaps).toFixed(0)} ms over ${m.gaps.length} frames; app_info round trip median ${median(m.rtt).toFixed(1)} ms, max ${max(m.rtt).toFixed(1)} ms over ${m.rtt.length}`);
