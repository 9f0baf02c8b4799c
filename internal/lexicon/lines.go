package lexicon

import "strings"

// DataLines calls fn for each line of a data file that is neither empty
// nor a # comment, without splitting the file into a slice first (the
// segmentation dictionary has 350,000 lines); it stops at fn's first error.
func DataLines(data string, fn func(line string) error) error {
	return DataLinesAt(data, func(_ int, line string) error { return fn(line) })
}

// DataLinesAt is DataLines that also passes the byte offset of each line
// in data, so that a caller can keep spans of data instead of strings.
func DataLinesAt(data string, fn func(at int, line string) error) error {
	for at := 0; at < len(data); {
		line := data[at:]
		next := len(data)
		if i := strings.IndexByte(line, '\n'); i >= 0 {
			line, next = line[:i], at+i+1
		}
		if line != "" && line[0] != '#' {
			if err := fn(at, line); err != nil {
				return err
			}
		}
		at = next
	}
	return nil
}
