package civic

// Code is a stable, machine-readable problem code. Codes are API: a code never changes
// meaning once published. Messages are not API and may be reworded.
//
// Each code below documents its message arguments, in order.
type Code string

// Decoding codes: the bytes are not the JSON document they should be.
const (
	CodeSyntax          Code = "syntax"            // malformed JSON; args: byte offset, detail
	CodeType            Code = "type"              // wrong JSON type; args: expected type, found type
	CodeUnknownField    Code = "unknown_field"     // member not defined for this document; args: name
	CodeDuplicateKey    Code = "duplicate_key"     // member given twice in one object; args: name
	CodeInvalidUTF8     Code = "invalid_utf8"      // string is not valid UTF-8
	CodeTooDeep         Code = "too_deep"          // nesting deeper than the decoder's limit; args: limit
	CodeTooLarge        Code = "too_large"         // document or string over the decoder's limit in bytes; args: limit
	CodeNumber          Code = "number"            // number out of range or not an integer where one is needed; args: text
	CodeInternal        Code = "internal"          // a bug of this library turned into an error; args: detail
	CodeTooManyProblems Code = "too_many_problems" // more problems than a document reports; the first ones are reported before this one; args: limit
	CodeMediaType       Code = "media_type"        // a request body of another media type than the one accepted; args: the media type accepted
	CodeStoreFull       Code = "store_full"        // a store that keeps no more documents; args: limit of documents, limit of bytes
)

// Validation codes: the document is well-formed but breaks a rule.
const (
	CodeRequired       Code = "required"          // value is missing or empty
	CodeUnknownValue   Code = "unknown_value"     // value outside a closed list; args: value
	CodeTooLong        Code = "too_long"          // string longer than allowed, in characters; args: max, got
	CodeTooShort       Code = "too_short"         // string shorter than allowed, in characters; args: min, got
	CodeTooMany        Code = "too_many"          // too many items; args: max, got
	CodeTooFew         Code = "too_few"           // too few items; args: min, got
	CodeOutOfRange     Code = "out_of_range"      // number outside its bounds; args: min, max, got
	CodeControlChar    Code = "control_char"      // control character in text; args: code point as U+XXXX
	CodeBidiChar       Code = "bidi_char"         // bidirectional formatting character in a name or label; args: code point as U+XXXX
	CodeInvalidEmail   Code = "invalid_email"     // not an e-mail address; args: value
	CodeInvalidURL     Code = "invalid_url"       // not an absolute http or https URL; args: value
	CodeInvalidID      Code = "invalid_id"        // identifier not of the form [a-z0-9][a-z0-9-]*; args: value
	CodeInvalidLang    Code = "invalid_language"  // not a well-formed BCP 47 tag, or not one allowed; args: value
	CodeInvalidCountry Code = "invalid_country"   // not an ISO 3166-1 alpha-2 country code; args: value
	CodeInvalidDate    Code = "invalid_date"      // not a date, or an impossible one; args: value
	CodeInvalidTime    Code = "invalid_time"      // not an RFC 3339 time, or an impossible one; args: value
	CodeInvalidZone    Code = "invalid_zone"      // not an IANA time zone; args: value
	CodeDuplicate      Code = "duplicate"         // the same value or identifier appears twice; args: value
	CodeUnknownRef     Code = "unknown_reference" // reference to something that does not exist; args: reference
	CodeOrder          Code = "order"             // an end before its start, or items out of order; args: first, second
)

