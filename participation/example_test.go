package participation_test

import (
	"fmt"
	"os"
	"strings"
	"time"

	"golang.org/x/text/language"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/analysis"
	"github.com/civic-observatory/civic/participation"
)

// A researcher reads a Baromètre exported as CSV with French headers: the problems of
// each row come with its number and column.
func ExampleNewReader() {
	csv := strings.Join(participation.Header(true), ",") + "\n" +
		"d1,Budget participatif,,participatory_budget,Ville de Lumière,commune,FR,Lumière,,12000,co_design,Decidim,,,oui,services,2018-03,2018-12,,,,,,,15000,300,60,2,,,,,,internal,,,archived\n"
	rd := participation.NewReader(strings.NewReader(csv))
	for {
		d, ok := rd.Next()
		if !ok {
			break
		}
		fmt.Println(d.ID, d.Kind, d.Outcomes.Participants)
		for _, e := range civic.FieldErrors(rd.RowErr()) {
			fmt.Println(" ", e.Path, e.Code)
		}
	}
	// Output:
	// d1 participatory_budget 15000
	//   row[2].participants above_population
}

// A device moves along its lifecycle; every transition is dated.
func ExampleDevice_Apply() {
	var d participation.Device
	at := time.Date(2018, 3, 1, 9, 0, 0, 0, time.UTC)
	for _, a := range []participation.Action{"open", "close", "synthesise", "publish_feedback"} {
		if err := d.Apply(a, participation.AgentOrganiser, at); err != nil {
			fmt.Println(err)
		}
		at = at.AddDate(0, 1, 0)
	}
	err := d.Apply("open", participation.AgentOrganiser, at)
	fmt.Println(d.State, len(d.History))
	fmt.Println(civic.ErrorCode(err))
	// Output:
	// feedback_published 4
	// illegal_action
}

// Cross-tabulate the built-in Baromètre by citizen's role and evaluation format, masking
// counts below 10.
func Example_crossTab() {
	b, err := participation.Barometre2019()
	if err != nil {
		panic(err)
	}
	ptrs := make([]*participation.Device, len(b.Devices))
	for i := range b.Devices {
		ptrs[i] = &b.Devices[i]
	}
	dims := participation.DeviceDimensions()
	role, _ := analysis.FindDimension(dims, "role")
	open, _ := analysis.FindDimension(dims, "open_source")
	tb := analysis.CrossTab(ptrs, role, open, language.French)
	fmt.Println(tb.Total == int64(len(b.Devices)))
	tb.Write(os.Stdout, "md", 10)
	// Output:
	// true
	// | role \ open_source | false | true | total |
	// | --- | --- | --- | --- |
	// | co_design | 11 | 44 | 55 |
	// | opinion | 28 | 20 | 48 |
	// | sensor | 12 | &lt;10 | * |
	// | total | 51 | * | * |
}
