package labels

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/policylens/policylens/internal/parse"
)

// EachParsed loads the labels under testdata/labels and calls fn with each
// label of a split and its document as the parser reads it, in the order
// Load gives: what the trainers of the learned models start from.
func EachParsed(testdata, split string, fn func(g Gold, d *parse.Document) error) error {
	golds, err := Load(filepath.Join(testdata, "labels"))
	if err != nil {
		return err
	}
	for _, g := range golds {
		if SplitOf(g.File) != split {
			continue
		}
		data, err := os.ReadFile(filepath.Join(testdata, g.File))
		if err != nil {
			return err
		}
		d, err := parse.Parse(g.File, data, parse.Options{})
		if err != nil {
			return fmt.Errorf("%s: %w", g.File, err)
		}
		if err := fn(g, d); err != nil {
			return fmt.Errorf("%s: %w", g.File, err)
		}
	}
	return nil
}
