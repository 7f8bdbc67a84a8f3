package civic_test

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/contribution"
	"github.com/civic-observatory/civic/event"
	"github.com/civic-observatory/civic/schedule"
)

// edit decodes the JSON file into generic values, applies f and encodes the result.
func edit(t *testing.T, file string, f func(d map[string]any)) []byte {
	t.Helper()
	data, err := os.ReadFile(file)
	require.NoError(t, err)
	var d map[string]any
	require.NoError(t, json.Unmarshal(data, &d))
	f(d)
	out, err := json.Marshal(d)
	require.NoError(t, err)
	return out
}

func hasProblem(t *testing.T, err error, code civic.Code, path string) {
	t.Helper()
	require.Error(t, err)
	for _, fe := range civic.FieldErrors(err) {
		if fe.Code == code && fe.Path.String() == path {
			return
		}
	}
	t.Fatalf("no %s at %s in %v", code, path, err)
}

// One set of text rules for every user-facing string (issue 12: U+202E was refused in
// names but accepted in grid slot titles and a call's own texts, and a title of zero-width
// characters counted as filled in).
func TestOneTextRule(t *testing.T) {
	obj := func(d map[string]any, keys ...any) map[string]any {
		var cur any = d
		for _, k := range keys {
			switch k := k.(type) {
			case string:
				cur = cur.(map[string]any)[k]
			case int:
				cur = cur.([]any)[k]
			}
		}
		return cur.(map[string]any)
	}
	ev, err := event.Journee2019()
	require.NoError(t, err)

	t.Run("call text with U+202E", func(t *testing.T) {
		data := edit(t, "contribution/data/call-2019.json", func(d map[string]any) { obj(d, "title")["fr"] = "Appel \u202eà contributions" })
		_, err := contribution.DecodeCall(data)
		hasProblem(t, err, civic.CodeBidiChar, "title.fr")
	})
	t.Run("call title of invisible characters", func(t *testing.T) {
		data := edit(t, "contribution/data/call-2019.json", func(d map[string]any) { obj(d, "title")["fr"] = "\u200b\u2060\u3164" })
		_, err := contribution.DecodeCall(data)
		hasProblem(t, err, civic.CodeRequired, "title.fr")
	})
	t.Run("slot title with U+202E", func(t *testing.T) {
		data := edit(t, "schedule/data/grid-2019.json", func(d map[string]any) { obj(d, "slots", 0, "title")["fr"] = "Plénière \u202eA" })
		_, err := schedule.DecodeGrid(data, ev)
		hasProblem(t, err, civic.CodeBidiChar, "slots[0].title.fr")
	})
	t.Run("slot title of braille blanks", func(t *testing.T) {
		data := edit(t, "schedule/data/grid-2019.json", func(d map[string]any) { obj(d, "slots", 0, "title")["fr"] = "\u2800\u2800" })
		_, err := schedule.DecodeGrid(data, ev)
		require.Error(t, err)
	})
	t.Run("room name with U+202E", func(t *testing.T) {
		data := edit(t, "event/data/journee-2019.json", func(d map[string]any) { obj(d, "rooms", 0, "name")["fr"] = "Salle \u202eB" })
		_, err := event.Decode(data)
		hasProblem(t, err, civic.CodeBidiChar, "rooms[0].name.fr")
	})
	t.Run("proposal title of zero-width spaces", func(t *testing.T) {
		c, err := contribution.Call2019()
		require.NoError(t, err)
		data, err := os.ReadFile("contribution/data/sample-2019.json")
		require.NoError(t, err)
		var all []map[string]any
		require.NoError(t, json.Unmarshal(data, &all))
		all[0]["title"] = "\u200b\u200b\u200b\u200b\u200b\u200b\u200b\u200b\u200b\u200b"
		one, err := json.Marshal(all[0])
		require.NoError(t, err)
		_, err = contribution.DecodeProposal(one, c)
		hasProblem(t, err, civic.CodeRequired, "title")
	})
}
