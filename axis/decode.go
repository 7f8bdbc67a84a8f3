package axis

import (
	"github.com/civic-observatory/civic/internal/jsondec"
)

// Decode decodes one axis document strictly (unknown fields, duplicate keys, wrong types
// and invalid UTF-8 are reported with their paths) and validates it. Every problem is
// returned at once in a [*civic.ValidationError]; the axis is returned even when invalid,
// holding what could be decoded.
func Decode(data []byte) (*Axis, error) {
	d := jsondec.New(data, jsondec.Limits{})
	var a Axis
	a.UnmarshalJSONFrom(d)
	d.End()
	return &a, d.Check(a.Check)
}

// DecodeSet decodes a JSON array of axes strictly and validates it, as [Decode] does.
func DecodeSet(data []byte) (Set, error) {
	d := jsondec.New(data, jsondec.Limits{})
	var s Set
	s.UnmarshalJSONFrom(d)
	d.End()
	return s, d.Check(s.Check)
}

// UnmarshalJSONFrom decodes the set from a decoder of this module; other packages use it
// to decode documents that hold axes. Problems are recorded in the decoder.
func (s *Set) UnmarshalJSONFrom(d *jsondec.Decoder) {
	if !d.Array() {
		return
	}
	for d.More() {
		var a Axis
		a.UnmarshalJSONFrom(d)
		*s = append(*s, a)
	}
}

// UnmarshalJSONFrom decodes the axis from a decoder of this module; other packages use it
// to decode documents that hold axes. Problems are recorded in the decoder.
func (a *Axis) UnmarshalJSONFrom(d *jsondec.Decoder) {
	if !d.Object() {
		return
	}
	for d.Next() {
		switch string(d.Key()) {
		case "id":
			a.ID = d.Str()
		case "title":
			a.Title = d.Text()
		case "summary":
			a.Summary = d.Text()
		case "introduction":
			a.Introduction = d.Text()
		case "questions":
			if d.Array() {
				for d.More() {
					a.Questions = append(a.Questions, decodeQuestion(d))
				}
			}
		default:
			d.Unknown()
		}
	}
}

func decodeQuestion(d *jsondec.Decoder) Question {
	var q Question
	if !d.Object() {
		return q
	}
	for d.Next() {
		switch string(d.Key()) {
		case "number":
			q.Number = int(d.Int())
		case "text":
			q.Text = d.Text()
		default:
			d.Unknown()
		}
	}
	return q
}
