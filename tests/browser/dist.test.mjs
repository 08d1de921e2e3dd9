// The published folder (dist/, ./build.sh dist) on a plain static server under a sub-path, as a
// course site would host it, in the life of one browser: the first visit starts the page with
// relative URLs only, its service worker takes charge, MNIST loads; with the server gone and the
// browser offline, a reload still starts and trains, the playground and MNIST alike; back online,
// a new build uploaded over the old one replaces it once all its files are there (not while only
// its worker is). Prints what the first visit and MNIST download (bytes the server sent).
// Screenshots: build/screenshots/dist_*.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync }
  from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApp, startBrowser } from './harness.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const distDir = process.env.MLP_DIST_DIR || join(repo, 'dist');
const SUB_PATH = '/courses/nn/';
const PAGE_FILES = ['index.html', 'playground.js', 'playground.wasm', 'playground.data'];

const figure = (name, value) => console.log(`# figure: ${name} = ${value}`);

// Lines "GET /path HTTP/1.1" 200 of http.server's log, as {path, status}, one callback per line.
function requestLog(stream, onRequest) {
  let pending = '';
  stream.setEncoding('utf8');
  stream.on('data', (text) => {
    const lines = (pending + text).split('\n');
    pending = lines.pop();
    for (const line of lines) {
      const m = /"GET (\S+) HTTP\/[\d.]+" (\d{3})/.exec(line);
      if (m) onRequest({ file: decodeURIComponent(m[1].split('?')[0]), status: Number(m[2]) });
    }
  });
}

// Debian's python3 -m http.server on `port` (0: any) serving `root`, its requests added to
// `requests`. Resolves to { port, stop() } once it serves.
async function runHttpServer(root, port, requests) {
  const child = spawn('/usr/bin/python3', ['-u', '-m', 'http.server', '--bind', '127.0.0.1', '--directory', root, String(port)],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise((ok) => child.once('exit', ok));
  requestLog(child.stderr, (r) => requests.push(r));
  const actual = await new Promise((ok, fail) => {
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (text) => { const m = /port (\d+)/.exec(text); if (m) ok(Number(m[1])); });
    exited.then((code) => fail(new Error(`python3 -m http.server exited (${code}) before serving`)));
  });
  return {
    port: actual,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill();
      await exited;
    },
  };
}

