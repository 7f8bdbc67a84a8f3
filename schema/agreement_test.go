package schema_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	sjs "github.com/santhosh-tekuri/jsonschema/v6"
	"golang.org/x/text/unicode/norm"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/axis"
	"github.com/civic-observatory/civic/contribution"
	ctext "github.com/civic-observatory/civic/internal/text"
	"github.com/civic-observatory/civic/schema"
)

// compile compiles a schema with santhosh-tekuri/jsonschema, formats asserted.
func compile(t testing.TB, b []byte) *sjs.Schema {
	t.Helper()
	doc, err := sjs.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	id, _ := doc.(map[string]any)["$id"].(string)
	c := sjs.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(id, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(id)
	if err != nil {
		t.Fatalf("compile %s: %v", id, err)
	}
	return s
}

// schemaValid validates a document with the compiled schema; a document that is not JSON
// is invalid.
func schemaValid(s *sjs.Schema, doc []byte) (bool, error) {
	inst, err := sjs.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		return false, err
	}
	err = s.Validate(inst)
	return err == nil, err
}

// goCodes returns the codes of the Go validator's problems with the document.
func goCodes(doc []byte, c *contribution.Call) ([]*civic.FieldError, error) {
	_, err := contribution.DecodeProposal(doc, c)
	if err == nil {
		return nil, nil
	}
	fes := civic.FieldErrors(err)
	if len(fes) == 0 {
		return nil, err
	}
	return fes, nil
}

// beyondOnly reports whether every problem is a rule beyond the schema. (The decoders
// leave out validation problems at or under a value that failed to decode, so a decoding
// problem never drags a second, schema-expressible code along.)
func beyondOnly(fes []*civic.FieldError) bool {
	beyond := schema.BeyondSchema()
	for _, fe := range fes {
		if !slices.Contains(beyond, fe.Code) {
			return false
		}
	}
	return true
}

func codes(fes []*civic.FieldError) string {
	var out []string
	for _, fe := range fes {
		out = append(out, fe.Path.String()+": "+string(fe.Code))
	}
	return strings.Join(out, ", ")
}

// TestAgreement judges every document of the corpus with the Go validator and with
// santhosh-tekuri/jsonschema on the exported schema of the corpus call: wherever the
// schema says invalid, Go says invalid; wherever Go says invalid and the schema valid,
// Go's reasons are all rules beyond the schema ([schema.BeyondSchema]).
func TestAgreement(t *testing.T) {
	call := testCall()
	if err := call.Validate(); err != nil {
		t.Fatalf("test call: %v", err)
	}
	b, err := schema.ProposalFor(call)
	if err != nil {
		t.Fatal(err)
	}
	sch := compile(t, b)
	cases, err := corpus()
	if err != nil {
		t.Fatal(err)
	}

	var lines bytes.Buffer
	var same, valid, invalid, beyond int
	seen := map[string]bool{}
	for _, tc := range cases {
		if seen[tc.Name] {
			t.Fatalf("two documents named %s", tc.Name)
		}
		seen[tc.Name] = true
		if !norm.NFC.IsNormal(tc.Doc) {
			t.Errorf("%s: not NFC; the schema's lengths assume NFC input", tc.Name)
		}
		fes, err := goCodes(tc.Doc, call)
		if err != nil {
			t.Fatalf("%s: %v", tc.Name, err)
		}
		goOK := len(fes) == 0
		if goOK != tc.Want {
			t.Errorf("%s: Go says valid=%v, the case is built for valid=%v: %s\n%s", tc.Name, goOK, tc.Want, codes(fes), tc.Doc)
		}
		schOK, serr := schemaValid(sch, tc.Doc)
		switch {
		case goOK == schOK:
			same++
		case goOK:
			t.Errorf("%s: the schema refuses a document the Go validator accepts:\n%v\n%s", tc.Name, serr, tc.Doc)
		case !beyondOnly(fes):
			t.Errorf("%s: the schema accepts a document Go refuses for rules the schema should express: %s\n%s", tc.Name, codes(fes), tc.Doc)
		default:
			beyond++
			if testing.Verbose() {
				t.Logf("beyond the schema: %s: %s", tc.Name, codes(fes))
			}
		}
		if goOK {
			valid++
		} else {
			invalid++
		}
		line, err := encodeDoc(corpusLine{Name: tc.Name, GoValid: goOK, Doc: escapeInvisible(tc.Doc)})
		if err != nil {
			t.Fatal(err)
		}
		lines.Write(line)
		lines.WriteByte('\n')
	}
	t.Logf("corpus: %d documents, %d valid and %d invalid for Go; %d judged identically, %d refused only by rules beyond the schema",
		len(cases), valid, invalid, same, beyond)
	if len(cases) < 600 {
		t.Errorf("corpus has %d documents, want at least 600", len(cases))
	}
	if same < 500 {
		t.Errorf("%d documents judged identically, want at least 500", same)
	}
	if valid < 150 || invalid < 350 {
		t.Errorf("corpus has %d valid and %d invalid documents, want at least 150 and 350", valid, invalid)
	}
	golden(t, filepath.Join("testdata", "corpus.ndjson"), lines.Bytes())
}

