package contribution_test

import (
	"fmt"
	"time"

	"github.com/civic-observatory/civic/contribution"
)

// The life of a call in four steps: the built-in 2019 call, proposals submitted to it, a
// reviewer's scores, and the exact selection under diversity quotas.
func Example() {
	// A call: the built-in 2019 call, decoded and validated like any document.
	call, err := contribution.Call2019()
	if err != nil {
		panic(err)
	}
	fmt.Println(len(call.Formats), "formats,", len(call.Axes), "axes, deadline", call.Deadline.In(call.Location()).Format("2006-01-02 15:04 MST"))

	// Proposals: the fictional sample of the call, each decoded and checked against it.
	sample, err := contribution.Sample2019(call)
	if err != nil {
		panic(err)
	}
	ps := sample[:6]
	paris := call.Location()
	board, err := contribution.NewBoard(call, ps, contribution.BoardOptions{Event: time.Date(2019, 3, 18, 9, 0, 0, 0, paris)})
	if err != nil {
		panic(err)
	}
	for _, p := range ps {
		author := contribution.Actor{ID: p.Contributors[0].Email, Role: contribution.RoleAuthor, Email: p.Contributors[0].Email}
		if _, err := board.Act(p.ID, contribution.Request{Action: contribution.ActionSubmit, Actor: author, At: time.Date(2019, 1, 20, 10, 0, 0, 0, paris)}); err != nil {
			panic(err)
		}
	}
	organiser := contribution.Actor{ID: "organisation", Role: contribution.RoleOrganiser}
	if _, err := board.StartReview(contribution.Request{Actor: organiser, At: time.Date(2019, 1, 28, 9, 0, 0, 0, paris)}); err != nil {
		panic(err)
	}

	// A review: one reviewer scores every proposal on the criteria of its format.
	reviewer := contribution.Actor{ID: "relectrice", Role: contribution.RoleReviewer, Email: "relectrice@example.org"}
	for i, p := range ps {
		rv := contribution.Review{Proposal: p.ID}
		for _, k := range call.Criteria {
			if k.AppliesTo(p.Format) {
				rv.Scores = append(rv.Scores, contribution.Score{Criterion: k.ID, Value: k.Min + (i % (k.Max - k.Min + 1))})
			}
		}
		if _, err := board.Review(reviewer, rv, contribution.Request{At: time.Date(2019, 1, 29, 9, 0, 0, 0, paris)}); err != nil {
			panic(err)
		}
	}
	scores := board.Scores(contribution.Aggregation{Method: contribution.MethodMean})

	// A selection: the best-scored set with at most one proposal per format.
	var cs []contribution.Candidate
	for _, p := range ps {
		cs = append(cs, contribution.NewCandidate(p, call, scores[p.ID]))
	}
	places := map[string]int{}
	for _, f := range call.Formats {
		places[f.ID] = 1
	}
	sel, err := contribution.Select(cs, contribution.Quotas{Places: places, Seed: "example"}, contribution.SelectOptions{})
	if err != nil {
		panic(err)
	}
	fmt.Println("selected:", sel.Selected)
	// Output:
	// 4 formats, 4 axes, deadline 2019-01-25 00:00 CET
	// selected: [p006]
}
