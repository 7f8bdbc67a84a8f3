package main

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/contribution"
)

// demoQuotas are the quotas of the demo's selection on the 2019 sample.
func demoQuotas() contribution.Quotas {
	return contribution.Quotas{
		Places: map[string]int{"research": 8, "field-report": 10, "pitch": 6, "centrifugeuse": 8},
		Families: map[civic.Family]contribution.Range{
			civic.FamilyPublic: {Min: 2}, civic.FamilyCompany: {Min: 2, Max: 5},
			civic.FamilyAssociation: {Min: 2}, civic.FamilyAcademic: {Min: 2},
		},
		Axes:          map[string]int{"1": 1, "2": 1, "3": 1, "4": 1},
		English:       contribution.Share{Max: 0.25},
		International: contribution.Share{Min: 0.05},
		Seed:          "journee-civic-tech-2019",
	}
}

// demoReview simulates the review of the sample: the authors submit before the deadline,
// the organiser opens the review, three fictional reviewers score every proposal they have
// no conflict with (twice each), the scores are aggregated with per-reviewer
// normalisation, the exact selection meets the diversity quotas, the committee decides and
// publishes, the accepted authors confirm, and the journal is verified. It works on copies:
// s.proposals is not changed; the confirmed proposals are handed on in s.confirmed.
func demoReview(e *env, s *demoState) error {
	tag := e.lang
	heading(e, "Évaluation et sélection (simulation)", "Review and selection (simulation)")
	paris := s.call.Location()
	submitAt := time.Date(2019, 1, 20, 10, 0, 0, 0, paris)
	reviewAt := time.Date(2019, 1, 28, 9, 0, 0, 0, paris)
	decideAt := time.Date(2019, 2, 8, 17, 0, 0, 0, paris)
	ps := s.proposals
	b, err := contribution.NewBoard(s.call, ps, contribution.BoardOptions{Event: time.Date(2019, 3, 18, 9, 0, 0, 0, paris)})
	if err != nil {
		return err
	}
	organiser := contribution.Actor{ID: "organisation@observatoire.example", Role: contribution.RoleOrganiser}
	committee := contribution.Actor{ID: "comite-de-selection", Role: contribution.RoleCommittee}
	for _, p := range ps {
		author := contribution.Actor{ID: p.Contributors[0].Email, Role: contribution.RoleAuthor, Email: p.Contributors[0].Email}
		if _, err := b.Act(p.ID, contribution.Request{Action: contribution.ActionSubmit, Actor: author, At: submitAt}); err != nil {
			return err
		}
	}
	if _, err := b.StartReview(contribution.Request{Actor: organiser, At: reviewAt, Reason: "date limite passée"}); err != nil {
		return err
	}
	reviewers := []struct {
		a    contribution.Actor
		bias int
	}{
		{contribution.Actor{ID: "relectrice-1", Role: contribution.RoleReviewer, Email: "relectrice-1@observatoire.example", Organisation: "Observatoire (relecture)"}, 0},
		{contribution.Actor{ID: "relecteur-2", Role: contribution.RoleReviewer, Email: "relecteur-2@universite-fictive.example", Organisation: "Université fictive"}, -1},
		{contribution.Actor{ID: "relectrice-3", Role: contribution.RoleReviewer, Email: "relectrice-3@collectif-fictif.example", Organisation: "Collectif fictif"}, 1},
	}
	nReviews := 0
	for _, p := range ps {
		done := 0
		for _, r := range reviewers {
			if done == 2 || r.a.ConflictWith(p) != "" {
				continue
			}
			rv := contribution.Review{Proposal: p.ID, Comment: "Simulation."}
			for _, k := range s.call.Criteria {
				if !k.AppliesTo(p.Format) {
					continue
				}
				h := sha256.Sum256([]byte(r.a.ID + "/" + p.ID + "/" + k.ID))
				v := k.Min + 1 + int(h[0])%(k.Max-k.Min) + r.bias
				rv.Scores = append(rv.Scores, contribution.Score{Criterion: k.ID, Value: min(k.Max, max(k.Min, v))})
			}
			if _, err := b.Review(r.a, rv, contribution.Request{At: reviewAt.Add(24 * time.Hour)}); err != nil {
				return err
			}
			done++
			nReviews++
		}
	}
	fmt.Fprintf(e.stdout, label(tag, "%d propositions soumises, %d évaluations par %d relecteurs fictifs\n", "%d proposals submitted, %d reviews by %d fictional reviewers\n"), len(ps), nReviews, len(reviewers))

	scores := b.Scores(contribution.Aggregation{Method: contribution.MethodMean, Normalise: true})
	var cs []contribution.Candidate
	for _, p := range ps {
		cs = append(cs, contribution.NewCandidate(p, s.call, scores[p.ID]))
	}
	q := demoQuotas()
	sel, err := contribution.Select(cs, q, contribution.SelectOptions{Explain: 3})
	if err != nil {
		for _, fe := range civic.FieldErrors(err) {
			fmt.Fprintf(e.stdout, "  %s %s: %s\n", fe.Path, fe.Code, fe.Localize(e.p))
		}
		return err
	}
	selected := map[string]bool{}
	for _, id := range sel.Selected {
		selected[id] = true
	}
	// The committee follows the selection, waitlists the next four and rejects the rest.
	waitlist := 0
	for _, x := range rankByScore(cs) {
		d := contribution.DecisionReject
		switch {
		case selected[x]:
			d = contribution.DecisionAccept
		case waitlist < 4:
			d = contribution.DecisionWaitlist
			waitlist++
		}
		if _, err := b.Decide(x, d, contribution.Request{Actor: committee, At: decideAt}); err != nil {
			return err
		}
	}
	if _, err := b.Publish(contribution.Request{Actor: committee, At: decideAt.Add(time.Hour), Reason: "publication des décisions"}); err != nil {
		return err
	}
	// Every accepted author confirms, so the programme can be built from them.
	confirmAt := decideAt.Add(72 * time.Hour)
	for _, p := range b.Records() {
		if p.State != contribution.StateAccepted {
			continue
		}
		author := contribution.Actor{ID: p.Contributors[0].Email, Role: contribution.RoleAuthor, Email: p.Contributors[0].Email}
		if _, err := b.Act(p.ID, contribution.Request{Action: contribution.ActionConfirm, Actor: author, At: confirmAt}); err != nil {
			return err
		}
	}
	s.confirmed, s.decided = s.confirmed[:0], s.decided[:0]
	for _, p := range b.Records() {
		s.decided = append(s.decided, &p)
		if p.State == contribution.StateConfirmed {
			s.confirmed = append(s.confirmed, &p)
		}
	}

	byID := map[string]*contribution.Proposal{}
	for _, p := range ps {
		byID[p.ID] = p
	}
	fmt.Fprintf(e.stdout, label(tag, "\nRetenues (%d, score total %.2f, graine « %s ») :\n", "\nSelected (%d, total score %.2f, seed %q):\n"), len(sel.Selected), sel.Total, sel.Seed)
	for _, id := range sel.Selected {
		p := byID[id]
		fmt.Fprintf(e.stdout, "  %-5s %5.1f  %-13s %-11s %s\n", id, scores[id], p.Format, p.Family(), clip(p.Title, 48))
	}
	fmt.Fprintln(e.stdout, label(tag, "\nQuotas respectés :", "\nQuotas met:"))
	for _, st := range sel.Quotas {
		fmt.Fprintf(e.stdout, "  %-24s %6s / %s\n", st.Name, num(roundTo(st.Value, 3)), num(st.Bound))
	}
	fmt.Fprintln(e.stdout, label(tag, "\nPourquoi les meilleures non retenues ne l'ont pas été :", "\nWhy the best proposals left out were not selected:"))
	for _, x := range sel.Excluded {
		fmt.Fprintf(e.stdout, label(tag, "  %-5s %5.1f  coûterait %.2f points ; quotas : %s ; remplacerait %s\n", "  %-5s %5.1f  would cost %.2f points; quotas: %s; would replace %s\n"),
			x.ID, x.Score, x.Loss, orNone(e, x.Binding), orNone(e, x.Displaced))
	}

	var buf bytes.Buffer
	if _, err := b.Journal().WriteTo(&buf); err != nil {
		return err
	}
	res, err := contribution.VerifyJournal(&buf, contribution.ReviewWorkflow())
	if err != nil {
		return err
	}
	count := map[contribution.State]int{}
	for _, st := range res.States {
		count[st.State]++
	}
	fmt.Fprintf(e.stdout, label(tag, "\nJournal des décisions vérifié : %d entrées ; %d acceptées et confirmées, %d en liste d'attente, %d refusées\n", "\nDecision journal verified: %d entries; %d accepted and confirmed, %d waitlisted, %d rejected\n"),
		res.Entries, count[contribution.StateAccepted]+count[contribution.StateConfirmed], count[contribution.StateWaitlisted], count[contribution.StateRejected])
	fmt.Fprintf(e.stdout, label(tag, "Empreinte de tête (SHA-256) : %s\n", "Head hash (SHA-256): %s\n"), res.Head)
	return nil
}

// rankByScore returns the candidates' IDs, best score first, then by ID.
func rankByScore(cs []contribution.Candidate) []string {
	out := slices.Clone(cs)
	slices.SortFunc(out, func(a, b contribution.Candidate) int {
		if c := cmp.Compare(b.Score, a.Score); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	ids := make([]string, len(out))
	for i, c := range out {
		ids[i] = c.ID
	}
	return ids
}

func roundTo(f float64, digits int) float64 {
	p := 1.0
	for range digits {
		p *= 10
	}
	return float64(int64(f*p+0.5)) / p
}
