package pipeline

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
)

// FailedPath is where a run writes its dead letters under output.
func FailedPath(output string) string { return join(output, FailedFile) }

// CountFailed counts the dead letters a finished run wrote under output,
// reading failed.jsonl back through Beam's filesystems: the launcher
// learns of failures the same way whatever the runner, without relying on
// a runner's support for metrics.
func CountFailed(ctx context.Context, output string) (int, error) {
	path := FailedPath(output)
	fs, err := filesystem.New(ctx, path)
	if err != nil {
		return 0, fmt.Errorf("%s: %w", path, err)
	}
	defer fs.Close()
	r, err := fs.OpenRead(ctx, path)
	if err != nil {
		return 0, fmt.Errorf("%s: %w", path, err)
	}
	defer r.Close()
	n, err := countLines(r)
	if err != nil {
		return 0, fmt.Errorf("%s: %w", path, err)
	}
	return n, nil
}

// countLines counts the non-blank lines of r without holding a whole
// line: an error message may be long, and the file large.
func countLines(r io.Reader) (int, error) {
	br := bufio.NewReader(r)
	n, content := 0, false
	for {
		chunk, err := br.ReadSlice('\n')
		content = content || len(bytes.TrimSpace(chunk)) > 0
		if err == bufio.ErrBufferFull {
			continue
		}
		if content {
			n++
		}
		content = false
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return n, err
		}
	}
}
