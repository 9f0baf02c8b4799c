package cli

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/policylens/policylens/analyze"
	"github.com/policylens/policylens/internal/store"
)

// storeSource is a --db given to a corpus command: the documents come
// from the store, filtered, instead of being analyzed again.
type storeSource struct {
	db string
	q  store.Query
}

type storeSourceKey struct{}

// storeCommands are the corpus commands that read a store with --db, and
// the arguments each still needs then.
var storeCommands = map[string]int{"report": 0, "compare": 0, "kwic": 0} // kwic checks its TERM or --terms itself

// addStoreInput gives the corpus commands --db and the store's filters.
// With --db their PATH arguments are optional: the stored analyses that
// match the filters are their corpus.
func addStoreInput(root *cobra.Command) {
	for _, cmd := range root.Commands() {
		need, ok := storeCommands[cmd.Name()]
		if !ok {
			continue
		}
		src := &storeSource{}
		cmd.Flags().StringVar(&src.db, "db", "", "read stored analyses from this store (written by index) instead of analyzing PATHs")
		addFilterFlags(cmd, &src.q)
		args := cmd.Args
		cmd.Args = func(c *cobra.Command, a []string) error {
			if src.db != "" {
				return cobra.MinimumNArgs(need)(c, a)
			}
			if args == nil {
				return nil
			}
			return args(c, a)
		}
		pre := cmd.PreRunE
		cmd.PreRunE = func(c *cobra.Command, a []string) error {
			if pre != nil {
				if err := pre(c, a); err != nil {
					return err
				}
			}
			if src.db != "" {
				if err := src.q.Check(); err != nil {
					return usagef("%v", err)
				}
				c.SetContext(context.WithValue(c.Context(), storeSourceKey{}, src))
			}
			return nil
		}
	}
}

// storedCorpus returns the stored analyses that match the filters when the
// command was given --db (ok is then true).
func storedCorpus(ctx context.Context) (docs []*analyze.Analysis, ok bool, err error) {
	src, ok := ctx.Value(storeSourceKey{}).(*storeSource)
	if !ok {
		return nil, false, nil
	}
	st, err := openStore(ctx, src.db)
	if err != nil {
		return nil, true, err
	}
	defer st.Close()
	q := src.q
	q.Limit = 0 // all
	if docs, err = st.Analyses(ctx, q); err == nil && len(docs) == 0 {
		err = fmt.Errorf("store %s: no document matches the filters", src.db)
	}
	return docs, true, err
}
