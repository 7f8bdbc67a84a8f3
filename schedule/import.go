package schedule

import (
	"strconv"
	"strings"
	"time"

	"github.com/civic-observatory/civic"
)

// ImportFormat names the format of a schedule written by another tool.
type ImportFormat string

// The formats read by [Import].
const (
	FormatFrabXML   ImportFormat = "frab-xml"  // frab / c3voc schedule.xml (39C3's hub, pretalx, frab)
	FormatFrabJSON  ImportFormat = "frab-json" // frab / c3voc / pretalx schedule.json
	FormatSchedule2 ImportFormat = "schedule2" // c3voc "schedule2" JSON (the CCC hub): events and persons listed apart
	FormatAuto      ImportFormat = ""          // detected from the first bytes
)

// Imported is a schedule read from another tool (frab, pretalx, Pentabarf, the CCC hub):
// its conference, days and every event (one per talk), with times as absolute instants
// that keep their offset, so that a talk after midnight keeps its real date. What the
// formats carry and the model has no place for is kept here and written back by
// [Imported.WriteFrabXML]; what neither has a place for is listed as a warning
// ([civic.CodeNotKept]).
type Imported struct {
	Format     ImportFormat       `json:"format"`
	Version    string             `json:"version,omitempty"`
	Conference ImportedConference `json:"conference"`
	Days       []ImportedDay      `json:"days"`
	// Events are in the order of the source.
	Events []ImportedEvent `json:"events"`
}

// ImportedConference is the conference of an imported schedule.
type ImportedConference struct {
	Title    string `json:"title"`
	Acronym  string `json:"acronym,omitempty"`
	Subtitle string `json:"subtitle,omitempty"`
	Venue    string `json:"venue,omitempty"`
	City     string `json:"city,omitempty"`
	// Start and End are as the source writes them (a date, or a time with its offset).
	Start    string `json:"start,omitempty"`
	End      string `json:"end,omitempty"`
	TimeZone string `json:"timeZone,omitempty"`
	// DayChange is the local time a day of the programme ends (Pentabarf's day_change).
	DayChange    string          `json:"dayChange,omitempty"`
	SlotDuration string          `json:"slotDuration,omitempty"`
	BaseURL      string          `json:"baseUrl,omitempty"`
	URL          string          `json:"url,omitempty"`
	Logo         string          `json:"logo,omitempty"`
	Tracks       []ImportedTrack `json:"tracks,omitempty"`
	// Rooms are the rooms a JSON source lists, with their capacity when it gives one (frab
	// XML has neither: its rooms are those of the days).
	Rooms []ImportedRoom `json:"rooms,omitempty"`
}

// ImportedRoom is a room the conference lists.
type ImportedRoom struct {
	Name     string `json:"name"`
	GUID     string `json:"guid,omitempty"`
	Capacity int    `json:"capacity,omitempty"` // 0 when unknown
}

// ImportedTrack is a track of the conference.
type ImportedTrack struct {
	Name  string `json:"name"`
	Slug  string `json:"slug,omitempty"`
	Color string `json:"color,omitempty"`
}

// ImportedDay is one day of the programme: its index (from 1), date and span.
type ImportedDay struct {
	Index int        `json:"index"`
	Date  civic.Date `json:"date,omitzero"`
	Start time.Time  `json:"start"`
	End   time.Time  `json:"end"`
}

// ImportedEvent is one event of the schedule: a talk, a workshop, a break.
type ImportedEvent struct {
	ID       int64  `json:"id,omitempty"` // 0 when the source gives none or not a positive integer
	GUID     string `json:"guid,omitempty"`
	Code     string `json:"code,omitempty"` // pretalx's code
	Day      int    `json:"day"`            // the index of the day in the source
	Room     string `json:"room"`
	RoomGUID string `json:"roomGuid,omitempty"`
	// Start is the instant the event starts, with the offset the source gives (or the
	// conference's time zone); Minutes is its length.
	Start       time.Time        `json:"start"`
	Minutes     int              `json:"minutes"`
	Title       string           `json:"title"`
	Subtitle    string           `json:"subtitle,omitempty"`
	Type        string           `json:"type,omitempty"`
	Track       string           `json:"track,omitempty"`
	Language    string           `json:"language,omitempty"`
	Abstract    string           `json:"abstract,omitempty"`
	Description string           `json:"description,omitempty"`
	Slug        string           `json:"slug,omitempty"`
	URL         string           `json:"url,omitempty"`
	FeedbackURL string           `json:"feedbackUrl,omitempty"`
	OriginURL   string           `json:"originUrl,omitempty"`
	Logo        string           `json:"logo,omitempty"`
	Persons     []ImportedPerson `json:"persons,omitempty"`
	Links       []ImportedLink   `json:"links,omitempty"`
	Attachments []ImportedLink   `json:"attachments,omitempty"`
	Recording   *Recording       `json:"recording,omitempty"`

	path civic.Path // where the source holds the event, for problems
}

