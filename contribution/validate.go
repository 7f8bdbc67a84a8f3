package contribution

import (
	"time"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/axis"
	"github.com/civic-observatory/civic/internal/check"
	"github.com/civic-observatory/civic/internal/text"
)

// MaxLabelLen is the default length limit of a short text answer ([FieldText]), in
// characters.
const MaxLabelLen = 200

// Validate reports every problem of the proposal against the call as a
// [*civic.ValidationError]: the rules of the call and of the proposal's format. See
// [Proposal.Check] for the list.
func (p *Proposal) Validate(c *Call) error {
	var v civic.ValidationError
	p.Check(&v, nil, c)
	return v.Err()
}

// Check records the problems of the proposal at path against the call c:
//
//   - identifier, title, summary and every text: valid UTF-8, no control characters, no
//     bidirectional formatting characters in the title, lengths in characters within the
//     call's [Limits];
//   - the format is one the call accepts; the language one it accepts;
//   - axes and guiding questions exist, are not repeated, are given only for formats that
//     address axes, and each question belongs to an axis the proposal lists;
//   - contributors: at least one, at most the call's limit, valid names and e-mails, no
//     e-mail twice ([civic.EmailKey]), and at least one from a family the format is open to;
//   - the section the format requires is present and the others absent: results of actions
//     already carried out, not future projects (started before the deadline and, unless
//     the format accepts ongoing work, ended by it); a centrifugeuse project in design, not
//     launched; a pitch's call or proposal.
//
// A nil call checks only what does not depend on one.
func (p *Proposal) Check(v *civic.ValidationError, path civic.Path, c *Call) {
	lim := DefaultLimits()
	if c != nil {
		lim = c.Limits.WithDefaults()
	}
	root := at{base: path}
	if !text.ValidID(p.ID) {
		check.ID(v, path.Key("id"), p.ID)
	}
	checkText(v, root.key("title"), p.Title, text.Rule{Required: true, Min: lim.TitleMin, Max: lim.TitleMax, Name: true})
	checkText(v, root.key("summary"), p.Summary, text.Rule{Required: true, Min: lim.SummaryMin, Max: lim.SummaryMax, Multiline: true})

	var f *Format
	switch {
	case p.Format == "":
		v.Add(path.Key("format"), civic.CodeRequired)
	case c != nil:
		var ok bool
		if f, ok = c.Format(p.Format); !ok {
			v.Add(path.Key("format"), civic.CodeFormatNotAccepted, p.Format)
		}
	case !text.ValidID(p.Format):
		v.Add(path.Key("format"), civic.CodeInvalidID, p.Format)
	}

	switch {
	case p.Language == "":
		v.Add(path.Key("language"), civic.CodeRequired)
	case c != nil && !c.AcceptsLanguage(p.Language):
		v.Add(path.Key("language"), civic.CodeLangNotAccepted, p.Language)
	}

	p.checkAxes(v, path, c, f)
	p.checkContributors(v, path, lim, f)
	p.checkAnswers(v, root, c, f, lim)
}

// at is a path that is built only when a problem is recorded there, so that checking a
// valid proposal allocates no path: a base [civic.Path] and up to atSteps more steps held
// by value (a deeper path is built at once). at.path returns exactly what the same chain
// of [civic.Path.Key] and [civic.Path.Index] calls on the base returns.
type at struct {
	base  civic.Path
	n     int
	steps [atSteps]civic.Step
}

// atSteps is the number of steps an at holds before it builds its path: the depth of
// results.impact.indicators[i].name, the deepest one a proposal checks lazily.
const atSteps = 4

func (a at) key(name string) at { return a.add(civic.Step{Name: name}) }
func (a at) idx(i int) at       { return a.add(civic.Step{Index: i, IsIndex: true}) }

func (a at) add(s civic.Step) at {
	if a.n == atSteps {
		a = at{base: a.path()}
	}
	a.steps[a.n] = s
	a.n++
	return a
}

