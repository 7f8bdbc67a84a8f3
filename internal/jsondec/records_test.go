package jsondec

import (
	"bytes"
	"errors"
	"fmt"
	"github.com/civic-observatory/civic/internal/hostile"
	"io"
	"runtime"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type rec struct {
	Index int
	Data  string
	Err   bool
}

func collect(r io.Reader, max int) ([]rec, error) {
	s := NewRecords(r, max)
	var out []rec
	for s.Next() {
		out = append(out, rec{s.Index(), string(s.Record()), s.RecordErr() != nil})
		if len(out) > 1000 {
			return out, errors.New("too many records")
		}
	}
	return out, s.Err()
}

func TestRecords(t *testing.T) {
	tests := []struct {
		name string
		in   string
		max  int
		want []rec
		err  string
	}{
		{"empty", "", 0, nil, ""},
		{"blank", " \n\t\n", 0, nil, ""},
		{"single object", ` {"a": [1, "]"]} `, 0, []rec{{1, `{"a": [1, "]"]}`, false}}, ""},
		{"single pretty object", "{\n  \"a\": 1\n}\n", 0, []rec{{1, "{\n  \"a\": 1\n}", false}}, ""},
		{"single scalar", `"x\"y"`, 0, []rec{{1, `"x\"y"`, false}}, ""},
		{"single number", `12`, 0, []rec{{1, `12`, false}}, ""},
		{"array", "[{\"a\":\"[,]\"}, 2 ,\"s\\\"]\",[3,[4]],null]\n", 0, []rec{
			{1, `{"a":"[,]"}`, false}, {2, `2`, false}, {3, `"s\"]"`, false}, {4, `[3,[4]]`, false}, {5, `null`, false},
		}, ""},
		{"empty array", " [ ] ", 0, nil, ""},
		{"ndjson", "{\"a\":1}\n\n  {\"b\":2}  \r\n[1,2]\n3\n", 0, []rec{
			{1, `{"a":1}`, false}, {2, `{"b":2}`, false}, {3, `[1,2]`, false}, {4, `3`, false},
		}, ""},
		{"ndjson of arrays", "[1]\n[2,3]\n", 0, []rec{{1, `[1]`, false}, {2, `[2,3]`, false}}, ""},
		{"ndjson no final newline", "{\"a\":1}\n{\"b\":2}", 0, []rec{{1, `{"a":1}`, false}, {2, `{"b":2}`, false}}, ""},
		{"ndjson bad line kept for the decoder", "{\"a\":1}\n{\"b\":\n{\"c\":3}\n", 0, []rec{
			{1, `{"a":1}`, false}, {2, `{"b":`, false}, {3, `{"c":3}`, false},
		}, ""},
		{"stream of pretty values", "{\n\"a\":1\n}\n{\n\"b\":2\n}\n", 0, []rec{{1, "{\n\"a\":1\n}", false}, {2, "{\n\"b\":2\n}", false}}, ""},
		{"unterminated array", `[1, 2`, 0, []rec{{1, "1", false}, {2, "2", false}}, "unterminated array"},
		{"array cut in an item", `[{"a":1}, {"b":`, 0, []rec{{1, `{"a":1}`, false}}, "unterminated array"},
		{"unterminated value", `{"a":1`, 0, nil, "unterminated value"},
		{"array missing comma", `[1 2]`, 0, []rec{{1, "1", false}}, "expected ',' or ']'"},
		{"array trailing comma", `[1,]`, 0, []rec{{1, "1", false}}, "expected an item"},
		{"array then newline", "[1]\n", 0, []rec{{1, "1", false}}, ""},
		{"data after large array", "[1,\"" + strings.Repeat("x", 60) + "\"] x", 50, []rec{{1, "1", false}, {2, "", true}}, "data after the top-level array"},
		{"ndjson oversize line resyncs", "{\"a\":1}\n{\"b\":\"" + strings.Repeat("x", 100) + "\"}\n{\"c\":3}\n", 50, []rec{
			{1, `{"a":1}`, false}, {2, "", true}, {3, `{"c":3}`, false},
		}, ""},
		{"array oversize item resyncs", "[1,\"" + strings.Repeat("x", 100) + "\",3]", 50, []rec{
			{1, `1`, false}, {2, "", true}, {3, `3`, false},
		}, ""},
		// A UTF-8 byte order mark is skipped, never split into records (issue 12: a
		// pretty-printed proposal gave 76 records, arrays and NDJSON a phantom one).
		{"bom pretty object", "\xEF\xBB\xBF{\n  \"a\": 1,\n  \"b\": [2, 3]\n}\n", 0, []rec{{1, "{\n  \"a\": 1,\n  \"b\": [2, 3]\n}", false}}, ""},
		{"bom array", "\xEF\xBB\xBF[1,2]", 0, []rec{{1, "1", false}, {2, "2", false}}, ""},
		{"bom ndjson", "\xEF\xBB\xBF{\"a\":1}\n{\"b\":2}\n", 0, []rec{{1, `{"a":1}`, false}, {2, `{"b":2}`, false}}, ""},
		{"bom only", "\xEF\xBB\xBF", 0, nil, ""},
		{"bom twice is data", "\xEF\xBB\xBF\xEF\xBB\xBF{}", 0, []rec{{1, "\xEF\xBB\xBF", false}, {2, "{}", false}}, ""},
		// UTF-16 stops at once with one error naming the encoding.
		{"utf-16le bom", "\xFF\xFE{\x00}\x00", 0, nil, "UTF-16"},
		{"utf-16be bom", "\xFE\xFF\x00{\x00}", 0, nil, "UTF-16"},
		{"utf-16le no bom", "{\x00\n\x00}\x00", 0, nil, "UTF-16"},
		{"utf-16be no bom", "\x00{\x00}", 0, nil, "UTF-16"},
		{"oversize first value", "{\"b\":\"" + strings.Repeat("x", 100) + "\"}\n{\"c\":3}\n", 50, []rec{
			{1, "", true}, {2, `{"c":3}`, false},
		}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, r := range []func(string) io.Reader{
				func(s string) io.Reader { return strings.NewReader(s) },
				func(s string) io.Reader { return iotest.OneByteReader(strings.NewReader(s)) },
			} {
				got, err := collect(r(tt.in), tt.max)
				assert.Equal(t, tt.want, got)
				if tt.err == "" {
					assert.NoError(t, err)
				} else if assert.Error(t, err) {
					assert.Contains(t, err.Error(), tt.err)
				}
			}
		})
	}
}

