package event

import (
	"bytes"
	"encoding/json"
	"github.com/civic-observatory/civic/internal/hostile"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// FuzzDecode checks that decoding and validating any input, as an event or as a calendar,
// never panics, that a failure always comes with at least one problem, and that every
// document accepted round-trips: marshal, decode, equal document, same bytes.
func FuzzDecode(f *testing.F) {
	for _, s := range hostile.Seeds("rooms") {
		f.Add(s)
	}
	for _, name := range []string{"journee-2019.json", "observatoire-2018-2019.json", "rencontres-2027.json"} {
		b, err := Builtin(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	for _, s := range []string{
		minimal,
		`{"id":"e","kind":"journee","title":{"fr":"J"},"start":"2019-03-18","startTime":"09:00","endTime":"08:00","timeZone":"Europe/Paris"}`,
		`{"id":"e","kind":"journee","title":{"fr":"J"},"start":"2019","rooms":[{"id":"a","name":{"fr":"A"},"capacity":2}],"tracks":[{"id":"t","title":{"fr":"T"},"audience":3,"rooms":["a","b"],"tables":{"count":1,"seats":2,"facilitators":1}}]}`,
		`{"id":"e","kind":"journee","title":{"fr":"J"},"start":"2019","satellites":[{"id":"e","satellites":[{}]}]}`,
		`{"id":"c","title":{"fr":"C"},"activities":[{"id":"a","kind":"survey","month":"2018-10","title":{"fr":"E"}}]}`,
		`{"timeZone":"../../../etc/passwd"}`, `{"timeZone":"Local"}`, `[]`, `null`, `{"id":`, "{\"title\":{\"fr\":\"\xff\"}}",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		e, err := Decode(data)
		if (e == nil) == (err == nil) {
			t.Fatalf("Decode returned %v, %v", e, err)
		}
		if err != nil && len(problems(err)) == 0 {
			t.Fatalf("Decode failed without a problem: %v", err)
		}
		if e != nil {
			fuzzRoundTrip(t, e, Decode)
		}
		c, err := DecodeCalendar(data)
		if (c == nil) == (err == nil) {
			t.Fatalf("DecodeCalendar returned %v, %v", c, err)
		}
		if c != nil {
			fuzzRoundTrip(t, c, DecodeCalendar)
		}
	})
}

func fuzzRoundTrip[T any](t *testing.T, v *T, decode func([]byte) (*T, error)) {
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("Marshal of a valid document: %v", err)
	}
	got, err := decode(b)
	if err != nil {
		t.Fatalf("decode of marshalled valid document: %v\n%s", err, b)
	}
	if diff := cmp.Diff(v, got, cmpopts.EquateEmpty()); diff != "" {
		t.Fatalf("round trip (-want +got):\n%s", diff)
	}
	b2, err := json.Marshal(got)
	if err != nil || !bytes.Equal(b, b2) {
		t.Fatalf("second Marshal differs: %v\n%s\n%s", err, b, b2)
	}
}
