package contribution

import (
	"cmp"
	"slices"
	"strconv"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/civic-observatory/civic/analysis"
)

// This file gives proposals to the generic analysis of package analysis: their
// dimensions and acceptance rates.

// ProposalDimensions lists the dimensions of the records of proposals to a call: format, family (of the
// first contributor), axis, language, state, international.
func ProposalDimensions(c *Call) []analysis.Dimension[*Record] {
	return []analysis.Dimension[*Record]{
		analysis.Single("format", func(p *Record) string { return p.Format }),
		analysis.Single("family", func(p *Record) string { return string(p.Family()) }),
		{Name: "axis", Values: func(p *Record) []string { return p.Axes }},
		analysis.Single("language", func(p *Record) string { return p.Language }),
		analysis.Single("state", func(p *Record) string { return string(p.State) }),
		analysis.Single("international", func(p *Record) string { return strconv.FormatBool(p.International(c)) }),
	}
}

// AcceptanceRates returns, for each category of the dimension, the share of decided
// proposals that were accepted. Accepted counts proposals accepted, confirmed, declined,
// scheduled or cancelled (the committee said yes); decided adds those waitlisted and
// rejected; drafts, submissions under review and withdrawals are left out. Categories are
// sorted with the collation of the language.
func AcceptanceRates(ps []*Record, dim analysis.Dimension[*Record], tag language.Tag) []analysis.Rate {
	byCat := map[string]*analysis.Rate{}
	for _, p := range ps {
		var acc, dec bool
		switch p.State {
		case StateAccepted, StateConfirmed, StateDeclined,
			StateScheduled, StateCancelled:
			acc, dec = true, true
		case StateRejected, StateWaitlisted:
			dec = true
		}
		if !dec {
			continue
		}
		for _, c := range dim.Values(p) {
			r := byCat[c]
			if r == nil {
				r = &analysis.Rate{Category: c}
				byCat[c] = r
			}
			r.Decided++
			if acc {
				r.Accepted++
			}
		}
	}
	out := make([]analysis.Rate, 0, len(byCat))
	for _, r := range byCat {
		r.Rate = float64(r.Accepted) / float64(r.Decided)
		out = append(out, *r)
	}
	col := collate.New(tag, collate.Loose) // one collator per call: a collator is not safe for concurrent use
	slices.SortFunc(out, func(a, b analysis.Rate) int {
		if c := col.CompareString(a.Category, b.Category); c != 0 {
			return c
		}
		return cmp.Compare(a.Category, b.Category)
	})
	return out
}
