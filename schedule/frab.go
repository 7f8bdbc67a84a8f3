package schedule

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/language"
)

// The frab / c3voc schedule format (schedule.xml and schedule.json), read by conference
// apps such as Giggity and EventFahrplan. Each day of the event is one frab day, and each
// talk one frab event with its own start, duration, speakers, room, track and type (the
// format's ID), so that an app lists the talks, not the sessions; a session without talks
// (lunch, break, training, evening) is one event of its own. Talks at the tables of a
// co-construction session are placed in one frab room per table, since they run at the
// same time. Sessions without a room are placed in the venue.

// frabVersion is the version string written in exports.
const frabVersion = "1.0"

type frabEvent struct {
	ID       int
	GUID     string
	Room     string
	Title    string
	Subtitle string
	Type     string
	Date     time.Time
	End      time.Time
	Start    string
	Duration string
	Abstract string
	Slug     string
	Track    string
	Language string
	URL      string
	Persons  []frabPerson
}

type frabPerson struct {
	Name string
	GUID string
}

// frabDay is one day of the frab export: its events, room by room in order of first use.
type frabDay struct {
	index      int // from 1
	date       time.Time
	start, end time.Time
	rooms      []string
	events     map[string][]frabEvent
}

// frabDays lays out the programme's days and events. IDs, GUIDs and slugs are unique and
// stable: a talk's GUID is derived from the event, the session and the proposal, and is
// also its iCalendar UID.
func (v *view) frabDays() []frabDay {
	change := 0
	if v.grid.DayChange != nil {
		change = v.grid.DayChange.Minutes()
	}
	acr := v.acronym()
	slugs, guids := map[string]bool{}, map[string]bool{}
	unique := func(seen map[string]bool, s string) string {
		for i, t := 2, s; ; i++ {
			if !seen[t] {
				seen[t] = true
				return t
			}
			t = s + "-" + strconv.Itoa(i)
		}
	}
	id := 0
	var out []frabDay
	for di := range v.days {
		d := &v.days[di]
		fd := frabDay{index: d.index + 1, date: d.date, events: map[string][]frabEvent{}}
		fd.start, fd.end = d.span(change)
		add := func(e frabEvent) {
			if _, ok := fd.events[e.Room]; !ok {
				fd.rooms = append(fd.rooms, e.Room)
			}
			fd.events[e.Room] = append(fd.events[e.Room], e)
		}
		for _, sv := range d.sessions {
			track := sv.track
			if track == "" {
				track = sv.title
			}
			if len(sv.s.Talks) == 0 {
				id++
				guid := uuid(v.ev.ID, sv.s.ID)
				for guids[guid] {
					guid = uuid(v.ev.ID, sv.s.ID, strconv.Itoa(id))
				}
				guids[guid] = true
				add(frabEvent{
					ID: id, GUID: guid, Room: sv.room, Title: sv.title, Type: string(sv.slot.Kind),
					Date: sv.start, End: sv.end, Start: sv.start.Format("15:04"), Duration: hhmm(sv.end.Sub(sv.start)),
					Slug: unique(slugs, frabSlug(acr, sv.s.ID)), Track: track, Language: v.sessionLang(sv),
					URL: "urn:civic:" + v.ev.ID + ":" + sv.s.ID,
				})
				continue
			}
			for _, t := range sv.s.Talks {
				id++
				start, end := v.talkTime(sv, &t)
				guid := uuid(v.ev.ID, sv.s.ID, t.Proposal)
				for guids[guid] {
					guid = uuid(v.ev.ID, sv.s.ID, t.Proposal, strconv.Itoa(id))
				}
				guids[guid] = true
				room := sv.room
				abstract := sv.title
				if t.Table > 0 {
					room += " — " + v.tableLabel(sv, t.Table)
					abstract += " — " + v.tableLabel(sv, t.Table)
				}
				lang := t.Language
				if lang == "" {
					lang = v.sessionLang(sv)
				}
				e := frabEvent{
					ID: id, GUID: guid, Room: room, Title: t.Title, Subtitle: sv.title, Type: t.Format,
					Date: start, End: end, Start: start.Format("15:04"), Duration: hhmm(time.Duration(t.Minutes) * time.Minute),
					Abstract: abstract, Slug: unique(slugs, frabSlug(acr, sv.s.ID, t.Proposal)), Track: track, Language: lang,
					URL: "urn:civic:" + v.ev.ID + ":" + sv.s.ID + ":" + urnPart(t.Proposal),
				}
				for _, sk := range t.Speakers {
					e.Persons = append(e.Persons, frabPerson{Name: sk.Name, GUID: uuid("person", sk.Name, sk.Organisation)})
				}
				add(e)
			}
		}
		out = append(out, fd)
	}
	return out
}

