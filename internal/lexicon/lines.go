package lexicon

import "strings"

// DataLines calls fn for each line of a data file that is neither empty
// nor a # comment, without splitting the file into a slice first (the
// segmentation dictionary has 350,000 lines); it stops at fn's first error.
func DataLines(data string, fn func(line string) error) error {
	for len(data) > 0 {
		line := data
		if i := strings.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = ""
		}
		if line == "" || line[0] == '#' {
			continue
		}
		if err := fn(line); err != nil {
			return err
		}
	}
	return nil
}