// path builds the path.
func (a at) path() civic.Path {
	if a.n == 0 {
		return a.base
	}
	p := make(civic.Path, len(a.base), len(a.base)+a.n)
	copy(p, a.base)
	return append(p, a.steps[:a.n]...)
}

// checkText is [civic.CheckString] at a lazily built path: text that plainly passes the
// rule (see plainText) is not checked again and costs no path.
func checkText(v *civic.ValidationError, a at, s string, r text.Rule) bool {
	if text.Plain(s, r) {
		return true
	}
	return check.String(v, a.path(), s, r)
}

func (p *Proposal) checkAxes(v *civic.ValidationError, path civic.Path, c *Call, f *Format) {
	if f != nil && !f.Axes.Asked() && len(p.Axes) > 0 {
		v.Add(path.Key("axes"), civic.CodeNotForFormat, "axes", f.ID)
	}
	if f != nil && !f.Questions.Asked() && len(p.Questions) > 0 {
		v.Add(path.Key("questions"), civic.CodeNotForFormat, "questions", f.ID)
	}
	if f != nil && !f.Axes.Asked() {
		return
	}
	if f != nil && f.Axes == Required && len(p.Axes) == 0 {
		v.Add(path.Key("axes"), civic.CodeRequired)
	}
	if f != nil && f.Questions == Required && len(p.Questions) == 0 {
		v.Add(path.Key("questions"), civic.CodeRequired)
	}
	var set axis.Set
	if c != nil {
		set = c.Axes
	}
	if len(p.Axes) > axis.MaxAxes {
		v.Add(path.Key("axes"), civic.CodeTooMany, axis.MaxAxes, len(p.Axes))
	}
	for i, id := range p.Axes {
		switch {
		case !text.ValidID(id):
			v.Add(path.Key("axes").Index(i), civic.CodeInvalidID, id)
		case c != nil && !containsAxis(set, id):
			v.Add(path.Key("axes").Index(i), civic.CodeUnknownRef, id)
		case containsString(p.Axes[:i], id):
			v.Add(path.Key("axes").Index(i), civic.CodeDuplicate, id)
		}
	}
	if len(p.Questions) > axis.MaxAxes*axis.MaxQuestions {
		v.Add(path.Key("questions"), civic.CodeTooMany, axis.MaxAxes*axis.MaxQuestions, len(p.Questions))
	}
	for i, q := range p.Questions {
		r, err := axis.ParseRef(q)
		switch {
		case err != nil:
			v.Add(path.Key("questions").Index(i), civic.CodeUnknownRef, q)
		case c != nil && !hasQuestion(set, r):
			v.Add(path.Key("questions").Index(i), civic.CodeUnknownRef, q)
		case containsString(p.Questions[:i], q):
			v.Add(path.Key("questions").Index(i), civic.CodeDuplicate, q)
		case !containsString(p.Axes, r.Axis):
			v.Add(path.Key("questions").Index(i), civic.CodeQuestionAxis, q, r.Axis)
		}
	}
}

func (p *Proposal) checkContributors(v *civic.ValidationError, path civic.Path, lim Limits, f *Format) {
	switch {
	case len(p.Contributors) == 0:
		v.Add(path.Key("contributors"), civic.CodeRequired)
		return
	case len(p.Contributors) > lim.Contributors:
		v.Add(path.Key("contributors"), civic.CodeTooMany, lim.Contributors, len(p.Contributors))
	}
	open := f == nil
	// Duplicate e-mails: a scan of the earlier ones for a few contributors, a set beyond,
	// so that the check stays linear however many contributors a hostile document lists.
	var seen map[string]struct{}
	if len(p.Contributors) > smallList {
		seen = make(map[string]struct{}, min(len(p.Contributors), lim.Contributors+1))
	}
	for i := range p.Contributors {
		x := &p.Contributors[i]
		if !plainPerson(x) {
			x.Check(v, path.Key("contributors").Index(i))
		}
		if x.Email != "" && duplicateEmail(p.Contributors[:i], x.Email, seen) {
			v.Add(path.Key("contributors").Index(i).Key("email"), civic.CodeDuplicate, x.Email)
		}
		if f != nil && f.OpenTo(x) {
			open = true
		}
	}
	if !open {
		v.Add(path.Key("contributors"), civic.CodeFamilyNotAllowed, string(p.Contributors[0].Family()), f.ID)
	}
}

