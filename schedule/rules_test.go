package schedule_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/contribution"
	"github.com/civic-observatory/civic/event"
	"github.com/civic-observatory/civic/schedule"
)

// cloneEvent returns a copy of the event whose rooms and tracks can be edited.
func cloneEvent(ev *event.Event) *event.Event {
	c := *ev
	c.Rooms = slices.Clone(ev.Rooms)
	c.Tracks = slices.Clone(ev.Tracks)
	for i := range c.Tracks {
		if c.Tracks[i].Tables != nil {
			tb := *c.Tracks[i].Tables
			c.Tracks[i].Tables = &tb
		}
	}
	return &c
}

// codesOf lists "path code" for every problem of err.
func codesOf(err error) []string {
	var got []string
	for _, e := range civic.FieldErrors(err) {
		got = append(got, e.Path.String()+" "+string(e.Code))
	}
	return got
}

// staggered returns the Journée with a grid whose slots overlap without sharing a start:
// a round table 10:00–11:30, an experience workshop 11:00–12:00 on another track, and a
// round table 11:45–13:00. Someone speaking in the workshop can speak in neither round
// table, though the two round tables do not overlap.
func staggered(t testing.TB) schedule.Context {
	cx := journee(t)
	at := func(h, m int) *event.Clock { c := event.At(h, m); return &c }
	cx.Grid = &schedule.Grid{Event: cx.Event.ID, Slots: []schedule.Slot{
		{ID: "rt-a", Kind: schedule.KindRoundTable, Tracks: []string{"pleniere"}, Start: event.At(10, 0), End: at(11, 30), Discussion: 20, Title: civic.NewText("A", "")},
		{ID: "at-b", Kind: schedule.KindExperience, Tracks: []string{"formation"}, Start: event.At(11, 0), End: at(12, 0), Discussion: 10, Title: civic.NewText("B", "")},
		{ID: "rt-c", Kind: schedule.KindRoundTable, Tracks: []string{"pleniere"}, Start: event.At(11, 45), End: at(13, 0), Discussion: 15, Title: civic.NewText("C", "")},
	}}
	require.NoError(t, cx.Grid.Validate(cx.Event))
	return cx
}

// TestBuildStaggeredSlots gives every research presentation and field report the same
// speaker: the scheduler must keep them apart in time even when overlapping slots do not
// start together, and the checker must agree.
func TestBuildStaggeredSlots(t *testing.T) {
	cx := staggered(t)
	var results []*contribution.Record
	for _, p := range cx.Proposals {
		if p.Format == "research" || p.Format == "field-report" {
			q := *p
			q.Contributors = slices.Clone(p.Contributors)
			q.Contributors[0].Email = "same@example.org"
			results = append(results, &q)
		}
	}
	require.Greater(t, len(results), 3)
	cx.Proposals = results
	pr := build(t, cx)
	require.NoError(t, pr.Validate(cx), "the built programme passes the checker")
	sessions := 0
	for _, s := range pr.Sessions {
		if len(s.Talks) > 0 {
			sessions++
		}
	}
	assert.Equal(t, 2, sessions, "the speaker is in the two round tables, which do not overlap, or in the workshop alone")

	var lp bytes.Buffer
	require.NoError(t, schedule.WriteLP(&lp, cx))
	assert.Contains(t, lp.String(), "busy_", "the exact model has the same rule")
}

