package fsm

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/civic-observatory/civic"
	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

var (
	ok       = review{complete: true, reasoned: true}
	lacking  = review{}
	volatile = review{complete: true, reasoned: true, explosive: true}
)

func TestNewErrors(t *testing.T) {
	type table = []Transition[state, action, role]
	guards := reviewGuards()
	tests := []struct {
		name    string
		defName string
		initial state
		states  []state
		table   table
		guards  map[string]Guard[review]
		want    []string // substrings, one per expected problem, in order
	}{
		{
			name: "empty name", defName: "", initial: draft, states: []state{draft},
			want: []string{"empty name"},
		},
		{
			name: "no states", defName: "x", initial: draft,
			want: []string{"no states"},
		},
		{
			name: "initial not listed", defName: "x", initial: "nowhere", states: []state{draft},
			want: []string{`initial state "nowhere" is not listed`},
		},
		{
			name: "state twice and empty state", defName: "x", initial: draft, states: []state{draft, "", draft},
			want: []string{"empty state name", `state "draft" listed twice`},
		},
		{
			name: "unknown states", defName: "x", initial: draft, states: []state{draft},
			table: table{{From: "drfat", Action: submit, To: "submited", Roles: []role{author}}},
			want:  []string{`unknown state "drfat"`, `unknown state "submited"`},
		},
		{
			name: "empty action and roles", defName: "x", initial: draft, states: []state{draft, submitted},
			table: table{{From: draft, Action: "", To: submitted, Roles: []role{"", author, author}}},
			want:  []string{"empty action", "empty role", `role "author" listed twice`},
		},
		{
			name: "overlapping roles", defName: "x", initial: draft, states: []state{draft, submitted, withdrawn},
			table: table{
				{From: draft, Action: submit, To: submitted, Roles: []role{author, admin}},
				{From: draft, Action: submit, To: withdrawn, Roles: []role{moderator, admin}},
			},
			want: []string{"table[1] (draft -submit-> withdrawn): same state and action as table[0], with overlapping roles"},
		},
		{
			name: "duplicate internal row", defName: "x", initial: draft, states: []state{draft, submitted, withdrawn},
			table: table{
				{From: draft, Action: submit, To: submitted, Roles: []role{author}},
				{From: draft, Action: submit, To: withdrawn},
			},
			want: []string{"same state and action as table[0], and one of them has no roles"},
		},
		{
			name: "unknown, unused and nil guards", defName: "x", initial: draft, states: []state{draft, submitted},
			table:  table{{From: draft, Action: submit, To: submitted, Roles: []role{author}, Guard: "compelte"}},
			guards: map[string]Guard[review]{"complete": isComplete, "zero": nil},
			want:   []string{`unknown guard "compelte"`, `guard "complete" is not used`, `guard "zero" is nil`},
		},
		{
			name: "unreachable", defName: "x", initial: draft, states: []state{draft, submitted, accepted, published},
			table: table{
				{From: draft, Action: submit, To: submitted, Roles: []role{author}},
				{From: accepted, Action: publish, To: published, Roles: []role{admin}},
			},
			want: []string{`state "accepted" is unreachable from "draft"`, `state "published" is unreachable`},
		},
		{
			name: "review is valid", defName: "review", initial: draft, states: reviewStates,
			table: reviewTable, guards: guards,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := New(tt.defName, tt.initial, tt.states, tt.table, tt.guards)
			if len(tt.want) == 0 {
				if err != nil || d == nil {
					t.Fatalf("New() = %v, %v; want a definition", d, err)
				}
				return
			}
			if d != nil {
				t.Errorf("New() returned a definition with error %v", err)
			}
			var de *DefinitionError
			if !errors.As(err, &de) || !errors.Is(err, ErrDefinition) {
				t.Fatalf("New() error = %v; want a *DefinitionError matching ErrDefinition", err)
			}
			if msg := err.Error(); !strings.HasPrefix(msg, "fsm: "+tt.defName+": invalid definition: ") || !strings.Contains(msg, de.Problems[len(de.Problems)-1]) {
				t.Errorf("Error() = %q; want the prefix and every problem", msg)
			}
			if len(de.Problems) != len(tt.want) {
				t.Fatalf("got %d problems, want %d:\n%s", len(de.Problems), len(tt.want), err)
			}
			for i, w := range tt.want {
				if !strings.Contains(de.Problems[i], w) {
					t.Errorf("problem %d = %q; want it to contain %q", i, de.Problems[i], w)
				}
			}
		})
	}
}

