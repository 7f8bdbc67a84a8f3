package contribution_test

import (
	"encoding/json"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/contribution"
	"github.com/civic-observatory/civic/internal/shared"
)

func call2019(t testing.TB) *contribution.Call {
	t.Helper()
	c, err := contribution.Call2019()
	require.NoError(t, err)
	return c
}

// sampleJSON returns the raw JSON object of the sample proposal with the ID, decoded into
// generic values so a test can mutate it.
func sampleJSON(t testing.TB, id string) map[string]any {
	t.Helper()
	data, err := os.ReadFile("data/sample-2019.json")
	require.NoError(t, err)
	var all []map[string]any
	require.NoError(t, json.Unmarshal(data, &all))
	for _, p := range all {
		if p["id"] == id {
			return p
		}
	}
	t.Fatalf("no sample proposal %s", id)
	return nil
}

func TestCall2019(t *testing.T) {
	c := call2019(t)
	assert.Equal(t, []string{"research", "field-report", "pitch", "centrifugeuse"}, c.FormatIDs())
	assert.Equal(t, []string{"1", "2", "3", "4"}, c.Axes.IDs())
	var counts []int
	for _, a := range c.Axes {
		counts = append(counts, len(a.Questions))
	}
	assert.Equal(t, []int{5, 4, 3, 5}, counts, "questions per axis, as the call numbers them")
	paris, _ := time.LoadLocation("Europe/Paris")
	assert.True(t, c.Deadline.Equal(time.Date(2019, 1, 25, 0, 0, 0, 0, paris)))
	assert.True(t, c.Open(time.Date(2019, 1, 24, 23, 59, 59, 0, paris)))
	assert.False(t, c.Open(time.Date(2019, 1, 25, 0, 0, 0, 0, paris)), "« avant le 25 janvier »")
	assert.Equal(t, []string{"fr", "en"}, c.Languages)
	assert.Equal(t, []civic.Family{civic.FamilyPublic, civic.FamilyCompany, civic.FamilyAssociation, civic.FamilyAcademic}, c.Families)

	f, ok := c.Format("research")
	require.True(t, ok)
	assert.Equal(t, 20, f.Minutes)
	ongoing, ok := f.Lookup("results", "ongoing")
	require.True(t, ok, "« les projets de recherche en cours sont bienvenus »")
	assert.Equal(t, contribution.FieldBoolean, ongoing.Type)
	f, _ = c.Format("field-report")
	assert.Equal(t, 15, f.Minutes)
	f, _ = c.Format("pitch")
	assert.Equal(t, 5, f.Minutes)
	f, _ = c.Format("centrifugeuse")
	assert.Equal(t, 20, f.Slot())
	assert.Equal(t, 4, f.Table.Peers())
	assert.Equal(t, 1, f.Table.Facilitators)
	assert.False(t, f.RightOfReply)
	support, ok := f.Lookup("project", "support")
	require.True(t, ok, "« le porteur de projet pourra apporter un support »")
	assert.True(t, support.Identifying)

	for _, a := range c.Axes {
		for _, q := range a.Questions {
			assert.NotEmpty(t, q.Text.Get(language.French))
			assert.NotEmpty(t, q.Text["en"], "English translation of %s", a.Ref(q.Number))
		}
	}
}

// TestCall2019WordForWord checks every French text of the built-in call against the seed
// document it comes from: titles, summaries, introductions and the seventeen questions
// must appear in it word for word.
func TestCall2019WordForWord(t *testing.T) {
	seed := shared.ReadFile(t, "seeds/004_56da2159adc61c28.txt")
	clean := string(seed)
	clean = strings.ReplaceAll(clean, "**", "")
	clean = regexp.MustCompile(`(?m)^- \(\d\) `).ReplaceAllString(clean, "- ")
	clean = strings.Join(strings.Fields(clean), " ")
	norm := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	c := call2019(t)
	check := func(what, s string) {
		if s == "" {
			return
		}
		for _, part := range strings.Split(s, "\n\n") {
			assert.Contains(t, clean, norm(part), what)
		}
	}
	for _, a := range c.Axes {
		check("axis "+a.ID+" title", a.Title["fr"])
		check("axis "+a.ID+" summary", a.Summary["fr"])
		check("axis "+a.ID+" introduction", a.Introduction["fr"])
		for _, q := range a.Questions {
			check("question "+a.Ref(q.Number).String(), q.Text["fr"])
			assert.True(t, strings.Contains(clean, "- "+norm(q.Text["fr"])), "question %s is a numbered item of the call", a.Ref(q.Number))
		}
	}
	for _, f := range c.Formats {
		check("format "+f.ID, f.Description["fr"])
	}
	check("invitation", c.Invitation["fr"])
}

