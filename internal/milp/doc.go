// Package milp is a small exact solver for mixed-integer linear programs
//
//	maximise c·x  subject to  A x ≤ b,  lo ≤ x ≤ hi,  x_j integer where Integer[j],
//
// with few rows and many columns, as the selection of proposals under quotas needs
// (contribution.Select). It is a branch and bound over a bounded-variable dual simplex on a
// dense tableau: each node changes one bound of its parent's optimal basis, which stays
// dual feasible, so a few dual pivots re-optimise it. Bounds must be finite for the
// variables with a positive objective coefficient.
//
// The search is deterministic: among optimal solutions, the first found in depth-first
// order (up branch first) is kept, so callers can break ties through the objective.
//
// It is machinery, not API: the domain packages build a [Problem] and read its [Result].
// Independent checks against GLPK's glpsol live in contribution's tests and bench/glpk.
package milp
