package contribution_test

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/text/language"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/contribution"
)

// The -update flag rewrites the golden files: go test ./contribution -update. Another test
// file of the package may define it too: the first definition is used.
func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite golden files")
	}
}

func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if updating() {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the workflow (run go test -update):\n%s", path, got)
	}
}

func TestWorkflowGraphs(t *testing.T) {
	w := contribution.ReviewWorkflow()
	if w != contribution.ReviewWorkflow() {
		t.Error("the workflow is not built once and shared")
	}
	golden(t, "review.dot", w.DOT())
	golden(t, "review.mmd", w.Mermaid())
}

// Times of the 2019 call (deadline 25 January 2019, Paris).
var (
	paris      = mustLoc("Europe/Paris")
	beforeDL   = time.Date(2019, 1, 20, 10, 0, 0, 0, paris)
	afterDL    = time.Date(2019, 1, 28, 9, 0, 0, 0, paris)
	decisions  = time.Date(2019, 2, 10, 9, 0, 0, 0, paris)
	eventStart = time.Date(2019, 3, 18, 9, 0, 0, 0, paris)
	afterEvent = time.Date(2019, 3, 19, 9, 0, 0, 0, paris)
)

func mustLoc(name string) *time.Location {
	l, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return l
}

var (
	organiser = contribution.Actor{ID: "org-1", Role: contribution.RoleOrganiser, Email: "orga@deciderensemble.example"}
	committee = contribution.Actor{ID: "committee", Role: contribution.RoleCommittee}
)

func authorOf(p *contribution.Proposal) contribution.Actor {
	return contribution.Actor{ID: p.Contributors[0].Email, Role: contribution.RoleAuthor, Email: p.Contributors[0].Email}
}

func reviewer(id string) contribution.Actor {
	return contribution.Actor{ID: id, Role: contribution.RoleReviewer, Email: id + "@reviewers.example", Organisation: "Comité " + id}
}

// sampleBoard returns a board on the 2019 call and its sample, every proposal still a
// draft, with its submission time cleared.
func sampleBoard(t testing.TB) (*contribution.Board, *contribution.Call, []*contribution.Proposal) {
	t.Helper()
	c := call2019(t)
	ps, err := contribution.Sample2019(c)
	if err != nil {
		t.Fatal(err)
	}
	b, err := contribution.NewBoard(c, ps, contribution.BoardOptions{Event: eventStart})
	if err != nil {
		t.Fatal(err)
	}
	return b, c, ps
}

func scoresFor(c *contribution.Call, p *contribution.Proposal, v int) []contribution.Score {
	var out []contribution.Score
	for _, k := range c.Criteria {
		if k.AppliesTo(p.Format) {
			out = append(out, contribution.Score{Criterion: k.ID, Value: v})
		}
	}
	return out
}

// runReview takes every sample proposal through submission, review and decisions, up to
// publication; it returns the board.
func runReview(t testing.TB) (*contribution.Board, *contribution.Call, []*contribution.Proposal) {
	b, c, ps := sampleBoard(t)
	for _, p := range ps {
		if _, err := b.Act(p.ID, contribution.Request{Action: contribution.ActionSubmit, Actor: authorOf(p), At: beforeDL}); err != nil {
			t.Fatalf("submit %s: %v", p.ID, err)
		}
	}
	if _, err := b.StartReview(contribution.Request{Actor: organiser, At: afterDL}); err != nil {
		t.Fatal(err)
	}
	for i, p := range ps {
		for j, r := range []string{"rev-a", "rev-b"} {
			rv := contribution.Review{Proposal: p.ID, Scores: scoresFor(c, p, (i+j)%6), Comment: "Lu."}
			if _, err := b.Review(reviewer(r), rv, contribution.Request{At: afterDL.Add(time.Hour)}); err != nil {
				t.Fatalf("review %s by %s: %v", p.ID, r, err)
			}
		}
	}
	for i, p := range ps {
		d := []contribution.Decision{contribution.DecisionAccept, contribution.DecisionWaitlist, contribution.DecisionReject}[i%3]
		if _, err := b.Decide(p.ID, d, contribution.Request{Actor: committee, At: decisions}); err != nil {
			t.Fatalf("decide %s: %v", p.ID, err)
		}
	}
	return b, c, ps
}

