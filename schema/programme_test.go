package schema_test

import (
	"encoding/json"
	"os"
	"slices"
	"testing"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/contribution"
	"github.com/civic-observatory/civic/event"
	"github.com/civic-observatory/civic/schedule"
	"github.com/civic-observatory/civic/schema"
)

// agree judges each mutation of a base document with the Go decoder and with santhosh on
// the named schema, and checks the rule of the agreement tests: wherever the schema says
// invalid, Go says invalid; where Go alone does, only with codes beyond the schema.
func agree(t *testing.T, name string, base []byte, ms []mutation, decode func([]byte) error) {
	t.Helper()
	file, err := schema.File(name)
	if err != nil {
		t.Fatal(err)
	}
	sch := compile(t, file)
	beyond := schema.Beyond(name)
	same := 0
	for _, m := range ms {
		var d doc
		if err := json.Unmarshal(base, &d); err != nil {
			t.Fatal(err)
		}
		m.edit(d)
		data, _ := json.Marshal(d)
		err := decode(data)
		goOK := err == nil
		schemaOK, serr := schemaValid(sch, data)
		switch {
		case goOK == schemaOK:
			same++
		case goOK:
			t.Errorf("%s %s: the schema refuses what Go accepts: %v", name, m.name, serr)
		default:
			for _, fe := range civic.FieldErrors(err) {
				if !slices.Contains(beyond, fe.Code) {
					t.Errorf("%s %s: Go alone refuses, with %s at %s, which the schema should express", name, m.name, fe.Code, fe.Path)
				}
			}
		}
	}
	t.Logf("%s: %d of %d documents judged identically", name, same, len(ms))
}

func TestCalendarAgreement(t *testing.T) {
	base, err := event.Builtin("observatoire-2018-2019.json")
	if err != nil {
		t.Fatal(err)
	}
	agree(t, "calendar", base, []mutation{
		{name: "valid", edit: func(doc) {}},
		{name: "no id", edit: del("id")},
		{name: "no activities", edit: set("activities", []any{})},
		{name: "month of day precision", edit: set("activities.0.month", "2018-03-12")},
		{name: "month 13", edit: set("activities.0.month", "2018-13")},
		{name: "unknown kind", edit: set("activities.0.kind", "party")},
		{name: "title on two lines", edit: set("activities.0.title.fr", "Rencontres\nnationales")},
		{name: "markup in a title is text", edit: set("activities.0.title.fr", "<b>Rencontres</b>")},
		{name: "bidi in a title", edit: set("activities.1.title.fr", "Atelier\u202e")},
		{name: "place without name", edit: set("activities.0.place", doc{"country": "FR"})},
		{name: "bad place country", edit: set("activities.0.place", doc{"name": doc{"fr": "Lille"}, "country": "fr"})},
		{name: "out of order", edit: set("activities.0.month", "2019-12")},
		{name: "partner without roles", edit: set("activities.0.partners", []any{doc{"organisation": doc{"name": "X", "kind": "company", "country": "FR"}, "roles": []any{}}})},
		{name: "unknown role", edit: set("activities.0.partners", []any{doc{"organisation": doc{"name": "X", "kind": "company", "country": "FR"}, "roles": []any{"sponsor"}}})},
		{name: "unknown field", edit: set("colour", "red")},
	}, func(b []byte) error { _, err := event.DecodeCalendar(b); return err })
}

func TestGridAgreement(t *testing.T) {
	base, err := os.ReadFile("../schedule/data/grid-2019.json")
	if err != nil {
		t.Fatal(err)
	}
	agree(t, "grid", base, []mutation{
		{name: "valid", edit: func(doc) {}},
		{name: "no slots", edit: set("slots", []any{})},
		{name: "bad event id", edit: set("event", "Journée")},
		{name: "slot without end", edit: del("slots.1.end")},
		{name: "evening without end", edit: del("slots.19.end")},
		{name: "bad clock", edit: set("slots.1.start", "10h00")},
		{name: "end before start", edit: set("slots.1.end", "09:00")},
		{name: "unknown kind", edit: set("slots.1.kind", "siesta")},
		{name: "families outside co-construction", edit: set("slots.1.families", []any{"public"})},
		{name: "unknown family", edit: set("slots.2.families", []any{"guild"})},
		{name: "negative discussion", edit: set("slots.1.discussion", -5)},
		{name: "discussion longer than the slot", edit: set("slots.1.discussion", 120)},
		{name: "day out of range", edit: set("slots.1.day", 40)},
		{name: "no title", edit: del("slots.3.title")},
		{name: "markup in a title is text", edit: set("slots.3.title.fr", "<i>Mini</i> formation")},
		{name: "overlapping slots of one track", edit: set("slots.5.start", "11:00")},
		{name: "duplicate id", edit: set("slots.2.id", "table-ronde-1")},
	}, func(b []byte) error { _, err := schedule.DecodeGrid(b, nil); return err })
}

func TestProgrammeAgreement(t *testing.T) {
	ev, err := event.Journee2019()
	if err != nil {
		t.Fatal(err)
	}
	g, err := schedule.Journee2019Grid()
	if err != nil {
		t.Fatal(err)
	}
	c, err := contribution.Call2019()
	if err != nil {
		t.Fatal(err)
	}
	ps, err := contribution.Sample2019(c)
	if err != nil {
		t.Fatal(err)
	}
	rs := make([]*contribution.Record, len(ps))
	for i, p := range ps {
		rs[i] = contribution.NewRecord(p)
		rs[i].State = contribution.StateConfirmed
	}
	pr, err := schedule.Build(schedule.Context{Event: ev, Grid: g, Call: c, Proposals: rs})
	if err != nil {
		t.Fatal(err)
	}
	base, _ := json.Marshal(pr)
	// The session with talks at index 4 is the first workshop of the morning.
	agree(t, "programme", base, []mutation{
		{name: "valid", edit: func(doc) {}},
		{name: "no event", edit: del("event")},
		{name: "session without slot", edit: del("sessions.0.slot")},
		{name: "bad session id", edit: set("sessions.0.id", "Ouverture !")},
		{name: "talk without title", edit: set("sessions.0.talks.0.title", " ")},
		{name: "markup in a talk title is text", edit: set("sessions.0.talks.0.title", "<script>x</script>")},
		{name: "zero minutes", edit: set("sessions.0.talks.0.minutes", 0)},
		{name: "bad talk start", edit: set("sessions.0.talks.0.start", "9:00")},
		{name: "negative table", edit: set("sessions.0.talks.0.table", -1)},
		{name: "speaker without name", edit: set("sessions.0.talks.0.speakers.0.name", "")},
		{name: "bidi in a speaker's name", edit: set("sessions.0.talks.0.speakers.0.name", "Léa\u202e")},
		{name: "unknown code", edit: set("unplaced", []any{doc{"proposal": "p039", "code": "whatever"}})},
		{name: "talk placed twice", edit: func(d doc) {
			s := d["sessions"].([]any)[0].(doc)
			talks := s["talks"].([]any)
			s["talks"] = append(talks, talks[0])
		}},
		{name: "unknown field", edit: set("sessions.0.colour", "red")},
	}, func(b []byte) error { _, err := schedule.DecodeProgramme(b, schedule.Context{}); return err })
}
