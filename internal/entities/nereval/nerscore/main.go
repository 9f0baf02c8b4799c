// Command nerscore scores policylens's person, organization and location
// mentions on a character-level BIO NER file (such as the People's Daily
// NER test split) and prints P/R/F1 per type. With -errors it prints each
// sentence it got wrong: use that on a train or dev split only.
//
//	go run ./internal/entities/nereval/nerscore [-errors] FILE...
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"

	"github.com/policylens/policylens/internal/entities/nereval"
	"github.com/policylens/policylens/internal/lexicon"
	"github.com/policylens/policylens/internal/segment"
)

func main() {
	showErrors := flag.Bool("errors", false, "print the sentences with errors (gold, then predicted)")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: nerscore [-errors] FILE...")
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, flag.Args(), *showErrors); err != nil {
		fmt.Fprintln(os.Stderr, "nerscore:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, files []string, showErrors bool) error {
	lex, err := lexicon.Builtin()
	if err != nil {
		return fmt.Errorf("lexicons: %w", err)
	}
	seg := segment.New(lex, segment.Options{})
	var sents []nereval.NERSentence
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			return err
		}
		s, err := nereval.ReadBIO(fh)
		fh.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", f, err)
		}
		sents = append(sents, s...)
	}
	var onError func(s nereval.NERSentence, gold, got []nereval.NERSpan)
	if showErrors {
		onError = func(s nereval.NERSentence, gold, got []nereval.NERSpan) {
			fmt.Printf("%s\n  gold: %s\n  got:  %s\n", s.Text, nereval.Show(s.Text, gold), nereval.Show(s.Text, got))
		}
	}
	res, err := nereval.Score(ctx, seg, lex, sents, onError)
	if err != nil {
		return err
	}
	fmt.Printf("%d sentences\n\n%s", len(sents), res.Table())
	return nil
}
