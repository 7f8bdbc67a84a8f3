package jsondec

import (
	"bytes"
	"errors"
	"fmt"
	"io"
)

// DefaultMaxRecord is the default bound of one record of [Records], in bytes.
const DefaultMaxRecord = 16 << 20

// readChunk is the size of the reads of [Records] and of its first buffer.
const readChunk = 64 << 10

// ErrRecordTooLarge is the error of a record larger than the bound given to [NewRecords],
// returned by [Records.RecordErr] wrapped with the record's offset.
var ErrRecordTooLarge = errors.New("jsondec: record too large")

// The framing of a stream of records.
const (
	modeDetect = iota // nothing read yet
	modeArray         // a top-level array: each item is a record
	modeLines         // NDJSON: each non-blank line is a record
	modeStream        // values one after another, split by their structure
	modeDone          // nothing more
)

// Records splits a stream into JSON records with memory bounded by the largest record. The
// stream is one of:
//
//   - one JSON value, which is the only record, unless it is an array;
//   - a top-level JSON array, whose items are the records;
//   - NDJSON: one value per line, blank lines ignored (a line of white space is blank).
//
// The form is detected from the first value: an array followed by nothing but white space
// is split into its items (so NDJSON holding a single line that is an array is taken as
// that array); a value followed by more values is the first record of NDJSON, or, when the
// first value spans several lines, of a stream of concatenated values split by their
// structure. An array that is larger than the bound is split into its items as it is read.
//
// A UTF-8 byte order mark at the start of the stream is skipped; a stream in UTF-16 (or
// UTF-32) stops at once with one [FramingError] naming the encoding.
//
// Records only frames: it finds where each record starts and ends by tracking strings,
// escapes and nesting, and leaves the checking of each record's syntax to a [Decoder].
//
//	rs := jsondec.NewRecords(r, 0)
//	for rs.Next() {
//		if err := rs.RecordErr(); err != nil { … continue }
//		d.Reset(rs.Record()) …
//	}
//	if err := rs.Err(); err != nil { … }
type Records struct {
	r   io.Reader
	max int

	buf        []byte
	start, pos int   // buf[start:end] is kept; pos is where scanning is
	end        int   // end of the data read
	base       int64 // stream offset of buf[0]
	eof        bool
	rerr       error // read error, reported once the buffered data is used up

	mode   int
	index  int
	rec    []byte
	recErr error
	err    error
	first  []byte // detection: the first value, when it is the whole input
	begun  bool   // array mode: the opening bracket was read
	closed bool   // array mode: the closing bracket was read
}

// NewRecords returns a splitter reading r, with records bounded by maxRecord bytes
// (zero or less takes [DefaultMaxRecord]).
func NewRecords(r io.Reader, maxRecord int) *Records {
	if maxRecord <= 0 {
		maxRecord = DefaultMaxRecord
	}
	return &Records{r: r, max: maxRecord}
}

// Next moves to the next record and reports whether there is one. A record larger than
// the bound is returned with a nil [Records.Record] and a [Records.RecordErr]; Next then
// goes on with the following record when the framing allows it. At the end of the stream,
// or on an error that prevents going on, Next returns false and [Records.Err] tells
// which.
func (s *Records) Next() bool {
	s.rec, s.recErr = nil, nil
	if s.err != nil {
		return false
	}
	var ok bool
	switch s.mode {
	case modeDetect:
		ok = s.detect()
	case modeArray:
		ok = s.item()
	case modeLines:
		ok = s.line()
	case modeStream:
		ok = s.streamValue()
	}
	if ok {
		s.index++
	}
	return ok
}

// Record returns the bytes of the current record, without the white space around it.
// They are valid until the next call to Next.
func (s *Records) Record() []byte { return s.rec }

// Index returns the 1-based number of the current record.
func (s *Records) Index() int { return s.index }

// RecordErr returns the problem of the current record, an error wrapping
// [ErrRecordTooLarge], or nil.
func (s *Records) RecordErr() error { return s.recErr }

// Err returns the error that stopped the splitting: an I/O error or a *[FramingError] (an
// unterminated array or value, a missing comma between items, UTF-16 input), with its
// byte offset; nil at the end of a well-framed stream.
func (s *Records) Err() error { return s.err }

func (s *Records) fail(off int, format string, args ...any) bool {
	s.err = &FramingError{Offset: s.base + int64(off), Detail: fmt.Sprintf(format, args...)}
	s.mode = modeDone
	return false
}

// FramingError is the error of a stream that cannot be split into records: an
// unterminated array or value (a truncated document), a missing comma between items, data
// after the top-level array, or input in another encoding than UTF-8.
type FramingError struct {
	Offset   int64  // byte offset in the stream
	Detail   string // what is wrong, in English
	Encoding string // "UTF-16" when the input is UTF-16 (or UTF-32), else ""
}

func (e *FramingError) Error() string {
	return fmt.Sprintf("jsondec: byte %d: %s", e.Offset, e.Detail)
}

// bom is the UTF-8 byte order mark, which [Records] skips at the start of a stream.
var bom = []byte{0xEF, 0xBB, 0xBF}

