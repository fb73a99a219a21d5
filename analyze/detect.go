package analyze

import (
	"cmp"
	"fmt"
	"math"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	wn "github.com/crosscheck-go/crosscheck/internal/lexicon"
	"github.com/crosscheck-go/crosscheck/tokenize"
)

// judgement is what comparing two claims found.
type judgement struct {
	kind     Kind // a conflict kind, or KindAgreement
	score    float64
	cues     []Cue
	hlA, hlB []tokenize.Span
	expl     string
	// keyA and keyB name the claim each side makes, so that other sources
	// making the same claim can be counted as support.
	keyA, keyB string
	// specific marks the story detectors (exclusivity, change of state,
	// numbers of one thing), whose findings the judge's model may not
	// overrule; negation and antonym signals are left to the model.
	specific bool
}

func (j judgement) conflict() bool { return j.kind != "" && j.kind != KindAgreement }

// detector compares two aligned claims. The detectors are tried in order;
// the first conflict wins, else the first agreement.
type detector struct {
	run   func(an *analyzer, a, b *claim) (judgement, bool)
	needs detectorNeeds
}

// detectorNeeds is what a detector's opening tests ask of the two claims,
// as claimFlags: a pair that fails them gets nothing from the detector, so
// compare passes it over without the call. Most aligned pairs carry none
// of the cues the specific detectors read, and the calls, each returning a
// whole judgement, were a tenth of comparing a pair.
type detectorNeeds struct {
	allA, allB   claimFlags // every one of these on a, on b
	anyB         claimFlags // when not zero, at least one of these on b
	noneA, noneB claimFlags // none of these on a, on b
}

// met reports whether a and b, in that order, pass the opening tests.
func (n detectorNeeds) met(a, b *claim) bool {
	return a.has&n.allA == n.allA && b.has&n.allB == n.allB &&
		(n.anyB == 0 || b.has&n.anyB != 0) &&
		a.has&n.noneA == 0 && b.has&n.noneB == 0
}

// The needs below restate each detector's first tests; a detector that
// starts asking for more may add to them, and one that asks for less must
// drop them (the seed and story goldens catch a need that is too strict).
//
// The change detectors come first: compare runs only them on statements
// about different times.
var detectors = []detector{
	// An exclusivity cue of a, with a continuation or a present copula
	// (presentExclusive); on b an exclusivity cue with a change or a
	// negation.
	{(*analyzer).detectChange, detectorNeeds{allA: flExclusive, allB: flExclusive, anyB: flChange | flNegation, noneA: flCond, noneB: flCond}},
	{(*analyzer).detectStateChange, detectorNeeds{allA: flContinue, allB: flChange, noneA: flCond, noneB: flCond}},
	// a's bound exclusivity against b's providers, hosts or plurality cue.
	{(*analyzer).detectExclusivity, detectorNeeds{allA: flBound, anyB: flBound | flHost | flMulti, noneA: flCond, noneB: flCond}},
	{(*analyzer).detectAttitude, detectorNeeds{allA: flApproval, allB: flObjection, noneA: flCond, noneB: flCond}},
	{(*analyzer).detectNumeric, detectorNeeds{allA: flQty, allB: flQty}},
	{(*analyzer).detectDate, detectorNeeds{allA: flDay, allB: flDay, noneA: flCond, noneB: flCond}},
	{(*analyzer).detectNegation, detectorNeeds{allB: flNegation, noneA: flNegation | flCond, noneB: flCond}},
	{(*analyzer).detectAntonym, detectorNeeds{noneA: flCond, noneB: flCond}},
	{(*analyzer).detectRestatement, detectorNeeds{}},
}

// compare runs the detectors on a pair, both ways round where the detector
// is asymmetric, and returns the strongest finding.
func (an *analyzer) compare(a, b *claim) (judgement, bool) {
	return an.compareWith(detectors, a, b)
}

// compareWith is compare with the given detectors; the tests run it with
// the plain ones (no needs, every detector called both ways round) to hold
// the shortcuts to the same answers.
func (an *analyzer) compareWith(detectors []detector, a, b *claim) (judgement, bool) {
	// Statements about different times do not conflict: "120,000 in 2024"
	// and "150,000 in 2025" are two facts.
	dets := detectors
	if differentTimes(a, b) {
		// ...except that a state said to go on at one time and to have
		// stopped at another is what the change detectors judge: later
		// than the stop it contradicts it, earlier it is superseded.
		dets = detectors[:2]
	}
	// Most aligned pairs share a few words and nothing any detector needs:
	// leave them at once.
	if !a.shaped() && !b.shaped() {
		if n, _ := overlap(a, b); n < 3 {
			return judgement{}, false
		}
	}
	var best judgement
	found := false
	for _, det := range dets {
		for _, swap := range []bool{false, true} {
			x, y := a, b
			if swap {
				x, y = b, a
			}
			if !det.needs.met(x, y) {
				continue
			}
			j, ok := det.run(an, x, y)
			if !ok {
				continue
			}
			if swap {
				j.hlA, j.hlB = j.hlB, j.hlA
				j.keyA, j.keyB = j.keyB, j.keyA
				for i := range j.cues {
					switch j.cues[i].Side {
					case "a":
						j.cues[i].Side = "b"
					case "b":
						j.cues[i].Side = "a"
					}
				}
			}
			if !found || better(j, best) {
				best, found = j, true
			}
		}
		if found && best.conflict() {
			return best, true
		}
	}
	return best, found
}

// differentTimes reports whether both claims name dates and no date of one
// overlaps a date of the other.
func differentTimes(a, b *claim) bool {
	if len(a.dates) == 0 || len(b.dates) == 0 {
		return false
	}
	compared := false
	for _, x := range a.dates {
		if !period(x) {
			continue
		}
		for _, y := range b.dates {
			if !period(y) {
				continue
			}
			if !x.From.After(y.To) && !y.From.After(x.To) {
				return false
			}
			compared = true
		}
	}
	return compared
}

