package schema

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/invopop/jsonschema"
	"golang.org/x/text/language"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/contribution"
)

// rule is a rule of the Go validator that a schema cannot express, named in the
// schema's description with its error code.
type rule struct {
	code civic.Code
	text string
}

// decodingBeyond are the problems of the bytes themselves, which a JSON Schema validator
// never sees: it validates the value a JSON parser made of them.
func decodingBeyond() []rule {
	return []rule{
		{civic.CodeSyntax, "the document is not exactly one RFC 8259 JSON value"},
		{civic.CodeDuplicateKey, "a member is given twice in one object (JSON parsers keep one of them silently)"},
		{civic.CodeInvalidUTF8, "a string is not valid UTF-8, or holds a lone surrogate escape"},
		{civic.CodeTooDeep, "arrays and objects are nested deeper than the decoder's limit (64 levels by default)"},
		{civic.CodeTooLarge, "a string is longer than the decoder's limit (1 MiB as written by default) or the document larger than its limit (16 MiB by default)"},
	}
}

// textBeyond is the assumption every length of the schemas rests on.
func textBeyond() []rule {
	return []rule{
		{"", "lengths (minLength, maxLength) count Unicode code points of the NFC form: the Go decoder normalises every string to NFC before checking it, so a string sent in another normalisation form (NFD) may be shorter for the Go validator than for this schema; send NFC text"},
	}
}

// proposalBeyond are the rules beyond the schema of the proposals to c (nil: any call).
func proposalBeyond(c *contribution.Call) []rule {
	deadline := ""
	if c != nil {
		deadline = ", " + c.Deadline.Format(time.RFC3339)
	}
	return slices.Concat(decodingBeyond(), textBeyond(), []rule{
		{civic.CodeInvalidDate, "a date answer matches the pattern but does not exist (2019-02-30, year 0000)"},
		{civic.CodeInvalidURL, "an address (an address answer, organisation.website) matches the pattern but is not an absolute http or https URL with a host that Go's net/url parses"},
		{civic.CodeDuplicate, "two contributors have the same e-mail address"},
		{civic.CodeOrder, "a period answer ends before it starts"},
		{civic.CodeFutureResults, "a date or period that must lie in the past does not (answers of actions already carried out): it must start before the call's deadline" + deadline + " and, unless open, end by it"},
	})
}

func proposalBeyondGeneric() []rule {
	return slices.Concat(proposalBeyond(nil), []rule{
		{civic.CodeQuestionAxis, "a guiding question belongs to an axis that axes does not list"},
		{"", "the rules of the call: its formats, languages, axes, questions and length limits, and the rules of each format; this generic schema uses the default limits, the schema of the proposals to one call checks them all"},
	})
}

func callBeyond() []rule {
	return slices.Concat(decodingBeyond(), textBeyond(), []rule{
		{civic.CodeInvalidLang, "a language tag (in languages, or a key of a localised text) is not a well-formed BCP 47 tag in canonical form"},
		{civic.CodeInvalidZone, "timeZone is not an IANA time zone known to the Go time package"},
		{civic.CodeRequired, "deadline is the zero time 0001-01-01T00:00:00Z"},
		{civic.CodeOrder, "opens is not before deadline, titleMin is above titleMax, or summaryMin above summaryMax"},
		{civic.CodeDuplicate, "two formats, or two axes, have the same id"},
		{civic.CodeOutOfRange, "the questions of an axis are not numbered 1, 2, 3… in order"},
		{civic.CodeInvalidURL, "an address (form, an organiser's website) matches the pattern but is not an absolute http or https URL with a host that Go's net/url parses"},
		{civic.CodeInvalidTime, "opens or deadline is a date-time the format accepts but Go's RFC 3339 parser refuses"},
		{civic.CodeNotForFormat, "a format asks for guiding questions without axes"},
		{civic.CodeInvalidID, "a form field's ID is empty (outside a list's item)"},
		{civic.CodeReservedField, "a form field at the top of a form has the name of a member of every proposal"},
		{civic.CodeDuplicate, "two fields of one group, or two choices of one field, have the same id"},
		{civic.CodeUnknownRef, "a condition names a field that is not a sibling of its field"},
		{civic.CodeConditionTarget, "a condition names a field that is not a choice, choices or boolean field"},
		{civic.CodeUnknownValue, "a condition's value is not a choice of its field (or true or false), or a choice's refuse is not a code of the catalogue"},
		{civic.CodeConditionCycle, "conditions lead from a field back to itself"},
		{civic.CodeNotForType, "a field has a property its type does not take (choices of a text, fields of a number…)"},
		{civic.CodeRequired, "a choice field has no choices, a group no fields, a list no item"},
		{civic.CodeOrder, "a field's min is above its max"},
		{civic.CodeTooDeep, "groups and lists are nested more than 8 deep"},
		{civic.CodeOrder, "a review criterion's min is not below its max"},
		{civic.CodeUnknownRef, "a review criterion names a format the call does not have"},
	})
}

