package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civic-observatory/civic/contribution"
	"github.com/civic-observatory/civic/participation"
)

// civic stats prints the problems of a CSV Baromètre as it reads them, at most maxPrinted,
// then how many it left out (issue 12: every row error was kept, and a 2 MB file ran out
// of 4 GB).
func TestStatsStreamsRowProblems(t *testing.T) {
	var b strings.Builder
	b.WriteString(strings.Join(participation.Header(false), ",") + "\n")
	for i := range 5000 {
		fmt.Fprintf(&b, "d%d,Nom\n", i)
	}
	file := filepath.Join(t.TempDir(), "bad.csv")
	require.NoError(t, os.WriteFile(file, []byte(b.String()), 0o644))
	code, _, stderr := runCivic(t, "", "--lang", "en", "stats", file)
	assert.Equal(t, 1, code)
	lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
	require.NotEmpty(t, lines)
	assert.LessOrEqual(t, len(lines), maxPrinted+1)
	assert.Contains(t, lines[len(lines)-1], "more problems not shown")
}

// A control character in a value echoed by a problem is shown escaped.
func TestTermSafe(t *testing.T) {
	for in, want := range map[string]string{
		"plain é":                   "plain é",
		"a\x1b[2Jb":                 `a\x1b[2Jb`,
		"line\nfake: accepted":      `line\x0afake: accepted`,
		"abc\u202edef":              `abc\u202edef`,
		"zero\u200bwidth":           `zero\u200bwidth`,
		"bad \xff byte":             `bad \xff byte`,
		"c1 \u0085 next":            `c1 \u0085 next`,
		"del \x7f":                  `del \x7f`,
		"tab\there":                 `tab\x09here`,
		"<script>alert(1)</script>": "<script>alert(1)</script>",
	} {
		assert.Equal(t, want, termSafe(in), "%q", in)
	}
}

// civic review history prints actors, reasons and identifiers escaped (issue 12: a reason
// with terminal escapes could display a fake "accepted by committee" line).
func TestPrintEntryEscapes(t *testing.T) {
	var out strings.Builder
	e := &env{stdout: &out}
	printEntry(e, contribution.Entry{Seq: 1, Proposal: "p1", Actor: "eve\u202e", Reason: "ok\r\n\x1b[2K     2  accepted by committee"})
	assert.NotContains(t, out.String(), "\x1b")
	assert.NotContains(t, out.String(), "\r")
	assert.NotContains(t, out.String(), "\u202e")
	assert.Equal(t, 1, strings.Count(out.String(), "\n"))
}
