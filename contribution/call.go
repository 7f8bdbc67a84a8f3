package contribution

import (
	"slices"
	"strings"
	"time"

	"golang.org/x/text/language"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/axis"
	"github.com/civic-observatory/civic/internal/check"
)

// Call is a call for contributions: who calls, until when, for which formats and on which
// axes, and the rules proposals must follow. A call document is self-contained: its formats
// and axes are given inline, so a platform defines its own call with one JSON file.
type Call struct {
	// ID identifies the call ("journee-civic-tech-2019"), matching [civic.IDPattern].
	ID string `json:"id"`
	// Title is the call's title.
	Title civic.Text `json:"title"`
	// Context is the call's presentation of its context and objective.
	Context civic.Text `json:"context,omitempty"`
	// Organisers are the bodies that issue the call and select the proposals.
	Organisers []civic.Organisation `json:"organisers"`
	// Home is the ISO 3166-1 code of the call's home country: contributions from
	// organisations based elsewhere are international.
	Home string `json:"home"`
	// TimeZone is the IANA time zone the call's dates are stated in ("Europe/Paris").
	TimeZone string `json:"timeZone"`
	// Opens is when submissions open; the zero time means as soon as the call is published.
	Opens time.Time `json:"opens,omitzero"`
	// OpensSource says where Opens comes from when the call's text does not state it.
	OpensSource civic.Text `json:"opensSource,omitempty"`
	// Deadline is the first instant at which submissions are refused: proposals must be sent
	// before it (« avant le 25 janvier 2019 » is 2019-01-25T00:00:00+01:00).
	Deadline time.Time `json:"deadline"`
	// Form is the address of the submission form, if any.
	Form string `json:"form,omitempty"`
	// Languages are the BCP 47 tags of the languages proposals may be written in.
	Languages []string `json:"languages"`
	// Families are the families of actors the selection seeks a diversity of.
	Families []civic.Family `json:"families"`
	// Formats are the formats the call accepts.
	Formats []Format `json:"formats"`
	// Axes are the call's thematic axes with their guiding questions.
	Axes axis.Set `json:"axes"`
	// Limits are the length limits proposals must respect.
	Limits Limits `json:"limits"`
	// Invitation is what the call invites contributions reporting results to discuss
	// (impact measurement, implementation), shown to authors.
	Invitation civic.Text `json:"invitation,omitempty"`

	// loc is the time zone loaded by the decoder, so that validating many proposals does
	// not read the zone database each time. It is written only while decoding, before the
	// call is shared, and used only while its name is still TimeZone.
	loc *time.Location
	// Criteria are the review criteria, with their weights and scales (see [Criterion]).
	Criteria []Criterion `json:"criteria,omitempty"`
}

// Limits are the length limits of a call's proposals, in characters or items. A zero
// field means its default ([DefaultLimits]): a call built in Go without limits is valid
// and uses the defaults. (A call that wants no minimum summary length sets SummaryMin to 1.)
type Limits struct {
	TitleMin     int `json:"titleMin"`
	TitleMax     int `json:"titleMax"`
	SummaryMin   int `json:"summaryMin"`
	SummaryMax   int `json:"summaryMax"`
	TextMax      int `json:"textMax"`      // every other free text of a proposal
	Contributors int `json:"contributors"` // most contributors a proposal may list
}

// DefaultLimits are the limits used when a call gives none.
func DefaultLimits() Limits {
	return Limits{TitleMin: 5, TitleMax: 150, SummaryMin: 50, SummaryMax: 3000, TextMax: 5000, Contributors: 6}
}

// WithDefaults returns the limits with each zero field replaced by its default: the
// limits proposals are checked against.
func (l Limits) WithDefaults() Limits {
	d := DefaultLimits()
	for _, f := range []struct{ v, def *int }{
		{&l.TitleMin, &d.TitleMin}, {&l.TitleMax, &d.TitleMax}, {&l.SummaryMin, &d.SummaryMin},
		{&l.SummaryMax, &d.SummaryMax}, {&l.TextMax, &d.TextMax}, {&l.Contributors, &d.Contributors},
	} {
		if *f.v == 0 {
			*f.v = *f.def
		}
	}
	return l
}

// AcceptsLanguage reports whether a proposal in the BCP 47 tag may be sent: one of the
// call's languages, or one of them with a region or other subtags ("fr-FR", "en-GB"
// for "fr" and "en"), as RFC 4647 basic filtering matches them.
func (c *Call) AcceptsLanguage(tag string) bool {
	for _, l := range c.Languages {
		if tag == l {
			return true
		}
		if rest, ok := strings.CutPrefix(tag, l+"-"); ok && subtags(rest) {
			return true
		}
	}
	return false
}

// subtags reports whether s is one or more BCP 47 subtags: 1 to 8 letters or digits,
// separated by hyphens.
func subtags(s string) bool {
	for _, t := range strings.Split(s, "-") {
		if len(t) < 1 || len(t) > 8 {
			return false
		}
		for i := 0; i < len(t); i++ {
			c := t[i]
			if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
				return false
			}
		}
	}
	return true
}

// Format returns the format with the ID.
func (c *Call) Format(id string) (*Format, bool) {
	for i := range c.Formats {
		if c.Formats[i].ID == id {
			return &c.Formats[i], true
		}
	}
	return nil, false
}

