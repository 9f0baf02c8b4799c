// Package samples ships a handful of public policy documents inside the
// binary, so that the examples of `policylens --help` work after `go
// install` with nothing else on disk: `policylens samples DIR` writes them
// out. files/README.md says where each one comes from.
package samples
