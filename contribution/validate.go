package contribution

import (
	"sync"
	"sync/atomic"
	"time"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/axis"
)

// Limits on the lists and short texts of a proposal, beyond the call's [Limits].
const (
	MaxObjectives = 20
	MaxIndicators = 50
	MaxChannels   = 30
	MaxLabelLen   = 200 // indicator names, channels
	MaxBudget     = 1_000_000_000_000
)

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
//     e-mail twice, and at least one from a family the format is open to;
//   - the submission time, when set, falls after the opening and before the deadline;
//   - the section the format requires is present and the others absent: results of actions
//     already carried out, not future projects (started before the submission and, unless
//     the format accepts ongoing work, ended by it); a centrifugeuse project in design, not
//     launched; a pitch's call or proposal.
//
// A nil call checks only what does not depend on one.
func (p *Proposal) Check(v *civic.ValidationError, path civic.Path, c *Call) {
	lim := DefaultLimits()
	if c != nil {
		lim = c.Limits
	}
	civic.CheckID(v, path.Key("id"), p.ID)
	civic.CheckString(v, path.Key("title"), p.Title, civic.StringRule{Required: true, Min: lim.TitleMin, Max: lim.TitleMax, Name: true})
	civic.CheckString(v, path.Key("summary"), p.Summary, civic.StringRule{Required: true, Min: lim.SummaryMin, Max: lim.SummaryMax, Multiline: true})

	var f *Format
	switch {
	case p.Format == "":
		v.Add(path.Key("format"), civic.CodeRequired)
	case c != nil:
		var ok bool
		if f, ok = c.Format(p.Format); !ok {
			v.Add(path.Key("format"), civic.CodeFormatNotAccepted, p.Format)
		}
	case !civic.ValidID(p.Format):
		v.Add(path.Key("format"), civic.CodeInvalidID, p.Format)
	}

	switch {
	case p.Language == "":
		v.Add(path.Key("language"), civic.CodeRequired)
	case c != nil && !containsString(c.Languages, p.Language):
		v.Add(path.Key("language"), civic.CodeLangNotAccepted, p.Language)
	}

	p.checkAxes(v, path, c, f)
	p.checkContributors(v, path, lim, f)

	if !p.Submitted.IsZero() && c != nil {
		sp := path.Key("submitted")
		if !c.Opens.IsZero() && p.Submitted.Before(c.Opens) {
			v.Add(sp, civic.CodeBeforeOpening, stamp(p.Submitted, c), stamp(c.Opens, c))
		}
		if !p.Submitted.Before(c.Deadline) {
			v.Add(sp, civic.CodeAfterDeadline, stamp(p.Submitted, c), stamp(c.Deadline, c))
		}
	}
	p.checkSections(v, path, c, f, lim)
	if p.State != "" {
		checkEnum(v, path.Key("state"), p.State, p.State.Valid())
	}
	if p.Version < 0 {
		v.Add(path.Key("version"), civic.CodeOutOfRange, 0, int64(1)<<53, p.Version)
	}
	if p.Pending != "" {
		checkEnum(v, path.Key("pending"), p.Pending, p.Pending.Valid())
	}
}

func (p *Proposal) checkAxes(v *civic.ValidationError, path civic.Path, c *Call, f *Format) {
	ap, qp := path.Key("axes"), path.Key("questions")
	if f != nil && !f.Axes {
		if len(p.Axes) > 0 {
			v.Add(ap, civic.CodeNotForFormat, "axes", f.ID)
		}
		if len(p.Questions) > 0 {
			v.Add(qp, civic.CodeNotForFormat, "questions", f.ID)
		}
		return
	}
	if f != nil && f.AxesRequired && len(p.Axes) == 0 {
		v.Add(ap, civic.CodeRequired)
	}
	var set axis.Set
	if c != nil {
		set = c.Axes
	}
	if len(p.Axes) > axis.MaxAxes {
		v.Add(ap, civic.CodeTooMany, axis.MaxAxes, len(p.Axes))
	}
	for i, id := range p.Axes {
		ip := ap.Index(i)
		switch {
		case !civic.ValidID(id):
			v.Add(ip, civic.CodeInvalidID, id)
		case c != nil && !containsAxis(set, id):
			v.Add(ip, civic.CodeUnknownRef, id)
		case containsString(p.Axes[:i], id):
			v.Add(ip, civic.CodeDuplicate, id)
		}
	}
	if len(p.Questions) > axis.MaxAxes*axis.MaxQuestions {
		v.Add(qp, civic.CodeTooMany, axis.MaxAxes*axis.MaxQuestions, len(p.Questions))
	}
	for i, q := range p.Questions {
		ip := qp.Index(i)
		r, err := axis.ParseRef(q)
		switch {
		case err != nil:
			v.Add(ip, civic.CodeUnknownRef, q)
		case c != nil && !hasQuestion(set, r):
			v.Add(ip, civic.CodeUnknownRef, q)
		case containsString(p.Questions[:i], q):
			v.Add(ip, civic.CodeDuplicate, q)
		case !containsString(p.Axes, r.Axis):
			v.Add(ip, civic.CodeQuestionAxis, q, r.Axis)
		}
	}
}

