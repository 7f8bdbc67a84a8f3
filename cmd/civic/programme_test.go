package main

import (
	"encoding/json"
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

// TestProgrammeRencontres: the second example, call → sample → programme of three days,
// in every format, from the built-in documents alone; its programme checks clean.
func TestProgrammeRencontres(t *testing.T) {
	for _, format := range []string{"text", "md", "html", "ics", "frab-xml", "frab-json", "json"} {
		t.Run(format, func(t *testing.T) {
			code, out, stderr := runCivic(t, "", "--lang", "fr", "programme", "--example", "rencontres-2027", "--format", format)
			require.Equal(t, 0, code, stderr)
			switch format {
			case "text":
				assert.Contains(t, out, "== mardi 8 juin 2027 ==")
				assert.Contains(t, out, "21:00–00:30  Soirée éclair")
			case "frab-xml":
				assert.Equal(t, 3, strings.Count(out, "<day "))
				assert.Contains(t, out, "<type>workshop</type>")
				assert.Contains(t, out, "<time_zone_name>America/Toronto</time_zone_name>")
			case "ics":
				assert.Contains(t, out, "TZID:America/Toronto")
			case "json":
				dir := t.TempDir()
				file := filepath.Join(dir, "programme.json")
				require.NoError(t, os.WriteFile(file, []byte(out), 0o644))
				code, out, stderr := runCivic(t, "", "--lang", "en", "programme", "check", "--example", "rencontres-2027", file)
				assert.Equal(t, 0, code, stderr)
				assert.Contains(t, out, "valid programme")
			}
		})
	}
	code, _, stderr := runCivic(t, "", "programme", "--example", "lyon-2026")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, `unknown example "lyon-2026"`)
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

// writeJSON writes a document to a file of dir and returns its path.
func writeJSON(t *testing.T, dir, name string, doc any) string {
	t.Helper()
	data, err := json.Marshal(doc)
	require.NoError(t, err)
	file := filepath.Join(dir, name)
	require.NoError(t, os.WriteFile(file, data, 0o644))
	return file
}

// writeRecords writes the proposals of props as the records a platform stores (see
// contribution.Record): each proposal's "state" member, which only the workflow sets, is
// moved out of the author's submission into the record.
func writeRecords(t *testing.T, dir, name string, props []map[string]any) string {
	t.Helper()
	recs := make([]map[string]any, len(props))
	for i, p := range props {
		q := map[string]any{}
		for k, v := range p {
			if k != "state" {
				q[k] = v
			}
		}
		recs[i] = map[string]any{"proposal": q, "state": p["state"], "version": 5}
	}
	return writeJSON(t, dir, name, recs)
}

// journeeDoc returns the built-in Journée as a JSON document to edit.
func journeeDoc(t *testing.T) map[string]any {
	t.Helper()
	data, err := os.ReadFile("../../event/data/journee-2019.json")
	require.NoError(t, err)
	var doc map[string]any
	require.NoError(t, json.Unmarshal(data, &doc))
	return doc
}

// sampleDoc returns the sample proposals, every one confirmed, as JSON documents to edit.
func sampleDoc(t *testing.T) []map[string]any {
	t.Helper()
	data, err := os.ReadFile("../../contribution/data/sample-2019.json")
	require.NoError(t, err)
	var doc []map[string]any
	require.NoError(t, json.Unmarshal(data, &doc))
	for _, p := range doc {
		p["state"] = "confirmed"
	}
	return doc
}

// TestProgrammeBadInput runs the command on the bad inputs the issue lists: each gives
// localised problems with the file, path and code, exit status 1, and leaves --out alone.
func TestProgrammeBadInput(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "programme.ics")
	require.NoError(t, os.WriteFile(out, []byte("previous"), 0o644))

	zone := journeeDoc(t)
	zone["timeZone"] = "Europe/Atlantis"
	small := journeeDoc(t)
	for _, r := range small["rooms"].([]any) {
		if r.(map[string]any)["id"] == "hemicycle" {
			r.(map[string]any)["capacity"] = 150
		}
	}
	grid, err := os.ReadFile("../../schedule/data/grid-2019.json")
	require.NoError(t, err)
	backwards := strings.Replace(string(grid), `"start": "09:00", "end": "10:00"`, `"start": "10:00", "end": "09:00"`, 1)
	require.NotEqual(t, string(grid), backwards)
	overlapping := strings.Replace(string(grid), `"start": "11:30", "end": "13:00", "discussion": 20`, `"start": "11:00", "end": "13:00", "discussion": 20`, 1)
	require.NotEqual(t, string(grid), overlapping)
	writeFile := func(name, s string) string {
		f := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(f, []byte(s), 0o644))
		return f
	}

	tests := []struct {
		name string
		args []string
		want []string // substrings of standard error
	}{
		{"time zone that does not exist", []string{"--event", writeJSON(t, dir, "zone.json", zone)},
			[]string{"zone.json: timeZone: invalid_zone: ", "Europe/Atlantis"}},
		{"room too small for its track", []string{"--event", writeJSON(t, dir, "small.json", small)},
			[]string{"small.json: tracks[0].audience: over_capacity: "}},
		{"slot ending before it starts", []string{"--grid", writeFile("backwards.json", backwards)},
			[]string{"backwards.json: slots[0].end: order: "}},
		{"overlapping slots in one room", []string{"--grid", writeFile("overlapping.json", overlapping)},
			[]string{"overlapping.json: slots[5]: room_conflict: "}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, lang := range []string{"fr", "en"} {
				args := append([]string{"--lang", lang, "programme", "--format", "ics", "--out", out}, tt.args...)
				code, _, stderr := runCivic(t, "", args...)
				assert.Equal(t, 1, code, stderr)
				for _, w := range tt.want {
					assert.Contains(t, stderr, w)
				}
				data, err := os.ReadFile(out)
				require.NoError(t, err)
				assert.Equal(t, "previous", string(data), "nothing written")
			}
			_, _, fr := runCivic(t, "", append([]string{"--lang", "fr", "programme"}, tt.args...)...)
			_, _, en := runCivic(t, "", append([]string{"--lang", "en", "programme"}, tt.args...)...)
			assert.NotEqual(t, fr, en, "localised")
		})
	}
}

