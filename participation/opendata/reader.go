package opendata

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/civic-observatory/civic"
)

// DefaultMaxRecord is the default limit on the size of one record (a CSV row or a JSON
// object), in bytes: proposals are a few kilobytes, and a larger record is refused rather
// than held in memory.
const DefaultMaxRecord = 4 << 20

// Options configure a [Reader].
type Options struct {
	// Source restricts the layouts accepted: SourceDecidim or SourceConsul; SourceAny
	// detects the layout from the header (CSV) or the first record's keys (JSON).
	Source Source
	// Warn receives every problem tolerated: a column the reader does not use, an unknown
	// origin, fields that contradict each other. Nil discards them.
	Warn func(*civic.FieldError)
	// MaxRecord limits a record's size in bytes; 0 means DefaultMaxRecord.
	MaxRecord int64
}

// Reader streams proposals from a platform's open data, one record at a time, with memory
// bounded by the size of one record.
type Reader struct {
	opt    Options
	lim    *limiter
	br     *bufio.Reader
	json   bool
	layout Layout
	err    error
	done   bool
	n      int // records read, for paths

	// CSV
	cr      *csv.Reader
	setters []setter
	names   []string

	// JSON
	dec   *json.Decoder
	cache map[string]setter
	keys  []string

	p      Proposal
	rowErr error
}

// errTooLarge marks a record over the limit; the reader turns it into CodeTooLarge.
var errTooLarge = errors.New("record too large")

// limiter fails a read once more than max bytes were read since the last reset: the
// reader resets it at each record, so a record can never grow past max (plus one buffer).
type limiter struct {
	r   io.Reader
	n   int64
	max int64
}

func (l *limiter) Read(p []byte) (int, error) {
	if l.n > l.max {
		return 0, errTooLarge
	}
	n, err := l.r.Read(p)
	l.n += int64(n)
	return n, err
}

// NewReader returns a reader of r, a CSV file (comma or semicolon separated, as Decidim
// can be configured to write) or a JSON array of objects (Decidim's JSON export), told
// apart by the first byte that is not white space.
func NewReader(r io.Reader, opt Options) *Reader {
	if opt.MaxRecord <= 0 {
		opt.MaxRecord = DefaultMaxRecord
	}
	lim := &limiter{r: r, max: opt.MaxRecord}
	rd := &Reader{opt: opt, lim: lim, br: bufio.NewReaderSize(lim, 64<<10)}
	if b, err := rd.br.Peek(3); err == nil && bytes.Equal(b, []byte{0xEF, 0xBB, 0xBF}) {
		rd.br.Discard(3)
	}
	for {
		b, err := rd.br.Peek(1)
		if err != nil || (b[0] != ' ' && b[0] != '\t' && b[0] != '\r' && b[0] != '\n') {
			rd.json = err == nil && (b[0] == '[' || b[0] == '{')
			break
		}
		rd.br.Discard(1)
	}
	return rd
}

// Layout returns the layout detected, once the first record or the header has been read.
func (rd *Reader) Layout() Layout { return rd.layout }

// Err returns the problem that stopped reading: an unknown layout, a missing column, a
// syntax error, a record over the size limit, or an I/O error; nil at the end of a good
// file.
func (rd *Reader) Err() error { return rd.err }

// RowErr returns the problems of the record [Reader.Next] returned — a field that does not
// parse, a field that is not UTF-8, a row with more or fewer fields than the header — with
// paths "row[5].supports" (CSV, the header being row 1) or "[4].supports" (JSON, counting
// from 0), or nil.
func (rd *Reader) RowErr() error { return rd.rowErr }

// Next reads the next proposal and reports whether there is one. A record with problems is
// returned too, with [Reader.RowErr]. The proposal is overwritten by the next call.
func (rd *Reader) Next() (*Proposal, bool) {
	if rd.done {
		return nil, false
	}
	if rd.json {
		return rd.nextJSON()
	}
	return rd.nextCSV()
}

func (rd *Reader) fail(err error) {
	rd.done = true
	if rd.err == nil {
		rd.err = err
	}
}

func (rd *Reader) failAt(p civic.Path, code civic.Code, args ...any) {
	rd.fail(&civic.FieldError{Path: p, Code: code, Args: args})
}

func (rd *Reader) warn(p civic.Path, code civic.Code, args ...any) {
	if rd.opt.Warn != nil {
		rd.opt.Warn(&civic.FieldError{Path: p, Code: code, Args: args})
	}
}

