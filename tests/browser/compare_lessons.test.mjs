// The Compare view and the Lessons tab, through real clicks on published widgets:
//  - the Compare tab runs sigmoid vs ReLU vs ReLU + dropout in lockstep from the same initial
//    weights; stepping and play move all runs together; the summary table's values exist and
//    differ between runs; runs can be added and removed;
//  - the Lessons tab loads a chapter's set-up (the set-up changes), the chain-rule chapter picks
//    its weight, and the Compare tab follows a loaded set-up.
// No console errors; screenshots in build/screenshots/ (compare_*.png, lesson_*.png).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, startBrowser } from './harness.mjs';

let env;
before(async () => { env = await startBrowser(); });
after(async () => { await env?.close(); });

const runs = async (app) => (await app.getState()).compare.runs;

// Screenshot with the pointer moved off the widgets (no tooltip over the status lines).
const shot = (app, name) => app.cleanShot(name, { x: 2, y: 798 });
const iterations = async (app) => (await runs(app)).map((r) => r.iterations);

test('Compare: sigmoid vs ReLU vs ReLU + dropout in lockstep from the same weights', { timeout: 240_000 }, async () => {
  const app = await openApp(env);
  await app.clickWidget('tab_compare');
  let state = await app.getState();
  assert.equal(state.compare.active, true, 'the Compare tab shows the comparison');
  assert.equal(state.compare.error, '');
  assert.deepEqual(state.compare.runs.map((r) => r.label), ['sigmoid', 'relu', 'relu + dropout 0.2']);
  assert.deepEqual(state.compare.runs.map((r) => r.shares_start_with), [0, 0, 0], 'one shared start');
  assert.deepEqual(state.compare.runs.map((r) => r.iterations), [0, 0, 0]);
  const start = state.compare.runs.map((r) => r.train_loss);
  assert.ok(start.every(Number.isFinite));
  assert.equal(start[1], start[2], 'ReLU with and without dropout evaluate the same start weights alike');
  for (const id of ['compare_plot', 'compare_table', 'compare_boundary_0', 'compare_boundary_2']) await app.widget(id);
  await shot(app, 'compare_start');

  await app.clickWidget('compare_step_batch');
  assert.deepEqual(await iterations(app), [1, 1, 1], 'one click = one batch for every run');
  const single = (await app.getState()).iteration;
  await app.pressKey('b');
  assert.deepEqual(await iterations(app), [2, 2, 2], 'the B key steps the comparison while it is shown');
  assert.equal((await app.getState()).iteration, single, 'and not the single run behind it');
  await app.clickWidget('compare_step_epoch');
  const perEpoch = state.batches_per_epoch;
  assert.deepEqual(await iterations(app), [perEpoch, perEpoch, perEpoch], 'to the end of the first epoch');

  await app.clickWidget('compare_play');
  await app.page.waitForFunction(() => window.mlp.state.compare.runs[0].iterations >= 600, null, { timeout: 120_000 });
  await app.clickWidget('compare_play');  // pause
  state = await app.getState();
  assert.equal(state.compare.playing, false);
  const done = state.compare.runs;
  assert.ok(done.every((r) => r.iterations === done[0].iterations), `lockstep: ${done.map((r) => r.iterations)}`);
  for (const field of ['train_loss', 'test_loss', 'train_accuracy', 'test_accuracy'])
    assert.ok(done.every((r) => Number.isFinite(r[field])), `${field} of every run: ${done.map((r) => r[field])}`);
  assert.equal(new Set(done.map((r) => r.train_loss)).size, 3, `the runs differ: ${done.map((r) => r.train_loss)}`);
  assert.ok(done[1].train_loss < start[1], 'ReLU learnt');
  assert.ok(done.every((r) => !r.diverged));
  // On circles with two ReLU layers of 4 the ReLU run reaches the target loss 0.1 well within 600 updates.
  assert.ok(done[1].target_iteration > 0, `relu reached the target: ${JSON.stringify(done[1])}`);
  await shot(app, 'compare_trained');

  // Type a new target loss: the "reached at" column is re-read from the curves, no retraining.
  await app.typeInto('compare_target', '0.3');
  state = await app.getState();
  assert.ok(Math.abs(state.compare.target_loss - 0.3) < 1e-6, `target ${state.compare.target_loss}`);
  const relu = state.compare.runs[1];
  assert.equal(relu.iterations, done[1].iterations, 'no retraining');
  assert.ok(relu.target_iteration > 0 && relu.target_iteration < done[1].target_iteration,
    `a higher target is reached sooner: ${relu.target_iteration} vs ${done[1].target_iteration}`);

  await app.clickWidget('compare_add');
  assert.equal((await runs(app)).length, 4, 'a fourth run');
  assert.deepEqual(await iterations(app), [0, 0, 0, 0], 'changing the runs restarts them');
  await app.clickWidget('compare_step_batch');
  assert.deepEqual(await iterations(app), [1, 1, 1, 1]);
  await shot(app, 'compare_four_runs');
  await app.clickWidget('compare_remove_0');
  assert.deepEqual((await runs(app)).map((r) => r.label), ['relu', 'relu + dropout 0.2', 'relu + dropout 0.2']);
  await app.clickWidget('compare_defaults');
  assert.deepEqual((await runs(app)).map((r) => r.label), ['sigmoid', 'relu', 'relu + dropout 0.2']);

  await app.clickWidget('tab_lessons');
  assert.equal((await app.getState()).compare.active, false, 'the single-run views are back');
  await app.widget('loss_plot');
  await app.close();
});

