// Command policylens reads policy documents and tells what they order.
package main

import (
	"context"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"

	"github.com/policylens/policylens/internal/cli"
)

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		// a soft limit keeps batches near the dictionaries' size plus the
		// documents in flight instead of twice the peak heap (GOGC). It costs
		// no measurable CPU on commands that hold every analysis: `compare
		// --by year` over three work reports, 5 runs each on 2026-12-06 (a
		// loaded 2-core machine): median 1.12 s CPU and 137 MB with it,
		// 1.20 s and 160 MB with GOMEMLIMIT=off. GOMEMLIMIT overrides it.
		debug.SetMemoryLimit(110 << 20)
	}
	// an interrupt cancels the batch: outputs are written whole or not at all
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	// after the first signal the default action is back: a second one ends
	// the process at once, whatever it is doing
	go func() { <-ctx.Done(); stop() }()
	code := cli.Run(ctx, os.Args[1:], cli.Streams{In: os.Stdin, Out: os.Stdout, Err: os.Stderr})
	stop()
	os.Exit(code)
}
