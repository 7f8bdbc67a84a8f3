package schema

import (
	"reflect"
	"slices"

	"github.com/invopop/jsonschema"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/event"
	"github.com/civic-observatory/civic/schedule"
)

// The rules of the calendar and programme documents ([event.Calendar], [schedule.Grid],
// [schedule.Programme]); each mirrors the Check method its comment names.

// label is a localised title or name as the event package checks it: each value one line
// of plain text with no control or bidirectional formatting character.
func label(required bool, max int) field {
	return func(s *jsonschema.Schema) {
		s.AdditionalProperties = textSchema(true, 0, max, kindName)
		if required {
			s.MinProperties = ptr(1)
		}
	}
}

func calendarBeyond() []rule {
	return slices.Concat(decodingBeyond(), textBeyond(), []rule{
		{civic.CodeInvalidLang, "a key of a localised text is not a well-formed BCP 47 tag in canonical form"},
		{civic.CodeInvalidDate, "a month matches the pattern but is not a possible date"},
		{civic.CodeDuplicate, "two activities have the same id, a partner is listed twice, or a partner has a role twice"},
		{civic.CodeOrder, "the activities are not in chronological order"},
		{civic.CodeInvalidURL, "a partner's website matches the pattern but is not an absolute http or https URL with a host"},
	})
}

func gridBeyond() []rule {
	return slices.Concat(decodingBeyond(), textBeyond(), []rule{
		{civic.CodeInvalidLang, "a key of a localised text is not a well-formed BCP 47 tag in canonical form"},
		{civic.CodeDuplicate, "two slots have the same id"},
		{civic.CodeNotForFormat, "a slot of a kind that presents no contributions (lunch, break, evening, mini-training, discussion workshop) lists formats"},
		{civic.CodeOrder, "a slot ends before it starts, or a slot that ends the next day (endsNextDay) would last more than a day"},
		{civic.CodeOutOfRange, "the discussion time is longer than the slot, or a slot's day or date is not a day of the event (checked against the event), or its date and day disagree"},
		{civic.CodeInvalidDate, "a date matches the pattern but is not a possible date"},
		{civic.CodeRoomConflict, "two slots of one track overlap"},
		{civic.CodeUnknownRef, "the grid names another event, or a track the event does not have (checked against the event)"},
	})
}

func programmeBeyond() []rule {
	return slices.Concat(decodingBeyond(), textBeyond(), []rule{
		{civic.CodeDuplicate, "two sessions have the same id, a proposal is placed twice, or a proposal is both placed and unplaced"},
		{civic.CodeUnknownRef, "a session names a slot, track, room or axis that does not exist, or a talk a proposal that does not (checked against the event, grid, call and proposals)"},
		{civic.CodeNotConfirmed, "a talk presents a proposal that is not confirmed"},
		{civic.CodeWrongSession, "a talk's format, or its holder's family, does not fit the session's kind"},
		{civic.CodeOverTime, "the talks take longer than the session leaves them"},
		{civic.CodeOrder, "a talk starts before its session, ends after it, or overlaps the talk before it"},
		{civic.CodeRoomConflict, "a room or table is used by two sessions at once"},
		{civic.CodeSpeakerConflict, "someone speaks in two places at once"},
		{civic.CodeOutOfRange, "a talk's table is not one of the track's tables"},
		{civic.CodeNotForFormat, "a talk has a table in a session without tables"},
		{civic.CodeOverCapacity, "a session's room is smaller than its share of the track's audience, a talk's table has fewer seats than its format needs, or a talk's format takes fewer participants than the session's audience (checked against the event and call)"},
	})
}

