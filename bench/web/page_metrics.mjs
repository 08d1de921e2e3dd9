// Page figures for the benchmark report: what a browser downloads for the playground (the
// .wasm and .js, raw and gzip, without data) and the time from navigation to the first
// drawn frame in headless Chromium (the app records it as window.mlp.firstFrameMs).
//
//   node bench/web/page_metrics.mjs [--web DIR] [--loads N]      (defaults: build/web, 3 loads)
import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

function parseArgs(argv) {
  const opts = { web: process.env.MLP_WEB_DIR || 'build/web', loads: 3 };
  for (let i = 0; i < argv.length; i += 2) {
    if (argv[i] === '--web' && argv[i + 1]) opts.web = argv[i + 1];
    else if (argv[i] === '--loads' && /^[1-9]\d*$/.test(argv[i + 1] ?? '')) opts.loads = Number(argv[i + 1]);
    else throw new Error(`usage: node bench/web/page_metrics.mjs [--web DIR] [--loads N] (bad '${argv[i]}')`);
  }
  return opts;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const web = resolve(opts.web);
  let gzipTotal = 0;
  for (const name of ['playground.wasm', 'playground.js']) {
    const path = resolve(web, name);
    if (!existsSync(path)) throw new Error(`${path} not found: build the web target first (./build.sh web)`);
    const bytes = readFileSync(path);
    const gz = gzipSync(bytes, { level: 9 }).length;
    gzipTotal += gz;
    console.log(`${name}: ${bytes.length} bytes, ${gz} gzip -9`);
  }
  console.log(`page code (.wasm + .js), gzip -9: ${gzipTotal} bytes`);

  process.env.MLP_WEB_DIR = web;  // read by the harness when it is imported
  const { startBrowser } = await import('../../tests/browser/harness.mjs');
  const env = await startBrowser();
  try {
    const times = [];
    for (let i = 0; i < opts.loads; i++) {
      const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.goto(env.server.url);
      await page.waitForFunction(() => window.mlp && window.mlp.firstFrameMs > 0, null, { timeout: 60_000 });
      times.push(await page.evaluate(() => window.mlp.firstFrameMs));
      await context.close();
    }
    times.sort((a, b) => a - b);
    console.log(`navigation to first frame (ms), ${times.length} fresh loads: ` +
                `${times.map((t) => t.toFixed(0)).join(', ')}; median ${times[times.length >> 1].toFixed(0)}`);
  } finally {
    await env.close();
  }
}

main().catch((err) => {
  console.error(`page metrics: ${err.message}`);
  process.exit(1);
});
