// The playground's own views at MNIST's sizes: on the lecture's 784-100-10 run the
// network graph shows a readable subset of the 784 inputs and 100 hidden units (a "+768"
// marker per trimmed column, the 10 outputs whole), links only between shown nodes, and a
// click on a link picks the weight between exactly those two nodes; the matrices of a phase
// are sampled. Screenshots at 1280x800 and 1920x1080 in build/screenshots/mnist_views_*.png.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, startBrowser } from './harness.mjs';

let env;
before(async () => { env = await startBrowser(); });
after(async () => { await env?.close(); });

// Shown units of graph column c, from the published node rectangles network_node_<c>_<unit>.
async function shownUnits(app, c) {
  const ids = await app.page.evaluate(() => Object.keys(window.mlp.widgets));
  return ids.filter((id) => id.startsWith(`network_node_${c}_`)).map((id) => Number(id.split('_')[3]))
    .sort((a, b) => a - b);
}

const centre = (r) => [(r.x0 + r.x1) / 2, (r.y0 + r.y1) / 2];

async function openMnistNetwork(app) {
  await app.clickWidget('tab_mnist');
  await app.page.waitForFunction(() => ['ready', 'failed'].includes(window.mlp.state?.mnist?.load), null,
    { timeout: 120_000 });
  assert.equal((await app.getState()).mnist.load, 'ready', 'MNIST should load (build the mnist_data target)');
  await app.waitFrames(3);
  await app.clickWidget('tab_mnist_network');
  await app.waitFrames(3);
}

const shot = (app, name) => app.cleanShot(name);

for (const [width, height] of [[1280, 800], [1920, 1080]]) {
  test(`MNIST network and matrices at ${width}x${height}`, { timeout: 300_000 }, async () => {
    const app = await openApp(env, { width, height });
    await openMnistNetwork(app);
    await app.clickWidget('step_phase');  // forward 1: X, W1, Z1, H1 of the first batch
    await app.waitFrames(3);

    const inputs = await shownUnits(app, 0), hidden = await shownUnits(app, 1), outputs = await shownUnits(app, 2);
    assert.ok(inputs.length >= 4 && inputs.length <= 16, `a readable subset of the 784 inputs: ${inputs.length}`);
    assert.ok(hidden.length >= 4 && hidden.length <= 16, `a readable subset of the 100 hidden units: ${hidden.length}`);
    assert.deepEqual(outputs, [...Array(10).keys()], 'the 10 outputs are shown whole');
    assert.ok(inputs.every((u) => u >= 0 && u < 784) && hidden.every((u) => u >= 0 && u < 100));
    await app.widget('network_more_0');
    await app.widget('network_more_1');
    assert.equal(await app.page.evaluate(() => window.mlp.widgets.network_more_2), undefined,
      'no marker on the output column');
    // A few hundred links at most (785 x 100 lines alone would be over 300,000 vertices).
    assert.ok((await app.getState()).vertices < 100_000, `vertices: ${(await app.getState()).vertices}`);
    await shot(app, `mnist_views_forward1_${width}`);

    // The marker says which inputs are shown and why.
    await app.page.mouse.move(...centre(await app.widget('network_more_0')));
    await app.waitFrames(3);
    await app.screenshot(`mnist_views_marker_${width}`);

    // A click near the input end of the link from the last shown input to the last shown hidden
    // unit picks that weight: the picked dot moves to the middle of exactly that link.
    const from = centre(await app.widget(`network_node_0_${inputs.at(-1)}`));
    const to = centre(await app.widget(`network_node_1_${hidden.at(-1)}`));
    const at = [from[0] + (to[0] - from[0]) * 0.15, from[1] + (to[1] - from[1]) * 0.15];
    await app.page.mouse.move(...at);
    await app.waitFrames(3);
    await app.screenshot(`mnist_views_link_${width}`);
    await app.page.mouse.down();
    await app.waitFrames(2);
    await app.page.mouse.up();
    await app.waitFrames(3);
    // (The previous pick's ends may leave the subset, so the nodes are looked up again.)
    const a = centre(await app.widget(`network_node_0_${inputs.at(-1)}`));
    const b = centre(await app.widget(`network_node_1_${hidden.at(-1)}`));
    const picked = centre(await app.widget('network_picked'));
    assert.ok(Math.abs(picked[0] - (a[0] + b[0]) / 2) < 1.5 && Math.abs(picked[1] - (a[1] + b[1]) / 2) < 1.5,
      `the picked weight is the clicked link: dot at ${picked}, link from ${a} to ${b}`);
    await shot(app, `mnist_views_chain_${width}`);

    // Backward 1: the gradients of the largest matrices (dW1 785x100), sampled with a summary.
    await app.clickWidget('tab_mnist_matrices');
    for (let i = 0; i < 4; ++i) await app.pressKey('s');  // forward 2, loss, backward 2, backward 1
    await app.waitFrames(3);
    await shot(app, `mnist_views_backward1_${width}`);
    await app.close();
  });
}
