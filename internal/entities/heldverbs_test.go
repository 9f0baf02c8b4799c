package entities

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// Every match of reHeldMeeting holds one of heldVerbs, the test that lets
// a paragraph without them skip it: checked on random texts.
func TestHeldVerbsInEveryMatch(t *testing.T) {
	parts := append([]string{"了", "新冠疫苗", "经验", "交流会", "论坛", "峰会", "大会", "，", "2021年", "·", "会", "举", "办"}, heldVerbs...)
	rng := rand.New(rand.NewPCG(7, 8))
	found := 0
	for range 50000 {
		var b strings.Builder
		for range rng.IntN(8) {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		s := b.String()
		if ms := reHeldMeeting.FindAllStringIndex(s, -1); len(ms) > 0 {
			found++
			if !containsAny(s, heldVerbs) {
				t.Fatalf("%q matches without a verb of heldVerbs", s)
			}
		}
	}
	if found == 0 {
		t.Fatal("no random text matched: the test tests nothing")
	}
}

// Every text on which reMeeting matches passes meetingNear, the test
// that lets the others skip it: checked on random texts.
func TestMeetingNearInEveryMatch(t *testing.T) {
	parts := []string{"审判", "委员会", "党组", "第", "十", "1725", "次", "全体", "会议", "，", "𠀀", "最高人民法院", "常务"}
	rng := rand.New(rand.NewPCG(9, 10))
	found := 0
	for range 100000 {
		var b strings.Builder
		for range rng.IntN(8) {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		s := b.String()
		if reMeeting.MatchString(s) {
			found++
			if !meetingNear(s) {
				t.Fatalf("%q matches, meetingNear says no", s)
			}
		}
	}
	if found == 0 {
		t.Fatal("no random text matched: the test tests nothing")
	}
}
