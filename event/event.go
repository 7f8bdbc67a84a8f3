package event

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/internal/check"
	"github.com/civic-observatory/civic/internal/text"
)

// Limits on events and calendars, in characters, items or people.
const (
	MaxTitleLen       = 300
	MaxDescriptionLen = 5000
	MaxNoteLen        = 1000
	MaxStreetLen      = 200
	MaxPostcodeLen    = 16
	MaxCityLen        = 100
	MaxZoneLen        = 64
	MaxPartners       = 100
	MaxRoles          = 6
	MaxRooms          = 500
	MaxTracks         = 200
	MaxTrackRooms     = 100
	MaxSatellites     = 50
	MaxActivities     = 1000
	MaxCapacity       = 100000 // people in one room or one track's session
	MaxTables         = 1000   // tables in one session
	MaxSeats          = 100    // seats or facilitators at one table
)

// Event is a dated gathering or production: a journée, a colloquium, an evening, a study
// trip, a publication. Dates are known to the year, month or day ([civic.Date]); a timed
// event also has local start and end times and the IANA time zone they are read in.
//
// The zero value is an empty draft: [Event.Validate] reports what it lacks.
type Event struct {
	// ID identifies the event, matching [civic.IDPattern].
	ID string `json:"id"`
	// Kind is the kind of event.
	Kind Kind `json:"kind"`
	// Title is the event's name, in one or more languages.
	Title civic.Text `json:"title"`
	// Description is an optional longer text; it may span several lines.
	Description civic.Text `json:"description,omitempty"`
	// Start is the first day (or month, or year) of the event.
	Start civic.Date `json:"start"`
	// End is the last day (or month, or year) of the event, inclusive; zero when the event
	// ends within its start date.
	End civic.Date `json:"end,omitzero"`
	// StartTime is the local time the event starts on its start date; nil when untimed.
	// Start must then be known to the day, and TimeZone given.
	StartTime *Clock `json:"startTime,omitempty"`
	// EndTime is the local time the event ends on its end date (or on its start date when
	// End is zero); nil when the source gives no end time.
	EndTime *Clock `json:"endTime,omitempty"`
	// TimeZone is the IANA name of the zone local times are read in ("Europe/Paris").
	// Checking it uses [time.LoadLocation], which needs the time zone database: a program
	// that may run without one should import time/tzdata (cmd/civic does).
	TimeZone string `json:"timeZone,omitempty"`
	// Venue is where the event takes place, if it takes place somewhere.
	Venue *Venue `json:"venue,omitempty"`
	// Partners are the organisers, hosts and partners, each with their roles.
	Partners []Partner `json:"partners,omitempty"`
	// Rooms are the rooms of the venue the event uses.
	Rooms []Room `json:"rooms,omitempty"`
	// Tracks are the parallel tracks of the programme.
	Tracks []Track `json:"tracks,omitempty"`
	// Satellites are events attached to this one, such as the evening after the Journée.
	// Their IDs must differ from the event's and from each other.
	Satellites []Event `json:"satellites,omitempty"`
}

// Venue is the place an event is held.
type Venue struct {
	// Name is the venue's name (« Conseil économique, social et environnemental (CESE) »).
	Name civic.Text `json:"name"`
	// Address is the venue's postal address; the city and country are required.
	Address Address `json:"address"`
	// Description is an optional note about the venue or about what the source says of it.
	Description civic.Text `json:"description,omitempty"`
}

// Address is a postal address. Only the city and the country are required, since sources
// often give no more.
type Address struct {
	// Street is the number and street (« 9 place d'Iéna »).
	Street string `json:"street,omitempty"`
	// Postcode is the postal code (« 75016 »).
	Postcode string `json:"postcode,omitempty"`
	// City is the city or town.
	City string `json:"city"`
	// Country is the ISO 3166-1 alpha-2 code of the country ("FR").
	Country string `json:"country"`
}

// Partner is an organisation that takes part in an event or calendar, with its roles.
type Partner struct {
	// Organisation is the organisation; its name identifies it within one list of partners.
	Organisation civic.Organisation `json:"organisation"`
	// Roles are the parts it plays, at least one, each at most once.
	Roles []Role `json:"roles"`
	// Note qualifies the part, as a source does (« à travers l'Observatoire … »).
	Note civic.Text `json:"note,omitempty"`
}

// HasRole reports whether p plays role r.
func (p Partner) HasRole(r Role) bool {
	for _, x := range p.Roles {
		if x == r {
			return true
		}
	}
	return false
}

