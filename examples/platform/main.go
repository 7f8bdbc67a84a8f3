// Command platform is a small HTTP server a civic tech platform could copy: it accepts
// proposals to the built-in 2019 call as JSON and answers 201 Created, or 422
// Unprocessable Entity with every problem localised in French or English.
//
//	go run ./examples/platform -addr 127.0.0.1:8080
//	curl -H 'Content-Type: application/json' -H 'Accept-Language: fr' -d @proposal.json http://127.0.0.1:8080/proposals
//
// Its limits (timeouts, body size, store quota, size of error answers) are in harden.go and
// README.md.
//
// It uses only the standard library and this module.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net/http"
	"sync"
	"time"

	"golang.org/x/text/language"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/contribution"
)

// MaxBody is the largest request body accepted, in bytes.
const MaxBody = 1 << 20

// Server accepts proposals to one call and keeps them in memory: each as a
// [contribution.Record] (the author's submission beside what the workflow owns) and its
// submission in a decision journal.
type Server struct {
	call *contribution.Call
	now  func() time.Time

	// MaxStored and MaxStoredBytes bound the store (see the constants of the same
	// names, their defaults).
	MaxStored      int
	MaxStoredBytes int64

	mu          sync.Mutex
	proposals   map[string]*contribution.Record
	journal     contribution.Journal
	storedBytes int64
}

// NewServer returns a server for the call. now is the server's clock: it dates every
// submission, and the call's deadline applies to it, never to a time an author wrote.
func NewServer(call *contribution.Call, now func() time.Time) *Server {
	return &Server{call: call, now: now, proposals: map[string]*contribution.Record{},
		MaxStored: MaxStored, MaxStoredBytes: MaxStoredBytes}
}

// Handler returns the server's routes: POST /proposals, GET /proposals/{id}.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /proposals", jsonOnly(s.create))
	mux.HandleFunc("GET /proposals/{id}", s.get)
	return mux
}

// problemBody is the 422 answer: every problem, rendered in the client's language.
type problemBody struct {
	Error    string          `json:"error"`
	Problems []civic.Problem `json:"problems"`
}

func (s *Server) create(w http.ResponseWriter, r *http.Request) {
	tag := negotiate(r)
	p := civic.NewPrinter(tag)
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBody))
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &tooLarge):
		fe := &civic.FieldError{Code: civic.CodeTooLarge, Args: []any{MaxBody}}
		writeJSON(w, http.StatusRequestEntityTooLarge, problemBody{Error: fe.Localize(p), Problems: []civic.Problem{fe.Problem(p)}})
		return
	case err != nil:
		http.Error(w, "cannot read body", http.StatusBadRequest)
		return
	}
	// A submission carrying state, version, pending or submitted is refused
	// (unknown_field): those are the workflow's.
	prop, err := contribution.DecodeProposal(body, s.call)
	if err != nil {
		var ve *civic.ValidationError
		if !errors.As(err, &ve) {
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
		writeJSON(w, http.StatusUnprocessableEntity, problemBody{
			Error:    fmt.Sprintf(civic.NewText("la proposition comporte %d problème(s)", "the proposal has %d problem(s)").Get(tag), len(ve.Errors)),
			Problems: answerProblems(ve.Errors, p),
		})
		return
	}
	s.mu.Lock()
	if _, dup := s.proposals[prop.ID]; dup {
		s.mu.Unlock()
		fe := &civic.FieldError{Path: civic.Path{}.Key("id"), Code: civic.CodeDuplicate, Args: []any{prop.ID}}
		writeJSON(w, http.StatusConflict, problemBody{Error: fe.Localize(p), Problems: []civic.Problem{fe.Problem(p)}})
		return
	}
	if s.storeFull(len(body)) {
		s.mu.Unlock()
		fe := &civic.FieldError{Code: civic.CodeStoreFull, Args: []any{s.MaxStored, s.MaxStoredBytes}}
		writeJSON(w, http.StatusInsufficientStorage, problemBody{Error: fe.Localize(p), Problems: []civic.Problem{fe.Problem(p)}})
		return
	}
	// The workflow submits it, by the server's clock. A real platform would act as the
	// author it authenticated; this one takes the contact's address.
	rec := contribution.NewRecord(prop)
	author := contribution.Actor{ID: prop.Contributors[0].Email, Role: contribution.RoleAuthor, Email: prop.Contributors[0].Email}
	entry, err := contribution.ReviewWorkflow().Apply(rec, contribution.Request{Action: contribution.ActionSubmit, Actor: author, At: s.now()}, contribution.Env{Call: s.call})
	if err == nil {
		_, err = s.journal.Append(entry)
	}
	if err != nil {
		s.mu.Unlock()
		var ae *contribution.ActionError
		if !errors.As(err, &ae) {
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
		fe := ae.FieldError()
		writeJSON(w, http.StatusUnprocessableEntity, problemBody{Error: fe.Localize(p), Problems: []civic.Problem{fe.Problem(p)}})
		return
	}
	s.proposals[prop.ID] = rec
	s.storedBytes += int64(len(body))
	s.mu.Unlock()
	w.Header().Set("Location", "/proposals/"+prop.ID)
	writeJSON(w, http.StatusCreated, rec)
}

func (s *Server) get(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	prop, ok := s.proposals[r.PathValue("id")]
	s.mu.Unlock()
	if !ok {
		http.NotFound(w, r)
		return
	}
	writeJSON(w, http.StatusOK, prop)
}

// negotiate picks French or English from ?lang= or the Accept-Language header.
func negotiate(r *http.Request) language.Tag {
	tag := language.English
	if l := r.URL.Query().Get("lang"); l != "" {
		if t, err := language.Parse(l); err == nil {
			tag = t
		}
	} else if tags, _, err := language.ParseAcceptLanguage(r.Header.Get("Accept-Language")); err == nil && len(tags) > 0 {
		_, i, _ := language.NewMatcher(civic.Languages()).Match(tags...)
		tag = civic.Languages()[i]
	}
	return civic.MatchLanguage(tag)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v)
}

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	flag.Parse()
	call, err := contribution.Call2019()
	if err != nil {
		log.Fatal(err)
	}
	// The 2019 call closed long ago: stamp submissions as if it were 20 January 2019, so
	// the example accepts proposals today.
	demoNow := func() time.Time { return time.Date(2019, 1, 20, 12, 0, 0, 0, call.Location()) }
	srv := NewHTTPServer(*addr, NewServer(call, demoNow).Handler())
	log.Printf("accepting proposals on http://%s/proposals", *addr)
	log.Fatal(srv.ListenAndServe())
}
