package participation

import (
	"embed"
	"fmt"
	"math"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/internal/check"
	"github.com/civic-observatory/civic/internal/jsondec"
)

// Barometre is a survey dataset of the Baromètre de la démocratie locale numérique: the
// respondent organisations' participation devices.
type Barometre struct {
	ID      string     `json:"id"`
	Title   civic.Text `json:"title"`
	Year    int        `json:"year"`
	Devices []Device   `json:"devices,omitempty"`
}

// Respondent is an organisation that answered the survey, with its devices.
type Respondent struct {
	Organisation civic.Organisation
	Devices      []*Device
}

// Respondents groups the devices by organiser, in order of first appearance.
func (b *Barometre) Respondents() []Respondent {
	var out []Respondent
	index := map[civic.Organisation]int{}
	for i := range b.Devices {
		d := &b.Devices[i]
		k, ok := index[d.Organiser]
		if !ok {
			k = len(out)
			index[d.Organiser] = k
			out = append(out, Respondent{Organisation: d.Organiser})
		}
		out[k].Devices = append(out[k].Devices, d)
	}
	return out
}

// MaxDevices is the most devices a Baromètre document may hold; larger datasets are read as
// CSV with [NewReader], which streams.
const MaxDevices = 100_000

// Check records every problem of the Baromètre at path.
func (b *Barometre) Check(v *civic.ValidationError, path civic.Path) {
	check.ID(v, path.Key("id"), b.ID)
	b.Title.Check(v, path.Key("title"), true, MaxLabel)
	if b.Year < 1900 || b.Year > 2200 {
		v.Add(path.Key("year"), civic.CodeOutOfRange, 1900, 2200, b.Year)
	}
	dp := path.Key("devices")
	if len(b.Devices) > MaxDevices {
		v.Add(dp, civic.CodeTooMany, MaxDevices, len(b.Devices))
	}
	seen := make(map[string]bool, len(b.Devices))
	for i := range b.Devices {
		p := dp.Index(i)
		b.Devices[i].Check(v, p)
		if id := b.Devices[i].ID; id != "" && seen[id] {
			v.Add(p.Key("id"), civic.CodeDuplicate, id)
		}
		seen[b.Devices[i].ID] = true
	}
}

// Validate reports every problem of the Baromètre as a [*civic.ValidationError].
func (b *Barometre) Validate() error {
	var v civic.ValidationError
	b.Check(&v, nil)
	return v.Err()
}

//go:embed data/barometre-2019.json
var builtin embed.FS

// Barometre2019 returns the built-in fictional Baromètre: 120 devices used by local
// authorities (communes, intercommunalités, métropoles, départements, régions), as the
// Baromètre inventories them, decoded and validated like any user document. Places,
// organisations and figures are invented.
func Barometre2019() (*Barometre, error) {
	data, err := builtin.ReadFile("data/barometre-2019.json")
	if err != nil {
		return nil, err
	}
	b, err := DecodeBarometre(data)
	if err != nil {
		return nil, fmt.Errorf("participation: built-in Baromètre: %w", err)
	}
	return b, nil
}

// DecodeBarometre decodes a Baromètre document strictly and validates it, returning every
// problem at once.
func DecodeBarometre(data []byte) (*Barometre, error) {
	d := jsondec.New(data, jsondec.Limits{MaxItems: MaxDevices + 1, MaxDocument: 256 << 20})
	b := &Barometre{}
	if d.Object() {
		for d.Next() {
			switch string(d.Key()) {
			case "id":
				b.ID = d.Str()
			case "title":
				b.Title = d.Text()
			case "year":
				b.Year = clamp(d.Int())
			case "devices":
				if d.Array() {
					b.Devices = []Device{}
					for d.More() {
						b.Devices = append(b.Devices, decodeDevice(d))
					}
				}
			default:
				d.Unknown()
			}
		}
	}
	d.End()
	if err := d.Check(b.Check); err != nil {
		return b, err
	}
	return b, nil
}

// DecodeDevice decodes one device strictly and validates it.
func DecodeDevice(data []byte) (*Device, error) {
	d := jsondec.New(data, jsondec.Limits{})
	dv := decodeDevice(d)
	d.End()
	if err := d.Check(dv.Check); err != nil {
		return &dv, err
	}
	return &dv, nil
}

