package schema_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/axis"
	"github.com/civic-observatory/civic/contribution"
)

// This file builds the agreement corpus: valid proposals to testCall generated for every
// format, then one mutation per document covering every rule of the Go validator.

// testCall is the call of the agreement corpus: small limits, so that length bounds are
// cheap to test, and a format of each shape (ongoing results with axes required, results
// without, pitch, a project with and without a support document, open to citizens or not).
func testCall() *contribution.Call {
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		panic(err)
	}
	q := func(n int, fr string) axis.Question {
		return axis.Question{Number: n, Text: civic.NewText(fr, "Question "+strconv.Itoa(n))}
	}
	return &contribution.Call{
		ID:         "corpus-call",
		Title:      civic.NewText("Appel de test du corpus", "Corpus test call"),
		Organisers: []civic.Organisation{{Name: "Observatoire des civic tech", Kind: civic.KindAssociation, Country: "FR"}},
		Home:       "FR",
		TimeZone:   "Europe/Paris",
		Opens:      time.Date(2018, 11, 1, 0, 0, 0, 0, paris),
		Deadline:   time.Date(2019, 1, 25, 0, 0, 0, 0, paris),
		Languages:  []string{"fr", "en"},
		Families:   []civic.Family{civic.FamilyPublic, civic.FamilyCompany, civic.FamilyAssociation, civic.FamilyAcademic},
		Formats: []contribution.Format{
			{ID: "research", Name: civic.NewText("Présentation de recherche", "Research presentation"), Minutes: 20,
				Families: []civic.Family{civic.FamilyAcademic},
				Axes:     contribution.Required, Questions: contribution.Optional, RightOfReply: true, Fields: form2019("research")},
			{ID: "field-report", Name: civic.NewText("Retour d'expériences", "Field experience report"), Minutes: 15,
				Families: []civic.Family{civic.FamilyPublic, civic.FamilyCompany, civic.FamilyAssociation},
				Axes:     contribution.Optional, Questions: contribution.Optional, RightOfReply: true, Fields: form2019("field-report")},
			{ID: "pitch", Name: civic.NewText("Pitch", "Pitch"), Minutes: 5, RightOfReply: true, Fields: form2019("pitch")},
			{ID: "centrifugeuse", Name: civic.NewText("Centrifugeuse", "Centrifuge"), Minutes: 15, FeedbackMinutes: 5,
				Table:    &contribution.Table{Seats: 5, Facilitators: 1},
				Families: []civic.Family{civic.FamilyPublic, civic.FamilyCompany, civic.FamilyAssociation, civic.FamilyCitizen},
				Fields:   form2019("centrifugeuse")},
			{ID: "workshop", Name: civic.NewText("Atelier", "Workshop"), Minutes: 90,
				Axes: contribution.Optional, Questions: contribution.Optional, Fields: withoutSupport(form2019("centrifugeuse"))},
		},
		Axes: axis.Set{
			{ID: "1", Title: civic.NewText("Govtech", "Govtech"), Questions: []axis.Question{q(1, "Première ?"), q(2, "Deuxième ?"), q(3, "Troisième ?")}},
			{ID: "2", Title: civic.NewText("Technologies citoyennes", "Civic technologies"), Questions: []axis.Question{q(1, "Première ?"), q(2, "Deuxième ?")}},
			{ID: "eco", Title: civic.NewText("Écosystème", "Ecosystem"), Questions: []axis.Question{q(1, "Unique ?")}},
		},
		Limits: contribution.Limits{TitleMin: 5, TitleMax: 40, SummaryMin: 20, SummaryMax: 120, TextMax: 200, Contributors: 4},
	}
}

// form2019 returns the form of the 2019 call's format.
func form2019(id string) []contribution.Field {
	c, err := contribution.Call2019()
	if err != nil {
		panic(err)
	}
	f, ok := c.Format(id)
	if !ok {
		panic("no format " + id)
	}
	return f.Fields
}

// withoutSupport returns the centrifugeuse form without its support document.
func withoutSupport(fields []contribution.Field) []contribution.Field {
	project := fields[0]
	project.Fields = slices.DeleteFunc(slices.Clone(project.Fields), func(f contribution.Field) bool { return f.ID == "support" })
	return []contribution.Field{project}
}

// doc is a JSON document under construction.
type doc = map[string]any

// corpusCase is one document of the corpus.
type corpusCase struct {
	Name string
	// Want is the verdict the case is built for; the test checks the Go validator gives it.
	Want bool
	Doc  []byte
}

func person(name, email string, org doc) doc {
	p := doc{"name": name, "email": email}
	if org != nil {
		p["organisation"] = org
	}
	return p
}

func org(name, kind, country string) doc {
	return doc{"name": name, "kind": kind, "country": country}
}

// Contributors of each family.
var (
	academic = func() doc {
		return person("Claire Fontanel", "claire.fontanel@example.fr", org("Université de Rivebelle", "university", "FR"))
	}
	thinkTank = func() doc {
		return person("Jonas Weber", "j.weber@example.de", org("Denkfabrik Teilhabe", "think_tank", "DE"))
	}
	public = func() doc {
		return person("Élodie Marchand", "elodie.marchand@ville.example.fr", org("Ville de Rivebelle", "commune", "FR"))
	}
	company = func() doc {
		return person("Ana Souza", "ana@startup.example.com", org("Votaí", "startup", "BR"))
	}
	association = func() doc {
		return person("Mehdi Aït-Saïd", "mehdi@asso.example.org", org("Collectif Quartiers 2.0", "collective", "FR"))
	}
	citizen = func() doc { return person("Zoé Nguyen", "zoe.nguyen@example.net", nil) }
)

