// Command errdump decodes and validates every line of an NDJSON corpus and writes every
// problem found (record, path, code, arguments), one per line: run it before and after a
// change to the decoder or the validator and diff the outputs to prove that the change
// keeps the results identical.
//
//	go run ./bench/errdump corpus.ndjson > errors.txt
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/bench/internal/bulk"
	"github.com/civic-observatory/civic/contribution"
)

// pieces are what -mutate inserts into string values: control characters, white space
// of every kind, bidirectional controls, combining marks (NFD input), noncharacters,
// invalid UTF-8, escapes, and plain text.
var pieces = []string{
	"\\u0000", "\\t", "\\n", "\\r", "\\u000b", "\\u007f", "\\u0085", "\u00a0", "\u2028", "\u202f",
	"\u3000", "\u1680", "\u2003", "\u200e", "\u202e", "\u2066", "\u061c", "e\u0301", "\u0301",
	"\uFFFE", "\uFFFF", "\\ud800", "\xff", "\xc3", "é", "É", "ß", "’", "—", "€", "Ω", "漢字", "😀",
	" ", "  ", "a", "Zz", "\\\"", "\\u00e9", "\\u0065\\u0301", "@", ".", "-", "1", "x@y.fr", "http://",
}

func main() {
	mutate := flag.Int("mutate", 0, "also validate N mutated copies of each record (strings edited at random)")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: errdump [-mutate N] CORPUS.ndjson")
		os.Exit(2)
	}
	c, err := contribution.Call2019()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	lines, err := bulk.Lines(flag.Arg(0))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if *mutate > 0 {
		rng := rand.New(rand.NewPCG(1, 2))
		var more [][]byte
		for _, l := range lines {
			for range *mutate {
				more = append(more, mutateRecord(rng, l))
			}
		}
		lines = append(lines, more...)
	}
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	var dec contribution.Decoder
	for i, l := range lines {
		var p contribution.Proposal
		err := dec.Decode(l, c, &p)
		for _, e := range civic.FieldErrors(err) {
			fmt.Fprintf(w, "%d\t%s\t%s\t%s\t%#v\n", i+1, e.Path.String(), e.Path.Pointer(), e.Code, e.Args)
		}
		// The decoded value too, so that a change to the decoder is covered.
		b, err := json.Marshal(&p)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Fprintf(w, "%d\t%s\n", i+1, b)
	}
}

// mutateRecord returns a copy of rec with a few edits inside string values: a piece
// inserted, a string emptied, or a string replaced by a piece repeated.
func mutateRecord(rng *rand.Rand, rec []byte) []byte {
	out := bytes.Clone(rec)
	for range 1 + rng.IntN(3) {
		// Find the quotes of string values (after ':' or '[' or ',').
		var starts []int
		for i := 1; i < len(out); i++ {
			if out[i] == '"' && (out[i-1] == ':' || out[i-1] == '[') {
				starts = append(starts, i)
			}
		}
		if len(starts) == 0 {
			return out
		}
		s := starts[rng.IntN(len(starts))]
		e := s + 1
		for e < len(out) && out[e] != '"' {
			if out[e] == '\\' {
				e++
			}
			e++
		}
		if e >= len(out) {
			return out
		}
		piece := pieces[rng.IntN(len(pieces))]
		var val []byte
		switch rng.IntN(4) {
		case 0:
			val = nil
		case 1:
			val = bytes.Repeat([]byte(piece), 1+rng.IntN(8))
		default:
			body := out[s+1 : e]
			k := rng.IntN(len(body) + 1)
			for k > 0 && k < len(body) && (body[k]&0xc0 == 0x80 || body[k-1] == '\\') {
				k--
			}
			val = append(append(append([]byte{}, body[:k]...), piece...), body[k:]...)
		}
		out = append(append(append([]byte{}, out[:s+1]...), val...), out[e:]...)
	}
	return out
}
