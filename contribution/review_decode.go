package contribution

import (
	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/internal/jsondec"
)

// DecodeReviews decodes a JSON array of reviews strictly and checks each against the call
// (issue 12): unknown members, wrong types, scores that are not integers as written
// (42000.0000000000000001, 1e-999: [civic.CodeNumber]), scores outside their criterion's
// range ([civic.CodeOutOfRange]), unknown or repeated criteria, and reviews of proposals
// proposal does not know ([civic.CodeUnknownRef]) are reported with their paths
// ("[3].scores[1].value"). proposal returns the proposal with an ID, or nil; a nil
// proposal func checks the scores against the call only.
func DecodeReviews(data []byte, c *Call, proposal func(id string) *Proposal) ([]Review, error) {
	d := jsondec.New(data, jsondec.Limits{})
	var out []Review
	if d.Kind() == jsondec.Null {
		d.Null() // no reviews yet, as an earlier version wrote it
	} else if d.Array() {
		out = []Review{}
		for d.More() {
			out = append(out, decodeReview(d))
		}
	}
	d.End()
	return out, d.Check(func(v *civic.ValidationError, path civic.Path) {
		for i := range out {
			r := &out[i]
			var p *Proposal
			if proposal != nil {
				if p = proposal(r.Proposal); p == nil && r.Proposal != "" {
					v.Add(path.Index(i).Key("proposal"), civic.CodeUnknownRef, r.Proposal)
					continue
				}
			}
			if c != nil {
				r.Check(v, path.Index(i), c, p)
			}
		}
	})
}

func decodeReview(d *jsondec.Decoder) Review {
	var r Review
	if !d.Object() {
		return r
	}
	for d.Next() {
		switch string(d.Key()) {
		case "proposal":
			r.Proposal = d.Str()
		case "reviewer":
			r.Reviewer = d.Str()
		case "comment":
			r.Comment = d.Str()
		case "updated":
			r.Updated = d.Time()
		case "scores":
			if d.Array() {
				r.Scores = []Score{}
				for d.More() {
					var s Score
					if d.Object() {
						for d.Next() {
							switch string(d.Key()) {
							case "criterion":
								s.Criterion = d.Str()
							case "value":
								n := d.Int()
								if n < -1<<31 || n > 1<<31-1 {
									d.Fail(civic.CodeNumber, n)
									n = 0
								}
								s.Value = int(n)
							default:
								d.Unknown()
							}
						}
					}
					r.Scores = append(r.Scores, s)
				}
			}
		default:
			d.Unknown()
		}
	}
	return r
}