// sep sniffs the separator from the first line: a semicolon when it has more semicolons
// than commas outside quotes.
func (rd *Reader) sep() rune {
	b, _ := rd.br.Peek(64 << 10)
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		b = b[:i]
	}
	comma, semi, quoted := 0, 0, false
	for _, c := range b {
		switch {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == ',':
			comma++
		case c == ';':
			semi++
		}
	}
	if semi > comma {
		return ';'
	}
	return ','
}

func rowPath(n int) civic.Path { return civic.Path{}.Key("row").Index(n) }

func (rd *Reader) header() bool {
	if b, err := rd.br.Peek(2); err == nil && (bytes.Equal(b, []byte{0xFF, 0xFE}) || bytes.Equal(b, []byte{0xFE, 0xFF})) {
		rd.failAt(rowPath(1), civic.CodeEncoding, "UTF-16")
		return false
	}
	rd.cr = csv.NewReader(rd.br)
	rd.cr.Comma = rd.sep()
	rd.cr.FieldsPerRecord = -1
	rd.cr.ReuseRecord = true
	h, err := rd.cr.Read()
	rd.lim.n = 0
	rd.n = 1
	if err != nil {
		if err == io.EOF {
			rd.failAt(rowPath(1), civic.CodeRequired)
		} else {
			rd.csvError(err)
		}
		return false
	}
	rd.names = make([]string, len(h))
	for i, name := range h {
		if !utf8.ValidString(name) {
			rd.failAt(rowPath(1).Index(i), civic.CodeEncoding, firstInvalid(name))
			return false
		}
		rd.names[i] = strings.TrimSpace(name)
	}
	has := func(s string) bool { return slices.Contains(rd.names, s) }
	prefix := func(s string) bool {
		return slices.ContainsFunc(rd.names, func(n string) bool { return strings.HasPrefix(n, s) })
	}
	if !rd.setLayout(detect(has, prefix), rowPath(1)) {
		return false
	}
	var v civic.ValidationError
	for _, c := range required(rd.layout) {
		if !has(c) {
			v.Add(rowPath(1), civic.CodeMissingColumn, c)
		}
	}
	seen := map[string]bool{}
	rd.setters = make([]setter, len(rd.names))
	for i, name := range rd.names {
		if seen[name] {
			v.Add(rowPath(1).Index(i), civic.CodeDuplicate, name)
		}
		seen[name] = true
		if rd.setters[i] = resolve(rd.layout, name); rd.setters[i] == nil {
			rd.warn(rowPath(1).Index(i), civic.CodeUnusedColumn, name)
		}
	}
	if err := v.Err(); err != nil {
		rd.fail(err)
		return false
	}
	return true
}

// setLayout records the layout detected, or stops reading when there is none or the
// source asked for another.
func (rd *Reader) setLayout(l Layout, at civic.Path) bool {
	if l == "" || !rd.opt.Source.accepts(l) {
		want := string(rd.opt.Source)
		if want == "" {
			want = "decidim|consul"
		}
		rd.failAt(at, civic.CodeUnknownLayout, want, string(l))
		return false
	}
	rd.layout = l
	return true
}

func (rd *Reader) csvError(err error) {
	var pe *csv.ParseError
	switch {
	case errors.Is(err, errTooLarge):
		rd.failAt(rowPath(rd.n+1), civic.CodeTooLarge, rd.opt.MaxRecord)
	case errors.As(err, &pe):
		rd.failAt(rowPath(rd.n+1), civic.CodeCSVSyntax, pe.Line, pe.Column, pe.Err.Error())
	default:
		rd.fail(err)
	}
}

