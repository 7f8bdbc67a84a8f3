// Package lp writes linear programs in the CPLEX LP format, which GLPK's glpsol
// (`glpsol --lp FILE -o OUT`), CPLEX, Gurobi, HiGHS and SCIP all read.
//
// The domain packages use it to export the exact models behind their heuristics and
// solvers (contribution's selection, schedule's programme) so that an independent solver
// can check them. A [Model] maximises a linear objective under constraints Σ a·x ≤ b over
// variables that are either binary or continuous and non-negative; that is all the house
// needs, and all this writer offers.
package lp

import (
	"bufio"
	"io"
	"strconv"
	"strings"
)

// Term is one coefficient times one variable.
type Term struct {
	Coef float64
	Var  string
}

// Row is the constraint Σ Terms ≤ Bound, named Name (see [Name] for the allowed bytes).
// A row without terms is written as 0 times the model's first variable.
type Row struct {
	Name  string
	Terms []Term
	Bound float64
}

// Model is a linear program: maximise Σ Objective subject to every row. Variables listed in
// Binary take 0 or 1; the others are continuous and non-negative, the LP format's default.
type Model struct {
	Comment   string // written as a first `\` comment line when not empty
	Objective []Term
	Rows      []Row
	Binary    []string
}

// termsPerLine bounds the length of the lines written (the LP format limits lines to 255
// or 510 bytes depending on the reader).
const termsPerLine = 8

// Write writes m in CPLEX LP format.
func (m *Model) Write(w io.Writer) error {
	bw := bufio.NewWriter(w)
	zero := "dummy"
	if len(m.Binary) > 0 {
		zero = m.Binary[0]
	} else if len(m.Objective) > 0 {
		zero = m.Objective[0].Var
	}
	if m.Comment != "" {
		bw.WriteString("\\ " + strings.ReplaceAll(m.Comment, "\n", " ") + "\n")
	}
	bw.WriteString("Maximize\n obj:")
	writeTerms(bw, m.Objective, zero)
	bw.WriteString("\nSubject To\n")
	for _, r := range m.Rows {
		bw.WriteString(" " + r.Name + ":")
		writeTerms(bw, r.Terms, zero)
		bw.WriteString(" <= " + strconv.FormatFloat(r.Bound, 'g', -1, 64) + "\n")
	}
	if len(m.Binary) > 0 {
		bw.WriteString("Binary\n")
		for _, v := range m.Binary {
			bw.WriteString(" " + v + "\n")
		}
	}
	bw.WriteString("End\n")
	return bw.Flush()
}

func writeTerms(bw *bufio.Writer, ts []Term, zero string) {
	if len(ts) == 0 {
		bw.WriteString(" 0 " + zero)
		return
	}
	for i, t := range ts {
		if i > 0 && i%termsPerLine == 0 {
			bw.WriteString("\n ")
		}
		s := strconv.FormatFloat(t.Coef, 'g', -1, 64)
		if t.Coef >= 0 {
			s = "+ " + s
		} else {
			s = "- " + s[1:]
		}
		bw.WriteString(" " + s + " " + t.Var)
	}
}

// Name makes a constraint or variable name of the LP format from any text: bytes other
// than ASCII letters, digits and '_' become '_', and prefix comes first so the name never
// starts with a digit or a letter 'e' followed by a number.
func Name(prefix, text string) string {
	b := []byte(prefix)
	for i := 0; i < len(text); i++ {
		c := text[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' {
			b = append(b, c)
		} else {
			b = append(b, '_')
		}
	}
	return string(b)
}