func TestFire(t *testing.T) {
	d := mustReview(t)
	tests := []struct {
		name   string
		from   state
		action action
		role   role
		ctx    review
		want   state
		reason Reason // "" when the action succeeds
		cause  error  // the cause reached through Unwrap, or nil
		guard  string
	}{
		{name: "submit", from: draft, action: submit, role: author, ctx: ok, want: submitted},
		{name: "withdraw by author", from: submitted, action: withdraw, role: author, ctx: ok, want: withdrawn},
		{name: "withdraw by admin", from: submitted, action: withdraw, role: admin, ctx: ok, want: draft},
		{name: "start review", from: submitted, action: startReview, role: moderator, ctx: lacking, want: underReview},
		{name: "self transition", from: underReview, action: comment, role: admin, ctx: ok, want: underReview},
		{name: "reject with reason", from: underReview, action: reject, role: moderator, ctx: ok, want: rejected},
		{name: "publish", from: accepted, action: publish, role: admin, ctx: ok, want: published},
		{name: "reopen", from: rejected, action: reopen, role: admin, ctx: ok, want: submitted},

		{name: "guard refuses submit", from: draft, action: submit, role: author, ctx: lacking, reason: ReasonGuard, cause: errIncomplete, guard: "complete"},
		{name: "guard refuses reject", from: underReview, action: reject, role: moderator, ctx: lacking, reason: ReasonGuard, cause: errNoReason, guard: "reasoned"},
		{name: "forbidden role", from: submitted, action: startReview, role: author, ctx: ok, reason: ReasonForbidden},
		{name: "forbidden before guard", from: draft, action: submit, role: moderator, ctx: lacking, reason: ReasonForbidden},
		{name: "unknown role", from: draft, action: submit, role: "stranger", ctx: ok, reason: ReasonForbidden},
		{name: "empty role", from: draft, action: submit, role: "", ctx: ok, reason: ReasonForbidden},
		{name: "internal transition", from: rejected, action: archive, role: admin, ctx: ok, reason: ReasonForbidden},
		{name: "illegal action", from: draft, action: publish, role: admin, ctx: ok, reason: ReasonIllegal},
		{name: "from a final state", from: published, action: submit, role: author, ctx: ok, reason: ReasonIllegal},
		{name: "unknown action", from: draft, action: "fly", role: author, ctx: ok, reason: ReasonIllegal},
		{name: "unknown state", from: "limbo", action: submit, role: author, ctx: ok, reason: ReasonIllegal, cause: ErrUnknownState},
		{name: "panicking guard", from: draft, action: submit, role: author, ctx: volatile, reason: ReasonInternal, cause: errBoom, guard: "complete"},
	}
	sentinels := map[Reason]error{ReasonIllegal: ErrIllegal, ReasonForbidden: ErrForbidden, ReasonGuard: ErrGuard, ReasonInternal: ErrInternal}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := d.Fire(tt.from, tt.action, tt.role, tt.ctx)
			if canErr := d.Can(tt.from, tt.action, tt.role, tt.ctx); (canErr == nil) != (err == nil) {
				t.Errorf("Can() = %v, but Fire() error = %v", canErr, err)
			}
			if tt.reason == "" {
				if err != nil || got != tt.want {
					t.Fatalf("Fire(%s, %s, %s) = %q, %v; want %q, nil", tt.from, tt.action, tt.role, got, err, tt.want)
				}
				return
			}
			if got != tt.from {
				t.Errorf("Fire() state = %q on error; want the unchanged %q", got, tt.from)
			}
			var te *TransitionError
			if !errors.As(err, &te) {
				t.Fatalf("Fire() error = %v; want a *TransitionError", err)
			}
			want := &TransitionError{Machine: "review", From: string(tt.from), Action: string(tt.action), Role: string(tt.role), Reason: tt.reason, Guard: tt.guard}
			if diff := cmp.Diff(want, te, cmp.FilterPath(func(p cmp.Path) bool { return p.Last().String() == ".Err" }, cmp.Ignore())); diff != "" {
				t.Errorf("TransitionError mismatch (-want +got):\n%s", diff)
			}
			for r, s := range sentinels {
				if got, want := errors.Is(err, s), r == tt.reason; got != want {
					t.Errorf("errors.Is(err, %v) = %v; want %v", s, got, want)
				}
			}
			if tt.cause != nil && !errors.Is(err, tt.cause) {
				t.Errorf("errors.Is(err, %v) = false; the cause is %v", tt.cause, te.Err)
			}
			if tt.cause == nil && te.Err != nil {
				t.Errorf("cause = %v; want none", te.Err)
			}
			if !strings.HasPrefix(err.Error(), "fsm: review: ") {
				t.Errorf("Error() = %q; want the package and machine prefix", err)
			}
		})
	}
}

