package cli

import (
	"bytes"
	"io"
	"os"
	"strings"

	"github.com/mattn/go-isatty"
)

// ANSI styles of the terminal tables.
const (
	styleReset = "\x1b[0m"
	styleTitle = "\x1b[1;36m" // "== title" lines
	styleBold  = "\x1b[1m"    // section names and table headers
)

// forceStyle colours a directive's force by its strength.
var forceStyle = map[string]string{
	"prohibit":  "\x1b[1;31m",
	"must":      "\x1b[31m",
	"should":    "\x1b[33m",
	"encourage": "\x1b[32m",
}

// colourEnabled tells whether to colour output to a terminal: never when
// it is not one, when NO_COLOR is set to anything (no-color.org), or on a
// dumb terminal.
func colourEnabled(w io.Writer, getenv func(string) string) bool {
	f, ok := w.(*os.File)
	return ok && isatty.IsTerminal(f.Fd()) && colourWanted(getenv)
}

func colourWanted(getenv func(string) string) bool {
	return getenv("NO_COLOR") == "" && getenv("TERM") != "dumb"
}

// colourWriter colours the terminal tables that pass through it, line by
// line, after they are laid out: escape sequences take no columns, so the
// alignment stays. It touches only what is plainly a table (box-drawing
// rows, the line just above a table, "== title" lines), so JSON, CSV or
// Markdown pass unchanged.
type colourWriter struct {
	w       io.Writer
	buf     []byte // an incomplete line
	pending string // a line that is bold if a table follows it
	header  bool   // the next row of cells is a table header
	err     error
}

func (c *colourWriter) Write(p []byte) (int, error) {
	c.buf = append(c.buf, p...)
	for c.err == nil {
		i := bytes.IndexByte(c.buf, '\n')
		if i < 0 {
			break
		}
		c.line(string(c.buf[:i]))
		c.buf = c.buf[i+1:]
	}
	return len(p), c.err
}

// Flush writes what is held back: the last line and an incomplete one.
func (c *colourWriter) Flush() error {
	c.emit(c.pending, false)
	c.pending = ""
	if len(c.buf) > 0 && c.err == nil {
		_, c.err = c.w.Write(c.buf)
		c.buf = nil
	}
	return c.err
}

func (c *colourWriter) line(l string) {
	prev := c.pending
	c.pending = ""
	switch {
	case strings.HasPrefix(l, "┌"):
		c.emit(prev, prev != "" && !strings.HasPrefix(prev, "│") && !strings.HasPrefix(prev, "└"))
		c.header = true
		c.write(l + "\n")
		return
	case prev != "":
		c.emit(prev, false)
	}
	switch {
	case strings.HasPrefix(l, "== "):
		c.write(styleTitle + l + styleReset + "\n")
	case strings.HasPrefix(l, "│") && c.header:
		c.header = false
		c.write(styleBold + l + styleReset + "\n")
	case strings.HasPrefix(l, "│"):
		c.write(colourCells(l) + "\n")
	case l == "" || strings.HasPrefix(l, "├") || strings.HasPrefix(l, "└"):
		c.write(l + "\n")
	default:
		c.pending = l + "\n" // bold if a table follows
	}
}

func (c *colourWriter) emit(l string, bold bool) {
	switch {
	case l == "":
	case bold:
		c.write(styleBold + strings.TrimSuffix(l, "\n") + styleReset + "\n")
	default:
		c.write(l)
	}
}

func (c *colourWriter) write(s string) {
	if c.err == nil {
		_, c.err = io.WriteString(c.w, s)
	}
}

// colourCells colours the cells of a table row that hold a force, or a
// change of force ("should → must").
func colourCells(row string) string {
	cells := strings.Split(row, "│")
	for i, cell := range cells {
		words := strings.Split(strings.TrimSpace(cell), " → ")
		out := cell
		for _, w := range words {
			st, ok := forceStyle[w]
			if !ok {
				out = cell
				break
			}
			out = strings.Replace(out, w, st+w+styleReset, 1)
		}
		cells[i] = out
	}
	return strings.Join(cells, "│")
}