func TestSample2019(t *testing.T) {
	c := call2019(t)
	ps, err := contribution.Sample2019(c)
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(ps), 40)
	formats, axes, families, langs := map[string]int{}, map[string]int{}, map[civic.Family]int{}, map[string]int{}
	intl := 0
	ids := map[string]bool{}
	for _, p := range ps {
		assert.False(t, ids[p.ID], "duplicate id %s", p.ID)
		ids[p.ID] = true
		formats[p.Format]++
		for _, a := range p.Axes {
			axes[a]++
		}
		for _, f := range p.Families() {
			families[f]++
		}
		langs[p.Language]++
		if p.International(c) {
			intl++
		}
	}
	for _, f := range c.FormatIDs() {
		assert.Positive(t, formats[f], "format %s", f)
	}
	for _, a := range c.Axes.IDs() {
		assert.Positive(t, axes[a], "axis %s", a)
	}
	for _, f := range civic.Families() {
		assert.Positive(t, families[f], "family %s", f)
	}
	assert.Positive(t, langs["fr"])
	assert.Positive(t, langs["en"])
	assert.Positive(t, intl)
}

// problems decodes the document and returns its problems as "path code" strings.
func problems(t *testing.T, c *contribution.Call, doc any) []string {
	t.Helper()
	data, ok := doc.([]byte)
	if !ok {
		var err error
		data, err = json.Marshal(doc)
		require.NoError(t, err)
	}
	_, err := contribution.DecodeProposal(data, c)
	var out []string
	for _, e := range civic.FieldErrors(err) {
		out = append(out, e.Path.String()+" "+string(e.Code))
	}
	if err != nil && out == nil {
		t.Fatalf("error without field errors: %v", err)
	}
	return out
}