// programmeRules returns the rules of the calendar and programme types.
func programmeRules() map[reflect.Type]typeRule {
	str := set(&jsonschema.Schema{Type: "string"})
	return map[reflect.Type]typeRule{
		// event.Calendar.Check
		reflect.TypeFor[event.Calendar](): {
			required: []string{"id", "title", "activities"},
			fields: map[string]field{
				"id":          id(),
				"title":       label(true, event.MaxTitleLen),
				"description": ltext(false, event.MaxDescriptionLen),
				"partners":    list(0, event.MaxPartners, false, nil),
				"activities":  list(1, event.MaxActivities, false, nil),
			},
		},
		// event.Activity.Check: a month of month precision.
		reflect.TypeFor[event.Activity](): {
			required: []string{"id", "kind", "month", "title"},
			fields: map[string]field{
				"id":       id(),
				"kind":     keep,
				"month":    set(&jsonschema.Schema{Type: "string", Pattern: "^[0-9]{4}-(0[1-9]|1[0-2])$"}),
				"title":    label(true, event.MaxTitleLen),
				"entry":    ltext(false, event.MaxDescriptionLen),
				"place":    keep,
				"partners": list(0, event.MaxPartners, false, nil),
			},
		},
		reflect.TypeFor[event.Place](): {
			required: []string{"name"},
			fields: map[string]field{
				"name":    label(true, civic.MaxNameLen),
				"country": country(),
			},
		},
		// event.Partner.Check
		reflect.TypeFor[event.Partner](): {
			required: []string{"organisation", "roles"},
			fields: map[string]field{
				"organisation": keep,
				"roles":        list(1, event.MaxRoles, true, nil),
				"note":         ltext(false, event.MaxNoteLen),
			},
		},
		// schedule.Grid.Check
		reflect.TypeFor[schedule.Grid](): {
			required: []string{"event", "slots"},
			fields: map[string]field{
				"event":     id(),
				"dayChange": keep,
				"slots":     list(1, schedule.MaxSlots, false, nil),
			},
		},
		reflect.TypeFor[schedule.Slot](): {
			required: []string{"id", "kind", "title", "start"},
			fields: map[string]field{
				"id":          id(),
				"kind":        keep,
				"title":       ltext(true, schedule.MaxTitleLen),
				"tracks":      list(0, 0, false, str),
				"day":         integer(0, schedule.MaxDays-1),
				"date":        set(&jsonschema.Schema{Type: "string", Pattern: "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"}),
				"start":       keep,
				"end":         keep,
				"endsNextDay": keep,
				"discussion":  integer(0, 24*60),
				"families":    list(0, 0, false, nil),
				"formats":     list(0, schedule.MaxSlotRefs, true, id()),
				"axes":        list(0, schedule.MaxSlotRefs, true, id()),
			},
			// Only the evening may leave out its end, unless it ends the next day; only
			// co-construction slots take families.
			extend: func(s *jsonschema.Schema) {
				s.AllOf = []*jsonschema.Schema{
					{
						If:   &jsonschema.Schema{Properties: props("kind", constant(string(schedule.KindEvening))).Properties, Required: []string{"kind"}},
						Else: &jsonschema.Schema{Properties: props("end", jsonschema.TrueSchema).Properties, Required: []string{"end"}},
					},
					{
						If: &jsonschema.Schema{Properties: props("kind", &jsonschema.Schema{Enum: anys([]schedule.Kind{schedule.KindTalks, schedule.KindPosters, schedule.KindWorkshop})}).Properties,
							Required: []string{"kind"}},
						Then: &jsonschema.Schema{Properties: props("formats", &jsonschema.Schema{Type: "array", MinItems: ptr(1)}).Properties, Required: []string{"formats"}},
					},
					{
						If:   &jsonschema.Schema{Properties: props("endsNextDay", constant(true)).Properties, Required: []string{"endsNextDay"}},
						Then: &jsonschema.Schema{Properties: props("end", jsonschema.TrueSchema).Properties, Required: []string{"end"}},
					},
					{
						If: &jsonschema.Schema{Properties: props("families", &jsonschema.Schema{Type: "array", MinItems: ptr(1)}).Properties, Required: []string{"families"}},
						Then: &jsonschema.Schema{Properties: props("kind", constant(string(schedule.KindCoBuild))).Properties,
							Required: []string{"kind"}},
					},
				}
			},
		},
		// schedule.Programme.Check
		reflect.TypeFor[schedule.Programme](): {
			required: []string{"event"},
			fields: map[string]field{
				"event":    id(),
				"call":     str,
				"sessions": list(0, schedule.MaxSessions, false, nil),
				"unplaced": list(0, 0, false, nil),
			},
		},
		reflect.TypeFor[schedule.Session](): {
			required: []string{"id", "slot"},
			fields: map[string]field{
				"id":    id(),
				"slot":  str,
				"track": str,
				"room":  str,
				"axis":  str,
				"talks": list(0, schedule.MaxTalks, false, nil),
			},
		},
		reflect.TypeFor[schedule.Talk](): {
			required: []string{"title", "minutes"},
			fields: map[string]field{
				"proposal": str,
				"title":    text(true, 0, 1000, kindName),
				"format":   str,
				"language": str,
				"start":    keep,
				"minutes":  integer(1, 24*60),
				"table":    integer(0, event.MaxTables),
				"speakers": list(0, schedule.MaxSpeakers, false, nil),
			},
		},
		reflect.TypeFor[schedule.Speaker](): {
			required: []string{"name"},
			fields: map[string]field{
				"name":         text(true, 0, civic.MaxNameLen, kindName),
				"organisation": text(false, 0, civic.MaxNameLen, kindName),
			},
		},
		reflect.TypeFor[schedule.Unplaced](): {
			required: []string{"code"},
			fields: map[string]field{
				"proposal": str,
				"code":     set(&jsonschema.Schema{Type: "string", Enum: anys(civic.Codes())}),
				"args":     list(0, 0, false, str),
			},
		},
	}
}
