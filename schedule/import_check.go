package schedule

import (
	"cmp"
	"slices"
	"strconv"

	"github.com/civic-observatory/civic"
)

// Path returns where the source holds the event ("schedule.day[0].room[2].event[5]"), or
// its index among the events when it was not read from a file.
func (im *Imported) Path(i int) civic.Path {
	if p := im.Events[i].path; p != nil {
		return p
	}
	return civic.Path{}.Key("events").Index(i)
}

// Check records the problems of the schedule as the programme checker sees them: two
// events in one room at the same time ([civic.CodeRoomConflict]), a person speaking in two
// places at once ([civic.CodeSpeakerConflict]; persons are the same when they share a GUID,
// an ID, or, without either, a name), two events with one ID, GUID, code or slug
// ([civic.CodeDuplicate]), an event of no length. Each problem is at the later event's
// path, naming the earlier one.
func (im *Imported) Check(v *civic.ValidationError) {
	order := make([]int, len(im.Events))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return im.Events[a].Start.Compare(im.Events[b].Start) })
	type open struct {
		i   int
		end int64
	}
	rooms := map[string][]open{}
	persons := map[string][]open{}
	seen := map[string]int{}
	dup := func(i int, kind, key string) {
		if key == "" {
			return
		}
		if _, ok := seen[kind+"\x00"+key]; ok {
			v.Add(im.Path(i).Key(kind), civic.CodeDuplicate, key)
			return
		}
		seen[kind+"\x00"+key] = i
	}
	for i := range im.Events {
		e := &im.Events[i]
		if e.ID > 0 {
			dup(i, "id", strconv.FormatInt(e.ID, 10))
		}
		dup(i, "guid", e.GUID)
		dup(i, "code", e.Code)
		dup(i, "slug", e.Slug)
		if e.Minutes == 0 {
			v.Add(im.Path(i).Key("duration"), civic.CodeDuration, "0:00")
		}
	}
	for _, i := range order {
		e := &im.Events[i]
		start, end := e.Start.Unix(), e.End().Unix()
		// Only events still running at this start can overlap it: keep those.
		live := func(list []open) []open {
			out := list[:0]
			for _, o := range list {
				if o.end > start {
					out = append(out, o)
				}
			}
			return out
		}
		if e.Room != "" && end > start {
			rooms[e.Room] = live(rooms[e.Room])
			if l := rooms[e.Room]; len(l) > 0 {
				v.Add(im.Path(i).Key("room"), civic.CodeRoomConflict, e.Room, im.Events[l[0].i].Title)
			}
			rooms[e.Room] = append(rooms[e.Room], open{i, end})
		}
		for k, p := range e.Persons {
			key := p.key()
			if key == "name:" || end <= start {
				continue
			}
			if slices.ContainsFunc(e.Persons[:k], func(q ImportedPerson) bool { return q.key() == key }) {
				continue
			}
			persons[key] = live(persons[key])
			if l := persons[key]; len(l) > 0 {
				v.Add(im.Path(i).Key("persons").Index(k), civic.CodeSpeakerConflict, p.Name, im.Events[l[0].i].Title)
			}
			persons[key] = append(persons[key], open{i, end})
		}
	}
	slices.SortStableFunc(v.Errors, func(a, b *civic.FieldError) int { return cmp.Compare(a.Path.String(), b.Path.String()) })
}

// Validate returns the problems [Imported.Check] finds as a [*civic.ValidationError], or
// nil.
func (im *Imported) Validate() error {
	var v civic.ValidationError
	im.Check(&v)
	return v.Err()
}
