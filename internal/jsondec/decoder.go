package jsondec

import (
	"bytes"
	"encoding/binary"
	"math"
	"math/bits"
	"strconv"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/civic-observatory/civic"
)

// Default limits, used for the zero fields of [Limits].
const (
	DefaultMaxDepth    = 64       // nesting levels of arrays and objects
	DefaultMaxString   = 1 << 20  // bytes of one string as written, escapes included
	DefaultMaxItems    = 100000   // items of one array
	DefaultMaxDocument = 16 << 20 // bytes of one document
	DefaultMaxProblems = 1000     // problems reported for one document
	DefaultMaxMembers  = 100000   // members of one object
)

// Limits bound what a [Decoder] accepts. Zero (or negative) fields take the default
// constants ([DefaultMaxDepth], [DefaultMaxString], [DefaultMaxItems],
// [DefaultMaxDocument]).
type Limits struct {
	// MaxDepth bounds the nesting of arrays and objects. Opening one more records
	// [civic.CodeTooDeep] (args: limit) and stops decoding.
	MaxDepth int
	// MaxString bounds the length of one string (member names included) in bytes as
	// written between its quotes, escapes counted as written. A longer string records
	// [civic.CodeTooLarge] (args: limit) at its path and is skipped without being copied.
	MaxString int
	// MaxItems bounds the number of items of one array. The items past the limit are
	// skipped without being returned, and [civic.CodeTooMany] (args: limit, number of
	// items) is recorded at the array's path.
	MaxItems int
	// MaxMembers bounds the number of members of one object. The members past the limit
	// are skipped without being returned or checked for duplicates, and
	// [civic.CodeTooMany] (args: limit, number of members) is recorded at the object's
	// path.
	MaxMembers int
	// MaxDocument bounds the size of the document in bytes. A larger document records
	// [civic.CodeTooLarge] (args: limit) at the root and is not decoded.
	MaxDocument int
	// MaxProblems bounds the number of problems reported for one document: the decoder
	// keeps the first MaxProblems, and [Decoder.Check] reports them followed by one
	// [civic.CodeTooManyProblems] (args: limit) at the root.
	MaxProblems int
}

func (l Limits) withDefaults() Limits {
	if l.MaxDepth <= 0 {
		l.MaxDepth = DefaultMaxDepth
	}
	if l.MaxString <= 0 {
		l.MaxString = DefaultMaxString
	}
	if l.MaxItems <= 0 {
		l.MaxItems = DefaultMaxItems
	}
	if l.MaxDocument <= 0 {
		l.MaxDocument = DefaultMaxDocument
	}
	if l.MaxMembers <= 0 {
		l.MaxMembers = DefaultMaxMembers
	}
	if l.MaxProblems <= 0 {
		l.MaxProblems = DefaultMaxProblems
	}
	return l
}

// Kind is the kind of a JSON value, as [Decoder.Kind] peeks it.
type Kind uint8

// The kinds of JSON values. Invalid means that no value starts at the current position:
// a syntax error, the end of the input, or a decoder that has stopped.
const (
	Invalid Kind = iota
	Null
	Bool
	Number
	String
	Array
	Object
)

var kindNames = [...]string{"invalid", "null", "boolean", "number", "string", "array", "object"}

// String returns the JSON name of the kind ("object", "boolean"…), as [civic.CodeType]
// reports it.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "invalid"
}

// kindOf returns the kind of the value starting with byte c.
func kindOf(c byte) Kind {
	switch {
	case c == '{':
		return Object
	case c == '[':
		return Array
	case c == '"':
		return String
	case c == '-' || c >= '0' && c <= '9':
		return Number
	case c == 't' || c == 'f':
		return Bool
	case c == 'n':
		return Null
	}
	return Invalid
}

// frame is one open array or object.
type frame struct {
	obj    bool // an object; else an array
	active bool // a member or item is current: it is part of the path
	n      int  // array: index of the current item; object: members read so far
	valPos int  // offset of the current member's or item's value

	// Objects only.
	key       name                // current member name
	keysStart int                 // length of Decoder.keys when the object opened
	seenStart int                 // length of Decoder.seen when the object opened
	useSet    bool                // duplicates are looked up in set
	set       map[string]struct{} // member names of a large object; kept for reuse
}

// name locates a member name: in the document when it holds no escape, else in
// Decoder.keys, where it is unescaped.
type name struct {
	off, end int
	esc      bool
	fp       uint64 // fingerprint, to compare names quickly
}

// fingerprint returns a summary of b that equal names share.
func fingerprint(b []byte) uint64 {
	var x uint64
	if len(b) >= 8 {
		x = binary.LittleEndian.Uint64(b) ^ bits.RotateLeft64(binary.LittleEndian.Uint64(b[len(b)-8:]), 29)
	} else {
		for i, c := range b {
			x |= uint64(c) << (8 * i)
		}
	}
	return x ^ uint64(len(b))*0x9e3779b97f4a7c15
}

