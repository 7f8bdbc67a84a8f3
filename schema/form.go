package schema

import (
	"encoding/json"
	"strconv"

	"github.com/invopop/jsonschema"
	"golang.org/x/text/language"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/contribution"
	ctext "github.com/civic-observatory/civic/internal/text"
)

// formGen builds the schemas of the answers to a call's forms, titled in one language.
type formGen struct {
	lang language.Tag
	lim  contribution.Limits
}

// labelled sets the title and description of s from a label and a help text.
func (g *formGen) labelled(s *jsonschema.Schema, label, help civic.Text) *jsonschema.Schema {
	s.Title = label.Get(g.lang)
	s.Description = help.Get(g.lang)
	return s
}

// group returns the schema of an object whose members answer the fields: the properties
// in form order, the fields that are always required, and one condition for each field
// required (or, for a period, open) only when a sibling answer has some value.
func (g *formGen) group(fields []contribution.Field) *jsonschema.Schema {
	s := &jsonschema.Schema{Type: "object", Properties: jsonschema.NewProperties(), AdditionalProperties: jsonschema.FalseSchema}
	for i := range fields {
		f := &fields[i]
		s.Properties.Set(f.ID, g.field(f, f.Required))
		if f.Required {
			s.Required = append(s.Required, f.ID)
		}
		if c := f.RequiredWhen; c != nil {
			s.AllOf = append(s.AllOf, &jsonschema.Schema{
				If:   g.holds(fields, c),
				Then: &jsonschema.Schema{Properties: props(f.ID, g.field(f, true)).Properties, Required: []string{f.ID}},
			})
		}
		if f.Type == contribution.FieldPeriod {
			end := &jsonschema.Schema{Properties: props(f.ID, &jsonschema.Schema{Type: "object",
				Properties: props("end", jsonschema.TrueSchema).Properties, Required: []string{"end"}}).Properties}
			if c := f.OpenWhen; c != nil {
				s.AllOf = append(s.AllOf, &jsonschema.Schema{If: g.holds(fields, c), Else: end})
			} else {
				s.AllOf = append(s.AllOf, end)
			}
		}
	}
	return s
}

// holds is the schema of the objects in which the condition holds.
func (g *formGen) holds(fields []contribution.Field, c *contribution.Condition) *jsonschema.Schema {
	var target contribution.Field
	for _, f := range fields {
		if f.ID == c.Field {
			target = f
		}
	}
	var v *jsonschema.Schema
	switch target.Type {
	case contribution.FieldBoolean:
		var vals []any
		for _, x := range c.Values {
			if b, err := strconv.ParseBool(x); err == nil {
				vals = append(vals, b)
			}
		}
		v = &jsonschema.Schema{Enum: vals}
	case contribution.FieldChoices:
		v = &jsonschema.Schema{Type: "array", Contains: &jsonschema.Schema{Enum: anys(c.Values)}}
	default:
		v = &jsonschema.Schema{Enum: anys(c.Values)}
	}
	return &jsonschema.Schema{Properties: props(c.Field, v).Properties, Required: []string{c.Field}}
}

// field returns the schema of the answer to f; required tells whether a text must not be
// blank.
func (g *formGen) field(f *contribution.Field, required bool) *jsonschema.Schema {
	var s *jsonschema.Schema
	switch f.Type {
	case contribution.FieldText:
		max := int(f.Max)
		if max == 0 {
			max = contribution.MaxLabelLen
		}
		s = textSchema(required, int(f.Min), max, kindName)
	case contribution.FieldLongText:
		max := int(f.Max)
		if max == 0 {
			max = g.lim.TextMax
		}
		s = textSchema(required, int(f.Min), max, kindMultiline)
	case contribution.FieldChoice:
		s = g.choices(f)
	case contribution.FieldChoices:
		s = &jsonschema.Schema{Type: "array", Items: g.choices(f), UniqueItems: true}
		g.count(s, f)
	case contribution.FieldNumber:
		s = g.number(f)
	case contribution.FieldURL:
		s = &jsonschema.Schema{Type: "string", Pattern: URLPattern}
		if required {
			s.MinLength = ptr(1)
		}
	case contribution.FieldEmail:
		s = &jsonschema.Schema{Type: "string", Pattern: ctext.EmailPattern, MaxLength: ptr(civic.MaxEmailLen)}
	case contribution.FieldDate:
		s = &jsonschema.Schema{Type: "string", Pattern: civic.DatePattern, MinLength: ptr(1)}
	case contribution.FieldPeriod:
		date := func() *jsonschema.Schema {
			return &jsonschema.Schema{Type: "string", Pattern: civic.DatePattern, MinLength: ptr(1)}
		}
		s = &jsonschema.Schema{Type: "object", Properties: props("start", date(), "end", date()).Properties,
			Required: []string{"start"}, AdditionalProperties: jsonschema.FalseSchema}
	case contribution.FieldBoolean:
		s = &jsonschema.Schema{Type: "boolean"}
	case contribution.FieldMoney:
		s = &jsonschema.Schema{Type: "object",
			Properties: props("amount", g.number(f),
				"currency", &jsonschema.Schema{Type: "string", Pattern: contribution.CurrencyPattern}).Properties,
			Required: []string{"currency"}, AdditionalProperties: jsonschema.FalseSchema}
	case contribution.FieldGroup:
		s = g.group(f.Fields)
	case contribution.FieldList:
		s = &jsonschema.Schema{Type: "array"}
		if f.Item != nil {
			s.Items = g.field(f.Item, f.Item.Required)
		}
		g.count(s, f)
	default:
		s = jsonschema.FalseSchema
		return s
	}
	g.labelled(s, f.Label, f.Help)
	if len(f.Unit) > 0 && s.Title != "" {
		s.Title += " (" + f.Unit.Get(g.lang) + ")"
	}
	return s
}

// choices is the schema of one choice of f: oneOf its choices, each a const with its
// label as title; refused choices are left out.
func (g *formGen) choices(f *contribution.Field) *jsonschema.Schema {
	s := &jsonschema.Schema{Type: "string"}
	for _, ch := range f.Choices {
		if ch.Refuse != "" {
			continue
		}
		s.OneOf = append(s.OneOf, g.labelled(&jsonschema.Schema{Const: ch.ID}, ch.Label, ch.Help))
	}
	if len(s.OneOf) == 0 {
		return jsonschema.FalseSchema
	}
	return s
}

func (g *formGen) count(s *jsonschema.Schema, f *contribution.Field) {
	max := int(f.Max)
	if max == 0 {
		max = contribution.MaxItems
	}
	s.MaxItems = ptr(max)
	min := int(f.Min)
	if f.Required {
		min = max1(min)
	}
	if min > 0 {
		s.MinItems = ptr(min)
	}
}

func (g *formGen) number(f *contribution.Field) *jsonschema.Schema {
	max := f.Max
	if max == 0 {
		max = contribution.MaxNumber
	}
	return &jsonschema.Schema{Type: "integer",
		Minimum: json.Number(strconv.FormatInt(f.Min, 10)),
		Maximum: json.Number(strconv.FormatInt(max, 10))}
}
