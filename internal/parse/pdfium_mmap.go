//go:build linux || darwin

package parse

import (
	"syscall"

	"github.com/tetratelabs/wazero/experimental"
)

// pdfiumMemory backs PDFium's WebAssembly memory with an mmap'd region
// reserved at its maximum size and opened up as it grows. wazero's default
// is a Go slice that grows by copying, so a PDF whose fonts take 100 MB
// inside PDFium briefly needed twice that in Go's heap, and kept the old
// copies until the collector ran; here growth is in place and untouched
// pages cost nothing.
var pdfiumMemory experimental.MemoryAllocator = experimental.MemoryAllocatorFunc(newMmapMemory)

type mmapMemory struct{ buf []byte }

// newMmapMemory reserves max bytes of address space without committing
// any; where the reservation fails, a Go slice as wazero's own.
func newMmapMemory(capacity, max uint64) experimental.LinearMemory {
	buf, err := syscall.Mmap(-1, 0, int(max), syscall.PROT_NONE, syscall.MAP_PRIVATE|syscall.MAP_ANON)
	if err != nil {
		return &sliceMemory{buf: make([]byte, 0, capacity), max: max}
	}
	return &mmapMemory{buf: buf}
}

func (m *mmapMemory) Reallocate(size uint64) []byte {
	if size > uint64(len(m.buf)) {
		return nil
	}
	if size > 0 && syscall.Mprotect(m.buf[:size], syscall.PROT_READ|syscall.PROT_WRITE) != nil {
		return nil
	}
	return m.buf[:size]
}

func (m *mmapMemory) Free() {
	if m.buf != nil {
		_ = syscall.Munmap(m.buf)
		m.buf = nil
	}
}

// sliceMemory grows by copying, as wazero's default memory does.
type sliceMemory struct {
	buf []byte
	max uint64
}

func (m *sliceMemory) Reallocate(size uint64) []byte {
	if size > m.max {
		return nil
	}
	if size > uint64(cap(m.buf)) {
		grown := make([]byte, size, min(max(size, 2*uint64(cap(m.buf))), m.max))
		copy(grown, m.buf)
		m.buf = grown
	}
	m.buf = m.buf[:size]
	return m.buf
}

func (m *sliceMemory) Free() { m.buf = nil }
