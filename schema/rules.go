package schema

import (
	"encoding/json"
	"reflect"
	"strconv"

	"github.com/invopop/jsonschema"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/axis"
	"github.com/civic-observatory/civic/contribution"
	ctext "github.com/civic-observatory/civic/internal/text"
)

// Patterns of the exported schemas. Each is valid, with the same meaning, in Go's RE2
// syntax and in ECMAScript with the u flag (as ajv compiles them): only classes, ranges,
// \xHH and \t \n \v \f \r escapes, and literal characters above U+00FF.
const (
	// ctlSingle are the characters [civic.BadRune] refuses in single-line text: C0 and C1
	// controls, U+007F, and the noncharacters U+FFFE and U+FFFF.
	ctlSingle = `\x00-\x1F\x7F-\x9F` + "\uFFFE\uFFFF"
	// ctlMulti are those it refuses in multiline text: the same less tab, line feed and
	// carriage return.
	ctlMulti = `\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F` + "\uFFFE\uFFFF"
	// bidiChars are the bidirectional formatting characters ([civic.IsBidi]), refused in
	// every text.
	bidiChars = "\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069"
	// invisibleChars are the characters that show nothing ([ctext.Invisible]): a required
	// text made only of them and of white space is empty for the Go validator.
	invisibleChars = ctext.InvisibleChars
	// spaceChars are the characters strings.TrimSpace removes (unicode.IsSpace): a string
	// made only of them is empty for the Go validator.
	spaceChars = `\t\n\v\f\r \x85\xA0` + "\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000" + invisibleChars
	// spaceSingle and spaceMulti are the space characters allowed in single-line and
	// multiline text.
	spaceSingle = ` \xA0` + "\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000" + invisibleChars
	spaceMulti  = `\t\n\r` + spaceSingle

	// LanguageTagPattern accepts every well-formed BCP 47 language tag (and more): the
	// exported schemas use it for language tags, whose canonical form only the Go
	// validator checks ([civic.CodeInvalidLang]).
	LanguageTagPattern = `^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$`

	// URLPattern accepts the empty string and every absolute http or https URL with a
	// host that [civic.CheckURL] accepts (and a few more it refuses with
	// [civic.CodeInvalidURL]): the scheme in any case, "://", no white space or control
	// character.
	URLPattern = `^([Hh][Tt][Tt][Pp][Ss]?://[^\x00-\x20\x7F/?#][^\x00-\x20\x7F]*)?$`

	maxTimeLen = 40 // longest time string civic.ParseTime accepts

	// FieldIDPattern accepts the IDs of form fields: lower-case words joined by hyphens
	// or in camelCase ("results", "human-means", "humanMeans"); and the empty string,
	// which the Go validator refuses except for a list's item.
	FieldIDPattern = `^([a-z][a-zA-Z0-9]*|[a-z][a-z0-9-]*)?$`
)

// textKind is the kind of a text value, as [civic.StringRule] distinguishes them.
type textKind int

const (
	kindSingle    textKind = iota // single-line text: no control characters
	kindName                      // a name or title: no control or bidirectional formatting characters
	kindMultiline                 // multiline text: line feed, tab and carriage return allowed
)

// TextPattern returns the pattern of text values that [civic.CheckString] accepts under a
// rule with the fields Required, Multiline and Name, lengths apart: no character
// [civic.BadRune] refuses and, when required, at least one that is not white space.
func TextPattern(required, multiline, name bool) string {
	k := kindSingle
	switch {
	case multiline:
		k = kindMultiline
	case name:
		k = kindName
	}
	return textPattern(required, k)
}

func textPattern(required bool, k textKind) string {
	bad, space := ctlSingle+bidiChars, spaceSingle
	if k == kindMultiline {
		bad, space = ctlMulti+bidiChars, spaceMulti
	}
	if !required {
		return "^[^" + bad + "]*$"
	}
	return "^[" + space + "]*[^" + bad + spaceChars + "][^" + bad + "]*$"
}

// textSchema is a string checked as civic.CheckString checks it: required (not blank),
// min and max lengths in characters (0: none), and the characters of its kind.
func textSchema(required bool, min, max int, k textKind) *jsonschema.Schema {
	s := &jsonschema.Schema{Type: "string", Pattern: textPattern(required, k)}
	if required {
		min = max1(min)
	}
	if min > 0 {
		s.MinLength = ptr(min)
	}
	if max > 0 {
		s.MaxLength = ptr(max)
	}
	return s
}

