package fsm_test

import (
	"errors"
	"fmt"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/internal/fsm"
)

type (
	State  string
	Action string
	Role   string
)

// Draft is the guard context: the document the guards look at.
type Draft struct{ Title string }

// hasTitle is a named guard: it returns the caller's typed error.
func hasTitle(d Draft) error {
	if d.Title == "" {
		return &civic.FieldError{Path: civic.Path{}.Key("title"), Code: civic.CodeRequired}
	}
	return nil
}

func Example() {
	def, err := fsm.New("proposal", "draft",
		[]State{"draft", "submitted", "accepted"},
		[]fsm.Transition[State, Action, Role]{
			{From: "draft", Action: "submit", To: "submitted", Roles: []Role{"author"}, Guard: "has_title"},
			{From: "submitted", Action: "accept", To: "accepted", Roles: []Role{"moderator"}},
		},
		map[string]fsm.Guard[Draft]{"has_title": hasTitle})
	if err != nil {
		panic(err) // a static table: the tests make sure this never happens
	}

	st := def.Initial()
	_, err = def.Fire(st, "submit", "author", Draft{})
	fmt.Println(errors.Is(err, fsm.ErrGuard), civic.ErrorCode(err))

	st, err = def.Fire(st, "submit", "author", Draft{Title: "Budget participatif"})
	fmt.Println(st, err)

	_, err = def.Fire(st, "accept", "author", Draft{})
	fmt.Println(errors.Is(err, fsm.ErrForbidden), err)

	_, err = def.Fire(st, "submit", "author", Draft{})
	fmt.Println(errors.Is(err, fsm.ErrIllegal), err)

	fmt.Println(def.Permitted(st, "moderator", Draft{}))
	// Output:
	// true required
	// submitted <nil>
	// true fsm: proposal: role "author" may not "accept" from state "submitted"
	// true fsm: proposal: no transition "submit" from state "submitted"
	// [accept]
}
