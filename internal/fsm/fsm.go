package fsm

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/qmuntal/stateless"
)

// Transition is one row of a transition table: taking Action in state From leads to To.
type Transition[S, T, R ~string] struct {
	From   S
	Action T
	To     S
	// Roles may take the transition. An empty list means nobody may fire it: it is
	// internal, documented in the graphs and counted for reachability, and [Definition.Fire]
	// always refuses it with ErrForbidden.
	Roles []R
	// Guard optionally names a guard of the definition that must also allow the
	// transition. It is shown in the graphs.
	Guard string
}

// Guard decides whether a transition may be taken in context c. It returns nil to allow
// it, or an error saying why not, in the caller's own error type (a *civic.FieldError with
// a code, for example): [Definition.Fire] wraps it in a [*TransitionError] with
// [ReasonGuard], and errors.As still finds it.
//
// A guard must not change anything: [Definition.Permitted] and [Definition.Can] call it
// too. A guard that panics refuses the transition with [ReasonInternal].
type Guard[C any] func(c C) error

// Definition is a validated, immutable workflow: states, actions, roles and the transitions
// between them. Build it once with [New] and share it: every method is safe for concurrent
// use. The definition holds no current state; callers store it.
type Definition[S, T, R ~string, C any] struct {
	name    string
	initial S
	states  []S // definition order
	actions []T // order of first appearance in the table
	roles   []R // order of first appearance in the table
	table   []Transition[S, T, R]
	guards  []Guard[C] // per row, nil when the row has no guard

	// The hot-path index, built at New time by asking the stateless machine (see doc.go).
	stateIdx  map[S]int32
	actionIdx map[T]int32
	cells     []cell[R] // len(states)*len(actions), row-major by state
	offered   [][]int32 // per state: action indices with a transition, sorted by action

	machine *stateless.StateMachine // FiringImmediate, external storage; see machine.go
}

// cell is the index entry of one (state, action) pair.
type cell[R ~string] struct {
	exists bool         // some row has this (From, Action), whatever its roles
	rows   []roleRow[R] // which row each role takes
}

type roleRow[R ~string] struct {
	role R
	row  int32
}

// New validates a transition table and builds its definition. name labels errors and graphs;
// initial is the state of a new document; states lists every state, in documentation order;
// guards maps the names used in table rows to their functions.
//
// New never panics. It returns a [*DefinitionError] listing every problem: an empty name,
// state, action or role; a state listed twice; a row naming an unknown state or guard; two
// rows sharing (From, Action) whose roles overlap, or one of which has no roles (stateless
// panics at fire time on such ambiguous guards); a guard given but never used, or nil; a
// state unreachable from initial.
func New[S, T, R ~string, C any](name string, initial S, states []S, table []Transition[S, T, R], guards map[string]Guard[C]) (*Definition[S, T, R, C], error) {
	d := &Definition[S, T, R, C]{
		name:     name,
		initial:  initial,
		states:   slices.Clone(states),
		table:    make([]Transition[S, T, R], len(table)),
		guards:   make([]Guard[C], len(table)),
		stateIdx: make(map[S]int32, len(states)),
	}
	for i, tr := range table {
		tr.Roles = slices.Clone(tr.Roles)
		d.table[i] = tr
	}
	if problems := d.validate(guards); len(problems) > 0 {
		return nil, &DefinitionError{Name: name, Problems: problems}
	}
	if err := d.build(); err != nil {
		return nil, &DefinitionError{Name: name, Problems: []string{err.Error()}}
	}
	return d, nil
}

