// MNIST in the page: a student opens MNIST (the download's progress is shown), trains
// the lecture's 784-100-10 sigmoid network for one epoch on all 60,000 training digits, sees
// the test accuracy, the gallery with the softmax bars, the confusion matrix (and a cell's
// digits), the most confidently wrong digits, the hidden units, one digit's forward pass, and
// draws a digit that the network reads. Missing and damaged data files give clear messages.
// No console errors; screenshots in build/screenshots/mnist_*.png. The figures (first frame, load time, memory,
// frame time while training, accuracy) are printed for the closing notes.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { openApp, rendererMemoryKb, startBrowser, webDir } from './harness.mjs';

let env;
before(async () => { env = await startBrowser(); });
after(async () => { await env?.close(); });

const figure = (name, value) => console.log(`# figure: ${name} = ${value}`);

// Opens the MNIST tab (its controls on the left, its views in the body); loading starts there.
async function openMnist(app) {
  await app.clickWidget('tab_mnist');
}

async function waitLoad(app, timeout = 120_000) {
  await app.page.waitForFunction(() => ['ready', 'failed'].includes(window.mlp.state?.mnist?.load), null, { timeout });
  await app.waitFrames(3);
  return (await app.getState()).mnist;
}

const mb = (kb) => (kb / 1024).toFixed(0);
const memoryText = (processes) => processes.map((i) => `${mb(i.rss)} (private ${mb(i.private)})`).join(', ');

// Prints the wasm heap and the renderer's resident memory (as it is, then once the garbage,
// such as the downloaded files already copied into the heap, is collected), and checks the
// heap stays modest.
async function memoryFigures(app, cdp, when) {
  const heap = await app.page.evaluate(() => HEAP8.length);
  figure(`wasm heap ${when} (MB)`, (heap / 1e6).toFixed(0));
  figure(`chromium renderer RSS ${when} (MB)`, memoryText(rendererMemoryKb()));
  await cdp.send('HeapProfiler.collectGarbage');
  await app.waitFrames(10);
  figure(`chromium renderer RSS ${when}, garbage collected (MB)`, memoryText(rendererMemoryKb()));
  assert.ok(heap < 512e6, `the wasm heap should stay modest, got ${heap / 1e6} MB`);
}

// Drags the mouse through points given as fractions of a widget's rectangle.
async function drag(app, id, points) {
  const r = await app.widget(id);
  const at = ([u, v]) => [r.x0 + u * (r.x1 - r.x0), r.y0 + v * (r.y1 - r.y0)];
  await app.page.mouse.move(...at(points[0]));
  await app.waitFrames(1);
  await app.page.mouse.down();
  for (const p of points.slice(1)) {
    await app.page.mouse.move(...at(p), { steps: 4 });
    await app.waitFrames(1);
  }
  await app.page.mouse.up();
  await app.waitFrames(3);
}

// What chromium's renderer takes for an empty page with a WebGL2 canvas, to compare the
// playground's figures with.
async function emptyPageMemory() {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.setContent('<canvas></canvas><script>document.querySelector("canvas").getContext("webgl2")</script>');
  await page.waitForTimeout(1000);
  figure('chromium renderer RSS with an empty WebGL2 page (MB)', memoryText(rendererMemoryKb()));
  await context.close();
}

