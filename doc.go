// Package civic is the shared vocabulary of the civic participation model: localised text,
// actors and their families, partial dates, and the validation errors every document of
// the module reports.
//
// It exports vocabulary only: the types every document shares and the errors they report.
// The machinery behind the rules (string checks, the JSON decoder, the state machine, the
// solver) lives under internal/, and reading the environment is the command's business.
//
// The other packages build on it: [github.com/civic-observatory/civic/axis] (thematic axes
// and guiding questions), [github.com/civic-observatory/civic/contribution] (calls, formats
// and their forms, proposals, review, the decision journal, selection),
// [github.com/civic-observatory/civic/event] (events, venues, rooms, the calendar),
// [github.com/civic-observatory/civic/schedule] (programmes and their exports),
// [github.com/civic-observatory/civic/participation] (participation devices, the Baromètre),
// [github.com/civic-observatory/civic/analysis] (cross-tabulations and masked publication)
// and [github.com/civic-observatory/civic/schema] (JSON Schema export).
//
// # Localised text
//
// [Text] holds a text in several languages, keyed by BCP 47 tag. [Text.Get] falls back from
// a regional tag to its language (fr-CA → fr), then to French, then to English.
//
// # Actors
//
// An [Organisation] has a kind ([OrgKind]: State, ministry, région, commune, company,
// association, university…) that belongs to one of the [Family] values among which the
// 2019 call seeks a diversity of points of view, and a country, so that international
// contributions are known. A [Person] speaks for an organisation or, without one, as an
// individual citizen.
//
// # Validation errors
//
// Validation reports every problem at once. Each [FieldError] has a [Path] (rendered as
// "speakers[1].email" or as the JSON Pointer "/speakers/1/email"), a stable [Code] from the
// documented list [Codes], and arguments. Messages come in French and English from a
// message catalogue built by [Messages]; no process-wide catalogue is touched, so two
// platforms embedding this module in one process never see each other's settings.
//
//	p := civic.NewPrinter(language.French)
//	for _, e := range civic.FieldErrors(err) {
//		fmt.Println(e.Path, e.Code, e.Localize(p))
//	}
//
// errors.Is(err, [ErrInvalid]) tells a document problem from an I/O or usage error.
//
// # Dates
//
// [Date] is a calendar date known to the year, the month or the day ("2019", "2019-03",
// "2019-03-18"); impossible dates are refused.
//
// # Text rules
//
// Every decoder of the module normalises strings to Unicode NFC; lengths count characters
// (code points of the NFC form), not bytes, as JSON Schema's maxLength does. Text refuses
// control characters, and bidirectional formatting characters in names and titles, where
// they could disguise what a reader sees; [Text.Check] and [Person.Check] apply these
// rules, each reported with its code ([CodeControlChar], [CodeBidiChar], [CodeTooLong]).
package civic