// validate checks the table statically and fills the name indexes and per-row guards.
func (d *Definition[S, T, R, C]) validate(guards map[string]Guard[C]) []string {
	var problems []string
	add := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }

	if d.name == "" {
		add("empty name")
	}
	if len(d.states) == 0 {
		add("no states")
	}
	for _, s := range d.states {
		switch _, dup := d.stateIdx[s]; {
		case s == "":
			add("empty state name")
		case dup:
			add("state %q listed twice", s)
		default:
			d.stateIdx[s] = int32(len(d.stateIdx))
		}
	}
	if _, ok := d.stateIdx[d.initial]; !ok && len(d.states) > 0 {
		add("initial state %q is not listed", d.initial)
	}

	used := make(map[string]bool, len(guards))
	d.actionIdx = make(map[T]int32)
	seenRole := make(map[R]bool)
	for i, tr := range d.table {
		where := "table[" + strconv.Itoa(i) + "] (" + string(tr.From) + " -" + string(tr.Action) + "-> " + string(tr.To) + ")"
		if _, ok := d.stateIdx[tr.From]; !ok {
			add("%s: unknown state %q", where, tr.From)
		}
		if _, ok := d.stateIdx[tr.To]; !ok {
			add("%s: unknown state %q", where, tr.To)
		}
		if tr.Action == "" {
			add("%s: empty action", where)
		} else if _, ok := d.actionIdx[tr.Action]; !ok {
			d.actionIdx[tr.Action] = int32(len(d.actions))
			d.actions = append(d.actions, tr.Action)
		}
		for j, r := range tr.Roles {
			switch {
			case r == "":
				add("%s: empty role", where)
			case slices.Contains(tr.Roles[:j], r):
				add("%s: role %q listed twice", where, r)
			case !seenRole[r]:
				seenRole[r] = true
				d.roles = append(d.roles, r)
			}
		}
		if tr.Guard != "" {
			g, ok := guards[tr.Guard]
			if !ok {
				add("%s: unknown guard %q", where, tr.Guard)
			}
			d.guards[i] = g
			used[tr.Guard] = true
		}
		for j, prev := range d.table[:i] {
			if prev.From != tr.From || prev.Action != tr.Action {
				continue
			}
			switch {
			case len(prev.Roles) == 0 || len(tr.Roles) == 0:
				add("%s: same state and action as table[%d], and one of them has no roles", where, j)
			case overlap(prev.Roles, tr.Roles):
				add("%s: same state and action as table[%d], with overlapping roles", where, j)
			}
		}
	}
	for _, name := range sortedKeys(guards) {
		switch {
		case guards[name] == nil:
			add("guard %q is nil", name)
		case !used[name]:
			add("guard %q is not used by any transition", name)
		}
	}
	if len(problems) == 0 {
		for _, s := range d.unreachable() {
			add("state %q is unreachable from %q", s, d.initial)
		}
	}
	return problems
}

func overlap[R comparable](a, b []R) bool {
	for _, r := range a {
		if slices.Contains(b, r) {
			return true
		}
	}
	return false
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// unreachable returns the states no path of transitions (internal ones included) leads to
// from the initial state, in definition order.
func (d *Definition[S, T, R, C]) unreachable() []S {
	seen := make([]bool, len(d.states))
	seen[d.stateIdx[d.initial]] = true
	queue := []S{d.initial}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		for _, tr := range d.table {
			if tr.From == s && !seen[d.stateIdx[tr.To]] {
				seen[d.stateIdx[tr.To]] = true
				queue = append(queue, tr.To)
			}
		}
	}
	var out []S
	for i, s := range d.states {
		if !seen[i] {
			out = append(out, s)
		}
	}
	return out
}

// Name returns the definition's name.
func (d *Definition[S, T, R, C]) Name() string { return d.name }

// Initial returns the state of a new document.
func (d *Definition[S, T, R, C]) Initial() S { return d.initial }

// States returns every state, in definition order. The slice is a copy.
func (d *Definition[S, T, R, C]) States() []S { return slices.Clone(d.states) }

// Actions returns every action of the table, in order of first appearance. The slice is a copy.
func (d *Definition[S, T, R, C]) Actions() []T { return slices.Clone(d.actions) }

// Roles returns every role of the table, in order of first appearance. The slice is a copy.
func (d *Definition[S, T, R, C]) Roles() []R { return slices.Clone(d.roles) }

