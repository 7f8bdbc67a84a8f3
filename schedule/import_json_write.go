package schedule

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/civic-observatory/civic"
)

var (
	jsonSlug     = regexp.MustCompile(`^[a-z0-9_-]+[a-z0-9]$`)
	jsonCode     = regexp.MustCompile(`^[A-Z0-9]+$`)
	jsonLinkType = map[string]bool{"slides": true, "paper": true, "web": true, "blog": true, "article": true, "media": true, "related": true, "activitypub": true}
)

// absoluteURI reports whether s is a URI with a scheme, as the JSON schema's "uri" format
// asks.
func absoluteURI(s string) bool {
	u, err := url.Parse(s)
	return err == nil && u.Scheme != "" && !strings.ContainsAny(s, " \t\n")
}

// WriteFrabJSON writes the schedule back as a frab schedule.json valid against the c3voc
// JSON schema: it is first written as frab XML ([Imported.WriteFrabXML], whose
// replacements are reported to warn), read again, then written with what the JSON schema
// asks besides (an acronym with hyphens only before a year, slugs ending with a letter or
// digit, a URI for every event, persons as frab's with an integer ID or as pretalx's).
func (im *Imported) WriteFrabJSON(w io.Writer, warn func(*civic.FieldError)) error {
	var x bytes.Buffer
	if err := im.WriteFrabXML(&x, warn); err != nil {
		return err
	}
	n, err := Import(&x, ImportOptions{Format: FormatFrabXML})
	if err != nil {
		return err
	}
	c := n.Conference
	acronym := strings.ReplaceAll(c.Acronym, "-", "_")
	type jPerson struct {
		ID         *int64 `json:"id,omitempty"`
		PublicName string `json:"public_name,omitempty"`
		Name       string `json:"name,omitempty"`
		Code       string `json:"code,omitempty"`
		GUID       string `json:"guid,omitempty"`
	}
	type jRef struct {
		Type  string `json:"type,omitempty"`
		URL   string `json:"url"`
		Title string `json:"title,omitempty"`
	}
	type jEvent struct {
		GUID             string    `json:"guid"`
		Code             string    `json:"code,omitempty"`
		ID               int64     `json:"id"`
		Logo             string    `json:"logo"`
		Date             string    `json:"date"`
		Start            string    `json:"start"`
		End              string    `json:"end"`
		Duration         string    `json:"duration"`
		Room             string    `json:"room"`
		Slug             string    `json:"slug"`
		URL              string    `json:"url"`
		Title            string    `json:"title"`
		Subtitle         string    `json:"subtitle"`
		Track            string    `json:"track"`
		Type             string    `json:"type"`
		Language         string    `json:"language"`
		Abstract         string    `json:"abstract"`
		Description      string    `json:"description"`
		RecordingLicense string    `json:"recording_license,omitempty"`
		DoNotRecord      *bool     `json:"do_not_record,omitempty"`
		Persons          []jPerson `json:"persons"`
		Links            []jRef    `json:"links"`
		Attachments      []jRef    `json:"attachments"`
		FeedbackURL      string    `json:"feedback_url,omitempty"`
		OriginURL        string    `json:"origin_url,omitempty"`
	}
	type jRoom struct {
		Name string `json:"name"`
		GUID string `json:"guid"`
	}
	type jTrack struct {
		Name  string `json:"name"`
		Slug  string `json:"slug,omitempty"`
		Color string `json:"color,omitempty"`
	}
	type jDay struct {
		Index    int                 `json:"index"`
		Date     string              `json:"date"`
		DayStart string              `json:"day_start"`
		DayEnd   string              `json:"day_end"`
		Rooms    map[string][]jEvent `json:"rooms"`
	}
	type jConference struct {
		Acronym  string   `json:"acronym"`
		Title    string   `json:"title"`
		Start    string   `json:"start"`
		End      string   `json:"end"`
		DaysCnt  int      `json:"daysCount"`
		Slot     string   `json:"timeslot_duration"`
		TimeZone string   `json:"time_zone_name,omitempty"`
		URL      string   `json:"url,omitempty"`
		Tracks   []jTrack `json:"tracks"`
		Rooms    []jRoom  `json:"rooms"`
		Days     []jDay   `json:"days"`
	}
	slot := c.SlotDuration
	if !regexp.MustCompile(`^[0-9]+:[0-9]{2}$`).MatchString(slot) {
		slot = "00:05"
	}
	conf := jConference{Acronym: acronym, Title: c.Title, Start: c.Start, End: c.End, DaysCnt: len(n.Days), Slot: slot,
		Tracks: []jTrack{}, Rooms: []jRoom{}, Days: []jDay{}}
	if zoneJSONPattern.MatchString(c.TimeZone) {
		conf.TimeZone = c.TimeZone
	}
	if absoluteURI(c.URL) {
		conf.URL = c.URL
	}
	for _, t := range c.Tracks {
		jt := jTrack{Name: t.Name, Color: t.Color}
		if jsonSlug.MatchString(t.Slug) {
			jt.Slug = t.Slug
		}
		conf.Tracks = append(conf.Tracks, jt)
	}
	rooms := map[string]bool{}
	for _, d := range n.Days {
		jd := jDay{Index: d.Index, Date: d.Date.String(), DayStart: d.Start.Format(time.RFC3339), DayEnd: d.End.Format(time.RFC3339), Rooms: map[string][]jEvent{}}
		for _, e := range n.Events {
			if e.Day != d.Index {
				continue
			}
			if !rooms[e.Room] {
				rooms[e.Room] = true
				guid := e.RoomGUID
				if !xsdUUID.MatchString(guid) {
					guid = uuid(acronym, "room", e.Room)
				}
				conf.Rooms = append(conf.Rooms, jRoom{Name: e.Room, GUID: guid})
			}
			je := jEvent{GUID: e.GUID, Code: e.Code, ID: e.ID, Logo: e.Logo, Date: e.Start.Format(time.RFC3339),
				Start: e.Start.Format("15:04"), End: e.End().Format(time.RFC3339), Room: e.Room, URL: e.URL,
				Title: e.Title, Subtitle: e.Subtitle, Track: e.Track, Type: e.Type, Language: e.Language,
				Abstract: e.Abstract, Description: e.Description, Persons: []jPerson{}, Links: []jRef{}, Attachments: []jRef{}}
			je.Duration = fmt.Sprintf("%02d:%02d", e.Minutes/60, e.Minutes%60)
			je.Slug = strings.Trim(e.Slug, "-_")
			if !jsonSlug.MatchString(je.Slug) {
				je.Slug = strings.Trim(frabSlug(acronym, strconv.FormatInt(e.ID, 10), e.Title), "-_")
			}
			if !absoluteURI(je.URL) {
				je.URL = "urn:uuid:" + e.GUID
			}
			if je.Logo != "" && !absoluteURI(je.Logo) {
				je.Logo = ""
			}
			if e.Code != "" && !jsonCode.MatchString(e.Code) {
				je.Code = ""
			}
			if absoluteURI(e.FeedbackURL) {
				je.FeedbackURL = e.FeedbackURL
			}
			if absoluteURI(e.OriginURL) {
				je.OriginURL = e.OriginURL
			}
			if e.Recording != nil {
				je.RecordingLicense = e.Recording.License
				optout := e.Recording.Optout
				je.DoNotRecord = &optout
			}
			for _, p := range e.Persons {
				jp := jPerson{GUID: p.GUID}
				if id, err := strconv.ParseInt(p.ID, 10, 64); err == nil {
					jp.ID, jp.PublicName = &id, p.Name
				} else {
					jp.Name = p.Name
				}
				je.Persons = append(je.Persons, jp)
			}
			refs := func(ls []ImportedLink) []jRef {
				out := []jRef{}
				for _, l := range ls {
					if !absoluteURI(l.Href) {
						continue
					}
					r := jRef{URL: l.Href, Title: l.Title}
					if t := strings.ToLower(l.Type); jsonLinkType[t] {
						r.Type = t
					}
					out = append(out, r)
				}
				return out
			}
			je.Links, je.Attachments = refs(e.Links), refs(e.Attachments)
			jd.Rooms[e.Room] = append(jd.Rooms[e.Room], je)
		}
		conf.Days = append(conf.Days, jd)
	}
	version := n.Version
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(map[string]any{"schedule": map[string]any{"version": version, "conference": conf}})
}
