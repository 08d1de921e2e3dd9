// The playground as a student uses it, through real mouse clicks on the widgets the
// app publishes: set up circles with sigmoid, step phase by phase reading the status line and
// watching the matrices change, follow one weight's chain rule, step a batch and see the loss
// curve grow, switch to ReLU, share the set-up as a link and reopen it, import a bad model file,
// and watch a diverging run pause. Screenshots of each step go to build/screenshots/playground_*.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { openApp, startBrowser } from './harness.mjs';

let env;
before(async () => { env = await startBrowser(); });
after(async () => { await env?.close(); });

// Moves the pointer off the widgets so no tooltip covers the screenshot.
const shot = (app, name) => app.cleanShot(`playground_${name}`);

const matrixNames = (state) => state.matrices.map((m) => m.name);

// Scrolls the set-up panel (mouse wheel over it) until a widget is in view: the app publishes
// only what is visible.
async function scrollSetupTo(app, id) {
  for (let tries = 0; tries < 12; ++tries) {
    const r = await app.page.evaluate((wid) => window.mlp.widgets[wid] || null, id);
    if (r) return r;
    await app.page.mouse.move(150, 450);
    await app.page.mouse.wheel(0, 120);
    await app.waitFrames(3);
  }
  throw new Error(`set-up widget '${id}' never came into view`);
}

async function clickSetup(app, id) {
  await scrollSetupTo(app, id);
  return app.clickWidget(id);
}

test('circles + sigmoid, phase by phase: status line, matrices, chain rule, one batch', { timeout: 180_000 }, async () => {
  const app = await openApp(env);
  await app.clickWidget('data_circles');
  await clickSetup(app, 'act_all_sigmoid');
  let s = await app.getState();
  assert.equal(s.dataset, 'circles');
  assert.deepEqual(s.activations, ['sigmoid', 'sigmoid']);
  assert.equal(s.iteration, 0);
  assert.equal(s.phase, 'ready');
  assert.equal(s.next_phase, 'forward 1');
  await shot(app, '1_setup_sigmoid');

  // Forward 1: Z1 = [1 X] · W1 with the batch of 10 and W1 of (2 + 1) x 6.
  await app.clickWidget('step_phase');
  s = await app.getState();
  assert.equal(s.phase, 'forward 1');
  assert.match(s.status, /epoch 1 · batch 1 of 15/);
  assert.match(s.formula, /Z1 = \[1 X\] · W1 {3}\(10×3\)·\(3×6\)/);
  assert.match(s.formula, /H1 = σ\(Z1\)/);
  assert.deepEqual(matrixNames(s), ['[1 X]', 'W1', 'Z1', 'H1']);
  const forward1 = s.matrices;
  await shot(app, '2_forward1');

  // Every phase of the batch in order, each with its formula; the matrices change each time.
  const expected = [
    ['forward 2', /Z2 = \[1 H1\] · W2 {3}\(10×7\)·\(7×6\)/],
    ['forward 3', /Ŷ = softmax\(Z3\)/],
    ['loss', /L = −\(1\/N\) Σ Y ∗ ln Ŷ = \d/],
    ['backward 3', /dZ3 = Ŷ − Y;.*dW3 = \[1 H2\]ᵀ · dZ3 \/ N {3}\(7×10\)·\(10×2\);.*dH2 = dZ3 · W3\[1:\]ᵀ/],
    ['backward 2', /dZ2 = dH2 ∗ σ'\(Z2\);.*dW2 = \[1 H1\]ᵀ · dZ2 \/ N {3}\(7×10\)·\(10×6\)/],
    ['backward 1', /dW1 = \[1 X\]ᵀ · dZ1 \/ N {3}\(3×10\)·\(10×6\)/],
    ['update', /W ← W − α·dW {2}for every layer {2}\(α = 0\.2\)/],
  ];
  let previous = forward1;
  for (const [phase, formula] of expected) {
    await app.clickWidget('step_phase');
    s = await app.getState();
    assert.equal(s.phase, phase);
    assert.match(s.formula, formula, `formula of ${phase}`);
    assert.notDeepEqual(s.matrices, previous, `the matrices shown should change at ${phase}`);
    previous = s.matrices;
    if (phase === 'backward 2') await shot(app, '3_backward2');
  }
  assert.equal(s.iteration, 1);
  assert.match(s.status, /epoch 1 · batch 1 of 15 · iteration 1 · update/);
  const before1 = s.matrices.find((m) => m.name === 'W1 before');
  const after1 = s.matrices.find((m) => m.name === 'W1 after');
  assert.ok(before1 && after1, 'the update shows W1 before and after');
  assert.notEqual(before1.sum, after1.sum, 'the update changes W1');
  await shot(app, '4_update');

  // The chain rule of the picked weight agrees with the finite-difference estimate.
  await app.clickWidget('tab_chain');
  await app.waitFrames(3);
  s = await app.getState();
  assert.ok(s.chain, 'the chain-rule tab publishes its numbers');
  const { backprop, numeric } = s.chain;
  assert.ok(Math.abs(backprop - numeric) <= 1e-3 * Math.max(1e-3, Math.abs(numeric)) + 1e-6,
    `back-propagation ${backprop} vs finite difference ${numeric}`);
  await shot(app, '5_chain_rule');
  await app.clickWidget('tab_matrices');

  // One more batch: the loss curve gets a point per update.
  const points = s.history_points;
  await app.clickWidget('step_batch');
  s = await app.getState();
  assert.equal(s.iteration, 2);
  assert.equal(s.history_points, points + 1, 'one history point per update');
  await app.widget('loss_plot');
  await app.clickWidget('step_epoch');
  await app.page.waitForFunction(() => window.mlp.state.iteration === 15, null, { timeout: 30_000 });
  s = await app.getState();
  assert.equal(s.history_points, 16);
  assert.equal(s.gradient_points, 15);
  await shot(app, '6_one_epoch');

  // Switch to ReLU: the run restarts from the seed.
  await clickSetup(app, 'act_all_relu');
  s = await app.getState();
  assert.deepEqual(s.activations, ['relu', 'relu']);
  assert.equal(s.iteration, 0);
  await app.clickWidget('step_batch');
  assert.equal((await app.getState()).iteration, 1);
  await shot(app, '7_relu');
  await app.close();
});

test('copy the link, reopen it: the same set-up and the same numbers', { timeout: 180_000 }, async () => {
  const app = await openApp(env);
  await app.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(env.server.url).origin });
  await app.clickWidget('data_xor');
  await clickSetup(app, 'act_all_tanh');
  await clickSetup(app, 'units_1_plus');
  await clickSetup(app, 'remove_layer_2');
  await app.clickWidget('step_batch');
  const s = await app.getState();
  assert.equal(s.dataset, 'xor');
  assert.deepEqual(s.hidden, [7]);
  assert.deepEqual(s.activations, ['tanh']);
  await app.clickWidget('copy_link');  // the dialog: as it is, or for students
  await app.clickWidget('link_copy');
  const link = await app.page.evaluate(() => navigator.clipboard.readText());
  assert.ok(link.startsWith(env.server.url), `the clipboard holds the page address: ${link}`);
  assert.ok(link.includes('data=xor') && link.includes('layers=7') && link.includes('act=tanh'), link);
  assert.match((await app.getState()).io_message, /link copied/);
  await shot(app, '8_link_copied');
  await app.close();

  const again = await openApp(env, { hash: link.split('#')[1] });
  const r = await again.getState();
  assert.equal(r.setup, s.setup, 'the link restores every setting');
  assert.deepEqual(r.setup_notes, [], 'a link made by the page needs no corrections');
  await again.clickWidget('step_batch');
  const r1 = await again.getState();
  assert.equal(r1.iteration, 1);
  assert.equal(r1.train_loss, s.train_loss, 'same seed, same batch, same loss');
  await shot(again, '9_link_reopened');
  await again.close();
});

