package schedule

import (
	"slices"
	"time"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/contribution"
	"github.com/civic-observatory/civic/event"
	"github.com/civic-observatory/civic/internal/check"
)

// Kind is the kind of a session of the programme.
type Kind string

// The kinds of session of the 2019 provisional programme.
const (
	KindOpening    Kind = "opening_plenary"     // plénière d'ouverture: pitches
	KindRoundTable Kind = "round_table"         // table ronde: research and field reports
	KindCoBuild    Kind = "co_construction"     // coconstruction: centrifugeuse tables
	KindTraining   Kind = "mini_training"       // mini formation: given by the organisers
	KindExperience Kind = "experience_workshop" // atelier de retours d'expérience: research and field reports
	KindDiscussion Kind = "discussion_workshop" // atelier de discussion: open discussion
	KindLunch      Kind = "lunch"               // déjeuner
	KindBreak      Kind = "break"               // pause
	KindEvening    Kind = "evening"             // soirée
)

// Kinds of session for any event: they host only the formats their slot lists.
const (
	KindTalks    Kind = "talks"          // talks one after another, grouped by theme like round tables
	KindPosters  Kind = "poster_session" // posters side by side, one per board (the track's tables)
	KindWorkshop Kind = "workshop"       // a workshop session, one contribution after another
)

// Kinds lists every Kind, in the order of the day, then the kinds for any event.
func Kinds() []Kind {
	return []Kind{KindOpening, KindRoundTable, KindCoBuild, KindTraining, KindExperience,
		KindDiscussion, KindLunch, KindBreak, KindEvening, KindTalks, KindPosters, KindWorkshop}
}

// generic reports whether sessions of kind k take only the formats their slot lists.
func (k Kind) generic() bool { return k == KindTalks || k == KindPosters || k == KindWorkshop }

// hostsNothing reports whether sessions of kind k present no contributions (breaks,
// trainings given by the organisers, open discussions, the evening).
func (k Kind) hostsNothing() bool {
	switch k {
	case KindTraining, KindDiscussion, KindLunch, KindBreak, KindEvening:
		return true
	}
	return false
}

// Themed reports whether sessions of kind k group their talks by theme: round tables,
// experience workshops and talks sessions are scored for a common axis, diverse families
// and a common language (see [Score]).
func (k Kind) Themed() bool { return k == KindRoundTable || k == KindExperience || k == KindTalks }

// Seated reports whether sessions of kind k are divided among the tables of their track:
// co-construction tables, or the boards of a poster session.
func (k Kind) Seated() bool { return k == KindCoBuild || k == KindPosters }

// Valid reports whether k is one of [Kinds].
func (k Kind) Valid() bool { return slices.Contains(Kinds(), k) }

// Takes reports whether a session of kind k takes contributions of the format f, by the
// main question of its form: results of actions carried out (research presentations and
// field reports) go to round tables and experience workshops, pitches to the opening
// plenary, centrifugeuse projects to co-construction sessions.
func (k Kind) Takes(f *contribution.Format) bool {
	switch section(f) {
	case "results":
		return k == KindRoundTable || k == KindExperience
	case "pitch":
		return k == KindOpening
	case "project":
		return k == KindCoBuild
	}
	return false
}

// section returns the ID of the first required group of the format's form ("results",
// "project", "pitch" in the 2019 call), or "".
func section(f *contribution.Format) string {
	for _, fl := range f.Fields {
		if fl.Type == contribution.FieldGroup && fl.Required {
			return fl.ID
		}
	}
	return ""
}

// Grid is the time grid of an event's programme: the slots of each track, over one day or
// many.
type Grid struct {
	// Event is the ID of the event the grid belongs to.
	Event string `json:"event"`
	// DayChange is the local time at which one day of the programme ends and the next
	// begins (frab's day_change): a slot that starts before it belongs to the programme
	// of the day before, as the sessions after midnight of a congress do. Nil means
	// midnight.
	DayChange *event.Clock `json:"dayChange,omitempty"`
	// Slots are the slots of the event, in any order.
	Slots []Slot `json:"slots"`
}

