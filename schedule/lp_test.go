package schedule_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/contribution"
	"github.com/civic-observatory/civic/event"
	"github.com/civic-observatory/civic/schedule"
)

// smallGrid is a tight grid for exact comparisons: an opening of 20 minutes of talks, two
// blocks with a round table (45 minutes of talks) and a workshop (40), and a
// co-construction session of two tables.
func smallGrid(t testing.TB) schedule.Context {
	cx := journee(t)
	at := func(h, m int) *event.Clock { c := event.At(h, m); return &c }
	cx.Grid = &schedule.Grid{Event: cx.Event.ID, Slots: []schedule.Slot{
		{ID: "ouverture", Kind: schedule.KindOpening, Tracks: []string{"pleniere"}, Start: event.At(9, 0), End: at(9, 30), Discussion: 10, Title: civic.NewText("O", "")},
		{ID: "rt-1", Kind: schedule.KindRoundTable, Tracks: []string{"pleniere"}, Start: event.At(10, 0), End: at(11, 0), Discussion: 15, Title: civic.NewText("R1", "")},
		{ID: "at-1", Kind: schedule.KindExperience, Tracks: []string{"formation"}, Start: event.At(10, 0), End: at(11, 0), Discussion: 20, Title: civic.NewText("A1", "")},
		{ID: "rt-2", Kind: schedule.KindRoundTable, Tracks: []string{"pleniere"}, Start: event.At(11, 0), End: at(12, 0), Discussion: 15, Title: civic.NewText("R2", "")},
		{ID: "at-2", Kind: schedule.KindExperience, Tracks: []string{"formation"}, Start: event.At(11, 0), End: at(12, 0), Discussion: 20, Title: civic.NewText("A2", "")},
		{ID: "co-1", Kind: schedule.KindCoBuild, Tracks: []string{"centrifugeuses"}, Start: event.At(10, 0), End: at(10, 40), Title: civic.NewText("C", "")},
	}}
	return cx
}

// TestBuildAgainstGLPK compares the objective of the scheduler with the exact optimum
// glpsol finds for the same model, on random small instances: the scheduler never beats
// the optimum (which would mean the two disagree on the rules) and stays within 10% of it.
func TestBuildAgainstGLPK(t *testing.T) {
	glpsol, err := exec.LookPath("glpsol")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("glpsol is required in CI (Debian package glpk-utils)")
		}
		t.Skip("glpsol not installed")
	}
	objective := regexp.MustCompile(`Objective:\s+obj = (-?[0-9.e+]+)`)
	cx0 := smallGrid(t)
	all := cx0.Proposals
	dir := t.TempDir()
	var sumGot, sumOpt float64
	const instances = 24
	for n := range instances {
		r := rand.New(rand.NewPCG(uint64(n), 7))
		cx := cx0
		k := 8 + r.IntN(8)
		perm := r.Perm(len(all))[:k]
		cx.Proposals = nil
		for j, i := range perm {
			q := *all[i]
			q.Contributors = append([]civic.Person(nil), q.Contributors...)
			if j > 0 && r.IntN(4) == 0 { // a shared speaker
				q.Contributors[0].Email = cx.Proposals[r.IntN(j)].Contributors[0].Email
			}
			q.State = contribution.StateConfirmed
			cx.Proposals = append(cx.Proposals, &q)
		}
		pr, err := schedule.Build(cx)
		require.NoError(t, err)
		require.NoError(t, pr.Validate(cx), "instance %d", n)
		got := schedule.Score(pr, cx).Total

		var lp bytes.Buffer
		require.NoError(t, schedule.WriteLP(&lp, cx))
		file := filepath.Join(dir, fmt.Sprintf("i%d.lp", n))
		require.NoError(t, os.WriteFile(file, lp.Bytes(), 0o644))
		out, err := exec.Command(glpsol, "--lp", file, "-o", file+".out").CombinedOutput()
		require.NoError(t, err, "%s", out)
		sol, err := os.ReadFile(file + ".out")
		require.NoError(t, err)
		m := objective.FindSubmatch(sol)
		require.NotNil(t, m, "%s", sol)
		opt, err := strconv.ParseFloat(string(m[1]), 64)
		require.NoError(t, err)
		if float64(got) > opt+0.5 {
			t.Fatalf("instance %d: the scheduler scores %d, above the exact optimum %.0f: the model and the scheduler disagree", n, got, opt)
		}
		if float64(got) < 0.9*opt {
			t.Errorf("instance %d: %d is below 90%% of the optimum %.0f", n, got, opt)
		}
		sumGot += float64(got)
		sumOpt += opt
	}
	t.Logf("%d instances: the scheduler reaches %.2f%% of the exact optimum in total", instances, 100*sumGot/sumOpt)
}
