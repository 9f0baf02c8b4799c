package segment

import (
	_ "embed"
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

// The tries of gse's two word lists, stored by TestEmbeddedTries (go test
// ./internal/segment -run EmbeddedTries -update after the word lists
// change): searched in place, they cost a start-up nothing.
var (
	//go:embed tries/zh.trie
	trieZh string
	//go:embed tries/zht.trie
	trieZht string
)

// The word lists parsed, stored by TestEmbeddedTables (go test
// ./internal/segment -run EmbeddedTables -update after the word lists
// change; a table that does not fit its list is not used).
var (
	//go:embed tables/zh.table
	tableZh string
	//go:embed tables/zht.table
	tableZht string
)

// gseDict returns gse's simplified or traditional word list, loaded on
// first use.
func gseDict(traditional bool) (*dict, error) {
	i, data, trie, table := 0, lexicons.DictZh, trieZh, tableZh
	if traditional {
		i, data, trie, table = 1, lexicons.DictZht, trieZht, tableZht
	}
	g := &gseDicts[i]
	g.once.Do(func() { g.d, g.err = loadDict(data, trie, table) })
	return g.d, g.err
}

// Preload starts parsing the simplified word list in the background, so
// that at start-up it overlaps with compiling the lexicons (the two take
// about as long) instead of following it.
func Preload() { go gseDict(false) }