func TestWorkflowLifecycle(t *testing.T) {
	b, _, ps := runReview(t)
	// Pending decisions are not published: every proposal is still in review.
	for _, p := range b.Records() {
		if p.State != contribution.StateInReview || p.Pending == "" {
			t.Fatalf("%s: state %s pending %q before publication", p.ID, p.State, p.Pending)
		}
	}
	if _, err := b.Publish(contribution.Request{Actor: committee, At: decisions}); err != nil {
		t.Fatal(err)
	}
	count := map[contribution.State]int{}
	for _, p := range b.Records() {
		count[p.State]++
		if p.Pending != "" {
			t.Errorf("%s: pending %q after publication", p.ID, p.Pending)
		}
	}
	if count[contribution.StateAccepted] != 17 || count[contribution.StateWaitlisted] != 17 || count[contribution.StateRejected] != 16 {
		t.Fatalf("after publication: %v", count)
	}
	// Reviews are closed once decisions are published.
	rv := contribution.Review{Proposal: ps[0].ID, Scores: scoresFor(call2019(t), ps[0], 1)}
	if _, err := b.Review(reviewer("rev-a"), rv, contribution.Request{At: decisions}); actionCode(err) != civic.CodeIllegalAction {
		t.Errorf("review after publication: %v", err)
	}
	acc, wait := ps[0], ps[1]
	steps := []struct {
		id     string
		action contribution.Action
		actor  contribution.Actor
		want   contribution.State
	}{
		{wait.ID, contribution.ActionAccept, committee, contribution.StateAccepted},
		{acc.ID, contribution.ActionConfirm, authorOf(acc), contribution.StateConfirmed},
		{acc.ID, contribution.ActionSchedule, organiser, contribution.StateScheduled},
		{acc.ID, contribution.ActionUnschedule, organiser, contribution.StateConfirmed},
		{acc.ID, contribution.ActionSchedule, organiser, contribution.StateScheduled},
		{acc.ID, contribution.ActionCancel, organiser, contribution.StateCancelled},
		{wait.ID, contribution.ActionDecline, authorOf(wait), contribution.StateDeclined},
		{ps[4].ID, contribution.ActionReject, committee, contribution.StateRejected},
		{ps[3].ID, contribution.ActionWithdraw, authorOf(ps[3]), contribution.StateWithdrawn},
	}
	for _, s := range steps {
		e, err := b.Act(s.id, contribution.Request{Action: s.action, Actor: s.actor, At: decisions.Add(time.Hour), Reason: "test"})
		if err != nil {
			t.Fatalf("%s %s: %v", s.id, s.action, err)
		}
		if e.To != s.want {
			t.Fatalf("%s %s: to %s, want %s", s.id, s.action, e.To, s.want)
		}
	}
	// The journal verifies and replays to the board's states.
	var buf bytes.Buffer
	if _, err := b.Journal().WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	res, err := contribution.VerifyJournal(&buf, contribution.ReviewWorkflow())
	if err != nil {
		t.Fatal(err)
	}
	if res.Head != b.Journal().Head() || res.Entries != b.Journal().Len() {
		t.Errorf("head %s entries %d, want %s %d", res.Head, res.Entries, b.Journal().Head(), b.Journal().Len())
	}
	for _, p := range b.Records() {
		st := res.States[p.ID]
		if st.State != p.State || st.Version != p.Version || st.Pending != p.Pending {
			t.Errorf("%s: replayed %+v, board %s v%d %q", p.ID, st, p.State, p.Version, p.Pending)
		}
	}
	h := b.History(acc.ID)
	var acts []contribution.Action
	for _, e := range h {
		acts = append(acts, e.Action)
	}
	want := []contribution.Action{"submit", "start_review", "review", "review", "accept", "publish_accept", "confirm", "schedule", "unschedule", "schedule", "cancel"}
	if !slices.Equal(acts, want) {
		t.Errorf("history %v, want %v", acts, want)
	}
}

