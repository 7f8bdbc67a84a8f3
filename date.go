package civic

import (
	"fmt"
	"time"
)

// Precision says how much of a [Date] is known.
type Precision string

// The precisions of a [Date], coarsest first.
const (
	PrecisionYear  Precision = "year"
	PrecisionMonth Precision = "month"
	PrecisionDay   Precision = "day"
)

// Date is a calendar date known to the year, the month or the day, as sources give them:
// the Observatoire's calendar knows most activities only to the month. Its text and JSON
// form is "2019", "2019-03" or "2019-03-18". The zero value is the unknown date, written "".
type Date struct {
	Year  int        // 1 to 9999
	Month time.Month // 0 when only the year is known
	Day   int        // 0 when only the year or month is known
}

// DatePattern is the pattern of a [Date]'s text form. Month and day ranges are checked by
// the pattern; impossible days (2019-02-30) are refused by [ParseDate] only.
const DatePattern = "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"

// DayDate returns the date known to the day.
func DayDate(year int, month time.Month, day int) Date { return Date{year, month, day} }

// MonthDate returns the date known to the month.
func MonthDate(year int, month time.Month) Date { return Date{Year: year, Month: month} }

// ParseDate parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" and refuses impossible dates.
func ParseDate(s string) (Date, error) {
	bad := func() (Date, error) { return Date{}, &FieldError{Code: CodeInvalidDate, Args: []any{s}} }
	if len(s) != 4 && len(s) != 7 && len(s) != 10 {
		return bad()
	}
	num := func(t string) (int, bool) {
		n := 0
		for i := 0; i < len(t); i++ {
			if t[i] < '0' || t[i] > '9' {
				return 0, false
			}
			n = n*10 + int(t[i]-'0')
		}
		return n, true
	}
	y, ok := num(s[:4])
	if !ok || y == 0 {
		return bad()
	}
	d := Date{Year: y}
	if len(s) >= 7 {
		m, ok := num(s[5:7])
		if !ok || s[4] != '-' || m < 1 || m > 12 {
			return bad()
		}
		d.Month = time.Month(m)
	}
	if len(s) == 10 {
		day, ok := num(s[8:10])
		if !ok || s[7] != '-' || day < 1 || day > daysIn(y, d.Month) {
			return bad()
		}
		d.Day = day
	}
	return d, nil
}

func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// IsZero reports whether the date is unknown.
func (d Date) IsZero() bool { return d == Date{} }

// Precision returns how much of the date is known; "" for the zero date.
func (d Date) Precision() Precision {
	switch {
	case d.IsZero():
		return ""
	case d.Month == 0:
		return PrecisionYear
	case d.Day == 0:
		return PrecisionMonth
	}
	return PrecisionDay
}

// Valid reports whether the date is zero or a possible date of its precision.
func (d Date) Valid() bool {
	if d.IsZero() {
		return true
	}
	if d.Year < 1 || d.Year > 9999 || d.Month < 0 || d.Month > 12 || d.Day < 0 {
		return false
	}
	if d.Month == 0 {
		return d.Day == 0
	}
	return d.Day <= daysIn(d.Year, d.Month)
}

// String returns "2019", "2019-03" or "2019-03-18", and "" for the zero date.
func (d Date) String() string {
	switch d.Precision() {
	case PrecisionYear:
		return fmt.Sprintf("%04d", d.Year)
	case PrecisionMonth:
		return fmt.Sprintf("%04d-%02d", d.Year, int(d.Month))
	case PrecisionDay:
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
	}
	return ""
}

// Start returns the first instant of the date in loc: 1 January for a year, the first of
// the month for a month.
func (d Date) Start(loc *time.Location) time.Time {
	m, day := d.Month, d.Day
	if m == 0 {
		m = time.January
	}
	if day == 0 {
		day = 1
	}
	return time.Date(d.Year, m, day, 0, 0, 0, 0, loc)
}

// End returns the first instant after the date in loc: the next day, month or year.
func (d Date) End(loc *time.Location) time.Time {
	s := d.Start(loc)
	switch d.Precision() {
	case PrecisionYear:
		return s.AddDate(1, 0, 0)
	case PrecisionMonth:
		return s.AddDate(0, 1, 0)
	}
	return s.AddDate(0, 0, 1)
}

// Compare orders dates by their start, then coarser before finer: 2019 < 2019-01 < 2019-01-01.
func (d Date) Compare(e Date) int {
	a, b := [3]int{d.Year, int(d.Month), d.Day}, [3]int{e.Year, int(e.Month), e.Day}
	for i := range a {
		if a[i] != b[i] {
			if a[i] < b[i] {
				return -1
			}
			return 1
		}
	}
	return 0
}

// MarshalText writes the text form.
func (d Date) MarshalText() ([]byte, error) {
	if !d.Valid() {
		return nil, fmt.Errorf("civic: invalid date %d-%d-%d", d.Year, d.Month, d.Day)
	}
	return []byte(d.String()), nil
}

// UnmarshalText parses the text form with [ParseDate]; "" gives the zero date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// ParseTime parses an RFC 3339 time ("2019-01-24T18:00:00+01:00") and refuses impossible
// ones (month 13, 30 February, hour 24) and the shapes time.Parse tolerates but RFC 3339
// and JSON Schema's date-time format do not (a comma before the fraction, one-digit hours,
// offsets of 24 hours or 60 minutes).
func ParseTime(s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil || len(s) > 40 || !rfc3339Shape(s) {
		return time.Time{}, &FieldError{Code: CodeInvalidTime, Args: []any{s}}
	}
	return t, nil
}

// rfc3339Shape reports whether s has the exact shape of an RFC 3339 date-time:
// YYYY-MM-DDTHH:MM:SS, an optional fraction after a full stop, then Z or ±HH:MM with an
// offset of at most 23:59. time.Parse checks the ranges of the date and time fields.
func rfc3339Shape(s string) bool {
	digits := func(t string) bool {
		for i := 0; i < len(t); i++ {
			if t[i] < '0' || t[i] > '9' {
				return false
			}
		}
		return len(t) > 0
	}
	if len(s) < 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' ||
		!digits(s[0:4]) || !digits(s[5:7]) || !digits(s[8:10]) || !digits(s[11:13]) || !digits(s[14:16]) || !digits(s[17:19]) {
		return false
	}
	rest := s[19:]
	if rest[0] == '.' {
		i := 1
		for i < len(rest) && rest[i] >= '0' && rest[i] <= '9' {
			i++
		}
		if i == 1 {
			return false
		}
		rest = rest[i:]
	}
	switch {
	case rest == "Z":
		return true
	case len(rest) == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':' && digits(rest[1:3]) && digits(rest[4:6]):
		return rest[1:3] <= "23" && rest[4:6] <= "59"
	}
	return false
}
