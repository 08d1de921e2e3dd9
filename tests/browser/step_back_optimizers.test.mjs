// Stepping back in time and the optimisers, in the real page: Adam with L1 and L2 from a link
// shows its update (the penalty matrix P, the bias-corrected m̂ and v̂) and a penalty curve; 20
// batches forward, 7 back (Shift+B) and 7 forward again give bit-identical weights; Shift+S goes
// one phase back; the timeline slider revisits an earlier update; Compare trains SGD, momentum
// and Adam from the same initial weights. Screenshots: build/screenshots/stepback_*.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, startBrowser } from './harness.mjs';

let env;
before(async () => { env = await startBrowser(); });
after(async () => { await env?.close(); });

const shot = (app, name) => app.cleanShot(`stepback_${name}`);

const names = (s) => s.matrices.map((m) => m.name);

test('Adam with L1 and L2: the update shows P, m̂ and v̂; the loss curve shows the penalty', { timeout: 120_000 }, async () => {
  const app = await openApp(env, { hash: 'opt=adam&lr=0.02&l1=0.001&l2=0.002&layers=5,4' });
  let s = await app.getState();
  assert.equal(s.opt, 'adam');
  assert.equal(s.l1, 0.001);
  assert.equal(s.l2, 0.002);
  assert.equal(s.beta1, 0.9);
  assert.match(s.setup, /(^|&)opt=adam(&|$)/);
  await app.clickWidget('step_batch');
  await app.clickWidget('step_batch');
  s = await app.getState();
  assert.equal(s.phase, 'update');
  assert.match(s.formula, /m ← β₁·m \+ \(1−β₁\)·\(dW \+ λ₂·W \+ λ₁·sign W\)/);
  assert.match(s.formula, /W ← W − α·m̂ \/ \(√v̂ \+ ε\)/);
  assert.match(s.formula, /t = 2: m̂ = m\/\(1−β₁ᵗ\)/);
  for (const m of ['W1 before', 'dW1', 'P1', 'm̂1', 'v̂1', 'W1 after', 'P3', 'm̂3']) assert.ok(names(s).includes(m), `${m} in ${names(s)}`);
  const P1 = s.matrices.find((m) => m.name === 'P1');
  assert.ok(P1.sum !== 0, 'the penalty matrix is not zero');
  await app.clickWidget('tab_loss');
  await shot(app, '1_adam_update');
  await app.close();
});

test('20 batches forward, 7 back, 7 forward: the same weights, bit for bit', { timeout: 180_000 }, async () => {
  const app = await openApp(env, { hash: 'drop=0.2&opt=momentum&mom=0.9' });
  for (let i = 0; i < 20; ++i) await app.pressKey('b');
  let s = await app.getState();
  assert.equal(s.iteration, 20);
  const at20 = s.weights_hash;
  for (let i = 0; i < 7; ++i) await app.pressKey('Shift+B');
  s = await app.getState();
  assert.equal(s.iteration, 13);
  assert.equal(s.phase, 'update');
  assert.equal(s.latest_iteration, 20);
  assert.notEqual(s.weights_hash, at20);
  await shot(app, '2_back_to_13');
  for (let i = 0; i < 7; ++i) await app.pressKey('b');
  s = await app.getState();
  assert.equal(s.iteration, 20);
  assert.equal(s.weights_hash, at20, 'stepping forward again reproduces the weights exactly');

  // One phase back from the update: the last backward phase, with the update next.
  await app.pressKey('Shift+S');
  s = await app.getState();
  assert.equal(s.phase, 'backward 1');
  assert.equal(s.next_phase, 'update');
  assert.deepEqual(s.position, { iteration: 19, phases: 7 });
  await app.clickWidget('back_phase');
  s = await app.getState();
  assert.equal(s.phase, 'backward 2');

  // The timeline: click near its left end (an early iteration), then its right end (the latest).
  const r = await app.widget('timeline');
  await app.page.mouse.click(r.x0 + 4, (r.y0 + r.y1) / 2);
  await app.settle();
  s = await app.getState();
  assert.ok(s.iteration <= 2, `the timeline's left end is an early iteration (${s.iteration})`);
  assert.equal(s.phase, s.iteration === 0 ? 'ready' : 'update');
  await shot(app, '3_timeline_start');
  await app.page.mouse.click(r.x1 - 3, (r.y0 + r.y1) / 2);
  await app.settle();
  s = await app.getState();
  assert.equal(s.iteration, 20);
  assert.equal(s.weights_hash, at20);
  await app.close();
});

test('Compare: SGD vs momentum vs Adam from the same initial weights', { timeout: 180_000 }, async () => {
  const app = await openApp(env);
  await app.clickWidget('tab_compare');
  await app.clickWidget('compare_optimizers');
  let s = await app.getState();
  assert.deepEqual(s.compare.runs.map((r) => r.opt), ['sgd', 'momentum', 'adam']);
  assert.match(s.compare.runs[2].label, /adam/);
  for (let i = 0; i < 30; ++i) await app.pressKey('b');
  s = await app.getState();
  for (const run of s.compare.runs) {
    assert.equal(run.iterations, 30);
    assert.ok(Number.isFinite(run.train_loss), `${run.label}: a finite loss`);
  }
  assert.deepEqual(s.compare.runs.map((r) => r.shares_start_with), [0, 0, 0]);
  await shot(app, '4_compare_optimizers');
  await app.close();
});
