package segment

import (
	"flag"
	"reflect"
	"testing"

	"github.com/policylens/policylens/internal/golden"
	"github.com/policylens/policylens/lexicons"
)

// TestEmbeddedTables: the embedded tables are those of the word lists
// (with -update, writes them), and a dictionary read from its table is the
// one parsed from its text.
func TestEmbeddedTables(t *testing.T) {
	for _, c := range []struct{ path, data, trie, table string }{
		{"tables/zh.table", lexicons.DictZh, trieZh, tableZh}, {"tables/zht.table", lexicons.DictZht, trieZht, tableZht},
	} {
		parsed, span, err := parseRows(c.data)
		if err != nil {
			t.Fatal(err)
		}
		golden.Check(t, c.path, encodeTable(c.data, parsed, span))
		if flag.Lookup("update").Value.String() == "true" {
			continue // the embedded table is the one before: the next build has the new one
		}
		read, rspan, err := decodeTable(c.data, c.table)
		if err != nil {
			t.Fatalf("%s: %v (run with -update)", c.path, err)
		}
		if !reflect.DeepEqual(read, parsed) || !reflect.DeepEqual(rspan, span) {
			t.Errorf("%s: the table does not give the parsed dictionary", c.path)
		}
	}
}

// TestTableOfAnotherList: a table is not used for another word list, nor
// when cut short; the list is parsed instead.
func TestTableOfAnotherList(t *testing.T) {
	other := lexicons.DictZh[:len(lexicons.DictZh)-1] + "x"
	if _, _, err := decodeTable(other, tableZh); err == nil {
		t.Error("a table was read for another word list")
	}
	for _, n := range []int{0, 10, len(tableZh) / 2, len(tableZh) - 1} {
		if _, _, err := decodeTable(lexicons.DictZh, tableZh[:n]); err == nil {
			t.Errorf("a table cut to %d bytes was read", n)
		}
	}
	d, err := loadDict(lexicons.DictZht, trieZht, tableZh)
	if err != nil || d.base.Len() == 0 {
		t.Fatalf("the traditional list with the simplified table: %v", err)
	}
}

// FuzzDecodeTable: no table, however broken, makes decoding panic.
func FuzzDecodeTable(f *testing.F) {
	data := "一\t1\tm\n"
	d, span, err := parseRows(data)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(encodeTable(data, d, span)))
	f.Fuzz(func(t *testing.T, table string) {
		if d, span, err := decodeTable(data, table); err == nil && len(span) != 2*len(d.logFreq) {
			t.Fatalf("%d spans for %d words", len(span), len(d.logFreq))
		}
	})
}