func actionCode(err error) civic.Code {
	var ae *contribution.ActionError
	if errors.As(err, &ae) {
		return ae.Code
	}
	return civic.ErrorCode(err)
}

func TestWorkflowRefusals(t *testing.T) {
	c := call2019(t)
	ps, err := contribution.Sample2019(c)
	if err != nil {
		t.Fatal(err)
	}
	w := contribution.ReviewWorkflow()
	env := contribution.Env{Call: c, Event: eventStart}
	p := ps[0]
	other := ps[1]
	v3 := int64(3)
	sameOrg := reviewer("rev-x")
	sameOrg.Organisation = p.Contributors[0].Organisation.Name
	declared := reviewer("rev-y")
	declared.Conflicts = []string{p.ID}
	contrib := reviewer("rev-z")
	contrib.Email = p.Contributors[1].Email
	invalid := *p
	invalid.Title = ""
	tests := []struct {
		name  string
		state contribution.State
		p     *contribution.Proposal
		req   contribution.Request
		code  civic.Code
	}{
		{"illegal", contribution.StateDraft, p, contribution.Request{Action: contribution.ActionConfirm, Actor: authorOf(p), At: beforeDL}, civic.CodeIllegalAction},
		{"wrong role", contribution.StateDraft, p, contribution.Request{Action: contribution.ActionSubmit, Actor: organiser, At: beforeDL}, civic.CodeWrongRole},
		{"not author", contribution.StateDraft, p, contribution.Request{Action: contribution.ActionSubmit, Actor: authorOf(other), At: beforeDL}, civic.CodeNotAuthor},
		{"call closed", contribution.StateDraft, p, contribution.Request{Action: contribution.ActionSubmit, Actor: authorOf(p), At: afterDL}, civic.CodeCallClosed},
		{"invalid proposal", contribution.StateDraft, &invalid, contribution.Request{Action: contribution.ActionSubmit, Actor: authorOf(p), At: beforeDL}, civic.CodeProposalInvalid},
		{"still open", contribution.StateSubmitted, p, contribution.Request{Action: contribution.ActionStartReview, Actor: organiser, At: beforeDL}, civic.CodeCallStillOpen},
		{"same organisation", contribution.StateInReview, p, contribution.Request{Action: contribution.ActionReview, Actor: sameOrg, At: afterDL}, civic.CodeConflict},
		{"declared", contribution.StateInReview, p, contribution.Request{Action: contribution.ActionReview, Actor: declared, At: afterDL}, civic.CodeConflict},
		{"contributor", contribution.StateInReview, p, contribution.Request{Action: contribution.ActionReview, Actor: contrib, At: afterDL}, civic.CodeConflict},
		{"no decision", contribution.StateInReview, p, contribution.Request{Action: contribution.ActionPublishAccept, Actor: committee, At: decisions}, civic.CodeNoDecision},
		{"after event", contribution.StateConfirmed, p, contribution.Request{Action: contribution.ActionWithdraw, Actor: authorOf(p), At: afterEvent}, civic.CodeAfterEvent},
		{"version", contribution.StateConfirmed, p, contribution.Request{Action: contribution.ActionSchedule, Actor: organiser, At: decisions, Version: &v3}, civic.CodeVersionConflict},
		{"unknown action", contribution.StateConfirmed, p, contribution.Request{Action: "promote", Actor: organiser, At: decisions}, civic.CodeUnknownAction},
		{"unknown state", "limbo", p, contribution.Request{Action: contribution.ActionSchedule, Actor: organiser, At: decisions}, civic.CodeUnknownState},
		{"unknown role", contribution.StateConfirmed, p, contribution.Request{Action: contribution.ActionSchedule, Actor: contribution.Actor{ID: "x", Role: "king"}, At: decisions}, civic.CodeUnknownValue},
		{"no actor", contribution.StateConfirmed, p, contribution.Request{Action: contribution.ActionSchedule, Actor: contribution.Actor{Role: contribution.RoleOrganiser}, At: decisions}, civic.CodeRequired},
		{"cancel before confirmation", contribution.StateAccepted, p, contribution.Request{Action: contribution.ActionCancel, Actor: organiser, At: decisions}, civic.CodeIllegalAction},
		{"withdraw final", contribution.StateRejected, p, contribution.Request{Action: contribution.ActionWithdraw, Actor: authorOf(p), At: decisions}, civic.CodeIllegalAction},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := contribution.Record{Proposal: *tt.p}
			q.State = tt.state
			q.Version = 7
			before := q
			_, err := w.Apply(&q, tt.req, env)
			var ae *contribution.ActionError
			if !errors.As(err, &ae) {
				t.Fatalf("got %v, want an *ActionError", err)
			}
			if ae.Code != tt.code || civic.ErrorCode(err) != tt.code {
				t.Errorf("code %s, want %s (%v)", ae.Code, tt.code, err)
			}
			if q.State != before.State || q.Version != before.Version || q.Pending != before.Pending || !q.Submitted.Equal(before.Submitted) {
				t.Errorf("the proposal changed on refusal: %+v", q)
			}
			for _, tag := range []language.Tag{language.English, language.French} {
				msg := ae.Message(tag)
				if msg == "" || strings.Contains(msg, "%!") || strings.Contains(msg, "MISSING") {
					t.Errorf("%s message %q", tag, msg)
				}
			}
		})
	}
	// The cause of a refused submission is the proposal's own validation error.
	q := contribution.Record{Proposal: invalid}
	_, err = w.Apply(&q, contribution.Request{Action: contribution.ActionSubmit, Actor: authorOf(p), At: beforeDL}, env)
	var ve *civic.ValidationError
	if !errors.As(err, &ve) || !ve.Has(civic.CodeRequired, civic.Path{}.Key("title")) {
		t.Errorf("submission cause: %v", err)
	}
	// By hand, the organiser starts the review before the deadline.
	q = contribution.Record{Proposal: *p}
	q.State = contribution.StateSubmitted
	if _, err := w.Apply(&q, contribution.Request{Action: contribution.ActionStartReview, Actor: organiser, At: beforeDL, ByHand: true}, env); err != nil {
		t.Error(err)
	}
}

