package budget

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/civic-observatory/civic"
)

// Reader limits.
const (
	// DefaultMaxLine is the longest line read, in bytes: a longer line (a 100 MB field) is
	// skipped without being kept in memory and reported with [civic.CodeLineTooLong].
	DefaultMaxLine = 1 << 20
	// DefaultMaxIssues is the number of errors kept before the reader stops.
	DefaultMaxIssues = 100
	// MaxProjects bounds the number of projects of an election.
	MaxProjects = 100_000
	// withdrawnCost is Pabulib's marker cost for projects withdrawn after the vote.
	withdrawnCost = 999999999
)

// ReadOptions tune [ReadWith]. The zero value reads the whole election with the default limits.
type ReadOptions struct {
	// MaxLine is the longest line accepted, in bytes (default [DefaultMaxLine]).
	MaxLine int
	// MaxIssues is the number of errors kept before reading stops (default [DefaultMaxIssues]).
	MaxIssues int
	// Scan, when true, does not keep voters and ballots: memory is bounded by the number of
	// projects, not voters, and the tallies ([Election.Votes], [Election.Score]) are still
	// counted. Duplicate voter IDs are not detected in this mode.
	Scan bool
	// OnBallot, when set, is called with each valid voter and ballot, in file order. The
	// ballot's slices are only valid during the call.
	OnBallot func(v *Voter, b Ballot) error
}

// Read reads a whole Pabulib election (META, PROJECTS and VOTES). The error, when the file
// breaks a rule, is a [*ReadError] listing every problem with its line and column; the
// election is returned with what could be read, for inspection. Warnings, which do not make
// the file invalid, are in the returned slice.
func Read(r io.Reader) (*Election, []Issue, error) { return ReadWith(r, ReadOptions{}) }

// Scan reads an election like [Read] without keeping its ballots: fn sees each one in turn.
func Scan(r io.Reader, fn func(v *Voter, b Ballot) error) (*Election, []Issue, error) {
	return ReadWith(r, ReadOptions{Scan: true, OnBallot: fn})
}

// ReadWith reads an election with options.
func ReadWith(r io.Reader, opt ReadOptions) (*Election, []Issue, error) {
	if opt.MaxLine <= 0 {
		opt.MaxLine = DefaultMaxLine
	}
	if opt.MaxIssues <= 0 {
		opt.MaxIssues = DefaultMaxIssues
	}
	d := &decoder{opt: opt, in: bufio.NewReaderSize(r, 64<<10), e: &Election{}}
	err := d.run()
	if err != nil && !errors.Is(err, errStop) {
		return d.e, d.warnings, err
	}
	if len(d.errs) > 0 {
		return d.e, d.warnings, &ReadError{Issues: d.errs, Truncated: d.truncated}
	}
	return d.e, d.warnings, nil
}

var errStop = errors.New("too many problems")

type decoder struct {
	opt       ReadOptions
	in        *bufio.Reader
	e         *Election
	line      int
	buf       []byte
	errs      []Issue
	warnings  []Issue
	truncated bool
	fields    []field
	voterIDs  map[string]struct{}
	strs      map[string]string
	metaLine  map[string]int
	// per-project line, for the checks made after the votes
	projLine []int
}

type field struct {
	b   []byte
	col int
}

// next returns the next line without its end of line, skipping blank lines. tooLong is set
// for a line over the limit, whose bytes are dropped.
func (d *decoder) next() ([]byte, bool, error) {
	for {
		d.buf = d.buf[:0]
		tooLong := false
		any := false
		for {
			frag, err := d.in.ReadSlice('\n')
			if len(frag) > 0 {
				any = true
			}
			if !tooLong && len(d.buf)+len(frag) > d.opt.MaxLine+2 {
				tooLong = true
				d.buf = d.buf[:0]
			}
			if !tooLong {
				d.buf = append(d.buf, frag...)
			}
			if errors.Is(err, bufio.ErrBufferFull) {
				continue
			}
			if errors.Is(err, io.EOF) {
				if !any {
					return nil, false, io.EOF
				}
				break
			}
			if err != nil {
				return nil, false, err
			}
			break
		}
		d.line++
		if tooLong {
			return nil, true, nil
		}
		b := bytes.TrimRight(d.buf, "\r\n")
		if d.line == 1 {
			b = bytes.TrimPrefix(b, []byte("\ufeff"))
		}
		if len(bytes.TrimSpace(b)) == 0 {
			continue
		}
		return b, false, nil
	}
}

