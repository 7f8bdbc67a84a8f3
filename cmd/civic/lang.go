package main

import (
	"os"
	"strings"

	"golang.org/x/text/language"

	"github.com/civic-observatory/civic"
)

// Reading the environment is the command's business, not the library's: the library takes
// a language.Tag.

// envLanguage returns the language named by the environment: LC_ALL, then LC_MESSAGES, then
// LANG, as POSIX orders them ("fr_FR.UTF-8" gives French). It falls back to English.
func envLanguage() language.Tag {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := os.Getenv(k)
		if v == "" {
			continue
		}
		if v == "C" || v == "POSIX" {
			return language.English
		}
		v, _, _ = strings.Cut(v, ".")
		v, _, _ = strings.Cut(v, "@")
		if t, err := language.Parse(strings.ReplaceAll(v, "_", "-")); err == nil {
			return civic.MatchLanguage(t)
		}
	}
	return language.English
}
