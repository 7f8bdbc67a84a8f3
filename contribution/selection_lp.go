package contribution

import (
	"fmt"
	"io"
	"strconv"

	"github.com/civic-observatory/civic/internal/lp"
)

// WriteLP writes the selection problem of [Select] in the CPLEX LP format, so that an
// independent solver can check it (glpsol --lp FILE, from GLPK). The objective is the total
// score in whole units of [Resolution], without the seeded tie-breaking, so its optimum
// equals [Selection.Total] / Resolution. Variable x<i> is candidate i, in the order given;
// each constraint is named after its quota ("places_research", "families_public_min").
func WriteLP(w io.Writer, cs []Candidate, q Quotas) error {
	if err := q.Validate(); err != nil {
		return err
	}
	qs := buildQuotas(cs, &q)
	m := lp.Model{Comment: fmt.Sprintf("civic selection: %d candidates, %d quotas, scores in units of %g", len(cs), len(qs), Resolution)}
	x := func(i int) string { return "x" + strconv.Itoa(i) }
	for i := range cs {
		m.Objective = append(m.Objective, lp.Term{Coef: float64(points(cs[i].Score)), Var: x(i)})
		m.Binary = append(m.Binary, x(i))
	}
	for r, k := range qs {
		row := lp.Row{Name: lp.Name("q"+strconv.Itoa(r)+"_", k.name), Bound: k.bound}
		for i, c := range k.coef {
			if c != 0 {
				row.Terms = append(row.Terms, lp.Term{Coef: c, Var: x(i)})
			}
		}
		m.Rows = append(m.Rows, row)
	}
	return m.Write(w)
}
