package schedule_test

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/event"
	"github.com/civic-observatory/civic/internal/shared"
	"github.com/civic-observatory/civic/schedule"
)

// threeDays returns the Journée's rooms, tracks, call and sample moved to a three-day
// event with the given ID in America/Toronto, 8–10 June 2027, and a grid whose first day
// ends with a round table from 23:00 to 01:30, whose second day has a slot at 01:00 that
// belongs to the first day's programme (day change at 04:00), and whose last day is
// dated rather than numbered.
func threeDays(t testing.TB, id string) schedule.Context {
	t.Helper()
	cx := journee(t)
	ev := cloneEvent(cx.Event)
	ev.ID, ev.Satellites = id, nil
	ev.Start, ev.End, ev.TimeZone = civic.DayDate(2027, 6, 8), civic.DayDate(2027, 6, 10), "America/Toronto"
	require.NoError(t, ev.Validate())
	at := func(h, m int) *event.Clock { c := event.At(h, m); return &c }
	change := event.At(4, 0)
	g := &schedule.Grid{Event: id, DayChange: &change, Slots: []schedule.Slot{
		{ID: "ouverture", Kind: schedule.KindOpening, Tracks: []string{"pleniere"}, Start: event.At(9, 0), End: at(10, 0), Discussion: 20, Title: civic.NewText("Ouverture", "Opening")},
		{ID: "tr-1", Kind: schedule.KindRoundTable, Tracks: []string{"pleniere"}, Start: event.At(10, 0), End: at(11, 30), Discussion: 20, Title: civic.NewText("Table ronde 1", "Round table 1")},
		{ID: "nuit", Kind: schedule.KindRoundTable, Tracks: []string{"pleniere"}, Start: event.At(23, 0), End: at(1, 30), EndsNextDay: true, Discussion: 20, Title: civic.NewText("Table ronde de nuit", "Night round table")},
		{ID: "coco-1", Kind: schedule.KindCoBuild, Tracks: []string{"centrifugeuses"}, Day: 1, Start: event.At(10, 0), End: at(11, 30), Title: civic.NewText("Coconstruction", "Co-construction")},
		{ID: "tard", Kind: schedule.KindExperience, Tracks: []string{"ateliers"}, Day: 1, Start: event.At(1, 0), End: at(2, 0), Discussion: 10, Title: civic.NewText("Ateliers tardifs", "Late workshops")},
		{ID: "tr-2", Kind: schedule.KindRoundTable, Tracks: []string{"pleniere"}, Day: 1, Start: event.At(14, 0), End: at(15, 30), Discussion: 20, Title: civic.NewText("Table ronde 2", "Round table 2")},
		{ID: "dejeuner-3", Kind: schedule.KindLunch, Day: 2, Date: civic.DayDate(2027, 6, 10), Start: event.At(12, 0), End: at(13, 0), Title: civic.NewText("Déjeuner", "Lunch")},
		{ID: "tr-3", Kind: schedule.KindRoundTable, Tracks: []string{"pleniere"}, Day: 2, Date: civic.DayDate(2027, 6, 10), Start: event.At(13, 0), End: at(14, 30), Discussion: 20, Title: civic.NewText("Table ronde 3", "Round table 3")},
	}}
	require.NoError(t, g.Validate(ev))
	cx.Event, cx.Grid = ev, g
	return cx
}

// TestGridCrossesMidnight: a slot may end the next day only when it says so, and then
// lasts less than a day; a date must agree with the day and fall within the event.
func TestGridCrossesMidnight(t *testing.T) {
	cx := threeDays(t, "ct-2027")
	s, _ := cx.Grid.Slot("nuit")
	assert.Equal(t, 150, s.Minutes(), "23:00 to 01:30 the next day")

	g := *cx.Grid
	g.Slots = append([]schedule.Slot(nil), cx.Grid.Slots...)
	g.Slots[2].EndsNextDay = false // 23:00–01:30 the same day: an end before the start
	g.Slots[1].EndsNextDay = true  // 10:00–11:30 the next day: more than a day
	g.Slots[7].Date = civic.DayDate(2027, 6, 9)
	g.Slots[6].Date = civic.DayDate(2027, 6, 12)
	g.Slots[5].Day = 3
	assert.ElementsMatch(t, []string{
		"slots[2].end order", "slots[1].end order", "slots[7].day out_of_range", "slots[6].date out_of_range",
		"slots[5].day out_of_range",
	}, codesOf(g.Validate(cx.Event)))
}

