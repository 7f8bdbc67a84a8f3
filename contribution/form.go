package contribution

import (
	"slices"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/internal/check"
	"github.com/civic-observatory/civic/internal/text"
)

// FieldType is the type of a form field: what kind of answer it asks for. The wire value
// is the name.
type FieldType string

// The field types. Each says which JSON value an answer holds.
const (
	// FieldText is a short text on one line (a name, a label): a JSON string in which
	// control and bidirectional formatting characters are refused.
	FieldText FieldType = "text"
	// FieldLongText is a text of several lines: a JSON string, line feeds and tabs allowed.
	FieldLongText FieldType = "longText"
	// FieldChoice is one choice among the field's choices: the choice's ID as a string.
	FieldChoice FieldType = "choice"
	// FieldChoices is several choices among the field's choices: an array of choice IDs
	// without repetition.
	FieldChoices FieldType = "choices"
	// FieldNumber is a whole number (of the field's unit) within the field's range.
	FieldNumber FieldType = "number"
	// FieldURL is an absolute http or https address.
	FieldURL FieldType = "url"
	// FieldEmail is an e-mail address.
	FieldEmail FieldType = "email"
	// FieldDate is a date known to the year, month or day ("2019", "2019-03", "2019-03-18").
	FieldDate FieldType = "date"
	// FieldPeriod is a span of dates: an object {"start": date, "end": date}; the end is the
	// last date of the span, inclusive.
	FieldPeriod FieldType = "period"
	// FieldBoolean is a yes/no answer: true or false.
	FieldBoolean FieldType = "boolean"
	// FieldMoney is an amount of money in whole units: an object {"amount": integer,
	// "currency": ISO 4217 code}.
	FieldMoney FieldType = "money"
	// FieldGroup is a group of fields answered together: an object whose members are the
	// answers to the group's fields.
	FieldGroup FieldType = "group"
	// FieldList is a list of answers to the same item field (a text, a group…): an array.
	FieldList FieldType = "list"
)

// FieldTypes lists every FieldType, in documentation order.
func FieldTypes() []FieldType {
	return []FieldType{FieldText, FieldLongText, FieldChoice, FieldChoices, FieldNumber, FieldURL, FieldEmail,
		FieldDate, FieldPeriod, FieldBoolean, FieldMoney, FieldGroup, FieldList}
}

// Valid reports whether t is one of [FieldTypes].
func (t FieldType) Valid() bool { return slices.Contains(FieldTypes(), t) }

// Field is a question of a format's form: what a proposal of the format answers besides
// its title, summary, language, axes and contributors. A form is data: the 2019 call's
// sections (results, project, pitch) are fields of its formats, and any call asks its own
// questions the same way.
//
// Min and Max bound, by type: the length of a text in characters (0 for Max means the
// default, [MaxLabelLen] for a short text and the call's [Limits].TextMax for a long
// one); the value of a number or of an amount of money (0 for Max means no bound below
// [MaxNumber]); the number of items of a list or of choices (0 for Max means
// [MaxItems]).
type Field struct {
	// ID identifies the field among its siblings, matching [civic.IDPattern] or
	// camelCase letters ("results", "humanMeans"): it is the answer's member name in the
	// proposal document. At the top level of a form it cannot be one of
	// [ReservedFields].
	ID string `json:"id,omitempty"`
	// Type is the type of the answer.
	Type FieldType `json:"type"`
	// Label is the question as the form shows it, in the call's languages.
	Label civic.Text `json:"label"`
	// Help explains the question, if needed.
	Help civic.Text `json:"help,omitempty"`
	// Required tells whether an answer must be given.
	Required bool `json:"required,omitempty"`
	// RequiredWhen makes the answer required when another answer of the same group has
	// one of the given values.
	RequiredWhen *Condition `json:"requiredWhen,omitempty"`
	// Min and Max bound the answer (see the type's documentation).
	Min int64 `json:"min,omitempty"`
	Max int64 `json:"max,omitempty"`
	// Unit is the unit of a number (« participants », « cm »).
	Unit civic.Text `json:"unit,omitempty"`
	// Choices are the choices of a choice or choices field, in the order shown.
	Choices []Choice `json:"choices,omitempty"`
	// Fields are the fields of a group, in the order shown.
	Fields []Field `json:"fields,omitempty"`
	// Item is the field each item of a list answers (its ID is not used).
	Item *Field `json:"item,omitempty"`
	// Past requires a date or period to lie before the submission (or the call's deadline,
	// for a draft): a date or a period's start strictly before it, a period's end not after
	// it. The 2019 call asks for « résultats d'actions menées, et non de projets à venir ».
	Past bool `json:"past,omitempty"`
	// OpenWhen, for a period, says when the period may have no end yet: then its end may
	// be left out, and is not held to Past (« les projets de recherche en cours sont
	// bienvenus »). Otherwise the end is required.
	OpenWhen *Condition `json:"openWhen,omitempty"`
	// Identifying tells that the answer identifies its authors (a support document's
	// address, an evaluator's name): [Proposal.Anonymised] removes it for blind review.
	Identifying bool `json:"identifying,omitempty"`
}

