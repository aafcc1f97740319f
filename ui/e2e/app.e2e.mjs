// End-to-end: the real app binary in WebKitGTK under Xvfb, driven through tauri-driver. Run by `scripts/e2e`,
// which sets APP, E2E_WORK (a fresh folder), E2E_SHOTS (screenshots) and E2E_FIXTURES. All data is fictional.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { remote } from 'webdriverio';

const APP = process.env.APP;
const CLI = process.env.DOSSIER_CLI;
const ROOT = new URL('../..', import.meta.url).pathname;
const WORK = process.env.E2E_WORK;
const SHOTS = process.env.E2E_SHOTS;
const PASS = 'phrase secrète de test (fictive)';
const NAME = 'Aram Exemple-Test';
const NAME_HY = 'Արամ Օրինակ';
const CITY = "Ville-d'Essai (fictive)";
assert.ok(APP && CLI && WORK && SHOTS, 'run through scripts/e2e');

/** @type {WebdriverIO.Browser} */
let browser;

async function start(args = []) {
  browser = await remote({
    hostname: '127.0.0.1',
    port: Number(process.env.E2E_PORT || 4444),
    logLevel: 'warn',
    connectionRetryCount: 0,
    capabilities: { 'tauri:options': { application: APP, args } },
  });
  await browser.setTimeout({ implicit: 0 });
}

async function stop() {
  if (browser) await browser.deleteSession().catch(() => {});
  browser = undefined;
  // Let the app process exit and release the dossier.
  await new Promise((r) => setTimeout(r, 800));
}

const tid = (id) => `[data-testid="${id}"]`;

async function el(selector, timeout = 15000) {
  const e = await browser.$(selector);
  await e.waitForDisplayed({ timeout, timeoutMsg: `${selector} not displayed after ${timeout} ms` });
  return e;
}

async function click(selector) {
  const e = await el(selector);
  try {
    await e.click();
  } catch (err) {
    if (!String(err).includes('intercepted')) throw err;
    // Something covers the element (a toast, an overlay): say what, and take a picture.
    const cover = await browser.execute((sel) => {
      const t = document.querySelector(sel);
      if (!t) return 'gone';
      const r = t.getBoundingClientRect();
      const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return `${r.left},${r.top},${r.width}x${r.height} covered by ${top ? top.outerHTML.slice(0, 200) : 'nothing'} scrollY=${window.scrollY}`;
    }, selector);
    await shot(`intercepted-${selector.replace(/[^a-z0-9-]/gi, '')}`);
    throw new Error(`click on ${selector} intercepted: ${cover}`);
  }
}

async function type(selector, text) {
  const e = await el(selector);
  await e.clearValue();
  await e.setValue(text);
}

async function shot(name) {
  mkdirSync(SHOTS, { recursive: true });
  await browser.pause(500);
  // The whole X screen (the app's window as a user sees it), not WebDriver's capture of the page.
  execFileSync('import', ['-window', 'root', join(SHOTS, `${name}.png`)]);
}

async function nav(screen) {
  await click(`[data-screen="${screen}"]`);
}

/**
 * Answers the native GTK file dialog that the app opens (it is not part of the webview): types the path into its
 * location field with xdotool, as a user would, and confirms.
 */
let dialogShots = 0;
function dialogWindow() {
  const r = spawnSync('xdotool', ['search', '--onlyvisible', '--class', 'libertas-dossier'], { encoding: 'utf8' });
  // The dialog is the newest visible top-level window of the app besides the main one.
  const ids = r.stdout.split('\n').filter(Boolean);
  return ids.length >= 2 ? ids[ids.length - 1] : '';
}

async function answerFileDialog(path, { folder = false } = {}) {
  const deadline = Date.now() + 15000;
  let win = '';
  while (Date.now() < deadline && !(win = dialogWindow())) await new Promise((r) => setTimeout(r, 250));
  assert.ok(win, 'the native file dialog opened');
  spawnSync('xdotool', ['windowfocus', '--sync', win]);
  await new Promise((r) => setTimeout(r, 500));
  spawnSync('xdotool', ['key', '--clearmodifiers', 'ctrl+l']);
  await new Promise((r) => setTimeout(r, 300));
  // A save dialog proposes a file name with only its stem selected: replace all of it.
  spawnSync('xdotool', ['key', '--clearmodifiers', 'ctrl+a']);
  await new Promise((r) => setTimeout(r, 200));
  spawnSync('xdotool', ['type', '--delay', '20', path]);
  await new Promise((r) => setTimeout(r, 300));
  // A folder's name gets its final slash completed (selected): removed, so that Return chooses the folder typed
  // rather than opening it.
  if (folder) {
    spawnSync('xdotool', ['key', '--clearmodifiers', 'Delete']);
    await new Promise((r) => setTimeout(r, 200));
  }
  dialogShots += 1;
  execFileSync('import', ['-window', 'root', join(SHOTS, `dialog-${dialogShots}.png`)]);
  spawnSync('xdotool', ['key', 'Return']);
  if (folder) {
    // Still open (it opened the folder instead): Return with nothing typed chooses the folder shown.
    await new Promise((r) => setTimeout(r, 1000));
    if (dialogWindow() === win) {
      dialogShots += 1;
      execFileSync('import', ['-window', 'root', join(SHOTS, `dialog-${dialogShots}.png`)]);
      spawnSync('xdotool', ['windowfocus', '--sync', win]);
      spawnSync('xdotool', ['key', 'Return']);
    }
  }
}

function pdftext(path) {
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
}

const nav2 = (screen) => click(tid(`nav-${screen}`));

/** Opens the one detainee the Detainees screen finds for `search`: waits until the list shows that person alone,
 *  not the rows of an earlier search still on screen (the search is debounced, and a click on the screen already
 *  shown keeps its list). */
