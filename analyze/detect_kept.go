package analyze

import (
	"fmt"
	"slices"
	"strings"

	"github.com/crosscheck-go/crosscheck/tokenize"
)

// keptState returns a state a claim says a named thing kept ("the Dravo
// bridge remained open", "Highway 4 stays closed"): a continuation cue
// ("remained", "stays", "was still") right before a word with a configured
// opposite, the party before the cue as what kept it, and the span.
func (an *analyzer) keptState(c *claim) (party entRef, state int, sp tokenize.Span, ok bool) {
	for _, cu := range c.cues {
		if cu.kind != tokenize.CueContinue || cu.b >= len(c.toks) || c.speculativeAt(cu.a) {
			continue
		}
		if _, neg := c.cueNear(tokenize.CueNegation, cu.a, cu.b, 2); neg {
			continue
		}
		k := keptStateAt(an.lx, c, cu)
		if k < 0 {
			continue
		}
		// The thing: the last party ending before the cue, past a
		// closing apposition ("The Dravo bridge, the only road link to
		// the coast, was undamaged and remained open").
		best := -1
		for i, e := range c.ents {
			if e.b <= cu.a && (best < 0 || e.b > c.ents[best].b) {
				best = i
			}
		}
		if best < 0 || c.ents[best].a > 0 && c.isPreposition(c.ents[best].a-1) {
			continue
		}
		return c.ents[best], k, tokenize.Span{Start: cu.span.Start, End: c.toks[k].End}, true
	}
	return entRef{}, 0, tokenize.Span{}, false
}

// keptStateAt returns the token of the state a continuation cue keeps, a
// word with a configured opposite right after it ("remained open") or
// after a preposition ("remains in custody"), or -1.
func keptStateAt(lx *lexicon, c *claim, cu cueAt) int {
	if cu.kind != tokenize.CueContinue || cu.b >= len(c.toks) {
		return -1
	}
	k := cu.b
	if k+1 < len(c.toks) && statePrepositions[c.toks[k].Norm] && len(lx.antOf[c.toks[k].Stem]) == 0 {
		k++
	}
	if len(lx.antOf[c.toks[k].Stem]) == 0 {
		return -1
	}
	return k
}

// statePrepositions may stand between a continuation cue and the state it
// keeps: "remains in custody", "stayed under arrest".
var statePrepositions = map[string]bool{"in": true, "under": true, "on": true, "at": true, "behind": true}

// nounAfterName returns the stem of the common noun right after a name,
// which says what of the party is meant: "bridge" in "the Dravo bridge".
func (c *claim) nounAfterName(e entRef) string {
	if e.b < len(c.toks) && c.content[e.b] && !c.isCue(e.b) {
		return c.toks[e.b].Stem
	}
	return ""
}

// detectKeptState: a says a named thing kept a state ("the Dravo bridge
// remained open"); b that it was brought to the opposite ("Authorities
// closed the Dravo bridge", "the Dravo bridge was closed"): the verb is a
// configured opposite of the state, and the party stands right after it
// (its object) or right before it past auxiliaries (its subject).
func (an *analyzer) detectKeptState(a, b *claim) (judgement, bool) {
	if a.cond || b.cond || negatesAct(b) {
		return judgement{}, false
	}
	thing, k, sp, ok := an.keptState(a)
	if !ok {
		return an.keptUnnamed(a, b)
	}
	party, noun := thing.name, a.nounAfterName(thing)
	ops := an.lx.antOf[a.toks[k].Stem]
	for v, t := range b.toks {
		if !slices.Contains(ops, t.Stem) && !slices.Contains(ops, baseStem(t)) || b.speculativeAt(v) {
			continue
		}
		acted := false
		for _, e := range b.ents {
			if !a.parties.same(e.name, party) || b.nounAfterName(e) != noun {
				continue // "the Dravo bridge" is not "the Dravo tunnel"
			}
			j := e.b
			for j < v && auxiliaries[b.toks[j].Norm] {
				j++
			}
			after := e.a == v+1 || e.a == v+2 && determiners[b.toks[v+1].Norm]
			if j == v || after {
				acted = true
			}
		}
		if !acted {
			continue
		}
		expl := fmt.Sprintf("%s says %s %q; %s says it was %q.", src(a), party, txt(a, sp), src(b), t.Norm)
		return keptAgainstAct(a, sp, b, t, 0.6, expl, party), true
	}
	return judgement{}, false
}

