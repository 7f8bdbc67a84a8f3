package event_test

import (
	"fmt"
	"os"

	"golang.org/x/text/language"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/event"
)

// A developer loads the built-in Journée and lists its tracks.
func ExampleJournee2019() {
	e, err := event.Journee2019()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(e.Title.Get(language.French))
	fmt.Println(event.FormatDate(e.Start, language.French), e.StartTime, "–", e.EndTime, e.TimeZone)
	for _, t := range e.Tracks {
		fmt.Printf("%s: %d par session, %d places\n", t.Title.Get(language.French), t.Audience, e.Capacity(t))
	}
	fmt.Println(e.Satellites[0].Description.Get(language.French), e.Satellites[0].StartTime)
	// Output:
	// Journée de la civic tech et de l'engagement citoyen
	// lundi 18 mars 2019 09:00 – 18:00 Europe/Paris
	// Conférence plénière: 200 par session, 200 places
	// Centrifugeuses: 30 par session, 36 places
	// Formation: 30 par session, 30 places
	// Ateliers: 60 par session, 60 places
	// Invitation à la soirée Civic tech au Liberté Living Lab à Paris 18:30
}

// A researcher reads the Observatoire's calendar.
func ExampleObservatoire2018() {
	c, err := event.Observatoire2018()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(c.Activities), "activities")
	for _, a := range c.Activities[:4] {
		fmt.Printf("%s %s: %s\n", a.Month, a.Kind, a.Title.Get(language.English))
	}
	// Output:
	// 12 activities
	// 2018-03 national_meetings: National Participation Meetings
	// 2018-06 morning_workshop: Towards a network of participatory budgets?
	// 2018-10 survey: Barometer of local digital democracy
	// 2018-12 colloquium: Public debate in the age of social networks
}

// A platform validates an event submitted as JSON and shows every problem in French.
func ExampleDecode() {
	doc := `{
	  "id": "soiree",
	  "kind": "evening",
	  "title": {"fr": "Soirée \u202e"},
	  "start": "2019-03-18",
	  "startTime": "18:30",
	  "endTime": "18:00",
	  "timeZone": "Europe/Atlantis",
	  "rooms": [{"id": "bar", "name": {"fr": "Bar"}, "capacity": 40}],
	  "tracks": [
	    {"id": "concert", "title": {"fr": "Concert"}, "audience": 50, "rooms": ["bar"]},
	    {"id": "jam", "title": {"fr": "Bœuf"}, "audience": 10, "rooms": ["cave"]}
	  ],
	  "colour": "red"
	}`
	_, err := event.Decode([]byte(doc))
	p := civic.NewPrinter(language.French)
	for _, fe := range civic.FieldErrors(err) {
		fmt.Printf("%s %s | %s\n", fe.Code, fe.Path, fe.Localize(p))
	}
	// Output:
	// unknown_field colour | champ inconnu « colour »
	// bidi_char title.fr | contient le caractère de mise en forme bidirectionnelle U+202E
	// order endTime | 18:30 doit précéder 18:00
	// invalid_zone timeZone | « Europe/Atlantis » n'est pas un fuseau horaire connu
	// over_capacity tracks[0].audience | 50 personnes dépassent les 40 places disponibles
	// unknown_reference tracks[1].rooms[0] | fait référence à « cave », qui n'existe pas
}

// Programs build documents in Go too, and check them the same way.
func ExampleEvent_Validate() {
	e := &event.Event{
		ID:    "atelier",
		Kind:  event.KindWorkshop,
		Title: civic.NewText("Atelier de discussion", "Discussion workshop"),
		Start: civic.DayDate(2019, 3, 18),
		Rooms: []event.Room{{ID: "s1", Name: civic.NewText("Salle 1", ""), Capacity: 20}},
		Tracks: []event.Track{{
			ID: "centri", Title: civic.NewText("Centrifugeuses", ""), Audience: 30, Rooms: []string{"s1"},
			Tables: &event.Tables{Count: 6, Seats: 5, Facilitators: 1},
		}},
	}
	for _, fe := range civic.FieldErrors(e.Validate()) {
		fmt.Println(fe)
	}
	// Output:
	// tracks[0].tables: over_capacity: 36 people exceed the 20 places available
}

func ExampleParseClock() {
	c, err := event.ParseClock("16:30")
	fmt.Println(c, c.Minutes(), err)
	_, err = event.ParseClock("16h30")
	fmt.Println(civic.ErrorCode(err))
	// Output:
	// 16:30 990 <nil>
	// invalid_clock
}

func ExampleCalendar_Places() {
	c, _ := event.Observatoire2018()
	fmt.Println(c.Places(language.French))
	fmt.Println(c.Places(language.English))
	// Output:
	// [Grenoble Métropole européenne de Lille Québec]
	// [European Metropolis of Lille Grenoble Quebec]
}

func ExampleCalendar_WriteText() {
	c, _ := event.Observatoire2018()
	c.Activities = c.Activities[9:]
	_ = c.WriteText(os.Stdout, language.French)
	// Output:
	// Observatoire des civic tech & de la démocratie numérique : calendrier 2018-2019
	//
	// juillet 2019 – Publication – Collectivités locales et participation citoyenne numérique
	// octobre 2019 – Voyage d'études – démocratie participative & numérique, Québec
	// novembre 2019 – Rencontre – Outils numériques et démocratie en entreprise
}

func ExampleKinds() {
	for _, k := range event.Kinds()[:4] {
		fmt.Println(k, "|", k.Label().Get(language.French))
	}
	// Output:
	// journee | Journée
	// conference | Conférence
	// colloquium | Colloque
	// national_meetings | Rencontres nationales
}
