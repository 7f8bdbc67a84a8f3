package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/civic-observatory/civic/contribution"
)

// TestReviewCommands drives the workflow on files: submit, refuse, start, review, decide,
// publish, then verify the journal, show a history and detect tampering.
func TestReviewCommands(t *testing.T) {
	dir := t.TempDir()
	c, err := contribution.Call2019()
	if err != nil {
		t.Fatal(err)
	}
	ps, err := contribution.Sample2019(c)
	if err != nil {
		t.Fatal(err)
	}
	ps = ps[:2]
	data, _ := json.Marshal(ps)
	props := filepath.Join(dir, "proposals.json")
	journal := filepath.Join(dir, "journal.ndjson")
	reviews := filepath.Join(dir, "reviews.json")
	os.WriteFile(props, data, 0o644)
	files := []string{"--proposals", props, "--journal", journal, "--reviews", reviews}
	author := ps[0].Contributors[0].Email
	step := func(want int, args ...string) (string, string) {
		t.Helper()
		code, out, errOut := runCivic(t, "", append(append([]string{"review"}, args[:1]...), append(files, args[1:]...)...)...)
		if code != want {
			t.Fatalf("civic review %v: exit %d, want %d\n%s%s", args, code, want, out, errOut)
		}
		return out, errOut
	}
	step(0, "apply", "--actor", author, "--role", "author", "--at", "2019-01-20T10:00:00+01:00", ps[0].ID, "submit")
	_, errOut := step(1, "apply", "--actor", author, "--role", "author", "--at", "2019-01-26T10:00:00+01:00", ps[0].ID, "confirm")
	if !strings.Contains(errOut, "illegal_action") {
		t.Errorf("refusal: %s", errOut)
	}
	out, _ := step(0, "permitted", "--actor", "orga", "--role", "organiser", "--at", "2019-01-26T10:00:00+01:00", ps[0].ID)
	if strings.TrimSpace(out) != "start_review" {
		t.Errorf("permitted: %q", out)
	}
	step(0, "start", "--actor", "orga", "--role", "organiser", "--at", "2019-01-26T10:00:00+01:00")
	step(1, "apply", "--actor", "rev", "--role", "reviewer", "--scores", "relevance=9", ps[0].ID, "review")
	step(0, "apply", "--actor", "rev", "--role", "reviewer", "--scores", "relevance=4,transparency=3,originality=5", "--comment", "Bien.", ps[0].ID, "review")
	step(0, "apply", "--actor", "comite", "--role", "committee", ps[0].ID, "accept")
	step(0, "publish", "--actor", "comite", "--role", "committee")

	code, out, _ := runCivic(t, "", "journal", "verify", journal)
	if code != 0 || !strings.Contains(out, "head: ") {
		t.Fatalf("journal verify: %d %s", code, out)
	}
	// The published head: printed alone, then checked against the journal and a cut one.
	code, out, _ = runCivic(t, "", "journal", "head", journal)
	head := strings.TrimSpace(out)
	if code != 0 || !regexp.MustCompile(`^\d+:[0-9a-f]{64}$`).MatchString(head) {
		t.Fatalf("journal head: %d %q", code, out)
	}
	code, out, _ = runCivic(t, "", "journal", "verify", "--head", head, journal)
	if code != 0 || !strings.Contains(out, "holds the published head "+head) {
		t.Errorf("verify --head: %d %s", code, out)
	}
	full, _ := os.ReadFile(journal)
	cut := filepath.Join(dir, "cut.ndjson")
	os.WriteFile(cut, full[:bytes.LastIndexByte(full[:len(full)-1], '\n')+1], 0o644)
	if code, _, _ := runCivic(t, "", "journal", "verify", cut); code != 0 {
		t.Errorf("a cut journal verifies alone (the head is what tells): exit %d", code)
	}
	code, out, _ = runCivic(t, "", "journal", "verify", "--head", head, cut)
	if code != 1 || !strings.Contains(out, "head_missing") {
		t.Errorf("cut journal against its head: %d %s", code, out)
	}
	if code, _, _ := runCivic(t, "", "journal", "verify", "--head", "12:xyz", journal); code != 2 {
		t.Errorf("bad --head: exit %d", code)
	}
	code, out, _ = runCivic(t, "", "review", "history", "--journal", journal, ps[0].ID)
	if code != 0 || strings.Count(out, "\n") != 5 || !strings.Contains(out, "publish_accept") {
		t.Errorf("history: %d\n%s", code, out)
	}
	// Tampering is detected and located.
	j, _ := os.ReadFile(journal)
	os.WriteFile(journal, []byte(strings.Replace(string(j), `"actor":"rev"`, `"actor":"eve"`, 1)), 0o644)
	code, out, _ = runCivic(t, "", "--lang", "fr", "journal", "verify", journal)
	if code != 1 || !strings.Contains(out, "#3 hash bad_hash") {
		t.Errorf("tampered journal: %d\n%s", code, out)
	}
	// And the review command refuses to work on it.
	step(2, "apply", "--actor", "comite", "--role", "committee", ps[1].ID, "accept")
}

func TestWorkflowCommand(t *testing.T) {
	for _, f := range []string{"dot", "mermaid"} {
		code, out, _ := runCivic(t, "", "workflow", "--format", f)
		if code != 0 || !strings.Contains(out, "publish_accept") {
			t.Errorf("%s: %d %s", f, code, out)
		}
	}
	if code, _, _ := runCivic(t, "", "workflow", "--format", "svg"); code != 2 {
		t.Errorf("svg: exit %d", code)
	}
}

func TestSelectCommand(t *testing.T) {
	dir := t.TempDir()
	cands := filepath.Join(dir, "c.json")
	os.WriteFile(cands, []byte(`[
		{"id":"a","score":90,"format":"pitch","family":"public"},
		{"id":"b","score":80,"format":"pitch","family":"company","english":true},
		{"id":"c","score":70,"format":"pitch","family":"company"}]`), 0o644)
	code, out, errOut := runCivic(t, "", "select", "--candidates", cands, "--places", "pitch=2", "--family", "company=1:1", "--seed", "x")
	if code != 0 || !strings.Contains(out, "2 proposals selected, total score 170.00") {
		t.Errorf("select: %d\n%s%s", code, out, errOut)
	}
	quotas := filepath.Join(dir, "q.json")
	os.WriteFile(quotas, []byte(`{"places":{"pitch":2},"families":{"public":{"min":2}}}`), 0o644)
	code, _, errOut = runCivic(t, "", "--lang", "fr", "select", "--candidates", cands, "--quotas", quotas)
	if code != 1 || !strings.Contains(errOut, "quota_unmet") || !strings.Contains(errOut, "il manque 1") {
		t.Errorf("infeasible: %d\n%s", code, errOut)
	}
}
