package civic

import "github.com/civic-observatory/civic/internal/text"

// The string rules moved to internal/text and internal/check (issue 13: the root exports
// vocabulary only). These forwarders keep the branches in flight compiling; they go away
// once every caller uses internal/check.

// StringRule is text.Rule.
//
// Deprecated: use internal/text.Rule.
type StringRule = text.Rule

// EmailPattern is text.EmailPattern.
//
// Deprecated: use internal/text.EmailPattern.
const EmailPattern = text.EmailPattern

// IDPattern is text.IDPattern.
//
// Deprecated: use internal/text.IDPattern.
const IDPattern = text.IDPattern

// CountryPattern is text.CountryPattern.
//
// Deprecated: use internal/text.CountryPattern.
const CountryPattern = text.CountryPattern

// Len is text.Len.
//
// Deprecated: use internal/text.Len.
func Len(s string) int { return text.Len(s) }

// Normalize is text.Normalize.
//
// Deprecated: use internal/text.Normalize.
func Normalize(s string) string { return text.Normalize(s) }

// CheckString is check.String.
//
// Deprecated: use internal/check.String.
func CheckString(v *ValidationError, path Path, s string, r StringRule) bool {
	return checkString(v, path, s, r)
}

// BadRune is text.BadRune.
//
// Deprecated: use internal/text.BadRune.
func BadRune(s string, multiline, name bool) (rune, bool) { return text.BadRune(s, multiline, name) }

// IsBidi is text.IsBidi.
//
// Deprecated: use internal/text.IsBidi.
func IsBidi(r rune) bool { return text.IsBidi(r) }

// RuneName is text.RuneName.
//
// Deprecated: use internal/text.RuneName.
func RuneName(r rune) string { return text.RuneName(r) }

// CheckEmail is check.Email.
//
// Deprecated: use internal/check.Email.
func CheckEmail(v *ValidationError, path Path, s string) bool { return checkEmail(v, path, s) }

// ValidEmail is text.ValidEmail.
//
// Deprecated: use internal/text.ValidEmail.
func ValidEmail(s string) bool { return text.ValidEmail(s) }

// CheckURL is check.URL.
//
// Deprecated: use internal/check.URL.
func CheckURL(v *ValidationError, path Path, s string) bool { return checkURL(v, path, s) }

// ValidID is text.ValidID.
//
// Deprecated: use internal/text.ValidID.
func ValidID(s string) bool { return text.ValidID(s) }

// CheckID is check.ID.
//
// Deprecated: use internal/check.ID.
func CheckID(v *ValidationError, path Path, s string) bool {
	return text.CheckID(s, func(code string, args ...any) { v.Add(path, Code(code), args...) })
}

// CheckCountry is check.Country.
//
// Deprecated: use internal/check.Country.
func CheckCountry(v *ValidationError, path Path, s string) bool {
	return text.CheckCountry(s, func(code string, args ...any) { v.Add(path, Code(code), args...) })
}

// ValidCountry is text.ValidCountry.
//
// Deprecated: use internal/text.ValidCountry.
func ValidCountry(s string) bool { return text.ValidCountry(s) }

// Countries is text.Countries.
//
// Deprecated: use internal/text.Countries.
func Countries() []string { return text.Countries() }

// Plain is text.Plain.
//
// Deprecated: use internal/text.Plain.
func Plain(s string, r StringRule) bool { return text.Plain(s, r) }
