// Parses each iCalendar file given on the command line with ical.js and checks that every
// VEVENT has a UID, a DTSTART and a SUMMARY, and that local times resolve through the
// file's VTIMEZONE to the instant the time zone database (Node's ICU, through Intl) gives
// for that wall-clock time. Prints "ical: N passed, M failed".
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
      if (tzid) {
        // The instant the VTIMEZONE gives, shown in the zone by ICU, is the same wall-clock time.
        const fmt = new Intl.DateTimeFormat('en-CA', { timeZone: tzid, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
        const p = Object.fromEntries(fmt.formatToParts(e.startDate.toJSDate()).map((x) => [x.type, x.value]));
        const s = e.startDate;
        const pad = (n) => String(n).padStart(2, '0');
        const want = `${s.year}-${pad(s.month)}-${pad(s.day)} ${pad(s.hour)}:${pad(s.minute)}`;
        const got = `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
        if (got !== want) throw new Error(`${e.uid}: ${want} ${tzid} resolves to ${e.startDate.toJSDate().toISOString()}, which is ${got} there`);
      }
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
