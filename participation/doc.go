// Package participation describes digital participation devices (« dispositifs »), the
// Baromètre de la démocratie locale numérique that inventories them, and the civic tech
// map (« Cartographie »), with the analyses researchers run on them.
//
// # Devices
//
// A [Device] has a kind ([Kind]: co-writing of laws, national consultation, equipment
// census, participatory budget, urban project, policy poll, petition, mobilisation, open
// data, internal or stakeholder consultation, co-design), an organiser (a
// [civic.Organisation], whose kind is its level: State, ministry, région, commune,
// company, association, union, social housing office…), a territory and its population,
// the citizen's role ([Role]), the tool and its provider's economic model ([Model]),
// dates, objectives, human and financial means, channels ([Channel]), how contributions
// were synthesised, outcomes (participants, by age group when known; contributions; those
// taken into account; decisions changed) and its evaluation (format, responsible,
// indicators with definition, unit, target, value, method and who measures).
// [Device.Check] reports every problem at once: negative or absurd counts and budgets,
// participants above the population, contributions taken into account above those
// received, dates out of order, unknown values.
//
// # Lifecycle
//
// planned → open → closed → synthesis → feedback_published → evaluated → archived (a
// device may be archived without an evaluation), on the same state machine engine as the
// review workflow ([Device.Apply], [Lifecycle]); every transition is dated in the device's
// history, which must replay to its state.
//
// # The Baromètre, in JSON and CSV
//
// [DecodeBarometre] reads the JSON form strictly. [NewReader] streams the CSV form, one row
// per device, with memory that does not grow with the file; [WriteCSV] writes it. The
// columns, matched by their English or French header in any order (required ones marked *):
//
//	id* / identifiant*                 device ID
//	name_fr* / nom_fr*                 name in French
//	name_en / nom_en                   name in English
//	kind* / type*                      a Kind
//	organiser* / organisateur*         the organiser's name
//	organiser_level* / niveau*         its civic.OrgKind
//	organiser_country* / pays*         ISO 3166-1 alpha-2
//	territory* / territoire*           the territory's name
//	territory_code / code_territoire   an official code
//	population* / population*          inhabitants
//	role* / role_citoyen*              a Role
//	tool* / outil*                     the tool's name
//	tool_provider / fournisseur        its provider
//	tool_licence / licence             its licence
//	open_source* / logiciel_libre*     true or false (oui, non, yes, no, 1, 0)
//	economic_model* / modele_economique*  a Model
//	start* / debut*, end / fin         dates: 2019, 2019-03 or 2019-03-18
//	objectives / objectifs             separated by " | "
//	staff_fte / etp                    full-time equivalents (3.5 or 3,5)
//	budget_eur / budget_eur            euros
//	channels / canaux                  Channel values separated by " | "
//	synthesis / synthese               how contributions were synthesised
//	participants*, contributions*, taken_into_account* / contributions_retenues*,
//	decisions_changed / decisions_modifiees
//	age_18_24, age_25_39, age_40_59, age_60_plus   participants by age group
//	evaluation* / evaluation*          a Format
//	evaluation_responsible / responsable_evaluation
//	indicators / indicateurs           indicator names separated by " | "
//	state* / etat*                     a State
//
// Files are UTF-8; a UTF-8 byte-order mark is skipped, CRLF line ends and quoted fields
// with line breaks are read ([Reader.Row] counts records, [Reader.Line] gives the line
// where one starts). A missing required column, an unknown or repeated column, a UTF-16
// file and a CSV syntax error stop reading ([Reader.Err]), with the row, and the line and
// column for syntax errors. Every other problem of a row is reported with it
// ([Reader.RowErr]) at its row and column — "row[5].population" — and reading goes on:
// nothing is dropped silently.
//
// Encodings: a field that is not UTF-8 is reported as [civic.CodeEncoding] at its row and
// column, with its first invalid byte. Latin-1 is detected this way but not decoded: every
// byte sequence is valid Latin-1 and Windows-1252 differs from it on 0x80–0x9F, so a guess
// could silently change names. A caller who knows the encoding says so by decoding first —
// transform.NewReader(f, charmap.Windows1252.NewDecoder()) with golang.org/x/text, or
// civic stats --encoding latin1|windows-1252. The CSV form is a documented subset: a
// device's description, the details of its indicators and its history stay in JSON.
//
// # The civic tech map
//
// An [Actor] of the [Map]: organisation and family, legal form, economic model, tools,
// open source or not, territories served, kinds of device supported.
//
// # Analysis
//
// The generic machinery (cross-tabulations, sheets, k-anonymity) lives in package
// analysis; this package gives it the dimensions of its records, [DeviceDimensions] and
// [ActorDimensions], for analysis.CrossTab, or analysis.NewTab with analysis.Count and a
// [Summariser] on streams read with [NewReader], which keep memory flat.
//
// [Summarise] gives the share of devices evaluated and the indicators they use, the median
// participation rate against the territory's population, the cost per participant and the
// share of contributions taken into account. [SummarySheet] and [IndicatorSheet] turn a
// [Summary] into an analysis.Sheet written in text, Markdown, CSV or JSON with small groups
// masked; [FranceAges2019] is a reference population for analysis.Represent.
//
// # Data
//
// [Barometre2019] is a fictional Baromètre of 120 devices, generated deterministically by
// internal/gen (go run ./internal/gen > data/barometre-2019.json, from this directory):
// every kind and level, local devices weighing most; about half the devices are not
// evaluated, and those that are use a few of eight indicators, measured once evaluated.
// Places, organisations, non-free tools and every figure are invented.
package participation
