package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// entries lists the names in dir.
func entries(t *testing.T, dir string) []string {
	t.Helper()
	des, err := os.ReadDir(dir)
	require.NoError(t, err)
	var names []string
	for _, d := range des {
		names = append(names, d.Name())
	}
	return names
}

// --out writes atomically, keeps the permissions of the file it replaces (0644 for a new
// one), refuses to replace anything but a regular file and leaves no temporary file
// behind (issue 12: a 0600 file became 0644, symlinks, FIFOs and devices were replaced,
// a directory target left a temporary file).
func TestWriteAtomic(t *testing.T) {
	tests := []struct {
		name    string
		setup   func(t *testing.T, dir, target string)
		err     string
		perm    os.FileMode
		entries []string
	}{
		{"new file", func(*testing.T, string, string) {}, "", 0o644, []string{"out"}},
		{"0600 file kept 0600", func(t *testing.T, _, target string) {
			require.NoError(t, os.WriteFile(target, []byte("old"), 0o600))
			require.NoError(t, os.Chmod(target, 0o600))
		}, "", 0o600, []string{"out"}},
		{"0640 file kept 0640", func(t *testing.T, _, target string) {
			require.NoError(t, os.WriteFile(target, []byte("old"), 0o640))
			require.NoError(t, os.Chmod(target, 0o640))
		}, "", 0o640, []string{"out"}},
		{"symbolic link refused", func(t *testing.T, dir, target string) {
			require.NoError(t, os.WriteFile(filepath.Join(dir, "secret"), []byte("keep"), 0o600))
			require.NoError(t, os.Symlink(filepath.Join(dir, "secret"), target))
		}, "symbolic link", 0, []string{"out", "secret"}},
		{"FIFO refused", func(t *testing.T, _, target string) {
			require.NoError(t, syscall.Mkfifo(target, 0o600))
		}, "named pipe", 0, []string{"out"}},
		{"directory refused", func(t *testing.T, _, target string) {
			require.NoError(t, os.Mkdir(target, 0o755))
		}, "directory", 0, []string{"out"}},
		{"missing directory", func(*testing.T, string, string) {}, "no such file", 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			target := filepath.Join(dir, "out")
			tt.setup(t, dir, target)
			if tt.name == "missing directory" {
				target = filepath.Join(dir, "none", "out")
			}
			err := writeAtomic(target, []byte("new"))
			if tt.err != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.err)
			} else {
				require.NoError(t, err)
				fi, err := os.Lstat(target)
				require.NoError(t, err)
				assert.Equal(t, tt.perm, fi.Mode().Perm())
				got, _ := os.ReadFile(target)
				assert.Equal(t, "new", string(got))
			}
			assert.Equal(t, tt.entries, entries(t, dir), "no temporary file left")
			if tt.name == "symbolic link refused" {
				got, _ := os.ReadFile(filepath.Join(dir, "secret"))
				assert.Equal(t, "keep", string(got))
			}
		})
	}
	// A device node: /dev/null is never replaced.
	err := writeAtomic("/dev/null", []byte("x"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "device")
}

// The command writes through the same path: civic programme --out on a symbolic link.
func TestOutRefusesSymlink(t *testing.T) {
	dir := t.TempDir()
	secret := filepath.Join(dir, "secret")
	require.NoError(t, os.WriteFile(secret, []byte("keep"), 0o600))
	link := filepath.Join(dir, "programme.html")
	require.NoError(t, os.Symlink(secret, link))
	code, _, stderr := runCivic(t, "", "programme", "--format", "html", "--out", link)
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "not a regular file")
	got, _ := os.ReadFile(secret)
	assert.Equal(t, "keep", string(got))
	assert.ElementsMatch(t, []string{"secret", "programme.html"}, entries(t, dir))
}

// Documents are read with their limit applied while reading: /dev/zero as --call fails
// at once with a clear error instead of exhausting memory (issue 12: out of memory in 6 s).
func TestReadLimits(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero")
	}
	for _, args := range [][]string{
		{"validate", "--call", "/dev/zero", "-"},
		{"call", "--call", "/dev/zero"},
		{"programme", "--event", "/dev/zero"},
		{"programme", "--proposals", "/dev/zero"},
		{"stats", "--source", "proposals", "/dev/zero"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			code, _, stderr := runCivic(t, "", args...)
			assert.Equal(t, 2, code, stderr)
			assert.Contains(t, stderr, "/dev/zero: larger than")
		})
	}
}

// A byte order mark is dropped from a document; UTF-16 is refused with one error naming it.
func TestReadEncoding(t *testing.T) {
	data, err := readFile("testdata/validate/valid.json")
	require.NoError(t, err)
	dir := t.TempDir()
	withBOM := filepath.Join(dir, "bom.json")
	require.NoError(t, os.WriteFile(withBOM, append([]byte{0xEF, 0xBB, 0xBF}, data...), 0o644))
	got, err := readFile(withBOM)
	require.NoError(t, err)
	assert.Equal(t, data, got)

	utf16 := filepath.Join(dir, "utf16.json")
	require.NoError(t, os.WriteFile(utf16, []byte("\xff\xfe{\x00}\x00"), 0o644))
	_, err = readFile(utf16)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "UTF-16")
}
