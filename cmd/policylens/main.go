// Command policylens reads policy documents and tells what they order.
package main

import (
	"os"

	"github.com/policylens/policylens/internal/cli"
)

func main() {
	os.Exit(cli.Run(os.Args[1:], cli.Streams{In: os.Stdin, Out: os.Stdout, Err: os.Stderr}))
}
