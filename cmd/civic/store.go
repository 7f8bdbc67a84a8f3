package main

import (
	"fmt"
	"os"
	"time"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/contribution"
)

// The store of "civic review": the proposals (the authors' documents, only read), the
// journal (the source of truth: every state is rebuilt from it) and the reviews. Its
// contract, the one contribution.Board documents for platforms:
//
//   - one writer at a time: the command holds an exclusive lock on FILE.lock beside the
//     journal (or the proposals) from reading the store to committing it; a second command
//     waits up to --wait, then fails with store_locked, changing nothing;
//   - nothing half-applied: the reviews are written to a temporary file, synced and renamed
//     first, then the journal the same way: the rename of the journal commits the action.
//     Reviews newer than the journal's last review of their proposal by their reviewer
//     (left by a crash between the two renames) are not in force and are dropped on the next
//     write, with a warning;
//   - success is printed only once both renames are done; the files keep their permissions.

// storeLock is the held lock of a store.
type storeLock struct {
	f    *os.File
	name string
}

// lockStore takes the store's lock, waiting up to wait for another command to finish.
func lockStore(files *reviewFiles, wait time.Duration) (*storeLock, error) {
	base := files.journal
	if base == "" {
		base = files.proposals
	}
	name := base + ".lock"
	f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	deadline := time.Now().Add(wait)
	for {
		busy, err := tryLock(f)
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		if !busy {
			return &storeLock{f: f, name: name}, nil
		}
		if time.Now().After(deadline) {
			f.Close()
			return nil, &civic.FieldError{Code: civic.CodeStoreLocked, Args: []any{name}}
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func (l *storeLock) release() {
	unlock(l.f)
	l.f.Close()
}

// committedReviews keeps the reviews the journal backs: for each proposal and reviewer, the
// review whose time is that of the journal's last review entry. It returns the others.
func committedReviews(reviews []contribution.Review, j *contribution.Journal) (kept, dropped []contribution.Review) {
	last := map[[2]string]time.Time{}
	for _, e := range j.Entries() {
		if e.Action == contribution.ActionReview {
			last[[2]string{e.Proposal, e.Actor}] = e.Time
		}
	}
	for _, r := range reviews {
		if t, ok := last[[2]string{r.Proposal, r.Reviewer}]; ok && t.Equal(r.Updated) {
			kept = append(kept, r)
		} else {
			dropped = append(dropped, r)
		}
	}
	return kept, dropped
}
