package contribution

import (
	"slices"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/internal/check"
)

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
	// Kinds are kinds of organisation the format is open to besides its families: the 2019
	// research presentations are open to « chercheur.e.s » in a foundation or independent
	// (kind citizen: a person without organisation), not only to universities and
	// think-tanks.
	Kinds []civic.OrgKind `json:"kinds,omitempty"`
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
	// Capacity is the most participants a session of this format takes besides its
	// presenters (25 for a workshop), 0 when it is not limited.
	Capacity int `json:"capacity,omitempty"`
	// Axes says whether proposals of this format name the call's axes: required,
	// optional or not asked. In 2019 research presentations and field reports must;
	// pitches and centrifugeuses may (« pourront s'inscrire dans un ou plusieurs axes »).
	Axes Presence `json:"axes,omitempty"`
	// Questions says whether proposals of this format name the guiding questions of
	// their axes; they can only be asked when axes are.
	Questions Presence `json:"questions,omitempty"`
	// Fields are the questions of the format's form, in order: what a proposal answers
	// besides its title, summary, language, axes and contributors. Each answer is a member
	// of the proposal document named after its field.
	Fields []Field `json:"fields,omitempty"`
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
	MaxCapacity      = 100000
)

// Check records the problems of f at path.
func (f *Format) Check(v *civic.ValidationError, path civic.Path) {
	check.ID(v, path.Key("id"), f.ID)
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
	for i, k := range f.Kinds {
		p := path.Key("kinds").Index(i)
		switch {
		case !k.Valid():
			v.Add(p, civic.CodeUnknownValue, string(k))
		case slices.Contains(f.Kinds[:i], k):
			v.Add(p, civic.CodeDuplicate, string(k))
		}
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
	if f.Capacity < 0 || f.Capacity > MaxCapacity {
		v.Add(path.Key("capacity"), civic.CodeOutOfRange, 0, MaxCapacity, f.Capacity)
	}
	if !f.Axes.Valid() {
		v.Add(path.Key("axes"), civic.CodeUnknownValue, string(f.Axes))
	}
	switch {
	case !f.Questions.Valid():
		v.Add(path.Key("questions"), civic.CodeUnknownValue, string(f.Questions))
	case f.Questions.Asked() && !f.Axes.Asked():
		v.Add(path.Key("questions"), civic.CodeNotForFormat, "questions", f.ID)
	}
	CheckForm(v, path.Key("fields"), f.Fields)
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

// OpenTo reports whether the format is open to the person: to their family, or to the
// kind of their organisation among Kinds (a person without organisation has the kind
// citizen).
func (f *Format) OpenTo(p *civic.Person) bool {
	if f.Open(p.Family()) {
		return true
	}
	kind := civic.KindCitizen
	if p.Organisation != nil {
		kind = p.Organisation.Kind
	}
	return slices.Contains(f.Kinds, kind)
}

// Slot returns the minutes a presentation of this format takes, feedback included.
func (f *Format) Slot() int { return f.Minutes + f.FeedbackMinutes }