// name returns the bytes of a member name.
func (d *Decoder) name(n name) []byte {
	if n.esc {
		return d.keys[n.off:n.end]
	}
	return d.data[n.off:n.end]
}

// smallObject is the number of members up to which duplicates are found by a linear scan.
const smallObject = 16

// Decoder decodes one JSON document held in memory, value by value, as its caller asks
// for them. It records every problem with its path; see the package documentation.
//
// A Decoder is not safe for concurrent use. Reuse one with [Decoder.Reset] to decode many
// documents without reallocating its buffers.
type Decoder struct {
	data  []byte
	pos   int
	first int // offset of the root value
	lim   Limits
	fatal bool
	errs  *civic.ValidationError
	extra int // problems found past Limits.MaxProblems, not kept

	frames []frame
	keys   []byte // member names of the open objects that hold escapes, unescaped
	seen   []name // member names of the open objects, for duplicates
	buf    []byte // unescaped string
	nbuf   []byte // NFC string
	stack  []byte // closing brackets of the value being skipped

	short [internSlots]string // short strings already returned, to return them again
}

// Short strings (member names of string maps, codes, language tags) recur from one
// document to the next: a decoder keeps the last ones it returned in a small table and
// returns them again instead of allocating.
const (
	internMax   = 16 // bytes
	internSlots = 64 // a power of two
)

// intern returns b as a string, from d.short when it is there.
func (d *Decoder) intern(b []byte) string {
	if len(b) > internMax || len(b) == 0 {
		return string(b)
	}
	i := (fingerprint(b) * 0x9e3779b97f4a7c15) >> (64 - 6) & (internSlots - 1)
	if s := d.short[i]; s == string(b) {
		return s
	}
	s := string(b)
	d.short[i] = s
	return s
}

// New returns a decoder for data under the limits lim. The decoder reads data in place:
// data must not change while it is in use.
func New(data []byte, lim Limits) *Decoder {
	d := &Decoder{lim: lim.withDefaults()}
	d.Reset(data)
	return d
}

// Reset makes d decode data from the start, with the same limits, forgetting the
// problems recorded so far (the [civic.ValidationError] returned by [Decoder.Errors]
// before is left as it was) and keeping its buffers.
func (d *Decoder) Reset(data []byte) {
	if d.lim == (Limits{}) {
		d.lim = d.lim.withDefaults()
	}
	d.data = data
	d.pos = 0
	d.fatal = false
	d.errs = nil
	d.extra = 0
	d.frames = d.frames[:0]
	d.keys = d.keys[:0]
	d.seen = d.seen[:0]
	if len(data) > d.lim.MaxDocument {
		d.record(civic.CodeTooLarge, d.lim.MaxDocument)
		d.fatal = true
		return
	}
	d.ws()
	d.first = d.pos
}

// Limits returns the limits in force, defaults applied.
func (d *Decoder) Limits() Limits { return d.lim }

// Offset returns the byte offset of the decoder in its document.
func (d *Decoder) Offset() int { return d.pos }

// Fatal reports whether a fatal problem (syntax, nesting, document size) stopped
// decoding. After it, every method is a no-op returning a zero value.
func (d *Decoder) Fatal() bool { return d.fatal }

// Errors returns the collector of the problems recorded so far, never nil. Callers may add
// their own problems to it. It belongs to the current document: [Decoder.Reset] starts a
// new one.
func (d *Decoder) Errors() *civic.ValidationError {
	if d.errs == nil {
		d.errs = &civic.ValidationError{}
	}
	return d.errs
}

// Err returns the problems recorded so far as a *[civic.ValidationError], or nil when
// there is none. It does not allocate when there is none.
func (d *Decoder) Err() error {
	if d.errs == nil {
		return nil
	}
	return d.errs.Err()
}

