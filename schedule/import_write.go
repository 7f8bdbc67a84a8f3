package schedule

import (
	"encoding/xml"
	"fmt"
	"io"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/civic-observatory/civic"
)

// The XSD's patterns, for what is written back.
var (
	xsdUUID      = regexp.MustCompile(`^[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}$`)
	xsdCode      = regexp.MustCompile(`^[0-9A-Z]{6}$`)
	xsdSlug      = regexp.MustCompile(`^[a-z0-9_]{4,}-[a-z0-9\-_]{4,}$`)
	xsdTrackSlug = regexp.MustCompile(`^[a-z][a-z0-9-]+$`)
	xsdHTTP      = regexp.MustCompile(`^https?://.*$`)
	xsdColor     = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)
	xsdDuration  = regexp.MustCompile(`^([0-9]{1,2}:[0-9]{2})|([0-9]{1,2}:[0-9]{2}:[0-9]{1,2})$`)
	nonAcronym   = regexp.MustCompile(`[^a-z0-9_-]+`)
)

// xsdDateOrTime reports whether s is a date, or a date and time with an offset.
func xsdDateOrTime(s string) bool {
	if _, err := time.Parse(time.DateOnly, s); err == nil {
		return true
	}
	_, err := time.Parse(time.RFC3339, s)
	return err == nil
}

