package analyze

import (
	"os"
	"runtime/debug"
	"sync"
)

// Memory that analyzing a document holds, per byte of its text, beyond the
// dictionaries: the parsed text and the result (directives, mentions) grow
// with it, one window of tokens does not. Measured on the 72 work reports
// as one 3.3 MB text (2026-12-06): the live heap grew by about 20 bytes per
// byte; a window costs at most about 48 bytes per byte of its text.
const (
	bytesPerByte  = 24
	windowBytes   = windowRunes * 3 // UTF-8 Chinese
	bytesPerWByte = 48
)

// softLimit lets the process's soft memory limit follow the work. A
// program that set a soft limit (debug.SetMemoryLimit, as the policylens
// command does) would otherwise make the garbage collector run back to
// back once a long document needs more than it allows: while documents
// are analyzed, the limit is raised by what they need, and set back when
// none is in flight. GOMEMLIMIT, or no soft limit at all, is left alone.
// The limit belongs to the process, so this state is the process's too.
var softLimit struct {
	mu       sync.Mutex
	base     int64 // the limit the program set, while inFlight > 0
	inFlight int64 // bytes the documents being analyzed need
}

// needs is the memory a document of n bytes of text holds while analyzed.
func needs(n int64) int64 { return bytesPerByte*n + bytesPerWByte*min(n, windowBytes) }

// holdMemory raises the soft limit for a document of n bytes of text and
// returns the function that gives it back.
func holdMemory(n int64) func() { return holdNeed(n, needs(n)) }

// holdNeed raises the soft limit by need for a document of n bytes.
func holdNeed(n, need int64) func() {
	if os.Getenv("GOMEMLIMIT") != "" || n < largeDocument {
		return func() {}
	}
	s := &softLimit
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.inFlight == 0 {
		s.base = debug.SetMemoryLimit(-1)
	}
	if s.base <= 0 || s.base == maxLimit {
		return func() {}
	}
	s.inFlight += need
	debug.SetMemoryLimit(s.base + s.inFlight)
	return func() {
		s.mu.Lock()
		defer s.mu.Unlock()
		s.inFlight -= need
		debug.SetMemoryLimit(s.base + s.inFlight)
	}
}

// largeDocument is the size from which a document raises the limit: the
// documents of an ordinary batch fit under it together (the 72 work
// reports with --jobs 2 stayed at 143 MB without raising, 160 MB with),
// a long one would make the collector run back to back.
const largeDocument = 1 << 20

// maxLimit is the runtime's "no limit".
const maxLimit = 1<<63 - 1

// spillNeeds is the memory a document of n bytes of text may hold while
// analyzed with WithSpill: its parsed text until it is written out (just
// after parsing), one window, and what spans the document (entities'
// mentions, keyword statistics), which grows far slower than the text. It
// is a ceiling for the collector, not a reservation: the live heap stays
// near one window's once the text is on disk.
func spillNeeds(n int64) int64 { return 2*n + bytesPerWByte*min(n, windowBytes) }
