package fsm

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
)

// The graphs are generated from the definition's own table, not with stateless's ToGraph,
// which misses dynamic edges, points its initial arrow at the current state and labels
// guards with Go function names.

// edges returns the table sorted by (From, Action, To), each with its roles sorted.
func (d *Definition[S, T, R, C]) edges() []Transition[S, T, R] {
	out := d.Table()
	for _, tr := range out {
		slices.Sort(tr.Roles)
	}
	slices.SortStableFunc(out, func(a, b Transition[S, T, R]) int {
		return cmp.Or(cmp.Compare(a.From, b.From), cmp.Compare(a.Action, b.Action), cmp.Compare(a.To, b.To))
	})
	return out
}

// sortedStates returns the states sorted by name, and which have no outgoing transition.
func (d *Definition[S, T, R, C]) sortedStates() ([]S, map[S]bool) {
	states := slices.Sorted(slices.Values(d.states))
	final := make(map[S]bool, len(states))
	for _, s := range states {
		final[s] = true
	}
	for _, tr := range d.table {
		delete(final, tr.From)
	}
	return states, final
}

// label is "action [role, role]", "action [internal]" for a row with no roles, and then
// sep + "if guard" when the row has a guard.
func label[S, T, R ~string](tr Transition[S, T, R], sep string) string {
	var b strings.Builder
	b.WriteString(string(tr.Action))
	b.WriteString(" [")
	if len(tr.Roles) == 0 {
		b.WriteString("internal")
	}
	for i, r := range tr.Roles {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(string(r))
	}
	b.WriteString("]")
	if tr.Guard != "" {
		b.WriteString(sep)
		b.WriteString("if ")
		b.WriteString(tr.Guard)
	}
	return b.String()
}

// DOT returns the workflow as a Graphviz digraph. The output is deterministic: states and
// edges are sorted by name. A point marks the initial state, a double border the states
// with no way out; each edge is labelled "action [roles]" and, on a second line, "if guard";
// internal transitions (no roles) are dashed.
func (d *Definition[S, T, R, C]) DOT() string {
	states, final := d.sortedStates()
	start := "__start"
	for slices.Contains(d.states, S(start)) {
		start += "_"
	}
	var b strings.Builder
	b.WriteString("digraph " + dotQuote(d.name) + " {\n")
	b.WriteString("\trankdir=LR;\n")
	b.WriteString("\tnode [shape=box, style=rounded];\n")
	b.WriteString("\t" + dotQuote(start) + " [shape=point, label=\"\"];\n")
	b.WriteString("\t" + dotQuote(start) + " -> " + dotQuote(string(d.initial)) + ";\n")
	for _, s := range states {
		b.WriteString("\t" + dotQuote(string(s)))
		if final[s] {
			b.WriteString(" [peripheries=2]")
		}
		b.WriteString(";\n")
	}
	for _, tr := range d.edges() {
		b.WriteString("\t" + dotQuote(string(tr.From)) + " -> " + dotQuote(string(tr.To)))
		b.WriteString(" [label=" + dotQuote(label(tr, "\n")))
		if len(tr.Roles) == 0 {
			b.WriteString(", style=dashed")
		}
		b.WriteString("];\n")
	}
	b.WriteString("}\n")
	return b.String()
}

// dotQuote returns s as a DOT double-quoted ID: quotes and backslashes escaped, line feeds
// written \n.
func dotQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"', '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// Mermaid returns the workflow as a Mermaid stateDiagram-v2, titled with the definition's
// name. The output is deterministic: states and edges are sorted by name. [*] marks the
// initial state and the states with no way out; each edge is labelled
// "action [roles] if guard".
func (d *Definition[S, T, R, C]) Mermaid() string {
	states, final := d.sortedStates()
	ids := make(map[S]string, len(states))
	var b strings.Builder
	b.WriteString("---\ntitle: " + strconv.Quote(d.name) + "\n---\n")
	b.WriteString("stateDiagram-v2\n")
	b.WriteString("    direction LR\n")
	for _, s := range states {
		if mermaidID(string(s)) {
			ids[s] = string(s)
			continue
		}
		ids[s] = "s" + strconv.Itoa(int(d.stateIdx[s]))
		b.WriteString("    state " + strconv.Quote(mermaidText(string(s))) + " as " + ids[s] + "\n")
	}
	b.WriteString("    [*] --> " + ids[d.initial] + "\n")
	for _, tr := range d.edges() {
		b.WriteString("    " + ids[tr.From] + " --> " + ids[tr.To] + ": " + mermaidText(label(tr, " ")) + "\n")
	}
	for _, s := range states {
		if final[s] {
			b.WriteString("    " + ids[s] + " --> [*]\n")
		}
	}
	return b.String()
}

// mermaidID reports whether s can be used as a Mermaid state id as it is: ASCII letters,
// digits and underscores, starting with a letter, and no keyword.
func mermaidID(s string) bool {
	if s == "" || !('a' <= s[0] && s[0] <= 'z' || 'A' <= s[0] && s[0] <= 'Z') {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_') {
			return false
		}
	}
	switch s {
	case "state", "note", "end", "direction", "class", "classDef", "style", "as", "s", "stateDiagram", "TB", "LR":
		return false
	}
	return !(s[0] == 's' && isDigits(s[1:])) // reserved for generated ids
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// mermaidText escapes the characters that end or break a Mermaid label.
func mermaidText(s string) string {
	return strings.NewReplacer("#", "#35;", ":", "#58;", ";", "#59;", `"`, "#quot;", "\n", " ", "\r", "").Replace(s)
}
