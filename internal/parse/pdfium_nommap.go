//go:build !(linux || darwin)

package parse

import "github.com/tetratelabs/wazero/experimental"

// pdfiumMemory is wazero's own Go-slice memory where mmap is not at hand.
var pdfiumMemory experimental.MemoryAllocator