// sniff looks at the first bytes of the stream: it skips a UTF-8 byte order mark, and
// stops with a [FramingError] naming the encoding when the stream is UTF-16 or UTF-32
// (a byte order mark, or a NUL byte among the first two, which JSON text never holds).
func (s *Records) sniff() bool {
	for s.end-s.pos < 4 && s.fill() {
	}
	if s.err != nil {
		return false
	}
	b := s.buf[s.pos:s.end]
	switch {
	case bytes.HasPrefix(b, bom):
		s.pos += len(bom)
		s.start = s.pos
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}) || bytes.HasPrefix(b, []byte{0xFF, 0xFE}) ||
		len(b) >= 2 && (b[0] == 0) != (b[1] == 0) || len(b) >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0:
		s.err = &FramingError{Offset: s.base + int64(s.pos), Detail: "the input is UTF-16, not UTF-8: convert it (iconv -f UTF-16 -t UTF-8)", Encoding: "UTF-16"}
		s.mode = modeDone
		return false
	}
	return true
}

// fill reads more data, keeping buf[start:end]; false at the end of the input or on an
// I/O error (s.err is then set).
func (s *Records) fill() bool {
	if s.eof {
		if s.rerr != nil && s.err == nil {
			s.err = s.rerr
			s.mode = modeDone
		}
		return false
	}
	if s.start > 0 {
		n := copy(s.buf, s.buf[s.start:s.end])
		s.base += int64(s.start)
		s.pos -= s.start
		s.end = n
		s.start = 0
	}
	if s.end == len(s.buf) {
		size := 2 * len(s.buf)
		if size < readChunk {
			size = readChunk
		}
		if limit := s.max + readChunk; size > limit && len(s.buf) < limit {
			size = limit
		}
		nb := make([]byte, size)
		copy(nb, s.buf[:s.end])
		s.buf = nb
	}
	for range 100 {
		n, err := s.r.Read(s.buf[s.end:])
		s.end += n
		if err != nil {
			s.eof = true
			if err != io.EOF {
				s.rerr = err
			}
			if n == 0 {
				return s.fill()
			}
			return true
		}
		if n > 0 {
			return true
		}
	}
	s.eof, s.rerr = true, io.ErrNoProgress
	return s.fill()
}

