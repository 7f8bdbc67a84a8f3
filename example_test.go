package civic_test

import (
	"fmt"
	"time"

	"golang.org/x/text/language"

	"github.com/civic-observatory/civic"
)

// A platform validates a speaker and shows the problems in French.
func ExampleValidationError() {
	speaker := civic.Person{
		Name:         "Camille Martin",
		Email:        "camille.martin@",
		Organisation: &civic.Organisation{Name: "Ville de Lyon", Kind: civic.KindCommune, Country: "fr"},
	}
	err := speaker.Validate()
	p := civic.NewPrinter(language.French)
	for _, e := range civic.FieldErrors(err) {
		fmt.Printf("%s | %s | %s\n", e.Path.Pointer(), e.Code, e.Localize(p))
	}
	// Output:
	// /email | invalid_email | « camille.martin@ » n'est pas une adresse électronique
	// /organisation/country | invalid_country | « fr » n'est pas un code pays ISO 3166-1 alpha-2
}

func ExampleText_Get() {
	t := civic.NewText("Démocratie en entreprise et en organisation", "Democracy in companies and organisations")
	fmt.Println(t.Get(language.MustParse("fr-CA")))
	fmt.Println(t.Get(language.German))
	// Output:
	// Démocratie en entreprise et en organisation
	// Démocratie en entreprise et en organisation
}

func ExampleParseDate() {
	for _, s := range []string{"2018-11", "2019-03-18", "2019-02-30"} {
		d, err := civic.ParseDate(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(d, d.Precision(), d.Start(time.UTC).Format("Mon 2 Jan 2006"))
	}
	// Output:
	// 2018-11 month Thu 1 Nov 2018
	// 2019-03-18 day Mon 18 Mar 2019
	// invalid_date: "2019-02-30" is not a valid date
}

func ExampleOrgKind_Family() {
	for _, k := range []civic.OrgKind{civic.KindMetropole, civic.KindStartup, civic.KindUnion, civic.KindThinkTank} {
		fmt.Println(k, "→", k.Family())
	}
	// Output:
	// metropole → public
	// startup → company
	// union → association
	// think_tank → academic
}
