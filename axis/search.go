package axis

import (
	"slices"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
	"golang.org/x/text/search"
	"golang.org/x/text/unicode/norm"
)

// Sorted returns the axes sorted by title in the language tag, with the collation rules of
// that language: in French, « Écosystème » sorts among the E's, and case and accents
// only break ties. The set itself is not modified. Ties keep the set's order.
func (s Set) Sorted(tag language.Tag) Set {
	c := collate.New(tag) // a Collator is not safe for concurrent use: one per call
	out := slices.Clone(s)
	slices.SortStableFunc(out, func(a, b Axis) int {
		return c.CompareString(norm.NFC.String(a.Title.Get(tag)), norm.NFC.String(b.Title.Get(tag)))
	})
	return out
}

// Match is a guiding question whose text or axis title contains a searched phrase.
type Match struct {
	Ref  Ref
	Text string // the question in the searched language
}

// Search returns the guiding questions whose text, or whose axis's title, contains the
// query in the language tag, ignoring case and accents as a French reader expects
// ("ecosysteme" finds « Écosystème », "EVALUER" finds « évaluer »), in the set's order.
// The query and the texts are compared in Unicode NFC.
func (s Set) Search(query string, tag language.Tag) []Match {
	q := norm.NFC.String(query)
	if q == "" {
		return nil
	}
	m := search.New(tag, search.Loose) // one matcher per call: matchers are not safe for concurrent use
	pat := m.CompileString(q)
	var out []Match
	for _, a := range s {
		title := norm.NFC.String(a.Title.Get(tag))
		inTitle := pat != nil && containsPattern(pat, title)
		for _, q := range a.Questions {
			text := norm.NFC.String(q.Text.Get(tag))
			if inTitle || containsPattern(pat, text) {
				out = append(out, Match{Ref: a.Ref(q.Number), Text: text})
			}
		}
	}
	return out
}

func containsPattern(p *search.Pattern, s string) bool {
	start, _ := p.IndexString(s)
	return start >= 0
}

// Equal reports whether two labels are the same for a reader of the language tag,
// ignoring case and accents: Equal("ecosysteme", "Écosystème", language.French) is true.
func Equal(a, b string, tag language.Tag) bool {
	c := collate.New(tag, collate.Loose)
	return c.CompareString(norm.NFC.String(a), norm.NFC.String(b)) == 0
}