// A guard's typed error stays reachable through the TransitionError.
func TestGuardErrorIsTyped(t *testing.T) {
	d := mustReview(t)
	_, err := d.Fire(draft, submit, author, lacking)
	var fe *civic.FieldError
	if !errors.As(err, &fe) || fe.Code != civic.CodeRequired || fe.Path.String() != "title" {
		t.Fatalf("errors.As(%v, *civic.FieldError) = %v; want the guard's required title", err, fe)
	}
	if civic.ErrorCode(err) != civic.CodeRequired {
		t.Errorf("civic.ErrorCode() = %q; want %q", civic.ErrorCode(err), civic.CodeRequired)
	}
	if !errors.Is(err, ErrGuard) || errors.Is(err, ErrForbidden) {
		t.Errorf("err = %v; want it to match ErrGuard only", err)
	}
}

func TestPermitted(t *testing.T) {
	d := mustReview(t)
	tests := []struct {
		state state
		role  role
		ctx   review
		want  []action
	}{
		{draft, author, ok, []action{submit}},
		{draft, author, lacking, nil},
		{draft, author, volatile, nil},
		{draft, admin, ok, nil},
		{submitted, admin, ok, []action{startReview, withdraw}},
		{submitted, author, ok, []action{withdraw}},
		{underReview, moderator, ok, []action{accept, comment, reject}},
		{underReview, moderator, lacking, []action{accept, comment}},
		{underReview, admin, ok, []action{comment}},
		{rejected, admin, ok, []action{reopen}},
		{published, admin, ok, nil},
		{"limbo", admin, ok, nil},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s/%s/%+v", tt.state, tt.role, tt.ctx), func(t *testing.T) {
			got := d.Permitted(tt.state, tt.role, tt.ctx)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Permitted() mismatch (-want +got):\n%s", diff)
			}
			if !slices.IsSorted(got) {
				t.Errorf("Permitted() = %v is not sorted", got)
			}
		})
	}
}

