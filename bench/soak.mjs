// Soak: plays the toy run at top speed (Play, speed slider at its right end) and trains the
// lecture's MNIST network on all 60,000 digits for as long as asked, switching between the
// Set up tab and the MNIST views, and samples every few seconds the wasm heap, the chromium
// renderer's memory, the JS heap, the frame time, the live GL textures and window.mlp.fetches.
// Prints a table of samples and a summary; fails (exit 1) if, after the warm-up, the wasm
// heap grows more than once (one growth step), the textures rise more than
// TEXTURE_TOLERANCE above the warm-up's highest count, or the fetches array grows.
//
//   node bench/soak.mjs [--minutes M | --seconds S] [--every S]
//
// tests/browser/soak.test.mjs runs the same code for about a minute.
import { pathToFileURL } from 'node:url';
import { installFrameProbe, openApp, readFrameProbe, rendererMemoryKb, startBrowser } from '../tests/browser/harness.mjs';

// The MNIST views shown in turn (one every other sample, the Set up tab in between).
const MNIST_VIEWS = ['tab_gallery', 'tab_units', 'tab_mistakes', 'tab_confusion', 'tab_mnist_network', 'tab_forward'];
export const ALLOWED_HEAP_STEPS = 1;  // growths of the wasm heap after the warm-up
// Live textures that may appear after the warm-up: a view first opened then adds its texture
// once, where a leak (one per frame or per snapshot) passes this within seconds.
const TEXTURE_TOLERANCE = 2;

function parseArgs(argv) {
  const opts = { seconds: 1800, every: 5 };
  for (let i = 0; i < argv.length; i += 2) {
    const value = Number(argv[i + 1]);
    if (argv[i] === '--minutes') opts.seconds = 60 * value;
    else if (argv[i] === '--seconds') opts.seconds = value;
    else if (argv[i] === '--every') opts.every = value;
    else throw new Error('usage: node bench/soak.mjs [--minutes M | --seconds S] [--every S]');
    if (!(value > 0)) throw new Error(`${argv[i]} needs a positive number`);
  }
  return opts;
}

// Presses and releases the mouse at (x, y), each in a frame of its own.
async function press(app, x, y) {
  await app.page.mouse.move(x, y);
  await app.waitFrames(1);
  await app.page.mouse.down();
  await app.waitFrames(1);
  await app.page.mouse.up();
  await app.waitFrames(1);
}

// The toy run plays as fast as the frame budget allows; MNIST loads and trains for `epochs`.
async function startWork(app, epochs) {
  const speed = await app.widget('speed');
  await press(app, speed.x1 - 2, (speed.y0 + speed.y1) / 2);
  await app.clickWidget('play');
  if (!(await app.getState()).playing) throw new Error('the toy run did not start playing');
  await app.clickWidget('tab_mnist');
  const load = await app.page.waitForFunction(() => ['ready', 'failed'].includes(window.mlp.state?.mnist?.load) &&
    window.mlp.state.mnist.load, null, { timeout: 300_000 }).then((h) => h.jsonValue());
  if (load !== 'ready') throw new Error(`MNIST did not load: ${(await app.getState()).mnist.errors}`);
  await app.typeInto('mnist_length', String(epochs), { at: 30 });
  await app.clickWidget('mnist_train');
  if (!(await app.getState()).mnist.running) throw new Error('MNIST training did not start');
}

// Shows the Set up tab, where Play drives the toy run, and plays again if the run paused at
// the end of its set-up's length. Returns whether it did.
async function showToy(app) {
  await app.clickWidget('tab_setup');
  if ((await app.getState()).playing) return false;
  await app.clickWidget('play');
  return true;
}

// Shows the MNIST tab and one of its views, if it is there yet (some wait for predictions).
async function showMnist(app, view) {
  await app.clickWidget('tab_mnist');
  await app.waitFrames(2);
  if (await app.page.evaluate((id) => Boolean(window.mlp.widgets[id]), view)) await app.clickWidget(view);
}

// One sample: what the page holds now and its frames since the previous sample.
async function sample(app, t0) {
  const page = await app.page.evaluate(() => ({
    heap: HEAP8.length,
    js_heap: performance.memory ? performance.memory.usedJSHeapSize : 0,
    fetches: window.mlp.fetches.length,
    fetches_held: window.mlp.fetches.filter((f) => f !== null).length,
    state: window.mlp.state,
  }));
  const renderers = rendererMemoryKb();
  const frames = await readFrameProbe(app);
  const s = page.state;
  return {
    t: (Date.now() - t0) / 1000,
    heap_mb: page.heap / 2 ** 20,
    js_heap_mb: page.js_heap / 2 ** 20,
    rss_mb: renderers.reduce((sum, r) => sum + r.rss, 0) / 1024,
    private_mb: renderers.reduce((sum, r) => sum + r.private, 0) / 1024,
    textures: s.textures,
    fetches: page.fetches,
    fetches_held: page.fetches_held,
    frame_ms: frames.mean_ms,
    frame_max_ms: frames.max_ms,
    toy_iteration: s.iteration,
    mnist_epoch: s.mnist.epoch,
    mnist_iteration: s.mnist.iteration,
  };
}

