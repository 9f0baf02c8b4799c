package cli

import "github.com/spf13/cobra"

func newKeywordsCmd(s Streams) *cobra.Command {
	return &cobra.Command{Use: "keywords", Hidden: true}
}
