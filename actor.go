package civic

import (
	"slices"

	"github.com/civic-observatory/civic/internal/text"
)

// Family is one of the families of actors among which the 2019 call seeks a diversity of
// points of view: « acteurs publics et institutionnels, entreprises et start-ups,
// associations et collectifs, universitaires et think-tanks », plus individual citizens.
type Family string

// The families of actors.
const (
	FamilyPublic      Family = "public"      // acteurs publics et institutionnels
	FamilyCompany     Family = "company"     // entreprises et start-ups
	FamilyAssociation Family = "association" // associations et collectifs
	FamilyAcademic    Family = "academic"    // universitaires et think-tanks
	FamilyCitizen     Family = "citizen"     // citoyens à titre individuel
)

// Families lists every Family, in the call's order.
func Families() []Family {
	return []Family{FamilyPublic, FamilyCompany, FamilyAssociation, FamilyAcademic, FamilyCitizen}
}

// Valid reports whether f is one of [Families].
func (f Family) Valid() bool { return slices.Contains(Families(), f) }

// Label returns the family's name in French and English.
func (f Family) Label() Text {
	switch f {
	case FamilyPublic:
		return NewText("Acteurs publics et institutionnels", "Public and institutional actors")
	case FamilyCompany:
		return NewText("Entreprises et start-ups", "Companies and start-ups")
	case FamilyAssociation:
		return NewText("Associations et collectifs", "Associations and collectives")
	case FamilyAcademic:
		return NewText("Universitaires et think-tanks", "Academics and think-tanks")
	case FamilyCitizen:
		return NewText("Citoyens", "Individual citizens")
	}
	return nil
}

// OrgKind is the kind of an organisation. Each kind belongs to one [Family].
type OrgKind string

// The kinds of organisation.
const (
	KindState            OrgKind = "state"            // l'État
	KindMinistry         OrgKind = "ministry"         // ministère
	KindParliament       OrgKind = "parliament"       // Assemblée nationale, Sénat, députés, commissions
	KindRegion           OrgKind = "region"           // région
	KindDepartement      OrgKind = "departement"      // département
	KindMetropole        OrgKind = "metropole"        // métropole
	KindIntercommunalite OrgKind = "intercommunalite" // intercommunalité
	KindCommune          OrgKind = "commune"          // commune
	KindPublicAgency     OrgKind = "public_agency"    // agence ou administration publique, CESE
	KindSocialHousing    OrgKind = "social_housing"   // office HLM
	KindCompany          OrgKind = "company"          // entreprise
	KindStartup          OrgKind = "startup"          // start-up
	KindAssociation      OrgKind = "association"      // association
	KindCollective       OrgKind = "collective"       // collectif citoyen
	KindUnion            OrgKind = "union"            // syndicat, fédération
	KindFoundation       OrgKind = "foundation"       // fondation, mécène
	KindUniversity       OrgKind = "university"       // université ou laboratoire de recherche
	KindThinkTank        OrgKind = "think_tank"       // think-tank
	KindCitizen          OrgKind = "citizen"          // citoyen à titre individuel
)

// OrgKinds lists every OrgKind, public actors first.
func OrgKinds() []OrgKind {
	return []OrgKind{KindState, KindMinistry, KindParliament, KindRegion, KindDepartement,
		KindMetropole, KindIntercommunalite, KindCommune, KindPublicAgency, KindSocialHousing,
		KindCompany, KindStartup, KindAssociation, KindCollective, KindUnion, KindFoundation,
		KindUniversity, KindThinkTank, KindCitizen}
}

// Valid reports whether k is one of [OrgKinds].
func (k OrgKind) Valid() bool { return slices.Contains(OrgKinds(), k) }

// Family returns the family of actors the kind belongs to, or "" for an unknown kind.
// Unions and foundations count with associations and collectives (organisations of civil
// society); social housing offices with public actors.
func (k OrgKind) Family() Family {
	switch k {
	case KindState, KindMinistry, KindParliament, KindRegion, KindDepartement, KindMetropole,
		KindIntercommunalite, KindCommune, KindPublicAgency, KindSocialHousing:
		return FamilyPublic
	case KindCompany, KindStartup:
		return FamilyCompany
	case KindAssociation, KindCollective, KindUnion, KindFoundation:
		return FamilyAssociation
	case KindUniversity, KindThinkTank:
		return FamilyAcademic
	case KindCitizen:
		return FamilyCitizen
	}
	return ""
}

// Label returns the kind's name in French and English, or nil for an unknown kind.
func (k OrgKind) Label() Text {
	fr, en := k.labels()
	if fr == "" {
		return nil
	}
	return NewText(fr, en)
}