func (p *Proposal) checkContributors(v *civic.ValidationError, path civic.Path, lim Limits, f *Format) {
	cp := path.Key("contributors")
	switch {
	case len(p.Contributors) == 0:
		v.Add(cp, civic.CodeRequired)
		return
	case len(p.Contributors) > lim.Contributors:
		v.Add(cp, civic.CodeTooMany, lim.Contributors, len(p.Contributors))
	}
	open := f == nil
	for i := range p.Contributors {
		x := &p.Contributors[i]
		x.Check(v, cp.Index(i))
		for j := range i {
			if x.Email != "" && p.Contributors[j].Email == x.Email {
				v.Add(cp.Index(i).Key("email"), civic.CodeDuplicate, x.Email)
				break
			}
		}
		if f != nil && f.Open(x.Family()) {
			open = true
		}
	}
	if !open {
		v.Add(cp, civic.CodeFamilyNotAllowed, string(p.Contributors[0].Family()), f.ID)
	}
}

func (p *Proposal) checkSections(v *civic.ValidationError, path civic.Path, c *Call, f *Format, lim Limits) {
	present := map[Section]bool{SectionResults: p.Results != nil, SectionProject: p.Project != nil, SectionPitch: p.Pitch != nil}
	if f != nil {
		for _, s := range Sections() {
			switch {
			case s == f.Section && !present[s]:
				v.Add(path.Key(string(s)), civic.CodeRequired)
			case s != f.Section && present[s]:
				v.Add(path.Key(string(s)), civic.CodeNotForFormat, string(s), f.ID)
			}
		}
	}
	text := func(p civic.Path, s string, required bool) {
		civic.CheckString(v, p, s, civic.StringRule{Required: required, Max: lim.TextMax, Multiline: true})
	}
	if p.Results != nil {
		p.checkResults(v, path.Key("results"), c, f, lim, text)
	}
	if pr := p.Project; pr != nil {
		pp := path.Key("project")
		checkEnum(v, pp.Key("kind"), pr.Kind, pr.Kind.Valid())
		if checkEnum(v, pp.Key("stage"), pr.Stage, pr.Stage.Valid()) && pr.Stage == StageLaunched {
			v.Add(pp.Key("stage"), civic.CodeProjectLaunched)
		}
		text(pp.Key("description"), pr.Description, true)
		text(pp.Key("questions"), pr.Questions, false)
		if pr.Support != "" {
			if f != nil && !f.SupportDocument {
				v.Add(pp.Key("support"), civic.CodeNotForFormat, "support", f.ID)
			} else {
				civic.CheckURL(v, pp.Key("support"), pr.Support)
			}
		}
	}
	if pi := p.Pitch; pi != nil {
		pp := path.Key("pitch")
		checkEnum(v, pp.Key("kind"), pi.Kind, pi.Kind.Valid())
		text(pp.Key("ask"), pi.Ask, true)
	}
}

