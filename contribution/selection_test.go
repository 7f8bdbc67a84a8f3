package contribution_test

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"testing"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/contribution"
)

// randomInstance returns n candidates over the 2019 formats, families and axes, with
// quotas that are usually feasible.
func randomInstance(seed uint64, n int) ([]contribution.Candidate, contribution.Quotas) {
	r := rand.New(rand.NewPCG(seed, 2019))
	formats := []string{"research", "field-report", "pitch", "centrifugeuse"}
	fams := civic.Families()
	cs := make([]contribution.Candidate, n)
	for i := range cs {
		c := contribution.Candidate{
			ID:            fmt.Sprintf("p%04d", i),
			Score:         float64(r.IntN(10001)) / 100,
			Format:        formats[r.IntN(len(formats))],
			Family:        fams[r.IntN(len(fams))],
			English:       r.IntN(5) == 0,
			International: r.IntN(6) == 0,
		}
		if r.IntN(3) == 0 {
			c.Score = float64(r.IntN(11) * 10) // many ties
		}
		if c.Format == "research" || c.Format == "field-report" {
			for a := 1; a <= 4; a++ {
				if r.IntN(3) == 0 {
					c.Axes = append(c.Axes, strconv.Itoa(a))
				}
			}
		}
		cs[i] = c
	}
	places := max(2, n/10)
	q := contribution.Quotas{
		Places: map[string]int{"research": places, "field-report": places, "pitch": places / 2, "centrifugeuse": places / 2},
		Families: map[civic.Family]contribution.Range{
			civic.FamilyPublic:      {Min: places / 4, Max: places},
			civic.FamilyCompany:     {Min: places / 4, Max: places * 2 / 3},
			civic.FamilyAssociation: {Min: places / 4},
			civic.FamilyAcademic:    {Min: places / 4, Max: places},
			civic.FamilyCitizen:     {Max: places / 3},
		},
		Axes:          map[string]int{"1": places / 5, "2": places / 5, "3": places / 6, "4": places / 6},
		English:       contribution.Share{Max: 0.2},
		International: contribution.Share{Min: 0.05, Max: 0.3},
		Seed:          "civic-2019",
	}
	return cs, q
}

// bruteForce returns the best total (in points) by enumeration, -1 when infeasible.
func bruteForce(cs []contribution.Candidate, q contribution.Quotas) int64 {
	best := int64(-1)
	n := len(cs)
	for mask := 0; mask < 1<<n; mask++ {
		if !feasible(cs, q, func(i int) bool { return mask&(1<<i) != 0 }) {
			continue
		}
		var t int64
		for i := range n {
			if mask&(1<<i) != 0 {
				t += int64(math.Round(cs[i].Score / contribution.Resolution))
			}
		}
		best = max(best, t)
	}
	return best
}

// feasible checks every quota directly, in integers.
func feasible(cs []contribution.Candidate, q contribution.Quotas, in func(i int) bool) bool {
	perFormat := map[string]int{}
	perFam := map[civic.Family]int{}
	perAxis := map[string]int{}
	sel, en, intl := 0, 0, 0
	for i, c := range cs {
		if !in(i) {
			continue
		}
		sel++
		perFormat[c.Format]++
		perFam[c.Family]++
		for _, a := range c.Axes {
			perAxis[a]++
		}
		if c.English {
			en++
		}
		if c.International {
			intl++
		}
	}
	for f, k := range perFormat {
		if k > q.Places[f] {
			return false
		}
	}
	for f, r := range q.Families {
		if perFam[f] < r.Min || r.Max > 0 && perFam[f] > r.Max {
			return false
		}
	}
	for a, k := range q.Axes {
		if perAxis[a] < k {
			return false
		}
	}
	check := func(k int, s contribution.Share) bool {
		return float64(k) >= s.Min*float64(sel)-1e-9 && (s.Max == 0 || float64(k) <= s.Max*float64(sel)+1e-9)
	}
	return check(en, q.English) && check(intl, q.International)
}