test('a student loads MNIST, trains the lecture network and explores the views', { timeout: 900_000 }, async () => {
  await emptyPageMemory();
  const app = await openApp(env, { width: 1280, height: 800 });
  figure('time from navigation to the first frame (ms)', (await app.page.evaluate(() => window.mlp.firstFrameMs)).toFixed(0));
  assert.equal((await app.getState()).mnist.load, 'idle', 'MNIST is fetched only when the student picks it');
  const cdp = await app.page.context().newCDPSession(app.page);
  await memoryFigures(app, cdp, 'before MNIST');

  // Slow the network down so the progress bar is seen (and photographed) on its way.
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: 20, downloadThroughput: 3_000_000, uploadThroughput: 1_000_000,
  });
  const start = Date.now();
  await openMnist(app);
  await app.page.waitForFunction(() => window.mlp.state.mnist.load === 'fetching' &&
    window.mlp.state.mnist.progress > 0.2 && window.mlp.state.mnist.progress < 0.9, null, { timeout: 60_000 });
  await app.screenshot('mnist_loading');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1,
  });
  let s = await waitLoad(app);
  assert.equal(s.load, 'ready', `MNIST should load: ${s.errors.join(' | ')}`);
  assert.equal(s.train_size, 60000);
  assert.equal(s.test_size, 10000);
  assert.equal(s.preset, 'lecture-mnist');
  figure('MNIST load, click to ready, throttled to 3 MB/s (s)', ((Date.now() - start) / 1000).toFixed(1));

  // An unthrottled load in a fresh page, for the load-time figure.
  const quick = await openApp(env, { width: 1280, height: 800 });
  const t0 = Date.now();
  await openMnist(quick);
  const q = await waitLoad(quick);
  figure('MNIST load, click to ready (s)', ((Date.now() - t0) / 1000).toFixed(1));
  figure('MNIST load as the page measures it (s)', q.load_seconds.toFixed(2));
  await quick.close();
  await memoryFigures(app, cdp, 'with MNIST loaded');

  // The playground's own views on MNIST: the top bar and the keys step the MNIST run (not the
  // toy run behind the other tabs), the network graph and this phase's matrices follow it.
  await app.clickWidget('tab_mnist_network');
  const toy = await app.getState();
  const steps = s.steps;
  await app.clickWidget('step_phase');
  await app.waitFrames(2);
  s = (await app.getState()).mnist;
  assert.equal(s.steps, steps + 1, 'Step phase in the top bar steps the MNIST run');
  await app.pressKey('b');
  await app.page.waitForFunction(() => window.mlp.state.mnist.iteration === 1, null, { timeout: 30_000 });
  await app.clickWidget('step_phase');
  await app.clickWidget('step_phase');
  const after = await app.getState();
  assert.equal(after.iteration, toy.iteration, 'the toy run behind the other tabs did not move');
  assert.equal(after.phase, toy.phase);
  await app.widget('link_mode');  // the graph's controls are drawn
  await app.screenshot('mnist_network');
  await app.clickWidget('tab_mnist_chain');
  await app.screenshot('mnist_chain_rule');
  await app.clickWidget('tab_gallery');

  // The lecture's run, shortened to one epoch of 235 batches.
  await app.typeInto('mnist_length', '1', { at: 30 });
  s = (await app.getState()).mnist;
  assert.equal(s.total_iterations, 235, 'one epoch of 60,000 digits in batches of 256');
  await app.clickWidget('mnist_train');
  await app.page.waitForFunction(() => window.mlp.state.mnist.iteration >= 20, null, { timeout: 120_000 });
  const f0 = await app.page.evaluate(() => [window.mlp.frames, performance.now()]);
  await app.page.waitForTimeout(3000);
  const f1 = await app.page.evaluate(() => [window.mlp.frames, performance.now()]);
  const during = await app.getState();
  figure('frame interval while training MNIST (ms)', ((f1[1] - f0[1]) / (f1[0] - f0[0])).toFixed(1));
  figure('app work per frame while training MNIST (ms, average)', during.work_ms.toFixed(1));
  figure('training work in the last frame (ms)', during.mnist.train_ms.toFixed(1));
  await app.screenshot('mnist_training');

  await app.page.waitForFunction(() => window.mlp.state.mnist.finished, null, { timeout: 600_000 });
  await app.page.waitForFunction(() => window.mlp.state.mnist.test_accuracy !== null, null, { timeout: 60_000 });
  s = (await app.getState()).mnist;
  figure('training time of one epoch in the page (s)', s.train_seconds.toFixed(1));
  figure('training throughput in the page (digits/s)', (60000 / s.train_seconds).toFixed(0));
  figure('test accuracy after one epoch (10,000 test digits)', `${(100 * s.test_accuracy).toFixed(2)} %`);
  assert.ok(s.test_accuracy > 0.9, `one epoch of the lecture's network should pass 90 %, got ${s.test_accuracy}`);

  await memoryFigures(app, cdp, 'after one epoch');

  // The gallery: a click on a digit shows its softmax bars.
  await app.screenshot('mnist_gallery');
  await app.clickWidget('gallery_3');
  s = (await app.getState()).mnist;
  assert.equal(s.gallery_chosen, 3);
  await app.widget('gallery_bars');
  await app.screenshot('mnist_gallery_bars');

  // The confusion matrix: the largest mistake's cell lists exactly its digits.
  await app.clickWidget('tab_confusion');
  s = (await app.getState()).mnist;
  let worst = [1, 0], count = -1;
  s.confusion.forEach((row, t) => row.forEach((c, p) => { if (t !== p && c > count) { worst = [t, p]; count = c; } }));
  const total = s.confusion.flat().reduce((a, b) => a + b, 0);
  assert.equal(total, 10000, 'the confusion matrix counts every test digit');
  await app.clickWidget(`confusion_${worst[0]}_${worst[1]}`);
  s = (await app.getState()).mnist;
  assert.deepEqual(s.confusion_cell, worst);
  assert.equal(s.confusion_digits, Math.min(count, 64));
  await app.widget('confusion_digits_0');
  await app.screenshot('mnist_confusion');

  await app.clickWidget('tab_mistakes');
  await app.widget('mistakes_0');
  await app.screenshot('mnist_mistakes');

  await app.clickWidget('tab_units');
  await app.widget('hidden_units');
  await app.screenshot('mnist_hidden_units');

  // One digit through the network (the gallery's choice), and the last batch's matrices summarised.
  await app.clickWidget('tab_forward');
  await app.widget('forward_bars');
  await app.screenshot('mnist_forward');

  // Draw a "7" with the mouse: a prediction appears; Clear removes it.
  await app.clickWidget('tab_draw');
  assert.equal((await app.getState()).mnist.draw_predicted, -1);
  await drag(app, 'draw_canvas', [[0.28, 0.2], [0.72, 0.2], [0.55, 0.5], [0.42, 0.85]]);
  s = (await app.getState()).mnist;
  assert.ok(s.draw_predicted >= 0 && s.draw_predicted <= 9, `a prediction should appear, got ${s.draw_predicted}`);
  assert.ok(s.draw_confidence > 0 && s.draw_confidence <= 1);
  console.log(`# the drawn 7 was read as ${s.draw_predicted} (${(100 * s.draw_confidence).toFixed(1)} %)`);
  await app.screenshot('mnist_draw');
  await app.clickWidget('draw_clear');
  assert.equal((await app.getState()).mnist.draw_predicted, -1);

  // Reset, at rest and while training: a fresh run at iteration 0, paused. (The panel once went
  // on drawing the run that Reset had just freed.)
  for (const playing of [false, true]) {
    if (playing) {
      await app.clickWidget('mnist_train');
      await app.page.waitForFunction(() => window.mlp.state.mnist.running && window.mlp.state.mnist.iteration > 0);
    }
    await app.clickWidget('mnist_reset');
    await app.waitFrames(5);
    s = (await app.getState()).mnist;
    assert.deepEqual([s.iteration, s.running, s.finished], [0, false, false], `reset ${playing ? 'while training' : 'at rest'}`);
  }
  await app.close();
});

