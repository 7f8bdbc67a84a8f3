package participation

import (
	"errors"
	"io"

	"github.com/civic-observatory/civic/participation/budget"
)

// ElectionMeasures reports the outcome measures of the participatory-budget election a
// device ran, read from its Pabulib file: computed with rule, or with the file's own rule
// when rule is empty (greedy when the file's rule is unknown). The device must be a
// participatory budget.
func ElectionMeasures(d *Device, r io.Reader, rule string) (*budget.Measures, *budget.Outcome, error) {
	if d.Kind != KindBudget {
		return nil, nil, errors.New("participation: device " + d.ID + " is not a participatory budget")
	}
	e, _, err := budget.Read(r)
	if err != nil {
		return nil, nil, err
	}
	if rule == "" {
		rule = budget.RuleGreedy
		if name, ok := budget.RuleName(e.Rule); ok {
			rule = name
		}
	}
	o, err := budget.Compute(e, rule)
	if err != nil {
		return nil, nil, err
	}
	return budget.Measure(e, o), o, nil
}
