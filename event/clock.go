package event

import (
	"fmt"

	"github.com/civic-observatory/civic"
)

// Clock is a local time of day, to the minute, as a programme prints it: "09:00", "18:30".
// Its text and JSON form is "HH:MM", from "00:00" to "23:59". It carries no date and no time
// zone: an [Event] gives both.
//
// The zero value is midnight; an event's optional times are pointers, so that "no time
// given" and "00:00" differ.
type Clock struct {
	Hour   int // 0 to 23
	Minute int // 0 to 59
}

// ClockPattern is the pattern of a [Clock]'s text form.
const ClockPattern = "^([01][0-9]|2[0-3]):[0-5][0-9]$"

// At returns the time of day h:m. It does not check its arguments: see [Clock.Valid].
func At(h, m int) Clock { return Clock{Hour: h, Minute: m} }

// ParseClock parses "HH:MM" (two digits each, 00:00 to 23:59). The error is a
// [*civic.FieldError] with [civic.CodeInvalidClock].
func ParseClock(s string) (Clock, error) {
	if len(s) != 5 || s[2] != ':' || !digit(s[0]) || !digit(s[1]) || !digit(s[3]) || !digit(s[4]) {
		return Clock{}, &civic.FieldError{Code: civic.CodeInvalidClock, Args: []any{s}}
	}
	c := Clock{Hour: int(s[0]-'0')*10 + int(s[1]-'0'), Minute: int(s[3]-'0')*10 + int(s[4]-'0')}
	if !c.Valid() {
		return Clock{}, &civic.FieldError{Code: civic.CodeInvalidClock, Args: []any{s}}
	}
	return c, nil
}

func digit(c byte) bool { return c >= '0' && c <= '9' }

// Valid reports whether c is a time of day from 00:00 to 23:59.
func (c Clock) Valid() bool { return c.Hour >= 0 && c.Hour < 24 && c.Minute >= 0 && c.Minute < 60 }

// Minutes returns the number of minutes since midnight.
func (c Clock) Minutes() int { return c.Hour*60 + c.Minute }

// Compare returns -1, 0 or +1 as c is before, equal to or after d.
func (c Clock) Compare(d Clock) int {
	switch a, b := c.Minutes(), d.Minutes(); {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// String returns "HH:MM"; an invalid clock prints its fields as they are.
func (c Clock) String() string { return fmt.Sprintf("%02d:%02d", c.Hour, c.Minute) }

// MarshalText writes "HH:MM", and fails on an invalid clock.
func (c Clock) MarshalText() ([]byte, error) {
	if !c.Valid() {
		return nil, fmt.Errorf("event: invalid clock time %d:%d", c.Hour, c.Minute)
	}
	return []byte(c.String()), nil
}

// UnmarshalText parses "HH:MM" with [ParseClock].
func (c *Clock) UnmarshalText(b []byte) error {
	v, err := ParseClock(string(b))
	if err != nil {
		return err
	}
	*c = v
	return nil
}
