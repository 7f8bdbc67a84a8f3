package participation

import (
	"github.com/civic-observatory/civic/participation/budget"
	"slices"
	"time"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/internal/check"
	ctext "github.com/civic-observatory/civic/internal/text"
)

// Kind is the kind of a participation device, as the Observatoire's sources name them.
type Kind string

// The kinds of participation device.
const (
	KindLawCowriting    Kind = "law_cowriting"            // co-écriture de lois ou d'amendements
	KindNationalConsult Kind = "national_consultation"    // consultation nationale
	KindCensus          Kind = "equipment_census"         // recensement d'équipements, signalement (le citoyen capteur)
	KindBudget          Kind = "participatory_budget"     // budget participatif
	KindUrbanProject    Kind = "urban_project"            // consultation sur un projet urbain
	KindPolicyPoll      Kind = "policy_poll"              // sondage sur les orientations de politique publique
	KindPetition        Kind = "petition"                 // pétition
	KindMobilisation    Kind = "mobilisation"             // mobilisation et plaidoyer
	KindOpenData        Kind = "open_data"                // ouverture des données, vérification des informations
	KindInternal        Kind = "internal_consultation"    // consultation interne (entreprise, syndicat, office HLM…)
	KindStakeholders    Kind = "stakeholder_consultation" // consultation des parties prenantes
	KindCoDesign        Kind = "co_design"                // co-conception d'un projet
	KindOther           Kind = "other"                    // autre
)

// Kinds lists every Kind.
func Kinds() []Kind {
	return []Kind{KindLawCowriting, KindNationalConsult, KindCensus, KindBudget, KindUrbanProject,
		KindPolicyPoll, KindPetition, KindMobilisation, KindOpenData, KindInternal, KindStakeholders,
		KindCoDesign, KindOther}
}

// Valid reports whether k is one of [Kinds].
func (k Kind) Valid() bool { return slices.Contains(Kinds(), k) }

// Role is the part a device gives citizens (axis 1 of the 2019 call: « un rôle de capteur
// », « exprimer son avis et ses préférences », « concevoir et mettre en œuvre »).
type Role string

// The citizen's roles.
const (
	RoleSensor   Role = "sensor"    // capteur: reports, counts, signals
	RoleOpinion  Role = "opinion"   // gives opinions and preferences
	RoleCoDesign Role = "co_design" // co-designer and co-producer
)

// Roles lists every Role.
func Roles() []Role { return []Role{RoleSensor, RoleOpinion, RoleCoDesign} }

// Valid reports whether r is one of [Roles].
func (r Role) Valid() bool { return slices.Contains(Roles(), r) }

// Model is the economic model of a tool's provider (axis 3 of the 2019 call).
type Model string

// The economic models.
const (
	ModelLicence    Model = "licence"        // licence or subscription
	ModelServices   Model = "services"       // services: development, advice, support, communication
	ModelPublic     Model = "public_funding" // public funding, subsidies
	ModelFoundation Model = "foundations"    // foundations, patrons
	ModelDonations  Model = "donations"      // donations, crowdfunding
	ModelVolunteer  Model = "volunteer"      // volunteer work
	ModelOther      Model = "other"
)

// Models lists every Model.
func Models() []Model {
	return []Model{ModelLicence, ModelServices, ModelPublic, ModelFoundation, ModelDonations, ModelVolunteer, ModelOther}
}

// Valid reports whether m is one of [Models].
func (m Model) Valid() bool { return slices.Contains(Models(), m) }

// Channel is a communication or mobilisation channel.
type Channel string

// The channels.
const (
	ChannelSocial   Channel = "social_networks"  // réseaux sociaux
	ChannelPaid     Channel = "paid_acquisition" // acquisition de public payante
	ChannelPress    Channel = "press"            // presse
	ChannelPosters  Channel = "posters"          // affichage
	ChannelMailing  Channel = "mailing"          // courrier, lettre d'information
	ChannelWebsite  Channel = "website"          // site web
	ChannelMeetings Channel = "public_meetings"  // réunions publiques
	ChannelPartners Channel = "partners"         // relais associatifs, partenaires
	ChannelOther    Channel = "other"
)

// Channels lists every Channel.
func Channels() []Channel {
	return []Channel{ChannelSocial, ChannelPaid, ChannelPress, ChannelPosters, ChannelMailing,
		ChannelWebsite, ChannelMeetings, ChannelPartners, ChannelOther}
}

// Valid reports whether c is one of [Channels].
func (c Channel) Valid() bool { return slices.Contains(Channels(), c) }

// Format is the format of a device's evaluation.
type Format string

// The evaluation formats.
const (
	FormatNone          Format = "none"
	FormatInternal      Format = "internal"
	FormatExternal      Format = "external"
	FormatParticipatory Format = "participatory"
)

