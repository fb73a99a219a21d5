package analyze

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	wn "github.com/crosscheck-go/crosscheck/internal/lexicon"
	"github.com/crosscheck-go/crosscheck/tokenize"
)

// negationOn returns a negation cue of c that governs a content word shared
// with o (the predicate both statements are about).
func negationOn(c, o *claim) (cueAt, bool) {
	for _, cu := range c.cues {
		if cu.kind != tokenize.CueNegation {
			continue
		}
		if refusalOfThing(c, cu) {
			continue
		}
		// "An Iraqi source could not confirm the name" against "officials
		// confirmed her name": one source's not knowing is no denial, unless
		// the same party says both.
		if c.knowingNegated(cu) && (!sameSubject(o, c, cu) || o.declinesToKnow()) {
			continue
		}
		// "This is not the first time the dams were opened" says they were
		// opened before; "cannot deny the value" affirms it.
		if affirmingNegation(c, cu) {
			continue
		}
		// "Declined to confirm or deny", "neither confirmed nor denied"
		// deny nothing.
		if cu.a >= 2 && (c.toks[cu.a-1].Norm == "or" || c.toks[cu.a-1].Norm == "nor") {
			if w := c.toks[cu.a-2]; c.lx.knowing[w.Stem] || w.Norm == "admit" {
				continue
			}
		}
		// A denial negates a whole proposition: "denied reports that it
		// plans to cut jobs" reaches the jobs, within its clause.
		reach := 3
		if cu.word == "denied" || cu.word == "dismissed" {
			reach = 8
		}
		for k := cu.b; k < len(c.toks) && k <= cu.b+reach && c.clause[k] == c.clause[cu.a]; k++ {
			if c.content[k] && o.hasWord(c.toks[k]) {
				return cu, true
			}
		}
	}
	return cueAt{}, false
}

// declinesToKnow reports whether c declines to confirm or tell: "declined
// to comment", "was unable to verify". Such a claim agrees with "refused
// to comment" and "could not confirm".
func (c *claim) declinesToKnow() bool {
	for i, t := range c.toks {
		switch t.Norm {
		case "declined", "declines", "unable", "refused", "refuses", "failed", "fails":
		default:
			continue
		}
		for k := i + 1; k < len(c.toks) && k <= i+2; k++ {
			if c.lx.knowing[c.toks[k].Stem] {
				return true
			}
		}
	}
	return false
}

// affirmingNegation reports whether negation cu, with the words after it,
// affirms: "not the first time", "not the first", "cannot deny", "no
// doubt".
func affirmingNegation(c *claim, cu cueAt) bool {
	next := func(k int) string {
		if cu.b+k < len(c.toks) {
			return c.toks[cu.b+k].Norm
		}
		return ""
	}
	switch {
	case next(0) == "the" && next(1) == "first", next(0) == "for" && next(1) == "the" && next(2) == "first":
		return true
	case next(0) == "deny" || next(0) == "denied" || next(0) == "doubt" || next(0) == "dispute":
		return true
	}
	// "has not been seen in public since September 3" tells when he was
	// last seen, as "was last seen on September 3" does.
	for k := cu.b; k < len(c.toks) && k <= cu.b+2; k++ {
		if w := c.toks[k].Norm; w == "seen" || w == "heard" {
			for j := k + 1; j < len(c.toks) && j <= k+5 && c.clause[j] == c.clause[k]; j++ {
				if c.toks[j].Norm == "since" {
					return true
				}
			}
		}
	}
	// The denial itself after the negation: "cannot deny", "did not deny".
	if cu.a > 0 {
		switch w := c.toks[cu.a-1].Norm; w {
		case "not", "cannot", "never", "no":
			return true
		default:
			return strings.HasSuffix(w, "n't") || strings.HasSuffix(w, "n’t")
		}
	}
	return false
}

// knowingNegated reports whether negation cu negates a verb of knowing or
// telling (configuration "knowing"): "could not confirm", "has not been
// independently verified", "did not say".
func (c *claim) knowingNegated(cu cueAt) bool {
	for k := cu.b; k < len(c.toks) && k <= cu.b+3; k++ {
		t := c.toks[k]
		if !c.content[k] || t.Norm == "yet" || strings.HasSuffix(t.Norm, "ly") {
			continue // "not yet", "not been independently"
		}
		return c.lx.knowing[t.Stem]
	}
	return false
}

// refusalOfThing reports whether a negation cue is a verb of refusal with
// a thing as its object: "rejected the offer" refuses what "offered a
// rise" says was made, so it negates nothing the other side says; only
// "refused to pay" negates an act. Acceptance against rejection is the
// antonym detector's.
func refusalOfThing(c *claim, cu cueAt) bool {
	return (cu.word == "rejected" || cu.word == "refused") && (cu.b >= len(c.toks) || c.toks[cu.b].Norm != "to")
}

