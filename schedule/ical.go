package schedule

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/civic-observatory/civic/event"
)

// ICalendar writes RFC 5545 iCalendar: lines end in CRLF and are folded at 75 octets
// without splitting a UTF-8 sequence, TEXT values escape backslash, semicolon, comma and
// newline and lose other control characters, local times carry a TZID with its VTIMEZONE.
type icalWriter struct {
	w *bufio.Writer
}

// line writes one content line, folded: the first line holds at most 75 octets, each
// continuation line a space and at most 74 more, cut only at the start of a character.
func (iw *icalWriter) line(name, value string) {
	s := name + ":" + value
	limit := 75
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		iw.w.WriteString(s[:cut])
		iw.w.WriteString("\r\n ")
		s = s[cut:]
		limit = 74
	}
	iw.w.WriteString(s)
	iw.w.WriteString("\r\n")
}

// icalText escapes a TEXT value (RFC 5545 §3.3.11).
func icalText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == ';':
			b.WriteString(`\;`)
		case r == ',':
			b.WriteString(`\,`)
		case r == '\n':
			b.WriteString(`\n`)
		case r < 0x20 || r == 0x7f:
			// Carriage returns and other controls would break the line structure.
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// vtimezone writes the VTIMEZONE of a zone for the instants from first to last: one
// observance (STANDARD or DAYLIGHT) per change of offset the zone's rules give from the
// year before first to the end of last's year, each starting at its local wall-clock time
// (RFC 5545 §3.6.5), so that every zone is described as the time zone database has it,
// not only the European rules. A zone with no change in that time gets one STANDARD
// observance.
func (iw *icalWriter) vtimezone(loc *time.Location, first, last time.Time) {
	from := time.Date(first.Year()-1, 1, 1, 0, 0, 0, 0, loc)
	to := time.Date(last.Year()+1, 1, 1, 0, 0, 0, 0, loc)
	iw.line("BEGIN", "VTIMEZONE")
	iw.line("TZID", loc.String())
	ts := transitions(loc, from, to)
	if len(ts) == 0 {
		name, off := first.In(loc).Zone()
		iw.line("BEGIN", "STANDARD")
		iw.line("DTSTART", "19700101T000000")
		iw.line("TZOFFSETFROM", offset(off))
		iw.line("TZOFFSETTO", offset(off))
		iw.tzname(name)
		iw.line("END", "STANDARD")
	}
	for _, t := range ts {
		kind := "STANDARD"
		if t.dst {
			kind = "DAYLIGHT"
		}
		iw.line("BEGIN", kind)
		iw.line("DTSTART", t.at.UTC().Add(time.Duration(t.from)*time.Second).Format("20060102T150405"))
		iw.line("TZOFFSETFROM", offset(t.from))
		iw.line("TZOFFSETTO", offset(t.to))
		iw.tzname(t.name)
		iw.line("END", kind)
	}
	iw.line("END", "VTIMEZONE")
}

// tzname writes a zone abbreviation such as CET; numeric ones ("+03") are left out.
func (iw *icalWriter) tzname(name string) {
	if name != "" && name[0] != '+' && name[0] != '-' {
		iw.line("TZNAME", icalText(name))
	}
}

// transition is a change of a zone's UTC offset.
type transition struct {
	at       time.Time // the first instant of the new offset
	from, to int       // offsets in seconds east of UTC
	dst      bool      // the new offset is daylight saving time
	name     string    // the new abbreviation
}

// transitions returns the changes of the zone's offset in [from, to), found day by day
// and then to the second (zones change their offset at most once a day).
func transitions(loc *time.Location, from, to time.Time) []transition {
	var out []transition
	offsetAt := func(u int64) int { _, o := time.Unix(u, 0).In(loc).Zone(); return o }
	prev := from.Unix()
	off := offsetAt(prev)
	for u := prev + 86400; prev < to.Unix(); u += 86400 {
		if o := offsetAt(u); o != off {
			lo, hi := prev, u // offset off at lo, o at hi
			for hi-lo > 1 {
				mid := lo + (hi-lo)/2
				if offsetAt(mid) == off {
					lo = mid
				} else {
					hi = mid
				}
			}
			at := time.Unix(hi, 0).In(loc)
			name, _ := at.Zone()
			out = append(out, transition{at: at, from: off, to: o, dst: at.IsDST(), name: name})
			off = o
		}
		prev = u
	}
	return out
}

func offset(sec int) string {
	sign := '+'
	if sec < 0 {
		sign, sec = '-', -sec
	}
	return fmt.Sprintf("%c%02d%02d", sign, sec/3600, sec%3600/60)
}

func localStamp(t time.Time) string { return t.Format("20060102T150405") }

