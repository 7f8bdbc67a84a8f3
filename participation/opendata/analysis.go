package opendata

import (
	"cmp"
	"slices"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/civic-observatory/civic/analysis"
)

// unknown is the category of a record whose value is not known, in every dimension.
const unknown = "(unknown)"

func orUnknown(s string) string {
	if s == "" {
		return unknown
	}
	return s
}

func dim(name string, f func(p *Proposal) string) analysis.Dimension[*Proposal] {
	return analysis.Single(name, func(p *Proposal) string { return orUnknown(f(p)) })
}

// Dimensions lists the dimensions of proposals read from open data: origin, family (of the
// origin), category, subcategory, scope, district, state, year (of creation) and supports
// (a band: 0, 1-9, 10-99, 100-999, 1000+). A value the file does not give is "(unknown)".
func Dimensions() []analysis.Dimension[*Proposal] {
	return []analysis.Dimension[*Proposal]{
		dim("origin", func(p *Proposal) string { return string(p.Origin) }),
		dim("family", func(p *Proposal) string { return string(p.Family()) }),
		dim("category", func(p *Proposal) string { return p.Category }),
		dim("subcategory", func(p *Proposal) string { return p.Subcategory }),
		dim("scope", func(p *Proposal) string { return p.Scope }),
		dim("district", func(p *Proposal) string { return p.District }),
		dim("state", func(p *Proposal) string { return string(p.State) }),
		dim("year", (*Proposal).Year),
		dim("supports", func(p *Proposal) string { return supportBand(p.Supports) }),
	}
}

func supportBand(n *int64) string {
	switch {
	case n == nil:
		return ""
	case *n == 0:
		return "0"
	case *n < 10:
		return "1-9"
	case *n < 100:
		return "10-99"
	case *n < 1000:
		return "100-999"
	}
	return "1000+"
}

// Rates accumulates acceptance rates by the categories of a dimension, one proposal at a
// time: accepted ÷ decided, where decided counts the proposals accepted or rejected
// ([State.Decided]); proposals not answered, under evaluation, withdrawn, open or archived
// are left out. Its memory grows with the number of categories only.
type Rates struct {
	dim   analysis.Dimension[*Proposal]
	byCat map[string]*analysis.Rate
}

// NewRates returns an empty accumulator of acceptance rates by the dimension.
func NewRates(d analysis.Dimension[*Proposal]) *Rates {
	return &Rates{dim: d, byCat: map[string]*analysis.Rate{}}
}

// Add counts one proposal.
func (r *Rates) Add(p *Proposal) {
	if !p.State.Decided() {
		return
	}
	for _, c := range r.dim.Values(p) {
		x := r.byCat[c]
		if x == nil {
			x = &analysis.Rate{Category: c}
			r.byCat[c] = x
		}
		x.Decided++
		if p.State == StateAccepted {
			x.Accepted++
		}
	}
}

// Rates returns the rates, categories sorted with the collation of the language.
func (r *Rates) Rates(tag language.Tag) []analysis.Rate {
	out := make([]analysis.Rate, 0, len(r.byCat))
	for _, x := range r.byCat {
		y := *x
		y.Rate = float64(y.Accepted) / float64(y.Decided)
		out = append(out, y)
	}
	col := collate.New(tag, collate.Loose) // one per call: a collator is not safe for concurrent use
	slices.SortFunc(out, func(a, b analysis.Rate) int {
		if c := col.CompareString(a.Category, b.Category); c != 0 {
			return c
		}
		return cmp.Compare(a.Category, b.Category)
	})
	return out
}

// AcceptanceRates returns the acceptance rates of the proposals by the dimension (see
// [Rates]).
func AcceptanceRates(ps []*Proposal, d analysis.Dimension[*Proposal], tag language.Tag) []analysis.Rate {
	r := NewRates(d)
	for _, p := range ps {
		r.Add(p)
	}
	return r.Rates(tag)
}
