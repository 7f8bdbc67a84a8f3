package main

import (
	"errors"
	"fmt"
	"os"
	"strconv"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/contribution"
)

// runJournal runs "civic journal verify [--head SEQ:HASH] FILE…" and "civic journal head
// FILE". verify reads each decision journal strictly, verifies its hash chain (and, with
// --head, that it holds the published head: not cut, not rewritten, not forked) and
// replays its entries through the review workflow. It prints the number of entries and the
// head of each valid journal, and every problem, located by line, of the others (exit
// status 1). head verifies one journal and prints its head, SEQ:HASH, alone on a line: what
// a platform publishes.
func runJournal(e *env) error {
	fs := flags("journal")
	headFlag := fs.String("head", "", "published head SEQ:HASH the journal must hold (verify)")
	args, err := parse(fs, e.args)
	if err != nil {
		return err
	}
	if len(args) < 2 || args[0] != "verify" && args[0] != "head" || args[0] == "head" && len(args) != 2 {
		return usagef("usage: civic journal verify [--head SEQ:HASH] FILE… | civic journal head FILE")
	}
	var opt contribution.VerifyOptions
	if *headFlag != "" {
		h, err := contribution.ParseHead(*headFlag)
		if err != nil {
			return usagef("--head: %q is not SEQ:HASH (a sequence number, a colon, 64 hexadecimal digits)", *headFlag)
		}
		opt.Head = &h
	}
	invalid := false
	for _, name := range args[1:] {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		res, verr := contribution.VerifyJournalWith(f, contribution.ReviewWorkflow(), opt)
		f.Close()
		if verr != nil {
			var ve *civic.ValidationError
			if !errors.As(verr, &ve) {
				return verr
			}
			invalid = true
			fmt.Fprintf(e.stdout, label(e.lang, "%s : %d problèmes\n", "%s: %d problems\n"), termSafe(name), len(ve.Errors))
			// At most maxPrinted problems are printed, each value escaped.
			for i, fe := range ve.Errors {
				if i == maxPrinted {
					fmt.Fprintf(e.stdout, label(e.lang, "  … et %d autres problèmes non affichés\n", "  … and %d more problems not shown\n"), len(ve.Errors)-maxPrinted)
					break
				}
				fmt.Fprintf(e.stdout, "  %s %s: %s\n", termSafe(lineOf(fe.Path)), fe.Code, termSafe(fe.Localize(e.p)))
			}
			continue
		}
		if args[0] == "head" {
			fmt.Fprintln(e.stdout, res.Head)
			continue
		}
		fmt.Fprintf(e.stdout, label(e.lang, "%s : valide, %d entrées, %d propositions\n", "%s: valid, %d entries, %d proposals\n"), termSafe(name), res.Entries, len(res.States))
		if opt.Head != nil {
			fmt.Fprintf(e.stdout, label(e.lang, "contient la tête publiée %s\n", "holds the published head %s\n"), opt.Head)
		}
		fmt.Fprintf(e.stdout, label(e.lang, "tête : %s\n", "head: %s\n"), res.Head)
		counts := map[contribution.State]int{}
		for _, st := range res.States {
			counts[st.State]++
		}
		for _, s := range contribution.States() {
			if counts[s] > 0 {
				fmt.Fprintf(e.stdout, "  %-12s %d\n", s, counts[s])
			}
		}
	}
	if invalid {
		return errInvalid
	}
	return nil
}

// lineOf renders a journal path ("[3].hash") as "#4 hash": the 1-based line and the member.
func lineOf(p civic.Path) string {
	if len(p) == 0 || !p[0].IsIndex {
		return p.String()
	}
	s := "#" + strconv.Itoa(p[0].Index+1)
	if len(p) > 1 {
		s += " " + p[1:].String()
	}
	return s
}
