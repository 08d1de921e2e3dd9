// Frame time of the playground while it plays, in headless Chromium (the same browser set-up
// as the browser tests): circles, all views open (network, matrices or chain rule, decision
// boundary with unit maps, curves). Prints, per case, the wall-clock time between frames
// (median and 95th percentile, from requestAnimationFrame) and the app's own work per frame
// (App::frame: training, evaluation and drawing the UI, without the browser's rendering).
//
//   node bench/playground_frame_time.mjs [--web DIR] [--seconds S]
//
// DIR defaults to build/web (or MLP_WEB_DIR). The machine's load shows in the wall-clock
// figures (software WebGL through SwiftShader renders on the CPU), so quote them with it.
import { loadavg } from 'node:os';

function parseArgs(argv) {
  const opts = { seconds: 8 };
  for (let i = 0; i < argv.length; i += 2) {
    if (argv[i] === '--web') process.env.MLP_WEB_DIR = argv[i + 1];
    else if (argv[i] === '--seconds') opts.seconds = Number(argv[i + 1]);
    else throw new Error('usage: node bench/playground_frame_time.mjs [--web DIR] [--seconds S]');
  }
  return opts;
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

// Plays for `seconds` and returns frame statistics.
async function measure(app, seconds) {
  await app.clickWidget('play');
  await app.page.waitForTimeout(1000);  // settle
  const stats = await app.page.evaluate(async (ms) => {
    const times = [];
    const work = [];
    const start = performance.now();
    const it0 = window.mlp.state.iteration;
    await new Promise((done) => {
      const tick = (t) => {
        times.push(t);
        work.push(window.mlp.state.work_ms);
        if (t - start < ms) requestAnimationFrame(tick);
        else done();
      };
      requestAnimationFrame(tick);
    });
    const gaps = times.slice(1).map((t, i) => t - times[i]).sort((a, b) => a - b);
    return { gaps, work: work.sort((a, b) => a - b), batches: window.mlp.state.iteration - it0,
             vertices: window.mlp.state.vertices };
  }, seconds * 1000);
  await app.clickWidget('play');
  return {
    frames: stats.gaps.length + 1,
    median_ms: quantile(stats.gaps, 0.5),
    p95_ms: quantile(stats.gaps, 0.95),
    work_median_ms: quantile(stats.work, 0.5),
    batches_per_second: stats.batches / seconds,
    vertices: stats.vertices,
  };
}

const opts = parseArgs(process.argv.slice(2));
// Imported after --web set MLP_WEB_DIR: the harness reads it when it loads.
const { openApp, startBrowser } = await import('../tests/browser/harness.mjs');
const env = await startBrowser();
const cases = [
  { name: '1280x800, matrices, 20 batches/s', width: 1280, height: 800, tab: 'tab_matrices' },
  { name: '1280x800, chain rule, 20 batches/s', width: 1280, height: 800, tab: 'tab_chain' },
  { name: '1920x1080, matrices, 20 batches/s', width: 1920, height: 1080, tab: 'tab_matrices' },
  { name: '1280x800, matrices, speed 1000 batches/s', width: 1280, height: 800, tab: 'tab_matrices', fast: true },
];
console.log(`load average before: ${loadavg().map((v) => v.toFixed(2)).join(' ')}`);
try {
  for (const c of cases) {
    const app = await openApp(env, { width: c.width, height: c.height });
    await app.clickWidget('step_phase');  // a batch in the pass: every view has something to draw
    await app.clickWidget(c.tab);
    if (c.fast) {  // the speed slider's right end: as many batches as fit in the frame budget
      const r = await app.widget('speed');
      await app.page.mouse.click(r.x1 - 2, (r.y0 + r.y1) / 2);
      await app.waitFrames(2);
    }
    const r = await measure(app, opts.seconds);
    console.log(`${c.name}: ${r.frames} frames, ${r.median_ms.toFixed(1)} ms/frame median ` +
                `(p95 ${r.p95_ms.toFixed(1)}), app work ${r.work_median_ms.toFixed(2)} ms/frame, ` +
                `${r.batches_per_second.toFixed(1)} batches/s, ${r.vertices} vertices`);
    await app.close();
  }
} finally {
  await env.close();
}
console.log(`load average after: ${loadavg().map((v) => v.toFixed(2)).join(' ')}`);
