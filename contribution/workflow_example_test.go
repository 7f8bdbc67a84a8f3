package contribution_test

import (
	"bytes"
	"errors"
	"fmt"
	"time"

	"golang.org/x/text/language"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/contribution"
)

// A developer fires review actions: a refused one explains itself in French and English.
func ExampleWorkflow_Apply() {
	c, _ := contribution.Call2019()
	ps, _ := contribution.Sample2019(c)
	p := contribution.NewRecord(ps[0]) // the author's submission, and no state yet: a draft
	w := contribution.ReviewWorkflow()
	env := contribution.Env{Call: c}
	author := contribution.Actor{ID: p.Contributors[0].Email, Role: contribution.RoleAuthor, Email: p.Contributors[0].Email}

	late := time.Date(2019, 1, 26, 12, 0, 0, 0, c.Location())
	_, err := w.Apply(p, contribution.Request{Action: contribution.ActionSubmit, Actor: author, At: late}, env)
	var ae *contribution.ActionError
	if errors.As(err, &ae) {
		fmt.Println(ae.Code)
		fmt.Println(ae.Message(language.French))
	}

	onTime := time.Date(2019, 1, 20, 10, 0, 0, 0, c.Location())
	e, err := w.Apply(p, contribution.Request{Action: contribution.ActionSubmit, Actor: author, At: onTime}, env)
	fmt.Println(e.From, "→", e.To, p.Version, p.Submitted.Format(time.RFC3339), err)

	organiser := contribution.Actor{ID: "orga", Role: contribution.RoleOrganiser}
	fmt.Println(w.Permitted(p, organiser, env, late))
	// Output:
	// call_closed
	// l'appel n'est pas ouvert le 2019-01-26T12:00:00+01:00 (ouverture le 2018-12-18T00:00:00+01:00, date limite le 2019-01-25T00:00:00+01:00)
	// draft → submitted 1 2019-01-20T09:00:00Z <nil>
	// [start_review]
}

// Anyone can verify a published journal and rebuild every proposal's state from it.
func ExampleVerifyJournal() {
	var j contribution.Journal
	at := time.Date(2019, 1, 20, 9, 0, 0, 0, time.UTC)
	j.Append(contribution.Entry{Time: at, Proposal: "p1", Action: "submit", From: "draft", To: "submitted", Actor: "ana@example.org", Role: "author"})
	j.Append(contribution.Entry{Time: at.Add(time.Hour), Proposal: "p1", Action: "withdraw", From: "submitted", To: "withdrawn", Actor: "ana@example.org", Role: "author"})
	var buf bytes.Buffer
	j.WriteTo(&buf)

	res, err := contribution.VerifyJournal(bytes.NewReader(buf.Bytes()), contribution.ReviewWorkflow())
	fmt.Println(res.Entries, res.States["p1"].State, err)

	tampered := bytes.Replace(buf.Bytes(), []byte("withdraw\""), []byte("decline\""), 1)
	_, err = contribution.VerifyJournal(bytes.NewReader(tampered), contribution.ReviewWorkflow())
	for _, fe := range civic.FieldErrors(err) {
		fmt.Println(fe.Path, fe.Code, "|", fe.Message(language.English))
	}
	// Output:
	// 2 withdrawn <nil>
	// [1].hash bad_hash | entry 2 does not match its hash: it was changed
	// [1].action illegal_action | the action "decline" cannot be taken from the state "submitted"
}

// The organiser selects the best proposals under diversity quotas, and learns why the
// others were left out.
func ExampleSelect() {
	cs := []contribution.Candidate{
		{ID: "r1", Score: 90, Format: "research", Family: civic.FamilyAcademic},
		{ID: "r2", Score: 80, Format: "research", Family: civic.FamilyAcademic},
		{ID: "r3", Score: 70, Format: "research", Family: civic.FamilyPublic},
		{ID: "f1", Score: 60, Format: "field-report", Family: civic.FamilyCompany, English: true},
		{ID: "f2", Score: 50, Format: "field-report", Family: civic.FamilyCompany, English: true},
	}
	sel, err := contribution.Select(cs, contribution.Quotas{
		Places:   map[string]int{"research": 2, "field-report": 2},
		Families: map[civic.Family]contribution.Range{civic.FamilyPublic: {Min: 1}},
		English:  contribution.Share{Max: 0.34},
		Seed:     "2019",
	}, contribution.SelectOptions{})
	if err != nil {
		panic(err)
	}
	fmt.Println(sel.Selected, sel.Total)
	for _, x := range sel.Excluded {
		fmt.Println(x.ID, x.Loss, x.Binding, x.Displaced)
	}
	// Output:
	// [r1 r3 f1] 220
	// r2 10 [places.research] [r1]
	// f2 10 [english.max] [f1]
}
