package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/contribution"
)

// runSelect runs "civic select": the exact, diversity-aware selection of reviewed
// proposals. Candidates come from --candidates (a JSON array of candidates with their
// scores) or from --proposals and --reviews (scores aggregated from the reviews). Quotas
// come from --quotas (a JSON document) and/or flags, the flags overriding the file.
func runSelect(e *env) error {
	fs := flags("select")
	callFile := fs.String("call", "", "call document (default: the built-in 2019 call)")
	candFile := fs.String("candidates", "", "candidates: a JSON array of {id, score, format, family, axes, english, international}")
	propFile := fs.String("proposals", "", "proposals: a JSON array (with --reviews)")
	revFile := fs.String("reviews", "", "reviews: a JSON array (with --proposals)")
	method := fs.String("method", "mean", "aggregation of reviews: mean or median")
	normalise := fs.Bool("normalise", false, "normalise each reviewer's scores (z-scores)")
	quotaFile := fs.String("quotas", "", "quotas: a JSON document {places, families, axes, english, international, seed}")
	places := fs.String("places", "", "places per format: research=4,pitch=3,…")
	families := fs.String("family", "", "family bounds: public=2:5,company=1:,… (min:max, either may be empty)")
	axes := fs.String("axis", "", "minimum per axis: 1=2,2=1,…")
	enMin := fs.Float64("english-min", -1, "least share of English contributions, 0..1")
	enMax := fs.Float64("english-max", -1, "greatest share of English contributions, 0..1")
	inMin := fs.Float64("international-min", -1, "least share of international contributions, 0..1")
	inMax := fs.Float64("international-max", -1, "greatest share of international contributions, 0..1")
	seed := fs.String("seed", "", "published seed that breaks ties")
	explain := fs.Int("explain", 5, "number of best proposals left out to explain")
	asJSON := fs.Bool("json", false, "write the selection as JSON")
	if _, err := parse(fs, e.args); err != nil {
		return err
	}
	c, err := loadCall(*callFile)
	if err != nil {
		return err
	}
	var cs []contribution.Candidate
	switch {
	case *candFile != "":
		if err := readJSONFile(*candFile, &cs); err != nil {
			return err
		}
	case *propFile != "" && *revFile != "":
		data, err := readFile(*propFile)
		if err != nil {
			return err
		}
		ps, _ := contribution.DecodeProposals(data, c)
		byID := map[string]*contribution.Proposal{}
		for _, p := range ps {
			byID[p.ID] = p
		}
		rdata, err := readFile(*revFile)
		if err != nil {
			return err
		}
		rs, err := contribution.DecodeReviews(rdata, c, func(id string) *contribution.Proposal { return byID[id] })
		if err != nil {
			return reportProblems(e, inFile(*revFile, err))
		}
		format := map[string]string{}
		for _, p := range ps {
			format[p.ID] = p.Format
		}
		scores := contribution.Aggregate(c, rs, func(id string) string { return format[id] },
			contribution.Aggregation{Method: contribution.Method(*method), Normalise: *normalise})
		for _, p := range ps {
			if s, ok := scores[p.ID]; ok {
				cs = append(cs, contribution.NewCandidate(p, c, s))
			}
		}
	default:
		return usagef("give --candidates, or --proposals and --reviews")
	}
	var q contribution.Quotas
	if *quotaFile != "" {
		if err := readJSONFile(*quotaFile, &q); err != nil {
			return err
		}
	}
	if err := quotaFlags(&q, *places, *families, *axes); err != nil {
		return err
	}
	for _, s := range []struct {
		v   float64
		dst *float64
	}{{*enMin, &q.English.Min}, {*enMax, &q.English.Max}, {*inMin, &q.International.Min}, {*inMax, &q.International.Max}} {
		if s.v >= 0 {
			*s.dst = s.v
		}
	}
	if *seed != "" {
		q.Seed = *seed
	}
	if *explain == 0 {
		*explain = -1
	}
	sel, err := contribution.Select(cs, q, contribution.SelectOptions{Explain: *explain})
	if err != nil {
		if fes := civic.FieldErrors(err); len(fes) > 0 {
			fmt.Fprintln(e.stderr, label(e.lang, "Sélection impossible :", "No selection possible:"))
			for _, fe := range fes {
				fmt.Fprintf(e.stderr, "  %-28s %-20s %s\n", termSafe(fe.Path.String()), fe.Code, termSafe(fe.Localize(e.p)))
			}
			return errInvalid
		}
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(sel)
	}
	printSelection(e, sel, cs)
	return nil
}

