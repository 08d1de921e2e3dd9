// "Export as Python" in the page: a student steps a few batches of a ReLU network with dropout,
// Adam and L2, downloads the run as a Python script, and Debian's python3 with numpy running it
// prints the very batch losses the page showed (to 1e-5 relative), from the run's start.
// Screenshot: build/screenshots/python_export.png.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, startBrowser } from './harness.mjs';

let env;
before(async () => { env = await startBrowser(); });
after(async () => { await env?.close(); });

// Debian's python3 (scripts/install_deps.sh installs python3-numpy); MLP_PYTHON picks another.
const python = process.env.MLP_PYTHON || '/usr/bin/python3';

test('the page exports its run as a numpy script that prints the losses the page showed', { timeout: 180_000 }, async () => {
  const app = await openApp(env, { hash: 'data=circles&layers=6,6&act=relu&drop=0.3,0&opt=adam&lr=0.02&l2=0.001' });
  const losses = [];
  for (let k = 1; k <= 3; ++k) {
    await app.clickWidget('step_batch');
    await app.page.waitForFunction((n) => window.mlp.state.iteration === n, k, { timeout: 30_000 });
    losses.push((await app.getState()).batch_loss);
  }
  const { batches_per_epoch: epoch } = await app.getState();

  const download = app.page.waitForEvent('download');
  await app.clickWidget('export_python');
  const file = await download;
  assert.equal(file.suggestedFilename(), 'mlp-run.py');
  const text = await (await file.createReadStream()).toArray().then((c) => Buffer.concat(c).toString());
  assert.ok(text.startsWith('#!/usr/bin/env python3\n# mlp-playground: the first '), text.slice(0, 200));
  assert.match(text, /# {3}made by: {2}the playground page's Export as Python, with the run at update 3\n/);
  assert.match(text, /print\(f"step \{t\} loss \{loss:\.9g\}"\)/);
  const s = await app.getState();
  assert.match(s.io_message, new RegExp(`mlp-run\\.py.*the first ${epoch} updates from the run's start`));
  await app.cleanShot('python_export');
  await app.close();

  if (!existsSync(python)) {
    console.log(`# no ${python}: the downloaded script was not run`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'mlp-python-'));
  try {
    const path = join(dir, 'mlp-run.py');
    writeFileSync(path, text);
    const lines = execFileSync(python, [path], { encoding: 'utf8' }).trim().split('\n');
    assert.equal(lines.length, epoch, 'one line per update of the first epoch');
    losses.forEach((loss, i) => {
      const m = /^step (\d+) loss (\S+)$/.exec(lines[i]);
      assert.ok(m, lines[i]);
      assert.equal(Number(m[1]), i + 1);
      const printed = Number(m[2]);
      assert.ok(Math.abs(printed - loss) <= 1e-5 * Math.abs(loss), `step ${i + 1}: python ${printed}, page ${loss}`);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
