package contribution

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"strconv"
	"sync"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/internal/jsondec"
)

// Hash is a SHA-256 digest. In JSON it is 64 lower-case hexadecimal digits.
type Hash [sha256.Size]byte

// String returns the hash in hexadecimal.
func (h Hash) String() string { return hex.EncodeToString(h[:]) }

// MarshalText returns the hash in hexadecimal, so that JSON shows it as a string.
func (h Hash) MarshalText() ([]byte, error) { return hex.AppendEncode(nil, h[:]), nil }

// UnmarshalText parses 64 hexadecimal digits.
func (h *Hash) UnmarshalText(b []byte) error {
	if len(b) != 2*len(h) {
		return &civic.FieldError{Code: civic.CodeBadHash, Args: []any{string(b)}}
	}
	if _, err := hex.Decode(h[:], b); err != nil {
		return &civic.FieldError{Code: civic.CodeBadHash, Args: []any{string(b)}}
	}
	return nil
}

// IsZero reports whether h is all zeros: the "previous hash" of the first entry.
func (h Hash) IsZero() bool { return h == Hash{} }

// Entry is one line of the decision journal: a transition of one proposal.
//
// Hash is the SHA-256 of the entry's canonical encoding (see [Entry.Canonical]), which
// includes Prev, the hash of the entry before it (zero for the first): the entries form a
// chain, so that changing, inserting, moving or removing an entry in the middle breaks it
// where it was done, unless every later hash is recomputed. Cutting the last entries or
// rewriting the whole chain is caught only against a published [Head]: see
// [VerifyJournalWith] and the package documentation on what a journal proves.
type Entry struct {
	Seq      int64     `json:"seq"`      // 1 for the first entry, then consecutive
	Time     time.Time `json:"time"`     // when the action was taken, in UTC
	Proposal string    `json:"proposal"` // the proposal's ID
	Action   Action    `json:"action"`
	From     State     `json:"from"`
	To       State     `json:"to"`
	Actor    string    `json:"actor"` // the actor's ID
	Role     Role      `json:"role"`
	Reason   string    `json:"reason,omitempty"`
	Prev     Hash      `json:"prev"`
	Hash     Hash      `json:"hash"`
}

// canonicalTag starts every canonical encoding, naming its version.
const canonicalTag = "civic-journal-v1"

// Canonical appends the entry's canonical encoding to dst: the tag "civic-journal-v1",
// then Seq, Time (RFC 3339 with nanoseconds, UTC), Proposal, Action, From, To, Actor,
// Role, Reason, each as its decimal byte length, a colon, its bytes and a comma (as
// netstrings), then the 32 bytes of Prev. Hash is not part of it.
func (e *Entry) Canonical(dst []byte) []byte {
	dst = append(dst, canonicalTag...)
	var num [24]byte
	dst = netstring(dst, strconv.AppendInt(num[:0], e.Seq, 10))
	var ts [40]byte
	dst = netstring(dst, e.Time.UTC().AppendFormat(ts[:0], time.RFC3339Nano))
	dst = netstringS(dst, e.Proposal)
	dst = netstringS(dst, string(e.Action))
	dst = netstringS(dst, string(e.From))
	dst = netstringS(dst, string(e.To))
	dst = netstringS(dst, e.Actor)
	dst = netstringS(dst, string(e.Role))
	dst = netstringS(dst, e.Reason)
	return append(dst, e.Prev[:]...)
}

func netstring(dst, b []byte) []byte {
	dst = strconv.AppendInt(dst, int64(len(b)), 10)
	dst = append(dst, ':')
	dst = append(dst, b...)
	return append(dst, ',')
}

func netstringS(dst []byte, s string) []byte {
	dst = strconv.AppendInt(dst, int64(len(s)), 10)
	dst = append(dst, ':')
	dst = append(dst, s...)
	return append(dst, ',')
}