const COLUMNS = [
  ['t', 's', 0], ['heap_mb', 'heap MB', 0], ['rss_mb', 'RSS MB', 0], ['private_mb', 'private MB', 0],
  ['js_heap_mb', 'JS MB', 1], ['textures', 'textures', 0], ['fetches', 'fetches', 0], ['frame_ms', 'frame ms', 0],
  ['frame_max_ms', 'max ms', 0], ['toy_iteration', 'toy it', 0], ['mnist_epoch', 'MNIST ep', 0],
  ['mnist_iteration', 'MNIST it', 0],
];
const row = (cells) => cells.map((c) => String(c).padStart(10)).join(' ');
const formatSample = (s) => row(COLUMNS.map(([key, , digits]) => (typeof s[key] === 'number' ? s[key].toFixed(digits) : s[key])));

// The growth checks on the samples after the warm-up (`base` is the warm-up's last sample).
function growthFailures(warmup, after) {
  const base = warmup[warmup.length - 1];
  const failures = [];
  let steps = 0;
  after.forEach((s, i) => { if (s.heap_mb > (i === 0 ? base : after[i - 1]).heap_mb) steps += 1; });
  if (steps > ALLOWED_HEAP_STEPS) {
    failures.push(`the wasm heap grew ${steps} times after the warm-up (${base.heap_mb.toFixed(0)} → ` +
      `${after[after.length - 1].heap_mb.toFixed(0)} MB), allowed ${ALLOWED_HEAP_STEPS}`);
  }
  const warmTextures = Math.max(...warmup.map((s) => s.textures));
  const maxTextures = Math.max(...after.map((s) => s.textures));
  if (maxTextures > warmTextures + TEXTURE_TOLERANCE) {
    failures.push(`live textures rose to ${maxTextures} after the warm-up (at most ${warmTextures} before, ` +
      `${TEXTURE_TOLERANCE} more allowed)`);
  }
  const maxFetches = Math.max(...after.map((s) => s.fetches));
  if (maxFetches > base.fetches) failures.push(`window.mlp.fetches grew from ${base.fetches} to ${maxFetches} entries`);
  const held = Math.max(...after.map((s) => s.fetches_held));
  if (held > 0) failures.push(`window.mlp.fetches still holds ${held} downloaded files`);
  return failures;
}

function summaryLines(samples, warmup) {
  const base = warmup[warmup.length - 1], first = samples[0], last = samples[samples.length - 1];
  const line = (name, key, digits, unit) =>
    `${name}: start ${first[key].toFixed(digits)}, after warm-up ${base[key].toFixed(digits)}, end ${last[key].toFixed(digits)} ${unit}`;
  const after = samples.slice(warmup.length);
  const frames = after.map((s) => s.frame_ms).sort((a, b) => a - b);
  return [
    line('wasm heap', 'heap_mb', 0, 'MB'), line('renderer RSS', 'rss_mb', 0, 'MB'),
    line('renderer private', 'private_mb', 0, 'MB'), line('JS heap', 'js_heap_mb', 1, 'MB'),
    line('live textures', 'textures', 0, ''), line('window.mlp.fetches entries', 'fetches', 0, ''),
    `frame time after the warm-up: median of the samples' means ${frames[frames.length >> 1]?.toFixed(0)} ms, ` +
      `longest frame ${Math.max(...after.map((s) => s.frame_max_ms)).toFixed(0)} ms`,
    `work done: toy run ${last.toy_iteration} iterations, MNIST epoch ${last.mnist_epoch} iteration ${last.mnist_iteration}`,
  ];
}

// Runs the soak for `seconds` (after MNIST has loaded), sampling every `every` seconds; the
// warm-up is the first tenth (at least one round of the MNIST views). Returns
// { samples, warmup (samples in it), summary (lines), failures (empty if the checks pass) }.
export async function runSoak(env, { seconds, every = 5, epochs = 1000, log = console.log }) {
  // A toy set-up long enough (a million epochs) that play does not stop at its length.
  const app = await openApp(env, { width: 1280, height: 800, hash: 'epochs=1000000', setup: installFrameProbe });
  await startWork(app, epochs);
  await readFrameProbe(app);
  const t0 = Date.now();
  const warmupSeconds = Math.max(seconds / 10, 2 * every * MNIST_VIEWS.length);
  const samples = [];
  let restarts = 0;
  log(row(COLUMNS.map(([, title]) => title)));
  for (let i = 0; Date.now() - t0 < seconds * 1000; ++i) {
    if (i % 2 === 1) await showMnist(app, MNIST_VIEWS[(i >> 1) % MNIST_VIEWS.length]);
    else if (await showToy(app)) restarts += 1;
    await app.page.waitForTimeout(Math.max(0, every * 1000 - 500));
    samples.push(await sample(app, t0));
    log(formatSample(samples[samples.length - 1]) + (samples[samples.length - 1].t <= warmupSeconds ? '  (warm-up)' : ''));
  }
  await app.close();
  const warmup = samples.filter((s) => s.t <= warmupSeconds);
  if (warmup.length === 0 || warmup.length === samples.length) {
    return { samples, warmup, summary: [], failures: ['too short: no samples on one side of the warm-up'] };
  }
  const summary = [...summaryLines(samples, warmup), `the toy run reached its length and was played again ${restarts} times`];
  const failures = growthFailures(warmup, samples.slice(warmup.length));
  for (const l of summary) log(l);
  log(failures.length === 0 ? 'soak: no growth after the warm-up' : `soak FAILED:\n  ${failures.join('\n  ')}`);
  return { samples, warmup, summary, failures };
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  console.log(`soak: ${opts.seconds} s, a sample every ${opts.every} s, started ${new Date().toISOString()}`);
  const env = await startBrowser();
  try {
    const result = await runSoak(env, opts);
    process.exitCode = result.failures.length === 0 ? 0 : 1;
  } finally {
    await env.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await main();
