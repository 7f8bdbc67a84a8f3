package jsondec

import (
	"bytes"
	"encoding/json"
	"fmt"
	"github.com/civic-observatory/civic/internal/hostile"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/unicode/norm"

	"github.com/civic-observatory/civic"
)

// problem is a recorded problem in a comparable form.
type problem struct {
	Code civic.Code
	Path string
}

func problems(d *Decoder) []problem {
	var out []problem
	for _, e := range d.Errors().Errors {
		out = append(out, problem{e.Code, e.Path.String()})
	}
	return out
}

// walk decodes any value by peeking its kind, as a generic consumer would.
func walk(d *Decoder) {
	switch d.Kind() {
	case Object:
		if d.Object() {
			for d.Next() {
				walk(d)
			}
		}
	case Array:
		if d.Array() {
			for d.More() {
				walk(d)
			}
		}
	case String:
		d.Str()
	case Number:
		d.Float()
	case Bool:
		d.Bool()
	case Null:
		d.Null()
	default:
		d.Skip()
	}
}

// value decodes any value into the types encoding/json uses.
func value(d *Decoder) any {
	switch d.Kind() {
	case Object:
		m := map[string]any{}
		if d.Object() {
			for d.Next() {
				k := string(d.Key())
				m[k] = value(d)
			}
		}
		return m
	case Array:
		a := []any{}
		if d.Array() {
			for d.More() {
				a = append(a, value(d))
			}
		}
		return a
	case String:
		return d.Str()
	case Number:
		return d.Float()
	case Bool:
		return d.Bool()
	case Null:
		d.Null()
		return nil
	}
	d.Skip()
	return nil
}

func hasCode(d *Decoder, code civic.Code) bool {
	for _, e := range d.Errors().Errors {
		if e.Code == code {
			return true
		}
	}
	return false
}

func TestConformance(t *testing.T) {
	tests := []struct {
		in    string
		valid bool
	}{
		{`{}`, true},
		{`[]`, true},
		{` [ ] `, true},
		{"\t\r\n{\n}\n", true},
		{`0`, true},
		{`-0`, true},
		{`-0.0e-0`, true},
		{`1.5E+10`, true},
		{`123456789012345678901234567890`, true},
		{`1e400`, true},
		{`"\u00e9"`, true},
		{`"\ud83d\ude00"`, true},
		{`"\"\\\/\b\f\n\r\t"`, true},
		{`"é 😀"`, true},
		{`true`, true},
		{`false`, true},
		{`null`, true},
		{`{"a":[1,{"b":null}],"c":"d"}`, true},
		{`[[[[[]]]]]`, true},
		{`{"":0}`, true},

		{``, false},
		{` `, false},
		{`1.`, false},
		{`.5`, false},
		{`-`, false},
		{`-a`, false},
		{`01`, false},
		{`-01`, false},
		{`1e`, false},
		{`1e+`, false},
		{`+1`, false},
		{`0x10`, false},
		{`NaN`, false},
		{`Infinity`, false},
		{`-Infinity`, false},
		{`tru`, false},
		{`truee`, false},
		{`nul`, false},
		{`[1,]`, false},
		{`[,1]`, false},
		{`[1 2]`, false},
		{`{"a":1,}`, false},
		{`{,}`, false},
		{`{"a" 1}`, false},
		{`{"a":}`, false},
		{`{a:1}`, false},
		{`{'a':1}`, false},
		{`{"a":1}}`, false},
		{`[1]]`, false},
		{`[`, false},
		{`{`, false},
		{`{"a":1`, false},
		{`[1,`, false},
		{`"abc`, false},
		{`"\x"`, false},
		{`"\u12"`, false},
		{`"\u12g4"`, false},
		{"\"a\tb\"", false},
		{"\"a\nb\"", false},
		{"\"a\x00b\"", false},
		{`// c` + "\n1", false},
		{`/* c */ 1`, false},
		{`1 2`, false},
		{`{"a":1} x`, false},
		{"\ufeff{}", false},
		{"[1]\x00", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			d := New([]byte(tt.in), Limits{})
			walk(d)
			d.End()
			assert.Equal(t, tt.valid, !hasCode(d, civic.CodeSyntax), "errors: %v", d.Err())
			assert.Equal(t, tt.valid, !d.Fatal())
			assert.Equal(t, json.Valid([]byte(tt.in)), tt.valid, "encoding/json disagrees")
		})
	}
}

