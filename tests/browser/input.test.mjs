// Quick input on a slow machine: with the CPU throttled 4× (a weak laptop), ten ordinary
// clicks on "Step one batch" made 60 ms apart step ten batches, ten presses of B step ten
// more, and Ctrl+A pressed with Playwright's ordinary keyboard.press selects a field's text.
// Each press and release reaches Dear ImGui in a frame of its own (src/host/input_queue.hpp).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, startBrowser } from './harness.mjs';

let env;
before(async () => { env = await startBrowser(); });
after(async () => { await env?.close(); });

const centre = (r) => [(r.x0 + r.x1) / 2, (r.y0 + r.y1) / 2];

// Waits until the run has made `iterations` updates, or 10 s; returns the count then.
async function iterationsAfter(app, iterations) {
  await app.page.waitForFunction((n) => window.mlp.state.iteration >= n, iterations, { timeout: 10_000 })
    .catch(() => {});
  await app.waitFrames(10);
  return (await app.getState()).iteration;
}

test('quick clicks and keys on a throttled page are each counted', { timeout: 180_000 }, async () => {
  const app = await openApp(env);
  const cdp = await app.page.context().newCDPSession(app.page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });

  const [x, y] = centre(await app.widget('step_batch'));
  for (let i = 0; i < 10; ++i) {
    await app.page.mouse.click(x, y);
    await app.page.waitForTimeout(60);
  }
  assert.equal(await iterationsAfter(app, 10), 10, 'ten clicks on Step one batch make ten batches');

  for (let i = 0; i < 10; ++i) {
    await app.page.keyboard.press('b');
    await app.page.waitForTimeout(60);
  }
  assert.equal(await iterationsAfter(app, 20), 20, 'ten presses of B make ten more');

  // Ctrl+A then typing replaces the whole text of the Compare tab's target loss.
  await app.page.mouse.click(...centre(await app.widget('tab_compare')));
  await app.page.mouse.click(...centre(await app.widget('compare_target')));
  await app.page.keyboard.press('Control+A');
  await app.page.keyboard.type('0.25');
  await app.page.keyboard.press('Enter');
  await app.page.waitForFunction(() => window.mlp.state.compare?.target_loss === 0.25, null, { timeout: 10_000 })
    .catch(() => {});
  assert.equal((await app.getState()).compare?.target_loss, 0.25, 'Ctrl+A selected the old value, which 0.25 replaced');
  await app.close();
});