// FormatIDs returns the IDs of the call's formats, in order.
func (c *Call) FormatIDs() []string {
	ids := make([]string, len(c.Formats))
	for i, f := range c.Formats {
		ids[i] = f.ID
	}
	return ids
}

// Location returns the call's time zone, or UTC when it is not a known zone. A call
// decoded by [DecodeCall] keeps its zone loaded; otherwise each call reads the system's
// zone database.
func (c *Call) Location() *time.Location {
	if c.loc != nil && c.loc.String() == c.TimeZone {
		return c.loc
	}
	loc, err := time.LoadLocation(c.TimeZone)
	if err != nil {
		return time.UTC
	}
	return loc
}

// Open reports whether submissions are accepted at t: after the opening (if any), before the deadline.
func (c *Call) Open(t time.Time) bool {
	return (c.Opens.IsZero() || !t.Before(c.Opens)) && t.Before(c.Deadline)
}

// International reports whether an organisation based in country is international for the call.
func (c *Call) International(country string) bool { return country != "" && country != c.Home }

// Check records the problems of the call at path.
func (c *Call) Check(v *civic.ValidationError, path civic.Path) {
	check.ID(v, path.Key("id"), c.ID)
	c.Title.Check(v, path.Key("title"), true, 300)
	c.Context.Check(v, path.Key("context"), false, 20000)
	c.Invitation.Check(v, path.Key("invitation"), false, 5000)
	c.OpensSource.Check(v, path.Key("opensSource"), false, 1000)
	if len(c.Organisers) == 0 {
		v.Add(path.Key("organisers"), civic.CodeRequired)
	}
	for i, o := range c.Organisers {
		o.Check(v, path.Key("organisers").Index(i))
	}
	if c.Home == "" {
		v.Add(path.Key("home"), civic.CodeRequired)
	} else {
		check.Country(v, path.Key("home"), c.Home)
	}
	if c.TimeZone == "" {
		v.Add(path.Key("timeZone"), civic.CodeRequired)
	} else if _, err := time.LoadLocation(c.TimeZone); err != nil || c.TimeZone == "Local" {
		v.Add(path.Key("timeZone"), civic.CodeInvalidZone, c.TimeZone)
	}
	if c.Deadline.IsZero() {
		v.Add(path.Key("deadline"), civic.CodeRequired)
	} else if !c.Opens.IsZero() && !c.Opens.Before(c.Deadline) {
		v.Add(path.Key("deadline"), civic.CodeOrder, "opens", "deadline")
	}
	if c.Form != "" {
		check.URL(v, path.Key("form"), c.Form)
	}
	if len(c.Languages) == 0 {
		v.Add(path.Key("languages"), civic.CodeRequired)
	}
	seenLang := map[string]bool{}
	for i, l := range c.Languages {
		p := path.Key("languages").Index(i)
		if t, err := language.Parse(l); err != nil || t.String() != l {
			v.Add(p, civic.CodeInvalidLang, l)
		} else if seenLang[l] {
			v.Add(p, civic.CodeDuplicate, l)
		}
		seenLang[l] = true
	}
	seenFam := map[civic.Family]bool{}
	for i, f := range c.Families {
		p := path.Key("families").Index(i)
		if !f.Valid() {
			v.Add(p, civic.CodeUnknownValue, string(f))
		} else if seenFam[f] {
			v.Add(p, civic.CodeDuplicate, string(f))
		}
		seenFam[f] = true
	}
	if len(c.Formats) == 0 {
		v.Add(path.Key("formats"), civic.CodeRequired)
	}
	seenFmt := map[string]bool{}
	for i := range c.Formats {
		p := path.Key("formats").Index(i)
		c.Formats[i].Check(v, p)
		if seenFmt[c.Formats[i].ID] && c.Formats[i].ID != "" {
			v.Add(p.Key("id"), civic.CodeDuplicate, c.Formats[i].ID)
		}
		seenFmt[c.Formats[i].ID] = true
	}
	needAxes := slices.ContainsFunc(c.Formats, func(f Format) bool { return f.Axes == Required })
	if needAxes && len(c.Axes) == 0 {
		v.Add(path.Key("axes"), civic.CodeRequired)
	}
	c.Axes.Check(v, path.Key("axes"))
	c.Limits.check(v, path.Key("limits"))
	c.checkCriteria(v, path.Key("criteria"))
}

func (l Limits) check(v *civic.ValidationError, path civic.Path) {
	bound := func(name string, n, min, max int) {
		if n < min || n > max {
			v.Add(path.Key(name), civic.CodeOutOfRange, min, max, n)
		}
	}
	bound("titleMin", l.TitleMin, 0, 1000)
	bound("titleMax", l.TitleMax, 0, 1000)
	bound("summaryMin", l.SummaryMin, 0, 100000)
	bound("summaryMax", l.SummaryMax, 0, 100000)
	bound("textMax", l.TextMax, 0, 100000)
	bound("contributors", l.Contributors, 0, 100)
	l = l.WithDefaults()
	if l.TitleMin > l.TitleMax {
		v.Add(path.Key("titleMax"), civic.CodeOrder, "titleMin", "titleMax")
	}
	if l.SummaryMin > l.SummaryMax {
		v.Add(path.Key("summaryMax"), civic.CodeOrder, "summaryMin", "summaryMax")
	}
}

// Validate reports every problem of the call as a [*civic.ValidationError].
func (c *Call) Validate() error {
	var v civic.ValidationError
	c.Check(&v, nil)
	return v.Err()
}
