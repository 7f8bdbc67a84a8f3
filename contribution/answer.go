package contribution

import (
	"encoding/json"
	"strconv"
	"time"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/internal/check"
	"github.com/civic-observatory/civic/internal/jsondec"
	"github.com/civic-observatory/civic/internal/text"
)

// Kind is the kind of an answer's [Value].
type Kind uint8

// The kinds of values.
const (
	// KindNone is the zero Value: no answer.
	KindNone Kind = iota
	// KindText: Text holds a text, a choice's ID, an address.
	KindText
	// KindNumber: Number holds a whole number.
	KindNumber
	// KindBool: Bool holds a yes/no answer.
	KindBool
	// KindDate: [Value.Date] returns the date (build it with [DateValue]).
	KindDate
	// KindPeriod: [Value.Date] and [Value.End] return a period's start and end (zero:
	// none); build it with [PeriodValue].
	KindPeriod
	// KindMoney: Number holds the amount, Text the currency.
	KindMoney
	// KindList: Items hold the items of a list or the choices of a choices answer (as texts).
	KindList
	// KindGroup: Fields hold the answers of a group.
	KindGroup
	// KindRaw: Text holds the answer as JSON, not yet read against a form (a proposal
	// decoded without its call, or with encoding/json). Validation reads it against the
	// form.
	KindRaw
)

// Answer is the answer to one field of a form: the field's ID and the value.
type Answer struct {
	Field string
	Value Value
}

// Value is the value of an answer. Which fields are set depends on Kind; the others are
// zero. Build values with the constructors ([TextValue], [NumberValue]…) or as literals.
// A date or period is held packed in Number, so that a Value stays small: read it with
// [Value.Date] and [Value.End].
type Value struct {
	Kind   Kind
	Bool   bool
	Number int64
	Text   string
	Items  []Value
	Fields []Answer
}

// packDate packs a date into 28 bits: year (14 bits), month (7), day (7). The decoder
// only makes dates of four-digit years and two-digit months and days, which fit.
func packDate(d civic.Date) int64 {
	return int64(d.Year&0x3fff)<<14 | int64(int(d.Month)&0x7f)<<7 | int64(d.Day&0x7f)
}

func unpackDate(n int64) civic.Date {
	return civic.Date{Year: int(n >> 14 & 0x3fff), Month: time.Month(n >> 7 & 0x7f), Day: int(n & 0x7f)}
}

// Date returns the date of a date answer, or the start of a period.
func (v Value) Date() civic.Date { return unpackDate(v.Number & 0xfffffff) }

// End returns the end of a period, or the zero date when it has none.
func (v Value) End() civic.Date { return unpackDate(v.Number >> 32 & 0xfffffff) }

// TextValue returns a text answer: a text, a choice's ID, an address.
func TextValue(s string) Value { return Value{Kind: KindText, Text: s} }

// NumberValue returns a number answer.
func NumberValue(n int64) Value { return Value{Kind: KindNumber, Number: n} }

// BoolValue returns a yes/no answer.
func BoolValue(b bool) Value { return Value{Kind: KindBool, Bool: b} }

// DateValue returns a date answer.
func DateValue(d civic.Date) Value { return Value{Kind: KindDate, Number: packDate(d)} }

// PeriodValue returns a period answer; a zero end means none.
func PeriodValue(start, end civic.Date) Value {
	return Value{Kind: KindPeriod, Number: packDate(start) | packDate(end)<<32}
}

// MoneyValue returns an amount of money.
func MoneyValue(amount int64, currency string) Value {
	return Value{Kind: KindMoney, Number: amount, Text: currency}
}

// ChoicesValue returns the answer to a choices field.
func ChoicesValue(ids ...string) Value {
	v := Value{Kind: KindList, Items: make([]Value, len(ids))}
	for i, id := range ids {
		v.Items[i] = TextValue(id)
	}
	return v
}

// ListValue returns a list answer.
func ListValue(items ...Value) Value { return Value{Kind: KindList, Items: items} }