// issue records a problem; errors beyond the limit stop the reader.
func (d *decoder) issue(warn bool, col int, section string, path civic.Path, code civic.Code, args ...any) error {
	return d.issueAt(d.line, warn, col, section, path, code, args...)
}

func (d *decoder) issueAt(line int, warn bool, col int, section string, path civic.Path, code civic.Code, args ...any) error {
	is := Issue{Line: line, Column: col, Section: section, Code: code, Args: args, Warning: warn, Path: path}
	if len(path) > 0 {
		is.Field = path[len(path)-1].Name
	}
	if warn {
		if len(d.warnings) < d.opt.MaxIssues {
			d.warnings = append(d.warnings, is)
		}
		return nil
	}
	if len(d.errs) >= d.opt.MaxIssues {
		d.truncated = true
		return errStop
	}
	d.errs = append(d.errs, is)
	return nil
}

// split cuts a line into ';'-separated fields. A field may be quoted with '"', a quote inside
// doubled; spaces around unquoted fields are trimmed.
func (d *decoder) split(line []byte) ([]field, error) {
	out := d.fields[:0]
	i := 0
	for {
		for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
			i++
		}
		col := i + 1
		if i < len(line) && line[i] == '"' {
			var val []byte
			j := i + 1
			closed := false
			for j < len(line) {
				if line[j] == '"' {
					if j+1 < len(line) && line[j+1] == '"' {
						val = append(val, '"')
						j += 2
						continue
					}
					closed = true
					j++
					break
				}
				val = append(val, line[j])
				j++
			}
			if !closed {
				d.fields = out
				return nil, d.issue(false, col, "", nil, civic.CodeCSVSyntax, d.line, col, "unclosed quote")
			}
			for j < len(line) && (line[j] == ' ' || line[j] == '\t') {
				j++
			}
			if j < len(line) && line[j] != ';' {
				d.fields = out
				return nil, d.issue(false, j+1, "", nil, civic.CodeCSVSyntax, d.line, j+1, "text after a closing quote")
			}
			if val == nil {
				val = []byte{}
			}
			out = append(out, field{val, col})
			if j >= len(line) {
				break
			}
			i = j + 1
			continue
		}
		j := bytes.IndexByte(line[i:], ';')
		end := len(line)
		if j >= 0 {
			end = i + j
		}
		out = append(out, field{bytes.TrimRight(line[i:end], " \t"), col})
		if j < 0 {
			break
		}
		i = end + 1
	}
	d.fields = out
	return out, nil
}

func sectionName(line []byte) string {
	s := bytes.TrimSpace(bytes.TrimRight(bytes.TrimSpace(line), ";"))
	for _, name := range [...]string{"META", "PROJECTS", "VOTES"} {
		if bytes.EqualFold(s, []byte(name)) {
			return name
		}
	}
	return ""
}

func (d *decoder) run() error {
	line, long, err := d.next()
	if err == io.EOF {
		return d.issue(false, 1, "", nil, civic.CodePBSection, "META", "")
	}
	if err != nil {
		return err
	}
	if long || sectionName(line) != "META" {
		return d.issue(false, 1, "", nil, civic.CodePBSection, "META", clipBytes(line))
	}
	line, err = d.meta()
	if err != nil {
		return err
	}
	if line == nil || sectionName(line) != "PROJECTS" {
		return d.issue(false, 1, "", nil, civic.CodePBSection, "PROJECTS", clipBytes(line))
	}
	line, err = d.projects()
	if err != nil {
		return err
	}
	if line == nil || sectionName(line) != "VOTES" {
		return d.issue(false, 1, "", nil, civic.CodePBSection, "VOTES", clipBytes(line))
	}
	if err := d.votes(); err != nil {
		return err
	}
	return d.finish()
}

func clipBytes(b []byte) string {
	if len(b) > 40 {
		b = b[:40]
	}
	if !utf8.Valid(b) {
		return fmt.Sprintf("%q", b)
	}
	return string(b)
}

