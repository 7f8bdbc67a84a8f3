// Package schedule builds, checks and publishes the programme of an event: the time grid
// of its tracks, the sessions held in its rooms, and the contributions presented in them.
//
// # The grid
//
// A [Grid] lists the [Slot] values of each track: a kind of session ([Kind]), the call's
// formats its sessions host (a poster only in a poster session), the day (a number from
// the event's first day, and optionally its date), local start and end times — a slot may
// cross midnight ([Slot.EndsNextDay]), and the grid's day change ([Grid.DayChange], frab's
// day_change) puts the sessions after midnight in the day before —, the time kept for
// discussion, the themes (axes) a session is built around, and, for co-construction
// sessions, the families of actors whose projects they take. Times are local to the
// event's time zone. [Journee2019Grid] is the provisional programme of the Journée of 18
// March 2019 as the call gives it, word for word in French; [Rencontres2027Grid] the three
// days of a fictional event in Montréal, with an evening that ends after midnight.
//
// # Automatic scheduling
//
// [Build] places confirmed proposals in sessions. It solves this model (written out for an
// exact solver by [WriteLP]):
//
// Variables, for each proposal p and session s where p fits: x[p,s] = 1 when p is
// presented in s. For each round table or workshop s: y[s,a] = 1 when s is built around
// axis a; l[s,g] = 1 when its language is g; d[s,f] = 1 when family f is present;
// z[p,s] = 1 when p is on the axis of s; e[p,s] = 1 when p is in the language of s.
//
// Hard constraints:
//
//   - each proposal at most once: Σs x[p,s] ≤ 1;
//   - the session fits the format: the formats its slot lists or, for the 2019 kinds
//     without a list, results of actions (research presentations and field
//     reports) go to round tables and experience workshops, pitches to the opening
//     plenary, centrifugeuse projects to co-construction sessions that take the holder's
//     family (public → local-authority projects, company → start-ups, association →
//     associations; any family → « A définir »);
//   - time: Σp minutes(p)·x[p,s] ≤ length(s) − discussion(s), talks one after another;
//   - tables: at a co-construction session of T identical tables, each table hosts one
//     project at a time: Σp x[p,s] ≤ T·⌊length(s)/minutes⌋; and a format's table (its
//     seats, the holder included, and facilitators: 5 + 1 for the centrifugeuse) fits the
//     track's tables, or x[p,s] does not exist;
//   - nobody in two places at once: for each person (by e-mail) and each instant t at
//     which a slot starts, Σ x[p,s] ≤ 1 over the proposals they present and the sessions
//     covering t. Two slots overlap exactly when both cover the later one's start, so these
//     rows are the maximal cliques of the slots' interval graph, whatever the grid;
//   - one axis and one language per session: Σa y[s,a] ≤ 1, Σg l[s,g] ≤ 1;
//     z[p,s] ≤ x[p,s], z[p,s] ≤ Σ{a ∈ axes(p)} y[s,a]; e[p,s] ≤ x[p,s], e[p,s] ≤ l[s,lang(p)];
//     d[s,f] ≤ Σ{p of family f} x[p,s].
//
// Objective (soft goals), maximised: 100·Σx (place as many as possible) + 10·Σz (round
// tables coherent on one axis) + 5·Σd (diverse across families of actors) + 3·Σe (English
// contributions grouped). [Score] computes it for any programme. Balance across blocks is
// not a term of the objective: among placements of equal value, Build prefers the emptier
// session (see below), which spreads the talks over the blocks without trading any of the
// goals above for it.
//
// Build is a deterministic greedy pass (pitches and centrifugeuses first, as they have
// the fewest places; then research and field reports, English first and axis by axis, each
// to the session where it adds most, emptier sessions first to balance the blocks),
// followed by a repair pass that places proposals left out for want of room by moving one
// talk of a full session to another session with room (+100 for −18 at most), and by local
// search that moves talks while the objective rises. On 24 random small instances it
// reaches 99% of the optimum glpsol proves (TestBuildAgainstGLPK; go run ./bench/schedule
// prints the comparison instance by instance, with the Journée and congresses). Every
// proposal left out is explained with a code ([civic.CodeNoPlace],
// [civic.CodeNotConfirmed]).
//
// # Checking
//
// [Programme.Check] validates any programme, built or edited by hand, against its
// [Context]: every conflict with its path, a stable code and a message in French or
// English (proposal twice, not confirmed, a format the session does not host, over time,
// room or table used twice, someone in two places at once — at two tables of one session
// too —, a room smaller than its share of the track's audience or tables with fewer seats
// than the format needs ([civic.CodeOverCapacity]), control characters in titles).
//
// # Publishing
//
// A programme is written as text, Markdown and a self-contained accessible HTML page (built
// with html/template), each grouped by day; iCalendar (RFC 5545), one VEVENT per session
// and one per talk with stable UIDs; and the frab / c3voc schedule XML and JSON that
// conference apps read ([Programme.WriteFrabXML], [Programme.WriteFrabJSON]), one day per
// day of the event and one event per talk, valid for any event ID; tests validate them
// against the published XSD and JSON schema. Markup in a title is plain text: it is never
// refused, and every user-typed text is escaped in every format.
// [WriteCalendarICal] writes an event calendar known to the month.
//
// # Schedules of other tools
//
// [Import] reads what conference tools publish into an [Imported] schedule: frab XML in
// the c3voc dialect (the CCC hub's 39C3, with its extra <code>, <origin_url> and nested
// <link> elements) and in Pentabarf's (FOSDEM: tracks outside the conference, no <date>,
// a day_change), frab / pretalx JSON (Camp 2019, rC3, DemoCon) and c3voc's schedule2 JSON
// (the hub). Times are instants with their offset: an event's own <date> wins over its
// day, so a talk after midnight keeps its real date; without one, the day's date and the
// clock are used, on the next calendar day before the day change. Reading is lenient,
// with warnings and their paths ([ImportOptions.Warn]): persons without IDs (matched by
// name), durations "H:MM", "HH:MM", "HH:MM:SS" or minutes, a missing time zone (UTC, or
// [ImportOptions.Zone]), members the model has no place for (a speaker's biography,
// pretalx's answers: [civic.CodeNotKept]); e-mails and room capacities are not asked for,
// since the formats have none. It is strict, every problem at once with its path, on an
// event without start or duration, a negative or malformed duration
// ([civic.CodeDuration]), malformed or cut-short XML ([civic.CodeXMLSyntax]) or JSON, an
// XML document type declaration ([civic.CodeDoctype]: entities are never expanded), a
// token over [MaxImportToken], a file over [MaxImportSize], nesting over
// [MaxImportDepth]. [Imported.Check] is the programme checker for them: a room or a
// person in two places at once, an ID, GUID, code or slug used twice.
// [Imported.WriteFrabXML] writes them back, one event element per event with the same
// times, rooms, tracks and persons, valid against the c3voc XSD even where the source is
// not: what the XSD refuses (an upper-case acronym or slug, a relative logo, a missing
// GUID, an ID used twice) is replaced and reported ([civic.CodeReplaced]).
package schedule
