package participation_test

import (
	"bytes"
	"io"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/civic-observatory/civic/analysis"
	"github.com/civic-observatory/civic/participation"
)

// rows is a reader that writes n CSV rows on the fly, from the built-in devices with new
// IDs, so that no file of the size is ever held in memory.
type rows struct {
	lines []string
	n, i  int
	buf   []byte
}

func newRows(t testing.TB, n int) *rows {
	b, err := participation.Barometre2019()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := participation.WriteCSV(&buf, b.Devices, false); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	return &rows{lines: lines, n: n, buf: []byte(lines[0] + "\n")}
}

func (r *rows) Read(p []byte) (int, error) {
	for len(r.buf) < len(p) && r.i < r.n {
		line := r.lines[1+r.i%(len(r.lines)-1)]
		_, rest, _ := strings.Cut(line, ",")
		r.buf = append(strconv.AppendInt(append(r.buf, 'x'), int64(r.i), 10), ',')
		r.buf = append(append(r.buf, rest...), '\n')
		r.i++
	}
	if len(r.buf) == 0 {
		return 0, io.EOF
	}
	n := copy(p, r.buf)
	r.buf = r.buf[:copy(r.buf, r.buf[n:])]
	return n, nil
}

// stream reads every row, validates it, and cross-tabulates kind by level.
func stream(t testing.TB, r io.Reader, sample func(i int)) (*analysis.Tab, int) {
	dims := participation.DeviceDimensions()
	kind, _ := analysis.FindDimension(dims, "kind")
	level, _ := analysis.FindDimension(dims, "level")
	tab := analysis.NewTab("kind", "level")
	rd := participation.NewReader(r)
	n := 0
	for {
		d, ok := rd.Next()
		if !ok {
			break
		}
		if err := rd.RowErr(); err != nil {
			t.Fatalf("row %d: %v", rd.Row(), err)
		}
		analysis.Count(tab, kind, level, d)
		n++
		if sample != nil && n%10000 == 0 {
			sample(n)
		}
	}
	if err := rd.Err(); err != nil {
		t.Fatal(err)
	}
	return tab, n
}

// BenchmarkCSVCrossTab1M reads, validates and cross-tabulates 1,000,000 devices from a
// CSV stream on one core (run with -cpu 1 -benchtime 1x).
func BenchmarkCSVCrossTab1M(b *testing.B) {
	const n = 1_000_000
	var peak uint64
	var ms runtime.MemStats
	for b.Loop() {
		// The live heap is sampled every 100,000 rows (without forcing a collection, so
		// the figure includes garbage not yet collected: an upper bound).
		tab, got := stream(b, newRows(b, n), func(i int) {
			if i%100_000 == 0 {
				runtime.ReadMemStats(&ms)
				peak = max(peak, ms.HeapAlloc)
			}
		})
		if got != n {
			b.Fatalf("read %d rows", got)
		}
		_ = tab.Table(language.French)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/n, "ns/row")
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
}

// TestStreamingMemory reads 300,000 rows and checks that the live heap stays flat: the
// reader and the cross-tabulation keep nothing per row.
func TestStreamingMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 300,000 rows")
	}
	var peak uint64
	var ms runtime.MemStats
	first := uint64(0)
	_, n := stream(t, newRows(t, 300_000), func(i int) {
		if i%50000 != 0 {
			return
		}
		runtime.GC()
		runtime.ReadMemStats(&ms)
		if first == 0 {
			first = ms.HeapAlloc
		}
		peak = max(peak, ms.HeapAlloc)
	})
	if n != 300_000 {
		t.Fatalf("read %d rows", n)
	}
	t.Logf("live heap after 50,000 rows %d KiB, peak %d KiB", first>>10, peak>>10)
	if peak > first+4<<20 {
		t.Fatalf("the live heap grew from %d KiB to %d KiB while streaming", first>>10, peak>>10)
	}
}
