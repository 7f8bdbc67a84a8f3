package budget

import (
	"bytes"
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

// TestRoundTrip writes every real file back and reads it again: same projects, costs,
// ballots and selected column.
func TestRoundTrip(t *testing.T) {
	for _, path := range realFiles(t) {
		e, _ := readFile(t, path)
		var buf bytes.Buffer
		require.NoError(t, Write(&buf, e))
		back, warns, err := Read(&buf)
		require.NoError(t, err, path)
		require.Empty(t, warns)
		require.Equal(t, e.Projects, back.Projects, path)
		require.Equal(t, e.Voters, back.Voters, path)
		require.Equal(t, e.proj, back.proj, path)
		require.Equal(t, e.pts, back.pts, path)
		require.Equal(t, e.Meta, back.Meta, path)
	}
}

func TestMoney(t *testing.T) {
	tests := []struct {
		in     string
		digits int
		want   Money
		ok     bool
	}{
		{"4000.0", 2, 400000, true}, {"1234.56", 2, 123456, true}, {"7", 0, 7, true}, {"1.500", 2, 150, true},
		{"-5", 2, -500, true}, {"1.001", 2, 0, false}, {"1e3", 2, 0, false}, {"", 2, 0, false}, {".", 2, 0, false},
		{"99999999999999999999", 2, 0, false}, {"0.5", 0, 0, false},
	}
	for _, tt := range tests {
		got, err := ParseMoney(tt.in, tt.digits)
		require.Equal(t, tt.ok, err == nil, tt.in)
		require.Equal(t, tt.want, got, tt.in)
	}
	require.Equal(t, "1,603,000.00 PLN", Money(160300000).Display(2, "PLN", false))
	require.Equal(t, "1\u202f603\u202f000,00 PLN", Money(160300000).Display(2, "PLN", true))
	require.Equal(t, "4000", Money(400000).Format(2))
	require.Equal(t, "0.05", Money(5).Format(2))
	_, err := Amount{100, "PLN"}.Add(Amount{100, "EUR"})
	require.EqualError(t, err, "budget: cannot add amounts in PLN and EUR")
	sum, err := Amount{100, "EUR"}.Add(Amount{250, "EUR"})
	require.NoError(t, err)
	require.Equal(t, "3.50 EUR", sum.String())
}