func TestStrings(t *testing.T) {
	tests := []struct {
		in   string
		want string
		code civic.Code
	}{
		{`"abc"`, "abc", ""},
		{`""`, "", ""},
		{`"\u00e9t\u00E9"`, "été", ""},
		{`"\ud83d\ude00"`, "😀", ""},
		{`"a\/b\\c\"d"`, `a/b\c"d`, ""},
		{`"\n\t\r\b\f"`, "\n\t\r\b\f", ""},
		{`"\u0000"`, "\x00", ""},
		{`"e\u0301te"`, "éte", ""},              // NFC composes an escaped combining accent
		{"\"e\u0301te\"", "éte", ""},            // and a raw one
		{"\"\u212b\"", "\u00c5", ""},            // ANGSTROM SIGN → Å
		{`"\ud800"`, "", civic.CodeInvalidUTF8}, // lone high surrogate
		{`"\udc00"`, "", civic.CodeInvalidUTF8}, // lone low surrogate
		{`"\ud800\u0041"`, "", civic.CodeInvalidUTF8},
		{`"\ud800x"`, "", civic.CodeInvalidUTF8},
		{"\"\xff\"", "", civic.CodeInvalidUTF8},
		{"\"a\xc3\"", "", civic.CodeInvalidUTF8},
		{"\"\xed\xa0\x80\"", "", civic.CodeInvalidUTF8}, // surrogate encoded in UTF-8
		{`12`, "", civic.CodeType},
		{`{"a":1}`, "", civic.CodeType},
		{`null`, "", civic.CodeType},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			d := New([]byte(tt.in), Limits{})
			got := d.Str()
			d.End()
			assert.Equal(t, tt.want, got)
			if tt.code == "" {
				assert.NoError(t, d.Err())
				return
			}
			assert.Equal(t, []problem{{tt.code, ""}}, problems(d))
		})
	}
}

func TestNumbers(t *testing.T) {
	ints := []struct {
		in   string
		want int64
		code civic.Code
	}{
		{`0`, 0, ""},
		{`-0`, 0, ""},
		{`42`, 42, ""},
		{`-42`, -42, ""},
		{`9223372036854775807`, math.MaxInt64, ""},
		{`-9223372036854775808`, math.MinInt64, ""},
		{`9223372036854775808`, 0, civic.CodeNumber},
		{`-9223372036854775809`, 0, civic.CodeNumber},
		{`99999999999999999999999`, 0, civic.CodeNumber},
		{`2.0`, 2, ""},
		{`1e3`, 1000, ""},
		{`1.5`, 0, civic.CodeNumber},
		{`1e400`, 0, civic.CodeNumber},
		{`1e-400`, 0, civic.CodeNumber}, // not an integer as written, though float64 rounds it to 0 (issue 12)
		{`"1"`, 0, civic.CodeType},
		{`true`, 0, civic.CodeType},
	}
	for _, tt := range ints {
		t.Run("int "+tt.in, func(t *testing.T) {
			d := New([]byte(tt.in), Limits{})
			got := d.Int()
			d.End()
			assert.Equal(t, tt.want, got)
			if tt.code == "" {
				assert.NoError(t, d.Err())
			} else {
				assert.Equal(t, []problem{{tt.code, ""}}, problems(d))
			}
		})
	}
	floats := []struct {
		in   string
		want float64
		code civic.Code
	}{
		{`1.5`, 1.5, ""},
		{`-2.5e-3`, -2.5e-3, ""},
		{`1e400`, 0, civic.CodeNumber},
		{`[]`, 0, civic.CodeType},
	}
	for _, tt := range floats {
		t.Run("float "+tt.in, func(t *testing.T) {
			d := New([]byte(tt.in), Limits{})
			got := d.Float()
			d.End()
			assert.Equal(t, tt.want, got)
			if tt.code == "" {
				assert.NoError(t, d.Err())
			} else {
				assert.Equal(t, []problem{{tt.code, ""}}, problems(d))
			}
		})
	}
}

