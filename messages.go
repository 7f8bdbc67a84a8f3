package civic

import (
	"encoding/json"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"
)

// Languages lists the languages of the built-in messages, the default first.
func Languages() []language.Tag { return []language.Tag{language.English, language.French} }

// Messages returns a new catalog holding the built-in English and French message of every
// [Code]. Each call returns a fresh builder: callers may add languages or override entries
// without touching any other caller's catalog, and no process-wide catalog is used.
func Messages() *catalog.Builder {
	b := catalog.NewBuilder(catalog.Fallback(language.English))
	if err := AddMessages(b); err != nil {
		// The table is constant and tested; SetString fails only on a malformed message.
		panic(err)
	}
	return b
}

// AddMessages adds the built-in messages to a host application's catalog, keyed by [Code].
func AddMessages(b *catalog.Builder) error {
	for _, c := range codeTable {
		if err := b.SetString(language.English, string(c.code), c.en); err != nil {
			return err
		}
		if err := b.SetString(language.French, string(c.code), c.fr); err != nil {
			return err
		}
	}
	return nil
}

// MatchLanguage returns the supported language ([Languages]) closest to tag: fr-CA gives
// French, de gives English.
func MatchLanguage(tag language.Tag) language.Tag {
	_, i, _ := language.NewMatcher(Languages()).Match(tag)
	return Languages()[i]
}

// NewPrinter returns a printer for the supported language closest to tag, on a fresh
// [Messages] catalog.
func NewPrinter(tag language.Tag) *message.Printer {
	return message.NewPrinter(MatchLanguage(tag), message.Catalog(Messages()))
}

func marshalProblem(e *FieldError, p *message.Printer) ([]byte, error) {
	return json.Marshal(e.Problem(p))
}
