package cli

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/policylens/policylens/internal/lexicon"
	"github.com/policylens/policylens/lexicons"
)

// withTabHints replaces the header problem of a file whose columns are
// separated by spaces with the message that says so: "header "canonical
// aliases kind", want ..." does not tell a user what to change.
func withTabHints(dir string, probs lexicon.ProblemList) lexicon.ProblemList {
	spaced := map[string]bool{}
	for i, p := range probs {
		if !strings.HasPrefix(p.Msg, "header ") {
			continue
		}
		spec, ok := lexicon.SpecOf(filepath.Base(p.File))
		if ok && spaceSeparatedHeader(p.File, p.Line, spec.Columns) {
			probs[i].Msg = fmt.Sprintf("columns must be separated by TAB, not spaces (the header is %s with a TAB between the names, and so is every row)", strings.Join(spec.Columns, "<TAB>"))
			spaced[p.File] = true
		}
	}
	// the rows of such a file are one column each: their problems follow
	// from the separator and would only bury the message that matters
	kept := probs[:0]
	for _, p := range probs {
		if !spaced[p.File] || strings.HasPrefix(p.Msg, "columns must be") {
			kept = append(kept, p)
		}
	}
	return kept
}

// spaceSeparatedHeader tells whether line n of file names the columns
// with spaces between them instead of tabs.
func spaceSeparatedHeader(file string, n int, columns []string) bool {
	f, err := os.Open(file)
	if err != nil {
		return false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for i := 1; sc.Scan(); i++ {
		if i == n {
			return len(columns) > 1 && strings.Join(strings.Fields(sc.Text()), "\t") == strings.Join(columns, "\t")
		}
	}
	return false
}

// builtinDuplicates notes each row of a user's folder that a built-in file
// already has, so that a user can drop it (an IDF row is an override, and
// is left alone). Files with problems are skipped: validate reports those.
func builtinDuplicates(dir string) lexicon.ProblemList {
	var notes lexicon.ProblemList
	for _, sp := range lexicon.Specs {
		if strings.HasPrefix(sp.Name, "idf.") {
			continue
		}
		user, err := lexicon.ReadRows(os.DirFS(dir), sp.Name)
		if err != nil || len(user) == 0 {
			continue
		}
		builtin, err := lexicon.ReadRows(lexicons.FS, sp.Name)
		if err != nil {
			continue
		}
		notes = append(notes, duplicates(filepath.Join(dir, sp.Name), sp.Name, user, builtin)...)
	}
	return notes
}

func duplicates(shown, name string, user, builtin []lexicon.Row) lexicon.ProblemList {
	first := make(map[string]lexicon.Row, len(builtin))
	for _, r := range builtin {
		if _, ok := first[r.Fields[0]]; !ok {
			first[r.Fields[0]] = r
		}
	}
	var notes lexicon.ProblemList
	for _, r := range user {
		b, ok := first[r.Fields[0]]
		switch {
		case !ok:
		case strings.Join(b.Fields, "\t") == strings.Join(r.Fields, "\t"):
			notes = append(notes, lexicon.Problem{File: shown, Line: r.Line, Msg: fmt.Sprintf("note: %q repeats the built-in row (%s line %d); it adds nothing", r.Fields[0], name, b.Line)})
		default:
			notes = append(notes, lexicon.Problem{File: shown, Line: r.Line, Msg: fmt.Sprintf("note: %q is built in too (%s line %d: %s); both rows are loaded", r.Fields[0], name, b.Line, strings.Join(b.Fields, " | "))})
		}
	}
	return notes
}
