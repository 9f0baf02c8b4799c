package lexicon

import "testing"

// TestTraditionalVariants: the generated traditional forms carry the
// meaning of their simplified rows into the same maps.
func TestTraditionalVariants(t *testing.T) {
	s, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for trad, force := range map[string]string{"嚴禁": "prohibit", "應當": "must", "必須": "must", "鼓勵": "encourage", "严禁": "prohibit"} {
		if m, ok := s.Markers[trad]; !ok || m.Force != force || m.Text != trad {
			t.Errorf("marker %s: %+v, want force %s", trad, m, force)
		}
	}
	if s.Frames["強調"] != s.Frames["强调"] || s.Frames["強調"] == "" {
		t.Errorf("frame 強調: %q", s.Frames["強調"])
	}
	if _, ok := s.FalseFrnds.Get("應對"); !ok {
		t.Error("false friend 應對 missing")
	}
	if !s.Generic["發展"] {
		t.Error("generic 發展 missing")
	}
	v, ok := s.Surface.Get("國務院")
	if !ok || s.Entries[s.Groups[v][0]].Canonical != "中华人民共和国国务院" {
		t.Error("國務院 does not resolve to 中华人民共和国国务院, as 国务院 does")
	}
	// a form that is ordinary simplified text (著 of 显著) is left out
	if _, ok := s.Markers["著"]; ok {
		t.Error("著 became a marker")
	}
}

// TestVariantRowsChecked: a variant naming a file without traditional
// forms is a problem.
func TestVariantRowsChecked(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "traditional.zht.tsv", "traditional\tsimplified\tfile\n嚴禁\t严禁\tmarkers.zh.tsv\n嚴禁\t严禁\tmarkers.zh.tsv\nX\tx\tidf.zh.tsv\n")
	probs := Validate(dir)
	if len(probs) != 2 || probs[0].Line != 3 || probs[1].Line != 4 {
		t.Errorf("problems: %v", probs)
	}
}
