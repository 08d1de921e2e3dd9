// The first page a student sees: the page loads, the real "Step one batch" button trains the
// network (the shown loss changes), nothing is logged as an error, and it looks right
// (screenshots in build/screenshots/).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, startBrowser } from './harness.mjs';

let env;
before(async () => { env = await startBrowser(); });
after(async () => { await env?.close(); });

test('Step one batch changes the shown loss', { timeout: 120_000 }, async () => {
  const app = await openApp(env);
  const start = await app.getState();
  assert.equal(start.iteration, 0);
  assert.ok(Number.isFinite(start.train_loss), `initial loss should be a number, got ${start.train_loss}`);

  await app.clickWidget('step_batch');
  const after1 = await app.getState();
  assert.equal(after1.iteration, 1, 'one click = one batch');
  assert.ok(Number.isFinite(after1.train_loss));
  assert.notEqual(after1.train_loss, start.train_loss, 'the loss should change after one batch');

  await app.clickWidget('step_epoch');     // the rest of epoch 1, worked off over frames
  await app.page.waitForFunction((n) => window.mlp.state.iteration === n, start.batches_per_epoch,
    { timeout: 30_000 });

  await app.clickWidget('play');           // Play: batch after batch
  await app.page.waitForFunction(() => window.mlp.state.epoch >= 10, null, { timeout: 90_000 });
  await app.clickWidget('play');           // Pause
  const trained = await app.getState();
  assert.equal(trained.playing, false);
  assert.ok(trained.train_loss < start.train_loss / 2,
    `loss should fall with training: ${start.train_loss} -> ${trained.train_loss}`);
  assert.ok(trained.train_accuracy > 0.9, `circles should be learnt, accuracy ${trained.train_accuracy}`);
  await app.screenshot('first_page');
  await app.close();
});

test('high-DPI screen (devicePixelRatio 2) renders and clicks in CSS pixels', { timeout: 120_000 }, async () => {
  const app = await openApp(env, { width: 1000, height: 700, deviceScaleFactor: 2 });
  const canvas = await app.page.evaluate(() => {
    const c = document.getElementById('canvas');
    return { width: c.width, height: c.height, cssWidth: c.clientWidth, cssHeight: c.clientHeight };
  });
  assert.deepEqual(canvas, { width: 2000, height: 1400, cssWidth: 1000, cssHeight: 700 });
  await app.clickWidget('step_batch');
  assert.equal((await app.getState()).iteration, 1);
  await app.screenshot('first_page_dpr2');
  await app.close();
});

test('the canvas follows the browser window size', { timeout: 120_000 }, async () => {
  const app = await openApp(env, { width: 900, height: 600 });
  await app.page.setViewportSize({ width: 1400, height: 900 });
  await app.waitFrames(3);
  const size = await app.page.evaluate(() => {
    const c = document.getElementById('canvas');
    return [c.width, c.height];
  });
  assert.deepEqual(size, [1400, 900]);
  const hidden = await app.page.evaluate(() => document.getElementById('status').classList.contains('hidden'));
  assert.ok(hidden, 'the loading indicator should be gone once the app runs');
  await app.close();
});
