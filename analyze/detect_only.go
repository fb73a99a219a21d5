package analyze

import (
	"github.com/crosscheck-go/crosscheck/tokenize"
)

// All of a thing against only a kind of it: "All deposits, including
// balances above the insured limit, have been transferred to Carver"
// against "Carver agreed to take over only the insured deposits".

// findAllOnly returns the noun a claim says all of ("all deposits") and
// the noun it restricts to a kind ("only the insured deposits": a word
// between "only (the)" and the noun), each as its stem.
func (c *claim) findAllOnly() (all, only thingAt) {
	for i, t := range c.toks {
		switch t.Norm {
		case "all":
			if i > 0 && (c.toks[i-1].Norm == "not" || c.toks[i-1].Norm == "almost" || c.toks[i-1].Norm == "nearly") {
				continue
			}
			j := i + 1
			if j < len(c.toks) && determiners[c.toks[j].Norm] {
				j++
			}
			if all.thing == "" && j < len(c.toks) && c.content[j] && !c.isCue(j) && (j+1 >= len(c.toks) || !c.content[j+1]) {
				all = thingAt{c.toks[j].Stem, c.tokSpan(i, j+1)} // "all deposits", not "all capital requirements"
			}
		case "only":
			j := i + 1
			if j < len(c.toks) && determiners[c.toks[j].Norm] {
				j++
			}
			h := c.thingAfter(j)
			if only.thing == "" && h > j { // a kind: a word before the noun
				only = thingAt{c.toks[h].Stem, c.tokSpan(i, h+1)}
			}
		}
	}
	return all, only
}

// detectAllOnly: a says all of a thing ("all deposits ... have been
// transferred"), b only a kind of it ("take over only the insured
// deposits"); the statements share two words or parties besides the
// noun (the parties, the act).
func (an *analyzer) detectAllOnly(a, b *claim) (judgement, bool) {
	if a.cond || b.cond || a.things.allOf.thing == "" || a.things.allOf.thing != b.things.onlyOf.thing || sharedContent(a, b)+sharedGroups(a, b) < 3 {
		return judgement{}, false
	}
	x, y := a.things.allOf, b.things.onlyOf
	return pairedThings(KindExclusivity, a, x, "all", b, y, string(tokenize.CueExclusive), "", "all:"+x.thing, "only:"+x.thing), true
}
