package contribution

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
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
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "\\ civic selection: %d candidates, %d quotas, scores in units of %g\n", len(cs), len(qs), Resolution)
	bw.WriteString("Maximize\n obj:")
	line := 0
	term := func(coef float64, i int) {
		if line > 8 {
			bw.WriteString("\n ")
			line = 0
		}
		line++
		s := strconv.FormatFloat(coef, 'g', -1, 64)
		if coef >= 0 {
			s = "+ " + s
		} else {
			s = "- " + s[1:]
		}
		fmt.Fprintf(bw, " %s x%d", s, i)
	}
	for i := range cs {
		term(float64(points(cs[i].Score)), i)
	}
	bw.WriteString("\nSubject To\n")
	for r, k := range qs {
		name := lpName(k.name, r)
		fmt.Fprintf(bw, " %s:", name)
		line = 0
		any := false
		for i, c := range k.coef {
			if c != 0 {
				term(c, i)
				any = true
			}
		}
		if !any {
			bw.WriteString(" 0 x0")
		}
		fmt.Fprintf(bw, " <= %s\n", strconv.FormatFloat(k.bound, 'g', -1, 64))
	}
	bw.WriteString("Binary\n")
	for i := range cs {
		fmt.Fprintf(bw, " x%d\n", i)
	}
	bw.WriteString("End\n")
	return bw.Flush()
}

// lpName makes a constraint name of the LP format from a quota name.
func lpName(name string, r int) string {
	b := []byte{}
	for i := 0; i < len(name); i++ {
		c := name[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' {
			b = append(b, c)
		} else {
			b = append(b, '_')
		}
	}
	return "q" + strconv.Itoa(r) + "_" + string(b)
}
