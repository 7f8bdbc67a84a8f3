package participation_test

import (
	"bytes"
	"encoding/json"
	"github.com/civic-observatory/civic/internal/hostile"
	"strings"
	"testing"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/participation"
)

// FuzzCSV reads any bytes as a Baromètre CSV: never a panic, every problem with a known
// code, and every valid row written back reads the same.
func FuzzCSV(f *testing.F) {
	b, err := participation.Barometre2019()
	if err != nil {
		f.Fatal(err)
	}
	var buf bytes.Buffer
	if err := participation.WriteCSV(&buf, b.Devices[:4], false); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte("\ufeffid,name_fr\r\n\"a\nb\",x\r\n"))
	f.Add([]byte("id\n\xe9\n"))
	f.Add([]byte(strings.Join(participation.Header(true), ",") + "\n" + `d1,"unterminated`))
	f.Fuzz(func(t *testing.T, data []byte) {
		rd := participation.NewReader(bytes.NewReader(data))
		var ok []participation.Device
		for {
			d, more := rd.Next()
			if !more {
				break
			}
			for _, e := range civic.FieldErrors(rd.RowErr()) {
				if !e.Code.Valid() {
					t.Fatalf("unknown code %q", e.Code)
				}
			}
			if rd.RowErr() == nil {
				ok = append(ok, *d)
			}
		}
		for _, e := range civic.FieldErrors(rd.Err()) {
			if !e.Code.Valid() {
				t.Fatalf("unknown code %q", e.Code)
			}
		}
		var out bytes.Buffer
		if err := participation.WriteCSV(&out, ok, false); err != nil {
			t.Fatal(err)
		}
		rd2 := participation.NewReader(&out)
		n := 0
		for {
			_, more := rd2.Next()
			if !more {
				break
			}
			if err := rd2.RowErr(); err != nil {
				t.Fatalf("a valid row written back is invalid: %v", err)
			}
			n++
		}
		if rd2.Err() != nil || n != len(ok) {
			t.Fatalf("read back %d of %d rows: %v", n, len(ok), rd2.Err())
		}
	})
}

// FuzzJSON decodes any bytes as a Baromètre and as a map: never a panic; a valid
// Baromètre round-trips.
func FuzzJSON(f *testing.F) {
	for _, s := range hostile.Seeds("devices") {
		f.Add(s)
	}
	b, err := participation.Barometre2019()
	if err != nil {
		f.Fatal(err)
	}
	small := *b
	small.Devices = small.Devices[:2]
	data, _ := json.Marshal(small)
	f.Add(data)
	f.Add([]byte(`{"id":"m","title":{"fr":"Carte"},"actors":[{"id":"a","organisation":{"name":"X","kind":"startup","country":"FR"},"legalForm":"company","model":"licence","tools":["T"],"openSource":false}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, _ = participation.DecodeMap(data)
		got, err := participation.DecodeBarometre(data)
		if err != nil {
			return
		}
		out, _ := json.Marshal(got)
		if _, err := participation.DecodeBarometre(out); err != nil {
			t.Fatalf("a valid Baromètre does not decode again: %v", err)
		}
	})
}
