package schema

import (
	"fmt"

	"github.com/invopop/jsonschema"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/contribution"
)

// ProposalOptions configure [ProposalSchema].
type ProposalOptions struct {
	// ID is the schema's $id, an absolute URI; empty means BaseURL followed by
	// [ProposalName] and ".schema.json".
	ID string
	// Language is the language of the titles and descriptions (the call's labels and
	// help texts); the zero Tag means English.
	Language language.Tag
}

// member is the title and description of a member of a proposal, a person or an
// organisation, in French and English.
type member struct{ title, description civic.Text }

func proposalMembers() map[string]member {
	t := civic.NewText
	return map[string]member{
		"id":           {t("Identifiant", "Identifier"), t("Identifiant de la proposition : lettres minuscules, chiffres et tirets.", "Identifier of the proposal: lower-case letters, digits and hyphens.")},
		"title":        {t("Titre", "Title"), nil},
		"summary":      {t("Résumé", "Summary"), t("Présentation de la proposition.", "What the proposal is about.")},
		"format":       {t("Format", "Format"), t("Le format de l'intervention proposée.", "The format of the proposed contribution.")},
		"language":     {t("Langue", "Language"), t("La langue dans laquelle l'intervention serait donnée.", "The language the contribution would be given in.")},
		"axes":         {t("Axes", "Axes"), t("Les axes de l'appel dans lesquels s'inscrit la proposition.", "The call's axes the proposal addresses.")},
		"questions":    {t("Questions", "Questions"), t("Les questions des axes auxquelles répond la proposition ; chacune relève d'un axe choisi.", "The guiding questions the proposal answers; each belongs to a chosen axis.")},
		"contributors": {t("Intervenants", "Contributors"), t("Les personnes qui interviendraient, la première étant le contact.", "The people who would present, the first being the contact.")},
		"submitted":    {t("Envoyée le", "Submitted"), t("Date et heure d'envoi (RFC 3339).", "When the proposal was sent (RFC 3339).")},
		"state":        {t("État", "State"), t("État de la proposition dans l'examen (géré par la plateforme).", "Where the proposal stands in the review (kept by the platform).")},
		"version":      {t("Version", "Version"), t("Nombre de transitions de l'examen (géré par la plateforme).", "Number of review transitions (kept by the platform).")},
		"pending":      {t("Décision en attente", "Pending decision"), t("Décision du comité non encore publiée (gérée par la plateforme).", "The committee's decision not yet published (kept by the platform).")},
	}
}

func personMembers() map[string]member {
	t := civic.NewText
	return map[string]member{
		"name":         {t("Nom", "Name"), nil},
		"email":        {t("Courriel", "E-mail"), nil},
		"role":         {t("Fonction", "Role"), nil},
		"organisation": {t("Organisation", "Organisation"), t("Sans organisation, la personne intervient comme citoyenne ou citoyen.", "Without an organisation, the person takes part as a citizen.")},
	}
}

func organisationMembers() map[string]member {
	t := civic.NewText
	return map[string]member{
		"name":    {t("Nom de l'organisation", "Name of the organisation"), nil},
		"kind":    {t("Type d'organisation", "Kind of organisation"), nil},
		"country": {t("Pays", "Country"), t("Code ISO 3166-1 à deux lettres du pays où l'organisation est établie.", "ISO 3166-1 two-letter code of the country the organisation is based in.")},
		"website": {t("Site web", "Website"), nil},
	}
}

// localise sets the titles and descriptions of the proposal schema s of the call c in the
// language lang: the members' names, the call's names of its formats, axes and guiding
// questions as titled choices (oneOf of const and title), languages by their names, kinds of
// organisation by their labels. The rules beyond the schema stay, in English, in $comment.
func localise(s *jsonschema.Schema, c *contribution.Call, lang language.Tag) {
	label := func(x *jsonschema.Schema, m member) {
		x.Title = m.title.Get(lang)
		x.Description = m.description.Get(lang)
	}
	for k, m := range proposalMembers() {
		if x, ok := s.Properties.Get(k); ok && x != nil {
			label(x, m)
		}
	}
	if x, ok := s.Properties.Get("format"); ok {
		x.Enum = nil
		for _, f := range c.Formats {
			x.OneOf = append(x.OneOf, &jsonschema.Schema{Const: f.ID, Title: f.Name.Get(lang), Description: f.Description.Get(lang)})
		}
	}
	if x, ok := s.Properties.Get("language"); ok {
		x.Enum = nil
		names := display.Tags(lang)
		for _, l := range c.Languages {
			name := l
			if tag, err := language.Parse(l); err == nil {
				if n := names.Name(tag); n != "" {
					name = n
				}
			}
			x.OneOf = append(x.OneOf, &jsonschema.Schema{Const: l, Title: name},
				// The language with a region or other subtags ("fr-FR"), which the call accepts too.
				&jsonschema.Schema{Pattern: "^" + l + "-[A-Za-z0-9]{1,8}(-[A-Za-z0-9]{1,8})*$",
					Title: name + civic.NewText(" (variante régionale)", " (regional variant)").Get(lang)})
		}
	}
	if x, ok := s.Properties.Get("axes"); ok && x.Items != nil && len(c.Axes) > 0 {
		x.Items.Enum = nil
		for _, a := range c.Axes {
			x.Items.OneOf = append(x.Items.OneOf, &jsonschema.Schema{Const: a.ID, Title: a.Title.Get(lang)})
		}
	}
	if x, ok := s.Properties.Get("questions"); ok && x.Items != nil && len(c.Axes) > 0 {
		x.Items.Enum = nil
		for _, a := range c.Axes {
			for _, q := range a.Questions {
				x.Items.OneOf = append(x.Items.OneOf, &jsonschema.Schema{Const: a.Ref(q.Number).String(), Title: q.Text.Get(lang)})
			}
		}
	}
	defs := map[string]map[string]member{"Person": personMembers(), "Organisation": organisationMembers()}
	for name, members := range defs {
		d, ok := s.Definitions[name]
		if !ok {
			continue
		}
		d.Title, d.Description = "", ""
		if name == "Person" {
			d.Title = civic.NewText("Personne", "Person").Get(lang)
		} else {
			d.Title = civic.NewText("Organisation", "Organisation").Get(lang)
		}
		for k, m := range members {
			if x, ok := d.Properties.Get(k); ok && x != nil {
				label(x, m)
			}
		}
		if kind, ok := d.Properties.Get("kind"); ok && name == "Organisation" {
			kind.Enum = nil
			for _, k := range civic.OrgKinds() {
				kind.OneOf = append(kind.OneOf, &jsonschema.Schema{Const: string(k), Title: k.Label().Get(lang)})
			}
		}
	}
	s.Title = c.Title.Get(lang)
	s.Comments = s.Description
	s.Description = fmt.Sprintf(civic.NewText("Une proposition en réponse à l'appel « %s » (%s).", "A proposal in answer to the call “%s” (%s).").Get(lang), c.Title.Get(lang), c.ID)
}
