package analysis

import (
	"cmp"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// Dimension is a way to classify records of type T: its name and the categories of a
// record (several for multi-valued dimensions such as axes or channels).
type Dimension[T any] struct {
	Name   string
	Values func(T) []string
	// single, when set, gives the one category of a single-valued dimension without
	// allocating a slice ([Count] uses it).
	single func(T) string
}

// Single returns a single-valued dimension: f gives the one category of a record.
func Single[T any](name string, f func(T) string) Dimension[T] {
	return Dimension[T]{Name: name, Values: func(x T) []string { return []string{f(x)} }, single: f}
}

// Count counts the record x in the cross-tabulation t by the row and column dimensions:
// t.Add(row.Values(x), col.Values(x)), without allocating for single-valued dimensions.
func Count[T any](t *Tab, row, col Dimension[T], x T) {
	if row.single != nil && col.single != nil {
		t.records++
		t.counts[[2]string{row.single(x), col.single(x)}]++
		return
	}
	t.Add(row.Values(x), col.Values(x))
}

// FindDimension returns the dimension with the name.
func FindDimension[T any](dims []Dimension[T], name string) (Dimension[T], bool) {
	for _, d := range dims {
		if d.Name == name {
			return d, true
		}
	}
	return Dimension[T]{}, false
}

// Tab accumulates a cross-tabulation one record at a time; its memory grows with the
// number of categories, not of records, so it can count a stream of any length.
type Tab struct {
	row, col string
	counts   map[[2]string]int64
	records  int64
}

// NewTab returns an empty cross-tabulation of the row dimension by the column dimension.
func NewTab(row, col string) *Tab {
	return &Tab{row: row, col: col, counts: map[[2]string]int64{}}
}

// Add counts one record with its categories in the two dimensions (each pair once, for
// multi-valued dimensions).
func (t *Tab) Add(rows, cols []string) {
	t.records++
	for _, r := range rows {
		for _, c := range cols {
			t.counts[[2]string{r, c}]++
		}
	}
}

// Table is a finished cross-tabulation.
type Table struct {
	Row, Col  string    `json:"-"`
	Rows      []string  `json:"rows"`
	Cols      []string  `json:"cols"`
	Counts    [][]int64 `json:"counts"`
	RowTotals []int64   `json:"rowTotals"`
	ColTotals []int64   `json:"colTotals"`
	Total     int64     `json:"total"`
	Records   int64     `json:"records"`
	// Shares, when true, makes Write print each count as a percentage of the total
	// (masked counts stay masked).
	Shares bool `json:"-"`
}

// Table returns the counts, categories sorted with the collation of the language.
func (t *Tab) Table(tag language.Tag) *Table {
	rs, cs := map[string]bool{}, map[string]bool{}
	for k := range t.counts {
		rs[k[0]], cs[k[1]] = true, true
	}
	sorted := func(m map[string]bool) []string {
		out := make([]string, 0, len(m))
		for k := range m {
			out = append(out, k)
		}
		SortCollated(out, tag)
		return out
	}
	tb := &Table{Row: t.row, Col: t.col, Rows: sorted(rs), Cols: sorted(cs), Records: t.records}
	tb.RowTotals = make([]int64, len(tb.Rows))
	tb.ColTotals = make([]int64, len(tb.Cols))
	for i, r := range tb.Rows {
		row := make([]int64, len(tb.Cols))
		for j, c := range tb.Cols {
			n := t.counts[[2]string{r, c}]
			row[j] = n
			tb.RowTotals[i] += n
			tb.ColTotals[j] += n
			tb.Total += n
		}
		tb.Counts = append(tb.Counts, row)
	}
	return tb
}

// SortCollated sorts s in the collation of the language (byte order among equals). It
// makes its own collator: a collator is not safe for concurrent use, so none is shared.
func SortCollated(s []string, tag language.Tag) {
	col := collate.New(tag, collate.Loose)
	slices.SortFunc(s, func(a, b string) int {
		if c := col.CompareString(a, b); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
}

// CrossTab counts records by two dimensions.
func CrossTab[T any](records []T, row, col Dimension[T], tag language.Tag) *Table {
	t := NewTab(row.Name, col.Name)
	for _, r := range records {
		Count(t, row, col, r)
	}
	return t.Table(tag)
}

// masked tells whether a count is published: counts from 1 to k-1 are masked (k-anonymity).
func masked(n int64, k int) bool { return n > 0 && n < int64(k) }

// Write writes the table as "text", "md", "csv" or "json", masking every count from 1 to
// k−1 (k ≤ 1 masks nothing) and, so that no masked count can be worked out again, the
// totals of the rows and columns that hold one and the grand total (printed "*"); shares
// are of the published counts. Masked counts print as "<k" in text and Markdown, null in
// JSON, which also gives every cell's share of the total. CSV is for programs: one line
// per cell with numbers in its number columns, a masked count being an empty field with a
// separate flag (see [Table.writeCSV]: columns ROW, COL, count, masked, share,
// denominator). With Shares, text and Markdown print shares of the total instead of
// counts.
func (tb *Table) Write(w io.Writer, format string, k int) error {
	sup := tb.suppress(k)
	cell := func(n int64) string {
		switch {
		case masked(n, k):
			return "<" + strconv.Itoa(k)
		case tb.Shares && sup.visible > 0:
			return strconv.FormatFloat(100*float64(n)/float64(sup.visible), 'f', 1, 64) + "%"
		}
		return strconv.FormatInt(n, 10)
	}
	total := func(n int64, hidden bool) string {
		if hidden {
			return "*"
		}
		return cell(n)
	}
	head := append([]string{tb.Row + " \\ " + tb.Col}, tb.Cols...)
	head = append(head, "total")
	rows := make([][]string, 0, len(tb.Rows)+1)
	for i, r := range tb.Rows {
		line := []string{r}
		for _, n := range tb.Counts[i] {
			line = append(line, cell(n))
		}
		rows = append(rows, append(line, total(tb.RowTotals[i], sup.row[i])))
	}
	foot := []string{"total"}
	for j, n := range tb.ColTotals {
		foot = append(foot, total(n, sup.col[j]))
	}
	rows = append(rows, append(foot, total(tb.Total, sup.any)))
	switch format {
	case "csv":
		return tb.writeCSV(w, k, sup)
	case "json":
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(tb.JSON(k))
	case "md":
		esc := mdCell
		fmt.Fprintf(w, "| %s |\n|", strings.Join(mapStrings(head, esc), " | "))
		for range head {
			io.WriteString(w, " --- |")
		}
		io.WriteString(w, "\n")
		for _, r := range rows {
			fmt.Fprintf(w, "| %s |\n", strings.Join(mapStrings(r, esc), " | "))
		}
		return nil
	case "text", "":
		head = mapStrings(head, textCell)
		for i, r := range rows {
			rows[i] = mapStrings(r, textCell)
		}
		widths := make([]int, len(head))
		for _, r := range append([][]string{head}, rows...) {
			for i, c := range r {
				widths[i] = max(widths[i], len([]rune(c)))
			}
		}
		for _, r := range append([][]string{head}, rows...) {
			for i, c := range r {
				pad := widths[i] - len([]rune(c))
				if i == 0 {
					fmt.Fprintf(w, "%s%s", c, strings.Repeat(" ", pad))
				} else {
					fmt.Fprintf(w, "  %s%s", strings.Repeat(" ", pad), c)
				}
			}
			io.WriteString(w, "\n")
		}
		return nil
	}
	return fmt.Errorf("analysis: unknown format %q (want text, md, csv or json)", format)
}

// TotalLabel names the totals in the CSV form of a table, in the row or column dimension.
const TotalLabel = "(total)"

// writeCSV writes the table for programs, one line per cell: the row's and the column's
// categories, then the count, whether it is masked, its share and the share's
// denominator. Every number column holds numbers only: a masked count (from 1 to k−1, or
// a total that would reveal one) is an empty field with masked "true", and its share is
// empty too; shares are fractions of the published counts (the denominator, on every
// line). Row totals have the column TotalLabel, column totals the row TotalLabel.
func (tb *Table) writeCSV(w io.Writer, k int, sup suppression) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{csvCell(tb.Row), csvCell(tb.Col), "count", "masked", "share", "denominator"})
	den := strconv.FormatInt(sup.visible, 10)
	line := func(r, c string, n int64, hidden bool) {
		r, c = csvCell(r), csvCell(c)
		if hidden || masked(n, k) {
			cw.Write([]string{r, c, "", "true", "", den})
			return
		}
		share := ""
		if sup.visible > 0 {
			share = strconv.FormatFloat(float64(n)/float64(sup.visible), 'f', 6, 64)
		}
		cw.Write([]string{r, c, strconv.FormatInt(n, 10), "false", share, den})
	}
	for i, r := range tb.Rows {
		for j, c := range tb.Cols {
			line(r, c, tb.Counts[i][j], false)
		}
		line(r, TotalLabel, tb.RowTotals[i], sup.row[i])
	}
	for j, c := range tb.Cols {
		line(TotalLabel, c, tb.ColTotals[j], sup.col[j])
	}
	line(TotalLabel, TotalLabel, tb.Total, sup.any)
	cw.Flush()
	return cw.Error()
}

func mapStrings(in []string, f func(string) string) []string {
	out := make([]string, len(in))
	for i, s := range in {
		out[i] = f(s)
	}
	return out
}

// TableJSON is the published form of a [Table] in JSON: counts from 1 to k−1 are null,
// as are their shares of the total; Masked counts them.
type TableJSON struct {
	Row     string       `json:"row"`
	Col     string       `json:"col"`
	K       int          `json:"k"`
	Rows    []string     `json:"rows"`
	Cols    []string     `json:"cols"`
	Counts  [][]*int64   `json:"counts"`
	Shares  [][]*float64 `json:"shares"`
	Records int64        `json:"records"`
	Masked  int          `json:"masked"`
}

// JSON returns the table as published in JSON under threshold k.
func (tb *Table) JSON(k int) TableJSON {
	sup := tb.suppress(k)
	out := TableJSON{Row: tb.Row, Col: tb.Col, K: k, Rows: tb.Rows, Cols: tb.Cols, Records: tb.Records}
	if sup.any {
		out.Records = 0 // with single-valued dimensions it is the grand total
	}
	for _, r := range tb.Counts {
		var line []*int64
		var shares []*float64
		for _, n := range r {
			if masked(n, k) {
				line, shares = append(line, nil), append(shares, nil)
				out.Masked++
			} else {
				share := float64(n) / float64(max(sup.visible, 1))
				line, shares = append(line, &n), append(shares, &share)
			}
		}
		out.Counts = append(out.Counts, line)
		out.Shares = append(out.Shares, shares)
	}
	return out
}

// suppression is what a table must hide besides its small counts, so that they cannot be
// worked out again: the total of every row and column holding a masked count, the grand
// total (and the number of records) when any count is masked, and shares computed over
// the published counts only.
type suppression struct {
	row, col []bool
	any      bool
	visible  int64 // the sum of the published cells
}

func (tb *Table) suppress(k int) suppression {
	s := suppression{row: make([]bool, len(tb.Rows)), col: make([]bool, len(tb.Cols))}
	for i, r := range tb.Counts {
		for j, n := range r {
			if masked(n, k) {
				s.row[i], s.col[j], s.any = true, true, true
			} else {
				s.visible += n
			}
		}
	}
	return s
}

// Rate is the acceptance rate of one category of records (proposals, projects): how many
// of those decided were accepted.
type Rate struct {
	Category string  `json:"category"`
	Accepted int     `json:"accepted"`
	Decided  int     `json:"decided"`
	Rate     float64 `json:"rate"`
}

// Representation compares participants with a reference population, category by
// category.
type Representation struct {
	// TVD is the total variation distance between the two distributions: half the sum of
	// the absolute differences of shares, from 0 (identical) to 1.
	TVD  float64          `json:"tvd"`
	Rows []Representative `json:"rows"`
}

// Representative is one category: its count among participants, its share, its share in
// the reference population, and their ratio (1: as represented as in the population; nil
// when the category is absent from the reference, where no ratio exists).
type Representative struct {
	Category  string   `json:"category"`
	Count     int64    `json:"count"`
	Share     float64  `json:"share"`
	Reference float64  `json:"reference"`
	Ratio     *float64 `json:"ratio"`
}

// Represent compares the observed counts with the reference shares (normalised to sum to
// 1; negative shares count as 0). Categories of the reference come first, by name, then
// those only observed.
func Represent(observed map[string]int64, reference map[string]float64) Representation {
	var total int64
	for _, n := range observed {
		total += n
	}
	var refTotal float64
	for _, s := range reference {
		refTotal += max(s, 0)
	}
	cats := slices.Sorted(maps.Keys(reference))
	for _, k := range slices.Sorted(maps.Keys(observed)) {
		if _, ok := reference[k]; !ok {
			cats = append(cats, k)
		}
	}
	var r Representation
	for _, c := range cats {
		row := Representative{Category: c, Count: observed[c]}
		if total > 0 {
			row.Share = float64(row.Count) / float64(total)
		}
		if refTotal > 0 {
			row.Reference = max(reference[c], 0) / refTotal
		}
		if row.Reference > 0 {
			ratio := row.Share / row.Reference
			row.Ratio = &ratio
		}
		r.TVD += math.Abs(row.Share-row.Reference) / 2
		r.Rows = append(r.Rows, row)
	}
	return r
}
