package lexicon

import (
	"flag"
	"fmt"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestLoad(t *testing.T) {
	if err := Load(); err != nil {
		t.Fatal(err)
	}
	s := TableStats()
	if s.Words != tableWords || s.Synsets != tableSynsets || s.Antonyms != tableAntonyms {
		t.Errorf("stats %+v disagree with the generated constants", s)
	}
	t.Logf("table: %d words, %d synsets, %d KB compressed, %d KB raw, loaded in %v",
		s.Words, s.Synsets, s.CompressedBytes>>10, s.RawBytes>>10, s.LoadTime)
}

func TestParseRejectsDamage(t *testing.T) {
	for name, data := range map[string][]byte{
		"empty":     nil,
		"not gzip":  []byte("hello"),
		"truncated": tableGz[:len(tableGz)/2],
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := parse(data); err == nil {
				t.Error("parse succeeded on a damaged table")
			}
		})
	}
}

func TestAntonym(t *testing.T) {
	tests := []struct {
		a, b string
		want AntonymKind
	}{
		{"hot", "cold", AntonymDirect},
		{"good", "bad", AntonymDirect},
		{"win", "lose", AntonymDirect},
		{"open", "close", AntonymDirect},
		{"alive", "dead", AntonymDirect},
		{"man", "woman", AntonymDirect},
		{"buy", "sell", AntonymDirect},
		{"increase", "decrease", AntonymDirect},
		{"cold", "hot", AntonymDirect},             // symmetric
		{"Hot", "COLD", AntonymDirect},             // case-folded
		{"won", "lost", AntonymDirect},             // irregular forms
		{"increasing", "decreased", AntonymDirect}, // regular forms
		{"increas", "decreas", AntonymDirect},      // snowball stems
		{"purchase", "sell", AntonymSynset},
		{"huge", "tiny", AntonymSimilar},
		{"winner", "lose", AntonymDerived},
		{"dog", "cat", NotAntonym},
		{"man", "person", NotAntonym},
		{"car", "automobile", NotAntonym},
		{"hot", "hot", NotAntonym},
		{"hotter", "hot", NotAntonym}, // one lemma
		{"qwzx", "cold", NotAntonym},
		{"", "", NotAntonym},
	}
	for _, tt := range tests {
		t.Run(tt.a+"/"+tt.b, func(t *testing.T) {
			if got := AntonymKindOf(tt.a, tt.b); got != tt.want {
				t.Errorf("AntonymKindOf(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
			}
			if got := Antonym(tt.a, tt.b); got != (tt.want != NotAntonym) {
				t.Errorf("Antonym(%q, %q) = %v", tt.a, tt.b, got)
			}
		})
	}
}

func TestSynonym(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"car", "automobile", true},
		{"buy", "purchase", true},
		{"cars", "automobiles", true},
		{"dog", "dogs", true}, // one lemma
		{"big", "large", true},
		{"dog", "cat", false},
		{"hot", "cold", false},
		{"dog", "animal", false},
		{"qwzx", "qwzx", false},
	}
	for _, tt := range tests {
		t.Run(tt.a+"/"+tt.b, func(t *testing.T) {
			if got := Synonym(tt.a, tt.b); got != tt.want {
				t.Errorf("Synonym(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
			}
		})
	}
}

func TestHypernym(t *testing.T) {
	tests := []struct {
		specific, general string
		depth             int
		ok                bool
	}{
		{"dog", "animal", 2, true}, // dog → domestic animal → animal
		{"man", "person", 1, true},
		{"woman", "person", 2, true},
		{"car", "vehicle", 2, true},
		{"puppy", "dog", 1, true},
		{"dogs", "animals", 2, true},
		{"sprint", "run", 1, true}, // verbs have a hierarchy too
		{"car", "automobile", 0, true},
		{"animal", "dog", 0, false}, // not the other way round
		{"dog", "cat", 0, false},
		{"hot", "cold", 0, false}, // adjectives have no hierarchy
		{"qwzx", "animal", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.specific+"/"+tt.general, func(t *testing.T) {
			d, ok := Hypernym(tt.specific, tt.general)
			if d != tt.depth || ok != tt.ok {
				t.Errorf("Hypernym(%q, %q) = %d, %v, want %d, %v", tt.specific, tt.general, d, ok, tt.depth, tt.ok)
			}
		})
	}
}