test('the L2 rate: typed into its slider, it is in the link and in the formula of the update', { timeout: 120_000 }, async () => {
  const app = await openApp(env);
  const r = await scrollSetupTo(app, 'l2');
  // Ctrl+click turns an ImGui slider into a text field.
  await app.page.keyboard.down('Control');
  await app.page.mouse.click((r.x0 + r.x1) / 2, (r.y0 + r.y1) / 2);
  await app.waitFrames(2);
  await app.page.keyboard.up('Control');
  await app.pressKey('Control+A');
  await app.page.keyboard.type('0.01');
  await app.pressKey('Enter');
  await app.waitFrames(3);
  let s = await app.getState();
  assert.match(s.setup, /(^|&)l2=0\.01(&|$)/, `the address carries λ₂: ${s.setup}`);
  await app.clickWidget('step_batch');
  s = await app.getState();
  assert.equal(s.phase, 'update');
  assert.match(s.formula, /W ← W − α·\(dW \+ λ₂·W\) {2}for every layer {2}\(α = 0\.2, λ₂ = 0\.01; the penalty skips the bias row\)/);
  await shot(app, '8b_l2_update');
  await app.close();
});

test('a link with bad values opens with clear corrections', { timeout: 120_000 }, async () => {
  const app = await openApp(env, { hash: 'data=moons&lr=500&layers=4,x&act=relu&colour=red' });
  const s = await app.getState();
  const notes = s.setup_notes.join('\n');
  assert.match(notes, /unknown data set 'moons'/);
  assert.match(notes, /learning rate 500 is above 100: using 100/);
  assert.match(notes, /layers '4,x' is not valid/);
  assert.match(notes, /unknown setting 'colour'/);
  assert.equal(s.dataset, 'circles');
  await shot(app, '10_bad_link');
  await app.close();
});

