package main

import (
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"golang.org/x/text/language"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/contribution"
	"github.com/civic-observatory/civic/event"
)

// loadCall returns the call in path, or the built-in 2019 call when path is "".
func loadCall(path string) (*contribution.Call, error) { return loadExampleCall(path, "") }

// exampleFlag adds the --example flag to a command's flags.
func exampleFlag(fs *flag.FlagSet) *string {
	return fs.String("example", contribution.ExampleJournee2019, "built-in example: "+strings.Join(contribution.Examples(), " or "))
}

// loadExampleCall returns the call in path, or the built-in example's call when path is ""
// ("" is the 2019 call).
func loadExampleCall(path, example string) (*contribution.Call, error) {
	if path == "" {
		if example == "" {
			example = contribution.ExampleJournee2019
		}
		if !slices.Contains(contribution.Examples(), example) {
			return nil, usagef("unknown example %q (known: %s)", example, strings.Join(contribution.Examples(), ", "))
		}
		return contribution.BuiltinCall(example)
	}
	data, err := readFile(path)
	if err != nil {
		return nil, err
	}
	c, err := contribution.DecodeCall(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return c, nil
}

func runCall(e *env) error {
	fs := flags("call")
	callFile := fs.String("call", "", "call document (default: the built-in example's call)")
	example := exampleFlag(fs)
	fs.String("event", "", "event document the call is for (default: the built-in example's event)")
	if _, err := parse(fs, e.args); err != nil {
		return err
	}
	eventFile := fs.Lookup("event")
	c, err := loadExampleCall(*callFile, *example)
	if err != nil {
		return err
	}
	// The event the call is for: the --event file, or the example's when the call is.
	var ev *event.Event
	switch {
	case eventFile != nil && eventFile.Value.String() != "":
		data, err := readFile(eventFile.Value.String())
		if err != nil {
			return err
		}
		if ev, err = event.Decode(data); err != nil {
			return inFile(eventFile.Value.String(), err)
		}
	case *callFile == "" && *example == contribution.ExampleRencontres2027:
		if ev, err = event.Rencontres2027(); err != nil {
			return err
		}
	case *callFile == "":
		if ev, err = event.Journee2019(); err != nil {
			return err
		}
	}
	printCall(e.stdout, c, ev, e.lang)
	return nil
}

// printEvent states when and where the event takes place: dates, hours, venue and address.
func printEvent(w io.Writer, ev *event.Event, tag language.Tag) {
	when := event.FormatDate(ev.Start, tag)
	if !ev.End.IsZero() && ev.End != ev.Start {
		when = label(tag, "du ", "from ") + when + label(tag, " au ", " to ") + event.FormatDate(ev.End, tag)
	}
	if ev.StartTime != nil && ev.EndTime != nil {
		when += label(tag, ", de ", ", ") + ev.StartTime.String() + label(tag, " à ", "–") + ev.EndTime.String()
	}
	if ev.TimeZone != "" {
		when += " (" + ev.TimeZone + ")"
	}
	fmt.Fprintf(w, "%s%s\n", colon(tag, "Événement", "Event"), ev.Title.Get(tag))
	fmt.Fprintf(w, "%s%s\n", colon(tag, "Date", "When"), when)
	if v := ev.Venue; v != nil {
		parts := []string{v.Name.Get(tag)}
		if v.Address.Street != "" {
			parts = append(parts, v.Address.Street)
		}
		parts = append(parts, strings.TrimSpace(v.Address.Postcode+" "+v.Address.City))
		fmt.Fprintf(w, "%s%s\n", colon(tag, "Lieu", "Venue"), strings.Join(parts, ", "))
	}
}

// formatRules returns the rules a format's form states: the help of its questions, of
// their optional sub-questions, and of the choices it refuses (« le projet doit être en
// phase de conception, et non lancé »).
func formatRules(f *contribution.Format, tag language.Tag) []string {
	var out []string
	add := func(t civic.Text) {
		if s := t.Get(tag); s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	var walk func(fields []contribution.Field, top bool)
	walk = func(fields []contribution.Field, top bool) {
		for _, fl := range fields {
			if top || !fl.Required {
				add(fl.Help)
			}
			for _, ch := range fl.Choices {
				if ch.Refuse != "" {
					add(ch.Help)
				}
			}
			if top {
				walk(fl.Fields, false)
			}
		}
	}
	walk(f.Fields, true)
	return out
}

// label returns the French or English word.
func label(tag language.Tag, fr, en string) string { return civic.NewText(fr, en).Get(tag) }

// printCall presents a call for people: title, organisers, dates, formats, axes and
// their guiding questions.
func printCall(w io.Writer, c *contribution.Call, ev *event.Event, tag language.Tag) {
	title := c.Title.Get(tag)
	fmt.Fprintf(w, "%s\n%s\n\n", title, strings.Repeat("=", len([]rune(title))))
	if ev != nil {
		printEvent(w, ev, tag)
		fmt.Fprintln(w)
	}
	var orgs []string
	for _, o := range c.Organisers {
		orgs = append(orgs, o.Name)
	}
	fmt.Fprintf(w, "%s%s\n", colon(tag, "Organisateurs", "Organisers"), strings.Join(orgs, ", "))
	loc := c.Location()
	if !c.Opens.IsZero() {
		opens := longDate(c.Opens.In(loc), tag)
		if src := c.OpensSource.Get(tag); src != "" {
			opens += " (" + src + ")"
		}
		fmt.Fprintf(w, "%s%s\n", colon(tag, "Ouverture", "Opens"), opens)
	}
	fmt.Fprintf(w, "%s%s\n", colon(tag, "Date limite", "Deadline"),
		deadline(c.Deadline.In(loc), tag))
	if c.Form != "" {
		fmt.Fprintf(w, "%s%s\n", colon(tag, "Formulaire", "Form"), c.Form)
	}
	fmt.Fprintf(w, "%s%s\n", colon(tag, "Langues", "Languages"), strings.Join(c.Languages, ", "))
	var fams []string
	for _, f := range c.Families {
		fams = append(fams, f.Label().Get(tag))
	}
	fmt.Fprintf(w, "%s%s\n\n", colon(tag, "Diversité recherchée", "Diversity sought"), strings.Join(fams, label(tag, "\u00a0; ", "; ")))

	fmt.Fprintf(w, "%s\n\n", label(tag, "FORMATS", "FORMATS"))
	for _, f := range c.Formats {
		length := fmt.Sprintf("%d min", f.Minutes)
		if f.FeedbackMinutes > 0 {
			length += fmt.Sprintf(" + %d min %s", f.FeedbackMinutes, label(tag, "de retours des pairs", "of peer feedback"))
		}
		fmt.Fprintf(w, "- %s [%s] — %s\n", f.Name.Get(tag), f.ID, length)
		if a := f.Audience.Get(tag); a != "" {
			fmt.Fprintf(w, "  %s%s\n", colon(tag, "Pour", "For"), a)
		}
		if f.Table != nil {
			fmt.Fprintf(w, "  %s\n", fmt.Sprintf(label(tag, "Tables de %d personnes + %d animateur : présentation à %d pairs", "Tables of %d people + %d facilitator: presented to %d peers"), f.Table.Seats, f.Table.Facilitators, f.Table.Peers()))
		}
		if f.Capacity > 0 {
			fmt.Fprintf(w, "  %s\n", fmt.Sprintf(label(tag, "%d participants au plus", "At most %d participants"), f.Capacity))
		}
		if !f.RightOfReply {
			fmt.Fprintf(w, "  %s\n", label(tag, "Pas de droit de réponse", "No right of reply"))
		}
		switch f.Axes {
		case contribution.Required:
			fmt.Fprintf(w, "  %s\n", label(tag, "S'inscrit dans un ou plusieurs axes", "Addresses one or more axes"))
		case contribution.Optional:
			fmt.Fprintf(w, "  %s\n", label(tag, "Peut s'inscrire dans un ou plusieurs axes", "May address one or more axes"))
		}
		for _, r := range formatRules(&f, tag) {
			fmt.Fprintf(w, "  - %s\n", r)
		}
	}
	fmt.Fprintf(w, "\n%s\n", label(tag, "AXES", "AXES"))
	for _, a := range c.Axes {
		fmt.Fprintf(w, "\n%s. %s\n", a.ID, a.Title.Get(tag))
		for _, q := range a.Questions {
			fmt.Fprintf(w, "  (%s) %s\n", a.Ref(q.Number), q.Text.Get(tag))
		}
	}
}

// colon returns a label followed by a colon, with French spacing in French: "Date limite : ", "Deadline: ".
func colon(tag language.Tag, fr, en string) string {
	if base, _ := tag.Base(); base.String() == "fr" {
		return fr + "\u00a0: "
	}
	return en + ": "
}

// longDate writes "25 janvier 2019" or "25 January 2019".
// deadline returns a deadline for people, with its time and zone, so that a deadline at
// 23:59 does not read as the day before: "before 25 January 2019, 00:00 CET (Europe/Paris)".
func deadline(t time.Time, tag language.Tag) string {
	zone := t.Location().String()
	return label(tag, "avant le ", "before ") + longDate(t, tag) + label(tag, " à ", ", ") + t.Format("15:04 MST") + " (" + zone + ")"
}

func longDate(t time.Time, tag language.Tag) string {
	if base, _ := tag.Base(); base.String() == "fr" {
		months := [...]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet",
			"août", "septembre", "octobre", "novembre", "décembre"}
		return fmt.Sprintf("%d %s %d", t.Day(), months[t.Month()-1], t.Year())
	}
	return fmt.Sprintf("%d %s %d", t.Day(), t.Month(), t.Year())
}
