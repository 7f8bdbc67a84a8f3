package schedule

import (
	"cmp"
	"errors"
	"slices"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/contribution"
	"github.com/civic-observatory/civic/event"
)

// Weights of the objective the scheduler maximises (see the package documentation).
const (
	WeightPlaced   = 100 // each contribution placed
	WeightCoherent = 10  // each talk of a round table or workshop on the session's axis
	WeightDiverse  = 5   // each family of actors present in a round table or workshop
	WeightGrouped  = 3   // each talk of a round table or workshop in the session's language
)

// ErrContext is returned by [Build] when the context lacks the event, the grid or the call.
var ErrContext = errors.New("schedule: the context needs an event, a grid and a call")

// session is the scheduler's view of a session.
type bin struct {
	s       *Session
	slot    *Slot
	tables  int // 0: one group
	avail   int // minutes available to talks (per table when tables > 0)
	used    []int
	members []*contribution.Proposal
	results bool // takes research and field reports (scored for coherence)
	block   int  // index of the time window, for speaker conflicts
}

// Build builds the programme of the event from the proposals of cx, placing each
// confirmed proposal at most once in a session that fits its format, within the sessions'
// time and the tables' capacity, with nobody in two places at once. It maximises the
// objective described in the package documentation with a deterministic greedy pass
// followed by local search, and explains every proposal it leaves out. Proposals that are
// not confirmed are left out with [civic.CodeNotConfirmed].
func Build(cx Context) (*Programme, error) {
	if cx.Event == nil || cx.Grid == nil || cx.Call == nil {
		return nil, ErrContext
	}
	pr := &Programme{Event: cx.Event.ID, Call: cx.Call.ID}
	bins := sessions(cx, pr)

	props := slices.Clone(cx.Proposals)
	slices.SortFunc(props, func(a, b *contribution.Proposal) int { return cmp.Compare(a.ID, b.ID) })
	busy := speakers{}
	free, take := busy.free, busy.take
	var results, others []*contribution.Proposal
	for _, p := range props {
		f, ok := cx.Call.Format(p.Format)
		switch {
		case p.State != contribution.StateConfirmed && p.State != contribution.StateScheduled:
			state := string(p.State)
			if state == "" {
				state = string(contribution.StateDraft)
			}
			pr.Unplaced = append(pr.Unplaced, Unplaced{Proposal: p.ID, Code: civic.CodeNotConfirmed, Args: []string{p.ID, state}})
		case !ok:
			pr.Unplaced = append(pr.Unplaced, Unplaced{Proposal: p.ID, Code: civic.CodeFormatNotAccepted, Args: []string{p.Format}})
		case f.Section == contribution.SectionResults:
			results = append(results, p)
		default:
			others = append(others, p)
		}
	}
	// Pitches and centrifugeuses first: each has few sessions it may go to. A
	// centrifugeuse prefers a session for its family over one open to all.
	for _, p := range others {
		f, _ := cx.Call.Format(p.Format)
		best, bestTable, bestRank := -1, 0, 0
		for i := range bins {
			b := &bins[i]
			if !fits(b.slot, f, p) || !free(p, b) {
				continue
			}
			table, ok := b.room(f.Slot())
			if !ok {
				continue
			}
			rank := 2
			if len(b.slot.Families) == 0 {
				rank = 1
			}
			if rank > bestRank {
				best, bestTable, bestRank = i, table, rank
			}
		}
		if best < 0 {
			pr.Unplaced = append(pr.Unplaced, Unplaced{Proposal: p.ID, Code: civic.CodeNoPlace, Args: []string{p.Format}})
			continue
		}
		bins[best].add(p, f, bestTable)
		take(p, &bins[best])
	}
	// Research presentations and field reports: English ones first so they can be grouped,
	// then by axis, so that sessions fill axis by axis.
	slices.SortStableFunc(results, func(a, b *contribution.Proposal) int {
		if c := cmp.Compare(langRank(a), langRank(b)); c != 0 {
			return c
		}
		return cmp.Compare(firstAxis(a), firstAxis(b))
	})
	for _, p := range results {
		f, _ := cx.Call.Format(p.Format)
		best, bestGain := -1, 0
		for i := range bins {
			b := &bins[i]
			if !fits(b.slot, f, p) || !free(p, b) {
				continue
			}
			if _, ok := b.room(f.Slot()); !ok {
				continue
			}
			gain := b.gain(p, f)
			if best < 0 || gain > bestGain {
				best, bestGain = i, gain
			}
		}
		if best < 0 {
			pr.Unplaced = append(pr.Unplaced, Unplaced{Proposal: p.ID, Code: civic.CodeNoPlace, Args: []string{p.Format}})
			continue
		}
		bins[best].add(p, f, 0)
		take(p, &bins[best])
	}
	improve(bins, cx.Call, busy)
	for i := range bins {
		bins[i].finish()
	}
	return pr, nil
}