// GroupValue returns the answer to a group.
func GroupValue(answers ...Answer) Value { return Value{Kind: KindGroup, Fields: answers} }

// Answers are the answers of a proposal or of a group, in the order given.
type Answers []Answer

// Get returns the value of the answer to the field with the ID, or the zero Value.
func (a Answers) Get(id string) Value {
	for i := range a {
		if a[i].Field == id {
			return a[i].Value
		}
	}
	return Value{}
}

// Has reports whether the field with the ID is answered.
func (a Answers) Has(id string) bool {
	for i := range a {
		if a[i].Field == id {
			return true
		}
	}
	return false
}

// Get returns the answer to the field with the ID in a group value, or the zero Value.
func (v Value) Get(id string) Value { return Answers(v.Fields).Get(id) }

// Strings returns the texts of the items of a list value (the IDs of a choices answer).
func (v Value) Strings() []string {
	out := make([]string, 0, len(v.Items))
	for _, it := range v.Items {
		out = append(out, it.Text)
	}
	return out
}

// appendJSON appends the JSON form of v.
func (v *Value) appendJSON(b []byte) ([]byte, error) {
	switch v.Kind {
	case KindText:
		return appendString(b, v.Text)
	case KindNumber:
		return strconv.AppendInt(b, v.Number, 10), nil
	case KindBool:
		return strconv.AppendBool(b, v.Bool), nil
	case KindDate:
		return appendDate(b, v.Date())
	case KindPeriod:
		b = append(b, `{"start":`...)
		b, err := appendDate(b, v.Date())
		if err != nil {
			return nil, err
		}
		if end := v.End(); !end.IsZero() {
			b = append(b, `,"end":`...)
			if b, err = appendDate(b, end); err != nil {
				return nil, err
			}
		}
		return append(b, '}'), nil
	case KindMoney:
		b = append(b, `{"amount":`...)
		b = strconv.AppendInt(b, v.Number, 10)
		b = append(b, `,"currency":`...)
		b, err := appendString(b, v.Text)
		if err != nil {
			return nil, err
		}
		return append(b, '}'), nil
	case KindList:
		b = append(b, '[')
		for i := range v.Items {
			if i > 0 {
				b = append(b, ',')
			}
			var err error
			if b, err = v.Items[i].appendJSON(b); err != nil {
				return nil, err
			}
		}
		return append(b, ']'), nil
	case KindGroup:
		return appendAnswers(append(b, '{'), v.Fields, false)
	case KindRaw:
		if !json.Valid([]byte(v.Text)) {
			return nil, &json.UnsupportedValueError{Str: "contribution: raw answer is not JSON"}
		}
		return append(b, v.Text...), nil
	}
	return append(b, "null"...), nil
}

// appendAnswers appends the members of the answers and closes the object; more tells
// that members were written before.
func appendAnswers(b []byte, as []Answer, more bool) ([]byte, error) {
	for i := range as {
		if more {
			b = append(b, ',')
		}
		more = true
		var err error
		if b, err = appendString(b, as[i].Field); err != nil {
			return nil, err
		}
		b = append(b, ':')
		if b, err = as[i].Value.appendJSON(b); err != nil {
			return nil, err
		}
	}
	return append(b, '}'), nil
}

func appendString(b []byte, s string) ([]byte, error) {
	q, err := json.Marshal(s)
	if err != nil {
		return nil, err
	}
	return append(b, q...), nil
}

func appendDate(b []byte, d civic.Date) ([]byte, error) {
	t, err := d.MarshalText()
	if err != nil {
		return nil, err
	}
	b = append(b, '"')
	b = append(b, t...)
	return append(b, '"'), nil
}

// MarshalJSON writes the value as the JSON the field's type takes.
func (v Value) MarshalJSON() ([]byte, error) { return v.appendJSON(nil) }

