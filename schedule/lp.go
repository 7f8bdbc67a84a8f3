package schedule

import (
	"cmp"
	"fmt"
	"io"
	"slices"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/contribution"
	"github.com/civic-observatory/civic/internal/lp"
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
	m := lp.Model{Comment: "civic: exact scheduling model"}
	obj := func(coef int, v string) { m.Objective = append(m.Objective, lp.Term{Coef: float64(coef), Var: v}) }
	bin := func(v string) { m.Binary = append(m.Binary, v) }
	one := func(v string) lp.Term { return lp.Term{Coef: 1, Var: v} }
	minus := func(v string) lp.Term { return lp.Term{Coef: -1, Var: v} }
	row := func(name string, bound int, ts ...lp.Term) {
		m.Rows = append(m.Rows, lp.Row{Name: name, Terms: ts, Bound: float64(bound)})
	}
	families := civic.Families()
	axes := cx.Call.Axes.IDs()
	langs := cx.Call.Languages
	for s := range bins {
		for i := range props {
			if fits2(i, s) {
				obj(WeightPlaced, x(i, s))
				bin(x(i, s))
			}
		}
		if !bins[s].results {
			continue
		}
		for a := range axes {
			bin(fmt.Sprintf("y_%d_%d", s, a))
		}
		for g := range langs {
			bin(fmt.Sprintf("l_%d_%d", s, g))
		}
		for fi := range families {
			obj(WeightDiverse, fmt.Sprintf("d_%d_%d", s, fi))
			bin(fmt.Sprintf("d_%d_%d", s, fi))
		}
		for i := range props {
			if !fits2(i, s) {
				continue
			}
			obj(WeightCoherent, fmt.Sprintf("z_%d_%d", i, s))
			obj(WeightGrouped, fmt.Sprintf("e_%d_%d", i, s))
			bin(fmt.Sprintf("z_%d_%d", i, s))
			bin(fmt.Sprintf("e_%d_%d", i, s))
		}
	}
	// Each proposal at most once.
	for i := range props {
		var ts []lp.Term
		for s := range bins {
			if fits2(i, s) {
				ts = append(ts, one(x(i, s)))
			}
		}
		if len(ts) > 0 {
			row(fmt.Sprintf("once_%d", i), 1, ts...)
		}
	}
	for s := range bins {
		bn := &bins[s]
		var ts []lp.Term
		for i := range props {
			if !fits2(i, s) {
				continue
			}
			if bn.tables > 0 {
				ts = append(ts, one(x(i, s)))
			} else {
				f, _ := cx.Call.Format(props[i].Format)
				ts = append(ts, lp.Term{Coef: float64(f.Slot()), Var: x(i, s)})
			}
		}
		if len(ts) > 0 {
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
			row(fmt.Sprintf("cap_%d", s), limit, ts...)
		}
		if !bn.results {
			continue
		}
		var ax, lg []lp.Term
		for a := range axes {
			ax = append(ax, one(fmt.Sprintf("y_%d_%d", s, a)))
		}
		for g := range langs {
			lg = append(lg, one(fmt.Sprintf("l_%d_%d", s, g)))
		}
		row(fmt.Sprintf("axis_%d", s), 1, ax...)
		row(fmt.Sprintf("lang_%d", s), 1, lg...)
		for fi, fam := range families {
			ts := []lp.Term{one(fmt.Sprintf("d_%d_%d", s, fi))}
			for i, p := range props {
				if fits2(i, s) && p.Family() == fam {
					ts = append(ts, minus(x(i, s)))
				}
			}
			row(fmt.Sprintf("fam_%d_%d", s, fi), 0, ts...)
		}
		for i, p := range props {
			if !fits2(i, s) {
				continue
			}
			z, e := fmt.Sprintf("z_%d_%d", i, s), fmt.Sprintf("e_%d_%d", i, s)
			row(fmt.Sprintf("zx_%d_%d", i, s), 0, one(z), minus(x(i, s)))
			ts := []lp.Term{one(z)}
			for a, id := range axes {
				if slices.Contains(p.Axes, id) {
					ts = append(ts, minus(fmt.Sprintf("y_%d_%d", s, a)))
				}
			}
			row(fmt.Sprintf("zy_%d_%d", i, s), 0, ts...)
			row(fmt.Sprintf("ex_%d_%d", i, s), 0, one(e), minus(x(i, s)))
			g := slices.Index(langs, p.Language)
			if g < 0 {
				row(fmt.Sprintf("el_%d_%d", i, s), 0, one(e))
			} else {
				row(fmt.Sprintf("el_%d_%d", i, s), 0, one(e), minus(fmt.Sprintf("l_%d_%d", s, g)))
			}
		}
	}
	// Nobody in two places at once: per person and instant (the start of a slot), at most
	// one talk in the sessions covering it.
	type key struct {
		email string
		point int
	}
	rows := map[key][]lp.Term{}
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
					rows[k] = append(rows[k], one(x(i, s)))
				}
			}
		}
	}
	for n, k := range keys {
		row(fmt.Sprintf("busy_%d", n), 1, rows[k]...)
	}
	return m.Write(w)
}