// TestCorpusFile checks that every line of the committed corpus is judged by the schema
// as its goValid says, or is refused by Go only (a rule beyond the schema): the check the
// ajv script makes, with the Go validator of JSON Schema.
func TestCorpusFile(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "corpus-call.schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	sch := compile(t, b)
	f, err := os.Open(filepath.Join("testdata", "corpus.ndjson"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	n := 0
	for sc.Scan() {
		var l corpusLine
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatalf("line %d: %v", n+1, err)
		}
		n++
		ok, err := schemaValid(sch, l.Doc)
		if ok != l.GoValid && !(ok && !l.GoValid) {
			t.Errorf("%s: the schema refuses a document the Go validator accepts: %v", l.Name, err)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if n < 600 {
		t.Errorf("corpus file has %d lines", n)
	}
}

// TestBeyondSchemaDocumented checks that every code beyond the schema is named in the
// $comment of each proposal schema.
func TestBeyondSchemaDocumented(t *testing.T) {
	for _, c := range []*contribution.Call{testCall(), builtinCall(t)} {
		b, err := schema.ProposalFor(c)
		if err != nil {
			t.Fatal(err)
		}
		var s struct {
			Description string `json:"$comment"`
		}
		if err := json.Unmarshal(b, &s); err != nil {
			t.Fatal(err)
		}
		for _, code := range schema.BeyondSchema() {
			if !strings.Contains(s.Description, "["+string(code)+"]") {
				t.Errorf("%s: $comment does not name %s", c.ID, code)
			}
		}
		if !strings.Contains(s.Description, "NFC") {
			t.Errorf("%s: description does not state the NFC assumption", c.ID)
		}
	}
}

// TestBuiltinSample checks the built-in sample proposals against the committed schema of
// the built-in call: valid for both validators.
func TestBuiltinSample(t *testing.T) {
	c := builtinCall(t)
	b, err := schema.File(schema.ProposalName(c))
	if err != nil {
		t.Fatal(err)
	}
	sch := compile(t, b)
	data, err := os.ReadFile(filepath.Join("..", "contribution", "data", "sample-2019.json"))
	if err != nil {
		t.Fatal(err)
	}
	var docs []json.RawMessage
	if err := json.Unmarshal(data, &docs); err != nil {
		t.Fatal(err)
	}
	if len(docs) == 0 {
		t.Fatal("empty sample")
	}
	for i, d := range docs {
		if _, err := contribution.DecodeProposal(d, c); err != nil {
			t.Errorf("sample %d: Go: %v", i, err)
		}
		if ok, err := schemaValid(sch, d); !ok {
			t.Errorf("sample %d: schema: %v", i, err)
		}
	}
	// The built-in call itself is valid under the committed call schema.
	cb, err := schema.File("call")
	if err != nil {
		t.Fatal(err)
	}
	if ok, err := schemaValid(compile(t, cb), contribution.Call2019JSON()); !ok {
		t.Errorf("built-in call: schema: %v", err)
	}
}

// TestGenericSchemas checks each generic schema against the Go validator on the
// documents of the built-in call: its formats, axes and proposals.
func TestGenericSchemas(t *testing.T) {
	var raw struct {
		Formats []json.RawMessage `json:"formats"`
		Axes    []json.RawMessage `json:"axes"`
	}
	if err := json.Unmarshal(contribution.Call2019JSON(), &raw); err != nil {
		t.Fatal(err)
	}
	check := func(name string, docs []json.RawMessage, decode func([]byte) error) {
		b, err := schema.File(name)
		if err != nil {
			t.Fatal(err)
		}
		sch := compile(t, b)
		for i, d := range docs {
			if err := decode(d); err != nil {
				t.Errorf("%s %d: Go: %v", name, i, err)
			}
			if ok, err := schemaValid(sch, d); !ok {
				t.Errorf("%s %d: schema: %v", name, i, err)
			}
		}
	}
	check("format", raw.Formats, func(b []byte) error { _, err := contribution.DecodeFormat(b); return err })
	check("axis", raw.Axes, func(b []byte) error { _, err := axis.Decode(b); return err })

	// The generic proposal schema against the Go validator without a call: the schema
	// never refuses what Go accepts.
	b, err := schema.File("proposal")
	if err != nil {
		t.Fatal(err)
	}
	sch := compile(t, b)
	cases, err := corpus()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range cases {
		_, gerr := contribution.DecodeProposal(tc.Doc, nil)
		ok, serr := schemaValid(sch, tc.Doc)
		if gerr == nil && !ok {
			t.Errorf("%s: the generic schema refuses a document Go accepts without a call: %v", tc.Name, serr)
		}
	}
}

// escapeInvisible escapes, in the strings of a JSON text, the characters that would not
// show in the committed corpus (controls, bidirectional formatting characters, other
// format characters, noncharacters), so that the file shows what it holds.
func escapeInvisible(b []byte) []byte {
	var out bytes.Buffer
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		switch {
		case r < 0x80 || r == utf8.RuneError && n == 1:
			out.WriteByte(b[0])
		case printable(r):
			out.Write(b[:n])
		case r > 0xffff:
			r1, r2 := utf16.EncodeRune(r)
			fmt.Fprintf(&out, `\u%04x\u%04x`, r1, r2)
		default:
			fmt.Fprintf(&out, `\u%04x`, r)
		}
		b = b[n:]
	}
	return out.Bytes()
}

func printable(r rune) bool {
	return unicode.IsPrint(r) && !ctext.IsBidi(r) && !unicode.Is(unicode.Cf, r)
}