// ImportedPerson is a person of an event: frab gives an ID or a GUID, pretalx a code,
// some sources only a name.
type ImportedPerson struct {
	ID   string `json:"id,omitempty"`
	GUID string `json:"guid,omitempty"`
	Name string `json:"name"`
	Role string `json:"role,omitempty"`
}

// key identifies the person across events: the GUID, the ID, or the name when neither is
// given.
func (p ImportedPerson) key() string {
	switch {
	case p.GUID != "":
		return "guid:" + strings.ToLower(p.GUID)
	case p.ID != "":
		return "id:" + p.ID
	}
	return "name:" + strings.ToLower(strings.TrimSpace(p.Name))
}

// ImportedLink is a link or an attachment.
type ImportedLink struct {
	Href  string `json:"href"`
	Title string `json:"title,omitempty"`
	Type  string `json:"type,omitempty"`
}

// Recording says whether an event is recorded, and under which licence.
type Recording struct {
	License string `json:"license"`
	Optout  bool   `json:"optout"`
}

// End returns the instant the event ends.
func (e *ImportedEvent) End() time.Time { return e.Start.Add(time.Duration(e.Minutes) * time.Minute) }

// Limits on imported schedules.
const (
	// MaxImportSize bounds the size of a schedule file, in bytes: a JSON schedule is read
	// whole (the largest real ones are a few megabytes).
	MaxImportSize = 16 << 20
	// MaxImportToken bounds one XML element's text or attributes, or one JSON string, in
	// bytes.
	MaxImportToken = 1 << 20
	// MaxImportDepth bounds the nesting of elements or values.
	MaxImportDepth = 32
	// MaxImportEvents bounds the number of events.
	MaxImportEvents = 100000
)

// parseDuration reads a frab duration: "H:MM", "HH:MM", "HH:MM:SS" (seconds rounded up to
// the minute), or a plain number of minutes. ok is false for anything else, negative
// durations included.
func parseDuration(s string) (int, bool) {
	s = strings.TrimSpace(s)
	parts := strings.Split(s, ":")
	num := func(t string, max int) (int, bool) {
		if t == "" || len(t) > 4 {
			return 0, false
		}
		n := 0
		for i := 0; i < len(t); i++ {
			if t[i] < '0' || t[i] > '9' {
				return 0, false
			}
			n = n*10 + int(t[i]-'0')
		}
		return n, max < 0 || n <= max
	}
	switch len(parts) {
	case 1:
		return num(parts[0], -1)
	case 2, 3:
		h, ok1 := num(parts[0], -1)
		m, ok2 := num(parts[1], 59)
		if !ok1 || !ok2 || len(parts[1]) != 2 {
			return 0, false
		}
		total := h*60 + m
		if len(parts) == 3 {
			sec, ok := num(parts[2], 59)
			if !ok || len(parts[2]) != 2 {
				return 0, false
			}
			if sec > 0 {
				total++
			}
		}
		return total, true
	}
	return 0, false
}

// parseClock reads "HH:MM" or "HH:MM:SS" (seconds dropped), hours 0 to 23 (or 24 to 29 for
// the hours after midnight some sources write).
func parseClock(s string) (h, m int, ok bool) {
	s = strings.TrimSpace(s)
	if len(s) == 8 && s[5] == ':' {
		s = s[:5]
	}
	if len(s) == 4 && s[1] == ':' {
		s = "0" + s
	}
	if len(s) != 5 || s[2] != ':' {
		return 0, 0, false
	}
	h, err1 := strconv.Atoi(s[:2])
	m, err2 := strconv.Atoi(s[3:])
	if err1 != nil || err2 != nil || h < 0 || h > 29 || m < 0 || m > 59 {
		return 0, 0, false
	}
	return h, m, true
}

