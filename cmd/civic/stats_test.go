package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/charmap"

	"github.com/civic-observatory/civic/participation"
)

func TestStats(t *testing.T) {
	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"--lang", "en", "stats"}, []string{"kind \\ level", "Devices evaluated", "Median participation rate", "total variation distance", "Indicators used"}},
		{[]string{"--lang", "fr", "stats"}, []string{"kind \\ level", "Dispositifs évalués", "Taux de participation médian", "distance de variation totale"}},
		{[]string{"stats", "--by", "role,evaluation", "--format", "csv", "--k", "1"}, []string{"role,evaluation,count,masked,share,denominator\n", "(total),(total),120,false,1.000000,120\n"}},
		{[]string{"stats", "--format", "csv", "--only", "summary"}, []string{"metric,value,value_masked\n", "evaluated_share,0.5167,false\n"}},
		{[]string{"stats", "--format", "md", "--by", "kind,evaluated"}, []string{"## ", "| kind \\ evaluated | false | true | total |", "| metric | value |"}},
		{[]string{"stats", "--by", "role,open_source", "--shares", "--k", "1"}, []string{"%", "100.0%"}},
		{[]string{"stats", "--by", "participation,size", "--k", "1"}, []string{"1: <0.1%", "4: >1M"}},
		{[]string{"--lang", "en", "stats", "--source", "proposals"}, []string{"axis \\ family", "Acceptance rate by family", "Acceptance rate by format", "field-report"}},
		{[]string{"stats", "--source", "proposals", "--format", "csv", "--only", "rates_format", "--k", "1"}, []string{"category,accepted,decided,rate,accepted_masked,decided_masked,rate_masked\n", "field-report,"}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, out, stderr := runCivic(t, "", tt.args...)
			require.Equal(t, 0, code, stderr)
			for _, w := range tt.want {
				assert.Contains(t, out, w)
			}
		})
	}
}

// TestStatsJSON checks that the JSON output is one document holding every section, with
// masked figures as null.
func TestStatsJSON(t *testing.T) {
	code, out, stderr := runCivic(t, "", "stats", "--format", "json")
	require.Equal(t, 0, code, stderr)
	var doc map[string]json.RawMessage
	require.NoError(t, json.Unmarshal([]byte(out), &doc), out)
	for _, k := range []string{"k", "table", "summary", "indicators", "ages"} {
		assert.Contains(t, doc, k)
	}
	assert.Contains(t, string(doc["table"]), "null", "small counts masked")
	golden(t, "stats-devices.fr.txt", runOK(t, "--lang", "fr", "stats", "--by", "family,evaluation"))
	golden(t, "stats-proposals.en.md", runOK(t, "--lang", "en", "stats", "--source", "proposals", "--format", "md"))
}

func runOK(t *testing.T, args ...string) string {
	t.Helper()
	code, out, stderr := runCivic(t, "", args...)
	require.Equal(t, 0, code, stderr)
	return out
}

// TestStatsCSVInput streams a Baromètre in CSV, in UTF-8 and in Latin-1.
func TestStatsCSVInput(t *testing.T) {
	b, err := participation.Barometre2019()
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, participation.WriteCSV(&buf, b.Devices, true))
	dir := t.TempDir()
	utf := filepath.Join(dir, "b.csv")
	require.NoError(t, os.WriteFile(utf, buf.Bytes(), 0o644))
	want := runOK(t, "stats", "--format", "json")
	assert.JSONEq(t, want, runOK(t, "stats", "--format", "json", utf), "the CSV form gives the same figures as the JSON form")

	cp1252, err := charmap.Windows1252.NewEncoder().String(buf.String())
	require.NoError(t, err)
	legacy := filepath.Join(dir, "cp1252.csv")
	require.NoError(t, os.WriteFile(legacy, []byte(cp1252), 0o644))
	code, _, stderr := runCivic(t, "", "stats", legacy)
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, "cp1252.csv: row[2].")
	assert.Contains(t, stderr, ": encoding: ")
	assert.JSONEq(t, want, runOK(t, "stats", "--format", "json", "--encoding", "windows-1252", legacy))
	// Named wrongly as Latin-1, the dashes and apostrophes of Windows-1252 become C1 control
	// characters, which validation reports.
	code, _, stderr = runCivic(t, "", "stats", "--encoding", "latin1", legacy)
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, "U+0097")
}

func TestStatsErrors(t *testing.T) {
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"stats", "--by", "kind,colour"}, 2, "unknown dimension"},
		{[]string{"stats", "--source", "map"}, 2, "needs a map file"},
		{[]string{"stats", "--only", "nothing"}, 2, "unknown section"},
		{[]string{"stats", "--encoding", "ebcdic"}, 2, "unknown encoding"},
		{[]string{"stats", "--format", "xml"}, 2, "unknown format"},
		{[]string{"stats", "--k", "0"}, 2, "--k"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, _, stderr := runCivic(t, "", tt.args...)
			assert.Equal(t, tt.code, code)
			assert.Contains(t, stderr, tt.want)
		})
	}

	dir := t.TempDir()
	bad := filepath.Join(dir, "b.csv")
	require.NoError(t, os.WriteFile(bad, []byte("id,nom\nd1,x\n"), 0o644))
	code, _, stderr := runCivic(t, "", "stats", bad)
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, "unknown_column")

	m := filepath.Join(dir, "m.json")
	require.NoError(t, os.WriteFile(m, []byte(`{"id":"carte","title":{"fr":"Carte"},"actors":[
		{"id":"a1","organisation":{"name":"Agora","kind":"association","country":"FR"},"legalForm":"cooperative","model":"services","tools":["Agora"],"openSource":true,"kinds":["participatory_budget"]},
		{"id":"a2","organisation":{"name":"Quorum","kind":"startup","country":"FR"},"legalForm":"company","model":"licence","tools":["Q"],"openSource":false}]}`), 0o644))
	out := runOK(t, "stats", "--source", "map", "--k", "1", m)
	assert.Contains(t, out, "family \\ legal_form")
}
