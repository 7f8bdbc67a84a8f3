package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/contribution"
)

// reviewFiles are the documents "civic review" works on: the call, the proposals (the
// authors' submissions, a JSON array the command only reads), the decision journal
// (NDJSON: the source of truth for the state of every proposal) and the reviews (a JSON
// array).
type reviewFiles struct {
	call, proposals, journal, reviews string
	event                             string
}

func (f *reviewFiles) register(fs interface {
	StringVar(p *string, name, value, usage string)
}) {
	fs.StringVar(&f.call, "call", "", "call document (default: the built-in 2019 call)")
	fs.StringVar(&f.proposals, "proposals", "", "proposals: a JSON array (required)")
	fs.StringVar(&f.journal, "journal", "", "decision journal, NDJSON (created when missing)")
	fs.StringVar(&f.reviews, "reviews", "", "reviews: a JSON array (created when missing)")
	fs.StringVar(&f.event, "event", "2019-03-18T09:00:00+01:00", "start of the event (RFC 3339)")
}

// load reads the files and checks that the journal replays to the proposals' states.
func (f *reviewFiles) load(warn io.Writer) (*contribution.Board, error) {
	if f.proposals == "" {
		return nil, usagef("--proposals is required")
	}
	c, err := loadCall(f.call)
	if err != nil {
		return nil, err
	}
	data, err := readFile(f.proposals)
	if err != nil {
		return nil, err
	}
	ps, err := contribution.DecodeProposals(data, c)
	if err != nil {
		// Drafts may be incomplete: only decoding problems stop the command.
		for _, fe := range civic.FieldErrors(err) {
			switch fe.Code {
			case civic.CodeSyntax, civic.CodeType, civic.CodeUnknownField, civic.CodeDuplicateKey, civic.CodeInvalidUTF8,
				civic.CodeTooDeep, civic.CodeTooLarge, civic.CodeNumber, civic.CodeInternal:
				return nil, fmt.Errorf("%s: %w", f.proposals, err)
			}
		}
		if len(civic.FieldErrors(err)) == 0 {
			return nil, fmt.Errorf("%s: %w", f.proposals, err)
		}
	}
	opt := contribution.BoardOptions{Journal: &contribution.Journal{}}
	if f.event != "" {
		if opt.Event, err = time.Parse(time.RFC3339, f.event); err != nil {
			return nil, usagef("--event: %v", err)
		}
	}
	if f.journal != "" {
		jf, err := os.Open(f.journal)
		switch {
		case errors.Is(err, os.ErrNotExist):
		case err != nil:
			return nil, err
		default:
			entries, rerr := contribution.ReadJournal(jf)
			jf.Close()
			if rerr != nil {
				return nil, fmt.Errorf("%s: %w", f.journal, rerr)
			}
			j, lerr := contribution.LoadJournal(entries)
			if lerr != nil {
				return nil, fmt.Errorf("%s: %w", f.journal, lerr)
			}
			opt.Journal = j
		}
	}
	if f.reviews != "" {
		data, err := readFile(f.reviews)
		switch {
		case errors.Is(err, os.ErrNotExist):
		case err != nil:
			return nil, err
		default:
			byID := map[string]*contribution.Proposal{}
			for _, p := range ps {
				byID[p.ID] = p
			}
			if opt.Reviews, err = contribution.DecodeReviews(data, c, func(id string) *contribution.Proposal { return byID[id] }); err != nil {
				return nil, fmt.Errorf("%s: %w", f.reviews, err)
			}
			// Reviews the journal does not back were left by a crash before the journal
			// was committed: they are not in force.
			var dropped []contribution.Review
			opt.Reviews, dropped = committedReviews(opt.Reviews, opt.Journal)
			for _, r := range dropped {
				fmt.Fprintf(warn, "%s: %s\n", termSafe(f.reviews), termSafe((&civic.FieldError{Code: civic.CodeStoreMismatch,
					Args: []any{f.reviews, fmt.Sprintf("review of %s by %s at %s not in the journal: dropped", r.Proposal, r.Reviewer, r.Updated.Format(time.RFC3339Nano))}}).Error()))
			}
		}
	}
	return contribution.NewBoard(c, ps, opt)
}

// reviewsOrEmpty writes no reviews as an empty array, which the strict reader of the
// reviews file accepts, rather than null.
func reviewsOrEmpty(rs []contribution.Review) []contribution.Review {
	if rs == nil {
		return []contribution.Review{}
	}
	return rs
}