// Room is a room of the venue with the number of people it holds.
type Room struct {
	// ID identifies the room within its event, matching [civic.IDPattern].
	ID string `json:"id"`
	// Name is the room's name.
	Name civic.Text `json:"name"`
	// Capacity is the number of people the room holds, from 1 to [MaxCapacity].
	Capacity int `json:"capacity"`
	// Description is an optional note, for instance that the source does not name the room.
	Description civic.Text `json:"description,omitempty"`
}

// Track is one of the parallel tracks of an event's programme: its sessions run in the
// same rooms, each for the same audience size.
type Track struct {
	// ID identifies the track within its event, matching [civic.IDPattern].
	ID string `json:"id"`
	// Title is the track's name (« Centrifugeuses »).
	Title civic.Text `json:"title"`
	// Description is an optional note.
	Description civic.Text `json:"description,omitempty"`
	// Audience is the number of participants in one session, from 1 to [MaxCapacity];
	// for a track spread over several rooms, the total over its rooms.
	Audience int `json:"audience"`
	// Rooms are the IDs of the rooms a session of the track uses, in the event's Rooms.
	// Their capacities add up; the audience (and the tables) must fit in them.
	Rooms []string `json:"rooms,omitempty"`
	// Tables divides each session into identical sub-units, such as the centrifugeuse
	// tables of 5 people and 1 facilitator; nil when a session is one group.
	Tables *Tables `json:"tables,omitempty"`
}

// Tables describes the identical sub-units of a session: Count tables, each with Seats
// participants and Facilitators facilitators.
type Tables struct {
	// Name names one unit (« table de centrifugeuse »).
	Name civic.Text `json:"name,omitempty"`
	// Count is the number of tables in one session, from 1 to [MaxTables].
	Count int `json:"count"`
	// Seats is the number of participants at one table, from 1 to [MaxSeats].
	Seats int `json:"seats"`
	// Facilitators is the number of facilitators at one table, from 0 to [MaxSeats].
	Facilitators int `json:"facilitators"`
}

// Participants returns the number of participants a session's tables seat.
func (t Tables) Participants() int { return t.Count * t.Seats }

// People returns the number of people at a session's tables, facilitators included.
func (t Tables) People() int { return t.Count * (t.Seats + t.Facilitators) }

// Room returns the room with the given ID.
func (e *Event) Room(id string) (Room, bool) {
	for _, r := range e.Rooms {
		if r.ID == id {
			return r, true
		}
	}
	return Room{}, false
}

// Track returns the track with the given ID.
func (e *Event) Track(id string) (Track, bool) {
	for _, t := range e.Tracks {
		if t.ID == id {
			return t, true
		}
	}
	return Track{}, false
}

// Capacity returns the sum of the capacities of the track's rooms in e; rooms that e does
// not have count for nothing.
func (e *Event) Capacity(t Track) int {
	n := 0
	for _, id := range t.Rooms {
		if r, ok := e.Room(id); ok {
			n += r.Capacity
		}
	}
	return n
}

// Location returns the event's time zone, or UTC when it has none. It uses
// [time.LoadLocation], which needs the time zone database (see [Event.TimeZone]).
func (e *Event) Location() (*time.Location, error) {
	if e.TimeZone == "" {
		return time.UTC, nil
	}
	if !validZoneName(e.TimeZone) {
		return nil, &civic.FieldError{Path: civic.Path{}.Key("timeZone"), Code: civic.CodeInvalidZone, Args: []any{e.TimeZone}}
	}
	loc, err := time.LoadLocation(e.TimeZone)
	if err != nil {
		return nil, &civic.FieldError{Path: civic.Path{}.Key("timeZone"), Code: civic.CodeInvalidZone, Args: []any{e.TimeZone}}
	}
	return loc, nil
}

// Span returns the instants the event starts and ends: from its start time (or the start
// of its start date) to its end time (or the end of its end date, or of its start date when
// it has no end date). An event with a start time and no end time ends with its last day.
func (e *Event) Span() (start, end time.Time, err error) {
	loc, err := e.Location()
	if err != nil {
		return time.Time{}, time.Time{}, err
	}
	last := e.End
	if last.IsZero() {
		last = e.Start
	}
	start, end = e.Start.Start(loc), last.End(loc)
	if e.StartTime != nil && e.Start.Precision() == civic.PrecisionDay {
		start = time.Date(start.Year(), start.Month(), start.Day(), e.StartTime.Hour, e.StartTime.Minute, 0, 0, loc)
	}
	if e.EndTime != nil && last.Precision() == civic.PrecisionDay {
		d := last.Start(loc)
		end = time.Date(d.Year(), d.Month(), d.Day(), e.EndTime.Hour, e.EndTime.Minute, 0, 0, loc)
	}
	return start, end, nil
}