// dismissalOfParty reports whether "dismissed" removes a named party from
// a post ("Andrea Voss had been dismissed", "the board dismissed Voss")
// rather than denying a claim ("dismissed the reports"): then it asserts an
// act and negates nothing.
func dismissalOfParty(c *claim, cu cueAt) bool {
	if cu.word != "dismissed" {
		return false
	}
	k := cu.a
	for k > 0 && auxiliaries[c.toks[k-1].Norm] {
		k--
	}
	for _, e := range c.ents {
		// Passive with the party before ("Voss was dismissed": an
		// auxiliary between), or active with the party after.
		if e.b == k && k < cu.a || e.a == cu.b {
			return true
		}
	}
	return false
}

// negatesAct is hasNegation without refusals of a thing or dismissals of
// a party.
func negatesAct(c *claim) bool {
	for _, cu := range c.cues {
		if cu.kind == tokenize.CueNegation && !refusalOfThing(c, cu) && !dismissalOfParty(c, cu) {
			return true
		}
	}
	return false
}

func hasNegation(c *claim) bool {
	for _, cu := range c.cues {
		if cu.kind == tokenize.CueNegation {
			return true
		}
	}
	return false
}

// sameSubject reports whether the negated predicate of b, and the same
// predicate in a, have one party as their likely subject.
func sameSubject(a, b *claim, neg cueAt) bool {
	// The predicate follows the negation directly ("not conceded", "not
	// yet approved"), with no name between them.
	k := neg.b
	for k < len(b.toks) && k <= neg.b+1 && !b.content[k] && !b.inEntity(k) {
		k++
	}
	if k >= len(b.toks) || k > neg.b+1 || !b.content[k] {
		return false
	}
	pred := b.toks[k]
	for i, t := range a.toks {
		if !a.content[i] || !sameWord(t, pred) {
			continue
		}
		for _, x := range a.actors(i) {
			for _, y := range b.actors(neg.a) {
				if a.parties.same(x, y) {
					return true
				}
			}
		}
	}
	return false
}

// hasWord reports whether c has a content word that is a form of t. The
// claim's stems include the bases of its irregular verbs ("paid" adds
// "pay"), so only t's own base needs looking up.
func (c *claim) hasWord(t tokenize.Token) bool {
	if has(c.stems, t.Stem) {
		return true
	}
	b := irregularStem(t)
	return b != "" && has(c.stems, b)
}

// irregularStem returns the stem of the base of an irregular verb form
// ("paid" gives "pay"), or "".
func irregularStem(t tokenize.Token) string {
	if base, ok := wn.IrregularVerb(t.Norm); ok {
		if s := baseStems.of(base); s != t.Stem {
			return s
		}
	}
	return ""
}

// baseStems remembers the stems of irregular verbs' bases: stemming is
// the costly part of irregularStem, which compare asks on many pairs, and
// the bases are a few hundred words, so the memory is bounded.
var baseStems stemMemo

type stemMemo struct{ m sync.Map }

func (s *stemMemo) of(base string) string {
	if v, ok := s.m.Load(base); ok {
		return v.(string)
	}
	st := stem(base)
	s.m.Store(base, st)
	return st
}

// sameWord reports whether two tokens are forms of one word: the same
// stem, or one an irregular form of the other's base ("paid", "pay").
func sameWord(x, y tokenize.Token) bool {
	if x.Stem == y.Stem {
		return true
	}
	bx, by := irregularStem(x), irregularStem(y)
	return bx != "" && (bx == y.Stem || bx == by) || by != "" && by == x.Stem
}