// ComputeHash returns the SHA-256 of the entry's canonical encoding.
func (e *Entry) ComputeHash() Hash {
	var buf [512]byte
	return sha256.Sum256(e.Canonical(buf[:0]))
}

// Journal is an append-only, hash-chained decision journal. The zero value is an empty
// journal. It is safe for concurrent use.
type Journal struct {
	mu     sync.Mutex
	chunks [][]Entry // blocks of chunkSize entries, so that appending never copies old entries
	n      int
	head   Hash
	last   time.Time // the time of the last entry
	buf    []byte
}

// chunkSize is the number of entries of each block of a [Journal].
const chunkSize = 1024

// each calls f for every entry in order, until f returns false. The caller holds j.mu.
func (j *Journal) each(f func(e *Entry) bool) {
	for _, c := range j.chunks {
		for i := range c {
			if !f(&c[i]) {
				return
			}
		}
	}
}

// Append seals e as the next entry: it sets Seq, Prev and Hash, stores the time in UTC
// without its monotonic reading and its texts in NFC, and returns the sealed entry. What
// it hashes is exactly what [Journal.WriteTo] writes and [ReadJournal] reads back, so a
// journal it builds always verifies. It refuses, changing nothing, an entry the journal
// could not read back or that goes back in time ([Journal.Check]).
func (j *Journal) Append(e Entry) (Entry, error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.appendLocked(e)
}

// Check reports, as a [*civic.FieldError], why [Journal.Append] would refuse e (nil when
// it would not): a time before the last entry's ([civic.CodeTimeBackwards]), a text that
// is not valid UTF-8 ([civic.CodeInvalidUTF8]), a time outside the years 0000–9999
// ([civic.CodeInvalidTime]) or an entry whose line would exceed [MaxEntryBytes]
// ([civic.CodeTooLarge]).
func (j *Journal) Check(e *Entry) error {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.checkLocked(e)
}

// MaxEntryBytes bounds the line of one entry as written, line feed included: the longest
// line [ReadJournal] reads back.
const MaxEntryBytes = 1 << 20

func (j *Journal) checkLocked(e *Entry) error {
	t := e.Time.UTC()
	if t.Before(j.last) {
		return &civic.FieldError{Path: civic.Path{}.Key("time"), Code: civic.CodeTimeBackwards,
			Args: []any{t.Format(time.RFC3339Nano), j.last.Format(time.RFC3339Nano)}}
	}
	if y := t.Year(); y < 0 || y > 9999 {
		return &civic.FieldError{Path: civic.Path{}.Key("time"), Code: civic.CodeInvalidTime, Args: []any{t.String()}}
	}
	for _, f := range [...]struct {
		name, s string
	}{{"proposal", e.Proposal}, {"action", string(e.Action)}, {"from", string(e.From)}, {"to", string(e.To)},
		{"actor", e.Actor}, {"role", string(e.Role)}, {"reason", e.Reason}} {
		if !utf8.ValidString(f.s) {
			return &civic.FieldError{Path: civic.Path{}.Key(f.name), Code: civic.CodeInvalidUTF8}
		}
	}
	// The longest line: every byte of the texts escaped as \u00XX, plus the rest.
	if n := entryOverhead + 6*(len(e.Proposal)+len(e.Action)+len(e.From)+len(e.To)+len(e.Actor)+len(e.Role)+len(e.Reason)); n > MaxEntryBytes {
		if len(e.AppendJSON(nil))+1 > MaxEntryBytes {
			return &civic.FieldError{Path: civic.Path{}.Key("reason"), Code: civic.CodeTooLarge, Args: []any{MaxEntryBytes}}
		}
	}
	return nil
}

// entryOverhead bounds the bytes of a line besides its texts: member names, numbers,
// time, hashes, the line feed.
const entryOverhead = 400

// nfc returns s in NFC, without allocating when it already is.
func nfc(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			if norm.NFC.IsNormalString(s) {
				return s
			}
			return norm.NFC.String(s)
		}
	}
	return s
}

