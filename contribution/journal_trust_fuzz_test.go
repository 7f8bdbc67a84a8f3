package contribution_test

import (
	"bytes"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/contribution"
)

// FuzzJournalWithHead feeds arbitrary journals and heads to the verifier: it never panics;
// a journal verified against a head holds an entry with that head's number and hash, or
// the head is the empty journal's.
func FuzzJournalWithHead(f *testing.F) {
	lines := journalLines(f, 4)
	f.Add(strings.Join(lines, ""), int64(4), 0)
	f.Add(strings.Join(lines[:2], ""), int64(4), 1)
	f.Add("", int64(1), 2)
	f.Fuzz(func(t *testing.T, s string, seq int64, pick int) {
		entries, _ := contribution.ReadJournal(strings.NewReader(s))
		var head contribution.Head
		if len(entries) > 0 {
			e := entries[(pick%len(entries)+len(entries))%len(entries)]
			head = contribution.Head{Seq: e.Seq, Hash: e.Hash}
		}
		if seq%3 == 0 {
			head.Seq = seq // a head the journal may not hold
		}
		res, err := contribution.VerifyJournalWith(strings.NewReader(s), contribution.ReviewWorkflow(), contribution.VerifyOptions{Head: &head})
		if err != nil {
			return
		}
		if head.Seq > int64(res.Entries) {
			t.Fatalf("head %s beyond %d entries accepted", head, res.Entries)
		}
		if head.Seq > 0 {
			found := false
			for _, e := range entries {
				found = found || e.Seq == head.Seq && e.Hash == head.Hash
			}
			if !found {
				t.Fatalf("head %s accepted but not in the journal", head)
			}
		}
	})
}

// FuzzJournalRoundTrip writes entries with arbitrary texts: the journal refuses what it
// could not read back, and what it accepts it reads back byte for byte and verifies (issue
// 11: NFD or invalid UTF-8 made fresh journals fail their own check).
func FuzzJournalRoundTrip(f *testing.F) {
	f.Add("café", "cafe\u0301", "p1")
	f.Add("\xff\xfe", "ok", "p1")
	f.Add("line\u2028break\x00", "\u202e", "p\u0301")
	f.Fuzz(func(t *testing.T, reason, actor, proposal string) {
		var j contribution.Journal
		at := time.Date(2019, 1, 20, 9, 0, 0, 0, time.UTC)
		e, err := j.Append(contribution.Entry{Time: at, Proposal: proposal, Action: "submit", From: "draft", To: "submitted", Actor: actor, Role: "author", Reason: reason})
		valid := utf8.ValidString(reason) && utf8.ValidString(actor) && utf8.ValidString(proposal)
		if !valid {
			if civic.ErrorCode(err) != civic.CodeInvalidUTF8 || j.Len() != 0 {
				t.Fatalf("invalid UTF-8 appended: %v", err)
			}
			return
		}
		if err != nil {
			t.Fatalf("append: %v", err)
		}
		if e.Reason != norm.NFC.String(reason) || e.Actor != norm.NFC.String(actor) {
			t.Fatalf("texts not stored in NFC: %q %q", e.Reason, e.Actor)
		}
		var buf bytes.Buffer
		if _, err := j.WriteTo(&buf); err != nil {
			t.Fatal(err)
		}
		written := bytes.Clone(buf.Bytes())
		res, err := contribution.VerifyJournalWith(bytes.NewReader(written), contribution.ReviewWorkflow(), contribution.VerifyOptions{Head: new(j.Head())})
		if err != nil {
			t.Fatalf("a fresh journal fails its own check: %v\n%s", err, written)
		}
		if res.Head != j.Head() {
			t.Fatalf("head %s, want %s", res.Head, j.Head())
		}
		back, err := contribution.ReadJournal(bytes.NewReader(written))
		if err != nil || len(back) != 1 || back[0] != e {
			t.Fatalf("read back %+v, wrote %+v: %v", back, e, err)
		}
		again, _ := contribution.LoadJournal(back)
		buf.Reset()
		again.WriteTo(&buf)
		if !bytes.Equal(buf.Bytes(), written) {
			t.Fatalf("re-encoded differently:\n%s\n%s", written, buf.Bytes())
		}
	})
}

// TestJournalByteExact: the findings of issue 11 on byte-exact journals.
func TestJournalByteExact(t *testing.T) {
	at := time.Date(2019, 1, 20, 9, 0, 0, 0, time.UTC)
	var j contribution.Journal
	e := mustAppend(t, &j, contribution.Entry{Time: at, Proposal: "p1", Action: "submit", From: "draft", To: "submitted", Actor: "Zoe\u0301", Role: "author", Reason: "cafe\u0301"})
	if e.Reason != "café" || e.Actor != "Zoé" {
		t.Errorf("not NFC: %q %q", e.Reason, e.Actor)
	}
	var buf bytes.Buffer
	j.WriteTo(&buf)
	if _, err := contribution.VerifyJournal(&buf, contribution.ReviewWorkflow()); err != nil {
		t.Errorf("NFD reason: the fresh journal fails: %v", err)
	}
	_, err := j.Append(contribution.Entry{Time: at, Proposal: "p1", Action: "withdraw", From: "submitted", To: "withdrawn", Actor: "a", Role: "author", Reason: "bad \xff byte"})
	if civic.ErrorCode(err) != civic.CodeInvalidUTF8 || j.Len() != 1 {
		t.Errorf("invalid UTF-8: %v", err)
	}
	_, err = j.Append(contribution.Entry{Time: at, Proposal: "p1", Action: "withdraw", From: "submitted", To: "withdrawn", Actor: "a", Role: "author", Reason: strings.Repeat("x", contribution.MaxEntryBytes)})
	if civic.ErrorCode(err) != civic.CodeTooLarge || j.Len() != 1 {
		t.Errorf("1 MiB reason: %v", err)
	}
	// The longest reason accepted is read back.
	long := strings.Repeat("é", (contribution.MaxEntryBytes-400)/2)
	mustAppend(t, &j, contribution.Entry{Time: at, Proposal: "p1", Action: "withdraw", From: "submitted", To: "withdrawn", Actor: "a", Role: "author", Reason: long})
	buf.Reset()
	j.WriteTo(&buf)
	if _, err := contribution.VerifyJournal(&buf, contribution.ReviewWorkflow()); err != nil {
		t.Errorf("a long reason accepted on write is not read back: %v", err)
	}
	// A board refuses the action, changing nothing.
	b := confirmedBoard(t, call2019(t), "p1")
	n := b.Journal().Len()
	_, err = b.Act("p1", contribution.Request{Action: contribution.ActionSchedule, Actor: organiser, At: decisions, Reason: "\xff"})
	if actionCode(err) != civic.CodeInvalidUTF8 || b.Journal().Len() != n {
		t.Errorf("board: %v", err)
	}
	if r, _ := b.Record("p1"); r.State != contribution.StateConfirmed {
		t.Errorf("state changed to %s", r.State)
	}
}
