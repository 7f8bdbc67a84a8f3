package schedule

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"time"

	"golang.org/x/text/language"

	"github.com/civic-observatory/civic"
)

// WriteText writes the programme for a terminal: sessions in time order, day by day, with
// their room and talks, then the contributions left out with their reason.
func (pr *Programme) WriteText(w io.Writer, cx Context, tag language.Tag) error {
	v, err := newView(pr, cx, tag)
	if err != nil {
		return err
	}
	b := bufio.NewWriter(w)
	fmt.Fprintf(b, "%s — %s\n", oneLine(v.ev.Title.Get(tag)), v.dates())
	for _, d := range v.days {
		if v.multiDay() {
			fmt.Fprintf(b, "\n== %s ==\n", v.dateLabel(d.date))
		}
		for _, sv := range d.sessions {
			fmt.Fprintf(b, "\n%s–%s  %s", sv.start.Format("15:04"), endText(sv), oneLine(sv.title))
			if sv.room != "" {
				fmt.Fprintf(b, " [%s]", oneLine(sv.room))
			}
			b.WriteString("\n")
			for _, t := range sv.s.Talks {
				s, _ := v.talkTime(sv, &t)
				fmt.Fprintf(b, "    %s", s.Format("15:04"))
				if t.Table > 0 {
					fmt.Fprintf(b, " %s", v.tableLabel(sv, t.Table))
				}
				fmt.Fprintf(b, "  %s — %s\n", oneLine(t.Title), oneLine(speakerLine(t.Speakers)))
			}
		}
	}
	writeUnplaced(b, pr, tag, func(s string) string { return s })
	return b.Flush()
}

// dates writes the programme's first day, or its first and last days.
func (v *view) dates() string {
	first := v.days[0].date.Format(time.DateOnly)
	if !v.multiDay() {
		return first
	}
	return first + " → " + v.days[len(v.days)-1].date.Format(time.DateOnly)
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

// WriteMarkdown writes the programme as Markdown: one heading per day when the event
// lasts several days, one heading per session, its talks as a list. Every user-typed text
// is escaped.
func (pr *Programme) WriteMarkdown(w io.Writer, cx Context, tag language.Tag) error {
	v, err := newView(pr, cx, tag)
	if err != nil {
		return err
	}
	b := bufio.NewWriter(w)
	fmt.Fprintf(b, "# %s\n\n%s\n", markdownEscape(v.ev.Title.Get(tag)), v.dates())
	level := "##"
	if v.multiDay() {
		level = "###"
	}
	for _, d := range v.days {
		if v.multiDay() {
			fmt.Fprintf(b, "\n## %s\n", markdownEscape(v.dateLabel(d.date)))
		}
		for _, sv := range d.sessions {
			fmt.Fprintf(b, "\n%s %s–%s · %s", level, sv.start.Format("15:04"), endText(sv), markdownEscape(sv.title))
			if sv.room != "" {
				fmt.Fprintf(b, " · %s", markdownEscape(sv.room))
			}
			b.WriteString("\n\n")
			for _, t := range sv.s.Talks {
				s, _ := v.talkTime(sv, &t)
				fmt.Fprintf(b, "- %s", s.Format("15:04"))
				if t.Table > 0 {
					fmt.Fprintf(b, " (%s)", markdownEscape(v.tableLabel(sv, t.Table)))
				}
				fmt.Fprintf(b, " **%s** — %s\n", markdownEscape(t.Title), markdownEscape(speakerLine(t.Speakers)))
			}
		}
	}
	writeUnplaced(b, pr, tag, markdownEscape)
	return b.Flush()
}
