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
		// documents in flight instead of twice the peak heap (GOGC). Most
		// dictionaries are tables embedded in the binary now, outside the
		// heap: 80 MiB instead of 110 took 20 MB off compare and report on
		// the 72 work reports (156 → 135 MB) at the same CPU time. The
		// analyzer raises it by what the documents being analyzed need and
		// sets it back after (analyze/memory.go), so a long document does
		// not make the GC run back to back. GOMEMLIMIT overrides both.
		debug.SetMemoryLimit(80 << 20)
	}
	if os.Getenv("GOGC") == "" {
		// below the soft limit the collector ran whenever the heap
		// doubled: 21 times for the 72 work reports with two jobs. At 150
		// it runs 17-18 times, 3% fewer instructions in all, and the soft
		// limit still holds the peak: RSS moved by 1-4 MB (analyze,
		// compare, report, keywords, index). 200 gained nothing more (the
		// limit binds). GOGC overrides it.
		debug.SetGCPercent(150)
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
