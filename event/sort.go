package event

import (
	"slices"
	"strings"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/internal/text"
)

// Sorting by label uses golang.org/x/text/collate with the caller's language, so that
// French labels sort as a French reader expects (« Écosystème » with the E, « Québec » before
// « Rennes »). A collator is not safe for concurrent use: each function builds its own.

// sortByLabel sorts items by label(item) in tag's collation order, stably.
func sortByLabel[T any](items []T, tag language.Tag, label func(T) string) {
	c := collate.New(tag)
	slices.SortStableFunc(items, func(a, b T) int { return c.CompareString(label(a), label(b)) })
}

// SortLabels returns labels sorted in the collation order of tag, leaving labels as is.
func SortLabels(labels []string, tag language.Tag) []string {
	out := slices.Clone(labels)
	sortByLabel(out, tag, func(s string) string { return s })
	return out
}

// RoomsByName returns the event's rooms sorted by their name in tag's language and
// collation order.
func (e *Event) RoomsByName(tag language.Tag) []Room {
	out := slices.Clone(e.Rooms)
	sortByLabel(out, tag, func(r Room) string { return r.Name.Get(tag) })
	return out
}

// Places returns the names, in tag's language, of the distinct places of the calendar's
// activities, sorted in tag's collation order.
func (c *Calendar) Places(tag language.Tag) []string {
	var out []string
	for _, a := range c.Activities {
		if a.Place == nil {
			continue
		}
		if n := a.Place.Name.Get(tag); n != "" && !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	sortByLabel(out, tag, func(s string) string { return s })
	return out
}

// Organisations returns the distinct organisations of the calendar, its own partners and
// those of its activities (the first occurrence of each name, compared without regard to
// case), sorted by name in tag's collation order.
func (c *Calendar) Organisations(tag language.Tag) []civic.Organisation {
	var out []civic.Organisation
	seen := map[string]bool{}
	add := func(ps []Partner) {
		for _, p := range ps {
			k := strings.ToLower(text.Normalize(p.Organisation.Name))
			if !seen[k] {
				seen[k] = true
				out = append(out, p.Organisation)
			}
		}
	}
	add(c.Partners)
	for _, a := range c.Activities {
		add(a.Partners)
	}
	sortByLabel(out, tag, func(o civic.Organisation) string { return o.Name })
	return out
}
