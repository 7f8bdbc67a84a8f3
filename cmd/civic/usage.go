package main

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

// This file is the command line's conventions, those of the go command: global flags
// (--lang) before or after the command; -h, --help and "civic help COMMAND" print the
// command's usage and exit 0 without running it; usage lines name the real arguments.

// synopses gives each command's usage lines (after "civic "), naming its real arguments.
// A command missing here is shown as "NAME [flags]".
func synopses() map[string][]string {
	return map[string][]string{
		"demo":      {"demo"},
		"call":      {"call [flags]"},
		"validate":  {"validate [flags] FILE... (- for standard input)"},
		"programme": {"programme [flags]", "programme check [flags] PROGRAMME.json", "programme convert [flags] SCHEDULE"},
		"calendar":  {"calendar [--format text|ics]"},
		"stats":     {"stats [flags] [FILE]"},
		"schema":    {"schema [flags] [NAME]", "schema --out DIR"},
		"review":    {"review apply --proposals FILE --actor ID --role ROLE [flags] PROPOSAL ACTION", "review start|publish --proposals FILE --actor ID --role ROLE [flags]", "review permitted --proposals FILE --actor ID --role ROLE [flags] PROPOSAL", "review history --journal FILE PROPOSAL"},
		"journal":   {"journal verify FILE..."},
		"workflow":  {"workflow [--format dot|mermaid]"},
		"select":    {"select [flags] (--candidates FILE | --proposals FILE --reviews FILE)"},
		"budget":    {"budget [flags] [FILE.pb]"},
	}
}

// globalFlag is a flag every command accepts, before or after its name.
const langUsage = "--lang fr|en   language of messages (default: from LC_ALL, LC_MESSAGES, LANG)"

// splitGlobal removes the global flags from args wherever they appear before "--", as the
// go command accepts its build flags anywhere, and returns the value of --lang.
func splitGlobal(args []string) (lang string, rest []string, err error) {
	rest = make([]string, 0, len(args))
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return lang, append(rest, args[i:]...), nil
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !strings.HasPrefix(a, "-") || name != "lang" {
			rest = append(rest, a)
			continue
		}
		if !hasValue {
			if i+1 >= len(args) {
				return "", nil, usagef("flag needs an argument: --lang (fr or en)")
			}
			i++
			value = args[i]
		}
		lang = value
	}
	return lang, rest, nil
}

// wantsHelp reports whether args ask for help (-h, -help or --help before "--").
func wantsHelp(args []string) bool {
	for _, a := range args {
		switch a {
		case "--":
			return false
		case "-h", "-help", "--help":
			return true
		}
	}
	return false
}

// printHelp prints the list of commands.
func printHelp(e *env, w io.Writer) {
	fmt.Fprintln(w, "usage: civic [--lang fr|en] COMMAND [ARGS]")
	fmt.Fprintln(w)
	cmds := commands()
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, cmds[n].summary.Get(e.lang))
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, label(e.lang, `« civic help COMMANDE » ou « civic COMMANDE -h » affiche l'usage d'une commande.`, `Run "civic help COMMAND" or "civic COMMAND -h" for a command's usage.`))
}

// printCommandHelp prints the usage of command name: its usage lines, its summary, its
// flags and the global flags. The flags come from the command itself, run with the words
// given (a subcommand such as "check") and -h, its output discarded: a command stops at
// -h before doing anything.
func printCommandHelp(e *env, w io.Writer, name string, words []string) {
	cmd := commands()[name]
	lines, ok := synopses()[name]
	if !ok {
		lines = []string{name + " [flags]"}
	}
	for i, l := range lines {
		if i == 0 {
			fmt.Fprintf(w, "usage: civic %s\n", l)
		} else {
			fmt.Fprintf(w, "       civic %s\n", l)
		}
	}
	fmt.Fprintf(w, "\n%s.\n", cmd.summary.Get(e.lang))
	var pos []string
	for _, a := range words {
		if strings.HasPrefix(a, "-") {
			break
		}
		pos = append(pos, a)
	}
	if len(pos) == 0 {
		// A command with subcommands (review) takes the first one of its usage.
		if f := strings.Fields(lines[0]); len(f) > 1 && f[1] != "" && f[1][0] >= 'a' && f[1][0] <= 'z' {
			pos = []string{strings.Split(f[1], "|")[0]}
		}
	}
	probe := &env{args: append(pos, "-h"), stdin: strings.NewReader(""), stdout: io.Discard, stderr: io.Discard, lang: e.lang, p: e.p, ctx: e.ctx}
	var help *helpRequest
	if err := cmd.run(probe); errors.As(err, &help) {
		var b strings.Builder
		help.fs.SetOutput(&b)
		help.fs.PrintDefaults()
		if b.Len() > 0 {
			fmt.Fprintf(w, "\nflags:\n%s", b.String())
		}
	}
	fmt.Fprintf(w, "\nglobal flags:\n  %s\n", langUsage)
}

// unknownValue is the usage error for a value outside the allowed ones, listing them.
func unknownValue(what, got string, allowed ...string) error {
	return usagef("unknown %s %q (allowed: %s)", what, got, strings.Join(allowed, ", "))
}