// validZoneName reports whether s looks like an IANA zone name: ASCII letters, digits and
// "/_-+", no leading slash and no "..". "Local" is refused: it depends on the machine.
func validZoneName(s string) bool {
	if s == "" || len(s) > MaxZoneLen || s == "Local" || s[0] == '/' || strings.Contains(s, "..") {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("/_-+", c) >= 0) {
			return false
		}
	}
	return true
}

// CheckZone records [civic.CodeInvalidZone] at path unless name is an IANA time zone that
// [time.LoadLocation] finds. "Local" is refused, since it depends on the machine.
func CheckZone(v *civic.ValidationError, path civic.Path, name string) bool {
	if validZone(name) {
		return true
	}
	v.Add(path, civic.CodeInvalidZone, name)
	return false
}

func validZone(name string) bool {
	if !validZoneName(name) {
		return false
	}
	_, err := time.LoadLocation(name)
	return err == nil
}

// Validate reports every problem of e as a [*civic.ValidationError], or nil.
func (e *Event) Validate() error {
	var v civic.ValidationError
	e.Check(&v, nil)
	return v.Err()
}

// Check records every problem of e at path: required fields, identifiers, texts, dates in
// order and of the right precision, times and time zone, venue, partners, rooms, tracks
// (rooms they refer to, audiences and tables within capacity) and satellite events.
func (e *Event) Check(v *civic.ValidationError, path civic.Path) {
	e.check(v, path, &checker{ids: map[string]bool{}, zones: map[string]bool{}})
}

// checker holds what one check of an event and its satellites remembers: the event IDs
// seen, and the time zones already looked up (loading one reads the zone database).
type checker struct {
	ids   map[string]bool
	zones map[string]bool
}

func (e *Event) check(v *civic.ValidationError, path civic.Path, c *checker) {
	if check.ID(v, path.Key("id"), e.ID) {
		if c.ids[e.ID] {
			v.Add(path.Key("id"), civic.CodeDuplicate, e.ID)
		}
		c.ids[e.ID] = true
	}
	checkKind(v, path.Key("kind"), e.Kind)
	checkLabel(v, path.Key("title"), e.Title, true, MaxTitleLen)
	e.Description.Check(v, path.Key("description"), false, MaxDescriptionLen)
	e.checkWhen(v, path, c.zones)
	if e.Venue != nil {
		e.Venue.Check(v, path.Key("venue"))
	}
	checkPartners(v, path.Key("partners"), e.Partners)

	rooms := map[string]int{}
	rp := path.Key("rooms")
	if len(e.Rooms) > MaxRooms {
		v.Add(rp, civic.CodeTooMany, MaxRooms, len(e.Rooms))
	}
	for i, r := range e.Rooms {
		p := rp.Index(i)
		r.Check(v, p)
		if r.ID == "" {
			continue
		}
		if _, dup := rooms[r.ID]; dup {
			v.Add(p.Key("id"), civic.CodeDuplicate, r.ID)
			continue
		}
		rooms[r.ID] = r.Capacity
	}

	tp := path.Key("tracks")
	if len(e.Tracks) > MaxTracks {
		v.Add(tp, civic.CodeTooMany, MaxTracks, len(e.Tracks))
	}
	tracks := map[string]bool{}
	for i, t := range e.Tracks {
		p := tp.Index(i)
		t.check(v, p, rooms)
		if t.ID != "" {
			if tracks[t.ID] {
				v.Add(p.Key("id"), civic.CodeDuplicate, t.ID)
			}
			tracks[t.ID] = true
		}
	}

	sp := path.Key("satellites")
	if len(e.Satellites) > MaxSatellites {
		v.Add(sp, civic.CodeTooMany, MaxSatellites, len(e.Satellites))
	}
	for i := range e.Satellites {
		e.Satellites[i].check(v, sp.Index(i), c)
	}
}

