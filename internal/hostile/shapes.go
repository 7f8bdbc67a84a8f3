// Package hostile holds the inputs an attacker would send to this module: the documents
// of the shared hostile corpus (testdata/, embedded) and generators of documents of any
// size in the shapes that make a decoder or validator slow (long arrays of the wrong type,
// many members, many contributors, deep nesting). Tests, fuzz targets (as seeds) and
// benchmarks of every package use them, so that every decoder, command and export is held
// to one corpus.
package hostile

import (
	"bytes"
	"strconv"
)

// Shape generates a document of about n bytes (at least a few dozen).
type Shape struct {
	Name string
	Gen  func(n int) []byte
}

// repeat writes head, then item (given its index) until the document reaches about n
// bytes, separated by sep, then tail.
func repeat(n int, head, sep, tail string, item func(i int, b *bytes.Buffer)) []byte {
	var b bytes.Buffer
	b.Grow(n + 64)
	b.WriteString(head)
	for i := 0; b.Len() < n-len(tail); i++ {
		if i > 0 {
			b.WriteString(sep)
		}
		item(i, &b)
	}
	b.WriteString(tail)
	return b.Bytes()
}

// WrongTypes is `{"<member>":[1,1,…]}`: an array of numbers where objects or strings
// are expected, one type problem per item.
func WrongTypes(member string) Shape {
	return Shape{"wrong-types", func(n int) []byte {
		return repeat(n, `{"`+member+`":[`, ",", "]}", func(_ int, b *bytes.Buffer) { b.WriteByte('1') })
	}}
}

// EmptyObjects is `{"<member>":[{},{},…]}`: items with every required member missing.
func EmptyObjects(member string) Shape {
	return Shape{"empty-objects", func(n int) []byte {
		return repeat(n, `{"`+member+`":[`, ",", "]}", func(_ int, b *bytes.Buffer) { b.WriteString("{}") })
	}}
}

// ManyKeys is `{"k0":0,"k1":0,…}`: one unknown member after another.
func ManyKeys() Shape {
	return Shape{"many-keys", func(n int) []byte {
		return repeat(n, `{`, ",", "}", func(i int, b *bytes.Buffer) {
			b.WriteString(`"k`)
			b.WriteString(strconv.Itoa(i))
			b.WriteString(`":0`)
		})
	}}
}

// DeepNesting is `{"<member>":[[[…[1]…]],[[…]],…]}`: items nested 60 levels deep, under
// the decoder's limit, each one a type problem to skip.
func DeepNesting(member string) Shape {
	const depth = 60
	item := bytes.Repeat([]byte("["), depth)
	item = append(item, '1')
	item = append(item, bytes.Repeat([]byte("]"), depth)...)
	return Shape{"deep-nesting", func(n int) []byte {
		return repeat(n, `{"`+member+`":[`, ",", "]}", func(_ int, b *bytes.Buffer) { b.Write(item) })
	}}
}

// Contributors is a proposal whose contributors are many valid people sharing one e-mail
// address: one duplicate problem per contributor past the first.
func Contributors() Shape {
	return Shape{"many-contributors", func(n int) []byte {
		return repeat(n, `{"contributors":[`, ",", "]}", func(_ int, b *bytes.Buffer) {
			b.WriteString(`{"name":"Ada","email":"a@example.org"}`)
		})
	}}
}

// Shapes returns the hostile shapes for a document whose list member is member.
func Shapes(member string) []Shape {
	return []Shape{WrongTypes(member), EmptyObjects(member), ManyKeys(), DeepNesting(member)}
}
