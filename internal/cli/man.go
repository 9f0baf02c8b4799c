package cli

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
)

func newManCmd(s Streams) *cobra.Command {
	return &cobra.Command{
		Use:   "man DIR",
		Short: "Write the manual pages (section 1) of every command to DIR",
		Long: `Man writes one manual page per command, generated from the same text as
--help: policylens.1, policylens-analyze.1 and so on. Put DIR on MANPATH,
or copy the pages to /usr/local/share/man/man1.`,
		Example: `  policylens man man1 && man -l man1/policylens-analyze.1`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := args[0]
			if err := os.MkdirAll(dir, 0o777); err != nil {
				return fmt.Errorf("man: %w", err)
			}
			root := cmd.Root()
			root.DisableAutoGenTag = true // pages that do not change from one day to the next
			header := &doc.GenManHeader{Title: "POLICYLENS", Section: "1", Source: "policylens " + version(), Manual: "policylens manual"}
			if err := doc.GenManTree(root, header, dir); err != nil {
				return fmt.Errorf("man %s: %w", dir, err)
			}
			pages, _ := filepath.Glob(filepath.Join(dir, "policylens*.1"))
			fmt.Fprintf(s.Err, "policylens: wrote %d manual pages to %s\n", len(pages), dir)
			return nil
		},
	}
}