func TestProposal(t *testing.T) {
	d := New([]byte(proposalJSON), Limits{})
	var p proposal
	decodeProposal(d, &p, true)
	d.End()
	require.NoError(t, d.Err())

	var want proposal
	dec := json.NewDecoder(strings.NewReader(proposalJSON))
	dec.DisallowUnknownFields()
	require.NoError(t, dec.Decode(&want))
	assert.Empty(t, cmp.Diff(want, p))
	assert.Equal(t, "Hélène Durand", p.Speakers[0].Name)
	assert.Equal(t, time.Date(2019, 1, 20, 13, 30, 0, 0, time.UTC), p.Submitted.UTC())
}

func TestProblems(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []problem
	}{
		{"none", `{"id":"x","speakers":[{"email":"a@b.fr"}]}`, nil},
		{"type at root", `[1]`, []problem{{civic.CodeType, ""}}},
		{"unknown", `{"id":"x","colour":{"a":[1,2]},"format":"pitch"}`, []problem{{civic.CodeUnknownField, "colour"}}},
		{"unknown quoted", `{"a.b":1}`, []problem{{civic.CodeUnknownField, `["a.b"]`}}},
		{"duplicate", `{"id":"x","id":"y"}`, []problem{{civic.CodeDuplicateKey, "id"}}},
		{"duplicate escaped", `{"id":"x","\u0069d":"y"}`, []problem{{civic.CodeDuplicateKey, "id"}}},
		{"nested paths", `{"speakers":[{"name":"a","email":"a@b.fr"},{"name":1,"email":"nope","x":null}]}`, []problem{
			{civic.CodeType, "speakers[1].name"},
			{civic.CodeInvalidEmail, "speakers[1].email"},
			{civic.CodeUnknownField, "speakers[1].x"},
		}},
		{"every problem at once", `{"axes":[1,"2",3.5,1e400],"duration":"15","submitted":"2019-13-01T00:00:00Z","remote":"no","title":{"fr":1,"en":"x"},"keywords":["a",2,"c"]}`, []problem{
			{civic.CodeType, "axes[1]"},
			{civic.CodeNumber, "axes[2]"},
			{civic.CodeNumber, "axes[3]"},
			{civic.CodeType, "duration"},
			{civic.CodeInvalidTime, "submitted"},
			{civic.CodeType, "remote"},
			{civic.CodeType, "title.fr"},
			{civic.CodeType, "keywords[1]"},
		}},
		{"wrong container types", `{"speakers":{"a":1},"title":[],"axes":{}}`, []problem{
			{civic.CodeType, "speakers"},
			{civic.CodeType, "title"},
			{civic.CodeType, "axes"},
		}},
		{"invalid utf8", "{\"id\":\"\xff\",\"speakers\":[{\"name\":\"\\udead\"}]}", []problem{
			{civic.CodeInvalidUTF8, "id"},
			{civic.CodeInvalidUTF8, "speakers[0].name"},
		}},
		{"invalid utf8 key", "{\"\xff\":1,\"id\":\"x\"}", []problem{{civic.CodeInvalidUTF8, "[\"\\xff\"]"}}},
		{"syntax in nested", `{"speakers":[{"name":"a",}]}`, []problem{{civic.CodeSyntax, "speakers[0]"}}},
		{"syntax after value", `{"speakers":[{"name":"a"]}`, []problem{{civic.CodeSyntax, "speakers[0]"}}},
		{"syntax after problems", `{"x":1,"id":2,"speakers":[1 2]}`, []problem{
			{civic.CodeUnknownField, "x"},
			{civic.CodeType, "id"},
			{civic.CodeType, "speakers[0]"},
			{civic.CodeSyntax, "speakers"},
		}},
		{"syntax inside skipped value", `{"x":{"a":[1,}]}`, []problem{
			{civic.CodeUnknownField, "x"},
			{civic.CodeSyntax, "x"},
		}},
		{"trailing data", `{"id":"x"} {}`, []problem{{civic.CodeSyntax, ""}}},
		{"date", `{"available":"2019-02-30"}`, []problem{{civic.CodeInvalidDate, "available"}}},
		{"null where string", `{"id":null}`, []problem{{civic.CodeType, "id"}}},
		{"optional null", `{"note":null}`, nil},
		{"duplicate skipped then unknown", `{"id":"a","id":{"deep":[1]},"zz":0}`, []problem{
			{civic.CodeDuplicateKey, "id"},
			{civic.CodeUnknownField, "zz"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := New([]byte(tt.in), Limits{})
			var p proposal
			decodeProposal(d, &p, true)
			d.End()
			assert.Equal(t, tt.want, problems(d))
		})
	}
}