async function openDetainee(search) {
  await nav2('detainees');
  await type(tid('detainee-search'), search);
  const found = async () => {
    const rows = await browser.$$(tid('detainee-row'));
    if (rows.length !== 1) return false;
    const text = await browser.execute((e) => e.textContent, rows[0]);
    return text.toLowerCase().includes(search.toLowerCase());
  };
  await browser.waitUntil(found, { timeout: 10000, timeoutMsg: `the list shows one detainee for “${search}”` });
  await click(tid('detainee-row'));
}

before(async () => {
  // Fictional pictures made on the spot: a portrait-shaped photo and a square logo.
  execFileSync('convert', ['-size', '1200x1600', 'gradient:#8aa4c8-#2d3e55', '-fill', '#f0d9b5', '-draw', 'ellipse 600,620 260,330 0,360', join(WORK, 'portrait.jpg')]);
  execFileSync('convert', ['-size', '600x600', 'xc:white', '-fill', '#1f6f3f', '-draw', 'circle 300,300 300,60', 'PNG24:' + join(WORK, 'logo.png')]);
  await start();
});

after(async () => {
  await stop();
});

test('first run: create a dossier with a passphrase typed twice', async () => {
  await el(tid('firstrun-passphrase'), 30000);
  await shot('01-first-run');
  await type(tid('firstrun-passphrase'), PASS);
  await type(tid('firstrun-confirm'), PASS);
  await click(tid('firstrun-ack'));
  await click(tid('firstrun-create'));
  await el(tid('dashboard'), 30000);
  assert.ok(existsSync(join(WORK, 'e2e.dossier')), 'the dossier file was created where the app said');
  await shot('02-dashboard-empty');
});

test("the collective's profile is filled in (documents need it)", async () => {
  await nav2('settings');
  await type(tid('settings-profile-name'), 'Collectif Libertas (essai fictif)');
  await click(tid('settings-save-profile'));
  await browser.pause(800);
  await shot('03-settings');
});

test('add a detainee with an Armenian-script name, consent and a photo', async () => {
  await nav2('detainees');
  await click(tid('detainee-new'));
  await type(tid('detainee-form-name'), NAME);
  await type(tid('detainee-form-name-hy'), NAME_HY);
  const cat = await el(tid('detainee-form-category'));
  await cat.selectByAttribute('value', 'pow');
  await click(tid('detainee-form-save'));
  const h = await el(tid('record-name'), 20000);
  assert.equal(await h.getText(), NAME);
  // Publication consent for the name, the Armenian name and the situation.
  for (const item of ['name', 'name_hy']) {
    await click(`tr[data-item="${item}"] input[type="checkbox"]`);
    const s = await el(`#consent-${item}`);
    await s.selectByAttribute('value', 'given');
  }
  await click(tid('consent-save'));
  await browser.pause(800);
  await click(tid('record-photo-import'));
  await answerFileDialog(join(WORK, 'portrait.jpg'));
  await el(tid('record-photo'), 20000);
  await shot('04-detainee-record');
});

test('the list finds the person by an Armenian prefix', async () => {
  await nav2('detainees');
  await type(tid('detainee-search'), 'Արամ');
  await browser.waitUntil(async () => (await browser.$$(tid('detainee-row'))).length === 1, { timeout: 10000, timeoutMsg: 'one row for the Armenian prefix' });
  const row = await el(tid('detainee-row'));
  assert.match(await browser.execute((e) => e.textContent, row), /Aram Exemple-Test/);
  await shot('05-detainees-list');
});

test('add a city sponsor with a logo', async () => {
  await nav2('sponsors');
  await click(tid('sponsor-new'));
  await type(tid('sponsor-form-name'), CITY);
  await (await el(tid('sponsor-form-kind'))).selectByAttribute('value', 'city');
  await type(tid('sponsor-form-city'), 'Essai');
  await click(tid('sponsor-form-save'));
  await click(tid('sponsor-logo-import'));
  await answerFileDialog(join(WORK, 'logo.png'));
  await browser.waitUntil(async () => (await browser.$$('img[src*="media"]')).length > 0, { timeout: 15000, timeoutMsg: 'the logo appears' });
  await shot('06-sponsor');
});

test('create a sponsorship with commitments', async () => {
  await nav2('sponsorships');
  await click(tid('sponsorship-new'));
  const sp = await el(tid('sponsorship-form-sponsor'));
  await browser.waitUntil(async () => (await sp.$$('option')).length > 1, { timeout: 10000, timeoutMsg: 'sponsors listed' });
  const labels = await browser.execute((s) => [...s.options].map((o) => o.textContent), sp);
  const index = labels.findIndex((l) => l.includes('Essai'));
  assert.ok(index > 0, `the new sponsor is offered: ${labels.join(' | ')}`);
  await sp.selectByIndex(index);
  await type(tid('sponsorship-form-detainee-search'), 'aram');
  await click(tid('detainee-hit'));
  await (await el(tid('sponsorship-form-stage'))).selectByAttribute('value', 'signed');
  for (const k of ['logo', 'banner', 'public-signing']) await click(tid(`commitment-${k}`));
  await click(tid('sponsorship-form-save'));
  await browser.pause(1000);
  await nav2('sponsorships');
  await el(tid('sponsorship-card'), 15000);
  await shot('07-sponsorship-board');
});

