// Package text is the machinery behind the string rules of every document: which
// characters text may hold, its length in characters, its normal form, and the forms of
// e-mail addresses, identifiers, URLs and country codes. Its checks report problems as the
// root package's codes (as plain strings, so that this package imports nothing of the
// module), through a callback; package internal/check adapts them to
// civic.ValidationError for the domain packages, and the root uses them directly.
//
// It is internal because it is machinery, not vocabulary: the root package exports the
// documents' vocabulary (text, actors, dates, errors) and the schemas export the rules.
package text

import (
	"fmt"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
)

// The codes of the problems the checks report, equal to the root package's codes of the
// same names (a test there proves it).
const (
	CodeInvalidUTF8    = "invalid_utf8"
	CodeRequired       = "required"
	CodeTooLong        = "too_long"
	CodeTooShort       = "too_short"
	CodeControlChar    = "control_char"
	CodeBidiChar       = "bidi_char"
	CodeInvalidEmail   = "invalid_email"
	CodeInvalidURL     = "invalid_url"
	CodeInvalidID      = "invalid_id"
	CodeInvalidCountry = "invalid_country"
)

// Report receives one problem: its code (one of the constants above) and the arguments of
// its message.
type Report func(code string, args ...any)

// Rule says what a text value must look like. The zero value accepts any valid,
// single-line text, including the empty string.
type Rule struct {
	Required  bool // the empty string (after trimming spaces) is reported as CodeRequired
	Min, Max  int  // bounds in characters (Unicode code points of the NFC form); 0 means none
	Multiline bool // line feeds and tabs are allowed (descriptions, summaries)
	// Name marks a name or label. Bidirectional formatting characters are refused in every
	// text now, names or not (one rule for every user-facing string); the field is kept
	// so that callers need not change.
	Name bool
}

// Blank reports whether s holds nothing visible: only white space ([unicode.IsSpace])
// and invisible characters ([Invisible]). A required text that is blank is reported as
// CodeRequired: a title of zero-width spaces is no title.
func Blank(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) && !Invisible(r) {
			return false
		}
	}
	return true
}

// Invisible reports whether r is a character that shows nothing on its own: the format
// characters of the Basic Multilingual Plane that render as nothing (soft hyphen, zero
// width space, joiners, word joiner, invisible operators, bidirectional formatting
// characters, the byte order mark), the combining grapheme joiner, variation selectors,
// and the blank letters Hangul fillers (U+115F, U+1160, U+3164, U+FFA0), Khmer inherent
// vowels (U+17B4, U+17B5), the Mongolian vowel separator and the blank braille pattern
// (U+2800). The same list is the schemas' InvisibleChars.
func Invisible(r rune) bool {
	switch {
	case r < 0xad:
		return false
	case r == 0xad, r == 0x34f, r == 0x61c, r == 0x115f, r == 0x1160, r == 0x17b4, r == 0x17b5, r == 0x180e,
		r >= 0x200b && r <= 0x200f, r >= 0x202a && r <= 0x202e, r >= 0x2060 && r <= 0x2064,
		r >= 0x2066 && r <= 0x206f, r == 0x2800, r == 0x3164, r >= 0xfe00 && r <= 0xfe0f, r == 0xfeff, r == 0xffa0:
		return true
	}
	return false
}

// InvisibleChars is the list of [Invisible] characters that are not bidirectional
// formatting characters (those are refused in every text, see [BadRune]), as the body of a
// regular expression's character class, valid in RE2 and ECMAScript.
const InvisibleChars = "\u00AD\u034F\u115F\u1160\u17B4\u17B5\u180E\u200B-\u200D\u2060-\u2064\u206A-\u206F\u2800\u3164\uFE00-\uFE0F\uFEFF\uFFA0"

// Len returns the length of s in characters: the number of Unicode code points of its NFC
// form, which is what JSON Schema's minLength and maxLength count once the input is
// normalised.
func Len(s string) int {
	if NFCQuick(s) || norm.NFC.IsNormalString(s) {
		return utf8.RuneCountInString(s)
	}
	return utf8.RuneCountInString(norm.NFC.String(s))
}

// Normalize returns s in Unicode NFC with leading and trailing white space removed, the
// form every decoder of this module stores.
func Normalize(s string) string {
	s = strings.TrimSpace(s)
	if NFCQuick(s) || norm.NFC.IsNormalString(s) {
		return s
	}
	return norm.NFC.String(s)
}

