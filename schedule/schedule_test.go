package schedule_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/contribution"
	"github.com/civic-observatory/civic/event"
	"github.com/civic-observatory/civic/schedule"
)

var update = flag.Bool("update", false, "rewrite golden files")

// journee returns the context of the Journée with every sample proposal confirmed.
func journee(t testing.TB) schedule.Context {
	t.Helper()
	ev, err := event.Journee2019()
	require.NoError(t, err)
	g, err := schedule.Journee2019Grid()
	require.NoError(t, err)
	c, err := contribution.Call2019()
	require.NoError(t, err)
	ps, err := contribution.Sample2019(c)
	require.NoError(t, err)
	rs := make([]*contribution.Record, len(ps))
	for i, p := range ps {
		rs[i] = contribution.NewRecord(p)
		rs[i].State = contribution.StateConfirmed
	}
	return schedule.Context{Event: ev, Grid: g, Call: c, Proposals: rs}
}

func build(t testing.TB, cx schedule.Context) *schedule.Programme {
	t.Helper()
	pr, err := schedule.Build(cx)
	require.NoError(t, err)
	return pr
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -update to create it")
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", name, diff)
	}
}

func TestGrid2019(t *testing.T) {
	g, err := schedule.Journee2019Grid()
	require.NoError(t, err)
	kinds := map[schedule.Kind]int{}
	for _, s := range g.Slots {
		kinds[s.Kind]++
	}
	assert.Equal(t, map[schedule.Kind]int{
		schedule.KindOpening: 1, schedule.KindRoundTable: 4, schedule.KindCoBuild: 4, schedule.KindTraining: 4,
		schedule.KindExperience: 3, schedule.KindDiscussion: 1, schedule.KindLunch: 1, schedule.KindBreak: 1, schedule.KindEvening: 1,
	}, kinds)
	s, _ := g.Slot("table-ronde-1")
	assert.Equal(t, "10:00", s.Start.String())
	assert.Equal(t, 90, s.Minutes())
	s, _ = g.Slot("coconstruction-1")
	assert.Equal(t, []civic.Family{civic.FamilyPublic}, s.Families)
	s, _ = g.Slot("soiree")
	assert.Nil(t, s.End, "the source gives no end for the evening")
}

func TestGridRules(t *testing.T) {
	ev, err := event.Journee2019()
	require.NoError(t, err)
	data := []byte(`{"event":"journee-civic-tech-2019","slots":[
		{"id":"a","kind":"round_table","tracks":["pleniere"],"start":"10:00","end":"09:00","title":{"fr":"A"}},
		{"id":"b","kind":"round_table","tracks":["pleniere"],"start":"10:00","end":"11:00","title":{"fr":"<b>B</b>"}},
		{"id":"b","kind":"tea","tracks":["nowhere"],"start":"25:00","title":{"fr":"C"}},
		{"id":"d","kind":"lunch","start":"12:00","end":"13:00","families":["public"],"title":{"fr":"D"},"colour":1},
		{"id":"e","kind":"round_table","tracks":["pleniere"],"start":"10:30","end":"11:30","day":40,"title":{"fr":"E"}},
		{"id":"f","kind":"round_table","tracks":["pleniere"],"start":"10:30","end":"11:30","title":{"fr":"F"}}]}`)
	_, err = schedule.DecodeGrid(data, ev)
	var got []string
	for _, e := range civic.FieldErrors(err) {
		got = append(got, e.Path.String()+" "+string(e.Code))
	}
	assert.Equal(t, []string{
		"slots[2].start invalid_clock",
		"slots[3].colour unknown_field",
		"slots[0].end order",
		"slots[2].id duplicate",
		"slots[2].kind unknown_value",
		"slots[2].end required",
		"slots[2].tracks[0] unknown_reference",
		"slots[3].families not_for_format",
		"slots[4].day out_of_range",
		"slots[5] room_conflict",
	}, got)
}

func TestBuildJournee(t *testing.T) {
	cx := journee(t)
	pr := build(t, cx)
	require.NoError(t, pr.Validate(cx), "the built programme passes the checker")
	placed := map[string]bool{}
	for _, s := range pr.Sessions {
		for _, tk := range s.Talks {
			assert.False(t, placed[tk.Proposal])
			placed[tk.Proposal] = true
		}
	}
	for _, u := range pr.Unplaced {
		assert.False(t, placed[u.Proposal])
		placed[u.Proposal] = true
		assert.Equal(t, civic.CodeNoPlace, u.Code, "only the ninth pitch has no room in the opening plenary")
	}
	assert.Len(t, placed, len(cx.Proposals), "every proposal is placed or explained")
	assert.Len(t, pr.Unplaced, 1)

	again := build(t, cx)
	assert.Equal(t, pr, again, "deterministic")

	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	require.NoError(t, enc.Encode(pr))
	golden(t, "journee-2019.programme.json", buf.Bytes())

	back, err := schedule.DecodeProgramme(buf.Bytes(), cx)
	require.NoError(t, err)
	assert.Equal(t, pr, back, "JSON round trip")
}