// TestDecodeGridDates: a slot given by its date gets its day from the event.
func TestDecodeGridDates(t *testing.T) {
	cx := threeDays(t, "ct-2027")
	doc := `{"event": "ct-2027", "dayChange": "04:00", "slots": [
		{"id": "a", "kind": "round_table", "tracks": ["pleniere"], "date": "2027-06-09", "start": "21:00", "end": "00:30", "endsNextDay": true,
		 "title": {"fr": "Nuit"}}]}`
	g, err := schedule.DecodeGrid([]byte(doc), cx.Event)
	require.NoError(t, err)
	assert.Equal(t, 1, g.Slots[0].Day)
	assert.True(t, g.Slots[0].EndsNextDay)
	assert.Equal(t, "04:00", g.DayChange.String())

	_, err = schedule.DecodeGrid([]byte(strings.Replace(doc, "2027-06-09", "2027-06-11", 1)), cx.Event)
	assert.Equal(t, []string{"slots[0].date out_of_range"}, codesOf(err))
}

// TestBuildAcrossMidnight: talks of a session that crosses midnight go on after it, the
// checker agrees, and a talk placed past the session's end is reported.
func TestBuildAcrossMidnight(t *testing.T) {
	cx := threeDays(t, "ct-2027")
	pr := build(t, cx)
	require.NoError(t, pr.Validate(cx))
	var night *schedule.Session
	for i := range pr.Sessions {
		if pr.Sessions[i].Slot == "nuit" {
			night = &pr.Sessions[i]
		}
	}
	require.NotNil(t, night)
	require.NotEmpty(t, night.Talks)
	last := night.Talks[len(night.Talks)-1]
	assert.Less(t, last.Start.Minutes(), 60, "the last talk of the night starts after midnight: %s", last.Start)

	bad := *pr
	bad.Sessions = append([]schedule.Session(nil), pr.Sessions...)
	for i := range bad.Sessions {
		if bad.Sessions[i].Slot == "nuit" {
			talks := append([]schedule.Talk(nil), bad.Sessions[i].Talks...)
			talks[len(talks)-1].Start = event.At(1, 20) // ends after 01:30, after the session
			bad.Sessions[i].Talks = talks
		}
	}
	assert.Contains(t, codesOf(bad.Validate(cx)), "sessions[2].talks["+itoa(len(night.Talks)-1)+"].start order")
}

// frabDoc is the part of a frab JSON export the tests read.
type frabDoc struct {
	Schedule struct {
		Conference struct {
			Acronym   string `json:"acronym"`
			DaysCount int    `json:"daysCount"`
			Days      []struct {
				Index    int    `json:"index"`
				Date     string `json:"date"`
				DayStart string `json:"day_start"`
				DayEnd   string `json:"day_end"`
				Rooms    map[string][]struct {
					GUID  string `json:"guid"`
					Date  string `json:"date"`
					Title string `json:"title"`
					Type  string `json:"type"`
					Slug  string `json:"slug"`
				} `json:"rooms"`
			} `json:"days"`
		} `json:"conference"`
	} `json:"schedule"`
}

