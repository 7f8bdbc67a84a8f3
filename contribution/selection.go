package contribution

import (
	"cmp"
	"crypto/sha256"
	"fmt"
	"math"
	"slices"
	"strconv"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/internal/milp"
)

// Candidate is a reviewed proposal as selection sees it.
type Candidate struct {
	ID            string       `json:"id"`
	Score         float64      `json:"score"` // aggregated score (see [Aggregate])
	Format        string       `json:"format"`
	Family        civic.Family `json:"family"`
	Axes          []string     `json:"axes,omitempty"`
	English       bool         `json:"english,omitempty"`       // given in English
	International bool         `json:"international,omitempty"` // from outside the call's home country
}

// NewCandidate returns p as a candidate with the score: its format, the family of its first
// contributor, its axes, whether it is in English and whether it is international for c.
func NewCandidate(p *Proposal, c *Call, score float64) Candidate {
	return Candidate{ID: p.ID, Score: score, Format: p.Format, Family: p.Family(), Axes: slices.Clone(p.Axes),
		English: p.Language == "en" || len(p.Language) > 3 && p.Language[:3] == "en-", International: p.International(c)}
}

// Range bounds a count: at least Min, and at most Max when Max is not zero.
type Range struct {
	Min int `json:"min,omitempty"`
	Max int `json:"max,omitempty"`
}

// Share bounds a proportion of the selected proposals, between 0 and 1: at least Min, and
// at most Max when Max is not zero.
type Share struct {
	Min float64 `json:"min,omitempty"`
	Max float64 `json:"max,omitempty"`
}

// Quotas are what a selection must meet. Places is required; everything else is optional.
type Quotas struct {
	// Places is the number of places per format ID: at most that many proposals of the
	// format are selected. Candidates of a format not listed are not selected.
	Places map[string]int `json:"places"`
	// Families bounds the number of selected proposals per family of actors.
	Families map[civic.Family]Range `json:"families,omitempty"`
	// Axes is the least number of selected proposals addressing each axis, by axis ID.
	Axes map[string]int `json:"axes,omitempty"`
	// English bounds the share of contributions given in English.
	English Share `json:"english,omitzero"`
	// International bounds the share of international contributions.
	International Share `json:"international,omitzero"`
	// Seed orders the candidates with equal scores: it is published with the selection so
	// that anyone can reproduce it.
	Seed string `json:"seed,omitempty"`
}

// Check records the problems of q at path: negative counts, shares outside 0..1, minimums
// above maximums ([civic.CodeQuotaContradict]).
func (q *Quotas) Check(v *civic.ValidationError, path civic.Path) {
	if len(q.Places) == 0 {
		v.Add(path.Key("places"), civic.CodeRequired)
	}
	for _, f := range sortedKeysOf(q.Places) {
		if n := q.Places[f]; n < 0 || n > 100000 {
			v.Add(path.Key("places").Key(f), civic.CodeOutOfRange, 0, 100000, n)
		}
	}
	for _, f := range sortedKeysOf(q.Families) {
		r := q.Families[f]
		p := path.Key("families").Key(string(f))
		if !f.Valid() {
			v.Add(p, civic.CodeUnknownValue, string(f))
		}
		if r.Min < 0 {
			v.Add(p.Key("min"), civic.CodeOutOfRange, 0, 100000, r.Min)
		}
		if r.Max < 0 {
			v.Add(p.Key("max"), civic.CodeOutOfRange, 0, 100000, r.Max)
		}
		if r.Max > 0 && r.Min > r.Max {
			v.Add(p, civic.CodeQuotaContradict, "families."+string(f), r.Min, r.Max)
		}
	}
	for _, a := range sortedKeysOf(q.Axes) {
		if n := q.Axes[a]; n < 0 {
			v.Add(path.Key("axes").Key(a), civic.CodeOutOfRange, 0, 100000, n)
		}
	}
	for _, s := range []struct {
		name string
		s    Share
	}{{"english", q.English}, {"international", q.International}} {
		p := path.Key(s.name)
		if !(s.s.Min >= 0 && s.s.Min <= 1) {
			v.Add(p.Key("min"), civic.CodeOutOfRange, 0, 1, s.s.Min)
		}
		if !(s.s.Max >= 0 && s.s.Max <= 1) {
			v.Add(p.Key("max"), civic.CodeOutOfRange, 0, 1, s.s.Max)
		}
		if s.s.Max > 0 && s.s.Min > s.s.Max {
			v.Add(p, civic.CodeQuotaContradict, s.name, s.s.Min, s.s.Max)
		}
	}
}

