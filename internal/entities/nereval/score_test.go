package nereval

import (
	"context"
	"os"
	"testing"

	"github.com/policylens/policylens/internal/lexicon"
	"github.com/policylens/policylens/internal/segment"
)

// TestPeoplesDailySample scores the first 400 sentences of the People's
// Daily NER test split (testdata/README.md) and holds the floors measured
// when the rules were last changed, so that a change that loses names
// shows. The full split is scored by the nerscore command.
func TestPeoplesDailySample(t *testing.T) {
	fh, err := os.Open("testdata/peoples-daily-test-sample.bio")
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	sents, err := ReadBIO(fh)
	if err != nil {
		t.Fatal(err)
	}
	lex, err := lexicon.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	res, err := Score(context.Background(), segment.New(lex, segment.Options{}), lex, sents, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d sentences\n%s", len(sents), res.Table())
	floors := map[string]float64{"PER": 0.57, "ORG": 0.40, "LOC": 0.66, "ALL": 0.58}
	for typ, floor := range floors {
		if _, _, f := res[typ].PRF(); f < floor {
			t.Errorf("%s F1 %.3f < %.2f", typ, f, floor)
		}
	}
}

func TestMatch(t *testing.T) {
	res := Result{"PER": {}, "ORG": {}, "LOC": {}, "ALL": {}}
	gold := []NERSpan{{"PER", 0, 2}, {"LOC", 3, 5}}
	got := []NERSpan{{"PER", 0, 2}, {"LOC", 3, 4}, {"PER", 0, 2}}
	if !match(res, gold, got) {
		t.Error("an error went unreported")
	}
	if *res["PER"] != (Counts{TP: 1}) || *res["LOC"] != (Counts{FP: 1, FN: 1}) || *res["ALL"] != (Counts{TP: 1, FP: 1, FN: 1}) {
		t.Errorf("counts %+v %+v %+v", *res["PER"], *res["LOC"], *res["ALL"])
	}
}