// hhmm writes a duration as frab does: "H:MM", hours not limited to a day.
func hhmm(d time.Duration) string {
	m := int(d / time.Minute)
	return fmt.Sprintf("%02d:%02d", m/60, m%60)
}

var nonSlug = regexp.MustCompile(`[^a-z0-9]+`)

// frabSlug returns a slug both frab schemas accept for any IDs: the acronym (at least
// four characters of [a-z0-9_]), a hyphen, then the parts lower-cased with every other
// character turned into a hyphen, at least four characters, ending with a letter or digit.
func frabSlug(acronym string, parts ...string) string {
	s := strings.Trim(nonSlug.ReplaceAllString(strings.ToLower(strings.Join(parts, "-")), "-"), "-")
	if len(s) < 4 {
		s = strings.TrimSuffix("item-"+s, "-")
	}
	return acronym + "-" + s
}

// urnPart keeps the characters a URN's specific part may hold unescaped and percent-encodes
// the others.
func urnPart(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("-._~", c) >= 0 {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

// sessionLang returns the language most talks of the session are given in, or the
// programme's language without talks.
func (v *view) sessionLang(sv *sessionView) string {
	n := map[string]int{}
	best := ""
	for _, t := range sv.s.Talks {
		if t.Language == "" {
			continue
		}
		n[t.Language]++
		if best == "" || n[t.Language] > n[best] {
			best = t.Language
		}
	}
	if best == "" {
		base, _ := v.tag.Base()
		return base.String()
	}
	return best
}

// span returns the first start and the last end of the programme, or, without sessions,
// the event's days.
func (v *view) span(days []frabDay) (time.Time, time.Time) {
	start, end := days[0].start, days[0].end
	for _, d := range days {
		start = minTime(start, d.start)
		end = maxTime(end, d.end)
	}
	return start, end
}

func minTime(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// acronym returns the event ID in the form both frab schemas accept for any event ID:
// hyphens become underscores (the JSON schema allows a hyphen only as the first character
// or before a year), and a short ID is padded with underscores to the four characters the
// XSD needs.
func (v *view) acronym() string {
	a := strings.ReplaceAll(v.ev.ID, "-", "_")
	for len(a) < 4 {
		a += "_"
	}
	return a
}

// zoneJSONPattern is the c3voc JSON schema's pattern for time_zone_name; a zone it refuses
// ("Etc/GMT+3") is left out of the JSON export, where the member is optional.
var zoneJSONPattern = regexp.MustCompile(`^([A-Z][a-z]+/[A-Z][a-z]+)|UTC$`)

// WriteFrabXML writes the programme as a frab schedule.xml, valid against the c3voc XSD,
// with texts in the language tag: one day element per day of the event, one event per talk.
func (pr *Programme) WriteFrabXML(w io.Writer, cx Context, tag language.Tag) error {
	v, err := newView(pr, cx, tag)
	if err != nil {
		return err
	}
	if len(v.sessions) == 0 {
		return fmt.Errorf("schedule: an empty programme has no frab form")
	}
	days := v.frabDays()
	start, end := v.span(days)
	type xPerson struct {
		GUID string `xml:"guid,attr"`
		Name string `xml:",chardata"`
	}
	type xEvent struct {
		ID       int       `xml:"id,attr"`
		GUID     string    `xml:"guid,attr"`
		Room     string    `xml:"room"`
		Title    string    `xml:"title"`
		Subtitle string    `xml:"subtitle"`
		Type     string    `xml:"type"`
		Date     string    `xml:"date"`
		Start    string    `xml:"start"`
		Duration string    `xml:"duration"`
		Abstract string    `xml:"abstract"`
		Slug     string    `xml:"slug"`
		Track    string    `xml:"track"`
		Persons  []xPerson `xml:"persons>person"`
		Language string    `xml:"language"`
	}
	type xRoom struct {
		Name   string   `xml:"name,attr"`
		GUID   string   `xml:"guid,attr"`
		Events []xEvent `xml:"event"`
	}
	type xTrack struct {
		Name string `xml:"name,attr"`
		Slug string `xml:"slug,attr"`
	}
	type xDay struct {
		Date  string  `xml:"date,attr"`
		Start string  `xml:"start,attr"`
		End   string  `xml:"end,attr"`
		Index int     `xml:"index,attr"`
		Rooms []xRoom `xml:"room"`
	}
	type xConference struct {
		Title    string   `xml:"title"`
		Acronym  string   `xml:"acronym"`
		Start    string   `xml:"start"`
		End      string   `xml:"end"`
		Days     int      `xml:"days"`
		Slot     string   `xml:"timeslot_duration"`
		TimeZone string   `xml:"time_zone_name,omitempty"`
		Tracks   []xTrack `xml:"track"`
	}
	type xGenerator struct {
		Name string `xml:"name,attr"`
	}
	type xSchedule struct {
		XMLName    xml.Name    `xml:"schedule"`
		Generator  xGenerator  `xml:"generator"`
		Version    string      `xml:"version"`
		Conference xConference `xml:"conference"`
		Days       []xDay      `xml:"day"`
	}
	doc := xSchedule{
		Generator: xGenerator{Name: "civic"}, Version: frabVersion,
		Conference: xConference{Title: v.ev.Title.Get(tag), Acronym: v.acronym(), Start: start.Format(time.RFC3339),
			End: end.Format(time.RFC3339), Days: len(days), Slot: "00:05", TimeZone: v.ev.TimeZone},
	}
	for _, t := range v.tracks {
		doc.Conference.Tracks = append(doc.Conference.Tracks, xTrack{Name: t.Title.Get(tag), Slug: "t-" + t.ID})
	}
	for _, d := range days {
		xd := xDay{Date: d.date.Format(time.DateOnly), Start: d.start.Format(time.RFC3339), End: d.end.Format(time.RFC3339), Index: d.index}
		for _, room := range d.rooms {
			xr := xRoom{Name: room, GUID: uuid(v.ev.ID, "room", room)}
			for _, e := range d.events[room] {
				xe := xEvent{ID: e.ID, GUID: e.GUID, Room: e.Room, Title: e.Title, Subtitle: e.Subtitle, Type: e.Type,
					Date: e.Date.Format(time.RFC3339), Start: e.Start, Duration: e.Duration, Abstract: e.Abstract, Slug: e.Slug,
					Track: e.Track, Language: e.Language}
				for _, p := range e.Persons {
					xe.Persons = append(xe.Persons, xPerson{GUID: p.GUID, Name: p.Name})
				}
				xr.Events = append(xr.Events, xe)
			}
			xd.Rooms = append(xd.Rooms, xr)
		}
		doc.Days = append(doc.Days, xd)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err = io.WriteString(w, "\n")
	return err
}

// WriteFrabJSON writes the programme as a frab schedule.json, valid against the c3voc JSON
// schema, with texts in the language tag: one day per day of the event, one event per talk.
func (pr *Programme) WriteFrabJSON(w io.Writer, cx Context, tag language.Tag) error {
	v, err := newView(pr, cx, tag)
	if err != nil {
		return err
	}
	if len(v.sessions) == 0 {
		return fmt.Errorf("schedule: an empty programme has no frab form")
	}
	days := v.frabDays()
	start, end := v.span(days)
	type jPerson struct {
		Name string `json:"name"`
		GUID string `json:"guid"`
	}
	type jLink struct {
		URL string `json:"url"`
	}
	type jEvent struct {
		GUID     string    `json:"guid"`
		ID       int       `json:"id"`
		Date     string    `json:"date"`
		Start    string    `json:"start"`
		End      string    `json:"end"`
		Duration string    `json:"duration"`
		Room     string    `json:"room"`
		Slug     string    `json:"slug"`
		URL      string    `json:"url"`
		Title    string    `json:"title"`
		Subtitle string    `json:"subtitle"`
		Track    string    `json:"track"`
		Type     string    `json:"type"`
		Language string    `json:"language"`
		Abstract string    `json:"abstract"`
		Persons  []jPerson `json:"persons"`
		Links    []jLink   `json:"links"`
	}
	type jRoom struct {
		Name string `json:"name"`
		GUID string `json:"guid"`
	}
	type jTrack struct {
		Name string `json:"name"`
	}
	type jDay struct {
		Index    int                 `json:"index"`
		Date     string              `json:"date"`
		DayStart string              `json:"day_start"`
		DayEnd   string              `json:"day_end"`
		Rooms    map[string][]jEvent `json:"rooms"`
	}
	type jConference struct {
		Acronym  string   `json:"acronym"`
		Title    string   `json:"title"`
		Start    string   `json:"start"`
		End      string   `json:"end"`
		DaysCnt  int      `json:"daysCount"`
		Slot     string   `json:"timeslot_duration"`
		TimeZone string   `json:"time_zone_name,omitempty"`
		Tracks   []jTrack `json:"tracks"`
		Rooms    []jRoom  `json:"rooms"`
		Days     []jDay   `json:"days"`
	}
	type jSchedule struct {
		Version    string      `json:"version"`
		Conference jConference `json:"conference"`
	}
	conf := jConference{Acronym: v.acronym(), Title: v.ev.Title.Get(tag), Start: start.Format(time.RFC3339), End: end.Format(time.RFC3339),
		DaysCnt: len(days), Slot: "00:05", Tracks: []jTrack{}, Rooms: []jRoom{}, Days: []jDay{}}
	if zoneJSONPattern.MatchString(v.ev.TimeZone) {
		conf.TimeZone = v.ev.TimeZone
	}
	for _, t := range v.tracks {
		conf.Tracks = append(conf.Tracks, jTrack{Name: t.Title.Get(tag)})
	}
	rooms := map[string]bool{}
	for _, d := range days {
		jd := jDay{Index: d.index, Date: d.date.Format(time.DateOnly), DayStart: d.start.Format(time.RFC3339), DayEnd: d.end.Format(time.RFC3339),
			Rooms: map[string][]jEvent{}}
		for _, room := range d.rooms {
			if !rooms[room] {
				rooms[room] = true
				conf.Rooms = append(conf.Rooms, jRoom{Name: room, GUID: uuid(v.ev.ID, "room", room)})
			}
			for _, e := range d.events[room] {
				je := jEvent{GUID: e.GUID, ID: e.ID, Date: e.Date.Format(time.RFC3339), Start: e.Start,
					End: e.End.Format(time.RFC3339), Duration: e.Duration, Room: e.Room, Slug: e.Slug, URL: e.URL,
					Title: e.Title, Subtitle: e.Subtitle, Track: e.Track, Type: e.Type, Language: e.Language,
					Abstract: e.Abstract, Persons: []jPerson{}, Links: []jLink{}}
				for _, p := range e.Persons {
					je.Persons = append(je.Persons, jPerson(p))
				}
				jd.Rooms[room] = append(jd.Rooms[room], je)
			}
		}
		conf.Days = append(conf.Days, jd)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(map[string]any{"schedule": jSchedule{Version: frabVersion, Conference: conf}})
}
