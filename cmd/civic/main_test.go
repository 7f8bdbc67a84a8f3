package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	goldenpkg "github.com/civic-observatory/civic/internal/golden"
	"github.com/civic-observatory/civic/schema"
)

// runCivic runs the command with args and returns its exit code and outputs.
func runCivic(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	t.Setenv("LANG", "")
	code := run(context.Background(), args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

// golden compares got with testdata/name (internal/golden; go test -update rewrites it).
func golden(t *testing.T, name, got string) {
	t.Helper()
	goldenpkg.CheckString(t, name, got)
}

// TestHelpGolden keeps the usage of every command, as -h prints it, in a golden file per
// language: help exits 0 on standard output, whatever the command requires to run.
func TestHelpGolden(t *testing.T) {
	names := make([]string, 0, len(commands()))
	for n := range commands() {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, lang := range []string{"en", "fr"} {
		var all strings.Builder
		for _, n := range names {
			for _, args := range [][]string{{n, "-h"}, {n, "--help"}, {"help", n}, {n, "--lang", lang, "-h"}} {
				code, out, errOut := runCivic(t, "", append([]string{"--lang", lang}, args...)...)
				require.Equal(t, 0, code, "%v: %s", args, errOut)
				require.Empty(t, errOut, "%v", args)
				if args[1] == "-h" && len(args) == 2 {
					all.WriteString("$ civic " + n + " -h\n" + out + "\n")
				}
			}
		}
		code, out, _ := runCivic(t, "", "--lang", lang, "--help")
		require.Equal(t, 0, code)
		all.WriteString("$ civic --help\n" + out)
		golden(t, "help."+lang+".txt", all.String())
	}
}

func TestUsage(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
		err  string
	}{
		{"no command", nil, 2, ""},
		{"help", []string{"help"}, 0, ""},
		{"unknown command", []string{"frobnicate"}, 2, `unknown command "frobnicate"`},
		{"bad flag", []string{"--colour"}, 2, "flag provided but not defined"},
		{"bad language", []string{"--lang", "!!", "call"}, 2, "--lang"},
		{"bad subcommand flag", []string{"validate", "--nope"}, 2, "flag provided but not defined"},
		{"missing file", []string{"validate", "/no/such/file.json"}, 2, "no such file"},
		{"unknown schema", []string{"schema", "poem"}, 2, `unknown schema "poem"`},
		{"unknown document type", []string{"validate", "--type", "poem"}, 2, `unknown document type "poem"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runCivic(t, "", tt.args...)
			assert.Equal(t, tt.code, code)
			assert.Contains(t, stderr, tt.err)
		})
	}
}

func TestSubcommandHelp(t *testing.T) {
	code, out, _ := runCivic(t, "", "validate", "-h")
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "usage: civic validate")
	assert.Contains(t, out, "-json")
}

func TestHelpListsCommands(t *testing.T) {
	_, out, _ := runCivic(t, "", "--lang", "fr", "help")
	for name := range commands() {
		assert.Contains(t, out, "  "+name+" ")
	}
	assert.Contains(t, out, "Présente l'appel à contributions intégré")
}

func TestCall(t *testing.T) {
	for _, lang := range []string{"fr", "en"} {
		t.Run(lang, func(t *testing.T) {
			code, out, stderr := runCivic(t, "", "--lang", lang, "call")
			require.Equal(t, 0, code, stderr)
			golden(t, "call."+lang+".txt", out)
		})
	}
}

func TestCallLanguageFromEnvironment(t *testing.T) {
	var out bytes.Buffer
	t.Setenv("LC_ALL", "")
	t.Setenv("LANG", "fr_FR.UTF-8")
	require.Equal(t, 0, run(context.Background(), []string{"call"}, strings.NewReader(""), &out, &bytes.Buffer{}))
	assert.Contains(t, out.String(), "Date limite")
}

func TestSchema(t *testing.T) {
	code, out, _ := runCivic(t, "", "schema")
	require.Equal(t, 0, code)
	assert.Equal(t, strings.Join(schema.Types(), "\n")+"\n", out)

	code, out, _ = runCivic(t, "", "schema", "proposal")
	require.Equal(t, 0, code)
	want, err := schema.File("proposal-journee-civic-tech-2019")
	require.NoError(t, err)
	assert.Equal(t, string(want), out, "the printed schema is the committed one")

	code, out, stderr := runCivic(t, "", "schema", "proposal", "--id", "https://plateforme.example.org/p.json", "--lang", "fr")
	require.Equal(t, 0, code, stderr)
	var s struct {
		ID         string `json:"$id"`
		Title      string `json:"title"`
		Properties struct {
			Summary struct {
				Title string `json:"title"`
			} `json:"summary"`
		} `json:"properties"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &s))
	assert.Equal(t, "https://plateforme.example.org/p.json", s.ID)
	assert.Equal(t, "Appel à contributions — Journée de la civic tech et de l'engagement citoyen", s.Title)
	assert.Equal(t, "Résumé", s.Properties.Summary.Title)
	assert.NotContains(t, out, "text.IDPattern", "no Go identifiers in a form generator's schema")
	code, _, _ = runCivic(t, "", "schema", "proposal", "--id", "not a uri")
	assert.NotEqual(t, 0, code)

	dir := t.TempDir()
	code, _, stderr = runCivic(t, "", "schema", "--out", dir)
	require.Equal(t, 0, code, stderr)
	for _, name := range schema.Names() {
		got, err := os.ReadFile(filepath.Join(dir, name+".schema.json"))
		require.NoError(t, err, name)
		want, err := schema.File(name)
		require.NoError(t, err)
		assert.Equal(t, string(want), string(got), name)
	}
}

func TestDemo(t *testing.T) {
	code, out, stderr := runCivic(t, "", "--lang", "en", "demo")
	require.Equal(t, 0, code, stderr)
	for _, want := range []string{
		"Call for contributions",
		"50 proposals, all valid against the call",
		"Research presentation",
		"International contributions: 15",
		"contributors[0].email  invalid_email",
		"state                  unknown_field",
	} {
		assert.Contains(t, out, want)
	}
	code, out, _ = runCivic(t, "", "--lang", "fr", "demo")
	require.Equal(t, 0, code)
	assert.Contains(t, out, "50 propositions, toutes valides au regard de l'appel")
}

// TestGlobalFlagAnywhere: --lang works before or after the command, as go's flags do.
func TestGlobalFlagAnywhere(t *testing.T) {
	_, before, _ := runCivic(t, "", "--lang", "fr", "call")
	for _, args := range [][]string{{"call", "--lang", "fr"}, {"call", "--lang=fr"}, {"call", "-lang", "fr"}} {
		code, out, errOut := runCivic(t, "", args...)
		require.Equal(t, 0, code, "%v: %s", args, errOut)
		require.Equal(t, before, out, "%v", args)
	}
	code, _, errOut := runCivic(t, "", "call", "--lang")
	require.Equal(t, 2, code)
	require.Contains(t, errOut, "--lang")
	code, _, errOut = runCivic(t, "", "calendar", "--format", "xml")
	require.Equal(t, 2, code)
	require.Contains(t, errOut, `unknown format "xml" (allowed: text, ics)`)
	code, _, errOut = runCivic(t, "", "help", "frobnicate")
	require.Equal(t, 2, code)
	require.Contains(t, errOut, `unknown command "frobnicate"`)
}

// TestExampleRencontres: every command that reads a call works on the second built-in
// example, and the demo runs it from the call to the programme.
func TestExampleRencontres(t *testing.T) {
	code, out, stderr := runCivic(t, "", "--lang", "en", "demo", "--example", "rencontres-2027")
	require.Equal(t, 0, code, stderr)
	for _, want := range []string{"Citizen Participation Meetings 2027", "40 proposals, all valid against the call",
		"Selected (29", "Decision journal verified", "Programme of the Meetings", "Tuesday 8 June 2027"} {
		assert.Contains(t, out, want)
	}
	code, out, stderr = runCivic(t, "", "--lang", "fr", "call", "--example", "rencontres-2027")
	require.Equal(t, 0, code, stderr)
	for _, want := range []string{"du mardi 8 juin 2027 au jeudi 10 juin 2027, de 08:30 à 14:00 (America/Toronto)", "Montréal", "Atelier [workshop] — 90 min", "25 participants au plus"} {
		assert.Contains(t, out, want)
	}
	code, out, stderr = runCivic(t, "", "validate", "--example", "rencontres-2027", "../../contribution/data/rencontres-2027-sample.json")
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, out+stderr, "40 valid")
	code, out, stderr = runCivic(t, "", "schema", "proposal", "--example", "rencontres-2027", "--lang", "fr")
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, out, `"title": "Nombre de participants au plus (participants)"`)
	code, _, _ = runCivic(t, "", "call", "--example", "nope")
	assert.NotEqual(t, 0, code)
}
