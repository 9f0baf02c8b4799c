package parse

import "testing"

func TestPDFHyphensAndWideSpaces(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"gov\ufffeernment", "government"},
		{"M\ufffe24-10", "M-24-10"},
		{"end\ufffe", "end-"},
		{"\ufffestart", "-start"},
		{"Self\ufffeDriving", "Self-Driving"},
		{"plain text", "plain text"},
	} {
		if got := pdfHyphens(tc.in); got != tc.want {
			t.Errorf("pdfHyphens(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	for _, tc := range []struct{ in, want string }{
		{"安全 生产", "安全生产"},
		{"安全 Go 生产", "安全 Go 生产"},
		{"第 3 条", "第 3 条"},
		{"“通知” 要求", "“通知”要求"},
	} {
		if got := dropWideSpaces(tc.in); got != tc.want {
			t.Errorf("dropWideSpaces(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestPDFLineSpans(t *testing.T) {
	units := []uint16{'a', 'b', '\r', '\n', 'c', '\n', '\n', 'd'}
	got := pdfLineSpans(units)
	want := [][2]int{{0, 2}, {4, 5}, {7, 8}}
	if len(got) != len(want) {
		t.Fatalf("%v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("%v, want %v", got, want)
		}
	}
}

// StartPDF's wait gives the reader's start error (none here) however often
// it is called, and the PDFs read after it read as before.
func TestStartPDF(t *testing.T) {
	wait := StartPDF()
	for range 2 {
		if err := wait(); err != nil {
			t.Fatal(err)
		}
	}
	if d := parseFixture(t, "law-zh.pdf"); len(d.Paragraphs) == 0 {
		t.Error("no paragraphs after StartPDF")
	}
}
