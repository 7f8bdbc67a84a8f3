package main

import (
	"errors"
	"fmt"
	"os"
	"strconv"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/contribution"
)

// runJournal runs "civic journal verify FILE…": each decision journal is read strictly,
// its hash chain verified and its entries replayed through the review workflow. It prints
// the number of entries and the head hash of each valid journal, and every problem, located
// by line, of the others (exit status 1).
func runJournal(e *env) error {
	fs := flags("journal")
	args, err := parse(fs, e.args)
	if err != nil {
		return err
	}
	if len(args) < 2 || args[0] != "verify" {
		return usagef("usage: civic journal verify FILE…")
	}
	invalid := false
	for _, name := range args[1:] {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		res, verr := contribution.VerifyJournal(f, contribution.ReviewWorkflow())
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
		fmt.Fprintf(e.stdout, label(e.lang, "%s : valide, %d entrées, %d propositions\n", "%s: valid, %d entries, %d proposals\n"), termSafe(name), res.Entries, len(res.States))
		fmt.Fprintf(e.stdout, label(e.lang, "empreinte de tête : %s\n", "head hash: %s\n"), res.Head)
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
