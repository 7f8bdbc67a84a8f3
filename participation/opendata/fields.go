package opendata

import (
	"strconv"
	"strings"
	"time"

	"github.com/civic-observatory/civic"
	ctext "github.com/civic-observatory/civic/internal/text"
)

// row is what the setters of one record share: its proposal, its problems, and values
// resolved once every field is read.
type row struct {
	p        *Proposal
	n        int  // the record's number
	json     bool // a JSON record ("[4]"), else a CSV row ("row[5]")
	errs     civic.ValidationError
	warn     func(*civic.FieldError)
	catID    string
	catLoc   string // locale of the category name kept: the first in alphabetical order
	scopeID  string
	scopeLoc string
	official string // PAM "official" (0 or 1), checked against the source at the end
	meeting  string // PAM "from_meeting"
}

// path is the record's path, built only when a problem needs it.
func (r *row) path() civic.Path {
	if r.json {
		return civic.Path{}.Index(r.n)
	}
	return rowPath(r.n)
}

func (r *row) at(col string) civic.Path { return r.path().Key(col) }

func (r *row) warnf(col string, code civic.Code, args ...any) {
	if r.warn != nil {
		r.warn(&civic.FieldError{Path: r.at(col), Code: code, Args: args})
	}
}

// setter reads one field into the row's proposal; col is the column's name as the file
// writes it.
type setter func(r *row, col, s string)

// resolve returns the setter of a column of the layout, nil for a column the reader does
// not use.
func resolve(l Layout, col string) setter {
	switch l {
	case LayoutDecidim:
		return decidimField(col)
	case LayoutPAM2016:
		return pamFields[col]
	case LayoutConsul:
		return consulFields[col]
	}
	return nil
}

// required lists the columns a layout cannot do without.
func required(l Layout) []string {
	switch l {
	case LayoutPAM2016:
		return []string{"id", "source", "status"}
	}
	return []string{"id"}
}

// detect tells the layout from the names of the columns (or keys), "" when none fits.
func detect(has func(string) bool, anyPrefix func(string) bool) Layout {
	switch {
	case has("source") && has("status") && has("total_votes"):
		return LayoutPAM2016
	case has("numSupports") || has("cached_votes_up") || has("isAssociation"):
		return LayoutConsul
	case has("id") && (has("state") || has("reference") || has("supports") || has("votes") || anyPrefix("title/")):
		return LayoutDecidim
	}
	return ""
}

func (s Source) accepts(l Layout) bool {
	switch s {
	case SourceAny:
		return true
	case SourceDecidim:
		return l == LayoutDecidim || l == LayoutPAM2016
	case SourceConsul:
		return l == LayoutConsul
	}
	return false
}

func setText(t *civic.Text, lang, s string) {
	if s == "" {
		return
	}
	if *t == nil {
		*t = civic.Text{}
	}
	(*t)[lang] = s
}

// text cleans a text field: Decidim prefixes "'" to a field starting with =, +, - or @
// (against formula injection); the quote is removed.
func text(s string) string {
	s = ctext.Normalize(s)
	if len(s) > 1 && s[0] == '\'' && strings.IndexByte("=+-@", s[1]) >= 0 {
		s = s[1:]
	}
	return s
}

// count reads a count: empty is unknown (nil), anything but a non-negative integer is a
// problem of the row.
func count(dst func(p *Proposal) **int64) setter {
	return func(r *row, col, s string) {
		s = strings.TrimSpace(s)
		if s == "" {
			return
		}
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil || n < 0 {
			r.errs.Add(r.at(col), civic.CodeNumber, s)
			return
		}
		*dst(r.p) = &n
	}
}

// date reads the day of a date or a time, in the shapes the files use: RFC 3339 (Decidim
// JSON), Ruby's Time#to_s "2023-01-15 10:11:12 UTC" (Decidim CSV), a plain date, and the
// day-first dates of PAM 2016 ("22/01/2016"). The time of day is not kept.
func date(dst func(p *Proposal) *civic.Date) setter {
	return func(r *row, col, s string) {
		s = strings.TrimSpace(s)
		if s == "" {
			return
		}
		if d, ok := parseDay(s); ok {
			*dst(r.p) = d
			return
		}
		r.errs.Add(r.at(col), civic.CodeInvalidDate, s)
	}
}

