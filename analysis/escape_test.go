package analysis_test

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civic-observatory/civic/analysis"
)

// Categories written by users cannot act in the program that opens a table (issue 12: CSV
// cells started with = + - @, Markdown passed <img onerror>).
func TestTableEscapesCategories(t *testing.T) {
	payloads := []string{`=HYPERLINK("http://x","y")`, "+1+1", "-2+3", "@SUM(A1)", "\tx", "<img src=x onerror=alert(1)>", "a|b\nc", "\x1b[31mred\u202e"}
	tb := &analysis.Table{Row: "=row", Col: "@col", Rows: payloads, Cols: []string{"ok"},
		Counts: make([][]int64, len(payloads)), RowTotals: make([]int64, len(payloads)), ColTotals: []int64{80}, Total: 80, Records: 80}
	for i := range payloads {
		tb.Counts[i] = []int64{10}
		tb.RowTotals[i] = 10
	}
	var buf bytes.Buffer
	require.NoError(t, tb.Write(&buf, "csv", 5))
	recs, err := csv.NewReader(&buf).ReadAll()
	require.NoError(t, err)
	for _, rec := range recs {
		for _, cell := range rec[:2] {
			if cell != "" {
				assert.NotContains(t, "=+-@\t\r", cell[:1], "cell %q", cell)
			}
		}
	}
	buf.Reset()
	require.NoError(t, tb.Write(&buf, "md", 5))
	md := buf.String()
	assert.NotContains(t, md, "<img")
	assert.Contains(t, md, "&lt;img src=x onerror=alert(1)&gt;")
	assert.Contains(t, md, `a\|b`)
	buf.Reset()
	require.NoError(t, tb.Write(&buf, "text", 5))
	assert.NotContains(t, buf.String(), "\x1b")
	assert.NotContains(t, buf.String(), "\u202e")
	assert.True(t, strings.Contains(buf.String(), `\u001b[31mred\u202e`), buf.String())
}