// Validate reports every problem of q.
func (q *Quotas) Validate() error {
	var v civic.ValidationError
	q.Check(&v, nil)
	return v.Err()
}

func sortedKeysOf[K ~string, V any](m map[K]V) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// Resolution is the precision at which selection compares scores: totals are computed in
// whole hundredths of a point, so two scores closer than that count as equal and their
// order is decided by the seed.
const Resolution = 0.01

// quota is one linear constraint of a selection: Σ coef_i x_i ≤ bound.
type quota struct {
	name  string     // path-like name: "places.research", "families.public.min", "english.max"
	path  civic.Path // where it is in a Quotas document
	coef  []float64
	bound float64
	min   bool    // a minimum, written negated
	share bool    // a share, whose violation is a number of proposals
	ratio float64 // the bound of a share
}

// buildQuotas turns quotas into constraints over the candidates.
func buildQuotas(cs []Candidate, q *Quotas) []quota {
	n := len(cs)
	var out []quota
	count := func(name string, path civic.Path, in func(c *Candidate) bool, bound int, min bool) {
		k := quota{name: name, path: path, coef: make([]float64, n), bound: float64(bound), min: min}
		sign := 1.0
		if min {
			sign, k.bound = -1, -float64(bound)
		}
		for i := range cs {
			if in(&cs[i]) {
				k.coef[i] = sign
			}
		}
		out = append(out, k)
	}
	formats := sortedKeysOf(q.Places)
	for _, f := range formats {
		count("places."+f, civic.Path{}.Key("places").Key(f), func(c *Candidate) bool { return c.Format == f }, q.Places[f], false)
	}
	// Candidates of a format without places: at most 0.
	var others []string
	for i := range cs {
		if _, ok := q.Places[cs[i].Format]; !ok && !slices.Contains(others, cs[i].Format) {
			others = append(others, cs[i].Format)
		}
	}
	slices.Sort(others)
	for _, f := range others {
		count("places."+f, civic.Path{}.Key("places").Key(f), func(c *Candidate) bool { return c.Format == f }, 0, false)
	}
	for _, f := range sortedKeysOf(q.Families) {
		r := q.Families[f]
		in := func(c *Candidate) bool { return c.Family == f }
		p := civic.Path{}.Key("families").Key(string(f))
		if r.Min > 0 {
			count("families."+string(f)+".min", p.Key("min"), in, r.Min, true)
		}
		if r.Max > 0 {
			count("families."+string(f)+".max", p.Key("max"), in, r.Max, false)
		}
	}
	for _, a := range sortedKeysOf(q.Axes) {
		if q.Axes[a] > 0 {
			count("axes."+a, civic.Path{}.Key("axes").Key(a), func(c *Candidate) bool { return slices.Contains(c.Axes, a) }, q.Axes[a], true)
		}
	}
	share := func(name string, s Share, in func(c *Candidate) bool) {
		p := civic.Path{}.Key(name)
		if s.Max > 0 {
			// Σ in·x ≤ max·Σ x  ⇔  Σ (in − max) x ≤ 0
			k := quota{name: name + ".max", path: p.Key("max"), coef: make([]float64, n), share: true, ratio: s.Max}
			for i := range cs {
				k.coef[i] = -s.Max
				if in(&cs[i]) {
					k.coef[i] += 1
				}
			}
			out = append(out, k)
		}
		if s.Min > 0 {
			// Σ in·x ≥ min·Σ x  ⇔  Σ (min − in) x ≤ 0
			k := quota{name: name + ".min", path: p.Key("min"), coef: make([]float64, n), min: true, share: true, ratio: s.Min}
			for i := range cs {
				k.coef[i] = s.Min
				if in(&cs[i]) {
					k.coef[i] -= 1
				}
			}
			out = append(out, k)
		}
	}
	share("english", q.English, func(c *Candidate) bool { return c.English })
	share("international", q.International, func(c *Candidate) bool { return c.International })
	return out
}

