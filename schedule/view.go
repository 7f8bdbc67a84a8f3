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
// every session with its slot, times, room and track names.
type view struct {
	pr       *Programme
	ev       *event.Event
	tag      language.Tag
	loc      *time.Location
	day      time.Time // midnight of the event's day
	sessions []sessionView
	tracks   []event.Track
}

type sessionView struct {
	s          *Session
	slot       *Slot
	title      string
	room       string // the room's name, or the venue's for slots of every track
	track      string // the track's title, or "" for slots of every track
	start, end time.Time
	hasEnd     bool
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
	v := &view{pr: pr, ev: cx.Event, tag: tag, loc: loc, day: cx.Event.Start.Start(loc), tracks: cx.Event.Tracks}
	venue := ""
	if cx.Event.Venue != nil {
		venue = cx.Event.Venue.Name.Get(tag)
	}
	for i := range pr.Sessions {
		s := &pr.Sessions[i]
		sl, ok := cx.Grid.Slot(s.Slot)
		if !ok {
			return nil, &civic.FieldError{Path: civic.Path{}.Key("sessions").Index(i).Key("slot"), Code: civic.CodeUnknownRef, Args: []any{s.Slot}}
		}
		sv := sessionView{s: s, slot: sl, title: sl.Title.Get(tag), room: venue, start: v.at(sl, sl.Start)}
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
	return v, nil
}

func (v *view) at(sl *Slot, c event.Clock) time.Time {
	return time.Date(v.day.Year(), v.day.Month(), v.day.Day()+sl.Day, c.Hour, c.Minute, 0, 0, v.loc)
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

// talkTime returns the talk's start and end instants.
func (v *view) talkTime(sv *sessionView, t *Talk) (time.Time, time.Time) {
	s := v.at(sv.slot, t.Start)
	return s, s.Add(time.Duration(t.Minutes) * time.Minute)
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

// tableLabel returns "Table 2" in the language.
func (v *view) tableLabel(n int) string {
	return fmt.Sprintf("%s %d", civic.NewText("Table", "Table").Get(v.tag), n)
}
