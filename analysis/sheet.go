package analysis

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/language"

	"github.com/civic-observatory/civic"
)

// Sheet is a published table of figures — a summary, acceptance [Rate]s, a
// [Representation] — written by [Sheet.Write] in text, Markdown, CSV or JSON with the
// figures of small groups masked. Build one with [RateSheet] or [RepresentationSheet], the
// domain packages' own (participation.SummarySheet), or by hand.
type Sheet struct {
	// Name identifies the sheet: a JSON key, a heading.
	Name string
	// Head names the columns (stable keys, the same in every language).
	Head []string
	Rows [][]Cell
}

// Cell is one cell of a [Sheet]: a label, or a figure with the counts it rests on.
type Cell struct {
	// Key is a label written as is; Label, when set, replaces it in text and Markdown in
	// the reader's language.
	Key   string
	Label civic.Text
	// Num is the figure, written with Digits decimals (0 for a count), when IsNum.
	Num    float64
	IsNum  bool
	Digits int
	// Percent writes Num × 100 followed by " %" in text and Markdown (CSV and JSON keep the
	// share as a fraction).
	Percent bool
	// Bases are the counts of records (people, devices, proposals) the figure rests on: it
	// is masked when any of them is from 1 to k−1.
	Bases []int64
	// Unknown says the figure does not exist (a rate over no population, a cost over no
	// known budget): "n/a" in text and Markdown, an empty field in CSV, null in JSON, never 0.
	Unknown bool
}

// LabelCell returns a cell holding a label, with its translations.
func LabelCell(key string, label civic.Text) Cell { return Cell{Key: key, Label: label} }

// CountCell returns a cell holding a count, masked when it is from 1 to k−1.
func CountCell(n int64) Cell { return Cell{Num: float64(n), IsNum: true, Bases: []int64{n}} }

// FigureCell returns a cell holding a figure with the given decimals, masked when any of
// the counts it rests on is from 1 to k−1.
func FigureCell(x float64, digits int, bases ...int64) Cell {
	return Cell{Num: x, IsNum: true, Digits: digits, Bases: bases}
}

// UnknownCell returns a number cell whose figure is unknown: "n/a" in text and Markdown,
// an empty CSV field (not flagged as masked), null in JSON.
func UnknownCell() Cell { return Cell{IsNum: true, Unknown: true} }

// ShareCell returns a cell holding a share (a fraction of 1), written as a percentage in
// text and Markdown, masked like [FigureCell].
func ShareCell(x float64, bases ...int64) Cell {
	return Cell{Num: x, IsNum: true, Digits: 4, Percent: true, Bases: bases}
}

// Masked reports whether the cell is masked under threshold k (k ≤ 1 masks nothing).
func (c Cell) Masked(k int) bool {
	for _, n := range c.Bases {
		if masked(n, k) {
			return true
		}
	}
	return false
}

// text returns the cell as a person reads it.
func (c Cell) text(k int, tag language.Tag) string {
	switch {
	case !c.IsNum:
		if c.Label != nil {
			if s := c.Label.Get(tag); s != "" {
				return s
			}
		}
		return c.Key
	case c.Unknown:
		return "n/a"
	case c.Masked(k):
		return "<" + strconv.Itoa(k)
	case c.Percent:
		return strconv.FormatFloat(100*c.Num, 'f', max(c.Digits-2, 0), 64) + " %"
	}
	return strconv.FormatFloat(c.Num, 'f', c.Digits, 64)
}

// value returns the cell for CSV ("" when masked) and JSON (nil when masked).
func (c Cell) value(k int) (string, any) {
	switch {
	case !c.IsNum:
		return c.Key, c.Key
	case c.Unknown, c.Masked(k):
		return "", nil
	case c.Digits == 0:
		return strconv.FormatFloat(c.Num, 'f', 0, 64), int64(c.Num)
	}
	return strconv.FormatFloat(c.Num, 'f', c.Digits, 64), json.Number(strconv.FormatFloat(c.Num, 'f', c.Digits, 64))
}

// JSON returns the sheet's rows as objects keyed by the column names, masked figures being
// nil, ready to be encoded alone or with other sheets.
func (sh *Sheet) JSON(k int) []map[string]any {
	out := make([]map[string]any, 0, len(sh.Rows))
	for _, r := range sh.Rows {
		m := make(map[string]any, len(r))
		for i, c := range r {
			if i < len(sh.Head) {
				_, m[sh.Head[i]] = c.value(k)
			}
		}
		out = append(out, m)
	}
	return out
}