// save writes the proposals, the journal and the reviews back, each to a temporary file
// renamed over the original once all are written.
func (f *reviewFiles) save(b *contribution.Board) error {
	var done []*staged
	write := func(path string, fill func(io.Writer) error) error {
		if path == "" {
			return nil
		}
		s, err := stage(path, fill)
		if err != nil {
			return err
		}
		done = append(done, s)
		return nil
	}
	jsonOut := func(v any) func(io.Writer) error {
		return func(w io.Writer) error {
			enc := json.NewEncoder(w)
			enc.SetEscapeHTML(false)
			enc.SetIndent("", "  ")
			return enc.Encode(v)
		}
	}
	err := errors.Join(
		write(f.reviews, jsonOut(reviewsOrEmpty(b.Reviews()))),
		write(f.journal, func(w io.Writer) error { _, err := b.Journal().WriteTo(w); return err }),
	)
	if err != nil {
		for _, s := range done {
			s.abort()
		}
		return err
	}
	for i, s := range done {
		if err := s.commit(); err != nil {
			for _, rest := range done[i+1:] {
				rest.abort()
			}
			return err
		}
	}
	return nil
}

// actorFlags are the flags that say who acts.
type actorFlags struct {
	id, role, email, org, conflicts string
}

func (a *actorFlags) register(fs interface {
	StringVar(p *string, name, value, usage string)
}) {
	fs.StringVar(&a.id, "actor", "", "who acts: an identifier (required)")
	fs.StringVar(&a.role, "role", "", "role: author, reviewer, committee or organiser (required)")
	fs.StringVar(&a.email, "email", "", "the actor's e-mail address (authors: defaults to --actor)")
	fs.StringVar(&a.org, "org", "", "the actor's organisation")
	fs.StringVar(&a.conflicts, "conflicts", "", "comma-separated proposals the actor declared a conflict with")
}

func (a *actorFlags) actor() (contribution.Actor, error) {
	if a.id == "" || a.role == "" {
		return contribution.Actor{}, usagef("--actor and --role are required")
	}
	r := contribution.Role(a.role)
	if !r.Valid() {
		return contribution.Actor{}, usagef("unknown role %q (author, reviewer, committee, organiser)", a.role)
	}
	act := contribution.Actor{ID: a.id, Role: r, Email: a.email, Organisation: a.org}
	if act.Email == "" && strings.Contains(a.id, "@") {
		act.Email = a.id
	}
	if a.conflicts != "" {
		act.Conflicts = strings.Split(a.conflicts, ",")
	}
	return act, nil
}

// runReview runs "civic review apply|start|publish|permitted|history".
func runReview(e *env) error {
	if len(e.args) == 0 {
		return usagef("usage: civic review apply|start|publish|permitted|history [FLAGS] [PROPOSAL [ACTION]]")
	}
	sub, args := e.args[0], e.args[1:]
	fs := flags("review " + sub)
	var files reviewFiles
	var who actorFlags
	files.register(fs)
	who.register(fs)
	at := fs.String("at", "", "time of the action, RFC 3339 (default: now)")
	reason := fs.String("reason", "", "reason, kept in the journal")
	byHand := fs.Bool("by-hand", false, "start the review before the deadline")
	version := fs.Int64("version", -1, "version of the proposal the action was prepared on (-1: do not check)")
	scores := fs.String("scores", "", "review scores: criterion=value,… (action review)")
	comment := fs.String("comment", "", "review comment (action review)")
	wait := fs.Duration("wait", 10*time.Second, "how long to wait for another civic review on the same store")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	var when time.Time
	if *at != "" {
		if when, err = time.Parse(time.RFC3339, *at); err != nil {
			return usagef("--at: %v", err)
		}
	}
	if sub == "history" {
		return reviewHistory(e, files.journal, pos)
	}
	if files.proposals == "" {
		return usagef("--proposals is required")
	}
	lock, err := lockStore(&files, *wait)
	if err != nil {
		return reportRefusal(e, err)
	}
	defer lock.release()
	b, err := files.load(e.stderr)
	if err != nil {
		return err
	}
	actor, err := who.actor()
	if err != nil {
		return err
	}
	req := contribution.Request{Actor: actor, At: when, Reason: *reason, ByHand: *byHand}
	if *version >= 0 {
		req.Version = version
	}
	var entries []contribution.Entry
	switch sub {
	case "permitted":
		if len(pos) != 1 {
			return usagef("usage: civic review permitted FLAGS PROPOSAL")
		}
		acts, err := b.Permitted(pos[0], actor, when)
		if err != nil {
			return err
		}
		for _, a := range acts {
			fmt.Fprintln(e.stdout, a)
		}
		return nil
	case "apply":
		if len(pos) != 2 {
			return usagef("usage: civic review apply FLAGS PROPOSAL ACTION")
		}
		id, action := pos[0], contribution.Action(pos[1])
		var ent contribution.Entry
		switch {
		case action == contribution.ActionReview:
			r := contribution.Review{Proposal: id, Comment: *comment}
			for _, kv := range strings.Split(*scores, ",") {
				if kv == "" {
					continue
				}
				k, v, ok := strings.Cut(kv, "=")
				n, err := strconv.Atoi(v)
				if !ok || err != nil {
					return usagef("--scores: %q is not criterion=integer", kv)
				}
				r.Scores = append(r.Scores, contribution.Score{Criterion: k, Value: n})
			}
			ent, err = b.Review(actor, r, req)
		default:
			req.Action = action
			ent, err = b.Act(id, req)
		}
		if err != nil {
			return reportRefusal(e, err)
		}
		entries = append(entries, ent)
	case "start":
		entries, err = b.StartReview(req)
	case "publish":
		entries, err = b.Publish(req)
	default:
		return usagef("unknown subcommand %q (apply, start, publish, permitted, history)", sub)
	}
	if err != nil {
		return reportRefusal(e, err)
	}
	if err := files.save(b); err != nil {
		return err
	}
	for _, ent := range entries {
		printEntry(e, ent)
	}
	fmt.Fprintf(e.stdout, label(e.lang, "tête : %s\n", "head: %s\n"), b.Journal().Head())
	return nil
}

