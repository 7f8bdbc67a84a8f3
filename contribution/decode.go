package contribution

import (
	"time"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/internal/jsondec"
)

// DecodeCall decodes a call document strictly and validates it. Unknown fields, duplicate
// keys, wrong types, invalid UTF-8 and impossible dates are reported with their paths,
// together with every validation problem, in one [*civic.ValidationError]. The call is
// returned even when invalid, holding what could be decoded.
func DecodeCall(data []byte) (*Call, error) {
	d := jsondec.New(data, jsondec.Limits{})
	c := decodeCall(d)
	d.End()
	if loc, err := time.LoadLocation(c.TimeZone); err == nil && c.TimeZone != "" && c.TimeZone != "Local" {
		c.loc = loc
	}
	return c, d.Check(c.Check)
}

// DecodeFormat decodes a format document strictly and validates it, as [DecodeCall] does.
func DecodeFormat(data []byte) (*Format, error) {
	d := jsondec.New(data, jsondec.Limits{})
	var f Format
	decodeFormat(d, &f)
	d.End()
	return &f, d.Check(f.Check)
}

// DecodeProposal decodes a proposal document strictly and validates it against the call,
// as [DecodeCall] does. To decode many proposals, use a [Decoder], which reuses its buffers.
func DecodeProposal(data []byte, c *Call) (*Proposal, error) {
	var dec Decoder
	p := new(Proposal)
	return p, dec.Decode(data, c, p)
}

// Decoder decodes and validates proposals one after the other, reusing its buffers. The
// zero value is ready to use. A Decoder is not safe for concurrent use: give each goroutine
// its own.
type Decoder struct {
	d *jsondec.Decoder
}

// Decode decodes data into p (which is reset first) and validates it against the call c,
// returning every problem at once in a [*civic.ValidationError], or nil.
func (dec *Decoder) Decode(data []byte, c *Call, p *Proposal) error {
	if dec.d == nil {
		dec.d = jsondec.New(data, jsondec.Limits{})
	} else {
		dec.d.Reset(data)
	}
	d := dec.d
	*p = Proposal{}
	decodeProposal(d, p)
	d.End()
	return d.Check(func(v *civic.ValidationError, path civic.Path) { p.Check(v, path, c) })
}

func decodeCall(d *jsondec.Decoder) *Call {
	c := &Call{}
	if !d.Object() {
		return c
	}
	for d.Next() {
		switch string(d.Key()) {
		case "id":
			c.ID = d.Str()
		case "title":
			c.Title = d.Text()
		case "context":
			c.Context = d.Text()
		case "invitation":
			c.Invitation = d.Text()
		case "organisers":
			if d.Array() {
				for d.More() {
					c.Organisers = append(c.Organisers, d.Organisation())
				}
			}
		case "home":
			c.Home = d.Str()
		case "timeZone":
			c.TimeZone = d.Str()
		case "opens":
			c.Opens = d.Time()
		case "deadline":
			c.Deadline = d.Time()
		case "form":
			c.Form = d.Str()
		case "languages":
			c.Languages = d.Strings()
		case "families":
			for _, f := range d.Strings() {
				c.Families = append(c.Families, civic.Family(f))
			}
		case "formats":
			if d.Array() {
				for d.More() {
					var f Format
					decodeFormat(d, &f)
					c.Formats = append(c.Formats, f)
				}
			}
		case "axes":
			d.Sub(c.Axes.UnmarshalJSON)
		case "limits":
			decodeLimits(d, &c.Limits)
		case "criteria":
			c.Criteria = decodeCriteria(d)
		default:
			d.Unknown()
		}
	}
	return c
}

func decodeLimits(d *jsondec.Decoder, l *Limits) {
	if !d.Object() {
		return
	}
	for d.Next() {
		switch string(d.Key()) {
		case "titleMin":
			l.TitleMin = int(d.Int())
		case "titleMax":
			l.TitleMax = int(d.Int())
		case "summaryMin":
			l.SummaryMin = int(d.Int())
		case "summaryMax":
			l.SummaryMax = int(d.Int())
		case "textMax":
			l.TextMax = int(d.Int())
		case "contributors":
			l.Contributors = int(d.Int())
		default:
			d.Unknown()
		}
	}
}

func decodeFormat(d *jsondec.Decoder, f *Format) {
	if !d.Object() {
		return
	}
	for d.Next() {
		switch string(d.Key()) {
		case "id":
			f.ID = d.Str()
		case "name":
			f.Name = d.Text()
		case "description":
			f.Description = d.Text()
		case "audience":
			f.Audience = d.Text()
		case "families":
			for _, s := range d.Strings() {
				f.Families = append(f.Families, civic.Family(s))
			}
		case "minutes":
			f.Minutes = int(d.Int())
		case "feedbackMinutes":
			f.FeedbackMinutes = int(d.Int())
		case "rightOfReply":
			f.RightOfReply = d.Bool()
		case "table":
			if d.Object() {
				t := &Table{}
				for d.Next() {
					switch string(d.Key()) {
					case "seats":
						t.Seats = int(d.Int())
					case "facilitators":
						t.Facilitators = int(d.Int())
					default:
						d.Unknown()
					}
				}
				f.Table = t
			}
		case "section":
			f.Section = Section(d.Str())
		case "axes":
			f.Axes = d.Bool()
		case "axesRequired":
			f.AxesRequired = d.Bool()
		case "ongoing":
			f.Ongoing = d.Bool()
		case "supportDocument":
			f.SupportDocument = d.Bool()
		default:
			d.Unknown()
		}
	}
}

