package lp_test

import (
	"bytes"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/civic-observatory/civic/internal/lp"
)

func TestWrite(t *testing.T) {
	tests := []struct {
		name string
		m    lp.Model
		want string
	}{
		{
			name: "knapsack",
			m: lp.Model{
				Comment:   "a knapsack\nof three",
				Objective: []lp.Term{{5, "a"}, {4, "b"}, {-1.5, "c"}},
				Rows:      []lp.Row{{Name: "cap", Terms: []lp.Term{{4, "a"}, {3, "b"}, {2, "c"}}, Bound: 5}, {Name: "empty", Bound: -1}},
				Binary:    []string{"a", "b", "c"},
			},
			want: "\\ a knapsack of three\nMaximize\n obj: + 5 a + 4 b - 1.5 c\nSubject To\n cap: + 4 a + 3 b + 2 c <= 5\n empty: 0 a <= -1\nBinary\n a\n b\n c\nEnd\n",
		},
		{
			name: "empty",
			m:    lp.Model{},
			want: "Maximize\n obj: 0 dummy\nSubject To\nEnd\n",
		},
		{
			name: "long rows wrap",
			m:    lp.Model{Objective: []lp.Term{{1, "x0"}, {1, "x1"}, {1, "x2"}, {1, "x3"}, {1, "x4"}, {1, "x5"}, {1, "x6"}, {1, "x7"}, {1, "x8"}}},
			want: "Maximize\n obj: + 1 x0 + 1 x1 + 1 x2 + 1 x3 + 1 x4 + 1 x5 + 1 x6 + 1 x7\n  + 1 x8\nSubject To\nEnd\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			require.NoError(t, tt.m.Write(&b))
			if d := cmp.Diff(tt.want, b.String()); d != "" {
				t.Errorf("LP (-want +got):\n%s", d)
			}
		})
	}
}

func TestName(t *testing.T) {
	tests := []struct{ prefix, text, want string }{
		{"q0_", "places_research", "q0_places_research"},
		{"q1_", "families/public min", "q1_families_public_min"},
		{"q2_", "axe 2 – é", "q2_axe_2_______"},
		{"", "", ""},
	}
	for _, tt := range tests {
		require.Equal(t, tt.want, lp.Name(tt.prefix, tt.text), "%q %q", tt.prefix, tt.text)
	}
}
