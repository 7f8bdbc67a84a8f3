package contribution_test

import (
	"fmt"

	"golang.org/x/text/language"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/contribution"
)

// A platform validates a submitted proposal against the 2019 call and shows every problem
// in French.
func ExampleDecodeProposal() {
	call, err := contribution.Call2019()
	if err != nil {
		panic(err)
	}
	data := []byte(`{
		"id": "p100",
		"title": "Notre appli de signalement",
		"summary": "Nous allons lancer l'an prochain une application de signalement des nids-de-poule.",
		"format": "field-report",
		"language": "fr",
		"axes": ["1"],
		"questions": ["1.3", "2.1"],
		"contributors": [{"name": "Léa Dubois", "email": "lea.dubois@example.fr",
			"organisation": {"name": "Ville de Montreuil-sur-Loire", "kind": "commune", "country": "FR"}}],
		"results": {"period": {"start": "2019-06"}, "actions": "Cahier des charges.", "findings": "Aucun pour l'instant."}
	}`)
	_, err = contribution.DecodeProposal(data, call)
	p := civic.NewPrinter(language.French)
	for _, e := range civic.FieldErrors(err) {
		fmt.Printf("%s: %s\n", e.Path, e.Localize(p))
	}
	// Output:
	// questions[1]: la question 2.1 relève de l'axe 2, que la proposition n'aborde pas
	// results.period.end: est obligatoire
	// results.period.start: présente des actions datées de 2019-06, après la date limite du 2019-01-25 00:00 CET : on attend les résultats d'actions menées, non des projets à venir
}

// A researcher counts the sample proposals by format and family of actors.
func ExampleSample2019() {
	call, err := contribution.Call2019()
	if err != nil {
		panic(err)
	}
	ps, err := contribution.Sample2019(call)
	if err != nil {
		panic(err)
	}
	n := map[string]int{}
	for _, p := range ps {
		if p.Family() == civic.FamilyAcademic {
			n[p.Format]++
		}
	}
	for _, f := range call.FormatIDs() {
		fmt.Printf("%s: %d\n", f, n[f])
	}
	// Output:
	// research: 15
	// field-report: 0
	// pitch: 1
	// centrifugeuse: 0
}
