package tokenize

import (
	"slices"
	"sort"
	"strings"

	"github.com/kljensen/snowball/english"
)

// Cue matching. Every configured cue entry becomes a phrase of word
// patterns; phrases are indexed by what their first word can match, so a
// sentence costs one or two map lookups per token whatever the list sizes.

// wordPat is one word of a cue phrase.
type wordPat struct {
	norm   string   // the word as configured, lower case, markers removed
	stems  []string // its snowball stems, for stem matching
	exact  bool     // "=word": Norm must equal norm
	prefix bool     // "word*": Norm starts with norm
	suffix bool     // "*word": Norm ends with norm
}

func (p wordPat) matches(t Token) bool {
	switch {
	case p.prefix:
		return len(t.Norm) > len(p.norm) && strings.HasPrefix(t.Norm, p.norm)
	case p.suffix:
		return strings.HasSuffix(t.Norm, p.norm)
	case t.Norm == p.norm:
		return true
	case p.exact || t.Kind != Word:
		return false
	}
	for _, s := range p.stems {
		if t.Stem == s {
			return true
		}
	}
	return false
}

// cuePhrase is a configured cue with every kind that lists it.
type cuePhrase struct {
	canon string // the phrase as configured, markers removed
	words []wordPat
	kinds []CueKind
}

type cueTable struct {
	byWord  map[string][]*cuePhrase // first word's norm or stem → phrases
	affixed []*cuePhrase            // phrases whose first word is a prefix/suffix pattern
}

// cueWords splits a cue entry into words; "n't" style entries stay whole.
func cueWords(entry string) []string { return strings.Fields(strings.ToLower(entry)) }

func newWordPat(w string) wordPat {
	p := wordPat{}
	switch {
	case strings.HasPrefix(w, "=") && len(w) > 1:
		p.exact, w = true, w[1:]
	case strings.HasSuffix(w, "*") && len(w) > 1:
		p.prefix, w = true, strings.TrimSuffix(w, "*")
	case strings.HasPrefix(w, "*") && len(w) > 1:
		p.suffix, w = true, strings.TrimPrefix(w, "*")
	}
	w = strings.NewReplacer("’", "'", "‘", "'").Replace(w)
	p.norm = w
	if !p.exact && !p.prefix && !p.suffix {
		// The tokenizer may or may not stem stop words; accept both.
		for _, s := range []string{english.Stem(w, true), english.Stem(w, false)} {
			if s != "" && (len(p.stems) == 0 || p.stems[0] != s) {
				p.stems = append(p.stems, s)
			}
		}
	}
	return p
}

// buildCueTable indexes the cue phrases of every kind, and the phrases of
// notCues as phrases with no kind: they win the longest match and yield
// nothing.
func buildCueTable(cues map[CueKind][]string, notCues []string) cueTable {
	t := cueTable{byWord: make(map[string][]*cuePhrase)}
	byCanon := make(map[string]*cuePhrase)
	var order []*cuePhrase
	const none CueKind = ""
	for _, kind := range append(slices.Clone(CueKinds), none) {
		entries := cues[kind]
		if kind == none {
			entries = notCues
		}
		for _, entry := range entries {
			words := cueWords(entry)
			if len(words) == 0 {
				continue
			}
			key := strings.Join(words, " ")
			ph := byCanon[key]
			if ph == nil {
				ph = &cuePhrase{}
				canon := make([]string, len(words))
				for i, w := range words {
					p := newWordPat(w)
					ph.words = append(ph.words, p)
					canon[i] = p.norm
				}
				ph.canon = strings.Join(canon, " ")
				byCanon[key] = ph
				order = append(order, ph)
			}
			if kind != none && !containsKind(ph.kinds, kind) {
				ph.kinds = append(ph.kinds, kind)
			}
		}
	}
	for _, ph := range order {
		first := ph.words[0]
		if first.prefix || first.suffix {
			t.affixed = append(t.affixed, ph)
			continue
		}
		keys := []string{first.norm}
		if !first.exact {
			keys = append(keys, first.stems...)
		}
		seen := map[string]bool{}
		for _, k := range keys {
			if !seen[k] {
				seen[k] = true
				t.byWord[k] = append(t.byWord[k], ph)
			}
		}
	}
	return t
}

func containsKind(ks []CueKind, k CueKind) bool {
	for _, x := range ks {
		if x == k {
			return true
		}
	}
	return false
}

// candidates returns the phrases that may start at token t.
func (ct *cueTable) candidates(t Token, buf []*cuePhrase) []*cuePhrase {
	buf = append(buf[:0], ct.byWord[t.Norm]...)
	if t.Stem != "" && t.Stem != t.Norm {
		buf = append(buf, ct.byWord[t.Stem]...)
	}
	return append(buf, ct.affixed...)
}

