package civic

import "github.com/civic-observatory/civic/internal/text"

// The root's own adapters of the string rules of internal/text (the domain packages use
// internal/check, which imports this package).

func checkString(v *ValidationError, path Path, s string, r text.Rule) bool {
	if text.Plain(s, r) {
		return true
	}
	return text.CheckSlow(s, r, func(code string, args ...any) { v.Add(path, Code(code), args...) })
}

func checkEmail(v *ValidationError, path Path, s string) bool {
	return text.CheckEmail(s, func(code string, args ...any) { v.Add(path, Code(code), args...) })
}

func checkURL(v *ValidationError, path Path, s string) bool {
	return text.CheckURL(s, func(code string, args ...any) { v.Add(path, Code(code), args...) })
}
