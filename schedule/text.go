package schedule

import (
	"bufio"
	"fmt"
	"html"
	"io"
	"strings"

	"golang.org/x/text/language"

	"github.com/civic-observatory/civic"
)

// WriteText writes the programme for a terminal: sessions in time order with their room
// and talks, then the contributions left out with their reason.
func (pr *Programme) WriteText(w io.Writer, cx Context, tag language.Tag) error {
	v, err := newView(pr, cx, tag)
	if err != nil {
		return err
	}
	b := bufio.NewWriter(w)
	fmt.Fprintf(b, "%s — %s\n", v.ev.Title.Get(tag), v.day.Format("2006-01-02"))
	for _, sv := range v.sessions {
		fmt.Fprintf(b, "\n%s–%s  %s", sv.start.Format("15:04"), endText(&sv), oneLine(sv.title))
		if sv.room != "" {
			fmt.Fprintf(b, " [%s]", oneLine(sv.room))
		}
		b.WriteString("\n")
		for _, t := range sv.s.Talks {
			s, _ := v.talkTime(&sv, &t)
			fmt.Fprintf(b, "    %s", s.Format("15:04"))
			if t.Table > 0 {
				fmt.Fprintf(b, " %s", v.tableLabel(t.Table))
			}
			fmt.Fprintf(b, "  %s — %s\n", oneLine(t.Title), oneLine(speakerLine(t.Speakers)))
		}
	}
	writeUnplaced(b, pr, tag, func(s string) string { return s })
	return b.Flush()
}

func endText(sv *sessionView) string {
	if !sv.hasEnd {
		return "…"
	}
	return sv.end.Format("15:04")
}

// oneLine replaces control characters by spaces, so that user text cannot break the
// layout of a text or Markdown line.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0 || r == '\u2028' || r == '\u2029' {
			return ' '
		}
		return r
	}, s)
}

func writeUnplaced(b *bufio.Writer, pr *Programme, tag language.Tag, esc func(string) string) {
	if len(pr.Unplaced) == 0 {
		return
	}
	p := civic.NewPrinter(tag)
	fmt.Fprintf(b, "\n%s\n", esc(civic.NewText("Non programmées :", "Not placed:").Get(tag)))
	for _, u := range pr.Unplaced {
		fmt.Fprintf(b, "- %s: %s\n", esc(u.Proposal), esc(oneLine(u.Reason().Localize(p))))
	}
}

