package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"os"
	"strings"

	"golang.org/x/text/language"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/participation/budget"
)

// runBudget computes the outcome of a participatory budget in the Pabulib format.
//
//	civic budget [--rule RULE] [--compare RULE] [--format text|json|csv|pb] [FILE.pb|-]
//
// Without a file it uses the built-in fictional example (Villeneuve-sur-Loire 2024). The
// rule defaults to the one the file names when this package implements it, greedy
// otherwise. It prints the outcome with its explanation, the difference from the file's
// selected column, the measures, and with --compare a second rule side by side. A file
// with errors is reported with line and column and exits 1; warnings are printed and do
// not change the exit status.
func runBudget(e *env) error {
	fs := flags("budget")
	rule := fs.String("rule", "", "rule: "+strings.Join(budget.Rules(), ", ")+" (default: the file's rule when known, else greedy)")
	cmp := fs.String("compare", "", "a second rule, set side by side with the first")
	format := fs.String("format", "text", "output: text, json, csv (one row per project) or pb (the file with the computed selected column)")
	files, err := parse(fs, e.args)
	if err != nil {
		return err
	}
	if len(files) > 1 {
		return usagef("at most one file")
	}
	switch *format {
	case "text", "json", "csv", "pb":
	default:
		return unknownValue("format", *format, "text", "json", "csv", "pb")
	}
	for _, r := range []string{*rule, *cmp} {
		if _, ok := budget.RuleName(r); r != "" && !ok {
			return usagef("unknown rule %q (known: %s)", r, strings.Join(budget.Rules(), ", "))
		}
	}
	var in io.Reader
	name := ""
	switch {
	case len(files) == 0:
		in, name = bytes.NewReader(budget.Villeneuve2024File()), "villeneuve-sur-loire-2024.pb"
	case files[0] == "-":
		in, name = e.stdin, "-"
	default:
		f, err := os.Open(files[0])
		if err != nil {
			return err
		}
		defer f.Close()
		in, name = f, files[0]
	}
	el, warns, err := budget.Read(in)
	fr := e.lang == language.French
	if err != nil {
		re, ok := err.(*budget.ReadError)
		if !ok {
			return err
		}
		if *format == "json" {
			return budgetWriteJSON(e.stdout, map[string]any{"file": name, "valid": false, "errors": issuesJSON(e, re.Issues), "warnings": issuesJSON(e, warns)})
		}
		for k := range re.Issues {
			fmt.Fprintf(e.stderr, "%s: %s\n", name, re.Issues[k].Localize(e.p, e.lang))
		}
		if re.Truncated {
			fmt.Fprintln(e.stderr, label(e.lang, "… (erreurs suivantes non affichées)", "… (further errors not shown)"))
		}
		return errInvalid
	}
	r := *rule
	if r == "" {
		if known, ok := budget.RuleName(el.Rule); ok {
			r = known
		} else {
			r = budget.RuleGreedy
		}
	}
	o, err := budget.Compute(el, r)
	if err != nil {
		return err
	}
	var c *budget.Comparison
	if *cmp != "" {
		ob, err := budget.Compute(el, *cmp)
		if err != nil {
			return err
		}
		c = budget.Compare(el, o, ob)
	}
	m := budget.Measure(el, o)
	switch *format {
	case "pb":
		return budget.WriteSelected(e.stdout, el, o)
	case "csv":
		return budgetCSV(e, el, o, c)
	case "json":
		return budgetWriteJSON(e.stdout, budgetJSON(e, name, el, warns, o, m, c))
	}
	w := e.stdout
	for k := range warns {
		fmt.Fprintf(e.stderr, "%s: %s\n", name, warns[k].Localize(e.p, e.lang))
	}
	fmt.Fprintln(w, el.Description)
	fmt.Fprintf(w, label(e.lang, "Budget : %s, %d projets, %d votants, bulletins %s, règle du fichier : %s\n",
		"Budget: %s, %d projects, %d voters, %s ballots, rule in the file: %s\n"),
		el.Budget.Display(el.Digits(), el.Currency, fr), len(el.Projects), el.NumVoters, el.VoteType, orNA(el.Rule))
	fmt.Fprintf(w, label(e.lang, "\nRésultat (%s) : %d projets financés pour %s (%s du budget)\n", "\nOutcome (%s): %d projects funded for %s (%s of the budget)\n"),
		o.Rule, len(o.Selected), o.Cost.Display(el.Digits(), el.Currency, fr), pct(m.BudgetShare))
	for _, line := range o.Explain(el, fr) {
		fmt.Fprintln(w, "  "+line)
	}
	for k := range o.Notes {
		fmt.Fprintln(w, "  "+o.Notes[k].Text(el, fr))
	}
	if want, ok := el.SelectedInFile(); ok {
		onlyOurs, onlyFile := diff(o.Selected, want)
		if len(onlyOurs) == 0 && len(onlyFile) == 0 {
			fmt.Fprintln(w, label(e.lang, "\nIdentique à la colonne selected du fichier.", "\nSame as the file's selected column."))
		} else {
			fmt.Fprintln(w, label(e.lang, "\nDifférences avec la colonne selected du fichier :", "\nDifferences from the file's selected column:"))
			fmt.Fprintf(w, "  + %s\n  - %s\n", projectIDs(el, onlyOurs), projectIDs(el, onlyFile))
		}
	}
	fmt.Fprintln(w, label(e.lang, "\nMesures :", "\nMeasures:"))
	printMeasures(e, el, o, m, "  ")
	if c != nil {
		fmt.Fprintf(w, label(e.lang, "\nComparaison : %s / %s\n", "\nComparison: %s / %s\n"), c.A.Rule, c.B.Rule)
		fmt.Fprintf(w, label(e.lang, "  financés par les deux : %s\n  seulement par %s : %s\n  seulement par %s : %s\n",
			"  funded by both: %s\n  only by %s: %s\n  only by %s: %s\n"),
			projectIDs(el, c.Both), c.A.Rule, projectIDs(el, c.OnlyA), c.B.Rule, projectIDs(el, c.OnlyB))
		fmt.Fprintf(w, label(e.lang, "  électeurs mieux servis : %d par %s, %d par %s\n", "  voters better served: %d by %s, %d by %s\n"),
			c.PreferA, c.A.Rule, c.PreferB, c.B.Rule)
		fmt.Fprintf(w, "  %-44s %18s %18s\n", "", c.A.Rule, c.B.Rule)
		rows := [][3]string{
			{label(e.lang, "coût", "cost"), c.MA.Cost.Display(fr), c.MB.Cost.Display(fr)},
			{label(e.lang, "projets financés", "projects funded"), fmt.Sprint(c.MA.Funded), fmt.Sprint(c.MB.Funded)},
			{label(e.lang, "électeurs avec un projet financé", "voters with a funded project"), pct(c.MA.Represented), pct(c.MB.Represented)},
			{label(e.lang, "projets financés par bulletin (moyenne)", "funded projects per ballot (average)"), dec(c.MA.AvgFunded), dec(c.MB.AvgFunded)},
			{label(e.lang, "satisfaction en coût (moyenne)", "cost satisfaction (average)"), pct(c.MA.AvgCostSatisfaction), pct(c.MB.AvgCostSatisfaction)},
			{label(e.lang, "Gini de la satisfaction en coût", "Gini of cost satisfaction"), fl(c.MA.Gini), fl(c.MB.Gini)},
			{label(e.lang, "proportionnalité par catégorie", "category proportionality"), fl(c.MA.CategoryProportionality), fl(c.MB.CategoryProportionality)},
		}
		for _, r := range rows {
			fmt.Fprintf(w, "  %-44s %18s %18s\n", r[0], r[1], r[2])
		}
	}
	return nil
}

