package jsondec

import (
	"encoding/binary"

	"github.com/civic-observatory/civic"
)

// This file decodes the shared vocabulary of the root package, which every domain
// package's documents hold.

// Text decodes a localised text: an object of language tag to string. Tags are checked
// by [civic.Text.Check] during validation, not here.
func (d *Decoder) Text() civic.Text {
	var t civic.Text
	if d.Kind() != Object {
		d.Object() // records the type error and skips the value
		return t
	}
	t = civic.Text{}
	d.StringMap(func(k, v string) { t[k] = v })
	return t
}

// Organisation decodes a [civic.Organisation].
func (d *Decoder) Organisation() civic.Organisation {
	var o civic.Organisation
	if !d.Object() {
		return o
	}
	for d.Next() {
		switch string(d.Key()) {
		case "name":
			o.Name = d.Str()
		case "kind":
			o.Kind = civic.OrgKind(d.Str())
		case "country":
			o.Country = d.Str()
		case "website":
			o.Website = d.Str()
		default:
			d.Unknown()
		}
	}
	return o
}

// Person decodes a [civic.Person].
func (d *Decoder) Person() civic.Person {
	var p civic.Person
	if !d.Object() {
		return p
	}
	for d.Next() {
		switch string(d.Key()) {
		case "name":
			p.Name = d.Str()
		case "email":
			p.Email = d.Str()
		case "role":
			p.Role = d.Str()
		case "organisation":
			o := d.Organisation()
			p.Organisation = &o
		default:
			d.Unknown()
		}
	}
	return p
}

// Check validates what was decoded with check (a document's Check method) and returns
// every problem, decoding and validation together, or nil. A validation problem at or under
// a value that failed to decode is left out: a value of the wrong type leaves a zero value
// behind, which validation would report again as missing, and a member given twice keeps
// its first value where other parsers keep the last. After a syntax error nothing is
// validated.
//
// At most [Limits.MaxProblems] problems are returned, decoding problems first; when more
// were found, one [civic.CodeTooManyProblems] (args: limit) follows them at the root. Check
// takes time linear in the number of problems and the depth of their paths.
func (d *Decoder) Check(check func(v *civic.ValidationError, path civic.Path)) error {
	errs := d.Errors()
	if !d.Fatal() {
		d.merge(errs, check)
	}
	if d.extra > 0 {
		errs.Add(nil, civic.CodeTooManyProblems, d.lim.MaxProblems)
		d.extra = 0
	}
	return errs.Err()
}

func (d *Decoder) merge(errs *civic.ValidationError, check func(v *civic.ValidationError, path civic.Path)) {
	if d.extra > 0 {
		// The cap is passed already and every validation problem would be dropped:
		// validating the zero values that thousands of wrong values left behind would
		// only cost time.
		return
	}
	var v civic.ValidationError
	check(&v, nil)
	if len(v.Errors) == 0 {
		return
	}
	n := len(errs.Errors)
	// The paths of the decoding problems, each encoded as a key; a validation problem is
	// left out when its path or one of its prefixes is a key: one lookup per step.
	var bad map[string]struct{}
	var key []byte
	if n > 0 {
		bad = make(map[string]struct{}, n)
		for _, e := range errs.Errors[:n] {
			key = appendPathKey(key[:0], e.Path)
			bad[string(key)] = struct{}{}
		}
	}
	for _, e := range v.Errors {
		if bad != nil && underBad(bad, e.Path, &key) {
			continue
		}
		if len(errs.Errors) >= d.lim.MaxProblems {
			d.extra++
			continue
		}
		errs.Errors = append(errs.Errors, e)
	}
}

// underBad reports whether p or one of its prefixes is a key of bad, using *buf.
func underBad(bad map[string]struct{}, p civic.Path, buf *[]byte) bool {
	k := (*buf)[:0]
	if _, ok := bad[""]; ok {
		return true
	}
	for _, s := range p {
		k = appendStepKey(k, s)
		if _, ok := bad[string(k)]; ok {
			*buf = k
			return true
		}
	}
	*buf = k
	return false
}

// appendPathKey appends an unambiguous encoding of p to b.
func appendPathKey(b []byte, p civic.Path) []byte {
	for _, s := range p {
		b = appendStepKey(b, s)
	}
	return b
}

func appendStepKey(b []byte, s civic.Step) []byte {
	if s.IsIndex {
		b = append(b, 'i')
		return binary.AppendUvarint(b, uint64(s.Index))
	}
	b = append(b, 'k')
	b = binary.AppendUvarint(b, uint64(len(s.Name)))
	return append(b, s.Name...)
}
