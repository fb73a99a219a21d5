package analyze

import (
	"fmt"

	wn "github.com/crosscheck-go/crosscheck/internal/lexicon"
	"github.com/crosscheck-go/crosscheck/tokenize"
)

// deniedThing returns what findDeniedThing found when the claim was made.
func (c *claim) deniedThing() (string, tokenize.Span, bool) {
	return c.things.denied.thing, c.things.denied.span, c.things.denied.thing != ""
}

// findDeniedThing returns the thing a claim says there is none of, past a
// word for its possibility or trace: "no risk of a tsunami", "no sign of
// damage", "no evidence of a leak". It returns the thing's stem and the
// span of the denial.
func (c *claim) findDeniedThing() (string, tokenize.Span, bool) {
	for i, t := range c.toks {
		if t.Norm != "no" || i+3 >= len(c.toks) || !c.lx.possibilities[c.toks[i+1].Norm] || c.toks[i+2].Norm != "of" {
			continue
		}
		j := i + 3
		if determiners[c.toks[j].Norm] && j+1 < len(c.toks) {
			j++
		}
		if !c.content[j] || c.isCue(j) {
			continue
		}
		// The head of the phrase: "girls" in "no sign of the kidnapped
		// girls", not the participle before it.
		for j+1 < len(c.toks) && c.content[j+1] && !c.isCue(j+1) {
			j++
		}
		return c.toks[j].Stem, tokenize.Span{Start: t.Start, End: c.toks[j].End}, true
	}
	return "", tokenize.Span{}, false
}

// complementOf reports whether the noun phrase holding token i follows
// "of": it completes another noun, which is what a verb after it speaks of.
func (c *claim) complementOf(i int) bool {
	for k := i - 1; k >= 0; k-- {
		n := c.toks[k].Norm
		switch {
		case n == "of":
			return true
		case c.content[k] || n == "and" || n == "or" || n == "," || determiners[n]:
			continue
		}
		return false
	}
	return false
}

// nounOnly reports whether WordNet reads a word as a noun and never as an
// adjective or verb: such a word before another noun names a kind of it.
func nounOnly(w string) bool {
	if _, ok := wn.LemmaPOS(w, wn.Noun); !ok {
		return false
	}
	_, adj := wn.LemmaPOS(w, wn.Adj)
	_, verb := wn.LemmaPOS(w, wn.Verb)
	return !adj && !verb
}

// occurredThing returns the span of thing as a claim says it happened:
// the word, not negated, with a verb of occurrence of the configuration
// ("recorded", "detected", "struck") within four tokens after it.
func (an *analyzer) occurredThing(c *claim, thing string) (tokenize.Span, bool) {
	for i, t := range c.toks {
		if t.Stem != thing || !c.content[i] || c.speculativeAt(i) {
			continue
		}
		if i+1 < len(c.toks) && c.content[i+1] && !nounOnly(t.Norm) {
			continue // a word describing another thing ("missing students"), not a kind of it ("tsunami wave")
		}
		if c.complementOf(i) {
			continue // "abductions of women and girls have occurred": the abductions did
		}
		if _, neg := c.cueNear(tokenize.CueNegation, i, i+1, 3); neg {
			continue
		}
		for k := i + 1; k < len(c.toks) && k <= i+occurrenceWindow && c.clause[k] == c.clause[i]; k++ {
			if an.lx.occurrences[c.toks[k].Norm] {
				return tokenize.Span{Start: t.Start, End: c.toks[k].End}, true
			}
		}
	}
	return tokenize.Span{}, false
}

// occurrenceWindow is how far after a thing its verb of occurrence may
// stand: "a small tsunami wave of about 30 centimetres was recorded".
const occurrenceWindow = 8

// occurrenceMarkers returns index keys pairing a claim with denials of
// what it says happened: "exists:" and the stem of each content word
// shortly before a verb of occurrence. Such pairs share few other words.
func (c *claim) occurrenceMarkers() []string {
	var out []string
	if thing, _, ok := c.deniedThing(); ok {
		out = append(out, "exists:"+thing)
	}
	for k, t := range c.toks {
		if !c.lx.occurrences[t.Norm] {
			continue
		}
		for i := max(k-occurrenceWindow, 0); i < k; i++ {
			if c.content[i] && c.clause[i] == c.clause[k] {
				out = append(out, "exists:"+c.toks[i].Stem)
			}
		}
	}
	return out
}

// detectExists: b says there is no risk or sign of a thing ("there was no
// risk of a tsunami"); a that it happened ("a small tsunami wave ... was
// recorded in the harbour").
func (an *analyzer) detectExists(a, b *claim) (judgement, bool) {
	if a.cond || b.cond {
		return judgement{}, false
	}
	thing, den, ok := b.deniedThing()
	if !ok {
		return judgement{}, false
	}
	occ, ok := an.occurredThing(a, thing)
	if !ok {
		return judgement{}, false
	}
	return judgement{
		kind:     KindPolarity,
		score:    clamp01(0.55 * hedgeFactor(a, b)),
		cues:     []Cue{{Kind: "occurrence", Side: "a", Text: txt(a, occ)}, {Kind: string(tokenize.CueNegation), Side: "b", Text: txt(b, den)}},
		hlA:      []tokenize.Span{occ},
		hlB:      []tokenize.Span{den},
		expl:     fmt.Sprintf("%s says it happened (%q); %s says there was %q.", src(a), txt(a, occ), src(b), txt(b, den)),
		keyA:     "exists:" + thing,
		keyB:     "denied:" + thing,
		specific: true,
	}, true
}
