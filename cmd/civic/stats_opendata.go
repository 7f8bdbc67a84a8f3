package main

import (
	"io"
	"os"
	"strings"

	"golang.org/x/text/transform"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/analysis"
	"github.com/civic-observatory/civic/participation/opendata"
)

// opendataSections reads a platform's open data (civic stats --source decidim|consul),
// streaming, and returns the cross-tabulation by --by (default origin,category for
// Decidim, origin,state for CONSUL) and the acceptance rates by origin and by category.
// Warnings go to standard error as they are found, marked as such; a record with a problem
// stops the figures, its problems printed as found. Both are escaped for the terminal and
// bounded like every problem output (problemPrinter).
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
	r, ok1 := analysis.FindDimension(all, row)
	c, ok2 := analysis.FindDimension(all, col)
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
	warns := &problemPrinter{e: e, w: e.stderr, prefix: file + ": " + label(e.lang, "avertissement : ", "warning: ")}
	problems := &problemPrinter{e: e, w: e.stderr, prefix: file + ": "}
	warn := func(w *civic.FieldError) { warns.one(w, w.Path.String()) }
	rd := opendata.NewReader(in, opendata.Options{Source: opendata.Source(source), Warn: warn})
	tab := analysis.NewTab(r.Name, c.Name)
	origin, _ := analysis.FindDimension(all, "origin")
	category, _ := analysis.FindDimension(all, "category")
	byOrigin, byCategory := opendata.NewRates(origin), opendata.NewRates(category)
	bad := false
	for {
		p, ok := rd.Next()
		if !ok {
			break
		}
		if err := rd.RowErr(); err != nil {
			bad = problems.print(err) || bad
			continue
		}
		analysis.Count(tab, r, c, p)
		byOrigin.Add(p)
		byCategory.Add(p)
	}
	warns.done()
	if err := rd.Err(); err != nil && !problems.print(err) {
		return nil, err // an I/O error
	} else if err != nil {
		bad = true
	}
	if bad {
		problems.done()
		return nil, errInvalid
	}
	title := civic.NewText("Propositions ("+string(rd.Layout())+")", "Proposals ("+string(rd.Layout())+")")
	sections := []statsSection{{name: "table", title: title, table: tab.Table(e.lang)}}
	if rd.Layout() == opendata.LayoutConsul {
		// CONSUL proposals are never accepted or rejected: no acceptance rate.
		return sections, nil
	}
	return append(sections,
		statsSection{name: "rates_origin", title: civic.NewText("Taux d'acceptation par origine", "Acceptance rate by origin"),
			sheet: analysis.RateSheet("rates_origin", byOrigin.Rates(e.lang))},
		statsSection{name: "rates_category", title: civic.NewText("Taux d'acceptation par catégorie", "Acceptance rate by category"),
			sheet: analysis.RateSheet("rates_category", byCategory.Rates(e.lang))}), nil
}
