package analyze

import (
	"fmt"

	"github.com/crosscheck-go/crosscheck/tokenize"
)

// All of a kind stopped against some of it going on: "All flights at
// Lindholm Airport were cancelled" against "Some flights at Lindholm
// Airport operated on Thursday". The two share the noun and the place but
// no verb, and "cancelled" has no one opposite.

// someWords count part of a kind: "some flights", "a few trains", "40
// departures" (a number is read as a count too).
var someWords = map[string]bool{"some": true, "several": true, "few": true, "many": true, "dozens": true, "hundreds": true, "most": true}

// findAllHalted returns the noun of "all (the) N ... were cancelled" or
// "cancelled every N": the
// head right after "all" (past "of the"), the halt word within six tokens
// after it in its clause, past auxiliaries only, and no negation before
// "all" ("not all flights were cancelled").
func (c *claim) findAllHalted() (thingAt, bool) {
	for i, t := range c.toks {
		if t.Norm != "all" && t.Norm != "every" {
			continue
		}
		if i > 0 && (c.toks[i-1].Norm == "not" || c.toks[i-1].Norm == "almost" || c.toks[i-1].Norm == "nearly") {
			continue
		}
		j := i + 1
		if j+1 < len(c.toks) && c.toks[j].Norm == "of" {
			j++
		}
		if j < len(c.toks) && determiners[c.toks[j].Norm] {
			j++
		}
		if j >= len(c.toks) || !c.content[j] {
			continue
		}
		// Active: "the airport cancelled every flight".
		if i > 0 && c.lx.halts[c.toks[i-1].Norm] && !c.speculativeAt(i-1) {
			if _, neg := c.cueNear(tokenize.CueNegation, i-1, i, 2); !neg {
				return thingAt{c.toks[j].Stem, c.tokSpan(i-1, j+1)}, true
			}
		}
		for k := j + 1; k < len(c.toks) && k <= j+7 && c.clause[k] == c.clause[j]; k++ {
			if c.lx.halts[c.toks[k].Norm] && auxiliaries[c.toks[k-1].Norm] {
				return thingAt{c.toks[j].Stem, c.tokSpan(i, k+1)}, true
			}
		}
	}
	return thingAt{}, false
}

// findSomeRan returns the noun of "some N ... operated": a count word or
// number right before the noun, a run word within six tokens after it in
// its clause, no negation governing it.
func (c *claim) findSomeRan() (thingAt, bool) {
	for i, t := range c.toks {
		// "a small number of flights", "a handful of trains".
		few := t.Norm == "handful" || t.Norm == "number" && i > 0 && (c.toks[i-1].Norm == "small" || c.toks[i-1].Norm == "limited")
		if !few && !someWords[t.Norm] && t.Kind != tokenize.Number && !pluralCount(t) {
			continue
		}
		j := i + 1
		if j < len(c.toks) && c.toks[j].Norm == "of" {
			j++
		}
		if j < len(c.toks) && determiners[c.toks[j].Norm] {
			j++
		}
		if j >= len(c.toks) || !c.content[j] {
			continue
		}
		for k := j + 1; k < len(c.toks) && k <= j+6 && c.clause[k] == c.clause[j]; k++ {
			if c.lx.runs[c.toks[k].Norm] && !c.speculativeAt(k) {
				if _, neg := c.cueNear(tokenize.CueNegation, k, k+1, 2); neg {
					break
				}
				return thingAt{c.toks[j].Stem, c.tokSpan(i, k+1)}, true
			}
		}
	}
	return thingAt{}, false
}

// detectAllSome: a says all of a kind were stopped ("All flights at
// Lindholm Airport were cancelled on Thursday"), b that some went on
// ("Some flights at Lindholm Airport operated on Thursday"): the nouns
// are one and the statements share another word (the place, the day).
func (an *analyzer) detectAllSome(a, b *claim) (judgement, bool) {
	if a.cond || b.cond || a.things.allHalted.thing == "" || a.things.allHalted.thing != b.things.someRan.thing || sharedContent(a, b) < 2 {
		return judgement{}, false
	}
	if da, ok := a.eventDay(); ok {
		if db, ok := b.eventDay(); ok && !da.From.Equal(db.From) {
			return judgement{}, false // another day's flights
		}
	}
	x, y := a.things.allHalted, b.things.someRan
	return pairedThings(KindPolarity, a, x, "all", b, y, "some", "",
		"all:halted:"+x.thing, "some:ran:"+x.thing), true
}

// pairedThings is the finding of thing x of a against thing y of b, each
// found once per claim and named by its cue: a specific finding scored
// 0.55, lowered for hedging. An empty expl says what each side says.
func pairedThings(kind Kind, a *claim, x thingAt, cueA string, b *claim, y thingAt, cueB string, expl, keyA, keyB string) judgement {
	if expl == "" {
		expl = fmt.Sprintf("%s says %q; %s says %q.", src(a), txt(a, x.span), src(b), txt(b, y.span))
	}
	j := spanPair(kind, 0.55, a, x.span, cueA, b, y.span, cueB, expl, keyA, keyB)
	j.specific = true
	return j
}
