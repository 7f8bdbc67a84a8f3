package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/contribution"
	"github.com/civic-observatory/civic/participation"
)

// runStats cross-tabulates proposals, devices or the civic tech map.
//
//	civic stats [--source devices|proposals|map] [--by ROW,COL] [--format text|md|csv|json] [--k N] [FILE]
func runStats(e *env) error {
	fs := flags("stats")
	source := fs.String("source", "devices", "records: devices (a Baromètre, JSON or CSV), proposals (JSON array) or map (JSON)")
	by := fs.String("by", "", "the two dimensions, ROW,COL (default: kind,level for devices, axis,family for proposals, family,legal_form for the map)")
	format := fs.String("format", "text", "output: text, md, csv or json")
	k := fs.Int("k", 5, "mask counts from 1 to k-1 (k-anonymity); 1 masks nothing")
	shares := fs.Bool("shares", false, "print shares of the total instead of counts")
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
	var tb *participation.Table
	var extra func() error
	switch *source {
	case "devices":
		devices, err := loadDevices(file)
		if err != nil {
			return err
		}
		row, col, err := dims("kind,level")
		if err != nil {
			return err
		}
		r, ok1 := participation.FindDimension(participation.DeviceDimensions(), row)
		c, ok2 := participation.FindDimension(participation.DeviceDimensions(), col)
		if !ok1 || !ok2 {
			return usagef("unknown dimension in %q (known: %s)", *by, dimNames(participation.DeviceDimensions()))
		}
		ptrs := make([]*participation.Device, len(devices))
		for i := range devices {
			ptrs[i] = &devices[i]
		}
		tb = participation.CrossTab(ptrs, r, c, e.lang)
		extra = func() error { return writeSummary(e, *format, participation.Summarise(devices), devices) }
	case "proposals":
		cx, err := programmeContext(e, "", file)
		if err != nil {
			return err
		}
		row, col, err := dims("axis,family")
		if err != nil {
			return err
		}
		all := participation.ProposalDimensions(cx.Call)
		r, ok1 := participation.FindDimension(all, row)
		c, ok2 := participation.FindDimension(all, col)
		if !ok1 || !ok2 {
			return usagef("unknown dimension in %q (known: %s)", *by, dimNames(all))
		}
		ps := cx.Proposals
		if file == "" {
			ps = demoDecided(e)
		}
		tb = participation.CrossTab(ps, r, c, e.lang)
		extra = func() error {
			if *format != "text" {
				return nil
			}
			for _, name := range []string{"family", "format"} {
				d, _ := participation.FindDimension(all, name)
				fmt.Fprintf(e.stdout, "\n%s (%s)\n", label(e.lang, "Taux d'acceptation", "Acceptance rate"), name)
				for _, rt := range participation.AcceptanceRates(ps, d) {
					fmt.Fprintf(e.stdout, "  %-14s %3d / %-3d  %5.1f %%\n", rt.Category, rt.Accepted, rt.Decided, 100*rt.Rate)
				}
			}
			return nil
		}
	case "map":
		if file == "" {
			return usagef("--source map needs a map file")
		}
		data, err := os.ReadFile(file)
		if err != nil {
			return err
		}
		m, err := participation.DecodeMap(data)
		if err != nil {
			return reportInvalid(e, file, err)
		}
		row, col, err := dims("family,legal_form")
		if err != nil {
			return err
		}
		r, ok1 := participation.FindDimension(participation.ActorDimensions(), row)
		c, ok2 := participation.FindDimension(participation.ActorDimensions(), col)
		if !ok1 || !ok2 {
			return usagef("unknown dimension in %q (known: %s)", *by, dimNames(participation.ActorDimensions()))
		}
		ptrs := make([]*participation.Actor, len(m.Actors))
		for i := range m.Actors {
			ptrs[i] = &m.Actors[i]
		}
		tb = participation.CrossTab(ptrs, r, c, e.lang)
	default:
		return usagef("unknown source %q", *source)
	}
	switch *format {
	case "text", "md", "csv", "json":
	default:
		return usagef("unknown format %q", *format)
	}
	tb.Shares = *shares
	if err := tb.Write(e.stdout, *format, *k); err != nil {
		return err
	}
	if extra != nil {
		return extra()
	}
	return nil
}

