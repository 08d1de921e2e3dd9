// A student's own table in the real page: "Open data…" takes a CSV of 2-D points, which is drawn
// and trained on like a generated set; bad files (ragged, text, negative or fractional labels,
// empty, binary, 200 MB, truncated gzip) each get a message naming the file, the line and the
// problem, and never replace the data in use; a 4-input table trains with the boundary view
// saying why it draws nothing; a copied link says it cannot carry the file. Screenshots:
// build/screenshots/own_data_*.
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

const shot = (app, name) => app.cleanShot(`own_data_${name}`);

const openData = (app, name, contents) => app.pickFile('open_data', name, contents);

// Three clusters of 30 points each around (−2, 0), (2, 1), (0, 3): a CSV with a header.
function clusters() {
  const centres = [[-2, 0], [2, 1], [0, 3]];
  let csv = 'x,y,cluster\n';
  for (let i = 0; i < 90; ++i) {
    const k = i % 3, a = (i * 2.399) % (2 * Math.PI), r = 0.2 + 0.5 * ((i * 7) % 10) / 10;
    csv += `${(centres[k][0] + r * Math.cos(a)).toFixed(3)},${(centres[k][1] + r * Math.sin(a)).toFixed(3)},${k}\n`;
  }
  return csv;
}

test('a CSV of the student\'s own trains and is drawn; bad files are refused with the line', { timeout: 240_000 }, async () => {
  const app = await openApp(env);
  let s = await openData(app, 'clusters.csv', clusters());
  assert.equal(s.import_error, '');
  assert.equal(s.own_data, 'clusters.csv');
  assert.equal(s.dataset, 'clusters.csv');
  assert.match(s.io_message, /opened clusters\.csv: 90 examples, 2 inputs, 3 classes/);
  assert.equal(s.network, '2-6-6-3 (relu, relu; softmax)');
  for (let i = 0; i < 10; ++i) await app.pressKey('e');
  await app.waitFrames(3);
  s = await app.getState();
  assert.ok(s.train_accuracy > 0.9, `the clusters are learnt (${s.train_accuracy})`);
  await app.widget('boundary');
  await shot(app, '1_clusters');

  const bad = [
    ['ragged.csv', 'x,y,label\n1,2,0\n3,4\n', /^ragged\.csv, line 3: expected 3 columns/],
    ['words.csv', 'x,y,label\n1,2,0\n3,four,1\n', /^words\.csv, line 3: column 2: 'four' is not a number/],
    ['negative.txt', 'x1 x2 label\n1 2 0\n3 4 -1\n', /^negative\.txt, line 3: label '-1' is not a class index/],
    ['fraction.txt', '1 2 0\n3 4 0.5\n', /^fraction\.txt, line 2: label '0\.5' is not a class index/],
    ['empty.csv', '', /^empty\.csv: the file is empty$/],
    ['image.csv', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), /^image\.csv: not a text table \(byte 0x1A at offset 6\)/],
    ['cut.csv.gz', gzipSync(Buffer.from(clusters())).subarray(0, 40), /^cut\.csv\.gz: not a readable gzip file/],
    ['one-class.csv', '1,2,0\n3,4,0\n', /^one-class\.csv: every label is 0/],
  ];
  for (const [name, contents, message] of bad) {
    s = await openData(app, name, contents);
    assert.match(s.import_error, message, `${name}: ${s.import_error}`);
    assert.equal(s.dataset, 'clusters.csv', `${name} did not replace the data in use`);
  }
  await shot(app, '2_bad_file');
  const dir = mkdtempSync(join(tmpdir(), 'mlp-big-'));
  try {
    const big = join(dir, 'huge.csv');
    writeFileSync(big, '');
    truncateSync(big, 200 * 1024 * 1024);
    s = await openData(app, 'huge.csv', { path: big });
    assert.equal(s.import_error, 'huge.csv: the file is 200 MB; files up to 64 MB are opened');
    assert.equal(s.dataset, 'clusters.csv');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  await app.clickWidget('copy_link');
  await app.clickWidget('link_copy');
  s = await app.getState();
  assert.match(s.io_message, /cannot carry your file clusters\.csv/);
  await app.close();
});

test('a table with four inputs trains; the boundary view says why it draws nothing', { timeout: 120_000 }, async () => {
  const app = await openApp(env);
  let rows = 'a b c d label\n';
  for (let i = 0; i < 60; ++i) rows += `${i % 5} ${(i * 3) % 7} ${i % 2} ${(i * 5) % 11} ${(i % 5) > 2 ? 1 : 0}\n`;
  let s = await openData(app, 'four.txt', gzipSync(Buffer.from(rows)));
  assert.equal(s.import_error, '');
  assert.equal(s.network, '4-6-6-2 (relu, relu; softmax)');
  await app.pressKey('b');
  s = await app.getState();
  assert.equal(s.iteration, 1);
  await shot(app, '3_four_inputs');
  await app.close();
});
