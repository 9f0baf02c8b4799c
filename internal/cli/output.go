package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"

	"github.com/policylens/policylens/analyze"
)

// withOutput runs write on standard output (no path, or "-"), coloured on
// a terminal, or on a file written atomically: a failed write leaves the
// file as it was.
func withOutput(stdout io.Writer, path string, write func(io.Writer) error) error {
	if path == "" || path == "-" {
		if !colourEnabled(stdout, os.Getenv) {
			return write(stdout)
		}
		cw := &colourWriter{w: stdout}
		err := write(cw)
		if ferr := cw.Flush(); err == nil {
			err = ferr
		}
		return err
	}
	f, err := createOutput(path)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Abort()
		return err
	}
	return f.Commit()
}

// outputFile is the file of -o. It is written to a temporary file beside
// its target and renamed into place on Commit, so that a failed run never
// leaves half a file. A symbolic link is written through (its target is
// replaced, the link stays); a file with several hard links is rewritten in
// place on Commit (truncated and copied into, so every link sees the new
// content; only then can a failure during Commit leave it partly written).
// An existing file keeps its permissions; a new one gets 0666 less the
// umask, as any file a program creates.
type outputFile struct {
	*os.File
	name    string // as given, for messages
	target  string // name with symbolic links resolved
	inPlace bool   // hard-linked: copy into the target on Commit
}

func createOutput(name string) (*outputFile, error) {
	target, err := resolveLinks(name)
	if err != nil {
		return nil, fmt.Errorf("create %s: %w", name, err)
	}
	perm, exists, inPlace, err := targetMode(name, target)
	if err != nil {
		return nil, err
	}
	f, err := createTemp(target, perm, exists)
	if err != nil {
		return nil, fmt.Errorf("create %s: %w", name, err)
	}
	return &outputFile{File: f, name: name, target: target, inPlace: inPlace}, nil
}

// resolveLinks follows symbolic links from name to the file they point
// to, which need not exist yet (a dangling link names the file to create).
func resolveLinks(name string) (string, error) {
	p := name
	for range 40 {
		st, err := os.Lstat(p)
		if errors.Is(err, fs.ErrNotExist) {
			return p, nil
		}
		if err != nil || st.Mode()&fs.ModeSymlink == 0 {
			return p, err
		}
		link, err := os.Readlink(p)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(link) {
			link = filepath.Join(filepath.Dir(p), link)
		}
		p = link
	}
	return "", errors.New("too many levels of symbolic links")
}

// targetMode checks what -o would replace: nothing, or a regular file that
// is writable. It returns the permissions to give the new content.
func targetMode(name, target string) (perm fs.FileMode, exists, inPlace bool, err error) {
	st, err := os.Lstat(target)
	if errors.Is(err, fs.ErrNotExist) {
		return 0o666, false, false, nil
	}
	if err != nil {
		return 0, false, false, fmt.Errorf("create %s: %w", name, err)
	}
	if !st.Mode().IsRegular() {
		return 0, false, false, fmt.Errorf("%s: %s, not a regular file: will not replace it (give a regular file or - for standard output)", name, analyze.FileKind(st.Mode()))
	}
	if st.Mode().Perm()&0o200 == 0 {
		return 0, false, false, fmt.Errorf("%s: read-only file: will not replace it", name)
	}
	return st.Mode().Perm(), true, linkCount(st) > 1, nil
}

// createTemp creates an empty file beside target. A new file is created
// with perm (0666), which the system narrows by the umask; for an existing
// file it is opened with perm and then set to exactly perm (chmod ignores
// the umask), so the content is never readable more widely than before.
func createTemp(target string, perm fs.FileMode, exact bool) (*os.File, error) {
	dir, base := filepath.Dir(target), filepath.Base(target)
	for range 100 {
		name := filepath.Join(dir, "."+base+"."+strconv.FormatUint(rand.Uint64(), 36)+".tmp")
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		if exact {
			if err := f.Chmod(perm); err != nil {
				f.Close()
				os.Remove(name)
				return nil, err
			}
		}
		return f, nil
	}
	return nil, errors.New("no free temporary file name")
}

// Commit puts the written content in place.
func (f *outputFile) Commit() error {
	if f.inPlace {
		return f.copyInPlace()
	}
	if err := f.File.Close(); err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("write %s: %w", f.name, err)
	}
	if err := os.Rename(f.Name(), f.target); err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("write %s: %w", f.name, err)
	}
	return nil
}

// copyInPlace copies the temporary file into a hard-linked target.
func (f *outputFile) copyInPlace() error {
	defer f.Abort()
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("write %s: %w", f.name, err)
	}
	dst, err := os.OpenFile(f.target, os.O_WRONLY|os.O_TRUNC, 0)
	if err != nil {
		return fmt.Errorf("write %s: %w", f.name, err)
	}
	_, err = io.Copy(dst, f.File)
	if cerr := dst.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", f.name, err)
	}
	return nil
}

// Abort discards the temporary file; after Commit it does nothing.
func (f *outputFile) Abort() {
	f.File.Close()
	os.Remove(f.Name())
}