// answerDecoder reads answers against a format's form. It keeps the IDs of the groups it
// is in, to tell an answer that another format of the call asks for (not_for_format) from
// an unknown one.
type answerDecoder struct {
	d      *jsondec.Decoder
	call   *Call
	format *Format
	stack  []string
}

// value decodes the next value of d as the answer to f. An item of a list (item true) does
// not add its ID to the stack of groups: the list's does.
func (a *answerDecoder) value(f *Field, item bool) Value {
	d := a.d
	switch f.Type {
	case FieldText, FieldLongText, FieldChoice, FieldURL, FieldEmail:
		return Value{Kind: KindText, Text: d.Str()}
	case FieldNumber:
		return Value{Kind: KindNumber, Number: d.Int()}
	case FieldBoolean:
		return Value{Kind: KindBool, Bool: d.Bool()}
	case FieldDate:
		return DateValue(d.Date())
	case FieldPeriod:
		var start, end civic.Date
		if d.Object() {
			for d.Next() {
				switch string(d.Key()) {
				case "start":
					start = d.Date()
				case "end":
					end = d.Date()
				default:
					d.Unknown()
				}
			}
		}
		return PeriodValue(start, end)
	case FieldMoney:
		v := Value{Kind: KindMoney}
		if d.Object() {
			for d.Next() {
				switch string(d.Key()) {
				case "amount":
					v.Number = d.Int()
				case "currency":
					v.Text = d.Str()
				default:
					d.Unknown()
				}
			}
		}
		return v
	case FieldChoices:
		v := Value{Kind: KindList}
		if d.Array() {
			for d.More() {
				v.Items = append(v.Items, Value{Kind: KindText, Text: d.Str()})
			}
		}
		return v
	case FieldList:
		v := Value{Kind: KindList}
		if f.Item == nil {
			d.Skip()
			return v
		}
		if d.Array() {
			a.stack = append(a.stack, f.ID)
			for d.More() {
				v.Items = append(v.Items, a.value(f.Item, true))
			}
			a.stack = a.stack[:len(a.stack)-1]
		}
		return v
	case FieldGroup:
		v := Value{Kind: KindGroup}
		if d.Object() {
			v.Fields = make([]Answer, 0, len(f.Fields))
			if !item {
				a.stack = append(a.stack, f.ID)
			}
			for d.Next() {
				if g, ok := findField(f.Fields, string(d.Key())); ok {
					v.Fields = append(v.Fields, Answer{Field: g.ID, Value: a.value(g, false)})
					continue
				}
				a.unknown()
			}
			if !item {
				a.stack = a.stack[:len(a.stack)-1]
			}
		}
		return v
	}
	d.Skip()
	return Value{}
}

// unknown handles a member the form does not define: not_for_format when another format
// of the call asks for it at the same place, unknown_field otherwise.
func (a *answerDecoder) unknown() {
	d := a.d
	key := string(d.Key())
	if a.call != nil && a.format != nil {
		ids := append(a.stack[:len(a.stack):len(a.stack)], key)
		for i := range a.call.Formats {
			o := &a.call.Formats[i]
			if o == a.format || o.ID == a.format.ID {
				continue
			}
			if _, ok := o.Lookup(ids...); ok {
				d.Fail(civic.CodeNotForFormat, key, a.format.ID)
				d.Skip()
				return
			}
		}
	}
	d.Unknown()
}

// formFor returns the format whose form reads the top-level answer key of a proposal of
// the format f (nil when the call does not accept it): f itself, or else the first format
// of the call that asks for the key.
func formFor(c *Call, f *Format, key string) (*Format, *Field) {
	if f != nil {
		if fl, ok := f.Field(key); ok {
			return f, fl
		}
		return f, nil
	}
	if c == nil {
		return nil, nil
	}
	for i := range c.Formats {
		if fl, ok := c.Formats[i].Field(key); ok {
			return &c.Formats[i], fl
		}
	}
	return nil, nil
}

