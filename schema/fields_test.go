package schema_test

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/require"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/axis"
	"github.com/civic-observatory/civic/contribution"
	"github.com/civic-observatory/civic/event"
	"github.com/civic-observatory/civic/participation"
)

// fill sets every exported field of v that has a JSON name to a non-zero value, so that a
// field the hand-written decoder forgets shows up as a difference after a round trip.
// Types with their own JSON form are given a valid value of that form.
func fill(v reflect.Value, path map[reflect.Type]bool) {
	switch v.Interface().(type) {
	case time.Time:
		v.Set(reflect.ValueOf(time.Date(2019, 3, 18, 9, 0, 0, 0, time.UTC)))
		return
	case civic.Date:
		d, _ := civic.ParseDate("2019-03-18")
		v.Set(reflect.ValueOf(d))
		return
	case civic.Text:
		v.Set(reflect.ValueOf(civic.NewText("texte", "text")))
		return
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString("x1")
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(1)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(1)
	case reflect.Float32, reflect.Float64:
		v.SetFloat(1.5)
	case reflect.Pointer:
		if path[v.Type().Elem()] {
			return // a recursive type: one level is enough
		}
		p := reflect.New(v.Type().Elem())
		fill(p.Elem(), path)
		v.Set(p)
	case reflect.Slice:
		if path[v.Type().Elem()] {
			v.Set(reflect.MakeSlice(v.Type(), 0, 0))
			return
		}
		s := reflect.MakeSlice(v.Type(), 1, 1)
		fill(s.Index(0), path)
		v.Set(s)
	case reflect.Map:
		if v.Type().Key().Kind() != reflect.String {
			return
		}
		m := reflect.MakeMap(v.Type())
		k := reflect.New(v.Type().Key()).Elem()
		k.SetString("k1")
		e := reflect.New(v.Type().Elem()).Elem()
		fill(e, path)
		m.SetMapIndex(k, e)
		v.Set(m)
	case reflect.Struct:
		t := v.Type()
		path[t] = true
		defer delete(path, t)
		for i := range t.NumField() {
			f := t.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if !f.IsExported() || name == "-" || name == "" {
				continue
			}
			fill(v.Field(i), path)
		}
	}
}

// TestDecodersAgreeWithTags is the guard of "one place per field": for every document type
// with a hand-written decoder, a value with every JSON field set goes through
// encoding/json (the struct tags) and back through the decoder; the decoder must know
// every member (no unknown_field or type problem) and give back every value. Validation
// problems are expected (the values are not meaningful) and ignored.
func TestDecodersAgreeWithTags(t *testing.T) {
	call, err := contribution.Call2019()
	require.NoError(t, err)
	tests := []struct {
		name   string
		value  any
		decode func([]byte) (any, error)
	}{
		{"axis.Axis", &axis.Axis{}, func(b []byte) (any, error) { return axis.Decode(b) }},
		{"contribution.Format", &contribution.Format{}, func(b []byte) (any, error) { return contribution.DecodeFormat(b) }},
		{"event.Event", &event.Event{}, func(b []byte) (any, error) { return event.Decode(b) }},
		{"participation.Device", &participation.Device{}, func(b []byte) (any, error) { return participation.DecodeDevice(b) }},
		{"contribution.Proposal", &contribution.Proposal{}, func(b []byte) (any, error) { return contribution.DecodeProposal(b, call) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fill(reflect.ValueOf(tt.value).Elem(), map[reflect.Type]bool{})
			data, err := json.Marshal(tt.value)
			require.NoError(t, err)
			got, err := tt.decode(data)
			for _, fe := range civic.FieldErrors(err) {
				if fe.Code == civic.CodeUnknownField || fe.Code == civic.CodeType {
					t.Errorf("%s: the decoder and the struct tags disagree: %v", tt.name, fe)
				}
			}
			if reflect.ValueOf(got).IsNil() {
				t.Logf("%s: nothing decoded back (invalid document): members checked only", tt.name)
				return
			}
			if d := cmp.Diff(tt.value, got, cmpopts.EquateEmpty(), cmpopts.IgnoreUnexported(), cmp.Exporter(func(reflect.Type) bool { return true })); d != "" {
				t.Errorf("%s: the decoder loses fields (-tags +decoded):\n%s", tt.name, d)
			}
		})
	}
}
