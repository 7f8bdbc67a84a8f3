package event

import (
	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/internal/check"
)

// Calendar is a list of planned activities known to the month, such as the Observatoire's
// 2018–2019 calendar. The zero value is an empty draft: [Calendar.Validate] reports what
// it lacks.
type Calendar struct {
	// ID identifies the calendar, matching [civic.IDPattern].
	ID string `json:"id"`
	// Title is the calendar's name.
	Title civic.Text `json:"title"`
	// Description is an optional longer text.
	Description civic.Text `json:"description,omitempty"`
	// Partners are the organisations that run the calendar, with their roles.
	Partners []Partner `json:"partners,omitempty"`
	// Activities are the activities, in chronological order (by month; activities of the
	// same month keep the source's order). At least one.
	Activities []Activity `json:"activities"`
}

// Activity is one entry of a [Calendar].
type Activity struct {
	// ID identifies the activity within its calendar, matching [civic.IDPattern].
	ID string `json:"id"`
	// Kind is the kind of activity.
	Kind Kind `json:"kind"`
	// Month is the month of the activity: a [civic.Date] of month precision ("2019-03").
	Month civic.Date `json:"month"`
	// Title is the activity's name (in bold in the Observatoire's calendar).
	Title civic.Text `json:"title"`
	// Entry is the calendar's whole line after the month, word for word in the source
	// language, with a translation; optional.
	Entry civic.Text `json:"entry,omitempty"`
	// Place is where the activity takes place, when the source says.
	Place *Place `json:"place,omitempty"`
	// Partners are the organisations the activity is run with, when the source says.
	Partners []Partner `json:"partners,omitempty"`
}

// Place is a place named without an address: a city, a region, a metropolitan authority.
type Place struct {
	// Name is the place's name (« Métropole européenne de Lille »).
	Name civic.Text `json:"name"`
	// Country is the ISO 3166-1 alpha-2 code of its country, when known.
	Country string `json:"country,omitempty"`
}

// Activity returns the activity with the given ID.
func (c *Calendar) Activity(id string) (Activity, bool) {
	for _, a := range c.Activities {
		if a.ID == id {
			return a, true
		}
	}
	return Activity{}, false
}

// Validate reports every problem of c as a [*civic.ValidationError], or nil.
func (c *Calendar) Validate() error {
	var v civic.ValidationError
	c.Check(&v, nil)
	return v.Err()
}

// Check records every problem of c at path: identifiers present, well formed and unique,
// texts, partners, and activities each valid and in chronological order.
func (c *Calendar) Check(v *civic.ValidationError, path civic.Path) {
	check.ID(v, path.Key("id"), c.ID)
	checkLabel(v, path.Key("title"), c.Title, true, MaxTitleLen)
	c.Description.Check(v, path.Key("description"), false, MaxDescriptionLen)
	checkPartners(v, path.Key("partners"), c.Partners)

	ap := path.Key("activities")
	switch {
	case len(c.Activities) == 0:
		v.Add(ap, civic.CodeRequired)
	case len(c.Activities) > MaxActivities:
		v.Add(ap, civic.CodeTooMany, MaxActivities, len(c.Activities))
	}
	ids := map[string]bool{}
	var prev civic.Date
	for i, a := range c.Activities {
		p := ap.Index(i)
		a.Check(v, p)
		if a.ID != "" {
			if ids[a.ID] {
				v.Add(p.Key("id"), civic.CodeDuplicate, a.ID)
			}
			ids[a.ID] = true
		}
		if a.Month.Precision() != civic.PrecisionMonth || !a.Month.Valid() {
			continue
		}
		if !prev.IsZero() && a.Month.Compare(prev) < 0 {
			v.Add(p.Key("month"), civic.CodeOrder, prev.String(), a.Month.String())
		}
		prev = a.Month
	}
}

// Check records the problems of a at path: ID, kind, a month of month precision, title,
// entry, place and partners.
func (a Activity) Check(v *civic.ValidationError, path civic.Path) {
	check.ID(v, path.Key("id"), a.ID)
	checkKind(v, path.Key("kind"), a.Kind)
	mp := path.Key("month")
	switch {
	case a.Month.IsZero():
		v.Add(mp, civic.CodeRequired)
	case !a.Month.Valid():
		v.Add(mp, civic.CodeInvalidDate, dateText(a.Month))
	case a.Month.Precision() != civic.PrecisionMonth:
		v.Add(mp, civic.CodePrecision, a.Month.String(), string(civic.PrecisionMonth))
	}
	checkLabel(v, path.Key("title"), a.Title, true, MaxTitleLen)
	a.Entry.Check(v, path.Key("entry"), false, MaxDescriptionLen)
	if a.Place != nil {
		a.Place.Check(v, path.Key("place"))
	}
	checkPartners(v, path.Key("partners"), a.Partners)
}

// Check records the problems of p at path: a name, and a valid country when given.
func (p *Place) Check(v *civic.ValidationError, path civic.Path) {
	checkLabel(v, path.Key("name"), p.Name, true, civic.MaxNameLen)
	if p.Country != "" {
		check.Country(v, path.Key("country"), p.Country)
	}
}