// Write writes the sheet as "text", "md", "csv" or "json", masking every figure that rests
// on a count from 1 to k−1 ("<k" in text and Markdown, null in JSON; in CSV an empty
// field, with a flag column per number column, "NAME_masked", true or false, after the
// sheet's columns, so that number columns hold numbers only). Labels are given in the language of tag in text and Markdown. A sheet masks each
// figure on its own (primary suppression); tables also hide the totals that would reveal
// a masked count (see [Table.Write]).
func (sh *Sheet) Write(w io.Writer, format string, k int, tag language.Tag) error {
	switch format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(map[string]any{"name": sh.Name, "k": k, "rows": sh.JSON(k)})
	case "csv":
		// Numbers only in number columns: a masked figure is an empty field, and a flag
		// column per number column ("rate_masked": true or false) says which.
		var numeric []int
		for i := range sh.Head {
			if slices.ContainsFunc(sh.Rows, func(r []Cell) bool { return i < len(r) && r[i].IsNum }) {
				numeric = append(numeric, i)
			}
		}
		head := slices.Clone(sh.Head)
		for _, i := range numeric {
			head = append(head, sh.Head[i]+"_masked")
		}
		cw := csv.NewWriter(w)
		cw.Write(mapStrings(head, csvCell))
		line := make([]string, len(head))
		for _, r := range sh.Rows {
			clear(line)
			for i, c := range r {
				if i < len(sh.Head) {
					line[i], _ = c.value(k)
					if !c.IsNum {
						line[i] = csvCell(line[i])
					}
				}
			}
			for j, i := range numeric {
				if i < len(r) && r[i].IsNum {
					line[len(sh.Head)+j] = strconv.FormatBool(r[i].Masked(k))
				}
			}
			cw.Write(line)
		}
		cw.Flush()
		return cw.Error()
	case "md", "text", "":
	default:
		return fmt.Errorf("analysis: unknown format %q (want text, md, csv or json)", format)
	}
	grid := [][]string{sh.Head}
	for _, r := range sh.Rows {
		line := make([]string, len(sh.Head))
		for i, c := range r {
			if i < len(line) {
				line[i] = c.text(k, tag)
			}
		}
		grid = append(grid, line)
	}
	if format == "md" {
		for i, r := range grid {
			io.WriteString(w, "|")
			for _, c := range r {
				io.WriteString(w, " "+mdCell(c)+" |")
			}
			io.WriteString(w, "\n")
			if i == 0 {
				io.WriteString(w, "|"+strings.Repeat(" --- |", len(r))+"\n")
			}
		}
		return nil
	}
	for _, r := range grid {
		for i, c := range r {
			r[i] = textCell(c)
		}
	}
	widths := make([]int, len(sh.Head))
	for _, r := range grid {
		for i, c := range r {
			widths[i] = max(widths[i], len([]rune(c)))
		}
	}
	for _, r := range grid {
		var b strings.Builder
		for i, c := range r {
			pad := strings.Repeat(" ", widths[i]-len([]rune(c)))
			if i == 0 {
				b.WriteString(c + pad)
			} else {
				b.WriteString("  " + pad + c)
			}
		}
		io.WriteString(w, strings.TrimRight(b.String(), " ")+"\n")
	}
	return nil
}

// RateSheet returns acceptance rates as a sheet (category, accepted, decided, rate). The
// number accepted is masked when it or the number refused is from 1 to k−1 (with the
// number decided, either gives the other), the rate likewise, the number decided when it is.
func RateSheet(name string, rates []Rate) *Sheet {
	sh := &Sheet{Name: name, Head: []string{"category", "accepted", "decided", "rate"}}
	for _, r := range rates {
		acc, dec := int64(r.Accepted), int64(r.Decided)
		sh.Rows = append(sh.Rows, []Cell{{Key: r.Category},
			{Num: float64(acc), IsNum: true, Bases: []int64{acc, dec - acc}},
			CountCell(dec),
			ShareCell(r.Rate, acc, dec, dec-acc)})
	}
	return sh
}

// RepresentationSheet returns a representation as a sheet (category, participants, share,
// reference, ratio), each category's figures masked when its count is from 1 to k−1, then
// a last row with the total variation distance.
func RepresentationSheet(name string, r Representation) *Sheet {
	sh := &Sheet{Name: name, Head: []string{"category", "participants", "share", "reference", "ratio"}}
	var total int64
	for _, row := range r.Rows {
		ratio := UnknownCell()
		if row.Ratio != nil {
			ratio = FigureCell(*row.Ratio, 2, row.Count)
		}
		sh.Rows = append(sh.Rows, []Cell{{Key: row.Category}, CountCell(row.Count), ShareCell(row.Share, row.Count),
			ShareCell(row.Reference), ratio})
		total += row.Count
	}
	sh.Rows = append(sh.Rows, []Cell{LabelCell("tvd", civic.NewText("distance de variation totale", "total variation distance")),
		CountCell(total), FigureCell(r.TVD, 3, total)})
	return sh
}