// Formats lists every Format.
func Formats() []Format {
	return []Format{FormatNone, FormatInternal, FormatExternal, FormatParticipatory}
}

// Valid reports whether f is one of [Formats].
func (f Format) Valid() bool { return slices.Contains(Formats(), f) }

// AgeGroups are the age groups participants are counted in, as platforms report them:
// "under-18" first, since many devices (participatory budgets above all) let young people
// take part, as in budget.AgeGroups.
func AgeGroups() []string { return []string{"under-18", "18-24", "25-39", "40-59", "60+"} }

// Device is a digital participation device (« dispositif »): who runs it, where, with
// which tool and means, what came of it, and how it was evaluated. The zero value is an
// empty draft.
type Device struct {
	ID          string             `json:"id"`
	Name        civic.Text         `json:"name"`
	Description civic.Text         `json:"description,omitempty"`
	Kind        Kind               `json:"kind"`
	Organiser   civic.Organisation `json:"organiser"`
	Territory   Territory          `json:"territory"`
	Role        Role               `json:"role"`
	Tool        Tool               `json:"tool"`
	// Start and End are the dates of the device, known to the year, month or day.
	Start civic.Date `json:"start"`
	End   civic.Date `json:"end,omitzero"`
	// Objectives are the device's stated objectives.
	Objectives []string `json:"objectives,omitempty"`
	Means      Means    `json:"means"`
	// Channels are the communication and mobilisation channels used.
	Channels []Channel `json:"channels,omitempty"`
	// Synthesis says how the contributions were synthesised.
	Synthesis  string     `json:"synthesis,omitempty"`
	Outcomes   Outcomes   `json:"outcomes"`
	Evaluation Evaluation `json:"evaluation"`
	// State is where the device stands in its lifecycle; History dates each transition.
	State   State  `json:"state"`
	History []Step `json:"history,omitempty"`
}

// Territory is the territory a device addresses.
type Territory struct {
	Name string `json:"name"`
	// Code is an official code (INSEE, NUTS…), optional.
	Code string `json:"code,omitempty"`
	// Population is the number of inhabitants (or of members, for an organisation).
	Population int64 `json:"population"`
}

// Tool is the digital tool a device uses.
type Tool struct {
	Name       string `json:"name"`
	Provider   string `json:"provider,omitempty"`
	Licence    string `json:"licence,omitempty"`
	OpenSource bool   `json:"openSource"`
	Model      Model  `json:"model"`
}

// Means are the human and financial means of a device.
type Means struct {
	// Staff is the staff involved, in full-time equivalents.
	Staff float64 `json:"staff"`
	// Budget is the budget in whole units of Currency (euros when Currency is empty).
	Budget int64 `json:"budget"`
	// Currency is the ISO 4217 code of the budget's currency; empty means EUR. Budgets are
	// only added up within one currency (see [Summary]).
	Currency string `json:"currency,omitempty"`
}

// BudgetCurrency returns the currency of the device's budget: Means.Currency, or EUR.
func (d *Device) BudgetCurrency() string {
	if d.Means.Currency == "" {
		return "EUR"
	}
	return d.Means.Currency
}

// Outcomes are what came of a device.
type Outcomes struct {
	Participants     int64 `json:"participants"`
	Contributions    int64 `json:"contributions"`
	TakenIntoAccount int64 `json:"takenIntoAccount"`
	DecisionsChanged int64 `json:"decisionsChanged"`
	// Ages counts participants by age group ([AgeGroups]), when known.
	Ages map[string]int64 `json:"ages,omitempty"`
}

// Evaluation is how a device was evaluated.
type Evaluation struct {
	Format      Format      `json:"format"`
	Responsible string      `json:"responsible,omitempty"`
	Indicators  []Indicator `json:"indicators,omitempty"`
}

// Indicator is a measure of a device's result.
type Indicator struct {
	Name       string   `json:"name"`
	Definition string   `json:"definition,omitempty"`
	Unit       string   `json:"unit,omitempty"`
	Target     *float64 `json:"target,omitempty"`
	Value      *float64 `json:"value,omitempty"`
	Method     string   `json:"method,omitempty"`
	MeasuredBy string   `json:"measuredBy,omitempty"`
}

// Step is one dated transition of a device's lifecycle.
type Step struct {
	At     time.Time `json:"at"`
	Action Action    `json:"action"`
	From   State     `json:"from"`
	To     State     `json:"to"`
}

// Limits on devices.
const (
	MaxPopulation = 10_000_000_000 // more than the world's population is absurd
	MaxBudget     = 100_000_000_000
	MaxStaff      = 1_000_000
	MaxText       = 5000
	MaxLabel      = 200
	MaxItems      = 50
)

// Level returns the organiser's level: its kind of organisation (State, ministry, région,
// commune, company, association…).
func (d *Device) Level() civic.OrgKind { return d.Organiser.Kind }