func formatBeyond() []rule {
	return slices.Concat(decodingBeyond(), textBeyond(), []rule{
		{civic.CodeInvalidLang, "a key of a localised text is not a well-formed BCP 47 tag in canonical form"},
	})
}

func axisBeyond() []rule {
	return slices.Concat(decodingBeyond(), textBeyond(), []rule{
		{civic.CodeInvalidLang, "a key of a localised text is not a well-formed BCP 47 tag in canonical form"},
		{civic.CodeOutOfRange, "the questions are not numbered 1, 2, 3… in order"},
	})
}

// describe appends the rules beyond the schema to a type's doc comment.
func describe(doc string, rules []rule) string {
	var b strings.Builder
	b.WriteString(doc)
	b.WriteString("\n\nThe Go validator also checks rules this schema cannot express; each is reported with the error code in brackets:")
	for _, r := range rules {
		b.WriteString("\n- ")
		b.WriteString(r.text)
		if r.code != "" {
			fmt.Fprintf(&b, " [%s]", r.code)
		}
		b.WriteString(";")
	}
	s := b.String()
	return strings.TrimSuffix(s, ";") + "."
}

// specialise turns the generic proposal schema s into the schema of the proposals to
// the call c (see ProposalFor).
func specialise(s *jsonschema.Schema, c *contribution.Call, lang language.Tag) error {
	p := func(name string) (*jsonschema.Schema, error) {
		x, ok := s.Properties.Get(name)
		if !ok {
			return nil, fmt.Errorf("schema: proposal has no property %q", name)
		}
		return x, nil
	}
	format, err := p("format")
	if err != nil {
		return err
	}
	*format = jsonschema.Schema{Type: "string", Enum: anys(c.FormatIDs()), Description: format.Description}
	langs, err := p("language")
	if err != nil {
		return err
	}
	*langs = jsonschema.Schema{Type: "string", Enum: anys(c.Languages), Description: langs.Description}

	axes, err := p("axes")
	if err != nil {
		return err
	}
	questions, err := p("questions")
	if err != nil {
		return err
	}
	var refs []string
	for _, r := range c.Axes.Refs() {
		refs = append(refs, r.String())
	}
	if len(c.Axes) == 0 {
		axes.Items, axes.MaxItems = nil, ptr(0)
		questions.Items, questions.MaxItems = nil, ptr(0)
	} else {
		axes.Items = &jsonschema.Schema{Type: "string", Enum: anys(c.Axes.IDs())}
		questions.Items = &jsonschema.Schema{Type: "string", Enum: anys(refs)}
	}

	// Every answer any format asks for is a member; each format's rule says which it takes.
	for _, k := range answerKeys(c) {
		s.Properties.Set(k, jsonschema.TrueSchema)
	}
	s.AdditionalProperties = jsonschema.FalseSchema
	for i := range c.Formats {
		s.AllOf = append(s.AllOf, formatRule(c, &c.Formats[i], lang))
	}
	// A guiding question needs its axis among the axes.
	for _, a := range c.Axes {
		var own []string
		for _, q := range a.Questions {
			own = append(own, a.Ref(q.Number).String())
		}
		if len(own) == 0 {
			continue
		}
		s.AllOf = append(s.AllOf, &jsonschema.Schema{
			If: &jsonschema.Schema{
				Properties: props("questions", &jsonschema.Schema{
					Type:     "array",
					Contains: &jsonschema.Schema{Type: "string", Enum: anys(own)},
				}).Properties,
				Required: []string{"questions"},
			},
			Then: &jsonschema.Schema{
				Properties: props("axes", &jsonschema.Schema{
					Type:     "array",
					Contains: &jsonschema.Schema{Type: "string", Const: a.ID},
				}).Properties,
				Required: []string{"axes"},
			},
		})
	}

	s.ID = jsonschema.ID(BaseURL + ProposalName(c) + fileSuffix)
	s.Title = "Proposal to the call " + c.ID
	s.Description = describe(
		fmt.Sprintf("A proposal in answer to the call %q (« %s »), checked against the call's formats, languages, axes, guiding questions and limits. %s",
			c.ID, c.Title.Get(language.French), goComment(typeKey(reflect.TypeFor[contribution.Proposal]()))),
		proposalBeyond(c))
	return nil
}

