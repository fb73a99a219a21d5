package lexicon

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestRelate(t *testing.T) {
	none := Relation{Hypernym: -1, Hyponym: -1, Cohyponym: -1}
	tests := []struct {
		a, b string
		want Relation
	}{
		{"ran", "runs", Relation{SameLemma: true, Synonym: true, Hypernym: 0, Hyponym: 0, Cohyponym: -1}},
		{"car", "automobile", Relation{Synonym: true, Hypernym: 0, Hyponym: 0, Cohyponym: -1}},
		{"dog", "animal", Relation{Hypernym: 2, Hyponym: -1, Cohyponym: -1}},
		{"animal", "dog", Relation{Hypernym: -1, Hyponym: 2, Cohyponym: -1}},
		{"hot", "cold", Relation{Antonym: AntonymDirect, Hypernym: -1, Hyponym: -1, Cohyponym: -1}},
		{"huge", "big", Relation{Similar: true, Hypernym: -1, Hyponym: -1, Cohyponym: -1}},
		{"dog", "cat", Relation{Hypernym: -1, Hyponym: -1, Cohyponym: 4}},
		{"man", "woman", Relation{Antonym: AntonymDirect, Hypernym: -1, Hyponym: -1, Cohyponym: 2}},
		{"acquisition", "acquired", Relation{Derived: true, Hypernym: -1, Hyponym: -1, Cohyponym: -1}},
		{"death", "die", Relation{Derived: true, Hypernym: -1, Hyponym: -1, Cohyponym: -1}},
		{"dog", "sofa", none},
		{"qwzx", "dog", none},
		// Definition heads: "devour" is defined as "eat immoderately"
		// (its second sense), "hike" as "walk a long way"; directed.
		{"devouring", "eat", Relation{Gloss: true, Hypernym: -1, Hyponym: -1, Cohyponym: -1}},
		{"eat", "devoured", Relation{GlossOf: true, Hypernym: -1, Hyponym: -1, Cohyponym: -1}},
		{"hiking", "walking", Relation{Gloss: true, Hypernym: -1, Hyponym: -1, Cohyponym: 5}},
	}
	for _, tt := range tests {
		t.Run(tt.a+"/"+tt.b, func(t *testing.T) {
			got := Relate(tt.a, tt.b)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Relate(%q, %q) (-want +got):\n%s", tt.a, tt.b, diff)
			}
			if got.Related() != (tt.want != none) {
				t.Errorf("Related() = %v", got.Related())
			}
		})
	}
}

func TestCohyponym(t *testing.T) {
	tests := []struct {
		a, b  string
		steps int
		ok    bool
	}{
		{"dog", "cat", 4, true}, // dog → canine → carnivore ← feline ← cat
		{"guitar", "piano", 2, true},
		{"car", "truck", 2, true},
		{"eat", "drink", 2, true},   // verbs too
		{"dog", "animal", 0, false}, // a kind of, not a sibling
		{"car", "automobile", 0, false},
		{"dog", "table", 0, false}, // too far apart
		{"hot", "cold", 0, false},  // no hierarchy for adjectives
	}
	for _, tt := range tests {
		t.Run(tt.a+"/"+tt.b, func(t *testing.T) {
			steps, ok := Cohyponym(tt.a, tt.b)
			if steps != tt.steps || ok != tt.ok {
				t.Errorf("Cohyponym(%q, %q) = %d, %v, want %d, %v", tt.a, tt.b, steps, ok, tt.steps, tt.ok)
			}
		})
	}
}

func TestRelateTagged(t *testing.T) {
	// Tags that agree with WordNet keep the antonym.
	if k := RelateTagged("open", "VB", "close", "VB").Antonym; k != AntonymDirect {
		t.Errorf("open/close as verbs: %v, want direct", k)
	}
	// A tag that leaves no reading is ignored rather than trusted.
	if k := RelateTagged("hot", "NN", "cold", "JJ").Antonym; k != AntonymDirect {
		t.Errorf("hot mistagged NN / cold: %v, want direct", k)
	}
	// The adjective reading of "bush" (second-rate) opposes "choice"
	// (superior); the noun reading does not.
	if Relate("choice", "bush").Antonym == NotAntonym {
		t.Skip("WordNet no longer links choice/bush; pick another pair")
	}
	if k := RelateTagged("choice", "NN", "bush", "NN").Antonym; k != NotAntonym {
		t.Errorf("choice/bush as nouns: %v, want none", k)
	}
}

func TestPennPOS(t *testing.T) {
	tests := []struct {
		tag string
		pos POS
		ok  bool
	}{
		{"NN", Noun, true}, {"NNS", Noun, true}, {"VBD", Verb, true}, {"VBG", Verb, true},
		{"JJR", Adj, true}, {"RB", Adv, true}, {"NNP", 0, false}, {"MD", 0, false}, {"", 0, false}, {"CD", 0, false},
	}
	for _, tt := range tests {
		if pos, ok := PennPOS(tt.tag); pos != tt.pos || ok != tt.ok {
			t.Errorf("PennPOS(%q) = %v, %v; want %v, %v", tt.tag, pos, ok, tt.pos, tt.ok)
		}
	}
}
