package civic_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"testing"

	"github.com/civic-observatory/civic/axis"
	"github.com/civic-observatory/civic/contribution"
	"github.com/civic-observatory/civic/event"
	"github.com/civic-observatory/civic/internal/hostile"
	"github.com/civic-observatory/civic/participation"
)

// benchSizes are the document sizes of the linear-time benchmarks: time per byte
// (reported as MB/s) must stay flat from the smallest to the largest.
var benchSizes = []int{1 << 10, 16 << 10, 256 << 10, 4 << 20, 16<<20 - 1<<10}

func sizeName(n int) string {
	if n >= 1<<20 {
		return strconv.Itoa(n>>20) + "MB"
	}
	return strconv.Itoa(n>>10) + "KB"
}

// BenchmarkHostile decodes and validates documents of every hostile shape, and benign
// ones, from 1 KB to 16 MB, with each document decoder of the module. Time is linear in
// the size of the input when MB/s is the same at every size:
//
//	go test -run '^$' -bench Hostile -benchtime 3x .
func BenchmarkHostile(b *testing.B) {
	call, err := contribution.Call2019()
	if err != nil {
		b.Fatal(err)
	}
	decoders := []struct {
		name   string
		member string
		decode func([]byte) error
	}{
		{"proposal", "contributors", func(d []byte) error { _, err := contribution.DecodeProposal(d, call); return err }},
		{"call", "axes", func(d []byte) error { _, err := contribution.DecodeCall(d); return err }},
		{"axis", "questions", func(d []byte) error { _, err := axis.Decode(d); return err }},
		{"event", "rooms", func(d []byte) error { _, err := event.Decode(d); return err }},
		{"barometre", "devices", func(d []byte) error { _, err := participation.DecodeBarometre(d); return err }},
	}
	for _, dec := range decoders {
		shapes := hostile.Shapes(dec.member)
		if dec.name == "proposal" {
			shapes = append(shapes, hostile.Contributors())
		}
		for _, sh := range shapes {
			for _, n := range benchSizes {
				b.Run(fmt.Sprintf("%s/%s/%s", dec.name, sh.Name, sizeName(n)), func(b *testing.B) {
					data := sh.Gen(n)
					b.SetBytes(int64(len(data)))
					for b.Loop() {
						if dec.decode(data) == nil {
							b.Fatal("hostile document accepted")
						}
					}
				})
			}
		}
	}
	for _, n := range benchSizes {
		b.Run("barometre/benign/"+sizeName(n), func(b *testing.B) {
			data := benignBarometre(b, n)
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := participation.DecodeBarometre(data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// benignBarometre returns a valid Baromètre of about n bytes: the devices of the built-in
// one, repeated under new identifiers.
func benignBarometre(b *testing.B, n int) []byte {
	b.Helper()
	src, err := os.ReadFile("participation/data/barometre-2019.json")
	if err != nil {
		b.Fatal(err)
	}
	var doc struct {
		Devices []map[string]any `json:"devices"`
	}
	if err := json.Unmarshal(src, &doc); err != nil {
		b.Fatal(err)
	}
	var out bytes.Buffer
	out.WriteString(`{"id":"bench","title":{"fr":"Banc","en":"Bench"},"year":2019,"devices":[`)
	for i := 0; out.Len() < n; i++ {
		d := doc.Devices[i%len(doc.Devices)]
		d["id"] = fmt.Sprintf("d%06d", i)
		item, err := json.Marshal(d)
		if err != nil {
			b.Fatal(err)
		}
		if i > 0 {
			out.WriteByte(',')
		}
		out.Write(item)
	}
	out.WriteString("]}")
	return out.Bytes()
}