func TestErrorArgs(t *testing.T) {
	d := New([]byte(`{"a":1,"a":2,"b":[1,2,3],"c":"s","n":1.5}`), Limits{MaxItems: 2})
	require.True(t, d.Object())
	for d.Next() {
		switch string(d.Key()) {
		case "a":
			d.Int()
		case "b":
			if d.Array() {
				for d.More() {
					d.Int()
				}
			}
		case "n":
			d.Int()
		default:
			d.Unknown()
		}
	}
	d.End()
	want := []*civic.FieldError{
		{Path: civic.Path{{Name: "a"}}, Code: civic.CodeDuplicateKey, Args: []any{"a"}},
		{Path: civic.Path{{Name: "b"}}, Code: civic.CodeTooMany, Args: []any{2, 3}},
		{Path: civic.Path{{Name: "c"}}, Code: civic.CodeUnknownField, Args: []any{"c"}},
		{Path: civic.Path{{Name: "n"}}, Code: civic.CodeNumber, Args: []any{"1.5"}},
	}
	assert.Empty(t, cmp.Diff(want, d.Errors().Errors))

	d = New([]byte(`{"a": [1, 2,, 3]}`), Limits{})
	walk(d)
	d.End()
	want = []*civic.FieldError{{Path: civic.Path{{Name: "a"}, {Index: 2, IsIndex: true}}, Code: civic.CodeSyntax, Args: []any{12, "expected a value"}}}
	assert.Empty(t, cmp.Diff(want, d.Errors().Errors))

	d = New([]byte(`{"a": 1 "b": 2}`), Limits{})
	walk(d)
	want = []*civic.FieldError{{Code: civic.CodeSyntax, Args: []any{8, "expected ',' or '}'"}}}
	assert.Empty(t, cmp.Diff(want, d.Errors().Errors))

	d = New([]byte(`[1, "abc`), Limits{})
	walk(d)
	want = []*civic.FieldError{{Path: civic.Path{{Index: 1, IsIndex: true}}, Code: civic.CodeSyntax, Args: []any{4, "unterminated string"}}}
	assert.Empty(t, cmp.Diff(want, d.Errors().Errors))
}

func TestFatalStopsEverything(t *testing.T) {
	d := New([]byte(`{"a":[1,}`), Limits{})
	walk(d)
	require.True(t, d.Fatal())
	n := d.Errors().Len()
	assert.False(t, d.Object())
	assert.False(t, d.Next())
	assert.False(t, d.Array())
	assert.False(t, d.More())
	assert.Equal(t, "", d.Str())
	assert.Equal(t, int64(0), d.Int())
	assert.Equal(t, Invalid, d.Kind())
	d.Unknown()
	d.Skip()
	d.Fail(civic.CodeRequired)
	d.End()
	assert.Equal(t, n, d.Errors().Len())
}

func TestMisuse(t *testing.T) {
	d := New([]byte(`[1]`), Limits{})
	assert.False(t, d.Next())
	assert.True(t, d.Fatal())
	assert.Equal(t, []problem{{civic.CodeInternal, ""}}, problems(d))

	d = New([]byte(`{"a":1}`), Limits{})
	require.True(t, d.Object())
	assert.False(t, d.More())
	assert.True(t, d.Fatal())
}

func TestEndDrains(t *testing.T) {
	// The caller stops reading early: End skips the rest and still checks the syntax.
	d := New([]byte(`{"a":{"b":[1,2,{"c":3}]},"d":4}`), Limits{})
	require.True(t, d.Object())
	require.True(t, d.Next())
	require.True(t, d.Object())
	require.True(t, d.Next())
	require.True(t, d.Array())
	require.True(t, d.More())
	assert.Equal(t, "a.b[0]", d.Path().String())
	d.End()
	assert.NoError(t, d.Err())

	d = New([]byte(`{"a":[1,2,}`), Limits{})
	require.True(t, d.Object())
	d.End()
	assert.Equal(t, []problem{{civic.CodeSyntax, "a"}}, problems(d))

	// Nothing read at all.
	d = New([]byte(` {"a":1} `), Limits{})
	d.End()
	assert.NoError(t, d.Err())
	d = New([]byte(` {"a":1,} `), Limits{})
	d.End()
	assert.Equal(t, []problem{{civic.CodeSyntax, ""}}, problems(d))
}

