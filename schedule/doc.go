// Package schedule builds, checks and publishes the programme of an event: the time grid
// of its tracks, the sessions held in its rooms, and the contributions presented in them.
//
// # The grid
//
// A [Grid] lists the [Slot] values of each track: a kind of session ([Kind]), local start
// and end times, the time kept for discussion, and, for co-construction sessions, the
// families of actors whose projects they take. [Journee2019Grid] is the provisional
// programme of the Journée of 18 March 2019 as the call gives it, word for word in French.
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
//   - the session fits the format: results of actions (research presentations and field
//     reports) go to round tables and experience workshops, pitches to the opening
//     plenary, centrifugeuse projects to co-construction sessions that take the holder's
//     family (public → local-authority projects, company → start-ups, association →
//     associations; any family → « A définir »);
//   - time: Σp minutes(p)·x[p,s] ≤ length(s) − discussion(s), talks one after another;
//   - tables: at a co-construction session of T identical tables, each table hosts one
//     project at a time: Σp x[p,s] ≤ T·⌊length(s)/minutes⌋;
//   - nobody in two places at once: for each person (by e-mail) and each time window,
//     Σ x[p,s] ≤ 1 over the proposals they present and the sessions of the window;
//   - one axis and one language per session: Σa y[s,a] ≤ 1, Σg l[s,g] ≤ 1;
//     z[p,s] ≤ x[p,s], z[p,s] ≤ Σ{a ∈ axes(p)} y[s,a]; e[p,s] ≤ x[p,s], e[p,s] ≤ l[s,lang(p)];
//     d[s,f] ≤ Σ{p of family f} x[p,s].
//
// Objective (soft goals), maximised: 100·Σx (place as many as possible) + 10·Σz (round
// tables coherent on one axis) + 5·Σd (diverse across families of actors) + 3·Σe (English
// contributions grouped). [Score] computes it for any programme.
//
// Build is a deterministic greedy pass (pitches and centrifugeuses first, as they have
// the fewest places; then research and field reports, English first and axis by axis, each
// to the session where it adds most, emptier sessions first to balance the blocks),
// followed by local search that moves talks while the objective rises. On 24 random small
// instances it reaches 98% of the optimum glpsol proves (TestBuildAgainstGLPK). Every
// proposal left out is explained with a code ([civic.CodeNoPlace],
// [civic.CodeNotConfirmed]).
//
// # Checking
//
// [Programme.Check] validates any programme, built or edited by hand, against its
// [Context]: every conflict with its path, a stable code and a message in French or
// English (proposal twice, not confirmed, wrong kind of session, over time, room or table
// used twice, someone in two places, markup in titles).
//
// # Publishing
//
// A programme is written as text, Markdown, a self-contained accessible HTML grid,
// iCalendar (RFC 5545), and the frab / c3voc schedule XML and JSON that conference apps
// read ([Programme.WriteFrabXML], [Programme.WriteFrabJSON]); tests validate them against
// the published XSD and JSON schema. Every user-typed text is escaped in every format.
// [WriteCalendarICal] writes an event calendar known to the month.
package schedule
