package schedule

import (
	"cmp"
	"crypto/sha1"
	"fmt"
	"slices"
	"strings"
	"time"

	"golang.org/x/text/language"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/event"
)

// view is a programme resolved against its context, in one language, for the exports:
// every session with its slot, times, room and track names, grouped by day.
type view struct {
	pr       *Programme
	ev       *event.Event
	grid     *Grid
	tag      language.Tag
	loc      *time.Location
	day      time.Time // midnight of the event's first day
	sessions []sessionView
	days     []dayView
	tracks   []event.Track
}

// dayView is one day of the programme: its date and its sessions, in order. A session
// belongs to the day it starts on, or to the day before when it starts before the grid's
// day change (the sessions after midnight of a congress).
type dayView struct {
	index    int       // from 0
	date     time.Time // midnight of the day
	sessions []*sessionView
}

type sessionView struct {
	s          *Session
	slot       *Slot
	title      string
	room       string // the room's name, or the venue's for slots of every track
	track      string // the track's title, or "" for slots of every track
	start, end time.Time
	hasEnd     bool
	day        int // the programme day, from 0
}

// newView resolves the programme. The context must hold the event and the grid.
func newView(pr *Programme, cx Context, tag language.Tag) (*view, error) {
	if cx.Event == nil || cx.Grid == nil {
		return nil, ErrContext
	}
	loc, err := cx.Event.Location()
	if err != nil {
		return nil, err
	}
	if cx.Event.Start.Precision() != civic.PrecisionDay {
		return nil, &civic.FieldError{Path: civic.Path{}.Key("start"), Code: civic.CodePrecision, Args: []any{cx.Event.Start.String(), string(civic.PrecisionDay)}}
	}
	v := &view{pr: pr, ev: cx.Event, grid: cx.Grid, tag: tag, loc: loc, day: cx.Event.Start.Start(loc), tracks: cx.Event.Tracks}
	venue := ""
	if cx.Event.Venue != nil {
		venue = cx.Event.Venue.Name.Get(tag)
	}
	change := 0
	if cx.Grid.DayChange != nil {
		change = cx.Grid.DayChange.Minutes()
	}
	ndays := eventDays(cx.Event)
	for i := range pr.Sessions {
		s := &pr.Sessions[i]
		sl, ok := cx.Grid.Slot(s.Slot)
		if !ok {
			return nil, &civic.FieldError{Path: civic.Path{}.Key("sessions").Index(i).Key("slot"), Code: civic.CodeUnknownRef, Args: []any{s.Slot}}
		}
		sv := sessionView{s: s, slot: sl, title: sl.Title.Get(tag), room: venue, start: v.at(sl, sl.Start), day: sl.Day}
		if sl.Start.Minutes() < change && sv.day > 0 {
			sv.day--
		}
		if sl.End != nil {
			sv.end, sv.hasEnd = v.at(sl, *sl.End), true
		} else {
			sv.end = sv.start
		}
		if r, ok := cx.Event.Room(s.Room); ok {
			sv.room = r.Name.Get(tag)
		}
		if sl.Kind == KindEvening {
			for _, sat := range cx.Event.Satellites {
				if sat.Kind == event.KindEvening && sat.Venue != nil {
					sv.room = sat.Venue.Name.Get(tag)
				}
			}
		}
		if t, ok := cx.Event.Track(s.Track); ok {
			sv.track = t.Title.Get(tag)
		}
		ndays = max(ndays, sv.day+1)
		v.sessions = append(v.sessions, sv)
	}
	slices.SortStableFunc(v.sessions, func(a, b sessionView) int {
		if c := a.start.Compare(b.start); c != 0 {
			return c
		}
		if c := cmp.Compare(v.trackIndex(a.s.Track), v.trackIndex(b.s.Track)); c != 0 {
			return c
		}
		return cmp.Compare(a.s.ID, b.s.ID)
	})
	v.days = make([]dayView, max(ndays, 1))
	for i := range v.days {
		v.days[i] = dayView{index: i, date: v.midnight(i)}
	}
	for i := range v.sessions {
		d := &v.days[v.sessions[i].day]
		d.sessions = append(d.sessions, &v.sessions[i])
	}
	return v, nil
}

