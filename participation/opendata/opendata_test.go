package opendata_test

import (
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/participation/opendata"
)

// decidim027 is a Decidim 0.27 open-data CSV (semicolons, the default of many
// installations), written the way its serializer flattens a proposal.
const decidim027 = `id;category/id;category/name/ca;category/name/es;scope/id;scope/name/ca;participatory_space/id;participatory_space/url;component/id;title/ca;title/es;body/ca;state;reference;answer/ca;supports;endorsements/total_count;endorsements/user_endorsements;comments;attachments;followers;published_at;url;meeting_urls;related_proposals;is_amend;original_proposal/title;original_proposal/url
12;3;Mobilitat;Movilidad;7;Gràcia;1;https://x/processes/p;4;Més bicis;Más bicis;<p>Text</p>;accepted;X-PROP-2023-01-12;Fet;130;4;"Anna, Joan";9;0;2;2023-01-15 10:11:12 UTC;https://x/p/12;;;false;;
13;;;;;;1;https://x/processes/p;4;'=SUM(A1);;Hola;;X-PROP-2023-01-13;;;0;;0;0;1;2023-01-16 09:00:00 +0100;https://x/p/13;https://x/meetings/5;;true;Més bicis;https://x/p/12
14;3;Mobilitat;;;;1;u;4;Tancar;;;withdrawn;R;;7;0;;0;0;0;2023-02-01T08:00:00Z;u;;;false;;
15;3;;Movilidad;;;1;u;4;x;;;evaluating;R;;2;0;;0;0;0;2023-02-01;u;;;false;;
`

// decidim030 is a later Decidim export (0.28 onwards): authors, votes and likes, custom
// states, comma-separated.
const decidim030 = `id,author/id,author/name,author/url,taxonomies/id,taxonomies/name/en,title/en,body/en,state,state_published_at,reference,answer/en,answered_at,votes,likes/total_count,likes/user_likes,comments,follows_count,published_at,url,meeting_urls,related_proposals,is_amend,withdrawn,withdrawn_at,created_at,created_in_meeting,cost
1,5,Ana,https://x.org/profiles/ana,9,Housing,Homes,b,rejected,2025-03-01 10:00:00 UTC,R1,No,2025-03-01 10:00:00 UTC,4,1,Bo,0,1,2025-01-01 10:00:00 UTC,u,,,false,false,,2024-12-31 10:00:00 UTC,false,
2,,Town hall,https://x.org/,,,Parks,b,not_answered,,R2,,,,0,,0,0,2025-01-02 10:00:00 UTC,u,,,false,false,,2025-01-02 10:00:00 UTC,false,
3,8,Meeting,https://x.org/processes/p/f/2/meetings/8,,,Bins,b,accepted,,R3,,,10,0,,0,0,2025-01-03 10:00:00 UTC,u,,,false,false,,2025-01-03 10:00:00 UTC,true,
4,5,Ana,https://x.org/profiles/ana,,,Trees,b,in_discussion,,R4,,,3,0,,0,0,2025-01-03 10:00:00 UTC,u,,,false,true,2025-02-01 10:00:00 UTC,2025-01-03 10:00:00 UTC,false,
`

// decidimJSON is the same kind of export in JSON: nested objects, lists and nulls.
const decidimJSON = `[
 {"id": 21, "category": {"id": 3, "name": {"es": "Movilidad", "ca": "Mobilitat"}}, "scope": {"id": null, "name": {}},
  "title": {"ca": "Més bicis", "machine_translations": {"en": "More bikes"}}, "state": "accepted", "supports": 12,
  "endorsements": {"total_count": 2, "user_endorsements": ["A", null, "B"]}, "comments": 0,
  "published_at": "2023-01-15T10:11:12.000+01:00", "meeting_urls": [], "is_amend": false},
 {"id": 22, "title": {"ca": "Menys cotxes"}, "state": null, "supports": null, "published_at": "2023-01-16T10:11:12Z",
  "meeting_urls": ["https://x/meetings/4"]}
]`

type result struct {
	ps    []opendata.Proposal
	rows  []error
	warns []string
	err   error
}

func read(t *testing.T, in string, opt opendata.Options) result {
	t.Helper()
	var r result
	opt.Warn = func(e *civic.FieldError) { r.warns = append(r.warns, e.Error()) }
	rd := opendata.NewReader(strings.NewReader(in), opt)
	for {
		p, ok := rd.Next()
		if !ok {
			break
		}
		r.ps = append(r.ps, *p)
		r.rows = append(r.rows, rd.RowErr())
	}
	r.err = rd.Err()
	return r
}

