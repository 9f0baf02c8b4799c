package lexicon

import (
	"flag"
	"reflect"
	"testing"

	"github.com/policylens/policylens/internal/golden"
	"github.com/policylens/policylens/lexicons"
)

// TestEmbeddedIDFTable: the embedded table is that of the IDF file (with
// -update, writes it), and the table read from it is the one parsed.
func TestEmbeddedIDFTable(t *testing.T) {
	parsed, err := parseIDF(lexicons.IDFZh, nil)
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "idf/zh.table", encodeIDFTable(lexicons.IDFZh, parsed))
	if flag.Lookup("update").Value.String() == "true" {
		return // the embedded table is the one before: the next build has the new one
	}
	read, ok := decodeIDFTable(lexicons.IDFZh, idfTableZh)
	if !ok {
		t.Fatal("the embedded table does not fit the IDF file (run with -update)")
	}
	if !reflect.DeepEqual(read.vals, parsed.vals) || !reflect.DeepEqual(read.index.span, parsed.index.span) || read.max != parsed.max {
		t.Error("the table does not give the parsed IDF")
	}
	for _, term := range []string{"经济", "发展", "0", "不存在的词语"} {
		a, aok := read.Get(term)
		b, bok := parsed.Get(term)
		if a != b || aok != bok {
			t.Errorf("%s: %v %v read, %v %v parsed", term, a, aok, b, bok)
		}
	}
}

// TestIDFTableOfAnotherFile: the table is not used for another file, nor
// cut short, nor with a user's rows.
func TestIDFTableOfAnotherFile(t *testing.T) {
	other := lexicons.IDFZh[:len(lexicons.IDFZh)-1] + "9"
	if _, ok := decodeIDFTable(other, idfTableZh); ok {
		t.Error("the table was read for another file")
	}
	for _, n := range []int{0, 10, len(idfTableZh) / 2, len(idfTableZh) - 1} {
		if _, ok := decodeIDFTable(lexicons.IDFZh, idfTableZh[:n]); ok {
			t.Errorf("a table cut to %d bytes was read", n)
		}
	}
	user := lazyIDF(lexicons.IDFZh, idfTableZh, map[string]float64{"经济": 42})
	if v, _ := user.Get("经济"); v != 42 {
		t.Errorf("a user's row: %v, want 42", v)
	}
}

// FuzzDecodeIDFTable: no table, however broken, makes decoding panic.
func FuzzDecodeIDFTable(f *testing.F) {
	data := "term\tidf\n一\t1.5\n二\t2\n"
	parsed, err := parseIDF(data, nil)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(encodeIDFTable(data, parsed)))
	f.Fuzz(func(t *testing.T, table string) {
		if read, ok := decodeIDFTable(data, table); ok {
			read.Get("一")
		}
	})
}
