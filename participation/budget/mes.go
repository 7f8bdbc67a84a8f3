package budget

import (
	"math"
	"math/big"
	"slices"
)

// MESOptions choose the variant of the Method of Equal Shares.
type MESOptions struct {
	// Cardinality, for approval ballots, gives each voter a utility of 1 per approved
	// project instead of its cost (cost utilities are equalshares.net's default and what
	// Wieliczka, Świecie and Assen used).
	Cardinality bool
	// Add1 runs the Add1 completion: while the outcome leaves room for another project,
	// give every voter one more unit of currency and run again, keeping the last outcome
	// within the real budget.
	Add1 bool
	// Utilitarian completes the outcome greedily (by votes, then as [Greedy] orders them)
	// with the projects that still fit.
	Utilitarian bool
	// Comparison compares the outcome with greedy's, voter by voter (the number of
	// approved projects each funds), and returns greedy's when more voters prefer it.
	Comparison bool
}

// mesState is the voters' money during one run: voters with the same history of payments
// have the same budget, so budgets are kept per class of voters.
type mesState struct {
	cls    []int32   // class of each voter
	budget []big.Rat // exact budget of each class, in minor units
	approx []float64 // the same, approximately, to rank candidates quickly
}

// mesInput is what every run shares: approvers and utilities per project.
type mesInput struct {
	e    *Election
	ap   [][]int32 // approvers of each project
	ut   [][]int64 // their utilities, nil when every approver has the same one (uniform)
	uni  []int64   // the uniform utility of each project
	cost []Money
}

func newMESInput(e *Election, cardinality bool) *mesInput {
	in := &mesInput{e: e, ap: e.Approvers(), uni: make([]int64, len(e.Projects)), cost: make([]Money, len(e.Projects))}
	for p := range e.Projects {
		in.cost[p] = e.Projects[p].Cost
		switch {
		case e.VoteType == Approval || e.VoteType == Choose1:
			if cardinality {
				in.uni[p] = 1
			} else {
				in.uni[p] = int64(in.cost[p])
			}
		}
	}
	if e.VoteType == Approval || e.VoteType == Choose1 {
		return in
	}
	in.ut = make([][]int64, len(e.Projects))
	for p := range in.ut {
		in.ut[p] = make([]int64, 0, len(in.ap[p]))
	}
	for i := 0; i < e.NumVoters; i++ {
		b := e.Ballot(i)
		for k, p := range b.Projects {
			in.ut[p] = append(in.ut[p], e.points(b, k))
		}
	}
	return in
}

func (in *mesInput) util(p, k int) int64 {
	if in.ut == nil {
		return in.uni[p]
	}
	return in.ut[p][k]
}

// group is voters of one class with one utility for the project being evaluated.
type group struct {
	class int32
	util  int64
	n     int64
}

// evalResult is a project's evaluation: its rho (payment per unit of utility), or
// unaffordable.
type evalResult struct {
	rho          float64
	exact        *big.Rat
	unaffordable bool
	money        *big.Rat // money its supporters have (exact, set when unaffordable)
}

// mesRun is one fixed-budget run.
type mesRun struct {
	in      *mesInput
	st      mesState
	scratch map[[2]int64]int // (class, util) -> index in groups
	groups  []group
}

func (r *mesRun) collect(p int) []group {
	r.groups = r.groups[:0]
	clear(r.scratch)
	for k, v := range r.in.ap[p] {
		c := r.st.cls[v]
		if r.st.approx[c] == 0 && r.st.budget[c].Sign() == 0 {
			continue
		}
		u := r.in.util(p, k)
		if u <= 0 {
			continue
		}
		key := [2]int64{int64(c), u}
		if g, ok := r.scratch[key]; ok {
			r.groups[g].n++
			continue
		}
		r.scratch[key] = len(r.groups)
		r.groups = append(r.groups, group{class: c, util: u, n: 1})
	}
	return r.groups
}