func n(v int64) *int64 { return &v }

func TestDecidim027(t *testing.T) {
	r := read(t, decidim027, opendata.Options{Source: opendata.SourceDecidim})
	require.NoError(t, r.err)
	require.Len(t, r.ps, 4)
	for _, e := range r.rows {
		require.NoError(t, e)
	}
	p := r.ps[0]
	require.Equal(t, opendata.Proposal{Layout: opendata.LayoutDecidim, ID: "12", Reference: "X-PROP-2023-01-12",
		Title: civic.Text{"ca": "Més bicis", "es": "Más bicis"}, Category: "Mobilitat", Scope: "Gràcia",
		State: opendata.StateAccepted, Supports: n(130), Endorsements: n(4), Comments: n(9),
		Published: civic.DayDate(2023, 1, 15)}, p)
	// The quote Decidim adds against formula injection is removed; an empty state is a
	// proposal not answered; a linked meeting makes it a meeting's proposal.
	require.Equal(t, "=SUM(A1)", r.ps[1].Title["ca"])
	require.Equal(t, opendata.StateNotAnswered, r.ps[1].State)
	require.Equal(t, opendata.OriginMeeting, r.ps[1].Origin)
	require.Nil(t, r.ps[1].Supports)
	require.True(t, r.ps[1].Amendment)
	require.Equal(t, civic.DayDate(2023, 1, 16), r.ps[1].Published)
	require.Equal(t, opendata.StateWithdrawn, r.ps[2].State)
	// The category's name in the first locale that has one.
	require.Equal(t, "Movilidad", r.ps[3].Category)
	require.Contains(t, r.warns, "row[1][7]: unused_column: the column \"participatory_space/url\" is not read into the model")
	require.NotContains(t, strings.Join(r.warns, "\n"), "title/")
}

func TestDecidim030(t *testing.T) {
	r := read(t, decidim030, opendata.Options{})
	require.NoError(t, r.err)
	require.Len(t, r.ps, 4)
	got := func(f func(p opendata.Proposal) any) []any {
		var out []any
		for _, p := range r.ps {
			out = append(out, f(p))
		}
		return out
	}
	require.Equal(t, []any{opendata.OriginCitizen, opendata.OriginOfficial, opendata.OriginMeeting, opendata.OriginCitizen},
		got(func(p opendata.Proposal) any { return p.Origin }))
	require.Equal(t, []any{opendata.StateRejected, opendata.StateNotAnswered, opendata.StateAccepted, opendata.StateWithdrawn},
		got(func(p opendata.Proposal) any { return p.State }))
	require.Equal(t, "Housing", r.ps[0].Category)
	require.Equal(t, civic.DayDate(2024, 12, 31), r.ps[0].Created)
	require.Equal(t, civic.DayDate(2025, 3, 1), r.ps[0].Answered)
	require.Nil(t, r.ps[1].Supports, "votes hidden: an empty field is unknown, not 0")
	require.Equal(t, n(3), r.ps[3].Supports)
}

func TestDecidimCustomState(t *testing.T) {
	r := read(t, "id,state,title/en\n1,in_discussion,x\n", opendata.Options{})
	require.NoError(t, r.err)
	require.Equal(t, opendata.State("in_discussion"), r.ps[0].State)
	require.Equal(t, "in_discussion", r.ps[0].RawState)
	require.False(t, r.ps[0].State.Decided())
}

func TestDecidimJSON(t *testing.T) {
	r := read(t, decidimJSON, opendata.Options{Source: opendata.SourceDecidim})
	require.NoError(t, r.err)
	require.Len(t, r.ps, 2)
	require.NoError(t, r.rows[0])
	p := r.ps[0]
	require.Equal(t, opendata.Proposal{Layout: opendata.LayoutDecidim, ID: "21", Title: civic.Text{"ca": "Més bicis"},
		Category: "Mobilitat", State: opendata.StateAccepted, Supports: n(12), Endorsements: n(2), Comments: n(0),
		Published: civic.DayDate(2023, 1, 15)}, p)
	require.Equal(t, opendata.StateNotAnswered, r.ps[1].State)
	require.Equal(t, opendata.OriginMeeting, r.ps[1].Origin)
	require.Contains(t, r.warns, `[0]["title/machine_translations/en"]: unused_column: the column "title/machine_translations/en" is not read into the model`)
}

