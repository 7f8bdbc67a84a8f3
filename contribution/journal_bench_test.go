package contribution_test

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	"github.com/civic-observatory/civic/contribution"
)

// BenchmarkAction measures one action on a proposal through a Board: the version, state,
// role and guard checks, the transition, and the journal append with its SHA-256 hash.
func BenchmarkAction(b *testing.B) {
	c := call2019(b)
	board := confirmedBoard(b, c, "p1")
	reqs := [2]contribution.Request{
		{Action: contribution.ActionSchedule, Actor: organiser, At: decisions, Reason: "programme v1"},
		{Action: contribution.ActionUnschedule, Actor: organiser, At: decisions, Reason: "programme v2"},
	}
	i := 0
	b.ReportAllocs()
	for b.Loop() {
		if _, err := board.Act("p1", reqs[i&1]); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// bigJournal returns an NDJSON journal of n entries over n/8 proposals, each taken
// through submit, start_review, review ×2, accept, publish_accept, confirm, schedule.
func bigJournal(tb testing.TB, n int) []byte {
	tb.Helper()
	var j contribution.Journal
	at := time.Date(2019, 1, 28, 9, 0, 0, 0, time.UTC)
	type st struct {
		a        contribution.Action
		from, to contribution.State
		role     contribution.Role
	}
	steps := []st{
		{"submit", "draft", "submitted", "author"},
		{"start_review", "submitted", "in_review", "organiser"},
		{"review", "in_review", "in_review", "reviewer"},
		{"review", "in_review", "in_review", "reviewer"},
		{"accept", "in_review", "in_review", "committee"},
		{"publish_accept", "in_review", "accepted", "committee"},
		{"confirm", "accepted", "confirmed", "author"},
		{"schedule", "confirmed", "scheduled", "organiser"},
	}
	for i := range n {
		s := steps[i%len(steps)]
		mustAppend(tb, &j, contribution.Entry{Time: at.Add(time.Duration(i) * time.Second), Proposal: fmt.Sprintf("p%07d", i/len(steps)),
			Action: s.a, From: s.from, To: s.to, Actor: "actor-" + string(s.role), Role: s.role})
	}
	var buf bytes.Buffer
	j.WriteTo(&buf)
	return buf.Bytes()
}

// BenchmarkVerifyReplay1M reads, verifies and replays a journal of 1,000,000 entries
// against its expected (published) head.
func BenchmarkVerifyReplay1M(b *testing.B) {
	data := bigJournal(b, 1_000_000)
	entries, err := contribution.ReadJournal(bytes.NewReader(data[bytes.LastIndexByte(data[:len(data)-1], '\n')+1:]))
	if err != nil {
		b.Fatal(err)
	}
	head := contribution.Head{Seq: entries[0].Seq, Hash: entries[0].Hash}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		res, err := contribution.VerifyJournalWith(bytes.NewReader(data), contribution.ReviewWorkflow(), contribution.VerifyOptions{Head: &head})
		if err != nil || res.Entries != 1_000_000 || res.Head != head {
			b.Fatal(res.Entries, err)
		}
	}
}

// confirmedBoard returns a board holding one proposal, restored from a journal that takes
// it to confirmed: what the workflow owns comes from a journal, never from the proposal.
func confirmedBoard(tb testing.TB, c *contribution.Call, id string) *contribution.Board {
	tb.Helper()
	var j contribution.Journal
	at := time.Date(2019, 1, 20, 9, 0, 0, 0, time.UTC)
	for i, s := range []struct {
		a        contribution.Action
		from, to contribution.State
		role     contribution.Role
	}{
		{"submit", "draft", "submitted", "author"},
		{"start_review", "submitted", "in_review", "organiser"},
		{"accept", "in_review", "in_review", "committee"},
		{"publish_accept", "in_review", "accepted", "committee"},
		{"confirm", "accepted", "confirmed", "author"},
	} {
		mustAppend(tb, &j, contribution.Entry{Time: at.Add(time.Duration(i) * time.Hour), Proposal: id, Action: s.a,
			From: s.from, To: s.to, Actor: "actor-" + string(s.role), Role: s.role})
	}
	board, err := contribution.NewBoard(c, []*contribution.Proposal{{ID: id}}, contribution.BoardOptions{Event: eventStart, Journal: &j})
	if err != nil {
		tb.Fatal(err)
	}
	return board
}

// mustAppend appends e to j, failing the test if the journal refuses it.
func mustAppend(tb testing.TB, j *contribution.Journal, e contribution.Entry) contribution.Entry {
	tb.Helper()
	e, err := j.Append(e)
	if err != nil {
		tb.Fatal(err)
	}
	return e
}
