package budget

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/civic-observatory/civic/internal/shared"
)

// abcInstance is an abcvoting test instance: approval sets, a committee size, and for each
// rule every committee it may return (resolute: false).
type abcInstance struct {
	profile [][]int
	cands   int
	k       int
	results map[string][][]int
}

// readABC reads the few keys of an abcvoting YAML instance this test needs: the values are
// JSON-compatible lists, possibly over several lines.
func readABC(t *testing.T, path string) abcInstance {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	var in abcInstance
	in.results = map[string][][]int{}
	lines := strings.Split(string(data), "\n")
	rule := ""
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		value := func(prefix string) string {
			v := strings.TrimSpace(strings.TrimPrefix(l, prefix))
			for strings.Count(v, "[") > strings.Count(v, "]") && i+1 < len(lines) {
				i++
				v += strings.TrimSpace(lines[i])
			}
			return v
		}
		switch {
		case strings.HasPrefix(l, "profile:"):
			require.NoError(t, json.Unmarshal([]byte(value("profile:")), &in.profile))
		case strings.HasPrefix(l, "num_cand:"):
			require.NoError(t, json.Unmarshal([]byte(value("num_cand:")), &in.cands))
		case strings.HasPrefix(l, "committeesize:"):
			require.NoError(t, json.Unmarshal([]byte(value("committeesize:")), &in.k))
		case strings.HasPrefix(l, "- rule_id:"):
			rule = strings.TrimSpace(strings.TrimPrefix(l, "- rule_id:"))
		case strings.HasPrefix(strings.TrimSpace(l), "result:"):
			v := value("  result:")
			if v == "" {
				continue // a rule abcvoting did not compute here
			}
			var res [][]int
			require.NoError(t, json.Unmarshal([]byte(v), &res))
			if i+1 < len(lines) && strings.Contains(lines[i+1], "resolute: false") {
				in.results[rule] = res
			}
		}
	}
	return in
}

// abcElection turns an instance into an election: one project per candidate at cost 1, a
// budget of the committee size.
func abcElection(in abcInstance) *Election {
	e := &Election{VoteType: Approval, Budget: Money(in.k)}
	for c := 0; c < in.cands; c++ {
		e.Projects = append(e.Projects, Project{ID: string(rune('0' + c)), Cost: 1})
	}
	for v, set := range in.profile {
		b := Ballot{}
		for _, c := range set {
			b.Projects = append(b.Projects, int32(c))
		}
		e.AddBallot(Voter{ID: string(rune('a' + v)), Age: -1}, b)
	}
	return e
}

// TestABCGoldens checks MES with the utilitarian completion, sequential Phragmén and
// approval voting (greedy) against abcvoting's committees on the instances pabutools tests
// with (committees restricted to supported candidates, as pabutools compares them).
func TestABCGoldens(t *testing.T) {
	dir := shared.Path(t, "real/civic/mes_abc_golden")
	files, err := filepath.Glob(filepath.Join(dir, "*.abc.yaml"))
	require.NoError(t, err)
	require.Len(t, files, 5)
	rules := map[string]func(*Election) *Outcome{
		"equal-shares-with-av-completion": func(e *Election) *Outcome { return MES(e, MESOptions{Utilitarian: true}) },
		"seqphragmen":                     Phragmen,
		"av":                              func(e *Election) *Outcome { return Greedy(e, RuleGreedy) },
	}
	for _, f := range files {
		in := readABC(t, f)
		e := abcElection(in)
		for rule, run := range rules {
			want, ok := in.results[rule]
			require.True(t, ok, "%s has no %s result", f, rule)
			var allowed [][]int
			for _, c := range want {
				var s []int
				for _, x := range c {
					if e.Votes[x] > 0 {
						s = append(s, x)
					}
				}
				slices.Sort(s)
				allowed = append(allowed, s)
			}
			got := slices.Clone(run(e).Selected)
			slices.Sort(got)
			found := false
			for _, a := range allowed {
				found = found || slices.Equal(a, got)
			}
			require.True(t, found, "%s %s: got %v, abcvoting allows %v", filepath.Base(f), rule, got, allowed)
		}
	}
}