// Path returns a copy of the path of the current value: the member or item that
// [Decoder.Next] or [Decoder.More] last entered, inside every enclosing one.
func (d *Decoder) Path() civic.Path {
	n := 0
	for i := range d.frames {
		if d.frames[i].active {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	p := make(civic.Path, 0, n)
	for i := range d.frames {
		f := &d.frames[i]
		switch {
		case !f.active:
		case f.obj:
			p = append(p, civic.Step{Name: string(d.name(f.key))})
		default:
			p = append(p, civic.Step{Index: f.n, IsIndex: true})
		}
	}
	return p
}

// Fail records a problem at the path of the current value. Callers use it for problems
// they find in a value they decoded, such as an identifier of the wrong form. It does
// nothing once decoding has stopped.
func (d *Decoder) Fail(code civic.Code, args ...any) {
	if d.fatal {
		return
	}
	d.record(code, args...)
}

func (d *Decoder) record(code civic.Code, args ...any) {
	if d.errs == nil {
		d.errs = &civic.ValidationError{}
	}
	if len(d.errs.Errors) >= d.lim.MaxProblems && !fatalCode(code) {
		// Past the cap, a problem is counted, not kept: memory stays bounded however many
		// wrong values a document holds. Fatal problems are kept: they say why decoding
		// stopped.
		d.extra++
		return
	}
	d.errs.Add(d.Path(), code, args...)
}

func fatalCode(c civic.Code) bool {
	return c == civic.CodeSyntax || c == civic.CodeTooDeep || c == civic.CodeInternal
}

// syntax records a syntax error at offset off and stops decoding.
func (d *Decoder) syntax(off int, detail string) {
	if d.fatal {
		return
	}
	if off >= len(d.data) {
		off = len(d.data)
		detail = "unexpected end of input"
	}
	d.record(civic.CodeSyntax, off, detail)
	d.fatal = true
}

// misuse records a programming error of the caller and stops decoding.
func (d *Decoder) misuse(detail string) {
	if d.fatal {
		return
	}
	d.record(civic.CodeInternal, "jsondec: "+detail)
	d.fatal = true
}

// ws skips white space and returns the next byte, or 0 at the end of the input.
func (d *Decoder) ws() byte {
	for d.pos < len(d.data) {
		c := d.data[d.pos]
		if c > ' ' || c != ' ' && c != '\n' && c != '\r' && c != '\t' {
			return c
		}
		d.pos++
	}
	return 0
}

// Kind returns the kind of the next value without consuming it, or Invalid when no value
// starts there (the next call that consumes a value then records the syntax error).
func (d *Decoder) Kind() Kind {
	if d.fatal {
		return Invalid
	}
	return kindOf(d.ws())
}

// mismatch handles a value that is not of the wanted type, starting with byte c: a
// CodeType problem and the value skipped, or a syntax error when no value starts there.
func (d *Decoder) mismatch(want string, c byte) {
	k := kindOf(c)
	if k == Invalid {
		d.syntax(d.pos, "expected a value")
		return
	}
	d.record(civic.CodeType, want, k.String())
	d.skipValue()
}

func (d *Decoder) top() *frame {
	if len(d.frames) == 0 {
		return nil
	}
	return &d.frames[len(d.frames)-1]
}

func (d *Decoder) push(obj bool) bool {
	if len(d.frames) >= d.lim.MaxDepth {
		d.tooDeep()
		return false
	}
	n := len(d.frames)
	if n < cap(d.frames) {
		d.frames = d.frames[:n+1]
	} else {
		d.frames = append(d.frames, frame{})
	}
	f := &d.frames[n]
	f.obj, f.active, f.n, f.valPos = obj, false, 0, 0
	if obj {
		f.keysStart, f.seenStart, f.useSet = len(d.keys), len(d.seen), false
	}
	return true
}

func (d *Decoder) tooDeep() {
	d.record(civic.CodeTooDeep, d.lim.MaxDepth)
	d.fatal = true
}

func (d *Decoder) pop() {
	f := d.top()
	if f.obj {
		d.keys = d.keys[:f.keysStart]
		d.seen = d.seen[:f.seenStart]
	}
	d.frames = d.frames[:len(d.frames)-1]
}

// Object expects an object as the next value and enters it: the caller then loops on
// [Decoder.Next] until it returns false. When the value is of another type, Object records
// [civic.CodeType] (args: "object", the type found), skips the value and returns false.
func (d *Decoder) Object() bool {
	if d.fatal {
		return false
	}
	if c := d.ws(); c != '{' {
		d.mismatch("object", c)
		return false
	}
	if !d.push(true) {
		return false
	}
	d.pos++
	return true
}

// Next moves to the next member of the object entered by [Decoder.Object], whose name is
// then [Decoder.Key] and whose value is the next value, and returns true; or it leaves the
// object at its end and returns false. A member whose name was already given in the same
// object is recorded as [civic.CodeDuplicateKey] (args: name) and skipped, and so is a
// name that is not valid UTF-8 ([civic.CodeInvalidUTF8]) or too long
// ([civic.CodeTooLarge], at the object's path). When the caller consumed nothing of the
// previous member's value, Next skips it.
func (d *Decoder) Next() bool {
	if d.fatal {
		return false
	}
	f := d.top()
	if f == nil || !f.obj {
		d.misuse("Next called outside an object")
		return false
	}
	if f.active && d.pos == f.valPos {
		if d.skipValue(); d.fatal {
			return false
		}
	}
	for {
		f.active = false // a separator problem is the object's
		c := d.ws()
		if f.n > 0 {
			switch c {
			case ',':
				d.pos++
				c = d.ws()
			case '}':
				d.pos++
				d.pop()
				return false
			default:
				d.syntax(d.pos, "expected ',' or '}'")
				return false
			}
		} else if c == '}' {
			d.pos++
			d.pop()
			return false
		}
		if c != '"' {
			d.syntax(d.pos, "expected a member name")
			return false
		}
		key, st := d.readKey()
		if d.fatal {
			return false
		}
		if d.ws() != ':' {
			d.syntax(d.pos, "expected ':'")
			return false
		}
		d.pos++
		d.ws()
		f.n++
		f.valPos = d.pos
		if f.n > d.lim.MaxMembers {
			return d.tooManyMembers(f)
		}
		if st == keyTooLarge {
			d.record(civic.CodeTooLarge, d.lim.MaxString)
			if d.skipValue(); d.fatal {
				return false
			}
			continue
		}
		f.key, f.active = key, true
		if st == keyBadUTF8 {
			d.record(civic.CodeInvalidUTF8)
			if d.skipValue(); d.fatal {
				return false
			}
			continue
		}
		if d.duplicate(f) {
			d.record(civic.CodeDuplicateKey, string(d.name(key)))
			if d.skipValue(); d.fatal {
				return false
			}
			continue
		}
		d.seen = append(d.seen, key)
		return true
	}
}

const (
	keyOK = iota
	keyTooLarge
	keyBadUTF8
)

// readKey reads the member name at d.pos (a '"'); a name with escapes is unescaped into
// d.keys.
func (d *Decoder) readKey() (name, int) {
	start := d.pos + 1
	end, flags := d.scanString(d.pos)
	if d.fatal {
		return name{}, keyOK
	}
	d.pos = end + 1
	if end-start > d.lim.MaxString {
		return name{}, keyTooLarge
	}
	raw := d.data[start:end]
	n := name{off: start, end: end}
	if flags&strEscape != 0 {
		var bad bool
		n.off, n.esc = len(d.keys), true
		d.keys, bad = unescape(d.keys, raw)
		n.end = len(d.keys)
		raw = d.keys[n.off:]
		if bad {
			return n, keyBadUTF8
		}
	}
	if flags != 0 && !utf8.Valid(raw) {
		return n, keyBadUTF8
	}
	n.fp = fingerprint(raw)
	return n, keyOK
}

// duplicate reports whether the current member name of f was already given in f.
func (d *Decoder) duplicate(f *frame) bool {
	key := d.name(f.key)
	if f.useSet {
		if _, ok := f.set[string(key)]; ok {
			return true
		}
		f.set[string(key)] = struct{}{}
		return false
	}
	prev := d.seen[f.seenStart:]
	for _, n := range prev {
		if n.fp == f.key.fp && bytes.Equal(d.name(n), key) {
			return true
		}
	}
	if len(prev) >= smallObject {
		if f.set == nil {
			f.set = make(map[string]struct{}, 2*smallObject)
		} else {
			clear(f.set)
		}
		for _, n := range prev {
			f.set[string(d.name(n))] = struct{}{}
		}
		f.set[string(key)] = struct{}{}
		f.useSet = true
	}
	return false
}

// Key returns the name of the current member, unescaped. The bytes are valid until the
// next call to a method of d; switch string(d.Key()) compares without allocating.
func (d *Decoder) Key() []byte {
	f := d.top()
	if f == nil || !f.obj || !f.active {
		return nil
	}
	return d.name(f.key)
}

// Unknown records [civic.CodeUnknownField] (args: name) at the current member and skips
// its value.
func (d *Decoder) Unknown() {
	if d.fatal {
		return
	}
	f := d.top()
	if f == nil || !f.obj || !f.active {
		d.misuse("Unknown called outside an object member")
		return
	}
	d.record(civic.CodeUnknownField, string(d.name(f.key)))
	d.skipValue()
}

// Array expects an array as the next value and enters it: the caller then loops on
// [Decoder.More] until it returns false. When the value is of another type, Array records
// [civic.CodeType] (args: "array", the type found), skips the value and returns false.
func (d *Decoder) Array() bool {
	if d.fatal {
		return false
	}
	if c := d.ws(); c != '[' {
		d.mismatch("array", c)
		return false
	}
	if !d.push(false) {
		return false
	}
	d.pos++
	return true
}

// More moves to the next item of the array entered by [Decoder.Array] and returns true,
// the item being the next value; or it leaves the array at its end and returns false.
// Items past [Limits.MaxItems] are skipped and counted, and [civic.CodeTooMany] is
// recorded at the array's path. When the caller consumed nothing of the previous item,
// More skips it.
func (d *Decoder) More() bool {
	if d.fatal {
		return false
	}
	f := d.top()
	if f == nil || f.obj {
		d.misuse("More called outside an array")
		return false
	}
	if f.active && d.pos == f.valPos {
		if d.skipValue(); d.fatal {
			return false
		}
	}
	c := d.ws()
	if f.active {
		f.active = false // a separator problem is the array's
		switch c {
		case ',':
			d.pos++
			d.ws()
		case ']':
			d.pos++
			d.pop()
			return false
		default:
			d.syntax(d.pos, "expected ',' or ']'")
			return false
		}
		f.n++
	} else if c == ']' {
		d.pos++
		d.pop()
		return false
	}
	if f.n >= d.lim.MaxItems {
		return d.tooMany(f)
	}
	f.active = true
	f.valPos = d.pos
	return true
}

// tooMany skips the items of the array f from the current one, which is past the limit,
// and records CodeTooMany with the number of items.
func (d *Decoder) tooMany(f *frame) bool {
	f.active = false
	got := f.n
	for {
		if d.skipValue(); d.fatal {
			return false
		}
		got++
		c := d.ws()
		if c == ']' {
			break
		}
		if c != ',' {
			d.syntax(d.pos, "expected ',' or ']'")
			return false
		}
		d.pos++
	}
	d.pos++
	d.record(civic.CodeTooMany, d.lim.MaxItems, got)
	d.pop()
	return false
}

// tooManyMembers skips the members of the object f from the current one, which is past
// the limit, and records CodeTooMany with the number of members: the names past the limit
// are neither kept nor checked for duplicates, so that memory stays bounded.
func (d *Decoder) tooManyMembers(f *frame) bool {
	f.active = false
	got := f.n
	for {
		if d.skipValue(); d.fatal {
			return false
		}
		c := d.ws()
		if c == '}' {
			break
		}
		if c != ',' {
			d.syntax(d.pos, "expected ',' or '}'")
			return false
		}
		d.pos++
		if d.ws() != '"' {
			d.syntax(d.pos, "expected a member name")
			return false
		}
		if d.skipValue(); d.fatal {
			return false
		}
		if d.ws() != ':' {
			d.syntax(d.pos, "expected ':'")
			return false
		}
		d.pos++
		got++
	}
	d.pos++
	d.record(civic.CodeTooMany, d.lim.MaxMembers, got)
	d.pop()
	return false
}

// Skip skips the next value, checking its syntax.
func (d *Decoder) Skip() {
	if d.fatal {
		return
	}
	d.skipValue()
}

// skipValue skips one value, without recursion: d.stack holds the closing bracket of
// every container it opened.
func (d *Decoder) skipValue() {
	st := d.stack[:0]
	defer func() { d.stack = st[:0] }()
	for {
		// A value.
		c := d.ws()
		switch c {
		case '{', '[':
			if len(d.frames)+len(st) >= d.lim.MaxDepth {
				d.tooDeep()
				return
			}
			d.pos++
			e := d.ws()
			if c == '{' {
				if e == '}' {
					d.pos++
					break
				}
				st = append(st, '}')
				if !d.skipName() {
					return
				}
				continue
			}
			if e == ']' {
				d.pos++
				break
			}
			st = append(st, ']')
			continue
		case '"':
			end, _ := d.scanString(d.pos)
			if d.fatal {
				return
			}
			d.pos = end + 1
		case 't':
			if !d.literal("true") {
				return
			}
		case 'f':
			if !d.literal("false") {
				return
			}
		case 'n':
			if !d.literal("null") {
				return
			}
		default:
			if c == '-' || c >= '0' && c <= '9' {
				if _, ok := d.scanNumber(); !ok {
					return
				}
				break
			}
			d.syntax(d.pos, "expected a value")
			return
		}
		// After a value: close containers, or go on to the next member or item.
		for {
			if len(st) == 0 {
				return
			}
			c := d.ws()
			closing := st[len(st)-1]
			if c == closing {
				d.pos++
				st = st[:len(st)-1]
				continue
			}
			if c != ',' {
				if closing == '}' {
					d.syntax(d.pos, "expected ',' or '}'")
				} else {
					d.syntax(d.pos, "expected ',' or ']'")
				}
				return
			}
			d.pos++
			if closing == '}' {
				d.ws()
				if !d.skipName() {
					return
				}
			}
			break
		}
	}
}

// skipName skips a member name and its colon, at d.pos after white space.
func (d *Decoder) skipName() bool {
	if d.pos >= len(d.data) || d.data[d.pos] != '"' {
		d.syntax(d.pos, "expected a member name")
		return false
	}
	end, _ := d.scanString(d.pos)
	if d.fatal {
		return false
	}
	d.pos = end + 1
	if d.ws() != ':' {
		d.syntax(d.pos, "expected ':'")
		return false
	}
	d.pos++
	return true
}

func (d *Decoder) literal(lit string) bool {
	if !bytes.HasPrefix(d.data[d.pos:], []byte(lit)) {
		d.syntax(d.pos, "invalid literal")
		return false
	}
	d.pos += len(lit)
	return true
}

// Flags of a scanned string.
const (
	strEscape   = 1 << iota // holds a backslash escape
	strNonASCII             // holds bytes ≥ 0x80
)

// Bytes repeated eight times, to find special bytes eight at a time.
const (
	lsb = 0x0101010101010101
	msb = 0x8080808080808080
)

// special marks the bytes that stop the fast scan of a string.
var special = func() (t [256]bool) {
	for i := range 0x20 {
		t[i] = true
	}
	for i := 0x80; i < 256; i++ {
		t[i] = true
	}
	t['"'], t['\\'] = true, true
	return t
}()

// scanString checks the syntax of the string whose opening quote is at i and returns the
// offset of its closing quote. It records a syntax error when the string is malformed.
func (d *Decoder) scanString(i int) (int, int) {
	data := d.data
	j := i + 1
	flags := 0
	for {
		// Eight bytes at a time while none is special.
		for j+8 <= len(data) {
			x := binary.LittleEndian.Uint64(data[j:])
			q := x ^ (lsb * '"')
			b := x ^ (lsb * '\\')
			if ((x-lsb*0x20)&^x|(q-lsb)&^q|(b-lsb)&^b|x)&msb != 0 {
				break
			}
			j += 8
		}
		for j < len(data) && !special[data[j]] {
			j++
		}
		if j >= len(data) {
			d.syntax(i, "unterminated string")
			return 0, 0
		}
		switch c := data[j]; {
		case c == '"':
			return j, flags
		case c == '\\':
			flags |= strEscape
			if j+1 >= len(data) {
				d.syntax(i, "unterminated string")
				return 0, 0
			}
			switch data[j+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				j += 2
			case 'u':
				if j+6 > len(data) || !isHex4(data[j+2:j+6]) {
					d.syntax(j, "invalid \\u escape")
					return 0, 0
				}
				j += 6
			default:
				d.syntax(j, "invalid escape")
				return 0, 0
			}
		case c < 0x20:
			d.syntax(j, "control character in string")
			return 0, 0
		default:
			flags |= strNonASCII
			j++
			for j < len(data) && data[j] >= 0x80 {
				j++
			}
		}
	}
}

func isHex4(b []byte) bool {
	for _, c := range b[:4] {
		if hexVal(c) < 0 {
			return false
		}
	}
	return true
}

func hexVal(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c - 'a' + 10)
	case c >= 'A' && c <= 'F':
		return int(c - 'A' + 10)
	}
	return -1
}

