package contribution

import (
	"slices"

	"github.com/civic-observatory/civic"
)

// Section is a part of a proposal that some formats require: what the proposal must
// describe besides its title and summary.
type Section string

// The sections a format may require.
const (
	// SectionResults: results of actions already carried out (research presentations and
	// field experience reports), « résultats d'actions menées, et non de projets à venir ».
	SectionResults Section = "results"
	// SectionProject: a project in design, not launched (centrifugeuses).
	SectionProject Section = "project"
	// SectionPitch: the call or proposal a pitch makes (a law, a mobilisation, an idea, an
	// event, a book…).
	SectionPitch Section = "pitch"
)

// Sections lists every Section.
func Sections() []Section { return []Section{SectionResults, SectionProject, SectionPitch} }

// Valid reports whether s is one of [Sections].
func (s Section) Valid() bool { return slices.Contains(Sections(), s) }

// Format is a kind of contribution a call accepts, with the rules that apply to it. Formats
// are data: the 2019 call defines four, and any platform can define its own.
type Format struct {
	// ID identifies the format within its call ("research"), matching [civic.IDPattern].
	ID string `json:"id"`
	// Name is the format's name (« Présentation de recherche »).
	Name civic.Text `json:"name"`
	// Description is what the call says of the format.
	Description civic.Text `json:"description,omitempty"`
	// Audience says who the format is for (« universitaires, chercheur.e.s ou expert.e.s de think-tanks »).
	Audience civic.Text `json:"audience,omitempty"`
	// Families, when not empty, are the families of actors the format is open to: at least
	// one contributor of a proposal must belong to one of them.
	Families []civic.Family `json:"families,omitempty"`
	// Minutes is the length of the presentation.
	Minutes int `json:"minutes"`
	// FeedbackMinutes is the time given to peers' feedback after the presentation (5 for a
	// centrifugeuse), 0 when there is none.
	FeedbackMinutes int `json:"feedbackMinutes,omitempty"`
	// RightOfReply tells whether the presenter may answer the feedback (a centrifugeuse
	// holder « doit simplement écouter les réactions »).
	RightOfReply bool `json:"rightOfReply"`
	// Table describes the co-construction table a presentation is given at, if any.
	Table *Table `json:"table,omitempty"`
	// Section is the part every proposal of this format must describe.
	Section Section `json:"section"`
	// Axes tells whether proposals of this format address the call's axes and guiding
	// questions (research presentations and field reports do; pitches and centrifugeuses don't).
	Axes bool `json:"axes"`
	// AxesRequired tells whether at least one axis must be given when Axes is true.
	AxesRequired bool `json:"axesRequired,omitempty"`
	// Ongoing tells whether the results section may report actions still under way
	// (« les projets de recherche en cours sont bienvenus »). Otherwise the actions must
	// have ended by the submission.
	Ongoing bool `json:"ongoing,omitempty"`
	// SupportDocument tells whether a proposal may bring a support document (a centrifugeuse
	// holder « pourra apporter un support »).
	SupportDocument bool `json:"supportDocument,omitempty"`
}

// Table is a co-construction table: a holder presents to peers around a facilitator.
type Table struct {
	// Seats is the number of participants at the table, the holder included (5).
	Seats int `json:"seats"`
	// Facilitators is the number of facilitators besides the seats (1).
	Facilitators int `json:"facilitators"`
}

// Peers returns the number of peers who give feedback: the seats less the holder.
func (t Table) Peers() int { return t.Seats - 1 }

// Limits on formats.
const (
	MaxFormatNameLen = 200
	MaxFormatTextLen = 5000
	MaxMinutes       = 24 * 60
)

// Check records the problems of f at path.
func (f *Format) Check(v *civic.ValidationError, path civic.Path) {
	civic.CheckID(v, path.Key("id"), f.ID)
	f.Name.Check(v, path.Key("name"), true, MaxFormatNameLen)
	f.Description.Check(v, path.Key("description"), false, MaxFormatTextLen)
	f.Audience.Check(v, path.Key("audience"), false, MaxFormatTextLen)
	seen := map[civic.Family]bool{}
	for i, fam := range f.Families {
		p := path.Key("families").Index(i)
		switch {
		case !fam.Valid():
			v.Add(p, civic.CodeUnknownValue, string(fam))
		case seen[fam]:
			v.Add(p, civic.CodeDuplicate, string(fam))
		}
		seen[fam] = true
	}
	if f.Minutes < 1 || f.Minutes > MaxMinutes {
		v.Add(path.Key("minutes"), civic.CodeOutOfRange, 1, MaxMinutes, f.Minutes)
	}
	if f.FeedbackMinutes < 0 || f.FeedbackMinutes > MaxMinutes {
		v.Add(path.Key("feedbackMinutes"), civic.CodeOutOfRange, 0, MaxMinutes, f.FeedbackMinutes)
	}
	if f.Table != nil {
		tp := path.Key("table")
		if f.Table.Seats < 2 || f.Table.Seats > 100 {
			v.Add(tp.Key("seats"), civic.CodeOutOfRange, 2, 100, f.Table.Seats)
		}
		if f.Table.Facilitators < 0 || f.Table.Facilitators > 10 {
			v.Add(tp.Key("facilitators"), civic.CodeOutOfRange, 0, 10, f.Table.Facilitators)
		}
	}
	switch {
	case f.Section == "":
		v.Add(path.Key("section"), civic.CodeRequired)
	case !f.Section.Valid():
		v.Add(path.Key("section"), civic.CodeUnknownValue, string(f.Section))
	}
	if f.AxesRequired && !f.Axes {
		v.Add(path.Key("axesRequired"), civic.CodeNotForFormat, "axesRequired", f.ID)
	}
	if f.Ongoing && f.Section != SectionResults {
		v.Add(path.Key("ongoing"), civic.CodeNotForFormat, "ongoing", f.ID)
	}
}

// Validate reports every problem of f as a [*civic.ValidationError].
func (f *Format) Validate() error {
	var v civic.ValidationError
	f.Check(&v, nil)
	return v.Err()
}

// Open reports whether the format is open to the family.
func (f *Format) Open(fam civic.Family) bool {
	return len(f.Families) == 0 || slices.Contains(f.Families, fam)
}

// Slot returns the minutes a presentation of this format takes, feedback included.
func (f *Format) Slot() int { return f.Minutes + f.FeedbackMinutes }
