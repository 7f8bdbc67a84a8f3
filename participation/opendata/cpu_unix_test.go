//go:build unix

package opendata_test

import (
	"syscall"
	"testing"
	"time"
)

// cpuTime returns the CPU time the process has used (user and system): a benchmark that
// reports it per operation is not inflated by other processes on a loaded machine, as its
// wall time is.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportCPU reports the CPU time per operation since start as "cpu-ms/op".
func reportCPU(b *testing.B, start time.Duration) {
	if d := cpuTime() - start; d > 0 {
		b.ReportMetric(float64(d)/float64(b.N)/1e6, "cpu-ms/op")
	}
}
