package jsondec

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/civic-observatory/civic"
)

// items decodes `[…]` expecting an object in every item.
func items(d *Decoder) {
	if d.Array() {
		for d.More() {
			obj(d)
		}
	}
}

// obj decodes an object, skipping its members.
func obj(d *Decoder) {
	if d.Object() {
		for d.Next() {
		}
	}
}

// A document with thousands of wrong values reports the first MaxProblems of them, then one
// too_many_problems at the root, and validation adds nothing past the cap.
func TestProblemCap(t *testing.T) {
	tests := []struct {
		name     string
		n, max   int
		validate int // validation problems, at paths that decoded fine
		want     int // problems returned
		capped   bool
	}{
		{"under the cap", 10, 0, 0, 10, false},
		{"at the cap", DefaultMaxProblems, 0, 0, DefaultMaxProblems, false},
		{"past the cap", DefaultMaxProblems + 1, 0, 0, DefaultMaxProblems + 1, true},
		{"40,000 wrong items", 40000, 0, 0, DefaultMaxProblems + 1, true},
		{"validation fills the cap", 990, 0, 20, DefaultMaxProblems + 1, true},
		{"validation under the cap", 990, 0, 10, DefaultMaxProblems, false},
		{"custom cap", 50, 5, 0, 6, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := "[" + strings.TrimSuffix(strings.Repeat("1,", tt.n), ",") + "]"
			d := New([]byte(data), Limits{MaxProblems: tt.max})
			items(d)
			d.End()
			err := d.Check(func(v *civic.ValidationError, path civic.Path) {
				for i := range tt.validate {
					v.Add(path.Key("x").Index(i), civic.CodeRequired)
				}
			})
			require.Error(t, err)
			errs := err.(*civic.ValidationError).Errors
			require.Equal(t, tt.want, len(errs))
			last := errs[len(errs)-1]
			if tt.capped {
				require.Equal(t, civic.CodeTooManyProblems, last.Code)
				require.Empty(t, last.Path)
				require.Equal(t, []any{d.Limits().MaxProblems}, last.Args)
			} else {
				require.NotEqual(t, civic.CodeTooManyProblems, last.Code)
			}
			for _, e := range errs[:len(errs)-1] {
				require.NotEqual(t, civic.CodeTooManyProblems, e.Code)
			}
		})
	}
}

// A fatal problem past the cap is still reported: it says why decoding stopped.
func TestProblemCapKeepsFatal(t *testing.T) {
	data := "[" + strings.Repeat("1,", 2*DefaultMaxProblems) + "}"
	d := New([]byte(data), Limits{})
	items(d)
	d.End()
	err := d.Check(func(*civic.ValidationError, civic.Path) { t.Fatal("validated after a syntax error") })
	errs := err.(*civic.ValidationError).Errors
	require.Equal(t, civic.CodeSyntax, errs[len(errs)-2].Code)
	require.Equal(t, civic.CodeTooManyProblems, errs[len(errs)-1].Code)
}

// Validation problems at or under a value that failed to decode are left out, others kept,
// whatever the order of the paths.
func TestCheckLeavesOutProblemsUnderBadValues(t *testing.T) {
	data := `{"a":{"b":1,"bc":{}},"list":[{},1,{},1]}`
	d := New([]byte(data), Limits{})
	if d.Object() {
		for d.Next() {
			switch string(d.Key()) {
			case "a":
				if d.Object() {
					for d.Next() {
						obj(d)
					}
				}
			case "list":
				items(d)
			}
		}
	}
	d.End()
	root := civic.Path(nil)
	err := d.Check(func(v *civic.ValidationError, p civic.Path) {
		v.Add(root.Key("list").Index(3).Key("x"), civic.CodeRequired) // under a bad item
		v.Add(root.Key("a").Key("b"), civic.CodeRequired)             // at a bad value
		v.Add(root.Key("a").Key("bc").Key("x"), civic.CodeRequired)   // kept: "bc" decoded
		v.Add(root.Key("a").Key("b").Key("c"), civic.CodeRequired)    // under a bad value
		v.Add(root.Key("list").Index(2), civic.CodeRequired)          // kept
		v.Add(root.Key("list"), civic.CodeTooFew, 5, 4)               // kept: above the bad items
		v.Add(root.Key("list").Index(1), civic.CodeRequired)          // at a bad item
	})
	var got []string
	for _, e := range err.(*civic.ValidationError).Errors {
		got = append(got, e.Path.String()+" "+string(e.Code))
	}
	require.Equal(t, []string{"a.b type", "list[1] type", "list[3] type", "a.bc.x required", "list[2] required", "list too_few"}, got)

	// A root of the wrong type hides every validation problem.
	d = New([]byte(`1`), Limits{})
	d.Object()
	d.End()
	err = d.Check(func(v *civic.ValidationError, p civic.Path) { v.Add(p.Key("id"), civic.CodeRequired) })
	require.Len(t, err.(*civic.ValidationError).Errors, 1)
}

// An object with more members than MaxMembers reports too_many at its path with the number
// of members, and the members past the limit are skipped without being kept.
func TestTooManyMembers(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"o":{`)
	for i := range 12 {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`"k` + strings.Repeat("x", i) + `":[1,{"a":2}]`)
	}
	b.WriteString(`},"after":true}`)
	d := New([]byte(b.String()), Limits{MaxMembers: 5})
	var names []string
	after := false
	if d.Object() {
		for d.Next() {
			switch string(d.Key()) {
			case "o":
				if d.Object() {
					for d.Next() {
						names = append(names, string(d.Key()))
					}
				}
			case "after":
				after = d.Bool()
			}
		}
	}
	d.End()
	require.Len(t, names, 5)
	require.True(t, after)
	require.Equal(t, []problem{{civic.CodeTooMany, "o"}}, problems(d))
	require.Equal(t, []any{5, 12}, d.Errors().Errors[0].Args)

	// A syntax error past the limit is still one.
	d = New([]byte(`{"a":1,"b":2,"c" 3}`), Limits{MaxMembers: 1})
	walk(d)
	d.End()
	require.Equal(t, civic.CodeSyntax, d.Errors().Errors[0].Code)
}
