// Command civic describes, validates and publishes civic participation processes: the
// 2019 call for contributions, its proposals, their review and selection, the programme
// of the event, and participation devices.
//
// Usage:
//
//	civic [--lang fr|en] COMMAND [ARGS]
//
// Run "civic help" for the list of commands, "civic help COMMAND" or "civic COMMAND -h"
// for a command's usage. The global flag --lang may come before or after the command. The
// language of messages defaults to the environment (LC_ALL, LC_MESSAGES, LANG) and falls
// back to English.
//
// Exit codes: 0 when everything is valid, 1 when some document is invalid, 2 on usage or
// I/O errors.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	_ "time/tzdata" // the time zones of calls and events, on machines without a zoneinfo database

	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/civic-observatory/civic"
)

// env is what a command runs with: its arguments, streams and language. Tests build one
// per run, so commands share no state.
type env struct {
	args   []string
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	lang   language.Tag
	// langSet tells that --lang was given (commands whose default is not the
	// environment's language, such as schema, follow only an explicit --lang).
	langSet bool
	p       *message.Printer
	ctx     context.Context
}

// command is one subcommand.
type command struct {
	summary civic.Text // one line, French and English
	run     func(e *env) error
}

// commands lists the subcommands. Each command group lives in its own file.
func commands() map[string]command {
	return map[string]command{
		"demo":      {civic.NewText("Démonstration sur l'appel 2019 et son échantillon", "Demo on the 2019 call and its sample"), runDemo},
		"call":      {civic.NewText("Présente l'appel à contributions intégré", "Presents the built-in call for contributions"), runCall},
		"validate":  {civic.NewText("Valide des propositions (JSON, tableau ou NDJSON)", "Validates proposals (JSON, array or NDJSON)"), runValidate},
		"programme": {civic.NewText("Construit, exporte ou vérifie le programme de la Journée", "Builds, exports or checks the programme of the Journée"), runProgramme},
		"calendar":  {civic.NewText("Présente le calendrier 2018-2019 de l'Observatoire", "Presents the Observatoire's 2018-2019 calendar"), runCalendar},
		"stats":     {civic.NewText("Tableaux croisés et indicateurs pour la recherche", "Cross-tabulations and indicators for research"), runStats},
		"schema":    {civic.NewText("Affiche ou écrit les schémas JSON", "Prints or writes the JSON Schemas"), runSchema},
		"review":    {civic.NewText("Évaluation : actions, actions permises, historique", "Review: actions, permitted actions, history"), runReview},
		"journal":   {civic.NewText("Vérifie un journal des décisions", "Verifies a decision journal"), runJournal},
		"workflow":  {civic.NewText("Affiche le workflow d'évaluation (DOT ou Mermaid)", "Prints the review workflow (DOT or Mermaid)"), runWorkflow},
		"select":    {civic.NewText("Sélection exacte sous quotas de diversité", "Exact selection under diversity quotas"), runSelect},
		"budget":    {civic.NewText("Budget participatif : résultat, explication, mesures (Pabulib)", "Participatory budget: outcome, explanation, measures (Pabulib)"), runBudget},
	}
}

// Exit statuses.
const (
	exitOK      = 0
	exitInvalid = 1
	exitUsage   = 2
)

// errInvalid makes the command exit 1 after printing its report.
var errInvalid = errors.New("some documents are invalid")

// usageError makes the command exit 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return &usageError{fmt.Sprintf(format, args...)} }

func main() {
	os.Exit(run(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run is the whole program, for tests.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr, lang: envLanguage(), ctx: ctx}
	lang, args, err := splitGlobal(args)
	if err != nil {
		fmt.Fprintln(stderr, "civic:", err)
		return exitUsage
	}
	if lang != "" {
		t, err := language.Parse(lang)
		if err != nil {
			fmt.Fprintf(stderr, "civic: --lang %q: %v (allowed: fr, en)\n", lang, err)
			return exitUsage
		}
		e.lang, e.langSet = civic.MatchLanguage(t), true
	}
	e.p = newPrinter(e.lang)
	if len(args) == 0 {
		printHelp(e, stderr)
		return exitUsage
	}
	name := args[0]
	switch name {
	case "help", "-h", "-help", "--help":
		if len(args) > 1 && name == "help" {
			if _, ok := commands()[args[1]]; !ok {
				fmt.Fprintf(stderr, "civic help: unknown command %q (run \"civic help\")\n", args[1])
				return exitUsage
			}
			printCommandHelp(e, stdout, args[1], args[2:])
			return exitOK
		}
		printHelp(e, stdout)
		return exitOK
	}
	if strings.HasPrefix(name, "-") {
		fmt.Fprintf(stderr, "civic: flag provided but not defined: %s (run \"civic help\")\n", name)
		return exitUsage
	}
	cmd, ok := commands()[name]
	if !ok {
		fmt.Fprintf(stderr, "civic: unknown command %q (run \"civic help\")\n", name)
		return exitUsage
	}
	if wantsHelp(args[1:]) {
		printCommandHelp(e, stdout, name, args[1:])
		return exitOK
	}
	e.args = args[1:]
	err = cmd.run(e)
	var ue *usageError
	var help *helpRequest
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &help):
		printCommandHelp(e, stdout, name, e.args)
		return exitOK
	case errors.Is(err, errInvalid):
		return exitInvalid
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "civic %s: %s\n", name, ue.msg)
		fmt.Fprintf(stderr, "run \"civic help %s\" for its usage\n", name)
		return exitUsage
	default:
		fmt.Fprintf(stderr, "civic %s: %v\n", name, err)
		return exitUsage
	}
}

// helpRequest is returned by parse for -h or --help: the command prints its flags and
// exits 0.
type helpRequest struct{ fs *flag.FlagSet }

func (h *helpRequest) Error() string { return "help requested" }

// flags returns a flag set for a subcommand that reports errors as usage errors.
func flags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet("civic "+name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parse parses a subcommand's flags, allowing flags after positional arguments.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, &helpRequest{fs}
			}
			return nil, usagef("%v", err)
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "-" || !strings.HasPrefix(args[0], "-") {
			pos = append(pos, args[0])
			args = args[1:]
			continue
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
	}
}
