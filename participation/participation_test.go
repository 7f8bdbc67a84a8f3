package participation_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/analysis"
	"github.com/civic-observatory/civic/participation"
)

var update = flag.Bool("update", false, "rewrite golden files")

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.MkdirAll("testdata", 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -update to create it")
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", name, diff)
	}
}

func builtin(t testing.TB) *participation.Barometre {
	t.Helper()
	b, err := participation.Barometre2019()
	require.NoError(t, err)
	return b
}

func TestBarometre2019(t *testing.T) {
	b := builtin(t)
	require.GreaterOrEqual(t, len(b.Devices), 100)
	kinds, levels := map[participation.Kind]bool{}, map[civic.OrgKind]bool{}
	for _, d := range b.Devices {
		kinds[d.Kind] = true
		levels[d.Level()] = true
	}
	// The Baromètre inventories the devices used by local authorities, and only those.
	local := []civic.OrgKind{civic.KindRegion, civic.KindDepartement, civic.KindMetropole, civic.KindIntercommunalite, civic.KindCommune}
	for _, d := range b.Devices {
		assert.Contains(t, local, d.Level(), "%s is run by a %s, not a local authority", d.ID, d.Level())
	}
	for _, k := range local {
		assert.True(t, levels[k], "level %s", k)
	}
	for _, k := range []participation.Kind{participation.KindBudget, participation.KindUrbanProject, participation.KindCensus,
		participation.KindPolicyPoll, participation.KindPetition, participation.KindCoDesign, participation.KindOpenData, participation.KindStakeholders} {
		assert.True(t, kinds[k], "kind %s", k)
	}
	assert.NotEmpty(t, b.Respondents())
}

func problems(err error) []string {
	var out []string
	for _, e := range civic.FieldErrors(err) {
		out = append(out, e.Path.String()+" "+string(e.Code))
	}
	return out
}

