package analyze

import (
	"fmt"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck-go/crosscheck/tokenize"
)

// sharedWords is sharedContent counting also the words of names that are
// not parties of the other claim ("Stateful Runtime" shares "stateful" with
// "a stateful product").
func sharedWords(a, b *claim) int {
	return countLoose(a.wordsBeside(b), b.wordsBeside(a))
}

// wordsBeside returns c's content stems, the parts of its hyphenated
// compounds ("multi-cloud" speaks of a cloud) and the words of its names
// that are not parties of o, sorted unique.
func (c *claim) wordsBeside(o *claim) []string {
	out := append([]string(nil), c.contentStems()...)
	for i, t := range c.toks {
		if !c.content[i] || !strings.Contains(t.Norm, "-") {
			continue
		}
		for part := range strings.SplitSeq(t.Norm, "-") {
			if len(part) >= 4 && !c.lx.stop[part] {
				out = append(out, stem(part))
			}
		}
	}
	for _, e := range c.ents {
		party := false
		for _, f := range o.ents {
			if c.parties.same(e.name, f.name) {
				party = true
				break
			}
		}
		for i := e.a; i < e.b && i < len(c.toks); i++ {
			// Of a party's mention only the common words count: "cloud"
			// in "Amazon's cloud" is the thing, "Amazon" the party.
			if t := c.toks[i]; t.Kind == tokenize.Word && len(t.Norm) >= 3 && !c.lx.stop[t.Norm] && (!party || lowerWritten(c.d.Text(t.Span))) {
				out = append(out, stem(t.Norm))
			}
		}
	}
	return uniq(out)
}

// lowerWritten reports whether a word is written in lower case: a
// sentence-initial name is not marked Cap, but it is still capitalised.
func lowerWritten(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r)
}

// firstCue returns c's first cue of kind k that is not negated.
func firstCue(c *claim, k tokenize.CueKind) (cueAt, bool) {
	for _, cu := range c.cues {
		if cu.kind != k {
			continue
		}
		if n, neg := c.cueNear(tokenize.CueNegation, cu.a, cu.b, 2); neg && !(n.a >= cu.b && strings.HasSuffix(n.text, " to")) {
			// A negation that takes an infinitive ("failing to",
			// "refused to") denies what follows it, not a stance word
			// before it: "criticised Eastmark for failing to warn".
			continue
		}
		return cu, true
	}
	return cueAt{}, false
}

// detectAttitude: one source says an act was approved ("with explicit
// consent", "allowed"), the other that it was objected to ("violated the
// contract", "breach"), about the same parties.
// subjectNoun returns the content word right before the verb at token i
// in its clause, past auxiliaries ("the ministry has accepted"), when it
// names no entity: a party named by a common noun. It returns -1 when there
// is none.
func (c *claim) subjectNoun(i int) int {
	for k := i - 1; k >= 0 && k >= i-3 && c.clause[k] == c.clause[i]; k-- {
		if !c.content[k] {
			continue
		}
		if c.isCue(k) || c.inEntity(k) {
			return -1
		}
		return k
	}
	return -1
}

