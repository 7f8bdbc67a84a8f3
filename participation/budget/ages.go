package budget

// AgeGroups are the age groups voters are counted in. Participatory budgets often let
// young people vote (Assen's 2024 budget ran from 12 to 27, Villeneuve-sur-Loire's fictional
// one from 11), so the first group holds voters under 18.
func AgeGroups() []string { return []string{"under-18", "18-24", "25-39", "40-59", "60+"} }

// ageGroup returns the group of an age.
func ageGroup(age int) string {
	switch {
	case age < 18:
		return "under-18"
	case age < 25:
		return "18-24"
	case age < 40:
		return "25-39"
	case age < 60:
		return "40-59"
	}
	return "60+"
}

// AgeCount is the number of voters of one age group, and how many of them have at least
// one funded project on their ballot.
type AgeCount struct {
	Group       string `json:"group"`
	Voters      int    `json:"voters"`
	Represented int    `json:"represented"`
}

// Ages counts the voters by age group ([AgeGroups]) and, for each group, those with a
// funded project. Voters whose age is unknown are counted apart (unknown); nil when the
// election has no ages at all or its ballots were not kept: unknown is never reported as 0.
func Ages(e *Election, o *Outcome) (groups []AgeCount, unknown int) {
	if !e.HasBallots() {
		return nil, 0
	}
	funded := make([]bool, len(e.Projects))
	for _, p := range o.Selected {
		funded[p] = true
	}
	idx := map[string]int{}
	for k, g := range AgeGroups() {
		idx[g] = k
		groups = append(groups, AgeCount{Group: g})
	}
	known := 0
	for i := 0; i < e.NumVoters; i++ {
		age := e.Voters[i].Age
		if age < 0 {
			unknown++
			continue
		}
		known++
		g := &groups[idx[ageGroup(age)]]
		g.Voters++
		for _, p := range e.Ballot(i).Projects {
			if funded[p] {
				g.Represented++
				break
			}
		}
	}
	if known == 0 {
		return nil, unknown
	}
	return groups, unknown
}