// Choice is one choice of a choice or choices field.
type Choice struct {
	// ID is the value an answer gives for this choice, matching [civic.IDPattern].
	ID string `json:"id"`
	// Label is the choice as the form shows it.
	Label civic.Text `json:"label"`
	// Help explains the choice, if needed.
	Help civic.Text `json:"help,omitempty"`
	// Refuse, when set, is the code of the rule an answer breaks by picking this choice:
	// the choice is listed so that authors see the rule, and refused with this code (one
	// of [civic.Codes]). A 2019 centrifugeuse project « en phase de conception, et non
	// lancé » lists the stage "launched" with the code project_launched.
	Refuse civic.Code `json:"refuse,omitempty"`
}

// Condition holds when a sibling answer (in the same group, or at the top level of the
// form) has one of the values: a choice's ID, several choices one of which is among the
// values, or "true" or "false" for a yes/no answer. An absent answer has no value.
type Condition struct {
	// Field is the ID of the sibling field; it must be a choice, choices or boolean field.
	Field string `json:"field"`
	// Values are the values the condition holds for.
	Values []string `json:"values"`
}

// ReservedFields returns the member names of a proposal that its form cannot use: the
// proposal's own members.
func ReservedFields() []string {
	return []string{"id", "title", "summary", "format", "language", "axes", "questions", "contributors",
		"submitted", "state", "version", "pending", "answers"}
}

// Presence says whether a format asks for something: required, optional, or not asked
// (the zero value).
type Presence string

// The presences.
const (
	NotAsked Presence = ""
	Optional Presence = "optional"
	Required Presence = "required"
)

// Presences lists every Presence, not asked first.
func Presences() []Presence { return []Presence{NotAsked, Optional, Required} }

// Valid reports whether p is one of [Presences].
func (p Presence) Valid() bool { return slices.Contains(Presences(), p) }

// Asked reports whether p is optional or required.
func (p Presence) Asked() bool { return p == Optional || p == Required }

// Limits of form definitions and answers.
const (
	MaxFields      = 100              // fields of one group or form
	MaxChoices     = 200              // choices of one field
	MaxFormDepth   = 8                // groups and lists nested in one another
	MaxItems       = 1000             // default bound of the items of a list or choices answer
	MaxNumber      = 1<<53 - 1        // largest number an answer may hold (exact in JSON)
	MaxFieldIDLen  = 64               // characters of a field or choice ID
	MaxLabelTextLn = MaxFormatNameLen // characters of a label
)

// Field returns the top-level field with the ID.
func (f *Format) Field(id string) (*Field, bool) { return findField(f.Fields, id) }

func findField(fields []Field, id string) (*Field, bool) {
	for i := range fields {
		if fields[i].ID == id {
			return &fields[i], true
		}
	}
	return nil, false
}

// Lookup returns the field at the path of field IDs (list items are entered through
// their item field), or false.
func (f *Format) Lookup(ids ...string) (*Field, bool) {
	fields := f.Fields
	var cur *Field
	for _, id := range ids {
		fl, ok := findField(fields, id)
		if !ok {
			return nil, false
		}
		cur = fl
		for cur.Type == FieldList && cur.Item != nil {
			cur = cur.Item
		}
		fields = cur.Fields
	}
	return cur, cur != nil
}

// validFieldID reports whether s is a field ID: [civic.IDPattern] or camelCase letters and
// digits starting with a lower-case letter.
func validFieldID(s string) bool {
	if s == "" || len(s) > MaxFieldIDLen || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9', c >= 'A' && c <= 'Z':
		case c == '-' && !hasUpper(s):
		default:
			return false
		}
	}
	return true
}

func hasUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 'A' && s[i] <= 'Z' {
			return true
		}
	}
	return false
}

