package contribution_test

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/contribution"
)

// TestWorkflowProperty: for any sequence of legal and illegal actions from any role (and
// authors' documents that try to set what the workflow owns), the journal verifies against
// its head, replays to the stored states, and no author document changes a state or a
// version (issue 11).
func TestWorkflowProperty(t *testing.T) {
	c := call2019(t)
	sample, err := contribution.Sample2019(c)
	if err != nil {
		t.Fatal(err)
	}
	sample = sample[:6]
	actors := []contribution.Actor{organiser, committee, reviewer("rev-a"), reviewer("rev-b")}
	for _, p := range sample {
		actors = append(actors, authorOf(p))
	}
	forged, _ := json.Marshal(map[string]any{"state": "accepted", "pending": "accept", "version": 99, "submitted": "2019-01-01T00:00:00Z"})
	total := 0
	for seed := range 60 {
		r := rand.New(rand.NewPCG(uint64(seed), 11))
		b, err := contribution.NewBoard(c, sample, contribution.BoardOptions{Event: eventStart})
		if err != nil {
			t.Fatal(err)
		}
		at := beforeDL.Add(-10 * 24 * time.Hour)
		for range 120 {
			at = at.Add(time.Duration(r.IntN(12)) * time.Hour)
			p := sample[r.IntN(len(sample))]
			actor := actors[r.IntN(len(actors))]
			req := contribution.Request{Actor: actor, At: at, Reason: "essai"}
			if r.IntN(8) == 0 {
				req.At = at.Add(-time.Duration(r.IntN(100)) * time.Hour) // sometimes in the past
			}
			before := b.Records()
			switch k := r.IntN(10); {
			case k == 0:
				b.StartReview(req)
			case k == 1:
				b.Publish(req)
			case k == 2:
				b.Review(actor, contribution.Review{Proposal: p.ID, Scores: scoresFor(c, p, r.IntN(7))}, req)
			case k == 3:
				// An author's document carrying workflow members: refused, nothing moves.
				var doc map[string]any
				raw, _ := json.Marshal(p)
				json.Unmarshal(raw, &doc)
				var extra map[string]any
				json.Unmarshal(forged, &extra)
				for key, v := range extra {
					doc[key] = v
				}
				data, _ := json.Marshal(doc)
				if _, err := contribution.DecodeProposal(data, c); civic.ErrorCode(err) == "" {
					t.Fatalf("seed %d: a document setting the workflow's members was accepted", seed)
				}
				if got := b.Records(); !sameStates(got, before) {
					t.Fatalf("seed %d: an author's document changed a state", seed)
				}
			default:
				req.Action = contribution.Actions()[r.IntN(len(contribution.Actions()))]
				if ok, _ := b.Permitted(p.ID, actor, at); len(ok) > 0 && r.IntN(2) == 0 {
					req.Action = ok[r.IntN(len(ok))] // a legal one, half of the time
				}
				b.Act(p.ID, req)
			}
		}
		head := b.Journal().Head()
		var buf bytes.Buffer
		b.Journal().WriteTo(&buf)
		res, err := contribution.VerifyJournalWith(&buf, contribution.ReviewWorkflow(), contribution.VerifyOptions{Head: &head})
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		total += res.Entries
		for _, rec := range b.Records() {
			st, ok := res.States[rec.ID]
			if !ok {
				st = contribution.ProposalState{State: contribution.StateDraft}
			}
			want := rec.ProposalState
			if want.State == "" {
				want.State = contribution.StateDraft
			}
			if st.State != want.State || st.Version != want.Version || st.Pending != want.Pending || !st.Submitted.Equal(want.Submitted) {
				t.Fatalf("seed %d: %s replays to %+v, stored %+v", seed, rec.ID, st, want)
			}
		}
	}
	if total < 150 {
		t.Errorf("only %d actions succeeded in 60 sequences: the property is barely exercised", total)
	}
}

func sameStates(a, b []contribution.Record) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].State != b[i].State || a[i].Version != b[i].Version || a[i].Pending != b[i].Pending || !a[i].Submitted.Equal(b[i].Submitted) {
			return false
		}
	}
	return true
}
