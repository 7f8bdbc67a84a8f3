// Package shared locates the project's shared folder (../shared beside the repository) for
// tests: the source documents, the conformance schemas and the real files of other tools.
//
// A user who clones the repository has no shared folder: a test that needs it skips,
// naming what is missing. Under CI (the environment variable CI set to "true") the folder
// is required, so the same test fails instead of skipping and .ci/run always runs it.
package shared

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// Root returns the absolute path of the shared folder: the directory "shared" beside the
// module root, whatever the package directory the test runs in.
func Root() string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return filepath.Join("..", "shared")
	}
	// file is <module>/internal/shared/shared.go.
	module := filepath.Dir(filepath.Dir(filepath.Dir(file)))
	return filepath.Join(filepath.Dir(module), "shared")
}

// Path returns the path of rel (slash-separated, relative to the shared folder) when it
// exists. When it does not, the test is skipped with a message naming the missing path,
// or fails under CI=true.
func Path(tb testing.TB, rel string) string {
	tb.Helper()
	p := filepath.Join(Root(), filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		Missing(tb, p, err)
	}
	return p
}

// ReadFile returns the contents of rel in the shared folder, skipping (or failing under
// CI=true) when it is missing.
func ReadFile(tb testing.TB, rel string) []byte {
	tb.Helper()
	p := Path(tb, rel)
	data, err := os.ReadFile(p)
	if err != nil {
		tb.Fatalf("shared: %v", err)
	}
	return data
}

// Missing skips the test, or fails it under CI=true, because what is at path could not be
// had (err says why). Tests that look for a tool rather than a file use it too.
func Missing(tb testing.TB, path string, err error) {
	tb.Helper()
	if os.Getenv("CI") == "true" {
		tb.Fatalf("%s is required under CI=true: %v", path, err)
	}
	tb.Skipf("%s is not available (a clone without ../shared beside it): %v", path, err)
}