// checkWhen checks the dates, times and time zone of e.
func (e *Event) checkWhen(v *civic.ValidationError, path civic.Path, zones map[string]bool) {
	startOK := false
	switch {
	case e.Start.IsZero():
		v.Add(path.Key("start"), civic.CodeRequired)
	case !e.Start.Valid():
		v.Add(path.Key("start"), civic.CodeInvalidDate, dateText(e.Start))
	default:
		startOK = true
	}
	endOK := false
	if !e.End.IsZero() {
		if !e.End.Valid() {
			v.Add(path.Key("end"), civic.CodeInvalidDate, dateText(e.End))
		} else {
			endOK = true
			// The end date must not finish before the start date begins.
			if startOK && !e.End.End(time.UTC).After(e.Start.Start(time.UTC)) {
				v.Add(path.Key("end"), civic.CodeOrder, e.Start.String(), e.End.String())
			}
		}
	}
	timed := e.StartTime != nil || e.EndTime != nil
	if e.StartTime != nil {
		if !e.StartTime.Valid() {
			v.Add(path.Key("startTime"), civic.CodeInvalidClock, e.StartTime.String())
		}
		if startOK && e.Start.Precision() != civic.PrecisionDay {
			v.Add(path.Key("start"), civic.CodePrecision, e.Start.String(), string(civic.PrecisionDay))
		}
	}
	if e.EndTime != nil {
		if !e.EndTime.Valid() {
			v.Add(path.Key("endTime"), civic.CodeInvalidClock, e.EndTime.String())
		}
		if e.StartTime == nil {
			v.Add(path.Key("startTime"), civic.CodeRequired)
		}
		if endOK && e.End.Precision() != civic.PrecisionDay {
			v.Add(path.Key("end"), civic.CodePrecision, e.End.String(), string(civic.PrecisionDay))
		}
		sameDay := e.End.IsZero() || e.End == e.Start
		if sameDay && e.StartTime != nil && e.StartTime.Valid() && e.EndTime.Valid() && e.EndTime.Compare(*e.StartTime) <= 0 {
			v.Add(path.Key("endTime"), civic.CodeOrder, e.StartTime.String(), e.EndTime.String())
		}
	}
	switch {
	case e.TimeZone != "":
		ok, seen := zones[e.TimeZone]
		if !seen {
			ok = validZone(e.TimeZone)
			zones[e.TimeZone] = ok
		}
		if !ok {
			v.Add(path.Key("timeZone"), civic.CodeInvalidZone, e.TimeZone)
		}
	case timed:
		v.Add(path.Key("timeZone"), civic.CodeRequired)
	}
}

// dateText renders a date that may be invalid.
func dateText(d civic.Date) string {
	if d.Valid() {
		return d.String()
	}
	return strings.Join([]string{strconv.Itoa(d.Year), strconv.Itoa(int(d.Month)), strconv.Itoa(d.Day)}, "-")
}

func checkKind(v *civic.ValidationError, path civic.Path, k Kind) {
	switch {
	case k == "":
		v.Add(path, civic.CodeRequired)
	case !k.Valid():
		v.Add(path, civic.CodeUnknownValue, string(k))
	}
}

// checkPartners checks a list of partners: each one, and no organisation twice.
func checkPartners(v *civic.ValidationError, path civic.Path, ps []Partner) {
	if len(ps) > MaxPartners {
		v.Add(path, civic.CodeTooMany, MaxPartners, len(ps))
	}
	seen := map[string]bool{}
	for i, p := range ps {
		pp := path.Index(i)
		p.Check(v, pp)
		name := strings.ToLower(text.Normalize(p.Organisation.Name))
		if name == "" {
			continue
		}
		if seen[name] {
			v.Add(pp.Key("organisation").Key("name"), civic.CodeDuplicate, p.Organisation.Name)
		}
		seen[name] = true
	}
}

// Check records the problems of p at path: the organisation, at least one known role, no
// role twice, and the note.
func (p Partner) Check(v *civic.ValidationError, path civic.Path) {
	p.Organisation.Check(v, path.Key("organisation"))
	rp := path.Key("roles")
	if len(p.Roles) == 0 {
		v.Add(rp, civic.CodeRequired)
	}
	if len(p.Roles) > MaxRoles {
		v.Add(rp, civic.CodeTooMany, MaxRoles, len(p.Roles))
	}
	for i, r := range p.Roles {
		checkRole(v, rp.Index(i), r)
		if r != "" && slices.Index(p.Roles[:i], r) >= 0 {
			v.Add(rp.Index(i), civic.CodeDuplicate, string(r))
		}
	}
	p.Note.Check(v, path.Key("note"), false, MaxNoteLen)
}

