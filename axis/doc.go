// Package axis holds the thematic axes of a call for contributions and their numbered
// guiding questions, such as the four axes of the 2019 call (1 Govtech, 2 Technologies
// citoyennes, 3 Écosystème, 4 Démocratie en entreprise et en organisation).
//
// A proposal addresses axes and questions by reference ("2", "2.1"); this package parses
// and checks those references ([Set.Check], [Set.Question]), decodes axes strictly
// ([Decode], [DecodeSet], [Set.UnmarshalJSON]) and searches them the way French readers
// expect: collation in French order and accent-insensitive matching.
//
// Axes are data: a call defines its own, and nothing about 2019 is written into Go types.
package axis