/** `pick`: the id of a select whose first real option is chosen, or `{ search }`: a detainee found by search. */
async function generateAndSave(kind, pick, file) {
  await nav2('documents');
  await (await el(tid('doc-kind'))).selectByAttribute('value', kind);
  if (typeof pick === 'string') {
    const s = await el(tid(pick));
    await browser.waitUntil(async () => (await s.$$('option')).length > 1, { timeout: 10000 });
    await s.selectByIndex(1);
  } else if (pick) {
    await type(tid('doc-detainee-search'), pick.search);
    await click(tid('detainee-hit'));
  }
  await browser.execute(() => {
    window.__errs = [];
    for (const k of ['error', 'warn']) {
      const orig = console[k];
      console[k] = (...a) => (window.__errs.push(`${k} ${a.map(String).join(' ')}`), orig(...a));
    }
    window.addEventListener('error', (e) => window.__errs.push(`onerror ${e.message}`));
    window.addEventListener('unhandledrejection', (e) => window.__errs.push(`rejection ${e.reason?.stack || e.reason}`));
  });
  await click(tid('doc-generate'));
  await el(tid('doc-pages'), 30000);
  await el(tid('doc-preview'), 30000);
  // The in-app preview (pdf.js in WebKitGTK) really draws the first page: ink on a white canvas.
  // Pages are drawn as they scroll into view (a banner's preview sits below its preflight report).
  await (await browser.$(`${tid('doc-preview')} canvas`)).scrollIntoView();
  let canvas;
  try {
    canvas = await el(`${tid('doc-preview')} canvas[data-rendered]`, 30000);
  } catch (e) {
    const dump = await browser.execute(() => JSON.stringify({ errs: window.__errs, html: document.querySelector('[data-testid="doc-preview"]')?.outerHTML.slice(0, 3000) }));
    await shot(`08-document-${kind}-FAILED`);
    throw new Error(`${e.message}\n${dump}`);
  }
  const ink = await browser.execute((c) => {
    const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 0 && data[i] + data[i + 1] + data[i + 2] < 600) n++;
    return n;
  }, canvas);
  assert.ok(ink > 500, `the ${kind} preview shows the page (${ink} dark pixels)`);
  await shot(`08-document-${kind}`);
  await click(tid('doc-save'));
  await answerFileDialog(file);
  await browser.waitUntil(() => existsSync(file) && statSync(file).size > 1000, { timeout: 20000, timeoutMsg: `${file} written` });
}

test('generate the agreement and the banner, and read the names back from the PDFs', async () => {
  const agreement = join(WORK, 'convention.pdf');
  await generateAndSave('agreement', 'doc-sponsorship', agreement);
  const a = pdftext(agreement);
  assert.match(a, /Aram Exemple-Test/, 'the detainee is named in the agreement');
  assert.match(a, /Ville-d.Essai/, 'the sponsor is named in the agreement');
  const banner = join(WORK, 'kakemono.pdf');
  await generateAndSave('banner', { search: 'aram' }, banner);
  const b = pdftext(banner);
  assert.match(b, /Aram Exemple-Test|ARAM EXEMPLE-TEST/i, 'the banner names the detainee');
  assert.match(b, new RegExp(NAME_HY), 'the banner carries the Armenian name');
});

test('a social-media card is previewed at its exact size and saved as a PNG without metadata', async () => {
  await nav2('documents');
  await (await el(tid('doc-kind'))).selectByAttribute('value', 'card');
  // The banner's detainee is still chosen on this screen; otherwise found by search.
  if (await (await browser.$(tid('doc-detainee-search'))).isDisplayed()) {
    await type(tid('doc-detainee-search'), 'aram');
    await click(tid('detainee-hit'));
  }
  await (await el(tid('doc-card-format'))).selectByAttribute('value', 'portrait');
  await click(tid('doc-generate'));
  const img = await el(tid('card-preview'), 30000);
  await browser.waitUntil(() => browser.execute((i) => i.complete && i.naturalWidth > 0, img), { timeout: 15000, timeoutMsg: 'the card is drawn' });
  const size = await browser.execute((i) => [i.naturalWidth, i.naturalHeight], img);
  assert.deepEqual(size, [1080, 1350], 'the preview is the PNG at the portrait size');
  await shot('08-document-card');
  const file = join(WORK, 'carte.png');
  await click(tid('card-save'));
  await answerFileDialog(file);
  await browser.waitUntil(() => existsSync(file) && statSync(file).size > 1000, { timeout: 20000, timeoutMsg: `${file} written` });
  const png = readFileSync(file);
  assert.equal(png.readUInt32BE(16), 1080, 'saved at 1080 px wide');
  assert.equal(png.readUInt32BE(20), 1350, 'and 1350 px tall');
  assert.ok(!png.includes('eXIf') && !png.includes('tEXt') && !png.includes('iTXt'), 'no metadata chunk');
});

test('the ceremony kit: refused without a ceremony date and place, then written from the sponsorship page into a chosen folder', async () => {
  await nav2('sponsorships');
  await click(`${tid('sponsorship-card')} button`);
  // The folder exists before the dialog opens (GTK lists a folder as it was when the dialog opened).
  const dir = join(WORK, 'kit');
  mkdirSync(dir, { recursive: true });
  await click(tid('ceremony-kit-start'));
  await answerFileDialog(dir, { folder: true });
  const refusal = await el(tid('ceremony-kit-error'), 30000);
  assert.match(await refusal.getText(), /date/, 'the refusal names what is missing');
  assert.deepEqual(readdirSync(dir), [], 'nothing written');
  await type(tid('sponsorship-ceremony-date'), '2030-06-01');
  await type(tid('sponsorship-ceremony-place'), 'Mairie de Ville-d’Essai (fictive)');
  await click(tid('sponsorship-save'));
  await browser.waitUntil(async () => !(await (await browser.$(tid('ceremony-kit-start'))).getAttribute('disabled')), { timeout: 10000, timeoutMsg: 'saved' });
  await click(tid('ceremony-kit-start'));
  await answerFileDialog(dir, { folder: true });
  await el(tid('ceremony-kit-done'), 60000);
  await shot('09-ceremony-kit');
  const files = readdirSync(dir);
  assert.equal(files.filter((f) => f.endsWith('.pdf')).length, 6, `two agreement copies, banner, fact sheet, press release, checklist: ${files}`);
  assert.equal(files.filter((f) => f.endsWith('.png')).length, 1, `the square card: ${files}`);
  const agreement = files.find((f) => /exemplaire-1\.pdf$/.test(f));
  assert.ok(agreement, `a first copy of the agreement: ${files}`);
  assert.match(pdftext(join(dir, agreement)), /Aram Exemple-Test/);
  // The press release draft is a record the user can edit.
  await click(tid('ceremony-kit-release'));
  await browser.waitUntil(async () => (await browser.getUrl()).includes('press') || (await browser.$(tid('press-title')).isExisting()), { timeout: 10000, timeoutMsg: 'the draft opens' });
  await shot('09-ceremony-kit-release');
});

