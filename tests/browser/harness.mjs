// Browser test harness: drives Debian's chromium (headless, WebGL2 through SwiftShader) with
// playwright-core against the web build served on a free 127.0.0.1 port.
//
//   const env = await startBrowser();           // in before(); env.close() in after()
//   startBrowser({ server })                    // another server ({url, close}) instead of build/web's
//   const app = await openApp(env, { width: 1280, height: 800, deviceScaleFactor: 1, hash: '' });
//   await app.clickWidget('step_batch');        // clicks the centre of a published rectangle
//   await app.typeInto('lr', '0.3');            // click, select all, type, Enter
//   const state = await app.getState();         // window.mlp.state (published by the app)
//   await app.screenshot('first_page');         // build/screenshots/first_page.png
//   await app.reload();                         // reloads the page, waits for the app again
//   await app.close();                          // throws if any console error or page error happened
//   rendererMemoryKb()                          // resident memory of this process's chromium renderers
//   openApp(env, { setup: installFrameProbe }); readFrameProbe(app)  // frame gaps from requestAnimationFrame
//
// The app publishes widget rectangles and its state through src/platform/js_bridge.hpp.
import { chromium } from 'playwright-core';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../scripts/serve.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const webDir = process.env.MLP_WEB_DIR || join(repo, 'build', 'web');
export const screenshotDir = join(repo, 'build', 'screenshots');
const chromiumPath = process.env.MLP_CHROMIUM || '/usr/bin/chromium';

// Flags that make headless chromium render WebGL2 without a GPU, as root (docs/toolchain.md).
// (--use-gl=swiftshader would give a blank canvas.)
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--enable-unsafe-swiftshader', '--use-angle=swiftshader',
  '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

