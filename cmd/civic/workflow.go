package main

import (
	"fmt"

	"github.com/civic-observatory/civic/contribution"
)

// runWorkflow prints the review workflow's transition table as Graphviz DOT or Mermaid.
func runWorkflow(e *env) error {
	fs := flags("workflow")
	format := fs.String("format", "dot", "output format: dot or mermaid")
	if _, err := parse(fs, e.args); err != nil {
		return err
	}
	w := contribution.ReviewWorkflow()
	switch *format {
	case "dot":
		fmt.Fprint(e.stdout, w.DOT())
	case "mermaid", "mmd":
		fmt.Fprint(e.stdout, w.Mermaid())
	default:
		return usagef("unknown format %q (dot or mermaid)", *format)
	}
	return nil
}
