package lexicon

import (
	"strings"
	"sync"
	"sync/atomic"
)

// POS is a WordNet part of speech.
type POS uint8

// The parts of speech WordNet covers.
const (
	Noun POS = iota
	Verb
	Adj
	Adv
)

var posNames = [...]string{"noun", "verb", "adj", "adv"}

// String returns the lower-case name of the part of speech.
func (p POS) String() string {
	if int(p) < len(posNames) {
		return posNames[p]
	}
	return "unknown"
}

func posFromLetter(c byte) (POS, bool) {
	switch c {
	case 'n':
		return Noun, true
	case 'v':
		return Verb, true
	case 'a':
		return Adj, true
	case 'r':
		return Adv, true
	}
	return 0, false
}

// An entry is a (word, part of speech) pair: wordID*4 + pos.
func entryOf(word int32, pos POS) int32 { return word*4 + int32(pos) }
func entryWord(e int32) int32           { return e >> 2 }
func entryPOS(e int32) POS              { return POS(e & 3) }

// maxCands bounds the lemma candidates of one word; real words have at most
// a handful, and a fixed array keeps lookups free of allocation.
const maxCands = 16

type cands struct {
	n int
	e [maxCands]int32
}

func (c *cands) add(e int32) {
	for i := 0; i < c.n; i++ {
		if c.e[i] == e {
			return
		}
	}
	if c.n < maxCands {
		c.e[c.n] = e
		c.n++
	}
}

func (c *cands) list() []int32 { return c.e[:c.n] }

// entry returns the entry of word as a lemma of pos.
func (t *table) entry(word string, pos POS) (int32, bool) {
	id, ok := t.wordID[word]
	if !ok || t.posMask[id]&(1<<pos) == 0 {
		return 0, false
	}
	return entryOf(id, pos), true
}

// Detachment rules of WordNet's morphy, per part of speech, plus undoubling
// of a final consonant ("stopped", "bigger") that morphy leaves to its
// exception lists.
type rule struct{ suffix, ending string }

var rules = [4][]rule{
	Noun: {{"s", ""}, {"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"}, {"shes", "sh"}, {"men", "man"}, {"ies", "y"}},
	Verb: {{"s", ""}, {"ies", "y"}, {"es", "e"}, {"es", ""}, {"ed", "e"}, {"ed", ""}, {"ing", "e"}, {"ing", ""}},
	Adj:  {{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}},
}

// candidates collects the lemma entries word can stand for: entries from
// the exception lists, the word itself in each part of speech it has, and
// the bases the detachment rules find. When none is found, a snowball stem
// ("increas") maps to the words that stem to it. word must be lower case.
func (t *table) candidates(word string, c *cands) {
	c.n = 0
	if t == nil || word == "" {
		return
	}
	for _, e := range t.exc[word] {
		c.add(e)
	}
	if id, ok := t.wordID[word]; ok {
		for p := POS(0); p < 4; p++ {
			if t.posMask[id]&(1<<p) != 0 {
				c.add(entryOf(id, p))
			}
		}
	}
	var buf [64]byte
	for p := POS(0); p < 4; p++ {
		for _, r := range rules[p] {
			if !strings.HasSuffix(word, r.suffix) {
				continue
			}
			stem := word[:len(word)-len(r.suffix)]
			// Bases shorter than three letters are abbreviations far
			// more often than roots ("was" is not a form of "wa").
			if len(stem)+len(r.ending) < 3 || len(stem)+len(r.ending) > len(buf) {
				continue
			}
			n := copy(buf[:], stem)
			n += copy(buf[n:], r.ending)
			if e, ok := t.entry(string(buf[:n]), p); ok { // string(buf) in a map index does not allocate
				c.add(e)
			}
			if r.ending == "" && (r.suffix == "ed" || r.suffix == "ing" || r.suffix == "er" || r.suffix == "est") &&
				len(stem) >= 4 && stem[len(stem)-1] == stem[len(stem)-2] && !isVowel(stem[len(stem)-1]) {
				if e, ok := t.entry(stem[:len(stem)-1], p); ok {
					c.add(e)
				}
			}
		}
	}
	if c.n > 0 {
		return
	}
	for _, id := range t.stems[word] {
		for p := POS(0); p < 4; p++ {
			if t.posMask[id]&(1<<p) != 0 {
				c.add(entryOf(id, p))
			}
		}
	}
}

