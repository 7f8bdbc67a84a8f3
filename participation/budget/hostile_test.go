package budget

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/civic-observatory/civic"
)

const header = "META\nkey;value\nbudget;100\nvote_type;%s\nnum_projects;2\nnum_votes;%d\n%sPROJECTS\nproject_id;cost;name\na;40;A\nb;50;B\nVOTES\nvoter_id;vote%s\n"

func TestHostileInput(t *testing.T) {
	tests := []struct {
		name string
		in   string
		code civic.Code
		line int
		col  int
	}{
		{"wrong vote count", fmt.Sprintf(header, "approval", 3, "", "") + "1;a\n2;b\n", civic.CodePBCount, 6, 1},
		{"wrong project count", strings.Replace(fmt.Sprintf(header, "approval", 1, "", "")+"1;a\n", "num_projects;2", "num_projects;5", 1), civic.CodePBCount, 5, 1},
		{"unknown project", fmt.Sprintf(header, "approval", 1, "", "") + "1;a,zz\n", civic.CodeUnknownRef, 13, 3},
		{"negative cost", strings.Replace(fmt.Sprintf(header, "approval", 1, "", "")+"1;a\n", "a;40;A", "a;-40;A", 1), civic.CodeNotPositive, 9, 3},
		{"zero cost", strings.Replace(fmt.Sprintf(header, "approval", 1, "", "")+"1;a\n", "b;50;B", "b;0;B", 1), civic.CodeNotPositive, 10, 3},
		{"cost not a number", strings.Replace(fmt.Sprintf(header, "approval", 1, "", "")+"1;a\n", "b;50;B", "b;5e3;B", 1), civic.CodeNumber, 10, 3},
		{"cent below the minor unit", strings.Replace(fmt.Sprintf(header, "approval", 1, "", "")+"1;a\n", "b;50;B", "b;50.001;B", 1), civic.CodeNumber, 10, 3},
		{"points over the maximum", fmt.Sprintf(header, "cumulative", 1, "max_sum_points;10\n", ";points") + "1;a,b;6,6\n", civic.CodeOutOfRange, 14, 7},
		{"points over max_points", fmt.Sprintf(header, "scoring", 1, "max_points;5\n", ";points") + "1;a;9\n", civic.CodeOutOfRange, 14, 5},
		{"points missing", fmt.Sprintf(header, "cumulative", 1, "", ";points") + "1;a,b;6\n", civic.CodeFieldCount, 13, 7},
		{"ballot too long", fmt.Sprintf(header, "approval", 1, "max_length;1\n", "") + "1;a,b\n", civic.CodeTooMany, 14, 3},
		{"choose-1 with two", fmt.Sprintf(header, "choose-1", 1, "", "") + "1;a,b\n", civic.CodeTooMany, 13, 3},
		{"duplicate project on a ballot", fmt.Sprintf(header, "approval", 1, "", "") + "1;a,a\n", civic.CodeDuplicate, 13, 3},
		{"duplicate voter", fmt.Sprintf(header, "approval", 2, "", "") + "1;a\n1;b\n", civic.CodeDuplicate, 14, 1},
		{"unclosed quote", fmt.Sprintf(header, "approval", 1, "", "") + "1;\"a\n", civic.CodeCSVSyntax, 13, 3},
		{"unknown vote type", fmt.Sprintf(header, "borda", 1, "", "") + "1;a\n", civic.CodeUnknownValue, 4, 1},
		{"bad currency", fmt.Sprintf(header, "approval", 1, "currency;euro\n", "") + "1;a\n", civic.CodeInvalidCurrency, 7, 1},
		{"no META", "PROJECTS\n", civic.CodePBSection, 1, 1},
		{"no VOTES", "META\nkey;value\nbudget;1\nvote_type;approval\nPROJECTS\nproject_id;cost\na;1\n", civic.CodePBSection, 7, 1},
		{"no cost column", "META\nkey;value\nbudget;1\nvote_type;approval\nPROJECTS\nproject_id;price\na;1\nVOTES\n", civic.CodeMissingColumn, 6, 1},
		{"field count", fmt.Sprintf(header, "approval", 1, "", "") + "1;a;extra\n", civic.CodeFieldCount, 13, 1},
		{"invalid UTF-8", fmt.Sprintf(header, "approval", 1, "", "") + "1\xff;a\n", civic.CodeInvalidUTF8, 13, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, _, err := Read(strings.NewReader(tt.in))
			require.Error(t, err)
			require.True(t, errors.Is(err, civic.ErrInvalid))
			require.NotNil(t, e)
			var re *ReadError
			require.ErrorAs(t, err, &re)
			found := false
			for _, is := range re.Issues {
				if is.Code == tt.code {
					found = true
					require.Equal(t, tt.line, is.Line, is.Error())
					require.Equal(t, tt.col, is.Column, is.Error())
				}
			}
			require.True(t, found, "no %s in %v", tt.code, err)
			require.Equal(t, tt.code, civic.ErrorCode(err), "the first problem is the one expected: %v", err)
		})
	}
}

