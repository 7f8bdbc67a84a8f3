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
	s        *Session
	slot     *Slot
	tables   int // 0: one group
	table    *event.Tables
	avail    int // minutes available to talks (per table when tables > 0)
	used     []int
	members  []*contribution.Proposal
	results  bool  // takes research and field reports (scored for coherence)
	audience int   // the people the session brings into its room (0: unknown)
	points   []int // the instants of the programme the session covers, for speaker conflicts
}

// Build builds the programme of the event from the proposals of cx, placing each
// confirmed proposal at most once in a session that fits its format, within the sessions'
// time and the tables' capacity, with nobody in two places at once. It maximises the
// objective described in the package documentation with a deterministic greedy pass, a
// repair pass and local search, and explains every proposal it leaves out. Proposals that are
// not confirmed are left out with [civic.CodeNotConfirmed].
func Build(cx Context) (*Programme, error) {
	if cx.Event == nil || cx.Grid == nil || cx.Call == nil {
		return nil, ErrContext
	}
	pr := &Programme{Event: cx.Event.ID, Call: cx.Call.ID}
	bins := sessions(cx, pr)

	props := slices.Clone(cx.Proposals)
	slices.SortFunc(props, func(a, b *contribution.Record) int { return cmp.Compare(a.ID, b.ID) })
	busy := speakers{}
	free, take := busy.free, busy.take
	var results, others, left []*contribution.Proposal
	for _, r := range props {
		p := &r.Proposal
		f, ok := cx.Call.Format(p.Format)
		switch {
		case r.State != contribution.StateConfirmed && r.State != contribution.StateScheduled:
			state := string(r.State)
			if state == "" {
				state = string(contribution.StateDraft)
			}
			pr.Unplaced = append(pr.Unplaced, Unplaced{Proposal: p.ID, Code: civic.CodeNotConfirmed, Args: []string{p.ID, state}})
		case !ok:
			pr.Unplaced = append(pr.Unplaced, Unplaced{Proposal: p.ID, Code: civic.CodeFormatNotAccepted, Args: []string{p.Format}})
		case themedHost(bins, f):
			results = append(results, p)
		default:
			others = append(others, p)
		}
	}
	// Contributions for sessions that are not grouped by theme first (pitches,
	// centrifugeuses, posters, workshops): each has few sessions it may go to. A
	// contribution goes to a session built around one of its axes first, then to a session
	// made for its family rather than one open to all, then where its axis is already
	// discussed, then where its family is not yet present; at tables, likewise (see
	// [bin.place]).
	for _, p := range others {
		f, _ := cx.Call.Format(p.Format)
		best, bestTable, bestRank := -1, 0, -1
		for i := range bins {
			b := &bins[i]
			if !b.takes(f, p) || !free(p, b) {
				continue
			}
			table, rank, ok := b.place(p, f.Slot())
			if !ok {
				continue
			}
			if rank > bestRank {
				best, bestTable, bestRank = i, table, rank
			}
		}
		if best < 0 {
			left = append(left, p)
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
			if !b.takes(f, p) || !free(p, b) {
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
			left = append(left, p)
			continue
		}
		bins[best].add(p, f, 0)
		take(p, &bins[best])
	}
	improve(bins, cx.Call, busy)
	left = repair(bins, cx.Call, busy, left)
	improve(bins, cx.Call, busy)
	for _, p := range left {
		pr.Unplaced = append(pr.Unplaced, Unplaced{Proposal: p.ID, Code: civic.CodeNoPlace, Args: []string{p.Format}})
	}
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
		as, _ := a.span()
		bs, _ := b.span()
		if c := cmp.Compare(as, bs); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
	// Speaker conflicts: two slots overlap exactly when both cover the later one's start,
	// so the slots' starts are the instants at which a person may be in one place only
	// (the maximal cliques of the interval graph).
	var starts []int
	for _, sl := range slots {
		st, _ := sl.span()
		starts = append(starts, st)
	}
	slices.Sort(starts)
	starts = slices.Compact(starts)
	points := func(s *Slot) []int {
		st, en := s.span()
		var ps []int
		for i, t := range starts {
			if st <= t && t < en {
				ps = append(ps, i)
			}
		}
		return ps
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
		b := bin{s: s, slot: sl, points: points(sl), avail: sl.Minutes() - sl.Discussion, results: sl.Kind.Themed()}
		if tr, ok := cx.Event.Track(s.Track); ok {
			b.audience = audience(tr)
			if tr.Tables != nil && sl.Kind.Seated() {
				b.tables, b.avail, b.table = tr.Tables.Count, sl.Minutes(), tr.Tables
			}
		}
		b.used = make([]int, max(b.tables, 1))
		bins[i] = b
	}
	return bins
}

// takes reports whether the session may present p, of format f: the session's kind and
// families fit (see [fits]) and, at co-construction tables, the format's table fits the
// track's (see [tableFits]).
func (b *bin) takes(f *contribution.Format, p *contribution.Proposal) bool {
	return fits(b.slot, f, p) && (b.table == nil || tableFits(f, b.table)) && capacityFits(f, b.audience)
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

// themedHost reports whether a session grouped by theme hosts the format.
func themedHost(bins []bin, f *contribution.Format) bool {
	for i := range bins {
		if bins[i].results && bins[i].slot.Hosts(f) {
			return true
		}
	}
	return false
}

// place returns where p, of m minutes, would go in the session and how much the session
// suits it: 16 when the slot is built around one of p's axes (its theme), 8 when the slot
// is made for given families (the holder's, since it takes p), 4 when a talk already
// there shares an axis with p, 2 when p's family is not yet present. At tables, the
// table is chosen the same way — theme first, then diversity of families, then the least
// used —, among those with time left.
func (b *bin) place(p *contribution.Proposal, m int) (table, rank int, ok bool) {
	if len(b.slot.Axes) > 0 && sharesAny(p.Axes, b.slot.Axes) {
		rank += 16
	}
	if len(b.slot.Families) > 0 {
		rank += 8
	}
	theme, fresh := false, true
	for _, q := range b.members {
		theme = theme || sharesAny(p.Axes, q.Axes)
		fresh = fresh && q.Family() != p.Family()
	}
	if theme {
		rank += 4
	}
	if fresh {
		rank += 2
	}
	if b.tables == 0 {
		table, ok = b.room(m)
		return table, rank, ok
	}
	best, bestScore := -1, -1
	for k := range b.used {
		if b.used[k]+m > b.avail {
			continue
		}
		score, fresh := 0, true
		for i, q := range b.members {
			if b.s.Talks[i].Table != k+1 {
				continue
			}
			if sharesAny(p.Axes, q.Axes) {
				score = 4
			}
			fresh = fresh && q.Family() != p.Family()
		}
		if fresh {
			score += 2
		}
		if score > bestScore || score == bestScore && b.used[k] < b.used[best] {
			best, bestScore = k, score
		}
	}
	if best < 0 {
		return 0, 0, false
	}
	return best + 1, rank, true
}

func sharesAny(a, b []string) bool {
	for _, x := range a {
		if slices.Contains(b, x) {
			return true
		}
	}
	return false
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

// speakers counts the talks each person (by e-mail) gives at each instant of the
// programme (see [bin.points]).
type speakers map[string]map[int]int

func (sp speakers) free(p *contribution.Proposal, b *bin) bool {
	for _, c := range p.Contributors {
		for _, t := range b.points {
			if sp[c.Email][t] > 0 {
				return false
			}
		}
	}
	return true
}

func (sp speakers) take(p *contribution.Proposal, b *bin) {
	for _, c := range p.Contributors {
		if sp[c.Email] == nil {
			sp[c.Email] = map[int]int{}
		}
		for _, t := range b.points {
			sp[c.Email][t]++
		}
	}
}

func (sp speakers) release(p *contribution.Proposal, b *bin) {
	for _, c := range p.Contributors {
		for _, t := range b.points {
			sp[c.Email][t]--
		}
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
					if j == i || !dst.results || !dst.takes(f, p) || !busy.free(p, dst) {
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

// repairBudget bounds the work of [repair] (candidate moves examined), so that large
// programmes with many proposals left out for want of room stay fast.
const repairBudget = 2_000_000

// repair places proposals left out for want of room by moving one talk out of a session
// where the proposal fits into another session with room for it. Each such move places one
// more proposal (+100) and costs at most the soft goals of one talk (10 + 5 + 3), so it
// always raises the objective. It returns the proposals still left out, in order.
func repair(bins []bin, c *contribution.Call, busy speakers, left []*contribution.Proposal) []*contribution.Proposal {
	work := 0
	var still []*contribution.Proposal
	for _, p := range left {
		f, _ := c.Format(p.Format)
		if work > repairBudget || !repairOne(bins, c, busy, p, f, &work) {
			still = append(still, p)
		}
	}
	return still
}

// repairOne tries to place p, of format f, directly or by moving one talk away.
func repairOne(bins []bin, c *contribution.Call, busy speakers, p *contribution.Proposal, f *contribution.Format, work *int) bool {
	for di := range bins {
		dst := &bins[di]
		if !dst.takes(f, p) {
			continue
		}
		if busy.free(p, dst) {
			if table, ok := dst.room(f.Slot()); ok {
				dst.add(p, f, table)
				busy.take(p, dst)
				return true
			}
		}
		for k := 0; k < len(dst.members); k++ {
			q, talk := dst.members[k], dst.s.Talks[k]
			fq, _ := c.Format(q.Format)
			// Take q out of dst, and see whether p fits there now.
			busy.release(q, dst)
			dst.remove(q.ID)
			table, ok := dst.room(f.Slot())
			if ok && busy.free(p, dst) {
				for ai := range bins {
					*work++
					alt := &bins[ai]
					if ai == di || !alt.takes(fq, q) || !busy.free(q, alt) {
						continue
					}
					qt, ok := alt.room(fq.Slot())
					if !ok {
						continue
					}
					busy.take(q, alt)
					if !busy.free(p, dst) { // p and q share a speaker and alt overlaps dst
						busy.release(q, alt)
						continue
					}
					alt.add(q, fq, qt)
					dst.add(p, f, table)
					busy.take(p, dst)
					return true
				}
			}
			dst.insert(k, q, talk)
			busy.take(q, dst)
		}
	}
	return false
}

// insert puts back at index k a talk [bin.remove] took out.
func (b *bin) insert(k int, p *contribution.Proposal, t Talk) {
	b.s.Talks = slices.Insert(b.s.Talks, k, t)
	b.members = slices.Insert(b.members, k, p)
	b.used[max(t.Table-1, 0)] += t.Minutes
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
		t.Start = clockAt(next[k]) // after midnight in a session that crosses it
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