// TestCheckCapacity: a session in a room too small for its share of the track's audience,
// and a centrifugeuse at tables with fewer seats than the format needs.
func TestCheckCapacity(t *testing.T) {
	cx := journee(t)
	pr := build(t, cx)
	require.NoError(t, pr.Validate(cx))

	ev := cloneEvent(cx.Event)
	for i := range ev.Rooms {
		switch ev.Rooms[i].ID {
		case "salle-atelier-1":
			ev.Rooms[i].Capacity = 30
		case "salle-atelier-3":
			ev.Rooms[i].Capacity = 10 // 60 places in all, 20 a room expected
		}
	}
	for i := range ev.Tracks {
		if ev.Tracks[i].Tables != nil {
			ev.Tracks[i].Tables.Seats = 4 // the centrifugeuse needs 5 seats and a facilitator
			ev.Tracks[i].Audience = 24
		}
	}
	require.NoError(t, ev.Validate(), "the event itself is consistent")
	cx.Event = ev
	got := codesOf(pr.Validate(cx))
	var rooms, tables int
	for i, s := range pr.Sessions {
		if s.Room == "salle-atelier-3" {
			assert.Contains(t, got, fmt.Sprintf("sessions[%d].room over_capacity", i))
			rooms++
		}
		for j, tk := range s.Talks {
			if tk.Table > 0 {
				assert.Contains(t, got, pathOf(i, j, "table")+" over_capacity")
				tables++
			}
		}
	}
	assert.Equal(t, 4, rooms, "the four workshop slots in the small room")
	assert.Positive(t, tables)

	// The scheduler does not seat a centrifugeuse at tables too small for it.
	again := build(t, cx)
	for _, s := range again.Sessions {
		for _, tk := range s.Talks {
			assert.Zero(t, tk.Table, "no centrifugeuse placed at a table of 4")
		}
	}
	for _, u := range again.Unplaced {
		assert.Equal(t, civic.CodeNoPlace, u.Code)
	}
}

// TestCheckSpeakerAtTwoTables: one person holding two projects at two tables of one
// co-construction session at the same time.
func TestCheckSpeakerAtTwoTables(t *testing.T) {
	cx := journee(t)
	pr := build(t, cx)
	props := map[string]*contribution.Record{}
	for _, p := range cx.Proposals {
		props[p.ID] = p
	}
	for i, s := range pr.Sessions {
		if len(s.Talks) < 2 || s.Talks[0].Table == 0 {
			continue
		}
		a, b := s.Talks[0], s.Talks[1]
		require.NotEqual(t, a.Table, b.Table)
		require.Equal(t, a.Start, b.Start)
		props[b.Proposal].Contributors = slices.Clone(props[b.Proposal].Contributors)
		props[b.Proposal].Contributors[0].Email = props[a.Proposal].Contributors[0].Email
		assert.Contains(t, codesOf(pr.Validate(cx)), pathOf(i, 1, "speakers")+" speaker_conflict")
		return
	}
	t.Fatal("no co-construction session with two tables in use")
}

// TestBadInput goes through the bad inputs the issue lists, each with its localised
// message in both languages.
func TestBadInput(t *testing.T) {
	cx := journee(t)
	good, err := json.Marshal(build(t, cx))
	require.NoError(t, err)
	tests := []struct {
		name string
		grid string // a grid document, or "" to decode the programme
		prog func(s string) string
		want string
		fr   string
		en   string
	}{
		{name: "slot ending before it starts",
			grid: `{"event":"journee-civic-tech-2019","slots":[{"id":"a","kind":"lunch","start":"13:00","end":"12:00","title":{"fr":"D"}}]}`,
			want: "slots[0].end order", fr: "13:00", en: "13:00"},
		{name: "overlapping slots in one room",
			grid: `{"event":"journee-civic-tech-2019","slots":[
				{"id":"a","kind":"round_table","tracks":["pleniere"],"start":"10:00","end":"11:30","title":{"fr":"A"}},
				{"id":"b","kind":"round_table","tracks":["pleniere"],"start":"11:00","end":"12:00","title":{"fr":"B"}}]}`,
			want: "slots[1] room_conflict", fr: "pleniere", en: "pleniere"},
		{name: "control character in a talk title",
			prog: func(s string) string {
				return strings.Replace(s, `"title":"`, `"title":"Bell\u0007 `, 1)
			},
			want: "sessions[0].talks[0].title", fr: "", en: ""},
		{name: "talk ending after its session",
			prog: func(s string) string { return strings.Replace(s, `"minutes":5`, `"minutes":500`, 1) },
			want: "sessions[0].talks[0].start order", fr: "09:00", en: "09:00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.grid != "" {
				_, err = schedule.DecodeGrid([]byte(tt.grid), cx.Event)
			} else {
				_, err = schedule.DecodeProgramme([]byte(tt.prog(string(good))), cx)
			}
			require.Error(t, err)
			var found *civic.FieldError
			for _, e := range civic.FieldErrors(err) {
				if strings.HasPrefix(e.Path.String()+" "+string(e.Code), tt.want) {
					found = e
				}
			}
			require.NotNil(t, found, "want %s in %v", tt.want, codesOf(err))
			fr := found.Localize(civic.NewPrinter(language.French))
			en := found.Localize(civic.NewPrinter(language.English))
			assert.NotEqual(t, fr, en, "localised")
			assert.Contains(t, fr, tt.fr)
			assert.Contains(t, en, tt.en)
		})
	}
}