func TestUnconsumedMembersAreSkipped(t *testing.T) {
	d := New([]byte(`{"a":{"x":[1,{}]},"b":"s","c":[1,[2],3]}`), Limits{})
	var got []string
	require.True(t, d.Object())
	for d.Next() {
		got = append(got, string(d.Key()))
		if string(d.Key()) == "c" && d.Array() {
			n := 0
			for d.More() {
				n++
			}
			assert.Equal(t, 3, n)
		}
	}
	d.End()
	assert.NoError(t, d.Err())
	assert.Equal(t, []string{"a", "b", "c"}, got)
}

func TestLimits(t *testing.T) {
	t.Run("depth", func(t *testing.T) {
		for _, in := range []string{strings.Repeat("[", 100000), strings.Repeat(`{"a":`, 100000), strings.Repeat("[", 65) + strings.Repeat("]", 65)} {
			start := time.Now()
			d := New([]byte(in), Limits{})
			walk(d)
			d.End()
			assert.True(t, d.Fatal())
			assert.Equal(t, []*civic.FieldError{{Path: d.Errors().Errors[0].Path, Code: civic.CodeTooDeep, Args: []any{64}}}, d.Errors().Errors)
			assert.Less(t, time.Since(start), time.Second)

			// Skipping the same document from the root is bounded the same way.
			d = New([]byte(in), Limits{})
			d.Skip()
			assert.Equal(t, []problem{{civic.CodeTooDeep, ""}}, problems(d))
		}
		in := strings.Repeat("[", 64) + strings.Repeat("]", 64)
		d := New([]byte(in), Limits{})
		walk(d)
		d.End()
		assert.NoError(t, d.Err())
		d = New([]byte(in), Limits{})
		d.Skip()
		d.End()
		assert.NoError(t, d.Err())
		d = New([]byte(`[[[1]]]`), Limits{MaxDepth: 2})
		walk(d)
		assert.Equal(t, []problem{{civic.CodeTooDeep, "[0][0]"}}, problems(d))
	})
	t.Run("string", func(t *testing.T) {
		var b bytes.Buffer
		b.WriteString(`{"big":"`)
		b.Write(bytes.Repeat([]byte("é"), 25<<20)) // 50 MB
		b.WriteString(`","id":"ok"}`)
		d := New(b.Bytes(), Limits{MaxDocument: 64 << 20})
		var p proposal
		decodeProposal(d, &p, true)
		d.End()
		assert.Equal(t, []problem{{civic.CodeUnknownField, "big"}}, problems(d))
		assert.Equal(t, "ok", p.ID)

		d.Reset(b.Bytes())
		require.True(t, d.Object())
		require.True(t, d.Next())
		assert.Equal(t, "", d.Str())
		assert.Equal(t, 0, cap(d.buf)+cap(d.nbuf), "no copy of the string")
		require.True(t, d.Next())
		assert.Equal(t, "ok", d.Str())
		d.End()
		assert.Equal(t, []*civic.FieldError{{Path: civic.Path{{Name: "big"}}, Code: civic.CodeTooLarge, Args: []any{DefaultMaxString}}}, d.Errors().Errors)

		d = New([]byte(`{"abcdef":"abcdef","x":"abcdefg"}`), Limits{MaxString: 6})
		walk(d)
		d.End()
		assert.Equal(t, []problem{{civic.CodeTooLarge, "x"}}, problems(d))
		d = New([]byte(`{"abcdefg":"a","x":"b"}`), Limits{MaxString: 6})
		walk(d)
		d.End()
		assert.Equal(t, []problem{{civic.CodeTooLarge, ""}}, problems(d))
	})
	t.Run("document", func(t *testing.T) {
		d := New([]byte(`[1,2,3]`), Limits{MaxDocument: 6})
		walk(d)
		d.End()
		assert.True(t, d.Fatal())
		assert.Equal(t, []*civic.FieldError{{Code: civic.CodeTooLarge, Args: []any{6}}}, d.Errors().Errors)
	})
	t.Run("items", func(t *testing.T) {
		var b bytes.Buffer
		b.WriteString(`{"a":[`)
		for i := range 1000000 {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(`{"n":1}`)
		}
		b.WriteString(`],"b":1}`)
		d := New(b.Bytes(), Limits{})
		n := 0
		require.True(t, d.Object())
		for d.Next() {
			if string(d.Key()) == "a" && d.Array() {
				for d.More() {
					n++
					walk(d)
				}
			}
		}
		d.End()
		assert.Equal(t, DefaultMaxItems, n)
		assert.Equal(t, []*civic.FieldError{{Path: civic.Path{{Name: "a"}}, Code: civic.CodeTooMany, Args: []any{DefaultMaxItems, 1000000}}}, d.Errors().Errors)
	})
	t.Run("large object duplicates", func(t *testing.T) {
		var b bytes.Buffer
		b.WriteByte('{')
		for i := range 1000 {
			fmt.Fprintf(&b, `"k%d":%d,`, i, i)
		}
		b.WriteString(`"k500":0,"k999":[],"k1000":1}`)
		d := New(b.Bytes(), Limits{})
		walk(d)
		d.End()
		assert.Equal(t, []problem{{civic.CodeDuplicateKey, "k500"}, {civic.CodeDuplicateKey, "k999"}}, problems(d))
		// Reused for a second document, a nested large object.
		d.Reset([]byte(`{"x":` + b.String() + `,"x":1}`))
		walk(d)
		d.End()
		assert.Equal(t, []problem{{civic.CodeDuplicateKey, "x.k500"}, {civic.CodeDuplicateKey, "x.k999"}, {civic.CodeDuplicateKey, "x"}}, problems(d))
	})
}

