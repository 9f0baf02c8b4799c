package keywords

import "testing"

// TestBuiltinCandidateDF checks the generated table parses and says what
// the feature needs: boilerplate of many documents counts high.
func TestBuiltinCandidateDF(t *testing.T) {
	cdf, err := builtinCDF()
	if err != nil {
		t.Fatal(err)
	}
	if cdf.n["zh"] == 0 || cdf.n["en"] == 0 {
		t.Fatalf("no document counted: %v", cdf.n)
	}
	if d := cdf.df["en"]["set forth"]; d < 20 {
		t.Errorf("set forth: a candidate of %d documents, want many", d)
	}
	if _, err := parseCandidateDF("zh\t政策\n"); err == nil {
		t.Error("a row of two fields parsed")
	}
}

func TestHeadFeatures(t *testing.T) {
	cases := map[string][]string{
		"经济体制改革":                    {"zh:lastc=革", "zh:last2=改革"},
		"保障性":                       {"zh:lastc=性"},
		"National Security Council": {"en:lastw=council"},
	}
	for term, want := range cases {
		lang := "zh"
		if term[0] < 0x80 {
			lang = "en"
		}
		got := headFeatures(term, lang)
		if len(got) != len(want) {
			t.Fatalf("%s: %v, want %v", term, got, want)
		}
		for i, f := range got {
			if f.Name != want[i] || f.Value != 1 {
				t.Errorf("%s: %v, want %v", term, got, want)
			}
		}
	}
}
