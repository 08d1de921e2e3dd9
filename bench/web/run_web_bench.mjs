// Runs the web benchmark (bench/web/, target bench_web) in headless Chromium and prints its
// output: `mlp bench` compiled to WebAssembly, timed in the browser like the page would run it.
//
//   node bench/web/run_web_bench.mjs [--web DIR] [--examples N] [--epochs E]
//
// DIR is the web build folder (default build/web, or MLP_WEB_DIR) holding bench_web.html/.js/
// .wasm and data/*.gz (the mnist_data target). Exit status: 0 ok, 1 the benchmark failed.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

function parseArgs(argv) {
  const opts = { web: process.env.MLP_WEB_DIR || 'build/web', flags: {} };
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i], value = argv[i + 1];
    if (!name.startsWith('--') || value === undefined) {
      throw new Error(`usage: node bench/web/run_web_bench.mjs [--web DIR] [--examples N] [--epochs E] (bad '${name}')`);
    }
    if (name === '--web') opts.web = value;
    else opts.flags[name.slice(2)] = value;
  }
  return opts;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const web = resolve(opts.web);
  for (const file of ['bench_web.html', 'bench_web.wasm', 'data/train-images-idx3-ubyte.gz']) {
    if (!existsSync(resolve(web, file))) throw new Error(`${resolve(web, file)} not found: build the web targets first`);
  }
  process.env.MLP_WEB_DIR = web;  // read by the harness when it is imported
  const { startBrowser } = await import('../../tests/browser/harness.mjs');
  const env = await startBrowser();
  try {
    const page = await (await env.browser.newContext()).newPage();
    const errors = [];
    page.on('pageerror', (err) => errors.push(`page error: ${err.message}`));
    page.on('console', (msg) => console.log(msg.text()));  // the benchmark's output, as it comes
    const query = new URLSearchParams(opts.flags).toString();
    await page.goto(`${env.server.url}bench_web.html${query ? '?' + query : ''}`);
    const handle = await page.waitForFunction(() => window.benchDone, null, { timeout: 900_000, polling: 500 })
      .catch((err) => { throw new Error(`the benchmark did not finish: ${err.message}\n${errors.join('\n')}`); });
    const done = await handle.jsonValue();
    if (done.status !== 0) throw new Error(`the benchmark failed (status ${done.status})\n${errors.join('\n')}`);
  } finally {
    await env.close();
  }
}

main().catch((err) => {
  console.error(`web bench: ${err.message}`);
  process.exit(1);
});
