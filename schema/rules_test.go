package schema

import (
	"reflect"
	"testing"

	"github.com/invopop/jsonschema"

	"github.com/civic-observatory/civic/contribution"
)

// TestRulesCoverEveryField checks that every property of every struct type of the
// documents has a rule, and every rule a property: a field added to a Go type fails here
// until the schema says how it is validated.
func TestRulesCoverEveryField(t *testing.T) {
	for _, d := range registry() {
		g := &gen{lim: contribution.DefaultLimits(), names: map[string]reflect.Type{}}
		r := &jsonschema.Reflector{ExpandedStruct: true, Anonymous: true, Mapper: g.mapType, Namer: g.name}
		s := r.ReflectFromType(d.typ)
		g.names[d.typ.Name()] = d.typ
		check := func(name string, s *jsonschema.Schema) {
			typ := g.names[name]
			rule, ok := g.rules()[typ]
			if !ok {
				t.Errorf("%s: no rule for %v", d.name, typ)
				return
			}
			if s.Properties == nil {
				return
			}
			for k := range s.Properties.KeysFromOldest() {
				if _, ok := rule.fields[k]; !ok {
					t.Errorf("%s: %v.%s has no rule", d.name, typ, k)
				}
			}
			for _, k := range rule.required {
				if _, ok := s.Properties.Get(k); !ok {
					t.Errorf("%s: %v requires %s, which it does not have", d.name, typ, k)
				}
			}
		}
		check(d.typ.Name(), s)
		for name, def := range s.Definitions {
			check(name, def)
		}
	}
}

// TestPatterns checks that the text patterns accept and refuse what civic.CheckString does.
func TestTextPatternShape(t *testing.T) {
	for _, req := range []bool{false, true} {
		for _, k := range []textKind{kindSingle, kindName, kindMultiline} {
			if p := textPattern(req, k); p[0] != '^' || p[len(p)-1] != '$' {
				t.Errorf("textPattern(%v, %v) = %q: not anchored", req, k, p)
			}
		}
	}
}