test('closing the window with unsaved edits asks first; then it quits and leaves a verified, encrypted backup', async () => {
  const dir = join(WORK, 'e2e.dossier.backups');
  const backups = () => (existsSync(dir) ? readdirSync(dir).filter((f) => /^backup-.*\.dossier$/.test(f)) : []);
  assert.deepEqual(backups(), [], 'no backup before quitting');
  // Closes the window as the user does (the window manager's close button: WM_DELETE_WINDOW). WebDriver's own
  // "close window" is no use here: the driver kills the app as soon as its last window goes.
  // The app's visible windows, with their titles (for the failure messages).
  const appWindows = () =>
    spawnSync('xdotool', ['search', '--onlyvisible', '--class', 'libertas-dossier'], { encoding: 'utf8' })
      .stdout.split('\n')
      .filter(Boolean)
      .map((id) => `${id} «${spawnSync('xdotool', ['getwindowname', id], { encoding: 'utf8' }).stdout.trim()}»`);
  const closeWindow = async () => {
    // GTK ignores a close request while a modal window of the app holds the input (a file dialog of an earlier
    // test still closing), as it should: first the main window must be the only one left.
    await browser.waitUntil(async () => appWindows().length === 1, { timeout: 10000, interval: 200, timeoutMsg: `other windows open: ${appWindows()}` });
    const wins = spawnSync('xdotool', ['search', '--onlyvisible', '--name', '^Libertas Dossier$'], { encoding: 'utf8' }).stdout.trim().split('\n');
    const closed = spawnSync(join(ROOT, 'scripts/x11-close-window'), wins, { encoding: 'utf8' });
    assert.equal(closed.status, 0, `x11-close-window: ${closed.stderr}`);
  };
  // Counts the shell's `close-requested` events in the page, to tell on failure which side lost a close request.
  await browser.execute(() => {
    const w = /** @type {any} */ (window);
    w.__closeRequests = 0;
    const handler = w.__TAURI_INTERNALS__.transformCallback(() => w.__closeRequests++);
    return w.__TAURI_INTERNALS__.invoke('plugin:event|listen', { event: 'close-requested', target: { kind: 'Any' }, handler });
  });
  const asked = async () => {
    try {
      await el(tid('unsaved-message'), 10000);
    } catch (e) {
      await shot('08-close-not-asked');
      const seen = await browser.execute(() => /** @type {any} */ (window).__closeRequests);
      throw new Error(`no question 10 s after the close request (close-requested events in the page: ${seen}; windows: ${appWindows().join(', ')}): ${e.message}`);
    }
  };
  const DRAFT = 'Brouillon non enregistré (essai)';
  await openDetainee('exemple-test');
  await type(tid('detainee-form-role'), DRAFT);
  // The page shows the edit as unsaved (the keys have reached it) before the window is closed.
  await el('.dirty');
  await closeWindow();
  await asked();
  await shot('08-close-asks-about-unsaved-edits');
  await click(tid('unsaved-stay'));
  await browser.pause(1500);
  assert.deepEqual(backups(), [], 'staying keeps the app open: no closing backup');
  assert.equal(await (await el(tid('detainee-form-role'))).getValue(), DRAFT, 'the edit is still there');
  await closeWindow();
  await asked();
  await click(tid('unsaved-discard'));
  await browser.waitUntil(async () => backups().length === 1, { timeout: 30000, interval: 200, timeoutMsg: `no backup in ${dir}` });
  const file = join(dir, backups()[0]);
  // Written in full before the app exits; wait until its size settles, then check it as a user would.
  let size = -1;
  await browser.waitUntil(async () => size === (size = statSync(file).size), { timeout: 10000, interval: 300 });
  assert.ok(!readFileSync(file).includes(Buffer.from('SQLite format 3')), 'the backup is encrypted');
  const out = execFileSync(CLI, ['--db', file, 'check'], { env: { ...process.env, DOSSIER_PASSPHRASE: PASS }, encoding: 'utf8' });
  assert.match(out, /ok|intègre|intact/i, `dossier check on the backup: ${out}`);
  const people = JSON.parse(execFileSync(CLI, ['--db', file, 'detainee', 'list', '--json'], { env: { ...process.env, DOSSIER_PASSPHRASE: PASS }, encoding: 'utf8' }));
  assert.ok(people.some((p) => p.name === NAME), 'the backup holds the detainee added in this run');
});

test('quit, restart, a wrong passphrase is refused, the right one finds everything', async () => {
  await stop();
  await start();
  await el(tid('unlock-passphrase'), 30000);
  await shot('09-unlock');
  await type(tid('unlock-passphrase'), 'not the passphrase');
  await click(tid('unlock-submit'));
  const err = await el(tid('unlock-error'), 15000);
  assert.match(await err.getText(), /phrase secrète|passphrase/i);
  await shot('10-unlock-wrong');
  await type(tid('unlock-passphrase'), PASS);
  await click(tid('unlock-submit'));
  await el(tid('dashboard'), 30000);
  await shot('11-dashboard');
  await openDetainee('exemple-test');
  assert.equal(await (await el(tid('record-name'))).getText(), NAME);
  await el(tid('record-photo'));
  await nav2('sponsorships');
  await el(tid('sponsorship-card'));
  await nav2('templates');
  // The editor (CodeMirror, loaded on demand from the app's own files) opens on the chosen template.
  await click(tid('template-item'));
  await el(`${tid('template-editor')}`, 15000);
  assert.match(await browser.execute(() => document.querySelector('.cm-content')?.textContent ?? ''), /\S/, 'the template source is in the editor');
  await shot('12-templates');
  await nav2('press');
  await shot('13-press');
});


