package contribution_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/contribution"
)

// Regression tests for issue 11: trust boundaries.

// TestSubmissionCarriesNoWorkflowState: an author's document that sets what the workflow
// owns is refused member by member, with the unknown_field code and its path.
func TestSubmissionCarriesNoWorkflowState(t *testing.T) {
	c := call2019(t)
	doc := sampleJSON(t, "p001")
	doc["state"], doc["pending"], doc["version"] = "accepted", "accept", 99
	doc["submitted"] = "2019-01-01T10:00:00+01:00"
	doc["reviews"] = []any{map[string]any{"reviewer": "me", "scores": []any{}}}
	data, err := json.Marshal(doc)
	require.NoError(t, err)
	_, err = contribution.DecodeProposal(data, c)
	for _, name := range []string{"state", "pending", "version", "submitted", "reviews"} {
		assert.True(t, hasCode(err, name, civic.CodeUnknownField), "%s: %v", name, err)
	}
	assert.Len(t, civic.FieldErrors(err), 5)

	// The exact document of the issue.
	_, err = contribution.DecodeProposal([]byte(`{"state":"accepted","pending":"accept","version":99}`), c)
	for _, name := range []string{"state", "pending", "version"} {
		assert.True(t, hasCode(err, name, civic.CodeUnknownField), "%s: %v", name, err)
	}

	// A board built from submissions holds drafts only: nothing but its journal moves them.
	ps, err := contribution.Sample2019(c)
	require.NoError(t, err)
	b, err := contribution.NewBoard(c, ps, contribution.BoardOptions{})
	require.NoError(t, err)
	for _, r := range b.Records() {
		assert.Equal(t, contribution.StateDraft, r.Current())
		assert.Zero(t, r.Version)
		assert.True(t, r.Submitted.IsZero())
	}
}

// TestSubmissionTimeIsTheBoardClock: the deadline applies to the board's clock; the
// submission time recorded is the clock's.
func TestSubmissionTimeIsTheBoardClock(t *testing.T) {
	c := call2019(t)
	ps, err := contribution.Sample2019(c)
	require.NoError(t, err)
	now := afterDL
	b, err := contribution.NewBoard(c, ps[:1], contribution.BoardOptions{Now: func() time.Time { return now }})
	require.NoError(t, err)
	_, err = b.Act(ps[0].ID, contribution.Request{Action: contribution.ActionSubmit, Actor: authorOf(ps[0])})
	assert.Equal(t, civic.CodeCallClosed, actionCode(err))
	now = beforeDL
	_, err = b.Act(ps[0].ID, contribution.Request{Action: contribution.ActionSubmit, Actor: authorOf(ps[0])})
	require.NoError(t, err)
	r, _ := b.Record(ps[0].ID)
	assert.True(t, r.Submitted.Equal(beforeDL), "%v", r.Submitted)
	assert.Equal(t, contribution.StateSubmitted, r.State)
}

// TestBoardRestoredFromJournal: a board's states come from its journal; a journal naming a
// proposal the board was not given is refused.
func TestBoardRestoredFromJournal(t *testing.T) {
	c := call2019(t)
	b := confirmedBoard(t, c, "p1")
	r, ok := b.Record("p1")
	require.True(t, ok)
	assert.Equal(t, contribution.StateConfirmed, r.State)
	assert.EqualValues(t, 5, r.Version)
	assert.False(t, r.Submitted.IsZero())

	_, err := contribution.NewBoard(c, []*contribution.Proposal{{ID: "p2"}}, contribution.BoardOptions{Journal: b.Journal()})
	assert.True(t, hasCode(err, "journal[0].proposal", civic.CodeUnknownRef), "%v", err)
}

