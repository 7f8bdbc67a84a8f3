package budget

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/civic-observatory/civic/internal/shared"
)

// realFiles lists the Pabulib files of the shared folder.
func realFiles(t *testing.T) []string {
	t.Helper()
	dir := shared.Path(t, "real/civic/pabulib")
	files, err := filepath.Glob(filepath.Join(dir, "*.pb"))
	require.NoError(t, err)
	require.Len(t, files, 12)
	return files
}

func readFile(t testing.TB, path string) (*Election, []Issue) {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	e, warns, err := Read(f)
	require.NoError(t, err, path)
	return e, warns
}

func TestReadRealFiles(t *testing.T) {
	for _, path := range realFiles(t) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			e, warns := readFile(t, path)
			for _, w := range warns {
				t.Logf("%s", w.Error())
			}
			t.Logf("%d projects, %d voters, budget %s %s, %s, rule %s", len(e.Projects), e.NumVoters, e.Budget.Format(e.Digits()), e.Currency, e.VoteType, e.Rule)
		})
	}
}