// Call for contributions codes (package contribution).
const (
	CodeFormatNotAccepted Code = "format_not_accepted"   // the call does not accept this format; args: format
	CodeAxisNotAllowed    Code = "axis_not_allowed"      // the format takes no axes, or the call does not list this axis; args: axis
	CodeLangNotAccepted   Code = "language_not_accepted" // the call does not accept this language; args: language
	CodeAfterDeadline     Code = "after_deadline"        // submitted at or after the deadline; args: submitted, deadline
	CodeBeforeOpening     Code = "before_opening"        // submitted before the call opened; args: submitted, opening
	CodeFutureResults     Code = "future_results"        // results of actions not yet carried out; args: date of the actions (start or end), the call's deadline
	CodeProjectLaunched   Code = "project_launched"      // a centrifugeuse project that is already launched
	CodeNotForFormat      Code = "not_for_format"        // a section this format does not take; args: section, format
	CodeFamilyNotAllowed  Code = "family_not_allowed"    // the format is not open to this family of actors; args: family, format
	CodeQuestionAxis      Code = "question_axis"         // a guiding question of an axis the proposal does not address; args: question, axis
	CodeReservedField     Code = "reserved_field"        // a form field named like a member every proposal has; args: name
	CodeNotForType        Code = "not_for_type"          // a property of a form field that its type does not take; args: property, type
	CodeConditionTarget   Code = "condition_target"      // a condition on a field that is not a choice or yes/no question; args: field, its type
	CodeConditionCycle    Code = "condition_cycle"       // conditions that lead from a field back to itself; args: field
)

// Review workflow, journal and selection codes (package contribution).
const (
	CodeUnknownAction   Code = "unknown_action"       // not an action of the workflow; args: action
	CodeUnknownState    Code = "unknown_state"        // not a state of the workflow; args: state
	CodeIllegalAction   Code = "illegal_action"       // the action cannot be taken from this state; args: action, state
	CodeWrongRole       Code = "wrong_role"           // the action exists from this state, but not for this role; args: role, action, state
	CodeNotAuthor       Code = "not_author"           // an author's action by someone who is not a contributor of the proposal; args: actor, proposal
	CodeCallClosed      Code = "call_closed"          // submitted while the call is not open; args: time, opening, deadline
	CodeProposalInvalid Code = "proposal_invalid"     // submitted while the proposal is invalid; args: number of problems
	CodeCallStillOpen   Code = "call_still_open"      // review started before the deadline, not by hand; args: time, deadline
	CodeConflict        Code = "conflict_of_interest" // a reviewer with a conflict of interest; args: reviewer, proposal, ground ("organisation", "contributor" or "declared")
	CodeNoDecision      Code = "no_decision"          // decisions published while a proposal in review has none; args: proposal
	CodeAfterEvent      Code = "after_event"          // an action that is only possible before the event; args: time, event start
	CodeVersionConflict Code = "version_conflict"     // the proposal changed since the action was prepared; args: expected version, actual version
	CodeNotReviewer     Code = "not_reviewer"         // a review by an actor who is not a reviewer, or without an identifier; args: actor
	CodeBadHash         Code = "bad_hash"             // a journal entry whose hash does not match its content; args: sequence number
	CodeBrokenChain     Code = "broken_chain"         // a journal entry not chained to the entry before it; args: sequence number
	CodeBadSequence     Code = "bad_sequence"         // a journal entry out of sequence; args: expected, found
	CodeDuplicateSeq    Code = "duplicate_sequence"   // two journal entries with one sequence number; args: sequence number
	CodeTruncated       Code = "truncated"            // the last line of a journal is cut short; args: line
	CodeReplayMismatch  Code = "replay_mismatch"      // a journal entry that does not follow from the entries before it; args: sequence number, proposal, state recorded, state replayed
	CodeQuotaContradict Code = "quota_contradiction"  // a quota whose minimum exceeds its maximum; args: quota, minimum, maximum
	CodeQuotaUnmet      Code = "quota_unmet"          // a quota no selection can meet together with the others; args: quota, shortfall
	CodeInfeasible      Code = "infeasible"           // no selection meets every quota; args: number of quotas in conflict
	CodeSolverLimit     Code = "solver_limit"         // the exact solver gave up before proving optimality; args: nodes explored
)