// checkFields records the problems of a list of sibling fields at path: each field's own
// problems, duplicate IDs, conditions naming a missing field or a field that cannot hold
// one, and cycles of conditions. top is true for the top level of a form, where
// [ReservedFields] are refused.
func checkFields(v *civic.ValidationError, path civic.Path, fields []Field, top bool, depth int) {
	if len(fields) > MaxFields {
		v.Add(path, civic.CodeTooMany, MaxFields, len(fields))
	}
	for i := range fields {
		p := path.Index(i)
		f := &fields[i]
		switch {
		case f.ID == "":
			v.Add(p.Key("id"), civic.CodeRequired)
		case !validFieldID(f.ID):
			v.Add(p.Key("id"), civic.CodeInvalidID, f.ID)
		case top && slices.Contains(ReservedFields(), f.ID):
			v.Add(p.Key("id"), civic.CodeReservedField, f.ID)
		default:
			for j := range i {
				if fields[j].ID == f.ID {
					v.Add(p.Key("id"), civic.CodeDuplicate, f.ID)
					break
				}
			}
		}
		f.check(v, p, depth)
		checkCondition(v, p.Key("requiredWhen"), f.RequiredWhen, fields, f)
		if f.OpenWhen != nil && f.Type != FieldPeriod {
			v.Add(p.Key("openWhen"), civic.CodeNotForType, "openWhen", string(f.Type))
		}
		checkCondition(v, p.Key("openWhen"), f.OpenWhen, fields, f)
	}
	// Cycles: a field whose condition leads back to it.
	for i := range fields {
		if conditionCycle(fields, i) {
			v.Add(path.Index(i).Key("id"), civic.CodeConditionCycle, fields[i].ID)
		}
	}
}

// conditions returns the IDs of the siblings the conditions of f name.
func (f *Field) conditions() []string {
	var out []string
	if f.RequiredWhen != nil {
		out = append(out, f.RequiredWhen.Field)
	}
	if f.OpenWhen != nil {
		out = append(out, f.OpenWhen.Field)
	}
	return out
}

// conditionCycle reports whether following the conditions from fields[start] leads back to
// it.
func conditionCycle(fields []Field, start int) bool {
	seen := make([]bool, len(fields))
	stack := []int{start}
	for len(stack) > 0 {
		i := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, id := range fields[i].conditions() {
			j := slices.IndexFunc(fields, func(f Field) bool { return f.ID == id })
			switch {
			case j < 0:
			case j == start:
				return true
			case !seen[j]:
				seen[j] = true
				stack = append(stack, j)
			}
		}
	}
	return false
}

func checkCondition(v *civic.ValidationError, path civic.Path, c *Condition, siblings []Field, self *Field) {
	if c == nil {
		return
	}
	if c.Field == "" {
		v.Add(path.Key("field"), civic.CodeRequired)
		return
	}
	target, ok := findField(siblings, c.Field)
	switch {
	case !ok:
		v.Add(path.Key("field"), civic.CodeUnknownRef, c.Field)
		return
	case target == self:
		return // reported as a cycle
	case target.Type != FieldChoice && target.Type != FieldChoices && target.Type != FieldBoolean:
		v.Add(path.Key("field"), civic.CodeConditionTarget, c.Field, string(target.Type))
		return
	}
	if len(c.Values) == 0 {
		v.Add(path.Key("values"), civic.CodeRequired)
	}
	for i, val := range c.Values {
		var known bool
		if target.Type == FieldBoolean {
			known = val == "true" || val == "false"
		} else {
			known = slices.ContainsFunc(target.Choices, func(ch Choice) bool { return ch.ID == val })
		}
		switch {
		case !known:
			v.Add(path.Key("values").Index(i), civic.CodeUnknownValue, val)
		case slices.Contains(c.Values[:i], val):
			v.Add(path.Key("values").Index(i), civic.CodeDuplicate, val)
		}
	}
}

