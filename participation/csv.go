package participation

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/civic-observatory/civic"
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
	return func(d *Device, s string) civic.Code { f(d, civic.Normalize(s)); return "" }
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

func split(s string) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	parts := strings.Split(s, "|")
	for i := range parts {
		parts[i] = civic.Normalize(parts[i])
	}
	return parts
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
			case "true", "oui", "/yes", "1":
				d.Tool.OpenSource = true
			case "false", "non", "/no", "0", "":
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
		{"channels", "canaux", "/channels", false, func(d *Device) string {
			s := make([]string, len(d.Channels))
			for i, c := range d.Channels {
				s[i] = string(c)
			}
			return strings.Join(s, listSep)
		}, func(d *Device, s string) civic.Code {
			for _, c := range split(s) {
				d.Channels = append(d.Channels, Channel(c))
			}
			return ""
		}},
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
			for _, n := range split(s) {
				d.Evaluation.Indicators = append(d.Evaluation.Indicators, Indicator{Name: n})
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
// required column or an unknown one stops reading with its problem. A byte-order mark is
// skipped, CRLF line ends and quoted fields with line breaks are accepted. The file must be
// UTF-8: the first invalid byte stops reading with [civic.CodeEncoding] (Latin-1 is not
// guessed, since a wrong guess would silently change names).
type Reader struct {
	cr     *csv.Reader
	cols   []column
	index  []int // CSV field → column, -1 for none
	row    int
	err    error
	done   bool
	device Device
	rowErr error
	header bool
	br     *bufio.Reader
	offset int64
}

// NewReader returns a reader of r.
func NewReader(r io.Reader) *Reader {
	br := bufio.NewReaderSize(r, 64<<10)
	if b, err := br.Peek(3); err == nil && bytes.Equal(b, []byte{0xEF, 0xBB, 0xBF}) {
		br.Discard(3)
	}
	rd := &Reader{br: br, cols: columns()}
	cr := csv.NewReader(&utf8Check{r: br, rd: rd})
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	rd.cr = cr
	return rd
}

// utf8Check fails on the first byte that is not UTF-8.
type utf8Check struct {
	r    io.Reader
	rd   *Reader
	tail []byte
}

var errEncoding = errors.New("participation: not UTF-8")

func (u *utf8Check) Read(p []byte) (int, error) {
	n, err := u.r.Read(p)
	buf := p[:n]
	if len(u.tail) > 0 {
		buf = append(u.tail, buf...)
	}
	// Keep a character cut by the read for the next one.
	cut := len(buf)
	for back := 1; back <= 3 && back <= len(buf); back++ {
		if utf8.RuneStart(buf[len(buf)-back]) {
			if !utf8.FullRune(buf[len(buf)-back:]) && err == nil {
				cut = len(buf) - back
			}
			break
		}
	}
	if !utf8.Valid(buf[:cut]) {
		i := 0
		for i < cut {
			r, size := utf8.DecodeRune(buf[i:cut])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			i += size
		}
		u.rd.offset += int64(i)
		return 0, errEncoding
	}
	u.rd.offset += int64(cut)
	u.tail = append(u.tail[:0], buf[cut:]...)
	return n, err
}

// Row returns the 1-based number of the current row, the header being row 1.
func (rd *Reader) Row() int { return rd.row }

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
		v.Add(rowPath(rd.row), civic.CodeFieldCount, len(rec), len(rd.index))
	}
	bad := map[int]bool{}
	for i, field := range rec {
		if i >= len(rd.index) || rd.index[i] < 0 {
			continue
		}
		c := rd.cols[rd.index[i]]
		if code := c.set(&rd.device, field); code != "" {
			v.Add(rowPath(rd.row).Key(c.en), code, field)
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
		v.Errors = append(v.Errors, &civic.FieldError{Path: p, Code: e.Code, Args: e.Args})
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
	h, err := rd.cr.Read()
	rd.row = 1
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
					v.Add(rowPath(1).Index(i), civic.CodeDuplicate, name)
				}
				rd.index[i], found[k] = k, true
			}
		}
		if rd.index[i] < 0 {
			v.Add(rowPath(1).Index(i), civic.CodeUnknownColumn, name)
		}
	}
	for k, c := range rd.cols {
		if c.required && !found[k] {
			v.Add(rowPath(1), civic.CodeMissingColumn, c.en)
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
	case errors.Is(err, errEncoding):
		rd.err = &civic.FieldError{Path: rowPath(rd.row), Code: civic.CodeEncoding, Args: []any{rd.offset}}
	case errors.As(err, &pe):
		rd.err = &civic.FieldError{Path: rowPath(pe.Line).Index(max(pe.Column-1, 0)), Code: civic.CodeSyntax, Args: []any{rd.offset, pe.Err.Error()}}
	default:
		rd.err = err
	}
}

// Err returns the problem that stopped reading: a header problem, an encoding or CSV
// syntax error (with its row and column), or an I/O error; nil at the end of a good file.
func (rd *Reader) Err() error { return rd.err }

// rowPath is the path of a row: "row[5]" (rows count from 1, the header being row 1).
func rowPath(row int) civic.Path { return civic.Path{}.Key("row").Index(row) }
