// Measurements of the real app (not a test: prints figures). Run by `scripts/measure-app`, under the same Xvfb +
// tauri-driver setup as the end-to-end tests. With a fictional dossier of 10,000 people (the sample plus synthetic
// ones): cold start to the unlock screen and to the dashboard, memory of all the app's processes at rest, and
// the search round trip through IPC. Medians of several runs.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { openSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { remote } from 'webdriverio';

const APP = process.env.APP;
const CLI = process.env.DOSSIER_CLI;
const WORK = process.env.E2E_WORK;
const DB = join(WORK, 'e2e.dossier');
const PASS = 'sample passphrase';
const RUNS = Number(process.env.RUNS || 5);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

console.error('== building a fictional dossier of 10,000 people');
const env = { ...process.env, DOSSIER_PASSPHRASE: PASS };
execFileSync(CLI, ['--db', DB, 'init'], { env });
execFileSync(CLI, ['--db', DB, 'demo', '--scale', String(10000 - 30)], { env, stdio: 'ignore' });
const count = JSON.parse(execFileSync(CLI, ['--db', DB, 'detainee', 'list', '--json'], { env, maxBuffer: 1 << 28 })).length;

// 1. Cold start to the unlock screen: process start until the window is mapped. The window starts hidden and is
//    shown by the UI once its first screen is drawn, so "visible" means "unlock screen rendered".
const toWindow = [];
for (let i = 0; i < RUNS; i++) {
  const t0 = performance.now();
  const log = openSync(join(WORK, `start-${i}.log`), 'w');
  const child = spawn(APP, [], { stdio: ['ignore', log, log], env: { ...process.env } });
  let seen = false;
  while (performance.now() - t0 < 20000) {
    const r = spawnSync('xdotool', ['search', '--onlyvisible', '--name', '^Libertas Dossier$'], { encoding: 'utf8' });
    if (r.stdout.trim()) { seen = true; break; }
    await sleep(10);
  }
  toWindow.push(performance.now() - t0);
  if (!seen) throw new Error(`the window never appeared: ${readFileSync(join(WORK, `start-${i}.log`), 'utf8').slice(-2000)}`);
  child.kill('SIGTERM');
  await new Promise((r) => child.on('exit', r));
  await sleep(300);
}

// 2. Through WebDriver: unlock to dashboard, memory at rest, search round trips.
const toDashboard = [];
let rss = 0;
let rssBreakdown = '';
const search = [];
const rows = [];
for (let i = 0; i < Math.min(RUNS, 3); i++) {
  const browser = await remote({ hostname: '127.0.0.1', port: Number(process.env.E2E_PORT || 4444), logLevel: 'warn', capabilities: { 'tauri:options': { application: APP } } });
  const input = await browser.$('[data-testid="unlock-passphrase"]');
  await input.waitForDisplayed({ timeout: 30000 });
  await input.setValue(PASS);
  const t0 = performance.now();
  await (await browser.$('[data-testid="unlock-submit"]')).click();
  await (await browser.$('[data-testid="dash-total-detainees"]')).waitForDisplayed({ timeout: 30000 });
  toDashboard.push(performance.now() - t0);
  if (i === 0) {
    await sleep(5000); // at rest
    // Every process of the app: the app itself and WebKit's web and network processes (children of it).
    const procs = [];
    for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
      try {
        const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
        if (/libertas-dossier|WebKitWebProcess|WebKitNetworkProcess/.test(cmd) && !/WebKitWebDriver|node /.test(cmd)) {
          const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] || 0);
          procs.push([cmd.split(' ')[0].split('/').pop(), kb]);
        }
      } catch {}
    }
    rss = procs.reduce((a, [, kb]) => a + kb, 0) / 1024;
    rssBreakdown = procs.map(([n, kb]) => `${n} ${(kb / 1024).toFixed(0)} MB`).join(', ');
    // Search round trips from the webview: the command the search box calls, timed in the page.
    const times = await browser.executeAsync((done) => {
      const inv = window.__TAURI_INTERNALS__.invoke;
      const words = ['aram', 'Արամ', 'petros', 'Ани', 'hakob', 'mar', 'grig', 'exemple', 'sargs', 'ani'];
      (async () => {
        const s = [], r = [];
        for (let k = 0; k < 60; k++) {
          const w = words[k % words.length];
          let t = performance.now();
          await inv('search', { text: w });
          s.push(performance.now() - t);
          t = performance.now();
          await inv('detainee_rows', { filter: { category: null, status: null, sponsored: null, query: w }, offset: 0, limit: 100 });
          r.push(performance.now() - t);
        }
        done([s, r]);
      })();
    });
    search.push(...times[0]);
    rows.push(...times[1]);
  }
  await browser.deleteSession();
  await sleep(800);
}

const f = (ms) => `${ms.toFixed(0)} ms`;
console.log(`Libertas Dossier app measurements (${count} detainees; debug build of the shell; Xvfb; this machine)`);
console.log(`  cold start to the unlock screen (window shown after first render): median ${f(median(toWindow))} over ${toWindow.length} runs [${toWindow.map(f).join(', ')}]`);
console.log(`  unlock (key derivation) to the dashboard drawn: median ${f(median(toDashboard))} over ${toDashboard.length} runs [${toDashboard.map(f).join(', ')}]`);
console.log(`  cold start to the dashboard (sum of medians, plus typing time excluded): ${f(median(toWindow) + median(toDashboard))}`);
console.log(`  memory at rest, all processes: ${rss.toFixed(0)} MB RSS (${rssBreakdown})`);
console.log(`  search round trip (IPC 'search', 30 hits): median ${median(search).toFixed(1)} ms, max ${Math.max(...search).toFixed(1)} ms over ${search.length}`);
console.log(`  filtered list page (IPC 'detainee_rows', 100 rows with query): median ${median(rows).toFixed(1)} ms, max ${Math.max(...rows).toFixed(1)} ms over ${rows.length}`);
