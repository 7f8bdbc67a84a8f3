package event

import (
	"slices"

	"github.com/civic-observatory/civic"
)

// Kind is the kind of an event or of a calendar activity. The list is closed and covers
// every activity the Observatoire's seeds name; the wire value is the constant's text.
type Kind string

// The kinds of events and activities, with the French words of the seeds.
const (
	KindJournee          Kind = "journee"           // journée d'étude ou de rencontre (la Journée de la civic tech)
	KindConference       Kind = "conference"        // conférence
	KindColloquium       Kind = "colloquium"        // colloque
	KindNationalMeetings Kind = "national_meetings" // rencontres nationales (de la participation)
	KindMeeting          Kind = "meeting"           // rencontre
	KindMorningWorkshop  Kind = "morning_workshop"  // matinée de questionnement
	KindWorkshop         Kind = "workshop"          // atelier de discussion
	KindTraining         Kind = "training"          // formation
	KindBreakfast        Kind = "breakfast"         // petit déjeuner de présentation
	KindEvening          Kind = "evening"           // soirée
	KindStudyTrip        Kind = "study_trip"        // voyage d'études
	KindSurvey           Kind = "survey"            // enquête
	KindPublication      Kind = "publication"       // publication
)

// Kinds lists every [Kind]: gatherings first, then trips, surveys and publications.
func Kinds() []Kind {
	return []Kind{KindJournee, KindConference, KindColloquium, KindNationalMeetings, KindMeeting,
		KindMorningWorkshop, KindWorkshop, KindTraining, KindBreakfast, KindEvening, KindStudyTrip,
		KindSurvey, KindPublication}
}

// Valid reports whether k is one of [Kinds]. The zero value "" is not valid.
func (k Kind) Valid() bool { return slices.Contains(Kinds(), k) }

// Gathering reports whether people meet at a place and time for this kind: false for
// surveys and publications, which have a date but no venue, rooms or programme.
func (k Kind) Gathering() bool { return k.Valid() && k != KindSurvey && k != KindPublication }

// Label returns the kind's name in French and English, or nil for an unknown kind.
func (k Kind) Label() civic.Text {
	l, ok := kindLabels[k]
	if !ok {
		return nil
	}
	return civic.NewText(l[0], l[1])
}

var kindLabels = map[Kind][2]string{
	KindJournee:          {"Journée", "Day conference"},
	KindConference:       {"Conférence", "Conference"},
	KindColloquium:       {"Colloque", "Colloquium"},
	KindNationalMeetings: {"Rencontres nationales", "National meetings"},
	KindMeeting:          {"Rencontre", "Meeting"},
	KindMorningWorkshop:  {"Matinée de questionnement", "Morning workshop"},
	KindWorkshop:         {"Atelier", "Workshop"},
	KindTraining:         {"Formation", "Training"},
	KindBreakfast:        {"Petit déjeuner de présentation", "Presentation breakfast"},
	KindEvening:          {"Soirée", "Evening"},
	KindStudyTrip:        {"Voyage d'études", "Study trip"},
	KindSurvey:           {"Enquête", "Survey"},
	KindPublication:      {"Publication", "Publication"},
}

// Role is the part an organisation plays in an event or activity.
type Role string

// The roles of organisations.
const (
	RoleOrganiser          Role = "organiser"           // organisateur
	RoleCoOrganiser        Role = "co_organiser"        // co-organisateur
	RoleHost               Role = "host"                // hôte : l'événement se tient dans ses locaux
	RolePartner            Role = "partner"             // partenaire, sans précision (« en partenariat avec »)
	RoleOperationalPartner Role = "operational_partner" // partenaire opérationnel
	RoleFinancialPartner   Role = "financial_partner"   // partenaire financier
)

// Roles lists every [Role], organisers first.
func Roles() []Role {
	return []Role{RoleOrganiser, RoleCoOrganiser, RoleHost, RolePartner, RoleOperationalPartner, RoleFinancialPartner}
}

// Valid reports whether r is one of [Roles]. The zero value "" is not valid.
func (r Role) Valid() bool { return slices.Contains(Roles(), r) }

// Label returns the role's name in French and English, or nil for an unknown role.
func (r Role) Label() civic.Text {
	l, ok := roleLabels[r]
	if !ok {
		return nil
	}
	return civic.NewText(l[0], l[1])
}

var roleLabels = map[Role][2]string{
	RoleOrganiser:          {"Organisateur", "Organiser"},
	RoleCoOrganiser:        {"Co-organisateur", "Co-organiser"},
	RoleHost:               {"Hôte", "Host"},
	RolePartner:            {"Partenaire", "Partner"},
	RoleOperationalPartner: {"Partenaire opérationnel", "Operational partner"},
	RoleFinancialPartner:   {"Partenaire financier", "Financial partner"},
}
