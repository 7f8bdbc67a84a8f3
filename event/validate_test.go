package event

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/language"

	"github.com/civic-observatory/civic"
)

// problems renders the problems of err as "path code" lines, in order.
func problems(err error) []string {
	var out []string
	for _, e := range civic.FieldErrors(err) {
		out = append(out, e.Path.String()+" "+string(e.Code))
	}
	return out
}

func clock(h, m int) *Clock { c := At(h, m); return &c }

// smallEvent returns a valid timed event with a venue, a partner, two rooms and two tracks.
func smallEvent() *Event {
	return &Event{
		ID:        "journee",
		Kind:      KindJournee,
		Title:     civic.NewText("Journée", "Day"),
		Start:     civic.DayDate(2019, 3, 18),
		StartTime: clock(9, 0),
		EndTime:   clock(18, 0),
		TimeZone:  "Europe/Paris",
		Venue: &Venue{
			Name:    civic.NewText("CESE", ""),
			Address: Address{Street: "9 place d'Iéna", Postcode: "75016", City: "Paris", Country: "FR"},
		},
		Partners: []Partner{{
			Organisation: civic.Organisation{Name: "Décider ensemble", Kind: civic.KindAssociation, Country: "FR"},
			Roles:        []Role{RoleCoOrganiser},
		}},
		Rooms: []Room{
			{ID: "a", Name: civic.NewText("Salle A", ""), Capacity: 36},
			{ID: "b", Name: civic.NewText("Salle B", ""), Capacity: 20},
		},
		Tracks: []Track{
			{ID: "centri", Title: civic.NewText("Centrifugeuses", ""), Audience: 30, Rooms: []string{"a"},
				Tables: &Tables{Count: 6, Seats: 5, Facilitators: 1}},
			{ID: "ateliers", Title: civic.NewText("Ateliers", ""), Audience: 20, Rooms: []string{"b"}},
		},
	}
}