func TestReset(t *testing.T) {
	d := New([]byte(`{"a":1,"a":2}`), Limits{MaxDepth: 3})
	walk(d)
	d.End()
	first := d.Errors()
	require.Equal(t, 1, first.Len())
	d.Reset([]byte(`{"a":{"b":{"c":{}}}}`))
	walk(d)
	d.End()
	assert.Equal(t, 1, first.Len(), "errors of the first document are left as they were")
	assert.Equal(t, []problem{{civic.CodeTooDeep, "a.b.c"}}, problems(d))
	d.Reset([]byte(`[]`))
	walk(d)
	d.End()
	assert.NoError(t, d.Err())

	var zero Decoder
	zero.Reset([]byte(`[1]`))
	walk(&zero)
	zero.End()
	assert.NoError(t, zero.Err())
	assert.Equal(t, DefaultMaxDepth, zero.Limits().MaxDepth)
}

func TestStringsAndMaps(t *testing.T) {
	d := New([]byte(`{"l":["a","b",3,"d"],"m":{"fr":"été","en":"summer","de":null},"e":[]}`), Limits{})
	require.True(t, d.Object())
	var l, e []string
	m := map[string]string{}
	for d.Next() {
		switch string(d.Key()) {
		case "l":
			l = d.Strings()
		case "e":
			e = d.Strings()
		case "m":
			d.StringMap(func(k, v string) { m[k] = v })
		}
	}
	d.End()
	assert.Equal(t, []string{"a", "b", "", "d"}, l)
	assert.Equal(t, []string{}, e)
	assert.Equal(t, map[string]string{"fr": "été", "en": "summer"}, m)
	assert.Equal(t, []problem{{civic.CodeType, "l[2]"}, {civic.CodeType, "m.de"}}, problems(d))
}

