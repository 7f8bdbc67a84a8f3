package milp_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/require"

	"github.com/civic-observatory/civic/internal/milp"
)

// binary builds a 0-1 program over n variables with the rows given.
func binary(c []float64, rows [][]float64, b []float64) *milp.Problem {
	n, m := len(c), len(rows)
	p := &milp.Problem{N: n, M: m, C: c, A: make([]float64, 0, m*n), B: b,
		Lo: make([]float64, n), Hi: make([]float64, n), Integer: make([]bool, n)}
	for _, r := range rows {
		p.A = append(p.A, r...)
	}
	for j := range n {
		p.Hi[j] = 1
		p.Integer[j] = true
	}
	return p
}

func TestSolve(t *testing.T) {
	tests := []struct {
		name     string
		p        *milp.Problem
		feasible bool
		x        []float64
		obj      float64
	}{
		{
			name: "knapsack",
			// 5a + 4b + 3c, weights 4, 3, 2, capacity 5: b and c.
			p:        binary([]float64{5, 4, 3}, [][]float64{{4, 3, 2}}, []float64{5}),
			feasible: true, x: []float64{0, 1, 1}, obj: 7,
		},
		{
			name:     "unconstrained",
			p:        binary([]float64{1, -1, 2}, nil, nil),
			feasible: true, x: []float64{1, 0, 1}, obj: 3,
		},
		{
			name: "infeasible",
			// a + b ≥ 3 with binary a, b.
			p:        binary([]float64{1, 1}, [][]float64{{-1, -1}}, []float64{-3}),
			feasible: false,
		},
		{
			name: "minimum quota",
			// at least one of a, b, c chosen although each costs.
			p:        binary([]float64{-3, -1, -2}, [][]float64{{-1, -1, -1}}, []float64{-1}),
			feasible: true, x: []float64{0, 1, 0}, obj: -1,
		},
		{
			name: "continuous",
			// maximise x + y, x + 2y ≤ 4, 3x + y ≤ 6, 0 ≤ x, y ≤ 10: x = 1.6, y = 1.2.
			p: &milp.Problem{N: 2, M: 2, C: []float64{1, 1}, A: []float64{1, 2, 3, 1}, B: []float64{4, 6},
				Lo: []float64{0, 0}, Hi: []float64{10, 10}, Integer: []bool{false, false}},
			feasible: true, x: []float64{1.6, 1.2}, obj: 2.8,
		},
		{
			name: "general integers",
			// same with integer x, y: (2, 0) or (1, 1) or (0, 2) give 2; the up branch first.
			p: &milp.Problem{N: 2, M: 2, C: []float64{1, 1}, A: []float64{1, 2, 3, 1}, B: []float64{4, 6},
				Lo: []float64{0, 0}, Hi: []float64{10, 10}, Integer: []bool{true, true}, Integral: true},
			feasible: true, obj: 2,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := tt.p.Solve()
			require.NoError(t, err)
			require.Equal(t, tt.feasible, res.Feasible)
			require.False(t, res.Limit)
			require.Positive(t, res.Nodes)
			if !tt.feasible {
				return
			}
			require.InDelta(t, tt.obj, res.Obj, 1e-9)
			if tt.x != nil {
				if d := cmp.Diff(tt.x, res.X, cmpopts.EquateApprox(0, 1e-9)); d != "" {
					t.Errorf("x (-want +got):\n%s", d)
				}
			}
		})
	}
}

// TestSolveAgainstBruteForce compares random 0-1 programs with the optimum found by
// enumerating every assignment.
func TestSolveAgainstBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for k := range 200 {
		n, m := 1+rng.IntN(10), rng.IntN(4)
		c := make([]float64, n)
		for j := range c {
			c[j] = float64(rng.IntN(21) - 5)
		}
		rows := make([][]float64, m)
		b := make([]float64, m)
		for i := range rows {
			rows[i] = make([]float64, n)
			for j := range rows[i] {
				rows[i][j] = float64(rng.IntN(9) - 3)
			}
			b[i] = float64(rng.IntN(10) - 2)
		}
		p := binary(c, rows, b)
		p.Integral = true
		res, err := p.Solve()
		require.NoError(t, err)
		best, feasible := math.Inf(-1), false
		for mask := range 1 << n {
			ok := true
			for i := range m {
				var lhs float64
				for j := range n {
					if mask&(1<<j) != 0 {
						lhs += rows[i][j]
					}
				}
				ok = ok && lhs <= b[i]
			}
			if !ok {
				continue
			}
			feasible = true
			var z float64
			for j := range n {
				if mask&(1<<j) != 0 {
					z += c[j]
				}
			}
			best = max(best, z)
		}
		require.Equal(t, feasible, res.Feasible, "instance %d", k)
		if feasible {
			require.InDelta(t, best, res.Obj, 1e-9, "instance %d", k)
		}
	}
}

func TestSolveNodeLimit(t *testing.T) {
	// A knapsack with equal ratios needs many nodes; one node cannot prove anything.
	n := 12
	c := make([]float64, n)
	w := make([]float64, n)
	for j := range n {
		c[j], w[j] = float64(2*j+3), float64(2*j+3)
	}
	p := binary(c, [][]float64{w}, []float64{50.5})
	p.MaxNodes = 1
	res, err := p.Solve()
	require.NoError(t, err)
	require.True(t, res.Limit)
	require.Equal(t, 1, res.Nodes)
}

func BenchmarkSolveKnapsack(b *testing.B) {
	rng := rand.New(rand.NewPCG(3, 4))
	n := 60
	c := make([]float64, n)
	w := make([]float64, n)
	for j := range n {
		c[j], w[j] = float64(10+rng.IntN(90)), float64(10+rng.IntN(90))
	}
	for b.Loop() {
		p := binary(c, [][]float64{w}, []float64{1000})
		p.Integral = true
		if _, err := p.Solve(); err != nil {
			b.Fatal(err)
		}
	}
}
