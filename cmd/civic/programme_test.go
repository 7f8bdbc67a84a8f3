package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestProgramme(t *testing.T) {
	for _, format := range []string{"text", "md", "html", "ics", "frab-xml", "frab-json", "json"} {
		t.Run(format, func(t *testing.T) {
			code, out, stderr := runCivic(t, "", "--lang", "en", "programme", "--format", format)
			require.Equal(t, 0, code, stderr)
			assert.NotEmpty(t, out)
		})
	}
	code, _, stderr := runCivic(t, "", "programme", "--format", "pdf")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, `unknown format "pdf"`)
}

func TestProgrammeCheck(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "programme.json")
	code, _, stderr := runCivic(t, "", "programme", "--format", "json", "--out", file)
	require.Equal(t, 0, code, stderr)
	code, out, _ := runCivic(t, "", "--lang", "fr", "programme", "check", file)
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "programme valide")

	data, err := os.ReadFile(file)
	require.NoError(t, err)
	bad := strings.Replace(string(data), `"minutes": 5`, `"minutes": 500`, 1)
	bad = strings.Replace(bad, `"slot": "table-ronde-1"`, `"slot": "table-ronde-9"`, 1)
	require.NoError(t, os.WriteFile(file, []byte(bad), 0o644))
	code, out, _ = runCivic(t, "", "--lang", "en", "programme", "check", file)
	assert.Equal(t, 1, code)
	assert.Contains(t, out, "unknown_reference")
	assert.Contains(t, out, "over_time")

	code, _, _ = runCivic(t, "", "programme", "check")
	assert.Equal(t, 2, code)
}

func TestCalendar(t *testing.T) {
	code, out, _ := runCivic(t, "", "--lang", "fr", "calendar")
	require.Equal(t, 0, code)
	assert.Contains(t, out, "Grenoble")
	code, out, _ = runCivic(t, "", "calendar", "--format", "ics")
	require.Equal(t, 0, code)
	assert.Equal(t, 12, strings.Count(out, "BEGIN:VEVENT"))
}
