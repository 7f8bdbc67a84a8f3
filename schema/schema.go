package schema

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	neturl "net/url"
	"reflect"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/invopop/jsonschema"
	"golang.org/x/text/language"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/axis"
	"github.com/civic-observatory/civic/contribution"
	"github.com/civic-observatory/civic/event"
	ctext "github.com/civic-observatory/civic/internal/text"
	"github.com/civic-observatory/civic/participation"
	"github.com/civic-observatory/civic/schedule"
)

// BaseURL is the address under which the schemas are published: the schema of a type
// named "call" has the $id BaseURL + "call.schema.json".
const BaseURL = "https://civic-observatory.github.io/civic/schema/"

// docType is one document type of the registry.
type docType struct {
	name string
	typ  reflect.Type
	// beyond lists the rules of the Go validator that the schema cannot express.
	beyond func() []rule
}

// registry lists the document types that have a schema, in documentation order. A new
// document type is one line here (and the rules of its struct types in rules.go).
func registry() []docType {
	return []docType{
		{"call", reflect.TypeFor[contribution.Call](), callBeyond},
		{"format", reflect.TypeFor[contribution.Format](), formatBeyond},
		{"axis", reflect.TypeFor[axis.Axis](), axisBeyond},
		{"proposal", reflect.TypeFor[contribution.Proposal](), proposalBeyondGeneric},
		{"device", reflect.TypeFor[participation.Device](), deviceBeyond},
		{"barometre", reflect.TypeFor[participation.Barometre](), barometreBeyond},
		{"map", reflect.TypeFor[participation.Map](), mapBeyond},
		{"calendar", reflect.TypeFor[event.Calendar](), calendarBeyond},
		{"grid", reflect.TypeFor[schedule.Grid](), gridBeyond},
		{"programme", reflect.TypeFor[schedule.Programme](), programmeBeyond},
	}
}

// Types returns the names of the document types that have a generic schema, in
// documentation order: each is a valid argument to [Generate].
func Types() []string {
	var out []string
	for _, t := range registry() {
		out = append(out, t.name)
	}
	return out
}

// Generate returns the generic JSON Schema of the document type name (one of [Types]),
// reflected from its Go type. The proposal schema uses the default limits of
// [contribution.DefaultLimits] and checks what [contribution.Proposal.Validate] checks
// without a call; use [ProposalFor] for the schema of the proposals to one call.
func Generate(name string) ([]byte, error) {
	for _, t := range registry() {
		if t.name == name {
			s, err := reflectType(t, contribution.DefaultLimits())
			if err != nil {
				return nil, err
			}
			return encode(s)
		}
	}
	return nil, fmt.Errorf("schema: unknown document type %q", name)
}

// ProposalFor returns the JSON Schema of the proposals to the call c: the generic
// proposal schema with the call's length limits, enums of the call's formats, languages,
// axes and guiding questions, and the rules of each format as if/then conditions (the
// section it requires and those it forbids, axes, ongoing work, support documents, the
// families of actors it is open to). The call must be valid.
func ProposalFor(c *contribution.Call) ([]byte, error) {
	return ProposalSchema(c, ProposalOptions{})
}

// ProposalSchema returns the JSON Schema of the proposals to the call c, as
// [ProposalFor] does, with the $id and the language of opt: the titles and descriptions
// are the call's labels and help texts in that language (the names of its formats, axes,
// guiding questions, the questions of its forms and their choices, as oneOf of const and
// title), in the order of the forms, so that a form generator can build the submission
// form from it. The rules beyond the schema are listed in English in $comment.
func ProposalSchema(c *contribution.Call, opt ProposalOptions) ([]byte, error) {
	lang := opt.Language
	if lang == (language.Tag{}) {
		lang = language.English
	}
	s, err := proposalSchema(c, lang)
	if err != nil {
		return nil, err
	}
	if opt.ID != "" {
		u, err := neturl.Parse(opt.ID)
		if err != nil || !u.IsAbs() {
			return nil, fmt.Errorf("schema: $id %q is not an absolute URI", opt.ID)
		}
		s.ID = jsonschema.ID(opt.ID)
	}
	localise(s, c, lang)
	return encode(s)
}