func TestProposalRules(t *testing.T) {
	c := call2019(t)
	type doc = map[string]any
	tests := []struct {
		name   string
		sample string
		mutate func(p doc)
		want   []string
	}{
		{"valid research", "p001", func(doc) {}, nil},
		{"valid centrifugeuse", "p040", func(doc) {}, nil},
		{"valid pitch", "p031", func(doc) {}, nil},
		{"missing title", "p001", func(p doc) { delete(p, "title") }, []string{"title required"}},
		{"blank title", "p001", func(p doc) { p["title"] = "   " }, []string{"title required"}},
		{"title too long in characters", "p001", func(p doc) { p["title"] = strings.Repeat("é", 151) }, []string{"title too_long"}},
		{"title at the limit", "p001", func(p doc) { p["title"] = strings.Repeat("é", 150) }, nil},
		{"summary too short", "p001", func(p doc) { p["summary"] = "Trop court." }, []string{"summary too_short"}},
		{"format not accepted", "p001", func(p doc) { p["format"] = "poem" }, []string{"format format_not_accepted"}},
		{"language not accepted", "p001", func(p doc) { p["language"] = "de" }, []string{"language language_not_accepted"}},
		{"unknown axis", "p001", func(p doc) { p["axes"] = []any{"1", "7"} }, []string{"axes[1] unknown_reference"}},
		{"duplicate axis", "p001", func(p doc) { p["axes"] = []any{"1", "1"} }, []string{"axes[1] duplicate"}},
		{"no axis", "p001", func(p doc) { p["axes"] = []any{}; p["questions"] = []any{} }, []string{"axes required"}},
		{"unknown question", "p001", func(p doc) { p["questions"] = []any{"1.6"} }, []string{"questions[0] unknown_reference"}},
		{"malformed question", "p001", func(p doc) { p["questions"] = []any{"1-2"} }, []string{"questions[0] unknown_reference"}},
		{"question of an unlisted axis", "p001", func(p doc) { p["questions"] = []any{"3.1"} }, []string{"questions[0] question_axis"}},
		{"axes on a pitch", "p031", func(p doc) { p["axes"] = []any{"1"} }, nil},
		{"questions on a pitch", "p031", func(p doc) { p["axes"] = []any{"1"}; p["questions"] = []any{"1.1"} }, []string{"questions not_for_format"}},
		{"no contributors", "p001", func(p doc) { p["contributors"] = []any{} }, []string{"contributors required"}},
		{"bad e-mail", "p001", func(p doc) { contributor(p, 0)["email"] = "claire@" }, []string{"contributors[0].email invalid_email"}},
		{"same e-mail twice", "p001", func(p doc) { contributor(p, 1)["email"] = contributor(p, 0)["email"] }, []string{"contributors[1].email duplicate"}},
		{"bidi in name", "p001", func(p doc) { contributor(p, 0)["name"] = "Claire\u202eFontanel" }, []string{"contributors[0].name bidi_char"}},
		{"control char in summary", "p001", func(p doc) { p["summary"] = p["summary"].(string) + "\x1b[31m" }, []string{"summary control_char"}},
		{"research without an academic", "p001", func(p doc) {
			for i := range p["contributors"].([]any) {
				contributor(p, i)["organisation"].(doc)["kind"] = "commune"
			}
		}, []string{"contributors family_not_allowed"}},
		{"too many contributors", "p001", func(p doc) {
			var cs []any
			for i := range 7 {
				x := doc{"name": "Personne " + string(rune('A'+i)), "email": "p" + string(rune('a'+i)) + "@example.fr",
					"organisation": doc{"name": "Université", "kind": "university", "country": "FR"}}
				cs = append(cs, x)
			}
			p["contributors"] = cs
		}, []string{"contributors too_many"}},
		// The time of submission is the server's, not the author's (issue 11).
		{"author's submission time", "p001", func(p doc) { p["submitted"] = "2019-01-24T23:59:59+01:00" }, []string{"submitted unknown_field"}},
		{"missing results", "p001", func(p doc) { delete(p, "results") }, []string{"results required"}},
		{"results on a pitch", "p031", func(p doc) { p["results"] = sampleJSON(t, "p001")["results"] }, []string{"results not_for_format"}},
		{"future results", "p015", func(p doc) { results(p)["period"] = doc{"start": "2019-02", "end": "2019-06"} }, []string{"results.period.start future_results", "results.period.end future_results"}},
		{"field report still ongoing", "p015", func(p doc) { results(p)["ongoing"] = true }, []string{"results.ongoing not_for_format"}},
		{"field report without end", "p015", func(p doc) { delete(results(p)["period"].(doc), "end") }, []string{"results.period.end required"}},
		{"end before start", "p015", func(p doc) { results(p)["period"] = doc{"start": "2018-06", "end": "2017-01"} }, []string{"results.period.end order"}},
		{"impossible date", "p015", func(p doc) { results(p)["period"].(doc)["start"] = "2018-02-30" }, []string{"results.period.start invalid_date"}},
		{"unknown evaluation", "p001", func(p doc) { results(p)["impact"] = doc{"evaluation": "vibes"} }, []string{"results.impact.evaluation unknown_value"}},
		{"negative budget", "p001", func(p doc) {
			results(p)["implementation"] = doc{"budget": doc{"amount": -5, "currency": "eur"}}
		}, []string{"results.implementation.budget.amount out_of_range", "results.implementation.budget.currency unknown_value"}},
		{"launched centrifugeuse", "p040", func(p doc) { p["project"].(doc)["stage"] = "launched" }, []string{"project.stage project_launched"}},
		{"centrifugeuse without project", "p040", func(p doc) { delete(p, "project") }, []string{"project required"}},
		{"pitch without ask", "p031", func(p doc) { p["pitch"].(doc)["ask"] = "" }, []string{"pitch.ask required"}},
		{"unknown pitch kind", "p031", func(p doc) { p["pitch"].(doc)["kind"] = "song" }, []string{"pitch.kind unknown_value"}},
		{"unknown field", "p001", func(p doc) { p["colour"] = "blue" }, []string{"colour unknown_field"}},
		{"wrong type", "p001", func(p doc) { p["axes"] = "1" }, []string{"axes type", "questions[0] question_axis", "questions[1] question_axis"}},
		// What the workflow owns is not the author's to write (issue 11).
		{"author's state", "p001", func(p doc) { p["state"] = "accepted" }, []string{"state unknown_field"}},
		{"author's pending decision", "p001", func(p doc) { p["pending"] = "accept" }, []string{"pending unknown_field"}},
		{"author's version", "p001", func(p doc) { p["version"] = 99 }, []string{"version unknown_field"}},
		{"author's reviews", "p001", func(p doc) { p["reviews"] = []any{} }, []string{"reviews unknown_field"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := sampleJSON(t, tt.sample)
			tt.mutate(p)
			got := problems(t, c, p)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}

func contributor(p map[string]any, i int) map[string]any {
	return p["contributors"].([]any)[i].(map[string]any)
}

func results(p map[string]any) map[string]any { return p["results"].(map[string]any) }

func TestProposalBadBytes(t *testing.T) {
	c := call2019(t)
	valid, err := json.Marshal(sampleJSON(t, "p001"))
	require.NoError(t, err)
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, " syntax"},
		{"truncated", valid[:len(valid)/2], " syntax"},
		{"not an object", []byte(`"proposal"`), " type"},
		{"duplicate key", []byte(strings.Replace(string(valid), `"format":`, `"format":"pitch","format":`, 1)), "format duplicate_key"},
		{"invalid UTF-8", []byte(strings.Replace(string(valid), "Claire", "Cl\xe9ire", 1)), "contributors[0].name invalid_utf8"},
		{"deep nesting", []byte(`{"title":` + strings.Repeat("[", 10000) + strings.Repeat("]", 10000) + `}`), "title too_deep"},
		{"trailing garbage", append(slices.Clone(valid), []byte(" {}")...), " syntax"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := problems(t, c, tt.data)
			ok := slices.ContainsFunc(got, func(s string) bool { return strings.HasSuffix(s, tt.want) })
			assert.True(t, ok, "%v does not end with %q", got, tt.want)
		})
	}
}