// TestFrabMultiDay: any event ID gives valid frab XML and JSON (the IDs of the issue
// failed the XSD's slug pattern), one day per day of the event with its date and span,
// one event per talk, and talks after midnight in the day their session started.
func TestFrabMultiDay(t *testing.T) {
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		shared.Missing(t, "xmllint (Debian package libxml2-utils)", err)
	}
	xsd := shared.Path(t, "conformance/schedule.xml.xsd")
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	sch, err := c.Compile(shared.Path(t, "conformance/schedule.schema.json"))
	require.NoError(t, err)
	for _, id := range []string{"ct-2027", "rc3-channels-2020", "ab", "x-y"} {
		t.Run(id, func(t *testing.T) {
			cx := threeDays(t, id)
			pr := build(t, cx)
			var x bytes.Buffer
			require.NoError(t, pr.WriteFrabXML(&x, cx, language.French))
			file := filepath.Join(t.TempDir(), "schedule.xml")
			require.NoError(t, os.WriteFile(file, x.Bytes(), 0o644))
			out, err := exec.Command(xmllint, "--noout", "--schema", xsd, file).CombinedOutput()
			require.NoError(t, err, "%s", out)
			assert.Equal(t, 3, strings.Count(x.String(), "<day "))
			assert.Contains(t, x.String(), `<day date="2027-06-08" start="2027-06-08T09:00:00-04:00" end="2027-06-09T02:00:00-04:00" index="1">`)
			assert.Contains(t, x.String(), `<day date="2027-06-10" start="2027-06-10T12:00:00-04:00" end="2027-06-10T14:30:00-04:00" index="3">`)

			var j bytes.Buffer
			require.NoError(t, pr.WriteFrabJSON(&j, cx, language.English))
			inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(j.Bytes()))
			require.NoError(t, err)
			require.NoError(t, sch.Validate(inst))
			var doc frabDoc
			require.NoError(t, json.Unmarshal(j.Bytes(), &doc))
			conf := doc.Schedule.Conference
			assert.Equal(t, 3, conf.DaysCount)
			require.Len(t, conf.Days, 3)
			talks := 0
			for _, s := range pr.Sessions {
				talks += max(len(s.Talks), 1)
			}
			events, afterMidnight := 0, 0
			for i, d := range conf.Days {
				assert.Equal(t, i+1, d.Index)
				assert.Equal(t, []string{"2027-06-08", "2027-06-09", "2027-06-10"}[i], d.Date)
				for _, evs := range d.Rooms {
					for _, e := range evs {
						events++
						if i == 0 && strings.HasPrefix(e.Date, "2027-06-09T0") {
							afterMidnight++
						}
						assert.GreaterOrEqual(t, e.Date, d.DayStart, "%s within its day", e.Title)
					}
				}
			}
			assert.Equal(t, talks, events, "one frab event per talk, and one per session without talks")
			assert.Positive(t, afterMidnight, "talks after midnight stay in the first day (night session and the 01:00 slot)")
		})
	}
}

// TestICalMultiDay: one VEVENT per talk with a stable UID, after midnight on the right
// date.
func TestICalMultiDay(t *testing.T) {
	cx := threeDays(t, "ct-2027")
	pr := build(t, cx)
	var a, b bytes.Buffer
	require.NoError(t, pr.WriteICal(&a, cx, language.French))
	require.NoError(t, build(t, cx).WriteICal(&b, cx, language.French))
	assert.Equal(t, a.String(), b.String(), "stable from one export to the next")
	out := strings.ReplaceAll(a.String(), "\r\n ", "")
	assert.Contains(t, out, "TZID:America/Toronto")
	assert.Contains(t, out, "DTSTART;TZID=America/Toronto:20270608T230000\r\nDTEND;TZID=America/Toronto:20270609T013000")
	assert.Contains(t, out, "RELATED-TO;RELTYPE=PARENT:")
	uids := map[string]bool{}
	for _, l := range strings.Split(out, "\r\n") {
		if strings.HasPrefix(l, "UID:") {
			assert.False(t, uids[l], "UID %s is unique", l)
			uids[l] = true
		}
	}
}

// TestTextMultiDay: the text, Markdown and HTML exports are grouped by day.
func TestTextMultiDay(t *testing.T) {
	cx := threeDays(t, "ct-2027")
	pr := build(t, cx)
	var txt, md, h bytes.Buffer
	require.NoError(t, pr.WriteText(&txt, cx, language.French))
	require.NoError(t, pr.WriteMarkdown(&md, cx, language.English))
	require.NoError(t, pr.WriteHTML(&h, cx, language.French))
	assert.Contains(t, txt.String(), "2027-06-08 → 2027-06-10")
	for _, d := range []string{"== mardi 8 juin 2027 ==", "== mercredi 9 juin 2027 ==", "== jeudi 10 juin 2027 =="} {
		assert.Contains(t, txt.String(), d)
	}
	assert.Less(t, strings.Index(txt.String(), "Ateliers tardifs"), strings.Index(txt.String(), "mercredi 9 juin"),
		"the 01:00 slot of 9 June belongs to the programme of 8 June (day change 04:00)")
	assert.Contains(t, md.String(), "## Tuesday 8 June 2027")
	assert.Equal(t, 3, strings.Count(h.String(), "<table>"))
	assert.Contains(t, h.String(), `<h2 id="day-2027-06-09"><time datetime="2027-06-09">mercredi 9 juin 2027</time></h2>`)
}