func (j *Journal) appendLocked(e Entry) (Entry, error) {
	e.Proposal, e.Actor, e.Reason = nfc(e.Proposal), nfc(e.Actor), nfc(e.Reason)
	e.Action, e.From, e.To, e.Role = Action(nfc(string(e.Action))), State(nfc(string(e.From))), State(nfc(string(e.To))), Role(nfc(string(e.Role)))
	if err := j.checkLocked(&e); err != nil {
		return Entry{}, err
	}
	e.Seq = int64(j.n) + 1
	e.Time = e.Time.UTC().Round(0)
	e.Prev = j.head
	j.buf = e.Canonical(j.buf[:0])
	e.Hash = sha256.Sum256(j.buf)
	j.push(e)
	return e, nil
}

// push stores a sealed entry.
func (j *Journal) push(e Entry) {
	if j.n%chunkSize == 0 {
		j.chunks = append(j.chunks, make([]Entry, 0, chunkSize))
	}
	last := &j.chunks[len(j.chunks)-1]
	*last = append(*last, e)
	j.n++
	j.head = e.Hash
	j.last = e.Time
}

// lastTime returns the time of the last entry, zero for an empty journal.
func (j *Journal) lastTime() time.Time {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.last
}

// Len returns the number of entries.
func (j *Journal) Len() int {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.n
}

// Head returns the sequence number and hash of the last entry, zero for an empty journal.
// Publishing the head lets anyone check later that a journal they are given extends the
// one that was published ([VerifyJournalWith]).
func (j *Journal) Head() Head {
	j.mu.Lock()
	defer j.mu.Unlock()
	return Head{Seq: int64(j.n), Hash: j.head}
}

// Entries returns a copy of the entries, in order.
func (j *Journal) Entries() []Entry {
	j.mu.Lock()
	defer j.mu.Unlock()
	out := make([]Entry, 0, j.n)
	for _, c := range j.chunks {
		out = append(out, c...)
	}
	return out
}

// History returns the entries of one proposal, in order.
func (j *Journal) History(proposal string) []Entry {
	j.mu.Lock()
	defer j.mu.Unlock()
	var out []Entry
	j.each(func(e *Entry) bool {
		if e.Proposal == proposal {
			out = append(out, *e)
		}
		return true
	})
	return out
}

// LoadJournal returns a journal holding entries, after checking that they form a valid
// chain ([VerifyEntries]); the entries are copied.
func LoadJournal(entries []Entry) (*Journal, error) {
	if err := VerifyEntries(entries); err != nil {
		return nil, err
	}
	j := &Journal{}
	for _, e := range entries {
		j.push(e)
	}
	return j, nil
}

// WriteTo writes the journal as NDJSON: one entry per line, members in a fixed order,
// times in UTC with nanoseconds, hashes in hexadecimal.
func (j *Journal) WriteTo(w io.Writer) (int64, error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	bw := bufio.NewWriterSize(w, 64<<10)
	var n int64
	var line []byte
	var err error
	j.each(func(e *Entry) bool {
		line = e.AppendJSON(line[:0])
		line = append(line, '\n')
		var m int
		m, err = bw.Write(line)
		n += int64(m)
		return err == nil
	})
	if err != nil {
		return n, err
	}
	return n, bw.Flush()
}

