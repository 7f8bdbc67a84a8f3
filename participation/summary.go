package participation

import (
	"cmp"
	"maps"
	"slices"
	"strconv"

	"golang.org/x/text/language"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/analysis"
)

// DeviceDimensions lists the dimensions of devices: kind, level (the organiser's kind),
// family, role, model, open_source, evaluation (its format), evaluated (true or false),
// indicator (the names of the indicators used; multi-valued), state, channel
// (multi-valued), size (the territory's population band) and participation (the band of
// participants ÷ population).
func DeviceDimensions() []analysis.Dimension[*Device] {
	return []analysis.Dimension[*Device]{
		analysis.Single("kind", func(d *Device) string { return string(d.Kind) }),
		analysis.Single("level", func(d *Device) string { return string(d.Organiser.Kind) }),
		analysis.Single("family", func(d *Device) string { return string(d.Organiser.Family()) }),
		analysis.Single("role", func(d *Device) string { return string(d.Role) }),
		analysis.Single("model", func(d *Device) string { return string(d.Tool.Model) }),
		analysis.Single("open_source", func(d *Device) string { return strconv.FormatBool(d.Tool.OpenSource) }),
		analysis.Single("evaluation", func(d *Device) string { return string(d.Evaluation.Format) }),
		analysis.Single("evaluated", func(d *Device) string { return strconv.FormatBool(d.Evaluated()) }),
		{Name: "indicator", Values: func(d *Device) []string {
			out := make([]string, len(d.Evaluation.Indicators))
			for i, in := range d.Evaluation.Indicators {
				out[i] = in.Name
			}
			return out
		}},
		analysis.Single("state", func(d *Device) string { return string(d.State) }),
		{Name: "channel", Values: func(d *Device) []string {
			out := make([]string, len(d.Channels))
			for i, c := range d.Channels {
				out[i] = string(c)
			}
			return out
		}},
		analysis.Single("size", func(d *Device) string { return sizeBand(d.Territory.Population) }),
		analysis.Single("participation", func(d *Device) string { return rateBand(d.Outcomes.Participants, d.Territory.Population) }),
	}
}

// rateBand is the band of participants ÷ population, its number first so that bands sort
// in order.
func rateBand(participants, population int64) string {
	if population <= 0 {
		return "0: unknown"
	}
	switch r := float64(participants) / float64(population); {
	case r < 0.001:
		return "1: <0.1%"
	case r < 0.01:
		return "2: 0.1-1%"
	case r < 0.05:
		return "3: 1-5%"
	case r < 0.2:
		return "4: 5-20%"
	}
	return "5: >=20%"
}

func sizeBand(n int64) string {
	switch {
	case n < 10_000:
		return "1: <10k"
	case n < 100_000:
		return "2: 10k-100k"
	case n < 1_000_000:
		return "3: 100k-1M"
	}
	return "4: >1M"
}

// ActorDimensions lists the dimensions of the civic tech map: family, legal_form, model,
// open_source, kind (of device supported).
func ActorDimensions() []analysis.Dimension[*Actor] {
	return []analysis.Dimension[*Actor]{
		analysis.Single("family", func(a *Actor) string { return string(a.Family()) }),
		analysis.Single("legal_form", func(a *Actor) string { return string(a.LegalForm) }),
		analysis.Single("model", func(a *Actor) string { return string(a.Model) }),
		analysis.Single("open_source", func(a *Actor) string { return strconv.FormatBool(a.OpenSource) }),
		{Name: "kind", Values: func(a *Actor) []string {
			out := make([]string, len(a.Kinds))
			for i, k := range a.Kinds {
				out[i] = string(k)
			}
			return out
		}},
	}
}