// Evaluated reports whether the device was evaluated (any format but none).
func (d *Device) Evaluated() bool {
	return d.Evaluation.Format != "" && d.Evaluation.Format != FormatNone
}

// Check records every problem of the device at path.
func (d *Device) Check(v *civic.ValidationError, path civic.Path) {
	if !ctext.ValidID(d.ID) {
		check.ID(v, path.Key("id"), d.ID)
	}
	d.Name.Check(v, path.Key("name"), true, MaxLabel)
	d.Description.Check(v, path.Key("description"), false, MaxText)
	if !d.Kind.Valid() {
		enum(v, path.Key("kind"), d.Kind, false)
	}
	d.Organiser.Check(v, path.Key("organiser"))
	if d.Organiser.Kind == civic.KindCitizen {
		v.Add(path.Key("organiser").Key("kind"), civic.CodeUnknownValue, string(d.Organiser.Kind))
	}
	tp := sub{path, "territory"}
	str(v, tp, "name", d.Territory.Name, ctext.Rule{Required: true, Max: MaxLabel, Name: true})
	str(v, tp, "code", d.Territory.Code, ctext.Rule{Max: 20, Name: true})
	bound(v, tp, "population", d.Territory.Population, 0, MaxPopulation)
	if !d.Role.Valid() {
		enum(v, path.Key("role"), d.Role, false)
	}
	op := sub{path, "tool"}
	str(v, op, "name", d.Tool.Name, ctext.Rule{Required: true, Max: MaxLabel, Name: true})
	str(v, op, "provider", d.Tool.Provider, ctext.Rule{Max: MaxLabel, Name: true})
	str(v, op, "licence", d.Tool.Licence, ctext.Rule{Max: MaxLabel, Name: true})
	if !d.Tool.Model.Valid() {
		enum(v, op.Key("model"), d.Tool.Model, false)
	}
	if d.Start.IsZero() {
		v.Add(path.Key("start"), civic.CodeRequired)
	}
	if !d.End.IsZero() && !d.Start.IsZero() && d.End.Compare(d.Start) < 0 {
		v.Add(path.Key("end"), civic.CodeOrder, d.Start.String(), d.End.String())
	}
	list(v, path, "objectives", len(d.Objectives))
	for i, o := range d.Objectives {
		if rule := (ctext.Rule{Required: true, Max: MaxText, Multiline: true}); !ctext.Plain(o, rule) {
			check.String(v, path.Key("objectives").Index(i), o, rule)
		}
	}
	mp := sub{path, "means"}
	if d.Means.Staff < 0 || d.Means.Staff > MaxStaff || d.Means.Staff != d.Means.Staff {
		v.Add(mp.Key("staff"), civic.CodeOutOfRange, 0, MaxStaff, d.Means.Staff)
	}
	bound(v, mp, "budget", d.Means.Budget, 0, MaxBudget)
	if c := d.Means.Currency; c != "" && !budget.ValidCurrency(c) {
		v.Add(mp.Key("currency"), civic.CodeInvalidCurrency, c)
	}
	list(v, path, "channels", len(d.Channels))
	for i, c := range d.Channels {
		if c.Valid() && !slices.Contains(d.Channels[:i], c) {
			continue
		}
		p := path.Key("channels").Index(i)
		if enum(v, p, c, c.Valid()) {
			v.Add(p, civic.CodeDuplicate, string(c))
		}
	}
	str(v, path, "synthesis", d.Synthesis, ctext.Rule{Max: MaxText, Multiline: true})
	d.checkOutcomes(v, sub{path, "outcomes"})
	d.checkEvaluation(v, sub{path, "evaluation"})
	d.checkLifecycle(v, path)
}

func (d *Device) checkOutcomes(v *civic.ValidationError, op sub) {
	o := d.Outcomes
	for _, f := range []struct {
		name string
		n    int64
	}{{"participants", o.Participants}, {"contributions", o.Contributions}, {"takenIntoAccount", o.TakenIntoAccount}, {"decisionsChanged", o.DecisionsChanged}} {
		bound(v, op, f.name, f.n, 0, MaxPopulation)
	}
	if pop := d.Territory.Population; pop > 0 && o.Participants > pop {
		v.Add(op.Key("participants"), civic.CodeAbovePopulation, o.Participants, pop)
	}
	if o.TakenIntoAccount > o.Contributions {
		v.Add(op.Key("takenIntoAccount"), civic.CodeAboveContribution, o.TakenIntoAccount, o.Contributions)
	}
	var sum int64
	for _, g := range sortedKeys(o.Ages) {
		if !slices.Contains(AgeGroups(), g) {
			v.Add(op.Key("ages").Key(g), civic.CodeUnknownValue, g)
		}
		if n := o.Ages[g]; n < 0 || n > MaxPopulation {
			bound(v, op.Key("ages"), g, n, 0, MaxPopulation)
		}
		sum += o.Ages[g]
	}
	if len(o.Ages) > 0 && o.Participants >= 0 && sum > o.Participants {
		v.Add(op.Key("ages"), civic.CodeAboveParticipants, sum, o.Participants)
	}
}