func TestSimilar(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"huge", "big", true},
		{"huge", "large", true},
		{"large", "huge", true},
		{"hot", "cold", false},
		{"dog", "animal", false},
	}
	for _, tt := range tests {
		t.Run(tt.a+"/"+tt.b, func(t *testing.T) {
			if got := Similar(tt.a, tt.b); got != tt.want {
				t.Errorf("Similar(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
			}
		})
	}
}

func TestLemma(t *testing.T) {
	tests := []struct{ word, want string }{
		{"ran", "run"},
		{"mice", "mouse"},
		{"children", "child"},
		{"stopped", "stop"},
		{"bigger", "big"},
		{"houses", "house"},
		{"companies", "company"},
		{"running", "run"},
		{"was", "be"},
		{"Dogs", "dog"},
		{"increasing", "increasing"}, // a lemma itself; Lemmas has "increase" too
		{"increas", "increase"},      // snowball stem
		{"qwzx", "qwzx"},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			if got := Lemma(tt.word); got != tt.want {
				t.Errorf("Lemma(%q) = %q, want %q", tt.word, got, tt.want)
			}
		})
	}
}

func TestLemmas(t *testing.T) {
	want := []Base{{"increasing", Adj}, {"increase", Verb}}
	if diff := cmp.Diff(want, Lemmas("increasing")); diff != "" {
		t.Errorf("Lemmas(increasing) (-want +got):\n%s", diff)
	}
	if got, ok := LemmaPOS("increasing", Verb); !ok || got != "increase" {
		t.Errorf("LemmaPOS(increasing, verb) = %q, %v", got, ok)
	}
	if got, ok := LemmaPOS("increasing", Adv); ok {
		t.Errorf("LemmaPOS(increasing, adv) = %q, true", got)
	}
	if !Known("mice") || Known("qwzx") {
		t.Error("Known is wrong about mice or qwzx")
	}
}

func TestConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if !Antonym("hot", "cold") || !Synonym("car", "automobile") {
				errs <- fmt.Sprint("goroutine ", i, " got a wrong answer")
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func TestNoAllocs(t *testing.T) {
	Load()
	allocs := testing.AllocsPerRun(100, func() {
		AntonymKindOf("increasing", "decreased")
		Synonym("cars", "automobile")
		Hypernym("dogs", "animal")
		RelateTagged("bought", "VBD", "sells", "VBZ")
	})
	if allocs != 0 {
		t.Errorf("lookups allocate %.1f times", allocs)
	}
}

func BenchmarkAntonym(b *testing.B) {
	Load()
	b.ReportAllocs()
	for b.Loop() {
		AntonymKindOf("increasing", "reduced")
	}
}

func BenchmarkSynonym(b *testing.B) {
	Load()
	b.ReportAllocs()
	for b.Loop() {
		Synonym("cars", "vehicle")
	}
}

func BenchmarkRelate(b *testing.B) {
	Load()
	b.ReportAllocs()
	for b.Loop() {
		Relate("puppies", "animals")
	}
}

func BenchmarkHypernym(b *testing.B) {
	Load()
	b.ReportAllocs()
	for b.Loop() {
		Hypernym("puppies", "animal")
	}
}

func ExampleAntonymKindOf() {
	fmt.Println(AntonymKindOf("hot", "cold"))
	fmt.Println(AntonymKindOf("huge", "tiny"))
	fmt.Println(AntonymKindOf("dog", "cat"))
	// Output:
	// direct
	// similar
	// none
}

func ExampleHypernym() {
	fmt.Println(Hypernym("dog", "animal"))
	// Output: 2 true
}

// update is accepted so `go test ./... -update` works; this package's data
// is regenerated by the gen test with the same flag.
var _ = flag.Bool("update", false, "unused here; see gen")

// FuzzRelate checks that no input makes a lookup panic and that the
// relations are consistent: Relate is symmetric where the relation is.
func FuzzRelate(f *testing.F) {
	for _, s := range [][2]string{{"hot", "cold"}, {"dogs", "animal"}, {"", "x"}, {"ÉTÉ", "été"}, {"stopped", "increas"}, {string(make([]byte, 100)), "a-"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		r, q := Relate(a, b), Relate(b, a)
		if r.Antonym != q.Antonym || r.Synonym != q.Synonym || r.SameLemma != q.SameLemma || r.Hypernym != q.Hyponym || r.Similar != q.Similar || r.Cohyponym != q.Cohyponym {
			t.Errorf("Relate(%q, %q) = %+v but Relate(%q, %q) = %+v", a, b, r, b, a, q)
		}
		Lemma(a)
		Lemmas(b)
	})
}

// TestAntonymOfReadings holds AntonymOf to AntonymKindOf on every pair of a
// word list with antonyms of each kind, inflections, unknown words and
// mixed case, and CanOppose to its promise: a word that cannot oppose is
// no word's antonym.
func TestAntonymOfReadings(t *testing.T) {
	words := []string{"hot", "cold", "Warm", "win", "lose", "winner", "loser", "quickly", "slow",
		"huge", "tiny", "large", "small", "purchase", "sell", "buy", "increased", "decreases",
		"rose", "fell", "table", "police", "said", "xyzzy", "", "Alive", "dead", "open", "closed"}
	opposers := 0
	for _, a := range words {
		ra := ReadingsOf(a)
		can := ra.CanOppose()
		if can {
			opposers++
		}
		for _, b := range words {
			rb := ReadingsOf(b)
			want := AntonymKindOf(a, b)
			if got := AntonymOf(&ra, &rb); got != want {
				t.Errorf("AntonymOf(%q, %q) = %v, AntonymKindOf says %v", a, b, got, want)
			}
			if !can && want != NotAntonym {
				t.Errorf("CanOppose(%q) = false, but AntonymKindOf(%q, %q) = %v", a, a, b, want)
			}
		}
	}
	// The test means something only if both answers occur.
	if opposers == 0 || opposers == len(words) {
		t.Errorf("%d of %d words can oppose; want some but not all", opposers, len(words))
	}
}

func TestIrregularVerb(t *testing.T) {
	for word, want := range map[string]string{"paid": "pay", "fell": "fall", "sold": "sell", "paying": "", "records": "", "pay": ""} {
		got, ok := IrregularVerb(word)
		if got != want || ok != (want != "") {
			t.Errorf("IrregularVerb(%q) = %q, %v; want %q", word, got, ok, want)
		}
	}
}

// TestReadingsOfCached holds the cache of ReadingsOf to a fresh lookup: the
// same entries and the same CanOppose, first time and after.
func TestReadingsOfCached(t *testing.T) {
	for _, w := range []string{"hot", "Cold", "winners", "table", "xyzzy", "", "stopped", "happily"} {
		var fresh Readings
		get().candidates(lower(w), &fresh.c)
		for range 2 {
			r := ReadingsOf(w)
			if r.c != fresh.c {
				t.Errorf("ReadingsOf(%q) = %v, a fresh lookup %v", w, r.c.list(), fresh.c.list())
			}
			if r.CanOppose() != fresh.CanOppose() {
				t.Errorf("ReadingsOf(%q).CanOppose() = %v, a fresh lookup's %v", w, r.CanOppose(), fresh.CanOppose())
			}
		}
	}
}