// reportRefusal prints every refusal in err, localised, and returns errInvalid; other
// errors are returned as they are.
func reportRefusal(e *env, err error) error {
	var printed bool
	var walk func(error)
	walk = func(err error) {
		var ae *contribution.ActionError
		if errors.As(err, &ae) && ae.Code != "" {
			fmt.Fprintf(e.stderr, "%s %s %s (%s): %s: %s\n", ae.Proposal, ae.Action, ae.Actor, ae.Role, ae.Code, ae.Localize(e.p))
			printed = true
			if ae.Code == civic.CodeProposalInvalid {
				for _, fe := range civic.FieldErrors(ae.Err) {
					fmt.Fprintf(e.stderr, "  %s %s: %s\n", fe.Path, fe.Code, fe.Localize(e.p))
				}
			}
			return
		}
		if j, ok := err.(interface{ Unwrap() []error }); ok {
			for _, x := range j.Unwrap() {
				walk(x)
			}
			return
		}
		for _, fe := range civic.FieldErrors(err) {
			fmt.Fprintf(e.stderr, "%s %s: %s\n", fe.Path, fe.Code, fe.Localize(e.p))
			printed = true
		}
	}
	walk(err)
	if !printed {
		return err
	}
	return errInvalid
}

func printEntry(e *env, ent contribution.Entry) {
	// Every value written by someone else is escaped: a reason with terminal escapes
	// cannot print a fake line.
	fmt.Fprintf(e.stdout, "%6d  %s  %-8s %-16s %-10s → %-10s %s (%s)", ent.Seq, ent.Time.Format(time.RFC3339), termSafe(ent.Proposal), termSafe(string(ent.Action)), termSafe(string(ent.From)), termSafe(string(ent.To)), termSafe(ent.Actor), termSafe(string(ent.Role)))
	if ent.Reason != "" {
		fmt.Fprintf(e.stdout, " « %s »", termSafe(ent.Reason))
	}
	fmt.Fprintln(e.stdout)
}

// reviewHistory prints a proposal's entries from a verified journal.
func reviewHistory(e *env, journal string, pos []string) error {
	if journal == "" || len(pos) != 1 {
		return usagef("usage: civic review history --journal FILE PROPOSAL")
	}
	f, err := os.Open(journal)
	if err != nil {
		return err
	}
	defer f.Close()
	entries, err := contribution.ReadJournal(f)
	if err == nil {
		err = contribution.VerifyEntries(entries)
	}
	if err != nil {
		return reportRefusal(e, fmt.Errorf("%s: %w", journal, err))
	}
	for _, ent := range entries {
		if ent.Proposal == pos[0] {
			printEntry(e, ent)
		}
	}
	return nil
}
