package schedule_test

import (
	"fmt"
	"testing"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/contribution"
	"github.com/civic-observatory/civic/event"
	"github.com/civic-observatory/civic/schedule"
)

// clones returns n confirmed proposals made from the sample, with new IDs and e-mails
// (every seventh keeps a speaker of an earlier one, so speakers' conflicts matter).
func clones(t testing.TB, cx schedule.Context, n int, formats func(i int) string) []*contribution.Record {
	base := cx.Proposals
	byFormat := map[string][]*contribution.Record{}
	for _, p := range base {
		byFormat[p.Format] = append(byFormat[p.Format], p)
	}
	out := make([]*contribution.Record, n)
	for i := range n {
		src := base[i%len(base)]
		if formats != nil {
			list := byFormat[formats(i)]
			src = list[i%len(list)]
		}
		q := *src
		q.ID = fmt.Sprintf("q%05d", i)
		q.State = contribution.StateConfirmed
		q.Contributors = append([]civic.Person(nil), src.Contributors...)
		for k := range q.Contributors {
			j := i
			if i%7 == 0 && i > 0 {
				j = i - 1
			}
			q.Contributors[k].Email = fmt.Sprintf("speaker%05d-%d@example.org", j, k)
		}
		out[i] = &q
	}
	return out
}

// BenchmarkJournee60 builds the Journée's programme from 60 confirmed proposals.
func BenchmarkJournee60(b *testing.B) {
	cx := journee(b)
	cx.Proposals = clones(b, cx, 60, nil)
	for b.Loop() {
		if _, err := schedule.Build(cx); err != nil {
			b.Fatal(err)
		}
	}
}

// congress returns a 3-day event with 20 rooms (one track each) and its grid: every day an
// opening plenary, then four blocks in which 12 rooms hold round tables, 4 experience
// workshops and 4 co-construction sessions of 6 tables.
func congress(t testing.TB, n int) schedule.Context {
	cx := journee(t)
	ev := &event.Event{ID: "congres", Kind: event.KindConference, Title: civic.NewText("Congrès", "Congress"),
		Start: civic.DayDate(2019, 6, 3), End: civic.DayDate(2019, 6, 5), TimeZone: "Europe/Paris"}
	g := &schedule.Grid{Event: "congres"}
	blocks := [][2]event.Clock{{event.At(10, 0), event.At(11, 30)}, {event.At(11, 30), event.At(13, 0)}, {event.At(14, 30), event.At(16, 0)}, {event.At(16, 30), event.At(18, 0)}}
	for r := range 20 {
		id := fmt.Sprintf("salle-%02d", r+1)
		ev.Rooms = append(ev.Rooms, event.Room{ID: id, Name: civic.NewText("Salle "+id, "Room "+id), Capacity: 200})
		tr := event.Track{ID: "t" + id, Title: civic.NewText("Piste "+id, "Track "+id), Audience: 100, Rooms: []string{id}}
		if r >= 16 {
			tr.Tables, tr.Audience = &event.Tables{Count: 6, Seats: 5, Facilitators: 1}, 30
		}
		ev.Tracks = append(ev.Tracks, tr)
	}
	for day := range 3 {
		end := event.At(10, 0)
		g.Slots = append(g.Slots, schedule.Slot{ID: fmt.Sprintf("ouverture-%d", day), Kind: schedule.KindOpening, Day: day,
			Tracks: []string{"tsalle-01"}, Start: event.At(9, 0), End: &end, Discussion: 10, Title: civic.NewText("Ouverture", "Opening")})
		for bi, bl := range blocks {
			for r := range 20 {
				kind := schedule.KindRoundTable
				switch {
				case r >= 16:
					kind = schedule.KindCoBuild
				case r >= 12:
					kind = schedule.KindExperience
				}
				end := bl[1]
				g.Slots = append(g.Slots, schedule.Slot{ID: fmt.Sprintf("d%d-b%d-r%02d", day, bi, r), Kind: kind, Day: day,
					Tracks: []string{fmt.Sprintf("tsalle-%02d", r+1)}, Start: bl[0], End: &end, Discussion: 15,
					Title: civic.NewText("Session", "Session")})
			}
		}
	}
	for i := range g.Slots {
		if g.Slots[i].Kind == schedule.KindCoBuild {
			g.Slots[i].Discussion = 0
		}
	}
	cx.Event, cx.Grid = ev, g
	formats := []string{"research", "field-report", "field-report", "research", "centrifugeuse", "field-report", "research", "pitch"}
	cx.Proposals = clones(t, cx, n, func(i int) string { return formats[i%len(formats)] })
	return cx
}

// TestCongress builds the large congress and checks every hard constraint with the checker.
func TestCongress(t *testing.T) {
	if testing.Short() {
		t.Skip("the congress takes a few seconds under the race detector; run without -short")
	}
	cx := congress(t, 2000)
	if err := cx.Event.Validate(); err != nil {
		t.Fatal(err)
	}
	if err := cx.Grid.Validate(cx.Event); err != nil {
		t.Fatal(err)
	}
	pr, err := schedule.Build(cx)
	if err != nil {
		t.Fatal(err)
	}
	if err := pr.Validate(cx); err != nil {
		t.Fatalf("the congress programme breaks a hard constraint: %v", err)
	}
	o := schedule.Score(pr, cx)
	t.Logf("placed %d of %d, unplaced %d, objective %+v", o.Placed, len(cx.Proposals), len(pr.Unplaced), o)
	if o.Placed+len(pr.Unplaced) != len(cx.Proposals) {
		t.Fatalf("placed %d + unplaced %d != %d", o.Placed, len(pr.Unplaced), len(cx.Proposals))
	}
}

// BenchmarkCongress2000 builds a 3-day, 20-room congress from 2,000 proposals.
func BenchmarkCongress2000(b *testing.B) {
	cx := congress(b, 2000)
	for b.Loop() {
		if _, err := schedule.Build(cx); err != nil {
			b.Fatal(err)
		}
	}
}
