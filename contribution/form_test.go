package contribution_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/contribution"
)

// formatDoc returns a valid format document with the fields given as JSON.
func formatDoc(fields string) []byte {
	return []byte(`{"id":"workshop","name":{"fr":"Atelier","en":"Workshop"},"minutes":90,"fields":` + fields + `}`)
}

// TestFormDefinitionErrors: bad form definitions get a clear error with its path.
func TestFormDefinitionErrors(t *testing.T) {
	label := `"label":{"fr":"Q","en":"Q"}`
	tests := []struct {
		name   string
		fields string
		want   []string
	}{
		{"valid", `[{"id":"level",` + label + `,"type":"choice","choices":[{"id":"a",` + label + `}]},
			{"id":"why",` + label + `,"type":"longText","requiredWhen":{"field":"level","values":["a"]}}]`, nil},
		{"unknown field type", `[{"id":"q",` + label + `,"type":"slider"}]`, []string{"fields[0].type unknown_value"}},
		{"missing type", `[{"id":"q",` + label + `}]`, []string{"fields[0].type required"}},
		{"choice without a label", `[{"id":"q",` + label + `,"type":"choice","choices":[{"id":"a",` + label + `},{"id":"b"}]}]`,
			[]string{"fields[0].choices[1].label required"}},
		{"choice field without choices", `[{"id":"q",` + label + `,"type":"choices"}]`, []string{"fields[0].choices required"}},
		{"condition on a missing field", `[{"id":"q",` + label + `,"type":"text","requiredWhen":{"field":"nope","values":["a"]}}]`,
			[]string{"fields[0].requiredWhen.field unknown_reference"}},
		{"condition on a text", `[{"id":"a",` + label + `,"type":"text"},{"id":"b",` + label + `,"type":"text","requiredWhen":{"field":"a","values":["x"]}}]`,
			[]string{"fields[1].requiredWhen.field condition_target"}},
		{"condition value not a choice", `[{"id":"a",` + label + `,"type":"boolean"},{"id":"b",` + label + `,"type":"text","requiredWhen":{"field":"a","values":["yes"]}}]`,
			[]string{"fields[1].requiredWhen.values[0] unknown_value"}},
		{"cycle of conditions", `[{"id":"a",` + label + `,"type":"boolean","requiredWhen":{"field":"b","values":["true"]}},
			{"id":"b",` + label + `,"type":"boolean","requiredWhen":{"field":"a","values":["true"]}}]`,
			[]string{"fields[0].id condition_cycle", "fields[1].id condition_cycle"}},
		{"condition on itself", `[{"id":"a",` + label + `,"type":"boolean","requiredWhen":{"field":"a","values":["true"]}}]`,
			[]string{"fields[0].id condition_cycle"}},
		{"duplicate IDs", `[{"id":"a",` + label + `,"type":"text"},{"id":"a",` + label + `,"type":"url"}]`, []string{"fields[1].id duplicate"}},
		{"duplicate choice IDs", `[{"id":"q",` + label + `,"type":"choice","choices":[{"id":"a",` + label + `},{"id":"a",` + label + `}]}]`,
			[]string{"fields[0].choices[1].id duplicate"}},
		{"duplicate IDs in a group", `[{"id":"g",` + label + `,"type":"group","fields":[{"id":"a",` + label + `,"type":"text"},{"id":"a",` + label + `,"type":"text"}]}]`,
			[]string{"fields[0].fields[1].id duplicate"}},
		{"reserved ID", `[{"id":"title",` + label + `,"type":"text"}]`, []string{"fields[0].id reserved_field"}},
		{"reserved ID allowed in a group", `[{"id":"g",` + label + `,"type":"group","fields":[{"id":"title",` + label + `,"type":"text"}]}]`, nil},
		{"bad ID", `[{"id":"Q 1",` + label + `,"type":"text"}]`, []string{"fields[0].id invalid_id"}},
		{"missing label", `[{"id":"q","type":"text"}]`, []string{"fields[0].label required"}},
		{"choices on a number", `[{"id":"q",` + label + `,"type":"number","choices":[{"id":"a",` + label + `}]}]`, []string{"fields[0].choices not_for_type"}},
		{"min above max", `[{"id":"q",` + label + `,"type":"number","min":10,"max":5}]`, []string{"fields[0].max order"}},
		{"list without item", `[{"id":"q",` + label + `,"type":"list"}]`, []string{"fields[0].item required"}},
		{"group without fields", `[{"id":"q",` + label + `,"type":"group"}]`, []string{"fields[0].fields required"}},
		{"unknown refusal code", `[{"id":"q",` + label + `,"type":"choice","choices":[{"id":"a",` + label + `,"refuse":"nope"}]}]`,
			[]string{"fields[0].choices[0].refuse unknown_value"}},
		{"openWhen on a text", `[{"id":"a",` + label + `,"type":"boolean"},{"id":"q",` + label + `,"type":"text","openWhen":{"field":"a","values":["true"]}}]`,
			[]string{"fields[1].openWhen not_for_type"}},
		{"questions without axes", ``, []string{"questions not_for_format"}},
		{"too deep", strings.Repeat(`[{"id":"g",`+label+`,"type":"group","fields":`, 10) + `[{"id":"q",` + label + `,"type":"text"}]` + strings.Repeat(`}]`, 10),
			[]string{"fields[0].fields[0].fields[0].fields[0].fields[0].fields[0].fields[0].fields[0].fields[0] too_deep"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := formatDoc(tt.fields)
			if tt.fields == "" {
				doc = []byte(`{"id":"workshop","name":{"fr":"Atelier","en":"Workshop"},"minutes":90,"questions":"optional"}`)
			}
			_, err := contribution.DecodeFormat(doc)
			var got []string
			for _, e := range civic.FieldErrors(err) {
				got = append(got, e.Path.String()+" "+string(e.Code))
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
			for _, e := range civic.FieldErrors(err) {
				assert.NotEmpty(t, e.Message(civic.Languages()[1]), "a French message for %s", e.Code)
			}
		})
	}
}

// rencontresLike is a small call with a form of its own: a workshop asking for its
// audience (choices), a number of participants with a unit and range, a level (choice)
// and a conditional text.
func rencontresLike(t testing.TB) *contribution.Call {
	t.Helper()
	c := call2019(t)
	label := civic.NewText
	c.Formats = append(c.Formats, contribution.Format{
		ID: "workshop", Name: label("Atelier", "Workshop"), Minutes: 90, Capacity: 25,
		Fields: []contribution.Field{
			{ID: "audience", Type: contribution.FieldChoices, Label: label("Public visé", "Target audience"), Required: true, Max: 2,
				Choices: []contribution.Choice{{ID: "elected", Label: label("Élus", "Elected officials")}, {ID: "staff", Label: label("Agents", "Staff")}, {ID: "citizens", Label: label("Citoyens", "Citizens")}}},
			{ID: "participants", Type: contribution.FieldNumber, Label: label("Participants au plus", "Most participants"), Unit: label("personnes", "people"), Min: 4, Max: 25, Required: true},
			{ID: "materials", Type: contribution.FieldChoices, Label: label("Matériel", "Materials"),
				Choices: []contribution.Choice{{ID: "projector", Label: label("Vidéoprojecteur", "Projector")}, {ID: "other", Label: label("Autre", "Other")}}},
			{ID: "otherMaterials", Type: contribution.FieldText, Label: label("Autre matériel", "Other materials"),
				RequiredWhen: &contribution.Condition{Field: "materials", Values: []string{"other"}}},
			{ID: "contact", Type: contribution.FieldEmail, Label: label("Courriel de contact", "Contact e-mail")},
			{ID: "day", Type: contribution.FieldDate, Label: label("Jour souhaité", "Preferred day")},
		},
	})
	require.NoError(t, c.Validate())
	return c
}

func TestCustomForm(t *testing.T) {
	c := rencontresLike(t)
	base := `{"id":"w1","title":"Atelier budgets","summary":"` + strings.Repeat("Un atelier pour concevoir un budget participatif. ", 2) + `","format":"workshop","language":"fr",
		"contributors":[{"name":"Zoé Nguyen","email":"zoe@example.net"}]`
	tests := []struct {
		name    string
		answers string
		want    []string
	}{
		{"valid", `,"audience":["elected","staff"],"participants":20`, nil},
		{"missing required", ``, []string{"audience required", "participants required"}},
		{"out of range", `,"audience":["staff"],"participants":40`, []string{"participants out_of_range"}},
		{"too many choices", `,"audience":["elected","staff","citizens"],"participants":20`, []string{"audience too_many"}},
		{"duplicate choice", `,"audience":["staff","staff"],"participants":20`, []string{"audience[1] duplicate"}},
		{"unknown choice", `,"audience":["robots"],"participants":20`, []string{"audience[0] unknown_value"}},
		{"condition holds", `,"audience":["staff"],"participants":20,"materials":["other"]`, []string{"otherMaterials required"}},
		{"condition met", `,"audience":["staff"],"participants":20,"materials":["other"],"otherMaterials":"Post-it"`, nil},
		{"bad e-mail", `,"audience":["staff"],"participants":20,"contact":"zoe@"`, []string{"contact invalid_email"}},
		{"impossible date", `,"audience":["staff"],"participants":20,"day":"2027-02-30"`, []string{"day invalid_date"}},
		{"wrong type", `,"audience":"staff","participants":20`, []string{"audience type"}},
		// The decoder leaves these answers out of the proposal.
		{"answer of another format", `,"audience":["staff"],"participants":20,"pitch":{"kind":"law","ask":"Une loi."}`, []string{"pitch not_for_format"}},
		{"unknown answer", `,"audience":["staff"],"participants":20,"colour":"blue"`, []string{"colour unknown_field"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := contribution.DecodeProposal([]byte(base+tt.answers+`}`), c)
			var got []string
			for _, e := range civic.FieldErrors(err) {
				got = append(got, e.Path.String()+" "+string(e.Code))
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
			// The same answers read by encoding/json get the same verdict.
			if strings.HasPrefix(tt.name, "answer of") || strings.HasPrefix(tt.name, "unknown answer") {
				return
			}
			out, err := json.Marshal(p)
			require.NoError(t, err)
			var q contribution.Proposal
			require.NoError(t, json.Unmarshal(out, &q))
			assert.Equal(t, len(tt.want) == 0, q.Validate(c) == nil, "%s", out)
		})
	}
}

// TestAnswersBuiltInGo: a proposal built in Go with typed answers validates and marshals
// to the document a platform would send.
func TestAnswersBuiltInGo(t *testing.T) {
	c := rencontresLike(t)
	p := &contribution.Proposal{
		ID: "w2", Title: "Atelier budgets", Summary: strings.Repeat("Un atelier pour concevoir un budget participatif. ", 2),
		Format: "workshop", Language: "fr",
		Contributors: []civic.Person{{Name: "Zoé Nguyen", Email: "zoe@example.net"}},
		Answers: contribution.Answers{
			{Field: "audience", Value: contribution.ChoicesValue("staff")},
			{Field: "participants", Value: contribution.NumberValue(12)},
			{Field: "day", Value: contribution.DateValue(civic.Date{Year: 2027, Month: 6, Day: 9})},
		},
	}
	require.NoError(t, p.Validate(c))
	out, err := json.Marshal(p)
	require.NoError(t, err)
	assert.Contains(t, string(out), `"audience":["staff"],"participants":12,"day":"2027-06-09"}`)
	back, err := contribution.DecodeProposal(out, c)
	require.NoError(t, err)
	assert.Equal(t, p.Answers, back.Answers)

	p.Answers = append(p.Answers, contribution.Answer{Field: "participants", Value: contribution.TextValue("douze")})
	p.Answers[1].Value = contribution.TextValue("douze")
	err = p.Validate(c)
	require.Error(t, err)
	assert.Equal(t, civic.CodeType, civic.ErrorCode(err))
}

// TestZeroLimits: a call built in Go without limits is valid: zero means the defaults.
func TestZeroLimits(t *testing.T) {
	c := call2019(t)
	c.Limits = contribution.Limits{}
	require.NoError(t, c.Validate())
	p, err := contribution.DecodeProposal(mustJSON(t, sampleJSON(t, "p001")), c)
	require.NoError(t, err)
	assert.Equal(t, "p001", p.ID)
	p.Title = "Hi"
	assert.Equal(t, civic.CodeTooShort, civic.ErrorCode(p.Validate(c)), "the default minimum of 5 characters applies")
}

func mustJSON(t testing.TB, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return b
}
