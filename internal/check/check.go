// Package check adapts the string rules of internal/text to the module's validation
// errors: each function records its problems in a *civic.ValidationError at a path, with
// the root package's codes, and reports whether the value passed. The domain packages
// (axis, contribution, event, schedule, participation) call these from their Check
// methods; the root package, which internal/check imports, has its own private adapters.
package check

import (
	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/internal/text"
)

// reporter returns a text.Report recording into v at path.
func reporter(v *civic.ValidationError, path civic.Path) text.Report {
	return func(code string, args ...any) { v.Add(path, civic.Code(code), args...) }
}

// String records the problems of s at path under rule r: invalid UTF-8, control characters
// (except line feed and tab in multiline text), bidirectional formatting characters in
// names, emptiness and length. It reports whether s passed, without allocating when it did.
func String(v *civic.ValidationError, path civic.Path, s string, r text.Rule) bool {
	if text.Plain(s, r) {
		return true
	}
	return text.CheckSlow(s, r, reporter(v, path))
}

// Email records civic.CodeInvalidEmail at path unless s is a bare e-mail address.
func Email(v *civic.ValidationError, path civic.Path, s string) bool {
	if text.ValidEmail(s) {
		return true
	}
	return text.CheckEmail(s, reporter(v, path))
}

// URL records civic.CodeInvalidURL at path unless s is an absolute http or https URL.
func URL(v *civic.ValidationError, path civic.Path, s string) bool {
	return text.CheckURL(s, reporter(v, path))
}

// ID records civic.CodeRequired or civic.CodeInvalidID at path unless s matches
// text.IDPattern.
func ID(v *civic.ValidationError, path civic.Path, s string) bool {
	if text.ValidID(s) {
		return true
	}
	return text.CheckID(s, reporter(v, path))
}

// Country records civic.CodeInvalidCountry at path unless s is an ISO 3166-1 alpha-2 code.
func Country(v *civic.ValidationError, path civic.Path, s string) bool {
	if text.ValidCountry(s) {
		return true
	}
	return text.CheckCountry(s, reporter(v, path))
}