// Trust codes: what the workflow owns, journal heads, stores (package contribution and
// civic review).
const (
	CodeTimeBackwards Code = "time_backwards" // a journal entry dated before the entry before it; args: time, time of the entry before
	CodeNotMember     Code = "not_member"     // an actor the board's roster does not list for the role; args: actor, role
	CodeHeadMissing   Code = "head_missing"   // the journal ends before the published head: entries were removed; args: entries found, head's sequence number
	CodeHeadMismatch  Code = "head_mismatch"  // the journal's entry at the head's sequence number has another hash: it was rewritten or forked; args: sequence number, hash published, hash found
	CodeBadSignature  Code = "bad_signature"  // a signed head whose signature does not verify with the key given; args: sequence number
	CodeBadHead       Code = "bad_head"       // not a journal head SEQ:HASH; args: text
	CodeStoreLocked   Code = "store_locked"   // another process holds the lock of the store; args: lock file
	CodeStoreMismatch Code = "store_mismatch" // a file of the store disagrees with its journal; args: file, detail
)

// Event and programme codes (packages event and schedule).
const (
	CodeInvalidClock    Code = "invalid_clock"    // not a local time of day "HH:MM" (00:00 to 23:59); args: value
	CodePrecision       Code = "precision"        // a date of the wrong precision here; args: date, precision expected ("year", "month" or "day")
	CodeOverCapacity    Code = "over_capacity"    // more people than the places available; args: people, places
	CodeMarkup          Code = "markup"           // markup (an HTML or XML tag, comment or character reference) in a title or name; args: the fragment
	CodeNotConfirmed    Code = "not_confirmed"    // a proposal in a programme that its author has not confirmed; args: proposal, state
	CodeWrongSession    Code = "wrong_session"    // a proposal in a session of a kind that does not fit its format or family; args: format, session kind
	CodeOverTime        Code = "over_time"        // talks longer than the session leaves them; args: minutes needed, minutes available
	CodeRoomConflict    Code = "room_conflict"    // two sessions in one room (or at one table) at the same time; args: room, other session
	CodeSpeakerConflict Code = "speaker_conflict" // someone speaks in two places at once; args: person, other session
	CodeNoPlace         Code = "no_place"         // a proposal the scheduler could not place: every fitting session is full or its speakers are busy; args: format
)

// Participation device codes (package participation).
const (
	CodeAbovePopulation   Code = "above_population"    // more participants than the territory has inhabitants; args: participants, population
	CodeAboveContribution Code = "above_contributions" // more contributions taken into account than received; args: taken into account, contributions
	CodeAboveParticipants Code = "above_participants"  // participants counted by category add up to more than the participants; args: sum, participants
	CodeEncoding          Code = "encoding"            // a CSV field that is not UTF-8 (Latin-1 or Windows-1252, for instance), or a UTF-16 file; args: the first invalid byte ("0xE9") or "UTF-16"
	CodeMissingColumn     Code = "missing_column"      // a required CSV column is missing; args: column
	CodeUnknownColumn     Code = "unknown_column"      // a CSV column this format does not define; args: column
	CodeFieldCount        Code = "field_count"         // a CSV row with more or fewer fields than the header; args: fields, expected
	CodeCSVSyntax         Code = "csv_syntax"          // malformed CSV (a stray or unclosed quote); args: line, column, detail
	CodeNotEvaluated      Code = "not_evaluated"       // the lifecycle says the device was evaluated but its evaluation format is none; args: state
)

// Codes of the readers of other tools' files (packages participation/opendata and
// schedule). Warnings use them too: what a reader tolerates is reported with a code.
const (
	CodeUnknownLayout Code = "unknown_layout"   // a file whose columns or keys match no layout the reader knows, or not the one asked for; args: layouts expected, layout found ("" for none)
	CodeUnusedColumn  Code = "unused_column"    // a column or key the reader does not map to the model (a warning: it is listed, not read); args: column
	CodeInconsistent  Code = "inconsistent"     // two fields of one record that contradict each other (the first is kept); args: field, value, other field, other value
	CodeNotKept       Code = "not_kept"         // an element or member of another tool's file with no place in the model nor in what is written back: listed, not kept; args: name
	CodeDoctype       Code = "doctype"          // an XML document type declaration (DTD, entities), refused
	CodeXMLSyntax     Code = "xml_syntax"       // malformed or cut-short XML; args: line, detail
	CodeDuration      Code = "invalid_duration" // not a duration H:MM, HH:MM or HH:MM:SS, or a negative one; args: value
	CodeReplaced      Code = "replaced"         // a value another tool wrote that the format written back refuses, replaced (a warning); args: value, replacement
)

