package schema_test

import (
	"encoding/json"
	"fmt"
	"log"

	"github.com/civic-observatory/civic/contribution"
	"github.com/civic-observatory/civic/schema"
)

// A platform lists the schemas it can serve.
func ExampleTypes() {
	for _, name := range schema.Types() {
		fmt.Println(name)
	}
	// Output:
	// call
	// format
	// axis
	// proposal
	// device
	// barometre
	// map
	// calendar
	// grid
	// programme
}

// The generic schema of a document type, generated from its Go type.
func ExampleGenerate() {
	b, err := schema.Generate("axis")
	if err != nil {
		log.Fatal(err)
	}
	var s struct {
		ID       string   `json:"$id"`
		Schema   string   `json:"$schema"`
		Required []string `json:"required"`
	}
	if err := json.Unmarshal(b, &s); err != nil {
		log.Fatal(err)
	}
	fmt.Println(s.ID)
	fmt.Println(s.Schema)
	fmt.Println(s.Required)
	// Output:
	// https://civic-observatory.github.io/civic/schema/axis.schema.json
	// https://json-schema.org/draft/2020-12/schema
	// [id title questions]
}

// The schema of the proposals to the built-in 2019 call: the call's formats become an
// enum, and each format's rules an if/then condition.
func ExampleProposalFor() {
	c, err := contribution.Call2019()
	if err != nil {
		log.Fatal(err)
	}
	b, err := schema.ProposalFor(c)
	if err != nil {
		log.Fatal(err)
	}
	var s struct {
		ID         string `json:"$id"`
		Properties struct {
			Format struct {
				Enum []string `json:"enum"`
			} `json:"format"`
		} `json:"properties"`
		AllOf []json.RawMessage `json:"allOf"`
	}
	if err := json.Unmarshal(b, &s); err != nil {
		log.Fatal(err)
	}
	fmt.Println(s.ID)
	fmt.Println(s.Properties.Format.Enum)
	fmt.Println(len(s.AllOf) >= len(c.Formats))
	// Output:
	// https://civic-observatory.github.io/civic/schema/proposal-journee-civic-tech-2019.schema.json
	// [research field-report pitch centrifugeuse]
	// true
}

// The committed schema files, as a command or an HTTP handler would serve them.
func ExampleNames() {
	for _, name := range schema.Names() {
		b, err := schema.File(name)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(name, json.Valid(b))
	}
	// Output:
	// axis true
	// barometre true
	// calendar true
	// call true
	// device true
	// format true
	// grid true
	// map true
	// programme true
	// proposal true
	// proposal-journee-civic-tech-2019 true
}

// The error codes of the Go validator's rules that the proposal schema cannot express.
func ExampleBeyondSchema() {
	for _, code := range schema.BeyondSchema() {
		fmt.Println(code)
	}
	// Output:
	// syntax
	// duplicate_key
	// invalid_utf8
	// too_deep
	// too_large
	// invalid_date
	// invalid_url
	// duplicate
	// order
	// future_results
}
