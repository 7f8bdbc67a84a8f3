package budget

import (
	"bytes"
	_ "embed"
)

//go:embed data/villeneuve-sur-loire-2024.pb
var villeneuve []byte

// Villeneuve2024 returns the built-in example: the participatory budget of
// Villeneuve-sur-Loire 2024, a fictional French commune (no real place or voter), 300,000 €
// for 12 projects in three districts, 160 voters from 11 years old, approval ballots of one
// to four projects, counted by greedy in the file. Each call returns a fresh copy.
func Villeneuve2024() (*Election, error) {
	e, _, err := Read(bytes.NewReader(villeneuve))
	return e, err
}

// Villeneuve2024File returns the example's Pabulib file.
func Villeneuve2024File() []byte { return bytes.Clone(villeneuve) }
