package store

import (
	"encoding/json"
	"reflect"
	"testing"
)

// TestFTSJSON: the hand-written JSON of full-text rows reads back as the
// rows, whatever their text holds.
func TestFTSJSON(t *testing.T) {
	rows := []ftsRow{
		{1, "安全 全生 生产", "严禁 禁瞒 瞒报"},
		{42, `a "quoted" \ back`, "tab\tnew\nline\x00\x1f end"},
		{1 << 40, "", "café ü ‿ \u2028"},
	}
	for _, two := range []bool{true, false} {
		s, err := ftsJSON(rows, two)
		if err != nil {
			t.Fatal(err)
		}
		var got [][]any
		if err := json.Unmarshal([]byte(s), &got); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
		for i, r := range rows {
			want := []any{float64(r.rowid), r.title, r.body}
			if !two {
				want = []any{float64(r.rowid), r.body}
			}
			if !reflect.DeepEqual(got[i], want) {
				t.Errorf("row %d: %q, want %q", i, got[i], want)
			}
		}
	}
}