// Participatory budgeting codes (package participation/budget).
const (
	CodePBSection       Code = "pb_section"       // a Pabulib file whose sections are missing or out of order; args: section expected, line found
	CodePBCount         Code = "pb_count"         // a META count that does not match the file; args: key, declared, counted
	CodeNotPositive     Code = "not_positive"     // an amount or count that must be positive; args: value
	CodeInvalidCurrency Code = "invalid_currency" // not an ISO 4217 currency code; args: value
	CodeTallyMismatch   Code = "tally_mismatch"   // a project's votes or score column disagrees with the ballots; args: column, declared, counted
	CodeOverBudget      Code = "over_budget"      // projects marked selected cost more than the budget; args: total, budget
	CodeCurrencyMix     Code = "currency_mix"     // amounts in two currencies added together; args: first currency, second currency
	CodeLineTooLong     Code = "line_too_long"    // a line longer than the reader's limit, in bytes; args: limit
)

// codeTable holds every code with its English and French messages. Arguments are referred
// to by position (%[1]v) so that a translation may reorder them.
var codeTable = [...]struct {
	code   Code
	en, fr string
}{
	{CodeSyntax, "malformed JSON at byte %[1]v: %[2]v", "JSON mal formé à l'octet %[1]v : %[2]v"},
	{CodeType, "must be a JSON %[1]v, not %[2]v", "doit être de type JSON « %[1]v », pas « %[2]v »"},
	{CodeUnknownField, "unknown field %[1]q", "champ inconnu « %[1]v »"},
	{CodeDuplicateKey, "field %[1]q is given twice", "le champ « %[1]v » figure deux fois"},
	{CodeInvalidUTF8, "is not valid UTF-8", "n'est pas de l'UTF-8 valide"},
	{CodeTooDeep, "nesting deeper than %[1]v levels", "imbrication de plus de %[1]v niveaux"},
	{CodeTooLarge, "larger than the limit of %[1]v bytes", "dépasse la limite de %[1]v octets"},
	{CodeNumber, "number %[1]v is out of range or not an integer", "le nombre %[1]v est hors limites ou n'est pas entier"},
	{CodeInternal, "internal error: %[1]v", "erreur interne : %[1]v"},
	{CodeMediaType, "the body must be %[1]v", "le corps de la requête doit être %[1]v"},
	{CodeStoreFull, "the store is full: it keeps at most %[1]v documents and %[2]v bytes", "l'entrepôt est plein : il garde au plus %[1]v documents et %[2]v octets"},
	{CodeTooManyProblems, "more than %[1]v problems: the first %[1]v are reported", "plus de %[1]v problèmes : les %[1]v premiers sont signalés"},

	{CodeRequired, "is required", "est obligatoire"},
	{CodeUnknownValue, "unknown value %[1]q", "valeur inconnue « %[1]v »"},
	{CodeTooLong, "must be at most %[1]v characters (has %[2]v)", "doit compter au plus %[1]v caractères (en compte %[2]v)"},
	{CodeTooShort, "must be at least %[1]v characters (has %[2]v)", "doit compter au moins %[1]v caractères (en compte %[2]v)"},
	{CodeTooMany, "must have at most %[1]v items (has %[2]v)", "doit avoir au plus %[1]v éléments (en a %[2]v)"},
	{CodeTooFew, "must have at least %[1]v items (has %[2]v)", "doit avoir au moins %[1]v éléments (en a %[2]v)"},
	{CodeOutOfRange, "must be between %[1]v and %[2]v (is %[3]v)", "doit être compris entre %[1]v et %[2]v (vaut %[3]v)"},
	{CodeControlChar, "contains the control character %[1]v", "contient le caractère de contrôle %[1]v"},
	{CodeBidiChar, "contains the bidirectional formatting character %[1]v", "contient le caractère de mise en forme bidirectionnelle %[1]v"},
	{CodeInvalidEmail, "%[1]q is not an e-mail address", "« %[1]v » n'est pas une adresse électronique"},
	{CodeInvalidURL, "%[1]q is not an absolute http or https URL", "« %[1]v » n'est pas une URL http ou https absolue"},
	{CodeInvalidID, "%[1]q is not an identifier (lower-case letters, digits and hyphens)", "« %[1]v » n'est pas un identifiant (minuscules, chiffres et tirets)"},
	{CodeInvalidLang, "%[1]q is not an accepted language tag", "« %[1]v » n'est pas une étiquette de langue acceptée"},
	{CodeInvalidCountry, "%[1]q is not an ISO 3166-1 alpha-2 country code", "« %[1]v » n'est pas un code pays ISO 3166-1 alpha-2"},
	{CodeInvalidDate, "%[1]q is not a valid date", "« %[1]v » n'est pas une date valide"},
	{CodeInvalidTime, "%[1]q is not a valid RFC 3339 time", "« %[1]v » n'est pas un horodatage RFC 3339 valide"},
	{CodeInvalidZone, "%[1]q is not a known time zone", "« %[1]v » n'est pas un fuseau horaire connu"},
	{CodeDuplicate, "%[1]q appears more than once", "« %[1]v » figure plusieurs fois"},
	{CodeUnknownRef, "refers to %[1]q, which does not exist", "fait référence à « %[1]v », qui n'existe pas"},
	{CodeOrder, "%[1]v must come before %[2]v", "%[1]v doit précéder %[2]v"},

	{CodeFormatNotAccepted, "the call does not accept the format %[1]q", "l'appel n'accepte pas le format « %[1]v »"},
	{CodeAxisNotAllowed, "axis %[1]q is not open to this proposal", "l'axe « %[1]v » n'est pas ouvert à cette proposition"},
	{CodeLangNotAccepted, "the call does not accept the language %[1]q", "l'appel n'accepte pas la langue « %[1]v »"},
	{CodeAfterDeadline, "submitted at %[1]v, not before the deadline %[2]v", "soumise le %[1]v, pas avant la date limite du %[2]v"},
	{CodeBeforeOpening, "submitted at %[1]v, before the call opened at %[2]v", "soumise le %[1]v, avant l'ouverture de l'appel le %[2]v"},
	{CodeFutureResults, "reports actions dated %[1]v, after the deadline of %[2]v: results of actions already carried out are expected, not future projects", "présente des actions datées de %[1]v, après la date limite du %[2]v : on attend les résultats d'actions menées, non des projets à venir"},
	{CodeProjectLaunched, "the project must be in design, not launched", "le projet doit être en phase de conception, et non lancé"},
	{CodeNotForFormat, "the section %[1]q does not apply to the format %[2]q", "la rubrique « %[1]v » ne s'applique pas au format « %[2]v »"},
	{CodeFamilyNotAllowed, "the format %[2]q is not open to %[1]q actors", "le format « %[2]v » n'est pas ouvert aux acteurs « %[1]v »"},

	{CodeInvalidClock, "%[1]q is not a time of day (HH:MM, 00:00 to 23:59)", "« %[1]v » n'est pas une heure (HH:MM, de 00:00 à 23:59)"},
	{CodePrecision, "the date %[1]q must have the precision %[2]q", "la date « %[1]v » doit avoir la précision « %[2]v »"},
	{CodeOverCapacity, "%[1]v people exceed the %[2]v places available", "%[1]v personnes dépassent les %[2]v places disponibles"},
	{CodeMarkup, "contains markup %[1]q: titles and names are plain text", "contient du balisage « %[1]v » : les titres et les noms sont du texte brut"},
	{CodeNotConfirmed, "proposal %[1]q is %[2]v, not confirmed", "la proposition « %[1]v » est à l'état « %[2]v », non confirmée"},
	{CodeWrongSession, "a %[1]q contribution does not fit a %[2]q session", "une contribution « %[1]v » ne convient pas à une session « %[2]v »"},
	{CodeOverTime, "the talks need %[1]v minutes, the session leaves %[2]v", "les interventions demandent %[1]v minutes, la session en laisse %[2]v"},
	{CodeRoomConflict, "%[1]q is already used at that time by %[2]q", "« %[1]v » est déjà occupée à ce moment par « %[2]v »"},
	{CodeSpeakerConflict, "%[1]v also speaks at that time in %[2]q", "%[1]v intervient aussi à ce moment dans « %[2]v »"},
	{CodeNoPlace, "no session that fits a %[1]q contribution has room left at a time its speakers are free", "aucune session adaptée à une contribution « %[1]v » n'a de place à un moment où ses intervenants sont libres"},
	{CodeQuestionAxis, "question %[1]v belongs to axis %[2]v, which the proposal does not address", "la question %[1]v relève de l'axe %[2]v, que la proposition n'aborde pas"},
	{CodeReservedField, "%[1]q is a member of every proposal and cannot name a question", "« %[1]v » est un champ de toute proposition et ne peut pas nommer une question"},
	{CodeNotForType, "%[1]q does not apply to a field of type %[2]q", "« %[1]v » ne s'applique pas à un champ de type « %[2]v »"},
	{CodeConditionTarget, "a condition can only depend on a choice or yes/no question; %[1]q is of type %[2]q", "une condition ne peut dépendre que d'une question à choix ou oui/non ; « %[1]v » est de type « %[2]v »"},
	{CodeConditionCycle, "the conditions of %[1]q lead back to it", "les conditions de « %[1]v » ramènent à lui-même"},
	{CodeUnknownAction, "unknown action %[1]q", "action inconnue « %[1]v »"},
	{CodeUnknownState, "unknown state %[1]q", "état inconnu « %[1]v »"},
	{CodeIllegalAction, "the action %[1]q cannot be taken from the state %[2]q", "l'action « %[1]v » est impossible depuis l'état « %[2]v »"},
	{CodeWrongRole, "the role %[1]q may not take the action %[2]q from the state %[3]q", "le rôle « %[1]v » ne peut pas effectuer l'action « %[2]v » depuis l'état « %[3]v »"},
	{CodeNotAuthor, "%[1]q is not a contributor of the proposal %[2]q", "« %[1]v » n'est pas contributeur de la proposition « %[2]v »"},
	{CodeCallClosed, "the call is not open at %[1]v (opens %[2]v, deadline %[3]v)", "l'appel n'est pas ouvert le %[1]v (ouverture le %[2]v, date limite le %[3]v)"},
	{CodeProposalInvalid, "the proposal cannot be submitted: it has %[1]v problems", "la proposition ne peut pas être soumise : elle comporte %[1]v problèmes"},
	{CodeCallStillOpen, "the call is still open at %[1]v (deadline %[2]v): start the review by hand", "l'appel est encore ouvert le %[1]v (date limite le %[2]v) : lancez l'évaluation manuellement"},
	{CodeConflict, "%[1]q may not review %[2]q: conflict of interest (%[3]v)", "« %[1]v » ne peut pas évaluer « %[2]v » : conflit d'intérêts (%[3]v)"},
	{CodeNoDecision, "the proposal %[1]q has no decision yet", "la proposition « %[1]v » n'a pas encore de décision"},
	{CodeAfterEvent, "too late at %[1]v: the event started at %[2]v", "trop tard le %[1]v : l'événement a commencé le %[2]v"},
	{CodeVersionConflict, "the proposal has changed: version %[2]v, not %[1]v", "la proposition a changé : version %[2]v, et non %[1]v"},
	{CodeNotReviewer, "%[1]q is not a reviewer", "« %[1]v » n'est pas évaluateur"},
	{CodeBadHash, "entry %[1]v does not match its hash: it was changed", "l'entrée %[1]v ne correspond pas à son empreinte : elle a été modifiée"},
	{CodeBrokenChain, "entry %[1]v is not chained to the entry before it: an entry was removed, inserted or moved", "l'entrée %[1]v n'est pas chaînée à la précédente : une entrée a été supprimée, insérée ou déplacée"},
	{CodeBadSequence, "entry number %[1]v expected, found %[2]v", "entrée numéro %[1]v attendue, %[2]v trouvée"},
	{CodeDuplicateSeq, "entry number %[1]v appears more than once", "l'entrée numéro %[1]v figure plusieurs fois"},
	{CodeTruncated, "line %[1]v is cut short", "la ligne %[1]v est tronquée"},
	{CodeReplayMismatch, "entry %[1]v: %[2]q is recorded in the state %[3]q but replays to %[4]q", "entrée %[1]v : « %[2]v » est notée dans l'état « %[3]v » mais le rejeu donne « %[4]v »"},
	{CodeQuotaContradict, "the quota %[1]v has a minimum %[2]v above its maximum %[3]v", "le quota %[1]v a un minimum %[2]v supérieur à son maximum %[3]v"},
	{CodeQuotaUnmet, "the quota %[1]v cannot be met with the others: short by %[2]v", "le quota %[1]v ne peut pas être respecté avec les autres : il manque %[2]v"},
	{CodeInfeasible, "no selection meets every quota: %[1]v quotas conflict", "aucune sélection ne respecte tous les quotas : %[1]v quotas sont en conflit"},
	{CodeSolverLimit, "the exact solver stopped after %[1]v nodes without proving optimality", "le solveur exact s'est arrêté après %[1]v nœuds sans prouver l'optimalité"},
	{CodeTimeBackwards, "dated %[1]v, before the entry before it (%[2]v): journal times never go backwards", "datée du %[1]v, avant l'entrée précédente (%[2]v) : le temps d'un journal ne recule jamais"},
	{CodeNotMember, "%[1]q does not hold the role %[2]q", "« %[1]v » n'a pas le rôle « %[2]v »"},
	{CodeHeadMissing, "the journal has %[1]v entries but its published head is entry %[2]v: entries were removed", "le journal a %[1]v entrées mais sa tête publiée est l'entrée %[2]v : des entrées ont été supprimées"},
	{CodeHeadMismatch, "entry %[1]v does not have the published hash %[2]v but %[3]v: the journal was rewritten or forked", "l'entrée %[1]v n'a pas l'empreinte publiée %[2]v mais %[3]v : le journal a été réécrit ou a divergé"},
	{CodeBadSignature, "the signature of the head at entry %[1]v does not verify", "la signature de la tête à l'entrée %[1]v n'est pas valide"},
	{CodeBadHead, "%[1]q is not a journal head SEQ:HASH", "« %[1]v » n'est pas une tête de journal SEQ:EMPREINTE"},
	{CodeStoreLocked, "another process is writing to the store (lock %[1]v held): try again", "un autre processus écrit dans le dépôt (verrou %[1]v pris) : réessayez"},
	{CodeStoreMismatch, "%[1]v disagrees with the journal: %[2]v", "%[1]v ne concorde pas avec le journal : %[2]v"},
	{CodeAbovePopulation, "%[1]v participants are more than the %[2]v inhabitants of the territory", "%[1]v participants, c'est plus que les %[2]v habitants du territoire"},
	{CodeAboveContribution, "%[1]v contributions taken into account are more than the %[2]v received", "%[1]v contributions retenues, c'est plus que les %[2]v reçues"},
	{CodeAboveParticipants, "the categories add up to %[1]v, more than the %[2]v participants", "les catégories totalisent %[1]v, plus que les %[2]v participants"},
	{CodeEncoding, "is not UTF-8 (byte %[1]v): the file may be Latin-1 or Windows-1252; convert it or name its encoding", "n'est pas en UTF-8 (octet %[1]v) : le fichier est peut-être en Latin-1 ou Windows-1252 ; convertissez-le ou indiquez son encodage"},
	{CodeMissingColumn, "the column %[1]q is missing", "la colonne « %[1]v » manque"},
	{CodeUnknownColumn, "unknown column %[1]q", "colonne inconnue « %[1]v »"},
	{CodeFieldCount, "the row has %[1]v fields, the header %[2]v", "la ligne compte %[1]v champs, l'en-tête %[2]v"},
	{CodeCSVSyntax, "malformed CSV at line %[1]v, column %[2]v: %[3]v", "CSV mal formé ligne %[1]v, colonne %[2]v : %[3]v"},
	{CodeNotEvaluated, "the device went through an evaluation (state %[1]q) but its evaluation format is \"none\"", "le dispositif est passé par une évaluation (état « %[1]v ») mais son format d'évaluation est « none »"},
	{CodeUnknownLayout, "the columns match no known layout (expected %[1]v, found %[2]q)", "les colonnes ne correspondent à aucune disposition connue (attendu %[1]v, trouvé « %[2]v »)"},
	{CodeUnusedColumn, "the column %[1]q is not read into the model", "la colonne « %[1]v » n'est pas reprise dans le modèle"},
	{CodeInconsistent, "%[1]v is %[2]q but %[3]v is %[4]q", "%[1]v vaut « %[2]v » mais %[3]v vaut « %[4]v »"},
	{CodeNotKept, "%[1]q has no place in the model: listed here, not written back", "« %[1]v » n'a pas de place dans le modèle : signalé ici, non réécrit"},
	{CodeDoctype, "XML with a document type declaration is refused (DTD and entities are not read)", "le XML avec une déclaration de type de document est refusé (DTD et entités ne sont pas lues)"},
	{CodeXMLSyntax, "malformed XML at line %[1]v: %[2]v", "XML mal formé ligne %[1]v : %[2]v"},
	{CodeDuration, "%[1]q is not a duration (H:MM, HH:MM or HH:MM:SS, not negative)", "« %[1]v » n'est pas une durée (H:MM, HH:MM ou HH:MM:SS, positive)"},
	{CodeReplaced, "%[1]q is not accepted in what is written back: replaced by %[2]q", "« %[1]v » n'est pas accepté dans ce qui est réécrit : remplacé par « %[2]v »"},
	{CodePBSection, "the section %[1]v is expected here, found %[2]q", "la section %[1]v est attendue ici, trouvé « %[2]v »"},
	{CodePBCount, "META %[1]v says %[2]v, the file has %[3]v", "META %[1]v annonce %[2]v, le fichier en compte %[3]v"},
	{CodeNotPositive, "must be positive (is %[1]v)", "doit être positif (vaut %[1]v)"},
	{CodeInvalidCurrency, "%[1]q is not an ISO 4217 currency code", "« %[1]v » n'est pas un code de devise ISO 4217"},
	{CodeTallyMismatch, "the %[1]v column says %[2]v, the ballots give %[3]v", "la colonne %[1]v indique %[2]v, les bulletins donnent %[3]v"},
	{CodeOverBudget, "the selected projects cost %[1]v, more than the budget of %[2]v", "les projets retenus coûtent %[1]v, plus que le budget de %[2]v"},
	{CodeCurrencyMix, "amounts in %[1]v and %[2]v cannot be added together", "des montants en %[1]v et en %[2]v ne peuvent pas être additionnés"},
	{CodeLineTooLong, "the line is longer than the limit of %[1]v bytes", "la ligne dépasse la limite de %[1]v octets"},
}

// Codes lists every code, in documentation order.
func Codes() []Code {
	out := make([]Code, len(codeTable))
	for i, c := range codeTable {
		out[i] = c.code
	}
	return out
}

// String returns the code itself.
func (c Code) String() string { return string(c) }

// Valid reports whether c is one of [Codes].
func (c Code) Valid() bool {
	for _, e := range codeTable {
		if e.code == c {
			return true
		}
	}
	return false
}
