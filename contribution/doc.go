// Package contribution models a call for contributions and everything that happens to
// what it receives: the call and its formats, the form each format asks authors to fill,
// proposals and their validation, reviews, the review workflow and its board, the
// decision journal, and the diversity-aware selection.
//
// It is the heart of the module and reads in that order:
//
//   - The call ([Call], [DecodeCall], [Call2019]): dates in a time zone, languages, the
//     families of actors it seeks, its [Format]s (who, how long, what they must present),
//     its thematic axes (package axis) and review criteria. A call is data: a platform
//     defines its own in JSON and nothing about 2019 is written into Go types.
//   - The form of each format: fields, choices and conditions as data ([Field],
//     [CheckForm]), answered by a proposal.
//   - Proposals ([Proposal], [DecodeProposal], [DecodeProposals], [Sample2019]): strict
//     decoding that reports every problem at once with its JSON path and a stable code,
//     then every rule of the call. What an author submits never carries what the
//     workflow owns (state, version, decisions, server times).
//   - Review ([ReviewWorkflow], [NewBoard], [Board]): an explicit transition table with
//     roles and guards, on qmuntal/stateless behind internal/fsm; an illegal action is a
//     typed, localised error that changes nothing. [Review]s score the call's criteria and
//     [Board.Scores] aggregates them.
//   - The decision journal ([VerifyJournal]): every transition is appended to a SHA-256
//     hash chain that anyone can verify and replay.
//   - Selection ([Select], [Quotas], [WriteLP]): the exact best-scored set under quotas per
//     format, family, axis, language and international share (solved by internal/milp),
//     with ties broken by a published seed and every exclusion explained.
//   - Analysis of proposals ([ProposalDimensions], [AcceptanceRates]) for package analysis.
//
// [ReviewSample2019] runs a complete fictional review of the 2019 sample; the command line
// uses it as the default input of its programme and statistics.
//
// It is not for event programmes (package schedule), participation devices (package
// participation) or JSON Schemas (package schema).
package contribution
