package contribution_test

import (
	"bytes"
	"crypto/ed25519"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/contribution"
)

// publishedJournal returns the journal of the sample's review up to publication (with its
// checkpoint), as NDJSON, and the head published then.
func publishedJournal(t *testing.T) ([]byte, contribution.Head, *contribution.Board) {
	t.Helper()
	b, _, _ := runReview(t)
	entries, err := b.Publish(contribution.Request{Actor: committee, At: decisions})
	require.NoError(t, err)
	last := entries[len(entries)-1]
	require.Equal(t, contribution.ActionCheckpoint, last.Action, "publication ends with a checkpoint")
	head := b.Journal().Head()
	require.Equal(t, last.Seq, head.Seq)
	var buf bytes.Buffer
	_, err = b.Journal().WriteTo(&buf)
	require.NoError(t, err)
	return buf.Bytes(), head, b
}

func lines(data []byte) []string {
	return strings.SplitAfter(strings.TrimSuffix(string(data), "\n"), "\n")
}

// TestJournalAgainstHead: what a journal proves on its own and against a published head
// (issue 11: 13 of 23 tamperings were caught without a head).
func TestJournalAgainstHead(t *testing.T) {
	data, head, b := publishedJournal(t)
	verify := func(j []byte, h *contribution.Head) error {
		_, err := contribution.VerifyJournalWith(bytes.NewReader(j), contribution.ReviewWorkflow(), contribution.VerifyOptions{Head: h})
		return err
	}
	require.NoError(t, verify(data, &head))

	// Later entries extend the published head: still valid against it.
	_, err := b.Act("p001", contribution.Request{Action: contribution.ActionConfirm, Actor: authorOf(sampleProposal(t, "p001")), At: decisions.Add(time.Hour)})
	require.NoError(t, err)
	var longer bytes.Buffer
	_, err = b.Journal().WriteTo(&longer)
	require.NoError(t, err)
	require.NoError(t, verify(longer.Bytes(), &head))

	ls := lines(data)
	// A forger's journal: every entry rebuilt with recomputed hashes, one reason changed.
	rewritten := func(edit func(e *contribution.Entry)) []byte {
		entries, err := contribution.ReadJournal(bytes.NewReader(data))
		require.NoError(t, err)
		var j contribution.Journal
		for i, e := range entries {
			if i == 3 {
				edit(&e)
			}
			if e.Action == contribution.ActionCheckpoint {
				_, err = j.Checkpoint(e.Time, e.Actor, e.Role)
				require.NoError(t, err)
				continue
			}
			mustAppend(t, &j, e)
		}
		var buf bytes.Buffer
		_, err = j.WriteTo(&buf)
		require.NoError(t, err)
		return buf.Bytes()
	}
	forged := rewritten(func(e *contribution.Entry) { e.Reason = "réécrit" })
	fork := rewritten(func(e *contribution.Entry) { e.Actor = "someone-else" })

	tests := []struct {
		name    string
		journal []byte
		alone   bool // caught without a head
		code    civic.Code
		path    string
	}{
		{"last entry deleted", []byte(strings.Join(ls[:len(ls)-1], "")), false, civic.CodeHeadMissing, "[" + itoa(len(ls)-1) + "]"},
		{"last ten entries deleted", []byte(strings.Join(ls[:len(ls)-10], "")), false, civic.CodeHeadMissing, "[" + itoa(len(ls)-10) + "]"},
		{"emptied", nil, false, civic.CodeHeadMissing, "[0]"},
		{"rewritten with recomputed hashes", forged, false, civic.CodeHeadMismatch, "[" + itoa(len(ls)-1) + "].hash"},
		{"fork", fork, false, civic.CodeHeadMismatch, "[" + itoa(len(ls)-1) + "].hash"},
		{"entry changed", []byte(strings.Replace(string(data), `"actor":"rev-a"`, `"actor":"rev-z"`, 1)), true, civic.CodeBadHash, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			alone := verify(tt.journal, nil)
			assert.Equal(t, tt.alone, alone != nil, "without a head: %v", alone)
			err := verify(tt.journal, &head)
			require.Error(t, err)
			if tt.path != "" {
				assert.True(t, hasCode(err, tt.path, tt.code), "%s at %s in %v", tt.code, tt.path, err)
			} else {
				assert.Contains(t, codesOf(err), tt.code)
			}
		})
	}

	// A checkpoint that does not name the head before it is caught without a head, even
	// with every hash recomputed.
	entries, err := contribution.ReadJournal(bytes.NewReader(data))
	require.NoError(t, err)
	var j contribution.Journal
	for _, e := range entries {
		if e.Action == contribution.ActionCheckpoint {
			e.Reason = "3:" + strings.Repeat("ab", 32)
		}
		mustAppend(t, &j, e)
	}
	err = contribution.VerifyEntries(j.Entries())
	assert.True(t, hasCode(err, "["+itoa(len(entries)-1)+"].reason", civic.CodeHeadMismatch), "%v", err)
}

// TestHeadText: SEQ:HASH round trips, and anything else is bad_head.
func TestHeadText(t *testing.T) {
	_, head, _ := publishedJournal(t)
	got, err := contribution.ParseHead(head.String())
	require.NoError(t, err)
	assert.Equal(t, head, got)
	zero, err := contribution.ParseHead("0:" + strings.Repeat("0", 64))
	require.NoError(t, err)
	assert.Equal(t, contribution.Head{}, zero)
	for _, bad := range []string{"", "12", ":" + strings.Repeat("a", 64), "-1:" + strings.Repeat("a", 64), "1:" + strings.Repeat("A", 64),
		"1:" + strings.Repeat("a", 63), "0:" + strings.Repeat("a", 64), "1 :" + strings.Repeat("a", 64), "99999999999999999999:" + strings.Repeat("a", 64)} {
		_, err := contribution.ParseHead(bad)
		assert.Equal(t, civic.CodeBadHead, civic.ErrorCode(err), "%q", bad)
	}
}

// TestSignedHead: an Ed25519 signature over the head and its time.
func TestSignedHead(t *testing.T) {
	_, head, _ := publishedJournal(t)
	pub, priv := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{7}, 32)).Public().(ed25519.PublicKey), ed25519.NewKeyFromSeed(bytes.Repeat([]byte{7}, 32))
	s := contribution.SignHead(head, decisions, priv)
	require.NoError(t, s.Verify(pub))
	forged := s
	forged.Head.Seq--
	assert.Equal(t, civic.CodeBadSignature, civic.ErrorCode(forged.Verify(pub)))
	late := s
	late.Time = late.Time.Add(time.Second)
	assert.Equal(t, civic.CodeBadSignature, civic.ErrorCode(late.Verify(pub)))
	other := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{8}, 32)).Public().(ed25519.PublicKey)
	assert.Equal(t, civic.CodeBadSignature, civic.ErrorCode(s.Verify(other)))
}

func itoa(i int) string { return strconv.Itoa(i) }

func codesOf(err error) []civic.Code {
	var out []civic.Code
	for _, fe := range civic.FieldErrors(err) {
		out = append(out, fe.Code)
	}
	return out
}

func sampleProposal(t *testing.T, id string) *contribution.Proposal {
	t.Helper()
	ps, err := contribution.Sample2019(call2019(t))
	require.NoError(t, err)
	for _, p := range ps {
		if p.ID == id {
			return p
		}
	}
	t.Fatalf("no sample proposal %s", id)
	return nil
}
