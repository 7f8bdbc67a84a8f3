// Package gen generates a deterministic corpus of proposals to the built-in 2019 call,
// derived from the built-in sample, for benchmarks and for cross-checking the Go
// validator against JSON Schema validators on the exported schema.
//
// About 90% of the records are valid; the others carry exactly one fault that a JSON
// Schema can detect (a value outside an enum, a text too short or too long, a missing or
// unknown member, a bad e-mail, a question of an axis the proposal does not list…), so
// that every validator must give the same verdict. The generator checks each record with
// the Go validator as it writes it and panics if a record does not get the verdict it was
// built for.
package gen

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/civic-observatory/civic/contribution"
)

// Value is a JSON value of an ordered tree: nil, bool, json.Number, string, []Value or
// Object.
type Value = any

// Member is one member of an Object.
type Member struct {
	Key string
	Val Value
}

// Object is a JSON object that keeps its members in order.
type Object []Member

// Get returns the value of member k.
func (o Object) Get(k string) (Value, bool) {
	for _, m := range o {
		if m.Key == k {
			return m.Val, true
		}
	}
	return nil, false
}

// Set replaces member k, or appends it.
func (o *Object) Set(k string, v Value) {
	for i := range *o {
		if (*o)[i].Key == k {
			(*o)[i].Val = v
			return
		}
	}
	*o = append(*o, Member{k, v})
}

// Replace replaces the value of the existing member k in place.
func (o Object) Replace(k string, v Value) {
	for i := range o {
		if o[i].Key == k {
			o[i].Val = v
			return
		}
	}
	panic("gen: no member " + k)
}

// Delete removes member k.
func (o *Object) Delete(k string) {
	*o = slices.DeleteFunc(*o, func(m Member) bool { return m.Key == k })
}

// Parse reads one JSON value into an ordered tree.
func Parse(data []byte) (Value, error) {
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	return parse(d)
}

func parse(d *json.Decoder) (Value, error) {
	t, err := d.Token()
	if err != nil {
		return nil, err
	}
	switch t := t.(type) {
	case json.Delim:
		switch t {
		case '{':
			o := Object{}
			for d.More() {
				k, err := d.Token()
				if err != nil {
					return nil, err
				}
				v, err := parse(d)
				if err != nil {
					return nil, err
				}
				o = append(o, Member{k.(string), v})
			}
			_, err := d.Token()
			return o, err
		case '[':
			a := []Value{}
			for d.More() {
				v, err := parse(d)
				if err != nil {
					return nil, err
				}
				a = append(a, v)
			}
			_, err := d.Token()
			return a, err
		}
		return nil, fmt.Errorf("unexpected %v", t)
	default:
		return t, nil
	}
}

// Clone returns a deep copy of v.
func Clone(v Value) Value {
	switch v := v.(type) {
	case Object:
		o := make(Object, len(v))
		for i, m := range v {
			o[i] = Member{m.Key, Clone(m.Val)}
		}
		return o
	case []Value:
		a := make([]Value, len(v))
		for i, x := range v {
			a[i] = Clone(x)
		}
		return a
	}
	return v
}

// Append writes v as compact JSON (strings are not HTML-escaped; non-ASCII is written as
// UTF-8).
func Append(b []byte, v Value) []byte {
	switch v := v.(type) {
	case nil:
		return append(b, "null"...)
	case bool:
		return strconv.AppendBool(b, v)
	case json.Number:
		return append(b, v...)
	case int:
		return strconv.AppendInt(b, int64(v), 10)
	case string:
		return appendString(b, v)
	case []Value:
		b = append(b, '[')
		for i, x := range v {
			if i > 0 {
				b = append(b, ',')
			}
			b = Append(b, x)
		}
		return append(b, ']')
	case []string:
		b = append(b, '[')
		for i, x := range v {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendString(b, x)
		}
		return append(b, ']')
	case Object:
		b = append(b, '{')
		for i, m := range v {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendString(b, m.Key)
			b = append(b, ':')
			b = Append(b, m.Val)
		}
		return append(b, '}')
	}
	panic(fmt.Sprintf("gen: cannot write %T", v))
}

func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
		case c == '\n':
			b = append(b, '\\', 'n')
		case c == '\t':
			b = append(b, '\\', 't')
		case c < 0x20:
			b = append(b, fmt.Sprintf("\\u%04x", c)...)
		default:
			b = append(b, c)
		}
	}
	return append(b, '"')
}

