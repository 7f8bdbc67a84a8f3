package budget

import (
	"fmt"
	"math/big"
	"slices"
	"strings"
)

// Outcome is what a rule funds, and why.
type Outcome struct {
	// Rule is the rule's name ([Rules]).
	Rule string `json:"rule"`
	// Selected lists the funded projects (indices into [Election.Projects]) in the order
	// the rule chose them.
	Selected []int `json:"selected"`
	// Cost is the total cost of the funded projects.
	Cost Money `json:"cost"`
	// Steps tells how each project was chosen, in order.
	Steps []Step `json:"steps"`
	// Reasons says, for each project not funded, why (indexed by project; nil for funded ones).
	Reasons []*Reason `json:"-"`
	// Notes are remarks on the whole run (the Add1 budget reached, the comparison step).
	Notes []Note `json:"notes,omitempty"`
}

// Funded reports whether project p is funded.
func (o *Outcome) Funded(p int) bool { return slices.Contains(o.Selected, p) }

// Step is one project chosen by a rule, with what a citizen needs to follow the choice.
type Step struct {
	// Project is the index of the chosen project.
	Project int `json:"project"`
	// Phase is "main" for the rule itself, "add1" when found by the Add1 completion,
	// "utilitarian" when added by the utilitarian (greedy) completion.
	Phase string `json:"phase"`
	// Votes is the project's number of votes, Score its score (points, Borda count).
	Votes int64 `json:"votes"`
	Score int64 `json:"score"`
	// Remaining is the budget left after funding the project.
	Remaining Money `json:"remaining"`
	// EffectiveVotes is, for the Method of Equal Shares, the project's effective vote count:
	// its cost divided by the largest payment asked of one voter (with cost utilities; with
	// other utilities, the utility per unit of payment). Nil for other rules.
	EffectiveVotes *big.Rat `json:"-"`
	// MaxPayment is, for the Method of Equal Shares, the most one voter paid; for
	// sequential Phragmén, the voters' common load after the project.
	MaxPayment *big.Rat `json:"-"`
	// Payments groups the voters who paid for the project by amount (MES).
	Payments []Payment `json:"payments,omitempty"`
}

// Payment is what a group of voters paid towards a project under MES: Voters voters paid
// Amount each (minor units, exact); Whole is true when that was all they had left.
type Payment struct {
	Voters int      `json:"voters"`
	Amount *big.Rat `json:"-"`
	Whole  bool     `json:"whole_budget"`
}

// Reason is why a project was not funded: a stable code and its arguments.
type Reason struct {
	Code ReasonCode `json:"code"`
	// Args, by code: withdrawn: none; below_threshold: score, threshold; no_votes: none;
	// over_budget: cost, remaining budget when the project's turn came; stopped: the
	// project at which greedy-no-skip stopped; unaffordable: money its supporters had
	// left, cost; budget_left: remaining budget (a project left over after a completion).
	Args []any `json:"args,omitempty"`
}

// ReasonCode names why a project was not funded.
type ReasonCode string

// The reasons.
const (
	ReasonWithdrawn    ReasonCode = "withdrawn"
	ReasonThreshold    ReasonCode = "below_threshold"
	ReasonNoVotes      ReasonCode = "no_votes"
	ReasonOverBudget   ReasonCode = "over_budget"
	ReasonStopped      ReasonCode = "stopped"
	ReasonUnaffordable ReasonCode = "unaffordable"
	ReasonNotReached   ReasonCode = "not_reached"
)

// Note is a remark on a whole run, in French and English.
type Note struct {
	Code string `json:"code"`
	Args []any  `json:"args,omitempty"`
}