// period reports whether a date names a month or longer ("in 2024", "in
// March"): such a date scopes a figure to a period. A day ("on Friday", "on
// 20 May") more often times the event or the statement ("pleaded guilty on
// Friday to defrauding investors of 14 million euros") than the figure.
func period(d tokenize.DateRef) bool {
	return !d.From.IsZero() && d.To.Sub(d.From) >= 27*24*time.Hour
}

// shaped reports whether a claim has anything a specific detector reads:
// quantities, bindings, or state, negation or attitude cues.
func (c *claim) shaped() bool {
	return c.has&(flQty|flBound|flHost|flNegation|flContinue|flChange|flApproval|flObjection|flExclusive|flDay) != 0
}

func better(j, k judgement) bool {
	if j.conflict() != k.conflict() {
		return j.conflict()
	}
	return j.score > k.score
}

func src(c *claim) string { return c.d.Source.ID }

func txt(c *claim, sp tokenize.Span) string { return c.d.Text(sp) }

// hedgeFactor lowers a score for each side that is hedged or attributed
// rather than asserted.
func hedgeFactor(a, b *claim) float64 {
	return a.hedgeFactor() * b.hedgeFactor()
}

// hedgeFactor is 1 for a bare assertion, a little less for a statement
// credited to someone, and less again for a modal or reported one.
func (c *claim) hedgeFactor() float64 {
	switch {
	case !c.hedged:
		return 1
	case c.lx.speculative[c.hedgeWord]:
		return 0.7
	case c.hedgeWord != "":
		return 0.85
	default:
		return 0.92
	}
}

// changedNear reports whether a change-of-state or negation cue governs the
// tokens [i, j) of c: "ended its exclusive", "no longer exclusive".
func changedNear(c *claim, i, j int) (cueAt, bool) {
	if cu, ok := c.cueNear(tokenize.CueChange, i, j, 5); ok {
		return cu, true
	}
	return c.cueNear(tokenize.CueNegation, i, j, 3)
}

// sharedContent counts the content words two claims share, leaving out cue
// words, and matching a stem with a longer one it starts ("partner",
// "partnership").
func sharedContent(a, b *claim) int { return countLoose(a.contentStems(), b.contentStems()) }

// countLoose counts the members of x that equal a member of y or start or
// extend one (five letters at least). Both are sorted unique; the work is
// |x| binary searches, so long claims stay cheap.
func countLoose(x, y []string) int {
	n := 0
	for _, s := range x {
		if looseIn(s, y) {
			n++
		}
	}
	return n
}

func looseIn(s string, y []string) bool {
	i := sort.SearchStrings(y, s)
	if i < len(y) && (y[i] == s || len(s) >= 5 && strings.HasPrefix(y[i], s)) {
		return true
	}
	for k := 5; k < len(s); k++ {
		if has(y, s[:k]) {
			return true
		}
	}
	return false
}

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

// sharedGroups counts the entity groups two claims both mention.
func sharedGroups(a, b *claim) int {
	n := 0
	seen := map[string]bool{}
	for _, x := range a.ents {
		if seen[x.group] {
			continue
		}
		for _, y := range b.ents {
			if a.parties.same(x.name, y.name) {
				seen[x.group] = true
				n++
				break
			}
		}
	}
	return n
}

func countShared(x, y []string) int {
	n, i, j := 0, 0, 0
	for i < len(x) && j < len(y) {
		// One three-way comparison per step, not == then <: this merge
		// runs on every aligned pair.
		switch c := strings.Compare(x[i], y[j]); {
		case c == 0:
			n++
			i++
			j++
		case c < 0:
			i++
		default:
			j++
		}
	}
	return n
}

// countCommon counts the values two sorted unique slices share: stems
// numbered by internStems (integers instead of strings on every aligned
// pair), or claim indices.
func countCommon[T cmp.Ordered](x, y []T) int {
	n, i, j := 0, 0, 0
	for i < len(x) && j < len(y) {
		switch {
		case x[i] == y[j]:
			n++
			i++
			j++
		case x[i] < y[j]:
			i++
		default:
			j++
		}
	}
	return n
}

// opposedScopes reports whether two clauses contain words of opposite
// meaning, which means they speak of different things ("stateless" APIs
// versus a "stateful" product) rather than of the same one.
func (an *analyzer) opposedScopes(x, y []string) (string, string, bool) {
	for _, p := range x {
		if q, ok := an.lx.oppositeIn(p, y); ok {
			return p, q, true
		}
	}
	return "", "", false
}

// detectExclusivity: a's provider X is exclusive, and b binds the same kind
// of thing exclusively to, or hosts it on, a different provider Y.
func (an *analyzer) detectExclusivity(a, b *claim) (judgement, bool) {
	if a.cond || b.cond {
		return judgement{}, false
	}
	for _, x := range a.excl {
		if _, ch := changedNear(a, x.cue.a, x.cue.b); ch {
			continue
		}
		cands := make([]binding, 0, len(b.excl)+len(b.host))
		cands = append(cands, b.excl...)
		cands = append(cands, b.host...)
		for k, y := range cands {
			hostOnly := k >= len(b.excl)
			if a.parties.same(x.ent.name, y.ent.name) {
				continue
			}
			if _, ch := changedNear(b, y.cue.a, y.cue.b); ch {
				continue
			}
			if _, _, opp := an.opposedScopes(a.words(), b.words()); opp {
				continue
			}
			shared := countShared(a.stems, b.stems)
			ctx := sharedGroups(a, b) + shared
			if hostOnly {
				// A plain "runs on Y" contradicts "solely on X" only when
				// it is about the same thing.
				// "is also sold by Y" says Y is one more provider, so one
				// thing in common will do.
				need := 2
				if y.cue.a > 0 && b.toks[y.cue.a-1].Norm == "also" || y.cue.a > 1 && b.toks[y.cue.a-2].Norm == "also" {
					need = 1
				}
				if an.thingOverlap(a, b, x, y) < need {
					continue
				}
			} else if ctx < 1 {
				continue
			}
			score := 0.5 + 0.1*x.strength + 0.1*y.strength
			if hostOnly {
				score -= 0.1
			}
			score += 0.03 * math.Min(float64(ctx), 4)
			score *= hedgeFactor(a, b)
			j := judgement{
				kind:  KindExclusivity,
				score: clamp01(score),
				cues: []Cue{
					{Kind: "exclusivity", Side: "a", Text: x.cue.text},
					{Kind: "provider", Side: "a", Text: txt(a, x.ent.span)},
					{Kind: "provider", Side: "b", Text: txt(b, y.ent.span)},
				},
				hlA:      []tokenize.Span{x.cue.span, x.ent.span},
				hlB:      []tokenize.Span{y.cue.span, y.ent.span},
				keyA:     "excl:" + x.ent.group,
				keyB:     "excl:" + y.ent.group,
				specific: true,
			}
			if hostOnly {
				j.cues = append(j.cues, Cue{Kind: "hosting", Side: "b", Text: y.cue.text})
				j.expl = fmt.Sprintf("%s says %s is the exclusive provider (%q); %s says it %s with %s (%q).",
					src(a), txt(a, x.ent.span), x.cue.text, src(b), y.cue.word, txt(b, y.ent.span), y.cue.text)
			} else {
				j.cues = append(j.cues, Cue{Kind: "exclusivity", Side: "b", Text: y.cue.text})
				j.expl = fmt.Sprintf("%s says %s is the exclusive provider (%q); %s says %s is (%q).",
					src(a), txt(a, x.ent.span), x.cue.text, src(b), txt(b, y.ent.span), y.cue.text)
			}
			return j, true
		}
	}
	return an.detectPlurality(a, b)
}

