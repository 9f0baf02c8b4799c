package lexicon

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestIndex(t *testing.T) {
	x := NewIndex([]string{"国务院", "国务院安委会", "国务院安委会办公室", "国家", "安全"}, []int32{1, 2, 3, 4, 5})
	var got []string
	x.Prefixes("国务院安委会办公室召开会议", 0, func(n int, v int32) {
		got = append(got, "国务院安委会办公室召开会议"[:n])
	})
	if want := []string{"国务院", "国务院安委会", "国务院安委会办公室"}; !reflect.DeepEqual(got, want) {
		t.Errorf("prefixes %v, want %v", got, want)
	}
	if n, v := x.Longest("国家安全"); n != len("国家") || v != 4 {
		t.Errorf("longest %d %d", n, v)
	}
	if _, ok := x.Get("国务"); ok {
		t.Error("国务 is no key")
	}
	if v, ok := x.Get("安全"); !ok || v != 5 {
		t.Error("安全")
	}
	if n, _ := x.Longest("中央"); n != 0 {
		t.Error("no key starts with 中")
	}
}

func TestBuiltin(t *testing.T) {
	s, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Entries) < 2000 || s.IDF.Len() < 10000 || len(s.Markers) < 20 || len(s.MarkersEN) < 20 || len(s.Surnames) < 300 {
		t.Errorf("built-in lexicons look thin: %d entries, %d idf, %d markers", len(s.Entries), s.IDF.Len(), len(s.Markers))
	}
	v, ok := s.Surface.Get("国务院安委办")
	if !ok || s.Entries[s.Groups[v][0]].Canonical != "国务院安全生产委员会办公室" {
		t.Errorf("国务院安委办 does not resolve to its body")
	}
}

func write(t *testing.T, dir, name, body string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestValidate(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "organizations.zh.tsv", "# mine\ncanonical\taliases\tkind\n示例委员会\t示例委|示例会\tother\n示例委员会\t\tother\n")
	write(t, dir, "markers.zh.tsv", "marker\tforce\tkind\n务须\tmandatory\tmodal\n")
	write(t, dir, "titles.zh.txt", "name\n首席\n")
	write(t, dir, "colors.txt", "color\nred\n")
	write(t, dir, "terms.zh.tsv", "term\taliases\n三个一\ta\tb\tc\n")
	probs := Validate(dir)
	var got []string
	for _, p := range probs {
		got = append(got, strings.TrimPrefix(p.Error(), dir+string(filepath.Separator)))
	}
	want := []string{
		`colors.txt:0: unknown lexicon file name (see ` + "`policylens lexicons list`" + `)`,
		`markers.zh.tsv:2: force "mandatory", want must, should, prohibit or encourage`,
		`organizations.zh.tsv:4: "示例委员会" repeats line 3`,
		`terms.zh.tsv:2: 4 columns, want at most 2 (tab-separated: term, aliases)`,
		`titles.zh.txt:1: header "name", want "title"`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestUserLexiconAdds(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "organizations.zh.tsv", "canonical\taliases\tkind\n示例市数据管理局\t示例数据局\tstate\n")
	write(t, dir, "idf.zh.tsv", "term\tidf\n安全生产\t1.5\n")
	s, err := Load([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := s.Surface.Get("示例数据局"); !ok {
		t.Error("the user's alias is not known")
	}
	if v, _ := s.IDF.Get("安全生产"); v != 1.5 {
		t.Errorf("the user's IDF does not override: %v", v)
	}
	if _, ok := s.Surface.Get("国务院安委办"); !ok {
		t.Error("built-in entries lost")
	}
	if _, err := Load([]string{filepath.Join(dir, "missing")}); err == nil {
		t.Error("a missing folder is no error")
	}
}

// FuzzParseTable feeds arbitrary bytes to the parser of users' lexicon
// files: it must report problems, never panic, and every row it keeps has
// the spec's number of columns.
func FuzzParseTable(f *testing.F) {
	f.Add([]byte("canonical\taliases\tkind\n国务院\t中央人民政府\tstate\n"))
	f.Add([]byte("# comment\n\nmarker\tforce\tkind\n严禁\tprohibit\tmodal\n要\tshould"))
	f.Add([]byte("title\n\xff\xfe\n"))
	f.Add([]byte("term\taliases\na\tb\tc\td\n\t\n"))
	spec, _ := SpecOf("organizations.zh.tsv")
	f.Fuzz(func(t *testing.T, data []byte) {
		rows, _ := parseTable(data, "fuzz.tsv", spec)
		for _, r := range rows {
			if len(r.Fields) != len(spec.Columns) || r.Fields[0] == "" {
				t.Fatalf("bad row %q", r.Fields)
			}
		}
		parseIDF(string(data), nil)
	})
}

// TestBuiltinFilesValidate holds the shipped lexicons to the rules users'
// files must follow (headers, columns, no repeated keys).
func TestBuiltinFilesValidate(t *testing.T) {
	for _, p := range Validate(filepath.Join("..", "..", "lexicons")) {
		if !strings.Contains(p.File, "dict.") {
			t.Error(p)
		}
	}
}

func TestParseWeights(t *testing.T) {
	w, err := ParseWeights(strings.NewReader("# a model\n_scale\t2.5\nbias\t-0.5\nrule=true\t3\n\n"), "m.tsv")
	if err != nil || len(w) != 3 || w["bias"] != -0.5 || w["_scale"] != 2.5 {
		t.Fatalf("got %v, %v", w, err)
	}
	if _, err := ParseWeights(strings.NewReader("bias 1\n"), "m.tsv"); err == nil || !strings.Contains(err.Error(), "m.tsv:1") {
		t.Fatalf("a row without TAB: %v", err)
	}
}