// approxRho computes rho in floating point: the smallest rho with
// Σ min(b_g, rho·u_g)·n_g = cost. It returns +Inf when the supporters cannot afford it.
func (r *mesRun) approxRho(p int, gs []group) float64 {
	slices.SortFunc(gs, func(a, b group) int {
		x, y := r.st.approx[a.class]/float64(a.util), r.st.approx[b.class]/float64(b.util)
		switch {
		case x < y:
			return -1
		case x > y:
			return 1
		}
		return 0
	})
	var U float64
	var money float64
	for _, g := range gs {
		U += float64(g.util) * float64(g.n)
		money += r.st.approx[g.class] * float64(g.n)
	}
	cost := float64(r.in.cost[p])
	if money < cost*(1-1e-9) {
		return math.Inf(1)
	}
	paid := 0.0
	for _, g := range gs {
		rho := (cost - paid) / U
		if rho*float64(g.util) > r.st.approx[g.class] {
			paid += r.st.approx[g.class] * float64(g.n)
			U -= float64(g.util) * float64(g.n)
			if U <= 0 {
				return rho // nearly unaffordable: let the exact evaluation decide
			}
			continue
		}
		return rho
	}
	return math.Inf(1)
}

// exactRho computes rho exactly, or reports the project unaffordable with the money its
// supporters have.
func (r *mesRun) exactRho(p int, gs []group) evalResult {
	ratio := func(g group) *big.Rat {
		return new(big.Rat).Quo(&r.st.budget[g.class], new(big.Rat).SetInt64(g.util))
	}
	ratios := make([]*big.Rat, len(gs))
	idx := make([]int, len(gs))
	for k, g := range gs {
		ratios[k] = ratio(g)
		idx[k] = k
	}
	slices.SortFunc(idx, func(a, b int) int { return ratios[a].Cmp(ratios[b]) })
	U := new(big.Int)
	money := new(big.Rat)
	for _, g := range gs {
		U.Add(U, new(big.Int).Mul(big.NewInt(g.util), big.NewInt(g.n)))
		money.Add(money, new(big.Rat).Mul(&r.st.budget[g.class], new(big.Rat).SetInt64(g.n)))
	}
	cost := new(big.Rat).SetInt64(int64(r.in.cost[p]))
	if money.Cmp(cost) < 0 {
		return evalResult{unaffordable: true, rho: math.Inf(1), money: money}
	}
	paid := new(big.Rat)
	for _, k := range idx {
		g := gs[k]
		rho := new(big.Rat).Sub(cost, paid)
		rho.Quo(rho, new(big.Rat).SetInt(U))
		// rho·u > b: this group pays all it has.
		if new(big.Rat).Mul(rho, new(big.Rat).SetInt64(g.util)).Cmp(&r.st.budget[g.class]) > 0 {
			paid.Add(paid, new(big.Rat).Mul(&r.st.budget[g.class], new(big.Rat).SetInt64(g.n)))
			U.Sub(U, new(big.Int).Mul(big.NewInt(g.util), big.NewInt(g.n)))
			continue
		}
		f, _ := rho.Float64()
		return evalResult{rho: f, exact: rho}
	}
	return evalResult{unaffordable: true, rho: math.Inf(1), money: money}
}

// mesFixed runs MES with a total budget of total minor units shared equally by the voters.
// It returns the outcome and whether every voter's payment stayed within their share.
func mesFixed(in *mesInput, total Money, explain bool) *Outcome {
	o, _ := mesFixedRun(in, total, explain)
	return o
}

// mesFixedState runs MES exactly and returns the voters' money at the end, for tests.
func mesFixedState(in *mesInput, total Money) (*Outcome, *mesState) {
	return mesFixedRun(in, total, true)
}

