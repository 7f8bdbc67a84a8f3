package event

import (
	"embed"
	"fmt"
)

//go:embed data/*.json
var data embed.FS

// Names of the built-in documents in the embedded data directory.
const (
	journee2019File      = "data/journee-2019.json"
	observatoire2018File = "data/observatoire-2018-2019.json"
	rencontres2027File   = "data/rencontres-2027.json"
)

// Journee2019 returns the Journée de la civic tech et de l'engagement citoyen of Monday
// 18 March 2019, 09:00–18:00 Europe/Paris at the CESE, 9 place d'Iéna, Paris, as the 2019
// call for contributions describes it: its co-organisers, its four tracks (plenary
// conference, centrifugeuses, training, workshops) with their rooms and audiences, and the
// evening at the Liberté Living Lab as a satellite event.
//
// The source names only the hemicycle: the other rooms have invented names, and their
// descriptions say so. The document is embedded JSON, decoded and validated by [Decode]
// at each call, so that every caller gets its own copy; an error means the built-in data is
// broken (or, for the time zone, that the program has no time zone database: see
// [Event.TimeZone]).
func Journee2019() (*Event, error) {
	b, err := data.ReadFile(journee2019File)
	if err != nil {
		return nil, fmt.Errorf("event: built-in Journée: %w", err)
	}
	e, err := Decode(b)
	if err != nil {
		return nil, fmt.Errorf("event: built-in Journée: %w", err)
	}
	return e, nil
}

// Rencontres2027 returns the Rencontres de la participation citoyenne 2027, the module's
// second built-in example, which shares nothing with the Journée: a fictional three-day
// event in Montréal, 8–10 June 2027, in the America/Toronto time zone, at an invented
// venue and address (its descriptions say so), with a plenary, two talk rooms, a 25-seat
// workshop room and a poster hall of 24 boards. Its grid is
// schedule.Rencontres2027Grid.
//
// Like [Journee2019], it decodes and validates embedded JSON at each call.
func Rencontres2027() (*Event, error) {
	b, err := data.ReadFile(rencontres2027File)
	if err != nil {
		return nil, fmt.Errorf("event: built-in Rencontres: %w", err)
	}
	e, err := Decode(b)
	if err != nil {
		return nil, fmt.Errorf("event: built-in Rencontres: %w", err)
	}
	return e, nil
}

// Observatoire2018 returns the 2018–2019 calendar of the Observatoire des civic tech et
// de la démocratie numérique (Décider ensemble): its twelve activities, from the national
// participation meetings of March 2018 to the meeting on democracy in companies of
// November 2019, each with its kind, month, title, the calendar line word for word, and
// the place and partner when the source gives them.
//
// Like [Journee2019], it decodes and validates embedded JSON at each call.
func Observatoire2018() (*Calendar, error) {
	b, err := data.ReadFile(observatoire2018File)
	if err != nil {
		return nil, fmt.Errorf("event: built-in calendar: %w", err)
	}
	c, err := DecodeCalendar(b)
	if err != nil {
		return nil, fmt.Errorf("event: built-in calendar: %w", err)
	}
	return c, nil
}

// Builtin returns the raw JSON of the built-in documents by name ("journee-2019.json",
// "observatoire-2018-2019.json", "rencontres-2027.json"), for tools that export or
// compare them.
func Builtin(name string) ([]byte, error) {
	b, err := data.ReadFile("data/" + name)
	if err != nil {
		return nil, fmt.Errorf("event: no built-in document %q", name)
	}
	return b, nil
}
