package event

import (
	"bytes"
	"testing"
	"time"

	"golang.org/x/text/language"

	"github.com/civic-observatory/civic"
)

// TestRencontres2027: the second built-in event, three days in Montréal in another time
// zone, round-trips, and says its venue is invented.
func TestRencontres2027(t *testing.T) {
	e, err := Rencontres2027()
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "rencontres-2027.golden.json", roundTrip(t, e, Decode))
	if e.Start != civic.DayDate(2027, 6, 8) || e.End != civic.DayDate(2027, 6, 10) || e.TimeZone != "America/Toronto" {
		t.Errorf("dates or zone: %v %v %s", e.Start, e.End, e.TimeZone)
	}
	start, end, err := e.Span()
	if err != nil {
		t.Fatal(err)
	}
	if got := start.Format(time.RFC3339); got != "2027-06-08T08:30:00-04:00" {
		t.Errorf("start %s", got)
	}
	if got := end.Format(time.RFC3339); got != "2027-06-10T14:00:00-04:00" {
		t.Errorf("end %s", got)
	}
	if r, ok := e.Room("salle-atelier"); !ok || r.Capacity != 25 {
		t.Errorf("the workshop room seats 25: %+v", r)
	}
	if e.Venue == nil || !bytes.Contains([]byte(e.Venue.Name.Get(language.English)), []byte("fictional")) {
		t.Error("the venue says it is fictional")
	}
	for _, l := range []struct {
		tag  language.Tag
		name string
	}{{language.French, "fr"}, {language.English, "en"}} {
		var b bytes.Buffer
		if err := e.WriteText(&b, l.tag); err != nil {
			t.Fatal(err)
		}
		golden(t, "rencontres-2027."+l.name+".txt", b.Bytes())
	}
	if e2, _ := Rencontres2027(); e2 == e {
		t.Error("each call returns its own copy")
	}
}
