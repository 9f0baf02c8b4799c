package segment

import (
	"math/rand/v2"
	"reflect"
	"sync"
	"testing"

	"github.com/go-ego/gse/hmm"
)

// hanAlphabet draws from the HMM's Han characters, a few frequent ones
// more often, and characters it lacks (〇, 𠀀, 龥).
func hanAlphabet() []rune {
	alpha := []rune("的国家人民发展工作建设〇𠀀龥")
	for _, r := range hmmEmitRunes {
		if isHan(r) {
			alpha = append(alpha, r)
		}
	}
	return alpha
}

// gseWords cuts with gse's HMM, as the segmenter did before it had its own.
func gseWords(obs []rune) []string {
	gseHMMOnce.Do(func() { hmm.LoadModel() })
	return hmm.Cut(string(obs))
}

// gseHMMOnce loads gse's tables, which are globals of gse, once.
var gseHMMOnce sync.Once

func ourWords(obs []rune) []string {
	var out []string
	hmmWords(obs, func(start, end int) { out = append(out, string(obs[start:end])) })
	return out
}

// TestHMMAsGse: the HMM cuts every run of Han characters as gse's does,
// for runs of every length up to hmmMaxRun, of frequent, rare and unknown
// characters.
func TestHMMAsGse(t *testing.T) {
	alpha := hanAlphabet()
	r := rand.New(rand.NewPCG(7, 8))
	for i := range 3000 {
		n := 1 + i%hmmMaxRun
		obs := make([]rune, n)
		pool := alpha
		if i%2 == 0 {
			pool = alpha[:12] // frequent and unknown characters: many ties and long words
		}
		for k := range obs {
			obs[k] = pool[r.IntN(len(pool))]
		}
		if got, want := ourWords(obs), gseWords(obs); !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: cut %q, gse %q", string(obs), got, want)
		}
	}
}

// FuzzHMM: any run of Han characters is cut as gse cuts it, into words
// that cover it.
func FuzzHMM(f *testing.F) {
	f.Add("新冠疫情防控")
	f.Add("〇〇〇")
	f.Fuzz(func(t *testing.T, s string) {
		var obs []rune
		for _, r := range s {
			if isHan(r) && len(obs) < hmmMaxRun {
				obs = append(obs, r)
			}
		}
		if len(obs) == 0 {
			return
		}
		if got, want := ourWords(obs), gseWords(obs); !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: cut %q, gse %q", string(obs), got, want)
		}
	})
}
