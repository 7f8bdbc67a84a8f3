package schedule_test

import (
	"fmt"
	"strings"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/schedule"
)

// Read a pretalx schedule.json, check it, and see what was not kept.
func ExampleImport() {
	const pretalx = `{"schedule": {"version": "1", "conference": {"acronym": "demo", "title": "Demo",
	  "time_zone_name": "Europe/Paris", "days": [{"index": 1, "date": "2026-03-18", "rooms": {"Salle 1": [
	    {"id": 1, "guid": "8079583e-8321-506c-95af-fd2903a5f075", "date": "2026-03-18T23:30:00+01:00", "start": "23:30",
	     "duration": "1:00", "title": "Late talk", "persons": [{"code": "NQTF8Y", "public_name": "Ana", "biography": "…"}]},
	    {"id": 2, "date": "2026-03-19T00:00:00+01:00", "start": "00:00", "duration": "00:30:00", "title": "After midnight",
	     "persons": [{"code": "NQTF8Y", "public_name": "Ana"}]}]}}]}}}`
	im, err := schedule.Import(strings.NewReader(pretalx), schedule.ImportOptions{
		Warn: func(w *civic.FieldError) { fmt.Println("warning:", w) },
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range im.Events {
		fmt.Println(e.Start.Format("2006-01-02 15:04"), e.Minutes, e.Title)
	}
	for _, p := range civic.FieldErrors(im.Validate()) {
		fmt.Println(p)
	}
	// Output:
	// warning: schedule.conference.days[0].rooms["Salle 1"][0].persons[0].biography: not_kept: "biography" has no place in the model: listed here, not written back
	// 2026-03-18 23:30 60 Late talk
	// 2026-03-19 00:00 30 After midnight
	// schedule.conference.days[0].rooms["Salle 1"][1].persons[0]: speaker_conflict: Ana also speaks at that time in "Late talk"
	// schedule.conference.days[0].rooms["Salle 1"][1].room: room_conflict: "Salle 1" is already used at that time by "Late talk"
}
