package main

import (
	"bytes"
	"fmt"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/contribution"
)

// demoReview prints the simulated review of the sample ([contribution.ReviewSample2019]):
// reviews, the exact selection under the diversity quotas, the decisions and the verified
// journal. s.proposals is not changed; the confirmed proposals are handed on in
// s.confirmed, every decided one in s.decided.
func demoReview(e *env, s *demoState) error {
	tag := e.lang
	heading(e, "Évaluation et sélection (simulation)", "Review and selection (simulation)")
	r, err := contribution.ReviewBuiltin(s.name(), s.call, s.proposals)
	if err != nil {
		for _, fe := range civic.FieldErrors(err) {
			fmt.Fprintf(e.stdout, "  %s %s: %s\n", fe.Path, fe.Code, fe.Localize(e.p))
		}
		return err
	}
	ps, scores, sel, b := r.Proposals, r.Scores, r.Selection, r.Board
	s.decided = r.Proposals
	s.confirmed = r.Confirmed()
	fmt.Fprintf(e.stdout, label(tag, "%d propositions soumises, %d évaluations par %d relecteurs fictifs\n", "%d proposals submitted, %d reviews by %d fictional reviewers\n"), len(ps), r.Reviews, r.Reviewers)

	byID := map[string]*contribution.Record{}
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

func roundTo(f float64, digits int) float64 {
	p := 1.0
	for range digits {
		p *= 10
	}
	return float64(int64(f*p+0.5)) / p
}

// sampleReview returns the built-in call and the simulated review of its sample, the
// default input of `civic programme` and `civic stats --source proposals`.
func sampleReview() (*contribution.Call, *contribution.SampleReview, error) {
	c, err := contribution.Call2019()
	if err != nil {
		return nil, nil, err
	}
	ps, err := contribution.Sample2019(c)
	if err != nil {
		return nil, nil, err
	}
	r, err := contribution.ReviewSample2019(c, ps)
	return c, r, err
}