test('import bad model files, then a good one exported by the page', { timeout: 180_000 }, async () => {
  const app = await openApp(env);
  const pick = (name, contents) => app.pickFile('import_model', name, contents);

  let s = await pick('broken.json', '{"format": "mlp-playground-model", "version": 1,\n "spec": {');
  assert.match(s.import_error, /^broken\.json: .*line 2/, s.import_error);
  await shot(app, '11_bad_model');

  s = await pick('wide.json', JSON.stringify({
    format: 'mlp-playground-model', version: 1,
    spec: { inputs: 3, hidden: [], outputs: 2, output: 'softmax', init: 'lecture' },
    weights: [[[0, 0], [0, 0], [0, 0], [0, 0]]],
  }));
  assert.match(s.import_error, /wide\.json: the model has 3 inputs/, s.import_error);

  // Files that are not model JSON at all: each named, none half-read.
  s = await pick('empty.json', '');
  assert.equal(s.import_error, 'empty.json: the file is empty');
  s = await pick('photo.png', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
  assert.equal(s.import_error, 'photo.png: binary data, not a model JSON (a zero byte at offset 8)');
  s = await pick('model.json.gz', gzipSync(Buffer.from('{"format": "mlp-playground-model"}')).subarray(0, 20));
  assert.match(s.import_error, /^model\.json\.gz: a gzip file that cannot be read: /, s.import_error);
  const dir = mkdtempSync(join(tmpdir(), 'mlp-big-'));
  try {
    const big = join(dir, 'huge.json');
    writeFileSync(big, '');
    truncateSync(big, 200 * 1024 * 1024);  // 200 MB (sparse: nothing written)
    s = await pick('huge.json', { path: big });
    assert.equal(s.import_error, 'huge.json: the file is 200 MB; files up to 64 MB are opened');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  // The page still trains after the refused files. Export the trained model, then import it back.
  await app.clickWidget('step_epoch');
  await app.page.waitForFunction(() => window.mlp.state.iteration === 15, null, { timeout: 30_000 });
  const trained = await app.getState();
  const download = app.page.waitForEvent('download');
  await app.clickWidget('export_model');
  const file = await download;
  assert.equal(file.suggestedFilename(), 'mlp-model.json');
  const text = await (await file.createReadStream()).toArray().then((c) => Buffer.concat(c).toString());
  assert.equal(JSON.parse(text).run, trained.setup, 'the model file records the set-up');
  // Another data set meanwhile: importing brings back the set-up the model was trained with.
  await app.clickWidget('data_xor');
  assert.equal((await app.getState()).dataset, 'xor');
  s = await pick('mlp-model.json', text);
  assert.equal(s.import_error, '');
  assert.equal(s.setup, trained.setup);
  assert.match(s.io_message, /with the set-up it was trained with/);
  assert.equal(s.model_source, 'mlp-model.json');
  assert.equal(s.iteration, 0, 'training restarts from the imported weights');
  assert.ok(Math.abs(s.train_loss - trained.train_loss) < 1e-6,
    `the imported weights give the exported loss: ${s.train_loss} vs ${trained.train_loss}`);
  await shot(app, '12_model_imported');
  await app.close();
});

test('a diverging run pauses and suggests a lower learning rate', { timeout: 120_000 }, async () => {
  const app = await openApp(env, { hash: 'data=circles&out=linear&lr=60&act=relu' });
  await app.clickWidget('play');
  await app.page.waitForFunction(() => window.mlp.state.diverged, null, { timeout: 60_000 });
  await app.waitFrames(3);
  const s = await app.getState();
  assert.equal(s.playing, false);
  assert.match(s.pause_reason, /diverged.*lower learning rate/);
  await shot(app, '13_diverged');
  await app.close();
});

test('the glyphs: the 25-input network on the lecture\'s 5×5 digits', { timeout: 120_000 }, async () => {
  const app = await openApp(env, { width: 1920, height: 1080 });
  await app.clickWidget('data_glyphs');
  let s = await app.getState();
  assert.equal(s.dataset, 'glyphs');
  assert.match(s.network, /^25-6-6-5/);
  await app.clickWidget('step_epoch');
  await app.clickWidget('step_phase');
  await app.clickWidget('step_phase');
  s = await app.getState();
  assert.equal(s.phase, 'forward 2');
  await shot(app, '14_glyphs_1920');
  await app.close();
});

test('input features: a perceptron on x₁², x₂² separates the circles; the boundary shows each input', { timeout: 180_000 }, async () => {
  const app = await openApp(env, { hash: 'data=circles&layers=none&out=sigmoid&lr=0.5&features=x1sq,x2sq' });
  let s = await app.getState();
  assert.match(s.setup, /(^|&)features=x1sq,x2sq(&|$)/);
  assert.equal(s.features, 'x1sq,x2sq');
  assert.equal(s.network, '2-1 (sigmoid)');
  for (let i = 0; i < 5; ++i) await app.pressKey('e');
  await app.waitFrames(5);
  s = await app.getState();
  assert.ok(s.test_accuracy > 0.95, `one layer on x₁², x₂² separates the circles (test accuracy ${s.test_accuracy})`);
  await scrollSetupTo(app, 'feature_x1x2');
  await shot(app, '11_features_circles');
  await clickSetup(app, 'feature_x1x2');
  s = await app.getState();
  assert.match(s.setup, /(^|&)features=x1sq,x2sq,x1x2(&|$)/);
  assert.equal(s.iteration, 0, 'a new input restarts the run');
  await app.close();
});
