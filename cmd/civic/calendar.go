package main

import (
	"github.com/civic-observatory/civic/event"
	"github.com/civic-observatory/civic/schedule"
)

// runCalendar prints the Observatoire's 2018–2019 calendar as text or iCalendar.
func runCalendar(e *env) error {
	fs := flags("calendar")
	format := fs.String("format", "text", "output: text or ics")
	if _, err := parse(fs, e.args); err != nil {
		return err
	}
	c, err := event.Observatoire2018()
	if err != nil {
		return err
	}
	switch *format {
	case "text":
		return c.WriteText(e.stdout, e.lang)
	case "ics", "ical":
		return schedule.WriteCalendarICal(e.stdout, c, e.lang)
	}
	return unknownValue("format", *format, "text", "ics")
}
