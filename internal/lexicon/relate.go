package lexicon

import "strings"

// Relation is everything the lexicon knows about how two words relate,
// computed in one call for aligning the words of two sentences.
type Relation struct {
	// SameLemma: the words share a base form ("ran"/"runs").
	SameLemma bool
	// Synonym: they share one of their most frequent senses (see Synonym).
	Synonym bool
	// Antonym: the strongest antonym link (see AntonymKindOf).
	Antonym AntonymKind
	// Hypernym is the is-a depth from a up to b ("dog" → "animal": 2),
	// or -1 when b is not a more general word for a.
	Hypernym int
	// Hyponym is the is-a depth from b up to a, or -1.
	Hyponym int
	// Similar: adjectives of one similar-to cluster (see Similar).
	Similar bool
	// Derived: WordNet links the words as derivationally related forms
	// ("acquisition"/"acquired", "death"/"die") or an adjective and its
	// adverb ("quick"/"quickly"), in their most frequent senses.
	Derived bool
	// Gloss: b is the head word of a definition of a ("devour": "eat
	// greedily" → "eat"; "hike": "walk a long way" → "walk"), in the
	// first senses of a verb or noun. A weak paraphrase link: a is
	// usually a way of doing b, where WordNet's is-a links miss it.
	Gloss bool
	// GlossOf: a is the head word of a definition of b.
	GlossOf bool
	// Cohyponym is the is-a path length through the nearest shared
	// hypernym ("dog"/"cat": 4), or -1 (see Cohyponym).
	Cohyponym int
}

// Related reports whether any relation holds.
func (r Relation) Related() bool {
	return r.SameLemma || r.Synonym || r.Antonym != NotAntonym || r.Hypernym >= 0 || r.Hyponym >= 0 || r.Similar || r.Derived || r.Gloss || r.GlossOf || r.Cohyponym >= 0
}

// Relate returns every relation between a and b over all their readings.
// It does not allocate for lower-case input.
func Relate(a, b string) Relation {
	return RelateTagged(a, "", b, "")
}

// RelateTagged is Relate with each word read only in the part of speech of
// its Penn Treebank tag (tokenize.Token.Tag), so "bush" tagged NN is not
// read as the adjective. An empty or unmapped tag (NNP, CD, IN ...) allows
// every reading, and so does a tag that leaves no reading, because taggers
// err. Callers should not look up names at all: WordNet knows a few people
// and places, which would align by accident.
func RelateTagged(a, tagA, b, tagB string) Relation {
	t := get()
	var ca, cb cands
	t.candidates(lower(a), &ca)
	t.candidates(lower(b), &cb)
	ca.keep(tagA)
	cb.keep(tagB)
	la, lb := ca.list(), cb.list()
	r := Relation{Hypernym: -1, Hyponym: -1, Cohyponym: -1}
	if len(la) == 0 || len(lb) == 0 {
		return r
	}
	r.SameLemma = shareWord(la, lb)
	r.Synonym = t.synonym(la, lb)
	r.Antonym = t.antonym(la, lb)
	r.Similar = t.similar(la, lb)
	r.Derived = t.derived(la, lb)
	r.Gloss = t.glossed(la, lb)
	r.GlossOf = t.glossed(lb, la)
	if d, ok := t.hypernym(la, lb); ok {
		r.Hypernym = d
	}
	if d, ok := t.hypernym(lb, la); ok {
		r.Hyponym = d
	}
	if d, ok := t.cohyponym(la, lb); ok && r.Hypernym < 0 && r.Hyponym < 0 {
		r.Cohyponym = d
	}
	return r
}

// keep drops the candidates whose part of speech disagrees with a Penn
// tag, unless that would drop them all.
func (c *cands) keep(tag string) {
	pos, ok := PennPOS(tag)
	if !ok {
		return
	}
	n := 0
	for _, e := range c.list() {
		if entryPOS(e) == pos {
			n++
		}
	}
	if n == 0 {
		return
	}
	j := 0
	for _, e := range c.list() {
		if entryPOS(e) == pos {
			c.e[j] = e
			j++
		}
	}
	c.n = j
}

// PennPOS maps a Penn Treebank tag to a WordNet part of speech: NN, NNS →
// Noun; VB* → Verb; JJ* → Adj; RB* → Adv. Proper nouns (NNP, NNPS), modals
// (MD: "can" is not "preserve") and every other tag map to nothing.
func PennPOS(tag string) (POS, bool) {
	switch {
	case tag == "NN" || tag == "NNS":
		return Noun, true
	case strings.HasPrefix(tag, "VB"):
		return Verb, true
	case strings.HasPrefix(tag, "JJ"):
		return Adj, true
	case strings.HasPrefix(tag, "RB"):
		return Adv, true
	}
	return 0, false
}

// derived reports whether a derivation or pertainym links two readings.
func (t *table) derived(ca, cb []int32) bool {
	for _, ea := range ca {
		d := t.ders.get(ea)
		for _, eb := range cb {
			if contains(d, eb) {
				return true
			}
		}
	}
	return false
}

// glossed reports whether a reading of b is the head word of a definition
// of a reading of a.
func (t *table) glossed(ca, cb []int32) bool {
	for _, ea := range ca {
		g := t.glosses.get(ea)
		if len(g) == 0 {
			continue
		}
		for _, eb := range cb {
			if contains(g, eb) {
				return true
			}
		}
	}
	return false
}
