package main

import (
	"fmt"

	"github.com/civic-observatory/civic/contribution"
	"github.com/civic-observatory/civic/event"
	"github.com/civic-observatory/civic/schedule"
)

// demoProgramme builds the programme of the Journée from the proposals the review
// confirmed, checks it, and prints it with its score.
func demoProgramme(e *env, s *demoState) error {
	if s.name() == contribution.ExampleRencontres2027 {
		heading(e, "Programme des Rencontres (construit automatiquement)", "Programme of the Meetings (built automatically)")
	} else {
		heading(e, "Programme de la Journée (construit automatiquement)", "Programme of the Journée (built automatically)")
	}
	builtinEvent, builtinGrid := event.Journee2019, schedule.Journee2019Grid
	if s.name() == contribution.ExampleRencontres2027 {
		builtinEvent, builtinGrid = event.Rencontres2027, schedule.Rencontres2027Grid
	}
	ev, err := builtinEvent()
	if err != nil {
		return err
	}
	grid, err := builtinGrid()
	if err != nil {
		return err
	}
	cx := schedule.Context{Event: ev, Grid: grid, Call: s.call, Proposals: s.confirmed}
	pr, err := schedule.Build(cx)
	if err != nil {
		return err
	}
	if err := pr.Validate(cx); err != nil {
		return err
	}
	if err := pr.WriteText(e.stdout, cx, e.lang); err != nil {
		return err
	}
	o := schedule.Score(pr, cx)
	fmt.Fprintf(e.stdout, label(e.lang, "\n%d contributions placées sur %d ; cohérence d'axe %d, familles %d, langue %d ; programme vérifié sans conflit\n",
		"\n%d of %d contributions placed; axis coherence %d, families %d, language %d; programme checked, no conflict\n"),
		o.Placed, len(s.confirmed), o.Coherent, o.Diverse, o.Grouped)
	return nil
}
