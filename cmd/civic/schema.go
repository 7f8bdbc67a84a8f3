package main

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/text/language"

	"github.com/civic-observatory/civic/schema"
)

// runSchema prints one schema, or writes every schema to a directory.
//
//	civic schema                     list the schema names
//	civic schema proposal            the proposal schema specialised to the call (--call, default 2019),
//	                                 titled in --lang, with the $id --id
//	civic schema call|format|axis…   a generic schema
//	civic schema --out DIR           every schema, as DIR/NAME.schema.json
func runSchema(e *env) error {
	fs := flags("schema")
	out := fs.String("out", "", "directory to write every schema to")
	callFile := fs.String("call", "", "call the proposal schema is specialised to (default: the built-in example's call)")
	example := exampleFlag(fs)
	generic := fs.Bool("generic", false, "with proposal: the generic schema, not specialised to a call")
	id := fs.String("id", "", "with proposal: the schema's $id, an absolute URI (default: under "+schema.BaseURL+")")
	args, err := parse(fs, e.args)
	if err != nil {
		return err
	}
	// The titles follow the global --lang when given, else English (not the environment:
	// a schema is published, not read at the terminal).
	lang := language.English
	if e.langSet {
		lang = e.lang
	}
	if len(args) > 1 {
		return usagef("at most one schema name")
	}
	c, err := loadExampleCall(*callFile, *example)
	if err != nil {
		return err
	}
	gen := func(name string) ([]byte, error) {
		if name == "proposal" && !*generic {
			return schema.ProposalSchema(c, schema.ProposalOptions{ID: *id, Language: lang})
		}
		return schema.Generate(name)
	}
	if *out != "" {
		names := schema.Types()
		if len(args) == 1 {
			names = args
		}
		if err := os.MkdirAll(*out, 0o755); err != nil {
			return err
		}
		for _, n := range names {
			b, err := gen(n)
			if err != nil {
				return err
			}
			file := n
			if n == "proposal" && !*generic {
				if b2, err := schema.Generate("proposal"); err == nil {
					if err := writeAtomic(filepath.Join(*out, "proposal.schema.json"), b2); err != nil {
						return err
					}
				}
				file = schema.ProposalName(c)
			}
			if err := writeAtomic(filepath.Join(*out, file+".schema.json"), b); err != nil {
				return err
			}
		}
		return nil
	}
	if len(args) == 0 {
		fmt.Fprintln(e.stdout, strings.Join(schema.Types(), "\n"))
		return nil
	}
	if !slices.Contains(schema.Types(), args[0]) {
		return usagef("unknown schema %q (known: %s)", args[0], strings.Join(schema.Types(), ", "))
	}
	b, err := gen(args[0])
	if err != nil {
		return err
	}
	_, err = e.stdout.Write(b)
	return err
}