func TestDateTime(t *testing.T) {
	d := New([]byte(`["2019-03","2019-02-29","2019-03-18T09:00:00+01:00","2019-03-18 09:00",5]`), Limits{})
	require.True(t, d.Array())
	require.True(t, d.More())
	assert.Equal(t, civic.MonthDate(2019, time.March), d.Date())
	require.True(t, d.More())
	assert.Equal(t, civic.Date{}, d.Date())
	require.True(t, d.More())
	assert.True(t, d.Time().Equal(time.Date(2019, 3, 18, 8, 0, 0, 0, time.UTC)))
	require.True(t, d.More())
	assert.True(t, d.Time().IsZero())
	require.True(t, d.More())
	assert.True(t, d.Time().IsZero())
	assert.False(t, d.More())
	d.End()
	want := []*civic.FieldError{
		{Path: civic.Path{{Index: 1, IsIndex: true}}, Code: civic.CodeInvalidDate, Args: []any{"2019-02-29"}},
		{Path: civic.Path{{Index: 3, IsIndex: true}}, Code: civic.CodeInvalidTime, Args: []any{"2019-03-18 09:00"}},
		{Path: civic.Path{{Index: 4, IsIndex: true}}, Code: civic.CodeType, Args: []any{"string", "number"}},
	}
	assert.Empty(t, cmp.Diff(want, d.Errors().Errors))
}

func TestNoAllocs(t *testing.T) {
	data := []byte(`{"aaa":[1,2,{"bbb":true,"c\u0063c":null}],"ddd":{"e":-1.5e3,"f":[]},"g":"xyz"}`)
	d := New(data, Limits{})
	run := func() {
		d.Reset(data)
		if d.Object() {
			for d.Next() {
				switch string(d.Key()) {
				case "aaa":
					if d.Array() {
						for d.More() {
							d.Skip()
						}
					}
				case "ddd":
					if d.Object() {
						for d.Next() {
							if string(d.Key()) == "e" {
								d.Float()
							}
						}
					}
				}
			}
		}
		d.End()
	}
	run()
	require.NoError(t, d.Err())
	assert.Equal(t, 0.0, testing.AllocsPerRun(100, run))
}

// randomJSON writes a random valid JSON value.
func randomJSON(r *rand.Rand, b *bytes.Buffer, depth int) {
	k := r.IntN(8)
	if depth > 6 {
		k = r.IntN(5)
	}
	ws := func() {
		if r.IntN(4) == 0 {
			b.WriteString([]string{" ", "\n", "\t", "\r\n  "}[r.IntN(4)])
		}
	}
	switch k {
	case 0:
		b.WriteString([]string{"true", "false", "null"}[r.IntN(3)])
	case 1, 2:
		b.WriteString([]string{"0", "-0", "12", "-3.25", "1e10", "2.5E-3", "123456789", "0.000001"}[r.IntN(8)])
	case 3, 4:
		randomString(r, b)
	case 5:
		b.WriteByte('[')
		n := r.IntN(5)
		for i := range n {
			if i > 0 {
				b.WriteByte(',')
			}
			ws()
			randomJSON(r, b, depth+1)
			ws()
		}
		b.WriteByte(']')
	default:
		b.WriteByte('{')
		n := r.IntN(5)
		for i := range n {
			if i > 0 {
				b.WriteByte(',')
			}
			ws()
			fmt.Fprintf(b, `"k%d"`, i)
			ws()
			b.WriteByte(':')
			ws()
			randomJSON(r, b, depth+1)
		}
		ws()
		b.WriteByte('}')
	}
}

func randomString(r *rand.Rand, b *bytes.Buffer) {
	parts := []string{"a", "Z", " ", "é", "😀", `\"`, `\\`, `\/`, `\n`, `\t`, `\u00e9`, `\ud83d\ude00`, `\u0001`, "€", "日本", `\uFFFF`}
	b.WriteByte('"')
	for range r.IntN(6) {
		b.WriteString(parts[r.IntN(len(parts))])
	}
	b.WriteByte('"')
}

func TestAgainstEncodingJSON(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var b bytes.Buffer
	d := New(nil, Limits{})
	for range 5000 {
		b.Reset()
		randomJSON(r, &b, 0)
		data := b.Bytes()
		require.True(t, json.Valid(data), "%s", data)
		var want any
		require.NoError(t, json.Unmarshal(data, &want))
		d.Reset(data)
		got := value(d)
		d.End()
		require.NoError(t, d.Err(), "%s", data)
		require.Empty(t, cmp.Diff(want, got), "%s", data)
	}
}