// noneReported: b says no X happened ("No injuries were reported"), a that
// some did ("Two people were injured"). X is matched loosely, since the
// two sides use a noun and a verb of one root (injuries, injured).
func noneReported(a, b *claim) (judgement, bool) {
	if negatesAct(a) || len(a.qty) == 0 {
		return judgement{}, false
	}
	for _, cu := range b.cues {
		if cu.kind != tokenize.CueNegation || cu.word != "no" || cu.b >= len(b.toks) {
			continue
		}
		x := cu.b
		if !b.content[x] {
			continue
		}
		// Only auxiliaries between: "No injuries were reported", "no
		// arrests have been confirmed", not "no local residents reported".
		closed, verb := false, ""
		for k := x + 1; k < len(b.toks) && k <= x+3 && !closed; k++ {
			switch n := b.toks[k].Norm; {
			case b.lx.reportVerbs[n]:
				closed, verb = true, n
			case n == "were" || n == "was" || n == "have" || n == "has" || n == "had" || n == "been" || n == "be" || n == "would" || n == "will":
			default:
				k = len(b.toks)
			}
		}
		if !closed {
			continue
		}
		stem := b.toks[x].Stem
		for i, t := range a.toks {
			// One root, loosely ("injuries", "injured"), or a short
			// word itself ("jobs", "job losses").
			loose := len(stem) >= 5 && len(t.Stem) >= 5 && (strings.HasPrefix(t.Stem, stem[:5]) || strings.HasPrefix(stem, t.Stem[:5]))
			if !a.content[i] || !loose && t.Stem != stem {
				continue
			}
			score := 0.65 * hedgeFactor(a, b)
			return judgement{
				kind:  KindPolarity,
				score: clamp01(score),
				cues:  []Cue{{Kind: "negation", Side: "b", Text: txt(b, cu.span) + " " + b.toks[x].Norm}, {Kind: "occurrence", Side: "a", Text: t.Norm}},
				hlA:   []tokenize.Span{t.Span},
				hlB:   []tokenize.Span{cu.span, b.toks[x].Span},
				expl:  fmt.Sprintf("%s says no %s were %s; %s reports %s.", src(b), b.toks[x].Norm, verb, src(a), t.Norm),
				keyA:  "none:false:" + stem,
				keyB:  "none:true:" + stem,
			}, true
		}
	}
	return judgement{}, false
}

// negatedScopeMatches reports whether the words b negates are said in a:
// "no medical records were accessed" against "patient records were
// accessed". Most of at least two content words after the negation, in its
// clause, must be in a, and when both statements name parties they must
// share one.
func negatedScopeMatches(a, b *claim, neg cueAt) bool {
	words, matched := 0, 0
	verb := false
	reach := 4
	if neg.word == "denied" || neg.word == "dismissed" {
		reach = 8 // "denied reports that it plans to cut jobs"
	}
	if neg.b < len(b.toks) && b.toks[neg.b].Norm == "of" {
		// "none of the tank cars had leaked": the partitive names what is
		// negated, and its verb comes after it.
		reach = 7
	}
	for k := neg.b; k < len(b.toks) && k <= neg.b+reach && b.clause[k] == b.clause[neg.a]; k++ {
		if !b.content[k] || b.isCue(k) {
			continue
		}
		words++
		if a.hasWord(b.toks[k]) {
			matched++
			verb = verb || b.predicateAt(k)
		}
	}
	// The negated verb itself must be said on the other side: "no
	// suspected cases have been found" and "negated any suspected cases"
	// share the cases, not what is said of them.
	if matched < 2 || matched*3 < words*2 || !verb {
		return false
	}
	return len(a.groups) == 0 || len(b.groups) == 0 || sharedGroups(a, b) > 0
}

// predicateAt reports whether token k is a verb: tagged as one, or
// right after an auxiliary ("were accessed", "has paid").
func (c *claim) predicateAt(k int) bool {
	if strings.HasPrefix(c.toks[k].Tag, "VB") {
		return true
	}
	if c.toks[k].Tag == "" && k >= 2 && (c.toks[k-1].Norm == "not" || c.toks[k-1].Norm == "never") {
		// Untagged, "did not vent": the auxiliary stands before the
		// negation. A copula's ("was not enough") is no verb's. (Tagged,
		// the tag has said whether it is a verb.)
		switch c.toks[k-2].Norm {
		case "did", "do", "does", "will", "would", "has", "have", "had":
			return true
		}
		return false
	}
	if k == 0 {
		return false
	}
	switch c.toks[k-1].Norm {
	case "was", "were", "been", "be", "is", "are", "has", "have", "had", "will", "would", "did", "do", "does":
		return true
	}
	return false
}

// detectNegation: nearly the same statement, negated on one side only.
func (an *analyzer) detectNegation(a, b *claim) (judgement, bool) {
	if a.cond || b.cond {
		return judgement{}, false
	}
	if j, ok := noneReported(a, b); ok {
		return j, true
	}
	n, share := overlap(a, b)
	neg, ok := negationOn(b, a)
	if !ok || hasNegation(a) {
		return judgement{}, false
	}
	if n < 3 || share < 0.6 {
		// A short statement negated about the same subject: "Ellison
		// conceded" versus "Ellison has not conceded".
		if !sameSubject(a, b, neg) && !negatedScopeMatches(a, b, neg) {
			return judgement{}, false
		}
		share = 0.3
	}
	score := (0.5 + 0.3*share) * hedgeFactor(a, b)
	// What is negated names the dispute: two sources may disagree on
	// whether records were accessed and, apart, on whether a ransom was
	// paid.
	pred := ""
	for k := neg.b; k < len(b.toks) && k <= neg.b+3 && pred == ""; k++ {
		if b.content[k] && a.hasWord(b.toks[k]) {
			pred = wn.Lemma(b.toks[k].Norm)
		}
	}
	return judgement{
		kind:  KindPolarity,
		score: clamp01(score),
		cues:  []Cue{{Kind: "negation", Side: "b", Text: neg.text}},
		hlB:   []tokenize.Span{neg.span},
		expl:  fmt.Sprintf("%s and %s make the same statement, but %s negates it (%q).", src(a), src(b), src(b), neg.text),
		keyA:  "neg:false:" + pred,
		keyB:  "neg:true:" + pred,
	}, true
}

