package schedule_test

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/contribution"
	"github.com/civic-observatory/civic/event"
	"github.com/civic-observatory/civic/schedule"
)

// renamed returns the Journée's context with its formats renamed, so that a grid can
// name them as another event's call would: research → talk, pitch → poster.
func renamed(t testing.TB) schedule.Context {
	cx := journee(t)
	c := *cx.Call
	c.Formats = slices.Clone(cx.Call.Formats)
	ren := map[string]string{"research": "talk", "pitch": "poster"}
	for i := range c.Formats {
		if n, ok := ren[c.Formats[i].ID]; ok {
			c.Formats[i].ID = n
		}
	}
	var ps []*contribution.Record
	for _, p := range cx.Proposals {
		q := *p
		if n, ok := ren[q.Format]; ok {
			q.Format = n
		}
		ps = append(ps, &q)
	}
	cx.Call, cx.Proposals = &c, ps
	return cx
}

// TestSlotsHostFormats: a session hosts only the formats its slot lists — a poster only
// in a poster session, never in "Morning talks" — and the checker refuses a poster moved
// into the talks.
func TestSlotsHostFormats(t *testing.T) {
	cx := renamed(t)
	ev := cloneEvent(cx.Event)
	ev.Rooms = append(ev.Rooms, event.Room{ID: "hall", Name: civic.NewText("Hall", "Hall"), Capacity: 100})
	ev.Tracks = append(ev.Tracks, event.Track{ID: "posters", Title: civic.NewText("Posters", "Posters"), Audience: 20, Rooms: []string{"hall"},
		Tables: &event.Tables{Name: civic.NewText("Panneau", "Board"), Count: 4, Seats: 5, Facilitators: 0}})
	require.NoError(t, ev.Validate())
	at := func(h, m int) *event.Clock { c := event.At(h, m); return &c }
	cx.Event = ev
	cx.Grid = &schedule.Grid{Event: ev.ID, Slots: []schedule.Slot{
		{ID: "morning-talks", Kind: schedule.KindTalks, Formats: []string{"talk", "field-report"}, Tracks: []string{"pleniere"},
			Start: event.At(9, 0), End: at(12, 0), Discussion: 10, Title: civic.NewText("Exposés du matin", "Morning talks")},
		{ID: "posters-1", Kind: schedule.KindPosters, Formats: []string{"poster"}, Tracks: []string{"posters"},
			Start: event.At(9, 0), End: at(9, 30), Title: civic.NewText("Session de posters", "Poster session")},
		{ID: "coco", Kind: schedule.KindCoBuild, Tracks: []string{"centrifugeuses"},
			Start: event.At(14, 0), End: at(15, 30), Title: civic.NewText("Coconstruction", "Co-construction")},
	}}
	require.NoError(t, cx.Grid.Validate(ev))
	pr := build(t, cx)
	require.NoError(t, pr.Validate(cx))
	kinds := map[string][]string{}
	for _, s := range pr.Sessions {
		for _, tk := range s.Talks {
			if !slices.Contains(kinds[s.Slot], tk.Format) {
				kinds[s.Slot] = append(kinds[s.Slot], tk.Format)
			}
		}
	}
	assert.ElementsMatch(t, []string{"talk", "field-report"}, kinds["morning-talks"])
	assert.Equal(t, []string{"poster"}, kinds["posters-1"], "posters side by side on the boards")
	assert.Equal(t, []string{"centrifugeuse"}, kinds["coco"], "a 2019 kind without formats keeps its own")

	// A poster moved into the morning talks is refused.
	bad := *pr
	bad.Sessions = slices.Clone(pr.Sessions)
	var poster schedule.Talk
	for i := range bad.Sessions {
		if bad.Sessions[i].Slot == "posters-1" {
			poster = bad.Sessions[i].Talks[0]
			bad.Sessions[i].Talks = slices.Clone(bad.Sessions[i].Talks[1:])
		}
	}
	for i := range bad.Sessions {
		if bad.Sessions[i].Slot == "morning-talks" {
			poster.Start, poster.Table = event.At(11, 55), 0
			bad.Sessions[i].Talks = append(slices.Clone(bad.Sessions[i].Talks), poster)
		}
	}
	assert.Contains(t, joinCodes(bad.Validate(cx)), "wrong_session")

	// The kinds of any event must say which formats they host; breaks host none.
	g := *cx.Grid
	g.Slots = slices.Clone(cx.Grid.Slots)
	g.Slots[0].Formats = nil
	g.Slots = append(g.Slots, schedule.Slot{ID: "pause", Kind: schedule.KindBreak, Formats: []string{"talk", "talk"},
		Start: event.At(12, 0), End: at(12, 30), Title: civic.NewText("Pause", "Break")})
	assert.ElementsMatch(t, []string{"slots[0].formats required", "slots[3].formats[1] duplicate", "slots[3].formats not_for_format"},
		codesOf(g.Validate(ev)))
}

