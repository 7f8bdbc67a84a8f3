package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The fixtures of civic validate, in testdata/validate:
//
//   - valid.json: one valid proposal (a centrifugeuse project of the built-in sample);
//   - invalid.json: one pitch with five problems (unknown member, identifier, title too
//     short, language not accepted, bad e-mail);
//   - array.json: a JSON array of three proposals, the second invalid;
//   - mixed.ndjson: NDJSON holding a valid record, invalid.json, a truncated record, a
//     blank line, a valid record, an array where a proposal is expected, and the invalid
//     proposal of array.json;
//   - unterminated.json: a top-level array cut in the middle of its second item.
const fixtures = "testdata/validate"

func fixture(name string) string { return filepath.Join(fixtures, name) }

func readFixture(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(fixture(name))
	require.NoError(t, err)
	return string(b)
}

// transcript is what a golden file of civic validate holds: the exit code, then both
// outputs.
func transcript(code int, stdout, stderr string) string {
	return fmt.Sprintf("exit %d\n--- stdout\n%s--- stderr\n%s", code, stdout, stderr)
}

func TestValidateExitCodes(t *testing.T) {
	valid := readFixture(t, "valid.json")
	tests := []struct {
		name   string
		stdin  string
		args   []string
		code   int
		stderr string // a part of the standard error
	}{
		{"valid document", "", []string{"validate", fixture("valid.json")}, 0, "1 record: 1 valid, 0 invalid"},
		{"invalid document", "", []string{"validate", fixture("invalid.json")}, 1, "1 record: 0 valid, 1 invalid"},
		{"array with an invalid item", "", []string{"validate", fixture("array.json")}, 1, "3 records: 2 valid, 1 invalid"},
		{"NDJSON", "", []string{"validate", fixture("mixed.ndjson")}, 1, "6 records: 2 valid, 4 invalid"},
		{"several files, all valid", "", []string{"validate", fixture("valid.json"), fixture("valid.json")}, 0, "2 records: 2 valid, 0 invalid"},
		{"several files, summed", "", []string{"validate", fixture("valid.json"), fixture("array.json")}, 1, "4 records: 3 valid, 1 invalid"},
		{"standard input by default", valid, []string{"validate"}, 0, "1 record: 1 valid, 0 invalid"},
		{"standard input as -", valid, []string{"validate", "-"}, 0, "1 record: 1 valid, 0 invalid"},
		{"empty input", "", []string{"validate"}, 0, "0 records: 0 valid, 0 invalid"},
		{"white space only", " \n\n\t", []string{"validate"}, 0, "0 records: 0 valid, 0 invalid"},
		{"empty array", "[]", []string{"validate"}, 0, "0 records: 0 valid, 0 invalid"},
		{"not an object", `"a proposal"`, []string{"validate"}, 1, "1 record: 0 valid, 1 invalid"},
		{"flags after the file", "", []string{"validate", fixture("invalid.json"), "--json"}, 1, ""},
		{"missing file", "", []string{"validate", fixture("nonexistent.json")}, 2, "no such file"},
		// A stream that cannot be split further ends with one invalid record (issue 12:
		// exit 2, the remaining files skipped and no summary before).
		{"unterminated array", "", []string{"validate", fixture("unterminated.json")}, 1, "2 records: 1 valid, 1 invalid"},
		{"missing comma between items", `[{"id": "a"} {"id": "b"}]`, []string{"validate"}, 1, "2 records: 0 valid, 2 invalid"},
		{"unterminated value", "{\"id\": \"a\"\n{\"id\": \"b\"", []string{"validate"}, 1, "1 record: 0 valid, 1 invalid"},
		{"truncated, then a valid file", "", []string{"validate", fixture("unterminated.json"), fixture("valid.json")}, 1, "3 records: 2 valid, 1 invalid"},
		{"missing file, then a valid file", "", []string{"validate", fixture("nonexistent.json"), fixture("valid.json")}, 2, "1 record: 1 valid, 0 invalid"},
		// A UTF-8 byte order mark is skipped; UTF-16 is one invalid record naming it.
		{"byte order mark", "\xEF\xBB\xBF" + valid, []string{"validate"}, 0, "1 record: 1 valid, 0 invalid"},
		{"byte order mark, array", "\xEF\xBB\xBF[" + valid + "," + valid + "]", []string{"validate"}, 0, "2 records: 2 valid, 0 invalid"},
		{"UTF-16", "\xFF\xFE{\x00}\x00", []string{"validate"}, 1, "1 record: 0 valid, 1 invalid"},
		{"missing call file", "", []string{"validate", "--call", fixture("nonexistent-call.json"), fixture("valid.json")}, 2, "no such file"},
		{"unknown type", "", []string{"validate", "--type", "poem", fixture("valid.json")}, 2, `unknown document type "poem"`},
		{"bad flag", "", []string{"validate", "--max-record", "many"}, 2, "invalid value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runCivic(t, tt.stdin, tt.args...)
			assert.Equal(t, tt.code, code, stderr)
			assert.Contains(t, stderr, tt.stderr)
		})
	}
}