// printMeasures prints an outcome's measures; unknown ones read n/a.
func printMeasures(e *env, el *budget.Election, o *budget.Outcome, m *budget.Measures, indent string) {
	w := e.stdout
	fr := e.lang == language.French
	fmt.Fprintf(w, label(e.lang, "%sélecteurs avec au moins un projet financé : %s\n", "%svoters with at least one funded project: %s\n"), indent, pct(m.Represented))
	fmt.Fprintf(w, label(e.lang, "%sprojets financés par bulletin (moyenne) : %s\n", "%sfunded projects per ballot (average): %s\n"), indent, dec(m.AvgFunded))
	fmt.Fprintf(w, label(e.lang, "%ssatisfaction en coût (moyenne) : %s ; Gini : %s\n", "%scost satisfaction (average): %s; Gini: %s\n"), indent, pct(m.AvgCostSatisfaction), fl(m.Gini))
	fmt.Fprintf(w, label(e.lang, "%sproportionnalité par catégorie : %s\n", "%scategory proportionality: %s\n"), indent, fl(m.CategoryProportionality))
	if groups, unknown := budget.Ages(el, o); groups == nil {
		fmt.Fprintf(w, "%s%sn/a\n", indent, colon(e.lang, "votants par âge", "voters by age"))
	} else {
		fmt.Fprintf(w, "%s%s\n", indent, strings.TrimSpace(colon(e.lang, "votants par âge (avec un projet financé)", "voters by age (with a funded project)")))
		for _, g := range groups {
			fmt.Fprintf(w, "%s  %-10s %7d %7d\n", indent, g.Group, g.Voters, g.Represented)
		}
		if unknown > 0 {
			fmt.Fprintf(w, "%s  %-10s %7d\n", indent, label(e.lang, "inconnu", "unknown"), unknown)
		}
	}
	for _, part := range []struct {
		title  string
		slices []budget.Slice
	}{{label(e.lang, "par catégorie", "by category"), m.ByCategory}, {label(e.lang, "par quartier", "by district"), m.ByDistrict}} {
		if part.slices == nil {
			fmt.Fprintf(w, "%s%sn/a\n", indent, colon(e.lang, part.title, part.title))
			continue
		}
		fmt.Fprintf(w, "%s%s\n", indent, strings.TrimSpace(colon(e.lang, part.title, part.title)))
		for _, s := range part.slices {
			n := s.Name
			if n == "" {
				n = "n/a"
			}
			fmt.Fprintf(w, label(e.lang, "%s  %-40s %20s %8s du financé, %8s des voix\n", "%s  %-40s %20s %8s of funding, %8s of votes\n"),
				indent, clip(n, 40), s.Cost.Display(fr), pct(s.Share), pct(s.VoteShare))
		}
	}
}

