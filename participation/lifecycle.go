package participation

import (
	"errors"
	"slices"
	"sync"
	"time"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/internal/fsm"
)

// State is where a device stands in its lifecycle.
type State string

// The states of a device's lifecycle.
const (
	StatePlanned   State = "planned"
	StateOpen      State = "open"
	StateClosed    State = "closed"
	StateSynthesis State = "synthesis"
	StateFeedback  State = "feedback_published"
	StateEvaluated State = "evaluated"
	StateArchived  State = "archived"
)

// States lists every State, in lifecycle order.
func States() []State {
	return []State{StatePlanned, StateOpen, StateClosed, StateSynthesis, StateFeedback, StateEvaluated, StateArchived}
}

// Valid reports whether s is one of [States].
func (s State) Valid() bool { return slices.Contains(States(), s) }

// Action moves a device along its lifecycle.
type Action string

// The actions of the lifecycle.
const (
	ActionOpen     Action = "open"
	ActionClose    Action = "close"
	ActionSynthese Action = "synthesise"
	ActionFeedback Action = "publish_feedback"
	ActionEvaluate Action = "evaluate"
	ActionArchive  Action = "archive"
)

// Actions lists every Action.
func Actions() []Action {
	return []Action{ActionOpen, ActionClose, ActionSynthese, ActionFeedback, ActionEvaluate, ActionArchive}
}

// Agent is who takes a lifecycle action: the organiser runs the device, the evaluator
// evaluates it.
type Agent string

// The agents of the lifecycle.
const (
	AgentOrganiser Agent = "organiser"
	AgentEvaluator Agent = "evaluator"
)

// lifecycleTable is the lifecycle: planned → open → closed → synthesis → feedback
// published → evaluated → archived; a device whose feedback is published may be archived
// without an evaluation.
func lifecycleTable() []fsm.Transition[State, Action, Agent] {
	org, both := []Agent{AgentOrganiser}, []Agent{AgentOrganiser, AgentEvaluator}
	return []fsm.Transition[State, Action, Agent]{
		{From: StatePlanned, Action: ActionOpen, To: StateOpen, Roles: org},
		{From: StateOpen, Action: ActionClose, To: StateClosed, Roles: org},
		{From: StateClosed, Action: ActionSynthese, To: StateSynthesis, Roles: org},
		{From: StateSynthesis, Action: ActionFeedback, To: StateFeedback, Roles: org},
		{From: StateFeedback, Action: ActionEvaluate, To: StateEvaluated, Roles: both},
		{From: StateFeedback, Action: ActionArchive, To: StateArchived, Roles: org},
		{From: StateEvaluated, Action: ActionArchive, To: StateArchived, Roles: org},
	}
}

// lifecycle is built once: the definition is immutable and safe for concurrent use.
var lifecycle = sync.OnceValues(func() (*fsm.Definition[State, Action, Agent, *Device], error) {
	return fsm.New[State, Action, Agent, *Device]("device", StatePlanned, States(), lifecycleTable(), nil)
})

// Lifecycle returns the lifecycle's graph in Graphviz DOT and in Mermaid.
func Lifecycle() (dot, mermaid string, err error) {
	def, err := lifecycle()
	if err != nil {
		return "", "", err
	}
	return def.DOT(), def.Mermaid(), nil
}

// Apply takes the action on the device at the given time, as the actor: the state moves
// and the transition is appended to the history. An illegal action, a wrong actor or a
// time before the last transition returns a [*civic.FieldError] and changes nothing.
func (d *Device) Apply(action Action, actor Agent, at time.Time) error {
	def, err := lifecycle()
	if err != nil {
		return err
	}
	state := d.State
	if state == "" {
		state = StatePlanned
	}
	if !slices.Contains(Actions(), action) {
		return &civic.FieldError{Path: civic.Path{}.Key("state"), Code: civic.CodeUnknownAction, Args: []any{string(action)}}
	}
	if n := len(d.History); n > 0 && at.Before(d.History[n-1].At) {
		return &civic.FieldError{Path: civic.Path{}.Key("history").Index(n), Code: civic.CodeOrder,
			Args: []any{d.History[n-1].At.Format(time.RFC3339), at.Format(time.RFC3339)}}
	}
	next, err := def.Fire(state, action, actor, d)
	if err != nil {
		code, args := civic.CodeIllegalAction, []any{string(action), string(state)}
		if errors.Is(err, fsm.ErrForbidden) {
			code, args = civic.CodeWrongRole, []any{string(actor), string(action), string(state)}
		}
		if errors.Is(err, fsm.ErrUnknownState) {
			code, args = civic.CodeUnknownState, []any{string(state)}
		}
		return &civic.FieldError{Path: civic.Path{}.Key("state"), Code: code, Args: args}
	}
	d.History = append(d.History, Step{At: at, Action: action, From: state, To: next})
	d.State = next
	return nil
}

// Permitted returns the actions the actor may take on the device now, sorted.
func (d *Device) Permitted(actor Agent) []Action {
	def, err := lifecycle()
	if err != nil {
		return nil
	}
	state := d.State
	if state == "" {
		state = StatePlanned
	}
	return def.Permitted(state, actor, d)
}

// checkLifecycle checks the state and, when the device has a history, that the history
// replays to it, in time order.
func (d *Device) checkLifecycle(v *civic.ValidationError, path civic.Path) {
	if !d.State.Valid() {
		enum(v, path.Key("state"), d.State, false)
	}
	def, err := lifecycle()
	if err != nil {
		v.Add(path.Key("state"), civic.CodeInternal, err.Error())
		return
	}
	state := StatePlanned
	for i, s := range d.History {
		p := path.Key("history").Index(i)
		if i > 0 && s.At.Before(d.History[i-1].At) {
			v.Add(p.Key("at"), civic.CodeOrder, d.History[i-1].At.Format(time.RFC3339), s.At.Format(time.RFC3339))
		}
		if s.From != state {
			v.Add(p.Key("from"), civic.CodeIllegalAction, string(s.Action), string(s.From))
			return
		}
		next, err := def.Fire(s.From, s.Action, AgentOrganiser, d)
		if err != nil {
			next, err = def.Fire(s.From, s.Action, AgentEvaluator, d)
		}
		if err != nil || next != s.To {
			v.Add(p.Key("action"), civic.CodeIllegalAction, string(s.Action), string(s.From))
			return
		}
		state = next
	}
	// A survey may report a state without its history; a history must lead to the state.
	if len(d.History) > 0 && d.State.Valid() && state != d.State {
		v.Add(path.Key("state"), civic.CodeReplayMismatch, len(d.History), d.ID, string(d.State), string(state))
	}
}
