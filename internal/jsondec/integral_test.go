package jsondec

import (
	"testing"

	"github.com/civic-observatory/civic"
)

// TestIntExact: a number is an integer only if it is one as written (issue 12): float64
// rounding must not turn 42000.0000000000000001 or 1e-999 into one.
func TestIntExact(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want int64
		ok   bool
	}{
		{"42000", 42000, true}, {"2.0", 2, true}, {"1e3", 1000, true}, {"1.50e1", 15, true}, {"-0.0", 0, true},
		{"0e-5", 0, true}, {"12.3400e2", 1234, true}, {"1000e-3", 1, true},
		{"42000.0000000000000001", 0, false}, {"1e-999", 0, false}, {"1.5", 0, false}, {"9.999999999999999999e2", 0, false},
		{"1e400", 0, false}, {"123e-2", 0, false},
	} {
		d := New([]byte(tt.in), Limits{})
		got := d.Int()
		d.End()
		if tt.ok != (d.Err() == nil) || got != tt.want {
			t.Errorf("%s: %d, %v", tt.in, got, d.Err())
		}
		if !tt.ok && civic.ErrorCode(d.Err()) != civic.CodeNumber {
			t.Errorf("%s: code %v", tt.in, d.Err())
		}
	}
}
