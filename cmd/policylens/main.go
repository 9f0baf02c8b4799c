// Command policylens reads policy documents and tells what they order.
package main

import (
	"os"
	"runtime/debug"

	"github.com/policylens/policylens/internal/cli"
)

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		// a soft limit keeps batches near the dictionaries' size plus the
		// documents in flight instead of twice the peak heap (GOGC)
		debug.SetMemoryLimit(110 << 20)
	}
	os.Exit(cli.Run(os.Args[1:], cli.Streams{In: os.Stdin, Out: os.Stdout, Err: os.Stderr}))
}