func (k OrgKind) labels() (fr, en string) {
	switch k {
	case KindState:
		return "État", "State"
	case KindMinistry:
		return "Ministère", "Ministry"
	case KindParliament:
		return "Parlement", "Parliament"
	case KindRegion:
		return "Région", "Region"
	case KindDepartement:
		return "Département", "Département"
	case KindMetropole:
		return "Métropole", "Metropolitan authority"
	case KindIntercommunalite:
		return "Intercommunalité", "Inter-municipal authority"
	case KindCommune:
		return "Commune", "Municipality"
	case KindPublicAgency:
		return "Agence ou administration publique", "Public agency or administration"
	case KindSocialHousing:
		return "Office HLM", "Social housing office"
	case KindCompany:
		return "Entreprise", "Company"
	case KindStartup:
		return "Start-up", "Start-up"
	case KindAssociation:
		return "Association", "Association"
	case KindCollective:
		return "Collectif", "Collective"
	case KindUnion:
		return "Syndicat", "Trade union"
	case KindFoundation:
		return "Fondation", "Foundation"
	case KindUniversity:
		return "Université ou laboratoire de recherche", "University or research lab"
	case KindThinkTank:
		return "Think-tank", "Think-tank"
	case KindCitizen:
		return "Citoyen", "Individual citizen"
	}
	return "", ""
}

// Organisation is a body an actor belongs to. The zero value is no organisation: the
// person acts as an individual citizen.
type Organisation struct {
	// Name is the organisation's name, 1 to 200 characters.
	Name string `json:"name"`
	// Kind is the kind of organisation; it decides the family of actors.
	Kind OrgKind `json:"kind"`
	// Country is the ISO 3166-1 alpha-2 code of the country the organisation is based in.
	Country string `json:"country"`
	// Website is an optional http or https URL.
	Website string `json:"website,omitempty"`
}

// Family returns the family of the organisation's kind.
func (o Organisation) Family() Family { return o.Kind.Family() }

// International reports whether the organisation is based outside home (an ISO 3166-1
// code such as "FR").
func (o Organisation) International(home string) bool { return o.Country != "" && o.Country != home }

// Limits on actors, in characters.
const (
	MaxNameLen  = 200
	MaxRoleLen  = 200
	MaxEmailLen = 254
)

// Check records the problems of o at path.
func (o Organisation) Check(v *ValidationError, path Path) {
	if rule := (text.Rule{Required: true, Max: MaxNameLen, Name: true}); !text.Plain(o.Name, rule) {
		checkString(v, path.Key("name"), o.Name, rule)
	}
	switch {
	case o.Kind == "":
		v.Add(path.Key("kind"), CodeRequired)
	case !o.Kind.Valid():
		v.Add(path.Key("kind"), CodeUnknownValue, string(o.Kind))
	}
	switch {
	case o.Country == "":
		v.Add(path.Key("country"), CodeRequired)
	case !text.ValidCountry(o.Country):
		v.Add(path.Key("country"), CodeInvalidCountry, o.Country)
	}
	if o.Website != "" {
		checkURL(v, path.Key("website"), o.Website)
	}
}

// Validate reports every problem of o as a [*ValidationError].
func (o Organisation) Validate() error {
	var v ValidationError
	o.Check(&v, nil)
	return v.Err()
}

// Person is someone who takes part: a contributor, a reviewer, an organiser.
type Person struct {
	// Name is the person's full name, 1 to 200 characters.
	Name string `json:"name"`
	// Email is a bare e-mail address.
	Email string `json:"email"`
	// Role is the person's role or title in their organisation (« chargée de mission »).
	Role string `json:"role,omitempty"`
	// Organisation is the body the person speaks for; leave it out for an individual citizen.
	Organisation *Organisation `json:"organisation,omitempty"`
}

// Family returns the family of the person's organisation, or [FamilyCitizen] without one.
func (p Person) Family() Family {
	if p.Organisation == nil {
		return FamilyCitizen
	}
	return p.Organisation.Family()
}

// Check records the problems of p at path.
func (p Person) Check(v *ValidationError, path Path) {
	checkString(v, path.Key("name"), p.Name, text.Rule{Required: true, Max: MaxNameLen, Name: true})
	if p.Email == "" {
		v.Add(path.Key("email"), CodeRequired)
	} else if checkString(v, path.Key("email"), p.Email, text.Rule{Max: MaxEmailLen}) {
		checkEmail(v, path.Key("email"), p.Email)
	}
	checkString(v, path.Key("role"), p.Role, text.Rule{Max: MaxRoleLen, Name: true})
	if p.Organisation != nil {
		p.Organisation.Check(v, path.Key("organisation"))
	}
}

// Validate reports every problem of p as a [*ValidationError].
func (p Person) Validate() error {
	var v ValidationError
	p.Check(&v, nil)
	return v.Err()
}
