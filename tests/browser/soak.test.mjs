// A short soak (the code of bench/soak.mjs): about a minute of the toy run playing at top
// speed while the lecture's MNIST network trains, switching views; after the warm-up the wasm
// heap grows at most one step, the live GL textures stay within 2 of the warm-up's count and
// window.mlp.fetches does not grow. `node bench/soak.mjs --minutes 30` is the long version.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { runSoak } from '../../bench/soak.mjs';
import { startBrowser } from './harness.mjs';

let env;
before(async () => { env = await startBrowser(); });
after(async () => { await env?.close(); });

test('a minute of playing and training: no growth of the heap, textures or fetches', { timeout: 600_000 }, async () => {
  const lines = [];
  const { samples, failures } = await runSoak(env, { seconds: 60, every: 4, log: (l) => lines.push(l) });
  console.log(lines.map((l) => `# ${l}`).join('\n'));
  assert.deepEqual(failures, []);
  const first = samples[0], last = samples[samples.length - 1];
  assert.ok(last.toy_iteration > first.toy_iteration, 'the toy run played');
  assert.ok(last.mnist_iteration > first.mnist_iteration, 'MNIST trained');
  assert.ok(samples.every((s) => s.textures > 0), 'the MNIST views and the page hold textures, and the count is published');
});