// detectAntonym: nearly the same statement with words of opposite meaning.
func (an *analyzer) detectAntonym(a, b *claim) (judgement, bool) {
	// Every test below is symmetric in a and b (word-net's antonym links
	// run both ways: TestAntonymSymmetric), so when compare asks for
	// (b, a) right after (a, b) found nothing, the answer is no again,
	// without the word-net lookups.
	if b.noAntonymWith == a {
		return judgement{}, false
	}
	j, ok := an.searchAntonym(a, b)
	if !ok {
		a.noAntonymWith = b
	}
	return j, ok
}

// searchAntonym is detectAntonym without the memory of the last pair.
func (an *analyzer) searchAntonym(a, b *claim) (judgement, bool) {
	if a.cond || b.cond {
		return judgement{}, false
	}
	if j, ok := an.opposedModifiers(a, b); ok {
		return j, true
	}
	n, share := overlap(a, b)
	if n < 3 || share < 0.5 {
		// Short statements of one thing moving two ways ("Shares of
		// Halvern rose 8%", "Halvern shares fell 3%") share little
		// besides the subject.
		if j, ok := an.opposedMoves(a, b); ok {
			return j, true
		}
		if j, ok := an.opposedActs(a, b, n); ok {
			return j, true
		}
		if j, ok := an.opposedOnObject(a, b); ok {
			return j, true
		}
		return an.opposedDescriptions(a, b)
	}
	// "not rise" versus "fall" agree. Asked before the search, not after
	// the first antonym is found: the answer is no either way, and the
	// word-net lookups are the costliest step of comparing two claims.
	if negatesAct(a) != negatesAct(b) {
		return judgement{}, false
	}
	var aBuf, bBuf [maxOnly]int
	aOnly, bOnly := onlyIn(a, b, &aBuf), onlyIn(b, a, &bBuf)
	// What each word can oppose is known per claim (antonymProfile), so
	// a pair is tested only where both words allow it; the answers are
	// those of lx.opposite and wn.AntonymOf on the words.
	pa, pb := a.antonymProfile(an.lx), b.antonymProfile(an.lx)
	bAffix := false
	for _, k := range bOnly {
		bAffix = bAffix || pb.bits[k]&antAffix != 0
	}
	for _, i := range aOnly {
		t, bt := a.toks[i], pa.wordNet(a, i)
		if bt&antCount != 0 || bt&^antWNKnown == 0 && !bAffix {
			continue // counts are the numeric detector's: "first" is no opposite of "four"
		}
		for _, k := range bOnly {
			bu := pb.wordNet(b, k)
			if bu&antCount != 0 {
				continue
			}
			// The configured pairs list both words, a negating affix is
			// on one of them, and word-net's links run both ways, so a
			// word without any has none to the other
			// (TestAntonymSymmetric).
			listed := bt&antListed != 0 && bu&antListed != 0 || (bt|bu)&antAffix != 0
			wnet := bt&antWordNet != 0 && bu&antWordNet != 0
			if !listed && !wnet {
				continue
			}
			u := b.toks[k]
			if !(listed && an.lx.opposite(t.Stem, u.Stem) || wnet && wn.AntonymOf(pa.readings(i), pb.readings(k)) != wn.NotAntonym) {
				continue
			}
			if timeModifier(a, i) || timeModifier(b, k) {
				continue // "in the coming weeks" and "in recent weeks" are two times, not two claims
			}
			if !sharedNeighbour(a, i, b, k) {
				continue // "young volunteers" and "an old friend": opposite words about two things
			}
			score := (0.45 + 0.3*share) * hedgeFactor(a, b)
			return judgement{
				kind:  KindAntonym,
				score: clamp01(score),
				cues:  []Cue{{Kind: "antonym", Text: t.Norm + " / " + u.Norm}},
				hlA:   []tokenize.Span{t.Span},
				hlB:   []tokenize.Span{u.Span},
				expl:  fmt.Sprintf("%s says %q where %s says %q about the same thing.", src(a), t.Norm, src(b), u.Norm),
				keyA:  "ant:" + t.Stem,
				keyB:  "ant:" + u.Stem,
			}, true
		}
	}
	return judgement{}, false
}