// Summary is what researchers ask first of a set of devices.
type Summary struct {
	Devices int `json:"devices"`
	// Evaluated counts the devices with an evaluation (any format but none).
	Evaluated int `json:"evaluated"`
	// EvaluatedShare is Evaluated ÷ Devices, nil (JSON null) when there are no devices.
	EvaluatedShare *float64 `json:"evaluatedShare"`
	// Indicators counts how many devices use each indicator, by name.
	Indicators map[string]int `json:"indicators"`
	// ParticipationRate is the median of participants ÷ population over the devices with a
	// population (RateDevices of them), nil (JSON null, "n/a") when none has one.
	ParticipationRate *float64 `json:"participationRate"`
	RateDevices       int      `json:"rateDevices"`
	// CostPerParticipant is the budget ÷ the participants, in euros, over the devices that
	// report both a budget in euros and participants (CostDevices of them): a budget of 0 means
	// unknown in the survey, and counting it would lower the cost. Nil (JSON null, "n/a")
	// when no device reports both.
	CostPerParticipant *float64 `json:"costPerParticipant"`
	CostDevices        int      `json:"costDevices"`
	// TakenIntoAccount is the share of contributions taken into account, over all devices,
	// nil (JSON null) when there are no contributions.
	TakenIntoAccount *float64 `json:"takenIntoAccount"`
	// Participants and Contributions are totals over all devices.
	Participants  int64 `json:"participants"`
	Contributions int64 `json:"contributions"`
	// Budget is the total of the budgets in euros; OtherBudgets totals the budgets in each
	// other currency (ISO 4217 code → whole units), never added to euros.
	Budget       int64            `json:"budget"`
	OtherBudgets map[string]int64 `json:"otherBudgets,omitempty"`
}

// Summariser accumulates a [Summary] one device at a time, for streams read with
// [NewReader]. Its memory grows with the number of distinct indicator names and by one
// float64 per device with a population (for the exact median participation rate), 8 MB for
// a million devices; it keeps nothing else per device. The zero value is ready to use.
type Summariser struct {
	s                      Summary
	rates                  []float64
	costBudget, costPeople int64
	taken                  int64
}

// Add counts one device.
func (m *Summariser) Add(d *Device) {
	s := &m.s
	if s.Indicators == nil {
		s.Indicators = map[string]int{}
	}
	s.Devices++
	if d.Evaluated() {
		s.Evaluated++
	}
	for _, in := range d.Evaluation.Indicators {
		s.Indicators[in.Name]++
	}
	o := d.Outcomes
	if d.Territory.Population > 0 {
		m.rates = append(m.rates, float64(o.Participants)/float64(d.Territory.Population))
	}
	if c := d.BudgetCurrency(); c != "EUR" {
		if d.Means.Budget > 0 {
			if s.OtherBudgets == nil {
				s.OtherBudgets = map[string]int64{}
			}
			s.OtherBudgets[c] += d.Means.Budget
		}
	} else {
		if d.Means.Budget > 0 && o.Participants > 0 {
			m.costBudget += d.Means.Budget
			m.costPeople += o.Participants
			s.CostDevices++
		}
		s.Budget += d.Means.Budget
	}
	s.Participants += o.Participants
	s.Contributions += o.Contributions
	m.taken += o.TakenIntoAccount
}

// Summary returns the summary of the devices added so far.
func (m *Summariser) Summary() Summary {
	s := m.s
	if s.Indicators == nil {
		s.Indicators = map[string]int{}
	}
	s.OtherBudgets = maps.Clone(s.OtherBudgets)
	if s.Devices > 0 {
		s.EvaluatedShare = ptr(float64(s.Evaluated) / float64(s.Devices))
	}
	s.RateDevices = len(m.rates)
	if len(m.rates) > 0 {
		rates := slices.Clone(m.rates)
		slices.Sort(rates)
		k := len(rates) / 2
		median := rates[k]
		if len(rates)%2 == 0 {
			median = (rates[k-1] + rates[k]) / 2
		}
		s.ParticipationRate = &median
	}
	if m.costPeople > 0 {
		s.CostPerParticipant = ptr(float64(m.costBudget) / float64(m.costPeople))
	}
	if s.Contributions > 0 {
		s.TakenIntoAccount = ptr(float64(m.taken) / float64(s.Contributions))
	}
	return s
}

