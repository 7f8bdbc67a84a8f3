package participation

import (
	"slices"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/internal/check"
	"github.com/civic-observatory/civic/internal/jsondec"
	ctext "github.com/civic-observatory/civic/internal/text"
)

// LegalForm is the legal form of a civic tech actor.
type LegalForm string

// The legal forms.
const (
	FormAssociation LegalForm = "association" // association loi 1901
	FormCooperative LegalForm = "cooperative" // SCOP, SCIC
	FormCompany     LegalForm = "company"     // SAS, SARL, SA
	FormPublic      LegalForm = "public_body" // établissement public, administration
	FormCollective  LegalForm = "collective"  // collectif sans personnalité morale
	FormFoundation  LegalForm = "foundation"  // fondation, fonds de dotation
	FormOtherLegal  LegalForm = "other"
)

// LegalForms lists every LegalForm.
func LegalForms() []LegalForm {
	return []LegalForm{FormAssociation, FormCooperative, FormCompany, FormPublic, FormCollective, FormFoundation, FormOtherLegal}
}

// Valid reports whether f is one of [LegalForms].
func (f LegalForm) Valid() bool { return slices.Contains(LegalForms(), f) }

// Actor is a civic tech actor of the map (« Cartographie »): who it is, how it lives,
// what it makes and where.
type Actor struct {
	ID           string             `json:"id"`
	Organisation civic.Organisation `json:"organisation"`
	LegalForm    LegalForm          `json:"legalForm"`
	Model        Model              `json:"model"`
	// Tools are the names of the tools the actor makes.
	Tools      []string `json:"tools,omitempty"`
	OpenSource bool     `json:"openSource"`
	// Territories are the territories it serves (« national », a region, cities…).
	Territories []string `json:"territories,omitempty"`
	// Kinds are the kinds of device its tools support.
	Kinds []Kind `json:"kinds,omitempty"`
}

// Family returns the actor's family, from its organisation's kind.
func (a *Actor) Family() civic.Family { return a.Organisation.Family() }

// Map is the civic tech map: a list of actors.
type Map struct {
	ID     string     `json:"id"`
	Title  civic.Text `json:"title"`
	Actors []Actor    `json:"actors,omitempty"`
}

// Check records every problem of the map at path.
func (m *Map) Check(v *civic.ValidationError, path civic.Path) {
	check.ID(v, path.Key("id"), m.ID)
	m.Title.Check(v, path.Key("title"), true, MaxLabel)
	seen := map[string]bool{}
	for i := range m.Actors {
		a := &m.Actors[i]
		p := path.Key("actors").Index(i)
		if check.ID(v, p.Key("id"), a.ID) && seen[a.ID] {
			v.Add(p.Key("id"), civic.CodeDuplicate, a.ID)
		}
		seen[a.ID] = true
		a.Organisation.Check(v, p.Key("organisation"))
		enum(v, p.Key("legalForm"), a.LegalForm, a.LegalForm.Valid())
		enum(v, p.Key("model"), a.Model, a.Model.Valid())
		list(v, p, "tools", len(a.Tools))
		for j, t := range a.Tools {
			check.String(v, p.Key("tools").Index(j), t, ctext.Rule{Required: true, Max: MaxLabel, Name: true})
		}
		list(v, p, "territories", len(a.Territories))
		for j, t := range a.Territories {
			check.String(v, p.Key("territories").Index(j), t, ctext.Rule{Required: true, Max: MaxLabel, Name: true})
		}
		for j, k := range a.Kinds {
			q := p.Key("kinds").Index(j)
			if enum(v, q, k, k.Valid()) && slices.Contains(a.Kinds[:j], k) {
				v.Add(q, civic.CodeDuplicate, string(k))
			}
		}
	}
}

// Validate reports every problem of the map as a [*civic.ValidationError].
func (m *Map) Validate() error {
	var v civic.ValidationError
	m.Check(&v, nil)
	return v.Err()
}

// DecodeMap decodes a map document strictly and validates it, returning every problem at
// once.
func DecodeMap(data []byte) (*Map, error) {
	d := jsondec.New(data, jsondec.Limits{})
	m := &Map{}
	if d.Object() {
		for d.Next() {
			switch string(d.Key()) {
			case "id":
				m.ID = d.Str()
			case "title":
				m.Title = d.Text()
			case "actors":
				if d.Array() {
					m.Actors = []Actor{}
					for d.More() {
						m.Actors = append(m.Actors, decodeActor(d))
					}
				}
			default:
				d.Unknown()
			}
		}
	}
	d.End()
	if err := d.Check(m.Check); err != nil {
		return m, err
	}
	return m, nil
}

func decodeActor(d *jsondec.Decoder) Actor {
	var a Actor
	if !d.Object() {
		return a
	}
	for d.Next() {
		switch string(d.Key()) {
		case "id":
			a.ID = d.Str()
		case "organisation":
			a.Organisation = d.Organisation()
		case "legalForm":
			a.LegalForm = LegalForm(d.Str())
		case "model":
			a.Model = Model(d.Str())
		case "tools":
			a.Tools = d.Strings()
		case "openSource":
			a.OpenSource = d.Bool()
		case "territories":
			a.Territories = d.Strings()
		case "kinds":
			for _, k := range d.Strings() {
				a.Kinds = append(a.Kinds, Kind(k))
			}
		default:
			d.Unknown()
		}
	}
	return a
}