const LEVON = 'Lévon Essai-Fictif';

test('import from the File menu: a French semicolon CSV with a possible duplicate: dry run shown in words, merge chosen for that row, rows applied, list redrawn', async () => {
  // French Excel's "CSV (séparateur : point-virgule)": Windows-1252 (latin1 covers these letters), CRLF. The first
  // row is the person added earlier, name words swapped: a possible duplicate of that record.
  const file = join(WORK, 'import-fr.csv');
  const rows = ['Nom;Catégorie;Date de naissance;Lieu de naissance', 'Exemple-Test Aram;prisonnier de guerre;;Goris (fictif)', `${LEVON};civil;01/02/1990;Erevan (fictif)`];
  writeFileSync(file, Buffer.from(rows.join('\r\n') + '\r\n', 'latin1'));
  await nav2('detainees');
  await el(tid('detainee-row'), 20000);
  // The names the list shows, read from the page (WebDriver's text of the virtual list leaves them out).
  const rowNames = () => browser.execute(() => [...document.querySelectorAll('[data-testid="detainee-row"]')].map((r) => r.textContent).join('\n'));
  assert.ok((await rowNames()).includes(NAME) && !(await rowNames()).includes(LEVON), 'the list before the import');
  await click(tid('file-menu'));
  await el(tid('file-menu-import-detainees'));
  await shot('16b-file-menu');
  await click(tid('file-menu-import-detainees'));
  await click(tid('import-choose-file'));
  await answerFileDialog(file);
  await el(tid('import-report'), 20000);
  assert.equal(await (await el(tid('import-csv-format'))).getText(), 'Lu comme : Windows-1252, séparateur point-virgule', 'how the file was read, in words');
  const dup = await el(tid('import-duplicate'));
  const dupText = await dup.getText();
  assert.match(dupText, /Goris \(fictif\)/, 'the row is shown');
  assert.match(dupText, new RegExp(`Fiche existante\\s:\\s${NAME}`), 'beside the existing record');
  assert.match(dupText, /Prisonnier de guerre/, "the existing record's category in words");
  assert.ok(!/\bpow\b/.test(dupText), `no slug: ${dupText}`);
  assert.equal(await (await el(tid('import-apply'))).isEnabled(), false, 'an undecided duplicate blocks the import');
  await shot('17-import-dry-run');
  await (await el(tid('import-choice'))).selectByIndex(1); // "Fusionner dans « Aram Exemple-Test »"
  await browser.waitUntil(async () => (await browser.$(tid('import-apply'))).isEnabled(), { timeout: 15000, timeoutMsg: 'the import can go ahead once decided' });
  assert.match(await (await el(tid('import-summary'))).getText(), /1 fiche créée.*1 fusionnée/);
  await shot('18-import-decided');
  await click(tid('import-apply'));
  const done = await el(tid('import-done'), 30000);
  assert.match(await done.getText(), /2 fiches écrites/);
  await shot('19-import-done');
  await click(tid('import-close'));
  await browser.waitUntil(async () => (await rowNames()).includes(LEVON), { timeout: 15000, timeoutMsg: 'the list behind the wizard is drawn again with the imported person' });
  await shot('19b-list-after-import');
  // Read back with the command line (the app keeps the dossier open; a second reader is fine).
  const people = JSON.parse(cli(join(WORK, 'e2e.dossier'), ['detainee', 'list', '--json']));
  assert.equal(people.filter((p) => p.name === NAME).length, 1, 'merged, not doubled');
  assert.equal(people.find((p) => p.name === NAME).birth_place, 'Goris (fictif)', 'the empty field was filled from the row');
  assert.ok(people.some((p) => p.name === LEVON), 'the new person was created');
  rmSync(file);
});

test('export: the detainees as a French CSV, saved through the dialog and read back, without the notes', async () => {
  const file = join(WORK, 'export-detenus.csv');
  await nav2('detainees');
  await click(tid('detainee-export'));
  await click(tid('export-format-csv'));
  assert.match(await (await el(tid('export-warning'))).getText(), /pas chiffré/);
  await shot('20-export-dialog');
  await click(tid('export-start'));
  await answerFileDialog(file);
  await el(tid('export-done'), 30000);
  await shot('21-export-done');
  await click(tid('export-close'));
  const bytes = readFileSync(file);
  assert.ok(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), 'UTF-8 with a BOM');
  const lines = bytes.subarray(3).toString('utf8').split('\r\n');
  const header = lines[0].split(';');
  assert.equal(header[0], 'id');
  assert.ok(!header.includes('notes'), `no notes column unless ticked: ${lines[0]}`);
  assert.ok(lines.some((l) => l.includes(LEVON)), 'the imported person is exported');
  // The export the user asked for holds names in plaintext: removed so the last test checks what the app wrote.
  rmSync(file);
});

