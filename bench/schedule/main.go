// Command schedule measures the scheduler of package schedule against the exact optimum
// of the same model, found by GLPK's glpsol (Debian package glpk-utils) from the CPLEX LP
// file [schedule.WriteLP] writes.
//
// Usage:
//
//	go run ./bench/schedule [-dir DIR] [-small 24] [-tmlim 120] [-congress 100,200,400]
//
// For each instance it prints the proposals, the time Build takes (best of 3), the
// objective Build reaches, and what glpsol reports within the time limit: its best
// objective, its status, the bound it proves (the best bound of the branch and bound, or
// the optimum) and our gap to that bound. Instances:
//
//   - small-N: random subsets of 8 to 15 sample proposals (some sharing a speaker) in a
//     tight grid, as TestBuildAgainstGLPK;
//   - journee-sample: the Journée from the 50 sample proposals, all confirmed;
//   - journee-60: the Journée from 60 confirmed proposals (the benchmark's instance);
//   - congress-K: K proposals in the 3-day, 20-room congress grid of the benchmarks.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/contribution"
	"github.com/civic-observatory/civic/event"
	"github.com/civic-observatory/civic/schedule"
)

func main() {
	dir := flag.String("dir", "", "directory for the LP files (default: a temporary one)")
	small := flag.Int("small", 24, "random small instances")
	tmlim := flag.Int("tmlim", 120, "glpsol time limit per instance, in seconds")
	congressSizes := flag.String("congress", "100,200", "sizes of the congress instances (comma-separated; empty for none)")
	flag.Parse()
	if err := run(*dir, *small, *tmlim, *congressSizes); err != nil {
		fmt.Fprintln(os.Stderr, "bench/schedule:", err)
		os.Exit(1)
	}
}

type instance struct {
	name string
	cx   schedule.Context
}

func run(dir string, small, tmlim int, congressSizes string) error {
	glpsol, err := exec.LookPath("glpsol")
	if err != nil {
		return fmt.Errorf("glpsol not found (apt-get install glpk-utils): %w", err)
	}
	if dir == "" {
		if dir, err = os.MkdirTemp("", "civic-schedule-lp"); err != nil {
			return err
		}
		defer os.RemoveAll(dir)
	}
	base, err := journee()
	if err != nil {
		return err
	}
	var list []instance
	for n := range small {
		list = append(list, instance{fmt.Sprintf("small-%02d", n), smallInstance(base, n)})
	}
	list = append(list, instance{"journee-sample", base})
	j60 := base
	j60.Proposals = clones(base.Proposals, 60, nil)
	list = append(list, instance{"journee-60", j60})
	for _, f := range strings.Split(congressSizes, ",") {
		if f = strings.TrimSpace(f); f == "" {
			continue
		}
		k, err := strconv.Atoi(f)
		if err != nil {
			return fmt.Errorf("-congress: %w", err)
		}
		list = append(list, instance{fmt.Sprintf("congress-%d", k), congress(base, k)})
	}

	fmt.Printf("%-16s %6s %9s %9s %9s %-20s %9s %7s\n", "instance", "props", "build_ms", "ours", "glpsol", "status", "bound", "gap")
	var sumOurs, sumBound float64
	for _, in := range list {
		best := time.Duration(1 << 62)
		var pr *schedule.Programme
		for range 3 {
			t0 := time.Now()
			if pr, err = schedule.Build(in.cx); err != nil {
				return err
			}
			best = min(best, time.Since(t0))
		}
		if err := pr.Validate(in.cx); err != nil {
			return fmt.Errorf("%s: the built programme fails the checker: %w", in.name, err)
		}
		ours := float64(schedule.Score(pr, in.cx).Total)
		var lp bytes.Buffer
		if err := schedule.WriteLP(&lp, in.cx); err != nil {
			return err
		}
		file := filepath.Join(dir, in.name+".lp")
		if err := os.WriteFile(file, lp.Bytes(), 0o644); err != nil {
			return err
		}
		res, err := solve(glpsol, file, tmlim)
		if err != nil {
			return fmt.Errorf("%s: %w", in.name, err)
		}
		gap := "-"
		if res.bound > 0 {
			gap = fmt.Sprintf("%.2f%%", 100*(res.bound-ours)/res.bound)
			if strings.HasPrefix(in.name, "small-") {
				sumOurs += ours
				sumBound += res.bound
			}
		}
		if ours > res.bound+0.5 && res.bound > 0 {
			return fmt.Errorf("%s: Build scores %.0f, above the bound %.0f: the model and the scheduler disagree", in.name, ours, res.bound)
		}
		fmt.Printf("%-16s %6d %9.2f %9.0f %9.0f %-20s %9.0f %7s\n", in.name, len(in.cx.Proposals),
			float64(best.Microseconds())/1000, ours, res.objective, res.status, res.bound, gap)
	}
	if sumBound > 0 {
		fmt.Printf("small instances: Build reaches %.2f%% of the exact optimum in total\n", 100*sumOurs/sumBound)
	}
	return nil
}

