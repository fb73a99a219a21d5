package analyze

import (
	"fmt"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	wn "github.com/crosscheck-go/crosscheck/internal/lexicon"
	"github.com/crosscheck-go/crosscheck/tokenize"
)

// changedNear reports whether a change-of-state or negation cue governs the
// tokens [i, j) of c: "ended its exclusive", "no longer exclusive".
func changedNear(c *claim, i, j int) (cueAt, bool) {
	if cu, ok := c.cueNear(tokenize.CueChange, i, j, 5); ok {
		return cu, true
	}
	return c.cueNear(tokenize.CueNegation, i, j, 3)
}

// sameThingAfter reports whether the content word right after each
// exclusivity cue is the same: "the only bidder" and "no longer the only
// bidder" speak of one state.
func sameThingAfter(a *claim, xa cueAt, b *claim, xb cueAt) bool {
	next := func(c *claim, cu cueAt) string {
		for k := cu.b; k < len(c.toks) && k <= cu.b+1; k++ {
			if c.content[k] && !c.isCue(k) {
				return c.toks[k].Stem
			}
		}
		return ""
	}
	s := next(a, xa)
	return s != "" && s == next(b, xb)
}

// presentExclusive finds an exclusivity bound to a party after a
// present-tense copula ("X is the sole broadcaster", "are exclusively
// X's"): the copula, standing for a continuation cue, and the exclusivity.
func presentExclusive(c *claim) (cueAt, cueAt, bool) {
	for _, bd := range c.excl {
		k := bd.cue.a - 1
		if k >= 0 && (c.toks[k].Norm == "the" || c.toks[k].Norm == "a" || c.toks[k].Norm == "an") {
			k--
		}
		if k < 0 || c.toks[k].Norm != "is" && c.toks[k].Norm != "are" {
			continue
		}
		t := c.toks[k]
		return cueAt{kind: tokenize.CueContinue, word: t.Norm, text: t.Norm, span: t.Span, a: k, b: k + 1}, bd.cue, true
	}
	return cueAt{}, cueAt{}, false
}

// sameHolder reports whether b's exclusivity is that of the party a says
// holds it: "Stellar's exclusivity" against "Stellar Sports will remain the
// exclusive broadcaster".
func sameHolder(a *claim, xa cueAt, b *claim, xb cueAt) bool {
	var holder entRef
	found := false
	for _, bd := range a.excl {
		if bd.cue.a == xa.a {
			holder, found = bd.ent, true
		}
	}
	if !found {
		return false
	}
	for _, e := range b.ents {
		if e.b <= xb.a && xb.a-e.b <= 1 && b.possessive(e) && a.parties.same(holder.name, e.name) {
			return true
		}
	}
	return false
}

// stateCue finds a cue of kind k governing an exclusivity cue of c.
func stateCue(c *claim, k tokenize.CueKind, w int) (cueAt, cueAt, bool) {
	for _, x := range c.cues {
		if x.kind != tokenize.CueExclusive {
			continue
		}
		if cu, ok := c.cueNear(k, x.a, x.b, w); ok {
			return cu, x, true
		}
	}
	return cueAt{}, cueAt{}, false
}

