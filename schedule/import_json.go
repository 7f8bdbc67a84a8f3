package schedule

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/civic-observatory/civic"
)

// ImportOptions configure [Import].
type ImportOptions struct {
	// Format is the format of the input; FormatAuto detects it from the first bytes.
	Format ImportFormat
	// Zone is the time zone of a schedule that names none and gives local times only
	// (Pentabarf's, FOSDEM's): an IANA name. Empty reads such times as UTC, with a warning.
	Zone string
	// Warn receives what reading tolerated, with its path: a member or element with no
	// place in the model ([civic.CodeNotKept]), an unknown time zone, a start that
	// contradicts the date. Nil discards them.
	Warn func(*civic.FieldError)
}

// Import reads a schedule written by another tool: frab XML (the c3voc dialect of the
// CCC, with or without the hub's extra elements, and Pentabarf's of FOSDEM), frab JSON
// (frab, pretalx) or c3voc's schedule2 JSON. Reading is lenient where real files are
// sloppy — missing e-mails and capacities (the formats have none), persons without IDs,
// durations "H:MM" or "HH:MM:SS", days that end after midnight, slugs and acronyms the
// XSD refuses — and strict on what cannot be understood: an event without a start, a
// duration that is none or negative, malformed or cut-short XML or JSON, an XML document
// type declaration (entities are never expanded), a token over [MaxImportToken] or a file
// over [MaxImportSize]. Every problem is returned at once as a [*civic.ValidationError]
// with its path ("schedule.day[0].room[2].event[5].duration"); the schedule is nil then.
func Import(r io.Reader, opt ImportOptions) (*Imported, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	format := opt.Format
	if format == FormatAuto {
		var err error
		if format, err = sniff(br); err != nil {
			return nil, err
		}
	}
	ip := &importer{im: &Imported{Format: format}, warn: opt.Warn, loc: time.UTC, seen: map[string]bool{}, zone: opt.Zone}
	var err error
	switch format {
	case FormatFrabXML:
		err = ip.importXML(br)
	case FormatFrabJSON, FormatSchedule2:
		err = ip.importJSON(br, format)
	default:
		return nil, &civic.FieldError{Code: civic.CodeUnknownLayout, Args: []any{"frab-xml|frab-json|schedule2", string(format)}}
	}
	if err != nil {
		return nil, err
	}
	ip.finish()
	if err := ip.errs.Err(); err != nil {
		return nil, err
	}
	return ip.im, nil
}

// sniff tells the format from the first bytes: "<" for XML; for JSON, schedule2 lists its
// events beside the conference.
func sniff(br *bufio.Reader) (ImportFormat, error) {
	for {
		b, err := br.Peek(1)
		if err != nil {
			return "", &civic.FieldError{Code: civic.CodeRequired}
		}
		switch b[0] {
		case ' ', '\t', '\r', '\n':
			br.Discard(1)
			continue
		case 0xEF:
			if p, _ := br.Peek(3); bytes.Equal(p, []byte{0xEF, 0xBB, 0xBF}) {
				br.Discard(3)
				continue
			}
		case '<':
			return FormatFrabXML, nil
		case '{':
			p, _ := br.Peek(64 << 10)
			if bytes.Contains(p, []byte(`"participants"`)) || bytes.Contains(p, []byte(`"events": [`)) || bytes.Contains(p, []byte(`"events":[`)) {
				return FormatSchedule2, nil
			}
			return FormatFrabJSON, nil
		}
		return "", &civic.FieldError{Code: civic.CodeUnknownLayout, Args: []any{"frab-xml|frab-json|schedule2", ""}}
	}
}

// jobj is a JSON object with helpers that read members leniently: numbers or strings.
type jobj map[string]any

func (o jobj) str(k string) string {
	switch v := o[k].(type) {
	case string:
		return strings.TrimSpace(v)
	case json.Number:
		return v.String()
	case bool:
		return strconv.FormatBool(v)
	}
	return ""
}

func (o jobj) raw(k string) string {
	if v, ok := o[k].(string); ok {
		return v
	}
	return o.str(k)
}

func (o jobj) obj(k string) jobj {
	if v, ok := o[k].(map[string]any); ok {
		return v
	}
	return nil
}

func (o jobj) list(k string) []any {
	v, _ := o[k].([]any)
	return v
}

