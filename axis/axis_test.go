package axis_test

import (
	"github.com/civic-observatory/civic/internal/hostile"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/axis"
)

func testSet() axis.Set {
	return axis.Set{
		{ID: "1", Title: civic.NewText("Govtech", "Govtech"), Questions: []axis.Question{
			{Number: 1, Text: civic.NewText("Comment évaluer le succès ?", "How to evaluate success?")},
			{Number: 2, Text: civic.NewText("Mobiliser les citoyens", "Mobilising citizens")},
		}},
		{ID: "3", Title: civic.NewText("Écosystème : un marché ?", "Ecosystem: a market?"), Questions: []axis.Question{
			{Number: 1, Text: civic.NewText("Quels modèles économiques ?", "Which business models?")},
		}},
		{ID: "2", Title: civic.NewText("Technologies citoyennes", "Citizen technologies"), Questions: []axis.Question{
			{Number: 1, Text: civic.NewText("L'information, outil d'action collective", "Information as a tool")},
		}},
		{ID: "4", Title: civic.NewText("Démocratie en entreprise", "Democracy in companies"), Questions: []axis.Question{
			{Number: 1, Text: civic.NewText("Une nouveauté ?", "Something new?")},
		}},
	}
}

func TestParseRef(t *testing.T) {
	tests := []struct {
		in   string
		want axis.Ref
		ok   bool
	}{
		{"1.3", axis.Ref{Axis: "1", Question: 3}, true},
		{"govtech.12", axis.Ref{Axis: "govtech", Question: 12}, true},
		{"1.0", axis.Ref{}, false},
		{"1.03", axis.Ref{}, false},
		{"1.+3", axis.Ref{}, false},
		{"1", axis.Ref{}, false},
		{".3", axis.Ref{}, false},
		{"A.3", axis.Ref{}, false},
		{"1.100", axis.Ref{}, false},
		{"1.3.2", axis.Ref{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			r, err := axis.ParseRef(tt.in)
			if !tt.ok {
				assert.Equal(t, civic.CodeUnknownRef, civic.ErrorCode(err))
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, r)
			assert.Equal(t, tt.in, r.String())
		})
	}
}

func TestSetResolve(t *testing.T) {
	s := testSet()
	r, err := s.Resolve("1.2")
	require.NoError(t, err)
	assert.Equal(t, axis.Ref{Axis: "1", Question: 2}, r)
	_, err = s.Resolve("1.3")
	assert.Equal(t, civic.CodeUnknownRef, civic.ErrorCode(err))
	_, err = s.Resolve("9.1")
	assert.Error(t, err)
	assert.Equal(t, []string{"1", "3", "2", "4"}, s.IDs())
	assert.Len(t, s.Refs(), 5)
}

func TestSetCheck(t *testing.T) {
	s := axis.Set{
		{ID: "1", Title: civic.NewText("Govtech", ""), Questions: []axis.Question{{Number: 1, Text: civic.NewText("Q", "")}, {Number: 3, Text: civic.NewText("", "")}}},
		{ID: "1", Title: nil},
		{ID: "Axe 3", Title: civic.NewText("x", ""), Questions: []axis.Question{{Number: 1, Text: civic.Text{"fr": "a\x07"}}}},
	}
	err := s.Validate()
	var got []string
	for _, e := range civic.FieldErrors(err) {
		got = append(got, e.Path.String()+" "+string(e.Code))
	}
	assert.Equal(t, []string{
		"[0].questions[1].number out_of_range",
		"[0].questions[1].text required",
		"[1].title required",
		"[1].questions required",
		"[1].id duplicate",
		"[2].id invalid_id",
		"[2].questions[0].text.fr control_char",
	}, got)
}

func TestSortedFrench(t *testing.T) {
	got := testSet().Sorted(language.French)
	var titles []string
	for _, a := range got {
		titles = append(titles, a.Title.Get(language.French))
	}
	// Byte order would put « Écosystème » last; French collation puts it among the E's.
	assert.Equal(t, []string{"Démocratie en entreprise", "Écosystème : un marché ?", "Govtech", "Technologies citoyennes"}, titles)
	assert.Equal(t, "1", testSet()[0].ID, "the set itself is not modified")
}

func TestSearch(t *testing.T) {
	s := testSet()
	refs := func(ms []axis.Match) []string {
		var out []string
		for _, m := range ms {
			out = append(out, m.Ref.String())
		}
		return out
	}
	assert.Equal(t, []string{"1.1"}, refs(s.Search("EVALUER", language.French)))
	assert.Equal(t, []string{"3.1"}, refs(s.Search("ecosysteme", language.French)), "matches the axis title")
	assert.Equal(t, []string{"3.1"}, refs(s.Search("e\u0301conomiques", language.French)), "NFD query")
	assert.Equal(t, []string{"1.1"}, refs(s.Search("evaluate", language.English)))
	assert.Empty(t, s.Search("", language.French))
	assert.Empty(t, s.Search("blockchain", language.French))
	assert.True(t, axis.Equal("ecosysteme", "Écosystème", language.French))
	assert.False(t, axis.Equal("ecosysteme", "économie", language.French))
}

func TestDecode(t *testing.T) {
	a, err := axis.Decode([]byte(`{"id":"2","title":{"fr":"Technologies citoyennes","en":"Citizen technologies"},` +
		`"questions":[{"number":1,"text":{"fr":"Quel rôle pour l'information ?"}}]}`))
	require.NoError(t, err)
	assert.Equal(t, "Technologies citoyennes", a.Title.Get(language.French))

	_, err = axis.Decode([]byte(`{"id":"2","title":{"fr":1},"questions":[{"number":"1","text":{}}],"extra":true,"id":"3"}`))
	var got []string
	for _, e := range civic.FieldErrors(err) {
		got = append(got, e.Path.String()+" "+string(e.Code))
	}
	assert.Equal(t, []string{"title.fr type", "questions[0].number type", "extra unknown_field", "id duplicate_key",
		"title required", "questions[0].text required"}, got)

	_, err = axis.DecodeSet([]byte(`[{"id":"1","title":{"fr":"A"},"questions":[{"number":1,"text":{"fr":"Q"}}]}, 3]`))
	assert.True(t, civic.FieldErrors(err)[0].Path.String() == "[1]")
}

// FuzzDecode checks that decoding and validating any bytes as an axis never panics and
// that a valid axis survives a round trip.
func FuzzDecode(f *testing.F) {
	for _, s := range hostile.Seeds("questions") {
		f.Add(s)
	}
	f.Add([]byte(`{"id":"2","title":{"fr":"Technologies citoyennes"},"questions":[{"number":1,"text":{"fr":"Q ?"}}]}`))
	f.Add([]byte(`{"id":"2","id":"3","questions":[{"number":1e99}]}`))
	f.Add([]byte(`[{"id":"1"}]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := axis.Decode(data)
		if err != nil {
			return
		}
		if err := a.Validate(); err != nil {
			t.Fatalf("decoded as valid but Validate says %v", err)
		}
		if _, err := axis.DecodeSet(append(append([]byte("["), data...), ']')); err != nil {
			t.Fatalf("a valid axis is not a valid set of one: %v", err)
		}
	})
}
