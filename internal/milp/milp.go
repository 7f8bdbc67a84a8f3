package milp

import (
	"errors"
	"math"
)

// Problem is a mixed-integer linear program in the form of the package documentation;
// A is dense, row-major (M rows of N columns).
type Problem struct {
	N, M    int
	C       []float64
	A       []float64 // M×N
	B       []float64
	Lo, Hi  []float64
	Integer []bool
	// Integral tells that c·x is an integer for every integer-feasible x, so that a node
	// whose bound does not exceed the incumbent by 1 can be pruned.
	Integral bool
	// MaxNodes bounds the branch and bound; zero means 2 000 000.
	MaxNodes int
}

// lpState is a simplex tableau over the n structural and m slack columns. Minimisation of
// cost = -c.
type lpState struct {
	n, m, w int       // w = n+m columns
	t       []float64 // m×w tableau B⁻¹[A I]
	beta    []float64 // values of the basic variables
	basis   []int     // basic column of each row
	upper   []bool    // nonbasic column at its upper bound (else lower)
	d       []float64 // reduced costs, w
	lo, hi  []float64 // bounds, w (slacks: [0, +inf))
	cost    []float64 // w
}

const (
	feasTol  = 1e-9
	pivotTol = 1e-9
	intTol   = 1e-6
)

// ErrIterationLimit reports a simplex that did not converge: an internal failure, not an
// answer about the problem.
var ErrIterationLimit = errors.New("milp: iteration limit")

func newLP(p *Problem) *lpState {
	n, m := p.N, p.M
	w := n + m
	s := &lpState{n: n, m: m, w: w, t: make([]float64, m*w), beta: make([]float64, m), basis: make([]int, m),
		upper: make([]bool, w), d: make([]float64, w), lo: make([]float64, w), hi: make([]float64, w), cost: make([]float64, w)}
	copy(s.lo, p.Lo)
	copy(s.hi, p.Hi)
	for i := range m {
		s.lo[n+i], s.hi[n+i] = 0, math.Inf(1)
	}
	for j := range n {
		s.cost[j] = -p.C[j]
		s.d[j] = s.cost[j]
		// Dual feasible start: a variable with a negative cost sits at its upper bound.
		s.upper[j] = s.cost[j] < 0
	}
	for i := range m {
		row := s.t[i*w : (i+1)*w]
		copy(row, p.A[i*n:(i+1)*n])
		row[n+i] = 1
		s.basis[i] = n + i
		v := p.B[i]
		for j := range n {
			v -= p.A[i*n+j] * s.value(j)
		}
		s.beta[i] = v
	}
	return s
}

func (s *lpState) value(j int) float64 {
	if s.upper[j] {
		return s.hi[j]
	}
	return s.lo[j]
}

func (s *lpState) clone() *lpState {
	c := *s
	c.t = append([]float64(nil), s.t...)
	c.beta = append([]float64(nil), s.beta...)
	c.basis = append([]int(nil), s.basis...)
	c.upper = append([]bool(nil), s.upper...)
	c.d = append([]float64(nil), s.d...)
	c.lo = append([]float64(nil), s.lo...)
	c.hi = append([]float64(nil), s.hi...)
	return &c
}

// dual runs the dual simplex until the basis is primal feasible (true) or the problem is
// shown infeasible (false).
func (s *lpState) dual() (bool, error) {
	w := s.w
	limit := 50 * (s.m + s.w)
	for range limit {
		// Leaving row: the largest bound violation.
		r, worst, below := -1, feasTol, false
		for i, v := range s.beta {
			k := s.basis[i]
			tol := feasTol * (1 + math.Abs(v))
			if v < s.lo[k]-tol && s.lo[k]-v > worst {
				r, worst, below = i, s.lo[k]-v, true
			} else if v > s.hi[k]+tol && v-s.hi[k] > worst {
				r, worst, below = i, v-s.hi[k], false
			}
		}
		if r < 0 {
			return true, nil
		}
		row := s.t[r*w : (r+1)*w]
		// Entering column: the dual ratio test.
		q, best, bestA := -1, math.Inf(1), 0.0
		for j := range w {
			a := row[j]
			if math.Abs(a) < pivotTol || s.lo[j] == s.hi[j] || s.isBasic(j, r) {
				continue
			}
			var ok bool
			if below {
				ok = !s.upper[j] && a < 0 || s.upper[j] && a > 0
			} else {
				ok = !s.upper[j] && a > 0 || s.upper[j] && a < 0
			}
			if !ok {
				continue
			}
			ratio := math.Abs(s.d[j]) / math.Abs(a)
			if ratio < best-1e-12 || ratio <= best+1e-12 && math.Abs(a) > math.Abs(bestA) {
				q, best, bestA = j, ratio, a
			}
		}
		if q < 0 {
			return false, nil
		}
		k := s.basis[r]
		target := s.hi[k]
		if below {
			target = s.lo[k]
		}
		delta := (s.beta[r] - target) / row[q]
		for i := range s.m {
			if i != r {
				s.beta[i] -= s.t[i*w+q] * delta
			}
		}
		s.beta[r] = s.value(q) + delta
		s.upper[k] = !below
		s.pivot(r, q)
	}
	return false, ErrIterationLimit
}