func mesFixedRun(in *mesInput, total Money, explain bool) (*Outcome, *mesState) {
	e := in.e
	o := &Outcome{Reasons: make([]*Reason, len(e.Projects))}
	n := e.NumVoters
	r := &mesRun{in: in, scratch: map[[2]int64]int{}}
	r.st.cls = make([]int32, n)
	r.st.budget = make([]big.Rat, 1, 64)
	r.st.budget[0].SetFrac64(int64(total), int64(max(n, 1)))
	f, _ := r.st.budget[0].Float64()
	r.st.approx = []float64{f}
	// Candidates with their last known rho (a lower bound: budgets only shrink).
	type cand struct {
		p     int
		bound float64
	}
	var cands []cand
	for p := range e.Projects {
		switch {
		case e.Projects[p].Withdrawn:
			o.Reasons[p] = &Reason{Code: ReasonWithdrawn}
		case len(in.ap[p]) == 0:
			o.Reasons[p] = &Reason{Code: ReasonNoVotes}
		default:
			cands = append(cands, cand{p: p})
		}
	}
	remaining := e.Budget
	for len(cands) > 0 {
		slices.SortStableFunc(cands, func(a, b cand) int {
			switch {
			case a.bound < b.bound:
				return -1
			case a.bound > b.bound:
				return 1
			}
			return 0
		})
		best := math.Inf(1)
		var near []int // candidate positions within tolerance of the best, evaluated exactly later
		for k := range cands {
			c := &cands[k]
			if c.bound > best*(1+1e-9) {
				break
			}
			gs := r.collect(c.p)
			rho := r.approxRho(c.p, gs)
			c.bound = rho
			if rho < best {
				best = rho
			}
		}
		// Exact evaluation of every candidate near the best, and of those the floats call
		// unaffordable or nearly so.
		var bestP = -1
		var bestRho *big.Rat
		keep := cands[:0]
		for k := range cands {
			c := cands[k]
			if c.bound <= best*(1+1e-9) || math.IsInf(c.bound, 1) {
				res := r.exactRho(c.p, r.collect(c.p))
				if res.unaffordable {
					o.Reasons[c.p] = &Reason{Code: ReasonUnaffordable, Args: []any{res.money, in.cost[c.p]}}
					continue
				}
				c.bound = res.rho
				if bestP < 0 || res.exact.Cmp(bestRho) < 0 || res.exact.Cmp(bestRho) == 0 && tieBefore(e, c.p, bestP) {
					bestP, bestRho = c.p, res.exact
				}
			}
			keep = append(keep, c)
		}
		cands = keep
		_ = near
		if bestP < 0 {
			if len(cands) == 0 {
				break
			}
			// Every remaining candidate was above the tolerance of a best that turned out
			// unaffordable: evaluate again.
			for k := range cands {
				cands[k].bound = 0
			}
			continue
		}
		p := bestP
		r.fund(o, p, bestRho, explain, &remaining)
		keep = cands[:0]
		for _, c := range cands {
			if c.p != p {
				keep = append(keep, c)
			}
		}
		cands = keep
	}
	// Report what the supporters of the projects left out had at the end of the run, as
	// the replay does (mesExplained).
	for p, reason := range o.Reasons {
		if reason != nil && reason.Code == ReasonUnaffordable {
			if res := r.exactRho(p, r.collect(p)); res.unaffordable {
				reason.Args[0] = res.money
			}
		}
	}
	return o, &r.st
}

// fund makes project p's supporters pay for it at rate rho: each pays min(budget, rho·u).
func (r *mesRun) fund(o *Outcome, p int, bestRho *big.Rat, explain bool, remaining *Money) {
	in, e := r.in, r.in.e
	type move struct {
		nc     int32
		due    *big.Rat
		whole  bool
		voters int
	}
	moves := map[[2]int64]*move{}
	var order [][2]int64
	for k, v := range in.ap[p] {
		c := r.st.cls[v]
		if r.st.budget[c].Sign() == 0 {
			continue
		}
		u := in.util(p, k)
		if u <= 0 {
			continue
		}
		key := [2]int64{int64(c), u}
		m, ok := moves[key]
		if !ok {
			due := new(big.Rat).Mul(bestRho, new(big.Rat).SetInt64(u))
			whole := due.Cmp(&r.st.budget[c]) >= 0
			if whole {
				due.Set(&r.st.budget[c])
			}
			var nb big.Rat
			nb.Sub(&r.st.budget[c], due)
			m = &move{nc: int32(len(r.st.budget)), due: due, whole: whole}
			r.st.budget = append(r.st.budget, nb)
			fv, _ := nb.Float64()
			r.st.approx = append(r.st.approx, fv)
			moves[key] = m
			order = append(order, key)
		}
		r.st.cls[v] = m.nc
		m.voters++
	}
	var maxPay *big.Rat
	type payKey struct {
		amount string
		whole  bool
	}
	pays := map[payKey]*Payment{}
	var payOrder []payKey
	for _, key := range order {
		m := moves[key]
		if maxPay == nil || m.due.Cmp(maxPay) > 0 {
			maxPay = m.due
		}
		if explain {
			pk := payKey{m.due.RatString(), m.whole}
			if pays[pk] == nil {
				pays[pk] = &Payment{Amount: m.due, Whole: m.whole}
				payOrder = append(payOrder, pk)
			}
			pays[pk].Voters += m.voters
		}
	}
	*remaining -= in.cost[p]
	st := Step{Project: p, Phase: "main", Votes: e.Votes[p], Score: e.Score[p], Remaining: *remaining, MaxPayment: maxPay}
	if maxPay != nil && maxPay.Sign() > 0 {
		st.EffectiveVotes = new(big.Rat).Quo(new(big.Rat).SetInt64(int64(in.cost[p])), maxPay)
	}
	if explain {
		for _, pk := range payOrder {
			st.Payments = append(st.Payments, *pays[pk])
		}
		slices.SortStableFunc(st.Payments, func(a, b Payment) int { return b.Amount.Cmp(a.Amount) })
	}
	o.Steps = append(o.Steps, st)
	o.Selected = append(o.Selected, p)
	o.Cost += in.cost[p]
}