// ProposalName returns the name under which the schema of the proposals to c is
// published: "proposal-" followed by the call's ID.
func ProposalName(c *contribution.Call) string { return "proposal-" + c.ID }

func proposalSchema(c *contribution.Call, lang language.Tag) (*jsonschema.Schema, error) {
	if c == nil {
		return nil, fmt.Errorf("schema: nil call")
	}
	if err := c.Validate(); err != nil {
		return nil, fmt.Errorf("schema: invalid call: %w", err)
	}
	var t docType
	for _, d := range registry() {
		if d.name == "proposal" {
			t = d
		}
	}
	s, err := reflectType(t, c.Limits.WithDefaults())
	if err != nil {
		return nil, err
	}
	if err := specialise(s, c, lang); err != nil {
		return nil, err
	}
	return s, nil
}

// BeyondSchema returns the error codes of the rules of [contribution.Proposal.Validate]
// that the schema of [ProposalFor] cannot express, in documentation order. A proposal the
// schema accepts may still be refused by the Go validator, but only with these codes; a
// proposal the schema refuses is always refused by the Go validator (for NFC input, see
// the package documentation).
func BeyondSchema() []civic.Code {
	var out []civic.Code
	for _, r := range proposalBeyond(nil) {
		if r.code != "" && !slices.Contains(out, r.code) {
			out = append(out, r.code)
		}
	}
	return out
}

// Beyond returns the error codes of the Go validator's rules that the generic schema of
// the document type name cannot express, in documentation order: a document that schema
// accepts may still be refused by the Go validator, but only with these codes.
func Beyond(name string) []civic.Code {
	var out []civic.Code
	for _, t := range registry() {
		if t.name != name {
			continue
		}
		for _, r := range t.beyond() {
			if r.code != "" && !slices.Contains(out, r.code) {
				out = append(out, r.code)
			}
		}
	}
	return out
}

//go:embed schemas/*.schema.json
var files embed.FS

const fileSuffix = ".schema.json"

// Names returns the names of the committed schema files, sorted: the generic schema of
// each of [Types], and the proposal schema of the built-in 2019 call (named after
// [ProposalName]).
func Names() []string {
	entries, _ := fs.ReadDir(files, "schemas")
	var out []string
	for _, e := range entries {
		if n, ok := strings.CutSuffix(e.Name(), fileSuffix); ok {
			out = append(out, n)
		}
	}
	slices.Sort(out)
	return out
}

// File returns the committed schema file of the name (one of [Names]). The bytes are
// those [Generate] or [ProposalFor] give; a golden test keeps them so.
func File(name string) ([]byte, error) {
	if !slices.Contains(Names(), name) {
		return nil, fmt.Errorf("schema: no schema file %q", name)
	}
	return files.ReadFile("schemas/" + name + fileSuffix)
}

// reflectType reflects the Go type of t into a schema, then applies the rules of each
// of its struct types with the proposal limits lim.
func reflectType(t docType, lim contribution.Limits) (*jsonschema.Schema, error) {
	g := &gen{lim: lim, names: map[string]reflect.Type{}}
	r := &jsonschema.Reflector{
		ExpandedStruct: true,
		Anonymous:      true,
		Mapper:         g.mapType,
		Namer:          g.name,
		LookupComment:  lookupComment,
	}
	s := r.ReflectFromType(t.typ)
	s.ID = jsonschema.ID(BaseURL + t.name + fileSuffix)
	g.names[t.typ.Name()] = t.typ
	g.apply(t.typ.Name(), s)
	for name, d := range s.Definitions {
		g.apply(name, d)
	}
	if g.err != nil {
		return nil, g.err
	}
	s.Title, s.Description = titled(typeKey(t.typ))
	s.Description = describe(goComment(typeKey(t.typ)), t.beyond())
	return s, nil
}

