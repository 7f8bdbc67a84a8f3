package schedule_test

import (
	"fmt"

	"golang.org/x/text/language"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/contribution"
	"github.com/civic-observatory/civic/event"
	"github.com/civic-observatory/civic/schedule"
)

// The provisional programme of the Journée, slot by slot, as the call gives it.
func ExampleJournee2019Grid() {
	g, err := schedule.Journee2019Grid()
	if err != nil {
		panic(err)
	}
	for _, s := range g.Slots {
		if s.Kind == schedule.KindRoundTable || s.Kind == schedule.KindLunch || s.Kind == schedule.KindEvening {
			fmt.Println(s.Start, s.Kind, "|", s.Title.Get(language.French))
		}
	}
	// Output:
	// 10:00 round_table | Première table-ronde
	// 11:30 round_table | Deuxième table-ronde
	// 13:00 lunch | Déjeuner
	// 14:30 round_table | Troisième table-ronde
	// 16:30 round_table | Quatrième table-ronde
	// 18:30 evening | Invitation à la soirée Civic tech au Liberté Living Lab à Paris
}

// The three dated days of the Rencontres 2027: which formats each kind of session hosts,
// and the evening that ends after midnight.
func ExampleRencontres2027Grid() {
	g, err := schedule.Rencontres2027Grid()
	if err != nil {
		panic(err)
	}
	for _, id := range []string{"ouverture", "atelier-1-matin", "affiches-1", "soiree-eclair", "cloture"} {
		s, _ := g.Slot(id)
		end := s.End.String()
		if s.EndsNextDay {
			end += " (+1)"
		}
		fmt.Printf("%s %s–%s %s %v | %s\n", s.Date, s.Start, end, s.Kind, s.Formats, s.Title.Get(language.English))
	}
	// Output:
	// 2027-06-08 09:00–10:30 talks [talk] | Opening plenary
	// 2027-06-08 11:00–12:30 workshop [workshop] | Workshop
	// 2027-06-08 14:00–15:30 poster_session [poster] | Poster session 1
	// 2027-06-08 21:00–00:30 (+1) talks [lightning] | Lightning evening: participation after midnight
	// 2027-06-10 11:00–12:30 talks [talk lightning] | Closing plenary
}

// context returns the Journée with the sample proposals, every one confirmed.
func context() schedule.Context {
	ev, _ := event.Journee2019()
	g, _ := schedule.Journee2019Grid()
	c, _ := contribution.Call2019()
	ps, _ := contribution.Sample2019(c)
	rs := make([]*contribution.Record, len(ps))
	for i, p := range ps {
		rs[i] = contribution.NewRecord(p)
		rs[i].State = contribution.StateConfirmed
	}
	return schedule.Context{Event: ev, Grid: g, Call: c, Proposals: rs}
}

// A platform builds the programme from the confirmed proposals and says why each one
// left out is left out.
func ExampleBuild() {
	cx := context()
	pr, err := schedule.Build(cx)
	if err != nil {
		panic(err)
	}
	for _, s := range pr.Sessions {
		if s.Slot == "table-ronde-1" || s.Slot == "coconstruction-1" {
			fmt.Printf("%s: %d talks, axis %q\n", s.ID, len(s.Talks), s.Axis)
		}
	}
	p := civic.NewPrinter(language.English)
	for _, u := range pr.Unplaced {
		fmt.Println(u.Proposal, u.Code, "|", u.Reason().Localize(p))
	}
	fmt.Println("checked:", pr.Validate(cx) == nil)
	// Output:
	// coconstruction-1: 3 talks, axis ""
	// table-ronde-1: 2 talks, axis "1"
	// p039 no_place | no session that fits a "pitch" contribution has room left at a time its speakers are free
	// checked: true
}

// An organiser moves a talk by hand; the checker lists what the move breaks, in French.
func ExampleProgramme_Validate() {
	cx := context()
	pr, _ := schedule.Build(cx)
	var opening, roundTable *schedule.Session
	for i := range pr.Sessions {
		switch pr.Sessions[i].Slot {
		case "ouverture":
			opening = &pr.Sessions[i]
		case "table-ronde-1":
			roundTable = &pr.Sessions[i]
		}
	}
	pitch := opening.Talks[0]
	pitch.Start = roundTable.Talks[0].Start // over the first talk of the round table
	roundTable.Talks = append(roundTable.Talks, pitch)
	p := civic.NewPrinter(language.French)
	for _, e := range civic.FieldErrors(pr.Validate(cx)) {
		fmt.Println(e.Path, e.Code, "|", e.Localize(p))
	}
	// Output:
	// sessions[6].talks[2].proposal duplicate | « p031 » figure plusieurs fois
	// sessions[6].talks[2].start room_conflict | « hemicycle » est déjà occupée à ce moment par « table-ronde-1 »
	// sessions[6].talks[2].proposal wrong_session | une contribution « pitch » ne convient pas à une session « round_table »
}
