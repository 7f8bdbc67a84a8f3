package participation_test

import (
	"io"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/participation"
)

// endless yields the same byte for ever, counting what it gave.
type endless struct {
	b    byte
	read int64
}

func (e *endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = e.b
	}
	e.read += int64(len(p))
	return len(p), nil
}

// A row longer than MaxRow stops reading with too_large at its row, having read little
// more than the limit (issue 12: a 300 MB header name was read whole and echoed to stderr).
func TestCSVRowLimit(t *testing.T) {
	for name, in := range map[string]func() (io.Reader, *endless){
		"endless header": func() (io.Reader, *endless) { e := &endless{b: 'x'}; return e, e },
		"endless quoted field": func() (io.Reader, *endless) {
			e := &endless{b: '\n'}
			return io.MultiReader(strings.NewReader(csvOf(t, false)+`d9,"`), e), e
		},
	} {
		t.Run(name, func(t *testing.T) {
			r, e := in()
			_, _, err := readAll2(r)
			require.Error(t, err)
			var fe *civic.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, civic.CodeTooLarge, fe.Code)
			assert.Equal(t, []any{participation.MaxRow}, fe.Args)
			assert.Less(t, e.read, int64(participation.MaxRow+256<<10))
		})
	}
}

// Echoed fields and header names are cut, and one row reports a bounded number of
// problems.
func TestCSVEchoAndProblemCap(t *testing.T) {
	long := strings.Repeat("é", 5000)
	_, _, err := readAll(long + "," + strings.Repeat("y,", 3000) + "z\n")
	require.Error(t, err)
	errs := civic.FieldErrors(err)
	assert.LessOrEqual(t, len(errs), 101)
	assert.Equal(t, civic.CodeTooManyProblems, errs[len(errs)-1].Code)
	arg := errs[0].Args[0].(string)
	assert.True(t, utf8.ValidString(arg))
	assert.LessOrEqual(t, len(arg), 64+len("…"))
	assert.True(t, strings.HasSuffix(arg, "…"))

	en := csvOf(t, false)
	_, rows, err := readAll(en + "d9," + strings.Repeat("n", 1000) + strings.Repeat(",x", 4000) + "\n")
	require.NoError(t, err)
	assert.LessOrEqual(t, len(rows), 101)
}

func readAll2(r io.Reader) ([]participation.Device, []string, error) {
	rd := participation.NewReader(r)
	var out []participation.Device
	var rows []string
	for {
		d, ok := rd.Next()
		if !ok {
			break
		}
		out = append(out, *d)
		rows = append(rows, problems(rd.RowErr())...)
	}
	return out, rows, rd.Err()
}
