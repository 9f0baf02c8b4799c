package pipeline

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
)

// Task is one document to analyze: a whole file (Line 0) or one record of
// a JSONL corpus (Line counted from 1, Record its raw text).
type Task struct {
	Path   string // the file as matched, shown in messages and document.path
	ID     string // the file's path under its glob's root, as the CLI's folder walk names it
	Line   int
	Record string
}

// Name is how messages name the task: the file, or FILE:LINE for a record.
func (t Task) Name() string {
	if t.Line == 0 {
		return t.Path
	}
	return fmt.Sprintf("%s:%d", t.Path, t.Line)
}

// extensions are the endings a folder walk of the CLI takes
// (parse.Extensions, internal to the main module); other matches of a glob
// are skipped the same way.
var extensions = map[string]bool{".md": true, ".markdown": true, ".txt": true, ".html": true, ".htm": true, ".jsonl": true,
	".pdf": true, ".docx": true, ".ofd": true}

// wanted tells whether a matched file is a document, as the CLI's folder
// walk decides: a known ending, and not a project file (README, LICENSE…).
func wanted(p string) bool {
	ext := strings.ToLower(path.Ext(p))
	base := strings.ToUpper(strings.TrimSuffix(path.Base(p), path.Ext(p)))
	switch base {
	case "README", "LICENSE", "CHANGELOG", "CONTRIBUTING", "_INDEX":
		return false
	}
	return extensions[ext]
}

// Root is the folder part of a glob before its first wildcard: document
// ids are paths under it, so that `corpus/*/*.md` names its files as
// `policylens analyze corpus` does.
func Root(glob string) string {
	if i := strings.IndexAny(glob, "*?["); i >= 0 {
		glob = glob[:i]
		if j := strings.LastIndex(glob, "/"); j >= 0 {
			return glob[:j+1]
		}
		return ""
	}
	return glob[:strings.LastIndex(glob, "/")+1]
}

// idOf is the id of a matched file under a glob's root.
func idOf(root, p string) string {
	if root != "" && strings.HasPrefix(p, root) {
		return p[len(root):]
	}
	// a local glob of "./x/*" matches "x/…": compare cleaned forms
	if r := path.Clean(root) + "/"; root != "" && strings.HasPrefix(p, r) {
		return p[len(r):]
	}
	return path.Base(p)
}

// expandFn turns a matched file into tasks: the file itself, or one per
// record of a JSONL corpus, streamed (a corpus is never held whole).
type expandFn struct {
	Root     string
	MaxBytes int64
}

func (f *expandFn) ProcessElement(ctx context.Context, md fileio.FileMetadata, emit func(Task), dead func(string, string)) {
	if !wanted(md.Path) {
		return
	}
	t := Task{Path: md.Path, ID: idOf(f.Root, md.Path)}
	if strings.ToLower(path.Ext(md.Path)) != ".jsonl" {
		emit(t)
		return
	}
	rc, err := fileio.ReadableFile{Metadata: md}.Open(ctx)
	if err != nil {
		dead(t.Name(), fmt.Sprintf("open: %v", err))
		return
	}
	defer rc.Close()
	err = splitRecords(rc, f.MaxBytes, func(line int, rec []byte, err error) {
		r := t
		r.Line = line
		if err != nil {
			dead(r.Name(), err.Error())
			return
		}
		r.Record = string(rec)
		emit(r)
	})
	if err != nil {
		dead(t.Name(), fmt.Sprintf("read: %v", err))
	}
}

// errTooLarge words a record over the size limit as the CLI does.
func errTooLarge(max int64) error {
	return fmt.Errorf("file too large: a record, over the limit of %d bytes (raise it with --max_bytes)", max)
}

// splitRecords calls yield with each non-blank line of a JSONL corpus
// (its line ending kept) and its number; a line over max bytes is skipped
// unread and reported.
func splitRecords(r io.Reader, max int64, yield func(int, []byte, error)) error {
	br := bufio.NewReaderSize(r, 1<<20)
	for line := 1; ; line++ {
		rec, tooLong, err := readLine(br, max)
		if err != nil && !errors.Is(err, io.EOF) {
			return err
		}
		switch {
		case tooLong:
			yield(line, nil, errTooLarge(max))
		case len(bytes.TrimSpace(rec)) > 0:
			yield(line, rec, nil) // with its line ending, as the CLI's reader parses it
		}
		if err != nil {
			return nil
		}
	}
}

// readLine reads one line, keeping at most max bytes of it.
func readLine(br *bufio.Reader, max int64) (line []byte, tooLong bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			line = append(line, chunk...)
			if max > 0 && int64(len(bytes.TrimRight(line, "\r\n"))) > max {
				tooLong, line = true, nil
			}
		}
		if !errors.Is(err, bufio.ErrBufferFull) {
			return line, tooLong, err
		}
	}
}