// detectChange: a says a state continues ("remains the exclusive
// provider"), b says it ended ("ended its exclusive partnership", "no
// longer exclusive").
func (an *analyzer) detectChange(a, b *claim) (judgement, bool) {
	if a.cond || b.cond {
		return judgement{}, false
	}
	cont, xa, ok := stateCue(a, tokenize.CueContinue, 6)
	present := false
	if !ok {
		// "X is the sole broadcaster" asserts the state now, as
		// "remains" does, only less pointedly.
		cont, xa, ok = presentExclusive(a)
		present = true
	}
	if !ok {
		return judgement{}, false
	}
	if _, neg := changedNear(a, xa.a, xa.b); neg {
		return judgement{}, false
	}
	end, xb, ok := stateCue(b, tokenize.CueChange, 5)
	if !ok {
		end, xb, ok = stateCue(b, tokenize.CueNegation, 3)
	}
	if !ok {
		return judgement{}, false
	}
	if _, again := b.cueNear(tokenize.CueContinue, xb.a, xb.b, 6); again {
		return judgement{}, false
	}
	if sharedGroups(a, b) < 1 {
		return judgement{}, false
	}
	if a.speculativeAt(xa.a) || b.speculativeAt(xb.a) {
		return judgement{}, false
	}
	// The same state of the same thing: two content words in common
	// besides the cue words ("exclusive cloud infrastructure" and "cloud
	// infrastructure needs"), else an exclusivity over APIs and one over
	// hosting would meet.
	if sharedContent(a, b) < 2 && !sameThingAfter(a, xa, b, xb) && !sameHolder(a, xa, b, xb) {
		return judgement{}, false
	}
	if _, _, opp := an.opposedScopes(a.words(), b.words()); opp {
		return judgement{}, false
	}
	score := 0.7 + 0.03*math.Min(float64(sharedContent(a, b)), 5) + 0.02*math.Min(float64(sharedGroups(a, b)), 2)
	// A state is named by a noun or adjective ("exclusive", "exclusivity");
	// an adverb ("solely", "only") more often qualifies something else.
	if !strings.HasSuffix(xa.text, "ly") {
		score += 0.05
	}
	if !strings.HasSuffix(xb.text, "ly") {
		score += 0.05
	}
	if an.lx.weakChange[end.text] || an.lx.weakChange[end.word] {
		score -= 0.25
	}
	if present {
		score -= 0.1
	}
	score *= hedgeFactor(a, b)
	return judgement{
		kind:  KindPolarity,
		score: clamp01(score),
		cues: []Cue{
			{Kind: "continuation", Side: "a", Text: cont.text},
			{Kind: "exclusivity", Side: "a", Text: xa.text},
			{Kind: string(end.kind), Side: "b", Text: end.text},
			{Kind: "exclusivity", Side: "b", Text: xb.text},
		},
		hlA:      []tokenize.Span{cont.span, xa.span},
		hlB:      []tokenize.Span{end.span, xb.span},
		expl:     fmt.Sprintf("%s says the exclusivity continues (%q, %q); %s says it ended (%q, %q).", src(a), cont.text, xa.text, src(b), end.text, xb.text),
		keyA:     "state:continues",
		keyB:     "state:ended",
		specific: true,
	}, true
}

