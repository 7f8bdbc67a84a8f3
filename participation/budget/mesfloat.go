package budget

import (
	"math"
	"slices"
)

// mesFloat runs MES with a total budget in floating point, for the Add1 completion's
// search. It returns the selected projects and whether every decision it took was clear
// by a margin far above rounding errors (a relative 1e-9): when safe is true, the exact run
// selects the same projects; when false, the caller runs the exact version.
func mesFloat(in *mesInput, total Money) (sel []int, cost Money, safe bool) {
	const tol = 1e-9
	e := in.e
	n := e.NumVoters
	cls := make([]int32, n)
	budget := []float64{float64(total) / float64(max(n, 1))}
	type cand struct {
		p     int
		bound float64
	}
	var cands []cand
	for p := range e.Projects {
		if !e.Projects[p].Withdrawn && len(in.ap[p]) > 0 {
			cands = append(cands, cand{p: p})
		}
	}
	type grp struct {
		b float64
		u float64
		n float64
	}
	scratch := map[[2]int64]int{}
	var gs []grp
	var cnt []float64 // per class, for projects whose approvers share one utility
	var touched []int32
	collect := func(p int) []grp {
		gs = gs[:0]
		if in.ut == nil {
			if len(cnt) < len(budget) {
				cnt = append(cnt, make([]float64, len(budget)-len(cnt))...)
			}
			touched = touched[:0]
			for _, v := range in.ap[p] {
				c := cls[v]
				if cnt[c] == 0 {
					touched = append(touched, c)
				}
				cnt[c]++
			}
			u := float64(in.uni[p])
			for _, c := range touched {
				if budget[c] > 0 && u > 0 {
					gs = append(gs, grp{b: budget[c], u: u, n: cnt[c]})
				}
				cnt[c] = 0
			}
			return gs
		}
		clear(scratch)
		for k, v := range in.ap[p] {
			c := cls[v]
			if budget[c] == 0 {
				continue
			}
			u := in.util(p, k)
			if u <= 0 {
				continue
			}
			key := [2]int64{int64(c), u}
			if g, ok := scratch[key]; ok {
				gs[g].n++
				continue
			}
			scratch[key] = len(gs)
			gs = append(gs, grp{b: budget[c], u: float64(u), n: 1})
		}
		return gs
	}
	safe = true
	rhoOf := func(p int, gs []grp) float64 {
		slices.SortFunc(gs, func(a, b grp) int {
			x, y := a.b/a.u, b.b/b.u
			switch {
			case x < y:
				return -1
			case x > y:
				return 1
			}
			return 0
		})
		var U, money float64
		for _, g := range gs {
			U += g.u * g.n
			money += g.b * g.n
		}
		c := float64(in.cost[p])
		if math.Abs(money-c) <= tol*c {
			safe = false
		}
		if money < c {
			return math.Inf(1)
		}
		paid := 0.0
		for _, g := range gs {
			rho := (c - paid) / U
			if rho*g.u > g.b {
				paid += g.b * g.n
				U -= g.u * g.n
				if U <= 0 {
					return math.Inf(1)
				}
				continue
			}
			return rho
		}
		return math.Inf(1)
	}
	for len(cands) > 0 && safe {
		slices.SortStableFunc(cands, func(a, b cand) int {
			switch {
			case a.bound < b.bound:
				return -1
			case a.bound > b.bound:
				return 1
			}
			return 0
		})
		best, second := math.Inf(1), math.Inf(1)
		bestK := -1
		for k := range cands {
			c := &cands[k]
			if c.bound > best*(1+tol) {
				break
			}
			rho := rhoOf(c.p, collect(c.p))
			c.bound = rho
			switch {
			case rho < best:
				best, second, bestK = rho, best, k
			case rho < second:
				second = rho
			}
		}
		if bestK < 0 || math.IsInf(best, 1) {
			break
		}
		if second <= best*(1+tol) {
			safe = false
			break
		}
		p := cands[bestK].p
		newClass := map[[2]int64]int32{}
		for k, v := range in.ap[p] {
			c := cls[v]
			if budget[c] == 0 {
				continue
			}
			u := in.util(p, k)
			if u <= 0 {
				continue
			}
			key := [2]int64{int64(c), u}
			nc, ok := newClass[key]
			if !ok {
				due := best * float64(u)
				if math.Abs(due-budget[c]) <= tol*budget[c] {
					safe = false
				}
				nb := budget[c] - due
				if nb < 0 {
					nb = 0
				}
				nc = int32(len(budget))
				budget = append(budget, nb)
				newClass[key] = nc
			}
			cls[v] = nc
		}
		sel = append(sel, p)
		cost += in.cost[p]
		cands = slices.Delete(cands, bestK, bestK+1)
		// Drop the unaffordable.
		keep := cands[:0]
		for _, c := range cands {
			if !math.IsInf(c.bound, 1) {
				keep = append(keep, c)
			}
		}
		cands = keep
	}
	return sel, cost, safe
}