// Summarise computes the summary of the devices.
func Summarise(devices []Device) Summary {
	var m Summariser
	for i := range devices {
		m.Add(&devices[i])
	}
	return m.Summary()
}

func ptr(x float64) *float64 { return &x }

// known returns the cell of a figure, or an [analysis.UnknownCell] ("n/a", null) when it
// is nil.
func known(x *float64, c func(float64) analysis.Cell) analysis.Cell {
	if x == nil {
		return analysis.UnknownCell()
	}
	return c(*x)
}

// SummarySheet returns the summary as a sheet of figures (metric, value), each masked
// when the devices it rests on are fewer than k, and "n/a" (JSON null) when unknown.
func SummarySheet(s Summary) *analysis.Sheet {
	n := int64(s.Devices)
	row := func(key, fr, en string, c analysis.Cell) []analysis.Cell {
		return []analysis.Cell{analysis.LabelCell(key, civic.NewText(fr, en)), c}
	}
	return &analysis.Sheet{Name: "summary", Head: []string{"metric", "value"}, Rows: [][]analysis.Cell{
		row("devices", "Dispositifs", "Devices", analysis.CountCell(n)),
		row("evaluated", "Dispositifs évalués", "Devices evaluated", analysis.CountCell(int64(s.Evaluated))),
		row("evaluated_share", "Part des dispositifs évalués", "Share of devices evaluated", known(s.EvaluatedShare, func(x float64) analysis.Cell { return analysis.ShareCell(x, n, int64(s.Evaluated)) })),
		row("participation_rate_median", "Taux de participation médian (participants / population)", "Median participation rate (participants / population)",
			known(s.ParticipationRate, func(x float64) analysis.Cell {
				return analysis.Cell{Num: x, IsNum: true, Digits: 6, Percent: true, Bases: []int64{int64(s.RateDevices)}}
			})),
		row("cost_per_participant_eur", "Coût par participant (€)", "Cost per participant (€)", known(s.CostPerParticipant, func(x float64) analysis.Cell { return analysis.FigureCell(x, 2, int64(s.CostDevices)) })),
		row("participants", "Participants", "Participants", analysis.CountCell(s.Participants)),
		row("contributions", "Contributions", "Contributions", analysis.CountCell(s.Contributions)),
		row("taken_into_account_share", "Part des contributions retenues", "Share of contributions taken into account", known(s.TakenIntoAccount, func(x float64) analysis.Cell { return analysis.ShareCell(x, s.Contributions) })),
	}}
}

// IndicatorSheet returns how many devices use each indicator and the share of evaluated
// devices that do, indicators sorted by use then in the collation of the language.
func IndicatorSheet(s Summary, tag language.Tag) *analysis.Sheet {
	names := make([]string, 0, len(s.Indicators))
	for name := range s.Indicators {
		names = append(names, name)
	}
	analysis.SortCollated(names, tag)
	// Most used first; the stable sort keeps the collation order among equals.
	slices.SortStableFunc(names, func(a, b string) int { return cmp.Compare(s.Indicators[b], s.Indicators[a]) })
	sh := &analysis.Sheet{Name: "indicators", Head: []string{"indicator", "devices", "share_of_evaluated"}}
	for _, name := range names {
		n := int64(s.Indicators[name])
		share := analysis.UnknownCell() // used by devices none of which is evaluated
		if s.Evaluated > 0 {
			share = analysis.ShareCell(float64(n)/float64(s.Evaluated), n, int64(s.Evaluated))
		}
		sh.Rows = append(sh.Rows, []analysis.Cell{{Key: name}, analysis.CountCell(n), share})
	}
	return sh
}

// FranceAges2019 is a reference distribution of adults by age group (fictional round
// figures close to the French census, for examples and the demo).
func FranceAges2019() map[string]float64 {
	return map[string]float64{"18-24": 0.10, "25-39": 0.24, "40-59": 0.33, "60+": 0.33}
}
