package schedule

import (
	"fmt"
	"slices"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/contribution"
	"github.com/civic-observatory/civic/event"
	"github.com/civic-observatory/civic/internal/check"
	"github.com/civic-observatory/civic/internal/text"
)

// Programme is the programme of an event: its sessions, in rooms and at times, with the
// talks of the contributions placed in them, and the contributions that could not be
// placed, each with its reason.
type Programme struct {
	// Event is the ID of the event.
	Event string `json:"event"`
	// Call is the ID of the call the contributions answered.
	Call string `json:"call"`
	// Sessions are the sessions, ordered by start time, then track, room and ID.
	Sessions []Session `json:"sessions,omitempty"`
	// Unplaced are the confirmed contributions the programme leaves out, with the reason.
	Unplaced []Unplaced `json:"unplaced,omitempty"`
}

// Session is one slot of the grid held in one room.
type Session struct {
	// ID identifies the session within the programme, matching [civic.IDPattern].
	ID string `json:"id"`
	// Slot is the ID of the grid slot the session holds.
	Slot string `json:"slot"`
	// Track and Room are IDs of the event's track and room; Room is empty for a slot of
	// every track (lunch, break, evening).
	Track string `json:"track,omitempty"`
	Room  string `json:"room,omitempty"`
	// Axis is the call's axis a round table or workshop is built around, if any.
	Axis string `json:"axis,omitempty"`
	// Talks are the contributions presented in the session, in order.
	Talks []Talk `json:"talks,omitempty"`
}

// Talk is a contribution presented in a session.
type Talk struct {
	// Proposal is the ID of the confirmed proposal.
	Proposal string `json:"proposal"`
	// Title is the proposal's title, as published.
	Title string `json:"title"`
	// Format is the ID of the proposal's format.
	Format string `json:"format"`
	// Language is the language the talk is given in.
	Language string `json:"language"`
	// Start is the local time the talk starts.
	Start event.Clock `json:"start"`
	// Minutes is the talk's length, feedback included.
	Minutes int `json:"minutes"`
	// Table is the number of the co-construction table, from 1; 0 outside tables.
	Table int `json:"table,omitempty"`
	// Speakers are the names of the contributors who present it, with their organisation.
	Speakers []Speaker `json:"speakers,omitempty"`
}

// Speaker is a contributor as the programme names them: no e-mail address is published.
type Speaker struct {
	Name         string `json:"name"`
	Organisation string `json:"organisation,omitempty"`
}

// Unplaced is a confirmed contribution the programme leaves out, with the reason as a
// stable code and its arguments.
type Unplaced struct {
	Proposal string     `json:"proposal"`
	Code     civic.Code `json:"code"`
	Args     []string   `json:"args,omitempty"`
}

// Reason returns the reason as a [civic.FieldError] located at the proposal, for display.
func (u Unplaced) Reason() *civic.FieldError {
	args := make([]any, len(u.Args))
	for i, a := range u.Args {
		args[i] = a
	}
	return &civic.FieldError{Path: civic.Path{}.Key(u.Proposal), Code: u.Code, Args: args}
}

// End returns the local time the talk ends; a talk that ends after midnight ends on the
// next day.
func (t *Talk) End() event.Clock { return clockAt(t.Start.Minutes() + t.Minutes) }

// Context is what a programme is checked against: the event and its grid, the call, and
// the proposals' records (their states, formats, families and speakers' e-mails).
type Context struct {
	Event     *event.Event
	Grid      *Grid
	Call      *contribution.Call
	Proposals []*contribution.Record
}

// Limits on programmes.
const (
	MaxSessions = 10000
	MaxTalks    = 100
	MaxSpeakers = 20
)

