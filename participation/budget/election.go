package budget

import (
	"slices"
)

// VoteType is the kind of ballot of an election, as Pabulib names it.
type VoteType string

// The Pabulib vote types.
const (
	Approval   VoteType = "approval"   // a set of projects
	Ordinal    VoteType = "ordinal"    // projects in order of preference
	Cumulative VoteType = "cumulative" // points spread over projects, within a maximum sum
	Scoring    VoteType = "scoring"    // a score for each project, within bounds
	Choose1    VoteType = "choose-1"   // exactly one project
)

// VoteTypes lists the vote types in documentation order.
func VoteTypes() []VoteType { return []VoteType{Approval, Ordinal, Cumulative, Scoring, Choose1} }

// Cardinal reports whether ballots of this type carry points.
func (t VoteType) Cardinal() bool { return t == Cumulative || t == Scoring }

// Project is a project put to the vote.
type Project struct {
	// ID is the project's identifier in the file ("L010", "c1", "425").
	ID string `json:"id"`
	// Cost is what the project costs, in the minor unit of the election's currency.
	Cost Money `json:"cost"`
	// Name is the project's name, when given.
	Name string `json:"name,omitempty"`
	// Category lists the project's categories (Pabulib separates them by commas).
	Category []string `json:"category,omitempty"`
	// Target lists the groups the project is for (Pabulib "target" or "beneficiaries").
	Target []string `json:"target,omitempty"`
	// District is the district (or subunit) the project is in, when it is not city-wide.
	District string `json:"district,omitempty"`
	// Latitude and Longitude are the project's coordinates as written, when given.
	Latitude  string `json:"latitude,omitempty"`
	Longitude string `json:"longitude,omitempty"`
	// Withdrawn marks a project withdrawn after the vote: Pabulib gives those an artificial
	// cost of 999999999 so that no rule selects them. Rules never fund a withdrawn project.
	Withdrawn bool `json:"withdrawn,omitempty"`
	// Votes and Score are the columns of the file, when present (nil otherwise). Rules use
	// the counts computed from the ballots; the checker compares the two.
	Votes *int64 `json:"votes,omitempty"`
	Score *int64 `json:"score,omitempty"`
	// Selected is the file's selected column: 1 for funded, 0 for not, nil when absent.
	Selected *int `json:"selected,omitempty"`
	// Extra holds the other columns, by header name, so that writing keeps them.
	Extra map[string]string `json:"extra,omitempty"`
}

// Voter is one voter's description: every field but ID is optional.
type Voter struct {
	// ID is the voter's identifier in the file.
	ID string `json:"id"`
	// Age is the voter's age in years, or -1 when unknown. Voters under 18 are common in
	// participatory budgets (Assen's ran from 12 to 27).
	Age int `json:"age"`
	// Sex is "M", "F" or "O" as written, or "" when unknown.
	Sex string `json:"sex,omitempty"`
	// Method is how the vote was cast ("internet", "paper"), when known.
	Method string `json:"voting_method,omitempty"`
	// District is the voter's district, when known.
	District string `json:"district,omitempty"`
	// Extra holds the other columns, by header name.
	Extra map[string]string `json:"extra,omitempty"`
}

// Ballot is one voter's vote: the projects (indices into [Election.Projects]) in the order
// written, which is the order of preference for ordinal ballots, and for cumulative and
// scoring ballots the points given to each.
type Ballot struct {
	Projects []int32 `json:"projects"`
	Points   []int64 `json:"points,omitempty"`
}

// Constraints are the rules a ballot and an outcome must respect, from the META section. A
// zero value means no constraint.
type Constraints struct {
	MinLength    int   `json:"min_length,omitempty"`
	MaxLength    int   `json:"max_length,omitempty"`
	MinPoints    int64 `json:"min_points,omitempty"`
	MaxPoints    int64 `json:"max_points,omitempty"`
	MinSumPoints int64 `json:"min_sum_points,omitempty"`
	MaxSumPoints int64 `json:"max_sum_points,omitempty"`
	// MinSumCost and MaxSumCost bound the total cost of a knapsack ballot.
	MinSumCost Money `json:"min_sum_cost,omitempty"`
	MaxSumCost Money `json:"max_sum_cost,omitempty"`
	// Threshold is min_project_score_threshold: a project needs at least this score (or
	// number of votes) to be funded, under every greedy rule. HasThreshold tells 0 from none.
	Threshold    int64 `json:"min_project_score_threshold,omitempty"`
	HasThreshold bool  `json:"-"`
}

