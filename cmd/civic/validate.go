package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/axis"
	"github.com/civic-observatory/civic/contribution"
	"github.com/civic-observatory/civic/internal/jsondec"
)

// validator decodes and validates one record of a document type.
type validator func(data []byte) error

// validators returns the document types civic validate knows, bound to the call.
func validators(c *contribution.Call) map[string]validator {
	var dec contribution.Decoder
	var p contribution.Proposal
	return map[string]validator{
		"proposal": func(data []byte) error { return dec.Decode(data, c, &p) },
		"call": func(data []byte) error {
			_, err := contribution.DecodeCall(data)
			return err
		},
		"format": func(data []byte) error {
			_, err := contribution.DecodeFormat(data)
			return err
		},
		"axis": func(data []byte) error {
			_, err := axis.Decode(data)
			return err
		},
	}
}

// validateReport is the JSON line written for an invalid record, and the summary.
type validateReport struct {
	File     string          `json:"file"`
	Record   int             `json:"record"`
	Problems []civic.Problem `json:"problems"`
}

type validateSummary struct {
	Records int `json:"records"`
	Valid   int `json:"valid"`
	Invalid int `json:"invalid"`
}

func runValidate(e *env) error {
	fs := flags("validate")
	callFile := fs.String("call", "", "call document the proposals answer (default: the built-in example's call)")
	example := exampleFlag(fs)
	asJSON := fs.Bool("json", false, "write NDJSON: one object per invalid record, then a summary")
	kind := fs.String("type", "proposal", "document type: proposal, call, format or axis")
	maxRecord := fs.Int("max-record", jsondec.DefaultMaxRecord, "largest record accepted, in bytes")
	files, err := parse(fs, e.args)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		files = []string{"-"}
	}
	c, err := loadExampleCall(*callFile, *example)
	if err != nil {
		return err
	}
	check, ok := validators(c)[*kind]
	if !ok {
		return unknownValue("document type", *kind, slices.Sorted(maps.Keys(validators(c)))...)
	}
	out := bufio.NewWriterSize(e.stdout, 64<<10)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	var sum validateSummary
	rep := &validateReporter{e: e, out: out, enc: enc, asJSON: *asJSON, sum: &sum}
	// A file that cannot be read is reported and skipped: the other files are still
	// validated and the summary written, then the command exits 2.
	unread := 0
	for _, name := range files {
		if err := validateFile(e, name, *maxRecord, check, rep); err != nil {
			if err := out.Flush(); err != nil {
				return err
			}
			fmt.Fprintf(e.stderr, "civic validate: %v\n", err)
			unread++
		}
	}
	if *asJSON {
		if err := enc.Encode(map[string]validateSummary{"summary": sum}); err != nil {
			return err
		}
	} else {
		fmt.Fprintln(e.stderr, e.p.Sprintf(msgRecords, sum.Records, sum.Valid, sum.Invalid))
	}
	if err := out.Flush(); err != nil {
		return err
	}
	if unread > 0 {
		return errors.New(e.p.Sprintf(msgUnreadable, unread))
	}
	if sum.Invalid > 0 {
		return errInvalid
	}
	return nil
}

// validateReporter writes the problems of invalid records as they are found, in text or
// NDJSON, and counts the records.
type validateReporter struct {
	e      *env
	out    *bufio.Writer
	enc    *json.Encoder
	asJSON bool
	sum    *validateSummary
}

// record counts one record and writes its problems, if any.
func (r *validateReporter) record(file string, index int, problems []*civic.FieldError) error {
	r.sum.Records++
	if len(problems) == 0 {
		r.sum.Valid++
		return nil
	}
	r.sum.Invalid++
	if r.asJSON {
		rep := validateReport{File: file, Record: index, Problems: make([]civic.Problem, len(problems))}
		for i, p := range problems {
			rep.Problems[i] = p.Problem(r.e.p)
		}
		return r.enc.Encode(rep)
	}
	for _, p := range problems {
		path := p.Path.String()
		if path == "" {
			path = "$"
		}
		fmt.Fprintf(r.out, "%s:%d: %s: %s: %s\n", termSafe(file), index, termSafe(path), p.Code, termSafe(p.Localize(r.e.p)))
	}
	return nil
}

// recordProblems returns the problems of one record: the error of a record too large, or
// what check finds.
func recordProblems(rerr error, data []byte, maxRecord int, check validator) []*civic.FieldError {
	var err error
	if rerr != nil {
		err = &civic.FieldError{Code: civic.CodeTooLarge, Args: []any{maxRecord}}
	} else {
		err = check(data)
	}
	if err == nil {
		return nil
	}
	problems := civic.FieldErrors(err)
	if problems == nil {
		problems = []*civic.FieldError{{Code: civic.CodeInternal, Args: []any{err.Error()}}}
	}
	return problems
}

// framingProblem turns a stream that cannot be split further (a truncated document, a
// missing comma, UTF-16 input) into the problem of one more invalid record.
func framingProblem(fe *jsondec.FramingError) *civic.FieldError {
	if fe.Encoding != "" {
		return &civic.FieldError{Code: civic.CodeEncoding, Args: []any{fe.Encoding}}
	}
	return &civic.FieldError{Code: civic.CodeSyntax, Args: []any{fe.Offset, fe.Detail}}
}

// validateFile streams the records of one file with memory bounded by the largest record.
// A stream that cannot be split further ends with one invalid record; an error opening or
// reading the file is returned.
func validateFile(e *env, name string, maxRecord int, check validator, rep *validateReporter) error {
	var r io.Reader = e.stdin
	display := name
	if name == "-" {
		display = "<stdin>"
	} else {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		defer f.Close()
		r = f
	}
	recs := jsondec.NewRecords(bufio.NewReaderSize(r, 64<<10), maxRecord)
	for recs.Next() {
		if err := rep.record(display, recs.Index(), recordProblems(recs.RecordErr(), recs.Record(), maxRecord, check)); err != nil {
			return err
		}
	}
	err := recs.Err()
	var fe *jsondec.FramingError
	if errors.As(err, &fe) {
		return rep.record(display, recs.Index()+1, []*civic.FieldError{framingProblem(fe)})
	}
	if err != nil {
		return fmt.Errorf("%s: %w", display, err)
	}
	return nil
}