// markdownEscape escapes the characters Markdown gives a meaning to, and angle brackets.
func markdownEscape(s string) string {
	var b strings.Builder
	for _, r := range oneLine(s) {
		switch r {
		case '\\', '`', '*', '_', '{', '}', '[', ']', '(', ')', '#', '+', '-', '.', '!', '|', '~', '>', '<', '&':
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// WriteMarkdown writes the programme as Markdown: one heading per session, its talks as a
// list. Every user-typed text is escaped.
func (pr *Programme) WriteMarkdown(w io.Writer, cx Context, tag language.Tag) error {
	v, err := newView(pr, cx, tag)
	if err != nil {
		return err
	}
	b := bufio.NewWriter(w)
	fmt.Fprintf(b, "# %s\n\n%s\n", markdownEscape(v.ev.Title.Get(tag)), v.day.Format("2006-01-02"))
	for _, sv := range v.sessions {
		fmt.Fprintf(b, "\n## %s–%s · %s", sv.start.Format("15:04"), endText(&sv), markdownEscape(sv.title))
		if sv.room != "" {
			fmt.Fprintf(b, " · %s", markdownEscape(sv.room))
		}
		b.WriteString("\n\n")
		for _, t := range sv.s.Talks {
			s, _ := v.talkTime(&sv, &t)
			fmt.Fprintf(b, "- %s", s.Format("15:04"))
			if t.Table > 0 {
				fmt.Fprintf(b, " (%s)", markdownEscape(v.tableLabel(t.Table)))
			}
			fmt.Fprintf(b, " **%s** — %s\n", markdownEscape(t.Title), markdownEscape(speakerLine(t.Speakers)))
		}
	}
	writeUnplaced(b, pr, tag, markdownEscape)
	return b.Flush()
}

// WriteHTML writes the programme as one self-contained, accessible and printable HTML
// page: a table with the tracks as columns and the time slots as rows (slots of every
// track span the row), headers with scope, the page's language, print styles, and no
// external resource. Every user-typed text is escaped.
func (pr *Programme) WriteHTML(w io.Writer, cx Context, tag language.Tag) error {
	v, err := newView(pr, cx, tag)
	if err != nil {
		return err
	}
	e := html.EscapeString
	base, _ := tag.Base()
	b := bufio.NewWriter(w)
	title := v.ev.Title.Get(tag)
	fmt.Fprintf(b, `<!DOCTYPE html>
<html lang="%s">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>%s</title>
<style>
body { font-family: system-ui, sans-serif; margin: 1rem; color: #111; }
table { border-collapse: collapse; width: 100%%; table-layout: fixed; }
th, td { border: 1px solid #888; padding: .4rem; vertical-align: top; text-align: left; }
thead th { background: #e8eef7; }
th[scope=row] { white-space: nowrap; width: 7rem; }
td.all { background: #f4f4f4; text-align: center; }
.session { font-weight: bold; }
.room { color: #444; font-size: .9em; }
ol { margin: .3rem 0 0 1.2rem; padding: 0; }
@media print { body { margin: 0; font-size: 9pt; } thead { display: table-header-group; } tr { break-inside: avoid; } }
</style>
</head>
<body>
<main>
<h1>%s</h1>
<p><time datetime="%s">%s</time></p>
<table>
<caption>%s</caption>
<thead><tr><th scope="col">%s</th>`, e(base.String()), e(title), e(title), v.day.Format("2006-01-02"), v.day.Format("2006-01-02"),
		e(civic.NewText("Programme de la journée", "Programme of the day").Get(tag)), e(civic.NewText("Horaire", "Time").Get(tag)))
	for _, t := range v.tracks {
		fmt.Fprintf(b, `<th scope="col">%s</th>`, e(t.Title.Get(tag)))
	}
	b.WriteString("</tr></thead>\n<tbody>\n")
	// Rows: the distinct time ranges of the slots, in order.
	type row struct{ start, end string }
	var rows []row
	seen := map[row]bool{}
	for _, sv := range v.sessions {
		r := row{sv.start.Format("15:04"), endText(&sv)}
		if !seen[r] {
			seen[r] = true
			rows = append(rows, r)
		}
	}
	for _, r := range rows {
		fmt.Fprintf(b, `<tr><th scope="row"><time>%s</time>–<time>%s</time></th>`, r.start, e(r.end))
		var cells [][]*sessionView
		cells = make([][]*sessionView, len(v.tracks))
		var all []*sessionView
		for i := range v.sessions {
			sv := &v.sessions[i]
			if (row{sv.start.Format("15:04"), endText(sv)}) != r {
				continue
			}
			if sv.s.Track == "" {
				all = append(all, sv)
				continue
			}
			if k := v.trackIndex(sv.s.Track); k >= 0 {
				cells[k] = append(cells[k], sv)
			}
		}
		if len(all) > 0 {
			fmt.Fprintf(b, `<td class="all" colspan="%d">`, max(len(v.tracks), 1))
			for _, sv := range all {
				v.htmlSession(b, sv)
			}
			b.WriteString("</td>")
		} else {
			for _, c := range cells {
				b.WriteString("<td>")
				for _, sv := range c {
					v.htmlSession(b, sv)
				}
				b.WriteString("</td>")
			}
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</tbody>\n</table>\n")
	if len(pr.Unplaced) > 0 {
		p := civic.NewPrinter(tag)
		fmt.Fprintf(b, "<h2>%s</h2>\n<ul>\n", e(civic.NewText("Non programmées", "Not placed").Get(tag)))
		for _, u := range pr.Unplaced {
			fmt.Fprintf(b, "<li>%s: %s</li>\n", e(u.Proposal), e(u.Reason().Localize(p)))
		}
		b.WriteString("</ul>\n")
	}
	b.WriteString("</main>\n</body>\n</html>\n")
	return b.Flush()
}

func (v *view) htmlSession(b *bufio.Writer, sv *sessionView) {
	e := html.EscapeString
	fmt.Fprintf(b, `<div class="session" id="%s">%s</div>`, e(sv.s.ID), e(sv.title))
	if sv.room != "" {
		fmt.Fprintf(b, `<div class="room">%s</div>`, e(sv.room))
	}
	if len(sv.s.Talks) == 0 {
		return
	}
	b.WriteString("<ol>")
	for _, t := range sv.s.Talks {
		s, _ := v.talkTime(sv, &t)
		fmt.Fprintf(b, `<li><time>%s</time> `, s.Format("15:04"))
		if t.Table > 0 {
			fmt.Fprintf(b, "(%s) ", e(v.tableLabel(t.Table)))
		}
		fmt.Fprintf(b, `<cite>%s</cite> — <span class="speakers">%s</span></li>`, e(t.Title), e(speakerLine(t.Speakers)))
	}
	b.WriteString("</ol>")
}