// check records the problems of the field's own definition at path.
func (f *Field) check(v *civic.ValidationError, path civic.Path, depth int) {
	switch {
	case f.Type == "":
		v.Add(path.Key("type"), civic.CodeRequired)
	case !f.Type.Valid():
		v.Add(path.Key("type"), civic.CodeUnknownValue, string(f.Type))
	}
	f.Label.Check(v, path.Key("label"), true, MaxFormatNameLen)
	f.Help.Check(v, path.Key("help"), false, MaxFormatTextLen)
	f.Unit.Check(v, path.Key("unit"), false, MaxLabelLen)
	notFor := func(name string) { v.Add(path.Key(name), civic.CodeNotForType, name, string(f.Type)) }
	if f.Required && f.RequiredWhen != nil {
		v.Add(path.Key("requiredWhen"), civic.CodeNotForType, "requiredWhen", "required")
	}
	if len(f.Unit) > 0 && f.Type != FieldNumber {
		notFor("unit")
	}
	if f.Past && f.Type != FieldDate && f.Type != FieldPeriod {
		notFor("past")
	}
	// Bounds.
	switch f.Type {
	case FieldText, FieldLongText, FieldChoices, FieldList:
		if f.Min < 0 || f.Min > MaxNumber {
			v.Add(path.Key("min"), civic.CodeOutOfRange, 0, int64(MaxNumber), f.Min)
		}
		if f.Max < 0 || f.Max > MaxNumber {
			v.Add(path.Key("max"), civic.CodeOutOfRange, 0, int64(MaxNumber), f.Max)
		}
		if f.Max > 0 && f.Min > f.Max {
			v.Add(path.Key("max"), civic.CodeOrder, "min", "max")
		}
	case FieldNumber, FieldMoney:
		if f.Min < -MaxNumber || f.Min > MaxNumber {
			v.Add(path.Key("min"), civic.CodeOutOfRange, -int64(MaxNumber), int64(MaxNumber), f.Min)
		}
		if f.Max < -MaxNumber || f.Max > MaxNumber {
			v.Add(path.Key("max"), civic.CodeOutOfRange, -int64(MaxNumber), int64(MaxNumber), f.Max)
		}
		if f.Max != 0 && f.Min > f.Max {
			v.Add(path.Key("max"), civic.CodeOrder, "min", "max")
		}
	default:
		if f.Min != 0 {
			notFor("min")
		}
		if f.Max != 0 {
			notFor("max")
		}
	}
	// Choices.
	switch f.Type {
	case FieldChoice, FieldChoices:
		if len(f.Choices) == 0 {
			v.Add(path.Key("choices"), civic.CodeRequired)
		}
		if len(f.Choices) > MaxChoices {
			v.Add(path.Key("choices"), civic.CodeTooMany, MaxChoices, len(f.Choices))
		}
		for i := range f.Choices {
			ch := &f.Choices[i]
			p := path.Key("choices").Index(i)
			switch {
			case !text.ValidID(ch.ID) || len(ch.ID) > MaxFieldIDLen:
				check.ID(v, p.Key("id"), ch.ID)
				if ch.ID != "" && text.ValidID(ch.ID) {
					v.Add(p.Key("id"), civic.CodeTooLong, MaxFieldIDLen, len(ch.ID))
				}
			case slices.ContainsFunc(f.Choices[:i], func(c Choice) bool { return c.ID == ch.ID }):
				v.Add(p.Key("id"), civic.CodeDuplicate, ch.ID)
			}
			ch.Label.Check(v, p.Key("label"), true, MaxFormatNameLen)
			ch.Help.Check(v, p.Key("help"), false, MaxFormatTextLen)
			if ch.Refuse != "" && !ch.Refuse.Valid() {
				v.Add(p.Key("refuse"), civic.CodeUnknownValue, string(ch.Refuse))
			}
		}
	default:
		if len(f.Choices) > 0 {
			notFor("choices")
		}
	}
	// Nested fields.
	if (f.Type == FieldGroup || f.Type == FieldList) && depth >= MaxFormDepth {
		v.Add(path, civic.CodeTooDeep, MaxFormDepth)
		return
	}
	switch f.Type {
	case FieldGroup:
		if len(f.Fields) == 0 {
			v.Add(path.Key("fields"), civic.CodeRequired)
		}
		checkFields(v, path.Key("fields"), f.Fields, false, depth+1)
	default:
		if len(f.Fields) > 0 {
			notFor("fields")
		}
	}
	switch f.Type {
	case FieldList:
		if f.Item == nil {
			v.Add(path.Key("item"), civic.CodeRequired)
			break
		}
		ip := path.Key("item")
		if f.Item.ID != "" && !validFieldID(f.Item.ID) {
			v.Add(ip.Key("id"), civic.CodeInvalidID, f.Item.ID)
		}
		if f.Item.RequiredWhen != nil {
			v.Add(ip.Key("requiredWhen"), civic.CodeNotForType, "requiredWhen", "item")
		}
		if f.Item.OpenWhen != nil && f.Item.Type == FieldPeriod {
			v.Add(ip.Key("openWhen"), civic.CodeNotForType, "openWhen", "item")
		}
		f.Item.check(v, ip, depth+1)
	default:
		if f.Item != nil {
			notFor("item")
		}
	}
}

// CheckForm records the problems of a form (the top-level fields of a format) at path.
func CheckForm(v *civic.ValidationError, path civic.Path, fields []Field) {
	checkFields(v, path, fields, true, 0)
}
