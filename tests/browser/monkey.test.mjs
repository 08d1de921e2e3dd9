// Monkey test: random clicks, drags, scrolls, keys and typing in the real page, spread over
// every tab (Set up, Lessons, Compare, MNIST on 10,000 digits, the tuning panel), from a
// seeded generator so that a failure can be replayed:
//
//   MLP_MONKEY_SEED=N MLP_MONKEY_SECONDS=S node --test tests/browser/monkey.test.mjs
//
// (default seed printed at the start, default 60 s; visits of 8 actions each). It fails on a console error or page
// error, a NaN or infinity in the published state while that run does not report a
// divergence, a frame longer than 2 s, a page that stops drawing for 5 s, and on leaving the
// page. File pickers and downloads are cancelled; the import and export buttons are skipped.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { installFrameProbe, openApp, readFrameProbe, startBrowser } from './harness.mjs';

const SEED = Number(process.env.MLP_MONKEY_SEED ?? 20261205) >>> 0;
const SECONDS = Number(process.env.MLP_MONKEY_SECONDS ?? 60);
const LONGEST_FRAME_MS = 2000;
const STALL_MS = 5000;
// Visits are counted in actions, not seconds, so that a seed replays the same actions.
const ACTIONS_PER_VISIT = 8;
// Widgets the monkey leaves alone: they open the file picker, download or use the clipboard.
const SKIPPED = /import|export|copy_link|file|download/;
const KEYS = ['s', 'b', 'e', 'p', 'r', 'Escape', 'Tab', 'Enter', 'Backspace', 'ArrowLeft', 'ArrowRight',
  'ArrowUp', 'ArrowDown', 'Home', 'End', 'Control+A', 'Control+Z', 'Shift+Tab'];
const WORDS = ['0', '1', '0.5', '-3', '1e9', '1e-9', '1e999', 'nan', 'inf', '-inf', '100000', '2,3', 'abc', ' ', ''];

let env;
before(async () => { env = await startBrowser(); });
after(async () => { await env?.close(); });

// mulberry32: a small seeded generator of numbers in [0, 1).
function mulberry32(seed) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomTools(rng) {
  const int = (lo, hi) => lo + Math.floor(rng() * (hi - lo + 1));
  const pick = (items) => items[int(0, items.length - 1)];
  const weighted = (table) => {
    let r = rng() * table.reduce((s, [w]) => s + w, 0);
    for (const [w, item] of table) if ((r -= w) < 0) return item;
    return table[table.length - 1][1];
  };
  return { rng, int, pick, weighted };
}

// Rejects with a message if `promise` takes longer than ms.
function withDeadline(promise, ms, message) {
  let timer;
  const deadline = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(message)), ms); });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

// Where a non-finite number shows in the published state: strings reading nan or inf, and
// nulls (how the app writes NaN and infinity) in numeric fields that always have a value
// (batch_loss has none before the first batch).
const NULL_MEANS_NAN = new Set(['sum', 'train_loss', 'numeric', 'backprop']);
function nonFinite(value, path = [], found = []) {
  if (typeof value === 'string' && /(^|[^a-z])(nan|inf|infinity)([^a-z]|$)/i.test(value)) found.push({ path, value });
  else if (typeof value === 'number' && !Number.isFinite(value)) found.push({ path, value });
  else if (value === null && NULL_MEANS_NAN.has(path[path.length - 1])) found.push({ path, value });
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) nonFinite(v, [...path, k], found);
  }
  return found;
}

// Whether the run a state path belongs to reports a divergence (which explains a NaN).
function divergenceReported(state, path) {
  const [section, part] = path;
  if (section === 'mnist' && part === 'tuning') return (state.mnist.tuning?.rows ?? []).some((r) => r.status === 'diverged');
  if (section === 'mnist') return state.mnist.diverged === true;
  if (section === 'compare') return (state.compare?.runs ?? []).some((r) => r.diverged);
  // The address and the typed text of the set-up say what the student typed, not a result.
  if (['setup', 'setup_notes', 'setup_error'].includes(section)) return true;
  return state.diverged === true;
}