test('restore: an automatic backup is verified, restored with its passphrase, the app reopens on it; the current dossier is set aside', async () => {
  await nav2('settings');
  const row = await el(tid('backup-row'), 20000);
  await (await row.$(tid('backup-verify'))).click();
  await el(tid('backup-verified'), 20000);
  await (await el(tid('backup-list'))).scrollIntoView();
  await shot('22-backups');
  await (await row.$(tid('backup-restore'))).click();
  await type(tid('backup-restore-passphrase'), 'not the passphrase');
  await click(tid('backup-restore-confirm'));
  await browser.waitUntil(async () => /phrase secrète|passphrase/i.test(await (await el(tid('backup-restore-dialog'))).getText()), { timeout: 15000, timeoutMsg: 'a wrong passphrase is refused' });
  assert.equal((await browser.$$(tid('unlock-passphrase'))).length, 0, 'nothing changed: still open');
  await shot('23-restore-wrong-passphrase');
  await type(tid('backup-restore-passphrase'), PASS);
  await click(tid('backup-restore-confirm'));
  await el(tid('unlock-passphrase'), 30000);
  await shot('24-restored-unlock');
  const aside = readdirSync(WORK).filter((f) => /^e2e\.dossier\.before-restore-/.test(f));
  assert.equal(aside.length, 1, `the current dossier was set aside: ${readdirSync(WORK).join(', ')}`);
  await type(tid('unlock-passphrase'), PASS);
  await click(tid('unlock-submit'));
  await el(tid('dashboard'), 30000);
  const people = JSON.parse(cli(join(WORK, 'e2e.dossier'), ['detainee', 'list', '--json']));
  assert.ok(people.some((p) => p.name === NAME), 'the restored dossier holds what the backup held');
  assert.ok(!people.some((p) => p.name === LEVON), 'and not what was imported after it');
  const before = JSON.parse(cli(join(WORK, aside[0]), ['detainee', 'list', '--json']));
  assert.ok(before.some((p) => p.name === LEVON), 'the set-aside dossier still holds everything');
});

// The webview is untrusted: every command that takes arguments is called from the page with hostile ones (wrong
// types, huge numbers and strings, paths, script). Each must be refused with {code, message}; none may crash the
// app, which must still answer afterwards. Commands without arguments have nothing hostile to receive.
test('every command refuses hostile arguments and the app survives', async () => {
  const source = (await import('node:fs')).readFileSync(new URL('../src/lib/generated/commands.ts', import.meta.url), 'utf8');
  const commands = [...source.matchAll(/invoke\("(\w+)", \{ ([^}]*) \}\)/g)].map((m) => [m[1], m[2].split(', ')]);
  assert.ok(commands.length > 30, `commands with arguments found: ${commands.length}`);
  const XSS = '<img src=x onerror="document.title=\'pwned\'">';
  // Plain data (the page's CSP forbids eval); `{ big: n }` becomes a string of n characters in the page.
  const hostile = [42, { nested: { deeper: [1, 2, 3] } }, '../../../../etc/passwd', XSS, { big: 2_000_000 }, -1, 1e300, null];
  const results = await browser.executeAsync(
    (commands, values, done) => {
      const make = (v) => (v && typeof v === 'object' && 'big' in v ? 'x'.repeat(v.big) : v);
      const inv = window.__TAURI_INTERNALS__.invoke;
      (async () => {
        const out = [];
        for (const [cmd, keys] of commands) {
          for (const v of values) {
            const args = Object.fromEntries(keys.map((k) => [k, make(v)]));
            try {
              await inv(cmd, args);
              out.push([cmd, 'accepted', JSON.stringify(v).slice(0, 40)]);
            } catch (e) {
              const ok = e && typeof e === 'object' ? typeof e.code === 'string' && typeof e.message === 'string' : typeof e === 'string';
              out.push([cmd, ok ? 'refused' : 'bad-error', JSON.stringify(e).slice(0, 120)]);
            }
          }
        }
        done(out);
      })();
    },
    commands,
    hostile,
  );
  const accepted = results.filter(([, r]) => r === 'accepted');
  const badErrors = results.filter(([, r]) => r === 'bad-error');
  assert.deepEqual(badErrors, [], 'every refusal is a string or a {code, message}');
  // Some values are legitimately acceptable (null for an optional filter, a number for a page offset); none of
  // those may have done harm, which the checks below show. List them for the record.
  console.log(`hostile calls: ${results.length}, refused ${results.length - accepted.length}, accepted ${accepted.length}: ${[...new Set(accepted.map((a) => a[0]))].join(', ')}`);
  assert.ok(results.length - accepted.length > results.length * 0.8, 'most hostile calls are refused');
  const info = await browser.executeAsync((done) => window.__TAURI_INTERNALS__.invoke('app_info').then(done, done));
  assert.equal(info.unlocked, true, 'the app still answers and the dossier is still open');
  assert.notEqual(await browser.getTitle(), 'pwned', 'no script ran');
});

test('user text is shown as text, never as HTML', async () => {
  const XSS = '<img src=x onerror="document.title=\'pwned\'">Eve (fictive)';
  await nav2('detainees');
  await click(tid('detainee-new'));
  await type(tid('detainee-form-name'), XSS);
  await (await el(tid('detainee-form-category'))).selectByAttribute('value', 'civilian');
  await click(tid('detainee-form-save'));
  const h = await el(tid('record-name'), 20000);
  assert.equal(await h.getText(), XSS, 'the name appears literally');
  assert.equal((await browser.$$('img[src="x"]')).length, 0, 'no element was made from user text');
  assert.notEqual(await browser.getTitle(), 'pwned');
  await shot('14-text-as-text');
});