func TestWarnings(t *testing.T) {
	in := strings.Replace(fmt.Sprintf(header, "approval", 2, "", ""), "project_id;cost;name\na;40;A\nb;50;B", "project_id;cost;name;votes;selected\na;40;A;7;1\nb;70;B;1;1", 1) + "1;a\n2;a,b\n"
	e, warns, err := Read(strings.NewReader(in))
	require.NoError(t, err)
	require.Equal(t, 2, e.NumVoters)
	var codes []civic.Code
	for _, w := range warns {
		require.True(t, w.Warning)
		codes = append(codes, w.Code)
	}
	require.Equal(t, []civic.Code{civic.CodeTallyMismatch, civic.CodeOverBudget}, codes)
	require.Equal(t, "line 9, column 1: warning: PROJECTS.a.votes: the votes column says 7, the ballots give 2", warns[0].Localize(civic.NewPrinter(civic.Languages()[0]), civic.Languages()[0]))
}

// repeat is a reader of n bytes of b, without holding them.
type repeat struct {
	b byte
	n int64
}

func (r *repeat) Read(p []byte) (int, error) {
	if r.n <= 0 {
		return 0, io.EOF
	}
	k := int64(len(p))
	if k > r.n {
		k = r.n
	}
	for i := range p[:k] {
		p[i] = r.b
	}
	r.n -= k
	return int(k), nil
}

// TestHugeField feeds a 100 MB project name: the line is refused with its number and the
// reader's memory stays far below the field's size.
func TestHugeField(t *testing.T) {
	head := "META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\nproject_id;cost;name\na;10;"
	in := io.MultiReader(strings.NewReader(head), &repeat{'x', 100 << 20}, strings.NewReader("\nVOTES\nvoter_id;vote\n1;a\n"))
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	_, _, err := Read(in)
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	var re *ReadError
	require.ErrorAs(t, err, &re)
	require.Equal(t, civic.CodeLineTooLong, re.Issues[0].Code)
	require.Equal(t, 7, re.Issues[0].Line)
	require.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(16<<20), "the field was not kept")
}

// voters generates a VOTES section of n ballots on the fly.
type voters struct {
	n, i int
	buf  bytes.Buffer
}

func (v *voters) Read(p []byte) (int, error) {
	for v.buf.Len() < len(p) && v.i < v.n {
		fmt.Fprintf(&v.buf, "%d;%c\n", v.i, "abc"[v.i%3])
		v.i++
	}
	if v.buf.Len() == 0 {
		return 0, io.EOF
	}
	return v.buf.Read(p)
}

// TestScanTenMillionVoters streams 10^7 ballots: the tallies are right and the heap stays
// bounded by the projects, not the voters.
func TestScanTenMillionVoters(t *testing.T) {
	n := 10_000_000
	if testing.Short() {
		n = 100_000
	}
	head := fmt.Sprintf("META\nkey;value\nbudget;100\nvote_type;approval\nnum_votes;%d\nPROJECTS\nproject_id;cost\na;10\nb;20\nc;30\nVOTES\nvoter_id;vote\n", n)
	var peak uint64
	seen := 0
	e, _, err := Scan(io.MultiReader(strings.NewReader(head), &voters{n: n}), func(v *Voter, b Ballot) error {
		seen++
		if seen%1_000_000 == 0 {
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			peak = max(peak, m.HeapAlloc)
		}
		return nil
	})
	require.NoError(t, err)
	require.Equal(t, n, e.NumVoters)
	require.Equal(t, int64((n+2)/3), e.Votes[0])
	require.False(t, e.HasBallots())
	require.Less(t, peak, uint64(64<<20))
	o := Greedy(e, RuleGreedy)
	require.Equal(t, []int{0, 1, 2}, o.Selected)
	_, err = Compute(e, RuleMES)
	require.ErrorIs(t, err, ErrNoBallots)
}
