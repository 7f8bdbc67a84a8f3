package schedule_test

import (
	"encoding/json"
	"testing"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/schedule"
)

// FuzzDecodeProgramme decodes and checks any bytes as a programme of the Journée: never a
// panic, every problem with a known code, and a programme that passes round-trips.
func FuzzDecodeProgramme(f *testing.F) {
	cx := journee(f)
	pr, err := schedule.Build(cx)
	if err != nil {
		f.Fatal(err)
	}
	good, _ := json.Marshal(pr)
	f.Add(good)
	f.Add([]byte(`{"event":"journee-civic-tech-2019","sessions":[{"id":"x","slot":"ouverture","talks":[{"proposal":"p031","start":"08:00","minutes":-5,"table":3}]}]}`))
	f.Add([]byte(`{"sessions":[{"slot":"soiree","talks":[{"start":"23:59","minutes":1440}]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := schedule.DecodeProgramme(data, cx)
		for _, e := range civic.FieldErrors(err) {
			if !e.Code.Valid() {
				t.Fatalf("unknown code %q", e.Code)
			}
		}
		if err != nil {
			return
		}
		out, _ := json.Marshal(p)
		if _, err := schedule.DecodeProgramme(out, cx); err != nil {
			t.Fatalf("a valid programme does not decode again: %v", err)
		}
	})
}

// FuzzDecodeGrid decodes and checks any bytes as a grid.
func FuzzDecodeGrid(f *testing.F) {
	cx := journee(f)
	f.Add([]byte(`{"event":"journee-civic-tech-2019","slots":[{"id":"a","kind":"lunch","start":"12:00","end":"13:00","title":{"fr":"D"}}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := schedule.DecodeGrid(data, cx.Event)
		if err != nil {
			return
		}
		if err := g.Validate(cx.Event); err != nil {
			t.Fatalf("decoded as valid, Validate says %v", err)
		}
	})
}
