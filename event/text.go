package event

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"time"

	"golang.org/x/text/language"

	"github.com/civic-observatory/civic"
)

var monthsFR = [...]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet",
	"août", "septembre", "octobre", "novembre", "décembre"}

var weekdaysFR = [...]string{"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"}

// isFrench reports whether tag matches French among the supported languages.
func isFrench(tag language.Tag) bool { return civic.MatchLanguage(tag) == language.French }

// FormatDate writes d for a reader of tag, at d's precision: « 2019 », « mars 2019 »,
// « lundi 18 mars 2019 » in French; "2019", "March 2019", "Monday 18 March 2019" in
// English. The zero date gives "".
func FormatDate(d civic.Date, tag language.Tag) string {
	if !d.Valid() {
		return ""
	}
	fr := isFrench(tag)
	switch d.Precision() {
	case civic.PrecisionYear:
		return fmt.Sprintf("%04d", d.Year)
	case civic.PrecisionMonth:
		if fr {
			return fmt.Sprintf("%s %04d", monthsFR[d.Month-1], d.Year)
		}
		return fmt.Sprintf("%s %04d", d.Month, d.Year)
	case civic.PrecisionDay:
		wd := d.Start(time.UTC).Weekday()
		if fr {
			day := fmt.Sprint(d.Day)
			if d.Day == 1 {
				day = "1er"
			}
			return fmt.Sprintf("%s %s %s %04d", weekdaysFR[wd], day, monthsFR[d.Month-1], d.Year)
		}
		return fmt.Sprintf("%s %d %s %04d", wd, d.Day, d.Month, d.Year)
	}
	return ""
}

// WriteText writes a plain-text summary of the event for a reader of tag: title, kind,
// dates and times, venue, partners, rooms, tracks and satellite events. User text is
// written as is; the output is not markup.
func (e *Event) WriteText(w io.Writer, tag language.Tag) error {
	bw := bufio.NewWriter(w)
	e.writeText(bw, tag, "")
	return bw.Flush()
}

func (e *Event) writeText(w *bufio.Writer, tag language.Tag, indent string) {
	fr := isFrench(tag)
	pick := func(f, en string) string {
		if fr {
			return f
		}
		return en
	}
	colon := pick(" : ", ": ")
	fmt.Fprintf(w, "%s%s\n", indent, e.Title.Get(tag))
	fmt.Fprintf(w, "%s  %s%s%s\n", indent, pick("Type", "Kind"), colon, e.Kind.Label().Get(tag))
	when := FormatDate(e.Start, tag)
	if !e.End.IsZero() && e.End != e.Start {
		when = pick("du ", "from ") + when + pick(" au ", " to ") + FormatDate(e.End, tag)
	}
	switch {
	case e.StartTime != nil && e.EndTime != nil:
		when += pick(", de ", ", ") + e.StartTime.String() + pick(" à ", "–") + e.EndTime.String()
	case e.StartTime != nil:
		when += pick(", à ", ", at ") + e.StartTime.String()
	}
	if e.TimeZone != "" {
		when += " (" + e.TimeZone + ")"
	}
	fmt.Fprintf(w, "%s  %s%s%s\n", indent, pick("Date", "When"), colon, when)
	if e.Venue != nil {
		a := e.Venue.Address
		parts := []string{e.Venue.Name.Get(tag)}
		if a.Street != "" {
			parts = append(parts, a.Street)
		}
		parts = append(parts, strings.TrimSpace(a.Postcode+" "+a.City))
		fmt.Fprintf(w, "%s  %s%s%s\n", indent, pick("Lieu", "Venue"), colon, strings.Join(parts, ", "))
	}
	for _, p := range e.Partners {
		var roles []string
		for _, r := range p.Roles {
			roles = append(roles, strings.ToLower(r.Label().Get(tag)))
		}
		line := p.Organisation.Name + " (" + strings.Join(roles, ", ") + ")"
		if n := p.Note.Get(tag); n != "" {
			line += " – " + n
		}
		fmt.Fprintf(w, "%s  %s%s%s\n", indent, pick("Partenaire", "Partner"), colon, line)
	}
	if len(e.Rooms) > 0 {
		fmt.Fprintf(w, "%s  %s\n", indent, pick("Salles :", "Rooms:"))
		for _, r := range e.RoomsByName(tag) {
			fmt.Fprintf(w, "%s    - %s [%s], %d %s\n", indent, r.Name.Get(tag), r.ID, r.Capacity, pick("places", "places"))
		}
	}
	if len(e.Tracks) > 0 {
		fmt.Fprintf(w, "%s  %s\n", indent, pick("Parcours :", "Tracks:"))
		for _, t := range e.Tracks {
			line := fmt.Sprintf("%s [%s], %d %s", t.Title.Get(tag), t.ID, t.Audience, pick("personnes par session", "people per session"))
			if len(t.Rooms) > 0 {
				line += pick(", salles ", ", rooms ") + strings.Join(t.Rooms, ", ")
			}
			fmt.Fprintf(w, "%s    - %s\n", indent, line)
			if tb := t.Tables; tb != nil {
				fmt.Fprintf(w, "%s      %d × %s%s%d %s + %d %s\n", indent, tb.Count, tb.Name.Get(tag), colon,
					tb.Seats, pick("participants", "participants"), tb.Facilitators, pick("animateur(s)", "facilitator(s)"))
			}
		}
	}
	for i := range e.Satellites {
		fmt.Fprintf(w, "%s  %s\n", indent, pick("Événement associé :", "Satellite event:"))
		e.Satellites[i].writeText(w, tag, indent+"    ")
	}
}

// WriteText writes the calendar as plain text for a reader of tag: its title, then one
// line per activity with its month, kind, title, place and partners.
func (c *Calendar) WriteText(w io.Writer, tag language.Tag) error {
	bw := bufio.NewWriter(w)
	fr := isFrench(tag)
	fmt.Fprintf(bw, "%s\n\n", c.Title.Get(tag))
	for _, a := range c.Activities {
		line := FormatDate(a.Month, tag) + " – " + a.Kind.Label().Get(tag) + " – " + a.Title.Get(tag)
		if a.Place != nil {
			line += ", " + a.Place.Name.Get(tag)
		}
		for _, p := range a.Partners {
			if fr {
				line += " (avec " + p.Organisation.Name + ")"
			} else {
				line += " (with " + p.Organisation.Name + ")"
			}
		}
		fmt.Fprintf(bw, "%s\n", line)
	}
	return bw.Flush()
}
