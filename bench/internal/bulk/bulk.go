// Package bulk holds what the bulk-validation programs of bench share: reading an NDJSON
// corpus into memory, timing best-of-N passes on one goroutine, and writing verdicts.
package bulk

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"os"
	"runtime"
	"time"
)

// Flags are the command-line options every bulk program takes.
type Flags struct {
	Corpus   string
	Runs     int
	Verdicts string
	Name     string
}

// Parse parses the command line.
func Parse(name string) *Flags {
	f := &Flags{Name: name}
	flag.IntVar(&f.Runs, "runs", 5, "timed passes over the corpus; the best is reported")
	flag.StringVar(&f.Verdicts, "verdicts", "", "write one verdict per record (1 valid, 0 invalid) to this file")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintf(os.Stderr, "usage: %s [flags] CORPUS.ndjson\n", name)
		os.Exit(2)
	}
	f.Corpus = flag.Arg(0)
	return f
}

// Lines reads the corpus and returns its non-blank lines.
func Lines(file string) ([][]byte, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	var out [][]byte
	for len(data) > 0 {
		i := bytes.IndexByte(data, '\n')
		var line []byte
		if i < 0 {
			line, data = data, nil
		} else {
			line, data = data[:i], data[i+1:]
		}
		if len(bytes.TrimSpace(line)) > 0 {
			out = append(out, line)
		}
	}
	return out, nil
}

// Run times f.Runs passes of check over the lines on the calling goroutine and prints
// "NAME: N docs, V valid, best D docs/s (µs/doc), runs: …". check returns the verdict
// of one record. The verdicts of the last pass are written when asked.
func Run(f *Flags, lines [][]byte, label string, check func([]byte) bool) {
	verdicts := make([]byte, len(lines))
	best := time.Duration(1<<63 - 1)
	var runs []string
	valid := 0
	for range f.Runs {
		runtime.GC()
		valid = 0
		start := time.Now()
		for i, l := range lines {
			if check(l) {
				valid++
				verdicts[i] = '1'
			} else {
				verdicts[i] = '0'
			}
		}
		d := time.Since(start)
		best = min(best, d)
		runs = append(runs, fmt.Sprintf("%.0f", float64(len(lines))/d.Seconds()))
	}
	rate := float64(len(lines)) / best.Seconds()
	fmt.Printf("%s: %d docs, %d valid, best %.0f docs/s (%.2f µs/doc), runs %v, GOMAXPROCS=%d GOGC=%s\n",
		label, len(lines), valid, rate, best.Seconds()*1e6/float64(len(lines)), runs, runtime.GOMAXPROCS(0), gogc())
	if f.Verdicts != "" {
		if err := writeVerdicts(f.Verdicts, verdicts); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}

func gogc() string {
	if v := os.Getenv("GOGC"); v != "" {
		return v
	}
	return "100 (default)"
}

func writeVerdicts(file string, v []byte) error {
	f, err := os.Create(file)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	for _, c := range v {
		w.WriteByte(c)
		w.WriteByte('\n')
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return f.Close()
}