func TestProblems(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		src      opendata.Source
		err      string   // Err
		rows     []string // RowErr of each row, "" for none
	}{
		{"empty", "", "", "row[1]: required: is required", nil},
		{"unknown layout", "a,b\n1,2\n", "", `row[1]: unknown_layout: the columns match no known layout (expected decidim|consul, found "")`, nil},
		{"wrong source", "id,numSupports\n1,2\n", opendata.SourceDecidim, `row[1]: unknown_layout: the columns match no known layout (expected decidim, found "consul")`, nil},
		{"missing column", "id,source,status,total_votes\n", "", "", nil},
		{"pam missing", "source,status,total_votes\nofficial,accepted,1\n", "", `row[1]: missing_column: the column "id" is missing`, nil},
		{"duplicate column", "id,state,state\n1,accepted,rejected\n", "", `row[1][2]: duplicate: "state" appears more than once`, nil},
		{"bad numbers and dates", "id,state,supports,published_at\n1,accepted,-3,yesterday\n2,accepted,1.5,\n", "", "",
			[]string{`row[2].supports: number: number -3 is out of range or not an integer; row[2].published_at: invalid_date: "yesterday" is not a valid date`,
				`row[3].supports: number: number 1.5 is out of range or not an integer`}},
		{"field count", "id,state\n1,accepted,extra\n", "", "", []string{"row[2]: field_count: the row has 3 fields, the header 2"}},
		{"no id", "id,state\n,accepted\n", "", "", []string{"row[2].id: required: is required"}},
		{"mismatched quotes", "id,state\n1,\"accepted\n2,rejected\n", "", `row[2]: csv_syntax: malformed CSV at line 3, column 12: extraneous or missing " in quoted-field`, nil},
		{"latin-1 field", "id,state,title/ca\n1,accepted,Pla\xe7a\n", "", "", []string{"row[2][\"title/ca\"]: encoding: is not UTF-8 (byte 0xE7): the file may be Latin-1 or Windows-1252; convert it or name its encoding"}},
		{"utf-16", "\xff\xfei\x00d\x00", "", "row[1]: encoding: is not UTF-8 (byte UTF-16): the file may be Latin-1 or Windows-1252; convert it or name its encoding", nil},
		{"truncated json", `[{"id": 1, "state": "accepted"}, {"id": 2, "sta`, "", "syntax: malformed JSON at byte 32: unexpected end of input: the file is cut short", []string{""}},
		{"json not objects", `[{"id": 1, "state": "accepted"}, 3]`, "", "", []string{"", "[1]: type: must be a JSON object, not number"}},
		{"json not array", `{"id": 1}`, "", "type: must be a JSON array, not another value", nil},
		{"json trailing", `[{"id": 1, "state": "accepted"}] x`, "", "syntax: malformed JSON at byte 33: data after the array", []string{""}},
		{"json bad syntax", `[{"id": 1,, }]`, "", "syntax: malformed JSON at byte 10: invalid character ',' looking for beginning of object key string", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := read(t, tc.in, opendata.Options{Source: tc.src})
			if tc.err == "" {
				require.NoError(t, r.err)
			} else {
				var parts []string
				for _, fe := range civic.FieldErrors(r.err) {
					parts = append(parts, fe.Error())
				}
				require.Equal(t, tc.err, strings.Join(parts, "; "))
			}
			var rows []string
			for _, e := range r.rows {
				s := ""
				var parts []string
				for _, fe := range civic.FieldErrors(e) {
					parts = append(parts, fe.Error())
				}
				s = strings.Join(parts, "; ")
				rows = append(rows, s)
			}
			require.Equal(t, tc.rows, rows)
		})
	}
}

// endless writes a CSV header then one field that never ends: a 100 MB quoted field, or
// more, never held in memory.
type endless struct {
	head string
	n    int64
}

func (e *endless) Read(p []byte) (int, error) {
	if e.head != "" {
		k := copy(p, e.head)
		e.head = e.head[k:]
		return k, nil
	}
	if e.n <= 0 {
		return 0, io.EOF
	}
	k := min(int64(len(p)), e.n)
	for i := range k {
		p[i] = 'a'
	}
	e.n -= k
	return int(k), nil
}

func TestRecordLimit(t *testing.T) {
	for _, head := range []string{"id,state,title/en\n1,accepted,\"", `[{"id": 1, "title": {"en": "`} {
		rd := opendata.NewReader(&endless{head: head, n: 100 << 20}, opendata.Options{MaxRecord: 1 << 20})
		for {
			if _, ok := rd.Next(); !ok {
				break
			}
		}
		require.ErrorContains(t, rd.Err(), "too_large: larger than the limit of 1,048,576 bytes")
	}
}