func hex4(b []byte) rune {
	return rune(hexVal(b[0])<<12 | hexVal(b[1])<<8 | hexVal(b[2])<<4 | hexVal(b[3]))
}

// unescape appends the string raw, whose syntax scanString checked, to dst with its
// escapes decoded. bad reports a lone surrogate escape, which is not valid UTF-8 (it is
// written as U+FFFD).
func unescape(dst, raw []byte) (out []byte, bad bool) {
	for {
		k := bytes.IndexByte(raw, '\\')
		if k < 0 {
			return append(dst, raw...), bad
		}
		dst = append(dst, raw[:k]...)
		raw = raw[k:]
		switch raw[1] {
		case 'u':
			r := hex4(raw[2:6])
			raw = raw[6:]
			if r >= 0xd800 && r < 0xdc00 {
				if len(raw) >= 6 && raw[0] == '\\' && raw[1] == 'u' {
					if r2 := hex4(raw[2:6]); r2 >= 0xdc00 && r2 < 0xe000 {
						dst = utf8.AppendRune(dst, (r-0xd800)<<10|(r2-0xdc00)+0x10000)
						raw = raw[6:]
						continue
					}
				}
				r, bad = utf8.RuneError, true
			} else if r >= 0xdc00 && r < 0xe000 {
				r, bad = utf8.RuneError, true
			}
			dst = utf8.AppendRune(dst, r)
			continue
		case 'b':
			dst = append(dst, '\b')
		case 'f':
			dst = append(dst, '\f')
		case 'n':
			dst = append(dst, '\n')
		case 'r':
			dst = append(dst, '\r')
		case 't':
			dst = append(dst, '\t')
		default: // '"', '\\', '/'
			dst = append(dst, raw[1])
		}
		raw = raw[2:]
	}
}

