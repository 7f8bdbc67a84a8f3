package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/schedule"
)

// This file holds civic programme check and convert for the schedules of other tools
// (frab XML, Pentabarf XML, frab / pretalx JSON, c3voc schedule2): see schedule.Import.

// importFlags are the flags of check and convert for another tool's schedule.
type importFlags struct {
	from, zone, to, out string
}

// foreignSchedule reports whether the arguments of civic programme check name another
// tool's schedule: --from is given, or the file starts as XML or as a JSON object with a
// "schedule" member near its start (a civic programme has none).
func foreignSchedule(args []string) bool {
	var file string
	for i, a := range args {
		switch {
		case a == "--from" || a == "-from" || bytes.HasPrefix([]byte(a), []byte("--from=")):
			return true
		case a == "-" || len(a) > 0 && a[0] != '-':
			if i == 0 || !flagTakesValue(args[i-1]) {
				file = a
			}
		}
	}
	if file == "" || file == "-" {
		return false
	}
	f, err := os.Open(file)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 512)
	n, _ := f.Read(head)
	head = bytes.TrimLeft(bytes.TrimPrefix(head[:n], []byte{0xEF, 0xBB, 0xBF}), " \t\r\n")
	return bytes.HasPrefix(head, []byte("<")) || bytes.HasPrefix(head, []byte("{")) && bytes.Contains(head, []byte(`"schedule"`))
}

func flagTakesValue(a string) bool {
	switch a {
	case "--event", "-event", "--grid", "-grid", "--call", "-call", "--proposals", "-proposals", "--zone", "-zone":
		return true
	}
	return false
}

func (f *importFlags) format() (schedule.ImportFormat, error) {
	switch f.from {
	case "", "auto":
		return schedule.FormatAuto, nil
	case "frab-xml", "pentabarf", "xml":
		return schedule.FormatFrabXML, nil
	case "frab-json", "pretalx", "json":
		return schedule.FormatFrabJSON, nil
	case "schedule2":
		return schedule.FormatSchedule2, nil
	}
	return "", usagef("unknown format %q (frab-xml, frab-json, schedule2)", f.from)
}

// importSchedule reads another tool's schedule, printing what reading tolerated to
// standard error as warnings.
func importSchedule(e *env, file string, f *importFlags) (*schedule.Imported, error) {
	format, err := f.format()
	if err != nil {
		return nil, err
	}
	data, err := readLimited(e, file, schedule.MaxImportSize)
	if err != nil {
		return nil, err
	}
	warns := &problemPrinter{e: e, w: e.stderr, prefix: file + ": " + label(e.lang, "avertissement : ", "warning: ")}
	im, err := schedule.Import(bytes.NewReader(data), schedule.ImportOptions{Format: format, Zone: f.zone,
		Warn: func(w *civic.FieldError) { warns.one(w, w.Path.String()) }})
	warns.done()
	if err != nil {
		return nil, reportProblems(e, inFile(file, err))
	}
	return im, nil
}

// runImportCheck is civic programme check for another tool's schedule: it reads it,
// listing what was tolerated as warnings, and checks it — rooms and people in two places
// at once, identifiers used twice — printing every problem.
func runImportCheck(e *env) error {
	fs := flags("programme check")
	var f importFlags
	fs.StringVar(&f.from, "from", "", "format of the file: frab-xml (also Pentabarf), frab-json (also pretalx) or schedule2 (default: detected)")
	fs.StringVar(&f.zone, "zone", "", "time zone of a schedule that names none (Pentabarf): an IANA name (default: UTC, with a warning)")
	files, err := parse(fs, e.args[1:])
	if err != nil {
		return err
	}
	if len(files) != 1 {
		return usagef("give one schedule file")
	}
	im, err := importSchedule(e, files[0], &f)
	if err != nil {
		return err
	}
	problems := civic.FieldErrors(im.Validate())
	for _, p := range problems {
		fmt.Fprintf(e.stdout, "%s: %s: %s: %s\n", termSafe(files[0]), termSafe(p.Path.String()), p.Code, termSafe(p.Localize(e.p)))
	}
	if len(problems) > 0 {
		return errInvalid
	}
	fmt.Fprintf(e.stdout, label(e.lang, "%s : programme valide (%d événements)\n", "%s: valid programme (%d events)\n"), termSafe(files[0]), len(im.Events))
	return nil
}

// runProgrammeConvert is civic programme convert: another tool's schedule written as frab
// XML valid against the c3voc XSD or frab JSON valid against its JSON schema (what they
// refuse replaced, with a warning), or as the imported schedule in JSON.
func runProgrammeConvert(e *env) error {
	fs := flags("programme convert")
	var f importFlags
	fs.StringVar(&f.from, "from", "", "format of the file: frab-xml (also Pentabarf), frab-json (also pretalx) or schedule2 (default: detected)")
	fs.StringVar(&f.zone, "zone", "", "time zone of a schedule that names none (Pentabarf): an IANA name (default: UTC, with a warning)")
	fs.StringVar(&f.to, "to", "frab-xml", "output: frab-xml, frab-json, or json (the schedule as read)")
	fs.StringVar(&f.out, "out", "", "file to write (default: standard output); written whole or not at all")
	files, err := parse(fs, e.args[1:])
	if err != nil {
		return err
	}
	if len(files) != 1 {
		return usagef("give one schedule file")
	}
	if f.to != "frab-xml" && f.to != "frab-json" && f.to != "json" {
		return usagef("unknown output format %q (frab-xml, frab-json, json)", f.to)
	}
	im, err := importSchedule(e, files[0], &f)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if f.to == "json" {
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		err = enc.Encode(im)
	} else {
		warns := &problemPrinter{e: e, w: e.stderr, prefix: files[0] + ": " + label(e.lang, "avertissement : ", "warning: ")}
		warn := func(w *civic.FieldError) { warns.one(w, w.Path.String()) }
		if f.to == "frab-json" {
			err = im.WriteFrabJSON(&buf, warn)
		} else {
			err = im.WriteFrabXML(&buf, warn)
		}
		warns.done()
	}
	if err != nil {
		return err
	}
	if f.out != "" {
		return writeAtomic(f.out, buf.Bytes())
	}
	_, err = e.stdout.Write(buf.Bytes())
	return err
}