// cues finds the cue phrases of the sentence: at each token the longest
// phrase that matches wins (so "no longer" is one change cue, not a negation
// too), and it yields one Cue per kind that lists it. Tokens inside dates
// and quantities are skipped ("some 300" is approximate, not a quantifier),
// and so are names (Token.Cap), so "May" the month or "Will" the person is
// not a hedge.
// A sentence ending in "?" adds a question cue on the question mark.
func (sc *scan) cues() []Cue {
	var out []Cue
	var buf []*cuePhrase
	toks := sc.toks
	for i := 0; i < len(toks); {
		// A name is not a cue: "May", "Will", "Only" written as names.
		// A coined phrase in quotes ("Strategic Consent") is written like
		// a name but still says what it says: its stance words count.
		quotedTitle := false
		if sc.used[i] || toks[i].Kind == Punct || toks[i].Cap && !(toks[i].Kind == Word && sc.inQuotedTitle(i)) {
			i++
			continue
		} else if toks[i].Cap {
			quotedTitle = true
		}
		var best *cuePhrase
		bestEnd := 0
		tok := toks[i]
		if quotedTitle {
			// A name keeps its norm as stem; the title's word is an
			// ordinary word, so match it by its stem.
			tok.Stem = english.Stem(tok.Norm, false)
		}
		buf = sc.lx.cues.candidates(tok, buf)
		if quotedTitle {
			buf = stanceOnly(buf)
		}
		bestExact := 0
		for _, ph := range buf {
			end, exact, ok := sc.matchPhrase(ph, i)
			if quotedTitle {
				end, exact, ok = i+1, 0, len(ph.words) == 1 && ph.words[0].matches(tok)
			}
			if !ok {
				continue
			}
			// Longest first; then the phrase whose words match as written
			// rather than by stem ("reportedly" is the hedge, not the stem
			// of "reported"); then the configured spelling, for determinism.
			if end > bestEnd || end == bestEnd && (exact > bestExact || exact == bestExact && ph.canon < best.canon) {
				best, bestEnd, bestExact = ph, end, exact
			}
		}
		if best == nil {
			i++
			continue
		}
		span := Span{toks[i].Start, toks[bestEnd-1].End}
		for _, k := range best.kinds {
			out = append(out, Cue{Span: span, Kind: k, Word: best.canon})
		}
		i = bestEnd
	}
	if q, ok := sc.questionMark(); ok {
		out = append(out, Cue{Span: toks[q].Span, Kind: CueQuestion, Word: "?"})
	}
	sort.SliceStable(out, func(a, b int) bool {
		if out[a].Start != out[b].Start {
			return out[a].Start < out[b].Start
		}
		if out[a].End != out[b].End {
			return out[a].End < out[b].End
		}
		return out[a].Kind < out[b].Kind
	})
	return out
}

// inQuotedTitle reports whether the capitalised word i belongs to a run
// of capitalised words enclosed in quotation marks.
func (sc *scan) inQuotedTitle(i int) bool {
	toks := sc.toks
	a := i
	for a > 0 && toks[a-1].Cap && toks[a-1].Kind == Word {
		a--
	}
	b := i + 1
	for b < len(toks) && toks[b].Cap && toks[b].Kind == Word {
		b++
	}
	return a > 0 && b < len(toks) && isQuote(toks[a-1].Norm) && isQuote(toks[b].Norm)
}

func isQuote(s string) bool { return s == "\"" || s == "'" }

// stanceOnly keeps the phrases all of whose kinds are approval or
// objection: the only cues read inside a quoted title, since a hedge or a
// negation word there ("Will", "Never") is part of the name.
func stanceOnly(buf []*cuePhrase) []*cuePhrase {
	out := buf[:0]
	for _, ph := range buf {
		ok := true
		for _, k := range ph.kinds {
			ok = ok && (k == CueApproval || k == CueObjection)
		}
		if ok {
			out = append(out, ph)
		}
	}
	return out
}

// matchPhrase reports whether ph matches at token i, where it ends, and
// how many of its words match the token's norm exactly. Words of a phrase
// must follow each other with no punctuation between.
func (sc *scan) matchPhrase(ph *cuePhrase, i int) (end, exact int, ok bool) {
	j := i
	for _, w := range ph.words {
		if j >= len(sc.toks) || sc.used[j] || !w.matches(sc.toks[j]) {
			return 0, 0, false
		}
		if sc.toks[j].Norm == w.norm {
			exact++
		}
		j++
	}
	return j, exact, true
}

// questionMark returns the index of a sentence-final "?", allowing closing
// quotes and brackets after it.
func (sc *scan) questionMark() (int, bool) {
	for i := len(sc.toks) - 1; i >= 0; i-- {
		switch sc.toks[i].Norm {
		case "?":
			return i, true
		case "\"", "'", ")", "]", "}":
			continue
		}
		return 0, false
	}
	return 0, false
}
