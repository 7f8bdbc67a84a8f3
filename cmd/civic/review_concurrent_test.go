package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/civic-observatory/civic/contribution"
)

// TestMain lets the test binary stand in for the civic command: with CIVIC_AS_COMMAND=1 it
// runs the command on its arguments and exits, so that a test can start real processes.
func TestMain(m *testing.M) {
	if os.Getenv("CIVIC_AS_COMMAND") == "1" {
		os.Exit(run(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// civicProcess starts the command as a separate process.
func civicProcess(args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "CIVIC_AS_COMMAND=1", "LANG=", "LC_ALL=", "LC_MESSAGES=")
	return cmd
}

// TestReviewConcurrentProcesses runs several civic review processes on one store at once
// (issue 11: 93 of 100 trials lost actions reported as done). Every action a process
// reports done must be in the journal, the journal must verify, and the reviews file must
// agree with it; the files keep their permissions.
func TestReviewConcurrentProcesses(t *testing.T) {
	dir := t.TempDir()
	c, err := contribution.Call2019()
	if err != nil {
		t.Fatal(err)
	}
	ps, err := contribution.Sample2019(c)
	if err != nil {
		t.Fatal(err)
	}
	ps = ps[:12]
	data, _ := json.Marshal(ps)
	props := filepath.Join(dir, "proposals.json")
	journal := filepath.Join(dir, "journal.ndjson")
	reviews := filepath.Join(dir, "reviews.json")
	if err := os.WriteFile(props, data, 0o640); err != nil {
		t.Fatal(err)
	}
	files := []string{"--proposals", props, "--journal", journal, "--reviews", reviews, "--wait", "60s"}
	review := func(args ...string) *exec.Cmd {
		return civicProcess(append(append([]string{"review", args[0]}, files...), args[1:]...)...)
	}
	// Submit every proposal, four processes at a time.
	var mu sync.Mutex
	done := map[string]bool{} // "proposal action" reported done
	runAll := func(cmds map[string]*exec.Cmd) {
		var wg sync.WaitGroup
		for key, cmd := range cmds {
			wg.Go(func() {
				var out, errOut bytes.Buffer
				cmd.Stdout, cmd.Stderr = &out, &errOut
				err := cmd.Run()
				if err == nil {
					mu.Lock()
					done[key] = true
					mu.Unlock()
				} else if cmd.ProcessState == nil || cmd.ProcessState.ExitCode() != 1 {
					t.Errorf("%s: %v\n%s", key, err, errOut.String())
				}
			})
		}
		wg.Wait()
	}
	cmds := map[string]*exec.Cmd{}
	for _, p := range ps {
		author := p.Contributors[0].Email
		cmds[p.ID+" submit"] = review("apply", "--actor", author, "--role", "author", "--at", "2019-01-20T10:00:00+01:00", p.ID, "submit")
	}
	runAll(cmds)
	if err := os.WriteFile(journal+".keep", nil, 0o600); err != nil { // unrelated file, untouched
		t.Fatal(err)
	}
	if out, err := review("start", "--actor", "orga", "--role", "organiser", "--at", "2019-01-26T10:00:00+01:00").CombinedOutput(); err != nil {
		t.Fatalf("start: %v\n%s", err, out)
	}
	done["start"] = true
	// Reviews by two reviewers and decisions, all at once.
	cmds = map[string]*exec.Cmd{}
	for i, p := range ps {
		for _, r := range []string{"rev-a", "rev-b"} {
			cmds[fmt.Sprintf("%s review %s", p.ID, r)] = review("apply", "--actor", r, "--role", "reviewer", "--at", "2019-01-27T10:00:00+01:00",
				"--scores", scoresArg(c, p, i), p.ID, "review")
		}
	}
	runAll(cmds)
	cmds = map[string]*exec.Cmd{}
	for _, p := range ps {
		cmds[p.ID+" accept"] = review("apply", "--actor", "comite", "--role", "committee", "--at", "2019-02-01T10:00:00+01:00", p.ID, "accept")
	}
	runAll(cmds)

	// Every action reported done is in the journal, which verifies; the reviews agree.
	f, err := os.Open(journal)
	if err != nil {
		t.Fatal(err)
	}
	res, err := contribution.VerifyJournal(f, contribution.ReviewWorkflow())
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	jf, _ := os.Open(journal)
	entries, err := contribution.ReadJournal(jf)
	jf.Close()
	if err != nil {
		t.Fatal(err)
	}
	inJournal := map[string]bool{}
	for _, e := range entries {
		key := e.Proposal + " " + string(e.Action)
		if e.Action == contribution.ActionReview {
			key += " " + e.Actor
		}
		if e.Action == contribution.ActionStartReview {
			key = "start"
		}
		inJournal[key] = true
	}
	for key := range done {
		if !inJournal[key] {
			t.Errorf("%s was reported done but is not in the journal", key)
		}
	}
	if want := len(ps)*4 + 1; len(done) != want {
		t.Errorf("%d actions done, want %d (every process eventually took the lock)", len(done), want)
	}
	if res.Entries != len(entries) {
		t.Errorf("%d entries verified, %d read", res.Entries, len(entries))
	}
	var rs []contribution.Review
	rdata, err := os.ReadFile(reviews)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(rdata, &rs); err != nil {
		t.Fatal(err)
	}
	if len(rs) != len(ps)*2 {
		t.Errorf("%d reviews stored, want %d", len(rs), len(ps)*2)
	}
	// The next command accepts the store: files and journal agree.
	out, err := review("permitted", "--actor", "comite", "--role", "committee", ps[0].ID).CombinedOutput()
	if err != nil || !regexp.MustCompile(`accept`).Match(out) {
		t.Errorf("store after the race: %v\n%s", err, out)
	}
	for _, name := range []string{props, journal, reviews} {
		fi, err := os.Stat(name)
		if err != nil {
			t.Fatal(err)
		}
		want := os.FileMode(0o644)
		if name == props {
			want = 0o640
		}
		if fi.Mode().Perm() != want&^umask(t, dir) {
			t.Errorf("%s: mode %v", name, fi.Mode().Perm())
		}
	}
}

// umask returns the process's umask, as a new file in dir shows it.
func umask(t *testing.T, dir string) os.FileMode {
	name := filepath.Join(dir, "umask-probe")
	f, err := os.OpenFile(name, os.O_CREATE|os.O_WRONLY, 0o777)
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	fi, _ := os.Stat(name)
	os.Remove(name)
	return 0o777 &^ fi.Mode().Perm()
}

// scoresArg returns --scores for every criterion of the call that applies to p.
func scoresArg(c *contribution.Call, p *contribution.Proposal, i int) string {
	var kv []string
	for _, k := range c.Criteria {
		if k.AppliesTo(p.Format) {
			kv = append(kv, fmt.Sprintf("%s=%d", k.ID, k.Min+i%(k.Max-k.Min+1)))
		}
	}
	return strings.Join(kv, ",")
}

// TestReviewStoreLocked: a held lock makes a second command fail clearly, changing
// nothing.
func TestReviewStoreLocked(t *testing.T) {
	dir := t.TempDir()
	props := filepath.Join(dir, "proposals.json")
	journal := filepath.Join(dir, "journal.ndjson")
	os.WriteFile(props, []byte("[]"), 0o644)
	files := reviewFiles{proposals: props, journal: journal}
	l, err := lockStore(&files, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer l.release()
	out, err := civicProcess("review", "start", "--proposals", props, "--journal", journal, "--wait", "50ms",
		"--actor", "orga", "--role", "organiser").CombinedOutput()
	if err == nil || !strings.Contains(string(out), "store_locked") {
		t.Errorf("while locked: %v\n%s", err, out)
	}
	if _, err := os.Stat(journal); err == nil {
		t.Error("a journal was written while the store was locked")
	}
}
