package participation

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/civic-observatory/civic"
	ctext "github.com/civic-observatory/civic/internal/text"
)

// column is one column of the CSV form of a device: its English and French headers, and
// how a device's value is written and read.
type column struct {
	en, fr   string
	json     string // JSON Pointer of the device value the column holds, for locating problems
	required bool
	get      func(d *Device) string
	set      func(d *Device, s string) civic.Code // "" when s was read, else the problem
}

// listSep separates the items of a list field (objectives, channels, indicators).
const listSep = " | "

func text(s string, f func(d *Device, s string)) func(d *Device, s string) civic.Code {
	return func(d *Device, s string) civic.Code { f(d, ctext.Normalize(s)); return "" }
}

func integer(f func(d *Device, n int64)) func(d *Device, s string) civic.Code {
	return func(d *Device, s string) civic.Code {
		if s == "" {
			return ""
		}
		n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
		if err != nil {
			return civic.CodeNumber
		}
		f(d, n)
		return ""
	}
}

func date(f func(d *Device, v civic.Date)) func(d *Device, s string) civic.Code {
	return func(d *Device, s string) civic.Code {
		if s == "" {
			return ""
		}
		v, err := civic.ParseDate(strings.TrimSpace(s))
		if err != nil {
			return civic.CodeInvalidDate
		}
		f(d, v)
		return ""
	}
}

// split returns the items of a list field, each normalised, with one allocation.
func split(s string) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	parts := make([]string, 0, strings.Count(s, "|")+1)
	for {
		item, rest, more := strings.Cut(s, "|")
		parts = append(parts, ctext.Normalize(item))
		if !more {
			return parts
		}
		s = rest
	}
}

// splitAs returns the items of a list field as values of type E.
func splitAs[E ~string](s string) []E {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	parts := make([]E, 0, strings.Count(s, "|")+1)
	for {
		item, rest, more := strings.Cut(s, "|")
		parts = append(parts, E(ctext.Normalize(item)))
		if !more {
			return parts
		}
		s = rest
	}
}