// Text explains the reason in French or English, for a citizen.
func (r *Reason) Text(e *Election, french bool) string {
	money := func(a any) string {
		switch v := a.(type) {
		case Money:
			return v.Display(e.Digits(), e.Currency, french)
		case *big.Rat:
			return displayRat(v, e.Digits(), e.Currency, french)
		}
		return fmt.Sprint(a)
	}
	arg := func(i int) any {
		if i < len(r.Args) {
			return r.Args[i]
		}
		return ""
	}
	switch r.Code {
	case ReasonWithdrawn:
		return pick(french, "projet retiré après le vote", "project withdrawn after the vote")
	case ReasonThreshold:
		return fmt.Sprintf(pick(french, "score %v sous le seuil de %v", "score %v below the threshold of %v"), arg(0), arg(1))
	case ReasonNoVotes:
		return pick(french, "aucune voix", "no votes")
	case ReasonOverBudget:
		return fmt.Sprintf(pick(french, "coûte %s, il ne restait que %s à son tour", "costs %s, only %s was left at its turn"), money(arg(0)), money(arg(1)))
	case ReasonStopped:
		return fmt.Sprintf(pick(french, "la règle s'est arrêtée au projet %v, qui ne tenait pas dans le budget", "the rule stopped at project %v, which did not fit the budget"), arg(0))
	case ReasonUnaffordable:
		return fmt.Sprintf(pick(french, "ses électeurs n'avaient plus que %s pour un coût de %s", "its voters had only %s left for a cost of %s"), money(arg(0)), money(arg(1)))
	case ReasonNotReached:
		return fmt.Sprintf(pick(french, "non atteint : un projet plus soutenu par euro a été préféré, puis il ne restait que %s", "not reached: projects with more support per unit of cost came first, then only %s was left"), money(arg(0)))
	}
	return string(r.Code)
}

// Text explains the note.
func (n *Note) Text(e *Election, french bool) string {
	arg := func(i int) any {
		if i < len(n.Args) {
			return n.Args[i]
		}
		return ""
	}
	switch n.Code {
	case "add1":
		m, _ := arg(0).(Money)
		return fmt.Sprintf(pick(french,
			"complétion Add1 : chaque électeur a reçu %s de plus que sa part (%d itérations)",
			"Add1 completion: each voter was given %s more than their share (%d iterations)"),
			m.Display(e.Digits(), e.Currency, french), arg(1))
	case "comparison":
		return fmt.Sprintf(pick(french,
			"étape de comparaison : %v électeurs préfèrent le résultat de la méthode des parts égales, %v celui du glouton : %v",
			"comparison step: %v voters prefer the equal shares outcome, %v the greedy one: %v"), arg(0), arg(1), arg(2))
	}
	return n.Code
}

func pick(french bool, fr, en string) string {
	if french {
		return fr
	}
	return en
}

// Explain returns a citizen's account of the outcome: each funded project in order with
// why it came, then each unfunded project with why not.
func (o *Outcome) Explain(e *Election, french bool) []string {
	var out []string
	for k, s := range o.Steps {
		p := e.Projects[s.Project]
		line := fmt.Sprintf("%d. %s %s, %s", k+1, p.ID, clipName(p.Name), p.Cost.Display(e.Digits(), e.Currency, french))
		switch {
		case s.EffectiveVotes != nil:
			ev, _ := s.EffectiveVotes.Float64()
			line += fmt.Sprintf(pick(french, " : %d voix, %.2f voix effectives", ": %d votes, %.2f effective votes"), s.Votes, ev)
			var parts []string
			for _, pay := range s.Payments {
				a := displayRat(pay.Amount, e.Digits(), e.Currency, french)
				if pay.Whole {
					parts = append(parts, fmt.Sprintf(pick(french, "%d ont payé tout ce qui leur restait (%s)", "%d paid all they had left (%s)"), pay.Voters, a))
				} else {
					parts = append(parts, fmt.Sprintf(pick(french, "%d ont payé %s chacun", "%d paid %s each"), pay.Voters, a))
				}
			}
			if len(parts) > 0 {
				line += pick(french, " ; ", "; ") + strings.Join(parts, ", ")
			}
		case s.MaxPayment != nil:
			l, _ := s.MaxPayment.Float64()
			line += fmt.Sprintf(pick(french, " : %d voix, charge de ses électeurs portée à %.2f", ": %d votes, its voters' load raised to %.2f"), s.Votes, l/float64(pow10(e.Digits())))
		default:
			line += fmt.Sprintf(pick(french, " : %d voix, score %d", ": %d votes, score %d"), s.Votes, s.Score)
		}
		if s.Phase != "main" {
			line += " [" + s.Phase + "]"
		}
		line += fmt.Sprintf(pick(french, " ; reste %s", "; %s left"), s.Remaining.Display(e.Digits(), e.Currency, french))
		out = append(out, line)
	}
	for i, r := range o.Reasons {
		if r == nil {
			continue
		}
		p := e.Projects[i]
		out = append(out, fmt.Sprintf("– %s %s: %s", p.ID, clipName(p.Name), r.Text(e, french)))
	}
	return out
}

func clipName(s string) string {
	r := []rune(s)
	if len(r) > 48 {
		return string(r[:47]) + "…"
	}
	return s
}