func isVowel(b byte) bool { return strings.IndexByte("aeiou", b) >= 0 }

// lower returns s in lower case, allocating only when s has upper case.
func lower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' || c >= 0x80 {
			return strings.ToLower(s)
		}
	}
	return s
}

// Known reports whether word, or a base form or stem of it, is in the
// lexicon.
func Known(word string) bool {
	var c cands
	get().candidates(lower(word), &c)
	return c.n > 0
}

// IrregularVerb returns the base form of an irregular verb form from
// WordNet's exception lists ("paid" → "pay", "fell" → "fall"), and false for
// any other word. It costs one map lookup, for callers that cannot afford
// Lemma on every word. word must be lower case.
func IrregularVerb(word string) (string, bool) {
	t := get()
	if t == nil || word == "" {
		return "", false
	}
	k := uint16(word[0])<<8 | uint16(word[len(word)-1])
	if t.irregularEnds[k/64]&(1<<(k%64)) == 0 {
		return "", false
	}
	base, ok := t.irregular[word]
	return base, ok
}

// Lemma returns the base form of word: "ran" → "run", "mice" → "mouse",
// "stopped" → "stop". Irregular forms from WordNet's exception lists win
// (so "found" → "find", "left" → "leave"), then the word itself when it is a
// lemma (so "glasses" and "increasing" stay), then the regular rules in the
// order noun, verb, adjective, adverb. A snowball stem returns the first
// word that stems to it. An unknown word is returned lower-cased. Use Lemmas
// when the part of speech matters.
func Lemma(word string) string {
	word = lower(word)
	t := get()
	var c cands
	t.candidates(word, &c)
	if c.n == 0 {
		return word
	}
	return t.words[entryWord(c.e[0])]
}

// LemmaPOS returns the base form of word as a pos, and false when word is
// not an inflection of a lemma of that part of speech.
func LemmaPOS(word string, pos POS) (string, bool) {
	t := get()
	var c cands
	t.candidates(lower(word), &c)
	for _, e := range c.list() {
		if entryPOS(e) == pos {
			return t.words[entryWord(e)], true
		}
	}
	return "", false
}

// Base is one reading of a word: a lemma and its part of speech.
type Base struct {
	Lemma string
	POS   POS
}

// Lemmas returns every reading of word, in the order Lemma prefers them.
func Lemmas(word string) []Base {
	t := get()
	var c cands
	t.candidates(lower(word), &c)
	out := make([]Base, 0, c.n)
	for _, e := range c.list() {
		out = append(out, Base{t.words[entryWord(e)], entryPOS(e)})
	}
	return out
}

// shareWord reports whether two candidate lists read as the same lemma.
func shareWord(a, b []int32) bool {
	for _, x := range a {
		for _, y := range b {
			if entryWord(x) == entryWord(y) {
				return true
			}
		}
	}
	return false
}

func contains(l []int32, v int32) bool {
	for _, x := range l {
		if x == v {
			return true
		}
	}
	return false
}

// Synonym reports whether a and b share a synset among their most frequent
// senses (WordNet's first senses, at most three per part of speech):
// "car"/"automobile", "buy"/"purchase". Two forms of the same lemma are
// synonyms.
func Synonym(a, b string) bool {
	t := get()
	var ca, cb cands
	t.candidates(lower(a), &ca)
	t.candidates(lower(b), &cb)
	return t.synonym(ca.list(), cb.list())
}

func (t *table) synonym(ca, cb []int32) bool {
	if shareWord(ca, cb) {
		return true
	}
	for _, ea := range ca {
		sa := t.senses.get(ea)
		for _, eb := range cb {
			if entryPOS(ea) != entryPOS(eb) {
				continue
			}
			for _, s := range t.senses.get(eb) {
				if contains(sa, s) {
					return true
				}
			}
		}
	}
	return false
}

// MaxHypernymDepth is how many is-a steps Hypernym follows. Deep links are
// reported with their depth so a caller can ask for less.
const MaxHypernymDepth = 8

