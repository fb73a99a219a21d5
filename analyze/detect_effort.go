package analyze

import (
	"fmt"

	"github.com/crosscheck-go/crosscheck/tokenize"
)

// Ending a thing and trying to: "the leak has been stopped" against
// "divers were still working to seal the leak"; "the vessel was not
// leaking fuel" against "a boom was deployed to contain the leak". The
// effort says the thing was still there; the two share little besides the
// thing, so they are paired through an "effort:" marker.

// The end verbs (the configuration's Ends) end a thing: said done ("the
// leak has been sealed") they deny it goes on; after "to" in an effort
// ("working to seal the leak") they say it does.

// endVerb returns the lemma of an end verb at token i, if it is one.
func (c *claim) endVerb(i int) (string, bool) {
	l, ok := c.lx.ends[c.toks[i].Norm]
	return l, ok
}

// thingAfter returns the head of the noun phrase starting at token j
// (past determiners), or -1.
func (c *claim) thingAfter(j int) int {
	for j < len(c.toks) && determiners[c.toks[j].Norm] {
		j++
	}
	if j >= len(c.toks) || !c.content[j] || c.isCue(j) {
		return -1
	}
	for j+1 < len(c.toks) && c.content[j+1] && !c.isCue(j+1) && c.clause[j+1] == c.clause[j] {
		j++
	}
	return j
}

// findEffort returns the thing a claim says someone is trying to end
// ("to seal the leak": "leak") and the span from the effort word to it.
func (c *claim) findEffort() (thingAt, bool) {
	for i := 1; i+1 < len(c.toks); i++ {
		if c.toks[i].Norm != "to" {
			continue
		}
		if _, ok := c.endVerb(i + 1); !ok {
			continue
		}
		from := -1
		for k := i - 1; k >= 0 && k >= i-4; k-- {
			if c.lx.efforts[c.toks[k].Norm] {
				from = k
				break
			}
		}
		if from < 0 {
			continue
		}
		if j := c.thingAfter(i + 2); j >= 0 {
			return thingAt{c.toks[j].Stem, c.tokSpan(from, j+1)}, true
		}
	}
	return thingAt{}, false
}

// findEnded returns the thing a claim says has ended or is not happening:
// "the leak has been stopped" (a thing, auxiliaries and a done end verb),
// "was not leaking fuel" (a negated verb: the thing is the verb's stem),
// "no leak" (a negated noun).
func (c *claim) findEnded() (thingAt, bool) {
	n := len(c.toks)
	for i, t := range c.toks {
		if l, ok := c.endVerb(i); ok && t.Norm != l && hasSuffix(t.Norm, "ed") {
			// "has been stopped": the thing is before the auxiliaries
			// ("has not been stopped" puts "not" among them, and ends
			// nothing).
			k := i - 1
			aux := false
			for k >= 0 && auxiliaries[c.toks[k].Norm] {
				k, aux = k-1, true
			}
			if aux && k >= 0 && c.content[k] && !c.isCue(k) {
				// "the gas leak at the plant has been stopped": the
				// subject is the noun before the place.
				h := k
				for h > 0 && (c.content[h-1] || determiners[c.toks[h-1].Norm]) {
					h--
				}
				if h >= 2 && placePrepositions[c.toks[h-1].Norm] && c.content[h-2] && !c.isCue(h-2) {
					k = h - 2
				}
				return thingAt{c.toks[k].Stem, c.tokSpan(k, i+1)}, true
			}
			continue
		}
		if i+1 >= n || !c.content[i+1] {
			continue
		}
		switch t.Norm {
		case "not", "never":
			// "was not leaking", "never leaked": a verb, not "not the
			// only one".
			if u := c.toks[i+1]; verbish(u) && (hasSuffix(u.Norm, "ing") || hasSuffix(u.Norm, "ed")) {
				return thingAt{u.Stem, c.tokSpan(i, i+2)}, true
			}
		case "no":
			if j := c.thingAfter(i + 1); j >= 0 && c.toks[i+1].Norm != "longer" {
				return thingAt{c.toks[j].Stem, c.tokSpan(i, j+1)}, true
			}
		}
	}
	return thingAt{}, false
}

// placePrepositions start a phrase placing the noun before them ("the
// leak at the plant").
var placePrepositions = map[string]bool{"at": true, "in": true, "on": true, "near": true, "from": true, "off": true}

func hasSuffix(w, s string) bool { return len(w) > len(s) && w[len(w)-len(s):] == s }

// detectEffort: a says a thing has ended or is not happening ("the leak
// has been stopped", "was not leaking fuel"); b, of the same day or later,
// that people are still trying to end it ("divers were still working to
// seal the leak", "deployed a boom to contain the leak"). An effort
// reported before the end is no conflict: it succeeded.
func (an *analyzer) detectEffort(a, b *claim) (judgement, bool) {
	if a.cond || b.cond || a.things.ended.thing == "" || a.things.ended.thing != b.things.effort.thing {
		return judgement{}, false
	}
	if pa, _ := publishedDay(a); !pa.IsZero() {
		if pb, _ := publishedDay(b); !pb.IsZero() && pb.Before(pa) {
			return judgement{}, false
		}
	}
	thing := a.things.ended.thing
	return judgement{
		kind:  KindPolarity,
		score: clamp01(0.55 * hedgeFactor(a, b)),
		cues: []Cue{
			{Kind: "ended", Side: "a", Text: txt(a, a.things.ended.span)},
			{Kind: "effort", Side: "b", Text: txt(b, b.things.effort.span)},
			{Kind: "state", Text: thing},
		},
		hlA:      []tokenize.Span{a.things.ended.span},
		hlB:      []tokenize.Span{b.things.effort.span},
		expl:     fmt.Sprintf("%s says it is over (%q); %s says people were still trying to end it (%q).", src(a), txt(a, a.things.ended.span), src(b), txt(b, b.things.effort.span)),
		keyA:     "ended:" + thing,
		keyB:     "effort:" + thing,
		specific: true,
	}, true
}