// detectStateChange: a says a state or activity goes on ("production
// continues at the plant"), b says it stopped ("ceased production at the
// plant"), about the same party and the same thing. It is detectChange for
// states other than exclusivity, so it asks for more: the words the two
// cues govern must meet, and a change only implied ("now", "once") is not
// enough.
func (an *analyzer) detectStateChange(a, b *claim) (judgement, bool) {
	if a.cond || b.cond {
		return judgement{}, false
	}
	cont, ok := firstCue(a, tokenize.CueContinue)
	if !ok || a.speculativeAt(cont.a) {
		return judgement{}, false
	}
	// "Remains closed" goes on in a stopped state: only a restoration
	// ("reopened", "resumed") ends it. Any other change or negation near
	// the continuation makes the statement too mixed to read.
	stopped := false
	if ch, near := changedNear(a, cont.a, cont.b); near {
		// The stop word right after the continuation ("remains closed",
		// "will stay closed") or right before it ("closed until further
		// notice").
		after := ch.a >= cont.b && ch.a-cont.b <= 1
		before := ch.b <= cont.a && cont.a-ch.b <= 1
		if ch.kind != tokenize.CueChange || !an.lx.stops[ch.text] || !after && !before {
			return judgement{}, false
		}
		stopped = true
	}
	var end cueAt
	found := false
	for _, cu := range b.cues {
		// Only a word saying the state stopped ("ceased", "lifted"), as
		// written: "broke his ankle" or "ended up" change nothing.
		if cu.kind != tokenize.CueChange || !an.lx.stops[cu.text] || b.nounAt(cu.a) {
			continue
		}
		if stopped && !an.lx.restores[cu.text] {
			continue // "remains closed" against "closed" is agreement
		}
		if cu.b < len(b.toks) && b.toks[cu.b].Norm == "up" {
			continue
		}
		if _, again := b.cueNear(tokenize.CueContinue, cu.a, cu.b, 6); again {
			continue
		}
		if _, neg := b.cueNear(tokenize.CueNegation, cu.a, cu.b, 2); neg || b.speculativeAt(cu.a) {
			continue
		}
		end, found = cu, true
		break
	}
	if !found {
		return judgement{}, false
	}
	// The state itself: content words governed by each cue, in its clause.
	sa, sb := a.governed(cont, 4), b.governed(end, b.reach(end, 4))
	var state string
	for _, x := range sa {
		if state == "" && looseIn(x, sb) {
			state = x
		}
	}
	shared := sharedContent(a, b)
	restored := ""
	if stopped {
		restored = restoredIn(a, b, end)
	}
	if restored != "" {
		// What b says was reopened, a says stays closed: the thing itself
		// is the state, and its name is enough ("Highway 19 remains
		// closed between Pell and the county line" against "Highway 19
		// reopened to local traffic"), whoever else each names.
		state, shared = restored, max(shared, 2)
	}
	if state == "" {
		// "Drivers continue their walkout" and "the strike ended": a
		// walkout is a kind of strike.
		state = kindredGoverned(a, cont, 4, b, end, b.reach(end, 4))
		shared++
	}
	// The same party, or, when neither names one, more words in common
	// ("the council's payment system").
	party := sharedGroups(a, b) > 0 || len(a.groups) == 0 && len(b.groups) == 0 && shared >= 3 || restored != ""
	// Two parties in common are not enough for one word: a story's main
	// parties are in most of its sentences (tried: the seed story gained
	// five spurious state changes).
	if state == "" || !party || shared < 2 {
		return judgement{}, false
	}
	// The state itself may be the opposite of the stop ("would stay open"
	// against "will close"): that is the conflict, not two scopes.
	aw, bw := a.words(), b.words()
	if cont.b < len(a.toks) {
		aw = without(aw, a.toks[cont.b].Norm)
	}
	bw = without(bw, end.text)
	if _, _, opp := an.opposedScopes(aw, bw); opp {
		return judgement{}, false
	}
	score := 0.62 + 0.03*math.Min(float64(sharedContent(a, b)), 4) + 0.02*math.Min(float64(sharedGroups(a, b)), 2)
	score *= hedgeFactor(a, b)
	return judgement{
		kind:  KindPolarity,
		score: clamp01(score),
		cues: []Cue{
			{Kind: "continuation", Side: "a", Text: cont.text},
			{Kind: string(tokenize.CueChange), Side: "b", Text: end.text},
			{Kind: "state", Text: state},
		},
		hlA:      []tokenize.Span{cont.span},
		hlB:      []tokenize.Span{end.span},
		expl:     fmt.Sprintf("%s says it goes on (%q); %s says it stopped (%q).", src(a), cont.text, src(b), end.text),
		keyA:     "state:continues:" + state,
		keyB:     "state:ended:" + state,
		specific: true,
	}, true
}

// without returns the sorted words ws less w, as a new slice when w is
// among them.
func without(ws []string, w string) []string {
	if !has(ws, w) {
		return ws
	}
	out := make([]string, 0, len(ws))
	for _, x := range ws {
		if x != w {
			out = append(out, x)
		}
	}
	return out
}