func TestWorkflowMessages(t *testing.T) {
	c := call2019(t)
	p := contribution.NewRecord(&contribution.Proposal{ID: "p1"})
	p.State = contribution.StateSubmitted
	_, err := contribution.ReviewWorkflow().Apply(p, contribution.Request{Action: contribution.ActionConfirm, Actor: organiser}, contribution.Env{Call: c})
	var ae *contribution.ActionError
	if !errors.As(err, &ae) {
		t.Fatal(err)
	}
	if got, want := ae.Message(language.French), "l'action « confirm » est impossible depuis l'état « submitted »"; got != want {
		t.Errorf("fr %q, want %q", got, want)
	}
	if got, want := ae.Message(language.English), `the action "confirm" cannot be taken from the state "submitted"`; got != want {
		t.Errorf("en %q, want %q", got, want)
	}
}

func TestWorkflowPermitted(t *testing.T) {
	c := call2019(t)
	ps, _ := contribution.Sample2019(c)
	p := *ps[0]
	w := contribution.ReviewWorkflow()
	env := contribution.Env{Call: c, Event: eventStart}
	tests := []struct {
		state contribution.State
		actor contribution.Actor
		at    time.Time
		want  []contribution.Action
	}{
		{contribution.StateDraft, authorOf(&p), beforeDL, []contribution.Action{"submit", "withdraw"}},
		{contribution.StateDraft, authorOf(&p), afterDL, []contribution.Action{"withdraw"}},
		{contribution.StateDraft, authorOf(ps[1]), beforeDL, nil},
		{contribution.StateSubmitted, organiser, afterDL, []contribution.Action{"start_review"}},
		{contribution.StateSubmitted, organiser, beforeDL, nil},
		{contribution.StateInReview, committee, afterDL, []contribution.Action{"accept", "reject", "waitlist"}},
		{contribution.StateInReview, reviewer("r"), afterDL, []contribution.Action{"review"}},
		{contribution.StateWaitlisted, committee, afterDL, []contribution.Action{"accept", "reject"}},
		{contribution.StateAccepted, authorOf(&p), decisions, []contribution.Action{"confirm", "decline", "withdraw"}},
		{contribution.StateConfirmed, organiser, decisions, []contribution.Action{"cancel", "schedule"}},
		{contribution.StateScheduled, organiser, decisions, []contribution.Action{"cancel", "unschedule"}},
		{contribution.StateScheduled, organiser, afterEvent, []contribution.Action{"unschedule"}},
	}
	for _, tt := range tests {
		q := contribution.Record{Proposal: p}
		q.State = tt.state
		if tt.state == contribution.StateInReview && tt.actor.Role == contribution.RoleCommittee {
			q.Pending = ""
		}
		got := w.Permitted(&q, tt.actor, env, tt.at)
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s as %s at %s: %v, want %v", tt.state, tt.actor.Role, tt.at.Format(time.DateOnly), got, tt.want)
		}
		if !slices.IsSorted(got) {
			t.Errorf("not sorted: %v", got)
		}
	}
}

