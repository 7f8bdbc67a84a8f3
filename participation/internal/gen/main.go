// Command gen writes the built-in fictional Baromètre (data/barometre-2019.json):
// deterministic, plausible devices used by local authorities (communes, intercommunalités,
// départements, régions), as the Baromètre inventories them.
// Places, organisations, tools other than the free software named and all figures are
// invented. Run from the package directory: go run ./internal/gen > data/barometre-2019.json
package main

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"slices"
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
	r := rand.New(rand.NewPCG(2019, 5))
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
	type name struct{ fr, en string }
	type tool struct {
		name, provider, licence string
		open                    bool
		model                   participation.Model
	}
	var (
		decidim  = tool{"Decidim", "Intégrateur Decidim (fictif)", "AGPL-3.0", true, participation.ModelServices}
		consul   = tool{"CONSUL", "Fondation CONSUL", "AGPL-3.0", true, participation.ModelPublic}
		agora    = tool{"Agora Ouverte (fictif)", "Coopérative Agora", "AGPL-3.0", true, participation.ModelServices}
		partic   = tool{"Participe+ (fictif)", "Participe SAS", "propriétaire", false, participation.ModelLicence}
		budgetto = tool{"Budgetto (fictif)", "Budgetto SAS", "propriétaire", false, participation.ModelLicence}
		signalo  = tool{"Signalo (fictif)", "Signalo SAS", "propriétaire", false, participation.ModelLicence}
		petit    = tool{"Pétitionnaire libre (fictif)", "Collectif Pétitions", "MIT", true, participation.ModelDonations}
		form     = tool{"Formulaire en ligne", "régie interne", "", false, participation.ModelOther}
		sondeo   = tool{"Sondéo (fictif)", "Sondéo SARL", "propriétaire", false, participation.ModelLicence}
		carto    = tool{"Cartoquartier (fictif)", "Association Carto libre", "GPL-3.0", true, participation.ModelFoundation}
		datalib  = tool{"Portail de données libre (fictif)", "Collectif Données ouvertes", "EUPL-1.2", true, participation.ModelVolunteer}
		intranet = tool{"Intranet participatif (fictif)", "Éditeur RH Plus", "propriétaire", false, participation.ModelLicence}
	)
	// A profile says what a kind of device looks like: who runs it, the citizen's role,
	// the tools, objectives and channels it uses, and the range of its figures.
	type profile struct {
		orgs       []civic.OrgKind
		role       []participation.Role
		tools      []tool
		titles     []name
		objectives []string
		rate       [2]float64 // participants ÷ population
		perHead    [2]int     // contributions per participant
		taken      [2]int     // % of contributions taken into account
		budget     [2]int     // k€, for 100,000 inhabitants (at least the lower bound)
	}
	P := map[participation.Kind]profile{
		participation.KindLawCowriting: {[]civic.OrgKind{civic.KindParliament, civic.KindMinistry}, []participation.Role{participation.RoleCoDesign, participation.RoleOpinion},
			[]tool{decidim, partic, agora}, []name{{"Co-écriture d'une proposition de loi", "Co-writing a bill"}, {"Amendements citoyens au projet de loi", "Citizens' amendments to the bill"}},
			[]string{"Associer les citoyens à l'écriture de la loi", "Recueillir des amendements"}, [2]float64{0.0001, 0.001}, [2]int{1, 4}, [2]int{2, 12}, [2]int{5, 20}},
		participation.KindNationalConsult: {[]civic.OrgKind{civic.KindMinistry, civic.KindState}, []participation.Role{participation.RoleOpinion},
			[]tool{partic, consul, form}, []name{{"Grande consultation nationale", "National consultation"}, {"Consultation sur la réforme des retraites (fictive)", "Consultation on the pension reform (fictional)"}},
			[]string{"Recueillir les avis avant la décision", "Éclairer le débat public"}, [2]float64{0.0002, 0.003}, [2]int{1, 5}, [2]int{1, 8}, [2]int{8, 40}},
		participation.KindCensus: {[]civic.OrgKind{civic.KindCommune, civic.KindIntercommunalite, civic.KindMetropole}, []participation.Role{participation.RoleSensor},
			[]tool{signalo, form, carto}, []name{{"Signalement des anomalies de voirie", "Reporting road defects"}, {"Recensement des bancs et fontaines", "Census of benches and fountains"}},
			[]string{"Mieux connaître l'état des équipements", "Réduire le délai d'intervention"}, [2]float64{0.002, 0.02}, [2]int{1, 6}, [2]int{40, 85}, [2]int{20, 80}},
		participation.KindBudget: {[]civic.OrgKind{civic.KindCommune, civic.KindMetropole, civic.KindDepartement, civic.KindRegion}, []participation.Role{participation.RoleCoDesign},
			[]tool{decidim, consul, budgetto, agora}, []name{{"Budget participatif", "Participatory budget"}, {"Budget participatif des quartiers", "Neighbourhood participatory budget"}},
			[]string{"Associer les habitants aux choix d'investissement", "Financer des projets portés par les habitants"}, [2]float64{0.01, 0.08}, [2]int{2, 6}, [2]int{5, 20}, [2]int{40, 150}},
		participation.KindUrbanProject: {[]civic.OrgKind{civic.KindCommune, civic.KindMetropole, civic.KindIntercommunalite}, []participation.Role{participation.RoleOpinion, participation.RoleCoDesign},
			[]tool{carto, decidim, partic, form}, []name{{"Concertation sur le projet des Berges", "Consultation on the riverside project"}, {"Réaménagement de la place centrale", "Redesign of the central square"}},
			[]string{"Recueillir les avis avant la décision", "Co-construire le programme d'aménagement"}, [2]float64{0.003, 0.03}, [2]int{1, 4}, [2]int{10, 40}, [2]int{30, 120}},
		participation.KindPolicyPoll: {[]civic.OrgKind{civic.KindCommune, civic.KindDepartement, civic.KindRegion, civic.KindMetropole}, []participation.Role{participation.RoleOpinion},
			[]tool{sondeo, form, partic}, []name{{"Sondage sur les priorités du mandat", "Poll on the term's priorities"}, {"Questionnaire mobilités", "Mobility questionnaire"}},
			[]string{"Connaître les priorités des habitants", "Évaluer une politique en cours"}, [2]float64{0.005, 0.04}, [2]int{1, 1}, [2]int{0, 0}, [2]int{5, 30}},
		participation.KindPetition: {[]civic.OrgKind{civic.KindCommune, civic.KindRegion, civic.KindDepartement}, []participation.Role{participation.RoleOpinion},
			[]tool{petit, decidim, form}, []name{{"Pétition locale en ligne", "Local online petition"}, {"Droit de pétition citoyenne", "Citizens' right of petition"}},
			[]string{"Inscrire une question à l'ordre du jour", "Donner un droit d'initiative aux habitants"}, [2]float64{0.002, 0.03}, [2]int{1, 1}, [2]int{0, 5}, [2]int{2, 15}},
		participation.KindMobilisation: {[]civic.OrgKind{civic.KindAssociation, civic.KindCollective, civic.KindFoundation}, []participation.Role{participation.RoleOpinion, participation.RoleCoDesign},
			[]tool{petit, agora, form}, []name{{"Campagne de mobilisation", "Mobilisation campaign"}, {"Plaidoyer pour les pistes cyclables", "Advocacy for cycle lanes"}},
			[]string{"Peser sur la décision publique", "Élargir la base des soutiens"}, [2]float64{0.05, 0.5}, [2]int{1, 3}, [2]int{10, 50}, [2]int{200, 900}},
		participation.KindOpenData: {[]civic.OrgKind{civic.KindMetropole, civic.KindRegion, civic.KindDepartement}, []participation.Role{participation.RoleSensor, participation.RoleCoDesign},
			[]tool{datalib, carto}, []name{{"Données ouvertes des marchés publics", "Open public procurement data"}, {"Vérification des chiffres du débat", "Fact-checking the debate"}},
			[]string{"Renforcer la transparence de l'action publique", "Produire des données sur le territoire"}, [2]float64{0.0005, 0.01}, [2]int{1, 8}, [2]int{30, 70}, [2]int{5, 40}},
		participation.KindInternal: {[]civic.OrgKind{civic.KindCompany, civic.KindStartup, civic.KindUnion, civic.KindSocialHousing, civic.KindAssociation}, []participation.Role{participation.RoleOpinion, participation.RoleCoDesign},
			[]tool{intranet, agora, decidim, form}, []name{{"Consultation interne des salariés", "Internal staff consultation"}, {"Consultation des adhérents", "Members' consultation"}},
			[]string{"Associer les salariés aux décisions", "Renouveler la gouvernance interne"}, [2]float64{0.15, 0.6}, [2]int{1, 4}, [2]int{10, 45}, [2]int{60, 400}},
		participation.KindStakeholders: {[]civic.OrgKind{civic.KindCommune, civic.KindIntercommunalite, civic.KindMetropole}, []participation.Role{participation.RoleOpinion},
			[]tool{partic, decidim, form}, []name{{"Consultation des locataires", "Tenants' consultation"}, {"Dialogue avec les usagers", "Dialogue with users"}},
			[]string{"Améliorer le service rendu", "Recueillir les avis avant la décision"}, [2]float64{0.01, 0.15}, [2]int{1, 3}, [2]int{10, 35}, [2]int{20, 100}},
		participation.KindCoDesign: {[]civic.OrgKind{civic.KindCommune, civic.KindIntercommunalite, civic.KindDepartement}, []participation.Role{participation.RoleCoDesign},
			[]tool{decidim, agora, carto}, []name{{"Co-conception du futur tiers-lieu", "Co-design of the new community space"}, {"Atelier de co-construction du plan climat", "Co-building the climate plan"}},
			[]string{"Co-construire le projet avec les futurs usagers", "Mettre en œuvre des projets innovants avec les habitants"}, [2]float64{0.001, 0.01}, [2]int{2, 8}, [2]int{20, 60}, [2]int{30, 150}},
		participation.KindOther: {[]civic.OrgKind{civic.KindCommune, civic.KindRegion}, []participation.Role{participation.RoleOpinion, participation.RoleCoDesign},
			[]tool{decidim, agora, form}, []name{{"Débat en ligne", "Online debate"}, {"Assemblée citoyenne numérique", "Digital citizens' assembly"}},
			[]string{"Éclairer le débat public", "Renouer le dialogue avec les habitants"}, [2]float64{0.0005, 0.01}, [2]int{1, 5}, [2]int{5, 30}, [2]int{5, 60}},
	}
	byKind := func(kinds []civic.OrgKind) []org {
		var out []org
		for _, o := range orgs {
			if slices.Contains(kinds, o.kind) {
				out = append(out, o)
			}
		}
		return out
	}
	// The Baromètre inventories the devices used by local authorities (« utilisés par les
	// collectivités »: communes, intercommunalités, départements, régions), so every device
	// is run by one: no State, ministry, parliament, company, union or association. Kinds
	// that only the State or private organisations run (law co-writing, national
	// consultations, internal consultations, mobilisation) do not appear. Participatory
	// budgets, urban projects, polls and reports weigh more, as in the Baromètre.
	cycle := []participation.Kind{participation.KindBudget, participation.KindUrbanProject, participation.KindCensus, participation.KindPolicyPoll,
		participation.KindBudget, participation.KindCoDesign, participation.KindStakeholders, participation.KindPetition,
		participation.KindUrbanProject, participation.KindBudget, participation.KindOpenData, participation.KindCensus,
		participation.KindPolicyPoll, participation.KindCoDesign, participation.KindUrbanProject, participation.KindBudget, participation.KindOther, participation.KindPetition}
	type indicator struct {
		name, definition, unit, method string
		value                          func(o participation.Outcomes, pop int64, budget int64) float64
	}
	people := func(o participation.Outcomes, _, _ int64) float64 { return float64(o.Participants) }
	indicators := []indicator{
		{"Nombre de participants", "Personnes ayant contribué au moins une fois", "personnes", "Comptage de la plateforme", people},
		{"Taux de participation", "Participants rapportés à la population concernée", "%", "Comptage de la plateforme et recensement", func(o participation.Outcomes, pop, _ int64) float64 {
			return math.Round(10000*float64(o.Participants)/float64(max(pop, 1))) / 100
		}},
		{"Part des contributions retenues", "Contributions reprises dans la décision finale", "%", "Analyse de la synthèse", func(o participation.Outcomes, _, _ int64) float64 {
			return math.Round(1000*float64(o.TakenIntoAccount)/float64(max(o.Contributions, 1))) / 10
		}},
		{"Satisfaction des participants", "Participants se déclarant satisfaits de la démarche", "%", "Questionnaire en fin de démarche", nil},
		{"Décisions modifiées", "Décisions publiques modifiées à la suite de la démarche", "décisions", "Revue des délibérations", func(o participation.Outcomes, _, _ int64) float64 { return float64(o.DecisionsChanged) }},
		{"Coût par participant", "Budget du dispositif rapporté au nombre de participants", "€", "Comptabilité analytique", func(o participation.Outcomes, _, b int64) float64 {
			return math.Round(100*float64(b)/float64(max(o.Participants, 1))) / 100
		}},
		{"Part des moins de 25 ans", "Participants de 18 à 24 ans parmi ceux qui ont déclaré leur âge", "%", "Données déclaratives à l'inscription", nil},
		{"Délai de retour aux contributeurs", "Jours entre la clôture et la publication du bilan", "jours", "Suivi du calendrier", nil},
	}
	evaluators := map[participation.Format][]string{
		participation.FormatInternal:      {"Service évaluation des politiques publiques", "Direction de la participation citoyenne", "Mission démocratie interne"},
		participation.FormatExternal:      {"Cabinet d'évaluation indépendant (fictif)", "Laboratoire universitaire partenaire (fictif)"},
		participation.FormatParticipatory: {"Comité de suivi citoyen", "Panel de participants tirés au sort"},
	}
	syntheses := []string{"Synthèse par l'équipe projet", "Analyse par un prestataire", "Synthèse co-rédigée avec un panel de citoyens",
		"Analyse lexicale automatique relue par l'équipe", "Pas de synthèse formalisée"}
	var devices []participation.Device
	for i := range 120 {
		k := cycle[i%len(cycle)]
		pr := P[k]
		cands := byKind(pr.orgs)
		o := cands[(i/len(cycle)+r.IntN(len(cands)))%len(cands)]
		t := pr.tools[r.IntN(len(pr.tools))]
		nm := pr.titles[r.IntN(len(pr.titles))]
		year := 2016 + r.IntN(3)
		start := civic.MonthDate(year, time.Month(1+r.IntN(10)))
		months := 1 + r.IntN(8)
		if k == participation.KindBudget {
			months = 6 + r.IntN(7)
		}
		endT := time.Date(year, start.Month+time.Month(months), 1, 0, 0, 0, 0, time.UTC)
		end := civic.MonthDate(endT.Year(), endT.Month())
		pop := o.pop
		between := func(lo, hi float64) float64 { return lo * math.Pow(hi/lo, r.Float64()) } // log-uniform
		rate := between(pr.rate[0], pr.rate[1])
		participants := min(int64(float64(pop)*rate)+int64(r.IntN(30)), pop)
		contrib := participants * int64(pr.perHead[0]+r.IntN(pr.perHead[1]-pr.perHead[0]+1))
		takenPct := pr.taken[0] + r.IntN(pr.taken[1]-pr.taken[0]+1)
		budget := int64(between(float64(pr.budget[0]), float64(pr.budget[1])) * 1000 * math.Sqrt(float64(pop)/100_000))
		budget = max(budget, 3_000) / 500 * 500
		staff := math.Round(2*math.Max(0.5, float64(budget)/60_000)) / 2
		d := participation.Device{
			ID:         fmt.Sprintf("d%03d", i+1),
			Name:       civic.NewText(nm.fr+" — "+short(o.name), nm.en+" — "+short(o.name)),
			Kind:       k,
			Organiser:  civic.Organisation{Name: o.name, Kind: o.kind, Country: "FR"},
			Territory:  participation.Territory{Name: short(o.name), Code: o.code, Population: pop},
			Role:       pr.role[r.IntN(len(pr.role))],
			Tool:       participation.Tool{Name: t.name, Provider: t.provider, Licence: t.licence, OpenSource: t.open, Model: t.model},
			Start:      start,
			End:        end,
			Objectives: []string{pr.objectives[r.IntN(len(pr.objectives))]},
			Means:      participation.Means{Staff: min(staff, 12), Budget: budget},
			Synthesis:  syntheses[r.IntN(len(syntheses))],
		}
		if r.IntN(3) == 0 {
			d.Objectives = append(d.Objectives, "Renforcer la transparence de l'action publique")
			d.Objectives = slices.Compact(d.Objectives)
		}
		if d.Means.Budget < 20_000 && r.IntN(4) == 0 {
			d.Means.Budget = 0 // not answered in the survey
		}
		// Channels: the website always, social networks often, paid audience acquisition
		// rarely and mostly for large territories.
		d.Channels = []participation.Channel{participation.ChannelWebsite}
		for _, c := range []struct {
			c participation.Channel
			p int
		}{{participation.ChannelSocial, 70}, {participation.ChannelPaid, 12}, {participation.ChannelPress, 40}, {participation.ChannelPosters, 45},
			{participation.ChannelMailing, 35}, {participation.ChannelMeetings, 40}, {participation.ChannelPartners, 30}} {
			p := c.p
			if c.c == participation.ChannelPaid && pop > 500_000 {
				p = 40
			}
			if r.IntN(100) < p {
				d.Channels = append(d.Channels, c.c)
			}
		}
		// Evaluation: about half the devices are not evaluated, as the 2019 call laments.
		var f participation.Format
		switch x := r.IntN(100); {
		case x < 48:
			f = participation.FormatNone
		case x < 76:
			f = participation.FormatInternal
		case x < 91:
			f = participation.FormatExternal
		default:
			f = participation.FormatParticipatory
		}
		// Where the device stands at the survey (October 2018); older devices are further on.
		var target participation.State
		switch age := 2018 - year; {
		case age == 0 && r.IntN(3) == 0:
			target = []participation.State{participation.StatePlanned, participation.StateOpen}[r.IntN(2)]
		case age == 0:
			target = []participation.State{participation.StateOpen, participation.StateClosed, participation.StateSynthesis}[r.IntN(3)]
		case f == participation.FormatNone:
			target = []participation.State{participation.StateSynthesis, participation.StateFeedback, participation.StateArchived, participation.StateArchived}[r.IntN(4)]
		default:
			target = []participation.State{participation.StateFeedback, participation.StateEvaluated, participation.StateEvaluated, participation.StateArchived}[r.IntN(4)]
		}
		stage := slices.Index(participation.States(), target)
		switch {
		case target == participation.StatePlanned:
			participants, contrib = 0, 0
		case target == participation.StateOpen:
			participants, contrib = participants/2, contrib/2
		}
		taken := int64(0)
		if stage >= slices.Index(participation.States(), participation.StateSynthesis) {
			taken = contrib * int64(takenPct) / 100
		}
		changed := int64(0)
		if stage >= slices.Index(participation.States(), participation.StateFeedback) && r.IntN(3) > 0 {
			changed = int64(r.IntN(4))
		}
		d.Outcomes = participation.Outcomes{Participants: participants, Contributions: contrib, TakenIntoAccount: taken, DecisionsChanged: changed}
		public := civic.Organisation{Kind: o.kind}.Family() == civic.FamilyPublic && o.kind != civic.KindSocialHousing
		if public && participants > 100 && r.IntN(100) < 45 { // ages of inhabitants, not of staff or members
			young := 0.04 + r.Float64()*0.06
			if k == participation.KindPetition || k == participation.KindMobilisation {
				young += 0.08
			}
			shares := []float64{young, 0.18 + r.Float64()*0.1, 0.32 + r.Float64()*0.1}
			d.Outcomes.Ages = map[string]int64{}
			var sum int64
			for gi, g := range []string{"18-24", "25-39", "40-59"} {
				n := int64(float64(participants) * shares[gi] * 0.9) // a tenth did not give their age
				d.Outcomes.Ages[g] = n
				sum += n
			}
			d.Outcomes.Ages["60+"] = max(participants*9/10-sum, 0)
		}
		d.Evaluation.Format = f
		evaluated := stage >= slices.Index(participation.States(), participation.StateEvaluated) && f != participation.FormatNone
		if f != participation.FormatNone {
			who := evaluators[f][r.IntN(len(evaluators[f]))]
			d.Evaluation.Responsible = who
			n := 1 + r.IntN(3)
			for _, j := range r.Perm(len(indicators))[:n] {
				in := indicators[j]
				ind := participation.Indicator{Name: in.name, Definition: in.definition, Unit: in.unit, Method: in.method, MeasuredBy: who}
				if evaluated { // measured values exist once the device is evaluated
					var v float64
					if in.value != nil {
						v = in.value(d.Outcomes, pop, d.Means.Budget)
					} else {
						v = float64(20 + r.IntN(60))
					}
					ind.Value = &v
				}
				if r.IntN(2) == 0 && in.unit != "€" && in.unit != "jours" {
					v := 0.0
					if in.value != nil {
						v = math.Round(in.value(d.Outcomes, pop, d.Means.Budget) * (1.1 + 0.4*r.Float64()))
					}
					if v == 0 {
						v = float64(50 + 5*r.IntN(8))
					}
					ind.Target = &v
				}
				d.Evaluation.Indicators = append(d.Evaluation.Indicators, ind)
			}
		}
		// The history replays to the state, one transition every month or two from the start;
		// the evaluation is taken by the evaluator.
		at := start.Start(time.UTC).Add(9 * time.Hour)
		d.State = participation.StatePlanned
		for d.State != target && len(d.History) < 7 {
			acts := d.Permitted(participation.AgentOrganiser)
			if len(acts) == 0 {
				break
			}
			a, agent := acts[0], participation.AgentOrganiser
			if slices.Contains(acts, participation.ActionEvaluate) {
				a = participation.ActionArchive
				if f != participation.FormatNone {
					a, agent = participation.ActionEvaluate, participation.AgentEvaluator
				}
			}
			if err := d.Apply(a, agent, at); err != nil {
				panic(err)
			}
			at = at.AddDate(0, 1+r.IntN(2), 0)
		}
		if d.State != target {
			panic(fmt.Sprintf("%s: reached %s, not %s", d.ID, d.State, target))
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
