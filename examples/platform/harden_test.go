package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/contribution"
)

// Only application/json is accepted: a web page can post text/plain or a form to another
// site without a preflight request (issue 12: both were accepted).
func TestJSONOnly(t *testing.T) {
	srv := newTestServer(t)
	for _, tt := range []struct {
		contentType string
		status      int
	}{
		{"application/json", http.StatusCreated},
		{"application/json; charset=utf-8", http.StatusCreated},
		{"Application/JSON; charset=UTF-8", http.StatusCreated},
		{"", http.StatusUnsupportedMediaType},
		{"text/plain", http.StatusUnsupportedMediaType},
		{"text/plain; charset=utf-8", http.StatusUnsupportedMediaType},
		{"application/x-www-form-urlencoded", http.StatusUnsupportedMediaType},
		{"multipart/form-data; boundary=x", http.StatusUnsupportedMediaType},
		{"application/json; charset=latin1", http.StatusUnsupportedMediaType},
		{"application/jsonp", http.StatusUnsupportedMediaType},
		{"application/json;;", http.StatusUnsupportedMediaType},
	} {
		t.Run(tt.contentType, func(t *testing.T) {
			body := strings.Replace(validProposal, "p900", fmt.Sprintf("p%d", time.Now().UnixNano()%1e9), 1)
			req, err := http.NewRequest(http.MethodPost, srv.URL+"/proposals", strings.NewReader(body))
			require.NoError(t, err)
			if tt.contentType != "" {
				req.Header.Set("Content-Type", tt.contentType)
			}
			resp, err := srv.Client().Do(req)
			require.NoError(t, err)
			defer resp.Body.Close()
			assert.Equal(t, tt.status, resp.StatusCode)
			if tt.status == http.StatusUnsupportedMediaType {
				var out problemBody
				require.NoError(t, json.NewDecoder(resp.Body).Decode(&out))
				require.Len(t, out.Problems, 1)
				assert.Equal(t, civic.CodeMediaType, out.Problems[0].Code)
			}
		})
	}
}

// The store refuses submissions past its quota with 507 (issue 12: no quota, ~330 KB kept
// per proposal).
func TestStoreQuota(t *testing.T) {
	call, err := contribution.Call2019()
	require.NoError(t, err)
	now := func() time.Time { return time.Date(2019, 1, 20, 12, 0, 0, 0, call.Location()) }
	s := NewServer(call, now)
	s.MaxStored = 2
	srv := httptest.NewServer(s.Handler())
	defer srv.Close()
	for i, want := range []int{http.StatusCreated, http.StatusCreated, http.StatusInsufficientStorage} {
		resp, out := post(t, srv, "en", strings.Replace(validProposal, "p900", fmt.Sprintf("p90%d", i), 1))
		assert.Equal(t, want, resp.StatusCode, "%v", out)
		if want == http.StatusInsufficientStorage {
			assert.Contains(t, fmt.Sprint(out["problems"]), "store_full")
		}
	}

	s = NewServer(call, now)
	s.MaxStoredBytes = int64(len(validProposal)) + 10
	srv2 := httptest.NewServer(s.Handler())
	defer srv2.Close()
	resp, _ := post(t, srv2, "en", validProposal)
	assert.Equal(t, http.StatusCreated, resp.StatusCode)
	resp, _ = post(t, srv2, "en", strings.Replace(validProposal, "p900", "p901", 1))
	assert.Equal(t, http.StatusInsufficientStorage, resp.StatusCode)
}

// Error answers are capped: a body with thousands of wrong values, or one huge wrong value,
// gets a small answer (issue 12: one 302 KB POST answered 22 MB after 232 s).
func TestCappedAnswers(t *testing.T) {
	srv := newTestServer(t)
	many := `{"contributors":[` + strings.TrimSuffix(strings.Repeat("1,", 100000), ",") + `]}`
	hugeEmail := strings.Replace(validProposal, "camille.martin@example.fr", strings.Repeat("x", 500000), 1)
	for name, body := range map[string]string{"many wrong values": many, "one huge value": hugeEmail} {
		t.Run(name, func(t *testing.T) {
			req, err := http.NewRequest(http.MethodPost, srv.URL+"/proposals", strings.NewReader(body))
			require.NoError(t, err)
			req.Header.Set("Content-Type", "application/json")
			resp, err := srv.Client().Do(req)
			require.NoError(t, err)
			defer resp.Body.Close()
			assert.Equal(t, http.StatusUnprocessableEntity, resp.StatusCode)
			data, err := io.ReadAll(resp.Body)
			require.NoError(t, err)
			assert.Less(t, len(data), 64<<10)
			var out problemBody
			require.NoError(t, json.Unmarshal(data, &out))
			assert.LessOrEqual(t, len(out.Problems), MaxAnswerProblems+1)
		})
	}
}

// A client that sends its headers and no body is disconnected after ReadTimeout
// (issue 12: only a header timeout was set, the connection was held 60 s and more).
func TestSlowClientDisconnected(t *testing.T) {
	call, err := contribution.Call2019()
	require.NoError(t, err)
	hs := NewHTTPServer("127.0.0.1:0", NewServer(call, time.Now).Handler())
	assert.Equal(t, ReadTimeout, hs.ReadTimeout)
	assert.Equal(t, WriteTimeout, hs.WriteTimeout)
	assert.Equal(t, IdleTimeout, hs.IdleTimeout)
	assert.Equal(t, ReadHeaderTimeout, hs.ReadHeaderTimeout)
	hs.ReadTimeout = 300 * time.Millisecond
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	go hs.Serve(ln)
	defer hs.Close()

	conn, err := net.Dial("tcp", ln.Addr().String())
	require.NoError(t, err)
	defer conn.Close()
	fmt.Fprintf(conn, "POST /proposals HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{")
	// The server gives up reading the body and closes the connection: the read ends
	// well before this deadline (a safety net, not a measure).
	require.NoError(t, conn.SetReadDeadline(time.Now().Add(10*time.Second)))
	_, err = io.ReadAll(bufio.NewReader(conn))
	var ne net.Error
	if err != nil && assert.ErrorAs(t, err, &ne) {
		assert.False(t, ne.Timeout(), "the server kept the connection open")
	}
}