// base returns the i-th valid proposal of the format, in the language.
func base(format, lang string, i int) doc {
	title := map[string]string{"fr": "Budgets participatifs en ligne", "en": "Online participatory budgets"}[lang]
	summary := map[string]string{
		"fr": "Ce que nous avons appris de trois budgets participatifs numériques.",
		"en": "What we learnt from three digital participatory budgets.",
	}[lang]
	d := doc{
		"id":       fmt.Sprintf("%s-%s-%d", format, lang, i),
		"title":    fmt.Sprintf("%s n°%d", title, i),
		"summary":  summary,
		"format":   format,
		"language": lang,
	}
	switch format {
	case "research", "field-report":
		results := doc{
			"period":   doc{"start": "2017-09", "end": "2018-11-30"},
			"actions":  "Enquête auprès de 3 400 votants, entretiens avec vingt agents.",
			"findings": "La participation en ligne élargit l'accès aux 25-40 ans.",
		}
		if i%2 == 1 {
			results["impact"] = doc{
				"objectives": []any{"Mesurer la diversité des votants"},
				"indicators": []any{doc{"name": "Votants", "value": "12 000 participants"}},
				"evaluation": []string{"internal", "external", "participatory", "none"}[i%4],
				"evaluator":  "Laboratoire CiTeP",
			}
			results["implementation"] = doc{
				"humanMeans": "Deux chargés de mission",
				"budget":     doc{"amount": 45000, "currency": "EUR"},
				"channels":   []any{"Réseaux sociaux", "Affichage municipal"},
				"synthesis":  "Synthèse publique en ligne.",
			}
		}
		d["results"] = results
		axes := [][]any{{"1"}, {"1", "2"}, {"eco"}, {"2", "eco", "1"}}[i%4]
		d["axes"] = axes
		if i%2 == 0 {
			d["questions"] = []any{axes[0].(string) + ".1"}
		}
	case "pitch":
		d["pitch"] = doc{"kind": []string{"law", "mobilisation", "idea", "event", "book", "other"}[i%6], "ask": "Rendre obligatoire la publication des résultats."}
	case "centrifugeuse", "workshop":
		p := doc{
			"kind":        []string{"startup", "association", "tool", "local", "organisation"}[i%5],
			"stage":       []string{"idea", "design"}[i%2],
			"description": "Un outil de pétition locale vérifiant la résidence.",
		}
		if i%2 == 1 {
			p["questions"] = "Qui paiera ?"
		}
		if format == "centrifugeuse" && i%3 == 0 {
			p["support"] = "https://example.org/support.pdf"
		}
		d["project"] = p
		if format == "workshop" && i%2 == 0 {
			d["axes"] = []any{"eco"}
			d["questions"] = []any{"eco.1"}
		}
	}
	// Contributors: at least one of a family the format is open to, then others.
	var first []func() doc
	switch format {
	case "research":
		first = []func() doc{academic, thinkTank}
	case "field-report":
		first = []func() doc{public, company, association}
	case "centrifugeuse":
		first = []func() doc{citizen, public, company, association}
	default:
		first = []func() doc{citizen, academic, public, company, association, thinkTank}
	}
	cs := []any{first[i%len(first)]()}
	others := []func() doc{citizen, academic, public, company, association, thinkTank}
	for j := range i % 3 {
		c := others[(i+j+1)%len(others)]()
		if slices.ContainsFunc(cs, func(x any) bool { return x.(doc)["email"] == c["email"] }) {
			continue
		}
		cs = append(cs, c)
	}
	if i%4 == 3 {
		cs[0].(doc)["role"] = "chargée de mission"
		if o, ok := cs[0].(doc)["organisation"].(doc); ok {
			o["website"] = "https://www.example.fr/a-propos"
		}
	}
	d["contributors"] = cs
	return d
}

// formats are the formats of testCall, and the number of valid documents of each.
var formats = []string{"research", "field-report", "pitch", "centrifugeuse", "workshop"}

const validPerFormat = 12 // per language

// mutation turns a valid document into one case of the corpus.
type mutation struct {
	name    string
	formats []string // formats it applies to (nil: all)
	want    bool     // the verdict it should get
	edit    func(d doc)
	raw     func(b []byte) []byte // applied to the encoded document, after edit
}

// runes returns a string of exactly n characters mixing ASCII, accents and emoji.
func runes(n int) string {
	const pattern = "Éé😀aà ü🇫x"
	var b strings.Builder
	r := []rune(pattern)
	for i := range n {
		c := r[i%len(r)]
		if i == 0 && c == ' ' {
			c = 'x'
		}
		b.WriteRune(c)
	}
	s := b.String()
	if utf8.RuneCountInString(s) != n {
		panic("runes")
	}
	return s
}

func contributor(d doc, i int) doc {
	return d["contributors"].([]any)[i].(doc)
}

// setPath sets the value at a dotted path ("results.period.end", "contributors.0.email").
func setPath(d doc, path string, v any) {
	keys := strings.Split(path, ".")
	var cur any = d
	for i, k := range keys {
		last := i == len(keys)-1
		switch c := cur.(type) {
		case doc:
			if last {
				c[k] = v
				return
			}
			if _, ok := c[k]; !ok {
				c[k] = doc{}
			}
			cur = c[k]
		case []any:
			n, _ := strconv.Atoi(k)
			if last {
				c[n] = v
				return
			}
			cur = c[n]
		}
	}
}

func delPath(d doc, path string) {
	i := strings.LastIndexByte(path, '.')
	if i < 0 {
		delete(d, path)
		return
	}
	parent := getPath(d, path[:i])
	delete(parent.(doc), path[i+1:])
}

func getPath(d doc, path string) any {
	var cur any = d
	for _, k := range strings.Split(path, ".") {
		switch c := cur.(type) {
		case doc:
			cur = c[k]
		case []any:
			n, _ := strconv.Atoi(k)
			cur = c[n]
		}
	}
	return cur
}