// roleAfter returns the stem of the role noun within two tokens after cue
// ("sole provider", "multiple cloud providers"), or "", and the noun as
// written for explanations.
func (c *claim) roleAfter(lx *lexicon, cu cueAt) (stem, written string) {
	for k := cu.b; k < len(c.toks) && k <= cu.b+2; k++ {
		if c.clause[k] != c.clause[min(cu.a, len(c.clause)-1)] {
			break
		}
		if lx.roles[c.toks[k].Stem] {
			return c.toks[k].Stem, txt(c, c.toks[k].Span)
		}
	}
	return "", ""
}

// detectPlurality: a names X the sole provider, b says the same role is
// held by several ("multiple providers", "several suppliers").
func (an *analyzer) detectPlurality(a, b *claim) (judgement, bool) {
	for _, x := range a.excl {
		role, roleA := a.roleAfter(an.lx, x.cue)
		if role == "" {
			continue
		}
		if _, ch := changedNear(a, x.cue.a, x.cue.b); ch {
			continue
		}
		for _, m := range b.multi {
			roleB, written := b.roleAfter(an.lx, m)
			if roleB != role || b.speculativeAt(m.a) {
				continue
			}
			if _, neg := b.cueNear(tokenize.CueNegation, m.a, m.b, 3); neg {
				continue
			}
			if sharedGroups(a, b) < 1 {
				continue
			}
			// "allowed to work with other providers" grants an exception;
			// it does not say others provide the thing.
			if _, permit := b.cueNear(tokenize.CueApproval, m.a, m.b, 6); permit {
				continue
			}
			// Weaker evidence than a named second provider, so it ranks
			// below one when both meet the same pair of sources.
			score := (0.4 + 0.0375*math.Min(float64(sharedGroups(a, b)+sharedContent(a, b)), 4)) * hedgeFactor(a, b)
			return judgement{
				kind:  KindExclusivity,
				score: clamp01(score),
				cues: []Cue{
					{Kind: "exclusivity", Side: "a", Text: x.cue.text},
					{Kind: "plurality", Side: "b", Text: m.text},
				},
				hlA:      []tokenize.Span{x.cue.span, x.ent.span},
				hlB:      []tokenize.Span{m.span},
				expl:     fmt.Sprintf("%s says %s is the sole %s (%q); %s speaks of %q.", src(a), txt(a, x.ent.span), roleA, x.cue.text, src(b), m.text+" "+written),
				keyA:     "excl:" + x.ent.group,
				keyB:     "excl:several",
				specific: true,
			}, true
		}
	}
	return judgement{}, false
}

// thingOverlap counts the words two bindings' clauses share about the
// thing provided, leaving out hosting verbs and cue words, which every such
// clause has.
func (an *analyzer) thingOverlap(a, b *claim, x, y binding) int {
	n := 0
	for _, s := range x.scope {
		if an.lx.hosting[s] || !has(y.scope, s) || a.isCueStem(s) || b.isCueStem(s) {
			continue
		}
		n++
	}
	return n
}

// firstCue returns c's first cue of kind k that is not negated.
func firstCue(c *claim, k tokenize.CueKind) (cueAt, bool) {
	for _, cu := range c.cues {
		if cu.kind != k {
			continue
		}
		if _, neg := c.cueNear(tokenize.CueNegation, cu.a, cu.b, 2); neg {
			continue
		}
		return cu, true
	}
	return cueAt{}, false
}

