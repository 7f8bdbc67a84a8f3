package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	var out bytes.Buffer
	if err := run(&out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"120 devices from", "Evaluation format by kind of device", "participatory_budget",
		"Median participation rate by size of territory:", "1: <10k", "Cost per participant: open source",
		"total variation distance", "60+"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}
