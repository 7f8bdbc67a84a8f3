package contribution

import (
	"slices"

	"github.com/civic-observatory/civic"
)

// Proposal is a proposed contribution to an event, sent in answer to a [Call]: what its
// author writes, and nothing the workflow owns (state, version, decisions, the time of
// submission: see [Record]). The zero value is an empty draft.
type Proposal struct {
	// ID identifies the proposal, matching [civic.IDPattern].
	ID string `json:"id"`
	// Title is the proposal's title.
	Title string `json:"title"`
	// Summary presents the proposal.
	Summary string `json:"summary"`
	// Format is the ID of one of the call's formats.
	Format string `json:"format"`
	// Language is the BCP 47 tag of the language the contribution would be given in.
	Language string `json:"language"`
	// Axes are the IDs of the call's axes the proposal addresses (formats with Axes only).
	Axes []string `json:"axes,omitempty"`
	// Questions are references ("1.3") to the guiding questions the proposal addresses;
	// each must belong to one of Axes.
	Questions []string `json:"questions,omitempty"`
	// Contributors are the people who would present, the first being the contact.
	Contributors []civic.Person `json:"contributors"`
	// Results describes the actions carried out and their results (formats whose section
	// is [SectionResults]).
	Results *Results `json:"results,omitempty"`
	// Project describes the project in design (formats whose section is [SectionProject]).
	Project *Project `json:"project,omitempty"`
	// Pitch states the call or proposal (formats whose section is [SectionPitch]).
	Pitch *Pitch `json:"pitch,omitempty"`
}

// Results describes actions already carried out and what came of them.
type Results struct {
	// Period is when the actions took place: Start is required, End is required unless the
	// format accepts ongoing work and Ongoing is true.
	Period Period `json:"period"`
	// Ongoing tells that the actions are still under way (ongoing research).
	Ongoing bool `json:"ongoing,omitempty"`
	// Actions says what was done (for research: the question and the method).
	Actions string `json:"actions"`
	// Findings gives the results, or the first hypotheses and results of ongoing research.
	Findings string `json:"findings"`
	// Impact describes how impact was measured, if it was.
	Impact *Impact `json:"impact,omitempty"`
	// Implementation describes the concrete means of the action, if given.
	Implementation *Implementation `json:"implementation,omitempty"`
}

// Period is a span of dates known to the year, month or day. End is the last date of the
// span (inclusive), zero when it has not ended.
type Period struct {
	Start civic.Date `json:"start"`
	End   civic.Date `json:"end,omitzero"`
}

// Evaluation is the format of an evaluation.
type Evaluation string

// The formats of evaluation.
const (
	EvaluationNone          Evaluation = "none"
	EvaluationInternal      Evaluation = "internal"
	EvaluationExternal      Evaluation = "external"
	EvaluationParticipatory Evaluation = "participatory"
)

// Evaluations lists every Evaluation.
func Evaluations() []Evaluation {
	return []Evaluation{EvaluationNone, EvaluationInternal, EvaluationExternal, EvaluationParticipatory}
}

// Valid reports whether e is one of [Evaluations].
func (e Evaluation) Valid() bool { return slices.Contains(Evaluations(), e) }

// Impact is the measurement of an action's impact the call invites contributions to discuss:
// « objectifs, indicateurs, format de l'évaluation ».
type Impact struct {
	Objectives []string    `json:"objectives,omitempty"`
	Indicators []Indicator `json:"indicators,omitempty"`
	Evaluation Evaluation  `json:"evaluation"`
	// Evaluator is who was responsible for the evaluation.
	Evaluator string `json:"evaluator,omitempty"`
}

// Indicator is a measure of an action's impact.
type Indicator struct {
	Name       string `json:"name"`
	Definition string `json:"definition,omitempty"`
	Value      string `json:"value,omitempty"` // the measured value, as reported (« 12 000 participants »)
}

// Implementation is the concrete side of an action the call invites contributions to
// discuss: « moyens humains et financiers mobilisés, outils de communication et de
// mobilisation, manières de réaliser la synthèse ».
type Implementation struct {
	HumanMeans     string   `json:"humanMeans,omitempty"`
	FinancialMeans string   `json:"financialMeans,omitempty"`
	Budget         *Money   `json:"budget,omitempty"`
	Channels       []string `json:"channels,omitempty"` // communication and mobilisation tools
	Synthesis      string   `json:"synthesis,omitempty"`
}