func (d *Device) checkEvaluation(v *civic.ValidationError, ep sub) {
	e := d.Evaluation
	if !e.Format.Valid() {
		enum(v, ep.Key("format"), e.Format, false)
	}
	str(v, ep, "responsible", e.Responsible, ctext.Rule{Max: MaxLabel, Name: true})
	if e.Format == FormatNone && d.wentThroughEvaluation() {
		v.Add(ep.Key("format"), civic.CodeNotEvaluated, string(d.State))
	}
	if e.Format == FormatNone && e.Responsible != "" {
		v.Add(ep.Key("responsible"), civic.CodeNotForFormat, "responsible", string(e.Format))
	}
	// A device not evaluated has no indicators: listing some would count it among the
	// devices using an indicator, and the shares of indicators, over evaluated devices,
	// could pass 100 % (issue 12).
	if e.Format == FormatNone && len(e.Indicators) > 0 {
		v.Add(ep.Key("indicators"), civic.CodeNotForFormat, "indicators", string(e.Format))
	}
	list(v, ep, "indicators", len(e.Indicators))
	label, long := ctext.Rule{Max: MaxLabel, Name: true}, ctext.Rule{Max: MaxText, Multiline: true}
	for i, in := range e.Indicators {
		if ctext.Plain(in.Name, ctext.Rule{Required: true, Max: MaxLabel, Name: true}) && ctext.Plain(in.Definition, long) &&
			ctext.Plain(in.Method, long) && ctext.Plain(in.Unit, label) && ctext.Plain(in.MeasuredBy, label) {
			continue // the path is built only when there is something to report
		}
		p := ep.Key("indicators").Index(i)
		str(v, p, "name", in.Name, ctext.Rule{Required: true, Max: MaxLabel, Name: true})
		for _, f := range []struct{ k, s string }{{"definition", in.Definition}, {"method", in.Method}} {
			str(v, p, f.k, f.s, ctext.Rule{Max: MaxText, Multiline: true})
		}
		for _, f := range []struct{ k, s string }{{"unit", in.Unit}, {"measuredBy", in.MeasuredBy}} {
			str(v, p, f.k, f.s, ctext.Rule{Max: MaxLabel, Name: true})
		}
	}
}

// wentThroughEvaluation reports whether the device's state or history says it was
// evaluated.
func (d *Device) wentThroughEvaluation() bool {
	if d.State == StateEvaluated {
		return true
	}
	for _, s := range d.History {
		if s.Action == ActionEvaluate {
			return true
		}
	}
	return false
}

// Validate reports every problem of the device as a [*civic.ValidationError].
func (d *Device) Validate() error {
	var v civic.ValidationError
	d.Check(&v, nil)
	return v.Err()
}

// keyer is a path to which a member name can be appended: a [civic.Path], or a [sub]
// path built only when a problem is reported.
type keyer interface{ Key(string) civic.Path }

// sub is the path base.key, built only when Key is called: validating a valid device
// builds no path.
type sub struct {
	base civic.Path
	key  string
}

// Key returns the path base.key.name.
func (s sub) Key(name string) civic.Path { return s.base.Key(s.key).Key(name) }

// str checks a text value at path.Key(key), building the path only when there is
// something to report.
func str[P keyer](v *civic.ValidationError, path P, key string, s string, r ctext.Rule) {
	if !ctext.Plain(s, r) {
		check.String(v, path.Key(key), s, r)
	}
}

func enum[E ~string](v *civic.ValidationError, p civic.Path, e E, valid bool) bool {
	switch {
	case e == "":
		v.Add(p, civic.CodeRequired)
	case !valid:
		v.Add(p, civic.CodeUnknownValue, string(e))
	default:
		return true
	}
	return false
}

// bound records CodeOutOfRange at path.Key(key) unless lo ≤ n ≤ hi.
func bound[P keyer](v *civic.ValidationError, path P, key string, n, lo, hi int64) {
	if n < lo || n > hi {
		v.Add(path.Key(key), civic.CodeOutOfRange, lo, hi, n)
	}
}

// list records CodeTooMany at path.Key(key) for more than MaxItems items.
func list[P keyer](v *civic.ValidationError, path P, key string, n int) {
	if n > MaxItems {
		v.Add(path.Key(key), civic.CodeTooMany, MaxItems, n)
	}
}

func sortedKeys[V any](m map[string]V) []string {
	if len(m) == 0 {
		return nil
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