func set(path string, v any) func(doc) { return func(d doc) { setPath(d, path, v) } }
func del(path string) func(doc)        { return func(d doc) { delPath(d, path) } }

var (
	resultsFormats = []string{"research", "field-report"}
	projectFormats = []string{"centrifugeuse", "workshop"}
	axesFormats    = []string{"research", "field-report", "workshop"}
)

// mutations lists the mutations of the corpus, rule by rule.
func mutations() []mutation {
	lim := testCall().Limits
	ms := []mutation{
		// Required members, and empty or blank values of required strings.
		{name: "missing-id", edit: del("id")},
		{name: "missing-title", edit: del("title")},
		{name: "missing-summary", edit: del("summary")},
		{name: "missing-format", edit: del("format")},
		{name: "missing-language", edit: del("language")},
		{name: "missing-contributors", edit: del("contributors")},
		{name: "empty-contributors", edit: set("contributors", []any{})},
		{name: "empty-id", edit: set("id", "")},
		{name: "empty-title", edit: set("title", "")},
		{name: "blank-title", edit: set("title", "   \u00a0 ")},
		{name: "blank-summary", edit: set("summary", " \n\t \u3000 ")},
		{name: "empty-format", edit: set("format", "")},
		{name: "empty-language", edit: set("language", "")},
		{name: "missing-contributor-name", edit: del("contributors.0.name")},
		{name: "blank-contributor-name", edit: set("contributors.0.name", "\u2003")},
		{name: "missing-contributor-email", edit: del("contributors.0.email")},
		{name: "empty-contributor-email", edit: set("contributors.0.email", "")},
		{name: "missing-results", formats: resultsFormats, edit: del("results")},
		{name: "missing-project", formats: projectFormats, edit: del("project")},
		{name: "missing-pitch", formats: []string{"pitch"}, edit: del("pitch")},
		{name: "missing-period", formats: resultsFormats, edit: del("results.period")},
		{name: "missing-period-start", formats: resultsFormats, edit: del("results.period.start")},
		{name: "missing-period-end", formats: resultsFormats, edit: del("results.period.end")},
		{name: "missing-actions", formats: resultsFormats, edit: del("results.actions")},
		{name: "blank-findings", formats: resultsFormats, edit: set("results.findings", "\n\n")},
		{name: "missing-evaluation", formats: resultsFormats, edit: set("results.impact", doc{"objectives": []any{"Un objectif"}})},
		{name: "empty-indicator-name", formats: resultsFormats, edit: set("results.impact", doc{"evaluation": "none", "indicators": []any{doc{"name": ""}}})},
		{name: "missing-currency", formats: resultsFormats, edit: set("results.implementation", doc{"budget": doc{"amount": 10}})},
		{name: "missing-project-kind", formats: projectFormats, edit: del("project.kind")},
		{name: "missing-project-stage", formats: projectFormats, edit: del("project.stage")},
		{name: "blank-project-description", formats: projectFormats, edit: set("project.description", " ")},
		{name: "missing-pitch-ask", formats: []string{"pitch"}, edit: del("pitch.ask")},
		{name: "missing-org-kind", edit: set("contributors.0.organisation", doc{"name": "Mairie", "country": "FR"})},
		{name: "missing-org-country", edit: set("contributors.0.organisation", doc{"name": "Mairie", "kind": "commune"})},
		{name: "blank-org-name", edit: set("contributors.0.organisation", doc{"name": "\t", "kind": "commune", "country": "FR"})},
		{name: "empty-objective", formats: resultsFormats, edit: set("results.impact", doc{"evaluation": "none", "objectives": []any{""}})},
		{name: "empty-channel", formats: resultsFormats, edit: set("results.implementation", doc{"channels": []any{"Affiches", ""}})},

		// Optional members that may be left out or empty.
		{name: "ok-empty-role", want: true, edit: set("contributors.0.role", "")},
		{name: "ok-empty-website", want: true, formats: []string{"field-report", "pitch", "centrifugeuse", "workshop"}, edit: set("contributors.0.organisation", doc{"name": "Mairie", "kind": "commune", "country": "FR", "website": ""})},
		{name: "ok-empty-implementation", want: true, formats: resultsFormats, edit: set("results.implementation", doc{})},
		{name: "ok-budget-without-amount", want: true, formats: resultsFormats, edit: set("results.implementation", doc{"budget": doc{"currency": "XOF"}})},
		{name: "ok-empty-support", want: true, formats: []string{"centrifugeuse"}, edit: set("project.support", "")},
		{name: "support-not-asked", formats: []string{"workshop"}, edit: set("project.support", "")},
		{name: "ok-empty-axes", want: true, formats: []string{"field-report", "workshop", "pitch", "centrifugeuse"}, edit: func(d doc) { d["axes"] = []any{}; delete(d, "questions") }},
		{name: "ok-empty-questions", want: true, edit: set("questions", []any{})},
		{name: "ok-ongoing-false", want: true, formats: []string{"research"}, edit: set("results.ongoing", false)},
		{name: "ongoing-not-asked", formats: []string{"field-report"}, edit: set("results.ongoing", false)},
		{name: "ok-year-dates", want: true, formats: resultsFormats, edit: set("results.period", doc{"start": "2016", "end": "2017"})},
		{name: "ok-same-day", want: true, formats: resultsFormats, edit: set("results.period", doc{"start": "2018-03-18", "end": "2018-03-18"})},
		{name: "ok-leap-day", want: true, formats: resultsFormats, edit: set("results.period", doc{"start": "2016-02-29", "end": "2018-02-28"})},
		{name: "ok-zero-amount", want: true, formats: resultsFormats, edit: set("results.implementation", doc{"budget": doc{"amount": 0, "currency": "EUR"}})},
		{name: "ok-max-amount", want: true, formats: resultsFormats, edit: set("results.implementation", doc{"budget": doc{"amount": int64(1_000_000_000_000), "currency": "EUR"}})},
		{name: "ok-amount-as-float", want: true, formats: resultsFormats, edit: set("results.implementation", doc{"budget": doc{"amount": json.Number("1200.0"), "currency": "EUR"}})},
		{name: "ok-max-contributors", want: true, edit: func(d doc) {
			d["contributors"] = []any{d["contributors"].([]any)[0], person("A B", "a@b.example", nil), person("C D", "c@d.example", nil), person("E F", "e@f.example", nil)}[:lim.Contributors]
		}},
		{name: "ok-international", want: true, formats: []string{"field-report", "pitch", "centrifugeuse", "workshop"}, edit: set("contributors.0.organisation", doc{"name": "Cidade", "kind": "commune", "country": "BR"})},
		{name: "ok-email-plus", want: true, edit: set("contributors.0.email", "first.last+civic@sub.example-domain.org")},
		{name: "ok-email-symbols", want: true, edit: set("contributors.0.email", "o'brien!#$%&*=?^_`{|}~-@x.io")},
		{name: "ok-upper-https", want: true, formats: []string{"field-report", "pitch", "centrifugeuse", "workshop"}, edit: set("contributors.0.organisation", doc{"name": "Org", "kind": "company", "country": "FR", "website": "HTTPS://Example.ORG/x?y=1#z"})},
		{name: "ok-nbsp-in-title", want: true, edit: set("title", "Budget\u00a0participatif : bilan")},
		{name: "ok-newline-in-summary", want: true, edit: set("summary", "Première ligne du résumé.\nSeconde ligne,\tavec tabulation.\r\n")},
		{name: "ok-leading-space-title", want: true, edit: set("title", "  Titre avec espaces  ")},
		{name: "ok-rtl-text", want: true, edit: set("title", "مشاركة المواطنين الرقمية")},
		// One rule for every text: bidirectional formatting characters are refused in long
		// texts too, and a text of invisible characters is empty.
		{name: "bidi-in-summary", edit: set("summary", "Un résumé qui cite \u202Bمشاركة\u202C en arabe.")},
		{name: "invisible-title", edit: set("title", "\u200b\u2060\u3164\u2800\u200b")},
		{name: "invisible-name", edit: set("contributors.0.name", "\ufeff\u115f")},
		{name: "ok-zero-width-inside-title", want: true, edit: set("title", "Budget\u200bparticipatif : bilan")},
		{name: "ok-line-separator-in-title", want: true, edit: set("title", "Titre\u2028sur deux lignes")},

		// What the review workflow owns is never the author's to write (issue 11): both
		// validators refuse it as an unknown member.
		{name: "author-state-submitted", edit: func(d doc) { d["state"] = "submitted"; d["version"] = 1 }},
		{name: "author-state-empty", edit: func(d doc) { d["state"] = ""; d["version"] = 0; d["pending"] = "" }},
		{name: "author-state-accepted", edit: func(d doc) { d["state"] = "accepted"; d["pending"] = "accept"; d["version"] = 99 }},
		{name: "author-version-large", edit: set("version", int64(1)<<60)},
		{name: "author-submitted", edit: set("submitted", "2019-01-10T10:30:00.123456+01:00")},
		{name: "author-reviews", edit: set("reviews", []any{})},
		{name: "state-unknown", edit: set("state", "published")},
		{name: "pending-unknown", edit: set("pending", "maybe")},
		{name: "version-negative", edit: set("version", -1)},
		{name: "version-fraction", edit: set("version", 1.5)},
		{name: "version-string", edit: set("version", "2")},

		// Unknown members and wrong types.
		{name: "unknown-field", edit: set("tags", []any{"x"})},
		{name: "unknown-field-contributor", edit: set("contributors.0.phone", "+33 1 23 45 67 89")},
		{name: "unknown-field-org", edit: set("contributors.0.organisation", doc{"name": "Org", "kind": "company", "country": "FR", "siret": "123"})},
		{name: "unknown-field-results", formats: resultsFormats, edit: set("results.budget", 3)},
		{name: "unknown-field-period", formats: resultsFormats, edit: set("results.period.duration", "P1Y")},
		{name: "unknown-field-project", formats: projectFormats, edit: set("project.team", "3")},
		{name: "unknown-field-pitch", formats: []string{"pitch"}, edit: set("pitch.audience", "tous")},
		{name: "type-title-number", edit: set("title", 42)},
		{name: "type-title-null", edit: set("title", nil)},
		{name: "type-id-number", edit: set("id", 7)},
		{name: "type-axes-string", formats: axesFormats, edit: set("axes", "1")},
		{name: "type-axes-null", formats: axesFormats, edit: set("axes", nil)},
		{name: "type-contributors-object", edit: func(d doc) { d["contributors"] = d["contributors"].([]any)[0] }},
		{name: "type-contributor-string", edit: set("contributors.0", "Claire Fontanel")},
		{name: "type-organisation-null", edit: set("contributors.0.organisation", nil)},
		{name: "type-organisation-string", edit: set("contributors.0.organisation", "Mairie")},
		{name: "type-results-array", formats: resultsFormats, edit: set("results", []any{})},
		{name: "type-results-null", formats: resultsFormats, edit: set("results", nil)},
		{name: "type-ongoing-string", formats: []string{"research"}, edit: set("results.ongoing", "true")},
		{name: "type-amount-string", formats: resultsFormats, edit: set("results.implementation", doc{"budget": doc{"amount": "45000", "currency": "EUR"}})},
		{name: "type-amount-fraction", formats: resultsFormats, edit: set("results.implementation", doc{"budget": doc{"amount": 12.5, "currency": "EUR"}})},
		{name: "type-amount-huge", formats: resultsFormats, edit: set("results.implementation", doc{"budget": doc{"amount": json.Number("1e400"), "currency": "EUR"}})},
		{name: "type-submitted-number", edit: set("submitted", 1547112600)},
		{name: "type-root-array", raw: func(b []byte) []byte { return append(append([]byte("["), b...), ']') }},
		{name: "type-root-string", raw: func([]byte) []byte { return []byte(`"proposal"`) }},
		{name: "type-questions-numbers", formats: []string{"research"}, edit: set("questions", []any{1.1})},
		{name: "type-pitch-kind-bool", formats: []string{"pitch"}, edit: set("pitch.kind", true)},

		// Closed lists.
		{name: "enum-format", edit: set("format", "poem")},
		{name: "enum-format-case", edit: set("format", "Research")},
		{name: "enum-language", edit: set("language", "de")},
		{name: "ok-language-region", want: true, edit: set("language", "fr-CA")},
		{name: "language-region-not-accepted", edit: set("language", "de-CH")},
		{name: "language-empty-subtag", edit: set("language", "fr-")},
		{name: "enum-org-kind", edit: set("contributors.0.organisation", doc{"name": "Org", "kind": "ngo", "country": "FR"})},
		{name: "enum-country-lower", edit: set("contributors.0.organisation", doc{"name": "Org", "kind": "company", "country": "fr"})},
		{name: "enum-country-unknown", edit: set("contributors.0.organisation", doc{"name": "Org", "kind": "company", "country": "ZZ"})},
		{name: "enum-country-alpha3", edit: set("contributors.0.organisation", doc{"name": "Org", "kind": "company", "country": "FRA"})},
		{name: "enum-country-eu", edit: set("contributors.0.organisation", doc{"name": "Org", "kind": "company", "country": "EU"})},
		{name: "enum-evaluation", formats: resultsFormats, edit: set("results.impact", doc{"evaluation": "self"})},
		{name: "enum-project-kind", formats: projectFormats, edit: set("project.kind", "company")},
		{name: "enum-project-stage", formats: projectFormats, edit: set("project.stage", "prototype")},
		{name: "enum-pitch-kind", formats: []string{"pitch"}, edit: set("pitch.kind", "petition")},
		{name: "enum-currency-lower", formats: resultsFormats, edit: set("results.implementation", doc{"budget": doc{"amount": 1, "currency": "eur"}})},
		{name: "enum-currency-symbol", formats: resultsFormats, edit: set("results.implementation", doc{"budget": doc{"amount": 1, "currency": "€"}})},
		{name: "unknown-axis", formats: axesFormats, edit: set("axes", []any{"9"})},
		{name: "unknown-question-number", formats: []string{"research", "field-report"}, edit: func(d doc) { d["axes"] = []any{"1"}; d["questions"] = []any{"1.4"} }},
		{name: "unknown-question-axis", formats: []string{"research"}, edit: func(d doc) { d["axes"] = []any{"1"}; d["questions"] = []any{"9.1"} }},

		// Lengths, in characters, at the limit and one past it.
		{name: "ok-title-at-max", want: true, edit: set("title", runes(lim.TitleMax))},
		{name: "title-over-max", edit: set("title", runes(lim.TitleMax+1))},
		{name: "ok-title-at-min", want: true, edit: set("title", runes(lim.TitleMin))},
		{name: "title-under-min", edit: set("title", runes(lim.TitleMin-1))},
		{name: "ok-title-emoji-at-max", want: true, edit: set("title", strings.Repeat("😀", lim.TitleMax))},
		{name: "title-emoji-over-max", edit: set("title", strings.Repeat("😀", lim.TitleMax+1))},
		{name: "ok-title-accents-at-max", want: true, edit: set("title", strings.Repeat("é", lim.TitleMax))},
		{name: "title-accents-over-max", edit: set("title", strings.Repeat("é", lim.TitleMax+1))},
		{name: "ok-summary-at-max", want: true, edit: set("summary", runes(lim.SummaryMax))},
		{name: "summary-over-max", edit: set("summary", runes(lim.SummaryMax+1))},
		{name: "ok-summary-at-min", want: true, edit: set("summary", runes(lim.SummaryMin))},
		{name: "summary-under-min", edit: set("summary", runes(lim.SummaryMin-1))},
		{name: "ok-actions-at-max", want: true, formats: resultsFormats, edit: set("results.actions", runes(lim.TextMax))},
		{name: "actions-over-max", formats: resultsFormats, edit: set("results.actions", runes(lim.TextMax+1))},
		{name: "ok-description-at-max", want: true, formats: projectFormats, edit: set("project.description", runes(lim.TextMax))},
		{name: "description-over-max", formats: projectFormats, edit: set("project.description", runes(lim.TextMax+1))},
		{name: "ok-ask-at-max", want: true, formats: []string{"pitch"}, edit: set("pitch.ask", runes(lim.TextMax))},
		{name: "ask-over-max", formats: []string{"pitch"}, edit: set("pitch.ask", runes(lim.TextMax+1))},
		{name: "ok-name-at-max", want: true, edit: set("contributors.0.name", runes(civic.MaxNameLen))},
		{name: "name-over-max", edit: set("contributors.0.name", runes(civic.MaxNameLen+1))},
		{name: "ok-role-at-max", want: true, edit: set("contributors.0.role", runes(civic.MaxRoleLen))},
		{name: "role-over-max", edit: set("contributors.0.role", runes(civic.MaxRoleLen+1))},
		{name: "org-name-over-max", edit: set("contributors.0.organisation", doc{"name": runes(civic.MaxNameLen + 1), "kind": "company", "country": "FR"})},
		{name: "ok-evaluator-at-max", want: true, formats: resultsFormats, edit: set("results.impact", doc{"evaluation": "external", "evaluator": runes(contribution.MaxLabelLen)})},
		{name: "evaluator-over-max", formats: resultsFormats, edit: set("results.impact", doc{"evaluation": "external", "evaluator": runes(contribution.MaxLabelLen + 1)})},
		{name: "indicator-value-over-max", formats: resultsFormats, edit: set("results.impact", doc{"evaluation": "none", "indicators": []any{doc{"name": "n", "value": runes(lim.TextMax + 1)}}})},
		{name: "channel-over-max", formats: resultsFormats, edit: set("results.implementation", doc{"channels": []any{runes(contribution.MaxLabelLen + 1)}})},
		{name: "ok-email-at-max", want: true, edit: set("contributors.0.email", strings.Repeat("a", 64)+"@"+strings.Repeat("b", 63)+"."+strings.Repeat("c", 63)+"."+strings.Repeat("d", 61))},
		{name: "email-over-max", edit: set("contributors.0.email", strings.Repeat("a", 64)+"@"+strings.Repeat("b", 63)+"."+strings.Repeat("c", 63)+"."+strings.Repeat("d", 62))},

		// Counts of items.
		{name: "too-many-contributors", edit: func(d doc) {
			cs := d["contributors"].([]any)
			for i := len(cs); i <= lim.Contributors; i++ {
				cs = append(cs, person(fmt.Sprintf("Personne %d", i), fmt.Sprintf("p%d@example.org", i), nil))
			}
			d["contributors"] = cs
		}},
		{name: "too-many-objectives", formats: resultsFormats, edit: set("results.impact", doc{"evaluation": "none", "objectives": repeat("Objectif", 20+1)})},
		{name: "ok-max-objectives", want: true, formats: resultsFormats, edit: set("results.impact", doc{"evaluation": "none", "objectives": repeat("Objectif", 20)})},
		{name: "too-many-channels", formats: resultsFormats, edit: set("results.implementation", doc{"channels": repeat("Canal", 30+1)})},
		{name: "too-many-indicators", formats: resultsFormats, edit: func(d doc) {
			var ins []any
			for i := range 50 + 1 {
				ins = append(ins, doc{"name": fmt.Sprintf("Indicateur %d", i)})
			}
			setPath(d, "results.impact", doc{"evaluation": "none", "indicators": ins})
		}},

		// Duplicates.
		{name: "duplicate-axis", formats: axesFormats, edit: func(d doc) { d["axes"] = []any{"1", "1"}; delete(d, "questions") }},
		{name: "duplicate-question", formats: []string{"research", "field-report"}, edit: func(d doc) { d["axes"] = []any{"1"}; d["questions"] = []any{"1.2", "1.2"} }},
		{name: "duplicate-email", edit: func(d doc) {
			c := contributor(d, 0)
			d["contributors"] = append(d["contributors"].([]any)[:1], person("Autre Personne", c["email"].(string), nil))
		}},
		{name: "duplicate-contributor", edit: func(d doc) {
			c := contributor(d, 0)
			d["contributors"] = append(d["contributors"].([]any)[:1], c)
		}},
		{name: "duplicate-key-title", raw: func(b []byte) []byte { return dupKey(b, `"title":"Un autre titre",`) }},
		{name: "duplicate-key-format", raw: func(b []byte) []byte { return dupKey(b, `"format":"poem",`) }},

		// E-mails, identifiers, references, addresses.
		{name: "email-no-at", edit: set("contributors.0.email", "claire.example.fr")},
		{name: "email-display-name", edit: set("contributors.0.email", "Claire <claire@example.fr>")},
		{name: "email-no-dot-domain", edit: set("contributors.0.email", "claire@localhost")},
		{name: "email-double-dot", edit: set("contributors.0.email", "claire..f@example.fr")},
		{name: "email-leading-dot", edit: set("contributors.0.email", ".claire@example.fr")},
		{name: "email-hyphen-label", edit: set("contributors.0.email", "claire@-example.fr")},
		{name: "email-space", edit: set("contributors.0.email", "claire f@example.fr")},
		{name: "email-accent", edit: set("contributors.0.email", "élodie@example.fr")},
		{name: "email-idn", edit: set("contributors.0.email", "claire@exemple.fr.")},
		{name: "email-control", edit: set("contributors.0.email", "claire@example.fr\n")},
		{name: "email-long-label", edit: set("contributors.0.email", "a@"+strings.Repeat("b", 64)+".fr")},
		{name: "id-upper", edit: set("id", "P001")},
		{name: "id-leading-hyphen", edit: set("id", "-p001")},
		{name: "id-underscore", edit: set("id", "p_001")},
		{name: "id-too-long", edit: set("id", strings.Repeat("a", 65))},
		{name: "ok-id-at-max", want: true, edit: set("id", strings.Repeat("a", 64))},
		{name: "id-space", edit: set("id", "p 001")},
		{name: "question-bad-ref", formats: []string{"research"}, edit: func(d doc) { d["axes"] = []any{"1"}; d["questions"] = []any{"1.01"} }},
		{name: "question-no-number", formats: []string{"research"}, edit: func(d doc) { d["axes"] = []any{"1"}; d["questions"] = []any{"1"} }},
		{name: "website-ftp", edit: set("contributors.0.organisation", doc{"name": "Org", "kind": "company", "country": "FR", "website": "ftp://example.org"})},
		{name: "website-relative", edit: set("contributors.0.organisation", doc{"name": "Org", "kind": "company", "country": "FR", "website": "/about"})},
		{name: "website-no-host", edit: set("contributors.0.organisation", doc{"name": "Org", "kind": "company", "country": "FR", "website": "https:///path"})},
		{name: "website-space", edit: set("contributors.0.organisation", doc{"name": "Org", "kind": "company", "country": "FR", "website": "https://example.org/a b"})},
		{name: "website-bare-domain", edit: set("contributors.0.organisation", doc{"name": "Org", "kind": "company", "country": "FR", "website": "example.org"})},
		{name: "website-bad-port", edit: set("contributors.0.organisation", doc{"name": "Org", "kind": "company", "country": "FR", "website": "https://example.org:http/"})},
		{name: "website-empty-host-userinfo", edit: set("contributors.0.organisation", doc{"name": "Org", "kind": "company", "country": "FR", "website": "https://user@/x"})},
		{name: "support-relative", formats: []string{"centrifugeuse"}, edit: set("project.support", "support.pdf")},
		{name: "support-bad-host", formats: []string{"centrifugeuse"}, edit: set("project.support", "https://exa%mple.org/")},

		// Dates and times.
		{name: "date-feb-30", formats: resultsFormats, edit: set("results.period.start", "2018-02-30")},
		{name: "date-feb-29-non-leap", formats: resultsFormats, edit: set("results.period.start", "2018-02-29")},
		{name: "date-month-13", formats: resultsFormats, edit: set("results.period.start", "2019-13")},
		{name: "date-day-32", formats: resultsFormats, edit: set("results.period.end", "2018-01-32")},
		{name: "date-year-0", formats: resultsFormats, edit: set("results.period.start", "0000")},
		{name: "date-empty", formats: resultsFormats, edit: set("results.period.end", "")},
		{name: "date-slashes", formats: resultsFormats, edit: set("results.period.start", "18/03/2018")},
		{name: "date-time", formats: resultsFormats, edit: set("results.period.start", "2018-03-18T10:00:00Z")},
		{name: "date-short-month", formats: resultsFormats, edit: set("results.period.start", "2018-3")},
		{name: "period-end-before-start", formats: resultsFormats, edit: set("results.period", doc{"start": "2018-06", "end": "2018-05-31"})},
		{name: "submitted-not-time", edit: set("submitted", "2019-01-10")},
		{name: "submitted-feb-30", edit: set("submitted", "2019-02-30T10:00:00Z")},
		{name: "submitted-hour-24", edit: set("submitted", "2019-01-10T24:00:00Z")},
		{name: "submitted-no-zone", edit: set("submitted", "2019-01-10T10:00:00")},
		{name: "submitted-lower-t", edit: set("submitted", "2019-01-10t10:00:00z")},
		{name: "submitted-leap-second", edit: set("submitted", "2018-12-31T23:59:60Z")},
		{name: "submitted-too-long", edit: set("submitted", "2019-01-10T10:00:00.1234567890123456789+01:00")},
		{name: "submitted-after-deadline", edit: set("submitted", "2019-01-25T00:00:00+01:00")},
		{name: "submitted-long-after-deadline", edit: set("submitted", "2019-03-01T09:00:00Z")},
		{name: "submitted-before-opening", edit: set("submitted", "2018-10-31T23:59:59+01:00")},
		{name: "results-future-start", formats: resultsFormats, edit: func(d doc) {
			setPath(d, "results.period", doc{"start": "2019-02", "end": "2019-06"})
		}},
		{name: "results-future-end", formats: []string{"field-report"}, edit: func(d doc) {
			setPath(d, "results.period", doc{"start": "2018-02", "end": "2019-06"})
		}},

		// Control and bidirectional formatting characters.
		{name: "control-nul-title", edit: set("title", "Titre\u0000nul")},
		{name: "control-newline-title", edit: set("title", "Titre sur\ndeux lignes")},
		{name: "control-tab-name", edit: set("contributors.0.name", "Claire\tFontanel")},
		{name: "control-del-summary", edit: set("summary", "Un résumé avec un caractère \u007f DEL.")},
		{name: "control-c1-summary", edit: set("summary", "Un résumé avec un caractère \u0085 NEL.")},
		{name: "control-vt-summary", edit: set("summary", "Un résumé avec une tabulation\u000bverticale.")},
		{name: "control-escape-role", edit: set("contributors.0.role", "chargée\u001b[31m de mission")},
		{name: "noncharacter-title", edit: set("title", "Titre \uffff étrange")},
		{name: "control-actions", formats: resultsFormats, edit: set("results.actions", "Actions\u0007 menées")},
		{name: "control-ask", formats: []string{"pitch"}, edit: set("pitch.ask", "Demande\u0002")},
		{name: "bidi-rlo-title", edit: set("title", "Titre \u202Eesrever")},
		{name: "bidi-lrm-name", edit: set("contributors.0.name", "Claire\u200E Fontanel")},
		{name: "bidi-isolate-org-name", edit: set("contributors.0.organisation", doc{"name": "Org \u2067x\u2069", "kind": "company", "country": "FR"})},
		{name: "bidi-alm-role", edit: set("contributors.0.role", "chargée \u061C de mission")},
		{name: "bidi-channel", formats: resultsFormats, edit: set("results.implementation", doc{"channels": []any{"Affiches\u202A"}})},
		{name: "bidi-indicator-name", formats: resultsFormats, edit: set("results.impact", doc{"evaluation": "none", "indicators": []any{doc{"name": "Votants\u200F"}}})},
		{name: "lone-surrogate-title", raw: func(b []byte) []byte { return bytes.Replace(b, []byte(`"title":"`), []byte(`"title":"\ud800`), 1) }},

		// Rules of the formats.
		{name: "section-results-for-pitch", formats: []string{"pitch", "centrifugeuse", "workshop"}, edit: set("results", doc{"period": doc{"start": "2018", "end": "2018"}, "actions": "a", "findings": "f"})},
		{name: "section-project-for-results", formats: resultsFormats, edit: set("project", doc{"kind": "tool", "stage": "idea", "description": "d"})},
		{name: "section-pitch-for-project", formats: projectFormats, edit: set("pitch", doc{"kind": "idea", "ask": "a"})},
		{name: "section-project-for-pitch", formats: []string{"pitch"}, edit: set("project", doc{"kind": "tool", "stage": "idea", "description": "d"})},
		{name: "axes-for-pitch", formats: []string{"pitch", "centrifugeuse"}, edit: set("axes", []any{"1"})},
		{name: "questions-for-pitch", formats: []string{"pitch", "centrifugeuse"}, edit: set("questions", []any{"1.1"})},
		{name: "axes-required", formats: []string{"research"}, edit: func(d doc) { delete(d, "axes"); delete(d, "questions") }},
		{name: "axes-required-empty", formats: []string{"research"}, edit: func(d doc) { d["axes"] = []any{}; delete(d, "questions") }},
		{name: "question-axis-missing", formats: axesFormats, edit: func(d doc) { d["axes"] = []any{"1"}; d["questions"] = []any{"2.1"} }},
		{name: "question-without-axes", formats: []string{"field-report", "workshop"}, edit: func(d doc) { delete(d, "axes"); d["questions"] = []any{"eco.1"} }},
		{name: "ok-question-axis-second", want: true, formats: axesFormats, edit: func(d doc) { d["axes"] = []any{"eco", "2"}; d["questions"] = []any{"2.2", "eco.1", "2.1"} }},
		{name: "ongoing-not-allowed", formats: []string{"field-report"}, edit: func(d doc) { setPath(d, "results.ongoing", true); delPath(d, "results.period.end") }},
		{name: "ok-ongoing-research", want: true, formats: []string{"research"}, edit: func(d doc) { setPath(d, "results.ongoing", true); delPath(d, "results.period.end") }},
		{name: "ok-ongoing-research-with-end", want: true, formats: []string{"research"}, edit: func(d doc) {
			setPath(d, "results.ongoing", true)
			setPath(d, "results.period.end", "2020-06")
		}},
		{name: "project-launched", formats: projectFormats, edit: set("project.stage", "launched")},
		{name: "support-not-allowed", formats: []string{"workshop"}, edit: set("project.support", "https://example.org/s.pdf")},
		{name: "family-citizen-for-research", formats: []string{"research"}, edit: set("contributors", []any{citizen()})},
		{name: "family-public-for-research", formats: []string{"research"}, edit: set("contributors", []any{public(), company()})},
		{name: "family-academic-for-field-report", formats: []string{"field-report"}, edit: set("contributors", []any{academic(), citizen()})},
		{name: "family-citizen-for-field-report", formats: []string{"field-report"}, edit: set("contributors", []any{citizen()})},
		{name: "family-academic-for-centrifugeuse", formats: []string{"centrifugeuse"}, edit: set("contributors", []any{thinkTank()})},
		{name: "ok-family-second-contributor", want: true, formats: []string{"research"}, edit: set("contributors", []any{public(), thinkTank()})},
		{name: "ok-family-union-field-report", want: true, formats: []string{"field-report"}, edit: set("contributors.0.organisation", doc{"name": "CFDT", "kind": "union", "country": "FR"})},
		{name: "ok-family-housing-field-report", want: true, formats: []string{"field-report"}, edit: set("contributors.0.organisation", doc{"name": "Office HLM", "kind": "social_housing", "country": "FR"})},
		{name: "ok-family-any-for-pitch", want: true, formats: []string{"pitch", "workshop"}, edit: set("contributors", []any{thinkTank(), citizen()})},
	}
	return ms
}

