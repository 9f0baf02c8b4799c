package pipeline

import (
	"context"
	"fmt"
	"hash/fnv"
	"io"
	"slices"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
)

// FailedFile is the dead-letter output's name.
const FailedFile = "failed.jsonl"

// ShardName is the name of the i-th of n JSONL shards of analyses.
func ShardName(i, n int) string { return fmt.Sprintf("analyses-%05d-of-%05d.jsonl", i, n) }

// Files lists every file a run writes under its output folder, each
// written even when empty, so that no file of an earlier run survives
// looking like part of this one.
func Files(shards int) []string {
	var out []string
	for i := range shards {
		out = append(out, ShardName(i, shards))
	}
	return append(out, KindKeyword+".jsonl", KindDirective+".jsonl", KindEntity+".jsonl", FailedFile)
}

// shardFn routes a document's line to its shard by a hash of its id, so
// a document lands in the same shard whatever the runner.
type shardFn struct{ Shards int }

func (f *shardFn) ProcessElement(id, line string) (string, string) {
	h := fnv.New32a()
	h.Write([]byte(id))
	return ShardName(int(h.Sum32()%uint32(f.Shards)), f.Shards), line
}

// rowFn turns a summed aggregate into its file and line.
func rowFn(k string, n int) (string, string, error) { return rowOf(k, n) }

// failedFn turns a dead letter into a line of failed.jsonl.
func failedFn(input, msg string) (string, string, error) {
	line, err := marshal(FailedRow{Input: input, Error: msg})
	return FailedFile, line, err
}

// nameFn keys a file name for the grouping that writes it.
func nameFn(name string) (string, int) { return name, 0 }

// writeFiles writes each named file under dir with its lines sorted, so
// that the output is the same whatever the runner and its parallelism.
func writeFiles(s beam.Scope, dir string, names []string, lines beam.PCollection) {
	s = s.Scope("WriteFiles")
	keys := beam.ParDo(s, nameFn, beam.CreateList(s, names))
	grouped := beam.CoGroupByKey(s, keys, lines)
	beam.ParDo0(s, &writeFn{Dir: dir}, grouped)
}

// writeFn writes one file: first under a temporary name, then renamed
// into place where the filesystem can rename, so that a reader never sees
// half a file; a retried bundle writes the same bytes again.
type writeFn struct{ Dir string }

func (f *writeFn) ProcessElement(ctx context.Context, name string, _ func(*int) bool, lines func(*string) bool) error {
	var all []string
	var l string
	for lines(&l) {
		all = append(all, l)
	}
	slices.Sort(all)
	return writeFile(ctx, join(f.Dir, name), all)
}

func join(dir, name string) string { return strings.TrimSuffix(dir, "/") + "/" + name }

func writeFile(ctx context.Context, path string, lines []string) error {
	fs, err := filesystem.New(ctx, path)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	defer fs.Close()
	renamer, atomic := fs.(filesystem.Renamer)
	tmp := path
	if atomic {
		tmp = path + ".inprogress"
	}
	w, err := fs.OpenWrite(ctx, tmp)
	if err != nil {
		return fmt.Errorf("%s: %w", tmp, err)
	}
	for _, l := range lines {
		if _, err = io.WriteString(w, l+"\n"); err != nil {
			break
		}
	}
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("%s: %w", tmp, err)
	}
	if atomic {
		if err := renamer.Rename(ctx, tmp, path); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
	}
	return nil
}
