package contribution

import (
	"cmp"
	"math"
	"slices"
	"time"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/internal/check"
	"github.com/civic-observatory/civic/internal/jsondec"
	"github.com/civic-observatory/civic/internal/text"
)

// Criterion is a review criterion of a call, with its weight and its scale. The 2019 call
// reviews proposals on their relevance to the axes and guiding questions, their
// transparency about evaluation and results, their originality and, for centrifugeuses,
// the maturity of the design.
type Criterion struct {
	// ID identifies the criterion within its call ("relevance"), matching [civic.IDPattern].
	ID string `json:"id"`
	// Name is the criterion's name.
	Name civic.Text `json:"name"`
	// Description tells reviewers what to look at.
	Description civic.Text `json:"description,omitempty"`
	// Weight is the criterion's weight in a review's total, greater than 0 and at most 100.
	Weight float64 `json:"weight"`
	// Min and Max are the lowest and highest scores (0 and 5, say); Min < Max, both in
	// 0..100.
	Min int `json:"min"`
	Max int `json:"max"`
	// Formats, when not empty, are the IDs of the formats the criterion applies to; else it
	// applies to every format.
	Formats []string `json:"formats,omitempty"`
}

// AppliesTo reports whether the criterion applies to proposals of the format.
func (k *Criterion) AppliesTo(format string) bool {
	return len(k.Formats) == 0 || slices.Contains(k.Formats, format)
}

// checkCriteria records the problems of the call's criteria at path.
func (c *Call) checkCriteria(v *civic.ValidationError, path civic.Path) {
	seen := map[string]bool{}
	for i := range c.Criteria {
		k := &c.Criteria[i]
		p := path.Index(i)
		check.ID(v, p.Key("id"), k.ID)
		if seen[k.ID] && k.ID != "" {
			v.Add(p.Key("id"), civic.CodeDuplicate, k.ID)
		}
		seen[k.ID] = true
		k.Name.Check(v, p.Key("name"), true, MaxFormatNameLen)
		k.Description.Check(v, p.Key("description"), false, MaxFormatTextLen)
		if !(k.Weight > 0 && k.Weight <= 100) {
			v.Add(p.Key("weight"), civic.CodeOutOfRange, "0 (excluded)", 100, k.Weight)
		}
		if k.Min < 0 || k.Min > 100 {
			v.Add(p.Key("min"), civic.CodeOutOfRange, 0, 100, k.Min)
		}
		if k.Max < 0 || k.Max > 100 {
			v.Add(p.Key("max"), civic.CodeOutOfRange, 0, 100, k.Max)
		}
		if k.Min >= k.Max {
			v.Add(p.Key("max"), civic.CodeOrder, "min", "max")
		}
		for j, f := range k.Formats {
			if _, ok := c.Format(f); !ok {
				v.Add(p.Key("formats").Index(j), civic.CodeUnknownRef, f)
			}
		}
	}
}

// decodeCriteria decodes the criteria member of a call.
func decodeCriteria(d *jsondec.Decoder) []Criterion {
	var out []Criterion
	if !d.Array() {
		return nil
	}
	out = []Criterion{}
	for d.More() {
		var k Criterion
		if d.Object() {
			for d.Next() {
				switch string(d.Key()) {
				case "id":
					k.ID = d.Str()
				case "name":
					k.Name = d.Text()
				case "description":
					k.Description = d.Text()
				case "weight":
					k.Weight = d.Float()
				case "min":
					k.Min = int(d.Int())
				case "max":
					k.Max = int(d.Int())
				case "formats":
					k.Formats = d.Strings()
				default:
					d.Unknown()
				}
			}
		}
		out = append(out, k)
	}
	return out
}

// Score is a reviewer's score on one criterion.
type Score struct {
	Criterion string `json:"criterion"`
	Value     int    `json:"value"`
}

// Review is one reviewer's review of one proposal: a score on each criterion of the call
// that applies to the proposal's format, and a comment.
type Review struct {
	Proposal string    `json:"proposal"`
	Reviewer string    `json:"reviewer"`
	Scores   []Score   `json:"scores"`
	Comment  string    `json:"comment,omitempty"`
	Updated  time.Time `json:"updated,omitzero"`
}

// MaxCommentLen is the longest review comment, in characters.
const MaxCommentLen = 5000

// Check records the problems of r at path, against the call's criteria for the format of
// p: every criterion that applies scored once, within its scale, and no other.
func (r *Review) Check(v *civic.ValidationError, path civic.Path, c *Call, p *Proposal) {
	if r.Proposal == "" {
		v.Add(path.Key("proposal"), civic.CodeRequired)
	} else if p != nil && r.Proposal != p.ID {
		v.Add(path.Key("proposal"), civic.CodeUnknownRef, r.Proposal)
	}
	if r.Reviewer == "" {
		v.Add(path.Key("reviewer"), civic.CodeRequired)
	}
	check.String(v, path.Key("comment"), r.Comment, text.Rule{Max: MaxCommentLen, Multiline: true})
	format := ""
	if p != nil {
		format = p.Format
	}
	scored := map[string]bool{}
	for i, s := range r.Scores {
		sp := path.Key("scores").Index(i)
		k := c.criterion(s.Criterion)
		switch {
		case k == nil:
			v.Add(sp.Key("criterion"), civic.CodeUnknownRef, s.Criterion)
			continue
		case scored[s.Criterion]:
			v.Add(sp.Key("criterion"), civic.CodeDuplicate, s.Criterion)
			continue
		case p != nil && !k.AppliesTo(format):
			v.Add(sp.Key("criterion"), civic.CodeNotForFormat, s.Criterion, format)
		}
		scored[s.Criterion] = true
		if s.Value < k.Min || s.Value > k.Max {
			v.Add(sp.Key("value"), civic.CodeOutOfRange, k.Min, k.Max, s.Value)
		}
	}
	if p != nil {
		for _, k := range c.Criteria {
			if k.AppliesTo(format) && !scored[k.ID] {
				v.Add(path.Key("scores"), civic.CodeRequired)
				break
			}
		}
	}
}

