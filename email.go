package civic

import (
	"strings"

	"golang.org/x/text/unicode/norm"
)

// EmailKey returns the key under which an e-mail address identifies a person: two
// addresses with the same key are the same person, wherever the module compares them
// (duplicate contributors, an author recognised among a proposal's contributors, a
// reviewer's conflict of interest).
//
// The rule: surrounding white space is ignored, the text is taken in NFC, and both parts
// are compared without regard to case. The domain is case-insensitive by definition
// (RFC 5321 §2.4). The local part may be case-sensitive by the standard, but no common
// provider treats it so, and telling Claire@ from claire@ would let one person pass as
// two; the local part is otherwise kept as written: dots and "+tags" are not removed,
// since providers disagree on them. An empty address has the empty key.
func EmailKey(addr string) string {
	addr = strings.TrimSpace(addr)
	simple := true
	for i := 0; i < len(addr); i++ {
		if c := addr[i]; c >= 0x80 || 'A' <= c && c <= 'Z' {
			simple = false
			break
		}
	}
	if simple {
		return addr
	}
	return strings.ToLower(norm.NFC.String(addr))
}

// SameEmail reports whether two e-mail addresses identify the same person by the rule of
// [EmailKey]. Two empty addresses are not the same person.
func SameEmail(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	return EmailKey(a) == EmailKey(b)
}