func clamp(n int64) int { return int(max(min(n, math.MaxInt32), math.MinInt32)) }

func decodeDevice(d *jsondec.Decoder) Device {
	var dv Device
	if !d.Object() {
		return dv
	}
	for d.Next() {
		switch string(d.Key()) {
		case "id":
			dv.ID = d.Str()
		case "name":
			dv.Name = d.Text()
		case "description":
			dv.Description = d.Text()
		case "kind":
			dv.Kind = Kind(d.Str())
		case "organiser":
			dv.Organiser = d.Organisation()
		case "territory":
			if d.Object() {
				for d.Next() {
					switch string(d.Key()) {
					case "name":
						dv.Territory.Name = d.Str()
					case "code":
						dv.Territory.Code = d.Str()
					case "population":
						dv.Territory.Population = d.Int()
					default:
						d.Unknown()
					}
				}
			}
		case "role":
			dv.Role = Role(d.Str())
		case "tool":
			if d.Object() {
				for d.Next() {
					switch string(d.Key()) {
					case "name":
						dv.Tool.Name = d.Str()
					case "provider":
						dv.Tool.Provider = d.Str()
					case "licence":
						dv.Tool.Licence = d.Str()
					case "openSource":
						dv.Tool.OpenSource = d.Bool()
					case "model":
						dv.Tool.Model = Model(d.Str())
					default:
						d.Unknown()
					}
				}
			}
		case "start":
			dv.Start = d.Date()
		case "end":
			dv.End = d.Date()
		case "objectives":
			dv.Objectives = d.Strings()
		case "means":
			if d.Object() {
				for d.Next() {
					switch string(d.Key()) {
					case "staff":
						dv.Means.Staff = d.Float()
					case "budget":
						dv.Means.Budget = d.Int()
					case "currency":
						dv.Means.Currency = d.Str()
					default:
						d.Unknown()
					}
				}
			}
		case "channels":
			for _, c := range d.Strings() {
				dv.Channels = append(dv.Channels, Channel(c))
			}
		case "synthesis":
			dv.Synthesis = d.Str()
		case "outcomes":
			decodeOutcomes(d, &dv.Outcomes)
		case "evaluation":
			decodeEvaluation(d, &dv.Evaluation)
		case "state":
			dv.State = State(d.Str())
		case "history":
			if d.Array() {
				for d.More() {
					var s Step
					if d.Object() {
						for d.Next() {
							switch string(d.Key()) {
							case "at":
								s.At = d.Time()
							case "action":
								s.Action = Action(d.Str())
							case "from":
								s.From = State(d.Str())
							case "to":
								s.To = State(d.Str())
							default:
								d.Unknown()
							}
						}
					}
					dv.History = append(dv.History, s)
				}
			}
		default:
			d.Unknown()
		}
	}
	return dv
}

func decodeOutcomes(d *jsondec.Decoder, o *Outcomes) {
	if !d.Object() {
		return
	}
	for d.Next() {
		switch string(d.Key()) {
		case "participants":
			o.Participants = d.Int()
		case "contributions":
			o.Contributions = d.Int()
		case "takenIntoAccount":
			o.TakenIntoAccount = d.Int()
		case "decisionsChanged":
			o.DecisionsChanged = d.Int()
		case "ages":
			if d.Object() {
				o.Ages = map[string]int64{}
				for d.Next() {
					k := string(d.Key())
					o.Ages[k] = d.Int()
				}
			}
		default:
			d.Unknown()
		}
	}
}

func decodeEvaluation(d *jsondec.Decoder, e *Evaluation) {
	if !d.Object() {
		return
	}
	for d.Next() {
		switch string(d.Key()) {
		case "format":
			e.Format = Format(d.Str())
		case "responsible":
			e.Responsible = d.Str()
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
							case "unit":
								in.Unit = d.Str()
							case "target":
								f := d.Float()
								in.Target = &f
							case "value":
								f := d.Float()
								in.Value = &f
							case "method":
								in.Method = d.Str()
							case "measuredBy":
								in.MeasuredBy = d.Str()
							default:
								d.Unknown()
							}
						}
					}
					e.Indicators = append(e.Indicators, in)
				}
			}
		default:
			d.Unknown()
		}
	}
}