// midnight returns the start of the event's day d (from 0) in its time zone.
func (v *view) midnight(d int) time.Time {
	return time.Date(v.day.Year(), v.day.Month(), v.day.Day()+d, 0, 0, 0, 0, v.loc)
}

// at returns the instant of a local time of the slot, on the next day when the slot
// crosses midnight and the time is before its start.
func (v *view) at(sl *Slot, c event.Clock) time.Time {
	m := sl.at(c)
	return time.Date(v.day.Year(), v.day.Month(), v.day.Day()+m/minutesPerDay, c.Hour, c.Minute, 0, 0, v.loc)
}

// multiDay reports whether the programme spans more than one day.
func (v *view) multiDay() bool { return len(v.days) > 1 }

// span returns the first start and the last end of the day's sessions, or, for a day
// without sessions, the day itself (from its day change to the next day's).
func (d *dayView) span(change int) (time.Time, time.Time) {
	if len(d.sessions) == 0 {
		start := d.date.Add(time.Duration(change) * time.Minute)
		return start, time.Date(d.date.Year(), d.date.Month(), d.date.Day()+1, 0, change, 0, 0, d.date.Location())
	}
	start, end := d.sessions[0].start, d.sessions[0].end
	for _, sv := range d.sessions {
		start = minTime(start, sv.start)
		end = maxTime(end, sv.end)
	}
	return start, end
}

// last returns the end of the programme's last session, or its day when it has none.
func (v *view) last() time.Time {
	t := v.day
	for _, sv := range v.sessions {
		if sv.end.After(t) {
			t = sv.end
		}
	}
	return t
}

func (v *view) trackIndex(id string) int {
	for i, t := range v.tracks {
		if t.ID == id {
			return i
		}
	}
	return -1
}

// talkTime returns the talk's start and end instants: the end is read on the wall clock,
// so that a talk keeps its length in local time across a change of offset.
func (v *view) talkTime(sv *sessionView, t *Talk) (time.Time, time.Time) {
	s := v.at(sv.slot, t.Start)
	return s, time.Date(s.Year(), s.Month(), s.Day(), s.Hour(), s.Minute()+t.Minutes, 0, 0, v.loc)
}

// dateLabel writes a day's date in the language: « lundi 8 juin 2027 », "Monday 8 June 2027".
func (v *view) dateLabel(d time.Time) string {
	return event.FormatDate(civic.DayDate(d.Year(), d.Month(), d.Day()), v.tag)
}

// uuid returns a deterministic UUID (version 5 layout, SHA-1 of the names) so that exports
// are stable from one run to the next.
func uuid(names ...string) string {
	h := sha1.Sum([]byte(strings.Join(names, "\x00")))
	h[6] = h[6]&0x0f | 0x50
	h[8] = h[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", h[0:4], h[4:6], h[6:8], h[8:10], h[10:16])
}

// speakersOf lists the speakers of a session, each once, in order.
func speakersOf(s *Session) []Speaker {
	var out []Speaker
	for _, t := range s.Talks {
		for _, sk := range t.Speakers {
			if !slices.Contains(out, sk) {
				out = append(out, sk)
			}
		}
	}
	return out
}

// speakerLine writes "Name (Organisation), Name".
func speakerLine(sks []Speaker) string {
	parts := make([]string, len(sks))
	for i, sk := range sks {
		parts[i] = sk.Name
		if sk.Organisation != "" {
			parts[i] += " (" + sk.Organisation + ")"
		}
	}
	return strings.Join(parts, ", ")
}

// tableLabel returns "Table 2" in the language or, in a poster session, the name its track
// gives its boards ("Board 2").
func (v *view) tableLabel(sv *sessionView, n int) string {
	name := civic.NewText("Table", "Table").Get(v.tag)
	if sv.slot.Kind == KindPosters {
		if tr, ok := v.ev.Track(sv.s.Track); ok && tr.Tables != nil && len(tr.Tables.Name) > 0 {
			name = tr.Tables.Name.Get(v.tag)
		}
	}
	return fmt.Sprintf("%s %d", name, n)
}