// notKept warns once per member name of a kind of object, at the first path found.
func (ip *importer) notKept(seen map[string]bool, p civic.Path, o jobj, known ...string) {
	for _, k := range sortedStrings(o) {
		if slices.Contains(known, k) || seen[k] {
			continue
		}
		seen[k] = true
		ip.warnf(p.Key(k), civic.CodeNotKept, k)
	}
}

func sortedStrings(o jobj) []string {
	keys := make([]string, 0, len(o))
	for k := range o {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func (ip *importer) importJSON(r io.Reader, format ImportFormat) error {
	lim := &io.LimitedReader{R: r, N: MaxImportSize + 1}
	dec := json.NewDecoder(lim)
	dec.UseNumber()
	var doc map[string]any
	if err := dec.Decode(&doc); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case lim.N <= 0:
			return &civic.FieldError{Code: civic.CodeTooLarge, Args: []any{MaxImportSize}}
		case errors.As(err, &se):
			return &civic.FieldError{Code: civic.CodeSyntax, Args: []any{se.Offset, se.Error()}}
		case errors.As(err, &te):
			return &civic.FieldError{Code: civic.CodeType, Args: []any{"object", te.Value}}
		case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
			return &civic.FieldError{Code: civic.CodeSyntax, Args: []any{MaxImportSize + 1 - lim.N, "unexpected end of input: the file is cut short"}}
		}
		return &civic.FieldError{Code: civic.CodeSyntax, Args: []any{dec.InputOffset(), err.Error()}}
	}
	if lim.N <= 0 {
		return &civic.FieldError{Code: civic.CodeTooLarge, Args: []any{MaxImportSize}}
	}
	root := jobj(doc)
	s := root.obj("schedule")
	if s == nil {
		return &civic.FieldError{Path: civic.Path{}.Key("schedule"), Code: civic.CodeRequired}
	}
	ip.notKept(map[string]bool{}, nil, root, "schedule", "$schema")
	base := civic.Path{}.Key("schedule")
	ip.im.Version = s.str("version")
	ip.notKept(map[string]bool{}, base, s, "version", "base_url", "conference", "events")
	c := s.obj("conference")
	if c == nil {
		return &civic.FieldError{Path: base.Key("conference"), Code: civic.CodeRequired}
	}
	cp := base.Key("conference")
	conf := &ip.im.Conference
	conf.Title, conf.Acronym = c.str("title"), c.str("acronym")
	conf.Start, conf.End = c.str("start"), c.str("end")
	conf.TimeZone, conf.SlotDuration = c.str("time_zone_name"), c.str("timeslot_duration")
	conf.BaseURL = s.str("base_url")
	conf.URL, conf.Logo = c.str("url"), c.str("logo")
	ip.setZone(cp.Key("time_zone_name"), conf.TimeZone)
	for _, t := range c.list("tracks") {
		if to, ok := t.(map[string]any); ok {
			tr := jobj(to)
			color := tr.str("color")
			if cs := tr.obj("colors"); cs != nil && color == "" {
				color = cs.str("light")
			}
			conf.Tracks = append(conf.Tracks, ImportedTrack{Name: tr.str("name"), Slug: tr.str("slug"), Color: color})
		}
	}
	for _, r := range c.list("rooms") {
		if ro, ok := r.(map[string]any); ok {
			room := jobj(ro)
			capacity, _ := strconv.Atoi(room.str("capacity"))
			conf.Rooms = append(conf.Rooms, ImportedRoom{Name: room.str("name"), GUID: room.str("guid"), Capacity: max(capacity, 0)})
		}
	}
	ip.notKept(map[string]bool{}, cp, c, "title", "acronym", "start", "end", "time_zone_name", "timeslot_duration",
		"url", "logo", "tracks", "rooms", "days", "daysCount", "languages", "defaults", "colors")
	dp := cp.Key("days")
	for i, d := range c.list("days") {
		do, ok := d.(map[string]any)
		if !ok {
			ip.errs.Add(dp.Index(i), civic.CodeType, "object", fmt.Sprintf("%T", d))
			continue
		}
		ip.jsonDay(dp.Index(i), jobj(do), format)
	}
	if format == FormatSchedule2 {
		tracks := map[string]string{}
		for _, t := range conf.Tracks {
			tracks[t.Slug] = t.Name
		}
		seen := ip.seen
		ep := base.Key("events")
		for i, e := range s.list("events") {
			eo, ok := e.(map[string]any)
			if !ok {
				ip.errs.Add(ep.Index(i), civic.CodeType, "object", fmt.Sprintf("%T", e))
				continue
			}
			ip.schedule2Event(ep.Index(i), jobj(eo), tracks, seen)
		}
	}
	return nil
}

