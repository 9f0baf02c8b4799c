package samples

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
)

//go:embed files
var files embed.FS

// root is the folder of files that holds the samples.
const root = "files"

// Names lists the sample files, slash-separated and relative to the folder
// Write fills, in a stable order.
func Names() []string {
	var names []string
	_ = fs.WalkDir(files, root, func(p string, d fs.DirEntry, err error) error { // an embedded tree cannot fail to walk
		if err == nil && !d.IsDir() {
			names = append(names, p[len(root)+1:])
		}
		return nil
	})
	sort.Strings(names)
	return names
}

// Read returns the content of the sample called name (as Names gives it).
func Read(name string) ([]byte, error) {
	return files.ReadFile(root + "/" + name)
}

// Write writes every sample under dir, creating the folders it needs.
// Unless overwrite is set it first checks that none of the files exists,
// so that it never writes some files and then stops; each file is written
// to a temporary name and renamed into place, so none is left half-written.
// It returns the paths written.
func Write(dir string, overwrite bool) ([]string, error) {
	names := Names()
	if !overwrite {
		for _, n := range names {
			p := filepath.Join(dir, filepath.FromSlash(n))
			if _, err := os.Lstat(p); err == nil || !errors.Is(err, fs.ErrNotExist) {
				return nil, fmt.Errorf("%s: exists; will not overwrite it (use --force)", p)
			}
		}
	}
	var written []string
	for _, n := range names {
		p := filepath.Join(dir, filepath.FromSlash(n))
		if err := writeFile(p, n); err != nil {
			return written, err
		}
		written = append(written, p)
	}
	return written, nil
}

func writeFile(path, name string) error {
	data, err := Read(name)
	if err != nil {
		return fmt.Errorf("sample %s: %w", name, err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o777); err != nil {
		return fmt.Errorf("create %s: %w", filepath.Dir(path), err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("create %s: %w", path, err)
	}
	_, err = tmp.Write(data)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