// columns returns the CSV columns, in the order they are written.
func columns() []column {
	ages := func(g string) column {
		key := "age_" + strings.NewReplacer("-", "_", "+", "_plus").Replace(g)
		return column{en: key, fr: key, json: "/outcomes/ages/" + g, get: func(d *Device) string {
			if n, ok := d.Outcomes.Ages[g]; ok {
				return strconv.FormatInt(n, 10)
			}
			return ""
		}, set: integer(func(d *Device, n int64) {
			if d.Outcomes.Ages == nil {
				d.Outcomes.Ages = map[string]int64{}
			}
			d.Outcomes.Ages[g] = n
		})}
	}
	cols := []column{
		{"id", "identifiant", "/id", true, func(d *Device) string { return d.ID }, text("", func(d *Device, s string) { d.ID = s })},
		{"name_fr", "nom_fr", "/name/fr", true, func(d *Device) string { return d.Name["fr"] }, text("", func(d *Device, s string) { setText(&d.Name, "fr", s) })},
		{"name_en", "nom_en", "/name/en", false, func(d *Device) string { return d.Name["en"] }, text("", func(d *Device, s string) { setText(&d.Name, "en", s) })},
		{"kind", "type", "/kind", true, func(d *Device) string { return string(d.Kind) }, text("", func(d *Device, s string) { d.Kind = Kind(s) })},
		{"organiser", "organisateur", "/organiser/name", true, func(d *Device) string { return d.Organiser.Name }, text("", func(d *Device, s string) { d.Organiser.Name = s })},
		{"organiser_level", "niveau", "/organiser/kind", true, func(d *Device) string { return string(d.Organiser.Kind) }, text("", func(d *Device, s string) { d.Organiser.Kind = civic.OrgKind(s) })},
		{"organiser_country", "pays", "/organiser/country", true, func(d *Device) string { return d.Organiser.Country }, text("", func(d *Device, s string) { d.Organiser.Country = s })},
		{"territory", "territoire", "/territory/name", true, func(d *Device) string { return d.Territory.Name }, text("", func(d *Device, s string) { d.Territory.Name = s })},
		{"territory_code", "code_territoire", "/territory/code", false, func(d *Device) string { return d.Territory.Code }, text("", func(d *Device, s string) { d.Territory.Code = s })},
		{"population", "population", "/territory/population", true, func(d *Device) string { return strconv.FormatInt(d.Territory.Population, 10) }, integer(func(d *Device, n int64) { d.Territory.Population = n })},
		{"role", "role_citoyen", "/role", true, func(d *Device) string { return string(d.Role) }, text("", func(d *Device, s string) { d.Role = Role(s) })},
		{"tool", "outil", "/tool/name", true, func(d *Device) string { return d.Tool.Name }, text("", func(d *Device, s string) { d.Tool.Name = s })},
		{"tool_provider", "fournisseur", "/tool/provider", false, func(d *Device) string { return d.Tool.Provider }, text("", func(d *Device, s string) { d.Tool.Provider = s })},
		{"tool_licence", "licence", "/tool/licence", false, func(d *Device) string { return d.Tool.Licence }, text("", func(d *Device, s string) { d.Tool.Licence = s })},
		{"open_source", "logiciel_libre", "/tool/openSource", true, func(d *Device) string { return strconv.FormatBool(d.Tool.OpenSource) }, func(d *Device, s string) civic.Code {
			switch strings.ToLower(strings.TrimSpace(s)) {
			case "true", "oui", "yes", "1":
				d.Tool.OpenSource = true
			case "false", "non", "no", "0", "":
				d.Tool.OpenSource = false
			default:
				return civic.CodeType
			}
			return ""
		}},
		{"economic_model", "modele_economique", "/tool/model", true, func(d *Device) string { return string(d.Tool.Model) }, text("", func(d *Device, s string) { d.Tool.Model = Model(s) })},
		{"start", "debut", "/start", true, func(d *Device) string { return d.Start.String() }, date(func(d *Device, v civic.Date) { d.Start = v })},
		{"end", "fin", "/end", false, func(d *Device) string { return d.End.String() }, date(func(d *Device, v civic.Date) { d.End = v })},
		{"objectives", "objectifs", "/objectives", false, func(d *Device) string { return strings.Join(d.Objectives, listSep) }, func(d *Device, s string) civic.Code { d.Objectives = split(s); return "" }},
		{"staff_fte", "etp", "/means/staff", false, func(d *Device) string { return strconv.FormatFloat(d.Means.Staff, 'f', -1, 64) }, func(d *Device, s string) civic.Code {
			if s == "" {
				return ""
			}
			f, err := strconv.ParseFloat(strings.ReplaceAll(strings.TrimSpace(s), ",", "."), 64)
			if err != nil {
				return civic.CodeNumber
			}
			d.Means.Staff = f
			return ""
		}},
		{"budget_eur", "budget_eur", "/means/budget", false, func(d *Device) string { return strconv.FormatInt(d.Means.Budget, 10) }, integer(func(d *Device, n int64) { d.Means.Budget = n })},
		{"currency", "devise", "/means/currency", false, func(d *Device) string { return d.Means.Currency }, text("", func(d *Device, s string) { d.Means.Currency = strings.TrimSpace(s) })},
		{"channels", "canaux", "/channels", false, func(d *Device) string {
			s := make([]string, len(d.Channels))
			for i, c := range d.Channels {
				s[i] = string(c)
			}
			return strings.Join(s, listSep)
		}, func(d *Device, s string) civic.Code { d.Channels = splitAs[Channel](s); return "" }},
		{"synthesis", "synthese", "/synthesis", false, func(d *Device) string { return d.Synthesis }, text("", func(d *Device, s string) { d.Synthesis = s })},
		{"participants", "participants", "/outcomes/participants", true, func(d *Device) string { return strconv.FormatInt(d.Outcomes.Participants, 10) }, integer(func(d *Device, n int64) { d.Outcomes.Participants = n })},
		{"contributions", "contributions", "/outcomes/contributions", true, func(d *Device) string { return strconv.FormatInt(d.Outcomes.Contributions, 10) }, integer(func(d *Device, n int64) { d.Outcomes.Contributions = n })},
		{"taken_into_account", "contributions_retenues", "/outcomes/takenIntoAccount", true, func(d *Device) string { return strconv.FormatInt(d.Outcomes.TakenIntoAccount, 10) }, integer(func(d *Device, n int64) { d.Outcomes.TakenIntoAccount = n })},
		{"decisions_changed", "decisions_modifiees", "/outcomes/decisionsChanged", false, func(d *Device) string { return strconv.FormatInt(d.Outcomes.DecisionsChanged, 10) }, integer(func(d *Device, n int64) { d.Outcomes.DecisionsChanged = n })},
	}
	for _, g := range AgeGroups() {
		cols = append(cols, ages(g))
	}
	cols = append(cols,
		column{"evaluation", "evaluation", "/evaluation/format", true, func(d *Device) string { return string(d.Evaluation.Format) }, text("", func(d *Device, s string) { d.Evaluation.Format = Format(s) })},
		column{"evaluation_responsible", "responsable_evaluation", "/evaluation/responsible", false, func(d *Device) string { return d.Evaluation.Responsible }, text("", func(d *Device, s string) { d.Evaluation.Responsible = s })},
		column{"indicators", "indicateurs", "/evaluation/indicators", false, func(d *Device) string {
			s := make([]string, len(d.Evaluation.Indicators))
			for i, in := range d.Evaluation.Indicators {
				s[i] = in.Name
			}
			return strings.Join(s, listSep)
		}, func(d *Device, s string) civic.Code {
			names := split(s)
			if len(names) > 0 {
				d.Evaluation.Indicators = make([]Indicator, len(names))
				for i, n := range names {
					d.Evaluation.Indicators[i].Name = n
				}
			}
			return ""
		}},
		column{"state", "etat", "/state", true, func(d *Device) string { return string(d.State) }, text("", func(d *Device, s string) { d.State = State(s) })},
	)
	return cols
}

