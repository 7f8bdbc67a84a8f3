package fsm

import (
	"testing"
	"time"
)

// The hot path: a guarded transition, as a submit is.
func BenchmarkFire(b *testing.B) {
	d := mustReview(b)
	for b.Loop() {
		if _, err := d.Fire(draft, submit, author, ok); err != nil {
			b.Fatal(err)
		}
	}
}

// A transition without a guard, taken by the second role of its row.
func BenchmarkFireNoGuard(b *testing.B) {
	d := mustReview(b)
	for b.Loop() {
		if _, err := d.Fire(submitted, startReview, admin, ok); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFireGuardRefused(b *testing.B) {
	d := mustReview(b)
	for b.Loop() {
		if _, err := d.Fire(draft, submit, author, lacking); err == nil {
			b.Fatal("want an error")
		}
	}
}

func BenchmarkFireForbidden(b *testing.B) {
	d := mustReview(b)
	for b.Loop() {
		if _, err := d.Fire(submitted, startReview, author, ok); err == nil {
			b.Fatal("want an error")
		}
	}
}

func BenchmarkFireIllegal(b *testing.B) {
	d := mustReview(b)
	for b.Loop() {
		if _, err := d.Fire(published, submit, author, ok); err == nil {
			b.Fatal("want an error")
		}
	}
}

func BenchmarkCan(b *testing.B) {
	d := mustReview(b)
	for b.Loop() {
		if err := d.Can(draft, submit, author, ok); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPermitted(b *testing.B) {
	d := mustReview(b)
	for b.Loop() {
		if len(d.Permitted(underReview, moderator, ok)) != 3 {
			b.Fatal("want 3 actions")
		}
	}
}

// The same transition fired through the stateless machine: what the index saves.
func BenchmarkFireStateless(b *testing.B) {
	d := mustReview(b)
	for b.Loop() {
		if _, _, err := d.fireMachine(draft, submit, author, ok, false); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPermittedStateless(b *testing.B) {
	d := mustReview(b)
	for b.Loop() {
		if got, _ := d.permittedMachine(underReview, moderator, ok); len(got) != 3 {
			b.Fatal("want 3 actions")
		}
	}
}

// What a caller does for one action: check and transition, then a journal append.
func BenchmarkFireJournal(b *testing.B) {
	type entry struct {
		Seq    int
		At     time.Time
		From   state
		To     state
		Action action
		Role   role
	}
	d := mustReview(b)
	journal := make([]entry, 0, 1024)
	seq := 0
	for b.Loop() {
		next, err := d.Fire(draft, submit, author, ok)
		if err != nil {
			b.Fatal(err)
		}
		if len(journal) == cap(journal) {
			journal = journal[:0]
		}
		seq++
		journal = append(journal, entry{Seq: seq, At: time.Now(), From: draft, To: next, Action: submit, Role: author})
	}
}

// Building a definition, probe of every (state, action, role) included.
func BenchmarkNew(b *testing.B) {
	for b.Loop() {
		if _, err := newReview(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDOT(b *testing.B) {
	d := mustReview(b)
	for b.Loop() {
		_ = d.DOT()
	}
}
