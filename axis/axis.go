package axis

import (
	"strconv"
	"strings"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/internal/check"
	"github.com/civic-observatory/civic/internal/text"
)

// Axis is a thematic axis of a call for contributions, with its numbered guiding questions.
type Axis struct {
	// ID identifies the axis within its call ("1"), matching [civic.IDPattern]; question
	// references are built on it ("1.3").
	ID string `json:"id"`
	// Title is the axis's heading (« Govtech : retour sur un usage politique des technologies numériques »).
	Title civic.Text `json:"title"`
	// Summary is the one-sentence description the call gives in its overview.
	Summary civic.Text `json:"summary,omitempty"`
	// Introduction is the text that presents the axis before its questions.
	Introduction civic.Text `json:"introduction,omitempty"`
	// Questions are the guiding questions, numbered from 1 in order.
	Questions []Question `json:"questions"`
}

// Question is a numbered guiding question of an [Axis].
type Question struct {
	// Number is the question's number within its axis, from 1.
	Number int `json:"number"`
	// Text is the question as the call words it.
	Text civic.Text `json:"text"`
}

// Limits on axes, in characters or items.
const (
	MaxTitleLen        = 300
	MaxSummaryLen      = 1000
	MaxIntroductionLen = 10000
	MaxQuestionLen     = 2000
	MaxQuestions       = 50
	MaxAxes            = 50
)

// Ref names a guiding question: the axis ID and the question number, written "1.3".
type Ref struct {
	Axis     string
	Question int
}

// RefPattern is the pattern of a question reference's text form.
const RefPattern = "^[a-z0-9][a-z0-9-]{0,63}\\.[1-9][0-9]?$"

// ParseRef parses "1.3": an axis ID, a dot and a question number from 1 to 99.
func ParseRef(s string) (Ref, error) {
	id, num, ok := strings.Cut(s, ".")
	n, err := strconv.Atoi(num)
	if !ok || !text.ValidID(id) || err != nil || n < 1 || n > 99 || num[0] == '0' || num[0] == '+' {
		return Ref{}, &civic.FieldError{Code: civic.CodeUnknownRef, Args: []any{s}}
	}
	return Ref{Axis: id, Question: n}, nil
}

// String returns "1.3".
func (r Ref) String() string { return r.Axis + "." + strconv.Itoa(r.Question) }

// MarshalText writes the text form.
func (r Ref) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

// UnmarshalText parses the text form with [ParseRef].
func (r *Ref) UnmarshalText(b []byte) error {
	v, err := ParseRef(string(b))
	if err != nil {
		return err
	}
	*r = v
	return nil
}

// Question returns the question numbered n, if the axis has it.
func (a *Axis) Question(n int) (Question, bool) {
	for _, q := range a.Questions {
		if q.Number == n {
			return q, true
		}
	}
	return Question{}, false
}

// Ref returns the reference of the axis's question numbered n.
func (a *Axis) Ref(n int) Ref { return Ref{Axis: a.ID, Question: n} }

// Check records the problems of a at path: ID, title, texts, and questions numbered 1, 2, 3…
// in order.
func (a *Axis) Check(v *civic.ValidationError, path civic.Path) {
	check.ID(v, path.Key("id"), a.ID)
	a.Title.Check(v, path.Key("title"), true, MaxTitleLen)
	a.Summary.Check(v, path.Key("summary"), false, MaxSummaryLen)
	a.Introduction.Check(v, path.Key("introduction"), false, MaxIntroductionLen)
	qp := path.Key("questions")
	if len(a.Questions) == 0 {
		v.Add(qp, civic.CodeRequired)
	}
	if len(a.Questions) > MaxQuestions {
		v.Add(qp, civic.CodeTooMany, MaxQuestions, len(a.Questions))
	}
	for i, q := range a.Questions {
		p := qp.Index(i)
		if q.Number != i+1 {
			v.Add(p.Key("number"), civic.CodeOutOfRange, i+1, i+1, q.Number)
		}
		q.Text.Check(v, p.Key("text"), true, MaxQuestionLen)
	}
}

// Validate reports every problem of a as a [*civic.ValidationError].
func (a *Axis) Validate() error {
	var v civic.ValidationError
	a.Check(&v, nil)
	return v.Err()
}

// Set is the list of axes of a call, in the call's order.
type Set []Axis

// Get returns the axis with the ID.
func (s Set) Get(id string) (*Axis, bool) {
	for i := range s {
		if s[i].ID == id {
			return &s[i], true
		}
	}
	return nil, false
}

// Question returns the question a reference names.
func (s Set) Question(r Ref) (Question, bool) {
	a, ok := s.Get(r.Axis)
	if !ok {
		return Question{}, false
	}
	return a.Question(r.Question)
}

// Resolve parses a reference and checks that it names a question of the set.
func (s Set) Resolve(ref string) (Ref, error) {
	r, err := ParseRef(ref)
	if err != nil {
		return Ref{}, err
	}
	if _, ok := s.Question(r); !ok {
		return Ref{}, &civic.FieldError{Code: civic.CodeUnknownRef, Args: []any{ref}}
	}
	return r, nil
}

// IDs returns the axis IDs, in order.
func (s Set) IDs() []string {
	ids := make([]string, len(s))
	for i, a := range s {
		ids[i] = a.ID
	}
	return ids
}

// Refs returns the reference of every question, axis by axis.
func (s Set) Refs() []Ref {
	var refs []Ref
	for _, a := range s {
		for _, q := range a.Questions {
			refs = append(refs, a.Ref(q.Number))
		}
	}
	return refs
}

// Check records the problems of the set at path: each axis, and unique IDs.
func (s Set) Check(v *civic.ValidationError, path civic.Path) {
	if len(s) > MaxAxes {
		v.Add(path, civic.CodeTooMany, MaxAxes, len(s))
	}
	seen := make(map[string]bool, len(s))
	for i := range s {
		s[i].Check(v, path.Index(i))
		if seen[s[i].ID] && s[i].ID != "" {
			v.Add(path.Index(i).Key("id"), civic.CodeDuplicate, s[i].ID)
		}
		seen[s[i].ID] = true
	}
}

// Validate reports every problem of the set as a [*civic.ValidationError].
func (s Set) Validate() error {
	var v civic.ValidationError
	s.Check(&v, nil)
	return v.Err()
}
