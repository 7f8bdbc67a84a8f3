package contribution

import (
	"crypto/ed25519"
	"strconv"
	"strings"
	"time"

	"github.com/civic-observatory/civic"
)

// What a journal proves, and what it does not.
//
// A journal is a hash chain: each entry's hash covers its content and the hash of the
// entry before it, so the hash of the last entry, with its sequence number, commits to the
// whole history (the model is Certificate Transparency's signed tree head, RFC 6962 §3.5,
// with a chain in place of a Merkle tree).
//
// On its own, a journal proves only that it is internally consistent: no entry was changed,
// inserted, removed or moved in the middle without recomputing every hash after it, the
// times never go backwards, and every transition follows the workflow's table. It does not
// prove that it is complete or the original: whoever holds the file can cut its last
// entries, empty it, or rewrite it entirely with recomputed hashes, and it still verifies.
//
// A published [Head] closes that gap for everything up to it. Once a platform has
// published a head (with each bulk publication of decisions, say: [Board.Publish] records
// a checkpoint entry naming the head before it), anyone holding the head can check that
// a journal they are given holds that entry with that hash ([VerifyJournalWith]): cutting
// the journal below the head ([civic.CodeHeadMissing]), rewriting anything up to it, or
// handing out a fork that diverged before it ([civic.CodeHeadMismatch]) is detected.
// Signing the head with Ed25519 ([SignHead]) lets a reader check who published it.
//
// What a head cannot prove: entries after the last head anyone kept (they may be cut or
// replaced until the next publication); that two readers were shown the same journal
// (they must compare heads, as CT's gossip does); that the entries are true (a platform
// that journals a false action journals it consistently); or anything the journal does not
// hold (review scores, the proposals' content).

// ActionCheckpoint is the action of a checkpoint entry: it changes no proposal and records,
// as its reason, the head of the journal before it ("SEQ:HASH"). [Board.Publish] appends
// one after each publication, so that the published head is part of the history.
const ActionCheckpoint Action = "checkpoint"

// Head is the sequence number and hash of a journal's last entry: what a platform
// publishes so that anyone can later check a journal against it. The zero Head is the
// empty journal's. Its text form is "SEQ:HASH" (decimal, then 64 hexadecimal digits).
type Head struct {
	Seq  int64 `json:"seq"`
	Hash Hash  `json:"hash"`
}

// String returns "SEQ:HASH".
func (h Head) String() string { return strconv.FormatInt(h.Seq, 10) + ":" + h.Hash.String() }

// MarshalText returns [Head.String].
func (h Head) MarshalText() ([]byte, error) { return []byte(h.String()), nil }

// UnmarshalText parses "SEQ:HASH" ([ParseHead]).
func (h *Head) UnmarshalText(b []byte) error {
	x, err := ParseHead(string(b))
	if err != nil {
		return err
	}
	*h = x
	return nil
}

// ParseHead parses "SEQ:HASH": a sequence number (0 or more, in decimal) and 64
// lower-case hexadecimal digits. Anything else is a [*civic.FieldError] with
// [civic.CodeBadHead].
func ParseHead(s string) (Head, error) {
	bad := func() (Head, error) { return Head{}, &civic.FieldError{Code: civic.CodeBadHead, Args: []any{s}} }
	seq, hash, ok := strings.Cut(s, ":")
	if !ok || seq == "" || len(seq) > 18 || len(hash) != 64 {
		return bad()
	}
	var h Head
	for i := 0; i < len(seq); i++ {
		if seq[i] < '0' || seq[i] > '9' {
			return bad()
		}
		h.Seq = h.Seq*10 + int64(seq[i]-'0')
	}
	for i := 0; i < len(hash); i++ {
		if c := hash[i]; !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return bad()
		}
	}
	if err := h.Hash.UnmarshalText([]byte(hash)); err != nil {
		return bad()
	}
	if h.Seq == 0 && !h.Hash.IsZero() {
		return bad()
	}
	return h, nil
}

// SignedHead is a head signed with Ed25519 by the platform that published it, at a time.
type SignedHead struct {
	Head      Head      `json:"head"`
	Time      time.Time `json:"time"`
	Signature []byte    `json:"signature"` // 64 bytes; base64 in JSON
}

// headMessage is what a signature covers.
func headMessage(h Head, at time.Time) []byte {
	return []byte("civic-journal-head-v1\n" + h.String() + "\n" + at.UTC().Format(time.RFC3339Nano) + "\n")
}

// SignHead signs the head, published at the time at, with the private key.
func SignHead(h Head, at time.Time, key ed25519.PrivateKey) SignedHead {
	at = at.UTC().Round(0)
	return SignedHead{Head: h, Time: at, Signature: ed25519.Sign(key, headMessage(h, at))}
}

// Verify checks the signature with the public key; a wrong one is a [*civic.FieldError]
// with [civic.CodeBadSignature].
func (s SignedHead) Verify(pub ed25519.PublicKey) error {
	if len(pub) != ed25519.PublicKeySize || !ed25519.Verify(pub, headMessage(s.Head, s.Time), s.Signature) {
		return &civic.FieldError{Path: civic.Path{}.Key("signature"), Code: civic.CodeBadSignature, Args: []any{s.Head.Seq}}
	}
	return nil
}

// Checkpoint appends a checkpoint entry at the time at, by actor in role, naming the
// current head as its reason, and returns it. Publishing the head of the journal after
// the checkpoint commits to the checkpoint too.
func (j *Journal) Checkpoint(at time.Time, actor string, role Role) (Entry, error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	prev := Head{Seq: int64(j.n), Hash: j.head}
	return j.appendLocked(Entry{Time: at, Action: ActionCheckpoint, Actor: actor, Role: role, Reason: prev.String()})
}

// checkCheckpoint records a problem when the checkpoint e does not name prev, the head
// before it.
func checkCheckpoint(v *civic.ValidationError, path civic.Path, e *Entry, prev Head) {
	h, err := ParseHead(e.Reason)
	switch {
	case err != nil:
		v.Add(path.Key("reason"), civic.CodeBadHead, e.Reason)
	case h != prev:
		v.Add(path.Key("reason"), civic.CodeHeadMismatch, h.Seq, h.Hash.String(), prev.String())
	}
}