// Str expects a string and returns it unescaped and normalised to NFC. (It is not named
// String so that a Decoder is not a [fmt.Stringer]: printing one must not consume a value.) On a value of
// another type it records [civic.CodeType] (args: "string", the type found); on a string
// that is not valid UTF-8, [civic.CodeInvalidUTF8]; on one longer than [Limits.MaxString],
// [civic.CodeTooLarge]. In each case it skips the value and returns "".
func (d *Decoder) Str() string {
	s, _ := d.str()
	return s
}

// StrOK is [Decoder.Str] that also reports whether a string was decoded, telling a
// recorded problem from the empty string.
func (d *Decoder) StrOK() (string, bool) { return d.str() }

func (d *Decoder) str() (string, bool) {
	if d.fatal {
		return "", false
	}
	if c := d.ws(); c != '"' {
		d.mismatch("string", c)
		return "", false
	}
	start := d.pos + 1
	end, flags := d.scanString(d.pos)
	if d.fatal {
		return "", false
	}
	d.pos = end + 1
	if end-start > d.lim.MaxString {
		d.record(civic.CodeTooLarge, d.lim.MaxString)
		return "", false
	}
	b := d.data[start:end]
	if flags == 0 {
		return d.intern(b), true
	}
	if flags&strEscape != 0 {
		var bad bool
		d.buf, bad = unescape(d.buf[:0], b)
		b = d.buf
		if bad {
			d.record(civic.CodeInvalidUTF8)
			return "", false
		}
	}
	switch checkText(b) {
	case textInvalid:
		d.record(civic.CodeInvalidUTF8)
		return "", false
	case textMaybe:
		if !norm.NFC.IsNormal(b) {
			d.nbuf = norm.NFC.Append(d.nbuf[:0], b...)
			b = d.nbuf
		}
	}
	return d.intern(b), true
}

