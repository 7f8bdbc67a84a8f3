// Command glpk writes random selection instances as CPLEX LP files and times the exact
// solver of package contribution on each, for the side-by-side comparison with GLPK's
// glpsol run by compare.sh.
//
// Usage:
//
//	go run ./bench/glpk -dir DIR [-n 500] [-count 20] [-seed 1]
//
// It prints one line per instance: the LP file, our optimum (in units of
// contribution.Resolution) and our solving time in milliseconds (the best of 5 runs).
package main

import (
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/contribution"
)

func main() {
	dir := flag.String("dir", "", "directory for the LP files (required)")
	n := flag.Int("n", 500, "candidates per instance")
	count := flag.Int("count", 20, "instances")
	seed := flag.Uint64("seed", 1, "first seed")
	flag.Parse()
	if *dir == "" {
		flag.Usage()
		os.Exit(2)
	}
	if err := os.MkdirAll(*dir, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	for k := range uint64(*count) {
		cs, q := instance(*seed+k, *n)
		name := filepath.Join(*dir, fmt.Sprintf("sel-%d-%d.lp", *n, *seed+k))
		f, err := os.Create(name)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		if err := contribution.WriteLP(f, cs, q); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		f.Close()
		best := time.Duration(math.MaxInt64)
		var sel *contribution.Selection
		for range 5 {
			start := time.Now()
			sel, err = contribution.Select(cs, q, contribution.SelectOptions{Explain: -1})
			best = min(best, time.Since(start))
		}
		obj := "infeasible"
		if err == nil {
			obj = strconv.FormatInt(int64(math.Round(sel.Total/contribution.Resolution)), 10)
		}
		fmt.Printf("%s\t%s\t%.3f\n", name, obj, float64(best.Microseconds())/1000)
	}
}

// instance is the generator of the package's tests: n candidates over the 2019 formats,
// families and axes, with places per format, family minimums and maximums, axis minimums
// and bounds on the shares of English and international contributions.
func instance(seed uint64, n int) ([]contribution.Candidate, contribution.Quotas) {
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
			c.Score = float64(r.IntN(11) * 10)
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
