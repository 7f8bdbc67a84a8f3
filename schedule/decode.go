package schedule

import (
	"embed"
	"fmt"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/event"
	"github.com/civic-observatory/civic/internal/jsondec"
)

//go:embed data/*.json
var builtin embed.FS

// Journee2019Grid returns the built-in time grid of the Journée of 18 March 2019, as the
// call's provisional programme gives it (« Programmation provisoire »), decoded and
// validated against [event.Journee2019] like any user document.
func Journee2019Grid() (*Grid, error) {
	ev, err := event.Journee2019()
	if err != nil {
		return nil, err
	}
	return builtinGrid("data/grid-2019.json", ev)
}

// Rencontres2027Grid returns the built-in time grid of the fictional Rencontres de la
// participation citoyenne 2027 ([event.Rencontres2027]), three days in Montréal: talks
// sessions hosting the formats talk and lightning, 90-minute workshop sessions in the
// 25-seat workshop room, two poster sessions on 24 boards, breaks and lunches, and a
// lightning evening from 21:00 to 00:30 that crosses midnight. Its slots are dated, and
// its day changes at 04:00. It is decoded and validated against the event like any user
// document.
func Rencontres2027Grid() (*Grid, error) {
	ev, err := event.Rencontres2027()
	if err != nil {
		return nil, err
	}
	return builtinGrid("data/rencontres-2027-grid.json", ev)
}

func builtinGrid(name string, ev *event.Event) (*Grid, error) {
	data, err := builtin.ReadFile(name)
	if err != nil {
		return nil, err
	}
	g, err := DecodeGrid(data, ev)
	if err != nil {
		return nil, fmt.Errorf("schedule: built-in grid: %w", err)
	}
	return g, nil
}

// DecodeGrid decodes a grid strictly and validates it against the event (which may be
// nil), returning every problem at once.
func DecodeGrid(data []byte, ev *event.Event) (*Grid, error) {
	d := jsondec.New(data, jsondec.Limits{})
	g := &Grid{}
	if d.Object() {
		for d.Next() {
			switch string(d.Key()) {
			case "event":
				g.Event = d.Str()
			case "dayChange":
				g.DayChange = decodeClock(d)
			case "slots":
				if d.Array() {
					for d.More() {
						s, hasDay := decodeSlot(d)
						// A dated slot without a day gets its day from the event.
						if !hasDay && ev != nil && !s.Date.IsZero() && s.Date.Valid() && s.Date.Precision() == civic.PrecisionDay &&
							ev.Start.Valid() && ev.Start.Precision() == civic.PrecisionDay {
							if off := dayOffset(ev.Start, s.Date); off >= 0 && off < min(eventDays(ev), MaxDays) {
								s.Day = off
							}
						}
						g.Slots = append(g.Slots, s)
					}
				}
			default:
				d.Unknown()
			}
		}
	}
	d.End()
	if err := d.Check(func(v *civic.ValidationError, p civic.Path) { g.Check(v, p, ev) }); err != nil {
		return nil, err
	}
	return g, nil
}

// decodeSlot decodes a slot, and tells whether it gives its day.
func decodeSlot(d *jsondec.Decoder) (Slot, bool) {
	var s Slot
	hasDay := false
	if !d.Object() {
		return s, false
	}
	for d.Next() {
		switch string(d.Key()) {
		case "id":
			s.ID = d.Str()
		case "kind":
			s.Kind = Kind(d.Str())
		case "title":
			s.Title = d.Text()
		case "tracks":
			s.Tracks = d.Strings()
		case "day":
			s.Day, hasDay = clampInt(d.Int()), true
		case "date":
			s.Date = d.Date()
		case "start":
			if c := decodeClock(d); c != nil {
				s.Start = *c
			}
		case "end":
			s.End = decodeClock(d)
		case "endsNextDay":
			s.EndsNextDay = d.Bool()
		case "discussion":
			s.Discussion = clampInt(d.Int())
		case "families":
			for _, f := range d.Strings() {
				s.Families = append(s.Families, civic.Family(f))
			}
		case "formats":
			s.Formats = d.Strings()
		case "axes":
			s.Axes = d.Strings()
		default:
			d.Unknown()
		}
	}
	return s, hasDay
}

