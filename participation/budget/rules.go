package budget

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// The rules, by the names [Compute] takes.
const (
	RuleGreedy          = "greedy"               // by score, skipping projects that do not fit
	RuleGreedyNoSkip    = "greedy-no-skip"       // by score, stopping at the first project that does not fit
	RuleGreedyThreshold = "greedy-threshold"     // greedy, funding only projects at or above the META threshold
	RuleMES             = "mes"                  // Method of Equal Shares, no completion
	RuleMESAdd1         = "mes-add1"             // MES with the Add1 completion (equalshares/add1)
	RuleMESComparison   = "mes-add1-comparison"  // Add1, then the comparison step against greedy
	RuleMESAdd1Util     = "mes-add1-utilitarian" // Add1, then the utilitarian completion
	RuleMESUtilitarian  = "mes-utilitarian"      // MES completed by greedy
	RulePhragmen        = "phragmen"             // sequential Phragmén
)

// Rules lists the rules [Compute] knows.
func Rules() []string {
	return []string{RuleGreedy, RuleGreedyNoSkip, RuleGreedyThreshold, RuleMES, RuleMESAdd1, RuleMESComparison, RuleMESAdd1Util, RuleMESUtilitarian, RulePhragmen}
}

// RuleName maps the rule names Pabulib files use ("equalshares/add1",
// "equalshares/add1-comparison", "greedy-threshold", "sequential-phragmen") to ours, and
// reports whether the rule is one this package computes.
func RuleName(pabulib string) (string, bool) {
	s := strings.ToLower(strings.TrimSpace(pabulib))
	switch s {
	case "equalshares", "equal-shares", "mes":
		return RuleMES, true
	case "equalshares/add1", "mes-add1":
		return RuleMESAdd1, true
	case "equalshares/add1u", "equalshares/add1-utilitarian", "mes-add1-utilitarian":
		return RuleMESAdd1Util, true
	case "equalshares/add1-comparison", "mes-add1-comparison":
		return RuleMESComparison, true
	case "equalshares/utilitarian", "mes-utilitarian":
		return RuleMESUtilitarian, true
	case "phragmen", "sequential-phragmen", "seq-phragmen":
		return RulePhragmen, true
	case RuleGreedy, RuleGreedyNoSkip, RuleGreedyThreshold:
		return s, true
	}
	return s, false
}

// ErrUnknownRule is returned by [Compute] for a rule it does not know.
var ErrUnknownRule = errors.New("budget: unknown rule")

// ErrNoBallots is returned by rules that need ballots on an election that was only scanned.
var ErrNoBallots = errors.New("budget: the election's ballots were not kept (read it with Read, not Scan)")

// Compute runs a rule on an election. Greedy rules only need the tallies; the Method of
// Equal Shares and Phragmén need the ballots.
func Compute(e *Election, rule string) (*Outcome, error) {
	name, ok := RuleName(rule)
	if !ok {
		return nil, fmt.Errorf("%w %q (known: %s)", ErrUnknownRule, rule, strings.Join(Rules(), ", "))
	}
	switch name {
	case RuleGreedy, RuleGreedyNoSkip, RuleGreedyThreshold:
		return Greedy(e, name), nil
	}
	if !e.HasBallots() && e.NumVoters > 0 {
		return nil, ErrNoBallots
	}
	switch name {
	case RuleMES:
		return MES(e, MESOptions{}), nil
	case RuleMESAdd1:
		return MES(e, MESOptions{Add1: true}), nil
	case RuleMESAdd1Util:
		return MES(e, MESOptions{Add1: true, Utilitarian: true}), nil
	case RuleMESComparison:
		return MES(e, MESOptions{Add1: true, Comparison: true}), nil
	case RuleMESUtilitarian:
		return MES(e, MESOptions{Utilitarian: true}), nil
	case RulePhragmen:
		return Phragmen(e), nil
	}
	return nil, fmt.Errorf("%w %q", ErrUnknownRule, rule)
}

// greedyOrder returns the projects by decreasing score; ties go to more votes, then the
// cheaper project, then the one listed first in the file.
func greedyOrder(e *Election) []int {
	order := make([]int, len(e.Projects))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		switch {
		case e.Score[a] != e.Score[b]:
			if e.Score[a] > e.Score[b] {
				return -1
			}
			return 1
		case e.Votes[a] != e.Votes[b]:
			if e.Votes[a] > e.Votes[b] {
				return -1
			}
			return 1
		case e.Projects[a].Cost != e.Projects[b].Cost:
			if e.Projects[a].Cost < e.Projects[b].Cost {
				return -1
			}
			return 1
		}
		return a - b
	})
	return order
}

// Greedy funds projects by decreasing score (votes for approval and choose-1 ballots, points
// for cumulative and scoring ones, the Borda count for ordinal ones), ties broken as
// greedyOrder says. Withdrawn projects, projects without votes, and projects below the META
// threshold (min_project_score_threshold, honoured by every variant) are never funded.
// "greedy" and "greedy-threshold" skip a project that does not fit the remaining budget and
// go on; "greedy-no-skip" stops there.
func Greedy(e *Election, rule string) *Outcome {
	o := &Outcome{Rule: rule, Reasons: make([]*Reason, len(e.Projects))}
	remaining := e.Budget
	var stopped *Project
	for _, p := range greedyOrder(e) {
		pr := &e.Projects[p]
		switch {
		case pr.Withdrawn:
			o.Reasons[p] = &Reason{Code: ReasonWithdrawn}
		case e.Votes[p] == 0:
			o.Reasons[p] = &Reason{Code: ReasonNoVotes}
		case e.Constraints.HasThreshold && e.Score[p] < e.Constraints.Threshold:
			o.Reasons[p] = &Reason{Code: ReasonThreshold, Args: []any{e.Score[p], e.Constraints.Threshold}}
		case stopped != nil:
			o.Reasons[p] = &Reason{Code: ReasonStopped, Args: []any{stopped.ID}}
		case pr.Cost > remaining:
			o.Reasons[p] = &Reason{Code: ReasonOverBudget, Args: []any{pr.Cost, remaining}}
			if rule == RuleGreedyNoSkip {
				stopped = pr
			}
		default:
			remaining -= pr.Cost
			o.Selected = append(o.Selected, p)
			o.Cost += pr.Cost
			o.Steps = append(o.Steps, Step{Project: p, Phase: "main", Votes: e.Votes[p], Score: e.Score[p], Remaining: remaining})
		}
	}
	return o
}