func TestDeviceRules(t *testing.T) {
	base := builtin(t).Devices[11]
	tests := []struct {
		name   string
		mutate func(d *participation.Device)
		want   []string
	}{
		{"valid", func(*participation.Device) {}, nil},
		{"indicators without evaluation", func(d *participation.Device) {
			d.Evaluation = participation.Evaluation{Format: participation.FormatNone, Indicators: []participation.Indicator{{Name: "Taux"}}}
			d.State = participation.StateOpen
			d.History = nil
		}, []string{"evaluation.indicators not_for_format"}},
		{"negative participants", func(d *participation.Device) { d.Outcomes.Participants = -3 }, []string{"outcomes.participants out_of_range"}},
		{"above population", func(d *participation.Device) { d.Outcomes.Participants = d.Territory.Population + 1 }, []string{"outcomes.participants above_population"}},
		{"taken above contributions", func(d *participation.Device) { d.Outcomes.TakenIntoAccount = d.Outcomes.Contributions + 1 }, []string{"outcomes.takenIntoAccount above_contributions"}},
		{"absurd budget", func(d *participation.Device) { d.Means.Budget = 1e15 }, []string{"means.budget out_of_range"}},
		{"absurd population", func(d *participation.Device) { d.Territory.Population = 2e10; d.Outcomes.Participants = 1 }, []string{"territory.population out_of_range"}},
		{"negative staff", func(d *participation.Device) { d.Means.Staff = -1 }, []string{"means.staff out_of_range"}},
		{"end before start", func(d *participation.Device) { d.Start, d.End = civic.MonthDate(2018, 5), civic.MonthDate(2017, 1) }, []string{"end order"}},
		{"unknown kind", func(d *participation.Device) { d.Kind = "referendum" }, []string{"kind unknown_value"}},
		{"duplicate channel", func(d *participation.Device) { d.Channels = []participation.Channel{"press", "press"} }, []string{"channels[1] duplicate"}},
		{"ages above participants", func(d *participation.Device) {
			d.Outcomes.Ages = map[string]int64{"18-24": d.Outcomes.Participants, "60+": 1}
		}, []string{"outcomes.ages above_participants"}},
		{"unknown age group", func(d *participation.Device) { d.Outcomes.Ages = map[string]int64{"0-17": 1} }, []string{`outcomes.ages["0-17"] unknown_value`}},
		{"citizen organiser", func(d *participation.Device) { d.Organiser.Kind = civic.KindCitizen }, []string{"organiser.kind unknown_value"}},
		{"indicator without name", func(d *participation.Device) {
			d.Evaluation = participation.Evaluation{Format: "internal", Indicators: []participation.Indicator{{Unit: "%"}}}
		}, []string{"evaluation.indicators[0].name required"}},
		{"history out of order", func(d *participation.Device) {
			d.State = participation.StateClosed
			t0 := time.Date(2018, 3, 1, 9, 0, 0, 0, time.UTC)
			d.History = []participation.Step{
				{At: t0, Action: "open", From: "planned", To: "open"},
				{At: t0.Add(-time.Hour), Action: "close", From: "open", To: "closed"},
			}
		}, []string{"history[1].at order"}},
		{"evaluated without an evaluation", func(d *participation.Device) {
			d.State = participation.StateEvaluated
			d.Evaluation = participation.Evaluation{Format: participation.FormatNone}
		}, []string{"evaluation.format not_evaluated"}},
		{"history not leading to the state", func(d *participation.Device) {
			d.State = participation.StateArchived
			d.History = []participation.Step{{At: time.Now(), Action: "open", From: "planned", To: "open"}}
		}, []string{"state replay_mismatch"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := base
			d.History, d.Outcomes.Ages = nil, nil
			d.Channels = append([]participation.Channel(nil), base.Channels...)
			tt.mutate(&d)
			if diff := cmp.Diff(tt.want, problems(d.Validate())); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestLifecycle(t *testing.T) {
	var d participation.Device
	t0 := time.Date(2018, 1, 10, 9, 0, 0, 0, time.UTC)
	steps := []participation.Action{"open", "close", "synthesise", "publish_feedback", "evaluate", "archive"}
	for i, a := range steps {
		agent := participation.AgentOrganiser
		if a == participation.ActionEvaluate {
			agent = participation.AgentEvaluator
		}
		require.NoError(t, d.Apply(a, agent, t0.AddDate(0, i, 0)), a)
	}
	assert.Equal(t, participation.StateArchived, d.State)
	assert.Len(t, d.History, 6)

	var e participation.Device
	err := e.Apply(participation.ActionClose, participation.AgentOrganiser, t0)
	assert.Equal(t, civic.CodeIllegalAction, civic.ErrorCode(err))
	require.NoError(t, e.Apply(participation.ActionOpen, participation.AgentOrganiser, t0))
	err = e.Apply(participation.ActionClose, participation.AgentEvaluator, t0)
	assert.Equal(t, civic.CodeWrongRole, civic.ErrorCode(err))
	err = e.Apply(participation.ActionClose, participation.AgentOrganiser, t0.Add(-time.Hour))
	assert.Equal(t, civic.CodeOrder, civic.ErrorCode(err))
	err = e.Apply("explode", participation.AgentOrganiser, t0)
	assert.Equal(t, civic.CodeUnknownAction, civic.ErrorCode(err))
	assert.Equal(t, participation.StateOpen, e.State, "nothing changes on a refused action")
	assert.Len(t, e.History, 1)
	assert.Equal(t, []participation.Action{"close"}, e.Permitted(participation.AgentOrganiser))

	dot, mmd, err := participation.Lifecycle()
	require.NoError(t, err)
	golden(t, "lifecycle.dot", []byte(dot))
	golden(t, "lifecycle.mmd", []byte(mmd))
}

func TestJSONRoundTrip(t *testing.T) {
	b := builtin(t)
	data, err := json.Marshal(b)
	require.NoError(t, err)
	back, err := participation.DecodeBarometre(data)
	require.NoError(t, err)
	again, err := json.Marshal(back)
	require.NoError(t, err)
	assert.JSONEq(t, string(data), string(again))
}

func TestJSONBadInput(t *testing.T) {
	_, err := participation.DecodeBarometre([]byte(`{"id":"b","title":{"fr":"B"},"year":2019,"devices":[{"id":"d1","outcomes":{"participants":"many"},"colour":1}],"id":"c"}`))
	got := problems(err)
	assert.Contains(t, got, "devices[0].outcomes.participants type")
	assert.Contains(t, got, "devices[0].colour unknown_field")
	assert.Contains(t, got, "id duplicate_key")
	assert.NotContains(t, got, "devices[0].outcomes.participants out_of_range", "no second report under a value that failed to decode")
}

func csvOf(t *testing.T, french bool) string {
	var buf bytes.Buffer
	require.NoError(t, participation.WriteCSV(&buf, builtin(t).Devices[:3], french))
	return buf.String()
}

func readAll(s string) ([]participation.Device, []string, error) {
	rd := participation.NewReader(strings.NewReader(s))
	var out []participation.Device
	var rows []string
	for {
		d, ok := rd.Next()
		if !ok {
			break
		}
		out = append(out, *d)
		rows = append(rows, problems(rd.RowErr())...)
	}
	return out, rows, rd.Err()
}

func TestCSVRoundTrip(t *testing.T) {
	for _, french := range []bool{false, true} {
		ds, rows, err := readAll(csvOf(t, french))
		require.NoError(t, err)
		assert.Empty(t, rows)
		require.Len(t, ds, 3)
		var again bytes.Buffer
		require.NoError(t, participation.WriteCSV(&again, ds, french))
		assert.Equal(t, csvOf(t, french), again.String())
	}
	golden(t, "barometre-head.fr.csv", []byte(csvOf(t, true)))
}

func TestCSVShapes(t *testing.T) {
	en := csvOf(t, false)
	d0 := builtin(t).Devices[0]
	lines := strings.Split(strings.TrimSuffix(en, "\n"), "\n")
	// Reordered columns: swap the first two columns everywhere (the quoted fields of the
	// generated file do not contain the first two columns' separators).
	swap := func(l string) string {
		f := strings.SplitN(l, ",", 3)
		return f[1] + "," + f[0] + "," + f[2]
	}
	var reordered []string
	for _, l := range lines {
		reordered = append(reordered, swap(l))
	}
	tests := []struct {
		name    string
		in      string
		devices int
		err     string // code of Err, or ""
		rows    []string
	}{
		{"as written", en, 3, "", nil},
		{"byte-order mark and CRLF", "\ufeff" + strings.ReplaceAll(en, "\n", "\r\n"), 3, "", nil},
		{"reordered columns", strings.Join(reordered, "\n") + "\n", 3, "", nil},
		{"missing column", strings.Replace(en, "population,", "populace,", 1), 0, "unknown_column", nil},
		{"extra column", strings.Replace(lines[0], "id,", "id,notes,", 1) + "\n", 0, "unknown_column", nil},
		{"empty file", "", 0, "required", nil},
		{"Latin-1", strings.Replace(en, d0.Name["fr"], d0.Name["fr"]+" \xe9t\xe9", 1), 3, "", []string{"row[2].name_fr encoding"}},
		{"UTF-16", "\xff\xfei\x00d\x00", 0, "encoding", nil},
		{"stray quote", en + "d9,\"a\"b,\n", 3, "csv_syntax", nil},
		{"quoted newline in a field", strings.Replace(en, ","+d0.Synthesis+",", ",\"Première ligne,\r\nseconde ligne\",", 1), 3, "", nil},
		{"short row", en + "d999,Nom\n", 4, "", []string{"row[5] field_count"}},
		{"bad number", strings.Replace(en, fmt.Sprintf(",%d,", d0.Territory.Population), ",soixante-sept,", 1), 3, "", []string{"row[2].population number"}},
		{"bad date", strings.Replace(en, ","+d0.Start.String()+",", ",2017-13,", 1), 3, "", []string{"row[2].start invalid_date"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.name != "as written" {
				require.NotEqual(t, en, tt.in, "the case changes the file")
			}
			ds, rows, err := readAll(tt.in)
			assert.Len(t, ds, tt.devices)
			if tt.err == "" {
				require.NoError(t, err)
			} else {
				require.Error(t, err)
				assert.Contains(t, problems(err)[0], tt.err)
			}
			for _, want := range tt.rows {
				assert.Contains(t, rows, want)
			}
			if tt.rows == nil {
				assert.Empty(t, rows)
			}
		})
	}
}

func TestCrossTabAndMasking(t *testing.T) {
	b := builtin(t)
	ptrs := make([]*participation.Device, len(b.Devices))
	for i := range b.Devices {
		ptrs[i] = &b.Devices[i]
	}
	dims := participation.DeviceDimensions()
	kind, _ := analysis.FindDimension(dims, "kind")
	level, _ := analysis.FindDimension(dims, "family")
	tb := analysis.CrossTab(ptrs, kind, level, language.French)
	assert.Equal(t, int64(len(b.Devices)), tb.Total)
	var sum int64
	for _, r := range tb.Counts {
		for _, n := range r {
			sum += n
		}
	}
	assert.Equal(t, tb.Total, sum)
	for _, format := range []string{"text", "md", "csv", "json"} {
		var buf bytes.Buffer
		require.NoError(t, tb.Write(&buf, format, 5))
		golden(t, "kind-by-family.k5."+format, buf.Bytes())
	}
	var buf bytes.Buffer
	require.NoError(t, tb.Write(&buf, "csv", 1000))
	for _, l := range strings.Split(strings.TrimSpace(buf.String()), "\n")[1:] {
		f := strings.Split(l, ",")
		count, flag := f[len(f)-4], f[len(f)-3]
		assert.True(t, count == "0" && flag == "false" || count == "" && flag == "true", "every non-zero count and total masked: %q", l)
	}
}

func TestSummary(t *testing.T) {
	devs := []participation.Device{
		{Territory: participation.Territory{Population: 1000}, Means: participation.Means{Budget: 5000},
			Outcomes:   participation.Outcomes{Participants: 100, Contributions: 200, TakenIntoAccount: 50},
			Evaluation: participation.Evaluation{Format: "external", Indicators: []participation.Indicator{{Name: "taux"}}}},
		{Territory: participation.Territory{Population: 10000}, Means: participation.Means{Budget: 15000},
			Outcomes:   participation.Outcomes{Participants: 300, Contributions: 200, TakenIntoAccount: 150},
			Evaluation: participation.Evaluation{Format: "none"}},
	}
	s := participation.Summarise(devs)
	assert.Equal(t, 1, s.Evaluated)
	require.NotNil(t, s.EvaluatedShare)
	require.NotNil(t, s.ParticipationRate)
	require.NotNil(t, s.CostPerParticipant)
	require.NotNil(t, s.TakenIntoAccount)
	assert.InDelta(t, 0.5, *s.EvaluatedShare, 1e-9)
	assert.InDelta(t, (0.1+0.03)/2, *s.ParticipationRate, 1e-9)
	assert.InDelta(t, 50.0, *s.CostPerParticipant, 1e-9)
	assert.InDelta(t, 0.5, *s.TakenIntoAccount, 1e-9)
	assert.Equal(t, map[string]int{"taux": 1}, s.Indicators)

}

// TestCSVEncodingRow checks that a byte that is not UTF-8 far into a file is reported at
// its own row and column, and that every other row is still read.
func TestCSVEncodingRow(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, participation.WriteCSV(&buf, builtin(t).Devices[:40], false))
	lines := strings.Split(buf.String(), "\n")
	lines[30] = strings.Replace(lines[30], ",", " \xe9,", 1) // row 31, its first column
	ds, rows, err := readAll(strings.Join(lines, "\n"))
	require.NoError(t, err)
	assert.Len(t, ds, 40, "no row dropped")
	require.NotEmpty(t, rows)
	assert.Regexp(t, `^row\[31\]\.[a-z_]+ encoding$`, rows[0])
	for _, r := range rows {
		assert.True(t, strings.HasPrefix(r, "row[31]"), r)
	}
	e := civic.FieldErrors(func() error {
		rd := participation.NewReader(strings.NewReader(strings.Join(lines, "\n")))
		for {
			if _, ok := rd.Next(); !ok || rd.RowErr() != nil {
				return rd.RowErr()
			}
		}
	}())
	require.NotEmpty(t, e)
	assert.Equal(t, []any{"0xE9"}, e[0].Args)
}

// TestCSVLine checks that a row's line in the file accounts for quoted line breaks.
func TestCSVLine(t *testing.T) {
	in := strings.Replace(csvOf(t, false), "\nd001,", "\n\"d0\n0\n1\",", 1)
	rd := participation.NewReader(strings.NewReader(in))
	var got [][2]int
	for {
		if _, ok := rd.Next(); !ok {
			break
		}
		got = append(got, [2]int{rd.Row(), rd.Line()})
	}
	require.NoError(t, rd.Err())
	require.Len(t, got, 3)
	assert.Equal(t, [2]int{2, 2}, got[0])
	assert.Equal(t, [][2]int{{2, 2}, {3, 5}, {4, 6}}, got, "the quoted line breaks move the next rows down")
}