// printSelection presents a selection for people.
func printSelection(e *env, sel *contribution.Selection, cs []contribution.Candidate) {
	byID := map[string]contribution.Candidate{}
	for _, c := range cs {
		byID[c.ID] = c
	}
	fmt.Fprintf(e.stdout, label(e.lang, "%d propositions retenues, score total %.2f (graine « %s », %d nœuds)\n", "%d proposals selected, total score %.2f (seed %q, %d nodes)\n"),
		len(sel.Selected), sel.Total, sel.Seed, sel.Nodes)
	for _, id := range sel.Selected {
		c := byID[id]
		fmt.Fprintf(e.stdout, "  %-10s %6.2f  %-14s %-12s %s\n", termSafe(id), c.Score, termSafe(c.Format), termSafe(string(c.Family)), termSafe(strings.Join(c.Axes, ",")))
	}
	fmt.Fprintln(e.stdout, label(e.lang, "Quotas :", "Quotas:"))
	for _, q := range sel.Quotas {
		tight := ""
		if q.Tight {
			tight = label(e.lang, "  (atteint)", "  (reached)")
		}
		fmt.Fprintf(e.stdout, "  %-28s %8s / %-8s%s\n", q.Name, num(q.Value), num(q.Bound), tight)
	}
	if len(sel.Excluded) > 0 {
		fmt.Fprintln(e.stdout, label(e.lang, "Meilleures propositions non retenues :", "Best proposals left out:"))
	}
	for _, x := range sel.Excluded {
		if x.Infeasible {
			fmt.Fprintf(e.stdout, label(e.lang, "  %-10s %6.2f  la retenir rendrait les quotas impossibles\n", "  %-10s %6.2f  taking it makes the quotas impossible\n"), x.ID, x.Score)
			continue
		}
		fmt.Fprintf(e.stdout, label(e.lang, "  %-10s %6.2f  coûterait %.2f points ; quotas : %s ; remplacerait %s\n", "  %-10s %6.2f  would cost %.2f points; quotas: %s; would replace %s\n"),
			x.ID, x.Score, x.Loss, orNone(e, x.Binding), orNone(e, x.Displaced))
	}
}

func orNone(e *env, xs []string) string {
	if len(xs) == 0 {
		return label(e.lang, "aucun", "none")
	}
	return strings.Join(xs, ", ")
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// quotaFlags applies the quota flags to q.
func quotaFlags(q *contribution.Quotas, places, families, axes string) error {
	for _, kv := range splitList(places) {
		k, v, ok := strings.Cut(kv, "=")
		n, err := strconv.Atoi(v)
		if !ok || err != nil {
			return usagef("--places: %q is not format=number", kv)
		}
		if q.Places == nil {
			q.Places = map[string]int{}
		}
		q.Places[k] = n
	}
	for _, kv := range splitList(families) {
		k, v, ok := strings.Cut(kv, "=")
		lo, hi, ok2 := strings.Cut(v, ":")
		if !ok || !ok2 {
			return usagef("--family: %q is not family=min:max", kv)
		}
		var r contribution.Range
		var err error
		if lo != "" {
			if r.Min, err = strconv.Atoi(lo); err != nil {
				return usagef("--family: %q: %v", kv, err)
			}
		}
		if hi != "" {
			if r.Max, err = strconv.Atoi(hi); err != nil {
				return usagef("--family: %q: %v", kv, err)
			}
		}
		if q.Families == nil {
			q.Families = map[civic.Family]contribution.Range{}
		}
		q.Families[civic.Family(k)] = r
	}
	for _, kv := range splitList(axes) {
		k, v, ok := strings.Cut(kv, "=")
		n, err := strconv.Atoi(v)
		if !ok || err != nil {
			return usagef("--axis: %q is not axis=number", kv)
		}
		if q.Axes == nil {
			q.Axes = map[string]int{}
		}
		q.Axes[k] = n
	}
	return nil
}

func splitList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}

// readJSONFile decodes a JSON file strictly: unknown members are refused.
func readJSONFile(path string, v any) error {
	data, err := readFile(path)
	if err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}