// Check reports the problems of s under rule r: invalid UTF-8, control characters (except
// line feed and tab in multiline text), bidirectional formatting characters in names,
// emptiness and length. It reports whether s passed.
func Check(s string, r Rule, report Report) bool {
	if Plain(s, r) {
		return true
	}
	return CheckSlow(s, r, report)
}

// CheckSlow is [Check] without its fast path [Plain] (the fuzz tests compare the two).
func CheckSlow(s string, r Rule, report Report) bool {
	if !utf8.ValidString(s) {
		report(CodeInvalidUTF8)
		return false
	}
	if r.Required && Blank(s) {
		report(CodeRequired)
		return false
	}
	ok := true
	if bad, found := BadRune(s, r.Multiline, r.Name); found {
		ok = false
		if IsBidi(bad) {
			report(CodeBidiChar, RuneName(bad))
		} else {
			report(CodeControlChar, RuneName(bad))
		}
	}
	if r.Max > 0 || r.Min > 0 {
		l := Len(s)
		if r.Max > 0 && l > r.Max {
			ok = false
			report(CodeTooLong, r.Max, l)
		}
		if r.Min > 0 && l < r.Min && (l > 0 || !r.Required) {
			ok = false
			report(CodeTooShort, r.Min, l)
		}
	}
	return ok
}

// BadRune returns the first character of s that text of this kind may not hold: C0 and C1
// controls and U+007F (line feed, carriage return and tab are allowed when multiline),
// unassigned noncharacters U+FFFE and U+FFFF, and the bidirectional formatting characters
// (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069), in every text: a U+202E in a
// slot title reorders an export's line as much as in a name. name is ignored.
func BadRune(s string, multiline, name bool) (rune, bool) {
	for _, r := range s {
		switch {
		case r == '\n' || r == '\t' || r == '\r':
			if !multiline {
				return r, true
			}
		case r < 0x20 || r >= 0x7f && r < 0xa0 || r == 0xfffe || r == 0xffff:
			return r, true
		case IsBidi(r):
			return r, true
		}
	}
	return 0, false
}

// IsBidi reports whether r is a bidirectional formatting character.
func IsBidi(r rune) bool {
	return r == 0x061c || r == 0x200e || r == 0x200f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069
}

// RuneName returns r as "U+XXXX".
func RuneName(r rune) string { return fmt.Sprintf("U+%04X", r) }

// CheckEmail reports CodeInvalidEmail unless s is a bare address (local@domain, with a
// dot in the domain, no display name, at most 254 characters).
func CheckEmail(s string, report Report) bool {
	if !ValidEmail(s) {
		report(CodeInvalidEmail, s)
		return false
	}
	return true
}

// ValidEmail reports whether s is a bare e-mail address: ASCII local part and domain,
// local@domain with a dotted domain of letters, digits and hyphens, at most 254 bytes.
// It is exactly the rule the exported JSON Schemas state with [EmailPattern] and maxLength 254.
func ValidEmail(s string) bool {
	if len(s) == 0 || len(s) > 254 {
		return false
	}
	at := strings.LastIndexByte(s, '@')
	if at <= 0 || at == len(s)-1 {
		return false
	}
	for i := 0; i < at; i++ {
		c := s[i]
		if !(isAlnum(c) || strings.IndexByte("!#$%&'*+/=?^_`{|}~.-", c) >= 0) {
			return false
		}
	}
	local := s[:at]
	if local[0] == '.' || local[len(local)-1] == '.' || strings.Contains(local, "..") {
		return false
	}
	labels := strings.Split(s[at+1:], ".")
	if len(labels) < 2 {
		return false
	}
	for _, l := range labels {
		if l == "" || len(l) > 63 || l[0] == '-' || l[len(l)-1] == '-' {
			return false
		}
		for i := 0; i < len(l); i++ {
			if !isAlnum(l[i]) && l[i] != '-' {
				return false
			}
		}
	}
	return true
}

// EmailPattern is the regular expression, valid in both RE2 and ECMAScript, that the
// exported schemas use for e-mail addresses, with maxLength 254. [ValidEmail] accepts
// exactly the strings it matches.
const EmailPattern = "^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$"