func TestBuildExplainsUnconfirmed(t *testing.T) {
	cx := journee(t)
	cx.Proposals[0].State = contribution.StateAccepted
	pr := build(t, cx)
	assert.Equal(t, schedule.Unplaced{Proposal: cx.Proposals[0].ID, Code: civic.CodeNotConfirmed, Args: []string{cx.Proposals[0].ID, "accepted"}}, pr.Unplaced[0])
	assert.Equal(t, "la proposition « p001 » est à l'état « accepted », non confirmée", pr.Unplaced[0].Reason().Localize(civic.NewPrinter(language.French)))
}

// TestCheck edits a built programme by hand, one fault at a time, and checks the checker
// reports it with its path and code.
func TestCheck(t *testing.T) {
	cx := journee(t)
	base := build(t, cx)
	find := func(pr *schedule.Programme, slot string) *schedule.Session {
		for i := range pr.Sessions {
			if pr.Sessions[i].Slot == slot && len(pr.Sessions[i].Talks) > 0 {
				return &pr.Sessions[i]
			}
		}
		t.Fatalf("no session with talks in %s", slot)
		return nil
	}
	index := func(pr *schedule.Programme, s *schedule.Session) int {
		for i := range pr.Sessions {
			if &pr.Sessions[i] == s {
				return i
			}
		}
		return -1
	}
	tests := []struct {
		name string
		edit func(pr *schedule.Programme) string // returns the expected "path code"
	}{
		{"proposal twice", func(pr *schedule.Programme) string {
			a, b := find(pr, "table-ronde-1"), find(pr, "table-ronde-2")
			b.Talks = append(b.Talks, a.Talks[0])
			b.Talks[len(b.Talks)-1].Start = event.At(12, 40)
			return pathOf(index(pr, b), len(b.Talks)-1, "proposal") + " duplicate"
		}},
		{"pitch in a round table", func(pr *schedule.Programme) string {
			a, b := find(pr, "ouverture"), find(pr, "table-ronde-4")
			tk := a.Talks[0]
			tk.Start = event.At(17, 50)
			a.Talks = a.Talks[1:]
			b.Talks = append(b.Talks, tk)
			return pathOf(index(pr, b), len(b.Talks)-1, "proposal") + " wrong_session"
		}},
		{"over time", func(pr *schedule.Programme) string {
			b := find(pr, "table-ronde-2")
			b.Talks[0].Minutes = 80
			return "sessions[" + itoa(index(pr, b)) + "].talks over_time"
		}},
		{"talk outside its session", func(pr *schedule.Programme) string {
			b := find(pr, "table-ronde-2")
			b.Talks[0].Start = event.At(9, 0)
			return pathOf(index(pr, b), 0, "start") + " order"
		}},
		{"unknown slot", func(pr *schedule.Programme) string {
			b := find(pr, "table-ronde-2")
			b.Slot = "table-ronde-9"
			return "sessions[" + itoa(index(pr, b)) + "].slot unknown_reference"
		}},
		{"room used twice", func(pr *schedule.Programme) string {
			b := find(pr, "table-ronde-2")
			c := find(pr, "ateliers-2")
			c.Room = b.Room
			c.Track = b.Track
			i, j := index(pr, b), index(pr, c)
			return "sessions[" + itoa(max(i, j)) + "].room room_conflict"
		}},
		{"table out of range", func(pr *schedule.Programme) string {
			b := find(pr, "coconstruction-1")
			b.Talks[0].Table = 9
			return pathOf(index(pr, b), 0, "table") + " out_of_range"
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, err := json.Marshal(base)
			require.NoError(t, err)
			var pr schedule.Programme
			require.NoError(t, json.Unmarshal(data, &pr))
			want := tt.edit(&pr)
			err = pr.Validate(cx)
			var got []string
			for _, e := range civic.FieldErrors(err) {
				got = append(got, e.Path.String()+" "+string(e.Code))
			}
			assert.Contains(t, got, want)
		})
	}
}

func TestCheckSpeakerConflictAndUnconfirmed(t *testing.T) {
	cx := journee(t)
	pr := build(t, cx)
	// The same person presents in two sessions at 10:00.
	var a, b *schedule.Talk
	for i := range pr.Sessions {
		for j := range pr.Sessions[i].Talks {
			tk := &pr.Sessions[i].Talks[j]
			if tk.Start.String() == "10:00" && tk.Table == 0 {
				if a == nil {
					a = tk
				} else if b == nil {
					b = tk
				}
			}
		}
	}
	require.NotNil(t, b)
	props := map[string]*contribution.Record{}
	for _, p := range cx.Proposals {
		props[p.ID] = p
	}
	props[b.Proposal].Contributors[0].Email = props[a.Proposal].Contributors[0].Email
	props[a.Proposal].State = contribution.StateWithdrawn
	err := pr.Validate(cx)
	codes := map[civic.Code]bool{}
	for _, e := range civic.FieldErrors(err) {
		codes[e.Code] = true
	}
	assert.True(t, codes[civic.CodeSpeakerConflict])
	assert.True(t, codes[civic.CodeNotConfirmed])
}

func pathOf(session, talk int, field string) string {
	return "sessions[" + itoa(session) + "].talks[" + itoa(talk) + "]." + field
}

func itoa(n int) string { return strconv.Itoa(n) }
