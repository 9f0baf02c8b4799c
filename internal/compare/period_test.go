package compare

import (
	"errors"
	"strings"
	"testing"

	"github.com/policylens/policylens/analyze"
)

// dated analyzes text as a document of the given date.
func dated(t *testing.T, name, date, text string) *analyze.Analysis {
	t.Helper()
	a := analyzeText(t, name, text)
	a.Document.ID, a.Document.Date = name, date
	return a
}

// TestPeriodsCompareAllTheirDocuments: a period is the union of its
// documents: a directive of its second document is matched, each change
// names its document, and the result lists every document of each period.
func TestPeriodsCompareAllTheirDocuments(t *testing.T) {
	docs := []*analyze.Analysis{
		dated(t, "a1", "2021-03-01", "要全面加强安全生产执法工作。"),
		dated(t, "a2", "2021-09-01", "要坚决扩大国内有效需求。"),
		dated(t, "undated", "", "要严格安全准入。"),
		dated(t, "b1", "2022-05-01", "要坚决扩大国内有效需求。要全面加强安全生产执法工作。"),
	}
	periods, undated := Group(docs, "year")
	if undated != 1 || len(periods) != 2 || len(periods[0].Docs) != 2 {
		t.Fatalf("%d undated, periods %v", undated, periods)
	}
	r := NewComparer(opts(t)).ComparePeriods(periods[0], periods[1])
	if r.Summary[Kept] != 2 || r.Summary[New]+r.Summary[Dropped] != 0 {
		t.Errorf("summary %v, want both directives kept", r.Summary)
	}
	var ids []string
	for _, d := range r.A.Documents {
		ids = append(ids, d.ID)
	}
	if r.A.Period != "2021" || strings.Join(ids, ",") != "a1,a2" || len(r.B.Documents) != 1 {
		t.Errorf("a = %+v, b = %+v", r.A, r.B)
	}
	for _, d := range r.Directives {
		if d.ADocument == "" || d.BDocument != "b1" {
			t.Errorf("%s: documents %q → %q", d.Status, d.ADocument, d.BDocument)
		}
	}
}

// TestPickNamesWhatExists: a missing period is an error naming it and the
// periods there are.
func TestPickNamesWhatExists(t *testing.T) {
	periods := []Period{{Label: "2021"}, {Label: "2022"}}
	_, err := Pick(periods, []string{"2020", "2022"})
	var miss *MissingPeriodError
	if !errors.As(err, &miss) || !strings.Contains(err.Error(), "2020") || !strings.Contains(err.Error(), "2021") {
		t.Errorf("err = %v", err)
	}
	got, err := Pick(periods, []string{"2022"})
	if err != nil || len(got) != 1 || got[0].Label != "2022" {
		t.Errorf("Pick 2022: %v %v", got, err)
	}
}