// priorities returns each candidate's rank in the seeded order: 0 for the last, n-1 for the
// first. The order is that of SHA-256(seed, 0x00, ID), smallest first.
func priorities(cs []Candidate, seed string) []int {
	type key struct {
		h [32]byte
		i int
	}
	keys := make([]key, len(cs))
	for i, c := range cs {
		keys[i] = key{sha256.Sum256([]byte(seed + "\x00" + c.ID)), i}
	}
	slices.SortFunc(keys, func(a, b key) int {
		return cmp.Or(slicesCompare(a.h[:], b.h[:]), cmp.Compare(cs[a.i].ID, cs[b.i].ID))
	})
	prio := make([]int, len(cs))
	for r, k := range keys {
		prio[k.i] = len(cs) - 1 - r
	}
	return prio
}

func slicesCompare(a, b []byte) int {
	for i := range a {
		if a[i] != b[i] {
			return cmp.Compare(a[i], b[i])
		}
	}
	return 0
}

// points returns a score in whole units of [Resolution].
func points(score float64) int64 { return int64(math.Round(score / Resolution)) }

// Selection is the result of [Select].
type Selection struct {
	// Selected are the IDs of the selected proposals, best score first (then seeded order).
	Selected []string `json:"selected"`
	// Total is the sum of the selected proposals' scores, at [Resolution].
	Total float64 `json:"total"`
	// Quotas reports each quota: the value reached and its bound.
	Quotas []QuotaStatus `json:"quotas"`
	// Excluded explains why the best-scored proposals left out were not selected.
	Excluded []Exclusion `json:"excluded,omitempty"`
	// Seed is the seed that broke ties.
	Seed string `json:"seed"`
	// Nodes is the number of branch-and-bound nodes the exact solver explored.
	Nodes int `json:"nodes"`
}

// QuotaStatus is a quota and what the selection makes of it.
type QuotaStatus struct {
	Name  string  `json:"name"`  // "places.research", "families.public.min", "english.max"…
	Value float64 `json:"value"` // the count, or the share, reached
	Bound float64 `json:"bound"` // the quota's bound
	Tight bool    `json:"tight"` // the bound is reached: the quota constrains the selection
}

// Exclusion explains why a proposal was not selected.
type Exclusion struct {
	ID    string  `json:"id"`
	Score float64 `json:"score"`
	// Loss is how much the best total falls if the proposal must be selected: the price of
	// taking it.
	Loss float64 `json:"loss"`
	// Binding are the quotas that adding the proposal to the selection as it is would break
	// (its format's places, its family's maximum, the share of English…).
	Binding []string `json:"binding,omitempty"`
	// Displaced are the selected proposals that would make room for it, in the best
	// selection that includes it.
	Displaced []string `json:"displaced,omitempty"`
	// Infeasible tells that no selection including it meets every quota.
	Infeasible bool `json:"infeasible,omitempty"`
}

// SelectOptions tune [Select].
type SelectOptions struct {
	// Explain is how many of the best-scored proposals left out are explained; 0 means 5,
	// a negative number none.
	Explain int
	// MaxNodes bounds the branch and bound; 0 means 2,000,000.
	MaxNodes int
}