// decodeClock decodes "HH:MM", recording [civic.CodeInvalidClock] on any other string.
func decodeClock(d *jsondec.Decoder) *event.Clock {
	s, ok := d.StrOK()
	if !ok {
		return nil
	}
	c, err := event.ParseClock(s)
	if err != nil {
		d.Fail(civic.CodeInvalidClock, s)
		return nil
	}
	return &c
}

// clampInt narrows a decoded integer to the int32 range, so it fits an int anywhere;
// validation reports it out of range anyway.
func clampInt(n int64) int {
	return int(max(min(n, 1<<31-1), -1<<31))
}

// DecodeProgramme decodes a programme strictly and checks it against the context,
// returning every problem at once (decoding and checking together).
func DecodeProgramme(data []byte, cx Context) (*Programme, error) {
	d := jsondec.New(data, jsondec.Limits{})
	pr := &Programme{}
	if d.Object() {
		for d.Next() {
			switch string(d.Key()) {
			case "event":
				pr.Event = d.Str()
			case "call":
				pr.Call = d.Str()
			case "sessions":
				if d.Array() {
					pr.Sessions = []Session{}
					for d.More() {
						pr.Sessions = append(pr.Sessions, decodeSession(d))
					}
				}
			case "unplaced":
				if d.Array() {
					for d.More() {
						pr.Unplaced = append(pr.Unplaced, decodeUnplaced(d))
					}
				}
			default:
				d.Unknown()
			}
		}
	}
	d.End()
	if err := d.Check(func(v *civic.ValidationError, p civic.Path) { pr.Check(v, p, cx) }); err != nil {
		return pr, err
	}
	return pr, nil
}

func decodeSession(d *jsondec.Decoder) Session {
	var s Session
	if !d.Object() {
		return s
	}
	for d.Next() {
		switch string(d.Key()) {
		case "id":
			s.ID = d.Str()
		case "slot":
			s.Slot = d.Str()
		case "track":
			s.Track = d.Str()
		case "room":
			s.Room = d.Str()
		case "axis":
			s.Axis = d.Str()
		case "talks":
			if d.Array() {
				for d.More() {
					s.Talks = append(s.Talks, decodeTalk(d))
				}
			}
		default:
			d.Unknown()
		}
	}
	return s
}

func decodeTalk(d *jsondec.Decoder) Talk {
	var t Talk
	if !d.Object() {
		return t
	}
	for d.Next() {
		switch string(d.Key()) {
		case "proposal":
			t.Proposal = d.Str()
		case "title":
			t.Title = d.Str()
		case "format":
			t.Format = d.Str()
		case "language":
			t.Language = d.Str()
		case "start":
			if c := decodeClock(d); c != nil {
				t.Start = *c
			}
		case "minutes":
			t.Minutes = clampInt(d.Int())
		case "table":
			t.Table = clampInt(d.Int())
		case "speakers":
			if d.Array() {
				t.Speakers = []Speaker{}
				for d.More() {
					var sk Speaker
					if d.Object() {
						for d.Next() {
							switch string(d.Key()) {
							case "name":
								sk.Name = d.Str()
							case "organisation":
								sk.Organisation = d.Str()
							default:
								d.Unknown()
							}
						}
					}
					t.Speakers = append(t.Speakers, sk)
				}
			}
		default:
			d.Unknown()
		}
	}
	return t
}

func decodeUnplaced(d *jsondec.Decoder) Unplaced {
	var u Unplaced
	if !d.Object() {
		return u
	}
	for d.Next() {
		switch string(d.Key()) {
		case "proposal":
			u.Proposal = d.Str()
		case "code":
			u.Code = civic.Code(d.Str())
		case "args":
			u.Args = d.Strings()
		default:
			d.Unknown()
		}
	}
	return u
}
