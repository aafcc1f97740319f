// Measurements of the real app (not a test: prints figures). Run by `scripts/measure-app`, under the same Xvfb +
// tauri-driver setup as the end-to-end tests. With the sample dossier (30 fictional people) and with 10,000 (the
// sample plus synthetic ones): cold start to the unlock screen and to the dashboard, memory of all the app's
// processes at rest, and (at 10,000) the search round trip through IPC. Medians of several runs.
// APP=/usr/bin/libertas-dossier (or any build) measures that binary; MEASURE_PEOPLE=30,10000 picks the sizes.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { openSync, readFileSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
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

const env = { ...process.env, DOSSIER_PASSPHRASE: PASS };
const cli = (args, opts = {}) => execFileSync(CLI, ['--db', DB, ...args], { env, maxBuffer: 1 << 28, ...opts });

// Builds the dossier the app opens (scripts/e2e points the app at DB): the sample (30 fictional people), or the
// sample plus synthetic people up to `people`.
function buildDossier(people) {
  rmSync(DB, { force: true });
  cli(['init']);
  cli(people > 30 ? ['demo', '--scale', String(people - 30)] : ['demo'], { stdio: 'ignore' });
  return JSON.parse(cli(['detainee', 'list', '--json'])).length;
}

// 1. Cold start to the unlock screen: process start until the window is mapped. The window starts hidden and is
//    shown by the UI once its first screen is drawn, so "visible" means "unlock screen rendered".
async function coldStarts() {
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
  return toWindow;
}

// Memory of every process of the app: the app itself and WebKit's web and network processes. RSS counts the
// shared libraries (WebKit, GTK) once per process; PSS shares them out between the processes that map them, so
// the PSS total is what the app as a whole costs the machine; USS is each process's private memory.
function appMemory() {
  const procs = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (/libertas-dossier|WebKitWebProcess|WebKitNetworkProcess/.test(cmd) && !/WebKitWebDriver|node /.test(cmd)) {
        const roll = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
        const kb = (k) => Number(new RegExp(`^${k}:\\s+(\\d+)`, 'm').exec(roll)?.[1] || 0);
        procs.push({ name: cmd.split(' ')[0].split('/').pop(), rss: kb('Rss'), pss: kb('Pss'), uss: kb('Private_Clean') + kb('Private_Dirty') });
        if (process.env.MEASURE_SMAPS) console.log(largestMappings(pid, cmd.split(' ')[0].split('/').pop()));
      }
    } catch {}
  }
  const mb = (kb) => (kb / 1024).toFixed(0);
  const sum = (k) => procs.reduce((a, p) => a + p[k], 0) / 1024;
  return {
    rss: sum('rss'), pss: sum('pss'), uss: sum('uss'),
    breakdown: procs.map((p) => `${p.name} RSS ${mb(p.rss)} / PSS ${mb(p.pss)} / USS ${mb(p.uss)}`).join('; '),
  };
}

// MEASURE_SMAPS=1: where a process's memory is, its mappings (by file, or the kind of anonymous one) with the
// most PSS. For finding what to cut, not part of the figures.
function largestMappings(pid, name) {
  const by = new Map();
  let current = null;
  for (const line of readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
    const head = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \d+\s*(.*)$/.exec(line);
    if (head) current = head[1] || '[anonymous]';
    const pss = /^Pss:\s+(\d+)/.exec(line);
    if (pss && current) by.set(current, (by.get(current) || 0) + Number(pss[1]));
  }
  const top = [...by].sort((a, b) => b[1] - a[1]).slice(0, 12);
  return `  ${name} (pid ${pid}), largest PSS:\n` + top.map(([k, v]) => `    ${(v / 1024).toFixed(1)} MB  ${k}`).join('\n');
}

