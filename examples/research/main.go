// Command research is a researcher's program: it loads the built-in fictional Baromètre
// de la démocratie locale numérique and prints a few findings — which kinds of device are
// evaluated, how participation varies with the size of the territory, whether open source
// tools reach more people, and how representative participants are by age.
//
//	go run ./examples/research
package main

import (
	"fmt"
	"io"
	"os"
	"slices"

	"golang.org/x/text/language"

	"github.com/civic-observatory/civic/analysis"
	"github.com/civic-observatory/civic/participation"
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "research:", err)
		os.Exit(1)
	}
}

func run(w io.Writer) error {
	b, err := participation.Barometre2019()
	if err != nil {
		return err
	}
	devices := b.Devices
	fmt.Fprintf(w, "%d devices from %d respondents\n\n", len(devices), len(b.Respondents()))

	// 1. Evaluation by kind of device, small groups masked.
	ptrs := make([]*participation.Device, len(devices))
	for i := range devices {
		ptrs[i] = &devices[i]
	}
	dims := participation.DeviceDimensions()
	kind, _ := analysis.FindDimension(dims, "kind")
	eval, _ := analysis.FindDimension(dims, "evaluation")
	fmt.Fprintln(w, "Evaluation format by kind of device (counts below 3 masked):")
	if err := analysis.CrossTab(ptrs, kind, eval, language.English).Write(w, "text", 3); err != nil {
		return err
	}

	// 2. Participation rate by size of territory (median per band).
	bands := map[string][]float64{}
	size, _ := analysis.FindDimension(dims, "size")
	for _, d := range ptrs {
		if d.Territory.Population > 0 {
			band := size.Values(d)[0]
			bands[band] = append(bands[band], float64(d.Outcomes.Participants)/float64(d.Territory.Population))
		}
	}
	fmt.Fprintln(w, "\nMedian participation rate by size of territory:")
	keys := make([]string, 0, len(bands))
	for k := range bands {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		fmt.Fprintf(w, "  %-12s %6.2f %%  (%d devices)\n", k, 100*median(bands[k]), len(bands[k]))
	}

	// 3. Open source or not: participants per euro.
	var open, closed []participation.Device
	for _, d := range devices {
		if d.Tool.OpenSource {
			open = append(open, d)
		} else {
			closed = append(closed, d)
		}
	}
	so, sc := participation.Summarise(open), participation.Summarise(closed)
	fmt.Fprintf(w, "\nCost per participant: open source %s €, other tools %s €\n", figure(so.CostPerParticipant, 1), figure(sc.CostPerParticipant, 1))
	fmt.Fprintf(w, "Contributions taken into account: open source %s %%, other tools %s %%\n", figure(so.TakenIntoAccount, 100), figure(sc.TakenIntoAccount, 100))

	// 4. Representativeness by age against the reference population.
	ages := map[string]int64{}
	for _, d := range devices {
		for g, n := range d.Outcomes.Ages {
			ages[g] += n
		}
	}
	rep := analysis.Represent(ages, participation.FranceAges2019())
	fmt.Fprintf(w, "\nParticipants by age against the adult population (total variation distance %.3f):\n", rep.TVD)
	for _, r := range rep.Rows {
		ratio := "n/a"
		if r.Ratio != nil {
			ratio = fmt.Sprintf("%.2f", *r.Ratio)
		}
		fmt.Fprintf(w, "  %-6s %5.1f %% of participants, %5.1f %% of adults, ratio %s\n", r.Category, 100*r.Share, 100*r.Reference, ratio)
	}
	return nil
}

// figure writes x × scale with the decimals of the summary ("n/a" when unknown).
func figure(x *float64, scale float64) string {
	if x == nil {
		return "n/a"
	}
	if scale == 100 {
		return fmt.Sprintf("%.1f", 100**x)
	}
	return fmt.Sprintf("%.2f", *x)
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	m := len(s) / 2
	if len(s)%2 == 0 {
		return (s[m-1] + s[m]) / 2
	}
	return s[m]
}