// Money is an amount of money in whole units of a currency.
type Money struct {
	Amount   int64  `json:"amount"`   // whole units, 0 to 10^12
	Currency string `json:"currency"` // ISO 4217 alphabetic code, "EUR": three upper-case letters
}

// Stage is how far a project has gone.
type Stage string

// The stages of a project. A centrifugeuse project must be in design, not launched.
const (
	StageIdea     Stage = "idea"
	StageDesign   Stage = "design"
	StageLaunched Stage = "launched"
)

// Stages lists every Stage.
func Stages() []Stage { return []Stage{StageIdea, StageDesign, StageLaunched} }

// Valid reports whether s is one of [Stages].
func (s Stage) Valid() bool { return slices.Contains(Stages(), s) }

// ProjectKind is what a centrifugeuse project creates: « projets de création de start-up/
// association/ outil de civic tech, d'un projet de démocratie numérique à l'échelle locale
// ou dans une entreprise/organisation ».
type ProjectKind string

// The kinds of project.
const (
	ProjectStartup      ProjectKind = "startup"
	ProjectAssociation  ProjectKind = "association"
	ProjectTool         ProjectKind = "tool"
	ProjectLocal        ProjectKind = "local"        // digital democracy at the local scale
	ProjectOrganisation ProjectKind = "organisation" // digital democracy in a company or organisation
)

// ProjectKinds lists every ProjectKind.
func ProjectKinds() []ProjectKind {
	return []ProjectKind{ProjectStartup, ProjectAssociation, ProjectTool, ProjectLocal, ProjectOrganisation}
}

// Valid reports whether k is one of [ProjectKinds].
func (k ProjectKind) Valid() bool { return slices.Contains(ProjectKinds(), k) }

// Project is a project in design submitted to peers at a co-construction table.
type Project struct {
	Kind        ProjectKind `json:"kind"`
	Stage       Stage       `json:"stage"`
	Description string      `json:"description"`
	// Questions are what the holder wants the peers to improve.
	Questions string `json:"questions,omitempty"`
	// Support is the address of the support document the holder brings, if any.
	Support string `json:"support,omitempty"`
}

// PitchKind is what a pitch calls for: « de loi, de mobilisation collective, d'une idée,
// d'un événement, d'un livre... ».
type PitchKind string

// The kinds of pitch.
const (
	PitchLaw          PitchKind = "law"
	PitchMobilisation PitchKind = "mobilisation"
	PitchIdea         PitchKind = "idea"
	PitchEvent        PitchKind = "event"
	PitchBook         PitchKind = "book"
	PitchOther        PitchKind = "other"
)

// PitchKinds lists every PitchKind.
func PitchKinds() []PitchKind {
	return []PitchKind{PitchLaw, PitchMobilisation, PitchIdea, PitchEvent, PitchBook, PitchOther}
}

// Valid reports whether k is one of [PitchKinds].
func (k PitchKind) Valid() bool { return slices.Contains(PitchKinds(), k) }

// Pitch is the call to action or proposal a pitch makes.
type Pitch struct {
	Kind PitchKind `json:"kind"`
	// Ask states the call or the proposal.
	Ask string `json:"ask"`
}

// Families returns the families of the proposal's contributors, without repetition, in
// the order of [civic.Families].
func (p *Proposal) Families() []civic.Family {
	var out []civic.Family
	for _, f := range civic.Families() {
		for _, c := range p.Contributors {
			if c.Family() == f {
				out = append(out, f)
				break
			}
		}
	}
	return out
}

// Family returns the family of the proposal's first contributor, the one the diversity of
// the programme counts it under, or "" without contributors.
func (p *Proposal) Family() civic.Family {
	if len(p.Contributors) == 0 {
		return ""
	}
	return p.Contributors[0].Family()
}

// International reports whether some contributor's organisation is based outside the call's home country.
func (p *Proposal) International(c *Call) bool {
	for _, x := range p.Contributors {
		if x.Organisation != nil && c.International(x.Organisation.Country) {
			return true
		}
	}
	return false
}
