// Checks the HTML programme as Chromium rendered it (the DOM dumped by
// `chromium --headless --dump-dom`) against the programme document (`civic programme
// --format json`): every session and every talk's time, title and speakers appear, and in
// the order of the day. Prints "html: N passed, M failed".
// Usage: node check.mjs DOM.html PROGRAMME.json
import fs from 'node:fs';

const [domFile, progFile] = process.argv.slice(2);
const unescape = (s) => s.replace(/&nbsp;/g, '\u00a0').replace(/&lt;/g, '<').replace(/&gt;/g, '>')
  .replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
const dom = unescape(fs.readFileSync(domFile, 'utf8'));
const prog = JSON.parse(fs.readFileSync(progFile, 'utf8'));

let passed = 0, failed = 0;
const check = (ok, what) => { if (ok) passed++; else { failed++; console.log(`missing or out of order: ${what}`); } };

if (!/<html lang="(fr|en)"/.test(dom)) check(false, 'lang attribute');
check(dom.includes('<table') && dom.includes('scope="col"') && dom.includes('scope="row"'), 'table with header scopes');

// Sessions in time order: each session's id appears, and the first talk time of a later
// time slot never comes before an earlier one.
const toMin = (hhmm) => { const [h, m] = hhmm.split(':').map(Number); return h * 60 + m; };
let lastPos = -1, lastStart = -1;
const sessions = prog.sessions.map((s) => ({ s, pos: dom.indexOf(`id="${s.id}"`) }));
for (const { s, pos } of sessions) {
  check(pos >= 0, `session ${s.id}`);
  let from = pos;
  for (const t of s.talks || []) {
    const p = dom.indexOf(t.title, from);
    check(p > from, `talk ${t.proposal} "${t.title}" in session ${s.id}`);
    check(dom.indexOf(`<time>${t.start}</time>`, from) > from, `time ${t.start} of ${t.proposal}`);
    for (const sp of t.speakers) check(dom.indexOf(sp.name, p) > p, `speaker ${sp.name} of ${t.proposal}`);
    if (p > from) from = p;
  }
  const start = s.talks && s.talks.length ? toMin(s.talks[0].start) : -1;
  if (start >= 0) {
    if (start > lastStart) { check(pos > lastPos, `session ${s.id} after the earlier slots`); lastPos = pos; lastStart = start; }
  }
}
console.log(`html: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