// Table returns a copy of the transition table, in definition order.
func (d *Definition[S, T, R, C]) Table() []Transition[S, T, R] {
	out := make([]Transition[S, T, R], len(d.table))
	for i, tr := range d.table {
		tr.Roles = slices.Clone(tr.Roles)
		out[i] = tr
	}
	return out
}

// Fire returns the state that taking action in state as role leads to, given the guard
// context c. It changes nothing: the caller stores the returned state (with optimistic
// versioning, for instance) and journals the action.
//
// On refusal Fire returns state unchanged and a [*TransitionError]: ErrIllegal when the
// state has no such action (or is not a state of the definition: the cause is then
// [ErrUnknownState]), ErrForbidden when the role may not take it, ErrGuard wrapping the
// guard's error, ErrInternal wrapping a recovered panic.
func (d *Definition[S, T, R, C]) Fire(state S, action T, role R, c C) (S, error) {
	row, err := d.find(state, action, role, c)
	if err != nil {
		return state, err
	}
	return d.table[row].To, nil
}

// Can reports whether [Definition.Fire] would succeed: it returns nil, or the error Fire
// would return.
func (d *Definition[S, T, R, C]) Can(state S, action T, role R, c C) error {
	_, err := d.find(state, action, role, c)
	return err
}

// Permitted returns the actions role may take in state under context c, guards evaluated,
// sorted. It returns nil for an unknown state. A guard that panics counts as a refusal.
func (d *Definition[S, T, R, C]) Permitted(state S, role R, c C) []T {
	si, ok := d.stateIdx[state]
	if !ok {
		return nil
	}
	var out []T
	for _, ai := range d.offered[si] {
		row := d.cells[int(si)*len(d.actions)+int(ai)].lookup(role)
		if row < 0 {
			continue
		}
		if g := d.guards[row]; g != nil {
			if _, err := runGuard(g, c); err != nil {
				continue
			}
		}
		if out == nil {
			out = make([]T, 0, len(d.offered[si]))
		}
		out = append(out, d.actions[ai])
	}
	return out
}

// find is the hot path shared by Fire and Can: two map look-ups, a scan of a few roles and
// the guard.
func (d *Definition[S, T, R, C]) find(state S, action T, role R, c C) (int32, error) {
	si, ok := d.stateIdx[state]
	if !ok {
		return -1, d.refuse(state, action, role, ReasonIllegal, -1, ErrUnknownState)
	}
	ai, ok := d.actionIdx[action]
	if !ok {
		return -1, d.refuse(state, action, role, ReasonIllegal, -1, nil)
	}
	cl := &d.cells[int(si)*len(d.actions)+int(ai)]
	if !cl.exists {
		return -1, d.refuse(state, action, role, ReasonIllegal, -1, nil)
	}
	row := cl.lookup(role)
	if row < 0 {
		return -1, d.refuse(state, action, role, ReasonForbidden, -1, nil)
	}
	if g := d.guards[row]; g != nil {
		if reason, err := runGuard(g, c); err != nil {
			return -1, d.refuse(state, action, role, reason, row, err)
		}
	}
	return row, nil
}

func (cl *cell[R]) lookup(role R) int32 {
	for _, rr := range cl.rows {
		if rr.role == role {
			return rr.row
		}
	}
	return -1
}

// refuse builds the error of a refused action; row is the matched row, or -1.
func (d *Definition[S, T, R, C]) refuse(state S, action T, role R, reason Reason, row int32, cause error) *TransitionError {
	e := &TransitionError{Machine: d.name, From: string(state), Action: string(action), Role: string(role), Reason: reason, Err: cause}
	if row >= 0 {
		e.Guard = d.table[row].Guard
	}
	return e
}

// runGuard calls g. A refusal returns ReasonGuard and the guard's error; a panic is
// recovered and returned as ReasonInternal.
func runGuard[C any](g Guard[C], c C) (reason Reason, err error) {
	defer func() {
		if v := recover(); v != nil {
			reason, err = ReasonInternal, panicError(v)
		}
	}()
	if err := g(c); err != nil {
		return ReasonGuard, err
	}
	return "", nil
}
