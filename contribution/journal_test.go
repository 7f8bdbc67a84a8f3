package contribution_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/contribution"
)

// journalLines returns a small valid journal, one NDJSON line per entry.
func journalLines(t testing.TB, n int) []string {
	t.Helper()
	var j contribution.Journal
	at := time.Date(2019, 1, 28, 9, 0, 0, 0, time.UTC)
	for i := range n {
		id := fmt.Sprintf("p%03d", i/2)
		e := contribution.Entry{Time: at.Add(time.Duration(i) * time.Minute), Proposal: id, Actor: "a", Role: contribution.RoleAuthor}
		if i%2 == 0 {
			e.Action, e.From, e.To = contribution.ActionSubmit, contribution.StateDraft, contribution.StateSubmitted
		} else {
			e.Action, e.From, e.To, e.Role, e.Actor = contribution.ActionStartReview, contribution.StateSubmitted, contribution.StateInReview, contribution.RoleOrganiser, "org"
			e.Reason = "délai \"écoulé\"\n"
		}
		j.Append(e)
	}
	var buf bytes.Buffer
	if _, err := j.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return strings.SplitAfter(strings.TrimSuffix(buf.String(), "\n"), "\n")
}

func TestJournalRoundTrip(t *testing.T) {
	lines := journalLines(t, 6)
	in := strings.Join(lines, "")
	entries, err := contribution.ReadJournal(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if err := contribution.VerifyEntries(entries); err != nil {
		t.Fatal(err)
	}
	j, err := contribution.LoadJournal(entries)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	j.WriteTo(&out)
	if out.String() != in+"\n" && out.String() != in {
		t.Errorf("round trip differs:\n%s\n%s", in, out.String())
	}
	res, err := contribution.VerifyJournal(strings.NewReader(in), contribution.ReviewWorkflow())
	if err != nil {
		t.Fatal(err)
	}
	if res.Entries != 6 || res.States["p002"].State != contribution.StateInReview || res.States["p002"].Version != 2 {
		t.Errorf("verification: %+v", res)
	}
}

func TestJournalTampering(t *testing.T) {
	lines := journalLines(t, 6)
	swap := func(ls []string, i, j int) []string {
		out := append([]string(nil), ls...)
		out[i], out[j] = out[j], out[i]
		return out
	}
	without := func(ls []string, i int) []string {
		return append(append([]string(nil), ls[:i]...), ls[i+1:]...)
	}
	tests := []struct {
		name  string
		lines []string
		want  []string // "path code"
	}{
		{"changed", append(append([]string(nil), lines[:2]...), append([]string{strings.Replace(lines[2], `"actor":"a"`, `"actor":"b"`, 1)}, lines[3:]...)...),
			[]string{"[2].hash bad_hash"}},
		{"removed", without(lines, 3), []string{"[3].seq bad_sequence", "[3].prev broken_chain"}},
		{"inserted", append(append([]string(nil), lines[:2]...), append([]string{lines[1]}, lines[2:]...)...),
			[]string{"[2].seq duplicate_sequence", "[2].prev broken_chain", "[2].from replay_mismatch"}},
		{"reordered", swap(lines, 2, 4), []string{"[2].seq bad_sequence", "[2].prev broken_chain", "[3].prev broken_chain", "[4].seq bad_sequence", "[4].prev broken_chain"}},
		{"bad hash text", []string{strings.Replace(lines[0], `"hash":"`, `"hash":"zz`, 1)}, []string{"[0].hash bad_hash"}},
		{"truncated", append(append([]string(nil), lines[:5]...), lines[5][:40]), []string{"[5] truncated"}},
		{"unknown member", []string{strings.Replace(lines[0], `{"seq"`, `{"x":1,"seq"`, 1)}, []string{"[0].x unknown_field"}},
		{"missing member", []string{strings.Replace(lines[0], `"role":"author",`, ``, 1)}, []string{"[0].role required"}},
		{"duplicate member", []string{strings.Replace(lines[0], `{"seq":1`, `{"seq":1,"seq":1`, 1)}, []string{"[0].seq duplicate_key"}},
		{"illegal transition", []string{strings.Replace(lines[0], `"to":"submitted"`, `"to":"accepted"`, 1)}, []string{"[0].hash bad_hash", "[0].to replay_mismatch"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := contribution.VerifyJournal(strings.NewReader(strings.Join(tt.lines, "")), contribution.ReviewWorkflow())
			var got []string
			for _, fe := range civic.FieldErrors(err) {
				got = append(got, fe.Path.String()+" "+string(fe.Code))
				if m := fe.Message(frTag); m == "" || strings.Contains(m, "%!") {
					t.Errorf("message %q", m)
				}
			}
			for _, w := range tt.want {
				found := false
				for _, g := range got {
					found = found || g == w
				}
				if !found {
					t.Errorf("missing %q in %q", w, got)
				}
			}
		})
	}
}

func TestJournalHashIsCanonical(t *testing.T) {
	e := contribution.Entry{Seq: 1, Time: time.Date(2019, 1, 1, 0, 0, 0, 5, time.FixedZone("x", 3600)), Proposal: "p", Action: "submit", From: "draft", To: "submitted", Actor: "a", Role: "author"}
	f := e
	f.Time = e.Time.UTC()
	if e.ComputeHash() != f.ComputeHash() {
		t.Error("the hash depends on the time zone")
	}
	// Field boundaries are unambiguous.
	g := e
	g.Proposal, g.Actor = "pa", ""
	if e.ComputeHash() == g.ComputeHash() {
		t.Error("moving bytes between fields keeps the hash")
	}
}
