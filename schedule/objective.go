package schedule

import (
	"cmp"
	"slices"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/contribution"
)

// Objective is the value of a programme under the scheduler's objective (see the package
// documentation): Total = WeightPlaced×Placed + WeightCoherent×Coherent +
// WeightDiverse×Diverse + WeightGrouped×Grouped.
type Objective struct {
	Placed   int `json:"placed"`   // contributions placed
	Coherent int `json:"coherent"` // talks of round tables and workshops on their session's best axis
	Diverse  int `json:"diverse"`  // families of actors present, summed over round tables and workshops
	Grouped  int `json:"grouped"`  // talks of round tables and workshops in their session's main language
	Total    int `json:"total"`
}

// Score returns the programme's objective. A session's axis and language are the ones that
// cover most of its talks, as the exact model chooses them.
func Score(pr *Programme, cx Context) Objective {
	props := map[string]*contribution.Proposal{}
	for _, p := range cx.Proposals {
		props[p.ID] = &p.Proposal
	}
	var o Objective
	for i := range pr.Sessions {
		s := &pr.Sessions[i]
		var members []*contribution.Proposal
		for _, t := range s.Talks {
			if p, ok := props[t.Proposal]; ok {
				members = append(members, p)
			}
		}
		o.Placed += len(members)
		kind := Kind("")
		if cx.Grid != nil {
			if sl, ok := cx.Grid.Slot(s.Slot); ok {
				kind = sl.Kind
			}
		}
		if kind.Themed() {
			c, d, g := parts(members)
			o.Coherent += c
			o.Diverse += d
			o.Grouped += g
		}
	}
	o.Total = WeightPlaced*o.Placed + WeightCoherent*o.Coherent + WeightDiverse*o.Diverse + WeightGrouped*o.Grouped
	return o
}

// sessionScore is one session's share of the objective.
func sessionScore(members []*contribution.Proposal, results bool) int {
	score := WeightPlaced * len(members)
	if results {
		c, d, g := parts(members)
		score += WeightCoherent*c + WeightDiverse*d + WeightGrouped*g
	}
	return score
}

// parts returns, for the talks of one session, how many share its best axis, how many
// families are present and how many share its main language.
func parts(members []*contribution.Proposal) (coherent, diverse, grouped int) {
	axes, langs := map[string]int{}, map[string]int{}
	fams := map[civic.Family]bool{}
	for _, p := range members {
		for _, a := range p.Axes {
			axes[a]++
		}
		langs[p.Language]++
		fams[p.Family()] = true
	}
	for _, n := range axes {
		coherent = max(coherent, n)
	}
	for _, n := range langs {
		grouped = max(grouped, n)
	}
	return coherent, len(fams), grouped
}

// axisOf picks the axis covering most proposals.
func axisOf(members []*contribution.Proposal) string {
	n := map[string]int{}
	for _, p := range members {
		for _, a := range p.Axes {
			n[a]++
		}
	}
	keys := make([]string, 0, len(n))
	for k := range n {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int {
		if c := cmp.Compare(n[b], n[a]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	if len(keys) == 0 {
		return ""
	}
	return keys[0]
}
