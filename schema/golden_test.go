package schema_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/civic-observatory/civic/contribution"
	"github.com/civic-observatory/civic/schema"
)

var update = flag.Bool("update", false, "rewrite the committed schemas and the golden files of schema/testdata")

// golden compares got with the file, semantically (decoded JSON, with a diff) and byte
// for byte, or rewrites the file under -update.
func golden(t *testing.T, file string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(file, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run go test ./schema -update)", err)
	}
	if bytes.Equal(got, want) {
		return
	}
	var g, w any
	if json.Unmarshal(got, &g) == nil && json.Unmarshal(want, &w) == nil {
		if d := cmp.Diff(w, g); d != "" {
			t.Fatalf("%s drifted from the Go types (-committed +generated); run go test ./schema -update:\n%s", file, d)
		}
	}
	t.Fatalf("%s differs byte for byte from the generated file (formatting); run go test ./schema -update", file)
}

// builtinCall returns the built-in 2019 call.
func builtinCall(t testing.TB) *contribution.Call {
	t.Helper()
	c, err := contribution.Call2019()
	if err != nil {
		t.Fatalf("built-in call: %v", err)
	}
	return c
}

func TestGolden(t *testing.T) {
	want := []string{}
	for _, name := range schema.Types() {
		t.Run(name, func(t *testing.T) {
			got, err := schema.Generate(name)
			if err != nil {
				t.Fatal(err)
			}
			golden(t, filepath.Join("schemas", name+".schema.json"), got)
		})
		want = append(want, name)
	}
	c := builtinCall(t)
	name := schema.ProposalName(c)
	want = append(want, name)
	t.Run(name, func(t *testing.T) {
		got, err := schema.ProposalFor(c)
		if err != nil {
			t.Fatal(err)
		}
		golden(t, filepath.Join("schemas", name+".schema.json"), got)
	})
	t.Run("corpus-call", func(t *testing.T) {
		got, err := schema.ProposalFor(testCall())
		if err != nil {
			t.Fatal(err)
		}
		golden(t, filepath.Join("testdata", "corpus-call.schema.json"), got)
	})
	if *update {
		return
	}
	// No stale file: the committed schemas are exactly the generated ones.
	slices.Sort(want)
	if d := cmp.Diff(want, schema.Names()); d != "" {
		t.Errorf("Names() (-want +got):\n%s", d)
	}
	for _, n := range schema.Names() {
		onDisk, err := os.ReadFile(filepath.Join("schemas", n+".schema.json"))
		if err != nil {
			t.Fatal(err)
		}
		embedded, err := schema.File(n)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(onDisk, embedded) {
			t.Errorf("File(%q) is not the file on disk", n)
		}
	}
}

// TestFormatting checks the committed form: valid JSON indented by two spaces, as
// json.MarshalIndent writes it, with one final newline.
func TestFormatting(t *testing.T) {
	for _, n := range schema.Names() {
		b, err := schema.File(n)
		if err != nil {
			t.Fatal(err)
		}
		var indented bytes.Buffer
		if err := json.Indent(&indented, b, "", "  "); err != nil {
			t.Fatalf("%s: %v", n, err)
		}
		if !bytes.Equal(indented.Bytes(), b) {
			t.Errorf("%s: not indented by two spaces", n)
		}
		if !bytes.HasSuffix(b, []byte("}\n")) || bytes.HasSuffix(b, []byte("\n\n")) {
			t.Errorf("%s: does not end with one newline", n)
		}
	}
}

func TestFileUnknown(t *testing.T) {
	if _, err := schema.File("nope"); err == nil {
		t.Error("File(nope): no error")
	}
	if _, err := schema.Generate("nope"); err == nil {
		t.Error("Generate(nope): no error")
	}
	if _, err := schema.ProposalFor(nil); err == nil {
		t.Error("ProposalFor(nil): no error")
	}
	if _, err := schema.ProposalFor(&contribution.Call{}); err == nil {
		t.Error("ProposalFor(invalid call): no error")
	}
}