// A plain static server (no headers of ours) whose courses/nn/ is a copy of dist/ (`folder`,
// which the test changes as an upload would). stop() and start() take it down and bring it back
// on the same port (the same origin); close() stops it for good.
async function startCourseSite() {
  if (!existsSync(join(distDir, 'index.html'))) throw new Error(`${distDir}/index.html not found: run ./build.sh dist`);
  const root = mkdtempSync(join(tmpdir(), 'mlp-dist-'));
  const folder = join(root, ...SUB_PATH.split('/'));
  cpSync(distDir, folder, { recursive: true });
  const requests = [];
  let server = await runHttpServer(root, 0, requests);
  const site = {
    url: `http://127.0.0.1:${server.port}${SUB_PATH}`,
    folder,
    requests,
    stop: () => server.stop(),
    start: async () => { server = await runHttpServer(root, server.port, requests); },
    close: async () => {
      await server.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
  return site;
}

// The files (relative to the sub-path) of the site's requests from `mark` on.
const filesAsked = (site, mark = 0) => site.requests.slice(mark).map((r) => `${r.file.slice(SUB_PATH.length) || '(index)'} ${r.status}`);

// Bytes the server sent in full (HTTP 200) for the requests from `mark` on: the files' sizes.
function bytesSent(site, mark = 0) {
  return site.requests.slice(mark).filter((r) => r.status === 200)
    .reduce((sum, r) => sum + statSync(join(site.folder, r.file.slice(SUB_PATH.length) || 'index.html')).size, 0);
}

// Waits until the site was asked for `file` after its first `mark` requests.
async function waitForRequest(app, site, mark, file, timeout) {
  const asked = () => site.requests.slice(mark).some((r) => r.file === SUB_PATH + file);
  for (const end = Date.now() + timeout; !asked() && Date.now() < end;) await app.page.waitForTimeout(200);
  assert.ok(asked(), `${file} should have been requested; asked: ${filesAsked(site, mark)}`);
}

async function waitForWorker(app) {
  await app.page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
}

// Entries in this page's caches whose name contains `part` (' page ', ' data ').
async function cachedCount(app, part) {
  return app.page.evaluate(async (p) => {
    let n = 0;
    for (const name of (await caches.keys()).filter((c) => c.includes(p))) n += (await (await caches.open(name)).keys()).length;
    return n;
  }, part);
}

async function waitCached(app, part, count) {
  for (let tries = 0; tries < 100 && await cachedCount(app, part) < count; ++tries) await app.page.waitForTimeout(100);
  assert.equal(await cachedCount(app, part), count, `the service worker's cache should hold ${count} files (${part.trim()})`);
}

// The names of this page's caches of the page's files.
const pageCaches = (app) => app.page.evaluate(async () => (await caches.keys()).filter((c) => c.includes(' page ')));

async function openMnist(app) {
  await app.clickWidget('tab_mnist');
  await app.page.waitForFunction(() => ['ready', 'failed'].includes(window.mlp.state?.mnist?.load), null, { timeout: 60_000 });
  const s = (await app.getState()).mnist;
  assert.equal(s.load, 'ready', `MNIST should load: ${s.errors.join(' | ')}`);
  assert.equal(s.train_size, 60000);
}

// Steps `times` batches (key B), each counted by `iteration(state)` before the next.
async function stepBatches(app, times, iteration) {
  const start = iteration(await app.getState());
  for (let i = 1; i <= times; ++i) {
    await app.pressKey('b');
    for (let frames = 0; frames < 300 && iteration(await app.getState()) < start + i; ++frames) await app.waitFrames(1);
  }
  assert.equal(iteration(await app.getState()), start + times, `${times} batch steps should advance the iteration from ${start}`);
}

const NEW_BUILD_TAG = '<meta name="mlp-test-build" content="new">';
const NEW_BUILD_JS = '\nwindow.mlpTestBuild = "new";\n';

// Which build the page runs: 'new' when its document and its js are the new build's, 'old' when
// neither is; anything else is a mix.
async function buildShown(app) {
  const [tag, js] = await app.page.evaluate(() => [
    document.querySelector('meta[name="mlp-test-build"]') !== null, window.mlpTestBuild === 'new']);
  return tag && js ? 'new' : !tag && !js ? 'old' : `a mix (new document ${tag}, new js ${js})`;
}

// A new build made by scripts/make_dist.sh from the build published in `folder` (its index.html
// turned back into the web build's page) with a meta tag added to the page and a line to the js;
// returns its folder (inside `work`).
function makeNewBuild(folder, work) {
  const web = join(work, 'web');
  mkdirSync(web);
  const page = readFileSync(join(folder, 'index.html'), 'utf8')
    .replace('<meta name="mlp-service-worker" content="service-worker.js">', '<meta name="mlp-service-worker" content="">');
  writeFileSync(join(web, 'playground.html'), page.replace('<head>', `<head>\n${NEW_BUILD_TAG}`));
  writeFileSync(join(web, 'playground.js'), `${readFileSync(join(folder, 'playground.js'), 'utf8')}${NEW_BUILD_JS}`);
  for (const f of ['playground.wasm', 'playground.data']) copyFileSync(join(folder, f), join(web, f));
  symlinkSync(join(folder, 'data'), join(web, 'data'));
  execFileSync('bash', [join(repo, 'scripts', 'make_dist.sh'), web, join(work, 'dist')], { stdio: 'ignore' });
  return join(work, 'dist');
}

// The first visit: the page under its sub-path, the worker in charge with the page's files
// cached, each downloaded once; then MNIST, cached on its way, and one batch on it.
async function firstVisit(app, site) {
  await waitForWorker(app);
  await app.cleanShot('dist_subpath');
  figure('first visit: requests', filesAsked(site).join(', '));
  figure('first visit: bytes sent by the server (no compression)', bytesSent(site));
  assert.ok(site.requests.every((r) => r.file.startsWith(SUB_PATH)), 'every URL the page uses stays under its sub-path');
  const full = site.requests.filter((r) => r.status === 200).map((r) => r.file);
  assert.equal(new Set(full).size, full.length, `no file is downloaded twice: ${full.join(', ')}`);
  await waitCached(app, ' page ', PAGE_FILES.length);

  const mark = site.requests.length;
  await openMnist(app);
  figure('MNIST: bytes sent by the server', bytesSent(site, mark));
  await waitCached(app, ' data ', 4);
  await stepBatches(app, 1, (s) => s.mnist.iteration);
}

// Offline, the server down: a reload starts the page from the worker's caches and it trains.
async function offlineReload(app, site) {
  await app.page.context().setOffline(true);
  await site.stop();
  await assert.rejects(fetch(site.url), 'the server should be down');
  await app.reload();
  assert.ok(await app.page.evaluate(() => navigator.serviceWorker.controller !== null), 'the reloaded page is in the worker\'s charge');
  await stepBatches(app, 3, (s) => s.iteration);
  await app.cleanShot('dist_offline_playground');
  await openMnist(app);
  await stepBatches(app, 2, (s) => s.mnist.iteration);
  await app.cleanShot('dist_offline_mnist');
}

// Back online, a new build uploaded in two steps. Only its worker: that worker does not install
// (the code on the server is not its build's), the old build stays. Then the rest: the next load
// still shows the old build, all from its cache (so the js and the wasm match), while the new
// worker installs, takes over and deletes the old cache; the load after shows the new build.
async function newBuildUpload(app, site) {
  const [oldCache] = await pageCaches(app);
  const work = mkdtempSync(join(tmpdir(), 'mlp-dist-new-'));
  const upload = (from, file) => copyFileSync(join(from, file), join(site.folder, file));
  try {
    const newBuild = makeNewBuild(site.folder, work);
    await site.start();
    await app.page.context().setOffline(false);
    upload(newBuild, 'service-worker.js');
    const mark = site.requests.length;
    await app.reload();
    assert.equal(await buildShown(app), 'old');
    // (Headless Chromium here makes the first update check of a worker wait until about a minute
    // after it installed.)
    await waitForRequest(app, site, mark, 'playground.wasm', 90_000);
    await app.page.waitForFunction(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return !registration.installing && !registration.waiting;
    }, null, { timeout: 30_000, polling: 200 });
    assert.deepEqual(await pageCaches(app), [oldCache], 'the old build stays cached');

    for (const file of PAGE_FILES) upload(newBuild, file);
    await app.reload();
    assert.equal(await buildShown(app), 'old');
    await app.page.waitForFunction(async (old) => {
      const names = await caches.keys();
      return names.filter((c) => c.includes(' page ')).length === 1 && !names.includes(old);
    }, oldCache, { timeout: 30_000, polling: 200 });
    await app.reload();
    assert.equal(await buildShown(app), 'new');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

test('dist/ on a course site: first visit, offline reload that trains, a new build replacing the old', { timeout: 150_000 },
  async () => {
    const site = await startCourseSite();
    const env = await startBrowser({ server: site });
    try {
      const app = await openApp(env, { width: 1280, height: 800 });
      await firstVisit(app, site);
      await offlineReload(app, site);
      await newBuildUpload(app, site);
      await app.close();
    } finally {
      await env.close();
    }
  });
