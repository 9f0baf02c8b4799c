// Package cli holds the policylens commands. Flags become option structs,
// commands run in-process against injected streams (so tests call Run),
// and this is the one place where errors become exit codes.
package cli