test('Lessons: a chapter loads its set-up, and the Compare tab follows it', { timeout: 240_000 }, async () => {
  const app = await openApp(env);
  await app.clickWidget('tab_lessons');
  await shot(app, 'lesson_list');

  await app.clickWidget('lesson_load_0_2');  // 1. perceptron, circles
  let state = await app.getState();
  assert.equal(state.lessons.loaded, 0);
  assert.equal(state.dataset, 'circles');
  assert.deepEqual(state.hidden, [], 'a perceptron: no hidden layer');
  assert.equal(state.output, 'sigmoid');
  assert.equal(state.setup_error, '');

  await app.clickWidget('lesson_2');        // 3. chain rule
  assert.equal((await app.getState()).lessons.chapter, 2);
  await app.clickWidget('lesson_load_2_0');
  state = await app.getState();
  assert.equal(state.dataset, 'xor');
  assert.deepEqual(state.hidden, [2]);
  assert.equal(state.batch, 1);
  assert.deepEqual(state.weight, { layer: 0, row: 1, col: 0 }, 'the chain-rule view follows W1[1, 0]');
  await app.clickWidget('step_batch');
  assert.equal((await app.getState()).iteration, 1);
  await shot(app, 'lesson_chain_rule');

  await app.clickWidget('lesson_5');        // 6. vanishing gradients
  await app.clickWidget('lesson_load_5_0');
  state = await app.getState();
  assert.deepEqual(state.hidden, [8, 8, 8, 8, 8]);
  assert.deepEqual(state.activations, ['sigmoid', 'sigmoid', 'sigmoid', 'sigmoid', 'sigmoid']);
  assert.equal(state.lessons.preset, 0);

  await app.clickWidget('tab_compare');     // the Compare tab follows the loaded set-up
  state = await app.getState();
  assert.equal(state.compare.error, '');
  assert.deepEqual(state.compare.runs.map((r) => r.label), ['sigmoid', 'relu', 'relu + dropout 0.2']);
  assert.equal(state.compare.runs[0].history_points, 1, 'a fresh comparison');

  await app.clickWidget('tab_lessons');
  await app.clickWidget('lesson_load_5_2');  // "Compare sigmoid, ReLU, dropout" opens the Compare tab itself
  await app.waitFrames(2);
  state = await app.getState();
  assert.equal(state.compare.active, true);
  assert.deepEqual(state.hidden, [8, 8, 8, 8, 8]);
  assert.deepEqual(state.compare.runs.map((r) => r.label), ['sigmoid', 'relu', 'relu + dropout 0.2']);
  await app.clickWidget('compare_step_epoch');
  await app.clickWidget('compare_step_epoch');
  const its = await iterations(app);
  assert.ok(its[0] > 0 && its.every((n) => n === its[0]), `lockstep on the deep net: ${its}`);
  await shot(app, 'lesson_vanishing_compare');

  await app.clickWidget('tab_lessons');
  await app.clickWidget('lesson_6');        // 7. overfitting and dropout on the glyphs
  await app.clickWidget('lesson_load_6_1');
  state = await app.getState();
  assert.equal(state.dataset, 'glyphs');
  assert.deepEqual(state.hidden, [20, 20, 20]);
  assert.match(state.setup, /drop=0\.2,0\.2,0\.2/);
  assert.equal(state.network, '25-20-20-20-5 (relu drop 0.2, relu drop 0.2, relu drop 0.2; softmax)');
  await app.clickWidget('step_epoch');
  await shot(app, 'lesson_dropout');

  await app.clickWidget('lesson_load_6_3');  // dropout 0, 0.2, 0.5 side by side: curves and table, no boundaries
  await app.waitFrames(2);
  state = await app.getState();
  assert.deepEqual(state.compare.runs.map((r) => r.label), ['relu', 'relu + dropout 0.2', 'relu + dropout 0.5']);
  for (let i = 0; i < 3; ++i) await app.clickWidget('compare_step_epoch');
  state = await app.getState();
  assert.deepEqual(state.compare.runs.map((r) => r.iterations), [3, 3, 3], 'the five glyphs: one batch per epoch');
  assert.ok(state.compare.runs.every((r) => Number.isFinite(r.test_loss)), 'tested on the noisy copies');
  await shot(app, 'lesson_dropout_compare');
  await app.close();
});

test('Compare view at 1920×1080 and on a high-DPI screen', { timeout: 240_000 }, async () => {
  for (const [name, options] of [['compare_1920', { width: 1920, height: 1080 }],
                                 ['compare_dpr2', { width: 1280, height: 800, deviceScaleFactor: 2 }]]) {
    const app = await openApp(env, options);
    await app.clickWidget('tab_compare');
    for (let i = 0; i < 4; ++i) await app.clickWidget('compare_step_epoch');
    const its = await iterations(app);
    assert.ok(its[0] > 0 && its.every((n) => n === its[0]), `${name}: ${its}`);
    await shot(app, name);
    await app.close();
  }
});