// sessions lays out one session per slot and room (one per slot for slots of every
// track), in time order.
func sessions(cx Context, pr *Programme) []bin {
	slots := make([]*Slot, len(cx.Grid.Slots))
	for i := range cx.Grid.Slots {
		slots[i] = &cx.Grid.Slots[i]
	}
	slices.SortStableFunc(slots, func(a, b *Slot) int {
		if c := a.Start.Compare(b.Start); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
	// Time windows: slots that overlap share a window for speaker conflicts.
	window := func(s *Slot) int {
		for i, o := range slots {
			if o.Overlaps(s) {
				return i
			}
		}
		return 0
	}
	for _, sl := range slots {
		if len(sl.Tracks) == 0 {
			pr.Sessions = append(pr.Sessions, Session{ID: sl.ID, Slot: sl.ID})
			continue
		}
		for _, tid := range sl.Tracks {
			tr, _ := cx.Event.Track(tid)
			rooms := tr.Rooms
			if len(rooms) == 0 {
				rooms = []string{""}
			}
			for _, r := range rooms {
				id := sl.ID
				if len(sl.Tracks) > 1 {
					id += "-" + tid
				}
				if len(rooms) > 1 {
					id += "-" + r
				}
				pr.Sessions = append(pr.Sessions, Session{ID: id, Slot: sl.ID, Track: tid, Room: r})
			}
		}
	}
	bins := make([]bin, len(pr.Sessions))
	for i := range pr.Sessions {
		s := &pr.Sessions[i]
		sl, _ := cx.Grid.Slot(s.Slot)
		b := bin{s: s, slot: sl, block: window(sl), avail: sl.Minutes() - sl.Discussion,
			results: sl.Kind == KindRoundTable || sl.Kind == KindExperience}
		if tr, ok := cx.Event.Track(s.Track); ok && tr.Tables != nil && sl.Kind == KindCoBuild {
			b.tables, b.avail = tr.Tables.Count, sl.Minutes()
		}
		b.used = make([]int, max(b.tables, 1))
		bins[i] = b
	}
	return bins
}

// room returns the table (0 without tables) with room for a talk of m minutes: the least
// used one.
func (b *bin) room(m int) (int, bool) {
	best := 0
	for t := range b.used {
		if b.used[t] < b.used[best] {
			best = t
		}
	}
	if b.used[best]+m > b.avail {
		return 0, false
	}
	if b.tables == 0 {
		return 0, true
	}
	return best + 1, true
}

func (b *bin) add(p *contribution.Proposal, f *contribution.Format, table int) {
	t := Talk{Proposal: p.ID, Title: p.Title, Format: p.Format, Language: p.Language, Minutes: f.Slot(), Table: table}
	for _, c := range p.Contributors {
		sk := Speaker{Name: c.Name}
		if c.Organisation != nil {
			sk.Organisation = c.Organisation.Name
		}
		t.Speakers = append(t.Speakers, sk)
	}
	b.s.Talks = append(b.s.Talks, t)
	b.members = append(b.members, p)
	b.used[max(table-1, 0)] += t.Minutes
}

// remove takes the talk of proposal id out of the session.
func (b *bin) remove(id string) {
	i := slices.IndexFunc(b.s.Talks, func(t Talk) bool { return t.Proposal == id })
	if i < 0 {
		return
	}
	b.used[max(b.s.Talks[i].Table-1, 0)] -= b.s.Talks[i].Minutes
	b.s.Talks = slices.Delete(b.s.Talks, i, i+1)
	b.members = slices.Delete(b.members, i, i+1)
}

// gain is the increase of the session's score if p joins it (times 100), plus a
// preference below 100 for emptier sessions, which balances the blocks.
func (b *bin) gain(p *contribution.Proposal, f *contribution.Format) int {
	before := sessionScore(b.members, b.results)
	after := sessionScore(append(slices.Clip(b.members), p), b.results)
	pref := 99 - 99*b.used[0]/max(b.avail, 1) // emptier sessions first: balance across blocks
	return 100*(after-before) + pref
}

// speakers counts the talks each person (by e-mail) gives in each time window.
type speakers map[string]map[int]int

func (sp speakers) free(p *contribution.Proposal, b *bin) bool {
	for _, c := range p.Contributors {
		if sp[c.Email][b.block] > 0 {
			return false
		}
	}
	return true
}

func (sp speakers) take(p *contribution.Proposal, b *bin) {
	for _, c := range p.Contributors {
		if sp[c.Email] == nil {
			sp[c.Email] = map[int]int{}
		}
		sp[c.Email][b.block]++
	}
}

func (sp speakers) release(p *contribution.Proposal, b *bin) {
	for _, c := range p.Contributors {
		sp[c.Email][b.block]--
	}
}

// improve moves talks of research presentations and field reports between sessions while
// a move raises the objective, at most a bounded number of passes.
func improve(bins []bin, c *contribution.Call, busy speakers) {
	for pass := 0; pass < 20; pass++ {
		moved := false
		for i := range bins {
			src := &bins[i]
			if !src.results {
				continue
			}
			for k := 0; k < len(src.members); k++ {
				p := src.members[k]
				f, _ := c.Format(p.Format)
				without := slices.Delete(slices.Clone(src.members), k, k+1)
				loss := sessionScore(src.members, true) - sessionScore(without, true)
				busy.release(p, src)
				best, bestGain := -1, loss
				for j := range bins {
					dst := &bins[j]
					if j == i || !dst.results || !fits(dst.slot, f, p) || !busy.free(p, dst) {
						continue
					}
					if _, ok := dst.room(f.Slot()); !ok {
						continue
					}
					g := sessionScore(append(slices.Clip(dst.members), p), true) - sessionScore(dst.members, true)
					if g > bestGain {
						best, bestGain = j, g
					}
				}
				if best < 0 {
					busy.take(p, src)
					continue
				}
				src.remove(p.ID)
				bins[best].add(p, f, 0)
				busy.take(p, &bins[best])
				moved = true
				k--
			}
		}
		if !moved {
			return
		}
	}
}

// finish sets the talks' times and the session's axis.
func (b *bin) finish() {
	next := make([]int, max(b.tables, 1))
	for i := range next {
		next[i] = b.slot.Start.Minutes()
	}
	for i := range b.s.Talks {
		t := &b.s.Talks[i]
		k := max(t.Table-1, 0)
		t.Start = event.At(next[k]/60, next[k]%60)
		next[k] += t.Minutes
	}
	if b.results {
		b.s.Axis = axisOf(b.members)
	}
}

func langRank(p *contribution.Proposal) int {
	if p.Language == "en" {
		return 0
	}
	return 1
}

func firstAxis(p *contribution.Proposal) string {
	if len(p.Axes) == 0 {
		return ""
	}
	return p.Axes[0]
}
