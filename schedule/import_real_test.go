package schedule_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/require"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/internal/shared"
	"github.com/civic-observatory/civic/schedule"
)

// realSchedules are the real files of ../shared/real/schedules, with their number of
// events (talks and others) counted in the source: grep -c '<event ' for XML; for JSON,
// python3 -c "import json; d=json.load(open(F))['schedule']; print(sum(len(v) for day in
// d['conference']['days'] for v in day['rooms'].values()))" (schedule2: len(d['events'])).
var realSchedules = []struct {
	file   string
	events int
	format schedule.ImportFormat
}{
	{"ccc_39c3_schedule_20251206__EventFahrplan.xml", 215, schedule.FormatFrabXML},
	{"fosdem_2024_schedule__mttcrsp-fosdem.xml", 674, schedule.FormatFrabXML},
	{"voc_schedule__json__examples__frab-camp2019.json", 79, schedule.FormatFrabJSON},
	{"voc_schedule__json__examples__hub-schedule2.json", 2, schedule.FormatSchedule2},
	{"voc_schedule__json__examples__pretalx-democon.json", 36, schedule.FormatFrabJSON},
	{"voc_schedule__json__examples__pretalx-rc3.json", 48, schedule.FormatFrabJSON},
}

func importReal(t testing.TB, file string) (*schedule.Imported, []*civic.FieldError) {
	t.Helper()
	f, err := os.Open(shared.Path(t, "real/schedules/"+file))
	require.NoError(t, err)
	defer f.Close()
	var warns []*civic.FieldError
	im, err := schedule.Import(f, schedule.ImportOptions{Warn: func(e *civic.FieldError) { warns = append(warns, e) }})
	require.NoError(t, err)
	return im, warns
}

func TestImportReal(t *testing.T) {
	for _, rs := range realSchedules {
		t.Run(rs.file, func(t *testing.T) {
			im, warns := importReal(t, rs.file)
			require.Equal(t, rs.format, im.Format)
			require.Len(t, im.Events, rs.events)
			for _, w := range warns {
				t.Log(w)
			}
		})
	}
}

func TestImportCheckReal(t *testing.T) {
	for _, rs := range realSchedules {
		t.Run(rs.file, func(t *testing.T) {
			im, _ := importReal(t, rs.file)
			for _, e := range civic.FieldErrors(im.Validate()) {
				t.Log(e)
			}
		})
	}
}

func TestImportWriteReal(t *testing.T) {
	xsd := shared.Path(t, "conformance/schedule.xml.xsd")
	if _, err := exec.LookPath("xmllint"); err != nil {
		shared.Missing(t, "xmllint", err)
	}
	dir := t.TempDir()
	for _, rs := range realSchedules {
		t.Run(rs.file, func(t *testing.T) {
			im, _ := importReal(t, rs.file)
			var buf bytes.Buffer
			require.NoError(t, im.WriteFrabXML(&buf, nil))
			out := filepath.Join(dir, rs.file+".xml")
			require.NoError(t, os.WriteFile(out, buf.Bytes(), 0o600))
			res, err := exec.Command("xmllint", "--noout", "--schema", xsd, out).CombinedOutput()
			require.NoError(t, err, string(res))
			require.Equal(t, rs.events, strings.Count(buf.String(), "<event "))
			// Read back: the same events, times, rooms, tracks and persons.
			back, err := schedule.Import(bytes.NewReader(buf.Bytes()), schedule.ImportOptions{})
			require.NoError(t, err)
			require.Len(t, back.Events, len(im.Events))
			for i := range im.Events {
				a, b := im.Events[i], back.Events[i]
				require.True(t, a.Start.Equal(b.Start), "%s: %v %v", a.Title, a.Start, b.Start)
				require.Equal(t, a.Minutes, b.Minutes, a.Title)
				require.Equal(t, a.Room, b.Room)
				require.Equal(t, a.Track, b.Track)
				require.Equal(t, a.Title, b.Title)
				require.Equal(t, len(a.Persons), len(b.Persons))
				for k := range a.Persons {
					require.Equal(t, a.Persons[k].Name, b.Persons[k].Name)
				}
			}
		})
	}
}

// 39C3's events after midnight keep their real date and time: the hub gives each event's
// full date, and the day runs to 06:00 the next morning.
func Test39C3AfterMidnight(t *testing.T) {
	im, _ := importReal(t, "ccc_39c3_schedule_20251206__EventFahrplan.xml")
	after := 0
	for _, e := range im.Events {
		var day schedule.ImportedDay
		for _, d := range im.Days {
			if d.Index == e.Day {
				day = d
			}
		}
		local := e.Start
		if local.Hour() < 6 {
			after++
			// The calendar date is the day after the programme's day, and the event still
			// lies within the programme's day.
			require.Equal(t, day.Date.Day+1, local.Day(), e.Title)
			require.False(t, e.Start.Before(day.Start) || e.Start.After(day.End), e.Title)
		}
	}
	// grep -c '<start>0[0-5]:' ccc_39c3_schedule_20251206__EventFahrplan.xml
	require.Equal(t, 5, after)
	var buf bytes.Buffer
	require.NoError(t, im.WriteFrabXML(&buf, nil))
	require.Contains(t, buf.String(), "<date>2025-12-28T00:20:00+01:00</date>")
}

// DemoCon's speaker booked twice at once, as the checker reports it.
func TestDemoConDoubleBooking(t *testing.T) {
	im, _ := importReal(t, "voc_schedule__json__examples__pretalx-democon.json")
	require.Equal(t, []string{
		`schedule.conference.days[2].rooms["Gray Room"][1].persons[0]: speaker_conflict: Stephanie Hudson also speaks at that time in "Inverse motivating array"`,
	}, problems(im.Validate()))
}

func TestImportWriteJSONReal(t *testing.T) {
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	sch, err := c.Compile(shared.Path(t, "conformance/schedule.schema.json"))
	require.NoError(t, err)
	for _, rs := range realSchedules {
		t.Run(rs.file, func(t *testing.T) {
			im, _ := importReal(t, rs.file)
			var buf bytes.Buffer
			require.NoError(t, im.WriteFrabJSON(&buf, nil))
			inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(buf.Bytes()))
			require.NoError(t, err)
			require.NoError(t, sch.Validate(inst))
			back, err := schedule.Import(bytes.NewReader(buf.Bytes()), schedule.ImportOptions{})
			require.NoError(t, err)
			require.Len(t, back.Events, rs.events)
		})
	}
}
