// Command corpus writes a deterministic NDJSON corpus of proposals to the built-in 2019
// call, derived from the built-in sample: about 90% valid, the others with one fault a
// JSON Schema can detect. Each record is checked by the Go validator as it is written.
//
//	go run ./bench/corpus -n 100000 -seed 1 -o corpus.ndjson
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/civic-observatory/civic/bench/gen"
)

func main() {
	n := flag.Int("n", 100000, "number of records")
	seed := flag.Uint64("seed", 1, "random seed")
	out := flag.String("o", "-", "output file (- for standard output)")
	invalid := flag.Float64("invalid", 0.1, "share of invalid records")
	nocheck := flag.Bool("nocheck", false, "do not check each record with the Go validator")
	flag.Parse()
	if err := run(*n, *seed, *out, *invalid, *nocheck); err != nil {
		fmt.Fprintln(os.Stderr, "corpus:", err)
		os.Exit(1)
	}
}

func run(n int, seed uint64, out string, invalid float64, nocheck bool) error {
	if invalid == 0 {
		invalid = -1
	}
	g, err := gen.New(gen.Options{Seed: seed, Invalid: invalid, NoCheck: nocheck})
	if err != nil {
		return err
	}
	var w io.Writer = os.Stdout
	if out != "-" {
		f, err := os.Create(out)
		if err != nil {
			return err
		}
		defer f.Close()
		w = f
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	valid, err := g.Write(bw, n)
	if err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "corpus: %d records, %d valid, %d invalid\n", n, valid, n-valid)
	return nil
}
