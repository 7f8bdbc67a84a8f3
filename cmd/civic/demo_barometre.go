package main

import (
	"fmt"

	"github.com/civic-observatory/civic/analysis"
	"github.com/civic-observatory/civic/participation"
)

// demoBarometre summarises the built-in fictional Baromètre: devices by family of
// organiser and evaluation format with small groups masked, the figures researchers ask
// first, and how far participants are from the adult population by age.
func demoBarometre(e *env, s *demoState) error {
	heading(e, "Baromètre de la démocratie locale numérique (données fictives)", "Barometer of local digital democracy (fictional data)")
	b, err := participation.Barometre2019()
	if err != nil {
		return err
	}
	dims := participation.DeviceDimensions()
	family, _ := analysis.FindDimension(dims, "family")
	eval, _ := analysis.FindDimension(dims, "evaluation")
	acc := newDeviceStats(family, eval)
	for i := range b.Devices {
		acc.add(&b.Devices[i])
	}
	fmt.Fprintf(e.stdout, "%s\n", label(e.lang,
		fmt.Sprintf("%d dispositifs de %d organisations répondantes.", len(b.Devices), len(b.Respondents())),
		fmt.Sprintf("%d devices from %d respondent organisations.", len(b.Devices), len(b.Respondents()))))
	fmt.Fprintln(e.stdout, label(e.lang, "Dispositifs par famille d'organisateur et format d'évaluation (effectifs < 5 masqués) :",
		"Devices by family of organiser and evaluation format (counts below 5 masked):"))
	sections := acc.sections(e.lang)
	if err := sections[0].table.Write(e.stdout, "text", 5); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout)
	if err := sections[1].sheet.Write(e.stdout, "text", 5, e.lang); err != nil {
		return err
	}
	rep := analysis.Represent(acc.ages, participation.FranceAges2019())
	fmt.Fprintln(e.stdout)
	fmt.Fprintln(e.stdout, label(e.lang, "Participants par âge rapportés à la population adulte :", "Participants by age against the adult population:"))
	return analysis.RepresentationSheet("ages", rep).Write(e.stdout, "text", 5, e.lang)
}
