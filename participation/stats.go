package participation

import (
	"cmp"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/civic-observatory/civic/contribution"
)

// Dimension is a way to classify records of type T: its name and the categories of a
// record (several for multi-valued dimensions such as axes or channels).
type Dimension[T any] struct {
	Name   string
	Values func(T) []string
	// single, when set, gives the one category of a single-valued dimension without
	// allocating a slice ([Count] uses it).
	single func(T) string
}

func one[T any](name string, f func(T) string) Dimension[T] {
	return Dimension[T]{Name: name, Values: func(x T) []string { return []string{f(x)} }, single: f}
}

// Count counts the record x in the cross-tabulation t by the row and column dimensions:
// t.Add(row.Values(x), col.Values(x)), without allocating for single-valued dimensions.
func Count[T any](t *Tab, row, col Dimension[T], x T) {
	if row.single != nil && col.single != nil {
		t.records++
		t.counts[[2]string{row.single(x), col.single(x)}]++
		return
	}
	t.Add(row.Values(x), col.Values(x))
}

// DeviceDimensions lists the dimensions of devices: kind, level (the organiser's kind),
// family, role, model, open_source, evaluation (its format), evaluated (true or false),
// indicator (the names of the indicators used; multi-valued), state, channel
// (multi-valued), size (the territory's population band) and participation (the band of
// participants ÷ population).
func DeviceDimensions() []Dimension[*Device] {
	return []Dimension[*Device]{
		one("kind", func(d *Device) string { return string(d.Kind) }),
		one("level", func(d *Device) string { return string(d.Organiser.Kind) }),
		one("family", func(d *Device) string { return string(d.Organiser.Family()) }),
		one("role", func(d *Device) string { return string(d.Role) }),
		one("model", func(d *Device) string { return string(d.Tool.Model) }),
		one("open_source", func(d *Device) string { return strconv.FormatBool(d.Tool.OpenSource) }),
		one("evaluation", func(d *Device) string { return string(d.Evaluation.Format) }),
		one("evaluated", func(d *Device) string { return strconv.FormatBool(d.Evaluated()) }),
		{Name: "indicator", Values: func(d *Device) []string {
			out := make([]string, len(d.Evaluation.Indicators))
			for i, in := range d.Evaluation.Indicators {
				out[i] = in.Name
			}
			return out
		}},
		one("state", func(d *Device) string { return string(d.State) }),
		{Name: "channel", Values: func(d *Device) []string {
			out := make([]string, len(d.Channels))
			for i, c := range d.Channels {
				out[i] = string(c)
			}
			return out
		}},
		one("size", func(d *Device) string { return sizeBand(d.Territory.Population) }),
		one("participation", func(d *Device) string { return rateBand(d.Outcomes.Participants, d.Territory.Population) }),
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

// ProposalDimensions lists the dimensions of the records of proposals to a call: format, family (of the
// first contributor), axis, language, state, international.
func ProposalDimensions(c *contribution.Call) []Dimension[*contribution.Record] {
	return []Dimension[*contribution.Record]{
		one("format", func(p *contribution.Record) string { return p.Format }),
		one("family", func(p *contribution.Record) string { return string(p.Family()) }),
		{Name: "axis", Values: func(p *contribution.Record) []string { return p.Axes }},
		one("language", func(p *contribution.Record) string { return p.Language }),
		one("state", func(p *contribution.Record) string { return string(p.State) }),
		one("international", func(p *contribution.Record) string { return strconv.FormatBool(p.International(c)) }),
	}
}

// ActorDimensions lists the dimensions of the civic tech map: family, legal_form, model,
// open_source, kind (of device supported).
func ActorDimensions() []Dimension[*Actor] {
	return []Dimension[*Actor]{
		one("family", func(a *Actor) string { return string(a.Family()) }),
		one("legal_form", func(a *Actor) string { return string(a.LegalForm) }),
		one("model", func(a *Actor) string { return string(a.Model) }),
		one("open_source", func(a *Actor) string { return strconv.FormatBool(a.OpenSource) }),
		{Name: "kind", Values: func(a *Actor) []string {
			out := make([]string, len(a.Kinds))
			for i, k := range a.Kinds {
				out[i] = string(k)
			}
			return out
		}},
	}
}

// FindDimension returns the dimension with the name.
func FindDimension[T any](dims []Dimension[T], name string) (Dimension[T], bool) {
	for _, d := range dims {
		if d.Name == name {
			return d, true
		}
	}
	return Dimension[T]{}, false
}

// Tab accumulates a cross-tabulation one record at a time; its memory grows with the
// number of categories, not of records, so it can count a stream of any length.
type Tab struct {
	row, col string
	counts   map[[2]string]int64
	records  int64
}

// NewTab returns an empty cross-tabulation of the row dimension by the column dimension.
func NewTab(row, col string) *Tab {
	return &Tab{row: row, col: col, counts: map[[2]string]int64{}}
}

// Add counts one record with its categories in the two dimensions (each pair once, for
// multi-valued dimensions).
func (t *Tab) Add(rows, cols []string) {
	t.records++
	for _, r := range rows {
		for _, c := range cols {
			t.counts[[2]string{r, c}]++
		}
	}
}

// Table is a finished cross-tabulation.
type Table struct {
	Row, Col  string    `json:"-"`
	Rows      []string  `json:"rows"`
	Cols      []string  `json:"cols"`
	Counts    [][]int64 `json:"counts"`
	RowTotals []int64   `json:"rowTotals"`
	ColTotals []int64   `json:"colTotals"`
	Total     int64     `json:"total"`
	Records   int64     `json:"records"`
	// Shares, when true, makes Write print each count as a percentage of the total
	// (masked counts stay masked).
	Shares bool `json:"-"`
}

// Table returns the counts, categories sorted with the collation of the language.
func (t *Tab) Table(tag language.Tag) *Table {
	rs, cs := map[string]bool{}, map[string]bool{}
	for k := range t.counts {
		rs[k[0]], cs[k[1]] = true, true
	}
	sorted := func(m map[string]bool) []string {
		out := make([]string, 0, len(m))
		for k := range m {
			out = append(out, k)
		}
		sortCollated(out, tag)
		return out
	}
	tb := &Table{Row: t.row, Col: t.col, Rows: sorted(rs), Cols: sorted(cs), Records: t.records}
	tb.RowTotals = make([]int64, len(tb.Rows))
	tb.ColTotals = make([]int64, len(tb.Cols))
	for i, r := range tb.Rows {
		row := make([]int64, len(tb.Cols))
		for j, c := range tb.Cols {
			n := t.counts[[2]string{r, c}]
			row[j] = n
			tb.RowTotals[i] += n
			tb.ColTotals[j] += n
			tb.Total += n
		}
		tb.Counts = append(tb.Counts, row)
	}
	return tb
}

// sortCollated sorts s in the collation of the language (byte order among equals). It
// makes its own collator: a collator is not safe for concurrent use, so none is shared.
func sortCollated(s []string, tag language.Tag) {
	col := collate.New(tag, collate.Loose)
	slices.SortFunc(s, func(a, b string) int {
		if c := col.CompareString(a, b); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
}

// CrossTab counts records by two dimensions.
func CrossTab[T any](records []T, row, col Dimension[T], tag language.Tag) *Table {
	t := NewTab(row.Name, col.Name)
	for _, r := range records {
		Count(t, row, col, r)
	}
	return t.Table(tag)
}

// masked tells whether a count is published: counts from 1 to k-1 are masked (k-anonymity).
func masked(n int64, k int) bool { return n > 0 && n < int64(k) }

// Write writes the table as "text", "md", "csv" or "json", masking every count from 1 to
// k−1 (k ≤ 1 masks nothing) and, so that no masked count can be worked out again, the
// totals of the rows and columns that hold one and the grand total (printed "*"); shares
// are of the published counts. Masked counts print as "<k", or null in
// JSON, which also gives every cell's share of the total. With Shares, text, Markdown and
// CSV print shares of the total instead of counts.
func (tb *Table) Write(w io.Writer, format string, k int) error {
	sup := tb.suppress(k)
	cell := func(n int64) string {
		switch {
		case masked(n, k):
			return "<" + strconv.Itoa(k)
		case tb.Shares && sup.visible > 0:
			return strconv.FormatFloat(100*float64(n)/float64(sup.visible), 'f', 1, 64) + "%"
		}
		return strconv.FormatInt(n, 10)
	}
	total := func(n int64, hidden bool) string {
		if hidden {
			return "*"
		}
		return cell(n)
	}
	head := append([]string{tb.Row + " \\ " + tb.Col}, tb.Cols...)
	head = append(head, "total")
	rows := make([][]string, 0, len(tb.Rows)+1)
	for i, r := range tb.Rows {
		line := []string{r}
		for _, n := range tb.Counts[i] {
			line = append(line, cell(n))
		}
		rows = append(rows, append(line, total(tb.RowTotals[i], sup.row[i])))
	}
	foot := []string{"total"}
	for j, n := range tb.ColTotals {
		foot = append(foot, total(n, sup.col[j]))
	}
	rows = append(rows, append(foot, total(tb.Total, sup.any)))
	switch format {
	case "csv":
		cw := csv.NewWriter(w)
		cw.Write(head)
		cw.WriteAll(rows)
		return cw.Error()
	case "json":
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(tb.JSON(k))
	case "md":
		esc := func(s string) string { return strings.NewReplacer("|", `\|`, "\n", " ").Replace(s) }
		fmt.Fprintf(w, "| %s |\n|", strings.Join(mapStrings(head, esc), " | "))
		for range head {
			io.WriteString(w, " --- |")
		}
		io.WriteString(w, "\n")
		for _, r := range rows {
			fmt.Fprintf(w, "| %s |\n", strings.Join(mapStrings(r, esc), " | "))
		}
		return nil
	case "text", "":
		widths := make([]int, len(head))
		for _, r := range append([][]string{head}, rows...) {
			for i, c := range r {
				widths[i] = max(widths[i], len([]rune(c)))
			}
		}
		for _, r := range append([][]string{head}, rows...) {
			for i, c := range r {
				pad := widths[i] - len([]rune(c))
				if i == 0 {
					fmt.Fprintf(w, "%s%s", c, strings.Repeat(" ", pad))
				} else {
					fmt.Fprintf(w, "  %s%s", strings.Repeat(" ", pad), c)
				}
			}
			io.WriteString(w, "\n")
		}
		return nil
	}
	return fmt.Errorf("participation: unknown format %q", format)
}

func mapStrings(in []string, f func(string) string) []string {
	out := make([]string, len(in))
	for i, s := range in {
		out[i] = f(s)
	}
	return out
}

// TableJSON is the published form of a [Table] in JSON: counts from 1 to k−1 are null,
// as are their shares of the total; Masked counts them.
type TableJSON struct {
	Row     string       `json:"row"`
	Col     string       `json:"col"`
	K       int          `json:"k"`
	Rows    []string     `json:"rows"`
	Cols    []string     `json:"cols"`
	Counts  [][]*int64   `json:"counts"`
	Shares  [][]*float64 `json:"shares"`
	Records int64        `json:"records"`
	Masked  int          `json:"masked"`
}

// JSON returns the table as published in JSON under threshold k.
func (tb *Table) JSON(k int) TableJSON {
	sup := tb.suppress(k)
	out := TableJSON{Row: tb.Row, Col: tb.Col, K: k, Rows: tb.Rows, Cols: tb.Cols, Records: tb.Records}
	if sup.any {
		out.Records = 0 // with single-valued dimensions it is the grand total
	}
	for _, r := range tb.Counts {
		var line []*int64
		var shares []*float64
		for _, n := range r {
			if masked(n, k) {
				line, shares = append(line, nil), append(shares, nil)
				out.Masked++
			} else {
				share := float64(n) / float64(max(sup.visible, 1))
				line, shares = append(line, &n), append(shares, &share)
			}
		}
		out.Counts = append(out.Counts, line)
		out.Shares = append(out.Shares, shares)
	}
	return out
}

// suppression is what a table must hide besides its small counts, so that they cannot be
// worked out again: the total of every row and column holding a masked count, the grand
// total (and the number of records) when any count is masked, and shares computed over
// the published counts only.
type suppression struct {
	row, col []bool
	any      bool
	visible  int64 // the sum of the published cells
}

func (tb *Table) suppress(k int) suppression {
	s := suppression{row: make([]bool, len(tb.Rows)), col: make([]bool, len(tb.Cols))}
	for i, r := range tb.Counts {
		for j, n := range r {
			if masked(n, k) {
				s.row[i], s.col[j], s.any = true, true, true
			} else {
				s.visible += n
			}
		}
	}
	return s
}

// Summary is what researchers ask first of a set of devices.
type Summary struct {
	Devices int `json:"devices"`
	// Evaluated counts the devices with an evaluation (any format but none).
	Evaluated      int     `json:"evaluated"`
	EvaluatedShare float64 `json:"evaluatedShare"`
	// Indicators counts how many devices use each indicator, by name.
	Indicators map[string]int `json:"indicators"`
	// ParticipationRate is the median of participants ÷ population over the devices with a
	// population (RateDevices of them).
	ParticipationRate float64 `json:"participationRate"`
	RateDevices       int     `json:"rateDevices"`
	// CostPerParticipant is the budget ÷ the participants, in euros, over the devices that
	// report both a budget and participants (CostDevices of them): a budget of 0 means
	// unknown in the survey, and counting it would lower the cost.
	CostPerParticipant float64 `json:"costPerParticipant"`
	CostDevices        int     `json:"costDevices"`
	// TakenIntoAccount is the share of contributions taken into account, over all devices.
	TakenIntoAccount float64 `json:"takenIntoAccount"`
	// Participants, Contributions and Budget are totals over all devices.
	Participants  int64 `json:"participants"`
	Contributions int64 `json:"contributions"`
	Budget        int64 `json:"budget"`
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
	if d.Means.Budget > 0 && o.Participants > 0 {
		m.costBudget += d.Means.Budget
		m.costPeople += o.Participants
		s.CostDevices++
	}
	s.Budget += d.Means.Budget
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
	if s.Devices > 0 {
		s.EvaluatedShare = float64(s.Evaluated) / float64(s.Devices)
	}
	s.RateDevices = len(m.rates)
	if len(m.rates) > 0 {
		rates := slices.Clone(m.rates)
		slices.Sort(rates)
		k := len(rates) / 2
		s.ParticipationRate = rates[k]
		if len(rates)%2 == 0 {
			s.ParticipationRate = (rates[k-1] + rates[k]) / 2
		}
	}
	if m.costPeople > 0 {
		s.CostPerParticipant = float64(m.costBudget) / float64(m.costPeople)
	}
	if s.Contributions > 0 {
		s.TakenIntoAccount = float64(m.taken) / float64(s.Contributions)
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

// Rate is the acceptance rate of one category of proposals.
type Rate struct {
	Category string  `json:"category"`
	Accepted int     `json:"accepted"`
	Decided  int     `json:"decided"`
	Rate     float64 `json:"rate"`
}

// AcceptanceRates returns, for each category of the dimension, the share of decided
// proposals that were accepted. Accepted counts proposals accepted, confirmed, declined,
// scheduled or cancelled (the committee said yes); decided adds those waitlisted and
// rejected; drafts, submissions under review and withdrawals are left out. Categories are
// sorted with the collation of the language.
func AcceptanceRates(ps []*contribution.Record, dim Dimension[*contribution.Record], tag language.Tag) []Rate {
	byCat := map[string]*Rate{}
	for _, p := range ps {
		var acc, dec bool
		switch p.State {
		case contribution.StateAccepted, contribution.StateConfirmed, contribution.StateDeclined,
			contribution.StateScheduled, contribution.StateCancelled:
			acc, dec = true, true
		case contribution.StateRejected, contribution.StateWaitlisted:
			dec = true
		}
		if !dec {
			continue
		}
		for _, c := range dim.Values(p) {
			r := byCat[c]
			if r == nil {
				r = &Rate{Category: c}
				byCat[c] = r
			}
			r.Decided++
			if acc {
				r.Accepted++
			}
		}
	}
	out := make([]Rate, 0, len(byCat))
	for _, r := range byCat {
		r.Rate = float64(r.Accepted) / float64(r.Decided)
		out = append(out, *r)
	}
	col := collate.New(tag, collate.Loose) // one collator per call: a collator is not safe for concurrent use
	slices.SortFunc(out, func(a, b Rate) int {
		if c := col.CompareString(a.Category, b.Category); c != 0 {
			return c
		}
		return cmp.Compare(a.Category, b.Category)
	})
	return out
}

// Representation compares participants with a reference population, category by
// category.
type Representation struct {
	// TVD is the total variation distance between the two distributions: half the sum of
	// the absolute differences of shares, from 0 (identical) to 1.
	TVD  float64          `json:"tvd"`
	Rows []Representative `json:"rows"`
}

// Representative is one category: its count among participants, its share, its share in
// the reference population, and their ratio (1: as represented as in the population; nil
// when the category is absent from the reference, where no ratio exists).
type Representative struct {
	Category  string   `json:"category"`
	Count     int64    `json:"count"`
	Share     float64  `json:"share"`
	Reference float64  `json:"reference"`
	Ratio     *float64 `json:"ratio"`
}

// Represent compares the observed counts with the reference shares (normalised to sum to
// 1; negative shares count as 0). Categories of the reference come first, by name, then
// those only observed.
func Represent(observed map[string]int64, reference map[string]float64) Representation {
	var total int64
	for _, n := range observed {
		total += n
	}
	var refTotal float64
	for _, s := range reference {
		refTotal += max(s, 0)
	}
	cats := sortedKeys(reference)
	for _, k := range sortedKeys(observed) {
		if _, ok := reference[k]; !ok {
			cats = append(cats, k)
		}
	}
	var r Representation
	for _, c := range cats {
		row := Representative{Category: c, Count: observed[c]}
		if total > 0 {
			row.Share = float64(row.Count) / float64(total)
		}
		if refTotal > 0 {
			row.Reference = max(reference[c], 0) / refTotal
		}
		if row.Reference > 0 {
			ratio := row.Share / row.Reference
			row.Ratio = &ratio
		}
		r.TVD += math.Abs(row.Share-row.Reference) / 2
		r.Rows = append(r.Rows, row)
	}
	return r
}

// FranceAges2019 is a reference distribution of adults by age group (fictional round
// figures close to the French census, for examples and the demo).
func FranceAges2019() map[string]float64 {
	return map[string]float64{"18-24": 0.10, "25-39": 0.24, "40-59": 0.33, "60+": 0.33}
}