// TestJournalTimeNeverGoesBackwards: on append (the board refuses the action, the journal
// the entry) and on verification (a journal rewritten with recomputed hashes).
func TestJournalTimeNeverGoesBackwards(t *testing.T) {
	c := call2019(t)
	b := confirmedBoard(t, c, "p1")
	n := b.Journal().Len()
	_, err := b.Act("p1", contribution.Request{Action: contribution.ActionSchedule, Actor: organiser, At: beforeDL.Add(-48 * time.Hour)})
	assert.Equal(t, civic.CodeTimeBackwards, actionCode(err))
	assert.Equal(t, n, b.Journal().Len())
	r, _ := b.Record("p1")
	assert.Equal(t, contribution.StateConfirmed, r.State, "nothing changed")

	var j contribution.Journal
	at := time.Date(2019, 1, 20, 9, 0, 0, 0, time.UTC)
	mustAppend(t, &j, contribution.Entry{Time: at, Proposal: "p1", Action: "submit", From: "draft", To: "submitted", Actor: "a", Role: "author"})
	_, err = j.Append(contribution.Entry{Time: at.Add(-time.Nanosecond), Proposal: "p1", Action: "withdraw", From: "submitted", To: "withdrawn", Actor: "a", Role: "author"})
	assert.Equal(t, civic.CodeTimeBackwards, civic.ErrorCode(err))
	assert.Equal(t, 1, j.Len())
	// The same time is allowed: a bulk publication stamps every entry alike.
	mustAppend(t, &j, contribution.Entry{Time: at, Proposal: "p1", Action: "withdraw", From: "submitted", To: "withdrawn", Actor: "a", Role: "author"})

	// A forger who rewrites a time and recomputes every hash is caught by the order.
	entries := j.Entries()
	entries[1].Time = at.Add(-time.Hour)
	entries[1].Hash = entries[1].ComputeHash()
	err = contribution.VerifyEntries(entries)
	assert.True(t, hasCode(err, "[1].time", civic.CodeTimeBackwards), "%v", err)
	var buf bytes.Buffer
	for _, e := range entries {
		buf.Write(e.AppendJSON(nil))
		buf.WriteByte('\n')
	}
	_, err = contribution.VerifyJournal(&buf, contribution.ReviewWorkflow())
	assert.True(t, hasCode(err, "[1].time", civic.CodeTimeBackwards), "%v", err)
}

// TestRoster: with a roster, a role is held only by those it lists.
func TestRoster(t *testing.T) {
	c := call2019(t)
	var j contribution.Journal
	board := confirmedBoard(t, c, "p1")
	for _, e := range board.Journal().Entries() {
		mustAppend(t, &j, e)
	}
	b, err := contribution.NewBoard(c, []*contribution.Proposal{{ID: "p1"}}, contribution.BoardOptions{Journal: &j,
		Roster: &contribution.Roster{Organisers: []string{"Orga@Deciderensemble.example"}}})
	require.NoError(t, err)
	intruder := contribution.Actor{ID: "mallory", Role: contribution.RoleOrganiser}
	_, err = b.Act("p1", contribution.Request{Action: contribution.ActionSchedule, Actor: intruder, At: decisions})
	assert.Equal(t, civic.CodeNotMember, actionCode(err))
	acts, err := b.Permitted("p1", intruder, decisions)
	require.NoError(t, err)
	assert.Empty(t, acts)
	orga := contribution.Actor{ID: "orga@deciderensemble.example", Role: contribution.RoleOrganiser}
	_, err = b.Act("p1", contribution.Request{Action: contribution.ActionSchedule, Actor: orga, At: decisions})
	assert.NoError(t, err, "listed, by e-mail key")
	assert.True(t, (&contribution.Roster{}).Holds(contribution.Actor{ID: "x", Role: contribution.RoleAuthor}), "authors are checked by e-mail")
}

// TestEmailIdentity: one rule for e-mail addresses everywhere: duplicates, authorship,
// conflicts of interest.
func TestEmailIdentity(t *testing.T) {
	c := call2019(t)
	ps, err := contribution.Sample2019(c)
	require.NoError(t, err)
	p := *ps[0]
	p.Contributors = append(p.Contributors[:1:1], p.Contributors[0])
	p.Contributors[1].Email = strings.ToUpper(p.Contributors[0].Email[:1]) + p.Contributors[0].Email[1:]
	p.Contributors[1].Email = strings.Replace(p.Contributors[1].Email, "@", "@", 1)
	at := strings.LastIndexByte(p.Contributors[1].Email, '@')
	p.Contributors[1].Email = p.Contributors[1].Email[:at] + strings.ToUpper(p.Contributors[1].Email[at:])
	err = p.Validate(c)
	assert.True(t, hasCode(err, "contributors[1].email", civic.CodeDuplicate), "%s beside %s: %v", p.Contributors[1].Email, p.Contributors[0].Email, err)

	// An author recognised whatever the case of the address.
	q := *ps[0]
	b, err := contribution.NewBoard(c, []*contribution.Proposal{&q}, contribution.BoardOptions{})
	require.NoError(t, err)
	shout := contribution.Actor{ID: "a", Role: contribution.RoleAuthor, Email: "  " + strings.ToUpper(q.Contributors[0].Email) + " "}
	_, err = b.Act(q.ID, contribution.Request{Action: contribution.ActionSubmit, Actor: shout, At: beforeDL})
	assert.NoError(t, err)

	// A reviewer who is a contributor under another case has a conflict.
	r := contribution.Actor{ID: "r", Role: contribution.RoleReviewer, Email: strings.ToUpper(q.Contributors[0].Email)}
	assert.Equal(t, contribution.ConflictContributor, r.ConflictWith(&q))

	for _, tt := range []struct {
		a, b string
		same bool
	}{
		{"claire@EXAMPLE.FR", "claire@example.fr", true},
		{"Claire@example.fr", "claire@example.fr", true},
		{" claire@example.fr", "claire@example.fr\t", true},
		{"cafe\u0301@example.fr", "caf\u00e9@example.fr", true},
		{"claire+civic@example.fr", "claire@example.fr", false},
		{"c.laire@example.fr", "claire@example.fr", false},
		{"", "", false},
	} {
		assert.Equal(t, tt.same, civic.SameEmail(tt.a, tt.b), "%q %q", tt.a, tt.b)
	}
}

