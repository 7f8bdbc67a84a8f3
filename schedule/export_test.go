package schedule_test

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/event"
	"github.com/civic-observatory/civic/internal/shared"
	"github.com/civic-observatory/civic/schedule"
)

// hostile returns the Journée's programme with titles and names that try to break every
// output format.
func hostile(t *testing.T) (*schedule.Programme, schedule.Context) {
	cx := journee(t)
	pr := build(t, cx)
	evil := []string{
		`<script>alert("x")</script> & "quotes" 'too'`,
		"Line one\r\nBEGIN:VEVENT\r\nSUMMARY:injected",
		"]]> <!-- --> ; , \\ : | * _ # [link](http://x) `code`",
		"Bell\x07 and tab\t and NUL\x00",
		strings.Repeat("é", 60) + "🗳️" + strings.Repeat("ü", 30),
	}
	n := 0
	for i := range pr.Sessions {
		for j := range pr.Sessions[i].Talks {
			tk := &pr.Sessions[i].Talks[j]
			tk.Title = evil[n%len(evil)]
			tk.Speakers[0].Name = evil[(n+1)%len(evil)]
			n++
		}
	}
	return pr, cx
}

func TestFrabXMLValidAgainstXSD(t *testing.T) {
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		shared.Missing(t, "xmllint (Debian package libxml2-utils)", err)
	}
	xsd := shared.Path(t, "conformance/schedule.xml.xsd")
	for name, pr := range map[string]func() (*schedule.Programme, schedule.Context){
		"journee": func() (*schedule.Programme, schedule.Context) { cx := journee(t); return build(t, cx), cx },
		"hostile": func() (*schedule.Programme, schedule.Context) { return hostile(t) },
	} {
		t.Run(name, func(t *testing.T) {
			p, cx := pr()
			var buf bytes.Buffer
			require.NoError(t, p.WriteFrabXML(&buf, cx, language.French))
			file := filepath.Join(t.TempDir(), "schedule.xml")
			require.NoError(t, os.WriteFile(file, buf.Bytes(), 0o644))
			out, err := exec.Command(xmllint, "--noout", "--schema", xsd, file).CombinedOutput()
			require.NoError(t, err, "%s", out)
			assert.NotContains(t, buf.String(), "<script>", "markup is escaped")
		})
	}
}

func TestFrabJSONValidAgainstSchema(t *testing.T) {
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	sch, err := c.Compile(shared.Path(t, "conformance/schedule.schema.json"))
	require.NoError(t, err)
	for name, mk := range map[string]func() (*schedule.Programme, schedule.Context){
		"journee": func() (*schedule.Programme, schedule.Context) { cx := journee(t); return build(t, cx), cx },
		"hostile": func() (*schedule.Programme, schedule.Context) { return hostile(t) },
	} {
		t.Run(name, func(t *testing.T) {
			p, cx := mk()
			var buf bytes.Buffer
			require.NoError(t, p.WriteFrabJSON(&buf, cx, language.English))
			inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(buf.Bytes()))
			require.NoError(t, err)
			require.NoError(t, sch.Validate(inst))
			var back map[string]any
			require.NoError(t, json.Unmarshal(buf.Bytes(), &back), "valid JSON")
		})
	}
}

func TestICal(t *testing.T) {
	pr, cx := hostile(t)
	var buf bytes.Buffer
	require.NoError(t, pr.WriteICal(&buf, cx, language.French))
	out := buf.String()
	require.True(t, strings.HasSuffix(out, "END:VCALENDAR\r\n"))
	lines := strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n")
	events := 0
	for _, l := range lines {
		assert.LessOrEqual(t, len(l), 75, "folded at 75 octets: %q", l)
		assert.True(t, utf8.ValidString(l), "no UTF-8 sequence split: %q", l)
		assert.NotContains(t, l, "\n")
		assert.NotContains(t, l, "\r")
		if l == "BEGIN:VEVENT" {
			events++
		}
	}
	talks := 0
	for _, s := range pr.Sessions {
		talks += len(s.Talks)
	}
	assert.Equal(t, len(pr.Sessions)+talks, events, "one VEVENT per session and one per talk; the injected one stays inside a text value")
	unfolded := strings.ReplaceAll(out, "\r\n ", "")
	assert.Contains(t, unfolded, `Line one\nBEGIN:VEVENT\nSUMMARY:injected`)
	assert.Contains(t, unfolded, `\; \, \\ :`)
	assert.Contains(t, unfolded, "BEGIN:VTIMEZONE\r\nTZID:Europe/Paris")
	assert.Contains(t, unfolded, "DTSTART;TZID=Europe/Paris:20190318T090000")
}

