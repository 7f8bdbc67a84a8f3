package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/language"
	"golang.org/x/text/transform"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/analysis"
	"github.com/civic-observatory/civic/contribution"
	"github.com/civic-observatory/civic/participation"
)

// statsSection is one part of the output of civic stats.
type statsSection struct {
	name   string
	title  civic.Text
	table  *analysis.Table // the cross-tabulation, or
	sheet  *analysis.Sheet // a sheet of figures
	shares bool
}

// runStats cross-tabulates proposals, devices or the civic tech map, and adds the figures
// researchers ask first: for devices the summary, the indicators used and the
// representativeness of participants by age; for proposals the acceptance rates by family
// and by format. Every figure resting on a group smaller than --k is masked.
//
//	civic stats [--source devices|proposals|map|decidim|consul] [--by ROW,COL] [--format text|md|csv|json]
//	            [--k N] [--shares] [--only SECTION] [--encoding utf-8|latin1|windows-1252]
//	            [--call FILE] [FILE]
//
// A Baromètre in CSV (a .csv file, or "-" for standard input with --csv) is streamed: its
// memory does not grow with the file but for the median participation rate (8 bytes a
// device). CSV output holds one section: the cross-tabulation unless --only names another.
func runStats(e *env) error {
	fs := flags("stats")
	source := fs.String("source", "devices", "records: devices (a Baromètre, JSON or CSV), proposals (JSON array), map (JSON), or the open data of decidim or consul (CSV or JSON)")
	by := fs.String("by", "", "the two dimensions, ROW,COL (default: kind,level for devices, axis,family for proposals, family,legal_form for the map)")
	format := fs.String("format", "text", "output: text, md, csv or json")
	k := fs.Int("k", 5, "mask every figure resting on a group of 1 to k-1 (k-anonymity); 1 masks nothing")
	shares := fs.Bool("shares", false, "print shares of the total instead of counts in the cross-tabulation")
	only := fs.String("only", "", "print only this section: table; summary, indicators, ages (devices); rates_family, rates_format (proposals)")
	encoding := fs.String("encoding", "utf-8", "encoding of a CSV Baromètre: utf-8, latin1 (ISO 8859-1) or windows-1252")
	asCSV := fs.Bool("csv", false, "read the Baromètre as CSV whatever the file's name (for standard input, \"-\")")
	callFile := fs.String("call", "", "the call the proposals answer (default: the built-in 2019 call)")
	files, err := parse(fs, e.args)
	if err != nil {
		return err
	}
	if len(files) > 1 {
		return usagef("at most one file")
	}
	file := ""
	if len(files) == 1 {
		file = files[0]
	}
	if *k < 1 {
		return usagef("--k must be at least 1")
	}
	switch *format {
	case "text", "md", "csv", "json":
	default:
		return unknownValue("format", *format, "text", "md", "csv", "json")
	}
	dims := func(def string) (string, string, error) {
		if *by == "" {
			*by = def
		}
		row, col, ok := strings.Cut(*by, ",")
		if !ok {
			return "", "", usagef("--by takes two dimensions, ROW,COL")
		}
		return row, col, nil
	}
	var sections []statsSection
	switch *source {
	case "devices":
		row, col, err := dims("kind,level")
		if err != nil {
			return err
		}
		all := participation.DeviceDimensions()
		r, ok1 := analysis.FindDimension(all, row)
		c, ok2 := analysis.FindDimension(all, col)
		if !ok1 || !ok2 {
			return usagef("unknown dimension in %q (known: %s)", *by, dimNames(all))
		}
		dec, err := decoderFor(*encoding)
		if err != nil {
			return err
		}
		acc := newDeviceStats(r, c)
		if err := acc.load(e, file, *asCSV, dec); err != nil {
			return err
		}
		sections = acc.sections(e.lang)
	case "proposals":
		row, col, err := dims("axis,family")
		if err != nil {
			return err
		}
		call, err := loadCall(*callFile)
		if err != nil {
			return reportProblems(e, inFile(*callFile, err))
		}
		all := contribution.ProposalDimensions(call)
		r, ok1 := analysis.FindDimension(all, row)
		c, ok2 := analysis.FindDimension(all, col)
		if !ok1 || !ok2 {
			return usagef("unknown dimension in %q (known: %s)", *by, dimNames(all))
		}
		var ps []*contribution.Record
		if file == "" {
			ps = demoDecided(e)
		} else {
			data, err := readInput(e, file)
			if err != nil {
				return err
			}
			if ps, err = contribution.DecodeRecords(data, call); err != nil {
				return reportProblems(e, inFile(file, err))
			}
		}
		sections = append(sections, statsSection{name: "table", title: civic.NewText("Propositions", "Proposals"),
			table: analysis.CrossTab(ps, r, c, e.lang)})
		for _, name := range []string{"family", "format"} {
			d, _ := analysis.FindDimension(all, name)
			sections = append(sections, statsSection{name: "rates_" + name,
				title: civic.NewText("Taux d'acceptation par "+map[string]string{"family": "famille", "format": "format"}[name], "Acceptance rate by "+name),
				sheet: analysis.RateSheet("rates_"+name, contribution.AcceptanceRates(ps, d, e.lang))})
		}
	case "map":
		if file == "" {
			return usagef("--source map needs a map file")
		}
		data, err := readInput(e, file)
		if err != nil {
			return err
		}
		m, err := participation.DecodeMap(data)
		if err != nil {
			return reportProblems(e, inFile(file, err))
		}
		row, col, err := dims("family,legal_form")
		if err != nil {
			return err
		}
		all := participation.ActorDimensions()
		r, ok1 := analysis.FindDimension(all, row)
		c, ok2 := analysis.FindDimension(all, col)
		if !ok1 || !ok2 {
			return usagef("unknown dimension in %q (known: %s)", *by, dimNames(all))
		}
		ptrs := make([]*participation.Actor, len(m.Actors))
		for i := range m.Actors {
			ptrs[i] = &m.Actors[i]
		}
		sections = append(sections, statsSection{name: "table", title: civic.NewText("Acteurs de la civic tech", "Civic tech actors"),
			table: analysis.CrossTab(ptrs, r, c, e.lang)})
	case "decidim", "consul":
		dec, err := decoderFor(*encoding)
		if err != nil {
			return err
		}
		if sections, err = opendataSections(e, *source, file, *by, dec); err != nil {
			return err
		}
	default:
		return unknownValue("source", *source, "devices", "proposals", "map", "decidim", "consul")
	}
	sections[0].shares = *shares
	if *only == "" && *format == "csv" {
		*only = "table"
	}
	if *only != "" {
		i := slices.IndexFunc(sections, func(s statsSection) bool { return s.name == *only })
		if i < 0 {
			names := make([]string, len(sections))
			for j, s := range sections {
				names[j] = s.name
			}
			return usagef("unknown section %q (known: %s)", *only, strings.Join(names, ", "))
		}
		sections = sections[i : i+1]
	}
	return writeSections(e, sections, *format, *k)
}