func orNA(s string) string {
	if s == "" {
		return "n/a"
	}
	return s
}

// pct writes an exact share as a percentage with two decimals, or n/a.
func pct(r *big.Rat) string {
	if r == nil {
		return "n/a"
	}
	return new(big.Rat).Mul(r, big.NewRat(100, 1)).FloatString(2) + " %"
}

func dec(r *big.Rat) string {
	if r == nil {
		return "n/a"
	}
	return r.FloatString(2)
}

func fl(f *float64) string {
	if f == nil {
		return "n/a"
	}
	return fmt.Sprintf("%.3f", *f)
}

func ratJSON(r *big.Rat) any {
	if r == nil {
		return nil
	}
	f, _ := r.Float64()
	return f
}

func diff(a, b []int) (onlyA, onlyB []int) {
	in := map[int]int{}
	for _, p := range a {
		in[p] |= 1
	}
	for _, p := range b {
		in[p] |= 2
	}
	for _, p := range a {
		if in[p] == 1 {
			onlyA = append(onlyA, p)
		}
	}
	for _, p := range b {
		if in[p] == 2 {
			onlyB = append(onlyB, p)
		}
	}
	return onlyA, onlyB
}

func projectIDs(el *budget.Election, ps []int) string {
	if len(ps) == 0 {
		return "—"
	}
	ids := make([]string, len(ps))
	for k, p := range ps {
		ids[k] = el.Projects[p].ID
	}
	return strings.Join(ids, ", ")
}

func budgetWriteJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func issuesJSON(e *env, is []budget.Issue) []map[string]any {
	out := []map[string]any{}
	for k := range is {
		i := &is[k]
		out = append(out, map[string]any{"line": i.Line, "column": i.Column, "path": i.Path.String(), "code": i.Code,
			"args": i.Args, "warning": i.Warning, "message": e.p.Sprintf(string(i.Code), i.Args...)})
	}
	return out
}

func outcomeJSON(e *env, el *budget.Election, o *budget.Outcome) map[string]any {
	fr := e.lang == language.French
	steps := []map[string]any{}
	for _, s := range o.Steps {
		st := map[string]any{"project": el.Projects[s.Project].ID, "phase": s.Phase, "votes": s.Votes, "score": s.Score,
			"remaining": el.Money(s.Remaining), "effective_votes": ratJSON(s.EffectiveVotes)}
		if s.MaxPayment != nil {
			st["max_payment"] = map[string]any{"exact_minor": s.MaxPayment.RatString(), "currency": civic.Code(el.Currency)}
		}
		var pays []map[string]any
		for _, p := range s.Payments {
			pays = append(pays, map[string]any{"voters": p.Voters, "amount_exact_minor": p.Amount.RatString(), "whole_budget": p.Whole})
		}
		if pays != nil {
			st["payments"] = pays
		}
		steps = append(steps, st)
	}
	unfunded := []map[string]any{}
	for p, r := range o.Reasons {
		if r == nil {
			continue
		}
		unfunded = append(unfunded, map[string]any{"project": el.Projects[p].ID, "reason": r.Code, "explanation": r.Text(el, fr)})
	}
	sel := []string{}
	for _, p := range o.Selected {
		sel = append(sel, el.Projects[p].ID)
	}
	notes := []string{}
	for k := range o.Notes {
		notes = append(notes, o.Notes[k].Text(el, fr))
	}
	return map[string]any{"rule": o.Rule, "selected": sel, "cost": el.Money(o.Cost), "steps": steps, "unfunded": unfunded, "notes": notes}
}

