package fsm

import (
	"errors"
	"slices"
	"testing"
)

// FuzzFire fires random sequences of actions, roles and guard contexts, including unknown
// actions and roles, and checks that nothing panics, that the state always stays within
// States(), that a refused action leaves the state unchanged with exactly one reason, and
// that the index agrees with the stateless machine at every step.
//
// data[0] picks the start state; each following pair of bytes picks an action and a role
// (high bits) and a guard context (low two bits).
func FuzzFire(f *testing.F) {
	d := mustReview(f)
	states := d.States()
	actions := append(d.Actions(), "fly")
	roles := append(d.Roles(), "", "stranger")
	ctxs := []review{ok, lacking, volatile, {complete: true}}
	// Seeds: each row of the table taken by its first role, then a full happy path.
	for _, tr := range reviewTable {
		seed := []byte{byte(slices.Index(states, tr.From)), byte(slices.Index(actions, tr.Action))}
		if len(tr.Roles) > 0 {
			seed = append(seed, byte(slices.Index(roles, tr.Roles[0]))<<2)
		} else {
			seed = append(seed, byte(len(roles)-1)<<2)
		}
		f.Add(seed)
	}
	f.Add([]byte{0, 0, 0, 2, 2 << 2, 4, 2 << 2, 6, 1 << 2}) // submit, start_review, accept, publish
	sentinels := []error{ErrIllegal, ErrForbidden, ErrGuard, ErrInternal}

	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) == 0 {
			return
		}
		s := states[int(data[0])%len(states)]
		for i := 1; i+1 < len(data); i += 2 {
			a := actions[int(data[i])%len(actions)]
			r := roles[int(data[i+1]>>2)%len(roles)]
			c := ctxs[int(data[i+1]&3)]
			next, err := d.Fire(s, a, r, c)
			slowNext, _, slowErr := d.fireMachine(s, a, r, c, false)
			if next != slowNext || !sameError(err, slowErr) {
				t.Fatalf("Fire(%s, %s, %s, %+v) = %q, %v; stateless says %q, %v", s, a, r, c, next, err, slowNext, slowErr)
			}
			if err != nil {
				if next != s {
					t.Fatalf("refused Fire moved %q to %q", s, next)
				}
				var te *TransitionError
				if !errors.As(err, &te) {
					t.Fatalf("error %v is not a *TransitionError", err)
				}
				matches := 0
				for _, sentinel := range sentinels {
					if errors.Is(err, sentinel) {
						matches++
					}
				}
				if matches != 1 {
					t.Fatalf("error %v matches %d sentinels", err, matches)
				}
				continue
			}
			if !slices.Contains(states, next) {
				t.Fatalf("Fire(%s, %s, %s) = %q, outside States()", s, a, r, next)
			}
			if !slices.Contains(d.Permitted(s, r, c), a) {
				t.Fatalf("Fire(%s, %s, %s) succeeded but Permitted does not list it", s, a, r)
			}
			s = next
		}
	})
}
