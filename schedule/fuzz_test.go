package schedule_test

import (
	"encoding/json"
	hseeds "github.com/civic-observatory/civic/internal/hostile"
	"testing"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/event"
	"github.com/civic-observatory/civic/schedule"
)

// FuzzDecodeProgramme decodes and checks any bytes as a programme of the Journée and of a
// three-day event whose sessions cross midnight: never a panic, every problem with a known
// code, and a programme that passes round-trips.
func FuzzDecodeProgramme(f *testing.F) {
	for _, s := range hseeds.Seeds("sessions") {
		f.Add(s)
	}
	cx := journee(f)
	pr, err := schedule.Build(cx)
	if err != nil {
		f.Fatal(err)
	}
	good, _ := json.Marshal(pr)
	f.Add(good)
	f.Add([]byte(`{"event":"journee-civic-tech-2019","sessions":[{"id":"x","slot":"ouverture","talks":[{"proposal":"p031","start":"08:00","minutes":-5,"table":3}]}]}`))
	f.Add([]byte(`{"sessions":[{"slot":"soiree","talks":[{"start":"23:59","minutes":1440}]}]}`))
	three := threeDays(f, "ct-2027")
	pr3, err := schedule.Build(three)
	if err != nil {
		f.Fatal(err)
	}
	good3, _ := json.Marshal(pr3)
	f.Add(good3)
	f.Add([]byte(`{"event":"ct-2027","sessions":[{"id":"n","slot":"nuit","talks":[{"proposal":"p001","start":"01:20","minutes":20}]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, cx := range []schedule.Context{cx, three} {
			checkProgramme(t, data, cx)
		}
	})
}

// checkProgramme decodes data as a programme of cx: never a panic, every problem with a
// known code, and a programme that passes round-trips.
func checkProgramme(t *testing.T, data []byte, cx schedule.Context) {
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
}

// FuzzDecodeGrid decodes and checks any bytes as a grid of the one-day Journée and of a
// three-day event: never a panic, every problem with a known code, and a grid that passes
// validates and round-trips.
func FuzzDecodeGrid(f *testing.F) {
	for _, s := range hseeds.Seeds("slots") {
		f.Add(s)
	}
	events := []*event.Event{journee(f).Event, threeDays(f, "ct-2027").Event}
	f.Add([]byte(`{"event":"journee-civic-tech-2019","slots":[{"id":"a","kind":"lunch","start":"12:00","end":"13:00","title":{"fr":"D"}}]}`))
	f.Add([]byte(`{"event":"ct-2027","dayChange":"04:00","slots":[{"id":"a","kind":"round_table","tracks":["pleniere"],"date":"2027-06-09","start":"23:00","end":"01:30","endsNextDay":true,"title":{"fr":"N"}}]}`))
	f.Add([]byte(`{"event":"ct-2027","slots":[{"id":"a","kind":"evening","day":2,"date":"2027-06-08","start":"23:00","endsNextDay":true,"title":{"fr":"N"}}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, ev := range events {
			g, err := schedule.DecodeGrid(data, ev)
			for _, e := range civic.FieldErrors(err) {
				if !e.Code.Valid() {
					t.Fatalf("unknown code %q", e.Code)
				}
			}
			if err != nil {
				continue
			}
			if err := g.Validate(ev); err != nil {
				t.Fatalf("decoded as valid, Validate says %v", err)
			}
			out, err := json.Marshal(g)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := schedule.DecodeGrid(out, ev); err != nil {
				t.Fatalf("a valid grid does not decode again: %v\n%s", err, out)
			}
		}
	})
}
