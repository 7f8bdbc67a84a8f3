package schedule

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"slices"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/contribution"
)

// WriteLP writes the exact scheduling model of cx (see the package documentation) in
// CPLEX LP format, for an independent solver such as GLPK's glpsol
// (`glpsol --lp FILE -o OUT`). Its optimum is the best value [Score] can reach; tests use
// it to measure how close [Build] comes. Only confirmed proposals with a known format
// take part.
func WriteLP(w io.Writer, cx Context) error {
	if cx.Event == nil || cx.Grid == nil || cx.Call == nil {
		return ErrContext
	}
	pr := &Programme{}
	bins := sessions(cx, pr)
	var props []*contribution.Proposal
	for _, p := range cx.Proposals {
		if _, ok := cx.Call.Format(p.Format); ok && (p.State == contribution.StateConfirmed || p.State == contribution.StateScheduled) {
			props = append(props, &p.Proposal)
		}
	}
	slices.SortFunc(props, func(a, b *contribution.Proposal) int { return cmp.Compare(a.ID, b.ID) })
	x := func(i, s int) string { return fmt.Sprintf("x_%d_%d", i, s) }
	fits2 := func(i, s int) bool {
		f, _ := cx.Call.Format(props[i].Format)
		return bins[s].takes(f, props[i])
	}
	b := bufio.NewWriter(w)
	var obj, cons, bins01 []string
	add := func(list *[]string, s string) { *list = append(*list, s) }
	families := civic.Families()
	axes := cx.Call.Axes.IDs()
	langs := cx.Call.Languages
	for s := range bins {
		for i := range props {
			if fits2(i, s) {
				add(&obj, fmt.Sprintf("+ %d %s", WeightPlaced, x(i, s)))
				add(&bins01, x(i, s))
			}
		}
		if !bins[s].results {
			continue
		}
		for a := range axes {
			add(&bins01, fmt.Sprintf("y_%d_%d", s, a))
		}
		for g := range langs {
			add(&bins01, fmt.Sprintf("l_%d_%d", s, g))
		}
		for fi := range families {
			add(&obj, fmt.Sprintf("+ %d d_%d_%d", WeightDiverse, s, fi))
			add(&bins01, fmt.Sprintf("d_%d_%d", s, fi))
		}
		for i := range props {
			if !fits2(i, s) {
				continue
			}
			add(&obj, fmt.Sprintf("+ %d z_%d_%d + %d e_%d_%d", WeightCoherent, i, s, WeightGrouped, i, s))
			add(&bins01, fmt.Sprintf("z_%d_%d", i, s))
			add(&bins01, fmt.Sprintf("e_%d_%d", i, s))
		}
	}
	// Each proposal at most once.
	for i := range props {
		row := ""
		for s := range bins {
			if fits2(i, s) {
				row += " + " + x(i, s)
			}
		}
		if row != "" {
			add(&cons, fmt.Sprintf("once_%d:%s <= 1", i, row))
		}
	}
	for s := range bins {
		bn := &bins[s]
		row := ""
		for i := range props {
			if !fits2(i, s) {
				continue
			}
			if bn.tables > 0 {
				row += " + " + x(i, s)
			} else {
				f, _ := cx.Call.Format(props[i].Format)
				row += fmt.Sprintf(" + %d %s", f.Slot(), x(i, s))
			}
		}
		if row != "" {
			limit := bn.avail
			if bn.tables > 0 {
				// Identical tables, and every co-construction talk of one length.
				m := 0
				for i := range props {
					if fits2(i, s) {
						f, _ := cx.Call.Format(props[i].Format)
						m = max(m, f.Slot())
					}
				}
				limit = bn.tables * (bn.avail / max(m, 1))
			}
			add(&cons, fmt.Sprintf("cap_%d:%s <= %d", s, row, limit))
		}
		if !bn.results {
			continue
		}
		ax, lg := "", ""
		for a := range axes {
			ax += fmt.Sprintf(" + y_%d_%d", s, a)
		}
		for g := range langs {
			lg += fmt.Sprintf(" + l_%d_%d", s, g)
		}
		add(&cons, fmt.Sprintf("axis_%d:%s <= 1", s, ax))
		add(&cons, fmt.Sprintf("lang_%d:%s <= 1", s, lg))
		for fi, fam := range families {
			row := fmt.Sprintf("fam_%d_%d: d_%d_%d", s, fi, s, fi)
			for i, p := range props {
				if fits2(i, s) && p.Family() == fam {
					row += " - " + x(i, s)
				}
			}
			add(&cons, row+" <= 0")
		}
		for i, p := range props {
			if !fits2(i, s) {
				continue
			}
			add(&cons, fmt.Sprintf("zx_%d_%d: z_%d_%d - %s <= 0", i, s, i, s, x(i, s)))
			row := fmt.Sprintf("zy_%d_%d: z_%d_%d", i, s, i, s)
			for a, id := range axes {
				if slices.Contains(p.Axes, id) {
					row += fmt.Sprintf(" - y_%d_%d", s, a)
				}
			}
			add(&cons, row+" <= 0")
			add(&cons, fmt.Sprintf("ex_%d_%d: e_%d_%d - %s <= 0", i, s, i, s, x(i, s)))
			g := slices.Index(langs, p.Language)
			if g < 0 {
				add(&cons, fmt.Sprintf("el_%d_%d: e_%d_%d <= 0", i, s, i, s))
			} else {
				add(&cons, fmt.Sprintf("el_%d_%d: e_%d_%d - l_%d_%d <= 0", i, s, i, s, s, g))
			}
		}
	}
	// Nobody in two places at once: per person and instant (the start of a slot), at most
	// one talk in the sessions covering it.
	type key struct {
		email string
		point int
	}
	rows := map[key]string{}
	var keys []key
	for i, p := range props {
		var emails []string
		for _, c := range p.Contributors {
			if !slices.Contains(emails, c.Email) {
				emails = append(emails, c.Email)
			}
		}
		for _, email := range emails {
			for s := range bins {
				if !fits2(i, s) {
					continue
				}
				for _, t := range bins[s].points {
					k := key{email, t}
					if _, ok := rows[k]; !ok {
						keys = append(keys, k)
					}
					rows[k] += " + " + x(i, s)
				}
			}
		}
	}
	for n, k := range keys {
		add(&cons, fmt.Sprintf("busy_%d:%s <= 1", n, rows[k]))
	}
	fmt.Fprintln(b, "\\ civic: exact scheduling model")
	fmt.Fprintln(b, "Maximize")
	fmt.Fprint(b, " obj:")
	if len(obj) == 0 {
		fmt.Fprint(b, " 0 dummy")
	}
	for _, t := range obj {
		fmt.Fprintf(b, "\n  %s", t)
	}
	fmt.Fprintln(b, "\nSubject To")
	for _, c := range cons {
		fmt.Fprintf(b, " %s\n", c)
	}
	fmt.Fprintln(b, "Binary")
	for _, v := range bins01 {
		fmt.Fprintf(b, " %s\n", v)
	}
	fmt.Fprintln(b, "End")
	return b.Flush()
}
