package jsondec

import "github.com/civic-observatory/civic"

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
func (d *Decoder) Check(check func(v *civic.ValidationError, path civic.Path)) error {
	errs := d.Errors()
	if d.Fatal() {
		return errs.Err()
	}
	n := len(errs.Errors)
	var v civic.ValidationError
	check(&v, nil)
next:
	for _, e := range v.Errors {
		for _, bad := range errs.Errors[:n] {
			if e.Path.HasPrefix(bad.Path) {
				continue next
			}
		}
		errs.Errors = append(errs.Errors, e)
	}
	return errs.Err()
}
