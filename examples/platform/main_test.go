package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/contribution"
)

const validProposal = `{
  "id": "p900",
  "title": "Le budget participatif de Villeneuve, trois ans après",
  "summary": "Retour d'expérience sur trois éditions du budget participatif : participation, projets retenus et évaluation menée avec les habitants.",
  "format": "field-report",
  "language": "fr",
  "axes": ["1"],
  "questions": ["1.2", "1.5"],
  "contributors": [{"name": "Camille Martin", "email": "camille.martin@example.fr",
    "organisation": {"name": "Ville de Villeneuve (fictive)", "kind": "commune", "country": "FR"}}],
  "results": {"period": {"start": "2016-01", "end": "2018-12"},
    "actions": "Trois éditions du budget participatif, 1 million d'euros par an.",
    "findings": "La participation est passée de 2 000 à 5 500 votants."}
}`

func newTestServer(t *testing.T) *httptest.Server {
	t.Helper()
	call, err := contribution.Call2019()
	require.NoError(t, err)
	now := func() time.Time { return time.Date(2019, 1, 20, 12, 0, 0, 0, call.Location()) }
	srv := httptest.NewServer(NewServer(call, now).Handler())
	t.Cleanup(srv.Close)
	return srv
}

func post(t *testing.T, srv *httptest.Server, lang, body string) (*http.Response, map[string]any) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, srv.URL+"/proposals", strings.NewReader(body))
	require.NoError(t, err)
	req.Header.Set("Accept-Language", lang)
	req.Header.Set("Content-Type", "application/json")
	resp, err := srv.Client().Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	var out map[string]any
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&out))
	return resp, out
}

func TestCreated(t *testing.T) {
	srv := newTestServer(t)
	resp, out := post(t, srv, "fr", validProposal)
	assert.Equal(t, http.StatusCreated, resp.StatusCode)
	assert.Equal(t, "/proposals/p900", resp.Header.Get("Location"))
	assert.Equal(t, "submitted", out["state"])
	assert.Equal(t, "2019-01-20T11:00:00Z", out["submitted"], "the server's clock")
	assert.Equal(t, "p900", out["proposal"].(map[string]any)["id"])

	get, err := srv.Client().Get(srv.URL + "/proposals/p900")
	require.NoError(t, err)
	get.Body.Close()
	assert.Equal(t, http.StatusOK, get.StatusCode)

	resp, out = post(t, srv, "en", validProposal)
	assert.Equal(t, http.StatusConflict, resp.StatusCode)
	assert.Equal(t, `"p900" appears more than once`, out["error"])
}

func TestUnprocessable(t *testing.T) {
	srv := newTestServer(t)
	bad := strings.Replace(validProposal, `"format": "field-report"`, `"format": "poem", "colour": "blue"`, 1)
	tests := []struct {
		lang string
		want []civic.Problem
	}{
		{"fr-CA,fr;q=0.9", []civic.Problem{
			{Path: "colour", Pointer: "/colour", Code: civic.CodeUnknownField, Args: []any{"colour"}, Message: "champ inconnu « colour »"},
			{Path: "format", Pointer: "/format", Code: civic.CodeFormatNotAccepted, Args: []any{"poem"}, Message: "l'appel n'accepte pas le format « poem »"},
		}},
		{"en-GB", []civic.Problem{
			{Path: "colour", Pointer: "/colour", Code: civic.CodeUnknownField, Args: []any{"colour"}, Message: `unknown field "colour"`},
			{Path: "format", Pointer: "/format", Code: civic.CodeFormatNotAccepted, Args: []any{"poem"}, Message: `the call does not accept the format "poem"`},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			resp, out := post(t, srv, tt.lang, bad)
			assert.Equal(t, http.StatusUnprocessableEntity, resp.StatusCode)
			assert.Contains(t, []string{"la proposition comporte 2 problème(s)", "the proposal has 2 problem(s)"}, out["error"])
			assert.Equal(t, strings.HasPrefix(tt.lang, "fr"), strings.HasPrefix(out["error"].(string), "la "))
			b, err := json.Marshal(out["problems"])
			require.NoError(t, err)
			var got []civic.Problem
			require.NoError(t, json.Unmarshal(b, &got))
			require.Len(t, got, len(tt.want))
			for i := range got {
				assert.Equal(t, tt.want[i].Path, got[i].Path)
				assert.Equal(t, tt.want[i].Pointer, got[i].Pointer)
				assert.Equal(t, tt.want[i].Code, got[i].Code)
				assert.Equal(t, tt.want[i].Message, got[i].Message)
			}
		})
	}
}

func TestMalformedAndHostile(t *testing.T) {
	srv := newTestServer(t)
	tests := []struct {
		name   string
		body   string
		status int
		code   civic.Code
	}{
		{"not JSON", `{"id": `, http.StatusUnprocessableEntity, civic.CodeSyntax},
		{"array", `[1,2]`, http.StatusUnprocessableEntity, civic.CodeType},
		{"invalid UTF-8", strings.Replace(validProposal, "Camille Martin", "Camille \xff", 1), http.StatusUnprocessableEntity, civic.CodeInvalidUTF8},
		{"duplicate key", strings.Replace(validProposal, `"id": "p900",`, `"id": "p900", "id": "p901",`, 1), http.StatusUnprocessableEntity, civic.CodeDuplicateKey},
		{"too large", `{"title":"` + strings.Repeat("a", MaxBody) + `"}`, http.StatusRequestEntityTooLarge, civic.CodeTooLarge},
		{"deep", strings.Repeat("[", 100000), http.StatusUnprocessableEntity, civic.CodeTooDeep},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, out := post(t, srv, "en", tt.body)
			assert.Equal(t, tt.status, resp.StatusCode)
			problems, _ := out["problems"].([]any)
			require.NotEmpty(t, problems)
			codes := map[string]bool{}
			for _, p := range problems {
				codes[p.(map[string]any)["code"].(string)] = true
			}
			assert.True(t, codes[string(tt.code)], "codes %v, want %s", codes, tt.code)
		})
	}
}

func TestMethodNotAllowed(t *testing.T) {
	srv := newTestServer(t)
	resp, err := srv.Client().Get(srv.URL + "/proposals")
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusMethodNotAllowed, resp.StatusCode)
}

// TestAuthorCannotSetState: what the workflow owns is refused in an author's document
// (issue 11), and the deadline applies to the server's clock.
func TestAuthorCannotSetState(t *testing.T) {
	srv := newTestServer(t)
	forged := strings.Replace(validProposal, `"format": "field-report"`, `"format": "field-report", "state": "accepted", "pending": "accept", "version": 99, "submitted": "2019-01-01T10:00:00+01:00"`, 1)
	resp, out := post(t, srv, "en", forged)
	assert.Equal(t, http.StatusUnprocessableEntity, resp.StatusCode)
	b, err := json.Marshal(out["problems"])
	require.NoError(t, err)
	var got []civic.Problem
	require.NoError(t, json.Unmarshal(b, &got))
	var paths []string
	for _, p := range got {
		assert.Equal(t, civic.CodeUnknownField, p.Code)
		paths = append(paths, p.Path)
	}
	assert.Equal(t, []string{"state", "pending", "version", "submitted"}, paths)

	call, err := contribution.Call2019()
	require.NoError(t, err)
	late := httptest.NewServer(NewServer(call, func() time.Time { return call.Deadline.Add(time.Minute) }).Handler())
	defer late.Close()
	resp, out = post(t, late, "en", validProposal)
	assert.Equal(t, http.StatusUnprocessableEntity, resp.StatusCode)
	assert.Contains(t, out["error"], "the call is not open")
}
