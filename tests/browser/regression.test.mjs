// Regression in the real page: a click on the sine picks the 1-D set, the output turns linear
// (with a note), training fits the curve (R² in place of accuracy) and the curve view draws the
// points with the network's ŷ(x); a CSV whose last column is a real value loads as a regression
// when "regression" is ticked (and is refused as classes when it is not); the 2-D bumps draw the
// predicted surface behind the targets. Screenshots: build/screenshots/regression_*.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, startBrowser } from './harness.mjs';

let env;
before(async () => { env = await startBrowser(); });
after(async () => { await env?.close(); });

const shot = (app, name) => app.cleanShot(`regression_${name}`);

// y = x1² − x2 over a 15 x 15 grid of [−1.4, 1.4]²: a CSV with a header.
function saddle() {
  let csv = 'x1,x2,y\n';
  for (let i = 0; i < 15; ++i)
    for (let j = 0; j < 15; ++j) {
      const a = -1.4 + 0.2 * i, b = -1.4 + 0.2 * j;
      csv += `${a.toFixed(2)},${b.toFixed(2)},${(a * a - b).toFixed(4)}\n`;
    }
  return csv;
}

async function trainEpochs(app, epochs) {
  for (let i = 0; i < epochs; ++i) await app.pressKey('e');
  await app.waitFrames(3);
  return app.getState();
}

test('a network fits sin(x): linear output, R², the curve view', { timeout: 240_000 }, async () => {
  const app = await openApp(env, { hash: 'layers=8&act=tanh&opt=adam&lr=0.02' });
  await app.clickWidget('data_sine');
  let s = await app.getState();
  assert.equal(s.dataset, 'sine');
  assert.equal(s.output, 'linear');
  assert.equal(s.network, '1-8-1 (tanh; linear)');
  assert.equal(s.score, 'R²');
  assert.ok(s.setup_notes.some((n) => /sine has real-valued targets: using the linear output/.test(n)), s.setup_notes.join('; '));
  const untrained = s.train_accuracy;
  s = await trainEpochs(app, 30);
  assert.ok(s.train_accuracy > 0.9 && s.test_accuracy > 0.85,
    `R² from ${untrained} to train ${s.train_accuracy}, test ${s.test_accuracy}`);
  await app.widget('boundary');
  await shot(app, '1_sine');
  await app.clickWidget('tab_accuracy');
  await app.waitFrames(2);
  await shot(app, '2_sine_r2');
  await app.clickWidget('data_circles');  // back to classes: softmax again, accuracy again
  s = await app.getState();
  assert.equal(s.output, 'softmax');
  assert.equal(s.score, 'accuracy');
  await app.close();
});

test('a CSV with real targets loads as a regression when regression is ticked', { timeout: 240_000 }, async () => {
  const app = await openApp(env, { hash: 'layers=8,8&act=tanh&opt=adam&lr=0.02' });
  let s = await app.pickFile('open_data', 'saddle.csv', saddle());
  assert.match(s.import_error, /^saddle\.csv, line 2: label '3\.3600' is not a class index .*for real values choose regression/);
  assert.equal(s.own_data, '');
  await app.clickWidget('real_targets');
  s = await app.getState();
  assert.equal(s.target, 'value');
  s = await app.pickFile('open_data', 'saddle.csv', saddle());
  assert.equal(s.import_error, '');
  assert.match(s.io_message, /opened saddle\.csv: 225 examples, 2 inputs, real-valued targets/);
  assert.equal(s.output, 'linear');
  assert.equal(s.network, '2-8-8-1 (tanh, tanh; linear)');
  s = await trainEpochs(app, 25);
  assert.ok(s.train_accuracy > 0.9, `R² ${s.train_accuracy}`);
  await app.widget('boundary');
  await shot(app, '3_saddle_surface');
  await app.close();
});

test('the bumps: the predicted surface behind the targets', { timeout: 240_000 }, async () => {
  const app = await openApp(env, { hash: 'data=gauss-surface&n=300&layers=12,12&act=tanh&out=linear&opt=adam&lr=0.02' });
  let s = await app.getState();
  assert.equal(s.score, 'R²');
  assert.deepEqual(s.setup_notes, []);
  s = await trainEpochs(app, 25);
  assert.ok(s.train_accuracy > 0.75, `R² ${s.train_accuracy}`);
  await app.widget('boundary');
  await shot(app, '4_bumps');
  await app.close();
});