// Serves `body` instead of one MNIST file; the request is then not an error of the page.
async function replace(app, file, response) {
  await app.page.route(`**/data/${file}`, (route) => route.fulfill(response));
}

// The failed requests this test made on purpose are not errors of the page.
function forgive(app, files) {
  for (let i = app.errors.length - 1; i >= 0; i--) {
    if (files.some((f) => app.errors[i].includes(f) || app.errors[i].includes('404'))) app.errors.splice(i, 1);
  }
}

test('a missing file and a damaged gzip file are named in the page; Try again recovers', { timeout: 300_000 }, async () => {
  const app = await openApp(env, { width: 1280, height: 800 });
  await replace(app, 'train-labels-idx1-ubyte.gz', { status: 404, body: 'not found' });
  const real = readFileSync(join(webDir, 'data', 't10k-images-idx3-ubyte.gz'));
  await replace(app, 't10k-images-idx3-ubyte.gz', { status: 200, body: real.subarray(0, real.length >> 1) });
  await openMnist(app);
  const s = await waitLoad(app);
  assert.equal(s.load, 'failed');
  const text = s.errors.join('\n');
  assert.match(text, /train-labels-idx1-ubyte\.gz: not found on the server \(HTTP 404\)/);
  assert.match(text, /t10k-images-idx3-ubyte\.gz: not a valid gzip file/);
  await app.screenshot('mnist_error_missing');

  await app.page.unrouteAll();
  await app.clickWidget('mnist_retry');
  const again = await waitLoad(app);
  assert.equal(again.load, 'ready', `after the files are back, Try again should load them: ${again.errors}`);
  forgive(app, ['train-labels-idx1-ubyte.gz', 't10k-images-idx3-ubyte.gz']);
  await app.close();
});