// TestProgrammeCheckConflicts checks a programme against proposals that make it wrong: a
// speaker in two places at once and a proposal its author has not confirmed.
func TestProgrammeCheckConflicts(t *testing.T) {
	dir := t.TempDir()
	props := sampleDoc(t)
	propsFile := writeRecords(t, dir, "proposals.json", props)
	file := filepath.Join(dir, "programme.json")
	code, _, stderr := runCivic(t, "", "programme", "--format", "json", "--proposals", propsFile, "--out", file)
	require.Equal(t, 0, code, stderr)
	code, out, stderr := runCivic(t, "", "programme", "check", "--proposals", propsFile, file)
	require.Equal(t, 0, code, out+stderr)

	var pr struct {
		Sessions []struct {
			Slot  string
			Talks []struct{ Proposal string }
		}
	}
	data, err := os.ReadFile(file)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(data, &pr))
	first := map[string]string{} // slot → first proposal
	for _, s := range pr.Sessions {
		if len(s.Talks) > 0 && first[s.Slot] == "" {
			first[s.Slot] = s.Talks[0].Proposal
		}
	}
	a, b := first["table-ronde-1"], first["ateliers-1"]
	require.NotEmpty(t, a)
	require.NotEmpty(t, b)
	byID := map[string]map[string]any{}
	for _, p := range props {
		byID[p["id"].(string)] = p
	}
	email := byID[a]["contributors"].([]any)[0].(map[string]any)["email"]
	byID[b]["contributors"].([]any)[0].(map[string]any)["email"] = email
	byID[a]["state"] = "accepted"
	writeRecords(t, dir, "proposals.json", props)

	code, out, _ = runCivic(t, "", "--lang", "fr", "programme", "check", "--proposals", propsFile, file)
	assert.Equal(t, 1, code)
	assert.Contains(t, out, "speaker_conflict")
	assert.Contains(t, out, "not_confirmed")
	assert.Contains(t, out, "non confirmée")
}

// TestProgrammeHostileTitles builds every format from proposals whose titles and names
// carry markup, quotes, CDATA ends and CRLF: each format escapes them.
func TestProgrammeHostileTitles(t *testing.T) {
	dir := t.TempDir()
	props := sampleDoc(t)
	for _, p := range props {
		if p["format"] == "pitch" {
			p["title"] = `Pitch "quoted" & 'single' ]]> ; , \ end`
			p["contributors"].([]any)[0].(map[string]any)["name"] = `Zoé ]]> & "Co"`
		}
	}
	propsFile := writeRecords(t, dir, "proposals.json", props)
	for _, format := range []string{"html", "frab-xml", "ics", "md", "frab-json"} {
		code, out, stderr := runCivic(t, "", "programme", "--format", format, "--proposals", propsFile)
		require.Equal(t, 0, code, stderr)
		switch format {
		case "html", "frab-xml":
			assert.NotContains(t, out, `]]> ;`, format)
			assert.NotContains(t, out, `"quoted"`, format)
			assert.Contains(t, out, `&amp;`, format)
		case "ics":
			assert.Contains(t, strings.ReplaceAll(out, "\r\n ", ""), `Pitch "quoted" & 'single' ]]> \; \, \\ end`)
		case "md":
			assert.NotContains(t, out, `]]> ; , \ end`, format)
		case "frab-json":
			assert.True(t, json.Valid([]byte(out)))
		}
	}
	// Markup is plain text (issue 12): a title with a script tag or "x<y" builds the
	// programme, and every format escapes it.
	props[0]["title"] = "<script>alert(1)</script> x<y"
	writeRecords(t, dir, "proposals.json", props)
	code, out, stderr := runCivic(t, "", "--lang", "en", "programme", "--format", "html", "--proposals", propsFile)
	assert.Equal(t, 0, code, stderr)
	assert.NotContains(t, out, "<script>")
	assert.Contains(t, out, "&lt;script&gt;alert(1)&lt;/script&gt; x&lt;y")
	// A control character in a title is refused with its path and code, and nothing is
	// written.
	props[1]["title"] = "Bell\u0007 title"
	writeRecords(t, dir, "proposals.json", props)
	code, out, stderr = runCivic(t, "", "--lang", "fr", "programme", "--proposals", propsFile)
	assert.Equal(t, 1, code)
	assert.Empty(t, out)
	assert.Contains(t, stderr, "proposals.json: [1].proposal.title: control_char: ")
}
