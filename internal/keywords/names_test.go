package keywords

import "testing"

// A term the text writes only inside longer names is a piece of a name;
// one it also writes on its own, or that is a name itself, is not.
func TestPieceOfName(t *testing.T) {
	names := []string{"何立峰", "上海交通大学", "上海"}
	for _, c := range []struct {
		texts []string
		term  string
		want  bool
	}{
		{[]string{"何立峰指出，要稳增长。", "何立峰强调"}, "立峰", true},
		{[]string{"上海交通大学教授表示"}, "交通大学", true},
		{[]string{"上海交通大学教授表示，交通大学…"}, "交通大学", false}, // also on its own
		{[]string{"上海交通大学在上海"}, "上海", false},          // a name itself
		{[]string{"稳增长"}, "立峰", false},                // not written at all
		{[]string{"何立峰"}, "", false},
	} {
		if got := PieceOfName(c.texts, c.term, names); got != c.want {
			t.Errorf("%q in %q: got %v, want %v", c.term, c.texts, got, c.want)
		}
	}
}
