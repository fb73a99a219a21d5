package analyze

import (
	"fmt"
	"strings"

	wn "github.com/crosscheck-go/crosscheck/internal/lexicon"
	"github.com/crosscheck-go/crosscheck/tokenize"
)

// A thing denied as a noun against the same thing done, said with its
// verb: "with no arrests" against "12 people were arrested"; "no damage"
// against "homes were damaged". The two share little besides the word, so
// they are paired through a "none:" marker.

// findNoneOf returns the noun a claim denies with "no" ("no arrests"):
// the head of the phrase after it, a noun WordNet also reads as a verb
// (what the other statement may say was done), not "no one", "no longer".
func (c *claim) findNoneOf() (thingAt, bool) {
	for i, t := range c.toks {
		if t.Norm != "no" || i+1 >= len(c.toks) {
			continue
		}
		j := c.thingAfter(i + 1)
		if j < 0 || j != i+1 {
			continue // "no serious injuries": the phrase names a kind
		}
		w := c.toks[j].Norm
		if c.lx.possibilities[w] {
			continue // "no sign of the girls" is detectExists'
		}
		if _, ok := wn.LemmaPOS(w, wn.Noun); !ok {
			continue
		}
		if _, ok := wn.LemmaPOS(w, wn.Verb); !ok {
			continue
		}
		return thingAt{c.toks[j].Stem, c.tokSpan(i, j+1)}, true
	}
	return thingAt{}, false
}

// findDone returns the stems and spans of the passive verbs of a claim
// ("were arrested", "was damaged"), no negation or modal governing them.
func (c *claim) findDone() []thingAt {
	var out []thingAt
	for i := 1; i < len(c.toks); i++ {
		t := c.toks[i]
		if !strings.HasSuffix(t.Norm, "ed") || !c.content[i] {
			continue
		}
		switch c.toks[i-1].Norm {
		case "was", "were", "been": // not "will be charged": not yet done
		default:
			continue
		}
		if c.speculativeAt(i) {
			continue
		}
		if _, neg := c.cueNear(tokenize.CueNegation, i-1, i+1, 2); neg {
			continue
		}
		l, ok := wn.LemmaPOS(t.Norm, wn.Verb)
		if !ok {
			continue
		}
		out = append(out, thingAt{stem(l), c.tokSpan(i-1, i+1)})
	}
	return out
}

// detectNone: b denies a thing with "no" ("with no arrests"), a says it
// was done ("12 people were arrested"); temporal when a is reported later.
func (an *analyzer) detectNone(a, b *claim) (judgement, bool) {
	if a.cond || b.cond || b.things.none.thing == "" {
		return judgement{}, false
	}
	for _, d := range a.done {
		if d.thing != b.things.none.thing {
			continue
		}
		if a.namesMonth() && !b.namesMonth() {
			return judgement{}, false // another event's
		}
		kind, score := KindPolarity, 0.55*hedgeFactor(a, b)
		expl := fmt.Sprintf("%s says there were %q; %s says they %q.", src(b), txt(b, b.things.none.span), src(a), txt(a, d.span))
		if pa, _ := publishedDay(a); !pa.IsZero() {
			if pb, _ := publishedDay(b); !pb.IsZero() && pa.After(pb) {
				kind, score = KindTemporal, score*0.9
			}
		}
		return judgement{
			kind:     kind,
			score:    clamp01(score),
			cues:     []Cue{{Kind: string(tokenize.CueNegation), Side: "b", Text: txt(b, b.things.none.span)}, {Kind: "done", Side: "a", Text: txt(a, d.span)}},
			hlA:      []tokenize.Span{d.span},
			hlB:      []tokenize.Span{b.things.none.span},
			expl:     expl,
			keyA:     "done:" + d.thing,
			keyB:     "none:" + d.thing,
			specific: true,
		}, true
	}
	return judgement{}, false
}
