package fsm

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/qmuntal/stateless"
)

// This file holds everything that touches stateless: the one machine of a definition, its
// external storage, its named guards and unhandled-trigger handler, and the probe that builds
// the hot-path index from it.

// callKey is the context key of the per-call record.
type callKey struct{}

// call is what the shared machine reads from its context on each call: the external storage
// (state in, next state out), the role and guard context, and what the guards saw.
type call[S, T, R ~string, C any] struct {
	def      *Definition[S, T, R, C]
	state    S
	role     R
	c        C
	probe    bool   // building the index: named guards are not called
	matched  int32  // the row whose roles hold role, or -1
	reason   Reason // why that row's guard refused, if it did
	guardErr error
	next     S
	moved    bool
}

// rowChecker is how the non-generic rowGuard reaches the generic call record.
type rowChecker interface{ permits(row int32) bool }

// rowGuard is the stateless guard of one table row. It is a named method, not a closure, so
// stateless describes it as "permits-fm" in unmet-guard lists and ToGraph, never "func1".
type rowGuard struct{ row int32 }

func (g rowGuard) permits(ctx context.Context, _ ...any) bool {
	c, ok := ctx.Value(callKey{}).(rowChecker)
	return ok && c.permits(g.row)
}

// permits checks the role of row, then (except when probing) its named guard.
func (cl *call[S, T, R, C]) permits(row int32) bool {
	if !slices.Contains(cl.def.table[row].Roles, cl.role) {
		return false
	}
	cl.matched = row
	g := cl.def.guards[row]
	if cl.probe || g == nil {
		return true
	}
	if reason, err := runGuard(g, cl.c); err != nil {
		cl.reason, cl.guardErr = reason, err
		return false
	}
	return true
}

func (d *Definition[S, T, R, C]) callOf(ctx context.Context) (*call[S, T, R, C], error) {
	cl, ok := ctx.Value(callKey{}).(*call[S, T, R, C])
	if !ok {
		return nil, errors.New("no call record in context")
	}
	return cl, nil
}

// load is the stateless state accessor: the state comes from the call, not from storage.
func (d *Definition[S, T, R, C]) load(ctx context.Context) (stateless.State, error) {
	cl, err := d.callOf(ctx)
	if err != nil {
		return nil, err
	}
	return cl.state, nil
}

// store is the stateless state mutator: it records the next state in the call; the caller
// of Fire stores it.
func (d *Definition[S, T, R, C]) store(ctx context.Context, s stateless.State) error {
	cl, err := d.callOf(ctx)
	if err != nil {
		return err
	}
	next, ok := s.(S)
	if !ok {
		return fmt.Errorf("state of type %T", s)
	}
	cl.next, cl.moved = next, true
	return nil
}

// unhandled replaces stateless's untyped error with a *TransitionError.
func (d *Definition[S, T, R, C]) unhandled(ctx context.Context, _ stateless.State, _ stateless.Trigger, unmet []string) error {
	cl, err := d.callOf(ctx)
	if err != nil {
		return err
	}
	// The action is filled in by fireMachine, which knows its type.
	switch {
	case cl.guardErr != nil:
		return d.refuse(cl.state, "", cl.role, cl.reason, cl.matched, cl.guardErr)
	case len(unmet) > 0:
		return d.refuse(cl.state, "", cl.role, ReasonForbidden, -1, nil)
	default:
		return d.refuse(cl.state, "", cl.role, ReasonIllegal, -1, nil)
	}
}

// build configures the stateless machine and derives the index from it.
func (d *Definition[S, T, R, C]) build() (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("stateless: %w", panicError(v))
		}
	}()
	m := stateless.NewStateMachineWithExternalStorage(d.load, d.store, stateless.FiringImmediate)
	m.OnUnhandledTrigger(d.unhandled)
	for _, s := range d.states {
		m.Configure(s) // every state known up front: firing never adds one
	}
	for i, tr := range d.table {
		guard := rowGuard{row: int32(i)}.permits
		if tr.From == tr.To {
			m.Configure(tr.From).PermitReentry(tr.Action, guard)
		} else {
			m.Configure(tr.From).Permit(tr.Action, tr.To, guard)
		}
	}
	d.machine = m
	return d.index()
}

