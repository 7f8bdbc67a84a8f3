package event

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"golang.org/x/text/language"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/internal/shared"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// minimal is the smallest valid event document.
const minimal = `{"id":"e","kind":"meeting","title":{"fr":"Rencontre"},"start":"2019-11"}`

func TestDecode(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"minimal", minimal, nil},
		{"syntax", `{"id":`, []string{"id syntax"}},
		{"not an object", `[]`, []string{" type"}},
		{"unknown field", `{"id":"e","kind":"meeting","title":{"fr":"R"},"start":"2019","colour":"red"}`,
			[]string{"colour unknown_field"}},
		{"duplicate key", `{"id":"e","id":"f","kind":"meeting","title":{"fr":"R"},"start":"2019"}`,
			[]string{"id duplicate_key"}},
		{"wrong types and no double report", `{"id":1,"kind":"meeting","title":"R","start":2019,"rooms":[{"id":"a","name":{"fr":"A"},"capacity":"20"}]}`,
			[]string{"id type", "title type", "start type", "rooms[0].capacity type"}},
		{"bad date and clock", `{"id":"e","kind":"journee","title":{"fr":"J"},"start":"2019-02-30","startTime":"9h","timeZone":"Europe/Paris"}`,
			[]string{"start invalid_date", "startTime invalid_clock"}},
		{"not an integer", `{"id":"e","kind":"journee","title":{"fr":"J"},"start":"2019","rooms":[{"id":"a","name":{"fr":"A"},"capacity":1.5}]}`,
			[]string{"rooms[0].capacity number"}},
		{"huge capacity clamped and reported", `{"id":"e","kind":"journee","title":{"fr":"J"},"start":"2019","rooms":[{"id":"a","name":{"fr":"A"},"capacity":99999999999}]}`,
			[]string{"rooms[0].capacity out_of_range"}},
		{"decode and validation together", `{"id":"E","kind":"fete","title":{"fr":"J"},"start":"2019","venue":{"name":{"fr":"V"},"address":{"city":"Paris","country":"FR","floor":3}}}`,
			[]string{"venue.address.floor unknown_field", "id invalid_id", "kind unknown_value"}},
		{"nested unknown fields", `{"id":"e","kind":"journee","title":{"fr":"J"},"start":"2019","partners":[{"organisation":{"name":"X","kind":"company","country":"FR","size":1},"roles":["partner"],"x":0}],"tracks":[{"id":"t","title":{"fr":"T"},"audience":1,"tables":{"count":1,"seats":1,"facilitators":0,"shape":"round"}}],"satellites":[{"id":"s","kind":"evening","title":{"fr":"S"},"start":"2019","y":0}]}`,
			[]string{"partners[0].organisation.size unknown_field", "partners[0].x unknown_field", "tracks[0].tables.shape unknown_field", "satellites[0].y unknown_field"}},
		{"trailing data", minimal + `{}`, []string{" syntax"}},
		{"invalid utf8", "{\"id\":\"e\",\"kind\":\"meeting\",\"title\":{\"fr\":\"R\xff\"},\"start\":\"2019\"}",
			[]string{"title.fr invalid_utf8", "title required"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := Decode([]byte(tt.in))
			got := problems(err)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
			if (err == nil) != (e != nil) {
				t.Errorf("Decode returned %v and %v", e, err)
			}
			if err != nil && !errors.Is(err, civic.ErrInvalid) {
				t.Errorf("error %v is not civic.ErrInvalid", err)
			}
		})
	}
}

func TestDecodeCalendar(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"minimal", `{"id":"c","title":{"fr":"C"},"activities":[{"id":"a","kind":"survey","month":"2018-10","title":{"fr":"Enquête"}}]}`, nil},
		{"problems", `{"id":"c","title":{"fr":"C"},"activities":[{"id":"a","kind":"survey","month":"2018","title":{"fr":"E"},"place":{"name":{"fr":"Lille"},"country":"FR","region":"HdF"},"when":1},{"id":"a","kind":"survey","month":"2018-13","title":{"fr":"E"}}],"owner":"x"}`,
			[]string{"activities[0].place.region unknown_field", "activities[0].when unknown_field", "activities[1].month invalid_date", "owner unknown_field",
				"activities[0].month precision", "activities[1].id duplicate"}},
		{"activities not an array", `{"id":"c","title":{"fr":"C"},"activities":{}}`, []string{"activities type"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := DecodeCalendar([]byte(tt.in))
			if diff := cmp.Diff(tt.want, problems(err)); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}

// roundTrip marshals v, decodes it with decode and compares.
func roundTrip[T any](t *testing.T, v *T, decode func([]byte) (*T, error)) []byte {
	t.Helper()
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatalf("Marshal: %v", err)
	}
	got, err := decode(b)
	if err != nil {
		t.Fatalf("decode of marshalled document: %v\n%s", err, b)
	}
	if diff := cmp.Diff(v, got, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
	b2, err := json.MarshalIndent(got, "", "  ")
	if err != nil || !bytes.Equal(b, b2) {
		t.Errorf("second Marshal differs (%v)", err)
	}
	return append(b, '\n')
}

func TestRoundTrip(t *testing.T) {
	e, err := Journee2019()
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "journee-2019.golden.json", roundTrip(t, e, Decode))
	c, err := Observatoire2018()
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "observatoire-2018-2019.golden.json", roundTrip(t, c, DecodeCalendar))
	roundTrip(t, smallEvent(), Decode)
	roundTrip(t, smallCalendar(), DecodeCalendar)
	mid := smallEvent()
	mid.StartTime, mid.EndTime = clock(0, 0), clock(0, 30)
	roundTrip(t, mid, Decode)
}

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s differs (-want +got):\n%s", path, diff)
	}
}