// Check records every problem of the programme at path against the context: references
// (slots, tracks, rooms, proposals), each proposal at most once and confirmed (or
// scheduled), the session kind fits the format (and, at co-construction tables, the
// holder's family), talks inside their session and in order, talks and discussion within
// the session's length, tables within the track's tables, no room or table used twice at
// once, nobody speaking in two places at once (two tables of one session included), rooms
// big enough for their share of the track's audience and tables with the seats the format
// needs ([civic.CodeOverCapacity]), titles and names of one line without control or
// bidirectional formatting characters (markup is text, escaped by every export).
func (pr *Programme) Check(v *civic.ValidationError, path civic.Path, cx Context) {
	check.ID(v, path.Key("event"), pr.Event)
	if cx.Event != nil && pr.Event != cx.Event.ID {
		v.Add(path.Key("event"), civic.CodeUnknownRef, pr.Event)
	}
	if cx.Call != nil && pr.Call != cx.Call.ID {
		v.Add(path.Key("call"), civic.CodeUnknownRef, pr.Call)
	}
	props := map[string]*contribution.Record{}
	for _, p := range cx.Proposals {
		props[p.ID] = p
	}
	sp := path.Key("sessions")
	if len(pr.Sessions) > MaxSessions {
		v.Add(sp, civic.CodeTooMany, MaxSessions, len(pr.Sessions))
		return
	}
	type use struct {
		session    int
		start, end int // minutes from the event's first midnight
	}
	placed := map[string]civic.Path{}
	rooms := map[string][]use{}    // room or room#table → uses
	speakers := map[string][]use{} // e-mail → talks
	seenID := map[string]bool{}
	for i := range pr.Sessions {
		s := &pr.Sessions[i]
		p := sp.Index(i)
		if check.ID(v, p.Key("id"), s.ID) && seenID[s.ID] {
			v.Add(p.Key("id"), civic.CodeDuplicate, s.ID)
		}
		seenID[s.ID] = true
		var slot *Slot
		if s.Slot == "" {
			v.Add(p.Key("slot"), civic.CodeRequired)
		} else if cx.Grid != nil {
			var ok bool
			if slot, ok = cx.Grid.Slot(s.Slot); !ok {
				v.Add(p.Key("slot"), civic.CodeUnknownRef, s.Slot)
			}
		}
		var track event.Track
		hasTrack := false
		if s.Track != "" && cx.Event != nil {
			if track, hasTrack = cx.Event.Track(s.Track); !hasTrack {
				v.Add(p.Key("track"), civic.CodeUnknownRef, s.Track)
			}
		}
		if slot != nil && s.Track != "" && len(slot.Tracks) > 0 && !slices.Contains(slot.Tracks, s.Track) {
			v.Add(p.Key("track"), civic.CodeUnknownRef, s.Track)
		}
		if s.Room != "" && hasTrack {
			if !slices.Contains(track.Rooms, s.Room) {
				v.Add(p.Key("room"), civic.CodeUnknownRef, s.Room)
			} else if r, ok := cx.Event.Room(s.Room); ok && r.Capacity > 0 && audience(track) > r.Capacity {
				v.Add(p.Key("room"), civic.CodeOverCapacity, audience(track), r.Capacity)
			}
		}
		if s.Axis != "" && cx.Call != nil {
			if _, ok := cx.Call.Axes.Get(s.Axis); !ok {
				v.Add(p.Key("axis"), civic.CodeUnknownRef, s.Axis)
			}
		}
		tp := p.Key("talks")
		if len(s.Talks) > MaxTalks {
			v.Add(tp, civic.CodeTooMany, MaxTalks, len(s.Talks))
			continue
		}
		// What a talk must be on its own, with or without a grid.
		for j := range s.Talks {
			t := &s.Talks[j]
			q := tp.Index(j)
			// Markup is plain text, escaped by every export: never a reason to refuse.
			check.String(v, q.Key("title"), t.Title, text.Rule{Required: true, Max: 1000, Name: true})
			if len(t.Speakers) > MaxSpeakers {
				v.Add(q.Key("speakers"), civic.CodeTooMany, MaxSpeakers, len(t.Speakers))
			}
			for k, sk := range t.Speakers {
				check.String(v, q.Key("speakers").Index(k).Key("name"), sk.Name, text.Rule{Required: true, Max: civic.MaxNameLen, Name: true})
				check.String(v, q.Key("speakers").Index(k).Key("organisation"), sk.Organisation, text.Rule{Max: civic.MaxNameLen, Name: true})
			}
			if !t.Start.Valid() {
				v.Add(q.Key("start"), civic.CodeInvalidClock, t.Start.String())
			}
			if t.Minutes < 1 || t.Minutes > 24*60 {
				v.Add(q.Key("minutes"), civic.CodeOutOfRange, 1, 24*60, t.Minutes)
			}
			if t.Table < 0 || t.Table > event.MaxTables {
				v.Add(q.Key("table"), civic.CodeOutOfRange, 0, event.MaxTables, t.Table)
			}
			if _, ok := placed[t.Proposal]; ok {
				v.Add(q.Key("proposal"), civic.CodeDuplicate, t.Proposal)
			} else {
				placed[t.Proposal] = q
			}
		}
		if slot == nil {
			continue
		}
		if s.Room != "" {
			for _, u := range rooms[s.Room] {
				o := &pr.Sessions[u.session]
				if ss, se := slot.span(); overlap(ss, se, u.start, u.end) {
					v.Add(p.Key("room"), civic.CodeRoomConflict, s.Room, o.ID)
					break
				}
			}
			ss, se := slot.span()
			rooms[s.Room] = append(rooms[s.Room], use{i, ss, se})
		}
		tables := 0
		if hasTrack && track.Tables != nil {
			tables = track.Tables.Count
		}
		perTable := map[int]int{} // minutes used per table (0: the whole session)
		lastEnd := map[int]int{}
		for j := range s.Talks {
			t := &s.Talks[j]
			q := tp.Index(j)
			if t.Minutes < 1 || t.Minutes > 24*60 || t.Table < 0 || t.Table > event.MaxTables {
				continue // reported above
			}
			switch {
			case tables == 0 && t.Table != 0:
				v.Add(q.Key("table"), civic.CodeNotForFormat, "table", string(slot.Kind))
			case tables > 0 && (t.Table < 1 || t.Table > tables):
				v.Add(q.Key("table"), civic.CodeOutOfRange, 1, tables, t.Table)
			}
			// Inside the session and in order (per table), in minutes from the event's
			// first midnight: a session may cross midnight.
			ts := slot.at(t.Start)
			te := ts + t.Minutes
			if ss, se := slot.span(); ts < ss || slot.End != nil && te > se {
				v.Add(q.Key("start"), civic.CodeOrder, slot.Start.String(), t.Start.String())
			} else if le, ok := lastEnd[t.Table]; ok && ts < le {
				v.Add(q.Key("start"), civic.CodeRoomConflict, roomLabel(s, t.Table), s.ID)
			}
			lastEnd[t.Table] = te
			perTable[t.Table] += t.Minutes
			// The proposal: exists, confirmed, format fits the session (when the
			// context gives the proposals).
			if cx.Proposals == nil {
				continue
			}
			prop, ok := props[t.Proposal]
			if !ok {
				v.Add(q.Key("proposal"), civic.CodeUnknownRef, t.Proposal)
				continue
			}
			if prop.State != contribution.StateConfirmed && prop.State != contribution.StateScheduled {
				state := string(prop.State)
				if state == "" {
					state = string(contribution.StateDraft)
				}
				v.Add(q.Key("proposal"), civic.CodeNotConfirmed, t.Proposal, state)
			}
			if cx.Call != nil {
				if f, ok := cx.Call.Format(prop.Format); ok && !fits(slot, f, &prop.Proposal) {
					v.Add(q.Key("proposal"), civic.CodeWrongSession, prop.Format, string(slot.Kind))
				} else if ok && tables > 0 && t.Table > 0 && !tableFits(f, track.Tables) {
					v.Add(q.Key("table"), civic.CodeOverCapacity, f.Table.Seats+f.Table.Facilitators, track.Tables.Seats+track.Tables.Facilitators)
				} else if ok && hasTrack && !capacityFits(f, audience(track)) {
					v.Add(q.Key("proposal"), civic.CodeOverCapacity, audience(track), f.Capacity)
				}
			}
			var emails []string
			for _, c := range prop.Contributors {
				if slices.Contains(emails, c.Email) {
					continue
				}
				emails = append(emails, c.Email)
				for _, u := range speakers[c.Email] {
					if overlap(ts, te, u.start, u.end) {
						v.Add(q.Key("speakers"), civic.CodeSpeakerConflict, c.Name, pr.Sessions[u.session].ID)
						break
					}
				}
				speakers[c.Email] = append(speakers[c.Email], use{i, ts, te})
			}
		}
		avail := slot.Minutes() - slot.Discussion
		if tables > 0 {
			avail = slot.Minutes()
		}
		for _, tb := range sortedKeys(perTable) {
			if used := perTable[tb]; slot.End != nil && used > avail {
				v.Add(tp, civic.CodeOverTime, used, avail)
			}
		}
	}
	up := path.Key("unplaced")
	for i, u := range pr.Unplaced {
		if !u.Code.Valid() {
			v.Add(up.Index(i).Key("code"), civic.CodeUnknownValue, string(u.Code))
		}
		if _, ok := placed[u.Proposal]; ok {
			v.Add(up.Index(i).Key("proposal"), civic.CodeDuplicate, u.Proposal)
		}
	}
}