// answerChecker checks answers against a form.
type answerChecker struct {
	v      *civic.ValidationError
	call   *Call
	format *Format
	lim    Limits
	ref    time.Time // the instant dates held to Past must precede
	loc    *time.Location
	stack  []string // IDs of the groups and lists being checked
}

// checkGroup checks the answers of a group (or of a form's top level) against its fields.
func (k *answerChecker) checkGroup(path at, fields []Field, as []Answer) {
	for i := range fields {
		f := &fields[i]
		var val *Value
		for j := range as {
			if as[j].Field == f.ID {
				val = &as[j].Value
				break
			}
		}
		if val == nil || val.Kind == KindNone {
			if f.Required || f.RequiredWhen != nil && holds(f.RequiredWhen, fields, as) {
				k.v.Add(path.key(f.ID).path(), civic.CodeRequired)
			}
			continue
		}
		k.check(path.key(f.ID), f, val, fields, as, false)
	}
}

// extra reports the answers that no field of the group asks for (answers built in Go:
// the decoder reports those of a document as it reads them).
func (k *answerChecker) extra(path at, fields []Field, as []Answer) {
	for i := range as {
		id := as[i].Field
		if _, ok := findField(fields, id); ok {
			continue
		}
		if k.format != nil && k.call != nil {
			other := false
			for j := range k.call.Formats {
				o := &k.call.Formats[j]
				if o.ID != k.format.ID {
					if _, ok := o.Lookup(append(k.stack[:len(k.stack):len(k.stack)], id)...); ok {
						other = true
						break
					}
				}
			}
			if other {
				k.v.Add(path.key(id).path(), civic.CodeNotForFormat, id, k.format.ID)
				continue
			}
		}
		k.v.Add(path.key(id).path(), civic.CodeUnknownField, id)
	}
}

// holds reports whether the condition holds for the sibling answers as.
func holds(c *Condition, fields []Field, as []Answer) bool {
	for j := range as {
		if as[j].Field != c.Field {
			continue
		}
		v := &as[j].Value
		switch v.Kind {
		case KindBool:
			return containsString(c.Values, strconv.FormatBool(v.Bool))
		case KindText:
			return containsString(c.Values, v.Text)
		case KindList:
			for _, it := range v.Items {
				if containsString(c.Values, it.Text) {
					return true
				}
			}
		}
		return false
	}
	return false
}

// kindOf returns the kind of value a field's answer holds.
func kindOf(t FieldType) Kind {
	switch t {
	case FieldText, FieldLongText, FieldChoice, FieldURL, FieldEmail:
		return KindText
	case FieldNumber:
		return KindNumber
	case FieldBoolean:
		return KindBool
	case FieldDate:
		return KindDate
	case FieldPeriod:
		return KindPeriod
	case FieldMoney:
		return KindMoney
	case FieldChoices, FieldList:
		return KindList
	case FieldGroup:
		return KindGroup
	}
	return KindNone
}

// jsonType is the JSON type of a field's answer, for CodeType.
func jsonType(t FieldType) string {
	switch kindOf(t) {
	case KindNumber:
		return "number"
	case KindBool:
		return "boolean"
	case KindPeriod, KindMoney, KindGroup:
		return "object"
	case KindList:
		return "array"
	}
	return "string"
}

func (v *Value) jsonType() string {
	switch v.Kind {
	case KindNumber:
		return "number"
	case KindBool:
		return "boolean"
	case KindPeriod, KindMoney, KindGroup:
		return "object"
	case KindList:
		return "array"
	}
	return "string"
}