func setText(t *civic.Text, lang, s string) {
	if s == "" {
		return
	}
	if *t == nil {
		*t = civic.Text{}
	}
	(*t)[lang] = s
}

// Header returns the CSV header row, in English or, when french is true, in French.
func Header(french bool) []string {
	cols := columns()
	h := make([]string, len(cols))
	for i, c := range cols {
		h[i] = c.en
		if french {
			h[i] = c.fr
		}
	}
	return h
}

// WriteCSV writes the devices as CSV, one row per device, with the English or French
// header. It is the documented subset of a device (see the package documentation): the
// description, the indicators' details and the history are left out.
func WriteCSV(w io.Writer, devices []Device, french bool) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(Header(french)); err != nil {
		return err
	}
	cols := columns()
	row := make([]string, len(cols))
	for i := range devices {
		for k, c := range cols {
			row[k] = c.get(&devices[i])
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// Reader reads devices from CSV one row at a time, with memory that does not grow with the
// input. The header names the columns, in English or in French, in any order; a missing
// required column, an unknown one or a repeated one stops reading with its problem. A
// UTF-8 byte-order mark is skipped, CRLF line ends and quoted fields with line breaks are
// accepted.
//
// The file must be UTF-8. A field that is not is reported in its row's problems with
// [civic.CodeEncoding], at its row and column, and reading goes on, so that every such
// field is listed. Latin-1 is not guessed: every byte sequence is valid Latin-1, and
// Latin-1 and Windows-1252 differ on 0x80–0x9F, so a guess could silently change names. A
// caller who knows the encoding decodes it first, for instance with
// transform.NewReader(f, charmap.ISO8859_1.NewDecoder()) from golang.org/x/text (civic
// stats --encoding latin1). A UTF-16 byte-order mark stops reading with CodeEncoding.
type Reader struct {
	cr     *csv.Reader
	cols   []column
	index  []int // CSV field → column, -1 for none
	row    int
	line   int // physical line where the current record starts
	err    error
	done   bool
	device Device
	rowErr error
	header bool
	bad    []bool // per column: the field did not parse (reused between rows)
	utf16  bool
	offset int64 // input offset of the end of the last row read
}

// MaxRow bounds the size of one CSV row (record) in bytes, quoted line breaks included: a
// longer row stops reading with [civic.CodeTooLarge] (args: limit) at its row, before it is
// held in memory whole.
const MaxRow = 1 << 20

// maxRowProblems bounds the problems reported for one row (or the header); past it, one
// [civic.CodeTooManyProblems] is reported.
const maxRowProblems = 100

// maxEcho bounds, in bytes, a field or header name echoed in a problem's arguments: a
// longer one is cut at a character boundary and ends with "…".
const maxEcho = 64

// echo returns s, cut to maxEcho bytes when longer.
func echo(s string) string {
	if len(s) <= maxEcho {
		return s
	}
	cut := maxEcho
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// rowLimiter reads from r and fails once the reader has read more than the row limit past
// the end of the last complete row, so that encoding/csv never holds an endless row.
type rowLimiter struct {
	r     io.Reader
	rd    *Reader
	read  int64 // bytes delivered
	limit int64
}

// errRowTooLarge is returned by rowLimiter; Reader turns it into CodeTooLarge.
var errRowTooLarge = errors.New("participation: CSV row too large")

func (l *rowLimiter) Read(p []byte) (int, error) {
	if l.read-l.rd.offset > l.limit {
		return 0, errRowTooLarge
	}
	n, err := l.r.Read(p)
	l.read += int64(n)
	return n, err
}

// addCapped adds a problem to v unless v holds maxRowProblems already; the first problem
// past the cap is replaced by one CodeTooManyProblems.
func addCapped(v *civic.ValidationError, path civic.Path, code civic.Code, args ...any) {
	switch n := len(v.Errors); {
	case n < maxRowProblems:
		v.Add(path, code, args...)
	case n == maxRowProblems:
		v.Add(path[:min(len(path), 2)], civic.CodeTooManyProblems, maxRowProblems)
	}
}

// NewReader returns a reader of r.
func NewReader(r io.Reader) *Reader {
	rd := &Reader{cols: columns()}
	const buf = 64 << 10
	br := bufio.NewReaderSize(&rowLimiter{r: r, rd: rd, limit: MaxRow + buf}, buf)
	if b, err := br.Peek(3); err == nil && bytes.Equal(b, []byte{0xEF, 0xBB, 0xBF}) {
		br.Discard(3)
	} else if b, err := br.Peek(2); err == nil && (bytes.Equal(b, []byte{0xFF, 0xFE}) || bytes.Equal(b, []byte{0xFE, 0xFF})) {
		rd.utf16 = true
	}
	rd.bad = make([]bool, len(rd.cols))
	cr := csv.NewReader(br)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	rd.cr = cr
	return rd
}

// firstInvalid returns the first byte of s that does not start a valid UTF-8 sequence, as
// "0xE9".
func firstInvalid(s string) string {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size <= 1 {
			return fmt.Sprintf("0x%02X", s[i])
		}
		i += size
	}
	return ""
}

// Row returns the 1-based number of the current row (record), the header being row 1. A
// quoted field with line breaks makes a row span several lines; see [Reader.Line].
func (rd *Reader) Row() int { return rd.row }

// Line returns the line of the file where the current row starts, counting from 1.
func (rd *Reader) Line() int { return rd.line }

// Next reads the next device and reports whether there is one. It returns false at the
// end of the input, and on a problem that prevents reading on (see [Reader.Err]). A row
// whose fields do not parse or whose device is invalid is still returned: its problems
// are in [Reader.RowErr], with paths "row[5].population".
func (rd *Reader) Next() (*Device, bool) {
	if rd.done {
		return nil, false
	}
	if !rd.header {
		rd.header = true
		if !rd.readHeader() {
			return nil, false
		}
	}
	rec, err := rd.cr.Read()
	rd.row++
	if err == nil && len(rec) > 0 {
		rd.line, _ = rd.cr.FieldPos(0)
	}
	rd.offset = rd.cr.InputOffset()
	if err == io.EOF {
		rd.done = true
		return nil, false
	}
	if err != nil {
		rd.fail(err)
		return nil, false
	}
	rd.device = Device{}
	rd.rowErr = nil
	var v civic.ValidationError
	if len(rec) != len(rd.index) {
		addCapped(&v, rowPath(rd.row), civic.CodeFieldCount, len(rec), len(rd.index))
	}
	bad := rd.bad
	clear(bad)
	for i, field := range rec {
		if i >= len(rd.index) || rd.index[i] < 0 {
			continue
		}
		c := rd.cols[rd.index[i]]
		if !utf8.ValidString(field) {
			addCapped(&v, rowPath(rd.row).Key(c.en), civic.CodeEncoding, firstInvalid(field))
			bad[rd.index[i]] = true
			continue
		}
		if code := c.set(&rd.device, field); code != "" {
			addCapped(&v, rowPath(rd.row).Key(c.en), code, echo(field))
			bad[rd.index[i]] = true
		}
	}
	var checked civic.ValidationError
	rd.device.Check(&checked, nil)
	for _, e := range checked.Errors {
		k, rest := rd.columnOf(e.Path)
		if k >= 0 && bad[k] {
			continue
		}
		p := rowPath(rd.row)
		if k >= 0 {
			p = p.Key(rd.cols[k].en).Join(rest)
		} else {
			p = p.Join(e.Path)
		}
		addCapped(&v, p, e.Code, e.Args...)
	}
	rd.rowErr = v.Err()
	return &rd.device, true
}

// RowErr returns the problems of the row [Reader.Next] returned — fields that do not
// parse and every validation problem of the device — with paths such as
// "row[5].population", or nil.
func (rd *Reader) RowErr() error { return rd.rowErr }

// columnOf finds the column a device path belongs to, and the rest of the path below it.
func (rd *Reader) columnOf(p civic.Path) (int, civic.Path) {
	s := p.Pointer()
	best, bestLen := -1, 0
	for k, c := range rd.cols {
		if (s == c.json || strings.HasPrefix(s, c.json+"/")) && len(c.json) > bestLen {
			best, bestLen = k, len(c.json)
		}
	}
	if best < 0 {
		return -1, nil
	}
	depth := strings.Count(rd.cols[best].json, "/")
	if depth >= len(p) {
		return best, nil
	}
	return best, p[depth:]
}

func (rd *Reader) readHeader() bool {
	rd.row, rd.line = 1, 1
	if rd.utf16 {
		rd.err, rd.done = &civic.FieldError{Path: rowPath(1), Code: civic.CodeEncoding, Args: []any{"UTF-16"}}, true
		return false
	}
	h, err := rd.cr.Read()
	rd.offset = rd.cr.InputOffset()
	if err != nil {
		if err == io.EOF {
			err = nil
			rd.err = &civic.FieldError{Path: rowPath(1), Code: civic.CodeRequired}
			rd.done = true
			return false
		}
		rd.fail(err)
		return false
	}
	var v civic.ValidationError
	rd.index = make([]int, len(h))
	found := make([]bool, len(rd.cols))
	for i, name := range h {
		name = strings.TrimSpace(name)
		rd.index[i] = -1
		for k, c := range rd.cols {
			if name == c.en || name == c.fr {
				if found[k] {
					addCapped(&v, rowPath(1).Index(i), civic.CodeDuplicate, echo(name))
				}
				rd.index[i], found[k] = k, true
			}
		}
		if rd.index[i] < 0 {
			addCapped(&v, rowPath(1).Index(i), civic.CodeUnknownColumn, echo(name))
		}
	}
	for k, c := range rd.cols {
		if c.required && !found[k] {
			addCapped(&v, rowPath(1), civic.CodeMissingColumn, c.en)
		}
	}
	if err := v.Err(); err != nil {
		rd.err, rd.done = err, true
		return false
	}
	return true
}

func (rd *Reader) fail(err error) {
	rd.done = true
	var pe *csv.ParseError
	switch {
	case errors.Is(err, errRowTooLarge):
		rd.err = &civic.FieldError{Path: rowPath(rd.row), Code: civic.CodeTooLarge, Args: []any{MaxRow}}
	case errors.As(err, &pe):
		rd.err = &civic.FieldError{Path: rowPath(rd.row), Code: civic.CodeCSVSyntax, Args: []any{pe.Line, pe.Column, pe.Err.Error()}}
	default:
		rd.err = err
	}
}

// Err returns the problem that stopped reading: a header problem, a UTF-16 file, a CSV
// syntax error (with its row, and its line and column in the file as arguments), or an I/O
// error; nil at the end of a good file.
func (rd *Reader) Err() error { return rd.err }

// rowPath is the path of a row: "row[5]" (rows count from 1, the header being row 1).
func rowPath(row int) civic.Path { return civic.Path{}.Key("row").Index(row) }
