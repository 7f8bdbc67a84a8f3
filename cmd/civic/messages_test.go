package main

import (
	"testing"

	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"
)

// TestCLIMessages checks the plural forms of the command's counted messages.
func TestCLIMessages(t *testing.T) {
	tests := []struct {
		tag  language.Tag
		key  string
		args []any
		want string
	}{
		{language.English, msgRecords, []any{1, 1, 0}, "1 record: 1 valid, 0 invalid"},
		{language.English, msgRecords, []any{2, 1, 1}, "2 records: 1 valid, 1 invalid"},
		{language.French, msgRecords, []any{1, 0, 1}, "1 enregistrement : 0 valide, 1 invalide"},
		{language.French, msgRecords, []any{3, 2, 1}, "3 enregistrements : 2 valides, 1 invalide"},
		{language.French, msgRecords, []any{1200, 1200, 0}, "1\u00a0200 enregistrements : 1\u00a0200 valides, 0 invalide"},
		{language.English, msgUnreadable, []any{1}, "1 file could not be read"},
		{language.English, msgUnreadable, []any{2}, "2 files could not be read"},
		{language.French, msgUnreadable, []any{1}, "1 fichier illisible"},
		{language.French, msgUnreadable, []any{2}, "2 fichiers illisibles"},
	}
	for _, tt := range tests {
		require.Equal(t, tt.want, newPrinter(tt.tag).Sprintf(tt.key, tt.args...), "%v %q %v", tt.tag, tt.key, tt.args)
	}
}