func repeat(prefix string, n int) []any {
	out := make([]any, n)
	for i := range out {
		out[i] = fmt.Sprintf("%s %d", prefix, i+1)
	}
	return out
}

// dupKey inserts member (`"name":value,`) at the start of the root object, which then
// holds the name twice.
func dupKey(b []byte, member string) []byte {
	return append([]byte("{"+member), b[1:]...)
}

// corpus builds the corpus: the valid documents of every format and language, then each
// mutation applied to documents of the formats it concerns.
func corpus() ([]corpusCase, error) {
	var out []corpusCase
	for _, f := range formats {
		for _, lang := range []string{"fr", "en"} {
			for i := range validPerFormat {
				b, err := encodeDoc(base(f, lang, i))
				if err != nil {
					return nil, err
				}
				out = append(out, corpusCase{Name: fmt.Sprintf("valid/%s/%s/%d", f, lang, i), Want: true, Doc: b})
			}
		}
	}
	for mi, m := range mutations() {
		fs := m.formats
		if fs == nil {
			fs = formats
		}
		// Each mutation is applied to three documents, rotating through its formats,
		// languages and variants.
		for k := range 3 {
			f := fs[(mi+k)%len(fs)]
			lang := []string{"fr", "en"}[(mi+k)%2]
			i := (mi*7 + k*5) % validPerFormat
			d := base(f, lang, i)
			if m.edit != nil {
				m.edit(d)
			}
			b, err := encodeDoc(d)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", m.name, err)
			}
			if m.raw != nil {
				b = m.raw(b)
			}
			prefix := "invalid"
			if m.want {
				prefix = "valid"
			}
			out = append(out, corpusCase{Name: fmt.Sprintf("%s/%s/%s-%s-%d", prefix, m.name, f, lang, i), Want: m.want, Doc: b})
		}
	}
	return out, nil
}

// encodeDoc writes a document compactly, keys sorted, without HTML escapes.
func encodeDoc(d any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(d); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// corpusLine is one line of testdata/corpus.ndjson.
type corpusLine struct {
	Name    string          `json:"name"`
	GoValid bool            `json:"goValid"`
	Doc     json.RawMessage `json:"doc"`
}