func TestText(t *testing.T) {
	e, err := Journee2019()
	if err != nil {
		t.Fatal(err)
	}
	c, err := Observatoire2018()
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range []struct {
		tag  language.Tag
		name string
	}{{language.French, "fr"}, {language.English, "en"}} {
		var b bytes.Buffer
		if err := e.WriteText(&b, l.tag); err != nil {
			t.Fatal(err)
		}
		golden(t, "journee-2019."+l.name+".txt", b.Bytes())
		b.Reset()
		if err := c.WriteText(&b, l.tag); err != nil {
			t.Fatal(err)
		}
		golden(t, "observatoire-2018-2019."+l.name+".txt", b.Bytes())
	}
}

func TestJournee2019(t *testing.T) {
	e, err := Journee2019()
	if err != nil {
		t.Fatal(err)
	}
	start, end, err := e.Span()
	if err != nil {
		t.Fatal(err)
	}
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2019, 3, 18, 9, 0, 0, 0, paris); !start.Equal(want) {
		t.Errorf("start = %v, want %v", start, want)
	}
	if want := time.Date(2019, 3, 18, 17, 0, 0, 0, time.UTC); !end.Equal(want) {
		t.Errorf("end = %v, want %v (18:00 CET)", end, want)
	}
	if start.Weekday() != time.Monday {
		t.Errorf("18 March 2019 is a %v, the call says lundi", start.Weekday())
	}
	type track struct {
		ID       string
		Audience int
		Capacity int
		Rooms    int
	}
	var got []track
	for _, tr := range e.Tracks {
		got = append(got, track{tr.ID, tr.Audience, e.Capacity(tr), len(tr.Rooms)})
	}
	want := []track{{"pleniere", 200, 200, 1}, {"centrifugeuses", 30, 36, 1}, {"formation", 30, 30, 1}, {"ateliers", 60, 60, 3}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("tracks (-want +got):\n%s", diff)
	}
	tb := e.Tracks[1].Tables
	if tb == nil || tb.Seats != 5 || tb.Facilitators != 1 || tb.Participants() != 30 {
		t.Errorf("centrifugeuse tables = %+v", tb)
	}
	if a := e.Venue.Address; a.Street != "9 place d'Iéna" || a.City != "Paris" || a.Country != "FR" {
		t.Errorf("address = %+v", a)
	}
	var co []string
	for _, p := range e.Partners {
		if p.HasRole(RoleCoOrganiser) {
			co = append(co, p.Organisation.Name)
		}
	}
	if diff := cmp.Diff([]string{"Décider ensemble", "Conseil économique, social et environnemental (CESE)"}, co); diff != "" {
		t.Errorf("co-organisers (-want +got):\n%s", diff)
	}
	// Rooms the source does not name say so.
	for _, r := range e.Rooms {
		named := r.ID == "hemicycle"
		says := strings.Contains(r.Description["fr"], "non précisée dans la source") && strings.Contains(r.Description["en"], "not named in the source")
		if named == says {
			t.Errorf("room %s: named in source %v, description %q", r.ID, named, r.Description["fr"])
		}
	}
	if len(e.Satellites) != 1 {
		t.Fatalf("satellites = %d, want the evening", len(e.Satellites))
	}
	ev := e.Satellites[0]
	if ev.Kind != KindEvening || ev.StartTime == nil || *ev.StartTime != At(18, 30) || ev.Venue.Name["fr"] != "Liberté Living Lab" ||
		ev.Description["fr"] != "Invitation à la soirée Civic tech au Liberté Living Lab à Paris" {
		t.Errorf("evening = %+v", ev)
	}
	// Each call returns its own copy.
	e.Title["fr"] = "changed"
	if e2, _ := Journee2019(); e2.Title["fr"] == "changed" {
		t.Error("Journee2019 shares state between calls")
	}
}