func joinCodes(err error) []string {
	var out []string
	for _, e := range civic.FieldErrors(err) {
		out = append(out, string(e.Code))
	}
	return out
}

// TestTablesByTheme: co-construction projects go first to the session built around
// their axis, then to a table where their axis is discussed, then where their family is
// not yet present.
func TestTablesByTheme(t *testing.T) {
	cx := journee(t)
	at := func(h, m int) *event.Clock { c := event.At(h, m); return &c }
	cx.Grid = &schedule.Grid{Event: cx.Event.ID, Slots: []schedule.Slot{
		{ID: "coco-a", Kind: schedule.KindCoBuild, Tracks: []string{"centrifugeuses"}, Start: event.At(10, 0), End: at(11, 30), Title: civic.NewText("A", "A")},
		{ID: "coco-b", Kind: schedule.KindCoBuild, Tracks: []string{"centrifugeuses"}, Axes: []string{"4"}, Start: event.At(14, 0), End: at(15, 30), Title: civic.NewText("B", "B")},
	}}
	require.NoError(t, cx.Grid.Validate(cx.Event))
	var ps []*contribution.Record
	for _, p := range cx.Proposals {
		if p.Format == "centrifugeuse" {
			q := *p
			q.Axes = nil
			if q.ID == "p044" || q.ID == "p048" { // internal consultations of a company and of a social landlord
				q.Axes = []string{"4"}
			}
			ps = append(ps, &q)
		}
	}
	require.Len(t, ps, 9)
	cx.Proposals = ps
	pr := build(t, cx)
	require.NoError(t, pr.Validate(cx))
	where := map[string]string{}
	tables := map[string]int{}
	for _, s := range pr.Sessions {
		for _, tk := range s.Talks {
			where[tk.Proposal] = s.Slot
			tables[tk.Proposal] = tk.Table
		}
	}
	assert.Equal(t, "coco-b", where["p044"], "democracy in organisations goes to the session on axis 4")
	assert.Equal(t, "coco-b", where["p048"])
	assert.Equal(t, tables["p044"], tables["p048"], "and the two share a table: its theme")
	// Diversity: no table hears two projects of one family when another table could.
	byID := map[string]*contribution.Record{}
	for _, p := range ps {
		byID[p.ID] = p
	}
	seen := map[string]bool{}
	for id, slot := range where {
		if id == "p044" || id == "p048" {
			continue
		}
		key := slot + "/" + itoa(tables[id]) + "/" + string(byID[id].Family())
		assert.False(t, seen[key], "two projects of one family at %s", key)
		seen[key] = true
	}
	assert.Len(t, where, 9, "every project placed")
}

// TestFormatCapacity: a workshop for at most 25 participants goes to a session of 25, not
// to the 300 seats of the plenary that also hosts workshops; the checker reports one moved
// there.
func TestFormatCapacity(t *testing.T) {
	cx := rencontres(t)
	c := *cx.Call
	c.Formats = slices.Clone(cx.Call.Formats)
	for i := range c.Formats {
		if c.Formats[i].ID == "workshop" {
			c.Formats[i].Capacity = 25
		}
	}
	cx.Call = &c
	g := *cx.Grid
	g.Slots = slices.Clone(cx.Grid.Slots)
	for i := range g.Slots {
		if g.Slots[i].ID == "ouverture" {
			g.Slots[i].Formats = []string{"talk", "workshop"} // 09:00–10:30: room for one workshop
		}
	}
	cx.Grid = &g
	pr := build(t, cx)
	require.NoError(t, pr.Validate(cx))
	for _, s := range pr.Sessions {
		for _, tk := range s.Talks {
			if tk.Format == "workshop" {
				assert.Equal(t, "ateliers", s.Track, "%s in %s", tk.Proposal, s.ID)
			}
		}
	}
	// Move a workshop into the opening plenary by hand.
	bad := *pr
	bad.Sessions = slices.Clone(pr.Sessions)
	var w schedule.Talk
	from, to := -1, -1
	for i, s := range bad.Sessions {
		if len(s.Talks) == 1 && s.Talks[0].Format == "workshop" && from < 0 {
			from, w = i, s.Talks[0]
		}
		if s.Slot == "ouverture" {
			to = i
		}
	}
	require.True(t, from >= 0 && to >= 0)
	bad.Sessions[from].Talks = nil
	w.Start = event.At(9, 0)
	bad.Sessions[to].Talks = []schedule.Talk{w}
	assert.Contains(t, codesOf(bad.Validate(cx)), "sessions["+itoa(to)+"].talks[0].proposal over_capacity")
}