// Outcomes of checkText.
const (
	textNFC     = iota // valid UTF-8, in NFC
	textMaybe          // valid UTF-8, to check for NFC
	textInvalid        // not valid UTF-8
)

// checkText checks that b is valid UTF-8 and whether it is plainly in NFC: made only of
// characters that are in NFC on their own and never combine with the character before them
// (see nfcStable), which is the case of nearly all French and English text.
func checkText(b []byte) int {
	out := textNFC
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return textInvalid
		}
		if !nfcStable(r) {
			out = textMaybe
		}
		i += n
	}
	return out
}

// nfcStable reports whether r is in NFC on its own, has combining class 0 and combines
// with no character before it, so that text made of such characters is in NFC: Latin-1,
// Latin Extended-A and B, IPA and spacing modifiers (below the combining diacritical marks
// at U+0300), general punctuation (’ “ ” – — … and the narrow no-break space) and currency
// signs. TestNFCStable checks each against golang.org/x/text/unicode/norm.
func nfcStable(r rune) bool {
	return r < 0x300 || r >= 0x2010 && r <= 0x2064 || r >= 0x20a0 && r <= 0x20c0
}

// scanNumber checks the syntax of the number at d.pos and moves past it. isInt reports
// a number with neither fraction nor exponent.
func (d *Decoder) scanNumber() (isInt, ok bool) {
	data := d.data
	j := d.pos
	if j < len(data) && data[j] == '-' {
		j++
	}
	switch {
	case j < len(data) && data[j] == '0':
		j++
	case j < len(data) && data[j] >= '1' && data[j] <= '9':
		j++
		for j < len(data) && data[j] >= '0' && data[j] <= '9' {
			j++
		}
	default:
		d.syntax(j, "invalid number")
		return false, false
	}
	isInt = true
	if j < len(data) && data[j] == '.' {
		j++
		if j >= len(data) || data[j] < '0' || data[j] > '9' {
			d.syntax(j, "invalid number")
			return false, false
		}
		for j < len(data) && data[j] >= '0' && data[j] <= '9' {
			j++
		}
		isInt = false
	}
	if j < len(data) && (data[j] == 'e' || data[j] == 'E') {
		j++
		if j < len(data) && (data[j] == '+' || data[j] == '-') {
			j++
		}
		if j >= len(data) || data[j] < '0' || data[j] > '9' {
			d.syntax(j, "invalid number")
			return false, false
		}
		for j < len(data) && data[j] >= '0' && data[j] <= '9' {
			j++
		}
		isInt = false
	}
	d.pos = j
	return isInt, true
}

