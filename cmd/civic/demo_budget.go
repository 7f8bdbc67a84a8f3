package main

import (
	"fmt"

	"golang.org/x/text/language"

	"github.com/civic-observatory/civic/participation/budget"
)

// demoBudget ends the demo with the built-in fictional participatory budget: greedy's
// outcome, the Method of Equal Shares' with the Add1 completion, and what changes for the
// voters.
func demoBudget(e *env, _ *demoState) error {
	heading(e, "Budget participatif de Villeneuve-sur-Loire 2024 (données fictives)", "Participatory budget of Villeneuve-sur-Loire 2024 (fictional data)")
	el, err := budget.Villeneuve2024()
	if err != nil {
		return err
	}
	fr := e.lang == language.French
	g := budget.Greedy(el, budget.RuleGreedy)
	m, err := budget.Compute(el, budget.RuleMESAdd1)
	if err != nil {
		return err
	}
	c := budget.Compare(el, g, m)
	fmt.Fprintf(e.stdout, label(e.lang, "%s pour %d projets, %d votants dès 11 ans.\n", "%s for %d projects, %d voters from 11 years old.\n"),
		el.Budget.Display(el.Digits(), el.Currency, fr), len(el.Projects), el.NumVoters)
	for _, o := range []*budget.Outcome{g, m} {
		fmt.Fprintf(e.stdout, label(e.lang, "\n%s : %s financés pour %s\n", "\n%s: %s funded for %s\n"), o.Rule, projectIDs(el, o.Selected), o.Cost.Display(el.Digits(), el.Currency, fr))
		for _, line := range o.Explain(el, fr)[:len(o.Selected)] {
			fmt.Fprintln(e.stdout, "  "+line)
		}
	}
	fmt.Fprintf(e.stdout, label(e.lang, "\nÉlecteurs avec au moins un projet financé : %s (glouton), %s (parts égales).\n", "\nVoters with at least one funded project: %s (greedy), %s (equal shares).\n"),
		pct(c.MA.Represented), pct(c.MB.Represented))
	fmt.Fprintf(e.stdout, label(e.lang, "Quartier Bord de Loire : %s (glouton), %s (parts égales).\n", "Bord de Loire district: %s (greedy), %s (equal shares).\n"),
		districtCost(c.MA, "Bord de Loire", fr), districtCost(c.MB, "Bord de Loire", fr))
	return nil
}

func districtCost(m *budget.Measures, d string, fr bool) string {
	for _, s := range m.ByDistrict {
		if s.Name == d {
			return s.Cost.Display(fr)
		}
	}
	return "n/a"
}