// Slot is a time slot of one or more tracks (all of them when Tracks is empty, as for
// lunch), with the kind of session it holds.
type Slot struct {
	// ID identifies the slot within its grid, matching [civic.IDPattern].
	ID string `json:"id"`
	// Kind is the kind of session held in the slot.
	Kind Kind `json:"kind"`
	// Title is the slot's title as the programme gives it (« Première table-ronde »).
	Title civic.Text `json:"title"`
	// Tracks are the IDs of the event's tracks the slot belongs to; empty for all tracks.
	Tracks []string `json:"tracks,omitempty"`
	// Day is the day the slot starts, counted from the event's first day (0); a one-day
	// event leaves it out. [DecodeGrid] sets it from Date when the document gives a date
	// and no day.
	Day int `json:"day,omitempty"`
	// Date is the calendar date the slot starts on, in the event's time zone; optional.
	// When given, it must be the event's start date plus Day, within the event's dates.
	Date civic.Date `json:"date,omitzero"`
	// Start and End are the local times of the slot. End is nil only for the evening,
	// whose end the source does not give.
	Start event.Clock  `json:"start"`
	End   *event.Clock `json:"end,omitempty"`
	// EndsNextDay tells that End is a time of the next day: the slot crosses midnight
	// (21:00–00:30). End must then not be after Start, so that a slot lasts at most a day.
	EndsNextDay bool `json:"endsNextDay,omitempty"`
	// Discussion is the time, in minutes, kept free of talks for discussion or for the
	// organisers' words.
	Discussion int `json:"discussion,omitempty"`
	// Families, for a co-construction slot, are the families of actors whose projects it
	// takes; empty for any (« A définir »).
	Families []civic.Family `json:"families,omitempty"`
	// Formats are the IDs of the call's formats the slot's sessions host: a poster only in
	// a poster session. Required for the kinds of any event (talks, poster_session,
	// workshop); for the 2019 kinds, empty means the kind's own formats (see [Kind.Takes]).
	Formats []string `json:"formats,omitempty"`
	// Axes are the themes the slot's sessions are built around: IDs of the call's axes.
	// The scheduler places a contribution on one of them there first, and fills tables by
	// theme, then by diversity of families.
	Axes []string `json:"axes,omitempty"`
}

// Hosts reports whether the slot's sessions host contributions of format f: those its
// Formats list, or, without a list, those its kind takes (see [Kind.Takes]).
func (s *Slot) Hosts(f *contribution.Format) bool {
	if len(s.Formats) > 0 {
		return slices.Contains(s.Formats, f.ID)
	}
	if s.Kind.generic() {
		return false
	}
	return s.Kind.Takes(f)
}

// Minutes returns the slot's length in minutes, 0 without an end.
func (s *Slot) Minutes() int {
	if s.End == nil {
		return 0
	}
	m := s.End.Minutes() - s.Start.Minutes()
	if s.EndsNextDay {
		m += minutesPerDay
	}
	return m
}

// minutesPerDay is the length of a day in the programme's local time arithmetic.
const minutesPerDay = 24 * 60

// Overlaps reports whether two slots share some time. A slot without an end lasts an
// instant.
func (s *Slot) Overlaps(t *Slot) bool {
	as, ae := s.span()
	bs, be := t.span()
	return overlap(as, ae, bs, be)
}

// span returns the slot's start and end in minutes from the event's first midnight; a
// slot without an end lasts a minute.
func (s *Slot) span() (int, int) {
	start := s.Day*minutesPerDay + s.Start.Minutes()
	if s.End == nil {
		return start, start + 1
	}
	return start, start + s.Minutes()
}

// at returns a time of the slot in minutes from the event's first midnight: a time
// before the slot's start, in a slot that crosses midnight, is on the next day.
func (s *Slot) at(c event.Clock) int {
	m := s.Day*minutesPerDay + c.Minutes()
	if s.EndsNextDay && c.Minutes() < s.Start.Minutes() {
		m += minutesPerDay
	}
	return m
}

// clockAt returns the local time of day of an instant given in minutes from the event's
// first midnight.
func clockAt(m int) event.Clock {
	m %= minutesPerDay
	if m < 0 {
		m += minutesPerDay
	}
	return event.At(m/60, m%60)
}

// overlap reports whether [as, ae) and [bs, be) meet.
func overlap(as, ae, bs, be int) bool { return as < be && bs < ae }

