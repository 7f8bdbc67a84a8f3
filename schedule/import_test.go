package schedule_test

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/schedule"
)

// frabXML wraps events in a c3voc schedule.xml of one day in Berlin.
func frabXML(events string) string {
	return `<?xml version="1.0" encoding="UTF-8"?>
<schedule><version>1</version>
<conference><acronym>Test-Con</acronym><title>Test</title><time_zone_name>Europe/Berlin</time_zone_name>
<track name="Talks" color="red" slug="Talks!"/></conference>
<day index="1" date="2025-12-27" start="2025-12-27T09:00:00+01:00" end="2025-12-28T06:00:00+01:00">
<room name="One">` + events + `</room></day></schedule>`
}

func problems(err error) []string {
	var out []string
	for _, e := range civic.FieldErrors(err) {
		out = append(out, e.Error())
	}
	return out
}

func TestImportLenient(t *testing.T) {
	in := frabXML(`
<event id="1" guid="not-a-guid"><date>2025-12-28T01:30:00+01:00</date><start>01:30</start><duration>1:30</duration>
 <title>After midnight</title><slug>BAD SLUG</slug><track>Talks</track><type>Talk</type>
 <persons><person>Ann</person><person id="7">Bob</person></persons><url>ftp://x</url><recording><license>CC</license><optout>false</optout></recording>
 <unknown>kept?</unknown></event>
<event id="1"><start>10:00</start><duration>00:45:30</duration><title>No date</title></event>
<event><start>11:00</start><duration>45</duration><title>No ID</title><persons><person>Ann</person></persons></event>`)
	var warns []string
	im, err := schedule.Import(strings.NewReader(in), schedule.ImportOptions{Warn: func(e *civic.FieldError) { warns = append(warns, e.Error()) }})
	require.NoError(t, err)
	require.Len(t, im.Events, 3)
	berlin, _ := time.LoadLocation("Europe/Berlin")
	// The event after midnight keeps its real date; a start without a date takes the day's.
	require.True(t, im.Events[0].Start.Equal(time.Date(2025, 12, 28, 1, 30, 0, 0, berlin)))
	require.Equal(t, 90, im.Events[0].Minutes)
	require.True(t, im.Events[1].Start.Equal(time.Date(2025, 12, 27, 10, 0, 0, 0, berlin)))
	require.Equal(t, 46, im.Events[1].Minutes, "HH:MM:SS, seconds rounded up")
	require.Equal(t, 45, im.Events[2].Minutes, "plain minutes")
	require.Equal(t, []string{`schedule.day[0].room[0].event[0].unknown: not_kept: "unknown" has no place in the model: listed here, not written back`}, warns)

	// The checker: the same person (by name, without an ID) in two events at once.
	require.Equal(t, []string{`schedule.day[0].room[0].event[1].id: duplicate: "1" appears more than once`}, problems(im.Validate()))
	im.Events[2].Start = im.Events[1].Start
	require.Equal(t, []string{
		`schedule.day[0].room[0].event[1].id: duplicate: "1" appears more than once`,
		`schedule.day[0].room[0].event[2].room: room_conflict: "One" is already used at that time by "No date"`,
	}, problems(im.Validate()))
	im.Events[1].Persons = []schedule.ImportedPerson{{Name: " ann "}}
	require.Contains(t, problems(im.Validate()), `schedule.day[0].room[0].event[2].persons[0]: speaker_conflict: Ann also speaks at that time in "No date"`)

	// Written back: what the XSD refuses is replaced, and said.
	warns = nil
	var buf bytes.Buffer
	require.NoError(t, im.WriteFrabXML(&buf, func(e *civic.FieldError) { warns = append(warns, e.Error()) }))
	out := buf.String()
	require.Contains(t, out, "<acronym>test-con</acronym>")
	require.Contains(t, out, `<date>2025-12-28T01:30:00+01:00</date>`)
	require.Contains(t, out, `<start>01:30</start>`)
	require.Contains(t, out, `<duration>01:30</duration>`)
	require.Contains(t, out, `<track name="Talks"></track>`)
	require.Contains(t, out, `<person id="7">Bob</person>`)
	require.Contains(t, strings.Join(warns, "\n"), `schedule.day[0].room[0].event[0].slug: replaced: "BAD SLUG" is not accepted in what is written back: replaced by "test_con-1-after-midnight"`)
	require.Contains(t, strings.Join(warns, "\n"), `schedule.day[0].room[0].event[1].id: replaced: "1" is not accepted in what is written back: replaced by "2"`)
	require.Contains(t, strings.Join(warns, "\n"), `schedule.day[0].room[0].event[0].url: replaced: "ftp://x"`)
}