func TestProposalHugeString(t *testing.T) {
	c := call2019(t)
	// A 50 MB document is over the decoder's document limit, reported at the root.
	huge := `{"title":"` + strings.Repeat("a", 50<<20) + `"}`
	_, err := contribution.DecodeProposal([]byte(huge), c)
	assert.True(t, hasCode(err, "", civic.CodeTooLarge), "%v", err)
	// A 2 MB string in a smaller document is over the string limit, reported at its path,
	// and decoding goes on.
	big := `{"title":"` + strings.Repeat("a", 2<<20) + `","colour":1}`
	_, err = contribution.DecodeProposal([]byte(big), c)
	assert.True(t, hasCode(err, "title", civic.CodeTooLarge), "%v", err)
	assert.True(t, hasCode(err, "colour", civic.CodeUnknownField), "%v", err)
}

func hasCode(err error, path string, code civic.Code) bool {
	for _, e := range civic.FieldErrors(err) {
		if e.Path.String() == path && e.Code == code {
			return true
		}
	}
	return false
}

func TestNFC(t *testing.T) {
	c := call2019(t)
	p := sampleJSON(t, "p001")
	p["title"] = "Une e\u0301tude"
	data, _ := json.Marshal(p)
	got, err := contribution.DecodeProposal(data, c)
	require.NoError(t, err)
	assert.Equal(t, "Une étude", got.Title, "decoded text is NFC")
}

// TestRoundTrip marshals every sample proposal with encoding/json, decodes it again with
// the strict decoder, and checks nothing changed.
func TestRoundTrip(t *testing.T) {
	c := call2019(t)
	ps, err := contribution.Sample2019(c)
	require.NoError(t, err)
	for _, p := range ps {
		data, err := json.Marshal(p)
		require.NoError(t, err)
		back, err := contribution.DecodeProposal(data, c)
		require.NoError(t, err, p.ID)
		if diff := cmp.Diff(p, back, cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) })); diff != "" {
			t.Errorf("%s round trip (-want +got):\n%s", p.ID, diff)
		}
		again, err := json.Marshal(back)
		require.NoError(t, err)
		assert.Equal(t, string(data), string(again))
	}
	data, err := json.Marshal(c)
	require.NoError(t, err)
	back, err := contribution.DecodeCall(data)
	require.NoError(t, err)
	again, _ := json.Marshal(back)
	assert.JSONEq(t, string(data), string(again))
}

func TestCallRules(t *testing.T) {
	c := call2019(t)
	c.Formats = append(c.Formats, c.Formats[0])
	c.TimeZone = "Europe/Atlantis"
	c.Languages = []string{"fr", "FR"}
	c.Opens = c.Deadline.Add(time.Hour)
	c.Limits.TitleMin = 500
	c.Axes[1].Questions[2].Number = 7
	err := c.Validate()
	var got []string
	for _, e := range civic.FieldErrors(err) {
		got = append(got, e.Path.String()+" "+string(e.Code))
	}
	assert.Equal(t, []string{
		"timeZone invalid_zone",
		"deadline order",
		"languages[1] invalid_language",
		"formats[4].id duplicate",
		"axes[1].questions[2].number out_of_range",
		"limits.titleMax order",
	}, got)
}

func TestDecoderReuse(t *testing.T) {
	c := call2019(t)
	var dec contribution.Decoder
	var p contribution.Proposal
	good, _ := json.Marshal(sampleJSON(t, "p001"))
	require.Error(t, dec.Decode([]byte(`{"title":1}`), c, &p))
	require.NoError(t, dec.Decode(good, c, &p))
	assert.Equal(t, "p001", p.ID)
	require.Error(t, dec.Decode([]byte(`{"id":"x"}`), c, &p))
	assert.Empty(t, p.Title, "the proposal is reset before each decode")
}