// Fault is the kind of the one problem of an invalid record.
type Fault string

// The faults. Each is detectable by a JSON Schema specialised to the call.
const (
	FaultNone            Fault = ""
	FaultFormatEnum      Fault = "format-enum"       // a format the call does not accept
	FaultLanguageEnum    Fault = "language-enum"     // a language the call does not accept
	FaultOrgKindEnum     Fault = "org-kind-enum"     // an unknown organisation kind
	FaultShortTitle      Fault = "short-title"       // a title under titleMin characters
	FaultLongSummary     Fault = "long-summary"      // a summary over summaryMax characters
	FaultShortSummary    Fault = "short-summary"     // a summary under summaryMin characters
	FaultMissingField    Fault = "missing-field"     // a required member left out
	FaultUnknownField    Fault = "unknown-field"     // a member no schema knows
	FaultBadEmail        Fault = "bad-email"         // an e-mail without a dotted domain
	FaultUnlistedAxis    Fault = "unlisted-axis"     // a question of an axis the proposal does not list
	FaultUnknownAxis     Fault = "unknown-axis"      // an axis the call does not have
	FaultDuplicateAxis   Fault = "duplicate-axis"    // an axis given twice
	FaultNoContributor   Fault = "no-contributor"    // an empty list of contributors
	FaultWrongType       Fault = "wrong-type"        // a string where an array is expected
	FaultBadID           Fault = "bad-id"            // an identifier with upper-case letters
	FaultMissingSection  Fault = "missing-section"   // the section the format requires is missing
	FaultBadCountry      Fault = "bad-country"       // a country code that is no country
	FaultAxesNotAccepted Fault = "axes-not-for-form" // guiding questions given for a format that does not ask for them
	FaultNoAcademic      Fault = "no-academic"       // a research presentation without an academic
	FaultPitchKindEnum   Fault = "pitch-kind-enum"   // an unknown kind of pitch
)

// Faults lists every fault, in the order the generator draws them from.
var Faults = []Fault{
	FaultFormatEnum, FaultLanguageEnum, FaultOrgKindEnum, FaultShortTitle, FaultLongSummary,
	FaultShortSummary, FaultMissingField, FaultUnknownField, FaultBadEmail, FaultUnlistedAxis,
	FaultUnknownAxis, FaultDuplicateAxis, FaultNoContributor, FaultWrongType, FaultBadID,
	FaultMissingSection, FaultBadCountry, FaultAxesNotAccepted, FaultNoAcademic, FaultPitchKindEnum,
}

// Options configure a Generator.
type Options struct {
	Seed uint64
	// Invalid is the share of invalid records, 0.1 when zero; negative for none.
	Invalid float64
	// Faults restricts the faults drawn (all of Faults when empty).
	Faults []Fault
	// NoCheck skips the check of each record by the Go validator (faster, for big files).
	NoCheck bool
}

// Generator produces records one after the other.
type Generator struct {
	opt  Options
	rng  *rand.Rand
	call *contribution.Call
	dec  contribution.Decoder
	p    contribution.Proposal

	samples  []Object            // the built-in sample
	byFormat map[string][]Object // samples by format
	titles   map[string][]string // titles by language
	sums     map[string][]string // summaries by language
	people   []Object            // every contributor of the sample
	academic []Object            // contributors whose organisation is academic
	axes     map[string]int      // axis ID → number of questions
	axisIDs  []string
	opens    time.Time
	deadline time.Time

	n   int
	buf []byte
}

// New returns a generator of records to the built-in 2019 call.
func New(opt Options) (*Generator, error) {
	if opt.Invalid == 0 {
		opt.Invalid = 0.1
	}
	if len(opt.Faults) == 0 {
		opt.Faults = Faults
	}
	c, err := contribution.Call2019()
	if err != nil {
		return nil, err
	}
	sample, err := contribution.Sample2019(c)
	if err != nil {
		return nil, err
	}
	raw, err := json.Marshal(sample)
	if err != nil {
		return nil, err
	}
	v, err := Parse(raw)
	if err != nil {
		return nil, err
	}
	g := &Generator{
		opt:      opt,
		rng:      rand.New(rand.NewPCG(opt.Seed, 0x9e3779b97f4a7c15)),
		call:     c,
		byFormat: map[string][]Object{},
		titles:   map[string][]string{},
		sums:     map[string][]string{},
		axes:     map[string]int{},
		opens:    c.Opens,
		deadline: c.Deadline,
	}
	for _, a := range c.Axes {
		g.axes[a.ID] = len(a.Questions)
		g.axisIDs = append(g.axisIDs, a.ID)
	}
	for _, x := range v.([]Value) {
		o := x.(Object)
		g.samples = append(g.samples, o)
		f := str(o, "format")
		g.byFormat[f] = append(g.byFormat[f], o)
		lang := str(o, "language")
		g.titles[lang] = append(g.titles[lang], str(o, "title"))
		g.sums[lang] = append(g.sums[lang], str(o, "summary"))
		cs, _ := o.Get("contributors")
		for _, p := range cs.([]Value) {
			po := p.(Object)
			g.people = append(g.people, po)
			if org, ok := po.Get("organisation"); ok {
				k := str(org.(Object), "kind")
				if k == "university" || k == "think_tank" {
					g.academic = append(g.academic, po)
				}
			}
		}
	}
	return g, nil
}