func (rd *Reader) nextCSV() (*Proposal, bool) {
	if rd.cr == nil && !rd.header() {
		return nil, false
	}
	rec, err := rd.cr.Read()
	rd.lim.n = 0
	if err == io.EOF {
		rd.done = true
		return nil, false
	}
	if err != nil {
		rd.csvError(err)
		return nil, false
	}
	rd.n++
	rd.p = Proposal{Layout: rd.layout}
	r := row{p: &rd.p, n: rd.n, warn: rd.opt.Warn}
	if len(rec) != len(rd.names) {
		r.errs.Add(r.path(), civic.CodeFieldCount, len(rec), len(rd.names))
	}
	for i, field := range rec {
		if i >= len(rd.setters) || rd.setters[i] == nil {
			continue
		}
		if !utf8.ValidString(field) {
			r.errs.Add(r.at(rd.names[i]), civic.CodeEncoding, firstInvalid(field))
			continue
		}
		rd.setters[i](&r, rd.names[i], field)
	}
	r.finish(rd.layout)
	rd.rowErr = r.errs.Err()
	return &rd.p, true
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

func (rd *Reader) nextJSON() (*Proposal, bool) {
	if rd.dec == nil {
		rd.dec = json.NewDecoder(rd.br)
		rd.dec.UseNumber()
		rd.cache = map[string]setter{}
		if t, err := rd.dec.Token(); err != nil || t != json.Delim('[') {
			rd.jsonError(err)
			return nil, false
		}
		rd.lim.n = 0
		rd.n = -1
	}
	if !rd.dec.More() {
		if _, err := rd.dec.Token(); err != nil {
			rd.jsonError(err)
			return nil, false
		}
		if _, err := rd.dec.Token(); err != io.EOF {
			rd.failAt(nil, civic.CodeSyntax, rd.dec.InputOffset(), "data after the array")
			return nil, false
		}
		rd.done = true
		return nil, false
	}
	rd.n++
	var raw any
	err := rd.dec.Decode(&raw)
	rd.lim.n = 0
	if err != nil {
		rd.jsonError(err)
		return nil, false
	}
	rd.p = Proposal{}
	r := row{p: &rd.p, n: rd.n, json: true, warn: rd.opt.Warn}
	obj, ok := raw.(map[string]any)
	if !ok {
		r.errs.Add(r.path(), civic.CodeType, "object", jsonType(raw))
		rd.rowErr = r.errs.Err()
		return &rd.p, true
	}
	rd.keys = rd.keys[:0]
	flat := map[string]string{}
	flatten("", obj, flat)
	for k := range flat {
		rd.keys = append(rd.keys, k)
	}
	slices.Sort(rd.keys)
	if rd.layout == "" {
		has := func(s string) bool { _, ok := flat[s]; return ok }
		prefix := func(s string) bool {
			return slices.ContainsFunc(rd.keys, func(k string) bool { return strings.HasPrefix(k, s) })
		}
		if !rd.setLayout(detect(has, prefix), r.path()) {
			return nil, false
		}
	}
	rd.p.Layout = rd.layout
	for _, k := range rd.keys {
		set, seen := rd.cache[k]
		if !seen {
			set = resolve(rd.layout, k)
			rd.cache[k] = set
			if set == nil {
				rd.warn(r.at(k), civic.CodeUnusedColumn, k)
			}
		}
		if set != nil {
			set(&r, k, flat[k])
		}
	}
	r.finish(rd.layout)
	rd.rowErr = r.errs.Err()
	return &rd.p, true
}

func (rd *Reader) jsonError(err error) {
	var se *json.SyntaxError
	switch {
	case errors.Is(err, errTooLarge):
		rd.failAt(civic.Path{}.Index(max(rd.n, 0)), civic.CodeTooLarge, rd.opt.MaxRecord)
	case errors.As(err, &se):
		rd.failAt(nil, civic.CodeSyntax, se.Offset, se.Error())
	case err == nil:
		rd.failAt(nil, civic.CodeType, "array", "another value")
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		rd.failAt(nil, civic.CodeSyntax, rd.dec.InputOffset(), "unexpected end of input: the file is cut short")
	default:
		rd.fail(err)
	}
}

func jsonType(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case json.Number:
		return "number"
	case string:
		return "string"
	case []any:
		return "array"
	}
	return "object"
}

// flatten writes the values of v under slash-separated keys, as Decidim's CSV export does:
// {"title": {"ca": "x"}} gives "title/ca", a list gives its items joined by ", " (nulls
// left out), null gives "".
func flatten(key string, v any, out map[string]string) {
	switch x := v.(type) {
	case map[string]any:
		for k, y := range x {
			if key != "" {
				k = key + "/" + k
			}
			flatten(k, y, out)
		}
	case []any:
		var b strings.Builder
		for _, y := range x {
			if y == nil {
				continue
			}
			if b.Len() > 0 {
				b.WriteString(", ")
			}
			b.WriteString(scalar(y))
		}
		out[key] = b.String()
	default:
		out[key] = scalar(v)
	}
}

func scalar(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case json.Number:
		return x.String()
	case bool:
		if x {
			return "true"
		}
		return "false"
	}
	b, _ := json.Marshal(v)
	return string(b)
}