// The problems found in the page after an action (empty if none).
async function problems(app, watch) {
  const found = [...app.errors];
  const frames = await withDeadline(app.page.evaluate(() => window.mlp.frames), STALL_MS,
    `the page did not answer for ${STALL_MS / 1000} s`);
  const now = Date.now();
  if (frames !== watch.frames) Object.assign(watch, { frames, since: now });
  else if (now - watch.since > STALL_MS) found.push(`no new frame for ${((now - watch.since) / 1000).toFixed(1)} s`);
  const probe = await readFrameProbe(app);
  watch.longest = Math.max(watch.longest, probe.max_ms);
  if (probe.max_ms > LONGEST_FRAME_MS) found.push(`a frame took ${probe.max_ms.toFixed(0)} ms`);
  const state = await app.getState();
  for (const spot of nonFinite(state)) {
    if (!divergenceReported(state, spot.path)) {
      found.push(`${spot.path.join('.')} = ${JSON.stringify(spot.value)} without a divergence reported`);
    }
  }
  if (app.page.url().split('#')[0] !== app.url.split('#')[0]) found.push(`the page left for ${app.page.url()}`);
  return found;
}

// The published widgets the monkey may use now.
async function widgets(app) {
  const all = await app.page.evaluate(() => window.mlp.widgets);
  return Object.entries(all).filter(([id, r]) => !SKIPPED.test(id) && r.x1 > r.x0 && r.y1 > r.y0);
}

// Random actions; each returns a line for the log. Mouse actions move, press and release in
// frames of their own.
function monkeyActions(app, rand, size) {
  const page = app.page;
  const pointIn = (r) => [r.x0 + rand.rng() * (r.x1 - r.x0), r.y0 + rand.rng() * (r.y1 - r.y0)];
  const anywhere = () => [rand.rng() * size.width, rand.rng() * size.height];
  const target = async () => {
    const ws = await widgets(app);
    if (ws.length === 0 || rand.rng() < 0.25) return { name: 'a random point', at: anywhere() };
    const [id, r] = rand.pick(ws);
    return { name: id, at: pointIn(r) };
  };
  const press = async ([x, y]) => {
    await page.mouse.move(x, y);
    await app.waitFrames(1);
    await page.mouse.down();
    await app.waitFrames(1);
    await page.mouse.up();
    await app.waitFrames(1);
  };
  const fmt = ([x, y]) => `(${x.toFixed(0)}, ${y.toFixed(0)})`;
  return {
    async click() {
      const t = await target();
      await press(t.at);
      return `click ${t.name} at ${fmt(t.at)}`;
    },
    async drag() {
      const t = await target();
      const to = [t.at[0] + rand.int(-250, 250), t.at[1] + rand.int(-150, 150)];
      await page.mouse.move(...t.at);
      await app.waitFrames(1);
      await page.mouse.down();
      await app.waitFrames(1);
      await page.mouse.move(...to, { steps: rand.int(2, 8) });
      await app.waitFrames(1);
      await page.mouse.up();
      await app.waitFrames(1);
      return `drag ${t.name} from ${fmt(t.at)} to ${fmt(to)}`;
    },
    async scroll() {
      const t = await target();
      const dy = rand.int(-6, 6) * 60, dx = rand.rng() < 0.2 ? rand.int(-3, 3) * 60 : 0;
      await page.mouse.move(...t.at);
      await page.mouse.wheel(dx, dy);
      await app.waitFrames(2);
      return `scroll (${dx}, ${dy}) over ${t.name} at ${fmt(t.at)}`;
    },
    async type() {
      const t = await target();
      await press(t.at);
      const text = rand.pick(WORDS);
      await page.keyboard.type(text);
      await app.waitFrames(1);
      const end = rand.pick(['Enter', 'Escape', 'Tab', null]);
      if (end) await app.pressKey(end);
      return `type ${JSON.stringify(text)}${end ? ` + ${end}` : ''} into ${t.name} at ${fmt(t.at)}`;
    },
    async key() {
      const key = rand.pick(KEYS);
      await app.pressKey(key);
      return `key ${key}`;
    },
  };
}

