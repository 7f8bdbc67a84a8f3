// Command santhosh validates every line of an NDJSON corpus against the exported JSON
// Schema of the proposals to the built-in 2019 call with santhosh-tekuri/jsonschema/v6
// (jsonschema.UnmarshalJSON, then Validate, AssertFormat on), on one goroutine, best of
// N passes, and prints the throughput and the number of valid documents.
//
//	GOMAXPROCS=1 go run ./bench/santhosh [-schema FILE] [-runs 5] [-verdicts FILE] corpus.ndjson
//
// Without -schema, the schema is generated with schema.ProposalFor.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/civic-observatory/civic/bench/internal/bulk"
	"github.com/civic-observatory/civic/contribution"
	"github.com/civic-observatory/civic/schema"
)

func main() {
	schemaFile := flag.String("schema", "", "JSON Schema file (default: schema.ProposalFor(the built-in 2019 call))")
	f := bulk.Parse("santhosh")
	if err := run(f, *schemaFile); err != nil {
		fmt.Fprintln(os.Stderr, "santhosh:", err)
		os.Exit(1)
	}
}

func run(f *bulk.Flags, schemaFile string) error {
	var raw []byte
	var err error
	if schemaFile != "" {
		raw, err = os.ReadFile(schemaFile)
	} else {
		var c *contribution.Call
		if c, err = contribution.Call2019(); err == nil {
			raw, err = schema.ProposalFor(c)
		}
	}
	if err != nil {
		return err
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		return err
	}
	comp := jsonschema.NewCompiler()
	comp.AssertFormat()
	if err := comp.AddResource("proposal.json", doc); err != nil {
		return err
	}
	sch, err := comp.Compile("proposal.json")
	if err != nil {
		return err
	}
	lines, err := bulk.Lines(f.Corpus)
	if err != nil {
		return err
	}
	bulk.Run(f, lines, "santhosh-tekuri/jsonschema/v6", func(b []byte) bool {
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err != nil {
			return false
		}
		return sch.Validate(inst) == nil
	})
	return nil
}