type result struct {
	objective, bound float64
	status           string
}

var (
	reObjective = regexp.MustCompile(`Objective:\s+obj = (-?[0-9.e+]+)`)
	reStatus    = regexp.MustCompile(`Status:\s+(.+)`)
	reMIP       = regexp.MustCompile(`mip =\s+(-?[0-9.e+]+|not found yet)\s+<=\s+(-?[0-9.e+]+|tree is empty)`)
)

// solve runs glpsol on the LP file with a time limit and reads its best objective, its
// status and the bound it proves (the optimum when it is INTEGER OPTIMAL).
func solve(glpsol, file string, tmlim int) (result, error) {
	var r result
	log, err := exec.Command(glpsol, "--lp", file, "--tmlim", strconv.Itoa(tmlim), "-o", file+".out").CombinedOutput()
	if err != nil {
		return r, fmt.Errorf("glpsol: %w\n%s", err, log)
	}
	sol, err := os.ReadFile(file + ".out")
	if err != nil {
		return r, err
	}
	if m := reStatus.FindSubmatch(sol); m != nil {
		r.status = strings.ReplaceAll(strings.TrimSpace(string(m[1])), " ", "_")
	}
	if m := reObjective.FindSubmatch(sol); m != nil {
		r.objective, _ = strconv.ParseFloat(string(m[1]), 64)
	}
	if r.status == "INTEGER_OPTIMAL" {
		r.bound = r.objective
		return r, nil
	}
	for _, m := range reMIP.FindAllSubmatch(log, -1) {
		if b, err := strconv.ParseFloat(string(m[2]), 64); err == nil {
			r.bound = b
		}
	}
	return r, nil
}

// journee returns the Journée, its grid, the call and the sample, every proposal confirmed.
func journee() (schedule.Context, error) {
	ev, err := event.Journee2019()
	if err != nil {
		return schedule.Context{}, err
	}
	g, err := schedule.Journee2019Grid()
	if err != nil {
		return schedule.Context{}, err
	}
	c, err := contribution.Call2019()
	if err != nil {
		return schedule.Context{}, err
	}
	ps, err := contribution.Sample2019(c)
	if err != nil {
		return schedule.Context{}, err
	}
	rs := make([]*contribution.Record, len(ps))
	for i, p := range ps {
		rs[i] = contribution.NewRecord(p)
		rs[i].State = contribution.StateConfirmed
	}
	return schedule.Context{Event: ev, Grid: g, Call: c, Proposals: rs}, nil
}

// smallInstance is instance n of TestBuildAgainstGLPK: a random subset of the sample in a
// tight grid.
func smallInstance(base schedule.Context, n int) schedule.Context {
	cx := base
	at := func(h, m int) *event.Clock { c := event.At(h, m); return &c }
	cx.Grid = &schedule.Grid{Event: cx.Event.ID, Slots: []schedule.Slot{
		{ID: "ouverture", Kind: schedule.KindOpening, Tracks: []string{"pleniere"}, Start: event.At(9, 0), End: at(9, 30), Discussion: 10, Title: civic.NewText("O", "")},
		{ID: "rt-1", Kind: schedule.KindRoundTable, Tracks: []string{"pleniere"}, Start: event.At(10, 0), End: at(11, 0), Discussion: 15, Title: civic.NewText("R1", "")},
		{ID: "at-1", Kind: schedule.KindExperience, Tracks: []string{"formation"}, Start: event.At(10, 0), End: at(11, 0), Discussion: 20, Title: civic.NewText("A1", "")},
		{ID: "rt-2", Kind: schedule.KindRoundTable, Tracks: []string{"pleniere"}, Start: event.At(11, 0), End: at(12, 0), Discussion: 15, Title: civic.NewText("R2", "")},
		{ID: "at-2", Kind: schedule.KindExperience, Tracks: []string{"formation"}, Start: event.At(11, 0), End: at(12, 0), Discussion: 20, Title: civic.NewText("A2", "")},
		{ID: "co-1", Kind: schedule.KindCoBuild, Tracks: []string{"centrifugeuses"}, Start: event.At(10, 0), End: at(10, 40), Title: civic.NewText("C", "")},
	}}
	r := rand.New(rand.NewPCG(uint64(n), 7))
	all := base.Proposals
	k := 8 + r.IntN(8)
	cx.Proposals = nil
	for j, i := range r.Perm(len(all))[:k] {
		q := *all[i]
		q.Contributors = append([]civic.Person(nil), q.Contributors...)
		if j > 0 && r.IntN(4) == 0 {
			q.Contributors[0].Email = cx.Proposals[r.IntN(j)].Contributors[0].Email
		}
		q.State = contribution.StateConfirmed
		cx.Proposals = append(cx.Proposals, &q)
	}
	return cx
}

