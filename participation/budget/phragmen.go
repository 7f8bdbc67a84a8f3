package budget

import (
	"math/big"
)

// Phragmen computes sequential Phragmén for participatory budgeting (Phragmén 1894; for PB,
// Los, Christoff and Grossi, "Proportional Budget Allocations: Towards a Systematization",
// IJCAI 2022): voters earn money continuously at the same rate; a project is bought as soon
// as its supporters together hold its cost, which resets their money to zero (their load
// becomes the common value t). At each step the project reached at the smallest t is
// funded; a project that no longer fits the remaining budget is set aside and the rule goes
// on. Ballots count as approvals of the projects they name. Exact arithmetic; ties go to more
// votes, then the cheaper project, then file order.
func Phragmen(e *Election) *Outcome {
	o := &Outcome{Rule: RulePhragmen, Reasons: make([]*Reason, len(e.Projects))}
	ap := e.Approvers()
	cls := make([]int32, e.NumVoters)
	loads := []big.Rat{{}} // load of each class
	cands := map[int]bool{}
	for p := range e.Projects {
		switch {
		case e.Projects[p].Withdrawn:
			o.Reasons[p] = &Reason{Code: ReasonWithdrawn}
		case len(ap[p]) == 0:
			o.Reasons[p] = &Reason{Code: ReasonNoVotes}
		default:
			cands[p] = true
		}
	}
	remaining := e.Budget
	count := map[int32]int64{}
	for len(cands) > 0 {
		bestP := -1
		var bestT *big.Rat
		for p := range e.Projects {
			if !cands[p] {
				continue
			}
			if e.Projects[p].Cost > remaining {
				delete(cands, p)
				o.Reasons[p] = &Reason{Code: ReasonOverBudget, Args: []any{e.Projects[p].Cost, remaining}}
				continue
			}
			clear(count)
			for _, v := range ap[p] {
				count[cls[v]]++
			}
			t := new(big.Rat).SetInt64(int64(e.Projects[p].Cost))
			for c, n := range count {
				t.Add(t, new(big.Rat).Mul(&loads[c], new(big.Rat).SetInt64(n)))
			}
			t.Quo(t, new(big.Rat).SetInt64(int64(len(ap[p]))))
			if bestP < 0 || t.Cmp(bestT) < 0 || t.Cmp(bestT) == 0 && tieBefore(e, p, bestP) {
				bestP, bestT = p, t
			}
		}
		if bestP < 0 {
			break
		}
		nc := int32(len(loads))
		loads = append(loads, *bestT)
		for _, v := range ap[bestP] {
			cls[v] = nc
		}
		delete(cands, bestP)
		remaining -= e.Projects[bestP].Cost
		o.Selected = append(o.Selected, bestP)
		o.Cost += e.Projects[bestP].Cost
		o.Steps = append(o.Steps, Step{Project: bestP, Phase: "main", Votes: e.Votes[bestP], Score: e.Score[bestP], Remaining: remaining, MaxPayment: bestT})
	}
	return o
}