// WriteFrabXML writes the schedule back as a frab schedule.xml valid against the c3voc XSD
// even where the source was not: the events, their times (with their offsets), rooms,
// tracks and persons unchanged, one event element per event, grouped by the source's days
// and rooms. What the XSD refuses is replaced and reported to warn
// ([civic.CodeReplaced]): an acronym or slug of the wrong shape, a missing or malformed ID
// or GUID, an ID, GUID, code or slug used twice, a URL that is not http(s), a colour or
// slug of a track.
func (im *Imported) WriteFrabXML(w io.Writer, warn func(*civic.FieldError)) error {
	replaced := func(p civic.Path, from, to string) {
		if warn != nil {
			warn(&civic.FieldError{Path: p, Code: civic.CodeReplaced, Args: []any{from, to}})
		}
	}
	c := im.Conference
	cp := civic.Path{}.Key("schedule").Key("conference")
	base, _ := url.Parse(c.BaseURL)
	if base != nil && !xsdHTTP.MatchString(c.BaseURL) {
		base = nil
	}
	acronym := strings.Trim(nonAcronym.ReplaceAllString(strings.ToLower(c.Acronym), "_"), "_")
	if acronym == "" {
		acronym = strings.Trim(nonAcronym.ReplaceAllString(strings.ToLower(c.Title), "_"), "_")
	}
	for len(acronym) < 4 {
		acronym += "_"
	}
	if acronym != c.Acronym {
		replaced(cp.Key("acronym"), c.Acronym, acronym)
	}
	slugAcronym := strings.ReplaceAll(acronym, "-", "_")
	httpOnly := func(p civic.Path, s string) string {
		if s == "" || xsdHTTP.MatchString(s) {
			return s
		}
		replaced(p, s, "")
		return ""
	}
	type xTrack struct {
		Name  string `xml:"name,attr"`
		Color string `xml:"color,attr,omitempty"`
		Slug  string `xml:"slug,attr,omitempty"`
	}
	type xConference struct {
		Title    string   `xml:"title"`
		Acronym  string   `xml:"acronym"`
		Start    string   `xml:"start,omitempty"`
		End      string   `xml:"end,omitempty"`
		Days     int      `xml:"days"`
		Slot     string   `xml:"timeslot_duration,omitempty"`
		BaseURL  string   `xml:"base_url,omitempty"`
		Logo     string   `xml:"logo,omitempty"`
		URL      string   `xml:"url,omitempty"`
		TimeZone string   `xml:"time_zone_name,omitempty"`
		Tracks   []xTrack `xml:"track"`
	}
	conf := xConference{Title: c.Title, Acronym: acronym, TimeZone: c.TimeZone,
		BaseURL: httpOnly(cp.Key("base_url"), c.BaseURL), Logo: httpOnly(cp.Key("logo"), c.Logo), URL: httpOnly(cp.Key("url"), c.URL)}
	if xsdDuration.MatchString(c.SlotDuration) {
		conf.Slot = c.SlotDuration
	} else if c.SlotDuration != "" {
		replaced(cp.Key("timeslot_duration"), c.SlotDuration, "")
	}
	for i, t := range c.Tracks {
		xt := xTrack{Name: t.Name}
		if t.Color != "" {
			if xsdColor.MatchString(t.Color) {
				xt.Color = t.Color
			} else {
				replaced(cp.Key("track").Index(i).Key("color"), t.Color, "")
			}
		}
		if t.Slug != "" {
			if xsdTrackSlug.MatchString(t.Slug) {
				xt.Slug = t.Slug
			} else {
				replaced(cp.Key("track").Index(i).Key("slug"), t.Slug, "")
			}
		}
		conf.Tracks = append(conf.Tracks, xt)
	}
	// Days: those of the source, and any an event names that the source did not list.
	days := slices.Clone(im.Days)
	for _, e := range im.Events {
		if !slices.ContainsFunc(days, func(d ImportedDay) bool { return d.Index == e.Day }) {
			d := ImportedDay{Index: e.Day, Date: civic.DayDate(e.Start.Year(), e.Start.Month(), e.Start.Day()), Start: e.Start, End: e.End()}
			days = append(days, d)
		}
	}
	slices.SortStableFunc(days, func(a, b ImportedDay) int { return a.Index - b.Index })
	days = slices.CompactFunc(days, func(a, b ImportedDay) bool { return a.Index == b.Index })
	conf.Days = len(days)
	var first, last time.Time
	for _, d := range days {
		if first.IsZero() || d.Start.Before(first) {
			first = d.Start
		}
		if last.IsZero() || d.End.After(last) {
			last = d.End
		}
	}
	conf.Start, conf.End = c.Start, c.End
	if !xsdDateOrTime(conf.Start) {
		conf.Start = first.Format(time.RFC3339)
		if c.Start != "" {
			replaced(cp.Key("start"), c.Start, conf.Start)
		}
	}
	if !xsdDateOrTime(conf.End) {
		conf.End = last.Format(time.RFC3339)
		if c.End != "" {
			replaced(cp.Key("end"), c.End, conf.End)
		}
	}

	type xPerson struct {
		ID   string `xml:"id,attr,omitempty"`
		GUID string `xml:"guid,attr,omitempty"`
		Name string `xml:",chardata"`
	}
	type xLink struct {
		Href  string `xml:"href,attr,omitempty"`
		Type  string `xml:"type,attr,omitempty"`
		Title string `xml:",chardata"`
	}
	type xRecording struct {
		License string `xml:"license"`
		Optout  bool   `xml:"optout"`
	}
	type xEvent struct {
		ID          int64       `xml:"id,attr"`
		GUID        string      `xml:"guid,attr"`
		Code        string      `xml:"code,attr,omitempty"`
		Date        string      `xml:"date"`
		Start       string      `xml:"start"`
		Duration    string      `xml:"duration"`
		Room        string      `xml:"room"`
		Slug        string      `xml:"slug,omitempty"`
		URL         string      `xml:"url,omitempty"`
		Title       string      `xml:"title"`
		Subtitle    string      `xml:"subtitle"`
		Language    string      `xml:"language,omitempty"`
		Track       string      `xml:"track"`
		Type        string      `xml:"type"`
		Abstract    string      `xml:"abstract"`
		Description string      `xml:"description,omitempty"`
		Logo        string      `xml:"logo,omitempty"`
		Persons     []xPerson   `xml:"persons>person"`
		Links       []xLink     `xml:"links>link"`
		Attachments []xLink     `xml:"attachments>attachment"`
		Recording   *xRecording `xml:"recording"`
		FeedbackURL string      `xml:"feedback_url,omitempty"`
		OriginURL   string      `xml:"origin_url,omitempty"`
	}
	type xRoom struct {
		Name   string   `xml:"name,attr"`
		GUID   string   `xml:"guid,attr,omitempty"`
		Events []xEvent `xml:"event"`
	}
	type xDay struct {
		Date  string  `xml:"date,attr,omitempty"`
		Start string  `xml:"start,attr"`
		End   string  `xml:"end,attr"`
		Index int     `xml:"index,attr"`
		Rooms []xRoom `xml:"room"`
	}
	type xGenerator struct {
		Name string `xml:"name,attr"`
	}
	type xSchedule struct {
		XMLName    xml.Name    `xml:"schedule"`
		Generator  xGenerator  `xml:"generator"`
		Version    string      `xml:"version"`
		Conference xConference `xml:"conference"`
		Days       []xDay      `xml:"day"`
	}
	version := im.Version
	if version == "" {
		version = "1"
	}
	doc := xSchedule{Generator: xGenerator{Name: "civic"}, Version: version, Conference: conf}

	// Unique IDs, GUIDs, codes and slugs: the source's when they are valid and unused.
	ids, guids, codes, slugs := map[int64]bool{}, map[string]bool{}, map[string]bool{}, map[string]bool{}
	var maxID int64
	for _, e := range im.Events {
		maxID = max(maxID, e.ID)
	}
	for _, d := range days {
		xd := xDay{Index: d.Index, Start: d.Start.Format(time.RFC3339), End: d.End.Format(time.RFC3339)}
		if !d.Date.IsZero() {
			xd.Date = d.Date.String()
		}
		roomAt := map[string]int{}
		for i := range im.Events {
			e := &im.Events[i]
			if e.Day != d.Index {
				continue
			}
			p := im.Path(i)
			ri, ok := roomAt[e.Room]
			if !ok {
				ri = len(xd.Rooms)
				roomAt[e.Room] = ri
				xr := xRoom{Name: e.Room}
				if xsdUUID.MatchString(e.RoomGUID) {
					xr.GUID = e.RoomGUID
				}
				xd.Rooms = append(xd.Rooms, xr)
			}
			xe := xEvent{ID: e.ID, GUID: e.GUID, Code: e.Code, Date: e.Start.Format(time.RFC3339), Start: e.Start.Format("15:04"),
				Room: e.Room, Title: e.Title, Subtitle: e.Subtitle, Language: e.Language, Track: e.Track, Type: e.Type,
				Abstract: e.Abstract, Description: e.Description, Slug: e.Slug,
				URL: httpOnly(p.Key("url"), e.URL), FeedbackURL: httpOnly(p.Key("feedback_url"), e.FeedbackURL),
				OriginURL: httpOnly(p.Key("origin_url"), e.OriginURL)}
			switch {
			case e.Logo == "" || xsdHTTP.MatchString(e.Logo):
				xe.Logo = e.Logo
			case base != nil:
				// frab writes logos as paths on its host: resolved against the base URL.
				if ref, err := url.Parse(e.Logo); err == nil {
					xe.Logo = base.ResolveReference(ref).String()
				}
				if !xsdHTTP.MatchString(xe.Logo) {
					replaced(p.Key("logo"), e.Logo, "")
					xe.Logo = ""
				}
			default:
				replaced(p.Key("logo"), e.Logo, "")
			}
			h := min(e.Minutes/60, 99)
			xe.Duration = fmt.Sprintf("%02d:%02d", h, e.Minutes-h*60)
			if e.Minutes >= 100*60 {
				xe.Duration = "99:59"
				replaced(p.Key("duration"), strconv.Itoa(e.Minutes)+" min", xe.Duration)
			}
			if xe.ID <= 0 || ids[xe.ID] {
				maxID++
				replaced(p.Key("id"), strconv.FormatInt(e.ID, 10), strconv.FormatInt(maxID, 10))
				xe.ID = maxID
			}
			ids[xe.ID] = true
			if !xsdUUID.MatchString(xe.GUID) || guids[strings.ToLower(xe.GUID)] {
				g := uuid(acronym, "event", strconv.FormatInt(xe.ID, 10), e.Title)
				replaced(p.Key("guid"), e.GUID, g)
				xe.GUID = g
			}
			guids[strings.ToLower(xe.GUID)] = true
			if xe.Code != "" && (!xsdCode.MatchString(xe.Code) || codes[xe.Code]) {
				replaced(p.Key("code"), xe.Code, "")
				xe.Code = ""
			}
			codes[xe.Code] = xe.Code != ""
			if low := strings.ToLower(xe.Slug); xe.Slug != "" && low != xe.Slug && xsdSlug.MatchString(low) && !slugs[low] {
				// frab writes the acronym's capitals in slugs: lower-cased, the slug stays.
				replaced(p.Key("slug"), xe.Slug, low)
				xe.Slug = low
			}
			if xe.Slug != "" && (!xsdSlug.MatchString(xe.Slug) || slugs[xe.Slug]) {
				s := frabSlug(slugAcronym, strconv.FormatInt(xe.ID, 10), e.Title)
				for n := 2; slugs[s]; n++ {
					s = frabSlug(slugAcronym, strconv.FormatInt(xe.ID, 10), e.Title, strconv.Itoa(n))
				}
				replaced(p.Key("slug"), xe.Slug, s)
				xe.Slug = s
			}
			if xe.Slug != "" {
				slugs[xe.Slug] = true
			}
			for k, ps := range e.Persons {
				xp := xPerson{Name: ps.Name}
				if _, err := strconv.ParseInt(ps.ID, 10, 64); err == nil {
					xp.ID = ps.ID
				} else if ps.ID != "" && ps.GUID == "" {
					// pretalx's speaker codes are not integers: the GUID the XSD takes is
					// derived from the code, so that the person stays the same across events.
					xp.GUID = uuid(acronym, "person", ps.ID)
				}
				if xsdUUID.MatchString(ps.GUID) {
					xp.GUID = ps.GUID
				} else if ps.GUID != "" {
					replaced(p.Key("persons").Index(k).Key("guid"), ps.GUID, "")
				}
				xe.Persons = append(xe.Persons, xp)
			}
			for _, l := range e.Links {
				xe.Links = append(xe.Links, xLink{Href: l.Href, Type: l.Type, Title: l.Title})
			}
			for _, l := range e.Attachments {
				xe.Attachments = append(xe.Attachments, xLink{Href: l.Href, Type: l.Type, Title: l.Title})
			}
			if e.Recording != nil {
				xe.Recording = &xRecording{License: e.Recording.License, Optout: e.Recording.Optout}
			}
			xd.Rooms[ri].Events = append(xd.Rooms[ri].Events, xe)
		}
		doc.Days = append(doc.Days, xd)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