// TestRecordsRoundTrip: what a platform stores it reads back, strictly.
func TestRecordsRoundTrip(t *testing.T) {
	c := call2019(t)
	b := confirmedBoard(t, c, "p1")
	recs := b.Records()
	data, err := json.Marshal(recs)
	require.NoError(t, err)
	assert.Contains(t, string(data), `"proposal":{"id":"p1"`)
	got, err := contribution.DecodeRecords(data, nil)
	// The proposal is a bare ID: its problems are reported under "proposal".
	var ve *civic.ValidationError
	require.True(t, errors.As(err, &ve), "%v", err)
	for _, fe := range ve.Errors {
		assert.True(t, strings.HasPrefix(fe.Path.String(), "[0].proposal."), "%s", fe.Path)
	}
	require.Len(t, got, 1)
	assert.Equal(t, recs[0].ProposalState, got[0].ProposalState)

	_, err = contribution.DecodeRecords([]byte(`[{"proposal":{"id":"p1"},"state":"limbo","version":-1,"pending":"maybe","colour":1}]`), nil)
	for _, want := range []struct {
		path string
		code civic.Code
	}{{"[0].state", civic.CodeUnknownState}, {"[0].version", civic.CodeOutOfRange}, {"[0].pending", civic.CodeUnknownValue}, {"[0].colour", civic.CodeUnknownField}} {
		assert.True(t, hasCode(err, want.path, want.code), "%s %s in %v", want.path, want.code, err)
	}
	_, err = contribution.DecodeRecords([]byte(`[{"state":"submitted"}]`), nil)
	assert.True(t, hasCode(err, "[0].proposal", civic.CodeRequired), "%v", err)
}

// TestDecodeReviews: the reviews file is read strictly (issue 12 item 5): paths and codes,
// scores outside their criterion's range, numbers that are not integers as written.
func TestDecodeReviews(t *testing.T) {
	c := call2019(t)
	p := sampleProposal(t, "p001")
	byID := func(id string) *contribution.Proposal {
		if id == p.ID {
			return p
		}
		return nil
	}
	ok := `{"proposal":"p001","reviewer":"r","scores":[` + scoresJSON(c, p, "3") + `]}`
	rs, err := contribution.DecodeReviews([]byte("["+ok+"]"), c, byID)
	require.NoError(t, err)
	require.Len(t, rs, 1)
	for _, tt := range []struct {
		name, doc, path string
		code            civic.Code
	}{
		{"above the range", `{"proposal":"p001","reviewer":"r","scores":[` + scoresJSON(c, p, "9") + `]}`, "[0].scores[0].value", civic.CodeOutOfRange},
		{"almost an integer", `{"proposal":"p001","reviewer":"r","scores":[` + scoresJSON(c, p, "42000.0000000000000001") + `]}`, "[0].scores[0].value", civic.CodeNumber},
		{"tiny", `{"proposal":"p001","reviewer":"r","scores":[` + scoresJSON(c, p, "1e-999") + `]}`, "[0].scores[0].value", civic.CodeNumber},
		{"unknown member", `{"proposal":"p001","reviewer":"r","scores":[],"state":"accepted"}`, "[0].state", civic.CodeUnknownField},
		{"unknown proposal", `{"proposal":"p999","reviewer":"r","scores":[]}`, "[0].proposal", civic.CodeUnknownRef},
		{"not an array", `{}`, "", civic.CodeType},
	} {
		t.Run(tt.name, func(t *testing.T) {
			doc := "[" + tt.doc + "]"
			if tt.name == "not an array" {
				doc = tt.doc
			}
			_, err := contribution.DecodeReviews([]byte(doc), c, byID)
			assert.True(t, hasCode(err, tt.path, tt.code), "%s at %q in %v", tt.code, tt.path, err)
		})
	}
}

// scoresJSON returns the scores of every criterion that applies to p, the first with the
// value first as written and the others 1.
func scoresJSON(c *contribution.Call, p *contribution.Proposal, first string) string {
	var out []string
	for _, k := range c.Criteria {
		if k.AppliesTo(p.Format) {
			v := "1"
			if len(out) == 0 {
				v = first
			}
			out = append(out, `{"criterion":"`+k.ID+`","value":`+v+`}`)
		}
	}
	return strings.Join(out, ",")
}