// index asks the machine, for every (state, action, role), where the action leads, with
// named guards switched off, and stores the answers in d.cells. It then checks them against
// the table.
func (d *Definition[S, T, R, C]) index() error {
	na := len(d.actions)
	d.cells = make([]cell[R], len(d.states)*na)
	d.offered = make([][]int32, len(d.states))
	probes := append(slices.Clone(d.roles), "") // "" is no role: it finds internal rows too
	var zero C
	for si, s := range d.states {
		for ai, a := range d.actions {
			cl := &d.cells[si*na+ai]
			for _, r := range probes {
				next, row, err := d.fireMachine(s, a, r, zero, true)
				switch {
				case err == nil:
					if next != d.table[row].To {
						return fmt.Errorf("stateless took %s -%s-> %s as %s, the table says %s", s, a, next, r, d.table[row].To)
					}
					cl.exists = true
					cl.rows = append(cl.rows, roleRow[R]{role: r, row: row})
				case errors.Is(err, ErrForbidden):
					cl.exists = true
				case !errors.Is(err, ErrIllegal):
					return err
				}
			}
			if len(cl.rows) > 0 {
				d.offered[si] = append(d.offered[si], int32(ai))
			}
		}
		slices.SortFunc(d.offered[si], func(x, y int32) int { return cmp.Compare(d.actions[x], d.actions[y]) })
	}
	// Self-check: the index holds exactly the table's (row, role) pairs.
	n := 0
	for i, tr := range d.table {
		cl := &d.cells[int(d.stateIdx[tr.From])*na+int(d.actionIdx[tr.Action])]
		if !cl.exists {
			return fmt.Errorf("stateless does not know table[%d]", i)
		}
		for _, r := range tr.Roles {
			if cl.lookup(r) != int32(i) {
				return fmt.Errorf("stateless does not give table[%d] to role %q", i, r)
			}
		}
		n += len(tr.Roles)
	}
	for _, cl := range d.cells {
		n -= len(cl.rows)
	}
	if n != 0 {
		return errors.New("stateless permits transitions the table does not list")
	}
	return nil
}

// fireMachine fires action through the stateless machine: the slow path, used to build the
// index and by the tests that prove the index agrees with it. With probe set, named guards
// are not called. It returns the next state and the row taken.
func (d *Definition[S, T, R, C]) fireMachine(state S, action T, role R, c C, probe bool) (next S, row int32, err error) {
	if _, ok := d.stateIdx[state]; !ok {
		// Never hand stateless an unknown state: it would add it to its configuration.
		return state, -1, d.refuse(state, action, role, ReasonIllegal, -1, ErrUnknownState)
	}
	cl := &call[S, T, R, C]{def: d, state: state, role: role, c: c, probe: probe, matched: -1}
	ctx := context.WithValue(context.Background(), callKey{}, cl)
	defer func() {
		if v := recover(); v != nil {
			next, row, err = state, -1, d.refuse(state, action, role, ReasonInternal, -1, panicError(v))
		}
	}()
	if err := d.machine.FireCtx(ctx, action); err != nil {
		if te, ok := err.(*TransitionError); ok { // from unhandled
			te.Action = string(action)
			return state, -1, te
		}
		return state, -1, d.refuse(state, action, role, ReasonInternal, -1, err)
	}
	if !cl.moved {
		return state, -1, d.refuse(state, action, role, ReasonInternal, -1, errors.New("stateless made no transition"))
	}
	return cl.next, cl.matched, nil
}

// permittedMachine asks the stateless machine which actions role may take in state,
// guards evaluated, sorted: the slow counterpart of Permitted, for the agreement tests.
func (d *Definition[S, T, R, C]) permittedMachine(state S, role R, c C) (out []T, err error) {
	if _, ok := d.stateIdx[state]; !ok {
		return nil, nil
	}
	defer func() {
		if v := recover(); v != nil {
			out, err = nil, panicError(v)
		}
	}()
	cl := &call[S, T, R, C]{def: d, state: state, role: role, c: c, matched: -1}
	triggers, err := d.machine.PermittedTriggersCtx(context.WithValue(context.Background(), callKey{}, cl))
	if err != nil {
		return nil, err
	}
	for _, t := range triggers {
		a, ok := t.(T)
		if !ok {
			return nil, fmt.Errorf("trigger of type %T", t)
		}
		out = append(out, a)
	}
	slices.Sort(out)
	return out, nil
}
