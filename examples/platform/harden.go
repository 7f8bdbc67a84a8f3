package main

import (
	"mime"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/message"

	"github.com/civic-observatory/civic"
)

// This file holds what makes the example safe to expose: timeouts, the media type check,
// the store quota and capped error answers. Copy it with the handlers.

// Limits of the server. A platform tunes them; each is documented in README.md.
const (
	// ReadHeaderTimeout, ReadTimeout, WriteTimeout and IdleTimeout bound how long a
	// client may take to send its headers, its whole request, to read the answer, and
	// how long an idle keep-alive connection is kept: a client that sends headers and no
	// body holds a connection ReadTimeout at most.
	ReadHeaderTimeout = 5 * time.Second
	ReadTimeout       = 15 * time.Second
	WriteTimeout      = 30 * time.Second
	IdleTimeout       = 60 * time.Second
	// MaxHeaderBytes bounds the request line and headers.
	MaxHeaderBytes = 64 << 10

	// MaxStored and MaxStoredBytes bound the store: the number of proposals kept and the
	// bytes of their bodies as received. Past either, a submission is refused with 507
	// Insufficient Storage and the code store_full.
	MaxStored      = 10000
	MaxStoredBytes = 64 << 20

	// MaxAnswerProblems bounds the problems listed in one error answer; past it, one
	// too_many_problems ends the list. MaxAnswerArg bounds, in bytes, a value echoed in a
	// problem (an e-mail address, an identifier…), cut with "…".
	MaxAnswerProblems = 100
	MaxAnswerArg      = 200
)

// NewHTTPServer returns an http.Server for the handler with every timeout set: the
// standard library's defaults are none.
func NewHTTPServer(addr string, h http.Handler) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: ReadHeaderTimeout,
		ReadTimeout:       ReadTimeout,
		WriteTimeout:      WriteTimeout,
		IdleTimeout:       IdleTimeout,
		MaxHeaderBytes:    MaxHeaderBytes,
	}
}

// jsonOnly answers 415 Unsupported Media Type to a request whose body is not declared
// application/json (in UTF-8, the only charset JSON has). A web page on another site can
// post text/plain or a form without a preflight request; it cannot post application/json.
func jsonOnly(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		mt, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
		cs, hasCS := params["charset"]
		if err != nil || mt != "application/json" || hasCS && !strings.EqualFold(cs, "utf-8") {
			p := civic.NewPrinter(negotiate(r))
			fe := &civic.FieldError{Code: civic.CodeMediaType, Args: []any{"application/json"}}
			writeJSON(w, http.StatusUnsupportedMediaType, problemBody{Error: fe.Localize(p), Problems: []civic.Problem{fe.Problem(p)}})
			return
		}
		next(w, r)
	}
}

// storeFull reports whether one more proposal of n bytes would pass the quota; s.mu is
// held.
func (s *Server) storeFull(n int) bool {
	return len(s.proposals) >= s.MaxStored || s.storedBytes+int64(n) > s.MaxStoredBytes
}

// answerProblems renders at most MaxAnswerProblems problems, each echoed value cut to
// MaxAnswerArg bytes, so that an answer stays small whatever the request held.
func answerProblems(fes []*civic.FieldError, p *message.Printer) []civic.Problem {
	n := min(len(fes), MaxAnswerProblems)
	out := make([]civic.Problem, 0, n+1)
	for _, fe := range fes[:n] {
		if fe.Code == civic.CodeTooManyProblems {
			break
		}
		c := *fe
		c.Args = make([]any, len(fe.Args))
		for i, a := range fe.Args {
			if s, ok := a.(string); ok {
				a = cut(s, MaxAnswerArg)
			}
			c.Args[i] = a
		}
		out = append(out, c.Problem(p))
	}
	if len(out) < len(fes) {
		fe := &civic.FieldError{Code: civic.CodeTooManyProblems, Args: []any{len(out)}}
		out = append(out, fe.Problem(p))
	}
	return out
}

// cut returns s cut to at most n bytes at a character boundary, ending with "…" when cut.
func cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}
