// Package budget models participatory budgeting elections and computes their outcomes: it
// reads and writes Pabulib files (pabulib.org, the research community's open library of
// real elections), runs greedy rules, the Method of Equal Shares with its completions and
// sequential Phragmén in exact arithmetic, explains every outcome to a citizen, and
// measures it for researchers.
//
// It is a subpackage of participation because a participatory budget is one kind of
// participation device (the Baromètre's KindBudget) with a large, separate model of its
// own: projects, ballots, rules. Devices point at elections; elections know nothing of
// devices.
//
// # Elections
//
// An [Election] holds its description, budget and currency (ISO 4217; amounts are [Money],
// integers of the currency's minor unit, never floats), constraints ([Constraints]: ballot
// lengths, points, the score threshold), projects ([Project]) and voters ([Voter]) with
// their ballots ([Ballot]) of any Pabulib vote type ([VoteType]: approval, ordinal,
// cumulative, scoring, choose-1).
//
// # Pabulib in and out
//
// [Read] reads a whole file; [Scan] streams the VOTES section with memory bounded by the
// number of projects (tallies are still counted); [Write] writes one back. Every problem
// comes with its line and column ([Issue]); warnings follow pabulib's own checker (votes
// and score columns against the ballots, selected projects against the budget).
//
// # Rules
//
// [Compute] runs a rule by name ([Rules]): greedy, greedy-no-skip, greedy-threshold (every
// greedy variant honours the META threshold), mes, mes-add1, mes-add1-comparison,
// mes-add1-utilitarian, mes-utilitarian and phragmen. Pabulib's names
// ("equalshares/add1") are accepted too ([RuleName]). Ties are broken the same way
// everywhere: higher score (for greedy), then more votes, then the cheaper project, then
// the project listed first in the file.
//
// The Method of Equal Shares follows Peters and Skowron (EC 2020) and Peters, Pierczyński
// and Skowron (NeurIPS 2021), with cost utilities for approval ballots as on
// equalshares.net. Its Add1 completion gives each voter one more unit of currency at a
// time and keeps the last outcome within the budget, going on past outcomes that are
// already exhaustive: that is what reproduces the official results of Wieliczka 2023; it
// stops when every supported project is funded. The comparison step (Wieliczka) returns
// greedy's outcome when more voters have more funded projects on their ballot under it.
// Arithmetic is exact (math/big): the Add1 search runs each trial in floating point and
// falls back to the exact computation whenever a decision is closer than a relative
// 10^-9, so its outcome is the exact one.
//
// # Measures
//
// [Measure] gives the cost per category and district, the share of voters with at least
// one funded project, the average number of funded projects per ballot, the average cost
// satisfaction, the Gini coefficient of cost satisfaction and category proportionality
// (Faliszewski, Flis, Peters, Pierczyński, Skowron, Stolicki, Szufa and Talmon,
// "Participatory Budgeting: Data, Tools and Analysis", IJCAI 2023). [Compare] sets two
// outcomes side by side.
package budget
