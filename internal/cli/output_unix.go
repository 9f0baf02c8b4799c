//go:build unix

package cli

import (
	"io/fs"
	"syscall"
)

// linkCount is the number of hard links of a file.
func linkCount(st fs.FileInfo) uint64 {
	if s, ok := st.Sys().(*syscall.Stat_t); ok {
		return uint64(s.Nlink)
	}
	return 1
}
