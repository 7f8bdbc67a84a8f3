package civic

import (
	"slices"
	"strings"

	"golang.org/x/text/language"

	"github.com/civic-observatory/civic/internal/text"
)

// Text is a text given in several languages, keyed by BCP 47 tag ("fr", "en", "fr-CA").
// Its JSON form is an object: {"fr": "Écosystème", "en": "Ecosystem"}. The zero value
// is an empty text.
type Text map[string]string

// NewText returns a text in French and English. An empty argument is left out.
func NewText(fr, en string) Text {
	t := Text{}
	if fr != "" {
		t["fr"] = fr
	}
	if en != "" {
		t["en"] = en
	}
	return t
}

// Get returns the text in the language closest to tag: the exact tag, then its parent
// languages (fr-CA → fr), then French, then English, then any language in tag order.
// It returns "" only when the text is empty.
func (t Text) Get(tag language.Tag) string {
	if len(t) == 0 {
		return ""
	}
	for x := tag; ; x = x.Parent() {
		if s, ok := t[x.String()]; ok && s != "" {
			return s
		}
		if x.IsRoot() {
			break
		}
	}
	if base, _ := tag.Base(); base.String() != "und" {
		for _, k := range t.Languages() {
			if s := t[k]; s != "" && strings.HasPrefix(k, base.String()) && (len(k) == len(base.String()) || k[len(base.String())] == '-') {
				return s
			}
		}
	}
	for _, k := range []string{"fr", "en"} {
		if s := t[k]; s != "" {
			return s
		}
	}
	for _, k := range t.Languages() {
		if s := t[k]; s != "" {
			return s
		}
	}
	return ""
}

// Languages returns the tags the text has, sorted.
func (t Text) Languages() []string {
	keys := make([]string, 0, len(t))
	for k := range t {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// Check records the problems of t at path: every tag well-formed and canonical, every
// value valid text of at most max characters (no limit when max ≤ 0), and, when required,
// at least one language.
func (t Text) Check(v *ValidationError, path Path, required bool, max int) {
	if len(t) == 0 {
		if required {
			v.Add(path, CodeRequired)
		}
		return
	}
	rule := text.Rule{Required: true, Max: max, Multiline: true}
	for _, k := range t.Languages() {
		canonical := k == "fr" || k == "en" // the common case, without parsing
		if !canonical {
			tag, err := language.Parse(k)
			canonical = err == nil && tag.String() == k
		}
		if !canonical {
			v.Add(path.Key(k), CodeInvalidLang, k)
			continue
		}
		if !text.Plain(t[k], rule) {
			checkString(v, path.Key(k), t[k], rule)
		}
	}
}