func decodeProposal(d *jsondec.Decoder, p *Proposal) {
	if !d.Object() {
		return
	}
	for d.Next() {
		switch string(d.Key()) {
		case "id":
			p.ID = d.Str()
		case "title":
			p.Title = d.Str()
		case "summary":
			p.Summary = d.Str()
		case "format":
			p.Format = d.Str()
		case "language":
			p.Language = d.Str()
		case "axes":
			p.Axes = d.Strings()
		case "questions":
			p.Questions = d.Strings()
		case "contributors":
			if d.Array() {
				for d.More() {
					p.Contributors = append(p.Contributors, d.Person())
				}
			}
		case "submitted":
			p.Submitted = d.Time()
		case "results":
			p.Results = decodeResults(d)
		case "project":
			p.Project = decodeProject(d)
		case "pitch":
			p.Pitch = decodePitch(d)
		case "state":
			p.State = State(d.Str())
		case "version":
			p.Version = d.Int()
		case "pending":
			p.Pending = Decision(d.Str())
		default:
			d.Unknown()
		}
	}
}

func decodeResults(d *jsondec.Decoder) *Results {
	r := &Results{}
	if !d.Object() {
		return r
	}
	for d.Next() {
		switch string(d.Key()) {
		case "period":
			if d.Object() {
				for d.Next() {
					switch string(d.Key()) {
					case "start":
						r.Period.Start = d.Date()
					case "end":
						r.Period.End = d.Date()
					default:
						d.Unknown()
					}
				}
			}
		case "ongoing":
			r.Ongoing = d.Bool()
		case "actions":
			r.Actions = d.Str()
		case "findings":
			r.Findings = d.Str()
		case "impact":
			r.Impact = decodeImpact(d)
		case "implementation":
			r.Implementation = decodeImplementation(d)
		default:
			d.Unknown()
		}
	}
	return r
}

func decodeImpact(d *jsondec.Decoder) *Impact {
	im := &Impact{}
	if !d.Object() {
		return im
	}
	for d.Next() {
		switch string(d.Key()) {
		case "objectives":
			im.Objectives = d.Strings()
		case "indicators":
			if d.Array() {
				for d.More() {
					var in Indicator
					if d.Object() {
						for d.Next() {
							switch string(d.Key()) {
							case "name":
								in.Name = d.Str()
							case "definition":
								in.Definition = d.Str()
							case "value":
								in.Value = d.Str()
							default:
								d.Unknown()
							}
						}
					}
					im.Indicators = append(im.Indicators, in)
				}
			}
		case "evaluation":
			im.Evaluation = Evaluation(d.Str())
		case "evaluator":
			im.Evaluator = d.Str()
		default:
			d.Unknown()
		}
	}
	return im
}

func decodeImplementation(d *jsondec.Decoder) *Implementation {
	im := &Implementation{}
	if !d.Object() {
		return im
	}
	for d.Next() {
		switch string(d.Key()) {
		case "humanMeans":
			im.HumanMeans = d.Str()
		case "financialMeans":
			im.FinancialMeans = d.Str()
		case "budget":
			if d.Object() {
				b := &Money{}
				for d.Next() {
					switch string(d.Key()) {
					case "amount":
						b.Amount = d.Int()
					case "currency":
						b.Currency = d.Str()
					default:
						d.Unknown()
					}
				}
				im.Budget = b
			}
		case "channels":
			im.Channels = d.Strings()
		case "synthesis":
			im.Synthesis = d.Str()
		default:
			d.Unknown()
		}
	}
	return im
}

func decodeProject(d *jsondec.Decoder) *Project {
	p := &Project{}
	if !d.Object() {
		return p
	}
	for d.Next() {
		switch string(d.Key()) {
		case "kind":
			p.Kind = ProjectKind(d.Str())
		case "stage":
			p.Stage = Stage(d.Str())
		case "description":
			p.Description = d.Str()
		case "questions":
			p.Questions = d.Str()
		case "support":
			p.Support = d.Str()
		default:
			d.Unknown()
		}
	}
	return p
}

func decodePitch(d *jsondec.Decoder) *Pitch {
	p := &Pitch{}
	if !d.Object() {
		return p
	}
	for d.Next() {
		switch string(d.Key()) {
		case "kind":
			p.Kind = PitchKind(d.Str())
		case "ask":
			p.Ask = d.Str()
		default:
			d.Unknown()
		}
	}
	return p
}