// AppendJSON appends the entry as one line of JSON (without the line feed) to dst.
func (e *Entry) AppendJSON(dst []byte) []byte {
	dst = append(dst, `{"seq":`...)
	dst = strconv.AppendInt(dst, e.Seq, 10)
	dst = append(dst, `,"time":"`...)
	dst = e.Time.UTC().AppendFormat(dst, time.RFC3339Nano)
	dst = append(dst, `","proposal":`...)
	dst = appendJSONString(dst, e.Proposal)
	dst = append(dst, `,"action":`...)
	dst = appendJSONString(dst, string(e.Action))
	dst = append(dst, `,"from":`...)
	dst = appendJSONString(dst, string(e.From))
	dst = append(dst, `,"to":`...)
	dst = appendJSONString(dst, string(e.To))
	dst = append(dst, `,"actor":`...)
	dst = appendJSONString(dst, e.Actor)
	dst = append(dst, `,"role":`...)
	dst = appendJSONString(dst, string(e.Role))
	if e.Reason != "" {
		dst = append(dst, `,"reason":`...)
		dst = appendJSONString(dst, e.Reason)
	}
	dst = append(dst, `,"prev":"`...)
	dst = hex.AppendEncode(dst, e.Prev[:])
	dst = append(dst, `","hash":"`...)
	dst = hex.AppendEncode(dst, e.Hash[:])
	return append(dst, `"}`...)
}

// MarshalJSON returns [Entry.AppendJSON].
func (e Entry) MarshalJSON() ([]byte, error) { return e.AppendJSON(nil), nil }

// UnmarshalJSON decodes one entry strictly (see [ReadJournal]).
func (e *Entry) UnmarshalJSON(data []byte) error {
	d := jsondec.New(data, jsondec.Limits{})
	decodeEntry(d, e)
	d.End()
	return d.Err()
}

const hexDigits = "0123456789abcdef"