func sortedKeys(m map[int]int) []int {
	keys := make([]int, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func roomLabel(s *Session, table int) string {
	if table > 0 {
		return fmt.Sprintf("%s#%d", s.Room, table)
	}
	return s.Room
}

// fits reports whether a proposal of format f fits a session of the slot: the slot hosts
// the format (see [Slot.Hosts]) and, at co-construction tables, takes the holder's family.
func fits(slot *Slot, f *contribution.Format, p *contribution.Proposal) bool {
	if !slot.Hosts(f) {
		return false
	}
	return slot.Kind != KindCoBuild || len(slot.Families) == 0 || slices.Contains(slot.Families, p.Family())
}

// tableFits reports whether a format's co-construction table (its seats, the holder
// included, and facilitators) fits the tables of a track; formats without a table fit any.
func tableFits(f *contribution.Format, tb *event.Tables) bool {
	return f.Table == nil || f.Table.Seats <= tb.Seats && f.Table.Facilitators <= tb.Facilitators
}

// capacityFits reports whether a session bringing n people into its room suits a format
// limited to f.Capacity participants (a workshop for at most 25): formats without a limit,
// and sessions of unknown audience, fit.
func capacityFits(f *contribution.Format, n int) bool {
	return f.Capacity == 0 || n == 0 || n <= f.Capacity
}

// audience returns the people a session of the track brings into one of its rooms: the
// people at its tables, or its audience shared evenly between its rooms (0 when unknown).
func audience(t event.Track) int {
	if t.Tables != nil {
		return t.Tables.People()
	}
	if len(t.Rooms) == 0 || t.Audience <= 0 {
		return 0
	}
	return (t.Audience + len(t.Rooms) - 1) / len(t.Rooms)
}

// Validate reports every problem of the programme against the context as a
// [*civic.ValidationError].
func (pr *Programme) Validate(cx Context) error {
	var v civic.ValidationError
	pr.Check(&v, nil, cx)
	return v.Err()
}