func measuresJSON(m *budget.Measures) map[string]any {
	sl := func(ss []budget.Slice) any {
		if ss == nil {
			return nil
		}
		out := []map[string]any{}
		for _, s := range ss {
			out = append(out, map[string]any{"name": s.Name, "cost": s.Cost, "share": ratJSON(s.Share), "funded": s.Funded, "vote_share": ratJSON(s.VoteShare)})
		}
		return out
	}
	return map[string]any{"cost": m.Cost, "budget_share": ratJSON(m.BudgetShare), "funded": m.Funded,
		"represented": ratJSON(m.Represented), "avg_funded_per_ballot": ratJSON(m.AvgFunded),
		"avg_cost_satisfaction": ratJSON(m.AvgCostSatisfaction), "gini": m.Gini,
		"category_proportionality": m.CategoryProportionality, "by_category": sl(m.ByCategory), "by_district": sl(m.ByDistrict)}
}

func budgetJSON(e *env, name string, el *budget.Election, warns []budget.Issue, o *budget.Outcome, m *budget.Measures, c *budget.Comparison) map[string]any {
	doc := map[string]any{
		"file": name, "valid": true, "warnings": issuesJSON(e, warns),
		"election": map[string]any{"description": el.Description, "unit": el.Unit, "instance": el.Instance,
			"budget": el.Money(el.Budget), "vote_type": el.VoteType, "rule": el.Rule, "projects": len(el.Projects), "voters": el.NumVoters},
		"outcome":  outcomeJSON(e, el, o),
		"measures": measuresJSON(m),
	}
	if groups, unknown := budget.Ages(el, o); groups != nil {
		doc["ages"] = map[string]any{"groups": groups, "unknown": unknown}
	} else {
		doc["ages"] = nil
	}
	if want, ok := el.SelectedInFile(); ok {
		a, b := diff(o.Selected, want)
		doc["selected_in_file"] = map[string]any{"same": len(a) == 0 && len(b) == 0, "only_computed": idList(el, a), "only_file": idList(el, b)}
	} else {
		doc["selected_in_file"] = nil
	}
	if c != nil {
		doc["compare"] = map[string]any{"outcome": outcomeJSON(e, el, c.B), "measures": measuresJSON(c.MB),
			"both": idList(el, c.Both), "only_first": idList(el, c.OnlyA), "only_second": idList(el, c.OnlyB),
			"prefer_first": c.PreferA, "prefer_second": c.PreferB}
	}
	return doc
}

func idList(el *budget.Election, ps []int) []string {
	out := []string{}
	for _, p := range ps {
		out = append(out, el.Projects[p].ID)
	}
	return out
}

// budgetCSV writes one row per project: its figures, whether each rule funds it, the
// file's selected column and why it was not funded.
func budgetCSV(e *env, el *budget.Election, o *budget.Outcome, c *budget.Comparison) error {
	w := csv.NewWriter(e.stdout)
	head := []string{"project_id", "name", "cost", "currency", "votes", "score", "funded_" + o.Rule}
	if c != nil {
		head = append(head, "funded_"+c.B.Rule)
	}
	head = append(head, "selected_in_file", "reason")
	if err := w.Write(head); err != nil {
		return err
	}
	fr := e.lang == language.French
	for i, p := range el.Projects {
		row := []string{p.ID, csvSafe(p.Name), p.Cost.Format(el.Digits()), el.Currency, fmt.Sprint(el.Votes[i]), fmt.Sprint(el.Score[i]), bit(o.Funded(i))}
		if c != nil {
			row = append(row, bit(c.B.Funded(i)))
		}
		sel := ""
		if p.Selected != nil {
			sel = fmt.Sprint(*p.Selected)
		}
		reason := ""
		if r := o.Reasons[i]; r != nil {
			reason = r.Text(el, fr)
		}
		row = append(row, sel, csvSafe(reason))
		if err := w.Write(row); err != nil {
			return err
		}
	}
	w.Flush()
	return w.Error()
}

// csvSafe neutralises a field a spreadsheet would run as a formula.
func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func bit(b bool) string {
	if b {
		return "1"
	}
	return "0"
}
