package contribution

import (
	"testing"

	"github.com/civic-observatory/civic"
)

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
