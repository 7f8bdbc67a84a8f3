// Command gen writes the built-in fictional Baromètre (data/barometre-2019.json):
// deterministic, plausible devices of every kind, run by organisations of every level.
// Places, organisations, tools other than the free software named and all figures are
// invented. Run from the package directory: go run ./internal/gen > data/barometre-2019.json
package main

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"time"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/participation"
)

type org struct {
	name string
	kind civic.OrgKind
	pop  int64
	code string
}

func main() {
	r := rand.New(rand.NewPCG(2019, 3))
	orgs := []org{
		{"Ministère de la Transition participative (fictif)", civic.KindMinistry, 67_000_000, "FR"},
		{"Assemblée nationale — commission fictive du numérique", civic.KindParliament, 67_000_000, "FR"},
		{"Secrétariat d'État fictif à la Démocratie", civic.KindState, 67_000_000, "FR"},
		{"Région Val-de-Lumière", civic.KindRegion, 3_200_000, "R94"},
		{"Région Hautes-Terres", civic.KindRegion, 5_600_000, "R95"},
		{"Département du Haut-Vallon", civic.KindDepartement, 520_000, "D97"},
		{"Département des Marches-du-Sud", civic.KindDepartement, 310_000, "D98"},
		{"Métropole de Rivebelle", civic.KindMetropole, 780_000, "M01"},
		{"Métropole Lac-et-Monts", civic.KindMetropole, 450_000, "M02"},
		{"Communauté de communes des Trois-Vallées", civic.KindIntercommunalite, 42_000, "C31"},
		{"Agglomération de Pontclair", civic.KindIntercommunalite, 96_000, "C32"},
		{"Ville de Saint-Aubin-des-Prés", civic.KindCommune, 18_500, "97001"},
		{"Ville de Montreuil-sur-Loire", civic.KindCommune, 54_000, "97002"},
		{"Ville de Port-Léon", civic.KindCommune, 131_000, "97003"},
		{"Commune de Belcastel-le-Haut", civic.KindCommune, 2_300, "97004"},
		{"Ville de Villeneuve-d'Orbe", civic.KindCommune, 27_000, "97005"},
		{"Agence fictive de l'eau du Bassin-Clair", civic.KindPublicAgency, 2_100_000, ""},
		{"Office HLM Habitat Rivebelle", civic.KindSocialHousing, 38_000, ""},
		{"Mutualia Assurances", civic.KindCompany, 4_200, ""},
		{"Groupe Véloce Logistique", civic.KindCompany, 2_000, ""},
		{"Quorum Labs", civic.KindStartup, 35, ""},
		{"Collectif Rue Ouverte", civic.KindCollective, 1_200, ""},
		{"Association Vigie locale", civic.KindAssociation, 850, ""},
		{"Union syndicale fictive des services", civic.KindUnion, 12_000, ""},
		{"Fondation Bien commun numérique", civic.KindFoundation, 300, ""},
	}
	tools := []struct {
		name, provider, licence string
		open                    bool
		model                   participation.Model
	}{
		{"Decidim", "Association Decidim", "AGPL-3.0", true, participation.ModelServices},
		{"CONSUL", "Fondation CONSUL", "AGPL-3.0", true, participation.ModelPublic},
		{"Agora Ouverte (fictif)", "Coopérative Agora", "AGPL-3.0", true, participation.ModelServices},
		{"Participe+ (fictif)", "Participe SAS", "propriétaire", false, participation.ModelLicence},
		{"Budgetto (fictif)", "Budgetto SAS", "propriétaire", false, participation.ModelLicence},
		{"Signalo (fictif)", "Signalo", "propriétaire", false, participation.ModelLicence},
		{"Pétitionnaire libre (fictif)", "Collectif Pétitions", "MIT", true, participation.ModelDonations},
		{"Formulaire en ligne", "régie interne", "", false, participation.ModelOther},
	}
	kinds := participation.Kinds()
	type name struct{ fr, en string }
	titles := map[participation.Kind][]name{
		participation.KindLawCowriting:    {{"Co-écriture d'une proposition de loi", "Co-writing a bill"}, {"Amendements citoyens", "Citizens' amendments"}},
		participation.KindNationalConsult: {{"Grande consultation nationale", "National consultation"}, {"Consultation sur la réforme", "Consultation on the reform"}},
		participation.KindCensus:          {{"Signalement des anomalies de voirie", "Reporting road defects"}, {"Recensement des bancs publics", "Census of public benches"}},
		participation.KindBudget:          {{"Budget participatif", "Participatory budget"}, {"Budget participatif des quartiers", "Neighbourhood participatory budget"}},
		participation.KindUrbanProject:    {{"Concertation sur le projet des Berges", "Consultation on the riverside project"}, {"Réaménagement de la place centrale", "Redesign of the central square"}},
		participation.KindPolicyPoll:      {{"Sondage sur les priorités du mandat", "Poll on the term's priorities"}, {"Questionnaire mobilités", "Mobility questionnaire"}},
		participation.KindPetition:        {{"Pétition locale en ligne", "Local online petition"}, {"Droit de pétition citoyenne", "Citizens' right of petition"}},
		participation.KindMobilisation:    {{"Campagne de mobilisation", "Mobilisation campaign"}, {"Plaidoyer pour les pistes cyclables", "Advocacy for cycle lanes"}},
		participation.KindOpenData:        {{"Données ouvertes des marchés publics", "Open public procurement data"}, {"Vérification des chiffres du débat", "Fact-checking the debate"}},
		participation.KindInternal:        {{"Consultation interne des salariés", "Internal staff consultation"}, {"Consultation des locataires", "Tenants' consultation"}},
		participation.KindStakeholders:    {{"Consultation des parties prenantes", "Stakeholder consultation"}, {"Dialogue avec les usagers", "Dialogue with users"}},
		participation.KindCoDesign:        {{"Co-conception du futur tiers-lieu", "Co-design of the new community space"}, {"Atelier de co-construction du plan climat", "Co-building the climate plan"}},
		participation.KindOther:           {{"Débat en ligne", "Online debate"}, {"Assemblée citoyenne numérique", "Digital citizens' assembly"}},
	}
	channels := participation.Channels()
	formats := participation.Formats()
	states := []participation.State{participation.StateOpen, participation.StateClosed, participation.StateSynthesis,
		participation.StateFeedback, participation.StateEvaluated, participation.StateArchived}
	var devices []participation.Device
	for i := range 112 {
		o := orgs[(i*7+i/5)%len(orgs)]
		k := kinds[i%len(kinds)]
		switch {
		case o.kind == civic.KindCompany || o.kind == civic.KindStartup || o.kind == civic.KindUnion || o.kind == civic.KindSocialHousing:
			if r.IntN(3) > 0 {
				k = participation.KindInternal
			}
		case o.kind == civic.KindParliament && r.IntN(2) == 0:
			k = participation.KindLawCowriting
		}
		t := tools[r.IntN(len(tools))]
		nm := titles[k][r.IntN(2)]
		year := 2016 + r.IntN(3)
		start := civic.MonthDate(year, time.Month(1+r.IntN(12)))
		end := civic.MonthDate(year+r.IntN(2), time.Month(1+r.IntN(12)))
		if end.Compare(start) < 0 {
			end = start
		}
		pop := o.pop
		rate := []float64{0.002, 0.01, 0.03, 0.08, 0.2}[r.IntN(5)]
		if pop > 1_000_000 { // national and regional devices reach a smaller share
			rate = []float64{0.0002, 0.0005, 0.001, 0.003, 0.008}[r.IntN(5)]
		}
		participants := int64(float64(pop)*rate) + int64(r.IntN(40))
		participants = min(participants, pop)
		contrib := participants * int64(1+r.IntN(4))
		taken := contrib * int64(r.IntN(60)) / 100
		d := participation.Device{
			ID:        fmt.Sprintf("d%03d", i+1),
			Name:      civic.NewText(nm.fr+" — "+short(o.name), nm.en+" — "+short(o.name)),
			Kind:      k,
			Organiser: civic.Organisation{Name: o.name, Kind: o.kind, Country: "FR"},
			Territory: participation.Territory{Name: short(o.name), Code: o.code, Population: pop},
			Role:      participation.Roles()[r.IntN(3)],
			Tool:      participation.Tool{Name: t.name, Provider: t.provider, Licence: t.licence, OpenSource: t.open, Model: t.model},
			Start:     start,
			End:       end,
			Objectives: []string{
				[]string{"Associer les habitants aux choix d'investissement", "Recueillir les avis avant la décision", "Mieux connaître l'état des équipements", "Renforcer la transparence de l'action publique"}[r.IntN(4)],
			},
			Means:     participation.Means{Staff: float64(1+r.IntN(12)) / 2, Budget: int64(5_000 + r.IntN(40)*5_000)},
			Synthesis: []string{"Synthèse par l'équipe projet", "Analyse par un prestataire", "Synthèse co-rédigée avec un panel de citoyens", "Pas de synthèse formalisée"}[r.IntN(4)],
			Outcomes: participation.Outcomes{Participants: participants, Contributions: contrib, TakenIntoAccount: taken,
				DecisionsChanged: int64(r.IntN(6))},
			State: states[r.IntN(len(states))],
		}
		for _, c := range channels {
			if r.IntN(3) == 0 {
				d.Channels = append(d.Channels, c)
			}
		}
		if r.IntN(2) == 0 && participants > 100 {
			shares := []float64{0.06 + r.Float64()*0.06, 0.22 + r.Float64()*0.1, 0.3 + r.Float64()*0.1}
			d.Outcomes.Ages = map[string]int64{}
			var sum int64
			for gi, g := range participation.AgeGroups()[:3] {
				n := int64(float64(participants) * shares[gi])
				d.Outcomes.Ages[g] = n
				sum += n
			}
			d.Outcomes.Ages["60+"] = max(participants-sum, 0)
		}
		f := formats[r.IntN(len(formats))]
		d.Evaluation.Format = f
		if f != participation.FormatNone {
			d.Evaluation.Responsible = []string{"Service évaluation des politiques publiques", "Cabinet d'évaluation indépendant (fictif)", "Comité de suivi citoyen"}[r.IntN(3)]
			target, value := float64(participants)*1.2, float64(participants)
			d.Evaluation.Indicators = []participation.Indicator{
				{Name: "Nombre de participants", Definition: "Personnes ayant contribué au moins une fois", Unit: "personnes", Target: &target, Value: &value, Method: "Comptage de la plateforme", MeasuredBy: d.Evaluation.Responsible},
			}
			if r.IntN(2) == 0 {
				share := float64(taken) / float64(max(contrib, 1)) * 100
				d.Evaluation.Indicators = append(d.Evaluation.Indicators, participation.Indicator{Name: "Part des contributions retenues", Unit: "%", Value: &share, Method: "Analyse de la synthèse"})
			}
		}
		// The history replays to the state, one transition a month from the start.
		at := start.Start(time.UTC).Add(9 * time.Hour)
		cur := participation.StatePlanned
		d.State = ""
		for cur != states[i%len(states)] && len(d.History) < 7 {
			acts := d.Permitted(participation.AgentOrganiser)
			if len(acts) == 0 {
				break
			}
			a := acts[0]
			if a == participation.ActionArchive && len(acts) > 1 {
				a = acts[1]
			}
			if err := d.Apply(a, participation.AgentOrganiser, at); err != nil {
				panic(err)
			}
			cur = d.State
			at = at.AddDate(0, 1, 0)
		}
		if d.State == "" {
			d.State = participation.StatePlanned
		}
		if err := d.Validate(); err != nil {
			panic(fmt.Sprintf("%s: %v", d.ID, err))
		}
		devices = append(devices, d)
	}
	b := participation.Barometre{ID: "barometre-2019", Year: 2019,
		Title:   civic.NewText("Baromètre de la démocratie locale numérique (données fictives)", "Barometer of local digital democracy (fictional data)"),
		Devices: devices}
	if err := b.Validate(); err != nil {
		panic(err)
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(b); err != nil {
		panic(err)
	}
}

// short drops the legal prefix of a name: "Ville de Port-Léon" → "Port-Léon".
func short(s string) string {
	for _, p := range []string{"Ville de ", "Commune de ", "Métropole de ", "Région ", "Département du ", "Département des ", "Agglomération de "} {
		if len(s) > len(p) && s[:len(p)] == p {
			return s[len(p):]
		}
	}
	return s
}