func TestImportStrict(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     []string
	}{
		{"no start", frabXML(`<event id="1"><duration>0:30</duration><title>x</title></event>`),
			[]string{"schedule.day[0].room[0].event[0].start: required: is required"}},
		{"negative duration", frabXML(`<event id="1"><start>10:00</start><duration>-0:30</duration><title>x</title></event>`),
			[]string{`schedule.day[0].room[0].event[0].duration: invalid_duration: "-0:30" is not a duration (H:MM, HH:MM or HH:MM:SS, not negative)`}},
		{"no duration", frabXML(`<event id="1"><start>10:00</start><title>x</title></event>`),
			[]string{"schedule.day[0].room[0].event[0].duration: required: is required"}},
		{"bad clock", frabXML(`<event id="1"><start>25:99</start><duration>0:30</duration><title>x</title></event>`),
			[]string{`schedule.day[0].room[0].event[0].start: invalid_clock: "25:99" is not a time of day (HH:MM, 00:00 to 23:59)`}},
		{"every problem at once", frabXML(`<event id="1"><duration>0:30</duration></event><event id="2"><start>10:00</start><duration>x</duration></event>`),
			[]string{"schedule.day[0].room[0].event[0].start: required: is required",
				`schedule.day[0].room[0].event[1].duration: invalid_duration: "x" is not a duration (H:MM, HH:MM or HH:MM:SS, not negative)`}},
		{"truncated xml", frabXML("")[:200], []string{"xml_syntax: malformed XML at line 4: unexpected EOF"}},
		{"doctype", `<?xml version="1.0"?><!DOCTYPE schedule [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]><schedule><version>&b;</version></schedule>`,
			[]string{"doctype: XML with a document type declaration is refused (DTD and entities are not read)"}},
		{"undeclared entity", `<schedule><version>&lol;</version></schedule>`, []string{"xml_syntax: malformed XML at line 1: invalid character entity &lol;"}},
		{"not a schedule", `<html></html>`, []string{`unknown_layout: the columns match no known layout (expected schedule, found "html")`}},
		{"too deep", strings.Repeat("<a>", 40), []string{"too_deep: nesting deeper than 32 levels"}},
		{"json truncated", `{"schedule": {"conference": {"days": [`, []string{"syntax: malformed JSON at byte 38: unexpected end of input: the file is cut short"}},
		{"json event without start", `{"schedule": {"conference": {"title": "x", "days": [{"index": 1, "date": "2020-01-01", "rooms": {"A": [{"id": 1, "duration": "0:30", "title": "t"}]}}]}}}`,
			[]string{`schedule.conference.days[0].rooms.A[0].start: required: is required`}},
		{"schedule2 negative", `{"schedule": {"conference": {"days": []}, "events": [{"guid": "x", "start": "2024-12-27T10:00:00+01:00", "end": "2024-12-27T09:00:00+01:00"}]}}`,
			[]string{`schedule.events[0].end: invalid_duration: "-1h0m0s" is not a duration (H:MM, HH:MM or HH:MM:SS, not negative)`}},
		{"empty", "  ", []string{"required: is required"}},
		{"neither", "id,title\n", []string{`unknown_layout: the columns match no known layout (expected frab-xml|frab-json|schedule2, found "")`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			im, err := schedule.Import(strings.NewReader(tc.in), schedule.ImportOptions{})
			require.Nil(t, im)
			require.Equal(t, tc.want, problems(err))
		})
	}
}

// huge is a reader of a schedule.xml with one attribute of n bytes, made on the fly.
type huge struct {
	head, tail string
	n          int64
}

func (h *huge) Read(p []byte) (int, error) {
	switch {
	case h.head != "":
		k := copy(p, h.head)
		h.head = h.head[k:]
		return k, nil
	case h.n > 0:
		k := min(int64(len(p)), h.n)
		for i := range k {
			p[i] = 'a'
		}
		h.n -= k
		return int(k), nil
	case h.tail != "":
		k := copy(p, h.tail)
		h.tail = h.tail[k:]
		return k, nil
	}
	return 0, io.EOF
}

// A 100 MB attribute or text is refused once it passes the token limit (XML) or the size
// limit (JSON, read whole): it is never held.
func TestImportHugeToken(t *testing.T) {
	for _, h := range []*huge{
		{head: `<schedule><conference><title x="`, tail: `"/></conference></schedule>`, n: 100 << 20},
		{head: `<schedule><version>`, tail: `</version></schedule>`, n: 100 << 20},
		{head: `{"schedule": {"version": "`, tail: `"}}`, n: 100 << 20},
	} {
		_, err := schedule.Import(h, schedule.ImportOptions{})
		require.ErrorContains(t, err, "too_large")
		require.Greater(t, h.n, int64(100<<20-schedule.MaxImportSize-(1<<20)), "reading stopped early")
	}
}
