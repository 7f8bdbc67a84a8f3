package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/contribution"
)

// demoState is what the demo's steps hand on to each other: the call, the sample, and what
// later steps (review, selection, programme) produce.
type demoState struct {
	example   string // the built-in example (contribution.Examples)
	call      *contribution.Call
	proposals []*contribution.Proposal // the sample, as decoded
	confirmed []*contribution.Record   // accepted by the review and confirmed by their authors
	decided   []*contribution.Record   // every proposal after the review, with its state
}

// name returns the built-in example the demo runs, the Journée by default.
func (s *demoState) name() string {
	if s.example == "" {
		return contribution.ExampleJournee2019
	}
	return s.example
}

// demoStep is one part of the demo.
type demoStep func(e *env, s *demoState) error

// demoSteps lists the demo's parts, in order. Each issue's step lives in its own file.
func demoSteps() []demoStep {
	return []demoStep{demoCall, demoReview, demoProgramme, demoBarometre, demoBudget}
}

func runDemo(e *env) error {
	fs := flags("demo")
	example := exampleFlag(fs)
	if _, err := parse(fs, e.args); err != nil {
		return err
	}
	if !slices.Contains(contribution.Examples(), *example) {
		return usagef("unknown example %q (known: %s)", *example, strings.Join(contribution.Examples(), ", "))
	}
	s := &demoState{example: *example}
	for _, step := range demoSteps() {
		if err := step(e, s); err != nil {
			return err
		}
	}
	return nil
}

// heading prints a section title.
func heading(e *env, fr, en string) {
	t := label(e.lang, fr, en)
	fmt.Fprintf(e.stdout, "\n%s\n%s\n", t, strings.Repeat("─", len([]rune(t))))
}

// demoCall loads the built-in call and sample, validates them, and reports on the sample.
func demoCall(e *env, s *demoState) error {
	c, err := contribution.BuiltinCall(s.name())
	if err != nil {
		return err
	}
	s.call = c
	ps, err := contribution.BuiltinSample(s.name(), c)
	if err != nil {
		return err
	}
	s.proposals = ps
	tag := e.lang
	fmt.Fprintln(e.stdout, c.Title.Get(tag))
	fmt.Fprintf(e.stdout, "%s%s\n", colon(tag, "Date limite", "Deadline"), deadline(c.Deadline.In(c.Location()), tag))
	fmt.Fprintf(e.stdout, label(tag, "%d formats, %d axes, %d questions directrices\n", "%d formats, %d axes, %d guiding questions\n"), len(c.Formats), len(c.Axes), len(c.Axes.Refs()))

	heading(e, "Propositions de l'échantillon", "Sample proposals")
	fmt.Fprintf(e.stdout, label(tag, "%d propositions, toutes valides au regard de l'appel\n", "%d proposals, all valid against the call\n"), len(ps))
	count := func(title string, keys []string, of func(*contribution.Proposal) []string, name func(string) string) {
		n := map[string]int{}
		for _, p := range ps {
			for _, k := range of(p) {
				n[k]++
			}
		}
		fmt.Fprintf(e.stdout, "\n%s\n", title)
		for _, k := range keys {
			fmt.Fprintf(e.stdout, "  %-46s %3d\n", name(k), n[k])
		}
	}
	count(label(tag, "Par format", "By format"), c.FormatIDs(),
		func(p *contribution.Proposal) []string { return []string{p.Format} },
		func(id string) string { f, _ := c.Format(id); return f.Name.Get(tag) })
	count(label(tag, "Par axe", "By axis"), c.Axes.IDs(),
		func(p *contribution.Proposal) []string { return p.Axes },
		func(id string) string { a, _ := c.Axes.Get(id); return clip(id+". "+a.Title.Get(tag), 46) })
	var fams []string
	for _, f := range civic.Families() {
		fams = append(fams, string(f))
	}
	count(label(tag, "Par famille d'acteurs (premier contributeur)", "By family of actors (first contributor)"), fams,
		func(p *contribution.Proposal) []string { return []string{string(p.Family())} },
		func(f string) string { return civic.Family(f).Label().Get(tag) })
	count(label(tag, "Par langue", "By language"), c.Languages,
		func(p *contribution.Proposal) []string { return []string{p.Language} },
		func(l string) string { return l })
	intl := 0
	for _, p := range ps {
		if p.International(c) {
			intl++
		}
	}
	fmt.Fprintf(e.stdout, label(tag, "\nContributions internationales : %d\n", "\nInternational contributions: %d\n"), intl)

	heading(e, "Une proposition invalide", "An invalid proposal")
	bad := []byte(`{"id":"p999","title":"Budget","summary":"Trop court.","format":"poem","language":"de",` +
		`"axes":["1","9"],"questions":["2.1"],"contributors":[{"name":"Anonyme\u202e","email":"pas-une-adresse"}],` +
		`"state":"accepted","colour":"blue"}`)
	_, err = contribution.DecodeProposal(bad, c)
	for _, fe := range civic.FieldErrors(err) {
		fmt.Fprintf(e.stdout, "  %-22s %-22s %s\n", fe.Path.String(), fe.Code, fe.Localize(e.p))
	}
	return nil
}

// clip shortens s to n characters with an ellipsis.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
