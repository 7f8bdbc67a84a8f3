package budget

import (
	"math/big"
	"slices"
	"sort"
)

// Measures describe an outcome for researchers and evaluators. Every share is exact (a
// rational) and every amount carries the election's currency. A measure that cannot be
// computed (no ballots kept, no categories in the file) is nil: "n/a" in text, null in JSON.
type Measures struct {
	// Cost is the total cost of the funded projects; BudgetShare its share of the budget.
	Cost        Amount   `json:"cost"`
	BudgetShare *big.Rat `json:"-"`
	// Funded is the number of funded projects.
	Funded int `json:"funded"`
	// ByCategory and ByDistrict split the funded cost by the projects' categories and
	// districts (a project in two categories counts in both, so shares may add up to more
	// than 1). Nil when the file has no category (district) column.
	ByCategory []Slice `json:"by_category"`
	ByDistrict []Slice `json:"by_district"`
	// Represented is the share of voters with at least one funded project on their ballot;
	// its complement is the exclusion ratio of Faliszewski et al. (IJCAI 2023).
	Represented *big.Rat `json:"-"`
	// AvgFunded is the average number of funded projects per ballot (average cardinality
	// satisfaction).
	AvgFunded *big.Rat `json:"-"`
	// AvgCostSatisfaction is the average, over voters, of the cost of the funded projects
	// they voted for, divided by the budget (average cost satisfaction, ibid.).
	AvgCostSatisfaction *big.Rat `json:"-"`
	// Gini is the Gini coefficient of the voters' cost satisfaction: 0 when every voter
	// gets as much money spent on projects they voted for, towards 1 when a few get it all
	// (used as an inequality measure by Faliszewski et al., IJCAI 2023, and Boehmer et al.,
	// "Guide to Numerical Experiments on Elections in Computational Social Choice", 2024).
	// Computed in floating point: it is a measure, not money.
	Gini *float64 `json:"gini"`
	// CategoryProportionality compares, per category, the share of the funded cost with
	// the share of the votes the category's projects received (1 - half the L1 distance
	// between the two distributions, after Faliszewski et al. 2023's category
	// proportionality): 1 when money follows votes exactly. Nil without categories.
	CategoryProportionality *float64 `json:"category_proportionality"`
}

// Slice is the part of the funded cost that went to one category or district.
type Slice struct {
	Name   string   `json:"name"`
	Cost   Amount   `json:"cost"`
	Share  *big.Rat `json:"-"`
	Funded int      `json:"funded"`
	// VoteShare is the share of all votes that went to this slice's projects.
	VoteShare *big.Rat `json:"-"`
}

// Measure computes the measures of an outcome.
func Measure(e *Election, o *Outcome) *Measures {
	m := &Measures{Cost: e.Money(o.Cost), Funded: len(o.Selected)}
	if e.Budget > 0 {
		m.BudgetShare = big.NewRat(int64(o.Cost), int64(e.Budget))
	}
	funded := make([]bool, len(e.Projects))
	for _, p := range o.Selected {
		funded[p] = true
	}
	var totalVotes int64
	for _, v := range e.Votes {
		totalVotes += v
	}
	slicesOf := func(col string, keys func(p *Project) []string) []Slice {
		if !slices.Contains(e.ProjectColumns, col) {
			return nil
		}
		idx := map[string]int{}
		var out []Slice
		votes := map[string]int64{}
		for i := range e.Projects {
			for _, k := range keys(&e.Projects[i]) {
				if _, ok := idx[k]; !ok {
					idx[k] = len(out)
					out = append(out, Slice{Name: k, Cost: e.Money(0)})
				}
				s := &out[idx[k]]
				votes[k] += e.Votes[i]
				if funded[i] {
					s.Cost.Minor += e.Projects[i].Cost
					s.Funded++
				}
			}
		}
		for k := range out {
			if o.Cost > 0 {
				out[k].Share = big.NewRat(int64(out[k].Cost.Minor), int64(o.Cost))
			}
			if totalVotes > 0 {
				out[k].VoteShare = big.NewRat(votes[out[k].Name], totalVotes)
			}
		}
		sort.SliceStable(out, func(a, b int) bool {
			if out[a].Cost.Minor != out[b].Cost.Minor {
				return out[a].Cost.Minor > out[b].Cost.Minor
			}
			return out[a].Name < out[b].Name
		})
		return out
	}
	m.ByCategory = slicesOf("category", func(p *Project) []string {
		if len(p.Category) == 0 {
			return []string{""}
		}
		return p.Category
	})
	m.ByDistrict = slicesOf("district", func(p *Project) []string { return []string{p.District} })
	if m.ByCategory != nil && o.Cost > 0 && totalVotes > 0 {
		// Normalise both distributions over categories, then 1 - L1/2.
		var sumCost, sumVotes float64
		for _, s := range m.ByCategory {
			c, _ := s.Share.Float64()
			v, _ := s.VoteShare.Float64()
			sumCost += c
			sumVotes += v
		}
		d := 0.0
		for _, s := range m.ByCategory {
			c, _ := s.Share.Float64()
			v, _ := s.VoteShare.Float64()
			d += abs(c/sumCost - v/sumVotes)
		}
		cp := 1 - d/2
		m.CategoryProportionality = &cp
	}
	if !e.HasBallots() {
		return m
	}
	n := int64(e.NumVoters)
	var represented, approvals int64
	sat := make([]float64, e.NumVoters)
	costSat := new(big.Rat)
	var costSum int64
	for i := 0; i < e.NumVoters; i++ {
		var k int64
		var c Money
		for _, p := range e.Ballot(i).Projects {
			if funded[p] {
				k++
				c += e.Projects[p].Cost
			}
		}
		if k > 0 {
			represented++
		}
		approvals += k
		costSum += int64(c)
		sat[i] = float64(c)
	}
	m.Represented = big.NewRat(represented, n)
	m.AvgFunded = big.NewRat(approvals, n)
	if e.Budget > 0 {
		costSat.SetFrac(big.NewInt(costSum), new(big.Int).Mul(big.NewInt(n), big.NewInt(int64(e.Budget))))
		m.AvgCostSatisfaction = costSat
	}
	g := gini(sat)
	m.Gini = &g
	return m
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// gini is the Gini coefficient of non-negative values (0 when all are 0).
func gini(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	var sum, weighted float64
	for i, x := range s {
		sum += x
		weighted += float64(i+1) * x
	}
	n := float64(len(s))
	if sum == 0 || n == 0 {
		return 0
	}
	return (2*weighted)/(n*sum) - (n+1)/n
}

// Comparison sets two outcomes side by side.
type Comparison struct {
	A, B *Outcome
	// Both, OnlyA and OnlyB are the projects funded by both rules, only by A, only by B.
	Both, OnlyA, OnlyB []int
	// PreferA and PreferB count the voters with more funded projects on their ballot under
	// A (under B); voters with as many under both are in neither.
	PreferA, PreferB int
	MA, MB           *Measures
}

// Compare computes two rules' outcomes on the same election and sets them side by side.
func Compare(e *Election, a, b *Outcome) *Comparison {
	c := &Comparison{A: a, B: b, MA: Measure(e, a), MB: Measure(e, b)}
	for p := range e.Projects {
		fa, fb := a.Funded(p), b.Funded(p)
		switch {
		case fa && fb:
			c.Both = append(c.Both, p)
		case fa:
			c.OnlyA = append(c.OnlyA, p)
		case fb:
			c.OnlyB = append(c.OnlyB, p)
		}
	}
	if e.HasBallots() {
		c.PreferA, c.PreferB = compare(e, a, b)
	}
	return c
}
