package cli

import (
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/policylens/policylens/internal/samples"
)

func newSamplesCmd(s Streams) *cobra.Command {
	var overwrite bool
	cmd := &cobra.Command{
		Use:   "samples DIR",
		Short: "Write a few sample documents to DIR, to try the other commands on",
		Long: `Samples writes the small set of public documents built into policylens:
three Chinese news items of 2021, a Chinese law and a US executive order,
with a README naming their sources. The examples of every command's help
use them.`,
		Example: `  policylens samples samples
  policylens analyze samples/zh-news/20211217-13091315907.md`,
		Args: cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			written, err := samples.Write(args[0], overwrite)
			for _, p := range written {
				fmt.Fprintln(s.Out, p)
			}
			if err != nil {
				return err
			}
			fmt.Fprintf(s.Err, "policylens: wrote %d files; try: policylens analyze %s\n", len(written), filepath.Join(args[0], "zh-news"))
			return nil
		},
	}
	cmd.Flags().BoolVar(&overwrite, "force", false, "overwrite sample files that already exist")
	return cmd
}