func parseDay(s string) (civic.Date, bool) {
	num := func(t string) int {
		n := 0
		for i := 0; i < len(t); i++ {
			if t[i] < '0' || t[i] > '9' {
				return -1
			}
			n = n*10 + int(t[i]-'0')
		}
		return n
	}
	var y, m, d int
	switch {
	case len(s) == 10 && s[2] == '/' && s[5] == '/':
		d, m, y = num(s[:2]), num(s[3:5]), num(s[6:])
	case len(s) >= 10 && s[4] == '-' && s[7] == '-' && (len(s) == 10 || s[10] == 'T' || s[10] == ' '):
		y, m, d = num(s[:4]), num(s[5:7]), num(s[8:10])
	default:
		return civic.Date{}, false
	}
	if y < 1 || m < 1 || m > 12 || d < 1 || d > 31 {
		return civic.Date{}, false
	}
	if t := time.Date(y, time.Month(m), d, 12, 0, 0, 0, time.UTC); t.Day() != d {
		return civic.Date{}, false // 30 February
	}
	return civic.DayDate(y, time.Month(m), d), true
}

func boolean(s string) (v, ok bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "true", "1", "yes":
		return true, true
	case "false", "0", "no", "":
		return false, true
	}
	return false, false
}

func state(r *row, col, s string) {
	s = strings.TrimSpace(s)
	switch st := State(strings.ToLower(s)); st {
	case "", StateNotAnswered:
		r.p.State = StateNotAnswered
	case StateEvaluating, StateAccepted, StateRejected, StateWithdrawn, StateOpen, StateArchived:
		r.p.State = st
	default:
		// A Decidim custom state, or one of another platform: kept as written, never
		// counted as a decision.
		r.p.State, r.p.RawState = State(s), s
	}
}

// decidimField maps the flattened keys of Decidim's proposal serializers (those of
// 0.27 and of 0.28 onwards; see the package documentation).
func decidimField(col string) setter {
	switch col {
	case "id":
		return func(r *row, _, s string) { r.p.ID = strings.TrimSpace(s) }
	case "reference":
		return func(r *row, _, s string) { r.p.Reference = strings.TrimSpace(s) }
	case "title":
		return func(r *row, _, s string) { setText(&r.p.Title, "und", text(s)) }
	case "state":
		return state
	case "withdrawn":
		return func(r *row, col, s string) {
			if v, ok := boolean(s); !ok {
				r.errs.Add(r.at(col), civic.CodeType, "boolean", s)
			} else if v {
				r.p.State = StateWithdrawn
			}
		}
	case "supports", "votes", "proposal_votes_count":
		return count(func(p *Proposal) **int64 { return &p.Supports })
	case "endorsements/total_count", "likes/total_count", "endorsements_count":
		return count(func(p *Proposal) **int64 { return &p.Endorsements })
	case "comments", "comments_count":
		return count(func(p *Proposal) **int64 { return &p.Comments })
	case "published_at":
		return date(func(p *Proposal) *civic.Date { return &p.Published })
	case "created_at":
		return date(func(p *Proposal) *civic.Date { return &p.Created })
	case "answered_at":
		return date(func(p *Proposal) *civic.Date { return &p.Answered })
	case "category/id", "taxonomies/id":
		return func(r *row, _, s string) {
			if s = strings.TrimSpace(s); s != "" && r.catID == "" {
				r.catID = s
			}
		}
	case "scope/id":
		return func(r *row, _, s string) { r.scopeID = strings.TrimSpace(s) }
	case "author/url":
		return func(r *row, _, s string) {
			first, _, _ := strings.Cut(strings.TrimSpace(s), ", ")
			switch {
			case first == "":
			case strings.Contains(first, "/profiles/"):
				r.p.Origin = OriginCitizen
			case strings.Contains(first, "/meetings/"):
				r.p.Origin = OriginMeeting
			default:
				r.p.Origin = OriginOfficial // the organisation's root URL
			}
		}
	case "created_in_meeting":
		return func(r *row, _, s string) {
			if v, _ := boolean(s); v {
				r.meeting = "1"
			}
		}
	case "meeting_urls":
		return func(r *row, _, s string) {
			if strings.TrimSpace(s) != "" {
				r.meeting = "1"
			}
		}
	case "is_amend":
		return func(r *row, _, s string) { r.p.Amendment, _ = boolean(s) }
	}
	for _, f := range []struct {
		prefix string
		set    func(r *row, loc, s string)
	}{
		{"title/", func(r *row, loc, s string) { setText(&r.p.Title, loc, text(s)) }},
		{"category/name/", func(r *row, loc, s string) { r.name(&r.p.Category, &r.catLoc, loc, s) }},
		{"taxonomies/name/", func(r *row, loc, s string) { r.name(&r.p.Category, &r.catLoc, loc, s) }},
		{"scope/name/", func(r *row, loc, s string) { r.name(&r.p.Scope, &r.scopeLoc, loc, s) }},
	} {
		if loc, ok := strings.CutPrefix(col, f.prefix); ok && loc != "" && !strings.Contains(loc, "/") {
			set := f.set
			return func(r *row, _, s string) { set(r, loc, s) }
		}
	}
	return nil
}

