// The page in English and Traditional Chinese: `#lang=zh-TW` opens it in zh-TW (the state's
// lang says so), `#lang=en` in English, no lang follows navigator.language; the top bar's
// switch changes the language with a real click, writes lang= into the address and does not
// restart the run (same iteration, same weights). Screenshots of every tab in zh-TW at
// 1280x800 in build/screenshots/language_zh_tw_*.png (look at them: Chinese glyphs, no boxes
// or question marks, nothing clipped).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, startBrowser } from './harness.mjs';

let env;
before(async () => { env = await startBrowser(); });
after(async () => { await env?.close(); });

// Opens the switch and clicks a language's item in it.
async function switchTo(app, lang) {
  await app.clickWidget('lang_switch');
  await app.clickWidget(`lang_${lang}`);
  await app.waitFrames(2);
}

test('#lang=zh-TW opens the page in Traditional Chinese; every tab at 1280x800', { timeout: 300_000 }, async () => {
  const app = await openApp(env, { hash: 'lang=zh-TW' });
  assert.equal((await app.getState()).lang, 'zh-TW');
  await app.clickWidget('step_phase');  // forward 1: the status line and the matrices in zh-TW
  await app.clickWidget('step_phase');
  assert.match((await app.getState()).status, /訓練週期 1 · 批次 1 \/ \d+ · 迭代 0 · 前向 2/);
  await app.cleanShot('language_zh_tw_setup');
  const step = await app.widget('step_phase');  // a tooltip
  await app.page.mouse.move((step.x0 + step.x1) / 2, (step.y0 + step.y1) / 2);
  await app.waitFrames(30);
  await app.screenshot('language_zh_tw_tooltip');
  await app.page.mouse.move(150, 500);  // the set-up's network and training sections
  for (let i = 0; i < 6; ++i) {
    await app.page.mouse.wheel(0, 300);
    await app.waitFrames(2);
  }
  await app.cleanShot('language_zh_tw_setup_training', { x: 150, y: 500 });
  await app.clickWidget('copy_link');
  await app.cleanShot('language_zh_tw_copy_link', { x: 1270, y: 790 });
  await app.clickWidget('link_cancel');

  await app.clickWidget('tab_chain');
  await app.cleanShot('language_zh_tw_chain_rule');
  await app.clickWidget('tab_lessons');
  await app.clickWidget('lesson_load_0_0');
  await app.cleanShot('language_zh_tw_lessons');
  await app.clickWidget('tab_compare');
  await app.clickWidget('compare_step_epoch');
  await app.cleanShot('language_zh_tw_compare');

  await app.clickWidget('tab_mnist');
  await app.page.waitForFunction(() => ['ready', 'failed'].includes(window.mlp.state?.mnist?.load), null,
    { timeout: 120_000 });
  assert.equal((await app.getState()).mnist.load, 'ready', 'MNIST should load (build the mnist_data target)');
  await app.waitFrames(3);
  await app.cleanShot('language_zh_tw_mnist');
  for (const tab of ['tab_mnist_network', 'tab_confusion', 'tab_units', 'tab_draw', 'tab_tuning']) {
    await app.clickWidget(tab);
    await app.waitFrames(3);
    await app.cleanShot(`language_zh_tw_mnist_${tab.replace(/^tab_(mnist_)?/, '')}`);
  }
  assert.equal((await app.getState()).lang, 'zh-TW');
  await app.close();
});

test('the top bar switch changes the language without restarting the run', { timeout: 120_000 }, async () => {
  const app = await openApp(env, { hash: 'lang=en' });
  assert.equal((await app.getState()).lang, 'en');
  await app.clickWidget('step_batch');
  const before = await app.getState();
  assert.equal(before.iteration, 1);
  assert.match(before.status, /^epoch 1 · batch 1 of/);

  await switchTo(app, 'zh-TW');
  const zh = await app.getState();
  assert.equal(zh.lang, 'zh-TW');
  assert.equal(zh.iteration, before.iteration, 'the run goes on: same iteration');
  assert.equal(zh.weights_hash, before.weights_hash, 'the run goes on: same weights');
  assert.match(zh.status, /^訓練週期 1 · 批次 1 \//);
  assert.match(zh.setup, /(^|&)lang=zh-TW(&|$)/, 'the address carries the language');
  assert.match(await app.page.evaluate(() => location.hash), /lang=zh-TW/);
  await app.cleanShot('language_zh_tw_switched');

  await switchTo(app, 'en');
  const en = await app.getState();
  assert.equal(en.lang, 'en');
  assert.equal(en.weights_hash, before.weights_hash);
  assert.match(en.status, /^epoch 1 · batch 1 of/);
  await app.close();
});

test('without lang= the page follows the browser language', { timeout: 120_000 }, async () => {
  const chinese = await openApp(env, {
    setup: (page) => page.addInitScript(() => Object.defineProperty(navigator, 'language', { get: () => 'zh-TW' })),
  });
  assert.equal((await chinese.getState()).lang, 'zh-TW');
  assert.doesNotMatch((await chinese.getState()).setup, /lang=/, 'following the browser writes no lang= into the address');
  await chinese.close();
  const english = await openApp(env, {
    setup: (page) => page.addInitScript(() => Object.defineProperty(navigator, 'language', { get: () => 'en-US' })),
  });
  assert.equal((await english.getState()).lang, 'en');
  await english.close();
});
