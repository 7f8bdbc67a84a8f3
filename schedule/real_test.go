package schedule_test

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/event"
	"github.com/civic-observatory/civic/internal/shared"
	"github.com/civic-observatory/civic/schedule"
)

// realFrab is the part of a frab schedule.xml this test reads.
type realFrab struct {
	Days []struct {
		Index int    `xml:"index,attr"`
		Date  string `xml:"date,attr"`
		Rooms []struct {
			Name   string `xml:"name,attr"`
			Events []struct {
				ID       string   `xml:"id,attr"`
				Date     string   `xml:"date"`
				Duration string   `xml:"duration"`
				Title    string   `xml:"title"`
				Persons  []string `xml:"persons>person"`
			} `xml:"event"`
		} `xml:"room"`
	} `xml:"day"`
}

var nonID = regexp.MustCompile(`[^a-z0-9]+`)

// TestReal39C3 represents the real 39C3 schedule (four days, sessions after midnight,
// days that change at 06:00) in the model — event, dated grid with slots across midnight,
// programme —, checks it, and exports it as frab XML valid against the XSD, with every
// talk in the day the congress gave it and the same number of talks after midnight.
// The frab readers of package interop are the lenient way in; this test shows that what
// they read fits the model and comes out right.
func TestReal39C3(t *testing.T) {
	data := shared.ReadFile(t, "real/schedules/ccc_39c3_schedule_20251206__EventFahrplan.xml")
	var src realFrab
	require.NoError(t, xml.Unmarshal(data, &src))
	require.Len(t, src.Days, 4)
	loc, err := time.LoadLocation("Europe/Berlin")
	require.NoError(t, err)

	ev := &event.Event{ID: "39c3", Kind: event.KindConference, Title: civic.NewText("39C3", "39C3"),
		Start: civic.DayDate(2025, 12, 27), End: civic.DayDate(2025, 12, 30), TimeZone: "Europe/Berlin"}
	change := event.At(6, 0)
	g := &schedule.Grid{Event: ev.ID, DayChange: &change}
	pr := &schedule.Programme{Event: ev.ID, Call: "39c3"}
	first := time.Date(2025, 12, 27, 0, 0, 0, 0, loc)
	wantDay := map[string]int{} // title → day index
	afterMidnight := 0
	for _, d := range src.Days {
		for _, r := range d.Rooms {
			id := strings.Trim(nonID.ReplaceAllString(strings.ToLower(r.Name), "-"), "-")
			if _, ok := ev.Room(id); !ok {
				ev.Rooms = append(ev.Rooms, event.Room{ID: id, Name: civic.NewText(r.Name, r.Name), Capacity: 1000})
				ev.Tracks = append(ev.Tracks, event.Track{ID: id, Title: civic.NewText(r.Name, r.Name), Audience: 1, Rooms: []string{id}})
			}
			for _, e := range r.Events {
				start, err := time.Parse(time.RFC3339, e.Date)
				require.NoError(t, err)
				start = start.In(loc)
				var h, m int
				_, err = fmt.Sscanf(e.Duration, "%d:%d", &h, &m)
				require.NoError(t, err)
				end := start.Add(time.Duration(h*60+m) * time.Minute)
				if h*60+m == 0 {
					continue // a marker, not a session
				}
				day := int(time.Date(start.Year(), start.Month(), start.Day(), 0, 0, 0, 0, loc).Sub(first).Hours()+1) / 24
				sc, ec := event.At(start.Hour(), start.Minute()), event.At(end.Hour(), end.Minute())
				slot := schedule.Slot{ID: "e" + e.ID, Kind: schedule.KindTalks, Formats: []string{"talk"}, Tracks: []string{id}, Day: day,
					Date: civic.DayDate(start.Year(), start.Month(), start.Day()), Start: sc, End: &ec,
					EndsNextDay: end.Day() != start.Day(), Title: civic.NewText(r.Name, r.Name)}
				g.Slots = append(g.Slots, slot)
				talk := schedule.Talk{Proposal: "e" + e.ID, Title: e.Title, Format: "talk", Language: "en", Start: sc, Minutes: h*60 + m}
				for _, p := range e.Persons {
					talk.Speakers = append(talk.Speakers, schedule.Speaker{Name: p})
				}
				pr.Sessions = append(pr.Sessions, schedule.Session{ID: "e" + e.ID, Slot: "e" + e.ID, Track: id, Room: id, Talks: []schedule.Talk{talk}})
				wantDay["e"+e.ID] = d.Index
				if start.Hour() < 6 || slot.EndsNextDay {
					afterMidnight++
				}
			}
		}
	}
	require.NoError(t, ev.Validate())
	require.NoError(t, g.Validate(ev), "the real grid is a valid grid")
	cx := schedule.Context{Event: ev, Grid: g}
	require.NoError(t, pr.Validate(cx), "and its programme a valid programme")
	assert.Positive(t, afterMidnight, "the congress has sessions after midnight")

	var x bytes.Buffer
	require.NoError(t, pr.WriteFrabXML(&x, cx, language.English))
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		shared.Missing(t, "xmllint (Debian package libxml2-utils)", err)
	}
	file := filepath.Join(t.TempDir(), "schedule.xml")
	require.NoError(t, os.WriteFile(file, x.Bytes(), 0o644))
	out, err := exec.Command(xmllint, "--noout", "--schema", shared.Path(t, "conformance/schedule.xml.xsd"), file).CombinedOutput()
	require.NoError(t, err, "%s", out)
	var back struct {
		Days []struct {
			Index int `xml:"index,attr"`
			Rooms []struct {
				Events []struct {
					URL   string `xml:"slug"`
					Title string `xml:"title"`
					Date  string `xml:"date"`
				} `xml:"event"`
			} `xml:"room"`
		} `xml:"day"`
	}
	require.NoError(t, xml.Unmarshal(x.Bytes(), &back))
	require.Len(t, back.Days, 4)
	got, late := 0, 0
	for _, d := range back.Days {
		for _, r := range d.Rooms {
			for _, e := range r.Events {
				i := strings.LastIndex(e.URL, "-e")
				id := "e" + e.URL[i+2:]
				assert.Equal(t, wantDay[id], d.Index, "%s (%s) in the congress's day", e.Title, e.Date)
				got++
				if ts, err := time.Parse(time.RFC3339, e.Date); err == nil && ts.In(loc).Hour() < 6 {
					late++
				}
			}
		}
	}
	assert.Equal(t, len(wantDay), got)
	t.Logf("39C3: %d talks over 4 days, %d after midnight or across it, %d starting after midnight", got, afterMidnight, late)
}
