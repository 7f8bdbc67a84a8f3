package schedule

import (
	"bufio"
	"html/template"
	"io"
	"time"

	"golang.org/x/text/language"

	"github.com/civic-observatory/civic"
)

// htmlPage is what the HTML template shows: every text is plain text, escaped by
// html/template in its context (element content or attribute value).
type htmlPage struct {
	Lang, Title, Dates, Caption, TimeHeader, UnplacedHeading string
	FirstDate                                                string
	Multi                                                    bool
	Tracks                                                   []string
	Days                                                     []htmlDay
	Unplaced                                                 []string
}

type htmlDay struct {
	Date, Label string
	Rows        []htmlRow
}

type htmlRow struct {
	Start, End string
	Colspan    int
	All        []htmlSession   // sessions of every track, spanning the row
	Cells      [][]htmlSession // one cell per track
}

type htmlSession struct {
	ID, Title, Room string
	Talks           []htmlTalk
}

type htmlTalk struct {
	Time, Table, Title, Speakers string
}

// htmlTemplate is the page: one table per day (tracks as columns, time ranges as rows),
// self-contained, accessible (headers with scope, the page's language) and printable.
var htmlTemplate = template.Must(template.New("programme").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
body { font-family: system-ui, sans-serif; margin: 1rem; color: #111; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { border: 1px solid #888; padding: .4rem; vertical-align: top; text-align: left; }
thead th { background: #e8eef7; }
th[scope=row] { white-space: nowrap; width: 7rem; }
td.all { background: #f4f4f4; text-align: center; }
.session { font-weight: bold; }
.room { color: #444; font-size: .9em; }
ol { margin: .3rem 0 0 1.2rem; padding: 0; }
@media print { body { margin: 0; font-size: 9pt; } thead { display: table-header-group; } tr { break-inside: avoid; } section { break-before: page; } }
</style>
</head>
<body>
<main>
<h1>{{.Title}}</h1>
<p>{{if .Multi}}{{.Dates}}{{else}}<time datetime="{{.FirstDate}}">{{.FirstDate}}</time>{{end}}</p>
{{range .Days}}{{if $.Multi}}<section aria-labelledby="day-{{.Date}}">
<h2 id="day-{{.Date}}"><time datetime="{{.Date}}">{{.Label}}</time></h2>
{{end}}<table>
<caption>{{if $.Multi}}{{$.Caption}} — {{.Label}}{{else}}{{$.Caption}}{{end}}</caption>
<thead><tr><th scope="col">{{$.TimeHeader}}</th>{{range $.Tracks}}<th scope="col">{{.}}</th>{{end}}</tr></thead>
<tbody>
{{range .Rows}}<tr><th scope="row"><time>{{.Start}}</time>–<time>{{.End}}</time></th>
{{- if .All}}<td class="all" colspan="{{.Colspan}}">{{range .All}}{{template "session" .}}{{end}}</td>
{{- else}}{{range .Cells}}<td>{{range .}}{{template "session" .}}{{end}}</td>{{end}}{{end}}</tr>
{{end}}</tbody>
</table>
{{if $.Multi}}</section>
{{end}}{{end}}{{if .Unplaced}}<h2>{{.UnplacedHeading}}</h2>
<ul>
{{range .Unplaced}}<li>{{.}}</li>
{{end}}</ul>
{{end}}</main>
</body>
</html>
{{define "session"}}<div class="session" id="{{.ID}}">{{.Title}}</div>{{if .Room}}<div class="room">{{.Room}}</div>{{end}}
{{- if .Talks}}<ol>{{range .Talks}}<li><time>{{.Time}}</time> {{if .Table}}({{.Table}}) {{end}}<cite>{{.Title}}</cite> — <span class="speakers">{{.Speakers}}</span></li>{{end}}</ol>{{end}}
{{- end}}`))

// WriteHTML writes the programme as one self-contained, accessible and printable HTML
// page built with html/template: for each day, a table with the tracks as columns and the
// time slots as rows (slots of every track span the row), headers with scope, the page's
// language, print styles, and no external resource. Every user-typed text is plain text,
// escaped by the template.
func (pr *Programme) WriteHTML(w io.Writer, cx Context, tag language.Tag) error {
	v, err := newView(pr, cx, tag)
	if err != nil {
		return err
	}
	base, _ := tag.Base()
	page := htmlPage{
		Lang: base.String(), Title: v.ev.Title.Get(tag), Dates: v.dates(), Multi: v.multiDay(),
		FirstDate:       v.days[0].date.Format(time.DateOnly),
		Caption:         civic.NewText("Programme de la journée", "Programme of the day").Get(tag),
		TimeHeader:      civic.NewText("Horaire", "Time").Get(tag),
		UnplacedHeading: civic.NewText("Non programmées", "Not placed").Get(tag),
	}
	for _, t := range v.tracks {
		page.Tracks = append(page.Tracks, t.Title.Get(tag))
	}
	for _, d := range v.days {
		hd := htmlDay{Date: d.date.Format(time.DateOnly), Label: v.dateLabel(d.date)}
		// Rows: the distinct time ranges of the day's slots, in order.
		index := map[[2]string]int{}
		for _, sv := range d.sessions {
			key := [2]string{sv.start.Format("15:04"), endText(sv)}
			i, ok := index[key]
			if !ok {
				i = len(hd.Rows)
				index[key] = i
				hd.Rows = append(hd.Rows, htmlRow{Start: key[0], End: key[1], Colspan: max(len(v.tracks), 1),
					Cells: make([][]htmlSession, len(v.tracks))})
			}
			row := &hd.Rows[i]
			hs := v.htmlSession(sv)
			if sv.s.Track == "" {
				row.All = append(row.All, hs)
			} else if k := v.trackIndex(sv.s.Track); k >= 0 {
				row.Cells[k] = append(row.Cells[k], hs)
			}
		}
		page.Days = append(page.Days, hd)
	}
	p := civic.NewPrinter(tag)
	for _, u := range pr.Unplaced {
		page.Unplaced = append(page.Unplaced, u.Proposal+": "+u.Reason().Localize(p))
	}
	b := bufio.NewWriter(w)
	if err := htmlTemplate.Execute(b, page); err != nil {
		return err
	}
	return b.Flush()
}

func (v *view) htmlSession(sv *sessionView) htmlSession {
	hs := htmlSession{ID: sv.s.ID, Title: sv.title, Room: sv.room}
	for _, t := range sv.s.Talks {
		s, _ := v.talkTime(sv, &t)
		ht := htmlTalk{Time: s.Format("15:04"), Title: t.Title, Speakers: speakerLine(t.Speakers)}
		if t.Table > 0 {
			ht.Table = v.tableLabel(sv, t.Table)
		}
		hs.Talks = append(hs.Talks, ht)
	}
	return hs
}