// keptUnnamedState returns a state a claim says an unnamed thing kept
// ("Beaches along the northern shore remain open"): a continuation cue
// before a word with a configured opposite, after a subject of content
// words only (the words from the clause's start to the cue); it returns
// the subject's content stems.
func (an *analyzer) keptUnnamedState(c *claim) (subject []string, state int, sp tokenize.Span, ok bool) {
	for _, cu := range c.cues {
		if cu.kind != tokenize.CueContinue || cu.b >= len(c.toks) || cu.a == 0 || c.speculativeAt(cu.a) {
			continue
		}
		if _, neg := c.cueNear(tokenize.CueNegation, cu.a, cu.b, 2); neg {
			continue
		}
		if len(an.lx.antOf[c.toks[cu.b].Stem]) == 0 {
			continue
		}
		var stems []string
		for i := cu.a - 1; i >= 0 && c.clause[i] == c.clause[cu.a]; i-- {
			if c.content[i] && !c.isCue(i) {
				stems = append(stems, c.toks[i].Stem)
			}
		}
		if len(stems) < 2 {
			continue
		}
		slices.Sort(stems)
		return slices.Compact(stems), cu.b, tokenize.Span{Start: cu.span.Start, End: c.toks[cu.b].End}, true
	}
	return nil, 0, tokenize.Span{}, false
}

// keptUnnamed is detectKeptState for an unnamed thing: a says it kept a
// state ("Beaches along the northern shore remain open"), b that someone
// brought it to the opposite ("closed five beaches on the northern
// shore"): the opposite verb's object (the content words after it in its
// clause) holds two of the subject's words at least ("beaches", "shore").
func (an *analyzer) keptUnnamed(a, b *claim) (judgement, bool) {
	subject, k, sp, ok := an.keptUnnamedState(a)
	if !ok {
		return judgement{}, false
	}
	ops := an.lx.antOf[a.toks[k].Stem]
	for v, t := range b.toks {
		if !slices.Contains(ops, t.Stem) && !slices.Contains(ops, baseStem(t)) || b.speculativeAt(v) {
			continue
		}
		if v+1 < len(b.toks) && b.toks[v+1].Norm == "to" || v > 0 && auxiliaries[b.toks[v-1].Norm] && !strings.HasSuffix(t.Norm, "ed") {
			continue // "is close to a deal": an adjective, not an act
		}
		var object []string
		for j := v + 1; j < len(b.toks) && j <= v+8 && b.clause[j] == b.clause[v]; j++ {
			if b.content[j] && !b.isCue(j) {
				object = append(object, b.toks[j].Stem)
			}
		}
		slices.Sort(object)
		if countShared(subject, slices.Compact(object)) < 2 {
			continue
		}
		expl := fmt.Sprintf("%s says they %q; %s says they were %q.", src(a), txt(a, sp), src(b), t.Norm)
		return keptAgainstAct(a, sp, b, t, 0.55, expl, strings.Join(subject, " ")), true
	}
	return judgement{}, false
}

// keptAgainstAct is the finding of a state said kept (span sp of a)
// against act t of b that brings its opposite, for the kept thing what:
// a specific polarity finding scored base, lowered for hedging.
func keptAgainstAct(a *claim, sp tokenize.Span, b *claim, t tokenize.Token, base float64, expl, what string) judgement {
	return judgement{
		kind:  KindPolarity,
		score: clamp01(base * hedgeFactor(a, b)),
		cues: []Cue{
			{Kind: string(tokenize.CueContinue), Side: "a", Text: txt(a, sp)},
			{Kind: "antonym", Side: "b", Text: t.Norm},
		},
		hlA:      []tokenize.Span{sp},
		hlB:      []tokenize.Span{t.Span},
		expl:     expl,
		keyA:     "state:kept:" + what,
		keyB:     "state:changed:" + what,
		specific: true,
	}
}