func TestAccessors(t *testing.T) {
	d := mustReview(t)
	if d.Name() != "review" || d.Initial() != draft {
		t.Errorf("Name(), Initial() = %q, %q", d.Name(), d.Initial())
	}
	if diff := cmp.Diff(reviewStates, d.States()); diff != "" {
		t.Errorf("States() mismatch (-want +got):\n%s", diff)
	}
	wantActions := []action{submit, withdraw, startReview, comment, accept, reject, publish, reopen, archive}
	if diff := cmp.Diff(wantActions, d.Actions()); diff != "" {
		t.Errorf("Actions() mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]role{author, admin, moderator}, d.Roles()); diff != "" {
		t.Errorf("Roles() mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(reviewTable, d.Table()); diff != "" {
		t.Errorf("Table() mismatch (-want +got):\n%s", diff)
	}
	// The results are copies: changing them changes nothing.
	d.States()[0] = "x"
	d.Actions()[0] = "x"
	d.Table()[0].Roles[0] = "x"
	if d.States()[0] != draft || d.Actions()[0] != submit || d.Table()[0].Roles[0] != author {
		t.Error("a returned slice aliases the definition")
	}
	// So is the table given to New.
	table := slices.Clone(reviewTable)
	table[0].Roles = []role{author}
	d2, err := New("review", draft, reviewStates, table, reviewGuards())
	if err != nil {
		t.Fatal(err)
	}
	table[0].Roles[0] = moderator
	if _, err := d2.Fire(draft, submit, author, ok); err != nil {
		t.Errorf("changing the caller's table changed the definition: %v", err)
	}
}

// TestAgreement proves that the hot-path index and the stateless machine give the same
// answer on every (state, action, role) triple, for guard contexts that pass, refuse and
// panic, including unknown states, actions and roles.
func TestAgreement(t *testing.T) {
	d := mustReview(t)
	states := append(d.States(), "limbo")
	actions := append(d.Actions(), "fly")
	roles := append(d.Roles(), "", "stranger")
	n := 0
	for _, s := range states {
		for _, r := range roles {
			for _, c := range []review{ok, lacking, volatile} {
				fast := d.Permitted(s, r, c)
				slow, err := d.permittedMachine(s, r, c)
				if err != nil {
					t.Fatalf("permittedMachine(%s, %s): %v", s, r, err)
				}
				if diff := cmp.Diff(slow, fast); diff != "" {
					t.Errorf("Permitted(%s, %s, %+v) mismatch (-stateless +index):\n%s", s, r, c, diff)
				}
				for _, a := range actions {
					n++
					fastNext, fastErr := d.Fire(s, a, r, c)
					slowNext, _, slowErr := d.fireMachine(s, a, r, c, false)
					if fastNext != slowNext || !sameError(fastErr, slowErr) {
						t.Errorf("Fire(%s, %s, %s, %+v) = %q, %v; stateless says %q, %v", s, a, r, c, fastNext, fastErr, slowNext, slowErr)
					}
				}
			}
		}
	}
	t.Logf("%d triples × contexts agree", n)
}

// sameError compares two results of Fire: both nil, or TransitionErrors with the same
// fields and the same innermost cause.
func sameError(a, b error) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	var x, y *TransitionError
	if !errors.As(a, &x) || !errors.As(b, &y) {
		return false
	}
	return x.Machine == y.Machine && x.From == y.From && x.Action == y.Action && x.Role == y.Role &&
		x.Reason == y.Reason && x.Guard == y.Guard && sameCause(x.Err, y.Err)
}

// sameCause compares the innermost causes by identity, or, for a panic with a value that is
// not an error (each recovery makes a new error), by text.
func sameCause(a, b error) bool {
	ra, rb := root(a), root(b)
	if ra == rb {
		return true
	}
	return ra != nil && rb != nil && strings.HasPrefix(ra.Error(), "panic: ") && ra.Error() == rb.Error()
}

func root(err error) error {
	for {
		next := errors.Unwrap(err)
		if next == nil {
			return err
		}
		err = next
	}
}

func TestRace(t *testing.T) {
	d := mustReview(t)
	actions, roles := d.Actions(), d.Roles()
	ctxs := []review{ok, lacking, volatile}
	var wg sync.WaitGroup
	for g := range 32 {
		wg.Go(func() {
			s := d.Initial()
			for i := range 2000 {
				a, r, c := actions[(g+i)%len(actions)], roles[(g*7+i)%len(roles)], ctxs[(g+i/3)%len(ctxs)]
				next, err := d.Fire(s, a, r, c)
				if err == nil {
					s = next
				}
				if !slices.Contains(reviewStates, s) {
					t.Errorf("state %q escaped", s)
					return
				}
				_ = d.Permitted(s, r, c)
				_ = d.Can(s, a, r, c)
				if i%100 == 0 {
					_, _, _ = d.fireMachine(s, a, r, c, false)
					_ = d.DOT()
					_ = d.Table()
				}
				if i%500 == 0 {
					s = d.Initial()
				}
			}
		})
	}
	wg.Wait()
}

func TestGraphs(t *testing.T) {
	d := mustReview(t)
	for _, g := range []struct {
		file string
		got  string
	}{
		{"review.dot", d.DOT()},
		{"review.mmd", d.Mermaid()},
	} {
		t.Run(g.file, func(t *testing.T) {
			path := filepath.Join("testdata", g.file)
			if *update {
				if err := os.MkdirAll("testdata", 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(g.got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), g.got); diff != "" {
				t.Errorf("%s mismatch (-want +got), run go test -update if intended:\n%s", g.file, diff)
			}
		})
	}
	// The output does not depend on the order of the table.
	table := slices.Clone(reviewTable)
	slices.Reverse(table)
	states := slices.Clone(reviewStates)
	slices.Reverse(states)
	d2, err := New("review", draft, states, table, reviewGuards())
	if err != nil {
		t.Fatal(err)
	}
	if d2.DOT() != d.DOT() || d2.Mermaid() != d.Mermaid() {
		t.Error("graphs depend on the order of the definition")
	}
}

func TestGraphEscaping(t *testing.T) {
	type s string
	d, err := New[s, s, s, struct{}]("odd \"name\"", "a b", []s{"a b", `c"d`, "end", "s1"},
		[]Transition[s, s, s]{
			{From: "a b", Action: "go: now; #1", To: `c"d`, Roles: []s{"x"}},
			{From: `c"d`, Action: "on", To: "end", Roles: []s{"x"}},
			{From: "end", Action: "on", To: "s1", Roles: []s{"x"}},
		}, nil)
	if err != nil {
		t.Fatal(err)
	}
	dot := d.DOT()
	for _, want := range []string{`digraph "odd \"name\""`, `"a b" -> "c\"d" [label="go: now; #1 [x]"]`} {
		if !strings.Contains(dot, want) {
			t.Errorf("DOT() lacks %s:\n%s", want, dot)
		}
	}
	mmd := d.Mermaid()
	for _, want := range []string{`state "a b" as s0`, `state "c#quot;d" as s1`, `state "end" as s2`, `state "s1" as s3`, "s0 --> s1: go#58; now#59; #35;1 [x]", "[*] --> s0", "s3 --> [*]"} {
		if !strings.Contains(mmd, want) {
			t.Errorf("Mermaid() lacks %s:\n%s", want, mmd)
		}
	}
}

// A definition whose rows all lack roles still knows its transitions: they are forbidden,
// not illegal.
func TestInternalOnly(t *testing.T) {
	type s string
	d, err := New[s, s, s, int]("timer", "open", []s{"open", "closed"},
		[]Transition[s, s, s]{{From: "open", Action: "expire", To: "closed"}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.Fire("open", "expire", "admin", 0); !errors.Is(err, ErrForbidden) {
		t.Errorf("Fire(internal) error = %v; want ErrForbidden", err)
	}
	if _, err := d.Fire("closed", "expire", "admin", 0); !errors.Is(err, ErrIllegal) {
		t.Errorf("Fire(from final) error = %v; want ErrIllegal", err)
	}
}