func (ip *importer) jsonDay(p civic.Path, d jobj, format ImportFormat) {
	day := ImportedDay{}
	idx, err := strconv.Atoi(d.str("index"))
	if err != nil || idx < 1 {
		idx = len(ip.im.Days) + 1
		ip.warnf(p.Key("index"), civic.CodeReplaced, d.str("index"), strconv.Itoa(idx))
	}
	day.Index = idx
	if v, err := civic.ParseDate(d.str("date")); err == nil && v.Precision() == civic.PrecisionDay {
		day.Date = v
	}
	for _, k := range []string{"day_start", "start"} {
		if t, ok := parseInstant(d.str(k)); ok {
			day.Start = t
		}
	}
	for _, k := range []string{"day_end", "end"} {
		if t, ok := parseInstant(d.str(k)); ok {
			day.End = t
		}
	}
	if day.Date.IsZero() && !day.Start.IsZero() {
		day.Date = civic.DayDate(day.Start.Year(), day.Start.Month(), day.Start.Day())
	}
	ip.im.Days = append(ip.im.Days, day)
	if format == FormatSchedule2 {
		return
	}
	rooms := d.obj("rooms")
	seen := ip.seen
	for _, room := range sortedStrings(rooms) {
		evs, _ := rooms[room].([]any)
		rp := p.Key("rooms").Key(room)
		for i, e := range evs {
			eo, ok := e.(map[string]any)
			if !ok {
				ip.errs.Add(rp.Index(i), civic.CodeType, "object", fmt.Sprintf("%T", e))
				continue
			}
			ip.frabJSONEvent(rp.Index(i), jobj(eo), room, day, seen)
		}
	}
}

var frabJSONKeys = []string{"id", "guid", "code", "logo", "date", "start", "duration", "room", "slug", "url", "title",
	"subtitle", "track", "type", "language", "abstract", "description", "recording_license", "do_not_record",
	"persons", "links", "attachments", "feedback_url", "origin_url"}

func (ip *importer) frabJSONEvent(p civic.Path, o jobj, room string, day ImportedDay, seen map[string]bool) {
	if len(ip.im.Events) >= MaxImportEvents {
		ip.errs.Add(p, civic.CodeTooMany, MaxImportEvents, len(ip.im.Events)+1)
		return
	}
	ip.notKept(seen, p, o, frabJSONKeys...)
	e := ImportedEvent{Day: day.Index, Room: room, GUID: o.str("guid"), Code: o.str("code"),
		Title: o.str("title"), Subtitle: o.str("subtitle"), Type: o.str("type"), Track: o.str("track"),
		Language: o.str("language"), Abstract: o.raw("abstract"), Description: o.raw("description"),
		Slug: o.str("slug"), URL: o.str("url"), Logo: o.str("logo"), FeedbackURL: o.str("feedback_url"), OriginURL: o.str("origin_url")}
	if r := o.str("room"); r != "" {
		e.Room = r
	}
	if s := o.str("id"); s != "" {
		if id, err := strconv.ParseInt(s, 10, 64); err == nil && id > 0 {
			e.ID = id
		} else {
			ip.warnf(p.Key("id"), civic.CodeNumber, s)
		}
	}
	if lic, ok := o["recording_license"]; ok {
		e.Recording = &Recording{License: o.str("recording_license"), Optout: o.str("do_not_record") == "true"}
		_ = lic
	}
	ip.jsonPersons(p, o.list("persons"), &e, seen)
	e.Links = jsonLinks(o.list("links"))
	e.Attachments = jsonLinks(o.list("attachments"))
	_, hasDuration := o["duration"]
	ip.event(p, &e, o.str("date"), o.str("start"), o.str("duration"), hasDuration, day)
}

func (ip *importer) jsonPersons(p civic.Path, list []any, e *ImportedEvent, seen map[string]bool) {
	for i, x := range list {
		po, ok := x.(map[string]any)
		if !ok {
			continue
		}
		o := jobj(po)
		name := o.str("public_name")
		if name == "" {
			name = o.str("name")
		}
		id := o.str("id")
		if id == "" {
			id = o.str("code")
		}
		for _, k := range sortedStrings(o) {
			switch k {
			case "public_name", "name", "id", "code", "guid", "role":
			default:
				if !seen["persons."+k] {
					seen["persons."+k] = true
					ip.warnf(p.Key("persons").Index(i).Key(k), civic.CodeNotKept, k)
				}
			}
		}
		e.Persons = append(e.Persons, ImportedPerson{ID: id, GUID: o.str("guid"), Name: name, Role: o.str("role")})
	}
}

