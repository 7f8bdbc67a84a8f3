package schema_test

import (
	"encoding/json"
	"fmt"
	"golang.org/x/text/language"
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

// The schema of the proposals to the built-in 2019 call: the call's formats become titled
// choices, and each format's rules an if/then condition.
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
				OneOf []struct {
					Const string `json:"const"`
				} `json:"oneOf"`
			} `json:"format"`
		} `json:"properties"`
		AllOf []json.RawMessage `json:"allOf"`
	}
	if err := json.Unmarshal(b, &s); err != nil {
		log.Fatal(err)
	}
	fmt.Println(s.ID)
	var ids []string
	for _, f := range s.Properties.Format.OneOf {
		ids = append(ids, f.Const)
	}
	fmt.Println(ids)
	fmt.Println(len(s.AllOf) >= len(c.Formats))
	// Output:
	// https://civic-observatory.github.io/civic/schema/proposal-journee-civic-tech-2019.schema.json
	// [research field-report pitch centrifugeuse]
	// true
}

// A platform building its French submission form from the schema: the platform's own
// $id, the call's names of the formats and the questions of a format's form with their
// labels and choices, in the form's order.
func ExampleProposalSchema() {
	c, err := contribution.Call2019()
	if err != nil {
		log.Fatal(err)
	}
	b, err := schema.ProposalSchema(c, schema.ProposalOptions{ID: "https://plateforme.example.org/appel.schema.json", Language: language.French})
	if err != nil {
		log.Fatal(err)
	}
	type choice struct {
		Const string `json:"const"`
		Title string `json:"title"`
	}
	var s struct {
		ID         string `json:"$id"`
		Properties struct {
			Format struct {
				OneOf []choice `json:"oneOf"`
			} `json:"format"`
		} `json:"properties"`
		AllOf []struct {
			Then struct {
				Properties map[string]json.RawMessage `json:"properties"`
			} `json:"then"`
		} `json:"allOf"`
	}
	if err := json.Unmarshal(b, &s); err != nil {
		log.Fatal(err)
	}
	fmt.Println(s.ID)
	for _, f := range s.Properties.Format.OneOf {
		fmt.Printf("%s: %s\n", f.Const, f.Title)
	}
	var pitch struct {
		Title      string `json:"title"`
		Properties map[string]struct {
			Title string   `json:"title"`
			OneOf []choice `json:"oneOf"`
		} `json:"properties"`
	}
	if err := json.Unmarshal(s.AllOf[2].Then.Properties["pitch"], &pitch); err != nil {
		log.Fatal(err)
	}
	fmt.Println(pitch.Title, "/", pitch.Properties["kind"].Title)
	for _, ch := range pitch.Properties["kind"].OneOf {
		fmt.Printf("  %s: %s\n", ch.Const, ch.Title)
	}
	// Output:
	// https://plateforme.example.org/appel.schema.json
	// research: Présentation de recherche
	// field-report: Retour d'expériences
	// pitch: Pitch/ Appel
	// centrifugeuse: Centrifugeuse
	// Votre appel / Type d'appel ou de proposition
	//   law: Proposition de loi
	//   mobilisation: Mobilisation collective
	//   idea: Idée
	//   event: Événement
	//   book: Livre
	//   other: Autre
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
