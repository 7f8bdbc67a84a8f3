package event

import (
	"math"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/internal/jsondec"
)

// Decode decodes an [Event] from its JSON form and validates it. Decoding is strict:
// unknown members, members given twice, values of the wrong type, invalid UTF-8, dates and
// times that do not parse are all reported with their paths, together with every
// validation problem of [Event.Check], in one [*civic.ValidationError]. A validation
// problem found at or under a value that could not be decoded is left out, since the first
// report already covers it.
//
// On any problem Decode returns a nil event and the error.
func Decode(data []byte) (*Event, error) {
	d := jsondec.New(data, jsondec.Limits{})
	var e Event
	decodeEvent(d, &e)
	d.End()
	if err := d.Check(e.Check); err != nil {
		return nil, err
	}
	return &e, nil
}

// DecodeCalendar decodes a [Calendar] from its JSON form and validates it, reporting every
// problem as [Decode] does.
func DecodeCalendar(data []byte) (*Calendar, error) {
	d := jsondec.New(data, jsondec.Limits{})
	var c Calendar
	decodeCalendar(d, &c)
	d.End()
	if err := d.Check(c.Check); err != nil {
		return nil, err
	}
	return &c, nil
}

// decodeInt decodes an integer, clamped to the range of int32 so that the result fits an
// int on every platform; validation reports it out of range anyway.
func decodeInt(d *jsondec.Decoder) int {
	n := d.Int()
	switch {
	case n > math.MaxInt32:
		return math.MaxInt32
	case n < math.MinInt32:
		return math.MinInt32
	}
	return int(n)
}

// decodeClock decodes "HH:MM", recording [civic.CodeInvalidClock] on another string.
func decodeClock(d *jsondec.Decoder) *Clock {
	s, ok := d.StrOK()
	if !ok {
		return nil
	}
	c, err := ParseClock(s)
	if err != nil {
		d.Fail(civic.CodeInvalidClock, s)
		return nil
	}
	return &c
}

func decodeEvent(d *jsondec.Decoder, e *Event) {
	if !d.Object() {
		return
	}
	for d.Next() {
		switch string(d.Key()) {
		case "id":
			e.ID = d.Str()
		case "kind":
			e.Kind = Kind(d.Str())
		case "title":
			e.Title = d.Text()
		case "description":
			e.Description = d.Text()
		case "start":
			e.Start = d.Date()
		case "end":
			e.End = d.Date()
		case "startTime":
			e.StartTime = decodeClock(d)
		case "endTime":
			e.EndTime = decodeClock(d)
		case "timeZone":
			e.TimeZone = d.Str()
		case "venue":
			if d.Object() {
				e.Venue = &Venue{}
				decodeVenueMembers(d, e.Venue)
			}
		case "partners":
			e.Partners = decodePartners(d)
		case "rooms":
			if d.Array() {
				for d.More() {
					var r Room
					decodeRoom(d, &r)
					e.Rooms = append(e.Rooms, r)
				}
			}
		case "tracks":
			if d.Array() {
				for d.More() {
					var t Track
					decodeTrack(d, &t)
					e.Tracks = append(e.Tracks, t)
				}
			}
		case "satellites":
			if d.Array() {
				for d.More() {
					var s Event
					decodeEvent(d, &s)
					e.Satellites = append(e.Satellites, s)
				}
			}
		default:
			d.Unknown()
		}
	}
}

// decodeVenueMembers decodes the members of a venue object already entered.
func decodeVenueMembers(d *jsondec.Decoder, v *Venue) {
	for d.Next() {
		switch string(d.Key()) {
		case "name":
			v.Name = d.Text()
		case "address":
			decodeAddress(d, &v.Address)
		case "description":
			v.Description = d.Text()
		default:
			d.Unknown()
		}
	}
}

func decodeAddress(d *jsondec.Decoder, a *Address) {
	if !d.Object() {
		return
	}
	for d.Next() {
		switch string(d.Key()) {
		case "street":
			a.Street = d.Str()
		case "postcode":
			a.Postcode = d.Str()
		case "city":
			a.City = d.Str()
		case "country":
			a.Country = d.Str()
		default:
			d.Unknown()
		}
	}
}

func decodePartners(d *jsondec.Decoder) []Partner {
	if !d.Array() {
		return nil
	}
	var out []Partner
	for d.More() {
		var p Partner
		if d.Object() {
			for d.Next() {
				switch string(d.Key()) {
				case "organisation":
					p.Organisation = d.Organisation()
				case "roles":
					for _, s := range d.Strings() {
						p.Roles = append(p.Roles, Role(s))
					}
				case "note":
					p.Note = d.Text()
				default:
					d.Unknown()
				}
			}
		}
		out = append(out, p)
	}
	return out
}

func decodeRoom(d *jsondec.Decoder, r *Room) {
	if !d.Object() {
		return
	}
	for d.Next() {
		switch string(d.Key()) {
		case "id":
			r.ID = d.Str()
		case "name":
			r.Name = d.Text()
		case "capacity":
			r.Capacity = decodeInt(d)
		case "description":
			r.Description = d.Text()
		default:
			d.Unknown()
		}
	}
}

func decodeTrack(d *jsondec.Decoder, t *Track) {
	if !d.Object() {
		return
	}
	for d.Next() {
		switch string(d.Key()) {
		case "id":
			t.ID = d.Str()
		case "title":
			t.Title = d.Text()
		case "description":
			t.Description = d.Text()
		case "audience":
			t.Audience = decodeInt(d)
		case "rooms":
			t.Rooms = d.Strings()
		case "tables":
			if d.Object() {
				t.Tables = &Tables{}
				decodeTablesMembers(d, t.Tables)
			}
		default:
			d.Unknown()
		}
	}
}

func decodeTablesMembers(d *jsondec.Decoder, t *Tables) {
	for d.Next() {
		switch string(d.Key()) {
		case "name":
			t.Name = d.Text()
		case "count":
			t.Count = decodeInt(d)
		case "seats":
			t.Seats = decodeInt(d)
		case "facilitators":
			t.Facilitators = decodeInt(d)
		default:
			d.Unknown()
		}
	}
}

func decodeCalendar(d *jsondec.Decoder, c *Calendar) {
	if !d.Object() {
		return
	}
	for d.Next() {
		switch string(d.Key()) {
		case "id":
			c.ID = d.Str()
		case "title":
			c.Title = d.Text()
		case "description":
			c.Description = d.Text()
		case "partners":
			c.Partners = decodePartners(d)
		case "activities":
			if d.Array() {
				for d.More() {
					var a Activity
					decodeActivity(d, &a)
					c.Activities = append(c.Activities, a)
				}
			}
		default:
			d.Unknown()
		}
	}
}

func decodeActivity(d *jsondec.Decoder, a *Activity) {
	if !d.Object() {
		return
	}
	for d.Next() {
		switch string(d.Key()) {
		case "id":
			a.ID = d.Str()
		case "kind":
			a.Kind = Kind(d.Str())
		case "month":
			a.Month = d.Date()
		case "title":
			a.Title = d.Text()
		case "entry":
			a.Entry = d.Text()
		case "place":
			if d.Object() {
				a.Place = &Place{}
				for d.Next() {
					switch string(d.Key()) {
					case "name":
						a.Place.Name = d.Text()
					case "country":
						a.Place.Country = d.Str()
					default:
						d.Unknown()
					}
				}
			}
		case "partners":
			a.Partners = decodePartners(d)
		default:
			d.Unknown()
		}
	}
}
