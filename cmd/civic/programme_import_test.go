package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civic-observatory/civic/internal/shared"
	"github.com/civic-observatory/civic/schedule"
)

func TestProgrammeCheckImported(t *testing.T) {
	dir := shared.Path(t, "real/schedules")
	democon := filepath.Join(dir, "voc_schedule__json__examples__pretalx-democon.json")
	code, out, stderr := runCivic(t, "", "--lang", "en", "programme", "check", democon)
	require.Equal(t, 1, code, stderr)
	assert.Contains(t, out, `speaker_conflict: Stephanie Hudson also speaks at that time in "Inverse motivating array"`)
	assert.Contains(t, stderr, `warning: schedule.conference.days[0].rooms["Gray Room"][0].persons[0].biography: not_kept`)

	camp := filepath.Join(dir, "voc_schedule__json__examples__frab-camp2019.json")
	code, out, stderr = runCivic(t, "", "--lang", "fr", "programme", "check", "--from", "frab-json", camp)
	require.Equal(t, 0, code, stderr+out)
	assert.Contains(t, out, "programme valide (79 événements)")

	fosdem := filepath.Join(dir, "fosdem_2024_schedule__mttcrsp-fosdem.xml")
	code, out, _ = runCivic(t, "", "programme", "check", "--zone", "Europe/Brussels", fosdem)
	require.Equal(t, 1, code)
	assert.Contains(t, out, "room_conflict")

	code, _, stderr = runCivic(t, "", "programme", "check", "--from", "yaml", camp)
	require.Equal(t, 2, code, stderr)
}

func TestProgrammeConvert(t *testing.T) {
	dir := shared.Path(t, "real/schedules")
	tmp := t.TempDir()
	out := filepath.Join(tmp, "39c3.xml")
	code, _, stderr := runCivic(t, "", "programme", "convert", "--out", out, filepath.Join(dir, "ccc_39c3_schedule_20251206__EventFahrplan.xml"))
	require.Equal(t, 0, code, stderr)
	data, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Equal(t, 215, strings.Count(string(data), "<event "))
	assert.Contains(t, string(data), "<date>2025-12-28T00:20:00+01:00</date>")

	code, fj, stderr := runCivic(t, "", "programme", "convert", "--to", "frab-json", filepath.Join(dir, "fosdem_2024_schedule__mttcrsp-fosdem.xml"))
	require.Equal(t, 0, code, stderr)
	back, err := schedule.Import(strings.NewReader(fj), schedule.ImportOptions{})
	require.NoError(t, err)
	assert.Len(t, back.Events, 674)

	code, js, stderr := runCivic(t, "", "programme", "convert", "--to", "json", filepath.Join(dir, "voc_schedule__json__examples__hub-schedule2.json"))
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, js, `"format": "schedule2"`)

	bad := filepath.Join(tmp, "bad.xml")
	require.NoError(t, os.WriteFile(bad, []byte(`<!DOCTYPE x [<!ENTITY a "b">]><schedule/>`), 0o600))
	code, _, stderr = runCivic(t, "", "--lang", "fr", "programme", "convert", bad)
	require.Equal(t, 1, code)
	assert.Contains(t, stderr, "doctype: le XML avec une déclaration de type de document est refusé")
	code, _, _ = runCivic(t, "", "programme", "convert", "--to", "ics", bad)
	require.Equal(t, 2, code)
}
