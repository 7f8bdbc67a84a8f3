package schedule

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/civic-observatory/civic"
)

// xnode is an element of a schedule.xml, read whole: schedules are small (FOSDEM's is
// 1.2 MB) and the bounds below keep a hostile one from growing.
type xnode struct {
	name  string
	attrs []xml.Attr
	text  string
	kids  []*xnode
}

func (n *xnode) attr(name string) string {
	for _, a := range n.attrs {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// tokenLimiter fails a read once more than max bytes were read since the decoder last
// returned a token: no single token (an attribute, a text) can hold more than max bytes in
// memory, whatever the input.
type tokenLimiter struct {
	r     io.Reader
	read  int64
	mark  int64
	max   int64
	total int64
}

var errTokenTooLarge = errors.New("token too large")

func (l *tokenLimiter) Read(p []byte) (int, error) {
	if l.read-l.mark > l.max || l.read > l.total {
		return 0, errTokenTooLarge
	}
	if len(p) > 4096 {
		p = p[:4096]
	}
	n, err := l.r.Read(p)
	l.read += int64(n)
	return n, err
}

// readXMLTree reads the document into a tree, refusing a document type declaration,
// tokens over MaxImportToken, documents over MaxImportSize and nesting over
// MaxImportDepth.
func readXMLTree(r io.Reader) (*xnode, error) {
	lim := &tokenLimiter{r: r, max: MaxImportToken, total: MaxImportSize}
	dec := xml.NewDecoder(lim)
	dec.Strict = true
	var root *xnode
	var stack []*xnode
	var text bytes.Buffer
	syntax := func(err error) error {
		var se *xml.SyntaxError
		switch {
		case errors.Is(err, errTokenTooLarge):
			if lim.read > lim.total {
				return &civic.FieldError{Code: civic.CodeTooLarge, Args: []any{MaxImportSize}}
			}
			return &civic.FieldError{Code: civic.CodeTooLarge, Args: []any{MaxImportToken}}
		case errors.As(err, &se):
			return &civic.FieldError{Code: civic.CodeXMLSyntax, Args: []any{se.Line, se.Msg}}
		case errors.Is(err, io.ErrUnexpectedEOF):
			line, _ := dec.InputPos()
			return &civic.FieldError{Code: civic.CodeXMLSyntax, Args: []any{line, "unexpected end of input: the file is cut short"}}
		}
		line, _ := dec.InputPos()
		return &civic.FieldError{Code: civic.CodeXMLSyntax, Args: []any{line, err.Error()}}
	}
	for {
		tok, err := dec.Token()
		lim.mark = dec.InputOffset()
		if err == io.EOF {
			if len(stack) > 0 || root == nil {
				line, _ := dec.InputPos()
				return nil, &civic.FieldError{Code: civic.CodeXMLSyntax, Args: []any{line, "unexpected end of input: the file is cut short"}}
			}
			return root, nil
		}
		if err != nil {
			return nil, syntax(err)
		}
		switch t := tok.(type) {
		case xml.Directive:
			if bytes.HasPrefix(bytes.TrimSpace(t), []byte("DOCTYPE")) {
				return nil, &civic.FieldError{Code: civic.CodeDoctype}
			}
		case xml.StartElement:
			if len(stack) >= MaxImportDepth {
				return nil, &civic.FieldError{Code: civic.CodeTooDeep, Args: []any{MaxImportDepth}}
			}
			n := &xnode{name: t.Name.Local, attrs: t.Attr}
			if len(stack) == 0 {
				if root != nil {
					return nil, syntax(errors.New("a second root element"))
				}
				root = n
			} else {
				p := stack[len(stack)-1]
				p.kids = append(p.kids, n)
			}
			stack = append(stack, n)
			text.Reset()
		case xml.CharData:
			if len(stack) > 0 {
				if text.Len()+len(t) > MaxImportToken {
					return nil, &civic.FieldError{Code: civic.CodeTooLarge, Args: []any{MaxImportToken}}
				}
				text.Write(t)
			}
		case xml.EndElement:
			n := stack[len(stack)-1]
			if len(n.kids) == 0 {
				n.text = text.String()
			}
			text.Reset()
			stack = stack[:len(stack)-1]
		}
	}
}

// importXML reads a frab / c3voc schedule.xml or a Pentabarf one (FOSDEM).
func (ip *importer) importXML(r io.Reader) error {
	root, err := readXMLTree(r)
	if err != nil {
		return err
	}
	im := ip.im
	im.Format = FormatFrabXML
	if root.name != "schedule" {
		return &civic.FieldError{Code: civic.CodeUnknownLayout, Args: []any{"schedule", root.name}}
	}
	base := civic.Path{}.Key("schedule")
	ip.setZone(base.Key("conference").Key("time_zone_name"), "")
	// The conference first: the time zone and day change are needed for the events.
	for _, n := range root.kids {
		if n.name == "conference" {
			ip.xmlConference(base.Key("conference"), n)
		}
	}
	days := 0
	for _, n := range root.kids {
		p := base.Key(n.name)
		switch n.name {
		case "conference":
		case "version":
			im.Version = strings.TrimSpace(n.text)
		case "generator", "url":
			// Who wrote the file and where it was published: what is written back is civic's.
			ip.warnf(p, civic.CodeNotKept, n.name)
		case "tracks": // Pentabarf: the tracks outside the conference
			for i, t := range n.kids {
				ip.attrs(p.Key("track").Index(i), t)
				if t.name == "track" {
					im.Conference.Tracks = append(im.Conference.Tracks, ImportedTrack{Name: strings.TrimSpace(t.text)})
				}
			}
		case "day":
			ip.xmlDay(base.Key("day").Index(days), n)
			days++
		default:
			ip.warnf(p, civic.CodeNotKept, n.name)
		}
	}
	return nil
}

func (ip *importer) xmlConference(p civic.Path, n *xnode) {
	c := &ip.im.Conference
	for _, k := range n.kids {
		v := strings.TrimSpace(k.text)
		switch k.name {
		case "title":
			c.Title = v
		case "acronym":
			c.Acronym = v
		case "subtitle":
			c.Subtitle = v
		case "venue":
			c.Venue = v
		case "city":
			c.City = v
		case "start":
			c.Start = v
		case "end":
			c.End = v
		case "days":
		case "day_change":
			c.DayChange = v
			if h, m, ok := parseClock(v); ok {
				ip.change = h*60 + m
			} else {
				ip.warnf(p.Key("day_change"), civic.CodeInvalidClock, v)
			}
		case "timeslot_duration":
			c.SlotDuration = v
		case "time_zone_name":
			c.TimeZone = v
		case "base_url":
			c.BaseURL = v
		case "url":
			c.URL = v
		case "logo":
			c.Logo = v
		case "track":
			ip.attrs(p.Key("track"), k, "name", "slug", "color")
			name := k.attr("name")
			if name == "" {
				name = v
			}
			c.Tracks = append(c.Tracks, ImportedTrack{Name: name, Slug: k.attr("slug"), Color: k.attr("color")})
		default:
			ip.warnf(p.Key(k.name), civic.CodeNotKept, k.name)
		}
	}
	ip.setZone(p.Key("time_zone_name"), c.TimeZone)
}

// attrs warns of the attributes of n the reader does not keep.
func (ip *importer) attrs(p civic.Path, n *xnode, known ...string) {
	for _, a := range n.attrs {
		if a.Name.Space == "" && !slices.Contains(known, a.Name.Local) || a.Name.Space != "" && a.Name.Space != "xmlns" && a.Name.Space != "http://www.w3.org/2001/XMLSchema-instance" {
			ip.warnf(p.Key("@"+a.Name.Local), civic.CodeNotKept, "@"+a.Name.Local)
		}
	}
}

func (ip *importer) xmlDay(p civic.Path, n *xnode) {
	ip.attrs(p, n, "index", "date", "start", "end")
	d := ImportedDay{}
	idx, err := strconv.Atoi(strings.TrimSpace(n.attr("index")))
	if err != nil || idx < 1 {
		idx = len(ip.im.Days) + 1
		ip.warnf(p.Key("index"), civic.CodeReplaced, n.attr("index"), strconv.Itoa(idx))
	}
	d.Index = idx
	if s := n.attr("date"); s != "" {
		if v, err := civic.ParseDate(strings.TrimSpace(s)); err == nil && v.Precision() == civic.PrecisionDay {
			d.Date = v
		} else {
			ip.warnf(p.Key("date"), civic.CodeInvalidDate, s)
		}
	}
	if t, ok := parseInstant(n.attr("start")); ok {
		d.Start = t
	}
	if t, ok := parseInstant(n.attr("end")); ok {
		d.End = t
	}
	if d.Date.IsZero() && !d.Start.IsZero() {
		d.Date = civic.DayDate(d.Start.Year(), d.Start.Month(), d.Start.Day())
	}
	ip.im.Days = append(ip.im.Days, d)
	rooms := 0
	for _, room := range n.kids {
		rp := p.Key("room").Index(rooms)
		if room.name != "room" {
			ip.warnf(p.Key(room.name), civic.CodeNotKept, room.name)
			continue
		}
		rooms++
		ip.attrs(rp, room, "name", "guid")
		events := 0
		for _, ev := range room.kids {
			if ev.name != "event" {
				ip.warnf(rp.Key(ev.name), civic.CodeNotKept, ev.name)
				continue
			}
			ip.xmlEvent(rp.Key("event").Index(events), ev, d, room)
			events++
		}
	}
}

func (ip *importer) xmlEvent(p civic.Path, n *xnode, day ImportedDay, room *xnode) {
	if len(ip.im.Events) >= MaxImportEvents {
		ip.errs.Add(p, civic.CodeTooMany, MaxImportEvents, len(ip.im.Events)+1)
		return
	}
	ip.attrs(p, n, "id", "guid", "code")
	e := ImportedEvent{Day: day.Index, Room: room.attr("name"), RoomGUID: room.attr("guid"), GUID: n.attr("guid"), Code: n.attr("code")}
	if s := n.attr("id"); s != "" {
		if id, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64); err == nil && id > 0 {
			e.ID = id
		} else {
			ip.warnf(p.Key("id"), civic.CodeNumber, s)
		}
	}
	var date, start, duration string
	hasDuration := false
	for _, k := range n.kids {
		v := k.text
		switch k.name {
		case "date":
			date = strings.TrimSpace(v)
		case "start":
			start = strings.TrimSpace(v)
		case "duration":
			duration, hasDuration = strings.TrimSpace(v), true
		case "room":
			if r := strings.TrimSpace(v); r != "" && e.Room == "" {
				e.Room = r
			}
		case "title":
			e.Title = strings.TrimSpace(v)
		case "subtitle":
			e.Subtitle = strings.TrimSpace(v)
		case "type":
			e.Type = strings.TrimSpace(v)
		case "track":
			e.Track = strings.TrimSpace(v)
		case "language":
			e.Language = strings.TrimSpace(v)
		case "abstract":
			e.Abstract = v
		case "description":
			e.Description = v
		case "slug":
			e.Slug = strings.TrimSpace(v)
		case "url":
			e.URL = strings.TrimSpace(v)
		case "feedback_url":
			e.FeedbackURL = strings.TrimSpace(v)
		case "origin_url":
			e.OriginURL = strings.TrimSpace(v)
		case "logo":
			e.Logo = strings.TrimSpace(v)
		case "code":
			// The hub writes pretalx's code as an element; the XSD has it as an attribute.
			if e.Code == "" {
				e.Code = strings.TrimSpace(v)
			}
		case "persons":
			for i, ps := range k.kids {
				ip.attrs(p.Key("persons").Index(i), ps, "id", "guid")
				if ps.name == "person" {
					e.Persons = append(e.Persons, ImportedPerson{ID: ps.attr("id"), GUID: ps.attr("guid"), Name: strings.TrimSpace(ps.text)})
				}
			}
		case "links", "attachments":
			for _, l := range k.kids {
				link := ImportedLink{Href: strings.TrimSpace(l.attr("href")), Type: l.attr("type"), Title: strings.TrimSpace(l.text)}
				// The hub nests <type> and <title> inside <link>.
				for _, c := range l.kids {
					switch c.name {
					case "type":
						link.Type = strings.TrimSpace(c.text)
					case "title":
						link.Title = strings.TrimSpace(c.text)
					case "url", "href":
						link.Href = strings.TrimSpace(c.text)
					}
				}
				if k.name == "links" {
					e.Links = append(e.Links, link)
				} else {
					e.Attachments = append(e.Attachments, link)
				}
			}
		case "recording":
			rec := &Recording{}
			for _, c := range k.kids {
				switch c.name {
				case "license":
					rec.License = strings.TrimSpace(c.text)
				case "optout":
					rec.Optout = strings.TrimSpace(c.text) == "true"
				}
			}
			e.Recording = rec
		default:
			ip.warnf(p.Key(k.name), civic.CodeNotKept, k.name)
		}
	}
	ip.event(p, &e, date, start, duration, hasDuration, day)
}

// event resolves the times of an event and adds it; an event whose start or duration
// cannot be understood is a problem, and is not added.
func (ip *importer) event(p civic.Path, e *ImportedEvent, date, start, duration string, hasDuration bool, day ImportedDay) {
	t, ok := ip.eventStart(p, date, start, day.Date)
	if !hasDuration {
		ip.errs.Add(p.Key("duration"), civic.CodeRequired)
		ok = false
	} else if m, good := parseDuration(duration); !good {
		ip.errs.Add(p.Key("duration"), civic.CodeDuration, duration)
		ok = false
	} else {
		e.Minutes = m
	}
	if !ok {
		return
	}
	e.Start = t
	e.path = p
	ip.im.Events = append(ip.im.Events, *e)
}