func dimNames[T any](dims []participation.Dimension[T]) string {
	names := make([]string, len(dims))
	for i, d := range dims {
		names[i] = d.Name
	}
	return strings.Join(names, ", ")
}

// loadDevices reads a Baromètre: JSON, or CSV (by the .csv extension), or the built-in one.
func loadDevices(file string) ([]participation.Device, error) {
	if file == "" {
		b, err := participation.Barometre2019()
		if err != nil {
			return nil, err
		}
		return b.Devices, nil
	}
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if strings.HasSuffix(strings.ToLower(file), ".csv") {
		var out []participation.Device
		var all civic.ValidationError
		rd := participation.NewReader(f)
		for {
			d, ok := rd.Next()
			if !ok {
				break
			}
			all.Merge(nil, rd.RowErr())
			out = append(out, *d)
		}
		if err := rd.Err(); err != nil {
			all.Merge(nil, err)
		}
		if err := all.Err(); err != nil {
			return nil, fmt.Errorf("%s: %w", file, err)
		}
		return out, nil
	}
	var buf bytes.Buffer
	if _, err := buf.ReadFrom(f); err != nil {
		return nil, err
	}
	b, err := participation.DecodeBarometre(buf.Bytes())
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return b.Devices, nil
}

func reportInvalid(e *env, file string, err error) error {
	problems := civic.FieldErrors(err)
	if problems == nil {
		return err
	}
	for _, p := range problems {
		fmt.Fprintf(e.stdout, "%s: %s: %s: %s\n", file, p.Path, p.Code, p.Localize(e.p))
	}
	return errInvalid
}

// writeSummary prints what researchers ask first of a Baromètre.
func writeSummary(e *env, format string, s participation.Summary, devices []participation.Device) error {
	ages := map[string]int64{}
	for _, d := range devices {
		for g, n := range d.Outcomes.Ages {
			ages[g] += n
		}
	}
	rep := participation.Represent(ages, participation.FranceAges2019())
	if format == "json" {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(map[string]any{"summary": s, "ages": rep})
	}
	if format != "text" {
		return nil
	}
	tag := e.lang
	fmt.Fprint(e.stdout, e.p.Sprintf("\n%s%d\n", colon(tag, "Dispositifs", "Devices"), s.Devices))
	fmt.Fprint(e.stdout, e.p.Sprintf("%s%d (%.0f %%)\n", colon(tag, "Évalués", "Evaluated"), s.Evaluated, 100*s.EvaluatedShare))
	fmt.Fprint(e.stdout, e.p.Sprintf("%s%.2f %%\n", colon(tag, "Taux de participation médian", "Median participation rate"), 100*s.ParticipationRate))
	fmt.Fprint(e.stdout, e.p.Sprintf("%s%.2f €\n", colon(tag, "Coût par participant", "Cost per participant"), s.CostPerParticipant))
	fmt.Fprint(e.stdout, e.p.Sprintf("%s%.1f %%\n", colon(tag, "Contributions retenues", "Contributions taken into account"), 100*s.TakenIntoAccount))
	fmt.Fprint(e.stdout, e.p.Sprintf("%s\n", colon(tag, "Indicateurs utilisés", "Indicators used")))
	for _, name := range sortedNames(s.Indicators) {
		fmt.Fprint(e.stdout, e.p.Sprintf("  %-34s %d\n", name, s.Indicators[name]))
	}
	fmt.Fprint(e.stdout, e.p.Sprintf("%s%.3f\n", colon(tag, "Représentativité par âge (distance de variation totale)", "Representativeness by age (total variation distance)"), rep.TVD))
	for _, r := range rep.Rows {
		fmt.Fprint(e.stdout, e.p.Sprintf("  %-6s %8d  %5.1f %% / %5.1f %%  ×%.2f\n", r.Category, r.Count, 100*r.Share, 100*r.Reference, r.Ratio))
	}
	return nil
}

func sortedNames(m map[string]int) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// demoDecided returns the sample after the demo's simulated review, with every decision
// published (accepted, waitlisted, rejected), for acceptance rates.
func demoDecided(e *env) []*contribution.Proposal {
	quiet := &env{stdin: e.stdin, stdout: io.Discard, stderr: io.Discard, lang: e.lang, p: e.p, ctx: e.ctx}
	s := &demoState{}
	for _, step := range []demoStep{demoCall, demoReview} {
		if err := step(quiet, s); err != nil {
			return nil
		}
	}
	return s.decided
}
