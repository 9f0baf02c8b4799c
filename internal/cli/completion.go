package cli

import (
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/policylens/policylens/analyze"
	"github.com/policylens/policylens/internal/parse"
	"github.com/policylens/policylens/reports"
)

// valuesAnnotation lists the values a flag accepts, for shell completion.
const valuesAnnotation = "policylens_values"

// setValues records the values a flag accepts; registerCompletions offers them.
func setValues(fs *pflag.FlagSet, name string, values ...string) {
	_ = fs.SetAnnotation(name, valuesAnnotation, values) // names are ours: never missing
}

// defaultValues are the values of flags that several commands define alike,
// for the commands that do not record their own.
func defaultValues() map[string][]string {
	return map[string][]string{
		"by":           {"year", "month"},
		"lang":         {"zh", "en"},
		"input-format": parse.Formats,
		"force":        analyze.Forces,
		"only":         reports.Sections,
	}
}

// registerCompletions lets the shell complete flag values (`policylens
// completion bash`): every flag of the tree with recorded values, or one
// of defaultValues, gets a completion function.
func registerCompletions(c *cobra.Command) {
	defaults := defaultValues()
	c.LocalNonPersistentFlags().VisitAll(func(f *pflag.Flag) {
		values := f.Annotations[valuesAnnotation]
		if values == nil {
			values = defaults[f.Name]
		}
		if values == nil {
			return
		}
		if _, done := c.GetFlagCompletionFunc(f.Name); done {
			return
		}
		list := strings.HasSuffix(f.Value.Type(), "Slice")
		_ = c.RegisterFlagCompletionFunc(f.Name, completeValues(values, list))
	})
	for _, sub := range c.Commands() {
		registerCompletions(sub)
	}
}

// completeValues offers values; for a comma-separated list it completes
// the last item after what is already typed (`must,pro` → `must,prohibit`).
func completeValues(values []string, list bool) cobra.CompletionFunc {
	return func(_ *cobra.Command, _ []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		prefix, last := "", toComplete
		if i := strings.LastIndexByte(toComplete, ','); list && i >= 0 {
			prefix, last = toComplete[:i+1], toComplete[i+1:]
		}
		var out []cobra.Completion
		for _, v := range values {
			if strings.HasPrefix(v, last) && !strings.Contains(","+prefix, ","+v+",") {
				out = append(out, prefix+v)
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}
