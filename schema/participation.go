package schema

import (
	"encoding/json"
	"reflect"
	"slices"
	"strconv"

	"github.com/invopop/jsonschema"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/contribution"
	"github.com/civic-observatory/civic/participation"
)

// The rules of the participation documents ([participation.Device], [participation.Barometre],
// [participation.Map]); each mirrors the Check method its comment names.

func deviceBeyond() []rule {
	return slices.Concat(decodingBeyond(), textBeyond(), []rule{
		{civic.CodeInvalidLang, "a key of a localised text is not a well-formed BCP 47 tag in canonical form"},
		{civic.CodeAbovePopulation, "outcomes.participants is above territory.population"},
		{civic.CodeAboveContribution, "outcomes.takenIntoAccount is above outcomes.contributions"},
		{civic.CodeAboveParticipants, "the participants counted by age group add up to more than outcomes.participants"},
		{civic.CodeOrder, "end is before start, or the history is not in time order"},
		{civic.CodeIllegalAction, "the history does not follow the lifecycle"},
		{civic.CodeReplayMismatch, "the history does not lead to the state"},
		{civic.CodeNotEvaluated, "the state is evaluated, or the history has an evaluate action, but evaluation.format is none"},
		{civic.CodeInvalidURL, "an organiser's website matches the pattern but is not an absolute http or https URL with a host"},
		{civic.CodeInvalidDate, "a date matches the pattern but does not exist (30 February)"},
		{civic.CodeInvalidTime, "a history time is a date-time the format accepts but Go's RFC 3339 parser refuses"},
	})
}

func barometreBeyond() []rule {
	return slices.Concat(deviceBeyond(), []rule{
		{civic.CodeDuplicate, "two devices have the same id"},
	})
}

func mapBeyond() []rule {
	return slices.Concat(decodingBeyond(), textBeyond(), []rule{
		{civic.CodeInvalidLang, "a key of a localised text is not a well-formed BCP 47 tag in canonical form"},
		{civic.CodeDuplicate, "two actors have the same id"},
		{civic.CodeInvalidURL, "a website matches the pattern but is not an absolute http or https URL with a host"},
	})
}

func number(min, max float64) field {
	return func(s *jsonschema.Schema) {
		s.Type = "number"
		s.Minimum = jsonNumber(min)
		s.Maximum = jsonNumber(max)
	}
}

// participationRules returns the rules of the participation types.
func participationRules() map[reflect.Type]typeRule {
	label := text(true, 0, participation.MaxLabel, kindName)
	optLabel := text(false, 0, participation.MaxLabel, kindName)
	long := text(false, 0, participation.MaxText, kindMultiline)
	count := integer(0, participation.MaxPopulation)
	return map[reflect.Type]typeRule{
		// participation.Device.Check
		reflect.TypeFor[participation.Device](): {
			required: []string{"id", "name", "kind", "organiser", "territory", "role", "tool", "start", "means", "outcomes", "evaluation", "state"},
			fields: map[string]field{
				"id":          id(),
				"name":        ltext(true, participation.MaxLabel),
				"description": ltext(false, participation.MaxText),
				"kind":        keep,
				// An organisation, not an individual citizen.
				"organiser": func(s *jsonschema.Schema) {
					s.Type = "object"
					s.Properties = props("kind", &jsonschema.Schema{Not: constant(string(civic.KindCitizen))}).Properties
				},
				"territory":  keep,
				"role":       keep,
				"tool":       keep,
				"start":      keep,
				"end":        keep,
				"objectives": list(0, participation.MaxItems, false, text(true, 0, participation.MaxText, kindMultiline)),
				"means":      keep,
				"channels":   list(0, participation.MaxItems, true, nil),
				"synthesis":  long,
				"outcomes":   keep,
				"evaluation": keep,
				"state":      keep,
				"history":    keep,
			},
		},
		reflect.TypeFor[participation.Territory](): {
			required: []string{"name", "population"},
			fields: map[string]field{
				"name":       label,
				"code":       text(false, 0, 20, kindName),
				"population": count,
			},
		},
		reflect.TypeFor[participation.Tool](): {
			required: []string{"name", "openSource", "model"},
			fields: map[string]field{
				"name":       label,
				"provider":   optLabel,
				"licence":    optLabel,
				"openSource": keep,
				"model":      keep,
			},
		},
		reflect.TypeFor[participation.Means](): {
			required: []string{"staff", "budget"},
			fields: map[string]field{
				"staff":  number(0, participation.MaxStaff),
				"budget": integer(0, participation.MaxBudget),
				"currency": func(s *jsonschema.Schema) {
					s.Type, s.Pattern = "string", contribution.CurrencyPattern
				},
			},
		},
		reflect.TypeFor[participation.Outcomes](): {
			required: []string{"participants", "contributions", "takenIntoAccount", "decisionsChanged"},
			fields: map[string]field{
				"participants":     count,
				"contributions":    count,
				"takenIntoAccount": count,
				"decisionsChanged": count,
				"ages": func(s *jsonschema.Schema) {
					s.PropertyNames = &jsonschema.Schema{Type: "string", Enum: anys(participation.AgeGroups())}
					integer(0, participation.MaxPopulation)(s.AdditionalProperties)
				},
			},
		},
		reflect.TypeFor[participation.Evaluation](): {
			required: []string{"format"},
			fields: map[string]field{
				"format":      keep,
				"responsible": optLabel,
				"indicators":  list(0, participation.MaxItems, false, nil),
			},
			// Without an evaluation, nobody is responsible for it.
			extend: func(s *jsonschema.Schema) {
				s.If = &jsonschema.Schema{Properties: props("format", constant(string(participation.FormatNone))).Properties, Required: []string{"format"}}
				s.Then = &jsonschema.Schema{Properties: props("responsible", &jsonschema.Schema{Type: "string", MaxLength: ptr(0)}).Properties}
			},
		},
		reflect.TypeFor[participation.Indicator](): {
			required: []string{"name"},
			fields: map[string]field{
				"name":       label,
				"definition": long,
				"unit":       optLabel,
				"target":     keep,
				"value":      keep,
				"method":     long,
				"measuredBy": optLabel,
			},
		},
		reflect.TypeFor[participation.Step](): {
			required: []string{"at", "action", "from", "to"},
			fields:   map[string]field{"at": keep, "action": keep, "from": keep, "to": keep},
		},
		// participation.Barometre.Check
		reflect.TypeFor[participation.Barometre](): {
			required: []string{"id", "title", "year"},
			fields: map[string]field{
				"id":      id(),
				"title":   ltext(true, participation.MaxLabel),
				"year":    integer(1900, 2200),
				"devices": list(0, participation.MaxDevices, false, nil),
			},
		},
		// participation.Map.Check
		reflect.TypeFor[participation.Map](): {
			required: []string{"id", "title"},
			fields: map[string]field{
				"id":     id(),
				"title":  ltext(true, participation.MaxLabel),
				"actors": keep,
			},
		},
		reflect.TypeFor[participation.Actor](): {
			required: []string{"id", "organisation", "legalForm", "model", "openSource"},
			fields: map[string]field{
				"id":           id(),
				"organisation": keep,
				"legalForm":    keep,
				"model":        keep,
				"tools":        list(0, participation.MaxItems, false, label),
				"openSource":   keep,
				"territories":  list(0, participation.MaxItems, false, label),
				"kinds":        list(0, 0, true, nil),
			},
		},
	}
}

func jsonNumber(f float64) json.Number { return json.Number(strconv.FormatFloat(f, 'f', -1, 64)) }
