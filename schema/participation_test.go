package schema_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/participation"
	"github.com/civic-observatory/civic/schema"
)

// deviceMutations break one rule each: those the schema expresses and those beyond it.
func deviceMutations() []mutation {
	return []mutation{
		{name: "no id", edit: del("id")},
		{name: "bad id", edit: set("id", "Dispositif 1")},
		{name: "no name", edit: del("name")},
		{name: "empty name", edit: set("name", doc{})},
		{name: "name too long", edit: set("name.fr", strings.Repeat("é", participation.MaxLabel+1))},
		{name: "name at the limit", edit: set("name.fr", strings.Repeat("é", participation.MaxLabel))},
		{name: "control char in name", edit: set("name.fr", "Budget\x07")},
		{name: "unknown kind", edit: set("kind", "referendum")},
		{name: "kind wrong type", edit: set("kind", 3)},
		{name: "no organiser", edit: del("organiser")},
		{name: "citizen organiser", edit: set("organiser.kind", "citizen")},
		{name: "unknown organiser kind", edit: set("organiser.kind", "guild")},
		{name: "bad country", edit: set("organiser.country", "France")},
		{name: "unknown country", edit: set("organiser.country", "ZZ")},
		{name: "bidi in organiser name", edit: set("organiser.name", "Ville\u202e")},
		{name: "no territory name", edit: set("territory.name", "  ")},
		{name: "negative population", edit: set("territory.population", -1)},
		{name: "absurd population", edit: set("territory.population", 20_000_000_000)},
		{name: "fractional population", edit: set("territory.population", 12.5)},
		{name: "unknown role", edit: set("role", "citizen")},
		{name: "no tool name", edit: del("tool.name")},
		{name: "open source as text", edit: set("tool.openSource", "yes")},
		{name: "unknown model", edit: set("tool.model", "ads")},
		{name: "no start", edit: del("start")},
		{name: "bad start", edit: set("start", "2019-13")},
		{name: "impossible start", edit: set("start", "2019-02-30")},
		{name: "end before start", edit: set("end", "1999")},
		{name: "empty objective", edit: set("objectives", []any{""})},
		{name: "negative staff", edit: set("means.staff", -0.5)},
		{name: "absurd budget", edit: set("means.budget", 1e13)},
		{name: "unknown channel", edit: set("channels", []any{"carrier_pigeon"})},
		{name: "duplicate channel", edit: set("channels", []any{"press", "press"})},
		{name: "negative participants", edit: set("outcomes.participants", -4)},
		{name: "participants above population", edit: set("outcomes.participants", 30_000_000_000)},
		{name: "taken above contributions", edit: set("outcomes.takenIntoAccount", 9_000_000_000)},
		{name: "unknown age group", edit: set("outcomes.ages", doc{"0-17": 3})},
		{name: "negative age count", edit: set("outcomes.ages", doc{"18-24": -3})},
		{name: "ages above participants", edit: set("outcomes.ages", doc{"60+": 9_000_000_000})},
		{name: "unknown evaluation", edit: set("evaluation.format", "vibes")},
		{name: "responsible without evaluation", edit: func(d doc) { setPath(d, "evaluation", doc{"format": "none", "responsible": "Un cabinet"}) }},
		{name: "indicator without name", edit: set("evaluation.indicators", []any{doc{"unit": "%"}})},
		{name: "indicator value as text", edit: set("evaluation.indicators", []any{doc{"name": "taux", "value": "haut"}})},
		{name: "unknown state", edit: set("state", "frozen")},
		{name: "history that does not lead to the state", edit: func(d doc) {
			d["state"] = "archived"
			d["history"] = []any{doc{"at": "2018-01-01T09:00:00Z", "action": "open", "from": "planned", "to": "open"}}
		}},
		{name: "history with a bad time", edit: set("history", []any{doc{"at": "2018-01-01", "action": "open", "from": "planned", "to": "open"}})},
		{name: "unknown field", edit: set("colour", "blue")},
		{name: "bad website", edit: set("organiser.website", "ftp://example.org")},
	}
}