// Validate reports every problem of r against the call and the proposal.
func (r *Review) Validate(c *Call, p *Proposal) error {
	var v civic.ValidationError
	r.Check(&v, nil, c, p)
	return v.Err()
}

func (c *Call) criterion(id string) *Criterion {
	for i := range c.Criteria {
		if c.Criteria[i].ID == id {
			return &c.Criteria[i]
		}
	}
	return nil
}

// Total returns the review's weighted score out of 100: each score rescaled from its
// criterion's scale to 0..100, then averaged with the criteria's weights. Scores on
// criteria that do not apply to the format, or unknown, are ignored; NaN when nothing
// applies.
func (r *Review) Total(c *Call, format string) float64 {
	var sum, weights float64
	for _, s := range r.Scores {
		k := c.criterion(s.Criterion)
		if k == nil || !k.AppliesTo(format) || k.Max <= k.Min {
			continue
		}
		sum += k.Weight * 100 * float64(s.Value-k.Min) / float64(k.Max-k.Min)
		weights += k.Weight
	}
	if weights == 0 {
		return math.NaN()
	}
	return sum / weights
}

// Method is how reviews are aggregated into a proposal's score.
type Method string

// The aggregation methods.
const (
	MethodMean   Method = "mean"
	MethodMedian Method = "median"
)

// Aggregation says how to turn reviews into scores.
type Aggregation struct {
	// Method is the mean or the median of a proposal's review totals; "" is the mean.
	Method Method `json:"method,omitempty"`
	// Normalise rescales each reviewer's totals to the common mean and spread of all
	// totals before aggregating (z-scores), so that a harsh or lenient reviewer neither
	// sinks nor lifts the proposals they review. A reviewer with a single review, or who
	// gives the same total to all, is only shifted to the common mean.
	Normalise bool `json:"normalise,omitempty"`
}

// Aggregate returns each reviewed proposal's score out of 100 (normalised scores may
// leave that range), by proposal ID. format gives the format of a proposal ID.
func Aggregate(c *Call, reviews []Review, format func(id string) string, a Aggregation) map[string]float64 {
	type total struct {
		proposal, reviewer string
		t                  float64
	}
	var totals []total
	for i := range reviews {
		t := reviews[i].Total(c, format(reviews[i].Proposal))
		if !math.IsNaN(t) {
			totals = append(totals, total{reviews[i].Proposal, reviews[i].Reviewer, t})
		}
	}
	if a.Normalise && len(totals) > 1 {
		mu, sd := meanSD(totals, func(x total) float64 { return x.t })
		by := map[string][]float64{}
		for _, x := range totals {
			by[x.reviewer] = append(by[x.reviewer], x.t)
		}
		type stat struct{ mu, sd float64 }
		stats := map[string]stat{}
		for r, ts := range by {
			m, s := meanSD(ts, func(x float64) float64 { return x })
			stats[r] = stat{m, s}
		}
		for i := range totals {
			st := stats[totals[i].reviewer]
			if st.sd > 1e-12 && len(by[totals[i].reviewer]) > 1 {
				totals[i].t = mu + sd*(totals[i].t-st.mu)/st.sd
			} else {
				totals[i].t = mu + (totals[i].t - st.mu)
			}
		}
	}
	per := map[string][]float64{}
	for _, x := range totals {
		per[x.proposal] = append(per[x.proposal], x.t)
	}
	out := make(map[string]float64, len(per))
	for id, ts := range per {
		if a.Method == MethodMedian {
			slices.Sort(ts)
			n := len(ts)
			if n%2 == 1 {
				out[id] = ts[n/2]
			} else {
				out[id] = (ts[n/2-1] + ts[n/2]) / 2
			}
			continue
		}
		var s float64
		for _, t := range ts {
			s += t
		}
		out[id] = s / float64(len(ts))
	}
	return out
}

func meanSD[T any](xs []T, f func(T) float64) (float64, float64) {
	var s float64
	for _, x := range xs {
		s += f(x)
	}
	mu := s / float64(len(xs))
	var q float64
	for _, x := range xs {
		d := f(x) - mu
		q += d * d
	}
	return mu, math.Sqrt(q / float64(len(xs)))
}

// sortReviews orders reviews by proposal, then reviewer.
func sortReviews(rs []Review) {
	slices.SortFunc(rs, func(a, b Review) int {
		return cmp.Or(cmp.Compare(a.Proposal, b.Proposal), cmp.Compare(a.Reviewer, b.Reviewer))
	})
}