// header reads a section's header line.
func (d *decoder) header(section string) ([]string, error) {
	line, long, err := d.next()
	if err == io.EOF {
		return nil, d.issue(false, 1, section, nil, civic.CodePBSection, section+" header", "")
	}
	if err != nil {
		return nil, err
	}
	if long {
		return nil, d.issue(false, 1, section, nil, civic.CodeLineTooLong, d.opt.MaxLine)
	}
	fs, err := d.split(line)
	if err != nil || fs == nil {
		return nil, errors.Join(err, errStop)
	}
	out := make([]string, len(fs))
	seen := map[string]bool{}
	for k, f := range fs {
		out[k] = strings.ToLower(string(f.b))
		if seen[out[k]] {
			if err := d.issue(false, f.col, section, civic.Path{}.Key(section).Key(out[k]), civic.CodeDuplicate, out[k]); err != nil {
				return nil, err
			}
		}
		seen[out[k]] = true
	}
	return out, nil
}

// meta reads the META section and returns the line that ends it (nil at end of file).
func (d *decoder) meta() ([]byte, error) {
	if _, err := d.header("META"); err != nil {
		return nil, err
	}
	d.metaLine = map[string]int{}
	var end []byte
	for {
		line, long, err := d.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if long {
			if err := d.issue(false, 1, "META", nil, civic.CodeLineTooLong, d.opt.MaxLine); err != nil {
				return nil, err
			}
			continue
		}
		if sectionName(line) != "" {
			end = append([]byte(nil), line...)
			break
		}
		fs, err := d.split(line)
		if err != nil {
			return nil, err
		}
		if fs == nil {
			continue
		}
		key := strings.ToLower(string(fs[0].b))
		val := ""
		if len(fs) > 1 {
			parts := make([]string, 0, len(fs)-1)
			for _, f := range fs[1:] {
				parts = append(parts, string(f.b))
			}
			val = strings.Join(parts, ";")
		}
		if !utf8.ValidString(val) || !utf8.ValidString(key) {
			if err := d.issue(false, fs[0].col, "META", civic.Path{}.Key("META").Key(key), civic.CodeInvalidUTF8); err != nil {
				return nil, err
			}
			continue
		}
		if _, dup := d.metaLine[key]; dup {
			if err := d.issue(false, fs[0].col, "META", civic.Path{}.Key("META").Key(key), civic.CodeDuplicate, key); err != nil {
				return nil, err
			}
			continue
		}
		d.metaLine[key] = d.line
		d.e.Meta = append(d.e.Meta, MetaEntry{Key: key, Value: val})
	}
	return end, d.interpretMeta()
}

func (d *decoder) metaIssue(key string, code civic.Code, args ...any) error {
	return d.issueAt(d.metaLine[key], false, 1, "META", civic.Path{}.Key("META").Key(key), code, args...)
}

