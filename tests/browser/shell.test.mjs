// The HTML shell (web/shell.html): the loading indicator goes away once the app runs, and a
// browser without WebGL2 or a page whose wasm cannot load gets a clear message, not a blank page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, startBrowser } from './harness.mjs';

let env;
before(async () => { env = await startBrowser(); });
after(async () => { await env?.close(); });

async function statusMessage(app) {
  await app.page.waitForSelector('#status.error', { timeout: 30_000 });
  return app.page.textContent('#status-text');
}

test('the loading indicator hides once the app draws', { timeout: 60_000 }, async () => {
  const app = await openApp(env);
  assert.equal(await app.page.isVisible('#status'), false);
  assert.equal(await app.page.title(), 'MLP Playground');
  await app.close();
});

test('no WebGL2: the page says so', { timeout: 60_000 }, async () => {
  const app = await openApp(env, {
    waitForReady: false,
    setup: (page) => page.addInitScript(() => {
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
        return kind === 'webgl2' ? null : original.call(this, kind, ...rest);
      };
    }),
  });
  assert.match(await statusMessage(app), /needs WebGL2/);
  await app.close({ allowErrors: true });
});

test('the wasm fails to load: the page says so', { timeout: 60_000 }, async () => {
  const app = await openApp(env, {
    waitForReady: false,
    setup: (page) => page.route('**/playground.wasm', (route) => route.fulfill({ status: 404, body: 'gone' })),
  });
  assert.match(await statusMessage(app), /could not start/);
  assert.ok(app.errors.some((e) => e.includes('404')), 'the failed download is reported');
  await app.screenshot('shell_wasm_missing');
  await app.close({ allowErrors: true });
});
