package analyze

import (
	"fmt"
	"slices"
	"strings"

	"github.com/crosscheck-go/crosscheck/tokenize"
)

// findCause marks the claim's phrases naming a cause ("started by", "the
// likely cause") and saying it is not known ("under investigation", "too
// early to say"), from the configuration. A phrase of not knowing counts
// only in a sentence about a cause: one with a word of the stem "caus"
// ("the cause is still under investigation", "too early to say what
// caused the derailment") or a cause phrase.
func (c *claim) findCause(lx *lexicon) {
	var unknown [][2]int
	about := false
	for i, t := range c.toks {
		// The cause, or where or how it began: "have not determined
		// where the fire began" against "the fire started in a dust
		// collector".
		about = about || t.Stem == "caus" || t.Stem == "origin" || (t.Norm == "began" || t.Norm == "started") && c.whereOrHowBefore(i)
		if !lx.phraseFirst[t.Norm] {
			continue
		}
		if w := matchAny(c.toks[i:], lx.unknown); w > 0 {
			unknown = append(unknown, [2]int{i, i + w})
			continue
		}
		if w := matchAny(c.toks[i:], lx.causes); w > 0 {
			c.causeAt = append(c.causeAt, [2]int{i, i + w})
		}
	}
	if len(unknown) > 0 && (about || len(c.causeAt) > 0) {
		// Not knowing the cause takes back any cause the sentence names
		// ("whether it was started by a power line is unknown").
		c.unknownAt, c.causeAt = unknown, nil
	}
}

// whereOrHowBefore reports whether "where" or "how" stands in the eight
// tokens before i, in its clause: "where the blaze at the depot began"
// asks for an origin, "at what point he began recording" does not.
func (c *claim) whereOrHowBefore(i int) bool {
	for k := i - 1; k >= 0 && k >= i-8 && c.clause[k] == c.clause[i]; k-- {
		if w := c.toks[k].Norm; w == "where" || w == "how" {
			return true
		}
	}
	return false
}

// detectCause: a names a cause ("a broken rail was the likely cause"), b
// says the cause is not known ("too early to say what caused the
// derailment"). The two must share a word (the event, or the word cause
// itself), and a cause named under a negation ("was not started by") is
// no cause.
func (an *analyzer) detectCause(a, b *claim) (judgement, bool) {
	if a.cond || b.cond || len(a.causeAt) == 0 || len(b.unknownAt) == 0 || sharedContent(a, b) < 1 {
		return judgement{}, false
	}
	h := a.causeAt[0]
	if _, neg := a.cueNear(tokenize.CueNegation, h[0], h[1], 3); neg {
		return judgement{}, false
	}
	u := b.unknownAt[0]
	named := a.tokSpan(h[0], h[1])
	open := b.tokSpan(u[0], u[1])
	expl := fmt.Sprintf("%s names a cause (%q); %s says the cause is not known (%q).", src(a), txt(a, named), src(b), txt(b, open))
	return spanPair(KindPolarity, 0.6, a, named, "cause", b, open, "undetermined", expl, "none:false:cause", "none:true:cause"), true
}

// causeNamed returns the content stems of the cause a cause phrase at h
// names, and their span: the words after a phrase that ends in a
// preposition or a verb ("caused by a faulty valve", "the cause was human
// error"), else those before it ("a broken rail was the likely cause",
// "the crew was to blame").
func (c *claim) causeNamed(h [2]int) ([]string, tokenize.Span) {
	var stems []string
	from, to := -1, -1
	add := func(k int) {
		stems = append(stems, c.toks[k].Stem)
		if from < 0 || k < from {
			from = k
		}
		to = max(to, k)
	}
	switch c.toks[h[1]-1].Norm {
	case "by", "on", "was", "is":
		// The whole phrase: "heavy rain and a broken rail", "the impact
		// of a small meteorite", "a “relatively small” meteorite".
		for k := h[1]; k < len(c.toks) && k < h[1]+8 && c.clause[k] == c.clause[h[0]]; k++ {
			n := c.toks[k].Norm
			switch {
			case c.content[k]:
				add(k)
			case determiners[n] || n == "and" || n == "or" || n == "of" || c.toks[k].Kind == tokenize.Punct && n != "," && n != ";":
			default:
				k = len(c.toks) // "a mite rather than a spider": the cause ends
			}
		}
	default:
		k := h[0] - 1
		for k >= 0 && (auxiliaries[c.toks[k].Norm] || c.toks[k].Norm == "the") {
			k--
		}
		for ; k >= 0 && k >= h[0]-6 && c.clause[k] == c.clause[h[0]] && (c.content[k] || determiners[c.toks[k].Norm]); k-- {
			if c.content[k] {
				add(k)
			}
		}
	}
	if len(stems) == 0 {
		return nil, tokenize.Span{}
	}
	slices.Sort(stems)
	return slices.Compact(stems), c.tokSpan(from, to+1)
}

// detectTwoCauses: a and b name different causes of one thing ("the leak
// was caused by a faulty valve", "the cause of the leak was human
// error"): the causes share no word, and the statements share two besides
// them (the thing caused, or "cause" itself and the thing). A cause named
// under a negation ("was not caused by") names none.
func (an *analyzer) detectTwoCauses(a, b *claim) (judgement, bool) {
	if a.cond || b.cond || len(a.causeAt) == 0 || len(b.causeAt) == 0 || a.doc == b.doc || src(a) > src(b) {
		return judgement{}, false // symmetric: judged once, a before b
	}
	ha, hb := a.causeAt[0], b.causeAt[0]
	if _, neg := a.cueNear(tokenize.CueNegation, ha[0], ha[1], 3); neg {
		return judgement{}, false
	}
	if _, neg := b.cueNear(tokenize.CueNegation, hb[0], hb[1], 3); neg {
		return judgement{}, false
	}
	ca, spa := a.causeNamed(ha)
	cb, spb := b.causeNamed(hb)
	if len(ca) == 0 || len(cb) == 0 || countLoose(ca, cb) > 0 || sharedContent(a, b)-countShared(ca, cb) < 2 {
		return judgement{}, false
	}
	return judgement{
		kind:  KindPolarity,
		score: clamp01(0.55 * hedgeFactor(a, b)),
		cues:  []Cue{{Kind: "cause", Side: "a", Text: txt(a, spa)}, {Kind: "cause", Side: "b", Text: txt(b, spb)}},
		hlA:   []tokenize.Span{spa},
		hlB:   []tokenize.Span{spb},
		expl:  fmt.Sprintf("%s names one cause (%q); %s names another (%q).", src(a), txt(a, spa), src(b), txt(b, spb)),
		keyA:  "cause:" + strings.Join(ca, " "),
		keyB:  "cause:" + strings.Join(cb, " "),
	}, true
}
