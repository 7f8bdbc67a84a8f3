package contribution

import (
	"testing"

	"github.com/civic-observatory/civic"
)

// FuzzPlainText proves the fast path is sound: whenever plainText accepts a string,
// civic.CheckString records nothing for it under the same rule.
func FuzzPlainText(f *testing.F) {
	for _, s := range []string{"Budget participatif", "Écosystème", "E\u0301", "a\u202eb", "x\x00", "caf\xe9", "  ", "—–‐€", "\u0300a"} {
		f.Add(s, 3, 10, true, false, true)
	}
	f.Fuzz(func(t *testing.T, s string, min, max int, required, multiline, name bool) {
		r := civic.StringRule{Required: required, Min: min % 50, Max: max % 200, Multiline: multiline, Name: name}
		if r.Min < 0 {
			r.Min = -r.Min
		}
		if r.Max < 0 {
			r.Max = -r.Max
		}
		if !plainText(s, r) {
			return
		}
		var v civic.ValidationError
		if !civic.CheckString(&v, nil, s, r) {
			t.Fatalf("plainText accepts %q under %+v, CheckString reports %v", s, r, v.Errors)
		}
	})
}

// FuzzPlainPerson proves the same for people: plainPerson accepts only people that
// civic.Person.Check finds nothing wrong with.
func FuzzPlainPerson(f *testing.F) {
	f.Add("Camille Martin", "camille@example.fr", "chargée de mission", "Ville de Lyon", "commune", "FR", "https://lyon.example.fr", true)
	f.Add("A\u202e", "a@b", "", "", "guild", "fr", "ftp://x", false)
	f.Fuzz(func(t *testing.T, name, email, role, org, kind, country, site string, hasOrg bool) {
		p := civic.Person{Name: name, Email: email, Role: role}
		if hasOrg {
			p.Organisation = &civic.Organisation{Name: org, Kind: civic.OrgKind(kind), Country: country, Website: site}
		}
		if !plainPerson(&p) {
			return
		}
		if err := p.Validate(); err != nil {
			t.Fatalf("plainPerson accepts %+v, Validate reports %v", p, err)
		}
	})
}
