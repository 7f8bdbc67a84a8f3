// Package event describes events and calendars of civic participation: a dated gathering
// with its venue, organisers and partners, rooms, parallel tracks and the sub-units of a
// session, and a calendar of activities known only to the month.
//
// It is the data model under package schedule, which builds and checks the programme
// grid; event knows nothing of sessions, time slots or contributions.
//
// # Documents
//
// An [Event] has a [Kind] (journee, colloquium, morning_workshop, study_trip, …), a title
// and description in several languages ([civic.Text]), start and end dates of year, month
// or day precision ([civic.Date]), and, when it is timed, local start and end times
// ([Clock], "HH:MM") read in an IANA time zone ("Europe/Paris"). It may have a [Venue]
// with an [Address], [Partner] organisations each with one or more roles ([Role]: organiser,
// co-organiser, host, partner, operational or financial partner), rooms ([Room]) with their
// capacities, and tracks ([Track]): the parallel tracks of the programme, each with an audience
// per session, the rooms a session uses and, for co-construction formats, the [Tables]
// each session is divided into (the centrifugeuse tables of 5 people + 1 facilitator).
// Satellite events, such as the evening after a journée, are events nested in
// [Event.Satellites].
//
// A [Calendar] lists [Activity] entries, each with a kind, a month, a title, the
// source's line word for word, and the [Place] and partners when known.
//
// # Validation
//
// Every document has Check(v, path), which records problems into a
// [*civic.ValidationError], and Validate, which returns them all at once. Each problem
// has a JSON path, such as tracks[1].rooms[0], and a stable [civic.Code]:
//
//   - [civic.CodeRequired], [civic.CodeInvalidID], [civic.CodeUnknownValue] for missing
//     fields, malformed identifiers and unknown kinds or roles;
//   - [civic.CodeDuplicate] for a room, track, activity or event ID, an organisation or a
//     role given twice;
//   - [civic.CodeOrder] for an end date before the start date, an end time not after the
//     start time on the same day, or calendar activities out of order;
//   - [civic.CodePrecision] for times on a date not known to the day, or a calendar month
//     that is not of month precision;
//   - [civic.CodeInvalidClock] and [civic.CodeInvalidZone] for times and time zones;
//   - [civic.CodeOutOfRange] for capacities, audiences and table sizes, and
//     [civic.CodeOverCapacity] when an audience or the tables do not fit in the rooms of
//     their track, or the audience exceeds the tables' seats;
//   - [civic.CodeUnknownRef] for a track that names a room the event does not have;
//   - [civic.CodeControlChar] and [civic.CodeBidiChar] for titles and names that are not
//     one line of text. Markup ("<b>", "x<y", "&amp;") is plain text, escaped by every
//     export, and never refused.
//
// Checking a time zone calls [time.LoadLocation], which needs the IANA time zone
// database: from the system, or embedded in the program by importing time/tzdata (the
// civic command does; this package does not, leaving the choice to the program).
//
// # Decoding and encoding
//
// [Decode] and [DecodeCalendar] decode strictly with the module's internal JSON decoder:
// unknown members, members given twice, wrong types, invalid UTF-8, dates and times that
// do not parse are reported with their paths, then the document is validated, and every
// problem comes back in one [*civic.ValidationError]. Encoding uses encoding/json and the
// struct tags; what Marshal writes, Decode reads back to an equal document.
//
// # Built-in data
//
// [Journee2019] is the Journée de la civic tech et de l'engagement citoyen of 18 March
// 2019 at the CESE, [Rencontres2027] a fictional three-day event in Montréal (8–10 June
// 2027, America/Toronto) that shares nothing with it, and [Observatoire2018] the twelve
// activities of the Observatoire's 2018–2019 calendar. Both are embedded JSON documents, decoded and validated at each
// call by the same code as any platform's own documents. Where the sources are silent
// (the names of every room but the hemicycle), the data says so in a description.
//
// # Sorting and text
//
// Labels are sorted with golang.org/x/text/collate in the reader's language
// ([SortLabels], [Event.RoomsByName], [Calendar.Places], [Calendar.Organisations]);
// [FormatDate], [Event.WriteText] and [Calendar.WriteText] render French or English.
package event
