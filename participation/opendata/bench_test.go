package opendata_test

import (
	"bytes"
	"encoding/csv"
	"testing"

	"golang.org/x/text/language"

	"github.com/civic-observatory/civic/analysis"
	"github.com/civic-observatory/civic/internal/shared"
	"github.com/civic-observatory/civic/participation/opendata"
)

// BenchmarkPAM2016 reads the 2 MB PAM 2016 file (10,860 proposals) from memory and
// cross-tabulates origin by category, with the acceptance rates by origin and by
// category: what civic stats --source decidim does. Target: under 100 ms on one core.
// Besides wall time it reports the process's CPU time per read (cpu-ms/op), which a loaded
// machine does not inflate.
func BenchmarkPAM2016(b *testing.B) {
	data := shared.ReadFile(b, pamFile)
	dims := opendata.Dimensions()
	origin, _ := analysis.FindDimension(dims, "origin")
	category, _ := analysis.FindDimension(dims, "category")
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	cpu := cpuTime()
	for b.Loop() {
		tab := analysis.NewTab("origin", "category")
		byOrigin, byCategory := opendata.NewRates(origin), opendata.NewRates(category)
		rd := opendata.NewReader(bytes.NewReader(data), opendata.Options{Source: opendata.SourceDecidim})
		n := 0
		for {
			p, ok := rd.Next()
			if !ok {
				break
			}
			if err := rd.RowErr(); err != nil {
				b.Fatal(err)
			}
			analysis.Count(tab, origin, category, p)
			byOrigin.Add(p)
			byCategory.Add(p)
			n++
		}
		if rd.Err() != nil || n != 10860 {
			b.Fatal(rd.Err(), n)
		}
		tab.Table(language.Catalan)
		byOrigin.Rates(language.Catalan)
		byCategory.Rates(language.Catalan)
	}
	reportCPU(b, cpu)
}

// BenchmarkPAM2016Peer only splits the file into fields with encoding/csv: the floor any
// reader of this file pays, for the ratio under a loaded machine.
func BenchmarkPAM2016Peer(b *testing.B) {
	data := shared.ReadFile(b, pamFile)
	b.SetBytes(int64(len(data)))
	cpu := cpuTime()
	for b.Loop() {
		cr := csv.NewReader(bytes.NewReader(data))
		cr.ReuseRecord = true
		for {
			if _, err := cr.Read(); err != nil {
				break
			}
		}
	}
	reportCPU(b, cpu)
}