// `server`: the page's server, { url, close() } (closed by env.close()); default: serves webDir.
export async function startBrowser({ server = null } = {}) {
  server = server ?? await startServer(webDir, 0);
  const profile = mkdtempSync(join(tmpdir(), 'mlp-chromium-'));
  let browser;
  try {
    // Playwright gives chromium a fresh temporary profile; HOME and the XDG folders point
    // at an empty temporary folder too, so nothing of the user's set-up leaks in.
    browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: CHROMIUM_ARGS,
      env: { ...process.env, HOME: profile, XDG_CONFIG_HOME: profile, XDG_CACHE_HOME: profile },
    });
  } catch (err) {
    await server.close();
    rmSync(profile, { recursive: true, force: true });
    throw new Error(`cannot start ${chromiumPath} (install Debian's chromium): ${err.message}`);
  }
  return {
    browser,
    server,
    close: async () => {
      await browser.close();
      await server.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

// Options: viewport width/height, deviceScaleFactor, hash (page address after '#'),
// setup(page) run before the page loads (e.g. page.route, page.addInitScript), and
// waitForReady = false to get the page without waiting for the app (failure tests).
export async function openApp(env, { width = 1280, height = 800, deviceScaleFactor = 1, hash = '',
  setup = null, waitForReady = true } = {}) {
  const context = await env.browser.newContext({ viewport: { width, height }, deviceScaleFactor });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console error: ${msg.text()}`);
  });
  // A page error keeps the top of its stack: wasm frames name the C++ function that failed.
  page.on('pageerror', (err) => errors.push(`page error: ${(err.stack ?? err.message).split('\n').slice(0, 12).join('\n')}`));
  page.on('response', (res) => {
    if (res.status() >= 400) errors.push(`HTTP ${res.status()} for ${res.url()}`);
  });

  const app = {
    page,
    errors,
    url: env.server.url + (hash ? `#${hash}` : ''),

    // Loads the page and waits until the app has drawn a few frames.
    async load() {
      if (setup) await setup(page);
      await page.goto(app.url);
      return app.waitForStart();
    },

    // Reloads the page at its current address (app state in the hash included) and waits as load() does.
    async reload() {
      await page.reload();
      return app.waitForStart();
    },

    // Waits until the app has drawn a few frames (unless waitForReady is false).
    async waitForStart() {
      if (!waitForReady) return app;
      await page.waitForFunction(() => window.mlp && window.mlp.ready && window.mlp.frames >= 3,
        null, { timeout: 60_000 }).catch((err) => {
        throw new Error(`the app did not start: ${err.message}\n${errors.join('\n')}`);
      });
      return app;
    },

    // Waits until the app has drawn n more frames.
    async waitFrames(n = 2) {
      const start = await page.evaluate(() => window.mlp.frames);
      await page.waitForFunction((target) => window.mlp.frames >= target, start + n, { timeout: 30_000 });
    },

    // Rectangle {x0, y0, x1, y1} (page CSS pixels) of a published widget; waits for it to be
    // published and to stay where it is for a frame (a panel shown for the first time may
    // still move in its first frame).
    async widget(id) {
      const read = () => page.waitForFunction((wid) => window.mlp.widgets[wid], id, { timeout: 10_000 })
        .then((handle) => handle.jsonValue())
        .catch(() => { throw new Error(`widget '${id}' was never published`); });
      let r = await read();
      for (let tries = 0; tries < 10; ++tries) {
        await app.waitFrames(1);
        const again = await read();
        if (JSON.stringify(again) === JSON.stringify(r)) break;
        r = again;
      }
      return r;
    },

    // Waits until the app has handled every input event sent so far (it hands ImGui one press
    // or release per frame; window.mlp.inputPending counts what waits) and drawn once more.
    async settle() {
      const start = await page.evaluate(() => window.mlp.frames);
      await page.waitForFunction((f) => window.mlp.frames >= f && window.mlp.inputPending === 0, start + 2,
        { timeout: 30_000 });
      await app.waitFrames(1);
    },

    // Clicks the centre of a published widget with the real mouse (Playwright's ordinary click).
    async clickWidget(id) {
      const r = await app.widget(id);
      await page.mouse.click((r.x0 + r.x1) / 2, (r.y0 + r.y1) / 2);
      await app.settle();
    },

    // Presses a key or a combination ('Enter', 'Control+A'), then waits until the app handled it.
    async pressKey(combo) {
      await page.keyboard.press(combo);
      await app.settle();
    },

    // Replaces the text of a published input field: click into it (`at` = x offset from its
    // left edge in CSS pixels, default its centre), select all, type, Enter.
    async typeInto(id, text, { at = null } = {}) {
      const r = await app.widget(id);
      await page.mouse.click(at === null ? (r.x0 + r.x1) / 2 : r.x0 + at, (r.y0 + r.y1) / 2);
      await app.settle();
      await app.pressKey('Control+A');
      await page.keyboard.type(text);
      await app.pressKey('Enter');
    },

    async getState() {
      return page.evaluate(() => window.mlp.state);
    },

    // Clicks a button that opens the browser's file picker and gives it a file: `contents` as
    // bytes (text or a Buffer) named `name`, or { path } of a file on disk. Clicks again if a slow
    // frame let the picker miss the click's user activation. Returns the state once the app
    // counted the file (state.imports).
    async pickFile(buttonId, name, contents) {
      const before = (await app.getState()).imports;
      const file = typeof contents === 'object' && contents.path
        ? contents.path : { name, mimeType: 'application/octet-stream', buffer: Buffer.from(contents) };
      for (let attempt = 0; ; ++attempt) {
        const chooser = page.waitForEvent('filechooser', { timeout: 10_000 });
        await app.clickWidget(buttonId);
        try {
          await (await chooser).setFiles(file);
          break;
        } catch (err) {
          if (attempt === 2) throw err;
        }
      }
      await page.waitForFunction((n) => window.mlp.state.imports > n, before, { timeout: 10_000 });
      await app.waitFrames(2);
      return app.getState();
    },

    async screenshot(name) {
      mkdirSync(screenshotDir, { recursive: true });
      const path = join(screenshotDir, `${name}.png`);
      await page.screenshot({ path });
      return path;
    },

    // A screenshot with the pointer moved off the widgets (to `pointer`), so no tooltip or
    // hover highlight covers it.
    async cleanShot(name, pointer = { x: 2, y: 2 }) {
      await page.mouse.move(pointer.x, pointer.y);
      await app.waitFrames(3);
      return app.screenshot(name);
    },

    // Closes the page; throws if any console error, page error or failed request happened
    // (unless { allowErrors: true }, for tests that provoke them and check app.errors).
    async close({ allowErrors = false } = {}) {
      await context.close();
      if (errors.length > 0 && !allowErrors) throw new Error(`errors in the page:\n${errors.join('\n')}`);
    },
  };
  return app.load();
}


// Resident memory (kB) of the chromium renderer processes started by this node process's
// browsers: rss, and private, its part not mapped from files (most of the rest is chromium's
// own code, shared between its processes).
export function rendererMemoryKb() {
  const parent = new Map();
  const info = new Map();
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      parent.set(pid, stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const kb = (field) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
      info.set(pid, { renderer: cmd.includes('--type=renderer'), rss: kb('VmRSS'), private: kb('RssAnon') + kb('RssShmem') });
    } catch { /* the process ended */ }
  }
  const mine = (pid) => {
    for (let p = pid; p && p !== '0' && p !== '1'; p = parent.get(p)) if (p === String(process.pid)) return true;
    return false;
  };
  return [...info].filter(([pid, i]) => i.renderer && mine(pid)).map(([, i]) => i);
}

// An openApp `setup` that records, from requestAnimationFrame, the gaps between the page's
// frames: their count, sum and longest since the last readFrameProbe, and the time of the
// last frame (window.mlpFrameProbe).
export async function installFrameProbe(page) {
  await page.addInitScript(() => {
    const probe = { count: 0, sum: 0, max: 0, last: 0 };
    window.mlpFrameProbe = probe;
    const tick = (t) => {
      if (probe.last > 0) {
        const gap = t - probe.last;
        probe.count += 1;
        probe.sum += gap;
        probe.max = Math.max(probe.max, gap);
      }
      probe.last = t;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

// The frame gaps recorded since the previous call: { frames, mean_ms, max_ms }; starts afresh.
export async function readFrameProbe(app) {
  return app.page.evaluate(() => {
    const p = window.mlpFrameProbe;
    const r = { frames: p.count, mean_ms: p.count > 0 ? p.sum / p.count : 0, max_ms: p.max };
    Object.assign(p, { count: 0, sum: 0, max: 0 });
    return r;
  });
}