// clones returns n confirmed proposals made from base, with new IDs and e-mails (every
// seventh keeps a speaker of the one before), as the package's benchmarks make them.
func clones(base []*contribution.Record, n int, formats func(i int) string) []*contribution.Record {
	byFormat := map[string][]*contribution.Record{}
	for _, p := range base {
		byFormat[p.Format] = append(byFormat[p.Format], p)
	}
	out := make([]*contribution.Record, n)
	for i := range n {
		src := base[i%len(base)]
		if formats != nil {
			list := byFormat[formats(i)]
			src = list[i%len(list)]
		}
		q := *src
		q.ID = fmt.Sprintf("q%05d", i)
		q.State = contribution.StateConfirmed
		q.Contributors = append([]civic.Person(nil), src.Contributors...)
		for k := range q.Contributors {
			j := i
			if i%7 == 0 && i > 0 {
				j = i - 1
			}
			q.Contributors[k].Email = fmt.Sprintf("speaker%05d-%d@example.org", j, k)
		}
		out[i] = &q
	}
	return out
}

// congress returns the 3-day, 20-room congress of the benchmarks with n proposals.
func congress(base schedule.Context, n int) schedule.Context {
	cx := base
	ev := &event.Event{ID: "congres", Kind: event.KindConference, Title: civic.NewText("Congrès", "Congress"),
		Start: civic.DayDate(2019, 6, 3), End: civic.DayDate(2019, 6, 5), TimeZone: "Europe/Paris"}
	g := &schedule.Grid{Event: "congres"}
	blocks := [][2]event.Clock{{event.At(10, 0), event.At(11, 30)}, {event.At(11, 30), event.At(13, 0)}, {event.At(14, 30), event.At(16, 0)}, {event.At(16, 30), event.At(18, 0)}}
	for r := range 20 {
		id := fmt.Sprintf("salle-%02d", r+1)
		ev.Rooms = append(ev.Rooms, event.Room{ID: id, Name: civic.NewText("Salle "+id, "Room "+id), Capacity: 200})
		tr := event.Track{ID: "t" + id, Title: civic.NewText("Piste "+id, "Track "+id), Audience: 100, Rooms: []string{id}}
		if r >= 16 {
			tr.Tables, tr.Audience = &event.Tables{Count: 6, Seats: 5, Facilitators: 1}, 30
		}
		ev.Tracks = append(ev.Tracks, tr)
	}
	for day := range 3 {
		end := event.At(10, 0)
		g.Slots = append(g.Slots, schedule.Slot{ID: fmt.Sprintf("ouverture-%d", day), Kind: schedule.KindOpening, Day: day,
			Tracks: []string{"tsalle-01"}, Start: event.At(9, 0), End: &end, Discussion: 10, Title: civic.NewText("Ouverture", "Opening")})
		for bi, bl := range blocks {
			for r := range 20 {
				kind, discussion := schedule.KindRoundTable, 15
				switch {
				case r >= 16:
					kind, discussion = schedule.KindCoBuild, 0
				case r >= 12:
					kind = schedule.KindExperience
				}
				end := bl[1]
				g.Slots = append(g.Slots, schedule.Slot{ID: fmt.Sprintf("d%d-b%d-r%02d", day, bi, r), Kind: kind, Day: day,
					Tracks: []string{fmt.Sprintf("tsalle-%02d", r+1)}, Start: bl[0], End: &end, Discussion: discussion,
					Title: civic.NewText("Session", "Session")})
			}
		}
	}
	cx.Event, cx.Grid = ev, g
	formats := []string{"research", "field-report", "field-report", "research", "centrifugeuse", "field-report", "research", "pitch"}
	cx.Proposals = clones(base.Proposals, n, func(i int) string { return formats[i%len(formats)] })
	return cx
}
