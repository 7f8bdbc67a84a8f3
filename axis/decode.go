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
	decodeAxis(d, &a)
	d.End()
	return &a, d.Check(a.Check)
}

// DecodeSet decodes a JSON array of axes strictly and validates it, as [Decode] does.
func DecodeSet(data []byte) (Set, error) {
	d := jsondec.New(data, jsondec.Limits{})
	var s Set
	decodeSet(d, &s)
	d.End()
	return s, d.Check(s.Check)
}

// UnmarshalJSON decodes a JSON array of axes strictly, without validating it: unknown
// fields, duplicate keys, wrong types and invalid UTF-8 are returned at once in a
// [*civic.ValidationError] with paths relative to the array, and s holds what could be
// decoded. Documents that hold axes (a call) decode them through it; [DecodeSet] also
// validates.
func (s *Set) UnmarshalJSON(data []byte) error {
	d := jsondec.New(data, jsondec.Limits{})
	*s = nil
	decodeSet(d, s)
	d.End()
	return d.Err()
}

// decodeSet decodes a set, recording problems in the decoder.
func decodeSet(d *jsondec.Decoder, s *Set) {
	if !d.Array() {
		return
	}
	for d.More() {
		var a Axis
		decodeAxis(d, &a)
		*s = append(*s, a)
	}
}

// decodeAxis decodes an axis, recording problems in the decoder.
func decodeAxis(d *jsondec.Decoder, a *Axis) {
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
