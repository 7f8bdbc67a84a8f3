package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"golang.org/x/text/language"
)

func TestEnvLanguage(t *testing.T) {
	tests := []struct {
		lcAll, lang string
		want        language.Tag
	}{
		{"", "fr_FR.UTF-8", language.French},
		{"", "en_US.UTF-8", language.English},
		{"C", "fr_FR.UTF-8", language.English},
		{"fr_CA@euro", "", language.French},
		{"", "", language.English},
		{"", "garbage!!", language.English},
	}
	for _, tt := range tests {
		t.Setenv("LC_ALL", tt.lcAll)
		t.Setenv("LC_MESSAGES", "")
		t.Setenv("LANG", tt.lang)
		assert.Equal(t, tt.want, envLanguage(), "%+v", tt)
	}
}
