package budget_test

import (
	"fmt"

	"github.com/civic-observatory/civic/participation/budget"
)

// The built-in fictional election, counted by greedy and by the Method of Equal Shares.
func Example() {
	e, err := budget.Villeneuve2024()
	if err != nil {
		panic(err)
	}
	for _, rule := range []string{budget.RuleGreedy, budget.RuleMESAdd1} {
		o, err := budget.Compute(e, rule)
		if err != nil {
			panic(err)
		}
		m := budget.Measure(e, o)
		share, _ := m.Represented.Float64()
		fmt.Printf("%s: %d projects, %s, voters with a funded project %.1f %%\n", o.Rule, len(o.Selected), e.Money(o.Cost), 100*share)
	}
	o, _ := budget.Compute(e, budget.RuleMES)
	fmt.Println(o.Explain(e, false)[0])
	// Output:
	// greedy: 6 projects, 290,000.00 EUR, voters with a funded project 69.4 %
	// mes-add1: 7 projects, 260,000.00 EUR, voters with a funded project 83.8 %
	// 1. P01 Rénovation du gymnase Jean-Moulin, 120,000.00 EUR: 67 votes, 67.00 effective votes; 67 paid 1,791.04 EUR each; 180,000.00 EUR left
}
