package analyze

import (
	"fmt"

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
		about = about || t.Stem == "caus"
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
	score := 0.6 * hedgeFactor(a, b)
	return judgement{
		kind:  KindPolarity,
		score: clamp01(score),
		cues:  []Cue{{Kind: "cause", Side: "a", Text: txt(a, named)}, {Kind: "undetermined", Side: "b", Text: txt(b, open)}},
		hlA:   []tokenize.Span{named},
		hlB:   []tokenize.Span{open},
		expl:  fmt.Sprintf("%s names a cause (%q); %s says the cause is not known (%q).", src(a), txt(a, named), src(b), txt(b, open)),
		keyA:  "none:false:cause",
		keyB:  "none:true:cause",
	}, true
}