func str(o Object, k string) string {
	v, _ := o.Get(k)
	s, _ := v.(string)
	return s
}

// Call returns the call the records answer.
func (g *Generator) Call() *contribution.Call { return g.call }

// Next returns the next record (valid until the following call) and its fault, FaultNone
// for a valid record.
func (g *Generator) Next() ([]byte, Fault) {
	g.n++
	doc := g.valid()
	fault := FaultNone
	if g.opt.Invalid > 0 && g.rng.Float64() < g.opt.Invalid {
		fault = g.opt.Faults[g.rng.IntN(len(g.opt.Faults))]
		fault = g.spoil(&doc, fault)
	}
	g.buf = Append(g.buf[:0], doc)
	if !g.opt.NoCheck {
		err := g.dec.Decode(g.buf, g.call, &g.p)
		if (err == nil) != (fault == FaultNone) {
			panic(fmt.Sprintf("gen: record %d (fault %q) judged %v by the Go validator:\n%s", g.n, fault, err, g.buf))
		}
	}
	return g.buf, fault
}

func (g *Generator) pick(list []Object) Object { return list[g.rng.IntN(len(list))] }

// valid builds a valid proposal from a random sample.
func (g *Generator) valid() Object {
	base := Clone(g.samples[g.rng.IntN(len(g.samples))]).(Object)
	format := str(base, "format")
	lang := str(base, "language")
	same := g.byFormat[format]

	base.Set("id", fmt.Sprintf("p%07d", g.n))

	// Title: one of the same language, sometimes with a suffix.
	title := g.titles[lang][g.rng.IntN(len(g.titles[lang]))]
	switch g.rng.IntN(4) {
	case 0:
		title += fmt.Sprintf(" (%d)", 2015+g.rng.IntN(4))
	case 1:
		if lang == "fr" {
			title += " : retour d'expérience n° " + strconv.Itoa(g.n%997)
		} else {
			title += ": lessons no. " + strconv.Itoa(g.n%997)
		}
	}
	if utf8.RuneCountInString(title) > g.call.Limits.TitleMax {
		title = string([]rune(title)[:g.call.Limits.TitleMax])
		title = strings.TrimSpace(title)
	}
	base.Set("title", title)

	// Summary: one or two of the same language.
	sum := g.sums[lang][g.rng.IntN(len(g.sums[lang]))]
	if g.rng.IntN(3) == 0 {
		more := g.sums[lang][g.rng.IntN(len(g.sums[lang]))]
		if utf8.RuneCountInString(sum)+1+utf8.RuneCountInString(more) <= g.call.Limits.SummaryMax {
			sum += " " + more
		}
	}
	base.Set("summary", sum)

	// Section: taken from a sample of the same format and language when there is one.
	var donors []Object
	for _, o := range same {
		if str(o, "language") == lang {
			donors = append(donors, o)
		}
	}
	donor := g.pick(donors)
	for _, s := range []string{"results", "project", "pitch"} {
		if v, ok := donor.Get(s); ok {
			base.Set(s, Clone(v))
		}
	}

	// Axes and questions.
	if _, ok := base.Get("axes"); ok {
		n := 1 + g.rng.IntN(2)
		axes := []string{}
		for _, i := range g.rng.Perm(len(g.axisIDs))[:n] {
			axes = append(axes, g.axisIDs[i])
		}
		qs := []string{}
		for range g.rng.IntN(4) {
			a := axes[g.rng.IntN(len(axes))]
			q := a + "." + strconv.Itoa(1+g.rng.IntN(g.axes[a]))
			if !slices.Contains(qs, q) {
				qs = append(qs, q)
			}
		}
		base.Set("axes", axes)
		if len(qs) > 0 {
			base.Set("questions", qs)
		} else {
			base.Delete("questions")
		}
	}

	// Contributors: research needs an academic first.
	n := 1 + g.rng.IntN(3)
	var people []Value
	var emails []string
	add := func(p Object) {
		p = Clone(p).(Object)
		email := str(p, "email")
		local, domain, _ := strings.Cut(email, "@")
		email = fmt.Sprintf("%s.%d@%s", local, g.rng.IntN(1000), domain)
		if slices.Contains(emails, email) {
			return
		}
		emails = append(emails, email)
		p.Set("email", email)
		people = append(people, p)
	}
	if format == "research" {
		add(g.pick(g.academic))
	}
	for len(people) < n {
		add(g.pick(g.people))
	}
	base.Set("contributors", people)

	// Dates: results in the past. (A proposal no longer carries its submission time, which
	// the workflow records; the draw is kept so that the corpus keeps its other values.)
	span := g.deadline.Sub(g.opens) / time.Minute
	_ = g.rng.Int64N(int64(span))
	if r, ok := base.Get("results"); ok {
		ro := r.(Object)
		start := time.Date(2014+g.rng.IntN(5), time.Month(1+g.rng.IntN(12)), 1+g.rng.IntN(28), 0, 0, 0, 0, time.UTC)
		if start.After(time.Date(2018, 11, 1, 0, 0, 0, 0, time.UTC)) {
			start = start.AddDate(-1, 0, 0)
		}
		end := start.AddDate(0, g.rng.IntN(24), g.rng.IntN(28))
		if end.After(time.Date(2018, 11, 30, 0, 0, 0, 0, time.UTC)) {
			end = time.Date(2018, 11, 30, 0, 0, 0, 0, time.UTC)
		}
		layout := [...]string{"2006", "2006-01", "2006-01", "2006-01-02"}[g.rng.IntN(4)]
		period := Object{{"start", start.Format(layout)}}
		_, ongoing := ro.Get("ongoing")
		if format == "research" && (ongoing || g.rng.IntN(5) == 0) {
			ro.Set("ongoing", true)
		} else {
			ro.Delete("ongoing")
			period = append(period, Member{"end", end.Format(layout)})
		}
		ro.Set("period", period)
		base.Set("results", ro)
	}
	return base
}

