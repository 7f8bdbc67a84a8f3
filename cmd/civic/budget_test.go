package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/civic-observatory/civic/internal/shared"
)

func TestBudgetExample(t *testing.T) {
	code, out, errOut := runCivic(t, "", "budget", "--compare", "mes-add1")
	require.Equal(t, 0, code, errOut)
	golden(t, "budget_example.txt", out)
	code, out, errOut = runCivic(t, "", "--lang", "fr", "budget", "--rule", "mes-add1")
	require.Equal(t, 0, code, errOut)
	golden(t, "budget_example_fr.txt", out)
}

func TestBudgetFormats(t *testing.T) {
	code, out, _ := runCivic(t, "", "budget", "--format", "json", "--compare", "phragmen")
	require.Equal(t, 0, code)
	var doc map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &doc))
	require.Equal(t, true, doc["valid"])
	require.Equal(t, true, doc["selected_in_file"].(map[string]any)["same"])
	require.NotNil(t, doc["measures"].(map[string]any)["by_category"].([]any)[0].(map[string]any)["share"])

	code, out, _ = runCivic(t, "", "budget", "--format", "csv", "--rule", "mes")
	require.Equal(t, 0, code)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	require.Len(t, lines, 13)
	require.Equal(t, "project_id,name,cost,currency,votes,score,funded_mes,selected_in_file,reason", lines[0])

	// The pb output reads back, with the computed selected column.
	code, out, _ = runCivic(t, "", "budget", "--format", "pb", "--rule", "mes-add1")
	require.Equal(t, 0, code)
	code, back, errOut := runCivic(t, out, "budget", "--format", "json", "-")
	require.Equal(t, 0, code, errOut)
	require.NoError(t, json.Unmarshal([]byte(back), &doc))
	require.Equal(t, "mes-add1", doc["outcome"].(map[string]any)["rule"])
	require.Equal(t, true, doc["selected_in_file"].(map[string]any)["same"])
}

func TestBudgetErrors(t *testing.T) {
	bad := "META\nkey;value\nbudget;100\nvote_type;approval\nnum_votes;2\nPROJECTS\nproject_id;cost\na;-5\nb;50\nVOTES\nvoter_id;vote\n1;a,c\n"
	code, _, errOut := runCivic(t, bad, "budget", "-")
	require.Equal(t, 1, code)
	require.Contains(t, errOut, "line 8, column 3: PROJECTS.a.cost: must be positive (is -5)")
	require.Contains(t, errOut, `line 12, column 3: VOTES["1"].vote: refers to "c", which does not exist`)
	code, _, errOut = runCivic(t, bad, "--lang", "fr", "budget", "-")
	require.Equal(t, 1, code)
	require.Contains(t, errOut, "ligne 8, colonne 3 : PROJECTS.a.cost : doit être positif (vaut -5)")

	for _, args := range [][]string{{"budget", "--rule", "dictator"}, {"budget", "--format", "xml"}, {"budget", "a.pb", "b.pb"}, {"budget", "/no/such/file.pb"}} {
		code, _, _ := runCivic(t, "", args...)
		require.Equal(t, 2, code, args)
	}
}

func TestBudgetRealFile(t *testing.T) {
	path := shared.Path(t, "real/civic/pabulib/Poland_Swiecie_2023.pb")
	code, out, errOut := runCivic(t, "", "budget", path, "--compare", "greedy")
	require.Equal(t, 0, code, errOut)
	require.Contains(t, out, "Same as the file's selected column.")
	require.Contains(t, out, "Add1 completion")
}