// Slot returns the slot with the ID.
func (g *Grid) Slot(id string) (*Slot, bool) {
	for i := range g.Slots {
		if g.Slots[i].ID == id {
			return &g.Slots[i], true
		}
	}
	return nil, false
}

// Limits on grids.
const (
	MaxSlots    = 5000
	MaxDays     = 31
	MaxTitleLen = 300
	MaxSlotRefs = 100 // formats or axes of one slot
)

// Check records the problems of the grid at path, against the event when it is not nil
// (tracks must exist).
func (g *Grid) Check(v *civic.ValidationError, path civic.Path, ev *event.Event) {
	check.ID(v, path.Key("event"), g.Event)
	if ev != nil && g.Event != "" && g.Event != ev.ID {
		v.Add(path.Key("event"), civic.CodeUnknownRef, g.Event)
	}
	sp := path.Key("slots")
	if len(g.Slots) == 0 {
		v.Add(sp, civic.CodeRequired)
	}
	if len(g.Slots) > MaxSlots {
		v.Add(sp, civic.CodeTooMany, MaxSlots, len(g.Slots))
	}
	if g.DayChange != nil && !g.DayChange.Valid() {
		v.Add(path.Key("dayChange"), civic.CodeInvalidClock, g.DayChange.String())
	}
	days := eventDays(ev)
	seen := map[string]bool{}
	for i := range g.Slots {
		s := &g.Slots[i]
		p := sp.Index(i)
		if check.ID(v, p.Key("id"), s.ID) && seen[s.ID] {
			v.Add(p.Key("id"), civic.CodeDuplicate, s.ID)
		}
		seen[s.ID] = true
		switch {
		case s.Kind == "":
			v.Add(p.Key("kind"), civic.CodeRequired)
		case !s.Kind.Valid():
			v.Add(p.Key("kind"), civic.CodeUnknownValue, string(s.Kind))
		}
		checkTitle(v, p.Key("title"), s.Title, true)
		if !s.Start.Valid() {
			v.Add(p.Key("start"), civic.CodeInvalidClock, s.Start.String())
		}
		switch {
		case s.End == nil && (s.Kind != KindEvening || s.EndsNextDay):
			v.Add(p.Key("end"), civic.CodeRequired)
		case s.End != nil && !s.End.Valid():
			v.Add(p.Key("end"), civic.CodeInvalidClock, s.End.String())
		case s.End != nil && !s.EndsNextDay && s.End.Compare(s.Start) <= 0:
			v.Add(p.Key("end"), civic.CodeOrder, s.Start.String(), s.End.String())
		case s.End != nil && s.EndsNextDay && s.End.Compare(s.Start) > 0:
			// Ending the next day after the start time would last more than a day.
			v.Add(p.Key("end"), civic.CodeOrder, s.End.String(), s.Start.String())
		}
		if s.Day < 0 || s.Day > MaxDays-1 {
			v.Add(p.Key("day"), civic.CodeOutOfRange, 0, MaxDays-1, s.Day)
		} else if days > 0 && s.Day >= days {
			v.Add(p.Key("day"), civic.CodeOutOfRange, 0, days-1, s.Day)
		}
		checkSlotDate(v, p, s, ev, days)
		if s.Minutes() >= 0 && (s.Discussion < 0 || s.Discussion > s.Minutes()) { // a negative length is reported on the end
			v.Add(p.Key("discussion"), civic.CodeOutOfRange, 0, max(s.Minutes(), 0), s.Discussion)
		}
		for j, t := range s.Tracks {
			if ev != nil {
				if _, ok := ev.Track(t); !ok {
					v.Add(p.Key("tracks").Index(j), civic.CodeUnknownRef, t)
				}
			}
		}
		for j, f := range s.Families {
			if !f.Valid() {
				v.Add(p.Key("families").Index(j), civic.CodeUnknownValue, string(f))
			}
		}
		if len(s.Families) > 0 && s.Kind != KindCoBuild {
			v.Add(p.Key("families"), civic.CodeNotForFormat, "families", string(s.Kind))
		}
		checkIDs(v, p.Key("formats"), s.Formats)
		checkIDs(v, p.Key("axes"), s.Axes)
		switch {
		case len(s.Formats) == 0 && s.Kind.generic():
			v.Add(p.Key("formats"), civic.CodeRequired)
		case len(s.Formats) > 0 && s.Kind.hostsNothing():
			v.Add(p.Key("formats"), civic.CodeNotForFormat, "formats", string(s.Kind))
		}
	}
	// Two slots of one track may not overlap.
	for i := range g.Slots {
		for j := i + 1; j < len(g.Slots); j++ {
			a, b := &g.Slots[i], &g.Slots[j]
			if a.Overlaps(b) && sharesTrack(a, b) {
				v.Add(sp.Index(j), civic.CodeRoomConflict, trackOf(a, b), a.ID)
			}
		}
	}
}