func FuzzDecoder(f *testing.F) {
	for _, s := range hostile.Seeds("items") {
		f.Add(s)
	}
	for _, s := range []string{proposalJSON, `{"a":[1,2,{"b":null}],"a":"\u00e9"}`, `[1.,2]`, `"\ud800"`, "\"\xff\"", `[[[[`, `{"a":1}x`, `-01`, `1e400`, `{"":{"":[]}}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d := New(data, Limits{MaxDepth: 32})
		walk(d)
		d.End()
		syntax := hasCode(d, civic.CodeSyntax)
		valid := json.Valid(data)
		if !d.Fatal() && !syntax && !valid {
			t.Fatalf("accepted invalid JSON %q", data)
		}
		if valid && syntax {
			t.Fatalf("rejected valid JSON %q: %v", data, d.Err())
		}
		if valid && !d.Fatal() && d.Err() == nil && utf8.Valid(data) {
			// Same values as encoding/json, strings normalised.
			var want any
			if err := json.Unmarshal(data, &want); err != nil {
				t.Fatal(err)
			}
			d.Reset(data)
			got := value(d)
			if diff := cmp.Diff(nfc(want), got); diff != "" {
				t.Fatalf("%q: (-want +got)\n%s", data, diff)
			}
		}
		// The hand-written decoder never panics either.
		d.Reset(data)
		var p proposal
		decodeProposal(d, &p, true)
		d.End()
		for _, e := range d.Errors().Errors {
			if !e.Code.Valid() {
				t.Fatalf("unknown code %q", e.Code)
			}
		}
	})
}

// nfc normalises the strings and member names of a value decoded by encoding/json.
func nfc(v any) any {
	switch v := v.(type) {
	case string:
		return norm.NFC.String(v)
	case []any:
		for i := range v {
			v[i] = nfc(v[i])
		}
	case map[string]any:
		m := make(map[string]any, len(v))
		for k, x := range v {
			m[k] = nfc(x)
		}
		return m
	}
	return v
}

func TestNFCStable(t *testing.T) {
	for r := rune(0x80); r <= 0x20c0; r++ {
		if !nfcStable(r) {
			continue
		}
		s := string(r)
		p := norm.NFC.PropertiesString(s)
		if !norm.NFC.IsNormalString(s) || !p.BoundaryBefore() || p.CCC() != 0 {
			t.Errorf("U+%04X is not NFC-stable", r)
		}
		// Nothing before it combines with it.
		for _, prev := range []string{"a", "e", "A", "é", "ᄀ", "가", "ە", "\u0b47", "\u0dd9"} {
			if !norm.NFC.IsNormalString(prev + s) {
				t.Errorf("%s U+%04X is not NFC", prev, r)
			}
		}
	}
}

// TestStringScanWindows puts each kind of byte at each position of the eight-byte windows
// of the fast string scan.
func TestStringScanWindows(t *testing.T) {
	for n := range 26 {
		for _, c := range []string{"\x00", "\x1f", "\x20", "\x7f", `\"`, `\\`, `"`, `\`, "é", "\xc3", "!", "#", "[", "]", "\\u0041"} {
			in := `"` + strings.Repeat("a", n) + c + strings.Repeat("b", 25-n) + `"`
			d := New([]byte(in), Limits{})
			got, ok := d.StrOK()
			d.End()
			var want string
			err := json.Unmarshal([]byte(in), &want)
			if hasCode(d, civic.CodeSyntax) != (err != nil) {
				t.Fatalf("%q: syntax %v, encoding/json %v", in, d.Err(), err)
			}
			if err == nil && utf8.ValidString(want) && c != "\xc3" && (!ok || got != want) {
				t.Fatalf("%q: got %q, want %q", in, got, want)
			}
		}
	}
}

func TestInternedStrings(t *testing.T) {
	data := []byte(`{"fr":"public","en":"association","de":"` + strings.Repeat("x", 17) + `"}`)
	d := New(data, Limits{})
	got := map[string]string{}
	run := func() {
		d.Reset(data)
		clear(got)
		d.StringMap(func(k, v string) { got[k] = v })
		d.End()
	}
	run()
	assert.Equal(t, map[string]string{"fr": "public", "en": "association", "de": strings.Repeat("x", 17)}, got)
	// Only the string over internMax bytes is allocated again.
	assert.Equal(t, 1.0, testing.AllocsPerRun(100, run))
}
