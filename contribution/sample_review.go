package contribution

import (
	"cmp"
	"crypto/sha256"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/civic-observatory/civic"
)

// Quotas2019 are the quotas of the simulated selection on the 2019 sample
// ([ReviewSample2019]): places per format, at least two proposals per family of actors
// (at most five companies), one per axis, at most a quarter in English and at least 5%
// international, ties broken with the seed "journee-civic-tech-2019".
func Quotas2019() Quotas {
	return Quotas{
		Places: map[string]int{"research": 8, "field-report": 10, "pitch": 6, "centrifugeuse": 8},
		Families: map[civic.Family]Range{
			civic.FamilyPublic: {Min: 2}, civic.FamilyCompany: {Min: 2, Max: 5},
			civic.FamilyAssociation: {Min: 2}, civic.FamilyAcademic: {Min: 2},
		},
		Axes:          map[string]int{"1": 1, "2": 1, "3": 1, "4": 1},
		English:       Share{Max: 0.25},
		International: Share{Min: 0.05},
		Seed:          "journee-civic-tech-2019",
	}
}

// SampleReview is the outcome of [ReviewSample2019]: a fictional but complete review of
// the 2019 sample, the default input of the command line's programme and statistics.
type SampleReview struct {
	// Board holds every proposal in its final state and the decision journal.
	Board *Board
	// Proposals are the records of the proposals after the review, in the sample's order:
	// accepted and confirmed, waitlisted or rejected.
	Proposals []*Record
	// Reviews counts the reviews by the Reviewers fictional reviewers.
	Reviews, Reviewers int
	// Scores are the aggregated scores (mean, normalised per reviewer), by proposal ID.
	Scores map[string]float64
	// Candidates are the proposals as the selection saw them, in the sample's order.
	Candidates []Candidate
	// Selection is the exact selection under [Quotas2019].
	Selection *Selection
}

// ReviewSample2019 simulates the review of sample (the 2019 sample, from [Sample2019])
// under call c: the authors submit before the deadline, the organiser opens the review,
// three fictional reviewers score every proposal they have no conflict with (two reviews
// per proposal, scores derived deterministically from a hash), the scores are aggregated
// with per-reviewer normalisation, the exact selection meets [Quotas2019], the committee
// accepts the selection, waitlists the next four and rejects the rest, publishes, and the
// accepted authors confirm. The board holds its own records: sample is not changed. The
// result is the same on every run.
func ReviewSample2019(c *Call, sample []*Proposal) (*SampleReview, error) {
	paris := c.Location()
	return ReviewSample(c, sample, SampleOptions{
		Submit: time.Date(2019, 1, 20, 10, 0, 0, 0, paris),
		Review: time.Date(2019, 1, 28, 9, 0, 0, 0, paris),
		Decide: time.Date(2019, 2, 8, 17, 0, 0, 0, paris),
		Event:  time.Date(2019, 3, 18, 9, 0, 0, 0, paris),
		Quotas: Quotas2019(),
	})
}

// SampleOptions are the dates and quotas of a simulated review ([ReviewSample]).
type SampleOptions struct {
	// Submit, Review and Decide are when the authors submit (before the deadline), the
	// review opens (after it) and the committee decides.
	Submit, Review, Decide time.Time
	// Event is when the event starts.
	Event time.Time
	// Quotas are the quotas of the selection.
	Quotas Quotas
}

// QuotasRencontres2027 are the quotas of the simulated selection on the Rencontres 2027
// sample: places per format, at least two proposals per family of organisations and one
// from a citizen, one per axis, at most half in English and at least 10% international.
func QuotasRencontres2027() Quotas {
	return Quotas{
		Places: map[string]int{"talk": 12, "workshop": 5, "poster": 6, "lightning": 6},
		Families: map[civic.Family]Range{
			civic.FamilyPublic: {Min: 2}, civic.FamilyCompany: {Min: 1},
			civic.FamilyAssociation: {Min: 2}, civic.FamilyAcademic: {Min: 2}, civic.FamilyCitizen: {Min: 1},
		},
		Axes:          map[string]int{"inclusion": 1, "numerique": 1, "evaluation": 1},
		English:       Share{Max: 0.5},
		International: Share{Min: 0.1},
		Seed:          "rencontres-2027",
	}
}

// ReviewBuiltin simulates the review of the sample of the built-in example with the
// name (one of [Examples]) under its call c, as [ReviewSample2019] does for the 2019 one.
func ReviewBuiltin(name string, c *Call, sample []*Proposal) (*SampleReview, error) {
	switch name {
	case ExampleJournee2019:
		return ReviewSample2019(c, sample)
	case ExampleRencontres2027:
		toronto := c.Location()
		return ReviewSample(c, sample, SampleOptions{
			Submit: time.Date(2027, 3, 10, 10, 0, 0, 0, toronto),
			Review: time.Date(2027, 3, 18, 9, 0, 0, 0, toronto),
			Decide: time.Date(2027, 3, 29, 17, 0, 0, 0, toronto),
			Event:  time.Date(2027, 6, 8, 8, 30, 0, 0, toronto),
			Quotas: QuotasRencontres2027(),
		})
	}
	return nil, fmt.Errorf("contribution: no built-in example %q", name)
}

