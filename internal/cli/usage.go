package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// groupAnnotation marks a flag that help lists apart from the common flags.
const groupAnnotation = "policylens_group"

// inputGroup is the group of flags that only say how to read inputs.
const inputGroup = "Input flags"

// markInput puts flags into the input group that help shows after the others.
func markInput(fs *pflag.FlagSet, names ...string) {
	for _, n := range names {
		_ = fs.SetAnnotation(n, groupAnnotation, []string{inputGroup}) // names are ours: never missing
	}
}

// prepareTree gives every command of the tree cobra's hooks for usage
// errors: its argument check returns a usageError, so that exit codes never
// depend on the wording of cobra's messages; a command that only holds
// subcommands rejects an unknown one instead of printing help with exit 0.
func prepareTree(c *cobra.Command) {
	switch {
	case c.HasSubCommands() && !c.Runnable():
		c.Args = cobra.ArbitraryArgs
		c.RunE = runGroup
		c.Annotations = map[string]string{groupAnnotation: "commands"}
	case c.Args != nil:
		check := c.Args
		c.Args = func(cmd *cobra.Command, args []string) error {
			if err := check(cmd, args); err != nil {
				return usageError{err}
			}
			return nil
		}
	}
	c.SetUsageFunc(usage)
	for _, sub := range c.Commands() {
		prepareTree(sub)
	}
}

// runGroup runs a command that only holds subcommands: help without
// arguments, a usage error naming the unknown subcommand otherwise.
func runGroup(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return cmd.Help()
	}
	msg := fmt.Sprintf("unknown command %q for %q", args[0], cmd.CommandPath())
	if s := cmd.SuggestionsFor(args[0]); len(s) > 0 {
		msg += fmt.Sprintf(" (did you mean %s?)", strings.Join(s, ", "))
	}
	return usageError{fmt.Errorf("%s", msg)}
}

// usage prints a command's usage with the input flags after the others.
func usage(c *cobra.Command) error {
	w := c.OutOrStderr()
	fmt.Fprint(w, "Usage:")
	if c.Runnable() && c.Annotations[groupAnnotation] == "" {
		fmt.Fprintf(w, "\n  %s", c.UseLine())
	}
	if c.HasAvailableSubCommands() {
		fmt.Fprintf(w, "\n  %s [command]", c.CommandPath())
	}
	if c.HasExample() {
		fmt.Fprintf(w, "\n\nExamples:\n%s", c.Example)
	}
	writeCommands(w, c)
	common, groups := splitFlags(c.LocalFlags())
	writeFlags(w, "Flags", common)
	writeFlags(w, inputGroup, groups[inputGroup])
	writeFlags(w, "Global Flags", c.InheritedFlags())
	if c.HasAvailableSubCommands() {
		fmt.Fprintf(w, "\n\nUse \"%s [command] --help\" for more information about a command.", c.CommandPath())
	}
	fmt.Fprintln(w)
	return nil
}

func writeCommands(w io.Writer, c *cobra.Command) {
	if !c.HasAvailableSubCommands() {
		return
	}
	fmt.Fprint(w, "\n\nAvailable Commands:")
	for _, sub := range c.Commands() {
		if sub.IsAvailableCommand() || sub.Name() == "help" {
			fmt.Fprintf(w, "\n  %-*s %s", sub.NamePadding(), sub.Name(), sub.Short)
		}
	}
}

// splitFlags separates the common flags from the grouped ones.
func splitFlags(fs *pflag.FlagSet) (common *pflag.FlagSet, groups map[string]*pflag.FlagSet) {
	common = pflag.NewFlagSet("common", pflag.ContinueOnError)
	groups = map[string]*pflag.FlagSet{}
	fs.VisitAll(func(f *pflag.Flag) {
		g := f.Annotations[groupAnnotation]
		if len(g) == 0 {
			common.AddFlag(f)
			return
		}
		if groups[g[0]] == nil {
			groups[g[0]] = pflag.NewFlagSet(g[0], pflag.ContinueOnError)
		}
		groups[g[0]].AddFlag(f)
	})
	return common, groups
}

func writeFlags(w io.Writer, title string, fs *pflag.FlagSet) {
	if fs == nil || !fs.HasAvailableFlags() {
		return
	}
	fmt.Fprintf(w, "\n\n%s:\n%s", title, strings.TrimRight(fs.FlagUsages(), " \n"))
}

// helpHint names the help of the command that failed.
func helpHint(cmd *cobra.Command) string {
	path := "policylens"
	if cmd != nil {
		path = cmd.CommandPath()
	}
	return fmt.Sprintf("Run '%s --help' for usage.", path)
}