// TestValidateGolden checks the whole output on the NDJSON fixture, in text in both
// languages and in JSON. Run go test -update to rewrite the golden files.
func TestValidateGolden(t *testing.T) {
	tests := []struct {
		golden string
		args   []string
	}{
		{"validate.en.txt", []string{"--lang", "en", "validate", fixture("mixed.ndjson")}},
		{"validate.fr.txt", []string{"--lang", "fr", "validate", fixture("mixed.ndjson")}},
		{"validate.json.txt", []string{"--lang", "en", "validate", "--json", fixture("mixed.ndjson")}},
		{"validate.fr.json.txt", []string{"--lang", "fr", "validate", "--json", fixture("array.json")}},
		{"validate.too-large.txt", []string{"--lang", "en", "validate", "--max-record", "1000", fixture("mixed.ndjson")}},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			code, stdout, stderr := runCivic(t, "", tt.args...)
			golden(t, tt.golden, transcript(code, stdout, stderr))
		})
	}
}

// TestValidateTextFormat checks the form of the text lines: file:record: path: code:
// message, with "$" for the root and <stdin> for the standard input.
func TestValidateTextFormat(t *testing.T) {
	code, stdout, _ := runCivic(t, readFixture(t, "invalid.json"), "--lang", "en", "validate")
	require.Equal(t, 1, code)
	assert.Equal(t, strings.Join([]string{
		`<stdin>:1: tags: unknown_field: unknown field "tags"`,
		`<stdin>:1: id: invalid_id: "P-31" is not an identifier (lower-case letters, digits and hyphens)`,
		`<stdin>:1: title: too_short: must be at least 5 characters (has 2)`,
		`<stdin>:1: language: language_not_accepted: the call does not accept the language "de"`,
		`<stdin>:1: contributors[0].email: invalid_email: "camille@localhost" is not an e-mail address`,
	}, "\n")+"\n", stdout)

	code, stdout, _ = runCivic(t, "null", "--lang", "en", "validate")
	require.Equal(t, 1, code)
	assert.Equal(t, "<stdin>:1: $: type: must be a JSON object, not null\n", stdout)
}

// TestValidateJSON checks that --json writes one JSON object per invalid record, each
// problem with both path forms, its code, arguments and message, then the summary, and
// nothing on the standard error.
func TestValidateJSON(t *testing.T) {
	code, stdout, stderr := runCivic(t, "", "--lang", "en", "validate", "--json", fixture("mixed.ndjson"))
	require.Equal(t, 1, code)
	assert.Empty(t, stderr)
	lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
	require.Len(t, lines, 5, "four invalid records and the summary")
	var records []int
	for _, l := range lines[:4] {
		var rep struct {
			File     string `json:"file"`
			Record   int    `json:"record"`
			Problems []struct {
				Path, Pointer, Code, Message string
				Args                         []any
			} `json:"problems"`
		}
		dec := json.NewDecoder(strings.NewReader(l))
		dec.DisallowUnknownFields()
		require.NoError(t, dec.Decode(&rep), l)
		assert.Equal(t, fixture("mixed.ndjson"), rep.File)
		require.NotEmpty(t, rep.Problems)
		for _, p := range rep.Problems {
			assert.NotEmpty(t, p.Code)
			assert.NotEmpty(t, p.Message)
			if p.Path != "" {
				assert.True(t, strings.HasPrefix(p.Pointer, "/"), p.Pointer)
			}
		}
		records = append(records, rep.Record)
	}
	assert.Equal(t, []int{2, 3, 5, 6}, records)
	assert.JSONEq(t, `{"summary": {"records": 6, "valid": 2, "invalid": 4}}`, lines[4])

	code, stdout, stderr = runCivic(t, "", "validate", "--json", fixture("valid.json"))
	require.Equal(t, 0, code)
	assert.Empty(t, stderr)
	assert.JSONEq(t, `{"summary": {"records": 1, "valid": 1, "invalid": 0}}`, stdout)
}

