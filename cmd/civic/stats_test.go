package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestStats(t *testing.T) {
	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"--lang", "en", "stats"}, []string{"kind \\ level", "Devices: 112", "Median participation rate", "total variation distance"}},
		{[]string{"stats", "--by", "role,evaluation", "--format", "csv", "--k", "1"}, []string{"role \\ evaluation,external,internal,none,participatory,total"}},
		{[]string{"stats", "--format", "json"}, []string{`"counts"`, `"shares"`, `"summary"`, `"tvd"`}},
		{[]string{"stats", "--by", "role,open_source", "--shares", "--k", "1"}, []string{"%", "100.0%"}},
		{[]string{"--lang", "en", "stats", "--source", "proposals"}, []string{"axis \\ family", "Acceptance rate (family)", "Acceptance rate (format)"}},
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

func TestStatsErrors(t *testing.T) {
	code, _, stderr := runCivic(t, "", "stats", "--by", "kind,colour")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "unknown dimension")
	code, _, _ = runCivic(t, "", "stats", "--source", "map")
	assert.Equal(t, 2, code)

	dir := t.TempDir()
	bad := filepath.Join(dir, "b.csv")
	require.NoError(t, os.WriteFile(bad, []byte("id,nom\nd1,x\n"), 0o644))
	code, _, stderr = runCivic(t, "", "stats", bad)
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "unknown_column")

	m := filepath.Join(dir, "m.json")
	require.NoError(t, os.WriteFile(m, []byte(`{"id":"carte","title":{"fr":"Carte"},"actors":[
		{"id":"a1","organisation":{"name":"Agora","kind":"association","country":"FR"},"legalForm":"cooperative","model":"services","tools":["Agora"],"openSource":true,"kinds":["participatory_budget"]},
		{"id":"a2","organisation":{"name":"Quorum","kind":"startup","country":"FR"},"legalForm":"company","model":"licence","tools":["Q"],"openSource":false}]}`), 0o644))
	code, out, stderr := runCivic(t, "", "stats", "--source", "map", "--k", "1", m)
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, out, "family \\ legal_form")
}