// Hypernym reports whether specific is a kind of general, following is-a
// (and instance-of) links from the most frequent senses of specific up to
// MaxHypernymDepth steps: "dog" → "animal", "man" → "person",
// "sprint" → "run". depth is the number of steps on the shortest path;
// 0 means the two share a sense. Nouns and verbs only; WordNet has no
// hierarchy for adjectives and adverbs.
func Hypernym(specific, general string) (depth int, ok bool) {
	t := get()
	var ca, cb cands
	t.candidates(lower(specific), &ca)
	t.candidates(lower(general), &cb)
	return t.hypernym(ca.list(), cb.list())
}

func (t *table) hypernym(ca, cb []int32) (depth int, ok bool) {
	var targets [maxCands * 4]int32
	nt := 0
	for _, e := range cb {
		if p := entryPOS(e); p != Noun && p != Verb {
			continue
		}
		for _, s := range t.senses.get(e) {
			if nt < len(targets) {
				targets[nt] = s
				nt++
			}
		}
	}
	if nt == 0 {
		return 0, false
	}
	var up ancestry
	t.ancestors(ca, MaxHypernymDepth, &up)
	// ancestors lists synsets in order of depth, so the first hit is the
	// shortest path.
	for i := 0; i < up.n; i++ {
		if contains(targets[:nt], up.syn[i]) {
			return int(up.depth[i]), true
		}
	}
	return 0, false
}

// ancestry is a bounded list of synsets with their is-a depth, kept on the
// stack: the ancestors of a few senses within eight steps number a few
// dozen.
type ancestry struct {
	n     int
	syn   [512]int32
	depth [512]uint8
}

// ancestors fills up with the noun and verb senses of the candidates
// (depth 0) and their hypernyms up to maxDepth steps, breadth first.
func (t *table) ancestors(c []int32, maxDepth int, up *ancestry) {
	up.n = 0
	add := func(s int32, d int) {
		if up.n < len(up.syn) && !contains(up.syn[:up.n], s) {
			up.syn[up.n] = s
			up.depth[up.n] = uint8(d)
			up.n++
		}
	}
	for _, e := range c {
		if p := entryPOS(e); p != Noun && p != Verb {
			continue
		}
		for _, s := range t.senses.get(e) {
			add(s, 0)
		}
	}
	lo, hi := 0, up.n
	for d := 1; d <= maxDepth && lo < hi; d++ {
		for i := lo; i < hi; i++ {
			for _, h := range t.hypers.get(up.syn[i]) {
				add(h, d)
			}
		}
		lo, hi = hi, up.n
	}
}

// MaxCohyponymDepth is how many is-a steps each word may climb to a shared
// hypernym for Cohyponym.
const MaxCohyponymDepth = 3

// Cohyponym reports whether a and b are different kinds of one thing
// ("dog"/"cat" are both carnivores, "guitar"/"piano" both instruments):
// they share a hypernym within MaxCohyponymDepth steps of each, and are not
// synonyms or one a kind of the other. steps counts the is-a links of the
// shortest path through the shared hypernym (dog → canine → carnivore ←
// feline ← cat is 4). Aligned in the same role, such words are often
// alternatives that exclude each other; further apart, they are often
// merely related.
func Cohyponym(a, b string) (steps int, ok bool) {
	t := get()
	var ca, cb cands
	t.candidates(lower(a), &ca)
	t.candidates(lower(b), &cb)
	return t.cohyponym(ca.list(), cb.list())
}

func (t *table) cohyponym(ca, cb []int32) (steps int, ok bool) {
	if len(ca) == 0 || len(cb) == 0 || t.synonym(ca, cb) {
		return 0, false
	}
	var ua, ub ancestry
	t.ancestors(ca, MaxCohyponymDepth, &ua)
	t.ancestors(cb, MaxCohyponymDepth, &ub)
	best := -1
	for i := 0; i < ua.n; i++ {
		for j := 0; j < ub.n; j++ {
			if ua.syn[i] != ub.syn[j] {
				continue
			}
			if ua.depth[i] == 0 || ub.depth[j] == 0 {
				return 0, false // one is a kind of the other
			}
			if d := int(ua.depth[i]) + int(ub.depth[j]); best < 0 || d < best {
				best = d
			}
		}
	}
	if best < 0 {
		return 0, false
	}
	return best, true
}

