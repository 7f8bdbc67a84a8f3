package main

import (
	"fmt"

	"github.com/civic-observatory/civic/participation"
)

// demoBarometre summarises the built-in fictional Baromètre: devices by kind and level of
// organiser, with small groups masked, and the indicators researchers ask first.
func demoBarometre(e *env, s *demoState) error {
	heading(e, "Baromètre de la démocratie locale numérique (données fictives)", "Barometer of local digital democracy (fictional data)")
	b, err := participation.Barometre2019()
	if err != nil {
		return err
	}
	ptrs := make([]*participation.Device, len(b.Devices))
	for i := range b.Devices {
		ptrs[i] = &b.Devices[i]
	}
	dims := participation.DeviceDimensions()
	kind, _ := participation.FindDimension(dims, "family")
	eval, _ := participation.FindDimension(dims, "evaluation")
	fmt.Fprintln(e.stdout, label(e.lang, "Dispositifs par famille d'organisateur et format d'évaluation (effectifs < 5 masqués) :",
		"Devices by family of organiser and evaluation format (counts below 5 masked):"))
	if err := participation.CrossTab(ptrs, kind, eval, e.lang).Write(e.stdout, "text", 5); err != nil {
		return err
	}
	return writeSummary(e, "text", participation.Summarise(b.Devices), b.Devices)
}
