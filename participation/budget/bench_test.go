package budget

import (
	"bufio"
	"bytes"
	"testing"
	"time"

	"github.com/civic-observatory/civic/internal/shared"
)

func benchElection(b *testing.B, name string) *Election {
	b.Helper()
	e, _ := readFile(b, shared.Path(b, "real/civic/pabulib/"+name))
	return e
}

// BenchmarkReadLodz reads Łódź 2022 (3.8 MB, 90,494 voters) with its ballots kept.
func BenchmarkReadLodz(b *testing.B) {
	data := shared.ReadFile(b, "real/civic/pabulib/Poland_Lodz_2022.pb")
	b.SetBytes(int64(len(data)))
	start := cpuTime()
	defer reportCPU(b, start)
	for b.Loop() {
		if _, _, err := Read(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkScanLodz streams Łódź 2022 without keeping ballots.
func BenchmarkScanLodz(b *testing.B) {
	data := shared.ReadFile(b, "real/civic/pabulib/Poland_Lodz_2022.pb")
	b.SetBytes(int64(len(data)))
	start := cpuTime()
	defer reportCPU(b, start)
	for b.Loop() {
		if _, _, err := Scan(bytes.NewReader(data), nil); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkGreedyLodz(b *testing.B) {
	e := benchElection(b, "Poland_Lodz_2022.pb")
	start := cpuTime()
	defer reportCPU(b, start)
	for b.Loop() {
		Greedy(e, RuleGreedyThreshold)
	}
}

func BenchmarkMESAdd1Wieliczka(b *testing.B) {
	e := benchElection(b, "Poland_Wieliczka_2023_Green_Budget.pb")
	start := cpuTime()
	defer reportCPU(b, start)
	for b.Loop() {
		MES(e, MESOptions{Add1: true})
	}
}

func BenchmarkMESAdd1Lodz(b *testing.B) {
	e := benchElection(b, "Poland_Lodz_2022.pb")
	start := cpuTime()
	defer reportCPU(b, start)
	for b.Loop() {
		MES(e, MESOptions{Add1: true})
	}
}

func BenchmarkMESLodz(b *testing.B) {
	e := benchElection(b, "Poland_Lodz_2022.pb")
	start := cpuTime()
	defer reportCPU(b, start)
	for b.Loop() {
		MES(e, MESOptions{})
	}
}

// reportCPU adds the CPU time per operation to a benchmark's figures.
func reportCPU(b *testing.B, start time.Duration) {
	if d := cpuTime() - start; d > 0 && b.N > 0 {
		b.ReportMetric(float64(d)/float64(b.N)/1e6, "cpu-ms/op")
	}
}

// BenchmarkReadLodzPeer is the floor for the reader: splitting the same file into lines and
// ';'-separated fields with bufio.Scanner and bytes.Split, checking nothing.
func BenchmarkReadLodzPeer(b *testing.B) {
	data := shared.ReadFile(b, "real/civic/pabulib/Poland_Lodz_2022.pb")
	b.SetBytes(int64(len(data)))
	start := cpuTime()
	defer reportCPU(b, start)
	for b.Loop() {
		sc := bufio.NewScanner(bytes.NewReader(data))
		n := 0
		for sc.Scan() {
			n += len(bytes.Split(sc.Bytes(), []byte(";")))
		}
		if n == 0 {
			b.Fatal("empty")
		}
	}
}