func TestObservatoire2018(t *testing.T) {
	c, err := Observatoire2018()
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		Month, Kind, Place, Partner string
	}
	var got []row
	for _, a := range c.Activities {
		r := row{Month: a.Month.String(), Kind: string(a.Kind)}
		if a.Place != nil {
			r.Place = a.Place.Name["fr"]
		}
		for _, p := range a.Partners {
			r.Partner = p.Organisation.Name
		}
		got = append(got, r)
	}
	want := []row{
		{"2018-03", "national_meetings", "Métropole européenne de Lille", ""},
		{"2018-06", "morning_workshop", "", ""},
		{"2018-10", "survey", "", ""},
		{"2018-12", "colloquium", "", "Enedis"},
		{"2019-01", "breakfast", "", ""},
		{"2019-03", "national_meetings", "Grenoble", ""},
		{"2019-03", "journee", "", "Conseil économique, social et environnemental (CESE)"},
		{"2019-04", "publication", "", ""},
		{"2019-05", "colloquium", "", "Mission Ecoter"},
		{"2019-07", "publication", "", ""},
		{"2019-10", "study_trip", "Québec", ""},
		{"2019-11", "meeting", "", ""},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("activities (-want +got):\n%s", diff)
	}
	// Every entry is a line of the seed, word for word.
	seed := shared.ReadFile(t, "seeds/000_9c7060d72d357d80.txt")
	text := strings.ReplaceAll(string(seed), "**", "")
	for _, a := range c.Activities {
		if !strings.Contains(text, a.Entry["fr"]) {
			t.Errorf("%s: entry %q is not in the seed", a.ID, a.Entry["fr"])
		}
		if !strings.Contains(text, a.Title["fr"]) {
			t.Errorf("%s: title %q is not in the seed", a.ID, a.Title["fr"])
		}
	}
}

func TestSorting(t *testing.T) {
	c, err := Observatoire2018()
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"Grenoble", "Métropole européenne de Lille", "Québec"}, c.Places(language.French)); diff != "" {
		t.Errorf("places (-want +got):\n%s", diff)
	}
	var names []string
	for _, o := range c.Organisations(language.French) {
		names = append(names, o.Name)
	}
	want := []string{"Conseil économique, social et environnemental (CESE)", "Décider ensemble", "Enedis", "Mission Ecoter"}
	if diff := cmp.Diff(want, names); diff != "" {
		t.Errorf("organisations (-want +got):\n%s", diff)
	}
	// Byte order would put É after Z; French collation puts it with E.
	got := SortLabels([]string{"Zèbre", "Écosystème", "ecologie", "Eau"}, language.French)
	if diff := cmp.Diff([]string{"Eau", "ecologie", "Écosystème", "Zèbre"}, got); diff != "" {
		t.Errorf("SortLabels (-want +got):\n%s", diff)
	}
	e, _ := Journee2019()
	var rooms []string
	for _, r := range e.RoomsByName(language.French) {
		rooms = append(rooms, r.ID)
	}
	if diff := cmp.Diff([]string{"hemicycle", "salle-atelier-1", "salle-atelier-2", "salle-atelier-3", "salle-formation", "salle-centrifugeuses"}, rooms); diff != "" {
		t.Errorf("rooms (-want +got):\n%s", diff)
	}
}

func TestFormatDate(t *testing.T) {
	tests := []struct {
		d      civic.Date
		fr, en string
	}{
		{civic.DayDate(2019, 3, 18), "lundi 18 mars 2019", "Monday 18 March 2019"},
		{civic.DayDate(2019, 8, 1), "jeudi 1er août 2019", "Thursday 1 August 2019"},
		{civic.MonthDate(2019, 2), "février 2019", "February 2019"},
		{civic.Date{Year: 2020}, "2020", "2020"},
		{civic.Date{}, "", ""},
	}
	for _, tt := range tests {
		if got := FormatDate(tt.d, language.French); got != tt.fr {
			t.Errorf("FormatDate(%v, fr) = %q, want %q", tt.d, got, tt.fr)
		}
		if got := FormatDate(tt.d, language.MustParse("en-GB")); got != tt.en {
			t.Errorf("FormatDate(%v, en) = %q, want %q", tt.d, got, tt.en)
		}
	}
}

func TestSpanAndLocation(t *testing.T) {
	e := &Event{Start: civic.MonthDate(2019, 10), TimeZone: "America/Toronto"}
	s, en, err := e.Span()
	if err != nil {
		t.Fatal(err)
	}
	if s.Format(time.RFC3339) != "2019-10-01T00:00:00-04:00" || en.Format(time.RFC3339) != "2019-11-01T00:00:00-04:00" {
		t.Errorf("span = %v – %v", s, en)
	}
	e.TimeZone = "Nowhere/Land"
	if _, _, err := e.Span(); civic.ErrorCode(err) != civic.CodeInvalidZone {
		t.Errorf("Span with bad zone: %v", err)
	}
	e.TimeZone = "Local"
	if _, err := e.Location(); civic.ErrorCode(err) != civic.CodeInvalidZone {
		t.Errorf("Location(Local): %v", err)
	}
}