// TestValidateInputForms checks that one document, a JSON array and NDJSON holding the
// same proposals give the same verdicts, whatever the white space.
func TestValidateInputForms(t *testing.T) {
	compact := func(s string) string {
		var b bytes.Buffer
		require.NoError(t, json.Compact(&b, []byte(s)))
		return b.String()
	}
	valid, invalid := compact(readFixture(t, "valid.json")), compact(readFixture(t, "invalid.json"))
	forms := map[string]string{
		"array":          "[" + valid + "," + invalid + "," + valid + "]",
		"indented array": "[\n  " + readFixture(t, "valid.json") + ",\n  " + readFixture(t, "invalid.json") + ",\n  " + readFixture(t, "valid.json") + "\n]\n",
		"NDJSON":         valid + "\n" + invalid + "\n" + valid + "\n",
		"NDJSON, CRLF":   valid + "\r\n" + invalid + "\r\n" + valid,
		"NDJSON, blanks": "\n" + valid + "\n\n  \n" + invalid + "\n" + valid + "\n\n",
		"concatenated":   readFixture(t, "valid.json") + readFixture(t, "invalid.json") + readFixture(t, "valid.json"),
	}
	for name, in := range forms {
		t.Run(name, func(t *testing.T) {
			code, stdout, stderr := runCivic(t, in, "--lang", "en", "validate")
			assert.Equal(t, 1, code, stderr)
			assert.Contains(t, stderr, "3 records: 2 valid, 1 invalid")
			assert.Equal(t, 5, strings.Count(stdout, "<stdin>:2: "), stdout)
			assert.Equal(t, 5, strings.Count(stdout, "\n"), stdout)
		})
	}
}

// TestValidateRecordTooLarge checks that a record over --max-record is reported as
// too_large and skipped, in NDJSON and in an array, and that the records after it are
// still validated.
func TestValidateRecordTooLarge(t *testing.T) {
	valid := readFixture(t, "valid.json")
	var small bytes.Buffer
	require.NoError(t, json.Compact(&small, []byte(`{"id": "p1"}`)))
	big := `{"id": "p2", "summary": "` + strings.Repeat("x", 5000) + `"}`
	for name, in := range map[string]string{
		"NDJSON": small.String() + "\n" + big + "\n" + compactJSON(t, valid) + "\n",
		"array":  "[" + small.String() + ",\n" + big + ",\n" + valid + "]",
	} {
		t.Run(name, func(t *testing.T) {
			code, stdout, stderr := runCivic(t, in, "--lang", "en", "validate", "--max-record", "4096")
			require.Equal(t, 1, code, stderr)
			assert.Contains(t, stderr, "3 records: 1 valid, 2 invalid")
			assert.Contains(t, stdout, "<stdin>:2: $: too_large: larger than the limit of 4,096 bytes\n")
			assert.NotContains(t, stdout, "<stdin>:3:")

			code, stdout, _ = runCivic(t, in, "validate", "--json", "--max-record", "4096")
			require.Equal(t, 1, code)
			assert.Contains(t, stdout, `{"file":"<stdin>","record":2,"problems":[{"path":"","pointer":"","code":"too_large","args":[4096],`)
		})
	}
	// The default bound is 16 MiB: a 17 MiB record is refused with it.
	huge := `{"id": "p3", "summary": "` + strings.Repeat("é", 17<<19) + `"}` + "\n" + compactJSON(t, valid) + "\n"
	code, stdout, stderr := runCivic(t, huge, "--lang", "en", "validate")
	require.Equal(t, 1, code, stderr)
	assert.Equal(t, "<stdin>:1: $: too_large: larger than the limit of 16,777,216 bytes\n", stdout)
	assert.Contains(t, stderr, "2 records: 1 valid, 1 invalid")
}