// name keeps a category's or scope's name in the first locale in alphabetical order that
// has one, whatever the order of the columns or keys.
func (r *row) name(dst, kept *string, loc, s string) {
	if s = text(s); s != "" && (*kept == "" || loc < *kept) {
		*dst, *kept = s, loc
	}
}

var pamFields = map[string]setter{
	"id":         func(r *row, _, s string) { r.p.ID = strings.TrimSpace(s) },
	"code":       func(r *row, _, s string) { r.p.Reference = strings.TrimSpace(s) },
	"created_at": date(func(p *Proposal) *civic.Date { return &p.Created }),
	"source": func(r *row, col, s string) {
		switch o := Origin(strings.TrimSpace(s)); o {
		case OriginOfficial, OriginCitizen, OriginOrganization, OriginMeeting:
			r.p.Origin = o
		default:
			r.warnf(col, civic.CodeUnknownValue, s)
		}
	},
	"official":     func(r *row, _, s string) { r.official = strings.TrimSpace(s) },
	"from_meeting": func(r *row, _, s string) { r.meeting = strings.TrimSpace(s) },
	"scope":        func(r *row, _, s string) { r.p.Scope = text(s) },
	"district":     func(r *row, _, s string) { r.p.District = text(s) },
	"category":     func(r *row, _, s string) { r.p.Category = text(s) },
	"subcategory":  func(r *row, _, s string) { r.p.Subcategory = text(s) },
	"status":       state,
	"total_votes":  count(func(p *Proposal) **int64 { return &p.Supports }),
	"total_comments": count(func(p *Proposal) **int64 {
		return &p.Comments
	}),
	"title": func(r *row, _, s string) { setText(&r.p.Title, "und", text(s)) },
}

var consulFields = map[string]setter{
	"id":              func(r *row, _, s string) { r.p.ID = strings.TrimSpace(s) },
	"code":            func(r *row, _, s string) { r.p.Reference = strings.TrimSpace(s) },
	"title":           func(r *row, _, s string) { setText(&r.p.Title, "und", text(s)) },
	"date":            date(func(p *Proposal) *civic.Date { return &p.Created }),
	"created_at":      date(func(p *Proposal) *civic.Date { return &p.Created }),
	"published_at":    date(func(p *Proposal) *civic.Date { return &p.Published }),
	"status":          state,
	"numSupports":     count(func(p *Proposal) **int64 { return &p.Supports }),
	"cached_votes_up": count(func(p *Proposal) **int64 { return &p.Supports }),
	"numComments":     count(func(p *Proposal) **int64 { return &p.Comments }),
	"comments_count":  count(func(p *Proposal) **int64 { return &p.Comments }),
	"isAssociation": func(r *row, col, s string) {
		v, ok := boolean(s)
		switch {
		case !ok:
			r.errs.Add(r.at(col), civic.CodeType, "boolean", s)
		case v:
			r.p.Origin = OriginOrganization
		default:
			r.p.Origin = OriginCitizen
		}
	},
	"retired_at": func(r *row, _, s string) {
		if strings.TrimSpace(s) != "" {
			r.p.State = StateWithdrawn
		}
	},
}

// finish resolves what depends on several fields, once the record is read.
func (r *row) finish(l Layout) {
	p := r.p
	if p.Category == "" && r.catID != "" {
		p.Category = r.catID
	}
	if p.Scope == "" && r.scopeID != "" {
		p.Scope = r.scopeID
	}
	if p.State == "" && l == LayoutDecidim {
		p.State = StateNotAnswered
	}
	switch l {
	case LayoutDecidim:
		if r.meeting == "1" {
			p.Origin = OriginMeeting
		}
	case LayoutPAM2016:
		// "official" and "from_meeting" repeat the source; where they contradict it, the
		// source is kept and the contradiction reported.
		if (r.official == "1") != (p.Origin == OriginOfficial) && r.official != "" && p.Origin != "" {
			r.warnf("official", civic.CodeInconsistent, "official", r.official, "source", string(p.Origin))
		}
		if (r.meeting == "1") != (p.Origin == OriginMeeting) && r.meeting != "" && p.Origin != "" {
			r.warnf("from_meeting", civic.CodeInconsistent, "from_meeting", r.meeting, "source", string(p.Origin))
		}
	}
	if p.ID == "" {
		r.errs.Add(r.at("id"), civic.CodeRequired)
	}
}