// checkIDs checks a list of identifiers: each well-formed, none twice.
func checkIDs(v *civic.ValidationError, path civic.Path, ids []string) {
	if len(ids) > MaxSlotRefs {
		v.Add(path, civic.CodeTooMany, MaxSlotRefs, len(ids))
		return
	}
	for i, id := range ids {
		if check.ID(v, path.Index(i), id) && slices.Index(ids[:i], id) >= 0 {
			v.Add(path.Index(i), civic.CodeDuplicate, id)
		}
	}
}

// eventDays returns the number of days the event spans, from its start date to its end
// date, or 0 when it is unknown (no event, or dates not known to the day).
func eventDays(ev *event.Event) int {
	if ev == nil || !ev.Start.Valid() || ev.Start.Precision() != civic.PrecisionDay {
		return 0
	}
	if ev.End.IsZero() {
		return 1
	}
	if !ev.End.Valid() || ev.End.Precision() != civic.PrecisionDay {
		return 0
	}
	n := dayOffset(ev.Start, ev.End) + 1
	if n < 1 {
		return 0
	}
	return n
}

// dayOffset returns the number of days from date a to date b, both known to the day.
func dayOffset(a, b civic.Date) int {
	ta := time.Date(a.Year, a.Month, a.Day, 12, 0, 0, 0, time.UTC)
	tb := time.Date(b.Year, b.Month, b.Day, 12, 0, 0, 0, time.UTC)
	return int(tb.Sub(ta).Hours()) / 24
}

// checkSlotDate checks a slot's date: a valid day within the event's dates, agreeing with
// its day.
func checkSlotDate(v *civic.ValidationError, p civic.Path, s *Slot, ev *event.Event, days int) {
	if s.Date.IsZero() {
		return
	}
	switch {
	case !s.Date.Valid():
		v.Add(p.Key("date"), civic.CodeInvalidDate, s.Date.String())
		return
	case s.Date.Precision() != civic.PrecisionDay:
		v.Add(p.Key("date"), civic.CodePrecision, s.Date.String(), string(civic.PrecisionDay))
		return
	}
	if days == 0 {
		return
	}
	off := dayOffset(ev.Start, s.Date)
	switch {
	case off < 0 || off >= days:
		last := ev.Start
		if !ev.End.IsZero() {
			last = ev.End
		}
		v.Add(p.Key("date"), civic.CodeOutOfRange, ev.Start.String(), last.String(), s.Date.String())
	case off != s.Day:
		v.Add(p.Key("day"), civic.CodeOutOfRange, off, off, s.Day)
	}
}

// sharesTrack reports whether two slots use a common track (a slot without tracks uses
// every track).
func sharesTrack(a, b *Slot) bool {
	if len(a.Tracks) == 0 || len(b.Tracks) == 0 {
		return true
	}
	for _, t := range a.Tracks {
		if slices.Contains(b.Tracks, t) {
			return true
		}
	}
	return false
}

func trackOf(a, b *Slot) string {
	for _, t := range a.Tracks {
		if len(b.Tracks) == 0 || slices.Contains(b.Tracks, t) {
			return t
		}
	}
	if len(b.Tracks) > 0 {
		return b.Tracks[0]
	}
	return "*"
}

// checkTitle checks a localised title with the root's text rules. Markup is plain text,
// escaped by every export, never a reason to refuse a grid.
func checkTitle(v *civic.ValidationError, path civic.Path, t civic.Text, required bool) {
	t.Check(v, path, required, MaxTitleLen)
}

// Validate reports every problem of the grid as a [*civic.ValidationError].
func (g *Grid) Validate(ev *event.Event) error {
	var v civic.ValidationError
	g.Check(&v, nil, ev)
	return v.Err()
}