// TestNoSuchTimeZone: exports refuse an event whose time zone does not exist, with the
// code and nothing written.
func TestNoSuchTimeZone(t *testing.T) {
	cx := journee(t)
	pr := build(t, cx)
	ev := cloneEvent(cx.Event)
	ev.TimeZone = "Europe/Atlantis"
	cx.Event = ev
	for name, write := range map[string]func(*bytes.Buffer) error{
		"ics":       func(b *bytes.Buffer) error { return pr.WriteICal(b, cx, language.French) },
		"frab-xml":  func(b *bytes.Buffer) error { return pr.WriteFrabXML(b, cx, language.French) },
		"frab-json": func(b *bytes.Buffer) error { return pr.WriteFrabJSON(b, cx, language.French) },
		"html":      func(b *bytes.Buffer) error { return pr.WriteHTML(b, cx, language.French) },
		"md":        func(b *bytes.Buffer) error { return pr.WriteMarkdown(b, cx, language.French) },
		"text":      func(b *bytes.Buffer) error { return pr.WriteText(b, cx, language.French) },
	} {
		var buf bytes.Buffer
		err := write(&buf)
		assert.Equal(t, []string{"timeZone invalid_zone"}, codesOf(err), name)
		assert.Zero(t, buf.Len(), "%s: nothing written", name)
	}
}

// TestVTimezoneFromZoneRules: the VTIMEZONE follows the zone's own rules, not Europe's.
func TestVTimezoneFromZoneRules(t *testing.T) {
	tests := []struct {
		zone string
		want []string // unfolded lines that must appear, in order
	}{
		{"Europe/Paris", []string{"BEGIN:DAYLIGHT", "DTSTART:20190331T020000", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST",
			"BEGIN:STANDARD", "DTSTART:20191027T030000", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100"}},
		{"America/New_York", []string{"BEGIN:DAYLIGHT", "DTSTART:20190310T020000", "TZOFFSETFROM:-0500", "TZOFFSETTO:-0400",
			"BEGIN:STANDARD", "DTSTART:20191103T020000", "TZOFFSETFROM:-0400", "TZOFFSETTO:-0500"}},
		{"Australia/Sydney", []string{"BEGIN:STANDARD", "DTSTART:20190407T030000", "TZOFFSETFROM:+1100", "TZOFFSETTO:+1000",
			"BEGIN:DAYLIGHT", "DTSTART:20191006T020000", "TZOFFSETFROM:+1000", "TZOFFSETTO:+1100"}},
		{"Asia/Tokyo", []string{"BEGIN:STANDARD", "DTSTART:19700101T000000", "TZOFFSETFROM:+0900", "TZOFFSETTO:+0900", "TZNAME:JST", "END:STANDARD", "END:VTIMEZONE"}},
	}
	cx := journee(t)
	pr := build(t, cx)
	for _, tt := range tests {
		t.Run(tt.zone, func(t *testing.T) {
			ev := cloneEvent(cx.Event)
			ev.TimeZone = tt.zone
			c := cx
			c.Event = ev
			var buf bytes.Buffer
			require.NoError(t, pr.WriteICal(&buf, c, language.English))
			out := strings.ReplaceAll(buf.String(), "\r\n ", "")
			vtz := out[strings.Index(out, "BEGIN:VTIMEZONE") : strings.Index(out, "END:VTIMEZONE")+len("END:VTIMEZONE")]
			lines := strings.Split(vtz, "\r\n")
			at := 0
			for _, w := range tt.want {
				i := slices.Index(lines[at:], w)
				require.GreaterOrEqual(t, i, 0, "%s after line %d of\n%s", w, at, vtz)
				at += i + 1
			}
			assert.Contains(t, out, "DTSTART;TZID="+tt.zone+":20190318T090000")
		})
	}
}