// AntonymKind says how two words were found to be opposites, from the
// weakest evidence to the strongest, so that kinds compare with <.
type AntonymKind uint8

// Kinds of antonymy.
const (
	// NotAntonym: no antonym link was found.
	NotAntonym AntonymKind = iota
	// AntonymDerived: a derivationally related form of one is a direct
	// antonym of the other or of its related form ("winner"/"lose" via
	// "winner"/"loser"; "quickly"/"slow" via "quick"/"slow").
	AntonymDerived
	// AntonymSimilar: adjectives in the clusters of two direct antonyms
	// ("huge"/"tiny" via "large"/"small").
	AntonymSimilar
	// AntonymSynset: a synonym, in one of the most frequent senses, of a
	// direct antonym ("purchase"/"sell" via "buy"/"sell").
	AntonymSynset
	// AntonymDirect: WordNet's own antonym pair ("hot"/"cold",
	// "win"/"lose", "increase"/"decrease").
	AntonymDirect
)

var antonymNames = [...]string{"none", "derived", "similar", "synset", "direct"}

// String returns the lower-case name of the kind.
func (k AntonymKind) String() string {
	if int(k) < len(antonymNames) {
		return antonymNames[k]
	}
	return "unknown"
}

// Antonym reports whether a and b are opposites by any AntonymKind.
func Antonym(a, b string) bool { return AntonymKindOf(a, b) != NotAntonym }

// AntonymKindOf returns the strongest antonym link between any readings of
// a and b, or NotAntonym. Two forms of one lemma are never antonyms.
func AntonymKindOf(a, b string) AntonymKind {
	t := get()
	var ca, cb cands
	t.candidates(lower(a), &ca)
	t.candidates(lower(b), &cb)
	return t.antonym(ca.list(), cb.list())
}

func (t *table) antonym(ca, cb []int32) AntonymKind {
	if len(ca) == 0 || len(cb) == 0 || shareWord(ca, cb) {
		return NotAntonym
	}
	best := NotAntonym
	for _, ea := range ca {
		for _, eb := range cb {
			if k := t.antonymEntries(ea, eb); k > best {
				best = k
				if best == AntonymDirect {
					return best
				}
			}
		}
	}
	return best
}

// antonymEntries returns the strongest antonym link between two entries.
func (t *table) antonymEntries(ea, eb int32) AntonymKind {
	if contains(t.ants.get(ea), eb) {
		return AntonymDirect
	}
	if contains(t.ders.get(ea), eb) {
		// One word family ("financial"/"finance"): the derivation
		// search below would otherwise reach an opposite of a relative
		// of both.
		return NotAntonym
	}
	best := NotAntonym
	if entryPOS(ea) == entryPOS(eb) {
		sa, sb := t.senses.get(ea), t.senses.get(eb)
		for _, x := range sa {
			for _, y := range t.synAnts.get(x) {
				if contains(sb, y) {
					return AntonymSynset
				}
			}
		}
		if entryPOS(ea) == Adj && t.similarAnt(sa, sb) {
			best = AntonymSimilar
		}
	}
	if best != NotAntonym {
		return best
	}
	// Derivation: a related form of either side is a direct antonym of
	// the other side or of one of its related forms.
	da, db := t.ders.get(ea), t.ders.get(eb)
	for _, x := range da {
		if contains(t.ants.get(x), eb) {
			return AntonymDerived
		}
		for _, y := range db {
			if contains(t.ants.get(x), y) {
				return AntonymDerived
			}
		}
	}
	for _, y := range db {
		if contains(t.ants.get(ea), y) {
			return AntonymDerived
		}
	}
	return NotAntonym
}

// similarAnt reports whether a head of one of sa is an antonym synset of
// a head of one of sb. A head synset is its own head; a satellite's heads
// are the synsets it is similar to.
func (t *table) similarAnt(sa, sb []int32) bool {
	for _, x := range sa {
		if t.headAnt(x, sb) {
			return true
		}
		for _, hx := range t.heads.get(x) {
			if t.headAnt(hx, sb) {
				return true
			}
		}
	}
	return false
}