// number expects a number and returns its text.
func (d *Decoder) number(want string) (tok []byte, isInt, ok bool) {
	if d.fatal {
		return nil, false, false
	}
	c := d.ws()
	if c != '-' && (c < '0' || c > '9') {
		d.mismatch(want, c)
		return nil, false, false
	}
	start := d.pos
	if isInt, ok = d.scanNumber(); !ok {
		return nil, false, false
	}
	return d.data[start:d.pos], isInt, true
}

// Int expects an integer: a number without fraction, or whose fraction and exponent give
// an integer (2.0, 1e3). Numbers that are not integers (1.5) or do not fit in an int64
// (1e400) are recorded as [civic.CodeNumber] (args: the number as written); other values
// as [civic.CodeType] (args: "integer", the type found). On a problem Int returns 0.
func (d *Decoder) Int() int64 {
	tok, isInt, ok := d.number("integer")
	if !ok {
		return 0
	}
	if isInt {
		neg := tok[0] == '-'
		digits := tok
		if neg {
			digits = tok[1:]
		}
		var u uint64
		for _, c := range digits {
			if u > (math.MaxUint64-9)/10 {
				d.record(civic.CodeNumber, string(tok))
				return 0
			}
			u = u*10 + uint64(c-'0')
		}
		switch {
		case !neg && u <= math.MaxInt64:
			return int64(u)
		case neg && u <= 1<<63:
			return -int64(u-1) - 1
		}
		d.record(civic.CodeNumber, string(tok))
		return 0
	}
	f, err := strconv.ParseFloat(string(tok), 64)
	if err != nil || !integral(tok) || f != math.Trunc(f) || f < -(1<<63) || f >= 1<<63 {
		d.record(civic.CodeNumber, string(tok))
		return 0
	}
	return int64(f)
}