// sharedNeighbour reports whether opposite words i of a and k of b stand
// by a common content word, within two tokens in their clauses: they
// then say opposite things of one thing ("the order was lifted" / "the
// order was imposed") rather than of two things in sentences that share
// words elsewhere.
func sharedNeighbour(a *claim, i int, b *claim, k int) bool {
	for x := max(0, i-2); x < len(a.toks) && x <= i+2; x++ {
		if x == i || !a.content[x] || a.clause[x] != a.clause[i] {
			continue
		}
		for y := max(0, k-2); y < len(b.toks) && y <= k+2; y++ {
			if y != k && b.content[y] && b.clause[y] == b.clause[k] && sameWord(a.toks[x], b.toks[y]) {
				return true
			}
		}
	}
	return false
}

// timeModifier reports whether token i of c modifies a stretch of time
// ("coming weeks", "the past few days"): the word places the statement in
// time, and opposite places are different times.
func timeModifier(c *claim, i int) bool {
	k := i + 1
	if k+1 < len(c.toks) && isFewOrCount(c.toks[k]) {
		k++ // "the past few days", "the next two weeks"
	}
	if k >= len(c.toks) {
		return false
	}
	w := c.toks[k].Norm
	return timeUnits[w] || timeUnits[strings.TrimSuffix(w, "s")]
}

func isFewOrCount(t tokenize.Token) bool {
	return cardinal(t) || t.Norm == "few" || t.Norm == "several"
}

// cardinal reports whether a token is a count: digits or a number word.
func cardinal(t tokenize.Token) bool {
	_, ok := numberWord(t.Norm)
	return ok || t.Kind == tokenize.Number
}

// opposedMoves: the same subject moving in opposite directions on the same
// day ("The krona strengthened 0.6%", "The krona weakened slightly"), for
// pairs that share too few words for searchAntonym. Only movement verbs
// (configuration "movements") are read, and their subjects, the content
// words and parties in the three tokens before them, must meet. "Up" and
// "down" are left out: as particles ("ran down", "took up") they move
// nothing.
func (an *analyzer) opposedMoves(a, b *claim) (judgement, bool) {
	if a.has&b.has&flMove == 0 {
		return judgement{}, false
	}
	if n, _ := overlap(a, b); n < 1 || !sameDay(a, b) || negatesAct(a) || negatesAct(b) {
		return judgement{}, false
	}
	for i, t := range a.toks {
		if !an.lx.movements[t.Stem] || particle(t) || a.speculativeAt(i) {
			continue
		}
		for k, u := range b.toks {
			if !an.lx.movements[u.Stem] || particle(u) || b.speculativeAt(k) {
				continue
			}
			if !an.lx.opposite(t.Stem, u.Stem) && !an.lx.opposite(baseStem(t), baseStem(u)) && !wn.Antonym(t.Norm, u.Norm) {
				continue
			}
			if !sameMover(a, i, b, k) {
				continue
			}
			return antonymJudgement(a, b, t, u, 0.6, fmt.Sprintf("%s says it %s where %s says it %s.", src(a), t.Norm, src(b), u.Norm)), true
		}
	}
	return judgement{}, false
}

// opposedActs: one named party doing opposite things, by the
// configuration's antonym pairs, for pairs that share too few words for
// searchAntonym: "Andrea Voss resigned on Monday" against "the board said
// Andrea Voss had been dismissed". The party must stand just before both
// verbs (sameMover with parties only), the claims must share one more
// word, and a day written at each act must agree.
func (an *analyzer) opposedActs(a, b *claim, shared int) (judgement, bool) {
	if a.has&b.has&flOppose == 0 || shared < 2 || negatesAct(a) || negatesAct(b) {
		return judgement{}, false
	}
	if da, ok := a.eventDay(); ok {
		if db, ok := b.eventDay(); ok && !da.From.Equal(db.From) {
			return judgement{}, false
		}
	}
	// The verb right after a party (past auxiliaries and an apposition's
	// comma): only such words are read, so a pair costs a few lookups per
	// party, not one per pair of words.
	verbAfter := func(c *claim, e entRef) int {
		j := e.b
		for j < len(c.toks) && j < e.b+3 && (auxiliaries[c.toks[j].Norm] || c.toks[j].Norm == ",") {
			j++
		}
		if j >= len(c.toks) || !c.content[j] || an.lx.movements[c.toks[j].Stem] || c.speculativeAt(j) {
			return -1
		}
		return j
	}
	opposites := func(c *claim, i int) []string {
		if l := an.lx.antOf[c.toks[i].Stem]; len(l) > 0 {
			return l
		}
		return an.lx.antOf[baseStem(c.toks[i])]
	}
	for _, x := range a.ents {
		i := verbAfter(a, x)
		if i < 0 {
			continue
		}
		ops := opposites(a, i)
		if len(ops) == 0 {
			continue
		}
		t := a.toks[i]
		for _, y := range b.ents {
			if !a.parties.same(x.name, y.name) {
				continue
			}
			k := verbAfter(b, y)
			if k < 0 {
				continue
			}
			u := b.toks[k]
			if !slices.Contains(ops, u.Stem) && !slices.Contains(ops, baseStem(u)) || !sameObject(a, i, b, k) {
				continue
			}
			return antonymJudgement(a, b, t, u, 0.55, fmt.Sprintf("%s says %q where %s says %q of the same party.", src(a), t.Norm, src(b), u.Norm)), true
		}
	}
	return judgement{}, false
}

