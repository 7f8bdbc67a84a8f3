//go:build unix

package budget

import (
	"syscall"
	"time"
)

// cpuTime is the process's user and system CPU time: on a machine shared with other jobs,
// the benchmarks report it beside the wall-clock time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
