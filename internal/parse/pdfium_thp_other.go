//go:build darwin

package parse

// hugePages: transparent huge pages are Linux's.
func hugePages([]byte) {}