func max1(n int) int { return max(n, 1) }

// field is what a rule does to the reflected schema of one property.
type field func(s *jsonschema.Schema)

// typeRule gives the constraints of one struct type: its required properties (exactly
// those whose absence the Go validator refuses), a field rule for every property, and
// conditions across properties.
type typeRule struct {
	required []string
	fields   map[string]field
	extend   func(s *jsonschema.Schema)
}

// set copies the keywords of the schema x that are set onto s, keeping the description.
func set(x *jsonschema.Schema) field {
	return func(s *jsonschema.Schema) {
		d := s.Description
		*s = *x
		s.Description = d
	}
}

// keep leaves the reflected schema as it is: references to other struct types (which
// have their own rules), booleans, closed lists and times from the Mapper.
func keep(*jsonschema.Schema) {}

func text(required bool, min, max int, k textKind) field {
	return set(textSchema(required, min, max, k))
}

// ltext is a localised text (civic.Text.Check): at most max characters in each language,
// and at least one language when required.
func ltext(required bool, max int) field {
	return func(s *jsonschema.Schema) {
		s.AdditionalProperties.MaxLength = ptr(max)
		if required {
			s.MinProperties = ptr(1)
		}
	}
}

func id() field {
	return set(&jsonschema.Schema{Type: "string", Pattern: ctext.IDPattern, MinLength: ptr(1), MaxLength: ptr(64)})
}

func email() field {
	return set(&jsonschema.Schema{Type: "string", Pattern: ctext.EmailPattern, MaxLength: ptr(civic.MaxEmailLen)})
}

func url() field {
	return set(&jsonschema.Schema{Type: "string", Pattern: URLPattern})
}

func country() field {
	return set(&jsonschema.Schema{Type: "string", Pattern: ctext.CountryPattern, Enum: anys(ctext.Countries())})
}

func integer(min, max int64) field {
	return func(s *jsonschema.Schema) {
		s.Type = "integer"
		s.Minimum = json.Number(strconv.FormatInt(min, 10))
		s.Maximum = json.Number(strconv.FormatInt(max, 10))
	}
}

// list bounds an array: min and max items (0: none), unique items, and a rule for the
// items (nil: keep them).
func list(min, max int, unique bool, item field) field {
	return func(s *jsonschema.Schema) {
		if min > 0 {
			s.MinItems = ptr(min)
		}
		if max > 0 {
			s.MaxItems = ptr(max)
		}
		s.UniqueItems = unique
		if item != nil {
			item(s.Items)
		}
	}
}

func props(kv ...any) *jsonschema.Schema {
	s := &jsonschema.Schema{Type: "object", Properties: jsonschema.NewProperties()}
	for i := 0; i < len(kv); i += 2 {
		s.Properties.Set(kv[i].(string), kv[i+1].(*jsonschema.Schema))
	}
	return s
}

func constant(v any) *jsonschema.Schema { return &jsonschema.Schema{Const: v} }