// 2. Through WebDriver: unlock to the dashboard drawn, memory at rest on the dashboard, and (withSearch) the search
//    round trips from the webview.
async function sessions(withSearch) {
  const toDashboard = [], search = [], rows = [];
  let memory = null;
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
      memory = appMemory();
      if (withSearch) {
        // The commands the search box and the filtered list call, timed in the page.
        const times = await browser.executeAsync((done) => {
          const inv = window.__TAURI_INTERNALS__.invoke;
          const words = ['aram', 'Արամ', 'orinak', 'Ани', 'nmush', 'mar', 'pordz', 'exemple', 'heqia', 'ani'];
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
    }
    await browser.deleteSession();
    await sleep(800);
  }
  return { toDashboard, memory, search, rows };
}

// 3. As a user starts it, without WebDriver (whose automation session lives in the app's processes too): the app
//    started by itself, the passphrase typed on the X keyboard, the dossier open (the app holds the file), then
//    memory at rest on the dashboard after 5 s and after 30 s.
async function byHand() {
  const log = openSync(join(WORK, 'by-hand.log'), 'w');
  const child = spawn(APP, [], { stdio: ['ignore', log, log], env: { ...process.env } });
  try {
    let win = '';
    for (const t0 = performance.now(); !win && performance.now() - t0 < 20000; await sleep(50)) {
      win = spawnSync('xdotool', ['search', '--onlyvisible', '--name', '^Libertas Dossier$'], { encoding: 'utf8' }).stdout.trim().split('\n')[0];
    }
    if (!win) throw new Error(`the window never appeared: ${readFileSync(join(WORK, 'by-hand.log'), 'utf8').slice(-2000)}`);
    spawnSync('xdotool', ['windowfocus', '--sync', win]);
    await sleep(1500); // the unlock screen focuses its field once drawn
    spawnSync('xdotool', ['type', '--delay', '15', PASS]);
    spawnSync('xdotool', ['key', 'Return']);
    const holdsDossier = () => {
      try {
        return readdirSync(`/proc/${child.pid}/fd`).some((fd) => {
          try {
            return readlinkSync(`/proc/${child.pid}/fd/${fd}`) === DB;
          } catch {
            return false;
          }
        });
      } catch {
        return false;
      }
    };
    for (const t0 = performance.now(); !holdsDossier(); await sleep(50)) {
      if (performance.now() - t0 > 30000) throw new Error('the dossier was not opened: the typed passphrase did not unlock it');
    }
    await sleep(5000);
    const after5 = appMemory();
    await sleep(25000);
    return { after5, after30: appMemory() };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.on('exit', r));
    await sleep(500);
  }
}

const results = [];
for (const people of (process.env.MEASURE_PEOPLE || '30,10000').split(',').map(Number)) {
  console.error(`== a fictional dossier of ${people} people`);
  const count = buildDossier(people);
  const toWindow = await coldStarts();
  results.push({ count, toWindow, ...(await sessions(people >= 1000)), byHand: await byHand() });
}

const f = (ms) => `${ms.toFixed(0)} ms`;
const list = (xs) => `[${xs.map(f).join(', ')}]`;
console.log(`Libertas Dossier app measurements (${APP}; Xvfb; this machine)`);
for (const r of results) {
  console.log(`${r.count} detainees:`);
  console.log(`  cold start to the unlock screen (window shown after first render): median ${f(median(r.toWindow))} over ${r.toWindow.length} runs ${list(r.toWindow)}`);
  console.log(`  unlock (key derivation) to the dashboard drawn: median ${f(median(r.toDashboard))} over ${r.toDashboard.length} runs ${list(r.toDashboard)}`);
  console.log(`  cold start to the dashboard (sum of the two medians; typing the passphrase excluded): ${f(median(r.toWindow) + median(r.toDashboard))}`);
  const mem = (m) => `PSS ${m.pss.toFixed(0)} MB, RSS ${m.rss.toFixed(0)} MB, USS ${m.uss.toFixed(0)} MB (${m.breakdown}; MB)`;
  console.log(`  memory at rest on the dashboard, all processes, under WebDriver, 5 s: ${mem(r.memory)}`);
  console.log(`  memory at rest on the dashboard, started and unlocked by hand (X keyboard), 5 s: ${mem(r.byHand.after5)}`);
  console.log(`  memory at rest on the dashboard, started and unlocked by hand (X keyboard), 30 s: ${mem(r.byHand.after30)}`);
  if (r.search.length) {
    console.log(`  search round trip (IPC 'search', 30 hits): median ${median(r.search).toFixed(1)} ms, max ${Math.max(...r.search).toFixed(1)} ms over ${r.search.length}`);
    console.log(`  filtered list page (IPC 'detainee_rows', 100 rows with query): median ${median(r.rows).toFixed(1)} ms, max ${Math.max(...r.rows).toFixed(1)} ms over ${r.rows.length}`);
  }
}
