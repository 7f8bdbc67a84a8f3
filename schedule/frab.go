package schedule

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"time"

	"golang.org/x/text/language"
)

// The frab / c3voc schedule format (schedule.xml and schedule.json), read by conference
// apps such as Giggity and EventFahrplan. Each session of the programme is one frab
// event, with the talks listed in its abstract and every speaker among its persons;
// sessions without a room (lunch, break, evening) are placed in the venue.

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

func (v *view) frabEvents() []frabEvent {
	var out []frabEvent
	for i, sv := range v.sessions {
		mins := int(sv.end.Sub(sv.start) / time.Minute)
		ev := frabEvent{
			ID: i + 1, GUID: uuid(v.ev.ID, sv.s.ID), Room: sv.room, Title: sv.title, Type: string(sv.slot.Kind),
			Date: sv.start, Start: sv.start.Format("15:04"), Duration: fmt.Sprintf("%02d:%02d", mins/60, mins%60),
			Slug: v.ev.ID + "-" + sv.s.ID, Track: sv.track, Language: v.sessionLang(&sv),
			URL: "urn:civic:" + v.ev.ID + ":" + sv.s.ID,
		}
		if ev.Track == "" {
			ev.Track = sv.title
		}
		var b strings.Builder
		for _, t := range sv.s.Talks {
			s, _ := v.talkTime(&sv, &t)
			fmt.Fprintf(&b, "%s", s.Format("15:04"))
			if t.Table > 0 {
				fmt.Fprintf(&b, " · %s", v.tableLabel(t.Table))
			}
			fmt.Fprintf(&b, " — %s — %s\n", t.Title, speakerLine(t.Speakers))
		}
		ev.Abstract = strings.TrimSuffix(b.String(), "\n")
		for _, sk := range speakersOf(sv.s) {
			ev.Persons = append(ev.Persons, frabPerson{Name: sk.Name, GUID: uuid("person", sk.Name, sk.Organisation)})
		}
		out = append(out, ev)
	}
	return out
}

// sessionLang returns the language most talks of the session are given in, or the
// programme's language without talks.
func (v *view) sessionLang(sv *sessionView) string {
	n := map[string]int{}
	best := ""
	for _, t := range sv.s.Talks {
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

func (v *view) span() (time.Time, time.Time) {
	start, end := v.sessions[0].start, v.sessions[0].end
	for _, sv := range v.sessions {
		start = minTime(start, sv.start)
		end = maxTime(end, sv.end)
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

// acronym returns the event ID in the form both frab schemas accept.
func (v *view) acronym() string { return strings.ReplaceAll(v.ev.ID, "-", "_") }

// WriteFrabXML writes the programme as a frab schedule.xml, valid against the c3voc XSD,
// with texts in the language tag.
func (pr *Programme) WriteFrabXML(w io.Writer, cx Context, tag language.Tag) error {
	v, err := newView(pr, cx, tag)
	if err != nil {
		return err
	}
	if len(v.sessions) == 0 {
		return fmt.Errorf("schedule: an empty programme has no frab form")
	}
	start, end := v.span()
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
		URL      string    `xml:"url,omitempty"`
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
		TimeZone string   `xml:"time_zone_name"`
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
		Day        xDay        `xml:"day"`
	}
	doc := xSchedule{
		Generator: xGenerator{Name: "civic"}, Version: frabVersion,
		Conference: xConference{Title: v.ev.Title.Get(tag), Acronym: v.acronym(), Start: start.Format(time.RFC3339),
			End: end.Format(time.RFC3339), Days: 1, Slot: "00:05", TimeZone: v.ev.TimeZone},
		Day: xDay{Date: v.day.Format("2006-01-02"), Start: start.Format(time.RFC3339), End: end.Format(time.RFC3339), Index: 1},
	}
	for _, t := range v.tracks {
		doc.Conference.Tracks = append(doc.Conference.Tracks, xTrack{Name: t.Title.Get(tag), Slug: "t-" + t.ID})
	}
	roomIndex := map[string]int{}
	for _, e := range v.frabEvents() {
		i, ok := roomIndex[e.Room]
		if !ok {
			i = len(doc.Day.Rooms)
			roomIndex[e.Room] = i
			doc.Day.Rooms = append(doc.Day.Rooms, xRoom{Name: e.Room, GUID: uuid(v.ev.ID, "room", e.Room)})
		}
		xe := xEvent{ID: e.ID, GUID: e.GUID, Room: e.Room, Title: e.Title, Type: e.Type, Date: e.Date.Format(time.RFC3339),
			Start: e.Start, Duration: e.Duration, Abstract: e.Abstract, Slug: e.Slug, Track: e.Track, Language: e.Language, URL: ""}
		for _, p := range e.Persons {
			xe.Persons = append(xe.Persons, xPerson{GUID: p.GUID, Name: p.Name})
		}
		doc.Day.Rooms[i].Events = append(doc.Day.Rooms[i].Events, xe)
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
// schema, with texts in the language tag.
func (pr *Programme) WriteFrabJSON(w io.Writer, cx Context, tag language.Tag) error {
	v, err := newView(pr, cx, tag)
	if err != nil {
		return err
	}
	if len(v.sessions) == 0 {
		return fmt.Errorf("schedule: an empty programme has no frab form")
	}
	start, end := v.span()
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
		TimeZone string   `json:"time_zone_name"`
		Tracks   []jTrack `json:"tracks"`
		Rooms    []jRoom  `json:"rooms"`
		Days     []jDay   `json:"days"`
	}
	type jSchedule struct {
		Version    string      `json:"version"`
		Conference jConference `json:"conference"`
	}
	day := jDay{Index: 1, Date: v.day.Format("2006-01-02"), DayStart: start.Format(time.RFC3339), DayEnd: end.Format(time.RFC3339), Rooms: map[string][]jEvent{}}
	conf := jConference{Acronym: v.acronym(), Title: v.ev.Title.Get(tag), Start: start.Format(time.RFC3339), End: end.Format(time.RFC3339),
		DaysCnt: 1, Slot: "00:05", TimeZone: v.ev.TimeZone, Tracks: []jTrack{}, Rooms: []jRoom{}}
	for _, t := range v.tracks {
		conf.Tracks = append(conf.Tracks, jTrack{Name: t.Title.Get(tag)})
	}
	for _, e := range v.frabEvents() {
		if _, ok := day.Rooms[e.Room]; !ok {
			conf.Rooms = append(conf.Rooms, jRoom{Name: e.Room, GUID: uuid(v.ev.ID, "room", e.Room)})
		}
		mins := parseDuration(e.Duration)
		je := jEvent{GUID: e.GUID, ID: e.ID, Date: e.Date.Format(time.RFC3339), Start: e.Start,
			End: e.Date.Add(time.Duration(mins) * time.Minute).Format(time.RFC3339), Duration: e.Duration,
			Room: e.Room, Slug: e.Slug, URL: e.URL, Title: e.Title, Track: e.Track, Type: e.Type, Language: e.Language,
			Abstract: e.Abstract, Persons: []jPerson{}, Links: []jLink{}}
		for _, p := range e.Persons {
			je.Persons = append(je.Persons, jPerson{Name: p.Name, GUID: p.GUID})
		}
		day.Rooms[e.Room] = append(day.Rooms[e.Room], je)
	}
	conf.Days = []jDay{day}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(map[string]any{"schedule": jSchedule{Version: frabVersion, Conference: conf}})
}

func parseDuration(s string) int {
	var h, m int
	fmt.Sscanf(s, "%d:%d", &h, &m)
	return h*60 + m
}