// rules returns the rule of every struct type of the documents, with the proposal limits
// of g. Each mirrors the Check method of its type, which its comment names.
func (g *gen) rules() map[reflect.Type]typeRule {
	lim := g.lim
	rules := map[reflect.Type]typeRule{
		// civic.Organisation.Check
		reflect.TypeFor[civic.Organisation](): {
			required: []string{"name", "kind", "country"},
			fields: map[string]field{
				"name":    text(true, 0, civic.MaxNameLen, kindName),
				"kind":    keep,
				"country": country(),
				"website": url(),
			},
		},
		// civic.Person.Check
		reflect.TypeFor[civic.Person](): {
			required: []string{"name", "email"},
			fields: map[string]field{
				"name":         text(true, 0, civic.MaxNameLen, kindName),
				"email":        email(),
				"role":         text(false, 0, civic.MaxRoleLen, kindName),
				"organisation": keep,
			},
		},
		// axis.Axis.Check
		reflect.TypeFor[axis.Axis](): {
			required: []string{"id", "title", "questions"},
			fields: map[string]field{
				"id":           id(),
				"title":        ltext(true, axis.MaxTitleLen),
				"summary":      ltext(false, axis.MaxSummaryLen),
				"introduction": ltext(false, axis.MaxIntroductionLen),
				"questions":    list(1, axis.MaxQuestions, false, nil),
			},
		},
		// axis.Axis.Check, for each question
		reflect.TypeFor[axis.Question](): {
			required: []string{"number", "text"},
			fields: map[string]field{
				"number": integer(1, axis.MaxQuestions),
				"text":   ltext(true, axis.MaxQuestionLen),
			},
		},
		// axis.Set.Check
		reflect.TypeFor[axis.Set](): {
			extend: func(s *jsonschema.Schema) { s.MaxItems = ptr(axis.MaxAxes) },
		},
		// contribution.Call.Check
		reflect.TypeFor[contribution.Call](): {
			required: []string{"id", "title", "organisers", "home", "timeZone", "deadline", "languages", "formats"},
			fields: map[string]field{
				"id":          id(),
				"title":       ltext(true, 300),
				"context":     ltext(false, 20000),
				"organisers":  list(1, 0, false, nil),
				"home":        country(),
				"timeZone":    set(&jsonschema.Schema{Type: "string", MinLength: ptr(1), Not: constant("Local")}),
				"opens":       keep,
				"deadline":    keep,
				"form":        url(),
				"languages":   list(1, 0, true, set(&jsonschema.Schema{Type: "string", Pattern: LanguageTagPattern})),
				"families":    list(0, 0, true, nil),
				"formats":     list(1, 0, false, nil),
				"axes":        keep,
				"limits":      keep,
				"invitation":  ltext(false, 5000),
				"opensSource": ltext(false, 1000),
				"criteria":    keep,
			},
			// A call with a format that requires axes must list some.
			extend: func(s *jsonschema.Schema) {
				s.If = &jsonschema.Schema{
					Properties: props("formats", &jsonschema.Schema{
						Type: "array",
						Contains: &jsonschema.Schema{
							Type:       "object",
							Properties: props("axes", constant(string(contribution.Required))).Properties,
							Required:   []string{"axes"},
						},
					}).Properties,
					Required: []string{"formats"},
				}
				s.Then = &jsonschema.Schema{
					Properties: props("axes", &jsonschema.Schema{Type: "array", MinItems: ptr(1)}).Properties,
					Required:   []string{"axes"},
				}
			},
		},
		// Call.checkCriteria
		reflect.TypeFor[contribution.Criterion](): {
			required: []string{"id", "name", "weight", "max"},
			fields: map[string]field{
				"id":          id(),
				"name":        ltext(true, contribution.MaxFormatNameLen),
				"description": ltext(false, contribution.MaxFormatTextLen),
				"weight": func(s *jsonschema.Schema) {
					s.Type = "number"
					s.ExclusiveMinimum = "0"
					s.Maximum = "100"
				},
				// Min < Max, so Max is at least 1 and Min at most 99.
				"min":     integer(0, 99),
				"max":     integer(1, 100),
				"formats": list(0, 0, false, set(&jsonschema.Schema{Type: "string"})),
			},
		},
		// contribution.Limits.check
		reflect.TypeFor[contribution.Limits](): {
			// Zero means the default.
			required: nil,
			fields: map[string]field{
				"titleMin":     integer(0, 1000),
				"titleMax":     integer(0, 1000),
				"summaryMin":   integer(0, 100000),
				"summaryMax":   integer(0, 100000),
				"textMax":      integer(0, 100000),
				"contributors": integer(0, 100),
			},
		},
		// contribution.Format.Check
		reflect.TypeFor[contribution.Format](): {
			required: []string{"id", "name", "minutes"},
			fields: map[string]field{
				"id":              id(),
				"name":            ltext(true, contribution.MaxFormatNameLen),
				"description":     ltext(false, contribution.MaxFormatTextLen),
				"audience":        ltext(false, contribution.MaxFormatTextLen),
				"families":        list(0, 0, true, nil),
				"kinds":           list(0, 0, true, nil),
				"minutes":         integer(1, contribution.MaxMinutes),
				"feedbackMinutes": integer(0, contribution.MaxMinutes),
				"rightOfReply":    keep,
				"table":           keep,
				"capacity":        integer(0, contribution.MaxCapacity),
				"axes":            keep,
				"questions":       keep,
				"fields":          list(0, contribution.MaxFields, false, nil),
			},
			// Guiding questions can only be asked when axes are.
			extend: func(s *jsonschema.Schema) {
				s.AllOf = []*jsonschema.Schema{{
					If: &jsonschema.Schema{
						Properties: props("questions", &jsonschema.Schema{Enum: []any{string(contribution.Optional), string(contribution.Required)}}).Properties,
						Required:   []string{"questions"},
					},
					Then: &jsonschema.Schema{
						Properties: props("axes", &jsonschema.Schema{Enum: []any{string(contribution.Optional), string(contribution.Required)}}).Properties,
						Required:   []string{"axes"},
					},
				}}
			},
		},
		// contribution.Field.check
		reflect.TypeFor[contribution.Field](): {
			required: []string{"type", "label"},
			fields: map[string]field{
				"id":           set(&jsonschema.Schema{Type: "string", Pattern: FieldIDPattern, MaxLength: ptr(contribution.MaxFieldIDLen)}),
				"type":         keep,
				"label":        ltext(true, contribution.MaxFormatNameLen),
				"help":         ltext(false, contribution.MaxFormatTextLen),
				"required":     keep,
				"requiredWhen": keep,
				"min":          integer(-contribution.MaxNumber, contribution.MaxNumber),
				"max":          integer(-contribution.MaxNumber, contribution.MaxNumber),
				"unit":         ltext(false, contribution.MaxLabelLen),
				"choices":      list(0, contribution.MaxChoices, false, nil),
				"fields":       list(0, contribution.MaxFields, false, nil),
				"item":         keep,
				"past":         keep,
				"openWhen":     keep,
				"identifying":  keep,
			},
		},
		// contribution.Field.check, for each choice
		reflect.TypeFor[contribution.Choice](): {
			required: []string{"id", "label"},
			fields: map[string]field{
				"id":     id(),
				"label":  ltext(true, contribution.MaxFormatNameLen),
				"help":   ltext(false, contribution.MaxFormatTextLen),
				"refuse": set(&jsonschema.Schema{Type: "string", Pattern: `^[a-z][a-z0-9_]*$`}),
			},
		},
		// checkCondition
		reflect.TypeFor[contribution.Condition](): {
			required: []string{"field", "values"},
			fields: map[string]field{
				"field":  set(&jsonschema.Schema{Type: "string", MinLength: ptr(1)}),
				"values": list(1, 0, true, set(&jsonschema.Schema{Type: "string"})),
			},
		},
		// contribution.Format.Check, for the table
		reflect.TypeFor[contribution.Table](): {
			required: []string{"seats"},
			fields: map[string]field{
				"seats":        integer(2, 100),
				"facilitators": integer(0, 10),
			},
		},
		// contribution.Proposal.Check, without a call (the call's rules are added by
		// specialise)
		reflect.TypeFor[contribution.Proposal](): {
			required: []string{"id", "title", "summary", "format", "language", "contributors"},
			fields: map[string]field{
				"id":           id(),
				"title":        text(true, lim.TitleMin, lim.TitleMax, kindName),
				"summary":      text(true, lim.SummaryMin, lim.SummaryMax, kindMultiline),
				"format":       id(),
				"language":     set(&jsonschema.Schema{Type: "string", MinLength: ptr(1)}),
				"axes":         list(0, axis.MaxAxes, true, id()),
				"questions":    list(0, axis.MaxAxes*axis.MaxQuestions, true, set(&jsonschema.Schema{Type: "string", Pattern: axis.RefPattern})),
				"contributors": list(1, lim.Contributors, false, nil),
			},
			// Answers are members too: without a call, any is allowed, but for what the
			// review workflow owns, never an author's to write (issue 11).
			extend: func(s *jsonschema.Schema) {
				s.AdditionalProperties = nil
				for _, name := range contribution.WorkflowFields() {
					s.Properties.Set(name, jsonschema.FalseSchema)
				}
			},
		},
	}
	for t, r := range participationRules() {
		rules[t] = r
	}
	for t, r := range programmeRules() {
		rules[t] = r
	}
	return rules
}
