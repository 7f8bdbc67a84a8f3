package main

import (
	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"

	"github.com/civic-observatory/civic"
)

// The command's messages with counts live in a catalogue, with the plural forms of French
// and English, keyed by their English text. The printer of every command (env.p) uses it;
// it holds the library's messages too.

// Keys of the command's counted messages.
const (
	msgRecords    = "%[1]d records: %[2]d valid, %[3]d invalid"
	msgUnreadable = "%[1]d files could not be read"
)

// cliMessages returns a new catalogue: the library's messages ([civic.Messages]) and the
// command's own. No process-wide catalogue is touched.
func cliMessages() *catalog.Builder {
	b := civic.Messages()
	set := func(tag language.Tag, key string, msg ...catalog.Message) {
		if err := b.Set(tag, key, msg...); err != nil {
			panic(err) // a malformed constant entry: caught by TestCLIMessages
		}
	}
	set(language.English, msgRecords,
		catalog.Var("records", plural.Selectf(1, "%d", "one", "record", "other", "records")),
		catalog.String("%[1]d ${records}: %[2]d valid, %[3]d invalid"))
	set(language.French, msgRecords,
		catalog.Var("records", plural.Selectf(1, "%d", "one", "enregistrement", "other", "enregistrements")),
		catalog.Var("valid", plural.Selectf(2, "%d", "one", "valide", "other", "valides")),
		catalog.Var("invalid", plural.Selectf(3, "%d", "one", "invalide", "other", "invalides")),
		catalog.String("%[1]d ${records} : %[2]d ${valid}, %[3]d ${invalid}"))
	set(language.English, msgUnreadable,
		plural.Selectf(1, "%d", "one", "%[1]d file could not be read", "other", "%[1]d files could not be read"))
	set(language.French, msgUnreadable,
		plural.Selectf(1, "%d", "one", "%[1]d fichier illisible", "other", "%[1]d fichiers illisibles"))
	return b
}

// newPrinter returns the printer of the command in the supported language closest to tag.
func newPrinter(tag language.Tag) *message.Printer {
	return message.NewPrinter(civic.MatchLanguage(tag), message.Catalog(cliMessages()))
}