// mesExplained runs MES with a total budget and explains every round exactly. When the
// floating-point run took every decision by a clear margin, its sequence of projects is the
// exact one, and only the chosen projects are evaluated exactly (a replay); otherwise the
// whole run is exact.
func mesExplained(in *mesInput, total Money) *Outcome {
	sel, _, safe := mesFloat(in, total)
	if !safe {
		return mesFixed(in, total, true)
	}
	e := in.e
	o := &Outcome{Reasons: make([]*Reason, len(e.Projects))}
	r := &mesRun{in: in, scratch: map[[2]int64]int{}}
	r.st.cls = make([]int32, e.NumVoters)
	r.st.budget = make([]big.Rat, 1, 64)
	r.st.budget[0].SetFrac64(int64(total), int64(max(e.NumVoters, 1)))
	f, _ := r.st.budget[0].Float64()
	r.st.approx = []float64{f}
	remaining := e.Budget
	for _, p := range sel {
		res := r.exactRho(p, r.collect(p))
		if res.unaffordable {
			return mesFixed(in, total, true) // cannot happen when the float run is safe
		}
		r.fund(o, p, res.exact, true, &remaining)
	}
	for p := range e.Projects {
		switch {
		case o.Funded(p):
		case e.Projects[p].Withdrawn:
			o.Reasons[p] = &Reason{Code: ReasonWithdrawn}
		case len(in.ap[p]) == 0:
			o.Reasons[p] = &Reason{Code: ReasonNoVotes}
		default:
			res := r.exactRho(p, r.collect(p))
			if !res.unaffordable {
				return mesFixed(in, total, true) // cannot happen when the float run is safe
			}
			o.Reasons[p] = &Reason{Code: ReasonUnaffordable, Args: []any{res.money, in.cost[p]}}
		}
	}
	return o
}

// tieBefore breaks ties between projects with the same rho (or the same load): more votes
// first, then the cheaper project, then the one listed first in the file.
func tieBefore(e *Election, a, b int) bool {
	switch {
	case e.Votes[a] != e.Votes[b]:
		return e.Votes[a] > e.Votes[b]
	case e.Projects[a].Cost != e.Projects[b].Cost:
		return e.Projects[a].Cost < e.Projects[b].Cost
	}
	return a < b
}

// MES computes the Method of Equal Shares (Peters and Skowron, "Proportionality and the
// Limits of Welfarism", EC 2020; Peters, Pierczyński and Skowron, "Proportional
// Participatory Budgeting with Additive Utilities", NeurIPS 2021): the budget is split
// equally among the voters; in each round, among the projects whose supporters can still
// pay for them, the one whose cost can be shared with the smallest payment per unit of
// utility (the largest effective vote count) is funded, each supporter paying that rate
// times their utility or all they have left. Utilities are the project's cost for approval
// ballots (or 1 with Cardinality), the points for cumulative and scoring ballots, the Borda
// count for ordinal ones. Arithmetic is exact (big.Rat); ties go to more votes, then the
// cheaper project, then file order.
func MES(e *Election, opt MESOptions) *Outcome {
	in := newMESInput(e, opt.Cardinality)
	o := mesExplained(in, e.Budget)
	iterations := 0
	total := e.Budget
	if opt.Add1 && e.NumVoters > 0 {
		step := Money(int64(e.NumVoters) * pow10(e.Digits()))
		// Beyond this total, every voter alone could pay for every project: nothing changes.
		var all Money
		for _, p := range e.Projects {
			if !p.Withdrawn {
				all += p.Cost
			}
		}
		limit := all * Money(e.NumVoters)
		sel := o.Selected
		for !fundsAll(e, sel) && total <= limit {
			nsel, ncost := mesSelect(in, total+step)
			if ncost > e.Budget {
				break
			}
			total += step
			iterations++
			sel = nsel
		}
		if iterations > 0 {
			first := o
			o = mesExplained(in, total)
			o.Notes = append(o.Notes, Note{Code: "add1", Args: []any{Money(int64(total-e.Budget) / int64(e.NumVoters)), iterations}})
			// The first run's projects are the rule's own; the others came from Add1.
			for k := range o.Steps {
				if !first.Funded(o.Steps[k].Project) {
					o.Steps[k].Phase = "add1"
				}
			}
		}
		// Remaining reflects the real budget.
		rem := e.Budget
		for k := range o.Steps {
			rem -= e.Projects[o.Steps[k].Project].Cost
			o.Steps[k].Remaining = rem
		}
	}
	if opt.Utilitarian {
		complete(e, o)
	}
	o.Rule = RuleMES
	switch {
	case opt.Comparison:
		o.Rule = RuleMESComparison
	case opt.Add1 && opt.Utilitarian:
		o.Rule = RuleMESAdd1Util
	case opt.Add1:
		o.Rule = RuleMESAdd1
	case opt.Utilitarian:
		o.Rule = RuleMESUtilitarian
	}
	if opt.Comparison {
		g := Greedy(e, RuleGreedy)
		prefMES, prefGreedy := compare(e, o, g)
		verdict := "equal shares kept"
		if prefGreedy > prefMES {
			verdict = "greedy chosen"
			g.Rule = o.Rule
			g.Notes = append(o.Notes, Note{Code: "comparison", Args: []any{prefMES, prefGreedy, verdict}})
			return g
		}
		o.Notes = append(o.Notes, Note{Code: "comparison", Args: []any{prefMES, prefGreedy, verdict}})
	}
	finishReasons(e, o)
	return o
}