// Select chooses, among the candidates, the set with the highest total score that meets
// every quota. The result is exactly optimal (for scores at [Resolution]): it is proven by
// a branch and bound over linear relaxations solved by a dual simplex. It is deterministic:
// among sets with the same total, the one whose members come first in the order of
// SHA-256(seed, ID) wins (precisely: the one with the largest sum of seeded ranks). It is
// explained: see [Selection.Quotas] and [Selection.Excluded].
//
// When the quotas contradict themselves, or no set meets them all, Select returns a
// [*civic.ValidationError] that names each quota to relax ([civic.CodeQuotaContradict],
// [civic.CodeQuotaUnmet] with the shortfall, in proposals) and the count of quotas in
// conflict ([civic.CodeInfeasible]).
func Select(cs []Candidate, q Quotas, opt SelectOptions) (*Selection, error) {
	if err := q.Validate(); err != nil {
		return nil, err
	}
	var v civic.ValidationError
	seen := map[string]bool{}
	for i, c := range cs {
		if c.ID == "" {
			v.Add(civic.Path{}.Key("candidates").Index(i).Key("id"), civic.CodeRequired)
		} else if seen[c.ID] {
			v.Add(civic.Path{}.Key("candidates").Index(i).Key("id"), civic.CodeDuplicate, c.ID)
		}
		seen[c.ID] = true
		if math.IsNaN(c.Score) || math.IsInf(c.Score, 0) || math.Abs(c.Score) > 1e6 {
			v.Add(civic.Path{}.Key("candidates").Index(i).Key("score"), civic.CodeOutOfRange, -1e6, 1e6, c.Score)
		}
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	qs := buildQuotas(cs, &q)
	prio := priorities(cs, q.Seed)
	p := selectionModel(cs, qs, prio, opt.MaxNodes)
	res, err := p.Solve()
	if err != nil {
		return nil, err
	}
	if res.Limit {
		v.Add(nil, civic.CodeSolverLimit, res.Nodes)
		return nil, v.Err()
	}
	if !res.Feasible {
		return nil, explainInfeasible(cs, qs, nil, opt.MaxNodes)
	}
	sel := &Selection{Seed: q.Seed, Nodes: res.Nodes}
	chosen := make([]bool, len(cs))
	var total int64
	for i := range cs {
		if res.X[i] > 0.5 {
			chosen[i] = true
			total += points(cs[i].Score)
		}
	}
	sel.Total = float64(total) * Resolution
	sel.Total = math.Round(sel.Total/Resolution) * Resolution
	order := rankOrder(cs, prio)
	for _, i := range order {
		if chosen[i] {
			sel.Selected = append(sel.Selected, cs[i].ID)
		}
	}
	sel.Quotas = quotaStatus(cs, qs, chosen)
	explain := opt.Explain
	if explain == 0 {
		explain = 5
	}
	for _, i := range order {
		if explain <= 0 {
			break
		}
		if chosen[i] {
			continue
		}
		explain--
		ex, err := exclusion(cs, qs, prio, chosen, total, i, opt.MaxNodes)
		if err != nil {
			return nil, err
		}
		sel.Excluded = append(sel.Excluded, ex)
	}
	return sel, nil
}

// rankOrder returns candidate indexes by score (at Resolution) descending, then seeded
// order.
func rankOrder(cs []Candidate, prio []int) []int {
	order := make([]int, len(cs))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		return cmp.Or(cmp.Compare(points(cs[b].Score), points(cs[a].Score)), cmp.Compare(prio[b], prio[a]))
	})
	return order
}

// selectionModel is the MILP of a selection: binary x_i, objective points_i·K + prio_i with
// K larger than any sum of ranks, so that the score comes first and the seed breaks ties.
func selectionModel(cs []Candidate, qs []quota, prio []int, maxNodes int) *milp.Problem {
	n, m := len(cs), len(qs)
	k := float64(n)*float64(n-1)/2 + 1
	p := &milp.Problem{N: n, M: m, C: make([]float64, n), A: make([]float64, m*n), B: make([]float64, m),
		Lo: make([]float64, n), Hi: make([]float64, n), Integer: make([]bool, n), Integral: true, MaxNodes: maxNodes}
	for i := range cs {
		p.C[i] = float64(points(cs[i].Score))*k + float64(prio[i])
		p.Hi[i] = 1
		p.Integer[i] = true
	}
	for r, q := range qs {
		copy(p.A[r*n:(r+1)*n], q.coef)
		p.B[r] = q.bound
	}
	return p
}

