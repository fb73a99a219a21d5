package analyze

import (
	"fmt"

	"github.com/crosscheck-go/crosscheck/tokenize"
)

// An event said held against the same event said put off: "the section
// had passed a safety inspection in January" against "a January inspection
// of the section had been postponed"; "the vote was held on Tuesday"
// against "the vote was postponed".

// beForms make a participle after them passive.
var beForms = map[string]bool{"was": true, "were": true, "been": true, "is": true, "are": true, "be": true}

// phraseHead returns the head noun of the subject ending at token k:
// the noun before an "of" or place phrase ("a January inspection of the
// section": inspection), else k.
func (c *claim) phraseHead(k int) int {
	h := k
	for h > 0 && (c.content[h-1] || determiners[c.toks[h-1].Norm]) {
		h--
	}
	if h >= 2 && (c.toks[h-1].Norm == "of" || placePrepositions[c.toks[h-1].Norm]) && c.content[h-2] && !c.isCue(h-2) {
		return h - 2
	}
	return k
}

// findHeldOrPutOff returns the event a claim says took place and the one
// it says was put off (either may be empty), each the stem of its noun.
func (c *claim) findHeldOrPutOff() (held, putOff thingAt) {
	for i, t := range c.toks {
		isHeld, isOff := c.lx.held[t.Norm], c.lx.putOff[t.Norm]
		if !isHeld && !isOff || c.speculativeAt(i) {
			continue
		}
		if _, neg := c.cueNear(tokenize.CueNegation, i, i+1, 2); neg {
			continue
		}
		noun := -1
		// "the vote was held", "an inspection of the section had been
		// postponed"
		// Passive only after a form of "be": "had passed a safety
		// inspection" is active, its event after it.
		k := i - 1
		aux := k >= 0 && beForms[c.toks[k].Norm]
		for k >= 0 && auxiliaries[c.toks[k].Norm] {
			k--
		}
		if aux && k >= 0 && c.content[k] && !c.isCue(k) {
			noun = c.phraseHead(k)
		} else if j := c.thingAfter(i + 1); j >= 0 && c.clause[j] == c.clause[i] && !aux {
			noun = j // "passed a safety inspection", "postponed the vote"
			if t.Norm == "carried" {
				noun = -1 // "carried out the inspection" is read at "out"
				if i+1 < len(c.toks) && c.toks[i+1].Norm == "out" {
					if j := c.thingAfter(i + 2); j >= 0 {
						noun = j
					}
				}
			}
		}
		if noun < 0 {
			continue
		}
		th := thingAt{c.toks[noun].Stem, c.tokSpan(min(noun, i), max(noun, i)+1)}
		if isHeld && held.thing == "" {
			held = th
		}
		if isOff && putOff.thing == "" {
			putOff = th
		}
	}
	return held, putOff
}

// detectHeld: a says an event took place, b that it was put off; the
// statements share two words (the event and its time or party).
func (an *analyzer) detectHeld(a, b *claim) (judgement, bool) {
	if a.cond || b.cond || a.things.held.thing == "" || a.things.held.thing != b.things.putOff.thing || sharedContent(a, b) < 2 {
		return judgement{}, false
	}
	x, y := a.things.held, b.things.putOff
	expl := fmt.Sprintf("%s says it took place (%q); %s says it was put off (%q).", src(a), txt(a, x.span), src(b), txt(b, y.span))
	return pairedThings(KindPolarity, a, x, "held", b, y, "put off", expl, "held:"+x.thing, "putoff:"+x.thing), true
}
