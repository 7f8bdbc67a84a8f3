package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/contribution"
	"github.com/civic-observatory/civic/event"
	"github.com/civic-observatory/civic/schedule"
)

// sources names the documents a programme is built or checked against; an empty name
// stands for the built-in one.
type sources struct {
	event, grid, call, proposals string
	// example names the built-in example the documents not given default to:
	// "journee-2019" (the default) or "rencontres-2027".
	example string
}

// Built-in examples of civic programme.
const (
	exampleJournee    = "journee-2019"
	exampleRencontres = "rencontres-2027"
)

// addSources declares the flags naming the documents.
func addSources(fs interface {
	StringVar(p *string, name, value, usage string)
}, src *sources, proposalsUsage string) {
	fs.StringVar(&src.example, "example", exampleJournee, "built-in example the other documents default to: "+exampleJournee+" or "+exampleRencontres)
	fs.StringVar(&src.event, "event", "", "event document (default: the example's, the Journée of 18 March 2019)")
	fs.StringVar(&src.grid, "grid", "", "grid document (default: the example's, the 2019 provisional programme)")
	fs.StringVar(&src.call, "call", "", "call document (default: the built-in 2019 call)")
	fs.StringVar(&src.proposals, "proposals", "", proposalsUsage)
}

// fileError is a document that failed to decode or validate: its problems are printed
// localised, each with the file's name, and the command exits 1.
type fileError struct {
	file string
	err  error
}

func (e *fileError) Error() string { return e.file + ": " + e.err.Error() }
func (e *fileError) Unwrap() error { return e.err }

// inFile wraps a decoding error with the file's name.
func inFile(file string, err error) error {
	if err == nil || file == "" {
		return nil
	}
	return &fileError{file: file, err: err}
}

// reportProblems prints the localised problems of a document that failed to decode or
// validate to standard error and returns errInvalid; other errors are returned as they are.
func reportProblems(e *env, err error) error {
	var fe *fileError
	file := ""
	if errors.As(err, &fe) {
		file = fe.file + ": "
	}
	pp := &problemPrinter{e: e, w: e.stderr, prefix: file}
	if !pp.print(err) {
		return err
	}
	pp.done()
	return errInvalid
}

// sourcesContext returns the event, its grid, the call and the proposals to schedule:
// those of the files, or, without them, the Journée, its grid, the 2019 call and the
// sample as the demo's review leaves it (accepted and confirmed).
func sourcesContext(e *env, src sources) (schedule.Context, error) {
	var cx schedule.Context
	var ev *event.Event
	var err error
	builtinEvent, builtinGrid := event.Journee2019, schedule.Journee2019Grid
	switch src.example {
	case "", exampleJournee:
	case exampleRencontres:
		builtinEvent, builtinGrid = event.Rencontres2027, schedule.Rencontres2027Grid
	default:
		return cx, usagef("unknown example %q (known: %s, %s)", src.example, exampleJournee, exampleRencontres)
	}
	if src.event != "" {
		data, err := readFile(src.event)
		if err != nil {
			return cx, err
		}
		if ev, err = event.Decode(data); err != nil {
			return cx, inFile(src.event, err)
		}
	} else if ev, err = builtinEvent(); err != nil {
		return cx, err
	}
	var grid *schedule.Grid
	if src.grid != "" {
		data, err := readFile(src.grid)
		if err != nil {
			return cx, err
		}
		if grid, err = schedule.DecodeGrid(data, ev); err != nil {
			return cx, inFile(src.grid, err)
		}
	} else if grid, err = builtinGrid(); err != nil {
		return cx, err
	}
	if src.event != "" && src.grid == "" && grid.Event != ev.ID {
		return cx, usagef("the built-in grid is the example's (%s): give the grid of %q with --grid", grid.Event, ev.ID)
	}
	var c *contribution.Call
	if src.example == exampleRencontres && src.call == "" {
		c, err = contribution.Rencontres2027()
	} else {
		c, err = loadCall(src.call)
	}
	if err != nil {
		return cx, inFile(src.call, err)
	}
	cx = schedule.Context{Event: ev, Grid: grid, Call: c}
	if src.proposals != "" {
		data, err := readFile(src.proposals)
		if err != nil {
			return cx, err
		}
		ps, err := contribution.DecodeRecords(data, c)
		if err != nil {
			return cx, inFile(src.proposals, err)
		}
		cx.Proposals = ps
		return cx, nil
	}
	if src.example == exampleRencontres {
		// The Rencontres' sample, every proposal confirmed: the example has no simulated
		// review.
		ps, err := contribution.Rencontres2027Sample(c)
		if err != nil {
			return cx, err
		}
		cx.Proposals = make([]*contribution.Record, len(ps))
		for i, p := range ps {
			cx.Proposals[i] = contribution.NewRecord(p)
			cx.Proposals[i].State = contribution.StateConfirmed
		}
		return cx, nil
	}
	call, r, err := sampleReview()
	if err != nil {
		return cx, err
	}
	if src.call == "" {
		cx.Call = call
	}
	cx.Proposals = r.Confirmed()
	return cx, nil
}

// runProgramme builds and prints the programme, or checks one ("civic programme check FILE").
func runProgramme(e *env) error {
	if len(e.args) > 0 && e.args[0] == "check" {
		if foreignSchedule(e.args[1:]) { // another tool's schedule: programme_import.go
			return runImportCheck(e)
		}
		return runProgrammeCheck(e)
	}
	if len(e.args) > 0 && e.args[0] == "convert" { // programme_import.go
		return runProgrammeConvert(e)
	}
	fs := flags("programme")
	format := fs.String("format", "text", "output: text, md, html, ics, frab-xml, frab-json or json (the programme document)")
	out := fs.String("out", "", "file to write (default: standard output); written whole or not at all")
	var src sources
	addSources(fs, &src, "proposals to schedule, a JSON array (default: the sample after the demo's review)")
	if _, err := parse(fs, e.args); err != nil {
		return err
	}
	cx, err := sourcesContext(e, src)
	if err != nil {
		return reportProblems(e, err)
	}
	pr, err := schedule.Build(cx)
	if err != nil {
		return err
	}
	// The built programme is checked like a hand-edited one: a title with control or
	// bidirectional formatting characters is reported, and nothing is written. Markup is
	// plain text that every format escapes.
	if err := pr.Validate(cx); err != nil {
		return reportProblems(e, err)
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
		return unknownValue("format", *format, "text", "md", "html", "ics", "frab-xml", "frab-json", "json")
	}
	if err != nil {
		return reportProblems(e, err)
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
	var src sources
	addSources(fs, &src, "proposals the programme presents, a JSON array (default: the sample after the demo's review)")
	files, err := parse(fs, e.args[1:])
	if err != nil {
		return err
	}
	if len(files) != 1 {
		return usagef("give one programme file")
	}
	data, err := readFile(files[0])
	if err != nil {
		return err
	}
	cx, err := sourcesContext(e, src)
	if err != nil {
		return reportProblems(e, err)
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
