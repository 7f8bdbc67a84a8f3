package contribution_test

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/civic-observatory/civic/contribution"
)

// FuzzJournalRead feeds arbitrary bytes to the journal reader and verifier: they never
// panic, and a journal they accept replays and re-encodes to the same bytes.
func FuzzJournalRead(f *testing.F) {
	lines := journalLines(f, 4)
	f.Add(strings.Join(lines, ""))
	f.Add(strings.Join(lines[:3], "") + lines[3][:30])
	f.Add(lines[0] + lines[0])
	f.Add(`{"seq":1}`)
	f.Add("")
	f.Add("[" + strings.TrimSpace(lines[0]) + "]")
	f.Fuzz(func(t *testing.T, s string) {
		res, err := contribution.VerifyJournal(strings.NewReader(s), contribution.ReviewWorkflow())
		entries, rerr := contribution.ReadJournal(strings.NewReader(s))
		if err != nil {
			return
		}
		if rerr != nil {
			t.Fatalf("verified but not readable: %v", rerr)
		}
		if res.Entries != len(entries) {
			t.Fatalf("%d entries verified, %d read", res.Entries, len(entries))
		}
		j, err := contribution.LoadJournal(entries)
		if err != nil {
			t.Fatalf("verified but not loadable: %v", err)
		}
		var buf bytes.Buffer
		j.WriteTo(&buf)
		again, err := contribution.VerifyJournal(&buf, contribution.ReviewWorkflow())
		if err != nil || again.Head != res.Head {
			t.Fatalf("re-encoded journal: %v", err)
		}
	})
}

// FuzzActions applies random sequences of actions by random roles: the state always stays
// within the workflow's states, every success is journaled, and the journal replays to the
// proposal.
func FuzzActions(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14})
	f.Add([]byte{0x00, 0x13, 0x21, 0x33, 0x31, 0x63, 0x92, 0xb0})
	c := call2019(f)
	ps, err := contribution.Sample2019(c)
	if err != nil {
		f.Fatal(err)
	}
	actions := contribution.Actions()
	actors := []contribution.Actor{authorOf(ps[0]), reviewer("r"), committee, organiser, authorOf(ps[1])}
	times := []time.Time{beforeDL, afterDL, decisions, afterEvent}
	f.Fuzz(func(t *testing.T, ops []byte) {
		p := *ps[0]
		b, err := contribution.NewBoard(c, []*contribution.Proposal{&p}, contribution.BoardOptions{Event: eventStart})
		if err != nil {
			t.Fatal(err)
		}
		for i, op := range ops {
			req := contribution.Request{Action: actions[int(op)%len(actions)], Actor: actors[int(op>>4)%len(actors)], At: times[min(i/4, 3)]}
			if req.Action == contribution.ActionReview {
				b.Review(req.Actor, contribution.Review{Proposal: p.ID, Scores: scoresFor(c, &p, int(op)%6)}, req)
			} else if op&0x08 != 0 {
				b.Publish(req)
			} else {
				b.Act(p.ID, req)
			}
			got, _ := b.Record(p.ID)
			if !slices.Contains(contribution.States(), got.State) && got.State != "" {
				t.Fatalf("state %q", got.State)
			}
		}
		var buf bytes.Buffer
		b.Journal().WriteTo(&buf)
		res, err := contribution.VerifyJournal(&buf, contribution.ReviewWorkflow())
		if err != nil {
			t.Fatal(err)
		}
		got, _ := b.Record(p.ID)
		if st, ok := res.States[p.ID]; ok && (st.State != got.State || st.Version != got.Version || st.Pending != got.Pending) {
			t.Fatalf("replayed %+v, proposal %s v%d %q", st, got.State, got.Version, got.Pending)
		}
		if int(got.Version) != res.Entries-res.Checkpoints {
			t.Fatalf("version %d, %d entries", got.Version, res.Entries)
		}
	})
}