func (an *analyzer) detectAttitude(a, b *claim) (judgement, bool) {
	if a.cond || b.cond {
		return judgement{}, false
	}
	ok, hasOk := firstCue(a, tokenize.CueApproval)
	obj, hasObj := firstCue(b, tokenize.CueObjection)
	if !hasOk || !hasObj {
		return judgement{}, false
	}
	if _, also := firstCue(a, tokenize.CueObjection); also {
		return judgement{}, false // a weighs both sides itself
	}
	if _, also := firstCue(b, tokenize.CueApproval); also {
		return judgement{}, false
	}
	if a.speculativeAt(ok.a) || b.speculativeAt(obj.a) {
		return judgement{}, false
	}
	// The same party approves and objects ("Microsoft ... consent" versus
	// "Microsoft ... believed it violated"), about an act with at least one
	// more party in common.
	var party string
	for _, x := range a.actors(ok.a) {
		for _, y := range b.actors(obj.a) {
			if party == "" && a.parties.same(x, y) {
				party = x
			}
		}
	}
	if party == "" {
		// A party named by a common noun, the subject of both verbs:
		// "the health ministry accepted ..." against "the health
		// ministry disputed ...".
		if sa, sb := a.subjectNoun(ok.a), b.subjectNoun(obj.a); sa >= 0 && sb >= 0 && a.toks[sa].Stem == b.toks[sb].Stem {
			party = "the " + a.toks[sa].Norm
		}
	}
	if party == "" {
		return judgement{}, false
	}
	shared := sharedGroups(a, b)
	base := 0.55
	if shared < 2 || sharedWords(a, b) < 1 {
		// Both may instead speak of the story's event by a bare
		// description: "welcomed the arrangement" against "believe it
		// breaches the contract" after "surprised by the move"; or of
		// one party, the target of both: "praised the utility's
		// response" against "criticised Eastmark for failing to warn".
		x, okA := a.targetAfter(ok)
		y, okB := b.targetAfter(obj)
		sameTarget := okA && okB && a.parties.same(x.name, y.name) && !a.parties.same(x.name, party)
		if !sameTarget {
			// Or one thing, named by the same noun after both:
			// "supported the increase" against "opposes the increase".
			wa, wb := a.wordAfter(ok), b.wordAfter(obj)
			sameTarget = wa != "" && wa == wb
		}
		if !sameTarget && (!an.eventAfter(a, ok) || !an.eventBefore(b, obj)) {
			return judgement{}, false
		}
		base = 0.5
	}
	score := (base + 0.05*math.Min(float64(shared+sharedContent(a, b)), 4)) * hedgeFactor(a, b)
	return judgement{
		kind:  KindAttitude,
		score: clamp01(score),
		cues: []Cue{
			{Kind: "approval", Side: "a", Text: ok.text},
			{Kind: "objection", Side: "b", Text: obj.text},
		},
		hlA:  []tokenize.Span{ok.span},
		hlB:  []tokenize.Span{obj.span},
		expl: fmt.Sprintf("%s says %s approved it (%q); %s says %s objected (%q).", src(a), party, ok.text, src(b), party, obj.text),
		keyA: "attitude:approved",
		keyB: "attitude:objected",
	}, true
}

// targetAfter returns the party a stance word acts on: an entity that
// starts right after it, past a determiner ("praised the utility's
// response", "criticised Eastmark").
func (c *claim) targetAfter(cu cueAt) (entRef, bool) {
	k := cu.b // the token after the cue
	if k < len(c.toks) && determiners[c.toks[k].Norm] {
		k++
	}
	for _, e := range c.ents {
		if e.a == k {
			return e, true
		}
	}
	return entRef{}, false
}

// wordAfter returns the stem of the content word right after a stance
// word, past a determiner: "increase" in "opposes the increase".
func (c *claim) wordAfter(cu cueAt) string {
	k := cu.b
	if k < len(c.toks) && determiners[c.toks[k].Norm] {
		k++
	}
	if k < len(c.toks) && c.content[k] && c.clause[k] == c.clause[cu.a] {
		return c.toks[k].Stem
	}
	return ""
}

// eventAfter reports whether an approval takes as its object a definite
// description of an event: "welcomed the arrangement", "approved this deal".
func (an *analyzer) eventAfter(c *claim, cu cueAt) bool {
	for k := cu.b + 1; k < len(c.toks) && k <= cu.b+2; k++ {
		if an.definiteEvent(c, k) {
			return true
		}
	}
	return false
}

// definiteEvent reports whether token k (k > 0) is an event noun after a
// determiner or "this": "the arrangement", "this deal".
func (an *analyzer) definiteEvent(c *claim, k int) bool {
	return an.lx.events[c.toks[k].Stem] && (determiners[c.toks[k-1].Norm] || c.toks[k-1].Norm == "this")
}

// eventBefore reports whether what an objection says is wrong is the
// event itself: "it breaches", "the move violated".
func (an *analyzer) eventBefore(c *claim, cu cueAt) bool {
	if cu.a > 0 && c.toks[cu.a-1].Norm == "it" {
		return true
	}
	for k := cu.a - 1; k > 0 && k >= cu.a-2; k-- {
		if an.definiteEvent(c, k) {
			return true
		}
	}
	return false
}