// check checks one answer against its field; siblings and their answers serve conditions.
// item tells that the answer is an item of a list.
func (k *answerChecker) check(path at, f *Field, val *Value, siblings []Field, answers []Answer, item bool) {
	if val.Kind == KindRaw && val.Text == "null" {
		return // could not be read: reported by resolve
	}
	if val.Kind == KindRaw {
		k.checkRaw(path, f, val, item)
		return
	}
	if val.Kind != kindOf(f.Type) {
		k.v.Add(path.path(), civic.CodeType, jsonType(f.Type), val.jsonType())
		return
	}
	switch f.Type {
	case FieldText:
		max := int(f.Max)
		if max == 0 {
			max = MaxLabelLen
		}
		checkText(k.v, path, val.Text, text.Rule{Required: f.Required || f.RequiredWhen != nil && holds(f.RequiredWhen, siblings, answers), Min: int(f.Min), Max: max, Name: true})
	case FieldLongText:
		max := int(f.Max)
		if max == 0 {
			max = k.lim.TextMax
		}
		checkText(k.v, path, val.Text, text.Rule{Required: f.Required || f.RequiredWhen != nil && holds(f.RequiredWhen, siblings, answers), Min: int(f.Min), Max: max, Multiline: true})
	case FieldChoice:
		k.choice(path, f, val.Text, true)
	case FieldChoices:
		k.count(path, f, len(val.Items))
		for i := range val.Items {
			it := &val.Items[i]
			ip := path.idx(i)
			if !k.choice(ip, f, it.Text, false) {
				continue
			}
			for j := range i {
				if val.Items[j].Text == it.Text {
					k.v.Add(ip.path(), civic.CodeDuplicate, it.Text)
					break
				}
			}
		}
	case FieldNumber:
		k.number(path, f, val.Number)
	case FieldURL:
		if val.Text == "" {
			if f.Required || f.RequiredWhen != nil && holds(f.RequiredWhen, siblings, answers) {
				k.v.Add(path.path(), civic.CodeRequired)
			}
		} else if !plainURL(val.Text) {
			check.URL(k.v, path.path(), val.Text)
		}
	case FieldEmail:
		switch {
		case val.Text == "" && f.Required:
			k.v.Add(path.path(), civic.CodeRequired)
		case !text.Plain(val.Text, text.Rule{Max: civic.MaxEmailLen}) || !text.ValidEmail(val.Text):
			check.Email(k.v, path.path(), val.Text)
		}
	case FieldDate:
		date := val.Date()
		switch {
		case date.IsZero():
			k.v.Add(path.path(), civic.CodeRequired)
		case !date.Valid():
			k.v.Add(path.path(), civic.CodeInvalidDate, date.String())
		case f.Past && k.call != nil && !date.Start(k.loc).Before(k.ref):
			k.v.Add(path.path(), civic.CodeFutureResults, date.String(), stamp(k.ref, k.call))
		}
	case FieldPeriod:
		k.period(path, f, val, siblings, answers)
	case FieldBoolean:
	case FieldMoney:
		k.number(path.key("amount"), f, val.Number)
		if !validCurrency(val.Text) {
			k.v.Add(path.path().Key("currency"), civic.CodeUnknownValue, val.Text)
		}
	case FieldList:
		k.count(path, f, len(val.Items))
		if f.Item == nil {
			return
		}
		k.stack = append(k.stack, f.ID)
		for i := range val.Items {
			it := &val.Items[i]
			ip := path.idx(i)
			if it.Kind == KindNone {
				k.v.Add(ip.path(), civic.CodeRequired)
				continue
			}
			k.check(ip, f.Item, it, nil, nil, true)
		}
		k.stack = k.stack[:len(k.stack)-1]
	case FieldGroup:
		if !item {
			k.stack = append(k.stack, f.ID)
		}
		k.checkGroup(path, f.Fields, val.Fields)
		k.extra(path, f.Fields, val.Fields)
		if !item {
			k.stack = k.stack[:len(k.stack)-1]
		}
	}
}

