// Command gobulk decodes and validates every line of an NDJSON corpus of proposals to the
// built-in 2019 call with one contribution.Decoder on one goroutine, best of N passes,
// and prints the throughput and the number of valid documents.
//
//	GOMAXPROCS=1 go run ./bench/gobulk [-runs 5] [-verdicts FILE] corpus.ndjson
package main

import (
	"fmt"
	"os"

	"github.com/civic-observatory/civic/bench/internal/bulk"
	"github.com/civic-observatory/civic/contribution"
)

func main() {
	f := bulk.Parse("gobulk")
	c, err := contribution.Call2019()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	lines, err := bulk.Lines(f.Corpus)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	var (
		dec contribution.Decoder
		p   contribution.Proposal
	)
	bulk.Run(f, lines, "go (contribution.Decoder)", func(b []byte) bool {
		return dec.Decode(b, c, &p) == nil
	})
}