// ReviewSample simulates the review of sample under call c with the dates and quotas of
// opt, as [ReviewSample2019] describes.
func ReviewSample(c *Call, sample []*Proposal, opt SampleOptions) (*SampleReview, error) {
	submitAt, reviewAt, decideAt := opt.Submit, opt.Review, opt.Decide
	ps := sample
	b, err := NewBoard(c, ps, BoardOptions{Event: opt.Event})
	if err != nil {
		return nil, err
	}
	organiser := Actor{ID: "organisation@observatoire.example", Role: RoleOrganiser}
	committee := Actor{ID: "comite-de-selection", Role: RoleCommittee}
	for _, p := range ps {
		author := Actor{ID: p.Contributors[0].Email, Role: RoleAuthor, Email: p.Contributors[0].Email}
		if _, err := b.Act(p.ID, Request{Action: ActionSubmit, Actor: author, At: submitAt}); err != nil {
			return nil, err
		}
	}
	if _, err := b.StartReview(Request{Actor: organiser, At: reviewAt, Reason: "date limite passée"}); err != nil {
		return nil, err
	}
	reviewers := []struct {
		a    Actor
		bias int
	}{
		{Actor{ID: "relectrice-1", Role: RoleReviewer, Email: "relectrice-1@observatoire.example", Organisation: "Observatoire (relecture)"}, 0},
		{Actor{ID: "relecteur-2", Role: RoleReviewer, Email: "relecteur-2@universite-fictive.example", Organisation: "Université fictive"}, -1},
		{Actor{ID: "relectrice-3", Role: RoleReviewer, Email: "relectrice-3@collectif-fictif.example", Organisation: "Collectif fictif"}, 1},
	}
	out := &SampleReview{Board: b, Reviewers: len(reviewers)}
	for _, p := range ps {
		done := 0
		for _, r := range reviewers {
			if done == 2 || r.a.ConflictWith(p) != "" {
				continue
			}
			rv := Review{Proposal: p.ID, Comment: "Simulation."}
			for _, k := range c.Criteria {
				if !k.AppliesTo(p.Format) {
					continue
				}
				h := sha256.Sum256([]byte(r.a.ID + "/" + p.ID + "/" + k.ID))
				v := k.Min + 1 + int(h[0])%(k.Max-k.Min) + r.bias
				rv.Scores = append(rv.Scores, Score{Criterion: k.ID, Value: min(k.Max, max(k.Min, v))})
			}
			if _, err := b.Review(r.a, rv, Request{At: reviewAt.Add(24 * time.Hour)}); err != nil {
				return nil, err
			}
			done++
			out.Reviews++
		}
	}
	out.Scores = b.Scores(Aggregation{Method: MethodMean, Normalise: true})
	for _, p := range ps {
		out.Candidates = append(out.Candidates, NewCandidate(p, c, out.Scores[p.ID]))
	}
	sel, err := Select(out.Candidates, opt.Quotas, SelectOptions{Explain: 3})
	if err != nil {
		return nil, err
	}
	out.Selection = sel
	// The committee follows the selection, waitlists the next four and rejects the rest.
	waitlist := 0
	for _, x := range byScore(out.Candidates) {
		d := DecisionReject
		switch {
		case slices.Contains(sel.Selected, x):
			d = DecisionAccept
		case waitlist < 4:
			d = DecisionWaitlist
			waitlist++
		}
		if _, err := b.Decide(x, d, Request{Actor: committee, At: decideAt}); err != nil {
			return nil, err
		}
	}
	if _, err := b.Publish(Request{Actor: committee, At: decideAt.Add(time.Hour), Reason: "publication des décisions"}); err != nil {
		return nil, err
	}
	// Every accepted author confirms, so that a programme can be built from them.
	confirmAt := decideAt.Add(72 * time.Hour)
	for _, p := range b.Records() {
		if p.State != StateAccepted {
			continue
		}
		author := Actor{ID: p.Contributors[0].Email, Role: RoleAuthor, Email: p.Contributors[0].Email}
		if _, err := b.Act(p.ID, Request{Action: ActionConfirm, Actor: author, At: confirmAt}); err != nil {
			return nil, err
		}
	}
	for _, p := range b.Records() {
		out.Proposals = append(out.Proposals, &p)
	}
	return out, nil
}

// Confirmed returns the records of the proposals the review accepted and their authors
// confirmed.
func (r *SampleReview) Confirmed() []*Record {
	var out []*Record
	for _, p := range r.Proposals {
		if p.State == StateConfirmed {
			out = append(out, p)
		}
	}
	return out
}

// byScore returns the candidates' IDs, best score first, then by ID.
func byScore(cs []Candidate) []string {
	out := slices.Clone(cs)
	slices.SortFunc(out, func(a, b Candidate) int {
		return cmp.Or(cmp.Compare(b.Score, a.Score), strings.Compare(a.ID, b.ID))
	})
	ids := make([]string, len(out))
	for i, c := range out {
		ids[i] = c.ID
	}
	return ids
}