// detectAttitude: one source says an act was approved ("with explicit
// consent", "allowed"), the other that it was objected to ("violated the
// contract", "breach"), about the same parties.
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
		return judgement{}, false
	}
	shared := sharedGroups(a, b)
	base := 0.55
	if shared < 2 || sharedWords(a, b) < 1 {
		// Both may instead speak of the story's event by a bare
		// description: "welcomed the arrangement" against "believe it
		// breaches the contract" after "surprised by the move".
		if !an.eventAfter(a, ok) || !an.eventBefore(b, obj) {
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

// eventAfter reports whether an approval takes as its object a definite
// description of an event: "welcomed the arrangement", "approved this deal".
func (an *analyzer) eventAfter(c *claim, cu cueAt) bool {
	for k := cu.b + 1; k < len(c.toks) && k <= cu.b+2; k++ {
		if an.lx.events[c.toks[k].Stem] && (determiners[c.toks[k-1].Norm] || c.toks[k-1].Norm == "this") {
			return true
		}
	}
	return false
}

// eventBefore reports whether what an objection says is wrong is the
// event itself: "it breaches", "the move violated".
func (an *analyzer) eventBefore(c *claim, cu cueAt) bool {
	if cu.a > 0 && c.toks[cu.a-1].Norm == "it" {
		return true
	}
	for k := cu.a - 1; k > 0 && k >= cu.a-2; k-- {
		if an.lx.events[c.toks[k].Stem] && (determiners[c.toks[k-1].Norm] || c.toks[k-1].Norm == "this") {
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
		if ch.kind != tokenize.CueChange || !an.lx.stops[ch.text] || ch.a < cont.b || ch.a-cont.b > 1 {
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
	if state == "" {
		// "Drivers continue their walkout" and "the strike ended": a
		// walkout is a kind of strike.
		state = kindredGoverned(a, cont, 4, b, end, b.reach(end, 4))
		shared++
	}
	// The same party, or, when neither names one, more words in common
	// ("the council's payment system").
	party := sharedGroups(a, b) > 0 || len(a.groups) == 0 && len(b.groups) == 0 && shared >= 3
	// Two parties in common are not enough for one word: a story's main
	// parties are in most of its sentences (tried: the seed story gained
	// five spurious state changes).
	if state == "" || !party || shared < 2 {
		return judgement{}, false
	}
	if _, _, opp := an.opposedScopes(a.words(), b.words()); opp {
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
	return p.Kind == tokenize.Number || determiners[p.Norm] || p.Norm == "these" || p.Norm == "those" || p.Norm == "this" || p.Norm == "that"
}

// governed returns the content stems within w tokens of cue cu in its
// clause, leaving out cue words, sorted unique: what the cue says goes on
// or stopped. The reach stops at a coordinating word, so "fractured both
// ankles and remains in hospital" does not make the ankles remain.
func (c *claim) governed(cu cueAt, w int) []string {
	var out []string
	take := func(i int) bool {
		if c.clause[i] != c.clause[cu.a] || coordinators[c.toks[i].Norm] {
			return false
		}
		if c.content[i] && !c.isCue(i) {
			out = append(out, c.toks[i].Stem)
		}
		return true
	}
	for i := cu.a - 1; i >= 0 && i >= cu.a-w && take(i); i-- {
	}
	for i := cu.b; i < len(c.toks) && i < cu.b+w && take(i); i++ {
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

// governedAt is governed as token indices, in order.
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

// coordinators join two statements; a cue's reach ends at them.
var coordinators = map[string]bool{"and": true, "or": true, "but": true, "nor": true, "then": true}

// Bounding words in front of an amount, and the share of the amount the
// range they give reaches down to (0: no lower end; 1: the amount itself).
var (
	lowerBounds = []string{"more than", "over", "at least", "upwards of", "in excess of", "just over", "above", "exceeding"}
	upperBounds = []string{"less than", "fewer than", "under", "up to", "as much as", "as many as", "below", "just under", "no more than"}
	nearBelow   = []string{"nearly", "almost", "close to", "just shy of", "not quite"}
)

// valueRange is the range of values a written amount allows: "more than
// 200" is 200 and up, "up to 50" is 50 and down, "nearly 300" a little
// below 300, "about 300" within 10% of it, a plain number itself (1%).
func valueRange(written string, q tokenize.Quantity) (lo, hi float64) {
	w := strings.ToLower(written)
	v := q.Value
	switch {
	case hasPrefixAny(w, lowerBounds):
		return v, math.Inf(1)
	case hasPrefixAny(w, upperBounds):
		return math.Inf(-1), v
	case hasPrefixAny(w, nearBelow):
		return v - 0.15*math.Abs(v), v
	case q.Approx:
		return v - 0.1*math.Abs(v), v + 0.1*math.Abs(v)
	}
	return v - 0.01*math.Abs(v), v + 0.01*math.Abs(v)
}

// subsetOf reports whether amount x of claim a may count some of the
// whole y of claim b: y is written as a whole ("the ten clubs", "all four
// hospitals"), x as a bare count, and x is at most a third of it. A bare
// count closer to the whole ("tracked 12,000 adults" against "its 21,000
// participants") more likely gives the whole differently.
func subsetOf(a *claim, x quant, b *claim, y quant) bool {
	return !wholeCount(a, x) && wholeCount(b, y) && x.q.Value*3 <= y.q.Value
}

// wholeCount reports whether an amount is written as a whole set: after
// "the", "all", "its", "their" ("the ten clubs").
func wholeCount(c *claim, q quant) bool {
	if q.a == 0 {
		return false
	}
	switch c.toks[q.a-1].Norm {
	case "the", "all", "its", "their", "both":
		return true
	}
	return false
}

// movement reports whether an amount is a change after a movement verb
// ("rose 7%", "fell by 5%"): a change over some period, which another
// source reporting on another day measures over another period.
func (an *analyzer) movement(c *claim, q quant) bool {
	k := q.a - 1
	if k >= 0 && (c.toks[k].Norm == "by" || c.toks[k].Norm == "about" || c.toks[k].Norm == "some") {
		k--
	}
	return k >= 0 && an.lx.movements[c.toks[k].Stem]
}

// sameDay reports whether two claims' sources were published on the same
// day, or either date is unknown.
func sameDay(a, b *claim) bool {
	pa, _ := publishedDay(a)
	pb, _ := publishedDay(b)
	return pa.IsZero() || pb.IsZero() || pa.Equal(pb)
}

// isRate reports whether an amount is per something ("a week", "a share").
func isRate(q quant) bool {
	for _, m := range q.measures {
		if strings.HasPrefix(m, "per ") {
			return true
		}
	}
	return false
}

// eventDay returns the one day-precision date of c that times an event
// rather than a statement ("release Starfall on 14 March", not "announced
// on Monday").
func (c *claim) eventDay() (tokenize.DateRef, bool) {
	var day tokenize.DateRef
	found := false
	for _, d := range c.dates {
		if d.From.IsZero() || period(d) || !d.To.Equal(d.From) {
			continue
		}
		a, _ := tokenRange(c.toks, d.Span)
		if a >= len(c.toks) {
			continue
		}
		said := false
		for k := a - 1; k >= 0 && k >= a-2; k-- {
			said = said || c.cueKindAt(k) == tokenize.CueAttribution
		}
		if said {
			continue
		}
		if found {
			return tokenize.DateRef{}, false // two event days: which is which is unclear
		}
		day, found = d, true
	}
	return day, found
}

// detectDate: the same event of the same party given two different days
// ("will release Starfall on 14 March" against "pushed back the release of
// Starfall to 28 April"). A later source that says the date moved reports
// a change; the analysis marks that as temporal where the dates allow.
func (an *analyzer) detectDate(a, b *claim) (judgement, bool) {
	if a.cond || b.cond || a.doc == b.doc || src(a) > src(b) {
		return judgement{}, false // symmetric: judged once, a before b
	}
	da, okA := a.eventDay()
	db, okB := b.eventDay()
	if !okA || !okB || da.From.Equal(db.From) || sharedGroups(a, b) < 1 {
		return judgement{}, false
	}
	// The same event: the verb the date times, or the thing a reschedule
	// moves ("will release Starfall on 14 March", "pushed back the release
	// of Starfall to 28 April").
	event := an.eventAt(a, da)
	if event == "" || event != an.eventAt(b, db) || a.speculativeAt(0) || b.speculativeAt(0) {
		return judgement{}, false
	}
	ta, tb := txt(a, da.Span), txt(b, db.Span)
	score := (0.55 + 0.05*math.Min(float64(sharedGroups(a, b)+sharedContent(a, b)), 4)) * hedgeFactor(a, b)
	kind, expl := KindNumeric, fmt.Sprintf("%s dates it %s; %s dates it %s.", src(a), ta, src(b), tb)
	// A later source saying the date moved ("pushed back to 28 April")
	// supersedes the earlier one rather than contradicting it.
	pa, _ := publishedDay(a)
	pb, _ := publishedDay(b)
	switch {
	case !pa.IsZero() && pb.After(pa) && an.rescheduled(b, db):
		kind, score = KindTemporal, score*0.8
		expl = fmt.Sprintf("%s dated it %s; %s, published later, reports it moved to %s: the earlier statement is superseded.", src(a), ta, src(b), tb)
	case !pb.IsZero() && pa.After(pb) && an.rescheduled(a, da):
		kind, score = KindTemporal, score*0.8
		expl = fmt.Sprintf("%s dated it %s; %s, published later, reports it moved to %s: the earlier statement is superseded.", src(b), tb, src(a), ta)
	}
	return judgement{
		kind:  kind,
		score: clamp01(score),
		cues: []Cue{
			{Kind: "date", Side: "a", Text: ta},
			{Kind: "date", Side: "b", Text: tb},
			{Kind: "event", Text: event},
		},
		hlA:      []tokenize.Span{da.Span},
		hlB:      []tokenize.Span{db.Span},
		expl:     expl,
		keyA:     "date:" + event + ":" + da.From.Format("2006-01-02"),
		keyB:     "date:" + event + ":" + db.From.Format("2006-01-02"),
		specific: true,
	}, true
}

// eventAt returns the stem of what date d times in c: the nearest verb
// before it in its clause, or, when that verb is a reschedule ("pushed
// back"), the first content word after the reschedule (its object).
func (an *analyzer) eventAt(c *claim, d tokenize.DateRef) string {
	a, _ := tokenRange(c.toks, d.Span)
	for k := a - 1; k >= 0 && k < len(c.clause) && c.clause[k] == c.clause[min(a, len(c.clause)-1)]; k-- {
		for _, w := range an.lx.reschedules {
			if k+len(w) <= len(c.toks) && matchWords(c.toks[k:k+len(w)], w) {
				for j := k + len(w); j < a; j++ {
					if c.content[j] && !c.inEntity(j) {
						return c.toks[j].Stem
					}
				}
				return ""
			}
		}
		t := c.toks[k]
		if c.content[k] && (strings.HasPrefix(t.Tag, "VB") || t.Tag == "" && verbOnly(t)) {
			return t.Stem
		}
	}
	return ""
}

// rescheduled reports whether a reschedule word ("pushed back",
// "postponed") stands in the clause of date d.
func (an *analyzer) rescheduled(c *claim, d tokenize.DateRef) bool {
	a, _ := tokenRange(c.toks, d.Span)
	for i := range c.toks {
		if i >= len(c.clause) || a >= len(c.clause) || c.clause[i] != c.clause[a] {
			continue
		}
		for _, w := range an.lx.reschedules {
			if i+len(w) <= len(c.toks) && matchWords(c.toks[i:i+len(w)], w) {
				return true
			}
		}
	}
	return false
}

func matchWords(toks []tokenize.Token, words []string) bool {
	for k, w := range words {
		if toks[k].Norm != w {
			return false
		}
	}
	return true
}

// farApart reports whether two counts differ a hundredfold or more:
// sources disagree on a count by a factor, not by orders of magnitude.
func farApart(x, y float64) bool {
	x, y = math.Abs(x), math.Abs(y)
	if x > y {
		x, y = y, x
	}
	return x == 0 || y/x >= 100
}

func hasPrefixAny(w string, ps []string) bool {
	for _, p := range ps {
		if strings.HasPrefix(w, p+" ") || strings.HasPrefix(w, p+"\u00a0") {
			return true
		}
	}
	return false
}

// rangesMeet reports whether two written amounts can both be true.
func rangesMeet(wx string, x tokenize.Quantity, wy string, y tokenize.Quantity) bool {
	lx, hx := valueRange(wx, x)
	ly, hy := valueRange(wy, y)
	return lx <= hy && ly <= hx
}

// quantities agree when equal, or within 10% when either is approximate
// or rounded.
func valuesAgree(x, y tokenize.Quantity) bool {
	if x.Value == y.Value {
		return true
	}
	m := math.Max(math.Abs(x.Value), math.Abs(y.Value))
	if m == 0 {
		return true
	}
	d := math.Abs(x.Value-y.Value) / m
	if x.Approx || y.Approx {
		return d <= 0.10
	}
	return d <= 0.01
}

func yearLike(c *claim, q tokenize.Quantity) bool {
	// A year is never written with a thousands separator: "1,800 drivers".
	return q.Unit == "" && q.Value >= 1800 && q.Value <= 2100 && q.Value == math.Trunc(q.Value) &&
		!strings.Contains(c.d.Text(q.Span), ",")
}

// detectNumeric: the same quantity of the same thing, for the same party,
// with different values. A deal's size and a funding round's size are
// different things, so they are never compared.
func (an *analyzer) detectNumeric(a, b *claim) (judgement, bool) {
	var agree judgement
	agreed := false
	for _, x := range a.qty {
		for _, y := range b.qty {
			if x.q.Unit != y.q.Unit || yearLike(a, x.q) || yearLike(b, y.q) {
				continue
			}
			sameThing := countShared(x.measures, y.measures) > 0
			sameActor := x.actor != "" && y.actor != "" && a.parties.same(x.actor, y.actor)
			// Different actors are different amounts, unless each
			// statement names the other's actor too: "Portside agreed a
			// £32m fee with Riverton for Okafor" and "Okafor joined
			// Portside from Riverton for £28m" tell one transaction.
			if x.actor != "" && y.actor != "" && !sameActor && !(names(a, y.actor) && names(b, x.actor)) {
				continue
			}
			if valuesAgree(x.q, y.q) {
				if (sameThing || sameActor) && !agreed && (len(x.measures) > 0 || sameActor) {
					agree = judgement{
						kind:  KindAgreement,
						score: clamp01(0.6 + 0.2*b2f(sameThing) + 0.2*b2f(sameActor)),
						cues:  []Cue{{Kind: "number", Text: fmt.Sprintf("%s = %s", txt(a, x.q.Span), txt(b, y.q.Span))}},
						hlA:   []tokenize.Span{x.q.Span},
						hlB:   []tokenize.Span{y.q.Span},
						expl: fmt.Sprintf("%s and %s both give %s (%q, %q).", src(a), src(b),
							x.what, txt(a, x.q.Span), txt(b, y.q.Span)),
						keyA: qkey(x),
						keyB: qkey(x),
					}
					agreed = true
				}
				continue
			}
			if !sameThing || len(x.measures) == 0 {
				continue
			}
			if rangesMeet(txt(a, x.q.Span), x.q, txt(b, y.q.Span), y.q) {
				continue // "more than 200" and "276" can both be true
			}
			if subsetOf(a, x, b, y) || subsetOf(b, y, a, x) {
				continue // "two clubs have objected" and "the ten clubs"
			}
			if an.movement(a, x) && an.movement(b, y) && !sameDay(a, b) {
				continue // "shares rose 7%" one day, "fell 5%" the next
			}
			if isRate(x) != isRate(y) {
				continue // "1.2 million pots a week" and "48,000 pots"
			}
			if x.q.Unit == "" && farApart(x.q.Value, y.q.Value) {
				continue // "two people" and "9,000 staff" count different things
			}
			if differentObjects(a, x, b, y) {
				continue
			}
			if x.actor == "" && y.actor == "" && x.head != y.head && countShared(x.measures, y.measures)*2 < max(len(x.measures), len(y.measures)) {
				continue
			}
			score := 0.6 + 0.15*b2f(sameActor) + 0.1*math.Min(float64(countShared(x.measures, y.measures)), 2)/2
			score *= hedgeFactor(a, b)
			return judgement{
				kind:  KindNumeric,
				score: clamp01(score),
				cues: []Cue{
					{Kind: "number", Side: "a", Text: txt(a, x.q.Span)},
					{Kind: "number", Side: "b", Text: txt(b, y.q.Span)},
					{Kind: "measure", Text: x.what},
				},
				hlA: []tokenize.Span{x.q.Span},
				hlB: []tokenize.Span{y.q.Span},
				expl: fmt.Sprintf("%s gives %s for %s; %s gives %s.", src(a), txt(a, x.q.Span),
					x.what, src(b), txt(b, y.q.Span)),
				keyA:     qkey(x),
				keyB:     qkey(y),
				specific: true,
			}, true
		}
	}
	return agree, agreed
}

// differentObjects reports whether two amounts are for different named
// things: both name theirs and the names differ, or one names a thing the
// other source never mentions at all ("a fee of £18 million" in an article
// about one player against "a fee of £7 million for X", another player).
func differentObjects(a *claim, x quant, b *claim, y quant) bool {
	switch {
	case x.object != "" && y.object != "":
		return !a.parties.same(x.object, y.object)
	case y.object != "":
		return !mentions(a, y.object)
	case x.object != "":
		return !mentions(b, x.object)
	}
	return false
}

// mentions reports whether c's document names the party of entity name
// anywhere.
// names reports whether claim c itself mentions the party name.
func names(c *claim, name string) bool {
	for _, e := range c.ents {
		if c.parties.same(e.name, name) {
			return true
		}
	}
	return false
}

func mentions(c *claim, name string) bool {
	for _, s := range c.d.Sentences {
		for _, m := range s.Mentions {
			n := m.Entity
			if n == "" {
				n = strings.ToLower(c.d.Text(m.Span))
			}
			if c.parties.same(n, name) {
				return true
			}
		}
	}
	return false
}

func qkey(q quant) string {
	return fmt.Sprintf("qty:%s:%.3g:%s", q.q.Unit, q.q.Value, strings.Join(q.measures, " "))
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

func clamp01(x float64) float64 { return math.Max(0, math.Min(1, x)) }

// overlap returns the shared content stems of two claims and the share of
// the smaller claim they cover.
func overlap(a, b *claim) (int, float64) {
	var n int
	switch {
	case a.overlapWith == b:
		n = a.overlapN
	case b.overlapWith == a:
		n = b.overlapN
	default:
		if a.stemIDs != nil && b.stemIDs != nil {
			n = countCommon(a.stemIDs, b.stemIDs)
		} else {
			n = countShared(a.stems, b.stems)
		}
		a.overlapWith, a.overlapN = b, n
	}
	m := min(len(a.stems), len(b.stems))
	if m == 0 {
		return n, 0
	}
	return n, float64(n) / float64(m)
}

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
		// "Declined to confirm or deny" denies nothing.
		if cu.a >= 2 && c.toks[cu.a-1].Norm == "or" && (c.toks[cu.a-2].Norm == "confirm" || c.toks[cu.a-2].Norm == "admit") {
			continue
		}
		// A denial negates a whole proposition: "denied reports that it
		// plans to cut jobs" reaches the jobs, within its clause.
		reach := 3
		if cu.word == "denied" || cu.word == "dismissed" {
			reach = 8
		}
		for k := cu.b; k < len(c.toks) && k <= cu.b+reach && (reach == 3 || c.clause[k] == c.clause[cu.a]); k++ {
			if c.content[k] && o.hasWord(c.toks[k]) {
				return cu, true
			}
		}
	}
	return cueAt{}, false
}

func has(sorted []string, s string) bool {
	lo, hi := 0, len(sorted)
	for lo < hi {
		m := (lo + hi) / 2
		if sorted[m] < s {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo < len(sorted) && sorted[lo] == s
}

// refusalOfThing reports whether a negation cue is a verb of refusal with
// a thing as its object: "rejected the offer" refuses what "offered a
// rise" says was made, so it negates nothing the other side says; only
// "refused to pay" negates an act. Acceptance against rejection is the
// antonym detector's.
func refusalOfThing(c *claim, cu cueAt) bool {
	return (cu.word == "rejected" || cu.word == "refused") && (cu.b >= len(c.toks) || c.toks[cu.b].Norm != "to")
}

// negatesAct is hasNegation without refusals of a thing.
func negatesAct(c *claim) bool {
	for _, cu := range c.cues {
		if cu.kind == tokenize.CueNegation && !refusalOfThing(c, cu) {
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
		if s := stem(base); s != t.Stem {
			return s
		}
	}
	return ""
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

// reportVerbs close "no X were reported": the sentence says X did not
// happen at all, whatever the verb.
var reportVerbs = map[string]bool{"reported": true, "recorded": true, "confirmed": true, "found": true, "registered": true}

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
			case reportVerbs[n]:
				closed, verb = true, n
			case n == "were" || n == "was" || n == "have" || n == "has" || n == "had" || n == "been" || n == "be":
			default:
				k = len(b.toks)
			}
		}
		if !closed {
			continue
		}
		stem := b.toks[x].Stem
		for i, t := range a.toks {
			if !a.content[i] || len(stem) < 5 || len(t.Stem) < 5 || !strings.HasPrefix(t.Stem, stem[:5]) && !strings.HasPrefix(stem, t.Stem[:5]) {
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
	n, share := overlap(a, b)
	if n < 3 || share < 0.5 {
		return judgement{}, false
	}
	// "not rise" versus "fall" agree. Asked before the search, not after
	// the first antonym is found: the answer is no either way, and the
	// word-net lookups are the costliest step of comparing two claims.
	if negatesAct(a) != negatesAct(b) {
		return judgement{}, false
	}
	var aBuf, bBuf [maxOnly]int
	aOnly, bOnly := onlyIn(a, b, &aBuf), onlyIn(b, a, &bBuf)
	// Each word's word-net readings are looked up once, not once per
	// word it is tested against (up to 30 × 30), and a word of a with no
	// antonym link at all skips the word-net test; the answers are those
	// of wn.Antonym on the words.
	var rb [maxOnly]wn.Readings
	bRead := false
	for _, i := range aOnly {
		t := a.toks[i]
		rt := wn.ReadingsOf(t.Norm)
		canOppose := rt.CanOppose()
		if canOppose && !bRead {
			for n, k := range bOnly {
				rb[n] = wn.ReadingsOf(b.toks[k].Norm)
			}
			bRead = true
		}
		for n, k := range bOnly {
			u := b.toks[k]
			if !(an.lx.opposite(t.Stem, u.Stem) || canOppose && wn.AntonymOf(&rt, &rb[n]) != wn.NotAntonym) {
				continue
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

// detectRestatement finds agreements that are not numbers: the same
// exclusive provider, the same reported end of a state, or a near-verbatim
// restatement with the same polarity.
func (an *analyzer) detectRestatement(a, b *claim) (judgement, bool) {
	for _, x := range a.excl {
		for _, y := range b.excl {
			if !a.parties.same(x.ent.name, y.ent.name) || countShared(x.scope, y.scope) == 0 {
				continue
			}
			_, cha := changedNear(a, x.cue.a, x.cue.b)
			_, chb := changedNear(b, y.cue.a, y.cue.b)
			if cha != chb {
				continue
			}
			return judgement{
				kind:  KindAgreement,
				score: 0.7,
				cues:  []Cue{{Kind: "exclusivity", Side: "a", Text: x.cue.text}, {Kind: "exclusivity", Side: "b", Text: y.cue.text}},
				hlA:   []tokenize.Span{x.cue.span, x.ent.span},
				hlB:   []tokenize.Span{y.cue.span, y.ent.span},
				expl:  fmt.Sprintf("%s and %s both say %s is exclusive (%q, %q).", src(a), src(b), txt(a, x.ent.span), x.cue.text, y.cue.text),
				keyA:  "excl:" + x.ent.group,
				keyB:  "excl:" + x.ent.group,
			}, true
		}
	}
	// stateCue asks for an exclusivity cue and a change cue on each side:
	// the flags rule most pairs out without the search.
	const stateFlags = flExclusive | flChange
	if a.has&stateFlags == stateFlags && b.has&stateFlags == stateFlags {
		if ea, xa, ok := stateCue(a, tokenize.CueChange, 5); ok {
			if eb, xb, ok := stateCue(b, tokenize.CueChange, 5); ok && sharedGroups(a, b) > 0 {
				return judgement{
					kind:  KindAgreement,
					score: 0.65,
					cues:  []Cue{{Kind: "change", Side: "a", Text: ea.text}, {Kind: "change", Side: "b", Text: eb.text}},
					hlA:   []tokenize.Span{ea.span, xa.span},
					hlB:   []tokenize.Span{eb.span, xb.span},
					expl:  fmt.Sprintf("%s and %s both say the exclusivity ended (%q, %q).", src(a), src(b), ea.text, eb.text),
					keyA:  "state:ended",
					keyB:  "state:ended",
				}, true
			}
		}
	}
	if state, ca, cb, ok := sameState(a, b); ok {
		return judgement{
			kind:  KindAgreement,
			score: 0.6,
			cues:  []Cue{{Kind: "continuation", Side: "a", Text: ca.text}, {Kind: "continuation", Side: "b", Text: cb.text}, {Kind: "state", Text: state}},
			hlA:   []tokenize.Span{ca.span},
			hlB:   []tokenize.Span{cb.span},
			expl:  fmt.Sprintf("%s and %s both say it goes on (%q, %q).", src(a), src(b), ca.text, cb.text),
			keyA:  "state:continues:" + state,
			keyB:  "state:continues:" + state,
		}, true
	}
	if shared, ok := sameClause(a, b); ok {
		return judgement{
			kind:  KindAgreement,
			score: 0.6,
			cues:  []Cue{{Kind: "overlap", Text: fmt.Sprintf("%d shared words in one clause", len(shared))}},
			expl:  fmt.Sprintf("%s and %s make the same statement in one clause.", src(a), src(b)),
			keyA:  "same:" + strings.Join(shared, " "),
			keyB:  "same:" + strings.Join(shared, " "),
		}, true
	}
	n, share := overlap(a, b)
	if n >= 4 && share >= 0.7 && hasNegation(a) == hasNegation(b) && !a.heading && !b.heading {
		return judgement{
			kind:  KindAgreement,
			score: clamp01(0.4 + 0.4*share),
			cues:  []Cue{{Kind: "overlap", Text: fmt.Sprintf("%d shared words", n)}},
			expl:  fmt.Sprintf("%s and %s make nearly the same statement.", src(a), src(b)),
			keyA:  "same:" + strings.Join(a.stems, " "),
			keyB:  "same:" + strings.Join(a.stems, " "),
		}, true
	}
	return judgement{}, false
}

// sameClause finds a clause of a and a clause of b that say the same thing:
// at least four content words and entities in common, covering three
// quarters of the longer clause, with no negation, number or condition in
// either ("it is the largest private employer in Varde" and "The mill is
// the largest private employer in Varde, and ..."). Articles that agree
// often wrap one shared statement in different sentences. It returns the
// shared terms, sorted.
func sameClause(a, b *claim) ([]string, bool) {
	if a.cond || b.cond || a.heading || b.heading {
		return nil, false
	}
	// Every test below is symmetric in a and b, so when compare asks for
	// (b, a) after (a, b) found nothing, the answer is no again.
	if b.noClauseWith == a {
		return nil, false
	}
	ca, cb := a.clauseTerms(), b.clauseTerms()
	for _, x := range ca {
		for _, y := range cb {
			// At most the shorter clause can be shared: clauses of
			// lengths too far apart fail without counting.
			if 4*min(len(x), len(y)) < 3*max(len(x), len(y)) {
				continue
			}
			// Count first (both are sorted unique, so a merge counts
			// them): most clause pairs fail, and need no slice.
			n := countShared(x, y)
			if n < 4 || 4*n < 3*max(len(x), len(y)) {
				continue
			}
			shared := make([]string, 0, n)
			for _, t := range x {
				if has(y, t) {
					shared = append(shared, t)
				}
			}
			return shared, true
		}
	}
	a.noClauseWith = b
	return nil, false
}

// clauseTerms returns, for each clause of c free of negation, quantities
// and hedges, its content stems and entity groups, sorted unique.
func (c *claim) clauseTerms() [][]string {
	if !c.clauseDone {
		c.clauseCache, c.clauseDone = c.computeClauseTerms(), true
	}
	return c.clauseCache
}

func (c *claim) computeClauseTerms() [][]string {
	if len(c.clause) == 0 {
		return nil
	}
	// Clause numbers run from 0 up to the last token's, so slices indexed
	// by clause serve where maps did, without hashing.
	nc := c.clause[len(c.clause)-1] + 1
	bad := make([]bool, nc)
	for _, cu := range c.cues {
		switch cu.kind {
		case tokenize.CueNegation, tokenize.CueHedge, tokenize.CueChange:
			if cu.a < len(c.clause) {
				bad[c.clause[cu.a]] = true
			}
		}
	}
	for _, q := range c.qty {
		if q.a < len(c.clause) {
			bad[c.clause[q.a]] = true
		}
	}
	terms := make([][]string, nc)
	for i := range c.toks {
		if c.content[i] && !bad[c.clause[i]] && !c.isCue(i) {
			terms[c.clause[i]] = append(terms[c.clause[i]], c.toks[i].Stem)
		}
	}
	for _, e := range c.ents {
		if !bad[c.clause[e.a]] {
			terms[c.clause[e.a]] = append(terms[c.clause[e.a]], "@"+e.group)
		}
	}
	var out [][]string
	for cl := range nc {
		if !bad[cl] && len(terms[cl]) >= 4 {
			out = append(out, uniq(terms[cl]))
		}
	}
	return out
}

// sameState reports whether a and b both say the same state goes on
// ("production continues at the plant"), with the same conditions as
// detectStateChange: a shared party, two shared content words and a word
// both cues govern. It returns that word and both cues.
func sameState(a, b *claim) (string, cueAt, cueAt, bool) {
	// Both need a continuation cue (firstCue below); the flags say so
	// without the search.
	if a.cond || b.cond || a.has&b.has&flContinue == 0 {
		return "", cueAt{}, cueAt{}, false
	}
	ca, ok1 := firstCue(a, tokenize.CueContinue)
	cb, ok2 := firstCue(b, tokenize.CueContinue)
	if !ok1 || !ok2 || a.speculativeAt(ca.a) || b.speculativeAt(cb.a) {
		return "", cueAt{}, cueAt{}, false
	}
	if _, neg := changedNear(a, ca.a, ca.b); neg {
		return "", cueAt{}, cueAt{}, false
	}
	if _, neg := changedNear(b, cb.a, cb.b); neg {
		return "", cueAt{}, cueAt{}, false
	}
	if sharedGroups(a, b) < 1 || sharedContent(a, b) < 2 {
		return "", cueAt{}, cueAt{}, false
	}
	sb := b.governed(cb, 4)
	for _, x := range a.governed(ca, 4) {
		if looseIn(x, sb) {
			return x, ca, cb, true
		}
	}
	return "", cueAt{}, cueAt{}, false
}