// isBasic reports whether column j is basic. Basic columns have a zero reduced cost and a
// unit column; the entering test only needs to skip them, which the zero entries of the
// other rows already do except for row r itself, whose basic column is k.
func (s *lpState) isBasic(j, r int) bool { return s.basis[r] == j }

func (s *lpState) pivot(r, q int) {
	w := s.w
	row := s.t[r*w : (r+1)*w]
	inv := 1 / row[q]
	for j := range row {
		row[j] *= inv
	}
	row[q] = 1
	for i := range s.m {
		if i == r {
			continue
		}
		ri := s.t[i*w : (i+1)*w]
		f := ri[q]
		if f == 0 {
			continue
		}
		for j, v := range row {
			if v != 0 {
				ri[j] -= f * v
			}
		}
		ri[q] = 0
	}
	if f := s.d[q]; f != 0 {
		for j, v := range row {
			if v != 0 {
				s.d[j] -= f * v
			}
		}
		s.d[q] = 0
	}
	s.basis[r] = q
}

// solution returns the structural values and the objective (maximised).
func (s *lpState) solution(x []float64) float64 {
	for j := range s.n {
		x[j] = s.value(j)
	}
	for i, k := range s.basis {
		if k < s.n {
			x[k] = s.beta[i]
		}
	}
	var z float64
	for j := range s.n {
		z -= s.cost[j] * x[j]
	}
	return z
}

// Result is the outcome of [Problem.Solve].
type Result struct {
	Feasible bool      // an integer-feasible solution was found
	X        []float64 // the best solution found, integer variables rounded
	Obj      float64   // c·X
	Nodes    int       // nodes explored
	Limit    bool      // the node limit stopped the search: X is the best found, not proven optimal
}

// Solve runs the branch and bound. Among optimal solutions, the first found in its
// deterministic depth-first order (up branch first) is kept.
func (p *Problem) Solve() (Result, error) {
	res := Result{Obj: math.Inf(-1)}
	maxNodes := p.MaxNodes
	if maxNodes <= 0 {
		maxNodes = 2_000_000
	}
	root := newLP(p)
	stack := []*lpState{root}
	x := make([]float64, p.N)
	for len(stack) > 0 {
		if res.Nodes >= maxNodes {
			res.Limit = true
			break
		}
		s := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		res.Nodes++
		ok, err := s.dual()
		if err != nil {
			return res, err
		}
		if !ok {
			continue
		}
		z := s.solution(x)
		if res.Feasible && !p.better(z, res.Obj) {
			continue
		}
		// Branch on the fractional integer variable whose value is closest to one half,
		// the lowest index on ties.
		bj, bf := -1, 0.0
		for j := range p.N {
			if !p.Integer[j] {
				continue
			}
			f := x[j] - math.Floor(x[j])
			if f > intTol && f < 1-intTol {
				if g := 0.5 - math.Abs(f-0.5); g > bf+1e-12 {
					bj, bf = j, g
				}
			}
		}
		if bj < 0 {
			res.Feasible = true
			res.Obj = z
			res.X = make([]float64, p.N)
			for j := range p.N {
				if p.Integer[j] {
					res.X[j] = math.Round(x[j])
				} else {
					res.X[j] = x[j]
				}
			}
			continue
		}
		down := s.clone()
		down.hi[bj] = math.Floor(x[bj])
		up := s
		up.lo[bj] = math.Ceil(x[bj])
		stack = append(stack, down, up) // up is explored first
	}
	if res.Feasible {
		// The objective of the rounded solution, computed exactly from it.
		var z float64
		for j := range p.N {
			z += p.C[j] * res.X[j]
		}
		res.Obj = z
	}
	return res, nil
}

// better reports whether a node with bound z may hold a solution better than the incumbent.
func (p *Problem) better(z, incumbent float64) bool {
	tol := 1e-9 * (1 + math.Abs(incumbent))
	if p.Integral {
		return z >= incumbent+1-tol
	}
	return z > incumbent+tol
}