func TestEventCheck(t *testing.T) {
	tests := []struct {
		name   string
		modify func(e *Event)
		want   []string
	}{
		{"valid", func(e *Event) {}, nil},
		{"zero", func(e *Event) { *e = Event{} }, []string{
			"id required", "kind required", "title required", "start required"}},
		{"bad id", func(e *Event) { e.ID = "Journée" }, []string{"id invalid_id"}},
		{"unknown kind", func(e *Event) { e.Kind = "party" }, []string{"kind unknown_value"}},
		{"bad language", func(e *Event) { e.Title["FR"] = "x" }, []string{"title.FR invalid_language"}},
		{"title too long", func(e *Event) { e.Title["fr"] = strings.Repeat("a", MaxTitleLen+1) }, []string{"title.fr too_long"}},
		{"title markup is text", func(e *Event) { e.Title["en"] = "<b>Day</b> x<y" }, nil},
		{"title entity is text", func(e *Event) { e.Title["en"] = "Day &amp; night" }, nil},
		{"title control", func(e *Event) { e.Title["fr"] = "Jour\nnée" }, []string{"title.fr control_char"}},
		{"title bidi", func(e *Event) { e.Title["fr"] = "Jour\u202enée" }, []string{"title.fr bidi_char"}},
		{"description multiline ok", func(e *Event) { e.Description = civic.NewText("a\nb", "") }, nil},
		{"invalid start", func(e *Event) { e.Start = civic.Date{Year: 2019, Month: 2, Day: 30} }, []string{"start invalid_date"}},
		{"end before start", func(e *Event) {
			e.End = civic.DayDate(2019, 3, 17)
			e.EndTime = nil
		}, []string{"end order"}},
		{"end month containing start", func(e *Event) {
			e.Start, e.End = civic.MonthDate(2019, 3), civic.Date{Year: 2019}
			e.StartTime, e.EndTime, e.TimeZone = nil, nil, ""
		}, nil},
		{"times need a day", func(e *Event) { e.Start = civic.MonthDate(2019, 3) }, []string{"start precision"}},
		{"end time needs a day", func(e *Event) { e.End = civic.MonthDate(2019, 4) }, []string{"end precision"}},
		{"zone required", func(e *Event) { e.TimeZone = "" }, []string{"timeZone required"}},
		{"unknown zone", func(e *Event) { e.TimeZone = "Europe/Atlantis" }, []string{"timeZone invalid_zone"}},
		{"local zone", func(e *Event) { e.TimeZone = "Local" }, []string{"timeZone invalid_zone"}},
		{"path zone", func(e *Event) { e.TimeZone = "../../etc/passwd" }, []string{"timeZone invalid_zone"}},
		{"UTC zone", func(e *Event) { e.TimeZone = "UTC" }, nil},
		{"end time before start time", func(e *Event) { e.EndTime = clock(8, 59) }, []string{"endTime order"}},
		{"end time equal start time", func(e *Event) { e.EndTime = clock(9, 0) }, []string{"endTime order"}},
		{"end time earlier on a later day", func(e *Event) { e.End, e.EndTime = civic.DayDate(2019, 3, 19), clock(8, 0) }, nil},
		{"end time alone", func(e *Event) { e.StartTime = nil }, []string{"startTime required"}},
		{"invalid clocks", func(e *Event) { e.StartTime, e.EndTime = clock(24, 0), clock(9, 60) }, []string{
			"startTime invalid_clock", "endTime invalid_clock"}},
		{"venue", func(e *Event) {
			e.Venue.Name = nil
			e.Venue.Address = Address{Street: "9 place\td'Iéna", Country: "XX"}
		}, []string{"venue.name required", "venue.address.street control_char", "venue.address.city required", "venue.address.country invalid_country"}},
		{"venue country required", func(e *Event) { e.Venue.Address.Country = "" }, []string{"venue.address.country required"}},
		{"partners", func(e *Event) {
			e.Partners = append(e.Partners,
				Partner{Organisation: civic.Organisation{Name: "décider ensemble", Kind: civic.KindAssociation, Country: "FR"}, Roles: []Role{RoleHost}},
				Partner{Organisation: civic.Organisation{Name: "CESE", Kind: civic.KindPublicAgency, Country: "FR"}},
				Partner{Organisation: civic.Organisation{Name: "Enedis", Kind: "energy", Country: "FR"}, Roles: []Role{"sponsor", RoleHost, RoleHost, ""}},
			)
		}, []string{
			"partners[1].organisation.name duplicate",
			"partners[2].roles required",
			"partners[3].organisation.kind unknown_value",
			"partners[3].roles[0] unknown_value",
			"partners[3].roles[2] duplicate",
			"partners[3].roles[3] required",
		}},
		{"rooms", func(e *Event) {
			e.Rooms = append(e.Rooms, Room{ID: "a", Name: civic.NewText("Encore A", ""), Capacity: 10},
				Room{ID: "c", Name: civic.NewText("C", ""), Capacity: 0},
				Room{ID: "", Name: nil, Capacity: MaxCapacity + 1})
		}, []string{
			"rooms[2].id duplicate",
			"rooms[3].capacity out_of_range",
			"rooms[4].id required", "rooms[4].name required", "rooms[4].capacity out_of_range",
		}},
		{"track references", func(e *Event) {
			e.Tracks[1].Rooms = []string{"b", "nowhere", "b", "Bad"}
		}, []string{"tracks[1].rooms[1] unknown_reference", "tracks[1].rooms[2] duplicate", "tracks[1].rooms[3] invalid_id"}},
		{"duplicate track", func(e *Event) { e.Tracks[1].ID = "centri" }, []string{"tracks[1].id duplicate"}},
		{"track required", func(e *Event) { e.Tracks[1] = Track{} }, []string{
			"tracks[1].id required", "tracks[1].title required", "tracks[1].audience out_of_range"}},
		{"audience over room capacity", func(e *Event) { e.Tracks[1].Audience = 21 }, []string{"tracks[1].audience over_capacity"}},
		{"audience over two rooms", func(e *Event) {
			e.Tracks[1].Rooms = []string{"a", "b"}
			e.Tracks[1].Audience = 57
		}, []string{"tracks[1].audience over_capacity"}},
		{"no rooms no capacity check", func(e *Event) { e.Tracks[1].Rooms = nil; e.Tracks[1].Audience = 5000 }, nil},
		{"audience over tables", func(e *Event) { e.Tracks[0].Audience = 31 }, []string{"tracks[0].audience over_capacity"}},
		{"tables over room", func(e *Event) { e.Tracks[0].Tables.Count = 7 }, []string{"tracks[0].tables over_capacity"}},
		{"tables ranges", func(e *Event) { e.Tracks[0].Tables = &Tables{Count: 0, Seats: MaxSeats + 1, Facilitators: -1} }, []string{
			"tracks[0].tables.count out_of_range", "tracks[0].tables.seats out_of_range", "tracks[0].tables.facilitators out_of_range"}},
		{"tables name markup is text", func(e *Event) { e.Tracks[0].Tables.Name = civic.NewText("<i>table</i>", "") }, nil},
		{"satellite", func(e *Event) {
			e.Satellites = []Event{
				{ID: "journee", Kind: KindEvening, Title: civic.NewText("Soirée", ""), Start: civic.DayDate(2019, 3, 18), StartTime: clock(18, 30)},
			}
		}, []string{"satellites[0].id duplicate", "satellites[0].timeZone required"}},
		{"two satellites same id", func(e *Event) {
			s := Event{ID: "soiree", Kind: KindEvening, Title: civic.NewText("Soirée", ""), Start: civic.DayDate(2019, 3, 18)}
			e.Satellites = []Event{s, s}
		}, []string{"satellites[1].id duplicate"}},
		{"too many rooms", func(e *Event) {
			for i := range MaxRooms {
				e.Rooms = append(e.Rooms, Room{ID: fmt.Sprintf("r%d", i), Name: civic.NewText("R", ""), Capacity: 1})
			}
		}, []string{"rooms too_many"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := smallEvent()
			tt.modify(e)
			got := problems(e.Validate())
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}

func smallCalendar() *Calendar {
	return &Calendar{
		ID:    "cal",
		Title: civic.NewText("Calendrier", "Calendar"),
		Activities: []Activity{
			{ID: "a", Kind: KindColloquium, Month: civic.MonthDate(2018, 12), Title: civic.NewText("Colloque", ""),
				Partners: []Partner{{Organisation: civic.Organisation{Name: "Enedis", Kind: civic.KindCompany, Country: "FR"}, Roles: []Role{RolePartner}}}},
			{ID: "b", Kind: KindStudyTrip, Month: civic.MonthDate(2019, 10), Title: civic.NewText("Voyage", ""),
				Place: &Place{Name: civic.NewText("Québec", "Quebec"), Country: "CA"}},
		},
	}
}

func TestCalendarCheck(t *testing.T) {
	tests := []struct {
		name   string
		modify func(c *Calendar)
		want   []string
	}{
		{"valid", func(c *Calendar) {}, nil},
		{"zero", func(c *Calendar) { *c = Calendar{} }, []string{"id required", "title required", "activities required"}},
		{"zero activity", func(c *Calendar) { c.Activities[1] = Activity{} }, []string{
			"activities[1].id required", "activities[1].kind required", "activities[1].month required", "activities[1].title required"}},
		{"year only", func(c *Calendar) { c.Activities[0].Month = civic.Date{Year: 2018} }, []string{"activities[0].month precision"}},
		{"day", func(c *Calendar) { c.Activities[0].Month = civic.DayDate(2018, 12, 3) }, []string{"activities[0].month precision"}},
		{"invalid month", func(c *Calendar) { c.Activities[0].Month = civic.Date{Year: 2018, Month: 13} }, []string{"activities[0].month invalid_date"}},
		{"out of order", func(c *Calendar) { c.Activities[1].Month = civic.MonthDate(2018, 11) }, []string{"activities[1].month order"}},
		{"same month", func(c *Calendar) { c.Activities[1].Month = civic.MonthDate(2018, 12) }, nil},
		{"duplicate id", func(c *Calendar) { c.Activities[1].ID = "a" }, []string{"activities[1].id duplicate"}},
		{"unknown kind", func(c *Calendar) { c.Activities[1].Kind = "picnic" }, []string{"activities[1].kind unknown_value"}},
		{"place", func(c *Calendar) { c.Activities[1].Place = &Place{Country: "Canada"} }, []string{
			"activities[1].place.name required", "activities[1].place.country invalid_country"}},
		{"partner role", func(c *Calendar) { c.Activities[0].Partners[0].Roles = nil }, []string{"activities[0].partners[0].roles required"}},
		{"calendar partners", func(c *Calendar) {
			p := Partner{Organisation: civic.Organisation{Name: "Décider ensemble", Kind: civic.KindAssociation, Country: "FR"}, Roles: []Role{RoleOrganiser}}
			c.Partners = []Partner{p, p}
		}, []string{"partners[1].organisation.name duplicate"}},
		{"entry", func(c *Calendar) { c.Activities[0].Entry = civic.NewText("a\x00b", "") }, []string{"activities[0].entry.fr control_char"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := smallCalendar()
			tt.modify(c)
			got := problems(c.Validate())
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}

func TestMarkup(t *testing.T) {
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"démocratie participative & numérique", "", false},
		{"a < b > c", "", false},
		{"<b>gras</b>", "<b>", true},
		{"x </p>", "</p>", true},
		{"<!-- c -->", "<!-- c -->", true},
		{"<?xml version", "<?xml version", true},
		{"R&D;", "&D;", true},
		{"&#60;script", "&#60;", true},
		{"&#x3C;", "&#x3C;", true},
		{"&#;", "", false},
		{"AT&T", "", false},
		{"<a" + strings.Repeat("é", 40), "<a" + strings.Repeat("é", 19), true},
	}
	for _, tt := range tests {
		got, ok := Markup(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Markup(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestParseClock(t *testing.T) {
	for _, s := range []string{"00:00", "09:00", "18:30", "23:59"} {
		c, err := ParseClock(s)
		if err != nil || c.String() != s {
			t.Errorf("ParseClock(%q) = %v, %v", s, c, err)
		}
	}
	for _, s := range []string{"", "9:00", "24:00", "12:60", "12-30", "12:3a", "+1:00", "09:00:00", "٠٩:٠٠"} {
		if _, err := ParseClock(s); civic.ErrorCode(err) != civic.CodeInvalidClock {
			t.Errorf("ParseClock(%q) error = %v, want %s", s, err, civic.CodeInvalidClock)
		}
	}
	if _, err := (Clock{Hour: 25}).MarshalText(); err == nil {
		t.Error("MarshalText of 25:00 succeeded")
	}
}

func TestEnums(t *testing.T) {
	for _, k := range Kinds() {
		if !k.Valid() || k.Label()["fr"] == "" || k.Label()["en"] == "" {
			t.Errorf("kind %q: invalid or unlabelled", k)
		}
	}
	for _, r := range Roles() {
		if !r.Valid() || r.Label()["fr"] == "" || r.Label()["en"] == "" {
			t.Errorf("role %q: invalid or unlabelled", r)
		}
	}
	if Kind("").Valid() || Role("").Valid() || Kind("x").Label() != nil || Role("x").Label() != nil {
		t.Error("zero or unknown values are valid or labelled")
	}
	if KindSurvey.Gathering() || !KindJournee.Gathering() {
		t.Error("Gathering")
	}
}

// TestCodesHaveMessages checks that the codes this package reports have both messages.
func TestCodesHaveMessages(t *testing.T) {
	for _, c := range []civic.Code{civic.CodeInvalidClock, civic.CodePrecision, civic.CodeOverCapacity, civic.CodeMarkup} {
		if !c.Valid() {
			t.Errorf("code %q is not in the catalogue", c)
		}
		e := &civic.FieldError{Code: c, Args: []any{"a", "b"}}
		if en, fr := e.Message(language.English), e.Message(language.French); en == fr || strings.Contains(en, "%!") || strings.Contains(fr, "%!") {
			t.Errorf("code %q: messages %q / %q", c, en, fr)
		}
	}
}