test('a deletion is undone from its confirmation, and later from the bin', async () => {
  const GONE = 'Vardan Corbeille-Test (fictif)';
  await nav2('detainees');
  await click(tid('detainee-new'));
  await type(tid('detainee-form-name'), GONE);
  await (await el(tid('detainee-form-category'))).selectByAttribute('value', 'civilian');
  await click(tid('detainee-form-save'));
  assert.equal(await (await el(tid('record-name'), 20000)).getText(), GONE);
  // Deleting asks a second click, then says so with "Annuler", which brings the record back at once.
  await click(tid('detainee-delete'));
  await click(tid('detainee-delete'));
  const undo = await el(tid('toast-action'), 15000);
  assert.equal(await undo.getText(), 'Annuler');
  await shot('17-deleted-with-undo');
  await undo.click();
  await browser.waitUntil(async () => (await browser.$$(tid('record-name'))).length === 1, { timeout: 15000, timeoutMsg: 'the record page shows again' });
  assert.equal(await (await el(tid('record-name'))).getText(), GONE);
  // Deleted again: the bin keeps it until it is restored there.
  await click(tid('detainee-delete'));
  await click(tid('detainee-delete'));
  await el(tid('toast-action'), 15000);
  await nav2('bin');
  const row = await el(tid('bin-entry'), 15000);
  assert.match(await row.getText(), /Vardan Corbeille-Test/);
  await shot('18-bin');
  await click(tid('bin-restore'));
  await browser.waitUntil(async () => (await browser.$$(tid('bin-entry'))).length === 0, { timeout: 15000, timeoutMsg: 'the bin is empty again' });
  await nav2('detainees');
  await type(tid('detainee-search'), 'corbeille');
  await browser.waitUntil(async () => (await browser.$$(tid('detainee-row'))).length === 1, { timeout: 10000, timeoutMsg: 'the restored record is listed and found' });
  const restored = JSON.parse(cli(join(WORK, 'e2e.dossier'), ['bin', 'list', '--json']));
  assert.deepEqual(restored, [], 'the command line sees the same empty bin');
});

test('the unsaved-edits question: leaving a changed form asks; staying keeps the change, leaving drops it', async () => {
  const DRAFT = 'Changement à ne pas garder (essai)';
  await openDetainee('exemple-test');
  const before = await (await el(tid('detainee-form-role'))).getValue();
  await type(tid('detainee-form-role'), DRAFT);
  await nav2('dashboard');
  await el(tid('unsaved-message'), 10000);
  await shot('20-unsaved-question');
  await click(tid('unsaved-stay'));
  assert.equal(await (await el(tid('detainee-form-role'))).getValue(), DRAFT, 'staying keeps the edit');
  assert.equal((await browser.$$(tid('dashboard'))).length, 0, 'and the page');
  await nav2('dashboard');
  await click(tid('unsaved-discard'));
  await el(tid('dashboard'), 10000);
  await openDetainee('exemple-test');
  assert.equal(await (await el(tid('detainee-form-role'))).getValue(), before, 'nothing of the dropped edit was saved');
});

async function chord(key) {
  const CTRL = '\uE009'; // WebDriver's Control key
  await browser.action('key').down(CTRL).down(key).up(key).up(CTRL).perform();
  await browser.pause(400);
}

test('keyboard shortcuts: Ctrl+N creates, Ctrl+S saves, Ctrl+F searches everything, Ctrl+L locks', async () => {
  const WHO = 'Association Raccourci (fictive)';
  await nav2('sponsors');
  await chord('n');
  await type(tid('sponsor-form-name'), WHO);
  await (await el(tid('sponsor-form-kind'))).selectByAttribute('value', 'ngo');
  await chord('s');
  await el(tid('sponsor-logo-import'), 15000);
  await nav2('dashboard');
  await chord('f');
  const focused = await browser.execute(() => document.activeElement?.getAttribute('data-testid'));
  assert.equal(focused, 'global-search', 'Ctrl+F puts the focus in the global search');
  await type(tid('global-search'), 'raccourci');
  const hit = await el(tid('global-search-hit'), 10000);
  assert.match(await hit.getText(), /Association Raccourci/);
  await shot('21-global-search');
  await browser.keys(['Escape']);
  await chord('l');
  await el(tid('unlock-passphrase'), 15000);
  await type(tid('unlock-passphrase'), PASS);
  await click(tid('unlock-submit'));
  await el(tid('nav-dashboard'), 20000);
});

function cli(db, args, extra = {}) {
  return execFileSync(CLI, ['--db', db, ...args], { env: { ...process.env, DOSSIER_PASSPHRASE: PASS, DOSSIER_USER: 'bob', ...extra }, encoding: 'utf8' });
}