// appendJSONString appends s as a JSON string, escaping quotes, backslashes, control
// characters and U+2028/U+2029, and replacing invalid UTF-8 by U+FFFD.
func appendJSONString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch c {
			case '"', '\\':
				dst = append(dst, '\\', c)
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || r == '\u2028' || r == '\u2029' {
			dst = append(dst, s[start:i]...)
			switch r {
			case '\u2028':
				dst = append(dst, `\u2028`...)
			case '\u2029':
				dst = append(dst, `\u2029`...)
			default:
				dst = append(dst, `\ufffd`...)
			}
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// decodeEntry decodes one entry, recording problems in d.
func decodeEntry(d *jsondec.Decoder, e *Entry) {
	*e = Entry{}
	if !d.Object() {
		return
	}
	var seen uint16
	for d.Next() {
		switch string(d.Key()) {
		case "seq":
			e.Seq = d.Int()
			seen |= 1
		case "time":
			e.Time = d.Time()
			seen |= 2
		case "proposal":
			e.Proposal = d.Str()
			seen |= 4
		case "action":
			e.Action = Action(d.Str())
			seen |= 8
		case "from":
			e.From = State(d.Str())
			seen |= 16
		case "to":
			e.To = State(d.Str())
			seen |= 32
		case "actor":
			e.Actor = d.Str()
			seen |= 64
		case "role":
			e.Role = Role(d.Str())
			seen |= 128
		case "reason":
			e.Reason = d.Str()
		case "prev":
			decodeHash(d, &e.Prev)
			seen |= 256
		case "hash":
			decodeHash(d, &e.Hash)
			seen |= 512
		default:
			d.Unknown()
		}
	}
	if d.Fatal() {
		return
	}
	for i, name := range [...]string{"seq", "time", "proposal", "action", "from", "to", "actor", "role", "prev", "hash"} {
		if seen&(1<<i) == 0 {
			d.Errors().Add(d.Path().Key(name), civic.CodeRequired)
		}
	}
}

func decodeHash(d *jsondec.Decoder, h *Hash) {
	s, ok := d.StrOK()
	if !ok {
		return
	}
	if len(s) != 2*len(h) {
		d.Fail(civic.CodeBadHash, s)
		return
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			d.Fail(civic.CodeBadHash, s)
			return
		}
	}
	hex.Decode(h[:], []byte(s))
}

// journalStream reads the entries of an NDJSON journal one at a time, with paths and
// localised problems.
type journalStream struct {
	rs  *jsondec.Records
	d   *jsondec.Decoder
	v   civic.ValidationError
	e   Entry
	bad bool // the current record is unusable
	// lastSyntax is the index of the last record with a syntax error, to tell a truncated
	// last line from a bad line in the middle.
	lastSyntax int
	lastErrs   int // len(v.Errors) before that record
}

func newJournalStream(r io.Reader) *journalStream {
	return &journalStream{rs: jsondec.NewRecords(r, 1<<20), d: jsondec.New(nil, jsondec.Limits{})}
}

// next decodes the next record into s.e; it returns false at the end.
func (s *journalStream) next() bool {
	if !s.rs.Next() {
		if err := s.rs.Err(); err != nil {
			s.v.Add(civic.Path{}.Index(s.rs.Index()), civic.CodeTruncated, s.rs.Index()+1)
		}
		return false
	}
	line := s.rs.Index() - 1
	path := civic.Path{}.Index(line)
	if err := s.rs.RecordErr(); err != nil {
		s.v.Add(path, civic.CodeTooLarge, 1<<20)
		s.bad = true
		return true
	}
	s.d.Reset(s.rs.Record())
	decodeEntry(s.d, &s.e)
	s.d.End()
	s.bad = false
	if errs := s.d.Err(); errs != nil {
		s.bad = true
		if s.d.Fatal() {
			s.lastSyntax, s.lastErrs = s.rs.Index(), len(s.v.Errors)
		}
		s.v.Merge(path, errs)
	}
	return true
}

// finish turns a syntax error on the last record into [civic.CodeTruncated].
func (s *journalStream) finish() {
	if s.lastSyntax != 0 && s.lastSyntax == s.rs.Index() {
		s.v.Errors = s.v.Errors[:s.lastErrs]
		s.v.Add(civic.Path{}.Index(s.lastSyntax-1), civic.CodeTruncated, s.lastSyntax)
	}
}

// ReadJournal reads an NDJSON journal strictly: every line must be an entry with every
// member, no unknown or repeated member, valid times and hashes. It returns the entries
// read and every problem at once in a [*civic.ValidationError] whose paths start with the
// 0-based line index ("[3].hash"); a cut-off last line is reported as
// [civic.CodeTruncated]. It does not verify the chain: see [VerifyEntries] and
// [VerifyJournal].
func ReadJournal(r io.Reader) ([]Entry, error) {
	s := newJournalStream(r)
	var out []Entry
	for s.next() {
		if !s.bad {
			out = append(out, s.e)
		}
	}
	s.finish()
	return out, s.v.Err()
}

// chainChecker checks the sequence numbers and hashes of entries one at a time.
type chainChecker struct {
	prevSeq  int64 // the highest sequence number so far
	prevHash Hash
	lastTime time.Time
	seen     []uint64 // bit set of the sequence numbers seen, up to maxTracked
	buf      []byte
}

// maxTracked bounds the sequence numbers remembered to detect duplicates (16 MiB of bits).
const maxTracked = 1 << 27

func (c *chainChecker) has(seq int64) bool {
	return seq > 0 && seq < maxTracked && int(seq>>6) < len(c.seen) && c.seen[seq>>6]&(1<<(seq&63)) != 0
}

func (c *chainChecker) mark(seq int64) {
	if seq <= 0 || seq >= maxTracked {
		return
	}
	for int(seq>>6) >= len(c.seen) {
		c.seen = append(c.seen, 0)
	}
	c.seen[seq>>6] |= 1 << (seq & 63)
}

// check records the problems of e, the line-th line (0-based).
func (c *chainChecker) check(v *civic.ValidationError, line int, e *Entry) {
	path := civic.Path{}.Index(line)
	if e.Time.Before(c.lastTime) {
		v.Add(path.Key("time"), civic.CodeTimeBackwards, e.Time.UTC().Format(time.RFC3339Nano), c.lastTime.UTC().Format(time.RFC3339Nano))
	} else {
		c.lastTime = e.Time
	}
	switch {
	case e.Seq == c.prevSeq+1:
	case c.has(e.Seq):
		v.Add(path.Key("seq"), civic.CodeDuplicateSeq, e.Seq)
	default:
		v.Add(path.Key("seq"), civic.CodeBadSequence, c.prevSeq+1, e.Seq)
	}
	c.mark(e.Seq)
	if e.Prev != c.prevHash {
		v.Add(path.Key("prev"), civic.CodeBrokenChain, e.Seq)
	}
	c.buf = e.Canonical(c.buf[:0])
	if sha256.Sum256(c.buf) != e.Hash {
		v.Add(path.Key("hash"), civic.CodeBadHash, e.Seq)
	}
	if e.Seq > c.prevSeq {
		c.prevSeq = e.Seq
	}
	c.prevHash = e.Hash
}

// VerifyEntries checks that entries form a valid chain: sequence numbers 1, 2, 3…, each
// Prev the Hash of the entry before, each Hash that of the entry's canonical encoding,
// times that never go backwards, checkpoints naming the head before them. It reports
// every problem, located by the entry's index, in a [*civic.ValidationError]:
// [civic.CodeBadHash] for a changed entry, [civic.CodeBrokenChain] where an entry was
// removed, inserted or moved in the middle, [civic.CodeBadSequence] and
// [civic.CodeDuplicateSeq] for the numbering, [civic.CodeTimeBackwards],
// [civic.CodeHeadMismatch]. It cannot see entries cut from the end, nor a chain rewritten
// with recomputed hashes: compare the last entry with a published [Head].
func VerifyEntries(entries []Entry) error {
	var v civic.ValidationError
	var c chainChecker
	var prev Head
	for i := range entries {
		c.check(&v, i, &entries[i])
		if entries[i].Action == ActionCheckpoint {
			checkCheckpoint(&v, civic.Path{}.Index(i), &entries[i], prev)
		}
		prev = Head{Seq: entries[i].Seq, Hash: entries[i].Hash}
	}
	return v.Err()
}

// ProposalState is what the review workflow owns of a proposal: where a replay of the
// journal leaves it. It is never taken from an author's document (see [Record]).
type ProposalState struct {
	// State is where the proposal stands; empty for a draft.
	State State `json:"state,omitempty"`
	// Version counts the workflow transitions applied to the proposal, for optimistic
	// concurrency: an action prepared on version n fails if the proposal has moved on.
	Version int64 `json:"version"`
	// Pending is the committee's decision while it is not yet published.
	Pending Decision `json:"pending,omitempty"`
	// Submitted is when the proposal was submitted, by the clock of the server that
	// journaled the submission; zero for a draft.
	Submitted time.Time `json:"submitted,omitzero"`
}

// Replayer rebuilds the state of every proposal from journal entries, checking that each
// entry follows from the ones before it by the workflow's table (guards are not evaluated:
// they depend on the call and the time, which the journal does not hold). The zero value
// is not usable: call [NewReplayer].
type Replayer struct {
	w      *Workflow
	states map[string]*ProposalState
}

// NewReplayer returns a replayer for the workflow w.
func NewReplayer(w *Workflow) *Replayer {
	return &Replayer{w: w, states: make(map[string]*ProposalState)}
}

// Apply replays one entry, recording a problem at path when it does not follow. A
// checkpoint changes no proposal: it is skipped (see [VerifyJournalWith] for its check).
func (r *Replayer) Apply(v *civic.ValidationError, path civic.Path, e *Entry) {
	if e.Action == ActionCheckpoint {
		return
	}
	st := r.states[e.Proposal]
	if st == nil {
		st = &ProposalState{State: StateDraft}
		r.states[e.Proposal] = st
	}
	if e.From != st.State {
		v.Add(path.Key("from"), civic.CodeReplayMismatch, e.Seq, e.Proposal, string(e.From), string(st.State))
		return
	}
	to, ok := r.w.Next(e.From, e.Action, e.Role)
	if !ok {
		v.Add(path.Key("action"), civic.CodeIllegalAction, string(e.Action), string(e.From))
		return
	}
	if to != e.To {
		v.Add(path.Key("to"), civic.CodeReplayMismatch, e.Seq, e.Proposal, string(e.To), string(to))
		return
	}
	commit(st, e.Action, to, e.Time)
}

// States returns the state of every proposal replayed so far, by ID.
func (r *Replayer) States() map[string]ProposalState {
	out := make(map[string]ProposalState, len(r.states))
	for id, st := range r.states {
		out[id] = *st
	}
	return out
}

// Verification is the result of [VerifyJournal].
type Verification struct {
	// Entries is the number of entries read, checkpoints included.
	Entries int `json:"entries"`
	// Checkpoints is the number of checkpoint entries among them.
	Checkpoints int `json:"checkpoints"`
	// Head is the sequence number and hash of the last entry: publish it.
	Head Head `json:"head"`
	// States is the state of every proposal, rebuilt by replaying the journal.
	States map[string]ProposalState `json:"states"`
}

// VerifyOptions are what [VerifyJournalWith] checks a journal against.
type VerifyOptions struct {
	// Head, when not nil, is a head published earlier (see [Head]): the journal must hold
	// an entry with its sequence number and hash. A journal that ends before it was cut
	// ([civic.CodeHeadMissing]); one whose entry there has another hash was rewritten or
	// forked ([civic.CodeHeadMismatch]).
	Head *Head
}

// VerifyJournal reads an NDJSON journal from r strictly, verifies its chain and replays it
// against the workflow w, in one pass and with memory bounded by the number of proposals.
// It returns what it found and, when anything is wrong, every problem in a
// [*civic.ValidationError] located by line: malformed lines, a truncated last line, bad
// hashes, broken links, bad or repeated sequence numbers, times that go backwards,
// checkpoints that do not name the head before them, and entries that do not follow from
// the state of their proposal. Without a published head it cannot tell a journal from a
// shorter or rewritten one: see [VerifyJournalWith] and the package documentation.
func VerifyJournal(r io.Reader, w *Workflow) (*Verification, error) {
	return VerifyJournalWith(r, w, VerifyOptions{})
}

// VerifyJournalWith is [VerifyJournal] against what opt says was published.
func VerifyJournalWith(r io.Reader, w *Workflow, opt VerifyOptions) (*Verification, error) {
	s := newJournalStream(r)
	var c chainChecker
	rp := NewReplayer(w)
	res := &Verification{}
	var prev Head // the head before the current entry
	for s.next() {
		res.Entries++
		if s.bad {
			// Keep the chain going from this line's claimed hash when it could be read, so
			// that one bad line is reported once, not as a cascade.
			c.prevSeq++
			prev.Seq++
			continue
		}
		line := s.rs.Index() - 1
		path := civic.Path{}.Index(line)
		c.check(&s.v, line, &s.e)
		if s.e.Action == ActionCheckpoint {
			res.Checkpoints++
			checkCheckpoint(&s.v, path, &s.e, prev)
		} else {
			rp.Apply(&s.v, path, &s.e)
		}
		if h := opt.Head; h != nil && s.e.Seq == h.Seq && s.e.Hash != h.Hash {
			s.v.Add(path.Key("hash"), civic.CodeHeadMismatch, h.Seq, h.Hash.String(), s.e.Hash.String())
		}
		prev = Head{Seq: s.e.Seq, Hash: s.e.Hash}
		res.Head = prev
	}
	s.finish()
	if h := opt.Head; h != nil && int64(res.Entries) < h.Seq {
		s.v.Add(civic.Path{}.Index(res.Entries), civic.CodeHeadMissing, res.Entries, h.Seq)
	}
	res.States = rp.States()
	return res, s.v.Err()
}
