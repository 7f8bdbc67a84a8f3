package schedule_test

import (
	"bytes"
	"encoding/xml"
	"io"
	"testing"

	"github.com/civic-observatory/civic/internal/shared"
	"github.com/civic-observatory/civic/schedule"
)

// BenchmarkImportFOSDEM reads FOSDEM 2024's schedule.xml (1.2 MB, 674 events) and checks
// it. Target: under 50 ms on one core. Besides wall time it reports the process's CPU
// time per read (cpu-ms/op), which a loaded machine does not inflate.
func BenchmarkImportFOSDEM(b *testing.B) {
	data := shared.ReadFile(b, "real/schedules/fosdem_2024_schedule__mttcrsp-fosdem.xml")
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	cpu := cpuTime()
	for b.Loop() {
		im, err := schedule.Import(bytes.NewReader(data), schedule.ImportOptions{Zone: "Europe/Brussels"})
		if err != nil || len(im.Events) != 674 {
			b.Fatal(err)
		}
		_ = im.Validate()
	}
	reportCPU(b, cpu)
}

// BenchmarkImportFOSDEMPeer only tokenises the same file with encoding/xml: the floor of
// any reader built on it, for the ratio on a loaded machine.
func BenchmarkImportFOSDEMPeer(b *testing.B) {
	data := shared.ReadFile(b, "real/schedules/fosdem_2024_schedule__mttcrsp-fosdem.xml")
	b.SetBytes(int64(len(data)))
	cpu := cpuTime()
	for b.Loop() {
		dec := xml.NewDecoder(bytes.NewReader(data))
		for {
			if _, err := dec.Token(); err == io.EOF {
				break
			} else if err != nil {
				b.Fatal(err)
			}
		}
	}
	reportCPU(b, cpu)
}
