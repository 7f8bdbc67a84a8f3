package schedule_test

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/civic-observatory/civic/contribution"
	"github.com/civic-observatory/civic/event"
	"github.com/civic-observatory/civic/internal/shared"
	"github.com/civic-observatory/civic/schedule"
)

// rencontresFormats are the formats of the Rencontres 2027 and the number of sample
// proposals of each (the grid has seven workshop sessions).
var rencontresFormats = []struct {
	id      string
	minutes int
	n       int
}{{"talk", 30, 17}, {"workshop", 90, 7}, {"poster", 90, 8}, {"lightning", 5, 8}}

// rencontres returns the Rencontres 2027 with its grid, its call (four formats of its
// own: talk 30 min, workshop 90 min for at most 25, poster, lightning 5 min) and its 40
// sample proposals, every one confirmed: the whole chain from the built-in documents.
func rencontres(t testing.TB) schedule.Context {
	t.Helper()
	ev, err := event.Rencontres2027()
	require.NoError(t, err)
	g, err := schedule.Rencontres2027Grid()
	require.NoError(t, err)
	c, err := contribution.Rencontres2027()
	require.NoError(t, err)
	ps, err := contribution.Rencontres2027Sample(c)
	require.NoError(t, err)
	rs := make([]*contribution.Record, len(ps))
	for i, p := range ps {
		rs[i] = contribution.NewRecord(p)
		rs[i].State = contribution.StateConfirmed
	}
	return schedule.Context{Event: ev, Grid: g, Call: c, Proposals: rs}
}

// TestRencontres2027Grid: the second built-in grid, three dated days with a session
// across midnight, in its event's zone.
func TestRencontres2027Grid(t *testing.T) {
	g, err := schedule.Rencontres2027Grid()
	require.NoError(t, err)
	assert.Equal(t, "rencontres-2027", g.Event)
	days := map[int]int{}
	kinds := map[schedule.Kind]int{}
	for _, s := range g.Slots {
		days[s.Day]++
		kinds[s.Kind]++
		if s.Kind == schedule.KindWorkshop {
			assert.Equal(t, 90, s.Minutes(), s.ID)
			assert.Equal(t, []string{"ateliers"}, s.Tracks, "in the 25-seat room")
		}
	}
	assert.Len(t, days, 3)
	assert.Equal(t, 2, kinds[schedule.KindPosters])
	assert.Equal(t, 3, kinds[schedule.KindLunch])
	s, _ := g.Slot("soiree-eclair")
	assert.True(t, s.EndsNextDay)
	assert.Equal(t, 210, s.Minutes(), "21:00 to 00:30")
	assert.Equal(t, "04:00", g.DayChange.String())
}

// TestRencontres2027Programme: call → confirmed proposals → programme of three days,
// each format only in the sessions that host it, lightning talks after midnight, checked
// by the checker, and exported as frab XML (xmllint) and JSON (schema), iCalendar, HTML,
// Markdown and text, all kept as golden files (which .ci checks with ical.js, ajv and
// xmllint too).
func TestRencontres2027Programme(t *testing.T) {
	cx := rencontres(t)
	pr := build(t, cx)
	require.NoError(t, pr.Validate(cx))
	hosts := map[string][]string{}
	for _, s := range cx.Grid.Slots {
		hosts[s.ID] = s.Formats
	}
	placed, evening := map[string]int{}, 0
	for _, s := range pr.Sessions {
		for _, tk := range s.Talks {
			placed[tk.Format]++
			assert.Contains(t, hosts[s.Slot], tk.Format, "%s in %s", tk.Format, s.Slot)
			if s.Slot == "soiree-eclair" {
				evening++
			}
		}
		if strings.HasPrefix(s.Slot, "atelier-") {
			assert.LessOrEqual(t, len(s.Talks), 1, "one 90-minute workshop a session")
		}
	}
	for _, f := range rencontresFormats {
		assert.Equal(t, f.n, placed[f.id], "every %s placed", f.id)
	}
	assert.Empty(t, pr.Unplaced)
	assert.Positive(t, evening, "lightning talks in the evening that ends after midnight")

	formats := map[string]func(*bytes.Buffer) error{
		"rencontres-2027.programme.json": func(b *bytes.Buffer) error {
			enc := json.NewEncoder(b)
			enc.SetIndent("", "  ")
			enc.SetEscapeHTML(false)
			return enc.Encode(pr)
		},
		"rencontres-2027.fr.txt":    func(b *bytes.Buffer) error { return pr.WriteText(b, cx, language.French) },
		"rencontres-2027.en.md":     func(b *bytes.Buffer) error { return pr.WriteMarkdown(b, cx, language.English) },
		"rencontres-2027.fr.html":   func(b *bytes.Buffer) error { return pr.WriteHTML(b, cx, language.French) },
		"rencontres-2027.en.ics":    func(b *bytes.Buffer) error { return pr.WriteICal(b, cx, language.English) },
		"rencontres-2027.frab.xml":  func(b *bytes.Buffer) error { return pr.WriteFrabXML(b, cx, language.French) },
		"rencontres-2027.frab.json": func(b *bytes.Buffer) error { return pr.WriteFrabJSON(b, cx, language.English) },
	}
	out := map[string][]byte{}
	for name, write := range formats {
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			require.NoError(t, write(&b))
			golden(t, name, b.Bytes())
			out[name] = b.Bytes()
		})
	}
	assert.Equal(t, 3, strings.Count(string(out["rencontres-2027.frab.xml"]), "<day "))
	assert.Contains(t, string(out["rencontres-2027.frab.xml"]), "<type>poster</type>")
	assert.Contains(t, string(out["rencontres-2027.frab.xml"]), `<day date="2027-06-08" start="2027-06-08T08:30:00-04:00" end="2027-06-09T00:30:00-04:00" index="1">`)
	assert.Contains(t, string(out["rencontres-2027.en.ics"]), "TZID:America/Toronto")
	assert.Equal(t, 3, strings.Count(string(out["rencontres-2027.fr.html"]), "<table>"))

	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		shared.Missing(t, "xmllint (Debian package libxml2-utils)", err)
	}
	file := filepath.Join(t.TempDir(), "schedule.xml")
	require.NoError(t, os.WriteFile(file, out["rencontres-2027.frab.xml"], 0o644))
	res, err := exec.Command(xmllint, "--noout", "--schema", shared.Path(t, "conformance/schedule.xml.xsd"), file).CombinedOutput()
	require.NoError(t, err, "%s", res)
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	sch, err := c.Compile(shared.Path(t, "conformance/schedule.schema.json"))
	require.NoError(t, err)
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out["rencontres-2027.frab.json"]))
	require.NoError(t, err)
	require.NoError(t, sch.Validate(inst))
	var doc frabDoc
	require.NoError(t, json.Unmarshal(out["rencontres-2027.frab.json"], &doc))
	var dates []string
	for _, d := range doc.Schedule.Conference.Days {
		dates = append(dates, d.Date)
	}
	assert.Equal(t, []string{"2027-06-08", "2027-06-09", "2027-06-10"}, dates)
	assert.True(t, slices.IsSorted(dates))
}
