package budget

import (
	"bytes"
	"math/big"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/civic-observatory/civic/internal/shared"
)

// FuzzRead feeds arbitrary bytes to the reader: no panic, and what reads without error
// writes back to a file that reads to the same election.
func FuzzRead(f *testing.F) {
	f.Add(Villeneuve2024File())
	f.Add([]byte(fmtHeader("cumulative", "max_sum_points;10\n", ";points") + "1;a,b;6,4\n"))
	f.Add([]byte(fmtHeader("ordinal", "", "") + "1;b,a\n"))
	// A real file seeds the corpus when ../shared is there; without it (a user's clone)
	// the target runs on the seeds above, so this optional seed neither skips nor fails.
	if data, err := os.ReadFile(filepath.Join(shared.Root(), "real", "civic", "pabulib", "Poland_Warszawa_2018_Pole_Mokotowskie.pb")); err == nil {
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		e, _, err := ReadWith(bytes.NewReader(data), ReadOptions{MaxLine: 4096})
		if err != nil {
			return
		}
		var buf bytes.Buffer
		require.NoError(t, Write(&buf, e))
		back, _, err := Read(&buf)
		require.NoError(t, err, "%s", buf.String())
		require.Equal(t, len(e.Projects), len(back.Projects))
		require.Equal(t, e.NumVoters, back.NumVoters)
		require.Equal(t, e.Votes, back.Votes)
		require.Equal(t, e.Score, back.Score)
		require.Equal(t, e.Budget, back.Budget)
	})
}

func fmtHeader(voteType, meta, cols string) string {
	return "META\nkey;value\nbudget;100\nvote_type;" + voteType + "\n" + meta +
		"PROJECTS\nproject_id;cost;name\na;40;A\nb;50;B\nVOTES\nvoter_id;vote" + cols + "\n"
}

// randomElection builds a small election from fuzz bytes: costs, a budget and ballots.
func randomElection(data []byte, voteType VoteType) *Election {
	next := func() int {
		if len(data) == 0 {
			return 0
		}
		b := data[0]
		data = data[1:]
		return int(b)
	}
	np := next()%7 + 1
	e := &Election{VoteType: voteType, Currency: "EUR"}
	for p := 0; p < np; p++ {
		e.Projects = append(e.Projects, Project{ID: string(rune('a' + p)), Cost: Money(next()%50+1) * 100})
	}
	e.Budget = Money(next()%150+1) * 100
	nv := next()%12 + 1
	for v := 0; v < nv; v++ {
		mask := next()
		var b Ballot
		for p := 0; p < np; p++ {
			if mask&(1<<p) != 0 {
				b.Projects = append(b.Projects, int32(p))
				if voteType.Cardinal() {
					b.Points = append(b.Points, int64(next()%5+1))
				}
			}
		}
		e.AddBallot(Voter{ID: string(rune('A' + v)), Age: -1}, b)
	}
	return e
}

// checkOutcome asserts what every outcome must satisfy: distinct projects within the
// budget, costs adding up, a reason for every unfunded project.
func checkOutcome(t *testing.T, e *Election, o *Outcome) {
	t.Helper()
	seen := map[int]bool{}
	var cost Money
	for _, p := range o.Selected {
		require.False(t, seen[p], "project funded twice")
		seen[p] = true
		cost += e.Projects[p].Cost
		require.Nil(t, o.Reasons[p])
	}
	require.Equal(t, cost, o.Cost)
	require.LessOrEqual(t, o.Cost, e.Budget, "%s over budget", o.Rule)
	for p := range e.Projects {
		if !seen[p] && o.Rule != RulePhragmen {
			require.NotNil(t, o.Reasons[p], "%s: project %d unfunded without a reason", o.Rule, p)
		}
	}
}

// checkMESPayments asserts that in a plain MES run every funded project is paid exactly by
// its supporters and that no voter pays more than their share of the budget.
func checkMESPayments(t *testing.T, e *Election, total Money) {
	t.Helper()
	in := newMESInput(e, false)
	o, st := mesFixedState(in, total)
	for _, s := range o.Steps {
		sum := new(big.Rat)
		for _, pay := range s.Payments {
			require.True(t, pay.Amount.Sign() > 0)
			sum.Add(sum, new(big.Rat).Mul(pay.Amount, big.NewRat(int64(pay.Voters), 1)))
		}
		require.Zero(t, sum.Cmp(big.NewRat(int64(e.Projects[s.Project].Cost), 1)), "payments of %d add up to %s", s.Project, sum.RatString())
	}
	for v := 0; v < e.NumVoters; v++ {
		require.True(t, st.budget[st.cls[v]].Sign() >= 0, "voter %d paid more than their share", v)
	}
}

// FuzzRules runs every rule on small random elections of every vote type.
func FuzzRules(f *testing.F) {
	f.Add([]byte{3, 10, 20, 30, 40, 5, 1, 2, 3, 4, 5}, uint8(0))
	f.Add([]byte{6, 1, 1, 1, 1, 1, 1, 3, 11, 255, 255, 1, 2, 4, 8, 16, 32, 63}, uint8(2))
	f.Fuzz(func(t *testing.T, data []byte, kind uint8) {
		vt := VoteTypes()[int(kind)%len(VoteTypes())]
		if vt == Choose1 {
			vt = Approval
		}
		e := randomElection(data, vt)
		for _, r := range Rules() {
			o, err := Compute(e, r)
			require.NoError(t, err)
			checkOutcome(t, e, o)
		}
		checkMESPayments(t, e, e.Budget)
		checkMESPayments(t, e, e.Budget*3)
	})
}

// TestRuleProperties runs the properties on a fixed set of random elections.
func TestRuleProperties(t *testing.T) {
	for seed := 0; seed < 300; seed++ {
		data := make([]byte, 64)
		x := uint32(seed*2654435761 + 1)
		for i := range data {
			x ^= x << 13
			x ^= x >> 17
			x ^= x << 5
			data[i] = byte(x)
		}
		for _, vt := range []VoteType{Approval, Cumulative, Ordinal} {
			e := randomElection(data, vt)
			for _, r := range Rules() {
				o, err := Compute(e, r)
				require.NoError(t, err)
				checkOutcome(t, e, o)
			}
			checkMESPayments(t, e, e.Budget)
		}
	}
}
