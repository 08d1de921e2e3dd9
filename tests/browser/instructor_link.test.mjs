// An instructor's link in the real page: the Copy link dialog's "for students" checkboxes make
// a link that hides tabs, locks set-up sections, opens a lesson chapter and starts playing; a
// student who opens it finds the hidden tabs gone, the locked controls shown but unchangeable
// (hovering one says why), the chapter open and the run playing. Screenshots:
// build/screenshots/instructor_*.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, startBrowser } from './harness.mjs';

let env;
before(async () => { env = await startBrowser(); });
after(async () => { await env?.close(); });

const published = (app, id) => app.page.evaluate((wid) => !!window.mlp.widgets[wid], id);

test('the instructor makes a link for students; a student opens it', { timeout: 240_000 }, async () => {
  const teacher = await openApp(env, { hash: 'data=xor&layers=4&act=tanh&lr=0.3' });
  await teacher.clickWidget('copy_link');
  for (const id of ['link_hide_compare', 'link_hide_mnist', 'link_hide_stepback', 'link_lock_data', 'link_lock_network',
    'link_play']) await teacher.clickWidget(id);
  await teacher.clickWidget('link_lesson');
  await teacher.clickWidget('link_lesson_2');
  await teacher.screenshot('instructor_1_dialog');
  await teacher.clickWidget('link_copy');
  let s = await teacher.getState();
  const hash = s.io_message.replace(/^link copied: /, '');
  assert.match(hash, /^data=xor&.*&hide=compare,mnist,stepback&lock=data,network&lesson=2&play=1$/);
  assert.deepEqual(s.hide, []);  // the teacher's own page is unchanged
  await teacher.close();

  const student = await openApp(env, { hash });
  s = await student.getState();
  assert.deepEqual(s.hide, ['compare', 'mnist', 'stepback']);
  assert.deepEqual(s.lock, ['data', 'network']);
  assert.equal(s.lesson, 2);
  assert.equal(s.play, true);
  assert.equal(s.playing, true);
  assert.equal(s.lessons.chapter, 1);  // the Lessons tab opened on chapter 2
  assert.equal(s.dataset, 'xor');
  assert.equal(await published(student, 'tab_compare'), false);
  assert.equal(await published(student, 'tab_mnist'), false);
  assert.equal(await published(student, 'back_batch'), false);
  await student.screenshot('instructor_2_student_lesson');

  await student.clickWidget('tab_setup');
  await student.clickWidget('play');  // pause
  await student.clickWidget('data_spiral');  // locked: nothing happens
  s = await student.getState();
  assert.equal(s.dataset, 'xor');
  assert.deepEqual(s.hidden, [4]);
  const r = await student.widget('data_circles');
  await student.page.mouse.move((r.x0 + r.x1) / 2, (r.y0 + r.y1) / 2);
  await student.waitFrames(3);
  await student.screenshot('instructor_3_locked_hover');
  await student.pressKey('Shift+B');  // step back is hidden: Shift+B steps forward like B
  await student.close();
});
