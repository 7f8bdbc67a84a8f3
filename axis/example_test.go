package axis_test

import (
	"fmt"

	"golang.org/x/text/language"

	"github.com/civic-observatory/civic/contribution"
)

// A researcher looks up which guiding questions of the 2019 call speak of evaluation,
// typing without accents.
func ExampleSet_Search() {
	call, err := contribution.Call2019()
	if err != nil {
		panic(err)
	}
	for _, m := range call.Axes.Search("evaluer", language.French) {
		fmt.Println(m.Ref)
	}
	// Output:
	// 1.2
	// 1.5
	// 2.4
	// 4.3
}

// The four axes of the 2019 call, in French alphabetical order.
func ExampleSet_Sorted() {
	call, err := contribution.Call2019()
	if err != nil {
		panic(err)
	}
	for _, a := range call.Axes.Sorted(language.French) {
		fmt.Println(a.ID, a.Title.Get(language.French))
	}
	// Output:
	// 4 Démocratie en entreprise et en organisation
	// 3 Écosystème : les civic tech, un marché comme un autre ?
	// 1 Govtech : retour sur un usage politique des technologies numériques
	// 2 Technologies citoyennes : quand la technologie sert la cause.
}

func ExampleParseRef() {
	call, err := contribution.Call2019()
	if err != nil {
		panic(err)
	}
	for _, ref := range []string{"3.1", "3.4"} {
		r, err := call.Axes.Resolve(ref)
		if err != nil {
			fmt.Println(err)
			continue
		}
		q, _ := call.Axes.Question(r)
		fmt.Printf("%s: %.60s…\n", r, q.Text.Get(language.English))
	}
	// Output:
	// 3.1: What are the business models of the structures that develop …
	// unknown_reference: refers to "3.4", which does not exist
}
