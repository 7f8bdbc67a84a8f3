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
	d     *jsondec.Decoder
	stack []string
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
	dec.decodeProposal(d, data, c, p)
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
		case "opensSource":
			c.OpensSource = d.Text()
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
		case "kinds":
			for _, s := range d.Strings() {
				f.Kinds = append(f.Kinds, civic.OrgKind(s))
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
		case "capacity":
			f.Capacity = int(d.Int())
		case "axes":
			f.Axes = Presence(d.Str())
		case "questions":
			f.Questions = Presence(d.Str())
		case "fields":
			f.Fields = decodeFields(d, 0)
		default:
			d.Unknown()
		}
	}
}

// decodeFields decodes an array of form fields; depth counts the enclosing fields, so
// that a form nested too deep is reported by validation rather than read further.
func decodeFields(d *jsondec.Decoder, depth int) []Field {
	var out []Field
	if d.Array() {
		for d.More() {
			var f Field
			decodeField(d, &f, depth)
			out = append(out, f)
		}
	}
	return out
}

func decodeField(d *jsondec.Decoder, f *Field, depth int) {
	if !d.Object() {
		return
	}
	for d.Next() {
		switch string(d.Key()) {
		case "id":
			f.ID = d.Str()
		case "type":
			f.Type = FieldType(d.Str())
		case "label":
			f.Label = d.Text()
		case "help":
			f.Help = d.Text()
		case "required":
			f.Required = d.Bool()
		case "requiredWhen":
			f.RequiredWhen = decodeCondition(d)
		case "openWhen":
			f.OpenWhen = decodeCondition(d)
		case "min":
			f.Min = d.Int()
		case "max":
			f.Max = d.Int()
		case "unit":
			f.Unit = d.Text()
		case "choices":
			if d.Array() {
				for d.More() {
					f.Choices = append(f.Choices, decodeChoice(d))
				}
			}
		case "fields":
			f.Fields = decodeFields(d, depth+1)
		case "item":
			if d.Kind() == jsondec.Object {
				f.Item = &Field{}
			}
			decodeField(d, f.Item, depth+1)
		case "past":
			f.Past = d.Bool()
		case "identifying":
			f.Identifying = d.Bool()
		default:
			d.Unknown()
		}
	}
}

func decodeCondition(d *jsondec.Decoder) *Condition {
	c := &Condition{}
	if !d.Object() {
		return c
	}
	for d.Next() {
		switch string(d.Key()) {
		case "field":
			c.Field = d.Str()
		case "values":
			c.Values = d.Strings()
		default:
			d.Unknown()
		}
	}
	return c
}

func decodeChoice(d *jsondec.Decoder) Choice {
	var c Choice
	if !d.Object() {
		return c
	}
	for d.Next() {
		switch string(d.Key()) {
		case "id":
			c.ID = d.Str()
		case "label":
			c.Label = d.Text()
		case "help":
			c.Help = d.Text()
		case "refuse":
			c.Refuse = civic.Code(d.Str())
		default:
			d.Unknown()
		}
	}
	return c
}

// deferred is an answer met before the proposal's format: its bytes, read once the
// format is known.
type deferred struct {
	key string
	raw []byte
}

func (dec *Decoder) decodeProposal(d *jsondec.Decoder, data []byte, c *Call, p *Proposal) {
	if !d.Object() {
		return
	}
	var (
		f     *Format // the proposal's format, once known
		known bool    // the format member was read
		later []deferred
	)
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
			known = true
			if c != nil {
				f, _ = c.Format(p.Format)
			}
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
		case "submitted", "state", "version", "pending":
			d.Unknown() // the workflow's, never an author's (see [Record]), with or without a call
		default:
			switch {
			case c == nil:
				// Without a call, an answer is kept as written.
				start := d.Offset()
				key := string(d.Key())
				d.Skip()
				if !d.Fatal() {
					p.Answers = append(p.Answers, Answer{Field: key, Value: Value{Kind: KindRaw, Text: string(trimSpace(data[start:d.Offset()]))}})
				}
			case known:
				dec.answer(d, c, f, p)
			default:
				start := d.Offset()
				key := string(d.Key())
				d.Skip()
				later = append(later, deferred{key: key, raw: data[start:d.Offset()]})
			}
		}
	}
	if len(later) == 0 || d.Fatal() {
		return
	}
	// Answers given before the format: read each on its own, its problems under its key.
	for _, l := range later {
		w := make([]byte, 0, len(l.raw)+len(l.key)+8)
		w = append(w, '{')
		w, _ = appendString(w, l.key)
		w = append(w, ':')
		w = append(w, l.raw...)
		w = append(w, '}')
		sub := jsondec.New(w, d.Limits())
		if sub.Object() {
			for sub.Next() {
				dec.answer(sub, c, f, p)
			}
		}
		sub.End()
		if err := sub.Err(); err != nil {
			d.Errors().Merge(nil, err)
		}
	}
}

// answer decodes the current member of d, a top-level answer of a proposal of the format
// f (nil when the call does not accept the proposal's format: the first format of the
// call that asks for the member reads it).
func (dec *Decoder) answer(d *jsondec.Decoder, c *Call, f *Format, p *Proposal) {
	key := d.Key()
	form, field := formFor(c, f, string(key))
	a := answerDecoder{d: d, call: c, format: form, stack: dec.stack[:0]}
	if field == nil {
		a.unknown()
		return
	}
	p.Answers = append(p.Answers, Answer{Field: field.ID, Value: a.value(field, false)})
	dec.stack = a.stack
}

func trimSpace(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\n' || b[0] == '\r' || b[0] == '\t') {
		b = b[1:]
	}
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\n' || b[len(b)-1] == '\r' || b[len(b)-1] == '\t') {
		b = b[:len(b)-1]
	}
	return b
}