// formatRule is the condition "if the format is f, then…" of the call c.
func formatRule(c *contribution.Call, f *contribution.Format, lang language.Tag) *jsonschema.Schema {
	then := &jsonschema.Schema{Properties: jsonschema.NewProperties()}
	set := func(name string, x *jsonschema.Schema) { then.Properties.Set(name, x) }

	// The answers to the format's form; those only other formats ask for are absent.
	g := formGen{lang: lang, lim: c.Limits.WithDefaults()}
	form := g.group(f.Fields)
	for k, x := range form.Properties.FromOldest() {
		set(k, x)
	}
	then.Required = append(then.Required, form.Required...)
	then.AllOf = form.AllOf
	for _, k := range answerKeys(c) {
		if _, ok := f.Field(k); !ok {
			set(k, jsonschema.FalseSchema)
		}
	}
	// Axes and guiding questions: required, optional or not asked.
	switch f.Axes {
	case contribution.NotAsked:
		set("axes", &jsonschema.Schema{Type: "array", MaxItems: ptr(0)})
	case contribution.Required:
		set("axes", &jsonschema.Schema{Type: "array", MinItems: ptr(1)})
		then.Required = append(then.Required, "axes")
	}
	switch f.Questions {
	case contribution.NotAsked:
		set("questions", &jsonschema.Schema{Type: "array", MaxItems: ptr(0)})
	case contribution.Required:
		set("questions", &jsonschema.Schema{Type: "array", MinItems: ptr(1)})
		then.Required = append(then.Required, "questions")
	}
	// At least one contributor of a family the format is open to.
	if len(f.Families) > 0 {
		var kinds []any
		for _, k := range civic.OrgKinds() {
			if slices.Contains(f.Families, k.Family()) || slices.Contains(f.Kinds, k) {
				kinds = append(kinds, string(k))
			}
		}
		var open []*jsonschema.Schema
		if slices.Contains(f.Families, civic.FamilyCitizen) || slices.Contains(f.Kinds, civic.KindCitizen) {
			// An individual citizen has no organisation.
			open = append(open, &jsonschema.Schema{Not: &jsonschema.Schema{
				Properties: props("organisation", jsonschema.TrueSchema).Properties,
				Required:   []string{"organisation"},
			}})
		}
		if len(kinds) > 0 {
			open = append(open, &jsonschema.Schema{
				Properties: props("organisation", &jsonschema.Schema{
					Type:       "object",
					Properties: props("kind", &jsonschema.Schema{Type: "string", Enum: kinds}).Properties,
					Required:   []string{"kind"},
				}).Properties,
				Required: []string{"organisation"},
			})
		}
		set("contributors", &jsonschema.Schema{
			Type:     "array",
			Contains: &jsonschema.Schema{Type: "object", AnyOf: open},
		})
	}
	return &jsonschema.Schema{
		If: &jsonschema.Schema{
			Properties: props("format", constant(f.ID)).Properties,
			Required:   []string{"format"},
		},
		Then: then,
	}
}

// answerKeys returns the IDs of the top-level fields of the call's formats, without
// repetition, in the order of the formats.
func answerKeys(c *contribution.Call) []string {
	var out []string
	for _, f := range c.Formats {
		for _, fl := range f.Fields {
			if !slices.Contains(out, fl.ID) {
				out = append(out, fl.ID)
			}
		}
	}
	return out
}