// resolve returns the answers with those kept as written ([KindRaw]) read against their
// fields, so that conditions see their values; problems reading them are recorded. The
// answers are returned as they are when none is raw.
func (k *answerChecker) resolve(path at, fields []Field, as []Answer) []Answer {
	raw := false
	for i := range as {
		raw = raw || as[i].Value.Kind == KindRaw
	}
	if !raw {
		return as
	}
	out := make([]Answer, len(as))
	copy(out, as)
	for i := range out {
		f, ok := findField(fields, out[i].Field)
		if !ok || out[i].Value.Kind != KindRaw {
			continue
		}
		d := jsondec.New([]byte(out[i].Value.Text), jsondec.Limits{})
		a := answerDecoder{d: d, call: k.call, format: k.format}
		out[i].Value = a.value(f, false)
		d.End()
		if err := d.Err(); err != nil {
			k.v.Merge(path.key(f.ID).path(), err)
			out[i].Value = Value{Kind: KindRaw, Text: "null"}
		}
	}
	return out
}

// checkRaw reads a raw answer against its field, then checks it.
func (k *answerChecker) checkRaw(path at, f *Field, val *Value, item bool) {
	d := jsondec.New([]byte(val.Text), jsondec.Limits{})
	a := answerDecoder{d: d, call: k.call, format: k.format, stack: k.stack[:len(k.stack):len(k.stack)]}
	got := a.value(f, item)
	d.End()
	if err := d.Err(); err != nil {
		k.v.Merge(path.path(), err)
		return
	}
	k.check(path, f, &got, nil, nil, item)
}

func (k *answerChecker) count(path at, f *Field, n int) {
	max := int(f.Max)
	if max == 0 {
		max = MaxItems
	}
	switch {
	case n > max:
		k.v.Add(path.path(), civic.CodeTooMany, max, n)
	case int64(n) < f.Min:
		k.v.Add(path.path(), civic.CodeTooFew, f.Min, n)
	case n == 0 && f.Required:
		k.v.Add(path.path(), civic.CodeRequired)
	}
}

func (k *answerChecker) number(path at, f *Field, n int64) {
	max := f.Max
	if max == 0 {
		max = MaxNumber
	}
	if n < f.Min || n > max {
		k.v.Add(path.path(), civic.CodeOutOfRange, f.Min, max, n)
	}
}

// choice checks one choice's ID and reports whether it is a choice of the field that is
// not refused.
func (k *answerChecker) choice(path at, f *Field, id string, single bool) bool {
	for i := range f.Choices {
		ch := &f.Choices[i]
		if ch.ID == id {
			if ch.Refuse != "" {
				k.v.Add(path.path(), ch.Refuse)
				return false
			}
			return true
		}
	}
	if id == "" && single && (f.Required || f.RequiredWhen != nil) {
		k.v.Add(path.path(), civic.CodeRequired)
	} else {
		k.v.Add(path.path(), civic.CodeUnknownValue, id)
	}
	return false
}

func (k *answerChecker) period(path at, f *Field, val *Value, siblings []Field, answers []Answer) {
	start, end := val.Date(), val.End()
	if start.IsZero() {
		k.v.Add(path.path().Key("start"), civic.CodeRequired)
	} else if !start.Valid() {
		k.v.Add(path.path().Key("start"), civic.CodeInvalidDate, start.String())
	}
	if !end.Valid() {
		k.v.Add(path.path().Key("end"), civic.CodeInvalidDate, end.String())
	}
	open := f.OpenWhen != nil && holds(f.OpenWhen, siblings, answers)
	if !open && end.IsZero() {
		k.v.Add(path.path().Key("end"), civic.CodeRequired)
	}
	if !start.IsZero() && !end.IsZero() && start.Valid() && end.Valid() && end.Compare(start) < 0 {
		k.v.Add(path.path().Key("end"), civic.CodeOrder, start.String(), end.String())
	}
	if f.Past && k.call != nil && start.Valid() && end.Valid() {
		if !start.IsZero() && !start.Start(k.loc).Before(k.ref) {
			k.v.Add(path.path().Key("start"), civic.CodeFutureResults, start.String(), stamp(k.ref, k.call))
		}
		if !open && !end.IsZero() && end.Start(k.loc).After(k.ref) {
			k.v.Add(path.path().Key("end"), civic.CodeFutureResults, end.String(), stamp(k.ref, k.call))
		}
	}
}
