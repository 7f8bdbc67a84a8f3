package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/contribution"
	"github.com/civic-observatory/civic/event"
	"github.com/civic-observatory/civic/schedule"
)

// programmeContext returns the Journée, its grid, the call and the proposals to schedule:
// those of the file, or, without one, the sample as the demo's simulated review leaves it
// (accepted and confirmed).
func programmeContext(e *env, call, proposals string) (schedule.Context, error) {
	var cx schedule.Context
	ev, err := event.Journee2019()
	if err != nil {
		return cx, err
	}
	grid, err := schedule.Journee2019Grid()
	if err != nil {
		return cx, err
	}
	c, err := loadCall(call)
	if err != nil {
		return cx, err
	}
	cx = schedule.Context{Event: ev, Grid: grid, Call: c}
	if proposals != "" {
		data, err := os.ReadFile(proposals)
		if err != nil {
			return cx, err
		}
		ps, err := contribution.DecodeProposals(data, c)
		if err != nil {
			return cx, fmt.Errorf("%s: %w", proposals, err)
		}
		cx.Proposals = ps
		return cx, nil
	}
	quiet := &env{stdin: e.stdin, stdout: io.Discard, stderr: io.Discard, lang: e.lang, p: e.p, ctx: e.ctx}
	s := &demoState{}
	for _, step := range []demoStep{demoCall, demoReview} {
		if err := step(quiet, s); err != nil {
			return cx, err
		}
	}
	cx.Call = s.call
	cx.Proposals = s.confirmed
	return cx, nil
}

// runProgramme builds and prints the programme, or checks one ("civic programme check FILE").
func runProgramme(e *env) error {
	if len(e.args) > 0 && e.args[0] == "check" {
		return runProgrammeCheck(e)
	}
	fs := flags("programme")
	format := fs.String("format", "text", "output: text, md, html, ics, frab-xml, frab-json or json (the programme document)")
	out := fs.String("out", "", "file to write (default: standard output); written whole or not at all")
	callFile := fs.String("call", "", "call document (default: the built-in 2019 call)")
	props := fs.String("proposals", "", "proposals to schedule, a JSON array (default: the sample after the demo's review)")
	if _, err := parse(fs, e.args); err != nil {
		return err
	}
	cx, err := programmeContext(e, *callFile, *props)
	if err != nil {
		return err
	}
	pr, err := schedule.Build(cx)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	switch *format {
	case "text":
		err = pr.WriteText(&buf, cx, e.lang)
	case "md", "markdown":
		err = pr.WriteMarkdown(&buf, cx, e.lang)
	case "html":
		err = pr.WriteHTML(&buf, cx, e.lang)
	case "ics", "ical":
		err = pr.WriteICal(&buf, cx, e.lang)
	case "frab-xml":
		err = pr.WriteFrabXML(&buf, cx, e.lang)
	case "frab-json":
		err = pr.WriteFrabJSON(&buf, cx, e.lang)
	case "json":
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		err = enc.Encode(pr)
	default:
		return usagef("unknown format %q", *format)
	}
	if err != nil {
		return err
	}
	if *out != "" {
		return writeAtomic(*out, buf.Bytes())
	}
	_, err = e.stdout.Write(buf.Bytes())
	return err
}

// runProgrammeCheck checks a programme document against the Journée, its grid, the call
// and the proposals, and lists every problem.
func runProgrammeCheck(e *env) error {
	fs := flags("programme check")
	callFile := fs.String("call", "", "call document (default: the built-in 2019 call)")
	props := fs.String("proposals", "", "proposals the programme presents, a JSON array (default: the sample after the demo's review)")
	files, err := parse(fs, e.args[1:])
	if err != nil {
		return err
	}
	if len(files) != 1 {
		return usagef("give one programme file")
	}
	data, err := os.ReadFile(files[0])
	if err != nil {
		return err
	}
	cx, err := programmeContext(e, *callFile, *props)
	if err != nil {
		return err
	}
	_, err = schedule.DecodeProgramme(data, cx)
	problems := civic.FieldErrors(err)
	if err != nil && problems == nil {
		return err
	}
	for _, p := range problems {
		path := p.Path.String()
		if path == "" {
			path = "$"
		}
		fmt.Fprintf(e.stdout, "%s: %s: %s: %s\n", files[0], path, p.Code, p.Localize(e.p))
	}
	if len(problems) > 0 {
		return errInvalid
	}
	fmt.Fprintf(e.stdout, label(e.lang, "%s : programme valide\n", "%s: valid programme\n"), files[0])
	return nil
}
