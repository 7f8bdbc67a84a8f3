// Package analysis is the generic analysis the domain packages share: cross-tabulations
// of records by any two dimensions, published sheets of figures, comparison with a
// reference population, and the masking of small groups (k-anonymity) in every output.
//
// It knows nothing of devices or proposals: a domain package describes its records by
// [Dimension]s (participation.DeviceDimensions, contribution.ProposalDimensions) and
// builds [Sheet]s of its own figures; this package counts, sorts, masks and writes. So
// participation and contribution use it without importing each other.
//
// # Cross-tabulations
//
// [CrossTab] counts records by a pair of dimensions, with categories in the collation
// order of a language (one collator per call, since a collator is not safe for concurrent
// use). For streams, [NewTab] with [Count] (or [Tab.Add]) keeps memory flat: it grows with
// the categories, not the records. [Table.Write] writes text, Markdown, CSV or JSON.
//
// # Sheets and rates
//
// A [Sheet] is a table of labelled figures, each [Cell] carrying the counts it rests on.
// [RateSheet] publishes acceptance [Rate]s; [Represent] compares observed counts with a
// reference population (total variation distance, per-category ratios) and
// [RepresentationSheet] publishes the comparison.
//
// # Small groups
//
// Published outputs mask small groups (k-anonymity, as civic platforms do for
// demographics): [Table.Write] and [Sheet.Write] hide every figure resting on a count from
// 1 to k−1 ("<k", an empty CSV field, JSON null). A rate is masked when the accepted or the
// refused are few, since either gives the other. Tables also hide ("*") the totals of the
// rows and columns that hold a masked count and the grand total, and compute shares over
// the published counts only, so that a masked count cannot be worked out from the totals.
//
// # For programs: CSV and JSON
//
// Text and Markdown are for people ("<5", "*", "64.29 %"; a figure that does not exist,
// an [UnknownCell], reads "n/a", an empty CSV field and JSON null, never 0). CSV and JSON are for programs, and hold
// numbers only where numbers are expected:
//
//   - a table in CSV is one line per cell, row totals and column totals included (their
//     category is TotalLabel, "(total)"): the two categories, count, masked (true or
//     false), share (a fraction of the published counts) and denominator (the published
//     counts the share is of). A masked count, or a total that would reveal one, is an
//     empty count and share with masked true;
//   - a sheet in CSV keeps its columns, a masked figure being an empty field, and adds one
//     flag column per number column, "NAME_masked", true or false (empty on a row where
//     the column holds a label); rates come with their numerator and denominator
//     (accepted, decided);
//   - in JSON, a masked or unknown figure is null, never a string; tables give counts and
//     shares.
package analysis
