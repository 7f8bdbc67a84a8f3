package hostile

// Payloads are the strings an attacker puts in every text field: markup and script,
// spreadsheet formulas, terminal escapes, bidirectional overrides, invisible-only text,
// invalid bytes.
var Payloads = []string{
	"<script>alert(1)</script>",
	"<img src=x onerror=alert(1)>",
	"x<y & z>w",
	"]]><!--",
	`=HYPERLINK("http://evil.example","x")`,
	"+1+1", "-2+3", "@SUM(A1:A9)", "\tindent",
	"\x1b[2J\x1b[1;1Haccepted by committee",
	"line\r\nfake: accepted",
	"abc\u202edcba",
	"\u200b\u2060\u3164\u2800",
	"\ufeff",
	"caf\xe9",
	"\x00nul",
}

// Seeds returns small hostile documents for fuzz targets: the shapes at a few hundred
// bytes for a list member, framing traps (byte order marks, UTF-16, truncation) and a
// document whose every usual text member holds each payload.
func Seeds(member string) [][]byte {
	var out [][]byte
	for _, sh := range append(Shapes(member), Contributors()) {
		out = append(out, sh.Gen(300))
	}
	out = append(out,
		[]byte("\xEF\xBB\xBF{}"),
		[]byte("\xFF\xFE{\x00}\x00"),
		[]byte(`{"`+member+`":[{"a":1},{"b":`),
		[]byte(`{"id":"a","id":"b"}`),
		[]byte(`{"n":42000.0000000000000001,"m":1e-999}`),
	)
	for _, p := range Payloads {
		q := quote(p)
		out = append(out, []byte(`{"id":`+q+`,"title":`+q+`,"name":`+q+`,"summary":`+q+`,"`+member+`":[{"name":`+q+`,"title":{"fr":`+q+`}}]}`))
	}
	return out
}

// quote writes s as a JSON string, keeping invalid bytes as they are.
func quote(s string) string {
	b := []byte{'"'}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
		case c < 0x20:
			b = append(b, '\\', 'u', '0', '0', "0123456789abcdef"[c>>4], "0123456789abcdef"[c&15])
		default:
			b = append(b, c)
		}
	}
	return string(append(b, '"'))
}
