package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/text/transform"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/participation"
	"github.com/civic-observatory/civic/participation/opendata"
)

// maxListed bounds the problems and warnings civic stats prints for open data; the rest
// are counted.
const maxListed = 100

// opendataSections reads a platform's open data (civic stats --source decidim|consul),
// streaming, and returns the cross-tabulation by --by (default origin,category for
// Decidim, origin,state for CONSUL) and the acceptance rates by origin and by category.
// Warnings go to standard error, the first hundred listed and the rest counted; a record
// with a problem stops the figures, every problem printed.
func opendataSections(e *env, source, file, by string, dec transform.Transformer) ([]statsSection, error) {
	if file == "" {
		return nil, usagef("--source %s needs a file (CSV or JSON; \"-\" for standard input)", source)
	}
	if by == "" {
		by = map[string]string{"decidim": "origin,category", "consul": "origin,state"}[source]
	}
	row, col, ok := strings.Cut(by, ",")
	if !ok {
		return nil, usagef("--by takes two dimensions, ROW,COL")
	}
	all := opendata.Dimensions()
	r, ok1 := participation.FindDimension(all, row)
	c, ok2 := participation.FindDimension(all, col)
	if !ok1 || !ok2 {
		return nil, usagef("unknown dimension in %q (known: %s)", by, dimNames(all))
	}
	var in io.Reader = e.stdin
	if file != "-" {
		f, err := os.Open(file)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		in = f
	}
	if dec != nil {
		in = transform.NewReader(in, dec)
	}
	warned := 0
	warn := func(w *civic.FieldError) {
		if warned++; warned <= maxListed {
			fmt.Fprintf(e.stderr, "%s: %s: %s: %s (%s)\n", file, w.Path, w.Code, w.Localize(e.p), civic.NewText("avertissement", "warning").Get(e.lang))
		}
	}
	rd := opendata.NewReader(in, opendata.Options{Source: opendata.Source(source), Warn: warn})
	tab := participation.NewTab(r.Name, c.Name)
	origin, _ := participation.FindDimension(all, "origin")
	category, _ := participation.FindDimension(all, "category")
	byOrigin, byCategory := opendata.NewRates(origin), opendata.NewRates(category)
	var problems civic.ValidationError
	more := 0
	for {
		p, ok := rd.Next()
		if !ok {
			break
		}
		if err := rd.RowErr(); err != nil {
			for _, fe := range civic.FieldErrors(err) {
				if problems.Len() < maxListed {
					problems.Errors = append(problems.Errors, fe)
				} else {
					more++
				}
			}
			continue
		}
		participation.Count(tab, r, c, p)
		byOrigin.Add(p)
		byCategory.Add(p)
	}
	problems.Merge(nil, rd.Err())
	if warned > maxListed {
		fmt.Fprintf(e.stderr, "%s: %d %s\n", file, warned-maxListed, civic.NewText("autres avertissements", "more warnings").Get(e.lang))
	}
	if err := problems.Err(); err != nil {
		if more > 0 {
			defer fmt.Fprintf(e.stderr, "%s: %d %s\n", file, more, civic.NewText("autres problèmes", "more problems").Get(e.lang))
		}
		return nil, reportProblems(e, inFile(file, err))
	}
	title := civic.NewText("Propositions ("+string(rd.Layout())+")", "Proposals ("+string(rd.Layout())+")")
	sections := []statsSection{{name: "table", title: title, table: tab.Table(e.lang)}}
	if rd.Layout() == opendata.LayoutConsul {
		// CONSUL proposals are never accepted or rejected: no acceptance rate.
		return sections, nil
	}
	return append(sections,
		statsSection{name: "rates_origin", title: civic.NewText("Taux d'acceptation par origine", "Acceptance rate by origin"),
			sheet: participation.RateSheet("rates_origin", byOrigin.Rates(e.lang))},
		statsSection{name: "rates_category", title: civic.NewText("Taux d'acceptation par catégorie", "Acceptance rate by category"),
			sheet: participation.RateSheet("rates_category", byCategory.Rates(e.lang))}), nil
}