// mesSelect returns the projects MES selects with a total budget: from the floating-point
// run when all its decisions were clear, from the exact run otherwise.
func mesSelect(in *mesInput, total Money) ([]int, Money) {
	if sel, cost, safe := mesFloat(in, total); safe {
		return sel, cost
	}
	o := mesFixed(in, total, false)
	return o.Selected, o.Cost
}

// fundsAll reports whether the selection funds every project that has votes and was not
// withdrawn: then more money per voter changes nothing. The Add1 search does not stop at
// an outcome merely exhaustive (no project fits in what is left): the official outcome of
// Wieliczka 2023 is only reproduced by going on until the budget is overshot.
func fundsAll(e *Election, sel []int) bool {
	n := 0
	for p := range e.Projects {
		if !e.Projects[p].Withdrawn && e.Votes[p] > 0 {
			n++
		}
	}
	return len(sel) >= n
}

// complete adds, in greedy order, the projects that still fit.
func complete(e *Election, o *Outcome) {
	left := e.Budget - o.Cost
	for _, p := range greedyOrder(e) {
		pr := &e.Projects[p]
		if o.Funded(p) || pr.Withdrawn || e.Votes[p] == 0 || pr.Cost > left {
			continue
		}
		left -= pr.Cost
		o.Selected = append(o.Selected, p)
		o.Cost += pr.Cost
		o.Steps = append(o.Steps, Step{Project: p, Phase: "utilitarian", Votes: e.Votes[p], Score: e.Score[p], Remaining: left})
		o.Reasons[p] = nil
	}
}

// finishReasons gives every unfunded project without a reason yet one: not reached.
func finishReasons(e *Election, o *Outcome) {
	left := e.Budget - o.Cost
	for p := range e.Projects {
		if o.Funded(p) {
			o.Reasons[p] = nil
			continue
		}
		if o.Reasons[p] == nil {
			o.Reasons[p] = &Reason{Code: ReasonNotReached, Args: []any{left}}
		}
		if r := o.Reasons[p]; r.Code == ReasonUnaffordable && e.Projects[p].Cost > left {
			// Keep the MES reason: the supporters' money, which is what decided.
			continue
		}
	}
}

// compare counts the voters who approve more funded projects in a than in b, and the reverse.
func compare(e *Election, a, b *Outcome) (preferA, preferB int) {
	inA := make([]bool, len(e.Projects))
	inB := make([]bool, len(e.Projects))
	for _, p := range a.Selected {
		inA[p] = true
	}
	for _, p := range b.Selected {
		inB[p] = true
	}
	for i := 0; i < e.NumVoters; i++ {
		var x, y int
		for _, p := range e.Ballot(i).Projects {
			if inA[p] {
				x++
			}
			if inB[p] {
				y++
			}
		}
		switch {
		case x > y:
			preferA++
		case y > x:
			preferB++
		}
	}
	return preferA, preferB
}
