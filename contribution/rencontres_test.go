package contribution_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/contribution"
)

func TestRencontres2027(t *testing.T) {
	c, err := contribution.Rencontres2027()
	require.NoError(t, err)
	assert.Equal(t, "rencontres-2027", c.ID)
	assert.Equal(t, []string{"talk", "workshop", "poster", "lightning"}, c.FormatIDs())
	toronto, err := time.LoadLocation("America/Toronto")
	require.NoError(t, err)
	assert.True(t, c.Open(time.Date(2027, 3, 15, 23, 58, 59, 0, toronto)))
	assert.False(t, c.Open(time.Date(2027, 3, 15, 23, 59, 0, 0, toronto)), "deadline 15 March 2027 23:59, America/Toronto")
	w, _ := c.Format("workshop")
	assert.Equal(t, 90, w.Minutes)
	assert.Equal(t, 25, w.Capacity)
	participants, ok := w.Field("participants")
	require.True(t, ok)
	assert.Equal(t, contribution.FieldNumber, participants.Type)
	assert.Equal(t, int64(25), participants.Max)
	talk, _ := c.Format("talk")
	assert.Equal(t, 30, talk.Minutes)
	licence, ok := talk.Field("licence")
	require.True(t, ok)
	require.NotNil(t, licence.RequiredWhen, "a conditional question")
	l, _ := c.Format("lightning")
	assert.Equal(t, 5, l.Minutes)

	ps, err := contribution.Rencontres2027Sample(c)
	require.NoError(t, err)
	require.Len(t, ps, 40)
	byFormat := map[string]int{}
	fams := map[civic.Family]bool{}
	langs := map[string]int{}
	for _, p := range ps {
		byFormat[p.Format]++
		fams[p.Family()] = true
		langs[p.Language]++
	}
	assert.Equal(t, map[string]int{"talk": 17, "workshop": 7, "poster": 8, "lightning": 8}, byFormat)
	assert.Len(t, fams, 5, "every family of actors")
	assert.Positive(t, langs["fr"])
	assert.Positive(t, langs["en"])

	// Shares nothing with 2019.
	j, err := contribution.Call2019()
	require.NoError(t, err)
	for _, f := range c.Formats {
		_, clash := j.Format(f.ID)
		assert.False(t, clash, f.ID)
	}
	for _, a := range c.Axes {
		_, clash := j.Axes.Get(a.ID)
		assert.False(t, clash, a.ID)
	}
}

func TestRencontres2027Rules(t *testing.T) {
	c, err := contribution.Rencontres2027()
	require.NoError(t, err)
	ps, err := contribution.Rencontres2027Sample(c)
	require.NoError(t, err)
	find := func(format string, pred func(*contribution.Proposal) bool) *contribution.Proposal {
		for _, p := range ps {
			if p.Format == format && pred(p) {
				q := *p
				q.Answers = append(contribution.Answers(nil), p.Answers...)
				return &q
			}
		}
		t.Fatalf("no %s proposal", format)
		return nil
	}
	set := func(p *contribution.Proposal, id string, v contribution.Value) {
		for i := range p.Answers {
			if p.Answers[i].Field == id {
				p.Answers[i].Value = v
				return
			}
		}
		p.Answers = append(p.Answers, contribution.Answer{Field: id, Value: v})
	}
	codes := func(err error) []string {
		var out []string
		for _, e := range civic.FieldErrors(err) {
			out = append(out, e.Path.String()+" "+string(e.Code))
		}
		return out
	}
	recorded := find("talk", func(p *contribution.Proposal) bool { return p.Answers.Get("recording").Bool })
	recorded.Answers = contribution.Answers{recorded.Answers[0], recorded.Answers[1], {Field: "recording", Value: contribution.BoolValue(true)}}
	assert.Equal(t, []string{"licence required"}, codes(recorded.Validate(c)), "a recorded talk needs a licence")

	big := find("workshop", func(*contribution.Proposal) bool { return true })
	set(big, "participants", contribution.NumberValue(40))
	assert.Equal(t, []string{"participants out_of_range"}, codes(big.Validate(c)), "a workshop takes at most 25")

	poster := find("poster", func(p *contribution.Proposal) bool { return !p.Answers.Get("ongoing").Bool })
	set(poster, "fieldwork", contribution.PeriodValue(civic.Date{Year: 2027, Month: 5}, civic.Date{}))
	assert.Equal(t, []string{"fieldwork.end required", "fieldwork.start future_results"}, codes(poster.Validate(c)))

	l := find("lightning", func(*contribution.Proposal) bool { return true })
	l.Questions = []string{"inclusion.1"}
	l.Axes = []string{"inclusion"}
	assert.Equal(t, []string{"questions not_for_format"}, codes(l.Validate(c)))
}

// TestRencontres2027RoundTrip: call → proposals (through their JSON) → review →
// selection under the example's quotas → decisions, confirmed proposals ready for a
// programme.
func TestRencontres2027RoundTrip(t *testing.T) {
	c, err := contribution.BuiltinCall(contribution.ExampleRencontres2027)
	require.NoError(t, err)
	sample, err := contribution.BuiltinSample(contribution.ExampleRencontres2027, c)
	require.NoError(t, err)
	var again []*contribution.Proposal
	for _, p := range sample {
		b := mustJSON(t, p)
		q, err := contribution.DecodeProposal(b, c)
		require.NoError(t, err, "%s", b)
		assert.Equal(t, p.Answers, q.Answers)
		again = append(again, q)
	}
	r, err := contribution.ReviewBuiltin(contribution.ExampleRencontres2027, c, again)
	require.NoError(t, err)
	assert.Equal(t, 80, r.Reviews, "two reviews per proposal")
	sel := r.Selection
	assert.Len(t, sel.Selected, 29, "the places of every format are filled")
	n := map[string]int{}
	for _, p := range r.Confirmed() {
		n[p.Format]++
	}
	assert.Equal(t, map[string]int{"talk": 12, "workshop": 5, "poster": 6, "lightning": 6}, n)
}

// TestFidelity2019: what a check against the seeds found.
func TestFidelity2019(t *testing.T) {
	c, err := contribution.Call2019()
	require.NoError(t, err)
	assert.Contains(t, c.OpensSource.Get(language.French), "1545141640", "the opening date is inferred, and says so")
	assert.True(t, c.AcceptsLanguage("fr-FR"))
	assert.True(t, c.AcceptsLanguage("en-GB"))
	assert.False(t, c.AcceptsLanguage("de-DE"))
	assert.False(t, c.AcceptsLanguage("fr-"))
	research, _ := c.Format("research")
	for _, x := range []struct {
		person civic.Person
		open   bool
	}{
		{civic.Person{Name: "Chercheuse indépendante", Email: "a@example.org"}, true},
		{civic.Person{Name: "Chercheur", Email: "b@example.org", Organisation: &civic.Organisation{Name: "Fondation", Kind: civic.KindFoundation, Country: "FR"}}, true},
		{civic.Person{Name: "Chercheuse", Email: "c@example.org", Organisation: &civic.Organisation{Name: "Université", Kind: civic.KindUniversity, Country: "FR"}}, true},
		{civic.Person{Name: "Agent", Email: "d@example.org", Organisation: &civic.Organisation{Name: "Commune", Kind: civic.KindCommune, Country: "FR"}}, false},
	} {
		assert.Equal(t, x.open, research.OpenTo(&x.person), x.person.Name)
	}
}
