package golden_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/civic-observatory/civic/internal/golden"
)

// recorder is a testing.TB that records failures instead of failing.
type recorder struct {
	testing.TB
	failed bool
	msg    string
}

func (r *recorder) Helper()                   {}
func (r *recorder) Errorf(f string, a ...any) { r.failed = true; r.msg = f }
func (r *recorder) Fatalf(f string, a ...any) { r.failed = true; r.msg = f }
func (r *recorder) Fatal(a ...any)            { r.failed = true }

func TestFile(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(s), 0o644))
		return p
	}
	tests := []struct {
		name, file, want, got string
		fails                 bool
	}{
		{"same text", "a.txt", "hello\n", "hello\n", false},
		{"other text", "b.txt", "hello\n", "hullo\n", true},
		{"same JSON values, other bytes", "c.json", `{"a": 1}`, `{"a":1}`, true},
		{"other JSON values", "d.json", `{"a": 1}`, `{"a": 2}`, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := write(tt.file, tt.want)
			r := &recorder{TB: t}
			golden.File(r, p, []byte(tt.got))
			require.Equal(t, tt.fails, r.failed, r.msg)
		})
	}
	r := &recorder{TB: t}
	golden.File(r, filepath.Join(dir, "missing.txt"), []byte("x"))
	require.True(t, r.failed, "a missing golden file fails outside -update")
	require.False(t, golden.Updating())
}