func (d *decoder) interpretMeta() error {
	e := d.e
	get := func(k string) (string, bool) { return e.MetaValue(k) }
	for _, k := range []string{"description", "country", "unit", "subunit", "instance", "rule"} {
		v, _ := get(k)
		switch k {
		case "description":
			e.Description = v
		case "country":
			e.Country = v
		case "unit":
			e.Unit = v
		case "subunit":
			e.Subunit = v
		case "instance":
			e.Instance = v
		case "rule":
			e.Rule = v
		}
	}
	if c, ok := get("currency"); ok {
		c = strings.ToUpper(strings.TrimSpace(c))
		if !ValidCurrency(c) {
			if err := d.metaIssue("currency", civic.CodeInvalidCurrency, c); err != nil {
				return err
			}
		} else {
			e.Currency = c
		}
	}
	vt, ok := get("vote_type")
	if !ok {
		e.VoteType = Approval
		if err := d.issueAt(1, false, 1, "META", civic.Path{}.Key("META").Key("vote_type"), civic.CodeRequired); err != nil {
			return err
		}
	} else {
		e.VoteType = VoteType(strings.ToLower(strings.TrimSpace(vt)))
		known := false
		for _, t := range VoteTypes() {
			known = known || t == e.VoteType
		}
		if !known {
			if err := d.metaIssue("vote_type", civic.CodeUnknownValue, vt); err != nil {
				return err
			}
			e.VoteType = Approval
		}
	}
	b, ok := get("budget")
	if !ok {
		if err := d.issueAt(1, false, 1, "META", civic.Path{}.Key("META").Key("budget"), civic.CodeRequired); err != nil {
			return err
		}
	} else if m, err := ParseMoney(b, e.Digits()); err != nil {
		if err := d.metaIssue("budget", civic.CodeNumber, b); err != nil {
			return err
		}
	} else if m <= 0 {
		if err := d.metaIssue("budget", civic.CodeNotPositive, b); err != nil {
			return err
		}
	} else {
		e.Budget = m
	}
	c := &e.Constraints
	ints := []struct {
		key string
		dst *int64
	}{{"min_points", &c.MinPoints}, {"max_points", &c.MaxPoints}, {"min_sum_points", &c.MinSumPoints},
		{"max_sum_points", &c.MaxSumPoints}, {"min_project_score_threshold", &c.Threshold}}
	var minL, maxL int64
	ints = append(ints, struct {
		key string
		dst *int64
	}{"min_length", &minL}, struct {
		key string
		dst *int64
	}{"max_length", &maxL})
	for _, it := range ints {
		v, ok := get(it.key)
		if !ok || strings.TrimSpace(v) == "" {
			continue
		}
		n, err := parseCount(v)
		if err != nil {
			if err := d.metaIssue(it.key, civic.CodeNumber, v); err != nil {
				return err
			}
			continue
		}
		*it.dst = n
		if it.key == "min_project_score_threshold" {
			c.HasThreshold = true
		}
	}
	if maxL > MaxProjects || minL > MaxProjects {
		if err := d.metaIssue("max_length", civic.CodeOutOfRange, 0, MaxProjects, max(minL, maxL)); err != nil {
			return err
		}
	} else {
		c.MinLength, c.MaxLength = int(minL), int(maxL)
	}
	for _, k := range []string{"min_sum_cost", "max_sum_cost"} {
		v, ok := get(k)
		if !ok || strings.TrimSpace(v) == "" {
			continue
		}
		m, err := ParseMoney(v, e.Digits())
		if err != nil || m < 0 {
			if err := d.metaIssue(k, civic.CodeNumber, v); err != nil {
				return err
			}
			continue
		}
		if k == "min_sum_cost" {
			c.MinSumCost = m
		} else {
			c.MaxSumCost = m
		}
	}
	return nil
}