func TestSelectBruteForce(t *testing.T) {
	for seed := range uint64(60) {
		cs, q := randomInstance(seed, 14)
		q.Places = map[string]int{"research": 2, "field-report": 2, "pitch": 1, "centrifugeuse": 1}
		q.Families = map[civic.Family]contribution.Range{civic.FamilyPublic: {Min: 1, Max: 2}, civic.FamilyCitizen: {Max: 1}}
		q.Axes = map[string]int{"1": 1}
		want := bruteForce(cs, q)
		sel, err := contribution.Select(cs, q, contribution.SelectOptions{Explain: -1})
		if want < 0 {
			if civic.ErrorCode(err) == "" {
				t.Errorf("seed %d: infeasible, got %v %v", seed, sel, err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		if got := int64(math.Round(sel.Total / contribution.Resolution)); got != want {
			t.Errorf("seed %d: total %d, brute force %d", seed, got, want)
		}
		ids := map[string]bool{}
		for _, id := range sel.Selected {
			ids[id] = true
		}
		if !feasible(cs, q, func(i int) bool { return ids[cs[i].ID] }) {
			t.Errorf("seed %d: the selection breaks a quota", seed)
		}
	}
}

func TestSelectDeterministic(t *testing.T) {
	cs, q := randomInstance(7, 120)
	a, err := contribution.Select(cs, q, contribution.SelectOptions{})
	if err != nil {
		t.Fatal(err)
	}
	shuffled := slices.Clone(cs)
	rand.New(rand.NewPCG(1, 2)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	b, err := contribution.Select(shuffled, q, contribution.SelectOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(a.Selected, b.Selected) || a.Total != b.Total {
		t.Errorf("input order changed the selection:\n%v\n%v", a.Selected, b.Selected)
	}
	// Equal scores: the seed decides.
	eq := []contribution.Candidate{{ID: "a", Score: 50, Format: "pitch"}, {ID: "b", Score: 50, Format: "pitch"}, {ID: "c", Score: 50, Format: "pitch"}}
	picks := map[string]bool{}
	for _, seed := range []string{"1", "2", "3", "4", "5", "6", "7", "8"} {
		s, err := contribution.Select(eq, contribution.Quotas{Places: map[string]int{"pitch": 1}, Seed: seed}, contribution.SelectOptions{})
		if err != nil {
			t.Fatal(err)
		}
		picks[s.Selected[0]] = true
		again, _ := contribution.Select(eq, contribution.Quotas{Places: map[string]int{"pitch": 1}, Seed: seed}, contribution.SelectOptions{})
		if again.Selected[0] != s.Selected[0] {
			t.Error("same seed, different pick")
		}
	}
	if len(picks) < 2 {
		t.Errorf("the seed never changes the pick among equals: %v", picks)
	}
}

func TestSelectExplanations(t *testing.T) {
	cs := []contribution.Candidate{
		{ID: "r1", Score: 90, Format: "research", Family: civic.FamilyAcademic},
		{ID: "r2", Score: 80, Format: "research", Family: civic.FamilyAcademic},
		{ID: "r3", Score: 70, Format: "research", Family: civic.FamilyPublic},
		{ID: "f1", Score: 60, Format: "field-report", Family: civic.FamilyCompany, English: true},
		{ID: "f2", Score: 50, Format: "field-report", Family: civic.FamilyCompany, English: true},
	}
	q := contribution.Quotas{
		Places:   map[string]int{"research": 2, "field-report": 2},
		Families: map[civic.Family]contribution.Range{civic.FamilyPublic: {Min: 1}},
		English:  contribution.Share{Max: 0.34},
	}
	sel, err := contribution.Select(cs, q, contribution.SelectOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"r1", "r3", "f1"}; !slices.Equal(sel.Selected, want) {
		t.Fatalf("selected %v, want %v", sel.Selected, want)
	}
	// Taking r2 means dropping r1, since r3 is the only public actor: 10 points lost.
	if len(sel.Excluded) != 2 || sel.Excluded[0].ID != "r2" || sel.Excluded[0].Loss != 10 ||
		!slices.Equal(sel.Excluded[0].Binding, []string{"places.research"}) || !slices.Equal(sel.Excluded[0].Displaced, []string{"r1"}) {
		t.Errorf("r2 explained as %+v", sel.Excluded)
	}
	if ex := sel.Excluded[1]; ex.ID != "f2" || !slices.Equal(ex.Binding, []string{"english.max"}) || ex.Loss != 10 {
		t.Errorf("f2 explained as %+v", ex)
	}
}

func TestSelectInfeasible(t *testing.T) {
	cs := []contribution.Candidate{
		{ID: "a", Score: 1, Format: "pitch", Family: civic.FamilyPublic},
		{ID: "b", Score: 1, Format: "pitch", Family: civic.FamilyCompany},
		{ID: "c", Score: 1, Format: "pitch", Family: civic.FamilyCompany},
	}
	tests := []struct {
		name string
		q    contribution.Quotas
		want []string // "path code"
	}{
		{"min above max", contribution.Quotas{Places: map[string]int{"pitch": 2}, Families: map[civic.Family]contribution.Range{civic.FamilyCompany: {Min: 3, Max: 1}}},
			[]string{"families.company quota_contradiction"}},
		{"share", contribution.Quotas{Places: map[string]int{"pitch": 2}, English: contribution.Share{Min: 0.8, Max: 0.5}},
			[]string{"english quota_contradiction"}},
		{"too few places", contribution.Quotas{Places: map[string]int{"pitch": 1}, Families: map[civic.Family]contribution.Range{civic.FamilyCompany: {Min: 1}, civic.FamilyPublic: {Min: 1}}},
			[]string{" infeasible"}},
		{"not enough candidates", contribution.Quotas{Places: map[string]int{"pitch": 3}, Families: map[civic.Family]contribution.Range{civic.FamilyPublic: {Min: 3}}},
			[]string{"families.public.min quota_unmet", " infeasible"}},
		{"no places", contribution.Quotas{}, []string{"places required"}},
		{"negative", contribution.Quotas{Places: map[string]int{"pitch": -1}, International: contribution.Share{Max: 2}},
			[]string{"places.pitch out_of_range", "international.max out_of_range"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := contribution.Select(cs, tt.q, contribution.SelectOptions{})
			var got []string
			for _, fe := range civic.FieldErrors(err) {
				got = append(got, fe.Path.String()+" "+string(fe.Code))
				if m := fe.Message(frTag); m == "" || bytes.Contains([]byte(m), []byte("%!")) {
					t.Errorf("message %q", m)
				}
			}
			for _, w := range tt.want {
				if !slices.Contains(got, w) {
					t.Errorf("missing %q in %q", w, got)
				}
			}
		})
	}
	// The shortfall is given.
	_, err := contribution.Select(cs, contribution.Quotas{Places: map[string]int{"pitch": 3}, Families: map[civic.Family]contribution.Range{civic.FamilyPublic: {Min: 3}}}, contribution.SelectOptions{})
	for _, fe := range civic.FieldErrors(err) {
		if fe.Code == civic.CodeQuotaUnmet && fmt.Sprint(fe.Args[1]) != "2" {
			t.Errorf("shortfall %v, want 2", fe.Args)
		}
	}
}

// TestSelectAgainstGLPK solves random instances with glpsol (GLPK) and checks that the
// optimal totals are equal. It skips only when glpsol is missing and CI is not set.
func TestSelectAgainstGLPK(t *testing.T) {
	glpsol, err := exec.LookPath("glpsol")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("glpsol is required in CI (apt-get install -y glpk-utils): %v", err)
		}
		t.Skip("glpsol not installed (apt-get install -y glpk-utils)")
	}
	dir := t.TempDir()
	objRe := regexp.MustCompile(`Objective:\s+\S+\s*=\s*(-?[0-9.eE+-]+)`)
	infeasRe := regexp.MustCompile(`(?i)PROBLEM HAS NO (PRIMAL|INTEGER) FEASIBLE SOLUTION|INTEGER EMPTY|UNDEFINED`)
	compared := 0
	for seed := range uint64(60) {
		n := 30 + int(seed%8)*40
		cs, q := randomInstance(seed, n)
		lp := filepath.Join(dir, fmt.Sprintf("i%d.lp", seed))
		f, err := os.Create(lp)
		if err != nil {
			t.Fatal(err)
		}
		if err := contribution.WriteLP(f, cs, q); err != nil {
			t.Fatal(err)
		}
		f.Close()
		out := filepath.Join(dir, fmt.Sprintf("i%d.out", seed))
		if b, err := exec.Command(glpsol, "--lp", lp, "-o", out).CombinedOutput(); err != nil {
			t.Fatalf("glpsol: %v\n%s", err, b)
		}
		report, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		sel, serr := contribution.Select(cs, q, contribution.SelectOptions{Explain: -1})
		if infeasRe.Match(report) {
			if serr == nil {
				t.Errorf("seed %d: glpsol finds no solution, Select found %v", seed, sel)
			}
			continue
		}
		m := objRe.FindSubmatch(report)
		if m == nil {
			t.Fatalf("seed %d: no objective in the glpsol report:\n%s", seed, report)
		}
		want, _ := strconv.ParseFloat(string(m[1]), 64)
		if serr != nil {
			t.Errorf("seed %d (n=%d): glpsol %v, Select: %v", seed, n, want, serr)
			continue
		}
		if got := math.Round(sel.Total / contribution.Resolution); got != math.Round(want) {
			t.Errorf("seed %d (n=%d): total %v points, glpsol %v", seed, n, got, want)
		}
		compared++
	}
	if compared < 50 {
		t.Errorf("only %d instances compared, want at least 50", compared)
	}
	t.Logf("%d instances agree with glpsol", compared)
}