func TestPublishAllOrNothing(t *testing.T) {
	b, _, ps := sampleBoard(t)
	for _, p := range ps[:3] {
		if _, err := b.Act(p.ID, contribution.Request{Action: contribution.ActionSubmit, Actor: authorOf(p), At: beforeDL}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := b.StartReview(contribution.Request{Actor: organiser, At: afterDL}); err != nil {
		t.Fatal(err)
	}
	for _, p := range ps[:2] {
		if _, err := b.Decide(p.ID, contribution.DecisionAccept, contribution.Request{Actor: committee, At: decisions}); err != nil {
			t.Fatal(err)
		}
	}
	n := b.Journal().Len()
	_, err := b.Publish(contribution.Request{Actor: committee, At: decisions})
	if civic.ErrorCode(err) != civic.CodeNoDecision {
		t.Fatalf("publish with a proposal undecided: %v", err)
	}
	if b.Journal().Len() != n {
		t.Error("a refused publication was journaled")
	}
	for _, p := range b.Records()[:3] {
		if p.State != contribution.StateInReview {
			t.Errorf("%s half-published: %s", p.ID, p.State)
		}
	}
	// Reviews: out of range scores are refused and nothing is recorded.
	bad := contribution.Review{Proposal: ps[0].ID, Scores: []contribution.Score{{Criterion: "relevance", Value: 9}, {Criterion: "maturity", Value: 1}, {Criterion: "nope", Value: 1}}}
	_, err = b.Review(reviewer("rev-a"), bad, contribution.Request{At: decisions})
	for _, want := range []struct {
		path string
		code civic.Code
	}{{"scores[0].value", civic.CodeOutOfRange}, {"scores[1].criterion", civic.CodeNotForFormat}, {"scores[2].criterion", civic.CodeUnknownRef}, {"scores", civic.CodeRequired}} {
		if !hasCode(err, want.path, want.code) {
			t.Errorf("missing %s at %s in %v", want.code, want.path, err)
		}
	}
	if len(b.Reviews()) != 0 || b.Journal().Len() != n {
		t.Error("a refused review was recorded")
	}
	// A non-reviewer may not review.
	_, err = b.Review(organiser, contribution.Review{Proposal: ps[0].ID}, contribution.Request{At: decisions})
	if actionCode(err) != civic.CodeNotReviewer {
		t.Errorf("review by the organiser: %v", err)
	}
}

// TestConcurrentActions has many goroutines act on one proposal at once, all from the same
// version: exactly one succeeds, the others get a version conflict. Run with -race.
func TestConcurrentActions(t *testing.T) {
	for round := range 20 {
		b, _, ps := sampleBoard(t)
		p := ps[round%len(ps)]
		cur, _ := b.Record(p.ID)
		v := cur.Version
		var wins, conflicts atomic.Int32
		var wg sync.WaitGroup
		start := make(chan struct{})
		for g := range 32 {
			wg.Go(func() {
				<-start
				action := contribution.ActionSubmit
				if g%2 == 1 {
					action = contribution.ActionWithdraw
				}
				_, err := b.Act(p.ID, contribution.Request{Action: action, Actor: authorOf(p), At: beforeDL, Version: &v})
				switch {
				case err == nil:
					wins.Add(1)
				case actionCode(err) == civic.CodeVersionConflict:
					conflicts.Add(1)
				default:
					t.Errorf("unexpected error: %v", err)
				}
			})
		}
		close(start)
		wg.Wait()
		if wins.Load() != 1 || conflicts.Load() != 31 {
			t.Fatalf("round %d: %d successes, %d conflicts", round, wins.Load(), conflicts.Load())
		}
		if err := contribution.VerifyEntries(b.Journal().Entries()); err != nil || b.Journal().Len() != 1 {
			t.Fatalf("journal: %d entries, %v", b.Journal().Len(), err)
		}
	}
}

func TestReviewerView(t *testing.T) {
	b, _, ps := runReview(t)
	r := reviewer("rev-x")
	r.Organisation = ps[0].Contributors[0].Organisation.Name
	view := b.ReviewerView(r)
	for _, q := range view {
		if q.ID == ps[0].ID {
			t.Error("a proposal with a conflict of interest is shown")
		}
		for _, c := range q.Contributors {
			if c.Name != "" || c.Email != "" || c.Organisation != nil {
				t.Errorf("%s not anonymised: %+v", q.ID, c)
			}
		}
	}
	if len(view) == 0 || len(view) >= len(ps) {
		t.Errorf("%d proposals in the view", len(view))
	}
	if ps[1].Contributors[0].Name == "" {
		t.Error("anonymising changed the proposal")
	}
}

func TestAggregate(t *testing.T) {
	c := call2019(t)
	format := func(string) string { return "research" }
	sc := func(rel, tr, orig int) []contribution.Score {
		return []contribution.Score{{Criterion: "relevance", Value: rel}, {Criterion: "transparency", Value: tr}, {Criterion: "originality", Value: orig}}
	}
	reviews := []contribution.Review{
		{Proposal: "a", Reviewer: "harsh", Scores: sc(1, 1, 1)},
		{Proposal: "b", Reviewer: "harsh", Scores: sc(2, 2, 2)},
		{Proposal: "a", Reviewer: "kind", Scores: sc(4, 4, 4)},
		{Proposal: "b", Reviewer: "kind", Scores: sc(5, 5, 5)},
		{Proposal: "c", Reviewer: "kind", Scores: sc(5, 5, 5)},
		{Proposal: "c", Reviewer: "mid", Scores: sc(5, 0, 0)},
	}
	mean := contribution.Aggregate(c, reviews, format, contribution.Aggregation{})
	if got := mean["a"]; got != 50 {
		t.Errorf("mean a = %v, want 50", got)
	}
	if got := mean["c"]; got != 75 {
		t.Errorf("mean c = %v, want 75 (weights 3,2,1)", got)
	}
	med := contribution.Aggregate(c, append(reviews, contribution.Review{Proposal: "c", Reviewer: "x", Scores: sc(0, 0, 0)}), format, contribution.Aggregation{Method: contribution.MethodMedian})
	if got := med["c"]; got != 50 {
		t.Errorf("median c = %v, want 50", got)
	}
	// Normalised, the harsh reviewer's best equals the kind reviewer's best.
	norm := contribution.Aggregate(c, reviews[:4], format, contribution.Aggregation{Normalise: true})
	if norm["b"] <= norm["a"] {
		t.Errorf("normalised: %v", norm)
	}
	if d := norm["b"] - norm["a"]; d < 1 {
		t.Errorf("normalisation lost the order: %v", norm)
	}
}
