// Package golden is the module's one golden-file helper for tests, with its one -update
// flag: `go test ./... -update` rewrites every golden file, `go test ./pkg -update` those of
// one package.
//
// A golden file holds the exact expected output of a test (a rendered programme, a schema,
// the messages of every code, the usage of a command). [Check] compares the output with
// testdata/NAME and reports a diff (-want +got) when they differ; JSON files that differ
// only in formatting are reported as such, with a structural diff when their values
// differ. Under -update it writes the file instead, creating testdata/ if needed, and the
// test passes: review the change with git diff before committing it.
//
// Only tests import this package. A test package that imports it must not define its own
// -update flag (the flag package would refuse the second definition).
package golden

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// update is the -update flag of every test binary that imports this package. It is the
// only package-level state of the module's tests, and it is set by the command line only.
var update = flag.Bool("update", false, "rewrite the golden files (testdata/) instead of comparing with them")

// Updating reports whether the test binary runs with -update, for tests that rewrite
// other committed files (the exported schemas) the same way.
func Updating() bool { return *update }

// Check compares got with the golden file testdata/name of the package under test, or
// rewrites the file under -update.
func Check(tb testing.TB, name string, got []byte) {
	tb.Helper()
	File(tb, filepath.Join("testdata", filepath.FromSlash(name)), got)
}

// CheckString is [Check] for text.
func CheckString(tb testing.TB, name, got string) {
	tb.Helper()
	Check(tb, name, []byte(got))
}

// File compares got with the file at path (relative to the package directory), or
// rewrites it under -update.
func File(tb testing.TB, path string, got []byte) {
	tb.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			tb.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("golden: %v (run go test -update to create it)", err)
	}
	if bytes.Equal(want, got) {
		return
	}
	var w, g any
	if filepath.Ext(path) == ".json" && json.Unmarshal(want, &w) == nil && json.Unmarshal(got, &g) == nil {
		if d := cmp.Diff(w, g); d != "" {
			tb.Errorf("%s: values differ (-want +got); run go test -update if the change is intended:\n%s", path, d)
			return
		}
		tb.Errorf("%s: same values, different bytes (formatting); run go test -update if intended:\n%s", path, cmp.Diff(string(want), string(got)))
		return
	}
	tb.Errorf("%s differs (-want +got); run go test -update if the change is intended:\n%s", path, cmp.Diff(string(want), string(got)))
}
