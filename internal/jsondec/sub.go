package jsondec

import "github.com/civic-observatory/civic"

// Sub decodes the next value with decode, the UnmarshalJSON method of a type from another
// package that decodes itself strictly with a decoder of its own (axis.Set does), so that
// no package exports a method taking a *Decoder. The value's syntax is checked and the
// value skipped here; decode gets its bytes, and every problem it returns (in a
// *civic.ValidationError, with paths relative to the value) is recorded under the current
// path, within the problem cap. Any other error is recorded as CodeInternal.
func (d *Decoder) Sub(decode func(data []byte) error) {
	if d.fatal {
		return
	}
	d.ws()
	start := d.pos
	d.skipValue()
	if d.fatal {
		return
	}
	err := decode(d.data[start:d.pos])
	if err == nil {
		return
	}
	fes := civic.FieldErrors(err)
	if len(fes) == 0 {
		d.record(civic.CodeInternal, "jsondec: "+err.Error())
		return
	}
	base := d.Path()
	for _, fe := range fes {
		if d.errs == nil {
			d.errs = &civic.ValidationError{}
		}
		if len(d.errs.Errors) >= d.lim.MaxProblems {
			d.extra++
			continue
		}
		d.errs.Add(base.Join(fe.Path), fe.Code, fe.Args...)
	}
}