// skipSpace moves pos past white space, dropping it; it returns the next byte, or false
// at the end of the input.
func (s *Records) skipSpace() (byte, bool) {
	for {
		for s.pos < s.end {
			if c := s.buf[s.pos]; !isSpace(c) {
				s.start = s.pos
				return c, true
			}
			s.pos++
		}
		s.start = s.pos
		if !s.fill() {
			return 0, false
		}
	}
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\r' || c == '\t' }

// Outcomes of scanning a value.
const (
	scanDone     = iota // buf[start:pos] is the value
	scanTooLarge        // the value is larger than the bound (skipped to its end when asked)
	scanEOF             // the input ended inside the value
	scanFailed          // I/O error
)

// value scans the value whose first byte is at start = pos, by its structure only. When
// discard is false it stops with scanTooLarge as soon as the value is larger than the
// bound, keeping what it read; otherwise it drops the bytes of a value over the bound and
// goes on to its end.
func (s *Records) value(discard bool) int {
	c0 := s.buf[s.pos]
	s.pos++
	depth := 0
	inStr, esc := c0 == '"', false
	if c0 == '{' || c0 == '[' {
		depth = 1
	}
	scalar := !inStr && depth == 0
	over := false
	for {
		for s.pos < s.end {
			c := s.buf[s.pos]
			switch {
			case esc:
				esc = false
			case inStr:
				if c == '\\' {
					esc = true
				} else if c == '"' {
					inStr = false
					if depth == 0 {
						s.pos++
						return s.done(over)
					}
				}
			case scalar:
				if isSpace(c) || c == ',' || c == ']' || c == '}' || c == '[' || c == '{' || c == '"' {
					return s.done(over)
				}
			case c == '"':
				inStr = true
			case c == '{' || c == '[':
				depth++
			case c == '}' || c == ']':
				depth--
				if depth == 0 {
					s.pos++
					return s.done(over)
				}
			}
			s.pos++
		}
		if s.pos-s.start > s.max {
			if !discard {
				return scanTooLarge
			}
			over = true
		}
		if over {
			s.start = s.pos
		}
		if !s.fill() {
			if s.err != nil {
				return scanFailed
			}
			if scalar {
				return s.done(over)
			}
			return scanEOF
		}
	}
}

func (s *Records) done(over bool) int {
	if over || s.pos-s.start > s.max {
		return scanTooLarge
	}
	return scanDone
}

func (s *Records) tooLarge() {
	s.recErr = fmt.Errorf("%w: record %d at byte %d is larger than %d bytes", ErrRecordTooLarge, s.index+1, s.base+int64(s.start), s.max)
}

// detect reads the first value and chooses the framing.
func (s *Records) detect() bool {
	if !s.sniff() {
		return false
	}
	c, ok := s.skipSpace()
	if !ok {
		s.mode = modeDone
		return false
	}
	if c == '[' {
		switch s.value(false) {
		case scanFailed:
			return false
		case scanEOF:
			// A truncated array: its complete items are records, then the framing
			// error.
			s.pos = s.start
			s.mode = modeArray
			return s.item()
		case scanTooLarge:
			// Too large to be one record: a top-level array, split as it is read.
			s.pos = s.start
			s.mode = modeArray
			return s.item()
		}
		s.first = append(s.first[:0], s.buf[s.start:s.pos]...)
		firstOff := s.base + int64(s.start)
		s.start = s.pos
		if _, more := s.skipSpace(); !more {
			if s.err != nil {
				return false
			}
			// The whole input is one array: split the copy of it.
			s.r, s.eof, s.rerr = bytes.NewReader(s.first), false, nil
			s.start, s.pos, s.end, s.base = 0, 0, 0, firstOff
			s.mode = modeArray
			return s.item()
		}
		s.rec = s.first
		s.mode = s.after(s.first)
		return true
	}
	st := s.value(true)
	switch st {
	case scanFailed:
		return false
	case scanEOF:
		return s.fail(s.start, "unterminated value")
	case scanTooLarge:
		s.tooLarge()
		s.start = s.pos
		s.mode = modeLines
		return true
	}
	s.first = append(s.first[:0], s.buf[s.start:s.pos]...)
	s.start = s.pos
	s.rec = s.first
	if _, more := s.skipSpace(); !more {
		if s.err != nil {
			return false
		}
		s.mode = modeDone
		return true
	}
	s.mode = s.after(s.first)
	return true
}

// after returns the framing of the values that follow the first one.
func (s *Records) after(first []byte) int {
	if bytes.IndexByte(first, '\n') >= 0 {
		return modeStream
	}
	return modeLines
}

// line returns the next non-blank line.
func (s *Records) line() bool {
	over := false
	for {
		if i := bytes.IndexByte(s.buf[s.pos:s.end], '\n'); i >= 0 {
			nl := s.pos + i
			rec := bytes.TrimSpace(s.buf[s.start:nl])
			recStart := s.start
			s.start, s.pos = nl+1, nl+1
			switch {
			case over || nl-recStart > s.max:
				s.start = recStart
				s.tooLarge()
				s.start = nl + 1
				return true
			case len(rec) == 0:
				continue
			}
			s.rec = rec
			return true
		}
		s.pos = s.end
		if s.pos-s.start > s.max {
			over = true
		}
		if over {
			s.start = s.pos
		}
		if !s.fill() {
			if s.err != nil {
				return false
			}
			s.mode = modeDone
			rec := bytes.TrimSpace(s.buf[s.start:s.end])
			if over {
				s.tooLarge()
				return true
			}
			if len(rec) == 0 {
				return false
			}
			s.rec = rec
			return true
		}
	}
}

// streamValue returns the next value of a stream of concatenated values.
func (s *Records) streamValue() bool {
	if _, ok := s.skipSpace(); !ok {
		s.mode = modeDone
		return false
	}
	switch s.value(true) {
	case scanFailed:
		return false
	case scanEOF:
		return s.fail(s.start, "unterminated value")
	case scanTooLarge:
		s.tooLarge()
		s.start = s.pos
		return true
	}
	s.rec = s.buf[s.start:s.pos]
	s.start = s.pos
	return true
}

// item returns the next item of a top-level array.
func (s *Records) item() bool {
	if s.closed {
		return false
	}
	c, ok := s.skipSpace()
	if !ok {
		if s.err == nil {
			s.fail(s.pos, "unterminated array")
		}
		return false
	}
	if !s.begun {
		// c is '['.
		s.begun = true
		s.pos++
		if c, ok = s.skipSpace(); !ok {
			if s.err == nil {
				s.fail(s.pos, "unterminated array")
			}
			return false
		}
		if c == ']' {
			return s.close()
		}
	} else {
		switch c {
		case ']':
			return s.close()
		case ',':
			s.pos++
			if c, ok = s.skipSpace(); !ok {
				if s.err == nil {
					s.fail(s.pos, "unterminated array")
				}
				return false
			}
		default:
			return s.fail(s.pos, "expected ',' or ']' after an item of the top-level array")
		}
	}
	if c == ']' || c == ',' {
		return s.fail(s.pos, "expected an item of the top-level array")
	}
	switch s.value(true) {
	case scanFailed:
		return false
	case scanEOF:
		return s.fail(s.start, "unterminated array")
	case scanTooLarge:
		s.tooLarge()
		s.start = s.pos
		return true
	}
	s.rec = s.buf[s.start:s.pos]
	s.start = s.pos
	return true
}

// close handles the closing bracket of the top-level array: only white space may follow.
func (s *Records) close() bool {
	s.closed = true
	s.pos++
	s.start = s.pos
	if _, more := s.skipSpace(); more {
		return s.fail(s.pos, "data after the top-level array")
	}
	s.mode = modeDone
	return false
}
