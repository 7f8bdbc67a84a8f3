package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"golang.org/x/text/language"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/contribution"
)

// loadCall returns the call in path, or the built-in 2019 call when path is "".
func loadCall(path string) (*contribution.Call, error) {
	if path == "" {
		return contribution.Call2019()
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
	callFile := fs.String("call", "", "call document (default: the built-in 2019 call)")
	if _, err := parse(fs, e.args); err != nil {
		return err
	}
	c, err := loadCall(*callFile)
	if err != nil {
		return err
	}
	printCall(e.stdout, c, e.lang)
	return nil
}

// label returns the French or English word.
func label(tag language.Tag, fr, en string) string { return civic.NewText(fr, en).Get(tag) }

// printCall presents a call for people: title, organisers, dates, formats, axes and
// their guiding questions.
func printCall(w io.Writer, c *contribution.Call, tag language.Tag) {
	title := c.Title.Get(tag)
	fmt.Fprintf(w, "%s\n%s\n\n", title, strings.Repeat("=", len([]rune(title))))
	var orgs []string
	for _, o := range c.Organisers {
		orgs = append(orgs, o.Name)
	}
	fmt.Fprintf(w, "%s%s\n", colon(tag, "Organisateurs", "Organisers"), strings.Join(orgs, ", "))
	loc := c.Location()
	if !c.Opens.IsZero() {
		fmt.Fprintf(w, "%s%s\n", colon(tag, "Ouverture", "Opens"), longDate(c.Opens.In(loc), tag))
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
			fmt.Fprintf(w, "  %s\n", fmt.Sprintf(label(tag, "Tables de %d personnes + %d animateur", "Tables of %d people + %d facilitator"), f.Table.Seats, f.Table.Facilitators))
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