test('sharing: the app shares and invites, another office joins, a conflict is decided in the inbox', async () => {
  // The other office is the command line on a second dossier; both see the same folder, as Syncthing would make
  // it (tests/share_syncthing.rs runs real Syncthing instances).
  const folder = join(WORK, 'partage');
  const lyon = join(WORK, 'lyon.dossier');
  const invitation = join(WORK, 'lyon.invitation');
  mkdirSync(folder, { recursive: true });
  await nav2('settings');
  await type(tid('sharing-device-name'), 'Bureau de Paris (essai)');
  await click(tid('sharing-create'));
  await answerFileDialog(folder, { folder: true });
  assert.equal(await (await el(tid('sharing-folder'), 20000)).getText(), folder);
  await type(tid('sharing-invite-name'), 'Bureau de Lyon (essai)');
  await click(tid('sharing-invite'));
  await answerFileDialog(invitation);
  const code = (await (await el(tid('sharing-code'), 20000)).getText()).trim();
  assert.match(code, /^([a-z]{4} ){6}[a-z]{4}$/, `seven words: ${code}`);
  await (await el(tid('sharing-qr'))).scrollIntoView();
  await shot('14-sharing-invitation');
  assert.ok(existsSync(invitation), 'the invitation was saved where the dialog said');

  // Lyon joins with the code handed over separately.
  cli(lyon, ['share', 'join', invitation, '--folder', folder], { DOSSIER_INVITE_CODE: code });
  const people = JSON.parse(cli(lyon, ['detainee', 'list', '--json']));
  const aram = people.find((p) => p.name === NAME);
  assert.ok(aram, 'the joined dossier holds the detainee from the app');

  // Both offices change the same field without seeing each other's change.
  await openDetainee('exemple-test');
  await type(tid('detainee-form-role'), 'Infirmier (Paris, essai)');
  await click(tid('record-save'));
  await browser.pause(800);
  cli(lyon, ['detainee', 'edit', aram.id, '--set', 'role=Ambulancier (Lyon, essai)']);
  cli(lyon, ['sync']);

  await nav2('settings');
  await click(tid('sharing-sync'));
  const count = await el(tid('sync-conflicts'), 20000);
  assert.match(await count.getText(), /1 conflit/);
  assert.match(await (await el(tid('sync-state'))).getText(), /Synchronisé à l’instant/);
  await nav2('detainees');
  await type(tid('detainee-search'), 'exemple-test');
  await el(`${tid('detainee-row')} ${tid('conflict-mark')}`, 15000);
  await shot('15-detainees-conflict-mark');

  await click(tid('sync-conflicts'));
  await browser.waitUntil(async () => (await browser.$$(tid('conflict-value'))).length === 2, { timeout: 15000, timeoutMsg: 'two values side by side' });
  await shot('16-conflicts-inbox');
  const values = await browser.$$(tid('conflict-value'));
  const texts = [];
  for (const v of values) texts.push(await v.getText());
  const lyonValue = texts.findIndex((t) => t.includes('Ambulancier (Lyon, essai)'));
  assert.ok(lyonValue >= 0 && texts.some((t) => t.includes('Infirmier (Paris, essai)')), texts.join(' | '));
  assert.ok(texts[lyonValue].includes('bob · Bureau de Lyon (essai)'), `the value names its user and device: ${texts[lyonValue]}`);
  await (await values[lyonValue].$(tid('conflict-keep'))).click();
  await el('.empty-state', 15000);
  assert.equal((await browser.$$(tid('sync-conflicts'))).length, 0, 'the sidebar no longer counts a conflict');

  // The decision reaches the other office.
  await nav2('settings');
  await click(tid('sharing-sync'));
  await browser.pause(1500);
  cli(lyon, ['sync']);
  assert.deepEqual(JSON.parse(cli(lyon, ['conflicts', '--json'])), [], 'no conflict left in Lyon');
  const shown = JSON.parse(cli(lyon, ['detainee', 'show', aram.id, '--json']));
  assert.equal((shown.detainee ?? shown).role, 'Ambulancier (Lyon, essai)');
  const devices = JSON.parse(cli(lyon, ['share', 'devices', '--json']));
  assert.deepEqual(devices.map((d) => d.name).sort(), ['Bureau de Lyon (essai)', 'Bureau de Paris (essai)']);
});

test('the page can neither navigate away nor open a window: nothing reaches a listening server', async () => {
  // A server on loopback stands for the outside: a compromised page would send data to it by `location.href`,
  // a link, a form or `window.open`. The shell's navigation guard must stop each before any request is made.
  const { createServer } = await import('node:http');
  const hits = [];
  const server = createServer((req, res) => {
    hits.push(req.url);
    res.end('leaked');
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const out = `http://127.0.0.1:${server.address().port}`;
  try {
    const before = await browser.getUrl();
    const handles = (await browser.getWindowHandles()).length;
    await browser.execute((u) => {
      location.href = `${u}/href?name=Aram`;
    }, out);
    await new Promise((r) => setTimeout(r, 1500));
    const opened = await browser.execute((u) => window.open(`${u}/open?name=Aram`, '_blank') === null, out);
    await browser.execute((u) => {
      const a = document.createElement('a');
      a.href = `${u}/link?name=Aram`;
      document.body.append(a);
      a.click();
      a.remove();
    }, out);
    await new Promise((r) => setTimeout(r, 1500));
    assert.deepEqual(hits, [], 'no request left the app');
    assert.equal(await browser.getUrl(), before, 'the page is still the app');
    assert.equal((await browser.getWindowHandles()).length, handles, 'no window was opened');
    assert.ok(opened, 'window.open gave nothing');
    await el(tid('lock-now'));
  } finally {
    server.close();
  }
});

test('lock now returns to the unlock screen', async () => {
  await click(tid('lock-now'));
  await el(tid('unlock-passphrase'), 15000);
  assert.equal((await browser.$$(tid('record-name'))).length, 0, 'no record stays on screen');
});

test('a .dossier file given on the command line opens on the unlock screen, and the one before is in the recent list', async () => {
  await stop();
  const other = join(WORK, 'bureau-essai.dossier');
  cli(other, ['init']);
  await start([other]);
  assert.equal(await (await el(tid('unlock-path'), 20000)).getText(), other);
  await type(tid('unlock-passphrase'), PASS);
  await click(tid('unlock-submit'));
  await el(tid('nav-dashboard'), 20000);
  await click(tid('lock-now'));
  const item = await el(tid('unlock-recent-item'), 15000);
  assert.match(await item.getText(), /e2e\.dossier/);
  await shot('19-unlock-recent-dossiers');
  await item.click();
  await browser.waitUntil(async () => (await (await el(tid('unlock-path'))).getText()) === join(WORK, 'e2e.dossier'), {
    timeout: 10000,
    timeoutMsg: 'the recent dossier is chosen',
  });
});

test("no file the app wrote holds a detainee's name in plaintext (only the PDFs the user saved)", async () => {
  await stop(); // everything flushed: the app and its WebKit processes are gone
  const exported = new Set([join(WORK, 'convention.pdf'), join(WORK, 'kakemono.pdf')]);
  const needles = [NAME, NAME_HY].flatMap((s) => [Buffer.from(s, 'utf8'), Buffer.from(s, 'utf16le')]);
  const found = [];
  let scanned = 0;
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && !exported.has(p)) {
        const bytes = readFileSync(p);
        scanned++;
        if (needles.some((n) => bytes.includes(n))) found.push(p);
      }
    }
  };
  // The dossier, its backups, the app's settings and WebKit's caches and storage (HOME is inside WORK).
  walk(WORK);
  assert.ok(scanned > 3, `scanned ${scanned} files`);
  assert.deepEqual(found, [], 'files holding a name in plaintext');
});