func jsonLinks(list []any) []ImportedLink {
	var out []ImportedLink
	for _, x := range list {
		lo, ok := x.(map[string]any)
		if !ok {
			continue
		}
		o := jobj(lo)
		href := o.str("url")
		if href == "" {
			href = o.str("href")
		}
		out = append(out, ImportedLink{Href: href, Title: o.str("title"), Type: o.str("type")})
	}
	return out
}

var schedule2Keys = []string{"guid", "code", "id", "type", "start", "end", "duration", "room", "url", "slug", "title",
	"subtitle", "language", "track", "abstract", "description", "logo", "participants", "links", "attachments", "feedback_url", "origin_url"}

// schedule2Event reads an event of c3voc's schedule2: its start and end are instants, its
// room and track objects, its persons "participants" with a role; its day is the day whose
// span holds its start.
func (ip *importer) schedule2Event(p civic.Path, o jobj, tracks map[string]string, seen map[string]bool) {
	if len(ip.im.Events) >= MaxImportEvents {
		ip.errs.Add(p, civic.CodeTooMany, MaxImportEvents, len(ip.im.Events)+1)
		return
	}
	ip.notKept(seen, p, o, schedule2Keys...)
	e := ImportedEvent{GUID: o.str("guid"), Code: o.str("code"), Title: o.str("title"), Subtitle: o.str("subtitle"),
		Type: o.str("type"), Language: o.str("language"), Abstract: o.raw("abstract"), Description: o.raw("description"),
		Slug: o.str("slug"), URL: o.str("url"), Logo: o.str("logo"), FeedbackURL: o.str("feedback_url"), OriginURL: o.str("origin_url")}
	if r := o.obj("room"); r != nil {
		e.Room, e.RoomGUID = r.str("name"), r.str("guid")
	} else {
		e.Room = o.str("room")
	}
	if t := o.obj("track"); t != nil {
		e.Track = t.str("name")
		if e.Track == "" {
			e.Track = tracks[t.str("slug")]
		}
		if e.Track == "" {
			e.Track = t.str("slug")
		}
	} else {
		e.Track = o.str("track")
	}
	if s := o.str("id"); s != "" {
		if id, err := strconv.ParseInt(s, 10, 64); err == nil && id > 0 {
			e.ID = id
		}
	}
	ip.jsonPersons(p.Key("participants"), o.list("participants"), &e, seen)
	e.Links = jsonLinks(o.list("links"))
	e.Attachments = jsonLinks(o.list("attachments"))
	start, ok := parseInstant(o.str("start"))
	if !ok {
		if o.str("start") == "" {
			ip.errs.Add(p.Key("start"), civic.CodeRequired)
		} else {
			ip.errs.Add(p.Key("start"), civic.CodeInvalidTime, o.str("start"))
		}
		return
	}
	switch end, hasEnd := parseInstant(o.str("end")); {
	case hasEnd:
		if end.Before(start) {
			ip.errs.Add(p.Key("end"), civic.CodeDuration, end.Sub(start).String())
			return
		}
		e.Minutes = int((end.Sub(start) + time.Minute - 1) / time.Minute)
	case o.str("duration") != "":
		m, good := parseDuration(o.str("duration"))
		if !good {
			ip.errs.Add(p.Key("duration"), civic.CodeDuration, o.str("duration"))
			return
		}
		e.Minutes = m
	default:
		ip.errs.Add(p.Key("end"), civic.CodeRequired)
		return
	}
	e.Start = start
	for _, d := range ip.im.Days {
		if !start.Before(d.Start) && start.Before(d.End) {
			e.Day = d.Index
			break
		}
	}
	if e.Day == 0 {
		sd := civic.DayDate(start.In(ip.loc).Year(), start.In(ip.loc).Month(), start.In(ip.loc).Day())
		for _, d := range ip.im.Days {
			if d.Date == sd {
				e.Day = d.Index
			}
		}
	}
	if e.Day == 0 {
		ip.warnf(p.Key("start"), civic.CodeOrder, "days", o.str("start"))
		e.Day = 1
	}
	e.path = p
	ip.im.Events = append(ip.im.Events, e)
}
