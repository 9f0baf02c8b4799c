package analyze

import (
	"runtime/debug"
	"testing"
)

// TestMemoryHeld: a large document raises the soft limit by what it needs
// while analyzed, and the limit comes back after.
func TestMemoryHeld(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "")
	const base = 100 << 20
	old := debug.SetMemoryLimit(base)
	defer debug.SetMemoryLimit(old)

	n := int64(2 << 20)
	release := holdMemory(n)
	if got, want := debug.SetMemoryLimit(-1), int64(base)+needs(n); got != want {
		t.Fatalf("limit while analyzing = %d, want %d", got, want)
	}
	release()
	if got := debug.SetMemoryLimit(-1); got != base {
		t.Fatalf("limit after = %d, want %d", got, base)
	}
}

// TestMemoryNotHeld: a small document, or a limit the user set with
// GOMEMLIMIT, leaves the limit alone.
func TestMemoryNotHeld(t *testing.T) {
	const base = 100 << 20
	old := debug.SetMemoryLimit(base)
	defer debug.SetMemoryLimit(old)
	holdMemory(largeDocument - 1)()
	t.Setenv("GOMEMLIMIT", "200MiB")
	release := holdMemory(largeDocument * 4)
	if got := debug.SetMemoryLimit(-1); got != base {
		t.Errorf("limit = %d, want %d", got, base)
	}
	release()
}
