package schedule_test

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/contribution"
	"github.com/civic-observatory/civic/event"
	"github.com/civic-observatory/civic/schedule"
)

// FuzzBuild schedules fuzzed instances (a subset of the sample, states, shared speakers,
// the Journée's grid, staggered slots, three days across midnight, or the Rencontres 2027
// with its formats hosted by their sessions) and asserts the checker's verdict on the result:
// whatever the input, Build never panics, places no proposal twice, explains every
// proposal it leaves out, and builds a programme the checker accepts.
func FuzzBuild(f *testing.F) {
	contexts := []schedule.Context{journee(f), staggered(f), threeDays(f, "ct-2027"), rencontres(f)}
	f.Add([]byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, uint8(0))
	f.Add([]byte{0xff, 0x10, 0x21, 0x32, 0x43, 0x54, 0x65, 0x76, 0x87, 0x98, 0xa9, 0xba}, uint8(1))
	f.Add([]byte{0x05, 0x46, 0x87, 0xc8, 0x09, 0x4a, 0x8b, 0xcc, 0x0d, 0x4e}, uint8(2))
	f.Add([]byte{0x01, 0x42, 0x83, 0xc4, 0x25, 0x66, 0xa7, 0xe8, 0x29, 0x1a, 0x1b, 0x1c}, uint8(3))
	f.Fuzz(func(t *testing.T, plan []byte, which uint8) {
		cx := contexts[int(which)%len(contexts)]
		all := cx.Proposals
		cx.Proposals = nil
		seen := map[string]bool{}
		for k, b := range plan {
			src := all[int(b)%len(all)]
			if seen[src.ID] {
				continue
			}
			seen[src.ID] = true
			q := *src
			q.Contributors = slices.Clone(src.Contributors)
			switch b >> 6 {
			case 1: // shares a speaker with an earlier proposal
				if len(cx.Proposals) > 0 {
					q.Contributors[0].Email = cx.Proposals[k%len(cx.Proposals)].Contributors[0].Email
				}
			case 2:
				q.State = contribution.StateAccepted
			case 3:
				q.Contributors = append(q.Contributors, q.Contributors[0]) // the same person twice
			}
			cx.Proposals = append(cx.Proposals, &q)
		}
		pr, err := schedule.Build(cx)
		if err != nil {
			t.Fatal(err)
		}
		if err := pr.Validate(cx); err != nil {
			t.Fatalf("the built programme fails the checker: %v", err)
		}
		placed := map[string]bool{}
		for _, s := range pr.Sessions {
			for _, tk := range s.Talks {
				placed[tk.Proposal] = true
			}
		}
		for _, u := range pr.Unplaced {
			if placed[u.Proposal] || !u.Code.Valid() {
				t.Fatalf("unplaced %v", u)
			}
			placed[u.Proposal] = true
		}
		if len(placed) != len(cx.Proposals) {
			t.Fatalf("%d proposals, %d placed or explained", len(cx.Proposals), len(placed))
		}
	})
}

// FuzzCheck edits a built programme of the Journée by hand, as an organiser would (moving,
// retiming, resizing, duplicating talks, changing tables and rooms), and checks the
// checker: it never panics, reports only known codes, and when it accepts the programme,
// independent checks agree: no proposal twice, talks inside their slot, no one in two
// places at once, no room holding two sessions at once.
func FuzzCheck(f *testing.F) {
	cx := journee(f)
	base, err := schedule.Build(cx)
	if err != nil {
		f.Fatal(err)
	}
	data, _ := json.Marshal(base)
	f.Add([]byte{0, 1, 2, 3})
	f.Add([]byte{1, 5, 7, 2, 0, 3, 4, 1, 9})
	f.Add([]byte{5, 2, 3, 200, 6, 4, 4, 4})
	props := map[string]*contribution.Record{}
	for _, p := range cx.Proposals {
		props[p.ID] = p
	}
	f.Fuzz(func(t *testing.T, ops []byte) {
		var pr schedule.Programme
		if err := json.Unmarshal(data, &pr); err != nil {
			t.Fatal(err)
		}
		for len(ops) >= 3 {
			op, a, b := ops[0]%7, int(ops[1]), int(ops[2])
			ops = ops[3:]
			s := &pr.Sessions[a%len(pr.Sessions)]
			d := &pr.Sessions[b%len(pr.Sessions)]
			switch op {
			case 0: // move a talk to another session
				if len(s.Talks) > 0 {
					tk := s.Talks[b%len(s.Talks)]
					s.Talks = slices.Delete(s.Talks, b%len(s.Talks), b%len(s.Talks)+1)
					d.Talks = append(d.Talks, tk)
				}
			case 1: // retime a talk
				if len(s.Talks) > 0 {
					s.Talks[a%len(s.Talks)].Start = event.At(8+b%12, b%60)
				}
			case 2: // resize a talk
				if len(s.Talks) > 0 {
					s.Talks[a%len(s.Talks)].Minutes = b - 20
				}
			case 3: // duplicate a talk
				if len(s.Talks) > 0 {
					d.Talks = append(d.Talks, s.Talks[0])
				}
			case 4: // change a table
				if len(s.Talks) > 0 {
					s.Talks[a%len(s.Talks)].Table = b % 9
				}
			case 5: // change a room
				d.Room = s.Room
			case 6: // change a slot
				d.Slot = s.Slot
			}
		}
		err := pr.Validate(cx)
		for _, e := range civic.FieldErrors(err) {
			if !e.Code.Valid() {
				t.Fatalf("unknown code %q", e.Code)
			}
		}
		if err != nil {
			return
		}
		// Accepted: check independently.
		type span struct{ start, end int }
		seen := map[string]bool{}
		busy := map[string][]span{}
		rooms := map[string][]span{}
		for _, s := range pr.Sessions {
			sl, ok := cx.Grid.Slot(s.Slot)
			if !ok {
				t.Fatalf("session %s: unknown slot accepted", s.ID)
			}
			if s.Room != "" && sl.End != nil {
				sp := span{sl.Start.Minutes(), sl.End.Minutes()}
				for _, o := range rooms[s.Room] {
					if sp.start < o.end && o.start < sp.end {
						t.Fatalf("room %s used twice at once, accepted", s.Room)
					}
				}
				rooms[s.Room] = append(rooms[s.Room], sp)
			}
			for _, tk := range s.Talks {
				if seen[tk.Proposal] {
					t.Fatalf("proposal %s twice, accepted", tk.Proposal)
				}
				seen[tk.Proposal] = true
				sp := span{tk.Start.Minutes(), tk.Start.Minutes() + tk.Minutes}
				if sp.start < sl.Start.Minutes() || sl.End != nil && sp.end > sl.End.Minutes() {
					t.Fatalf("talk %s outside its slot, accepted", tk.Proposal)
				}
				for _, c := range props[tk.Proposal].Contributors {
					for _, o := range busy[c.Email] {
						if sp.start < o.end && o.start < sp.end {
							t.Fatalf("%s in two places at once, accepted", c.Email)
						}
					}
				}
				for _, c := range props[tk.Proposal].Contributors {
					busy[c.Email] = append(busy[c.Email], sp)
				}
			}
		}
	})
}