// Framing errors are *FramingError, with the offset and, for UTF-16, the encoding.
func TestRecordsFramingError(t *testing.T) {
	for in, want := range map[string]FramingError{
		"\xFF\xFE{\x00}\x00":        {Offset: 0, Detail: "the input is UTF-16, not UTF-8: convert it (iconv -f UTF-16 -t UTF-8)", Encoding: "UTF-16"},
		"{\n\"a\":1\n}\n{\"b\":[1,": {Offset: 10, Detail: "unterminated value"},
		"[1, 2":                     {Offset: 5, Detail: "unterminated array"},
		"\xEF\xBB\xBF[1, {":         {Offset: 7, Detail: "unterminated array"},
	} {
		_, err := collect(strings.NewReader(in), 0)
		var fe *FramingError
		require.ErrorAs(t, err, &fe, "%q", in)
		assert.Equal(t, want, *fe, "%q", in)
	}
}

func TestRecordsLargeArray(t *testing.T) {
	// An array larger than the bound is split as it is read.
	var b bytes.Buffer
	b.WriteString("[")
	for i := range 10000 {
		if i > 0 {
			b.WriteString(",\n")
		}
		fmt.Fprintf(&b, `{"n":%d,"s":"a]b"}`, i)
	}
	b.WriteString("]")
	s := NewRecords(&b, 1000)
	n := 0
	for s.Next() {
		require.NoError(t, s.RecordErr())
		require.Equal(t, fmt.Sprintf(`{"n":%d,"s":"a]b"}`, n), string(s.Record()))
		n++
		require.Equal(t, n, s.Index())
	}
	require.NoError(t, s.Err())
	assert.Equal(t, 10000, n)
}

func TestRecordsIOError(t *testing.T) {
	boom := errors.New("boom")
	s := NewRecords(io.MultiReader(strings.NewReader("{\"a\":1}\n{\"b\""), iotest.ErrReader(boom)), 0)
	assert.True(t, s.Next())
	assert.False(t, s.Next())
	assert.ErrorIs(t, s.Err(), boom)
}

// ndjson generates n NDJSON records without holding them.
type ndjson struct {
	n, i int
	buf  []byte
}

func (g *ndjson) Read(p []byte) (int, error) {
	for len(g.buf) < len(p) && g.i < g.n {
		g.buf = fmt.Appendf(g.buf, `{"id":"r%d","title":{"fr":"Évaluation"},"axes":[1,2]}`+"\n", g.i)
		g.i++
	}
	if len(g.buf) == 0 {
		return 0, io.EOF
	}
	n := copy(p, g.buf)
	g.buf = g.buf[:copy(g.buf, g.buf[n:])]
	return n, nil
}

func TestRecordsMillionBoundedMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("long")
	}
	s := NewRecords(&ndjson{n: 1000000}, 0)
	d := New(nil, Limits{})
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	n := 0
	for s.Next() {
		d.Reset(s.Record())
		d.End()
		if d.Err() != nil {
			t.Fatal(d.Err())
		}
		n++
	}
	require.NoError(t, s.Err())
	runtime.GC()
	runtime.ReadMemStats(&after)
	assert.Equal(t, 1000000, n)
	assert.Less(t, int64(after.HeapInuse)-int64(before.HeapInuse), int64(4<<20))
	assert.LessOrEqual(t, cap(s.buf), 2*readChunk)
}

func FuzzRecords(f *testing.F) {
	for _, s := range hostile.Seeds("items") {
		f.Add(s, 64)
	}
	for _, s := range []string{"[1,2,3]", "{\"a\":1}\n{\"b\":2}\n", "[\"]\\\"\",{}]", "{\n}\n{\n}", "[1", "\"", "1 2 3", "[[1]\n[2]]"} {
		f.Add([]byte(s), 8)
	}
	f.Fuzz(func(t *testing.T, data []byte, max int) {
		max = max%64 + 1
		if max <= 0 {
			max += 64
		}
		s := NewRecords(iotest.HalfReader(bytes.NewReader(data)), max)
		n := 0
		for s.Next() {
			n++
			if s.Index() != n {
				t.Fatalf("index %d, want %d", s.Index(), n)
			}
			if len(s.Record()) > max {
				t.Fatalf("record of %d bytes over %d", len(s.Record()), max)
			}
			if s.RecordErr() == nil && len(s.Record()) == 0 {
				t.Fatal("empty record")
			}
			if n > len(data)+1 {
				t.Fatal("more records than bytes")
			}
		}
		if cap(s.buf) > max+2*readChunk {
			t.Fatalf("buffer of %d bytes", cap(s.buf))
		}
	})
}