// objectStems returns the content stems of the object of the verb at i:
// the content words after it, past determiners and possessives, up to the
// first other word ("the European indoor silver medal she won": european,
// indoor, silver, medal).
func (c *claim) objectStems(i int) []string {
	var out []string
	for j := i + 1; j < len(c.toks) && j <= i+7 && c.clause[j] == c.clause[i]; j++ {
		t := c.toks[j]
		if c.content[j] && !c.isCue(j) {
			out = append(out, t.Stem)
			continue
		}
		if len(out) == 0 && (determiners[t.Norm] || t.Norm == "his" || t.Norm == "her" || t.Norm == "its" || t.Norm == "their") {
			continue
		}
		break
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// opposedOnObject: opposite verbs acting on one object in statements too
// long to share half their words ("meaning she loses the European indoor
// silver medal she won in Torun", "Osei keeps her European indoor silver
// from Torun, because ..."): the verbs are configured opposites and their
// objects share two content words. Two named subjects that differ act on
// the thing from two sides ("Alder sold the plant", "Brix bought the
// plant"), which is no conflict.
func (an *analyzer) opposedOnObject(a, b *claim) (judgement, bool) {
	if a.has&b.has&flOppose == 0 || negatesAct(a) || negatesAct(b) {
		return judgement{}, false
	}
	for _, i := range a.opp {
		t := a.toks[i]
		ops := an.lx.antOf[t.Stem]
		if len(ops) == 0 {
			ops = an.lx.antOf[baseStem(t)]
		}
		if len(ops) == 0 || a.speculativeAt(i) {
			continue
		}
		objA := a.objectStems(i)
		if len(objA) < 2 || !verbish(t) {
			continue
		}
		for _, k := range b.opp {
			u := b.toks[k]
			if !slices.Contains(ops, u.Stem) && !slices.Contains(ops, baseStem(u)) || b.speculativeAt(k) || !verbish(u) {
				continue
			}
			if countShared(objA, b.objectStems(k)) < 2 {
				continue
			}
			if x, ok := a.subjectBefore(i); ok {
				if y, ok := b.subjectBefore(k); ok && !a.parties.same(x.name, y.name) {
					continue
				}
			}
			return antonymJudgement(a, b, t, u, 0.5, fmt.Sprintf("%s says %q where %s says %q of the same thing.", src(a), t.Norm, src(b), u.Norm)), true
		}
	}
	return judgement{}, false
}

// describedNoun returns the owned noun a describing word at i speaks of,
// and its owner: "Halvern's swift response" (the word before the noun) or
// "Halvern's response had been slow" (after it, past auxiliaries). The
// noun must follow a possessive ("Halvern's", "its"), so that both
// statements speak of one party's thing, not of two things of a kind; the
// owner is the word before the possessive mark, or the pronoun.
func (c *claim) describedNoun(i int) (noun int, owner string, ok bool) {
	ownerAt := func(p int) (string, bool) { // p: the token before the owned words
		if p < 0 {
			return "", false
		}
		switch n := c.toks[p].Norm; {
		case isPossessiveMark(n) && p > 0:
			return c.toks[p-1].Norm, true
		case n == "its" || n == "their":
			return n, true
		}
		return "", false
	}
	if i+1 < len(c.toks) && c.content[i+1] {
		if o, ok := ownerAt(i - 1); ok {
			return i + 1, o, true // "Halvern's swift response"
		}
	}
	k := i - 1
	for k >= 0 && auxiliaries[c.toks[k].Norm] {
		k--
	}
	if k < i-1 && k >= 0 && c.content[k] {
		if o, ok := ownerAt(k - 1); ok {
			return k, o, true // "Halvern's response had been slow"
		}
	}
	return -1, "", false
}

// opposedDescriptions: one party's thing described with opposite words
// ("Halvern's swift response", "Halvern's response had been slow") in
// statements that share too few words for searchAntonym.
func (an *analyzer) opposedDescriptions(a, b *claim) (judgement, bool) {
	if a.has&b.has&flOppose == 0 || negatesAct(a) || negatesAct(b) {
		return judgement{}, false
	}
	for _, i := range a.opp {
		t := a.toks[i]
		ops := an.lx.antOf[t.Stem]
		if len(ops) == 0 || a.speculativeAt(i) {
			continue
		}
		n, owner, ok := a.describedNoun(i)
		if !ok {
			continue
		}
		for _, k := range b.opp {
			u := b.toks[k]
			if !slices.Contains(ops, u.Stem) || b.speculativeAt(k) {
				continue
			}
			if m, o, ok := b.describedNoun(k); ok && b.toks[m].Stem == a.toks[n].Stem && o == owner {
				return antonymJudgement(a, b, t, u, 0.5, fmt.Sprintf("%s calls the %s %q where %s calls it %q.", src(a), a.toks[n].Norm, t.Norm, src(b), u.Norm)), true
			}
		}
	}
	return judgement{}, false
}

// opposedModifiers: one party given one role or thing with opposite
// describing words right before the same noun ("will serve as interim
// chief executive", "named Brandt as its permanent chief executive"),
// however much else the statements hold: a word both share elsewhere
// ("while the board searches for a permanent successor") does not hide
// the opposition, as it does from searchAntonym. The holder, the party
// named just before the describing word in its clause, must be one.
func (an *analyzer) opposedModifiers(a, b *claim) (judgement, bool) {
	if a.has&b.has&flOppose == 0 || a.cond || b.cond {
		return judgement{}, false
	}
	nounsAfter := func(c *claim, i int) (string, string) {
		if i+1 >= len(c.toks) || !c.content[i+1] || c.isCue(i+1) {
			return "", ""
		}
		second := ""
		if i+2 < len(c.toks) && c.content[i+2] && !c.isCue(i+2) {
			second = c.toks[i+2].Stem
		}
		return c.toks[i+1].Stem, second
	}
	for _, i := range a.opp {
		t := a.toks[i]
		ops := an.lx.antOf[t.Stem]
		if len(ops) == 0 || a.speculativeAt(i) {
			continue
		}
		n1, n2 := nounsAfter(a, i)
		if n1 == "" {
			continue
		}
		for _, k := range b.opp {
			u := b.toks[k]
			if !slices.Contains(ops, u.Stem) {
				continue
			}
			m1, m2 := nounsAfter(b, k)
			if m1 != n1 || n2 != "" && m2 != "" && m2 != n2 {
				continue
			}
			x, okx := holderBefore(a, i)
			y, oky := holderBefore(b, k)
			if !okx || !oky || !a.parties.same(x.name, y.name) {
				continue // "Rogen is in early talks", "Bale is in late talks"
			}
			return antonymJudgement(a, b, t, u, 0.55, fmt.Sprintf("%s says %q %s where %s says %q.", src(a), t.Norm, a.toks[i+1].Norm, src(b), u.Norm)), true
		}
	}
	return judgement{}, false
}

// holderBefore returns the party named last before token i, within six
// tokens and in its clause: who holds the role or thing described at i.
func holderBefore(c *claim, i int) (entRef, bool) {
	best := -1
	for n, e := range c.ents {
		if e.b <= i && i-e.b <= 6 && c.clause[e.a] == c.clause[i] && (best < 0 || e.b > c.ents[best].b) {
			best = n
		}
	}
	if best < 0 {
		return entRef{}, false
	}
	return c.ents[best], true
}

// sameObject reports whether the verbs at i in a and k in b do not act on
// different things: when both have an object (the next content word or
// party, past a determiner), it is the same ("joined Kurdish troops" and
// "left Israel" are no opposites).
func sameObject(a *claim, i int, b *claim, k int) bool {
	object := func(c *claim, v int) (string, string) {
		j := v + 1
		if j < len(c.toks) && determiners[c.toks[j].Norm] {
			j++
		}
		for _, e := range c.ents {
			if e.a == j {
				return "", e.name
			}
		}
		switch {
		case j >= len(c.toks) || c.toks[j].Kind == tokenize.Punct || c.isPreposition(j) || c.toks[j].Norm == "after":
			return "", "" // no object: "resigned on Monday", "was dismissed."
		case c.content[j]:
			return c.toks[j].Stem, ""
		}
		return "?", "" // an object the words do not show ("gave each ...")
	}
	sa, pa := object(a, i)
	sb, pb := object(b, k)
	switch {
	case sa == "" && pa == "" || sb == "" && pb == "":
		return true // one has no object: "resigned", "was dismissed"
	case pa != "" && pb != "":
		return a.parties.same(pa, pb)
	}
	return sa != "" && sa != "?" && sa == sb
}

// antonymJudgement is the finding of opposite words t of a and u of b,
// at base score (lowered for hedging), with expl as its explanation.
func antonymJudgement(a, b *claim, t, u tokenize.Token, base float64, expl string) judgement {
	return judgement{
		kind:  KindAntonym,
		score: clamp01(base * hedgeFactor(a, b)),
		cues:  []Cue{{Kind: "antonym", Text: t.Norm + " / " + u.Norm}},
		hlA:   []tokenize.Span{t.Span},
		hlB:   []tokenize.Span{u.Span},
		expl:  expl,
		keyA:  "ant:" + t.Stem,
		keyB:  "ant:" + u.Stem,
	}
}

func particle(t tokenize.Token) bool { return t.Norm == "up" || t.Norm == "down" }

// baseStem is the stem of an irregular verb's base ("rose" gives "rise"),
// else the token's stem.
func baseStem(t tokenize.Token) string {
	if s := irregularStem(t); s != "" {
		return s
	}
	return t.Stem
}

// sameMover reports whether the verbs at i in a and k in b have a subject
// in common: a content stem or a party among the three tokens before each,
// in the verb's clause.
func sameMover(a *claim, i int, b *claim, k int) bool {
	before := func(c *claim, v int) (stems, ents []string) {
		for j := v - 1; j >= 0 && j >= v-3 && c.clause[j] == c.clause[v]; j-- {
			if c.content[j] && !c.isCue(j) {
				stems = append(stems, c.toks[j].Stem)
			}
		}
		for _, e := range c.ents {
			if e.b <= v && e.b >= v-3 {
				ents = append(ents, e.name)
			}
		}
		return stems, ents
	}
	sa, ea := before(a, i)
	sb, eb := before(b, k)
	for _, x := range sa {
		if slices.Contains(sb, x) {
			return true
		}
	}
	for _, x := range ea {
		for _, y := range eb {
			if a.parties.same(x, y) {
				return true
			}
		}
	}
	return false
}

// maxOnly bounds the words onlyIn returns.
const maxOnly = 30

// onlyIn returns the token indices of c's content words whose stem o lacks,
// one per stem and at most 30: the words an antonym could hide in.
func onlyIn(c, o *claim, buf *[maxOnly]int) []int {
	out := buf[:0] // the caller's array: no allocation per pair
	for i, t := range c.toks {
		if !c.content[i] || has(o.stems, t.Stem) || stemAmong(c, out, t.Stem) {
			continue
		}
		out = append(out, i)
		if len(out) == maxOnly {
			break
		}
	}
	return out
}

// stemAmong reports whether one of c's tokens at idx has stem s. idx holds
// at most maxOnly indices, so a scan costs less than a map made per call.
func stemAmong(c *claim, idx []int, s string) bool {
	for _, i := range idx {
		if c.toks[i].Stem == s {
			return true
		}
	}
	return false
}

// Bits of antonymProfile.bits.
const (
	antListed  uint8 = 1 << iota // the stem is in a configured antonym pair
	antAffix                     // the stem carries a negating affix (morphOpposite)
	antWordNet                   // the word has a word-net antonym link
	antCount                     // a count: never an antonym
	antWNKnown                   // antWordNet is known (wordNet looked it up)
)

// antonymProfile is what searchAntonym knows of a claim's content tokens
// before any pair: whether each can oppose anything, and its word-net
// readings when it can. A claim meets dozens of others, and these lookups
// were most of the cost of comparing two.
type antonymProfile struct {
	bits []uint8
	rd   []wn.Readings // readings of the antWordNet tokens, at rdAt[i]
	rdAt []int16
}

func (p *antonymProfile) readings(i int) *wn.Readings { return &p.rd[p.rdAt[i]] }

// wordNet returns token i's bits with antWordNet known, looking the word
// up on first use: most content words never reach a pair test, so they
// are not looked up.
func (p *antonymProfile) wordNet(c *claim, i int) uint8 {
	if p.bits[i]&(antWNKnown|antCount) != 0 || !c.content[i] {
		return p.bits[i]
	}
	p.bits[i] |= antWNKnown
	if r := wn.ReadingsOf(c.toks[i].Norm); r.CanOppose() {
		p.bits[i] |= antWordNet
		p.rdAt[i] = int16(len(p.rd))
		p.rd = append(p.rd, r)
	}
	return p.bits[i]
}

// antonymProfile returns c's profile, found on first use, word-net links
// left to wordNet. Only content tokens are looked at (onlyIn).
func (c *claim) antonymProfile(lx *lexicon) *antonymProfile {
	if c.antProfile != nil {
		return c.antProfile
	}
	p := &antonymProfile{bits: make([]uint8, len(c.toks)), rdAt: make([]int16, len(c.toks))}
	for i, t := range c.toks {
		p.rdAt[i] = -1
		if !c.content[i] {
			continue
		}
		if cardinal(t) {
			p.bits[i] = antCount
			continue
		}
		if _, ok := lx.antOf[t.Stem]; ok {
			p.bits[i] |= antListed
		}
		if hasNegatingAffix(t.Stem) {
			p.bits[i] |= antAffix
		}
	}
	c.antProfile = p
	return p
}