func (p *Proposal) checkResults(v *civic.ValidationError, rp civic.Path, c *Call, f *Format, lim Limits, text func(civic.Path, string, bool)) {
	r := p.Results
	pp := rp.Key("period")
	start, end := r.Period.Start, r.Period.End
	if start.IsZero() {
		v.Add(pp.Key("start"), civic.CodeRequired)
	} else if !start.Valid() {
		v.Add(pp.Key("start"), civic.CodeInvalidDate, start.String())
	}
	if !end.Valid() {
		v.Add(pp.Key("end"), civic.CodeInvalidDate, end.String())
	}
	ongoingOK := f == nil || f.Ongoing
	switch {
	case r.Ongoing && !ongoingOK:
		v.Add(rp.Key("ongoing"), civic.CodeNotForFormat, "ongoing", f.ID)
	case !r.Ongoing && end.IsZero():
		v.Add(pp.Key("end"), civic.CodeRequired)
	}
	if !start.IsZero() && !end.IsZero() && start.Valid() && end.Valid() && end.Compare(start) < 0 {
		v.Add(pp.Key("end"), civic.CodeOrder, start.String(), end.String())
	}
	// Results of actions already carried out, not future projects: the actions started
	// before the submission (or the deadline, for a draft) and, unless ongoing, had ended
	// by then. A date known to the month or year counts from its first day.
	if c != nil && start.Valid() && end.Valid() {
		ref := p.Submitted
		if ref.IsZero() {
			ref = c.Deadline
		}
		loc := location(c)
		if !start.IsZero() && !start.Start(loc).Before(ref) {
			v.Add(pp.Key("start"), civic.CodeFutureResults, start.String(), stamp(ref, c))
		}
		if !r.Ongoing && !end.IsZero() && end.Start(loc).After(ref) {
			v.Add(pp.Key("end"), civic.CodeFutureResults, end.String(), stamp(ref, c))
		}
	}
	text(rp.Key("actions"), r.Actions, true)
	text(rp.Key("findings"), r.Findings, true)
	if im := r.Impact; im != nil {
		ip := rp.Key("impact")
		checkEnum(v, ip.Key("evaluation"), im.Evaluation, im.Evaluation.Valid())
		civic.CheckString(v, ip.Key("evaluator"), im.Evaluator, civic.StringRule{Max: MaxLabelLen, Name: true})
		if len(im.Objectives) > MaxObjectives {
			v.Add(ip.Key("objectives"), civic.CodeTooMany, MaxObjectives, len(im.Objectives))
		}
		for i, o := range im.Objectives {
			text(ip.Key("objectives").Index(i), o, true)
		}
		if len(im.Indicators) > MaxIndicators {
			v.Add(ip.Key("indicators"), civic.CodeTooMany, MaxIndicators, len(im.Indicators))
		}
		for i, in := range im.Indicators {
			np := ip.Key("indicators").Index(i)
			civic.CheckString(v, np.Key("name"), in.Name, civic.StringRule{Required: true, Max: MaxLabelLen, Name: true})
			text(np.Key("definition"), in.Definition, false)
			text(np.Key("value"), in.Value, false)
		}
	}
	if im := r.Implementation; im != nil {
		ip := rp.Key("implementation")
		text(ip.Key("humanMeans"), im.HumanMeans, false)
		text(ip.Key("financialMeans"), im.FinancialMeans, false)
		text(ip.Key("synthesis"), im.Synthesis, false)
		if len(im.Channels) > MaxChannels {
			v.Add(ip.Key("channels"), civic.CodeTooMany, MaxChannels, len(im.Channels))
		}
		for i, ch := range im.Channels {
			civic.CheckString(v, ip.Key("channels").Index(i), ch, civic.StringRule{Required: true, Max: MaxLabelLen, Name: true})
		}
		if b := im.Budget; b != nil {
			bp := ip.Key("budget")
			if b.Amount < 0 || b.Amount > MaxBudget {
				v.Add(bp.Key("amount"), civic.CodeOutOfRange, 0, MaxBudget, b.Amount)
			}
			if !validCurrency(b.Currency) {
				v.Add(bp.Key("currency"), civic.CodeUnknownValue, b.Currency)
			}
		}
	}
}

// CurrencyPattern is the pattern of ISO 4217 alphabetic currency codes.
const CurrencyPattern = "^[A-Z]{3}$"

func validCurrency(s string) bool {
	return len(s) == 3 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z' && s[2] >= 'A' && s[2] <= 'Z'
}

// checkEnum records CodeRequired for "" and CodeUnknownValue for an unknown value, and
// reports whether the value is known.
func checkEnum[E ~string](v *civic.ValidationError, p civic.Path, e E, valid bool) bool {
	switch {
	case e == "":
		v.Add(p, civic.CodeRequired)
	case !valid:
		v.Add(p, civic.CodeUnknownValue, string(e))
	default:
		return true
	}
	return false
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
	return t.In(location(c)).Format("2006-01-02 15:04 MST")
}

// locations caches the time zones of calls by name: [Call.Location] loads the zone from
// the system's database (a file read and a parse) on every call, which cost about a
// third of the time of validating a proposal with results. A [time.Location] is
// immutable, so sharing one is safe. Only zones that load are kept, and at most
// maxLocations of them, so that calls with arbitrary zone names cannot grow the cache.
var (
	locations   sync.Map // string → *time.Location
	nLocations  atomic.Int32
	maxLocation = int32(64)
)

// location returns c.Location(), cached.
func location(c *Call) *time.Location {
	if loc, ok := locations.Load(c.TimeZone); ok {
		return loc.(*time.Location)
	}
	loc, err := time.LoadLocation(c.TimeZone)
	if err != nil {
		return c.Location()
	}
	if nLocations.Add(1) <= maxLocation {
		locations.Store(c.TimeZone, loc)
	}
	return loc
}