// writeSections prints the sections: one JSON object keyed by section name, or one after
// the other with a title in text and Markdown.
func writeSections(e *env, sections []statsSection, format string, k int) error {
	if format == "json" {
		out := map[string]any{"k": k}
		for _, s := range sections {
			if s.table != nil {
				out[s.name] = s.table.JSON(k)
			} else {
				out[s.name] = s.sheet.JSON(k)
			}
		}
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	for i, s := range sections {
		if len(sections) > 1 {
			if i > 0 {
				fmt.Fprintln(e.stdout)
			}
			switch format {
			case "md":
				fmt.Fprintf(e.stdout, "## %s\n\n", s.title.Get(e.lang))
			case "text":
				t := s.title.Get(e.lang)
				fmt.Fprintf(e.stdout, "%s\n%s\n", t, strings.Repeat("─", len([]rune(t))))
			}
		}
		var err error
		if s.table != nil {
			s.table.Shares = s.shares
			err = s.table.Write(e.stdout, format, k)
		} else {
			err = s.sheet.Write(e.stdout, format, k, e.lang)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// deviceStats accumulates the statistics of a stream of devices: nothing is kept per
// device but its participation rate (for the median).
type deviceStats struct {
	row, col analysis.Dimension[*participation.Device]
	tab      *analysis.Tab
	sum      participation.Summariser
	ages     map[string]int64
}

func newDeviceStats(row, col analysis.Dimension[*participation.Device]) *deviceStats {
	return &deviceStats{row: row, col: col, tab: analysis.NewTab(row.Name, col.Name), ages: map[string]int64{}}
}

func (a *deviceStats) add(d *participation.Device) {
	analysis.Count(a.tab, a.row, a.col, d)
	a.sum.Add(d)
	for g, n := range d.Outcomes.Ages {
		a.ages[g] += n
	}
}

// load reads the devices of the file — the built-in Baromètre when there is none, a
// Baromètre in CSV when the name ends in .csv or asCSV is set, else in JSON. Any problem
// in the input is printed, every one of them, and no figure is given.
func (a *deviceStats) load(e *env, file string, asCSV bool, dec transform.Transformer) error {
	if file == "" {
		b, err := participation.Barometre2019()
		if err != nil {
			return err
		}
		for i := range b.Devices {
			a.add(&b.Devices[i])
		}
		return nil
	}
	if !asCSV && !strings.HasSuffix(strings.ToLower(file), ".csv") {
		data, err := readLimited(e, file, maxBarometre)
		if err != nil {
			return err
		}
		if dec != nil {
			return usagef("--encoding applies to CSV only: JSON is UTF-8")
		}
		b, err := participation.DecodeBarometre(data)
		if err != nil {
			return reportProblems(e, inFile(file, err))
		}
		for i := range b.Devices {
			a.add(&b.Devices[i])
		}
		return nil
	}
	var in io.Reader = e.stdin
	if file != "-" {
		f, err := os.Open(file)
		if err != nil {
			return err
		}
		defer f.Close()
		in = f
	}
	if dec != nil {
		in = transform.NewReader(in, dec)
	}
	// Row problems are printed as they are found, not kept: memory stays flat however
	// many rows are bad.
	rd := participation.NewReader(in)
	pp := &problemPrinter{e: e, w: e.stderr, prefix: file + ": "}
	bad := false
	for {
		d, ok := rd.Next()
		if !ok {
			break
		}
		if err := rd.RowErr(); err != nil {
			if !pp.print(err) {
				return err
			}
			bad = true
			continue
		}
		a.add(d)
	}
	if err := rd.Err(); err != nil {
		if !pp.print(err) {
			return fmt.Errorf("%s: %w", file, err)
		}
		bad = true
	}
	pp.done()
	if bad {
		return errInvalid
	}
	return nil
}

func (a *deviceStats) sections(tag language.Tag) []statsSection {
	s := a.sum.Summary()
	return []statsSection{
		{name: "table", title: civic.NewText("Dispositifs", "Devices"), table: a.tab.Table(tag)},
		{name: "summary", title: civic.NewText("Synthèse", "Summary"), sheet: participation.SummarySheet(s)},
		{name: "indicators", title: civic.NewText("Indicateurs utilisés", "Indicators used"), sheet: participation.IndicatorSheet(s, tag)},
		{name: "ages", title: civic.NewText("Représentativité par âge (population adulte de référence)", "Representativeness by age (reference adult population)"),
			sheet: analysis.RepresentationSheet("ages", analysis.Represent(a.ages, participation.FranceAges2019()))},
	}
}

// decoderFor returns the decoder of a CSV file's encoding, nil for UTF-8.
func decoderFor(name string) (transform.Transformer, error) {
	switch strings.ToLower(strings.ReplaceAll(name, "_", "-")) {
	case "utf-8", "utf8", "":
		return nil, nil
	case "latin1", "latin-1", "iso-8859-1", "iso8859-1":
		return charmap.ISO8859_1.NewDecoder(), nil
	case "windows-1252", "cp1252":
		return charmap.Windows1252.NewDecoder(), nil
	}
	return nil, usagef("unknown encoding %q (utf-8, latin1, windows-1252)", name)
}

// readInput reads a file, or standard input for "-".
func readInput(e *env, file string) ([]byte, error) {
	return readLimited(e, file, maxBarometre)
}

func dimNames[T any](dims []analysis.Dimension[T]) string {
	names := make([]string, len(dims))
	for i, d := range dims {
		names[i] = d.Name
	}
	return strings.Join(names, ", ")
}

// demoDecided returns the sample after the demo's simulated review, with every decision
// published (accepted, waitlisted, rejected), for acceptance rates.
func demoDecided(e *env) []*contribution.Record {
	_, r, err := sampleReview()
	if err != nil {
		return nil
	}
	return r.Proposals
}