// CheckURL reports CodeInvalidURL unless s is an absolute http or https URL with a host.
func CheckURL(s string, report Report) bool {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || strings.ContainsAny(s, " \t\n") {
		report(CodeInvalidURL, s)
		return false
	}
	return true
}

// IDPattern is the pattern of identifiers: lower-case ASCII letters, digits and hyphens,
// starting with a letter or digit, at most 64 characters.
const IDPattern = "^[a-z0-9][a-z0-9-]{0,63}$"

// ValidID reports whether s matches [IDPattern].
func ValidID(s string) bool {
	if len(s) == 0 || len(s) > 64 || s[0] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// CheckID reports CodeRequired or CodeInvalidID unless s matches [IDPattern].
func CheckID(s string, report Report) bool {
	if s == "" {
		report(CodeRequired)
		return false
	}
	if !ValidID(s) {
		report(CodeInvalidID, s)
		return false
	}
	return true
}

// CountryPattern is the pattern of country codes: two upper-case ASCII letters.
const CountryPattern = "^[A-Z]{2}$"

// CheckCountry reports CodeInvalidCountry unless s is two upper-case letters naming an
// ISO 3166-1 region known to golang.org/x/text.
func CheckCountry(s string, report Report) bool {
	if !ValidCountry(s) {
		report(CodeInvalidCountry, s)
		return false
	}
	return true
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// ValidCountry reports whether s is one of [Countries].
func ValidCountry(s string) bool {
	if len(s) != 2 || s[0] < 'A' || s[0] > 'Z' || s[1] < 'A' || s[1] > 'Z' {
		return false
	}
	r, err := language.ParseRegion(s)
	return err == nil && r.IsCountry() && r.String() == s
}

// Countries lists the ISO 3166-1 alpha-2 codes that golang.org/x/text knows as countries,
// sorted. It is the enum of the exported schemas.
func Countries() []string {
	var out []string
	for a := byte('A'); a <= 'Z'; a++ {
		for b := byte('A'); b <= 'Z'; b++ {
			if s := string([]byte{a, b}); ValidCountry(s) {
				out = append(out, s)
			}
		}
	}
	return out
}

// Plain reports whether s plainly passes the rule r, that is, whether
// [Check] would report nothing, in a single pass over s and without
// normalising it. It answers false whenever it is not sure, and the full check runs: on
// invalid UTF-8 and on any character it does not know to be harmless. It knows ASCII
// (printable, plus tab, line feed and carriage return in multiline text) and the
// characters that are in NFC on their own and never combine with the one before them
// (U+00A0 to U+02FF, U+2010 to U+2064 but the bidirectional formatting characters in
// names, U+20A0 to U+20C0: French and English text), so that s is in NFC and its length
// in characters is the number of its code points. Check uses it as its fast path;
// callers use it to skip building a path when there is nothing to report.
func Plain(s string, r Rule) bool {
	n := 0
	blank := true
	for i := 0; i < len(s); n++ {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c > ' ' && c != 0x7f:
				blank = false
			case c == ' ':
			case c == '\n' || c == '\t' || c == '\r':
				if !r.Multiline {
					return false
				}
			default:
				return false
			}
			i++
			continue
		}
		x, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case x >= 0xa0 && x < 0x300 || x >= 0x20a0 && x <= 0x20c0:
		case x >= 0x2010 && x <= 0x2064:
			if IsBidi(x) || Invisible(x) {
				return false
			}
		default: // C1 controls, invalid UTF-8, anything else
			return false
		}
		if blank && !unicode.IsSpace(x) && !Invisible(x) {
			blank = false
		}
		i += size
	}
	switch {
	case r.Required && blank:
		return false
	case r.Max > 0 && n > r.Max:
		return false
	case r.Min > 0 && n < r.Min:
		return false
	}
	return true
}

// NFCQuick reports, in one pass and without tables, whether s is certainly in NFC: valid
// UTF-8 made of characters below U+0300 (ASCII, Latin-1, Latin Extended, spacing
// modifiers) or of punctuation and currency signs (U+2010 to U+20C0), none of which
// combines with its neighbour. It answers false when it is not sure.
func NFCQuick(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError || r >= 0x300 && (r < 0x2010 || r > 0x20c0) {
			return false
		}
		i += size
	}
	return true
}