// gen holds the state of one generation; it lives for one call of reflectType.
type gen struct {
	lim   contribution.Limits
	names map[string]reflect.Type // $defs names seen, to catch two types of one name
	err   error
	// ruleSet caches g.rules() for the generation.
	ruleSet map[reflect.Type]typeRule
}

func (g *gen) fail(format string, args ...any) {
	if g.err == nil {
		g.err = fmt.Errorf("schema: "+format, args...)
	}
}

// name is the Reflector's Namer: the Go type name, checking that no two types of
// different packages share one.
func (g *gen) name(t reflect.Type) string {
	n := t.Name()
	if n == "" || t.PkgPath() == "" {
		return ""
	}
	if prev, ok := g.names[n]; ok && prev != t {
		g.fail("types %v and %v have the same name", prev, t)
	}
	g.names[n] = t
	return n
}

// apply sets the constraints of the struct type named name on its schema s.
func (g *gen) apply(name string, s *jsonschema.Schema) {
	t, ok := g.names[name]
	if !ok {
		g.fail("no type for $defs entry %q", name)
		return
	}
	s.Title, s.Description = titled(typeKey(t))
	if g.ruleSet == nil {
		g.ruleSet = g.rules()
	}
	rule, ok := g.ruleSet[t]
	if !ok {
		// A type without rules keeps what the reflector gave; TestRulesCoverEveryField
		// fails until it has some.
		return
	}
	if s.Properties != nil {
		for k, p := range s.Properties.FromOldest() {
			f, ok := rule.fields[k]
			if !ok {
				continue
			}
			f(p)
		}
		for k := range rule.fields {
			if _, ok := s.Properties.Get(k); !ok {
				g.fail("%s has no property %q", name, k)
			}
		}
		s.Required = rule.required
	}
	if rule.extend != nil {
		rule.extend(s)
	}
}

// titled returns the title and description of the type of the key: the first sentence
// of its doc comment and, when the comment says more, the whole comment.
func titled(key string) (title, description string) {
	title, description = goComment(key+"#title"), goComment(key)
	if description == title+"." || description == title {
		description = ""
	}
	return title, description
}

func typeKey(t reflect.Type) string { return t.PkgPath() + "." + t.Name() }

// lookupComment is the Reflector's LookupComment: the generated Go doc comments.
func lookupComment(t reflect.Type, field string) string {
	if t.PkgPath() == "" || t.Name() == "" {
		return ""
	}
	key := typeKey(t)
	if field != "" {
		key += "." + field
	}
	return goComment(key)
}

// mapType is the Reflector's Mapper: the types whose JSON form is not their Go shape
// (localised text, partial dates, times) and the closed lists.
func (g *gen) mapType(t reflect.Type) *jsonschema.Schema {
	switch t {
	case reflect.TypeFor[civic.Text]():
		return &jsonschema.Schema{
			Type:                 "object",
			PropertyNames:        &jsonschema.Schema{Type: "string", Pattern: LanguageTagPattern},
			AdditionalProperties: textSchema(true, 0, 0, kindMultiline),
		}
	case reflect.TypeFor[civic.Date]():
		return &jsonschema.Schema{Type: "string", Pattern: civic.DatePattern}
	case reflect.TypeFor[event.Clock]():
		return &jsonschema.Schema{Type: "string", Pattern: event.ClockPattern}
	case reflect.TypeFor[time.Time]():
		return &jsonschema.Schema{Type: "string", Format: "date-time", MaxLength: ptr(maxTimeLen)}
	}
	if values, ok := enums()[t]; ok {
		return &jsonschema.Schema{Type: "string", Enum: values}
	}
	return nil
}