// WriteICal writes the programme as an iCalendar file: one VEVENT per session, its talks
// and contributors in the description, and one VEVENT per talk, with its own times,
// speakers, room (and table) and a RELATED-TO link to its session. UIDs are derived from
// the event, the session and the proposal, so that they stay the same from one export to
// the next (a talk's UID is its frab GUID). DTSTAMP is the start of the event, so that the
// output depends on the programme only.
func (pr *Programme) WriteICal(w io.Writer, cx Context, tag language.Tag) error {
	v, err := newView(pr, cx, tag)
	if err != nil {
		return err
	}
	iw := &icalWriter{w: bufio.NewWriter(w)}
	iw.line("BEGIN", "VCALENDAR")
	iw.line("VERSION", "2.0")
	iw.line("PRODID", "-//civic-observatory//civic//FR")
	iw.line("CALSCALE", "GREGORIAN")
	iw.line("METHOD", "PUBLISH")
	iw.line("X-WR-CALNAME", icalText(v.ev.Title.Get(tag)))
	iw.vtimezone(v.loc, v.day, v.last())
	stamp := v.day.UTC().Format("20060102T150405Z")
	tzid := ";TZID=" + v.loc.String()
	for i := range v.sessions {
		sv := &v.sessions[i]
		sessionUID := uuid(v.ev.ID, sv.s.ID) + "@civic"
		iw.line("BEGIN", "VEVENT")
		iw.line("UID", sessionUID)
		iw.line("DTSTAMP", stamp)
		iw.line("DTSTART"+tzid, localStamp(sv.start))
		if sv.hasEnd {
			iw.line("DTEND"+tzid, localStamp(sv.end))
		}
		iw.line("SUMMARY", icalText(sv.title))
		if sv.room != "" {
			iw.line("LOCATION", icalText(sv.room))
		}
		if sv.track != "" {
			iw.line("CATEGORIES", icalText(sv.track))
		}
		var desc strings.Builder
		for _, t := range sv.s.Talks {
			s, _ := v.talkTime(sv, &t)
			desc.WriteString(s.Format("15:04"))
			if t.Table > 0 {
				desc.WriteString(" · " + v.tableLabel(sv, t.Table))
			}
			desc.WriteString(" — " + t.Title + " — " + speakerLine(t.Speakers) + "\n")
		}
		if desc.Len() > 0 {
			iw.line("DESCRIPTION", icalText(strings.TrimSuffix(desc.String(), "\n")))
		}
		for _, sk := range speakersOf(sv.s) {
			iw.line("CONTACT", icalText(speakerLine([]Speaker{sk})))
		}
		iw.line("END", "VEVENT")
		for _, t := range sv.s.Talks {
			start, end := v.talkTime(sv, &t)
			iw.line("BEGIN", "VEVENT")
			iw.line("UID", uuid(v.ev.ID, sv.s.ID, t.Proposal)+"@civic")
			iw.line("DTSTAMP", stamp)
			iw.line("DTSTART"+tzid, localStamp(start))
			iw.line("DTEND"+tzid, localStamp(end))
			iw.line("SUMMARY", icalText(t.Title))
			loc := sv.room
			if t.Table > 0 {
				loc += " — " + v.tableLabel(sv, t.Table)
			}
			if loc != "" {
				iw.line("LOCATION", icalText(loc))
			}
			if sv.track != "" {
				iw.line("CATEGORIES", icalText(sv.track))
			}
			d := sv.title
			if len(t.Speakers) > 0 {
				d += "\n" + speakerLine(t.Speakers)
			}
			iw.line("DESCRIPTION", icalText(d))
			for _, sk := range t.Speakers {
				iw.line("CONTACT", icalText(speakerLine([]Speaker{sk})))
			}
			iw.line("RELATED-TO;RELTYPE=PARENT", sessionUID)
			iw.line("END", "VEVENT")
		}
	}
	iw.line("END", "VCALENDAR")
	return iw.w.Flush()
}

// WriteCalendarICal writes an event calendar (such as the Observatoire's) as iCalendar:
// each activity, known to the month, is an all-day event spanning its month
// (DTSTART;VALUE=DATE on the first, DTEND on the first of the next month), as RFC 5545
// writes events known to the day or coarser.
func WriteCalendarICal(w io.Writer, c *event.Calendar, tag language.Tag) error {
	iw := &icalWriter{w: bufio.NewWriter(w)}
	iw.line("BEGIN", "VCALENDAR")
	iw.line("VERSION", "2.0")
	iw.line("PRODID", "-//civic-observatory//civic//FR")
	iw.line("CALSCALE", "GREGORIAN")
	iw.line("X-WR-CALNAME", icalText(c.Title.Get(tag)))
	for _, a := range c.Activities {
		start, end := a.Month.Start(time.UTC), a.Month.End(time.UTC)
		iw.line("BEGIN", "VEVENT")
		iw.line("UID", uuid(c.ID, a.ID)+"@civic")
		iw.line("DTSTAMP", start.Format("20060102T150405Z"))
		iw.line("DTSTART;VALUE=DATE", start.Format("20060102"))
		iw.line("DTEND;VALUE=DATE", end.Format("20060102"))
		iw.line("SUMMARY", icalText(a.Title.Get(tag)))
		if a.Place != nil {
			iw.line("LOCATION", icalText(a.Place.Name.Get(tag)))
		}
		iw.line("CATEGORIES", icalText(string(a.Kind)))
		iw.line("END", "VEVENT")
	}
	iw.line("END", "VCALENDAR")
	return iw.w.Flush()
}
