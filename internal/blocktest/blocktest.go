// Package blocktest fails a test that blocks instead of hanging it: the
// hostile-input tests of several packages open FIFOs and devices, and a
// regression there would otherwise stall the whole run.
package blocktest

import (
	"testing"
	"time"
)

// Within fails t when f does not return within d.
func Within(t testing.TB, d time.Duration, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { defer close(done); f() }()
	select {
	case <-done:
	case <-time.After(d):
		t.Fatalf("blocked for %s", d)
	}
}
