// Package opendata reads the proposals that civic platforms publish as open data —
// Decidim's exports, the Barcelona PAM 2016 proposals, CONSUL's (Decide Madrid) — into
// records researchers can cross-tabulate with package analysis:
// origin (mapped to the families of actors), category and scope, state, supports, dates.
//
// # Reading
//
// [NewReader] streams a file one record at a time, with memory bounded by the size of
// one record ([Options.MaxRecord], 4 MiB by default: a larger record stops reading with
// [civic.CodeTooLarge], so a 100 MB field is never held). It reads CSV — comma or
// semicolon separated, told from the header line; a UTF-8 byte-order mark skipped; quoted
// fields with line breaks — and JSON arrays of objects, told apart by the first byte. The
// layout ([Layout]) is detected from the columns (or the first object's keys); a
// [Source] restricts it.
//
// Problems are reported as for the Baromètre's CSV (participation.NewReader): what stops
// reading ([Reader.Err]: an unknown layout, a missing or repeated column, malformed CSV
// with its line and column, malformed or cut-short JSON with its byte offset, a UTF-16
// file, a record over the limit); what is wrong in one record ([Reader.RowErr], at its row
// and column: "row[5].supports", or "[4].supports" in JSON): a count that is not a
// non-negative integer, a date that is none, a field that is not UTF-8 (Latin-1 is not
// guessed: decode first, as civic stats --encoding does), more or fewer fields than the
// header, no ID. What is tolerated goes to [Options.Warn] with its path: every column not
// read into the model ([civic.CodeUnusedColumn], once, at the header or the first record
// holding the key), an unknown origin, fields that contradict each other
// ([civic.CodeInconsistent]). Nothing is dropped silently. Author names, e-mails, bodies
// and answers are not kept: analyses need none of them, and they are personal data.
//
// # Decidim (LayoutDecidim)
//
// Decidim's proposal serializer (ProposalSerializer / OpenDataProposalSerializer),
// flattened by its CSV exporter with "/" between keys, lists joined by ", " and "'" put
// before a field starting with =, +, - or @ (removed here). The JSON export nests the same
// keys; it is flattened the same way before mapping. Both the 0.27 keys and those of 0.28
// onwards are read:
//
//	id                                    ID (required)
//	reference                             Reference
//	title/<locale>, title                 Title (a plain title under "und");
//	                                      title/machine_translations/* not read
//	category/name/<locale>, category/id   Category: the name in the first locale in
//	taxonomies/name/<locale>, taxonomies/id   alphabetical order that has one, else the ID
//	scope/name/<locale>, scope/id         Scope, likewise
//	state                                 State: "" and not_answered → not_answered;
//	                                      evaluating, accepted, rejected, withdrawn; a custom
//	                                      state (0.28+) is kept as written, in RawState too
//	withdrawn (true)                      State withdrawn
//	supports, votes                       Supports (empty: unknown — votes may be hidden)
//	endorsements/total_count, likes/total_count   Endorsements
//	comments                              Comments
//	created_at, published_at, answered_at Created, Published, Answered (the day)
//	author/url                            Origin: a /profiles/ URL → citizen, a /meetings/
//	                                      URL → meeting, another (the organisation's root)
//	                                      → official
//	created_in_meeting (true), meeting_urls (not empty)   Origin meeting
//	is_amend                              Amendment
//
// Limits: the serializer does not say whether a participant wrote as a member of a user
// group (an association), so Decidim proposals have no "organization" origin; 0.27 exports
// have no author at all, so their origin is unknown but for meetings. Only accepted and
// rejected count as decisions ([State.Decided]); custom states never do.
//
// # Barcelona PAM 2016 (LayoutPAM2016)
//
// The proposals of decidim.barcelona's 2016 municipal action plan, one row per proposal
// (id, code, created_at, source, official, from_meeting, scope, district, category,
// subcategory, status, total_votes, total_comments, positive/neutral/negative_comments,
// title):
//
//	id (required), code           ID, Reference
//	created_at "22/01/2016"       Created
//	source (required)             Origin: official, citizen, organization, meeting
//	official, from_meeting (0/1)  checked against source (a contradiction is a warning)
//	scope, district               Scope ("city" or "district"), District ("" for the city)
//	category, subcategory         Category, Subcategory
//	status (required)             State: accepted, rejected
//	total_votes, total_comments   Supports, Comments
//	title                         Title, under "und" (mostly Catalan, some Spanish)
//
// The comment counts by tone are listed as unused.
//
// # CONSUL, Decide Madrid (LayoutConsul)
//
// CONSUL publishes proposals with its model's column names; researchers' extracts of
// Decide Madrid rename some. Both are read:
//
//	id (required), code                     ID, Reference
//	title                                   Title, under "und"
//	date, created_at; published_at          Created; Published
//	status                                  State: open, archived (kept as written otherwise)
//	numSupports, cached_votes_up            Supports
//	numComments, comments_count             Comments
//	isAssociation (0/1)                     Origin organization or citizen
//	retired_at (not empty)                  State withdrawn
//
// Limits: CONSUL proposals are not accepted or rejected by the institution — they collect
// supports until a threshold — so they have no acceptance rate; cross-tabulate their
// states and supports instead. The extract's unnamed first column (an index) is unused.
//
// # Analysis
//
// [Dimensions] gives origin, family, category, subcategory, scope, district, state, year
// and supports (a band) for analysis.CrossTab, analysis.NewTab and
// analysis.Count; a value a file does not give is "(unknown)". [Rates] and
// [AcceptanceRates] give acceptance rates (accepted ÷ accepted or rejected) by any of them
// as analysis.Rate, published with analysis.RateSheet, with their denominators.
// civic stats --source decidim|consul FILE --by ROW,COL does both.
package opendata