func checkRole(v *civic.ValidationError, path civic.Path, r Role) {
	switch {
	case r == "":
		v.Add(path, civic.CodeRequired)
	case !r.Valid():
		v.Add(path, civic.CodeUnknownValue, string(r))
	}
}

// Validate reports every problem of p as a [*civic.ValidationError], or nil.
func (p Partner) Validate() error {
	var v civic.ValidationError
	p.Check(&v, nil)
	return v.Err()
}

// Check records the problems of vn at path: a name, a city and a country at least.
func (vn *Venue) Check(v *civic.ValidationError, path civic.Path) {
	checkLabel(v, path.Key("name"), vn.Name, true, civic.MaxNameLen)
	vn.Address.Check(v, path.Key("address"))
	vn.Description.Check(v, path.Key("description"), false, MaxDescriptionLen)
}

// Check records the problems of a at path: the city and country are required, the street
// and postcode optional, every part single-line text.
func (a Address) Check(v *civic.ValidationError, path civic.Path) {
	check.String(v, path.Key("street"), a.Street, text.Rule{Max: MaxStreetLen, Name: true})
	check.String(v, path.Key("postcode"), a.Postcode, text.Rule{Max: MaxPostcodeLen, Name: true})
	check.String(v, path.Key("city"), a.City, text.Rule{Required: true, Max: MaxCityLen, Name: true})
	if a.Country == "" {
		v.Add(path.Key("country"), civic.CodeRequired)
	} else {
		check.Country(v, path.Key("country"), a.Country)
	}
}

// Check records the problems of r at path: ID, name and a capacity from 1 to [MaxCapacity].
func (r Room) Check(v *civic.ValidationError, path civic.Path) {
	check.ID(v, path.Key("id"), r.ID)
	checkLabel(v, path.Key("name"), r.Name, true, civic.MaxNameLen)
	checkRange(v, path.Key("capacity"), r.Capacity, 1, MaxCapacity)
	r.Description.Check(v, path.Key("description"), false, MaxDescriptionLen)
}

func checkRange(v *civic.ValidationError, path civic.Path, n, lo, hi int) bool {
	if n < lo || n > hi {
		v.Add(path, civic.CodeOutOfRange, lo, hi, n)
		return false
	}
	return true
}

// check records the problems of t at path; rooms maps the event's room IDs to their
// capacities.
func (t Track) check(v *civic.ValidationError, path civic.Path, rooms map[string]int) {
	check.ID(v, path.Key("id"), t.ID)
	checkLabel(v, path.Key("title"), t.Title, true, MaxTitleLen)
	t.Description.Check(v, path.Key("description"), false, MaxDescriptionLen)
	audienceOK := checkRange(v, path.Key("audience"), t.Audience, 1, MaxCapacity)

	rp := path.Key("rooms")
	if len(t.Rooms) > MaxTrackRooms {
		v.Add(rp, civic.CodeTooMany, MaxTrackRooms, len(t.Rooms))
	}
	places, known := 0, len(t.Rooms) > 0
	for i, id := range t.Rooms {
		p := rp.Index(i)
		if !check.ID(v, p, id) {
			known = false
			continue
		}
		if slices.Index(t.Rooms[:i], id) >= 0 {
			v.Add(p, civic.CodeDuplicate, id)
			continue
		}
		c, ok := rooms[id]
		if !ok {
			v.Add(p, civic.CodeUnknownRef, id)
			known = false
			continue
		}
		if c < 1 || c > MaxCapacity {
			known = false // reported on the room
		}
		places += c
	}

	if t.Tables == nil {
		if audienceOK && known && t.Audience > places {
			v.Add(path.Key("audience"), civic.CodeOverCapacity, t.Audience, places)
		}
		return
	}
	tb, tp := *t.Tables, path.Key("tables")
	checkLabel(v, tp.Key("name"), tb.Name, false, MaxTitleLen)
	ok := checkRange(v, tp.Key("count"), tb.Count, 1, MaxTables)
	ok = checkRange(v, tp.Key("seats"), tb.Seats, 1, MaxSeats) && ok
	ok = checkRange(v, tp.Key("facilitators"), tb.Facilitators, 0, MaxSeats) && ok
	if !ok {
		return
	}
	if audienceOK && t.Audience > tb.Participants() {
		v.Add(path.Key("audience"), civic.CodeOverCapacity, t.Audience, tb.Participants())
	}
	if known && tb.People() > places {
		v.Add(tp, civic.CodeOverCapacity, tb.People(), places)
	}
}