// The places the monkey visits in turn; enter() brings each forward on purpose.
function places(app, log) {
  // The MNIST set-up is disabled while its run trains or the tuning search runs: stop both.
  const stopMnist = async (state) => {
    if (state.tuning?.busy) {
      await app.clickWidget('tab_tuning');
      await app.clickWidget('tuning_stop');
    }
    if (state.running) await app.clickWidget('play');  // the top bar drives the MNIST run here
    await app.page.waitForFunction(() => !window.mlp.state.mnist.running && !window.mlp.state.mnist.tuning.busy,
      null, { timeout: 60_000 });
  };
  const mnistReady = async () => {
    await app.clickWidget('tab_mnist');
    const state = await app.page.waitForFunction(() => ['ready', 'failed'].includes(window.mlp.state?.mnist?.load) &&
      window.mlp.state.mnist, null, { timeout: 180_000 }).then((h) => h.jsonValue());
    assert.equal(state.load, 'ready', `MNIST should load: ${state.errors}`);
    if (state.train_size !== 10000) {  // a small subset and a short run
      await stopMnist(state);
      await app.clickWidget('mnist_size');
      await app.clickWidget('mnist_size_10000');
      await app.page.waitForFunction(() => window.mlp.state.mnist.train_size === 10000, null, { timeout: 60_000 });
      await app.typeInto('mnist_length', '1', { at: 30 });
      log('MNIST: 10,000 training digits, 1 epoch');
    }
  };
  return [
    { name: 'Set up', enter: () => app.clickWidget('tab_setup') },
    { name: 'Lessons', enter: () => app.clickWidget('tab_lessons') },
    { name: 'Compare', enter: () => app.clickWidget('tab_compare') },
    { name: 'MNIST', enter: mnistReady },
    {
      name: 'MNIST tuning',
      async enter() {
        await mnistReady();
        await app.clickWidget('tab_tuning');
        if (!(await app.getState()).mnist.tuning.busy) {  // a small grid: two short trials
          await app.typeInto('tuning_hidden', '10', { at: 30 });
          await app.typeInto('tuning_lr', '0.1, 50', { at: 30 });
          await app.typeInto('tuning_epochs', '1', { at: 30 });
        }
      },
    },
  ];
}

test(`monkey: random actions over every tab for ${SECONDS} s (seed ${SEED})`, { timeout: (SECONDS + 900) * 1000 }, async () => {
  console.log(`# monkey seed ${SEED} (MLP_MONKEY_SEED replays it), ${SECONDS} s (MLP_MONKEY_SECONDS)`);
  const size = { width: 1280, height: 800 };
  const app = await openApp(env, { ...size, setup: installFrameProbe });
  await readFrameProbe(app);  // the page's start (fonts, first frame) is not the monkey's doing
  app.page.on('filechooser', (chooser) => chooser.setFiles([]).catch(() => {}));
  app.page.on('download', (download) => download.cancel().catch(() => {}));
  app.page.on('popup', (popup) => app.errors.push(`a popup opened: ${popup.url()}`));
  const rand = randomTools(mulberry32(SEED));
  const actions = monkeyActions(app, rand, size);
  const kinds = [[35, 'click'], [15, 'drag'], [15, 'scroll'], [15, 'type'], [20, 'key']];
  const history = [];
  const log = (line) => history.push(line);
  const counts = {};
  const watch = { frames: -1, since: Date.now(), longest: 0 };
  const start = Date.now();
  try {
    for (let turn = 0; Date.now() - start < SECONDS * 1000; ++turn) {
      const place = places(app, log)[turn % 5];
      log(`== ${place.name}`);
      await place.enter();
      assert.deepEqual(await problems(app, watch), [], `after entering ${place.name}`);
      for (let i = 0; i < ACTIONS_PER_VISIT && Date.now() - start < SECONDS * 1000; ++i) {
        const kind = rand.weighted(kinds);
        log(`(${kind} ...)`);
        history[history.length - 1] = await withDeadline(actions[kind](), 60_000, `the action '${kind}' did not finish in 60 s`);
        counts[kind] = (counts[kind] ?? 0) + 1;
        const found = await problems(app, watch);
        assert.deepEqual(found, [], `after ${history[history.length - 1]}`);
      }
    }
  } catch (err) {
    const frames = await withDeadline(app.page.evaluate(() => [window.mlp.frames, window.mlp.state]), 5000, 'no answer')
      .then(([n, s]) => `${n} frames, work_ms ${s.work_ms}, mnist ${JSON.stringify({ ...s.mnist, confusion: undefined })}`)
      .catch((e) => e.message);
    err.message += `\n(seed ${SEED}; errors in the page: ${JSON.stringify(app.errors)}; the page now: ${frames}; ` +
      `the last actions:\n  ${history.slice(-25).join('\n  ')})`;
    throw err;
  }
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const state = await app.getState();
  console.log(`# monkey: ${total} actions in ${((Date.now() - start) / 1000).toFixed(0)} s: ${JSON.stringify(counts)}; ` +
    `longest frame ${watch.longest.toFixed(0)} ms; ${state.frames} frames; toy iteration ${state.iteration}, ` +
    `MNIST iteration ${state.mnist.iteration ?? '-'}`);
  assert.ok(total > 0, 'the monkey acted');
  await app.close();
});