// restoredIn returns what restoration cue end of b acts on, when a names
// it too: a content word the cue governs that a says anywhere ("reopen the
// line", "the line ... will stay closed"), else the party right before or
// after the cue ("The Harwick Museum reopened") that a names as well ("the
// museum will be closed"); or "".
func restoredIn(a, b *claim, end cueAt) string {
	for _, j := range b.governedAt(end, b.reach(end, 4)) {
		if a.hasWord(b.toks[j]) {
			return b.toks[j].Stem
		}
	}
	for _, e := range b.ents {
		if e.b <= end.a && end.a-e.b <= 1 || e.a >= end.b && e.a-end.b <= 1 {
			if names(a, e.name) {
				// Named by its head noun, as a headline's "Harwick museum
				// reopens" names it: one state, one finding.
				ws := strings.Fields(strings.ToLower(e.name))
				return stem(ws[len(ws)-1])
			}
		}
	}
	return ""
}

// nounAt reports whether token i reads as a noun rather than a verb: after
// a number or a determiner ("three shifts", "the stops"), a cue word that
// is also a noun names a thing, not a change.
func (c *claim) nounAt(i int) bool {
	if i == 0 {
		return false
	}
	for _, q := range c.qty {
		if q.b == i {
			return true
		}
	}
	p := c.toks[i-1]
	// A number after a capitalised word is part of a name ("Highway 19
	// reopened", "Terminal 2 closed"), not a count of the cue word.
	if p.Kind == tokenize.Number && i >= 2 && c.toks[i-2].Kind == tokenize.Word && startsUpper(c.d.Text(c.toks[i-2].Span)) {
		return false
	}
	return p.Kind == tokenize.Number || determiners[p.Norm] || p.Norm == "these" || p.Norm == "those" || p.Norm == "this" || p.Norm == "that"
}

// governed returns the content stems within w tokens of cue cu in its
// clause, leaving out cue words, sorted unique: what the cue says goes on
// or stopped. The reach stops at a coordinating word, so "fractured both
// ankles and remains in hospital" does not make the ankles remain.
func (c *claim) governed(cu cueAt, w int) []string {
	idx := c.governedAt(cu, w)
	out := make([]string, 0, len(idx))
	for _, i := range idx {
		out = append(out, c.toks[i].Stem)
	}
	return uniq(out)
}

// kindredGoverned returns the lemma of a noun governed by cue ca in a that
// is a synonym, or a direct kind, of one governed by cb in b, or "".
func kindredGoverned(a *claim, ca cueAt, wa int, b *claim, cb cueAt, wb int) string {
	for _, i := range a.governedAt(ca, wa) {
		for _, j := range b.governedAt(cb, wb) {
			x, y := a.toks[i].Norm, b.toks[j].Norm
			if wn.Synonym(x, y) {
				return wn.Lemma(x)
			}
			if d, ok := wn.Hypernym(x, y); ok && d <= 1 {
				return wn.Lemma(y)
			}
			if d, ok := wn.Hypernym(y, x); ok && d <= 1 {
				return wn.Lemma(x)
			}
		}
	}
	return ""
}

// governedAt is governed as token indices: those before the cue, nearest
// first, then those after it.
func (c *claim) governedAt(cu cueAt, w int) []int {
	var out []int
	take := func(i int) bool {
		if c.clause[i] != c.clause[cu.a] || coordinators[c.toks[i].Norm] {
			return false
		}
		if c.content[i] && !c.isCue(i) {
			out = append(out, i)
		}
		return true
	}
	for i := cu.a - 1; i >= 0 && i >= cu.a-w && take(i); i-- {
	}
	for i := cu.b; i < len(c.toks) && i < cu.b+w && take(i); i++ {
	}
	return out
}

// reach is how far back cue cu governs: w tokens, or up to 10 for a
// passive verb ("computer systems at the four hospitals were restored"),
// whose subject is the thing changed and may stand further away.
func (c *claim) reach(cu cueAt, w int) int {
	if cu.a > 0 {
		switch c.toks[cu.a-1].Norm {
		case "was", "were", "been", "be", "is", "are":
			return max(w, 10)
		}
	}
	return w
}

// startsUpper reports whether a word is written with an initial capital.
func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// coordinators join two statements; a cue's reach ends at them.
var coordinators = map[string]bool{"and": true, "or": true, "but": true, "nor": true, "then": true}
