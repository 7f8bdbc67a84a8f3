package budget

import (
	"bufio"
	"io"
	"slices"
	"strconv"
	"strings"
)

// Write writes the election in the Pabulib format: META (num_projects and num_votes set to
// what the election holds), PROJECTS and VOTES, ';'-separated, fields quoted when they hold
// a ';', a '"' or surrounding spaces, lines ended by "\n". Ballots must have been kept
// ([Read], not [Scan]).
func Write(w io.Writer, e *Election) error {
	return WriteSelected(w, e, nil)
}

// WriteSelected writes the election like [Write], with the selected column set from an
// outcome (1 for funded projects, 0 for the others) and the META rule set to its rule.
// A nil outcome keeps the file's own column.
func WriteSelected(w io.Writer, e *Election, o *Outcome) error {
	bw := bufio.NewWriter(w)
	row := func(fields ...string) {
		for k, f := range fields {
			if k > 0 {
				bw.WriteByte(';')
			}
			bw.WriteString(quote(f))
		}
		bw.WriteByte('\n')
	}
	bw.WriteString("META\n")
	row("key", "value")
	meta := slices.Clone(e.Meta)
	set := func(k, v string) {
		for i := range meta {
			if meta[i].Key == k {
				meta[i].Value = v
				return
			}
		}
		meta = append(meta, MetaEntry{k, v})
	}
	set("num_projects", strconv.Itoa(len(e.Projects)))
	set("num_votes", strconv.Itoa(e.NumVoters))
	set("budget", e.Budget.Format(e.Digits()))
	set("vote_type", string(e.VoteType))
	if o != nil {
		set("rule", pabulibRule(o.Rule))
	}
	for _, m := range meta {
		row(m.Key, m.Value)
	}
	cols := slices.Clone(e.ProjectColumns)
	if len(cols) == 0 {
		cols = []string{"project_id", "cost", "votes", "name"}
	}
	if o != nil && !slices.Contains(cols, "selected") {
		cols = append(cols, "selected")
	}
	bw.WriteString("PROJECTS\n")
	row(cols...)
	for i := range e.Projects {
		p := &e.Projects[i]
		out := make([]string, len(cols))
		for k, c := range cols {
			out[k] = p.column(e, i, c, o)
		}
		row(out...)
	}
	bw.WriteString("VOTES\n")
	vcols := slices.Clone(e.VoterColumns)
	if len(vcols) == 0 {
		vcols = []string{"voter_id", "vote"}
		if e.VoteType.Cardinal() {
			vcols = append(vcols, "points")
		}
	}
	row(vcols...)
	for i := 0; i < e.NumVoters && e.HasBallots(); i++ {
		v := &e.Voters[i]
		b := e.Ballot(i)
		out := make([]string, len(vcols))
		for k, c := range vcols {
			switch c {
			case "voter_id":
				out[k] = v.ID
			case "vote":
				ids := make([]string, len(b.Projects))
				for j, p := range b.Projects {
					ids[j] = e.Projects[p].ID
				}
				out[k] = strings.Join(ids, ",")
			case "points":
				pts := make([]string, len(b.Points))
				for j, x := range b.Points {
					pts[j] = strconv.FormatInt(x, 10)
				}
				out[k] = strings.Join(pts, ",")
			case "age":
				if v.Age >= 0 {
					out[k] = strconv.Itoa(v.Age)
				}
			case "sex":
				out[k] = v.Sex
			case "voting_method":
				out[k] = v.Method
			case "district":
				out[k] = v.District
			default:
				out[k] = v.Extra[c]
			}
		}
		row(out...)
	}
	return bw.Flush()
}

func (p *Project) column(e *Election, i int, c string, o *Outcome) string {
	switch c {
	case "project_id":
		return p.ID
	case "cost":
		return p.Cost.Format(e.Digits())
	case "name":
		return p.Name
	case "category":
		return strings.Join(p.Category, ",")
	case "target":
		return strings.Join(p.Target, ",")
	case "district":
		return p.District
	case "latitude":
		return p.Latitude
	case "longitude":
		return p.Longitude
	case "votes":
		if len(e.Votes) == len(e.Projects) && e.NumVoters > 0 {
			return strconv.FormatInt(e.Votes[i], 10)
		}
		if p.Votes != nil {
			return strconv.FormatInt(*p.Votes, 10)
		}
		return ""
	case "score":
		if len(e.Score) == len(e.Projects) && e.NumVoters > 0 {
			return strconv.FormatInt(e.Score[i], 10)
		}
		if p.Score != nil {
			return strconv.FormatInt(*p.Score, 10)
		}
		return ""
	case "selected":
		if o != nil {
			if o.Funded(i) {
				return "1"
			}
			return "0"
		}
		if p.Selected != nil {
			return strconv.Itoa(*p.Selected)
		}
		return ""
	}
	return p.Extra[c]
}

// pabulibRule gives the name Pabulib files use for a rule.
func pabulibRule(r string) string {
	switch r {
	case RuleMES:
		return "equalshares"
	case RuleMESAdd1:
		return "equalshares/add1"
	case RuleMESComparison:
		return "equalshares/add1-comparison"
	case RuleMESAdd1Util:
		return "equalshares/add1u"
	case RuleMESUtilitarian:
		return "equalshares/utilitarian"
	case RulePhragmen:
		return "sequential-phragmen"
	}
	return r
}

func quote(s string) string {
	if !strings.ContainsAny(s, ";\"\r\n") && strings.TrimSpace(s) == s {
		return s
	}
	s = strings.NewReplacer("\r", " ", "\n", " ").Replace(s)
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}