func quotaStatus(cs []Candidate, qs []quota, chosen []bool) []QuotaStatus {
	var selected float64
	for i := range cs {
		if chosen[i] {
			selected++
		}
	}
	out := make([]QuotaStatus, 0, len(qs))
	for _, q := range qs {
		var lhs float64
		for i := range cs {
			if chosen[i] {
				lhs += q.coef[i]
			}
		}
		st := QuotaStatus{Name: q.name, Bound: math.Abs(q.bound)}
		switch {
		case q.share:
			// lhs = Σ (in − max) x, so in-count = lhs + max·selected; recover the share.
			bound := q.ratio
			st.Bound = bound
			in := lhs + bound*selected
			if q.min {
				in = bound*selected - lhs
			}
			if selected > 0 {
				st.Value = in / selected
			}
			st.Tight = math.Abs(lhs) < 1e-9
		case q.min:
			st.Value = -lhs
			st.Tight = -lhs <= -q.bound+1e-9
		default:
			st.Value = lhs
			st.Tight = lhs >= q.bound-1e-9
		}
		out = append(out, st)
	}
	return out
}

// exclusion explains why candidate i is not in the optimal selection chosen (total points).
func exclusion(cs []Candidate, qs []quota, prio []int, chosen []bool, total int64, i, maxNodes int) (Exclusion, error) {
	ex := Exclusion{ID: cs[i].ID, Score: cs[i].Score}
	// The quotas that adding i to the selection as it is would break.
	for _, q := range qs {
		lhs := q.coef[i]
		for j := range cs {
			if chosen[j] {
				lhs += q.coef[j]
			}
		}
		if lhs > q.bound+1e-9 {
			ex.Binding = append(ex.Binding, q.name)
		}
	}
	p := selectionModel(cs, qs, prio, maxNodes)
	p.Lo[i] = 1
	res, err := p.Solve()
	if err != nil {
		return ex, err
	}
	if !res.Feasible {
		ex.Infeasible = true
		return ex, nil
	}
	var forced int64
	for j := range cs {
		if res.X[j] > 0.5 {
			forced += points(cs[j].Score)
		} else if chosen[j] {
			ex.Displaced = append(ex.Displaced, cs[j].ID)
		}
	}
	ex.Loss = float64(total-forced) * Resolution
	ex.Loss = math.Round(ex.Loss/Resolution) * Resolution
	return ex, nil
}

// explainInfeasible finds the least total violation of the quotas (an elastic program: each
// quota may be exceeded by a penalised amount) and reports each quota it had to violate.
// fixed, when not nil, forces candidates in.
func explainInfeasible(cs []Candidate, qs []quota, fixed []bool, maxNodes int) error {
	n, m := len(cs), len(qs)
	nv := n + m
	p := &milp.Problem{N: nv, M: m, C: make([]float64, nv), A: make([]float64, m*nv), B: make([]float64, m),
		Lo: make([]float64, nv), Hi: make([]float64, nv), Integer: make([]bool, nv), MaxNodes: maxNodes}
	for i := range cs {
		p.Hi[i] = 1
		p.Integer[i] = true
		if fixed != nil && fixed[i] {
			p.Lo[i] = 1
		}
	}
	for r, q := range qs {
		copy(p.A[r*nv:r*nv+n], q.coef)
		p.A[r*nv+n+r] = -1 // the violation
		p.B[r] = q.bound
		p.C[n+r] = -1
		p.Hi[n+r] = float64(n) + 1
		p.Integer[n+r] = !q.share
	}
	if maxNodes <= 0 {
		p.MaxNodes = 200_000
	}
	res, err := p.Solve()
	var v civic.ValidationError
	if err != nil {
		return err
	}
	conflicts := 0
	if res.Feasible {
		for r, q := range qs {
			if viol := res.X[n+r]; viol > 1e-6 {
				conflicts++
				short := viol
				if !q.share {
					short = math.Round(viol)
				} else {
					short = math.Ceil(viol*1000-1e-6) / 1000
				}
				v.Add(q.path, civic.CodeQuotaUnmet, q.name, strconv.FormatFloat(short, 'f', -1, 64))
			}
		}
	}
	v.Add(nil, civic.CodeInfeasible, conflicts)
	return v.Err()
}

// String returns the selection as a short text, for logs.
func (s *Selection) String() string {
	return fmt.Sprintf("%d selected, total %.2f (seed %q, %d nodes)", len(s.Selected), s.Total, s.Seed, s.Nodes)
}