// smallList is the number of contributors up to which duplicates are found by a scan.
const smallList = 8

// duplicateEmail reports whether email is among the e-mails of earlier, scanning them
// when seen is nil and looking it up (then adding it) in seen otherwise.
func duplicateEmail(earlier []civic.Person, email string, seen map[string]struct{}) bool {
	if seen == nil {
		for j := range earlier {
			if civic.SameEmail(earlier[j].Email, email) {
				return true
			}
		}
		return false
	}
	key := civic.EmailKey(email)
	if _, ok := seen[key]; ok {
		return true
	}
	seen[key] = struct{}{}
	return false
}

// plainPerson reports whether x plainly passes [civic.Person.Check], which then records
// nothing: the same rules, with plainText for the texts. It answers false whenever it is
// not sure, and the full check runs.
func plainPerson(x *civic.Person) bool {
	if !text.Plain(x.Name, text.Rule{Required: true, Max: civic.MaxNameLen, Name: true}) ||
		x.Email == "" || !text.Plain(x.Email, text.Rule{Max: civic.MaxEmailLen}) || !text.ValidEmail(x.Email) ||
		!text.Plain(x.Role, text.Rule{Max: civic.MaxRoleLen, Name: true}) {
		return false
	}
	o := x.Organisation
	if o == nil {
		return true
	}
	return text.Plain(o.Name, text.Rule{Required: true, Max: civic.MaxNameLen, Name: true}) &&
		o.Kind != "" && o.Kind.Valid() &&
		o.Country != "" && text.ValidCountry(o.Country) &&
		(o.Website == "" || plainURL(o.Website))
}

// plainURL reports whether [civic.CheckURL] accepts s.
func plainURL(s string) bool {
	var scratch civic.ValidationError
	return check.URL(&scratch, nil, s)
}

// checkAnswers checks the answers against the form of the format f. Without a format (the
// call does not accept the proposal's), each answer is checked against the first format
// of the call that asks for it; without a call, answers are not checked.
func (p *Proposal) checkAnswers(v *civic.ValidationError, root at, c *Call, f *Format, lim Limits) {
	if c == nil {
		return
	}
	k := answerChecker{v: v, call: c, format: f, lim: lim, ref: c.Deadline, loc: c.Location()}
	answers := p.Answers
	if f != nil {
		answers = k.resolve(root, f.Fields, answers)
		k.checkGroup(root, f.Fields, answers)
		k.extra(root, f.Fields, answers)
		return
	}
	for i := range p.Answers {
		a := &p.Answers[i]
		form, field := formFor(c, nil, a.Field)
		if field == nil {
			v.Add(root.key(a.Field).path(), civic.CodeUnknownField, a.Field)
			continue
		}
		k.format = form
		k.check(root.key(a.Field), field, &a.Value, form.Fields, p.Answers, false)
	}
}

// CurrencyPattern is the pattern of ISO 4217 alphabetic currency codes.
const CurrencyPattern = "^[A-Z]{3}$"

func validCurrency(s string) bool {
	return len(s) == 3 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z' && s[2] >= 'A' && s[2] <= 'Z'
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func containsAxis(set axis.Set, id string) bool {
	_, ok := set.Get(id)
	return ok
}

func hasQuestion(set axis.Set, r axis.Ref) bool {
	_, ok := set.Question(r)
	return ok
}

// stamp formats an instant in the call's time zone for messages.
func stamp(t time.Time, c *Call) string {
	return t.In(c.Location()).Format("2006-01-02 15:04 MST")
}