// headAnt reports whether an antonym synset of h is, or heads, one of sb.
func (t *table) headAnt(h int32, sb []int32) bool {
	for _, anti := range t.synAnts.get(h) {
		for _, y := range sb {
			if anti == y || contains(t.heads.get(y), anti) {
				return true
			}
		}
	}
	return false
}

// Similar reports whether two adjectives are in one cluster of WordNet's
// similar-to links ("huge"/"big": both similar to "large"), or share a
// sense. Adjectives only.
func Similar(a, b string) bool {
	t := get()
	var ca, cb cands
	t.candidates(lower(a), &ca)
	t.candidates(lower(b), &cb)
	return t.similar(ca.list(), cb.list())
}

func (t *table) similar(ca, cb []int32) bool {
	for _, ea := range ca {
		if entryPOS(ea) != Adj {
			continue
		}
		for _, eb := range cb {
			if entryPOS(eb) != Adj {
				continue
			}
			if ea == eb {
				return true
			}
			for _, x := range t.senses.get(ea) {
				for _, y := range t.senses.get(eb) {
					if x == y || contains(t.heads.get(x), y) || contains(t.heads.get(y), x) || sharesAny(t.heads.get(x), t.heads.get(y)) {
						return true
					}
				}
			}
		}
	}
	return false
}

func sharesAny(a, b []int32) bool {
	for _, x := range a {
		if contains(b, x) {
			return true
		}
	}
	return false
}

// Readings are the lemma entries one word may stand for, looked up once so
// that the word can be tested against many others without repeating the
// morphology, which costs more than most of the tests. The zero value is a
// word with no readings.
type Readings struct {
	c cands
	// opp caches CanOppose: 0 not yet known, 1 false, 2 true.
	opp uint8
}

// readingsCache maps a word to its Readings, CanOppose known. The analysis
// asks for the same few thousand words again and again (60,000 lookups of
// 6,300 distinct words on 1,000 FNC-1 bodies), and a lookup's morphology
// costs several map probes; a cached one costs one. It keeps at most
// maxCachedReadings words, so a long-running process that meets endless
// new words stays bounded; past that, words are looked up as before.
var (
	readingsCache  sync.Map // string -> Readings
	cachedReadings atomic.Int64
)

const maxCachedReadings = 1 << 16

// ReadingsOf returns the readings of word, as AntonymKindOf would find them.
func ReadingsOf(word string) Readings {
	if r, ok := readingsCache.Load(word); ok {
		return r.(Readings)
	}
	var r Readings
	get().candidates(lower(word), &r.c)
	r.opp = 1
	if r.canOppose() {
		r.opp = 2
	}
	if cachedReadings.Load() < maxCachedReadings {
		if _, loaded := readingsCache.LoadOrStore(word, r); !loaded {
			cachedReadings.Add(1)
		}
	}
	return r
}

// CanOppose reports whether any reading of the word has an antonym link of
// any kind. When it has none, AntonymOf(r, x) is NotAntonym for every x,
// so callers may skip the tests.
func (r *Readings) CanOppose() bool {
	if r.opp != 0 {
		return r.opp == 2
	}
	return r.canOppose()
}

func (r *Readings) canOppose() bool {
	t := get()
	if t == nil {
		return false
	}
	// Every test of antonymEntries(ea, ·) starts from ea's direct
	// antonyms, the antonym synsets of its senses or of their heads, or
	// the direct antonyms of its related forms; without any of them it
	// answers NotAntonym whatever the other entry.
	for _, e := range r.c.list() {
		if len(t.ants.get(e)) > 0 {
			return true
		}
		for _, x := range t.senses.get(e) {
			if len(t.synAnts.get(x)) > 0 {
				return true
			}
			for _, h := range t.heads.get(x) {
				if len(t.synAnts.get(h)) > 0 {
					return true
				}
			}
		}
		for _, d := range t.ders.get(e) {
			if len(t.ants.get(d)) > 0 {
				return true
			}
		}
	}
	return false
}

// AntonymOf is AntonymKindOf on readings already looked up: the same
// answer as AntonymKindOf for the words they were read from.
func AntonymOf(a, b *Readings) AntonymKind {
	return get().antonym(a.c.list(), b.c.list())
}
