// Package jsondec is a strict, allocation-light pull decoder for the JSON documents of this
// module, and a streaming splitter for bulk input.
//
// Domain packages decode their documents by hand with a [Decoder]: they ask for the value
// they expect ([Decoder.Object], [Decoder.Str], [Decoder.Int]…) and the decoder either
// returns it or records a [civic.FieldError] at the exact path of the value and skips it,
// so that a caller gets every problem of a document at once rather than the first one.
//
// # What is accepted
//
// Exactly RFC 8259 JSON: no comments, no trailing commas, no leading zeros, no NaN or
// Infinity, no raw control characters in strings. Strings are returned unescaped,
// checked for valid UTF-8 (lone surrogate escapes such as \ud800 are invalid) and
// normalised to Unicode NFC.
//
// # Kinds of problems
//
// Syntax errors ([civic.CodeSyntax], with the byte offset and a short English detail),
// nesting deeper than [Limits.MaxDepth] ([civic.CodeTooDeep]) and documents larger than
// [Limits.MaxDocument] ([civic.CodeTooLarge] at the root) are fatal: decoding stops and
// every later call is a no-op returning a zero value ([Decoder.Fatal] reports it).
//
// Every other problem is recoverable: the decoder records it at the value's path, skips
// the value and goes on. These are wrong types ([civic.CodeType]), unknown members
// ([civic.CodeUnknownField], recorded by [Decoder.Unknown]), members given twice
// ([civic.CodeDuplicateKey]), invalid UTF-8 ([civic.CodeInvalidUTF8]), strings longer than
// [Limits.MaxString] ([civic.CodeTooLarge]), arrays longer than [Limits.MaxItems]
// ([civic.CodeTooMany]) and numbers that do not fit ([civic.CodeNumber]).
//
// # Typical use
//
//	d := jsondec.New(data, jsondec.Limits{})
//	if d.Object() {
//		for d.Next() {
//			switch string(d.Key()) {
//			case "title":
//				p.Title = d.Str()
//			case "speakers":
//				if d.Array() {
//					for d.More() {
//						p.Speakers = append(p.Speakers, decodeSpeaker(d))
//					}
//				}
//			default:
//				d.Unknown()
//			}
//		}
//	}
//	d.End()
//	return d.Err()
//
// [Decoder.Object] and [Decoder.Array] return false (having recorded the problem and
// skipped the value) when the value is not of their kind; only when they return true must
// the caller loop on [Decoder.Next] or [Decoder.More] until it returns false. A member or
// item whose value the caller does not consume at all is skipped silently by the next call
// to Next or More, and [Decoder.End] drains whatever the caller left open.
//
// # Bulk input
//
// [Records] splits a stream holding one JSON value, a top-level array of values, or NDJSON
// into records, with memory bounded by the largest record.
package jsondec
