package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"

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
	callFile := fs.String("call", "", "call document the proposals answer (default: the built-in 2019 call)")
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
	c, err := loadCall(*callFile)
	if err != nil {
		return err
	}
	check, ok := validators(c)[*kind]
	if !ok {
		return usagef("unknown document type %q", *kind)
	}
	out := bufio.NewWriterSize(e.stdout, 64<<10)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	var sum validateSummary
	for _, name := range files {
		if err := validateFile(e, name, *maxRecord, check, out, enc, *asJSON, &sum); err != nil {
			out.Flush()
			return err
		}
	}
	if *asJSON {
		if err := enc.Encode(map[string]validateSummary{"summary": sum}); err != nil {
			return err
		}
	} else {
		fmt.Fprintf(e.stderr, label(e.lang, "%d enregistrements : %d valides, %d invalides\n", "%d records: %d valid, %d invalid\n"), sum.Records, sum.Valid, sum.Invalid)
	}
	if err := out.Flush(); err != nil {
		return err
	}
	if sum.Invalid > 0 {
		return errInvalid
	}
	return nil
}

// validateFile streams the records of one file with memory bounded by the largest record.
func validateFile(e *env, name string, maxRecord int, check validator, out *bufio.Writer, enc *json.Encoder, asJSON bool, sum *validateSummary) error {
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
		sum.Records++
		var err error
		if rerr := recs.RecordErr(); rerr != nil {
			err = &civic.FieldError{Code: civic.CodeTooLarge, Args: []any{maxRecord}}
		} else {
			err = check(recs.Record())
		}
		if err == nil {
			sum.Valid++
			continue
		}
		sum.Invalid++
		problems := civic.FieldErrors(err)
		if problems == nil {
			problems = []*civic.FieldError{{Code: civic.CodeInternal, Args: []any{err.Error()}}}
		}
		if asJSON {
			rep := validateReport{File: display, Record: recs.Index(), Problems: make([]civic.Problem, len(problems))}
			for i, p := range problems {
				rep.Problems[i] = p.Problem(e.p)
			}
			if err := enc.Encode(rep); err != nil {
				return err
			}
			continue
		}
		for _, p := range problems {
			path := p.Path.String()
			if path == "" {
				path = "$"
			}
			fmt.Fprintf(out, "%s:%d: %s: %s: %s\n", display, recs.Index(), path, p.Code, p.Localize(e.p))
		}
	}
	if err := recs.Err(); err != nil {
		return fmt.Errorf("%s: %w", display, err)
	}
	return nil
}
