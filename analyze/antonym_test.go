package analyze

import (
	"testing"

	wn "github.com/crosscheck-go/crosscheck/internal/lexicon"
)

// TestAntonymSymmetric guards what detectAntonym's shortcut assumes: an
// antonym lookup answers the same both ways round, here on every pair of
// the default configuration's antonym words and of some common words.
func TestAntonymSymmetric(t *testing.T) {
	words := []string{"rise", "fell", "falling", "increase", "decreased", "win", "lost", "good", "bad", "happy",
		"sad", "open", "closed", "alive", "dead", "legal", "illegal", "true", "false", "accept", "rejected"}
	for _, p := range DefaultConfig().Antonyms {
		words = append(words, p[0], p[1])
	}
	n := 0
	for _, x := range words {
		for _, y := range words {
			if wn.Antonym(x, y) != wn.Antonym(y, x) {
				t.Errorf("Antonym(%q, %q) = %v but Antonym(%q, %q) = %v", x, y, wn.Antonym(x, y), y, x, wn.Antonym(y, x))
			}
			if wn.Antonym(x, y) {
				n++
			}
		}
	}
	if n == 0 {
		t.Error("no antonym pair among the words: the test checks nothing")
	}
}