// TestDeviceAgreement judges a corpus of devices — the built-in Baromètre's, and each
// mutated once — with the Go validator and with santhosh-tekuri/jsonschema on the
// exported device schema: wherever the schema says invalid, Go says invalid; wherever
// Go alone says invalid, its reasons are all rules beyond the schema.
func TestDeviceAgreement(t *testing.T) {
	b, err := participation.Barometre2019()
	if err != nil {
		t.Fatal(err)
	}
	file, err := schema.File("device")
	if err != nil {
		t.Fatal(err)
	}
	sch := compile(t, file)
	beyond := schema.Beyond("device")
	var docs [][]byte
	var names []string
	for _, d := range b.Devices {
		data, _ := json.Marshal(d)
		docs, names = append(docs, data), append(names, "builtin "+d.ID)
	}
	ms := deviceMutations()
	for i := range 520 {
		m := ms[i%len(ms)]
		var d doc
		data, _ := json.Marshal(b.Devices[(i*7)%len(b.Devices)])
		if err := json.Unmarshal(data, &d); err != nil {
			t.Fatal(err)
		}
		m.edit(d)
		out, _ := json.Marshal(d)
		docs, names = append(docs, out), append(names, fmt.Sprintf("%s #%d", m.name, i))
	}
	same, goOnly, valid := 0, 0, 0
	var lines bytes.Buffer
	for i, data := range docs {
		_, err := participation.DecodeDevice(data)
		goOK := err == nil
		line, _ := json.Marshal(struct {
			Name    string          `json:"name"`
			GoValid bool            `json:"goValid"`
			Doc     json.RawMessage `json:"doc"`
		}{names[i], goOK, data})
		lines.Write(append(line, '\n'))
		schemaOK, _ := schemaValid(sch, data)
		switch {
		case goOK == schemaOK:
			same++
			if goOK {
				valid++
			}
		case goOK && !schemaOK:
			t.Errorf("%s: the schema refuses what Go accepts:\n%s", names[i], data)
		default:
			goOnly++
			for _, fe := range civic.FieldErrors(err) {
				if !slices.Contains(beyond, fe.Code) {
					t.Errorf("%s: Go alone refuses, with %s at %s, which the schema should express", names[i], fe.Code, fe.Path)
				}
			}
		}
	}
	golden(t, filepath.Join("testdata", "device-corpus.ndjson"), lines.Bytes())
	t.Logf("%d devices: %d judged identically (%d valid), %d refused by Go rules beyond the schema", len(docs), same, valid, goOnly)
	if same < 500 {
		t.Errorf("only %d documents judged identically, want at least 500", same)
	}
	if valid < 100 || same-valid < 200 {
		t.Errorf("the corpus needs both valid (%d) and invalid (%d) documents in quantity", valid, same-valid)
	}
}

// TestMapAgreement judges maps of the civic tech map — a valid one and each mutated once —
// with the Go validator and santhosh on the map schema.
func TestMapAgreement(t *testing.T) {
	file, err := schema.File("map")
	if err != nil {
		t.Fatal(err)
	}
	sch := compile(t, file)
	beyond := schema.Beyond("map")
	valid := func() doc {
		return doc{"id": "carte", "title": doc{"fr": "Cartographie"}, "actors": []any{
			doc{"id": "a1", "organisation": doc{"name": "Coopérative Agora", "kind": "association", "country": "FR"},
				"legalForm": "cooperative", "model": "services", "tools": []any{"Agora Ouverte"}, "openSource": true,
				"territories": []any{"national"}, "kinds": []any{"participatory_budget", "urban_project"}},
			doc{"id": "a2", "organisation": doc{"name": "Quorum Labs", "kind": "startup", "country": "FR"},
				"legalForm": "company", "model": "licence", "tools": []any{"Quorum"}, "openSource": false},
		}}
	}
	ms := []mutation{
		{name: "valid", edit: func(doc) {}},
		{name: "no id", edit: del("id")},
		{name: "no title", edit: del("title")},
		{name: "unknown legal form", edit: set("actors.0.legalForm", "guild")},
		{name: "unknown model", edit: set("actors.0.model", "ads")},
		{name: "no tools", edit: del("actors.1.tools")},
		{name: "empty tool", edit: set("actors.0.tools", []any{" "})},
		{name: "unknown kind", edit: set("actors.0.kinds", []any{"referendum"})},
		{name: "duplicate kind", edit: set("actors.0.kinds", []any{"petition", "petition"})},
		{name: "open source as text", edit: set("actors.0.openSource", "oui")},
		{name: "bad country", edit: set("actors.0.organisation.country", "fr")},
		{name: "duplicate actor", edit: set("actors.1.id", "a1")},
		{name: "unknown field", edit: set("actors.0.founded", 2015)},
		{name: "bidi in a tool", edit: set("actors.1.tools", []any{"Quorum\u202e"})},
	}
	same := 0
	for _, m := range ms {
		d := valid()
		m.edit(d)
		data, _ := json.Marshal(d)
		_, err := participation.DecodeMap(data)
		goOK := err == nil
		schemaOK, _ := schemaValid(sch, data)
		switch {
		case goOK == schemaOK:
			same++
		case goOK:
			t.Errorf("%s: the schema refuses what Go accepts", m.name)
		default:
			for _, fe := range civic.FieldErrors(err) {
				if !slices.Contains(beyond, fe.Code) {
					t.Errorf("%s: Go alone refuses, with %s at %s", m.name, fe.Code, fe.Path)
				}
			}
		}
	}
	if same < len(ms)-2 {
		t.Errorf("only %d of %d maps judged identically", same, len(ms))
	}
}
