package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civic-observatory/civic/internal/shared"
)

func TestStatsOpenData(t *testing.T) {
	pam := shared.Path(t, "real/civic/decidim_barcelona_pam2016/pam2016_proposals.csv")
	madrid := shared.Path(t, "real/civic/decide_madrid_consul/decide_madrid_proposals_sample80.csv")
	tests := []struct {
		args    []string
		want    []string
		wantErr []string
	}{
		// Acceptance rates by origin and by category, in one command.
		{[]string{"--lang", "en", "stats", "--source", "decidim", pam},
			[]string{"origin \\ category", "Acceptance rate by origin", "citizen           2247     3445  65.22 %", "Justícia global            40       62  64.52 %"},
			[]string{`warning: row[1][13]: unused_column: the column "positive_comments" is not read into the model`}},
		{[]string{"stats", "--source", "decidim", "--format", "csv", "--only", "rates_origin", pam},
			[]string{"category,accepted,decided,rate,accepted_masked,decided_masked,rate_masked\n", "official,1244,1300,0.9569,false,false,false\n"}, nil},
		{[]string{"stats", "--source", "decidim", "--by", "scope,state", "--format", "csv", pam},
			[]string{"scope,state,count,masked,share,denominator\n", "(total),accepted,8142,false,0.749724,10860\n", "(total),(total),10860,false,1.000000,10860\n"}, nil},
		{[]string{"--lang", "fr", "stats", "--source", "consul", "--by", "state,origin", "--k", "1", madrid},
			[]string{"state \\ origin", "archived             74             1     75"}, []string{"avertissement : row[1][0]: unused_column"}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, out, stderr := runCivic(t, "", tt.args...)
			require.Equal(t, 0, code, stderr)
			for _, w := range tt.want {
				assert.Contains(t, out, w)
			}
			for _, w := range tt.wantErr {
				assert.Contains(t, stderr, w)
			}
		})
	}
}

func TestStatsOpenDataProblems(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(s), 0o600))
		return p
	}
	bad := write("bad.csv", "id,state,supports\n1,accepted,many\n2,accepted,3\n")
	code, _, stderr := runCivic(t, "", "--lang", "en", "stats", "--source", "decidim", bad)
	require.Equal(t, 1, code)
	require.Contains(t, stderr, `bad.csv: row[2].supports: number: number many is out of range or not an integer`)
	madrid := write("m.csv", "id,numSupports\n1,3\n")
	code, _, stderr = runCivic(t, "", "--lang", "fr", "stats", "--source", "decidim", madrid)
	require.Equal(t, 1, code)
	require.Contains(t, stderr, `unknown_layout`)
	code, _, stderr = runCivic(t, "", "stats", "--source", "decidim")
	require.Equal(t, 2, code, stderr)
	code, _, stderr = runCivic(t, "", "stats", "--source", "decidim", "--by", "origin,nope", bad)
	require.Equal(t, 2, code, stderr)
	require.Contains(t, stderr, "known: origin, family, category")
}
