package schedule_test

import (
	"bytes"
	"testing"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/schedule"
)

// FuzzImport reads any bytes as a schedule of another tool: never a panic, every problem
// and warning with a known code, and a schedule that reads is written back as frab XML
// that reads again with the same number of events.
func FuzzImport(f *testing.F) {
	for _, s := range []string{
		frabXML(`<event id="1" guid="a2dd3dc7-ecae-50b3-82d9-266ad02f7a40"><date>2025-12-28T01:30:00+01:00</date><start>01:30</start><duration>1:30</duration><title>x</title><persons><person guid="7fa522b7-3b42-5b1c-8f62-eb9a7c3c5dab">Q</person></persons><links><link href="https://x"><type>related</type><title>Z</title></link></links><code>JZ9A3E</code></event>`),
		`<schedule><conference><title>FOSDEM</title><day_change>09:00:00</day_change></conference><tracks><track>Go</track></tracks><day index="1" date="2024-02-03"><room name="K"><event id="3"><start>08:30</start><duration>00:25</duration><title>t</title><persons><person id="1">A</person></persons></event></room></day></schedule>`,
		`{"schedule": {"version": "1", "conference": {"acronym": "democon", "title": "D", "time_zone_name": "UTC", "days": [{"index": 1, "date": "2020-12-14", "day_start": "2020-12-14T04:00:00+01:00", "day_end": "2020-12-15T03:59:00+01:00", "rooms": {"Gray Room": [{"id": 25, "guid": "8079583e-8321-506c-95af-fd2903a5f075", "date": "2020-12-14T09:00:00+01:00", "start": "09:00", "duration": "00:30", "title": "F", "persons": [{"code": "NQTF8Y", "public_name": "B", "answers": []}]}]}}]}}}`,
		`{"schedule": {"conference": {"title": "38C3", "days": [{"index": 1, "date": "2024-12-27", "start": "2024-12-27T09:30:00+00:00", "end": "2024-12-28T06:00:00+01:00"}]}, "events": [{"guid": "270fa44c-821a-577f-8ca3-33e8d4a8c2a7", "start": "2024-12-27T10:30:00+01:00", "end": "2024-12-27T11:00:00+01:00", "room": {"name": "Saal 1"}, "track": {"slug": "ccc"}, "participants": [{"name": "G", "role": "SPEAKER"}]}]}}`,
		frabXML("")[:150],
		`<!DOCTYPE schedule [<!ENTITY a "aaaa">]><schedule>&a;</schedule>`,
		`<schedule><version>&lol;</version></schedule>`,
		"<schedule>\xe9</schedule>",
		`{"schedule": {"conference": {"days": [{"rooms": {"A": [{"start": "10:00", "duration": "-1:00"}]}}]}}}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		check := func(err error) {
			for _, e := range civic.FieldErrors(err) {
				if !e.Code.Valid() {
					t.Fatalf("unknown code %q", e.Code)
				}
			}
		}
		im, err := schedule.Import(bytes.NewReader(data), schedule.ImportOptions{Warn: func(e *civic.FieldError) { check(e) }})
		check(err)
		if err != nil {
			return
		}
		check(im.Validate())
		var buf bytes.Buffer
		if err := im.WriteFrabXML(&buf, func(e *civic.FieldError) { check(e) }); err != nil {
			t.Fatalf("write: %v", err)
		}
		back, err := schedule.Import(bytes.NewReader(buf.Bytes()), schedule.ImportOptions{})
		if err != nil {
			t.Fatalf("written back does not read: %v\n%s", err, buf.String())
		}
		if len(back.Events) != len(im.Events) {
			t.Fatalf("%d events written back as %d", len(im.Events), len(back.Events))
		}
		buf.Reset()
		if err := im.WriteFrabJSON(&buf, nil); err != nil {
			t.Fatalf("write JSON: %v", err)
		}
	})
}
