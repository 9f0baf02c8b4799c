package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/policylens/policylens/internal/store"
	"github.com/policylens/policylens/reports"
)

type searchOptions struct {
	db     string
	q      store.Query
	format string
	output string
	width  int
	csvRaw bool
}

// addFilterFlags registers the store's filters on a command.
func addFilterFlags(cmd *cobra.Command, q *store.Query) {
	f := cmd.Flags()
	f.StringSliceVar(&q.Force, "force", nil, "directives of these forces: encourage, should, must, prohibit")
	f.StringVar(&q.Issuer, "issuer", "", "directives issued by this body or official (any of its names)")
	f.StringVar(&q.Addressee, "addressee", "", "directives addressed to this body (any of its names)")
	f.StringVar(&q.Entity, "entity", "", "documents that mention this entity (normalized names and aliases)")
	f.StringVar(&q.From, "from", "", "documents dated from (2020, 2020-06 or 2020-06-01)")
	f.StringVar(&q.To, "to", "", "documents dated up to, inclusive (2025 is up to the end of 2025)")
	f.BoolVar(&q.HasDeadline, "has-deadline", false, "directives with a deadline")
	f.StringVar(&q.DeadlineBefore, "deadline-before", "", "directives due on or before this date")
}

func newSearchCmd(s Streams) *cobra.Command {
	o := &searchOptions{}
	cmd := &cobra.Command{
		Use:   "search [flags] [QUERY...]",
		Short: "Search the store: documents, directives, entities or targets, ranked, with filters",
		Long: `Search finds documents, directives, entities or targets in the store that
index wrote. A query of Chinese text finds every text containing it (any two
or more characters); English matches words; several words must all match.
Results are ranked by BM25, with the matches marked « » in a snippet; a
text found in more than 2,000 rows is ranked among the 2,000 indexed last.
Without a query, results are newest first, or latest deadline first when a
deadline filter is given. The filters combine with each other and with the
query. Without --kind, directive filters search directives, else documents.`,
		Example: `  policylens search 电子烟 --force prohibit
  policylens search --issuer 国务院办公厅 --addressee 各省 --from 2020
  policylens search --has-deadline --deadline-before 2026-12-31 --format csv -o due.csv
  policylens search 国务院 --kind entities`,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.q.Text = strings.Join(args, " ")
			return runSearch(cmd.Context(), s, o)
		},
	}
	addDBFlag(cmd, &o.db)
	addFilterFlags(cmd, &o.q)
	f := cmd.Flags()
	f.StringVar(&o.q.Kind, "kind", "", "what to list: documents, directives, entities or targets")
	f.IntVar(&o.q.Limit, "limit", 20, "results per page (at most 1000)")
	f.IntVar(&o.q.Offset, "offset", 0, "results to skip (the next page)")
	f.StringVarP(&o.format, "format", "f", "table", "output format: table, json, jsonl or csv")
	f.StringVarP(&o.output, "output", "o", "", "write to FILE (atomically), - for standard output")
	f.IntVar(&o.width, "width", 0, "table width in columns (default: the terminal's, or 100)")
	f.BoolVar(&o.csvRaw, "csv-raw", false, "CSV: leave cells starting with = + - @ as they are (no leading ')")
	return cmd
}

func runSearch(ctx context.Context, s Streams, o *searchOptions) error {
	if err := oneOf("--format", o.format, "table", "json", "jsonl", "csv"); err != nil {
		return err
	}
	if err := o.q.Check(); err != nil {
		return usagef("%v", err)
	}
	st, err := openStore(ctx, o.db)
	if err != nil {
		return err
	}
	defer st.Close()
	page, err := st.Search(ctx, o.q)
	if err != nil {
		return err
	}
	return withOutput(s.Out, o.output, func(w io.Writer) error { return writePage(w, o, page) })
}

func writePage(w io.Writer, o *searchOptions, page *store.Page) error {
	switch o.format {
	case "json":
		return reports.WriteJSON(w, page)
	case "jsonl":
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		for _, h := range page.Results {
			if err := enc.Encode(h); err != nil {
				return err
			}
		}
		return nil
	}
	if o.format == "table" && len(page.Results) == 0 {
		_, err := fmt.Fprintf(w, "no %s match (%d in all)\n", page.Query.Kind, page.Total)
		return err
	}
	header, rows := hitRows(page, o.format == "table")
	if o.format == "csv" {
		cw := reports.NewCSVWriter(w, o.csvRaw, 0)
		cw.Write(header)
		for _, r := range rows {
			cw.Write(r)
		}
		return cw.Flush()
	}
	width := o.width
	if width == 0 {
		width = terminalWidth(w)
	}
	more := ""
	if page.More {
		more = "+"
	}
	title := fmt.Sprintf("%s %d–%d of %d%s", page.Query.Kind, page.Query.Offset+1, page.Query.Offset+len(page.Results), page.Total, more)
	return reports.Table(w, title, header, rows, []int{len(header) - 1}, width)
}

// hitRows are the columns of a kind's results; the last column is the
// widest and shrinks to the table's width.
func hitRows(page *store.Page, short bool) ([]string, [][]string) {
	var header []string
	var rows [][]string
	for i, h := range page.Results {
		n := strconv.Itoa(page.Query.Offset + i + 1)
		doc := h.Document.ID
		if short {
			doc = filepath.Base(doc) // tables are narrow; JSON and CSV keep the whole id
		}
		date := dateOf(h.Document.Date)
		switch page.Query.Kind {
		case store.KindDirectives:
			header = []string{"#", "force", "issuer", "deadline", "date", "document", "text"}
			rows = append(rows, []string{n, h.Force, h.Issuer, h.Deadline, date, doc, h.Snippet})
		case store.KindEntities:
			header = []string{"#", "type", "documents", "latest", "entity"}
			rows = append(rows, []string{n, h.EntityType, strconv.Itoa(h.Count), date, h.Normalized})
		case store.KindTargets:
			header = []string{"#", "indicator", "value", "unit", "qualifier", "date", "document", "text"}
			rows = append(rows, []string{n, h.Indicator, h.Value, h.Unit, h.Qualifier, date, doc, h.Text})
		default:
			header = []string{"#", "date", "document", "title", "snippet"}
			rows = append(rows, []string{n, date, doc, h.Document.Title, h.Snippet})
		}
	}
	if header == nil {
		header = []string{"results"}
	}
	return header, rows
}

func dateOf(d string) string {
	if len(d) >= 10 {
		return d[:10]
	}
	return d
}