func compactJSON(t *testing.T, s string) string {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, json.Compact(&b, []byte(s)))
	return b.String()
}

// TestValidateMalformedRecords checks that a malformed record is a problem of that
// record (exit 1), while malformed framing stops the file (exit 2) after reporting the
// records before it.
func TestValidateMalformedRecords(t *testing.T) {
	valid := compactJSON(t, readFixture(t, "valid.json"))
	code, stdout, stderr := runCivic(t, valid+"\n{\"id\": \n"+valid+"\n", "--lang", "en", "validate")
	assert.Equal(t, 1, code, stderr)
	assert.Contains(t, stdout, "<stdin>:2: id: syntax: malformed JSON at byte 6: unexpected end of input\n")
	assert.Contains(t, stderr, "3 records: 2 valid, 1 invalid")

	code, stdout, stderr = runCivic(t, valid+"\n"+valid+"}\n", "--lang", "en", "validate")
	assert.Equal(t, 1, code, stderr)
	assert.Contains(t, stdout, "<stdin>:2: $: syntax: malformed JSON")

	code, stdout, stderr = runCivic(t, "", "--lang", "en", "validate", fixture("unterminated.json"))
	assert.Equal(t, 1, code)
	assert.Regexp(t, `^testdata/validate/unterminated.json:2: \$: syntax: malformed JSON at byte [0-9,]+: unterminated array\n$`, stdout)
	assert.Equal(t, "2 records: 1 valid, 1 invalid\n", stderr)

	// A framing error in the second file ends it; the third is still read, and the
	// summary written.
	code, stdout, stderr = runCivic(t, "", "--lang", "en", "validate", "--json", fixture("invalid.json"), fixture("unterminated.json"), fixture("valid.json"))
	assert.Equal(t, 1, code, stderr)
	assert.Contains(t, stdout, `"file":"testdata/validate/unterminated.json","record":2,"problems":[{"path":"","pointer":"","code":"syntax"`)
	assert.Contains(t, stdout, `{"summary":{"records":4,"valid":2,"invalid":2}}`)

	// UTF-16: one problem naming the encoding, not one per line.
	code, stdout, _ = runCivic(t, "\xFF\xFE{\x00\n\x00}\x00\n\x00", "--lang", "en", "validate")
	assert.Equal(t, 1, code)
	assert.Equal(t, 1, strings.Count(stdout, "\n"), stdout)
	assert.Contains(t, stdout, "<stdin>:1: $: encoding:")
	assert.Contains(t, stdout, "UTF-16")
}

// recordStream produces n copies of a record as NDJSON without holding them, to check
// that civic validate streams.
type recordStream struct {
	rec  []byte
	n    int
	cur  []byte
	sent int
}

func (s *recordStream) Read(p []byte) (int, error) {
	if len(s.cur) == 0 {
		if s.sent == s.n {
			return 0, io.EOF
		}
		s.cur = s.rec
		s.sent++
	}
	k := copy(p, s.cur)
	s.cur = s.cur[k:]
	return k, nil
}

// TestValidateStream validates 20,000 records read from a stream.
func TestValidateStream(t *testing.T) {
	if testing.Short() {
		t.Skip("long")
	}
	rec := []byte(compactJSON(t, readFixture(t, "valid.json")) + "\n")
	var out, errOut bytes.Buffer
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	t.Setenv("LANG", "")
	code := run(context.Background(), []string{"validate", "--json"}, &recordStream{rec: rec, n: 20000}, &out, &errOut)
	require.Equal(t, 0, code, errOut.String())
	assert.JSONEq(t, `{"summary": {"records": 20000, "valid": 20000, "invalid": 0}}`, out.String())
}