// spoil gives doc the fault f, or another one when f does not apply to its format, and
// returns the fault given.
func (g *Generator) spoil(doc *Object, f Fault) Fault {
	format := str(*doc, "format")
	_, hasAxes := doc.Get("axes")
	people, _ := doc.Get("contributors")
	first := people.([]Value)[0].(Object)
	switch f {
	case FaultFormatEnum:
		doc.Set("format", [...]string{"workshop", "keynote", "Research", "table-ronde"}[g.rng.IntN(4)])
	case FaultLanguageEnum:
		doc.Set("language", [...]string{"de", "es", "it", "de-DE", "EN"}[g.rng.IntN(5)])
	case FaultOrgKindEnum:
		org, ok := first.Get("organisation")
		if !ok {
			return g.spoil(doc, FaultFormatEnum)
		}
		org.(Object).Replace("kind", [...]string{"club", "ngo", "University", "lab"}[g.rng.IntN(4)])
	case FaultShortTitle:
		doc.Set("title", [...]string{"Vote", "Élu", "Agir", "Lab", "Go"}[g.rng.IntN(5)])
	case FaultLongSummary:
		s := str(*doc, "summary")
		for utf8.RuneCountInString(s) <= g.call.Limits.SummaryMax {
			s += " " + s
		}
		doc.Set("summary", s)
	case FaultShortSummary:
		doc.Set("summary", [...]string{"Trop court.", "Too short to be a summary.", "Résumé à venir, voir le site."}[g.rng.IntN(3)])
	case FaultMissingField:
		doc.Delete([...]string{"title", "summary", "format", "language", "contributors"}[g.rng.IntN(5)])
	case FaultUnknownField:
		switch g.rng.IntN(3) {
		case 0:
			doc.Set("tags", []string{"civic tech", "participation"})
		case 1:
			first.Set("phone", "+33 1 23 45 67 89")
			people.([]Value)[0] = first
		default:
			doc.Set("Title", str(*doc, "title"))
		}
	case FaultBadEmail:
		email := str(first, "email")
		local, domain, _ := strings.Cut(email, "@")
		bad := [...]string{
			local + "@" + strings.TrimSuffix(domain, domain[strings.LastIndexByte(domain, '.'):]),
			local + " at " + domain,
			local + "@@" + domain,
			"<" + email + ">",
			local + "@" + domain + ".",
		}
		first.Replace("email", bad[g.rng.IntN(len(bad))])
	case FaultUnlistedAxis:
		if !hasAxes {
			return g.spoil(doc, FaultLanguageEnum)
		}
		av, _ := doc.Get("axes")
		axes := av.([]string)
		var other []string
		for _, a := range g.axisIDs {
			if !slices.Contains(axes, a) {
				other = append(other, a)
			}
		}
		a := other[g.rng.IntN(len(other))]
		qv, _ := doc.Get("questions")
		qs, _ := qv.([]string)
		doc.Set("questions", append(slices.Clone(qs), a+"."+strconv.Itoa(1+g.rng.IntN(g.axes[a]))))
	case FaultUnknownAxis:
		if !hasAxes {
			return g.spoil(doc, FaultShortTitle)
		}
		av, _ := doc.Get("axes")
		doc.Set("axes", append(slices.Clone(av.([]string)), [...]string{"5", "9", "govtech"}[g.rng.IntN(3)]))
	case FaultDuplicateAxis:
		if !hasAxes {
			return g.spoil(doc, FaultUnknownField)
		}
		av, _ := doc.Get("axes")
		axes := av.([]string)
		doc.Set("axes", append(slices.Clone(axes), axes[0]))
	case FaultNoContributor:
		doc.Set("contributors", []Value{})
	case FaultWrongType:
		switch g.rng.IntN(3) {
		case 0:
			doc.Set("contributors", str(first, "name"))
		case 1:
			doc.Set("title", json.Number("2019"))
		default:
			doc.Set("language", []string{"fr"})
		}
	case FaultBadID:
		doc.Set("id", [...]string{"P0001", "prop 1", "-p1", "proposition_1"}[g.rng.IntN(4)])
	case FaultMissingSection:
		doc.Delete(map[string]string{"research": "results", "field-report": "results", "pitch": "pitch", "centrifugeuse": "project"}[format])
	case FaultBadCountry:
		org, ok := first.Get("organisation")
		if !ok {
			return g.spoil(doc, FaultBadEmail)
		}
		org.(Object).Replace("country", [...]string{"ZZ", "EU", "fr", "FRA", "QQ"}[g.rng.IntN(5)])
	case FaultAxesNotAccepted:
		if hasAxes {
			return g.spoil(doc, FaultDuplicateAxis)
		}
		a := g.axisIDs[g.rng.IntN(len(g.axisIDs))]
		doc.Set("axes", []string{a})
		doc.Set("questions", []string{a + ".1"})
	case FaultNoAcademic:
		if format != "research" {
			return g.spoil(doc, FaultMissingSection)
		}
		// Research is open to academics, to researchers in a foundation and to independent
		// researchers (no organisation): keep only the others.
		researcher := func(p Object) bool {
			org, ok := p.Get("organisation")
			if !ok {
				return true
			}
			k := str(org.(Object), "kind")
			return k == "university" || k == "think_tank" || k == "foundation" || k == "citizen"
		}
		var rest []Value
		for _, p := range people.([]Value) {
			if !researcher(p.(Object)) {
				rest = append(rest, p)
			}
		}
		if len(rest) == 0 {
			for _, p := range g.people {
				if !researcher(p) && len(rest) == 0 {
					q := Clone(p).(Object)
					q.Set("email", fmt.Sprintf("contact.%d@example.org", g.n))
					rest = append(rest, q)
				}
			}
		}
		doc.Set("contributors", rest)
	case FaultPitchKindEnum:
		if format != "pitch" {
			return g.spoil(doc, FaultOrgKindEnum)
		}
		pv, _ := doc.Get("pitch")
		pv.(Object).Replace("kind", [...]string{"petition", "Law", "song"}[g.rng.IntN(3)])
	default:
		panic("gen: unknown fault " + string(f))
	}
	return f
}

// Write writes n records as NDJSON and returns the number of valid ones.
func (g *Generator) Write(w io.Writer, n int) (valid int, err error) {
	for range n {
		rec, fault := g.Next()
		if fault == FaultNone {
			valid++
		}
		if _, err := w.Write(append(rec, '\n')); err != nil {
			return valid, err
		}
		g.buf = rec
	}
	return valid, nil
}