// enums returns the values of every closed list, keyed by its Go type.
func enums() map[reflect.Type][]any {
	return map[reflect.Type][]any{
		reflect.TypeFor[civic.Family]():            anys(civic.Families()),
		reflect.TypeFor[civic.OrgKind]():           anys(civic.OrgKinds()),
		reflect.TypeFor[contribution.FieldType]():  anys(contribution.FieldTypes()),
		reflect.TypeFor[contribution.Presence]():   anys(contribution.Presences()),
		reflect.TypeFor[contribution.State]():      anys(contribution.States()),
		reflect.TypeFor[contribution.Decision]():   anys(contribution.Decisions()),
		reflect.TypeFor[participation.Kind]():      anys(participation.Kinds()),
		reflect.TypeFor[participation.Role]():      anys(participation.Roles()),
		reflect.TypeFor[participation.Model]():     anys(participation.Models()),
		reflect.TypeFor[participation.Channel]():   anys(participation.Channels()),
		reflect.TypeFor[participation.Format]():    anys(participation.Formats()),
		reflect.TypeFor[participation.State]():     anys(participation.States()),
		reflect.TypeFor[participation.Action]():    anys(participation.Actions()),
		reflect.TypeFor[participation.LegalForm](): anys(participation.LegalForms()),
		reflect.TypeFor[event.Kind]():              anys(event.Kinds()),
		reflect.TypeFor[event.Role]():              anys(event.Roles()),
		reflect.TypeFor[schedule.Kind]():           anys(schedule.Kinds()),
	}
}

func anys[T any](list []T) []any {
	out := make([]any, len(list))
	for i, v := range list {
		out[i] = v
	}
	return out
}

func ptr(n int) *uint64 {
	u := uint64(n)
	return &u
}

// encode writes a schema in the committed form: indented by two spaces, with a final
// newline, "&", "<" and ">" unescaped, and invisible or bidirectional characters
// escaped as \uXXXX so that the files show what they hold.
func encode(s *jsonschema.Schema) ([]byte, error) {
	b, err := json.Marshal(s)
	if err != nil {
		return nil, fmt.Errorf("schema: %w", err)
	}
	var out bytes.Buffer
	if err := json.Indent(&out, b, "", "  "); err != nil {
		return nil, fmt.Errorf("schema: %w", err)
	}
	out.WriteByte('\n')
	return tidy(out.Bytes()), nil
}

// tidy rewrites the strings of a JSON text as encode documents.
func tidy(b []byte) []byte {
	out := make([]byte, 0, len(b))
	in := false
	for i := 0; i < len(b); {
		c := b[i]
		switch {
		case !in:
			in = c == '"'
			out = append(out, c)
			i++
		case c == '"':
			in = false
			out = append(out, c)
			i++
		case c == '\\':
			if i+5 < len(b) && b[i+1] == 'u' {
				switch string(b[i+2 : i+6]) {
				case "0026":
					out = append(out, '&')
					i += 6
					continue
				case "003c":
					out = append(out, '<')
					i += 6
					continue
				case "003e":
					out = append(out, '>')
					i += 6
					continue
				}
			}
			out = append(out, b[i:i+2]...)
			i += 2
		case c < 0x80:
			out = append(out, c)
			i++
		default:
			r, n := utf8.DecodeRune(b[i:])
			switch {
			case visible(r):
				out = append(out, b[i:i+n]...)
			case r > 0xffff:
				r1, r2 := utf16.EncodeRune(r)
				out = fmt.Appendf(out, `\u%04x\u%04x`, r1, r2)
			default:
				out = fmt.Appendf(out, `\u%04x`, r)
			}
			i += n
		}
	}
	return out
}

// visible reports whether r may stay as it is in a committed file.
func visible(r rune) bool {
	return r != utf8.RuneError && unicode.IsPrint(r) && !ctext.IsBidi(r) && !unicode.Is(unicode.Cf, r)
}