// integral reports whether the JSON number tok is exactly an integer, as written: its
// digits times ten to the power its exponent less its fraction digits has no fraction.
// 2.0 and 1e3 are integers; 42000.0000000000000001 and 1e-999 are not, though float64
// rounds them to one.
func integral(tok []byte) bool {
	i := 0
	if i < len(tok) && tok[i] == '-' {
		i++
	}
	var digits []byte
	for ; i < len(tok) && tok[i] >= '0' && tok[i] <= '9'; i++ {
		digits = append(digits, tok[i])
	}
	frac := 0
	if i < len(tok) && tok[i] == '.' {
		for i++; i < len(tok) && tok[i] >= '0' && tok[i] <= '9'; i++ {
			digits = append(digits, tok[i])
			frac++
		}
	}
	exp := 0
	if i < len(tok) && (tok[i] == 'e' || tok[i] == 'E') {
		i++
		neg := false
		if i < len(tok) && (tok[i] == '+' || tok[i] == '-') {
			neg = tok[i] == '-'
			i++
		}
		for ; i < len(tok) && tok[i] >= '0' && tok[i] <= '9'; i++ {
			if exp < 1<<20 {
				exp = exp*10 + int(tok[i]-'0')
			}
		}
		if neg {
			exp = -exp
		}
	}
	scale := exp - frac
	if scale >= 0 {
		return true
	}
	// The value is digits × 10^scale: an integer when digits ends with -scale zeros, or is 0.
	zeros, nonzero := 0, false
	for j := len(digits) - 1; j >= 0; j-- {
		if digits[j] != '0' {
			nonzero = true
			break
		}
		zeros++
	}
	return !nonzero || zeros >= -scale
}

// Float expects a number and returns it. A number out of the range of float64 (1e400) is
// recorded as [civic.CodeNumber] (args: the number as written); another value as
// [civic.CodeType] (args: "number", the type found). On a problem Float returns 0.
func (d *Decoder) Float() float64 {
	tok, _, ok := d.number("number")
	if !ok {
		return 0
	}
	f, err := strconv.ParseFloat(string(tok), 64)
	if err != nil {
		d.record(civic.CodeNumber, string(tok))
		return 0
	}
	return f
}

// Bool expects true or false. On another value it records [civic.CodeType] (args:
// "boolean", the type found), skips it and returns false.
func (d *Decoder) Bool() bool {
	if d.fatal {
		return false
	}
	switch d.ws() {
	case 't':
		return d.literal("true")
	case 'f':
		d.literal("false")
		return false
	}
	d.mismatch("boolean", d.ws())
	return false
}

// Null consumes the next value and returns true when it is null; otherwise it consumes
// nothing and returns false. Optional members are decoded with
//
//	if !d.Null() { v = d.Str() }
func (d *Decoder) Null() bool {
	if d.fatal || d.ws() != 'n' {
		return false
	}
	return d.literal("null")
}

// StringMap expects an object whose members are strings, such as localised text
// ({"fr": "…", "en": "…"}), and calls fn for each member whose value is a valid string, in
// document order. Problems are recorded as by [Decoder.Object] and [Decoder.Str].
func (d *Decoder) StringMap(fn func(key, value string)) {
	if !d.Object() {
		return
	}
	for d.Next() {
		k := d.Key()
		if v, ok := d.str(); ok {
			fn(d.intern(k), v)
		}
	}
}

// Strings expects an array of strings and returns it, an empty non-nil slice for []. An
// item that is not a valid string is recorded as by [Decoder.Str] and returned as "",
// so that indexes stay those of the document. On a value that is not an array Strings
// returns nil.
func (d *Decoder) Strings() []string {
	if !d.Array() {
		return nil
	}
	out := []string{}
	for d.More() {
		out = append(out, d.Str())
	}
	return out
}

// Date expects a string holding a [civic.Date] ("2019", "2019-03", "2019-03-18") and
// returns it. A string that is not one is recorded as [civic.CodeInvalidDate] (args: the
// string); the zero Date is returned on any problem.
func (d *Decoder) Date() civic.Date {
	s, ok := d.str()
	if !ok {
		return civic.Date{}
	}
	v, err := civic.ParseDate(s)
	if err != nil {
		d.record(civic.CodeInvalidDate, s)
		return civic.Date{}
	}
	return v
}

// Time expects a string holding an RFC 3339 time and returns it. A string that is not one
// is recorded as [civic.CodeInvalidTime] (args: the string); the zero Time is returned on
// any problem.
func (d *Decoder) Time() time.Time {
	s, ok := d.str()
	if !ok {
		return time.Time{}
	}
	v, err := civic.ParseTime(s)
	if err != nil {
		d.record(civic.CodeInvalidTime, s)
		return time.Time{}
	}
	return v
}

// End finishes the document: it skips what the caller left of the root value (or the
// whole root value when the caller read none of it), then checks that only white space
// follows, recording [civic.CodeSyntax] otherwise.
func (d *Decoder) End() {
	if d.fatal {
		return
	}
	if len(d.frames) == 0 && d.pos == d.first {
		d.skipValue()
	}
	for len(d.frames) > 0 && !d.fatal {
		if d.top().obj {
			for d.Next() {
			}
		} else {
			for d.More() {
			}
		}
	}
	if d.fatal {
		return
	}
	if d.ws(); d.pos < len(d.data) {
		d.syntax(d.pos, "unexpected data after the top-level value")
	}
}