func TestMarkdownAndHTMLEscape(t *testing.T) {
	pr, cx := hostile(t)
	var md bytes.Buffer
	require.NoError(t, pr.WriteMarkdown(&md, cx, language.English))
	assert.NotContains(t, md.String(), "<script>")
	assert.Contains(t, md.String(), `\<script\>`)
	assert.NotContains(t, md.String(), "\x00")
	for _, l := range strings.Split(md.String(), "\n") {
		assert.False(t, strings.HasPrefix(l, "BEGIN:"), "no line injected")
	}
	var h bytes.Buffer
	require.NoError(t, pr.WriteHTML(&h, cx, language.English))
	assert.NotContains(t, h.String(), "<script>")
	assert.Contains(t, h.String(), "&lt;script&gt;")
	assert.Contains(t, h.String(), `<html lang="en">`)
	assert.Contains(t, h.String(), `<th scope="col">`)
}

// TestMarkupIsText: a title with a script tag or "x<y" is plain text (issue 12): the
// programme builds and validates, and every format escapes it.
func TestMarkupIsText(t *testing.T) {
	cx := journee(t)
	for _, p := range cx.Proposals {
		if p.Format == "pitch" {
			q := *p
			q.Title = `<script>alert("x")</script> x<y &amp;`
			*p = q
		}
	}
	pr := build(t, cx)
	require.NoError(t, pr.Validate(cx))
	g := *cx.Grid
	g.Slots = append([]schedule.Slot(nil), cx.Grid.Slots...)
	g.Slots[0].Title = civic.NewText("<b>Ouverture</b> & x<y", "<i>Opening</i>")
	require.NoError(t, g.Validate(cx.Event))
	cx.Grid = &g
	for name, write := range map[string]func(*bytes.Buffer) error{
		"html":     func(b *bytes.Buffer) error { return pr.WriteHTML(b, cx, language.French) },
		"frab-xml": func(b *bytes.Buffer) error { return pr.WriteFrabXML(b, cx, language.French) },
		"markdown": func(b *bytes.Buffer) error { return pr.WriteMarkdown(b, cx, language.French) },
	} {
		var b bytes.Buffer
		require.NoError(t, write(&b), name)
		assert.NotContains(t, b.String(), "<script>", name)
		assert.NotContains(t, b.String(), "<b>", name)
	}
	// JSON carries the title as data, exactly.
	var j bytes.Buffer
	require.NoError(t, pr.WriteFrabJSON(&j, cx, language.French))
	assert.Contains(t, j.String(), `"title": "<script>alert(\"x\")</script> x<y &amp;"`)
}

// TestExportsGolden keeps every format of the Journée's programme in testdata, so any
// change shows in review.
func TestExportsGolden(t *testing.T) {
	cx := journee(t)
	pr := build(t, cx)
	formats := map[string]func(*bytes.Buffer) error{
		"journee-2019.fr.txt":      func(b *bytes.Buffer) error { return pr.WriteText(b, cx, language.French) },
		"journee-2019.en.md":       func(b *bytes.Buffer) error { return pr.WriteMarkdown(b, cx, language.English) },
		"journee-2019.fr.html":     func(b *bytes.Buffer) error { return pr.WriteHTML(b, cx, language.French) },
		"journee-2019.fr.ics":      func(b *bytes.Buffer) error { return pr.WriteICal(b, cx, language.French) },
		"journee-2019.frab.xml":    func(b *bytes.Buffer) error { return pr.WriteFrabXML(b, cx, language.French) },
		"journee-2019.frab.json":   func(b *bytes.Buffer) error { return pr.WriteFrabJSON(b, cx, language.English) },
		"observatoire-2018.fr.ics": func(b *bytes.Buffer) error { return calendarICal(b) },
	}
	for name, write := range formats {
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			require.NoError(t, write(&b))
			golden(t, name, b.Bytes())
		})
	}
}

func calendarICal(b *bytes.Buffer) error {
	c, err := event.Observatoire2018()
	if err != nil {
		return err
	}
	return schedule.WriteCalendarICal(b, c, language.French)
}
