package segment

import (
	"sync"

	"github.com/policylens/policylens/lexicons"
)

// gseDicts are gse's two word lists (simplified and traditional). They do
// not depend on the lexicons, so they are parsed once per process and
// shared by every Segmenter, each of which adds its own overlay; they are
// immutable once parsed.
var gseDicts [2]struct {
	once sync.Once
	d    *dict
	err  error
}

// gseDict returns gse's simplified or traditional word list, parsed on
// first use.
func gseDict(traditional bool) (*dict, error) {
	i, data := 0, lexicons.DictZh
	if traditional {
		i, data = 1, lexicons.DictZht
	}
	g := &gseDicts[i]
	g.once.Do(func() { g.d, g.err = parseDict(data) })
	return g.d, g.err
}

// Preload starts parsing the simplified word list in the background, so
// that at start-up it overlaps with compiling the lexicons (the two take
// about as long) instead of following it.
func Preload() { go gseDict(false) }
