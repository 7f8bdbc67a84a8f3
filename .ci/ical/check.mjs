// Parses each iCalendar file given on the command line with ical.js and checks that every
// VEVENT has a UID, a DTSTART and a SUMMARY, and that local times resolve through the
// file's VTIMEZONE. Prints "ical: N passed, M failed".
import fs from 'node:fs';
import ICAL from 'ical.js';

let passed = 0, failed = 0;
for (const file of process.argv.slice(2)) {
  try {
    const comp = new ICAL.Component(ICAL.parse(fs.readFileSync(file, 'utf8')));
    for (const tz of comp.getAllSubcomponents('vtimezone')) {
      ICAL.TimezoneService.register(tz);
    }
    const events = comp.getAllSubcomponents('vevent');
    if (events.length === 0) throw new Error('no VEVENT');
    for (const v of events) {
      const e = new ICAL.Event(v);
      if (!e.uid || !e.summary || !e.startDate) throw new Error(`incomplete VEVENT ${e.uid}`);
      const tzid = v.getFirstProperty('dtstart').getParameter('tzid');
      if (tzid && e.startDate.zone.tzid !== tzid) throw new Error(`${e.uid}: time zone ${tzid} not resolved`);
      if (e.endDate && e.endDate.compare(e.startDate) < 0) throw new Error(`${e.uid}: ends before it starts`);
    }
    console.log(`${file}: ${events.length} events`);
    passed++;
  } catch (err) {
    console.log(`${file}: ${err.message}`);
    failed++;
  }
}
console.log(`ical: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
