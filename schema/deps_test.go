package schema_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestOnlyImporter checks that no domain package depends on invopop/jsonschema: package
// schema is its only importer.
func TestOnlyImporter(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	pkgs := []string{"github.com/civic-observatory/civic", "github.com/civic-observatory/civic/axis", "github.com/civic-observatory/civic/contribution"}
	out, err := exec.Command("go", append([]string{"list", "-deps"}, pkgs...)...).Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	for _, p := range strings.Fields(string(out)) {
		if strings.HasPrefix(p, "github.com/invopop/jsonschema") {
			t.Errorf("a domain package depends on %s", p)
		}
	}
}