test('a wrong IDX magic number and truncated IDX data are explained', { timeout: 300_000 }, async () => {
  const app = await openApp(env, { width: 1280, height: 800 });
  // A valid gzip file that is not an IDX file.
  await replace(app, 'train-images-idx3-ubyte.gz', { status: 200, body: gzipSync(Buffer.from('<html>not MNIST</html>')) });
  await openMnist(app);
  let s = await waitLoad(app);
  assert.equal(s.load, 'failed');
  assert.match(s.errors.join('\n'), /train-images-idx3-ubyte\.gz: wrong magic number 0x3C68746D, expected 0x00000803/);
  await app.screenshot('mnist_error_magic');

  // Valid gzip of an IDX label file cut short.
  await app.page.unrouteAll();
  const labels = gzipSync(Buffer.concat([Buffer.from([0, 0, 8, 1, 0, 0, 0x27, 0x10]), Buffer.alloc(5000)]));
  await replace(app, 't10k-labels-idx1-ubyte.gz', { status: 200, body: labels });
  await app.clickWidget('mnist_retry');
  s = await waitLoad(app);
  assert.equal(s.load, 'failed');
  assert.match(s.errors.join('\n'), /t10k-labels-idx1-ubyte\.gz: truncated data: the header promises 10000 bytes, the file has 5000/);
  await app.screenshot('mnist_error_truncated');
  await app.close();
});

test('the tuning panel explains bad grid values, marks a diverging configuration and tests the best once', { timeout: 900_000 }, async () => {
  const app = await openApp(env, { width: 1280, height: 800 });
  await openMnist(app);
  await waitLoad(app);
  await app.clickWidget('mnist_size');
  await app.clickWidget('mnist_size_10000');
  await app.page.waitForFunction(() => window.mlp.state.mnist.train_size === 10000, null, { timeout: 60_000 });
  await app.clickWidget('tab_tuning');

  await app.typeInto('tuning_hidden', '0, 30', { at: 30 });
  await app.typeInto('tuning_lr', 'abc, 0.1', { at: 30 });
  await app.clickWidget('tuning_start');
  let t = (await app.getState()).mnist.tuning;
  assert.equal(t.busy, false, 'a bad grid does not start');
  const problems = t.problems.join('\n');
  assert.match(problems, /learning rates: 'abc' is not a number/);
  assert.match(problems, /hidden/i, `the zero width should be named: ${problems}`);
  await app.screenshot('mnist_tuning_problems');

  // A grid with one sane and one diverging learning rate for a deep ReLU network.
  await app.typeInto('tuning_hidden', '30-30-30', { at: 30 });
  await app.typeInto('tuning_lr', '0.1, 50', { at: 30 });
  await app.typeInto('tuning_batch', '100', { at: 30 });
  await app.typeInto('tuning_epochs', '1', { at: 30 });
  await app.clickWidget('tuning_start');
  t = (await app.getState()).mnist.tuning;
  assert.deepEqual(t.problems, []);
  await app.page.waitForFunction(() => window.mlp.state.mnist.tuning.finished, null, { timeout: 600_000 });
  t = (await app.getState()).mnist.tuning;
  assert.equal(t.rows.length, 2);
  assert.equal(t.rows[0].status, 'ok');
  assert.equal(t.rows[1].status, 'diverged', `lr 50 should diverge: ${JSON.stringify(t.rows[1])}`);
  assert.equal(t.best, 0);
  await app.screenshot('mnist_tuning_table');

  await app.clickWidget('tuning_final');
  await app.page.waitForFunction(() => window.mlp.state.mnist.tuning.final_accuracy !== undefined, null, { timeout: 600_000 });
  t = (await app.getState()).mnist.tuning;
  console.log(`# tuning: best ${t.rows[0].config}: validation ${(100 * t.rows[0].accuracy).toFixed(2)} %, ` +
              `test ${(100 * t.final_accuracy).toFixed(2)} %`);
  assert.ok(t.final_accuracy > 0.8, `the retrained best should do well on the test digits, got ${t.final_accuracy}`);
  await app.screenshot('mnist_tuning_final');
  await app.close();
});