// parseInstant reads an RFC 3339 time, also with a space for the T or without seconds.
func parseInstant(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, l := range []string{time.RFC3339Nano, "2006-01-02 15:04:05Z07:00", "2006-01-02T15:04Z07:00"} {
		if t, err := time.Parse(l, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// importer holds what reading needs besides the document: the warnings, the problems,
// the time zone.
type importer struct {
	im     *Imported
	errs   civic.ValidationError
	warn   func(*civic.FieldError)
	loc    *time.Location
	change int // day change, in minutes after midnight
	zoned  bool
	seen   map[string]bool // members already listed as not kept
	zone   string          // the zone the caller gives for a schedule without one
	utc    bool            // a local time was read as UTC (warned once)
}

func (ip *importer) warnf(p civic.Path, code civic.Code, args ...any) {
	if ip.warn != nil {
		ip.warn(&civic.FieldError{Path: p, Code: code, Args: args})
	}
}

// setZone sets the conference's time zone; an unknown zone is a warning, and times
// without an offset are then read as UTC.
func (ip *importer) setZone(p civic.Path, name string) {
	ip.loc = time.UTC
	if name == "" {
		name = ip.zone
	}
	if name == "" {
		return
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		ip.warnf(p, civic.CodeInvalidZone, name)
		return
	}
	ip.loc, ip.zoned = loc, true
}

// eventStart resolves an event's start: its full date and time when the source gives one
// (a talk after midnight keeps its real date), else the day's date and the clock, on the
// next calendar day when the clock is before the day change; start is the clock the source
// also gives, checked against the date.
func (ip *importer) eventStart(p civic.Path, date, start string, day civic.Date) (time.Time, bool) {
	h, m, okClock := parseClock(start)
	if date != "" {
		if t, ok := parseInstant(date); ok {
			if okClock && start != "" && (t.Hour() != h%24 || t.Minute() != m) {
				ip.warnf(p.Key("start"), civic.CodeInconsistent, "start", start, "date", date)
			}
			return t, true
		}
		if !okClock {
			ip.errs.Add(p.Key("date"), civic.CodeInvalidTime, date)
			return time.Time{}, false
		}
		ip.warnf(p.Key("date"), civic.CodeInvalidTime, date)
	}
	if start == "" {
		ip.errs.Add(p.Key("start"), civic.CodeRequired)
		return time.Time{}, false
	}
	if !okClock {
		ip.errs.Add(p.Key("start"), civic.CodeInvalidClock, start)
		return time.Time{}, false
	}
	if day.IsZero() {
		ip.errs.Add(p.Key("date"), civic.CodeRequired)
		return time.Time{}, false
	}
	if !ip.zoned && !ip.utc {
		ip.utc = true
		ip.warnf(civic.Path{}.Key("schedule").Key("conference").Key("time_zone_name"), civic.CodeReplaced, "", "UTC")
	}
	d := day.Day
	if h*60+m < ip.change || h >= 24 {
		d++
	}
	return time.Date(day.Year, day.Month, d, h%24, m, 0, 0, ip.loc), true
}

// finish sorts nothing (events keep the source's order), fills days the source left
// without a span, and checks the limits.
func (ip *importer) finish() {
	im := ip.im
	for i := range im.Days {
		d := &im.Days[i]
		if !d.Start.IsZero() && !d.End.IsZero() {
			continue
		}
		var first, last time.Time
		for j := range im.Events {
			e := &im.Events[j]
			if e.Day != d.Index || e.Start.IsZero() {
				continue
			}
			if first.IsZero() || e.Start.Before(first) {
				first = e.Start
			}
			if last.IsZero() || e.End().After(last) {
				last = e.End()
			}
		}
		if first.IsZero() && !d.Date.IsZero() {
			first = time.Date(d.Date.Year, d.Date.Month, d.Date.Day, 0, 0, 0, 0, ip.loc).Add(time.Duration(ip.change) * time.Minute)
			last = first.Add(24*time.Hour - time.Minute)
		}
		if d.Start.IsZero() {
			d.Start = first
		}
		if d.End.IsZero() {
			d.End = last
		}
	}
}