// parseCount reads a non-negative integer, tolerating "5.0".
func parseCount(s string) (int64, error) {
	s = strings.TrimSpace(s)
	if w, f, ok := strings.Cut(s, "."); ok && strings.Trim(f, "0") == "" {
		s = w
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 || n > 1<<53 {
		return 0, errors.New("not a count")
	}
	return n, nil
}

func parseInt(s string) (int64, error) {
	s = strings.TrimSpace(s)
	if w, f, ok := strings.Cut(s, "."); ok && strings.Trim(f, "0") == "" {
		s = w
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < -(1<<53) || n > 1<<53 {
		return 0, errors.New("not an integer")
	}
	return n, nil
}

func splitList(s string) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	parts := strings.Split(s, ",")
	out := parts[:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// projects reads the PROJECTS section and returns the line that ends it.
func (d *decoder) projects() ([]byte, error) {
	e := d.e
	cols, err := d.header("PROJECTS")
	if err != nil {
		return nil, err
	}
	e.ProjectColumns = cols
	idCol, costCol := indexOf(cols, "project_id"), indexOf(cols, "cost")
	if idCol < 0 || costCol < 0 {
		missing := "project_id"
		if idCol >= 0 {
			missing = "cost"
		}
		return nil, errors.Join(d.issue(false, 1, "PROJECTS", civic.Path{}.Key("PROJECTS"), civic.CodeMissingColumn, missing), errStop)
	}
	e.byID = map[string]int{}
	var end []byte
	for {
		line, long, err := d.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if long {
			if err := d.issue(false, 1, "PROJECTS", nil, civic.CodeLineTooLong, d.opt.MaxLine); err != nil {
				return nil, err
			}
			continue
		}
		if sectionName(line) != "" {
			end = append([]byte(nil), line...)
			break
		}
		fs, err := d.split(line)
		if err != nil {
			return nil, err
		}
		if fs == nil {
			continue
		}
		if !utf8.Valid(line) {
			if err := d.issue(false, 1+bytes.IndexFunc(line, func(r rune) bool { return r == utf8.RuneError }), "PROJECTS", civic.Path{}.Key("PROJECTS"), civic.CodeInvalidUTF8); err != nil {
				return nil, err
			}
			continue
		}
		if len(fs) != len(cols) {
			if err := d.issue(false, 1, "PROJECTS", civic.Path{}.Key("PROJECTS"), civic.CodeFieldCount, len(fs), len(cols)); err != nil {
				return nil, err
			}
			continue
		}
		if err := d.project(cols, fs, idCol, costCol); err != nil {
			return nil, err
		}
	}
	e.Votes = make([]int64, len(e.Projects))
	e.Score = make([]int64, len(e.Projects))
	return end, nil
}

// parseAge reads an age of 0 to 150 years ("34", "34.0").
func parseAge(b []byte) (int, bool) {
	if i := bytes.IndexByte(b, '.'); i >= 0 && len(bytes.Trim(b[i+1:], "0")) == 0 {
		b = b[:i]
	}
	if len(b) == 0 || len(b) > 3 {
		return 0, false
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, n <= 150
}

// intern returns b as a string, sharing one copy among the voters for the few values a
// column like sex or voting_method takes; past 1 000 distinct values it stops remembering.
func (d *decoder) intern(b []byte) string {
	if s, ok := d.strs[string(b)]; ok {
		return s
	}
	s := string(b)
	if d.strs == nil {
		d.strs = map[string]string{}
	}
	if len(d.strs) < 1000 {
		d.strs[s] = s
	}
	return s
}

// votePath is the path of a voter's row; it is only built when a problem is reported.
type lazyPath string

func votePath(id string) lazyPath { return lazyPath(id) }

// Key returns the path of a field of the voter's row.
func (l lazyPath) Key(field string) civic.Path {
	return civic.Path{}.Key("VOTES").Key(string(l)).Key(field)
}

func indexOf(cols []string, name string) int {
	for k, c := range cols {
		if c == name {
			return k
		}
	}
	return -1
}

func (d *decoder) project(cols []string, fs []field, idCol, costCol int) error {
	e := d.e
	id := string(fs[idCol].b)
	path := civic.Path{}.Key("PROJECTS").Key(id)
	if id == "" {
		return d.issue(false, fs[idCol].col, "PROJECTS", civic.Path{}.Key("PROJECTS").Key("project_id"), civic.CodeRequired)
	}
	if _, dup := e.byID[id]; dup {
		return d.issue(false, fs[idCol].col, "PROJECTS", path.Key("project_id"), civic.CodeDuplicate, id)
	}
	if len(e.Projects) >= MaxProjects {
		return errors.Join(d.issue(false, 1, "PROJECTS", path, civic.CodeTooMany, MaxProjects, len(e.Projects)+1), errStop)
	}
	p := Project{ID: id}
	costText := string(fs[costCol].b)
	cost, err := ParseMoney(costText, e.Digits())
	switch {
	case err != nil:
		if err := d.issue(false, fs[costCol].col, "PROJECTS", path.Key("cost"), civic.CodeNumber, costText); err != nil {
			return err
		}
	case cost <= 0:
		if err := d.issue(false, fs[costCol].col, "PROJECTS", path.Key("cost"), civic.CodeNotPositive, costText); err != nil {
			return err
		}
	}
	p.Cost = cost
	if cost == Money(withdrawnCost*pow10(e.Digits())) {
		p.Withdrawn = true
	}
	for k, c := range cols {
		if k == idCol || k == costCol {
			continue
		}
		v := string(fs[k].b)
		switch c {
		case "name":
			p.Name = v
		case "category":
			p.Category = splitList(v)
		case "target", "beneficiaries":
			if p.Target == nil {
				p.Target = splitList(v)
			} else {
				p.setExtra(c, v)
			}
			if c == "beneficiaries" {
				p.setExtra(c, v)
			}
		case "district":
			p.District = v
		case "latitude":
			p.Latitude = v
		case "longitude":
			p.Longitude = v
		case "votes", "score":
			if strings.TrimSpace(v) == "" {
				continue
			}
			n, err := parseInt(v)
			if err != nil {
				if err := d.issue(false, fs[k].col, "PROJECTS", path.Key(c), civic.CodeNumber, v); err != nil {
					return err
				}
				continue
			}
			if c == "votes" {
				p.Votes = &n
			} else {
				p.Score = &n
			}
		case "selected":
			if strings.TrimSpace(v) == "" {
				continue
			}
			n, err := parseCount(v)
			if err != nil || n > 9 {
				if err := d.issue(false, fs[k].col, "PROJECTS", path.Key(c), civic.CodeNumber, v); err != nil {
					return err
				}
				continue
			}
			s := int(n)
			p.Selected = &s
		default:
			p.setExtra(c, v)
		}
	}
	e.byID[id] = len(e.Projects)
	e.Projects = append(e.Projects, p)
	d.projLine = append(d.projLine, d.line)
	return nil
}

func (p *Project) setExtra(k, v string) {
	if p.Extra == nil {
		p.Extra = map[string]string{}
	}
	p.Extra[k] = v
}

func (v *Voter) setExtra(k, val string) {
	if v.Extra == nil {
		v.Extra = map[string]string{}
	}
	v.Extra[k] = val
}

// votes reads the VOTES section to the end of the file.
func (d *decoder) votes() error {
	e := d.e
	cols, err := d.header("VOTES")
	if err != nil {
		return err
	}
	e.VoterColumns = cols
	idCol, voteCol, ptsCol := indexOf(cols, "voter_id"), indexOf(cols, "vote"), indexOf(cols, "points")
	if idCol < 0 || voteCol < 0 {
		missing := "voter_id"
		if idCol >= 0 {
			missing = "vote"
		}
		return errors.Join(d.issue(false, 1, "VOTES", civic.Path{}.Key("VOTES"), civic.CodeMissingColumn, missing), errStop)
	}
	if e.VoteType.Cardinal() && ptsCol < 0 {
		return errors.Join(d.issue(false, 1, "VOTES", civic.Path{}.Key("VOTES"), civic.CodeMissingColumn, "points"), errStop)
	}
	if !d.opt.Scan {
		e.start = []int32{0}
		hint := 0
		if v, ok := e.MetaValue("num_votes"); ok {
			if h, err := parseCount(v); err == nil {
				hint = int(min(h, 1<<20))
			}
		}
		d.voterIDs = make(map[string]struct{}, hint)
		e.Voters = make([]Voter, 0, hint)
		e.start = make([]int32, 1, hint+1)
		if e.VoteType.Cardinal() {
			e.pts = []int64{}
		}
	}
	var projs []int32
	var pts []int64
	seen := make([]int32, len(e.Projects)) // seen[p] == voter number + 1 when p is on the current ballot
	var voter Voter
	n := int32(0)
	for {
		line, long, err := d.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if long {
			if err := d.issue(false, 1, "VOTES", nil, civic.CodeLineTooLong, d.opt.MaxLine); err != nil {
				return err
			}
			continue
		}
		if s := sectionName(line); s != "" {
			return errors.Join(d.issue(false, 1, "VOTES", nil, civic.CodePBSection, "end of file", s), errStop)
		}
		fs, err := d.split(line)
		if err != nil {
			return err
		}
		if fs == nil {
			continue
		}
		if len(fs) != len(cols) {
			if err := d.issue(false, 1, "VOTES", civic.Path{}.Key("VOTES"), civic.CodeFieldCount, len(fs), len(cols)); err != nil {
				return err
			}
			continue
		}
		if !utf8.Valid(line) {
			if err := d.issue(false, 1, "VOTES", civic.Path{}.Key("VOTES"), civic.CodeInvalidUTF8); err != nil {
				return err
			}
			continue
		}
		n++
		id := string(fs[idCol].b)
		path := votePath(id)
		if id == "" {
			if err := d.issue(false, fs[idCol].col, "VOTES", civic.Path{}.Key("VOTES").Key("voter_id"), civic.CodeRequired); err != nil {
				return err
			}
			continue
		}
		if d.voterIDs != nil {
			if _, dup := d.voterIDs[id]; dup {
				if err := d.issue(false, fs[idCol].col, "VOTES", path.Key("voter_id"), civic.CodeDuplicate, id); err != nil {
					return err
				}
				continue
			}
		}
		ok := true
		projs, pts = projs[:0], pts[:0]
		vf := fs[voteCol]
		if len(bytes.TrimSpace(vf.b)) > 0 {
			rest := vf.b
			for len(rest) > 0 || ok && rest != nil {
				var part []byte
				if c := bytes.IndexByte(rest, ','); c >= 0 {
					part, rest = rest[:c], rest[c+1:]
				} else {
					part, rest = rest, nil
				}
				part = bytes.TrimSpace(part)
				idx, found := e.byID[string(part)]
				if !found {
					ok = false
					if err := d.issue(false, vf.col, "VOTES", path.Key("vote"), civic.CodeUnknownRef, string(part)); err != nil {
						return err
					}
					break
				}
				if seen[idx] == n {
					ok = false
					if err := d.issue(false, vf.col, "VOTES", path.Key("vote"), civic.CodeDuplicate, string(part)); err != nil {
						return err
					}
					break
				}
				seen[idx] = n
				projs = append(projs, int32(idx))
			}
		}
		if !ok {
			continue
		}
		if ptsCol >= 0 && e.VoteType.Cardinal() {
			pf := fs[ptsCol]
			parts := bytes.Split(pf.b, []byte(","))
			if len(bytes.TrimSpace(pf.b)) == 0 {
				parts = nil
			}
			if len(parts) != len(projs) {
				if err := d.issue(false, pf.col, "VOTES", path.Key("points"), civic.CodeFieldCount, len(parts), len(projs)); err != nil {
					return err
				}
				continue
			}
			var sum int64
			for _, part := range parts {
				v, err := parseInt(string(part))
				if err != nil {
					ok = false
					if err := d.issue(false, pf.col, "VOTES", path.Key("points"), civic.CodeNumber, string(part)); err != nil {
						return err
					}
					break
				}
				c := e.Constraints
				if (c.MaxPoints > 0 && v > c.MaxPoints) || v < c.MinPoints || v < 0 && c.MinPoints == 0 {
					ok = false
					hi := any(c.MaxPoints)
					if c.MaxPoints == 0 {
						hi = "∞"
					}
					if err := d.issue(false, pf.col, "VOTES", path.Key("points"), civic.CodeOutOfRange, c.MinPoints, hi, v); err != nil {
						return err
					}
					break
				}
				sum += v
				pts = append(pts, v)
			}
			if !ok {
				continue
			}
			c := e.Constraints
			if c.MaxSumPoints > 0 && sum > c.MaxSumPoints || sum < c.MinSumPoints {
				hi := any(c.MaxSumPoints)
				if c.MaxSumPoints == 0 {
					hi = "∞"
				}
				if err := d.issue(false, pf.col, "VOTES", path.Key("points"), civic.CodeOutOfRange, c.MinSumPoints, hi, sum); err != nil {
					return err
				}
				continue
			}
		}
		c := e.Constraints
		maxLen := c.MaxLength
		if e.VoteType == Choose1 {
			maxLen = 1
		}
		if maxLen > 0 && len(projs) > maxLen {
			if err := d.issue(false, vf.col, "VOTES", path.Key("vote"), civic.CodeTooMany, maxLen, len(projs)); err != nil {
				return err
			}
			continue
		}
		if len(projs) < c.MinLength || e.VoteType == Choose1 && len(projs) == 0 {
			if err := d.issue(false, vf.col, "VOTES", path.Key("vote"), civic.CodeTooFew, max(c.MinLength, 1), len(projs)); err != nil {
				return err
			}
			continue
		}
		if c.MaxSumCost > 0 || c.MinSumCost > 0 {
			var sum Money
			for _, p := range projs {
				sum += e.Projects[p].Cost
			}
			if c.MaxSumCost > 0 && sum > c.MaxSumCost || sum < c.MinSumCost {
				if err := d.issue(false, vf.col, "VOTES", path.Key("vote"), civic.CodeOutOfRange, c.MinSumCost.Format(e.Digits()), c.MaxSumCost.Format(e.Digits()), sum.Format(e.Digits())); err != nil {
					return err
				}
				continue
			}
		}
		voter = Voter{ID: id, Age: -1}
		for k, col := range cols {
			if k == idCol || k == voteCol || k == ptsCol {
				continue
			}
			raw := fs[k].b
			switch col {
			case "age":
				raw = bytes.TrimSpace(raw)
				if len(raw) == 0 {
					continue
				}
				a, ok := parseAge(raw)
				if !ok {
					if err := d.issue(false, fs[k].col, "VOTES", path.Key("age"), civic.CodeOutOfRange, 0, 150, string(raw)); err != nil {
						return err
					}
					continue
				}
				voter.Age = a
			case "sex":
				raw = bytes.TrimSpace(raw)
				if bytes.IndexFunc(raw, unicode.IsLower) >= 0 {
					raw = bytes.ToUpper(raw)
				}
				voter.Sex = d.intern(raw)
			case "voting_method":
				voter.Method = d.intern(raw)
			case "district":
				voter.District = d.intern(raw)
			default:
				voter.setExtra(col, d.intern(raw))
			}
		}
		b := Ballot{Projects: projs}
		if e.VoteType.Cardinal() {
			b.Points = pts
		}
		e.NumVoters++
		e.count(b)
		if !d.opt.Scan {
			d.voterIDs[id] = struct{}{}
			e.Voters = append(e.Voters, voter)
			e.proj = append(e.proj, projs...)
			if e.pts != nil {
				e.pts = append(e.pts, pts...)
			}
			e.start = append(e.start, int32(len(e.proj)))
		}
		if d.opt.OnBallot != nil {
			if err := d.opt.OnBallot(&voter, b); err != nil {
				return err
			}
		}
	}
}

// finish applies the checks that need the whole file: counts announced in META, the votes
// and score columns against the ballots, and the selected projects against the budget.
func (d *decoder) finish() error {
	e := d.e
	if v, ok := e.MetaValue("num_projects"); ok {
		if n, err := parseCount(v); err != nil {
			if err := d.metaIssue("num_projects", civic.CodeNumber, v); err != nil {
				return err
			}
		} else if n != int64(len(e.Projects)) {
			if err := d.metaIssue("num_projects", civic.CodePBCount, "num_projects", n, len(e.Projects)); err != nil {
				return err
			}
		}
	}
	if v, ok := e.MetaValue("num_votes"); ok && len(d.errs) == 0 {
		if n, err := parseCount(v); err != nil {
			if err := d.metaIssue("num_votes", civic.CodeNumber, v); err != nil {
				return err
			}
		} else if n != int64(e.NumVoters) {
			if err := d.metaIssue("num_votes", civic.CodePBCount, "num_votes", n, e.NumVoters); err != nil {
				return err
			}
		}
	}
	if len(d.errs) > 0 {
		return nil
	}
	var selected Money
	for i, p := range e.Projects {
		path := civic.Path{}.Key("PROJECTS").Key(p.ID)
		if p.Votes != nil && *p.Votes != e.Votes[i] {
			_ = d.issueAt(d.projLine[i], true, 1, "PROJECTS", path.Key("votes"), civic.CodeTallyMismatch, "votes", *p.Votes, e.Votes[i])
		}
		if p.Score != nil && *p.Score != e.Score[i] {
			_ = d.issueAt(d.projLine[i], true, 1, "PROJECTS", path.Key("score"), civic.CodeTallyMismatch, "score", *p.Score, e.Score[i])
		}
		if p.Selected != nil && *p.Selected == 1 {
			selected += p.Cost
		}
	}
	if selected > e.Budget && e.Budget > 0 {
		_ = d.issueAt(d.metaLine["budget"], true, 1, "META", civic.Path{}.Key("META").Key("budget"), civic.CodeOverBudget,
			selected.Format(e.Digits()), e.Budget.Format(e.Digits()))
	}
	return nil
}