// MetaEntry is one key and value of the META section, in file order.
type MetaEntry struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// Election is a participatory budgeting election: its description, budget, projects, and
// (when read in full) its voters and ballots.
type Election struct {
	// Meta is the META section as written, in order: every key, known or not.
	Meta []MetaEntry `json:"meta"`
	// Description, Country, Unit, Subunit and Instance describe the election.
	Description string `json:"description,omitempty"`
	Country     string `json:"country,omitempty"`
	Unit        string `json:"unit,omitempty"`
	Subunit     string `json:"subunit,omitempty"`
	Instance    string `json:"instance,omitempty"`
	// VoteType is the kind of ballots.
	VoteType VoteType `json:"vote_type"`
	// Rule is the rule the file says was used ("greedy", "equalshares/add1", "unknown").
	Rule string `json:"rule,omitempty"`
	// Budget is the amount to spend, in the minor unit of Currency.
	Budget Money `json:"budget"`
	// Currency is the ISO 4217 code, or "" when the file does not say.
	Currency string `json:"currency,omitempty"`
	// Constraints are the ballot and outcome constraints.
	Constraints Constraints `json:"constraints"`
	// Projects are the projects in file order.
	Projects []Project `json:"projects"`
	// ProjectColumns and VoterColumns are the headers of the PROJECTS and VOTES sections.
	ProjectColumns []string `json:"-"`
	VoterColumns   []string `json:"-"`
	// Voters are the voters in file order; Ballot(i) is the ballot of Voters[i]. Both are
	// empty when the election was only scanned.
	Voters []Voter `json:"-"`
	// Votes and Score count, per project, the ballots that include it and the points it got
	// (for approval and choose-1 ballots the score is the number of votes; for ordinal
	// ballots a Borda count, see [Election.Points]). They are filled while reading, even
	// when ballots are only scanned.
	Votes []int64 `json:"-"`
	Score []int64 `json:"-"`
	// NumVoters is the number of ballots read.
	NumVoters int `json:"num_voters"`

	start []int32 // start[i] is the offset of voter i's ballot in proj and pts
	proj  []int32
	pts   []int64
	byID  map[string]int
}

// Digits returns the number of decimals of the election's currency.
func (e *Election) Digits() int { return Digits(e.Currency) }

// Money returns m as an [Amount] in the election's currency.
func (e *Election) Money(m Money) Amount { return Amount{Minor: m, Currency: e.Currency} }

// ProjectIndex returns the index of the project with this ID.
func (e *Election) ProjectIndex(id string) (int, bool) {
	if e.byID == nil {
		e.byID = make(map[string]int, len(e.Projects))
		for i, p := range e.Projects {
			e.byID[p.ID] = i
		}
	}
	i, ok := e.byID[id]
	return i, ok
}

// Ballot returns voter i's ballot. The slices share the election's storage: do not modify them.
func (e *Election) Ballot(i int) Ballot {
	s, t := e.start[i], e.start[i+1]
	b := Ballot{Projects: e.proj[s:t:t]}
	if e.pts != nil {
		b.Points = e.pts[s:t:t]
	}
	return b
}

// HasBallots reports whether the ballots were kept (the election was read, not scanned).
func (e *Election) HasBallots() bool { return len(e.start) == e.NumVoters+1 && e.NumVoters > 0 }

// AddBallot appends a voter and their ballot, for programs that build elections in Go.
// Projects must be valid indices; points are nil for approval, ordinal and choose-1 ballots.
func (e *Election) AddBallot(v Voter, b Ballot) {
	if e.start == nil {
		e.start = []int32{0}
	}
	if len(e.Votes) != len(e.Projects) {
		e.Votes = make([]int64, len(e.Projects))
		e.Score = make([]int64, len(e.Projects))
	}
	e.Voters = append(e.Voters, v)
	e.proj = append(e.proj, b.Projects...)
	if b.Points != nil || e.pts != nil {
		if e.pts == nil {
			e.pts = make([]int64, len(e.proj)-len(b.Projects), len(e.proj))
		}
		if b.Points == nil {
			e.pts = append(e.pts, make([]int64, len(b.Projects))...)
		} else {
			e.pts = append(e.pts, b.Points...)
		}
	}
	e.start = append(e.start, int32(len(e.proj)))
	e.NumVoters++
	e.count(b)
}

// count adds a ballot to the tallies.
func (e *Election) count(b Ballot) {
	for k, p := range b.Projects {
		e.Votes[p]++
		e.Score[p] += e.points(b, k)
	}
}

// points is the utility of the k-th project of b: its points for cardinal ballots, 1 for
// approval and choose-1, and for ordinal ballots a Borda count: with L the maximum length
// (max_length, or the ballot's length when none), the first project gets L, the next L-1…
func (e *Election) points(b Ballot, k int) int64 {
	switch {
	case e.VoteType.Cardinal() && b.Points != nil:
		return b.Points[k]
	case e.VoteType == Ordinal:
		l := e.Constraints.MaxLength
		if l < len(b.Projects) {
			l = len(b.Projects)
		}
		return int64(l - k)
	}
	return 1
}

// Points is the utility a voter's ballot gives its k-th project (see the tallies of
// [Election]): points for cumulative and scoring ballots, a Borda count for ordinal ones,
// 1 otherwise.
func (e *Election) Points(b Ballot, k int) int64 { return e.points(b, k) }

// Approvers returns, for each project, the voters whose ballot includes it, in voter order.
func (e *Election) Approvers() [][]int32 {
	out := make([][]int32, len(e.Projects))
	for p := range out {
		out[p] = make([]int32, 0, e.Votes[p])
	}
	for i := 0; i < e.NumVoters && e.HasBallots(); i++ {
		for _, p := range e.Ballot(i).Projects {
			out[p] = append(out[p], int32(i))
		}
	}
	return out
}

// SelectedInFile returns the indices of the projects the file marks selected, and whether
// the file has a selected column.
func (e *Election) SelectedInFile() ([]int, bool) {
	if !slices.Contains(e.ProjectColumns, "selected") {
		return nil, false
	}
	var out []int
	for i, p := range e.Projects {
		if p.Selected != nil && *p.Selected == 1 {
			out = append(out, i)
		}
	}
	return out, true
}

// MetaValue returns the value of a META key, and whether it is present.
func (e *Election) MetaValue(key string) (string, bool) {
	for _, m := range e.Meta {
		if m.Key == key {
			return m.Value, true
		}
	}
	return "", false
}
