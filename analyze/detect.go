package analyze

import (
	"cmp"
	"math"
	"math/bits"
	"sort"
	"strings"
	"time"

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
	anyA, anyB   claimFlags // when not zero, at least one of these on a, on b
	noneA, noneB claimFlags // none of these on a, on b
}

// metA and metB report whether a claim with flags a (b) passes the
// opening tests as the first (second) claim of a pair. The two are apart,
// so each claim's part is found once (eligibility).
func (n detectorNeeds) metA(a claimFlags) bool {
	return a&n.allA == n.allA && (n.anyA == 0 || a&n.anyA != 0) && a&n.noneA == 0
}

func (n detectorNeeds) metB(b claimFlags) bool {
	return b&n.allB == n.allB && (n.anyB == 0 || b&n.anyB != 0) && b&n.noneB == 0
}

// eligibility returns, as bit masks over ds (at most 64 detectors), the
// detectors whose needs flags f meet on the first claim (asA) and on the
// second (asB). A pair (a, b) reaches detector i forwards when bit i is in
// a's asA and b's asB: two ANDs per pair instead of every detector's
// tests.
func eligibility(ds []detector, f claimFlags) (asA, asB uint64) {
	for i, d := range ds {
		if d.needs.metA(f) {
			asA |= 1 << i
		}
		if d.needs.metB(f) {
			asB |= 1 << i
		}
	}
	return asA, asB
}

// eligible returns c's eligibility for ds, kept for the package's
// detectors (compare), found afresh for others (the tests' plain ones).
func (c *claim) eligible(ds []detector) (asA, asB uint64) {
	if len(ds) > 0 && len(detectors) > 0 && &ds[0] == &detectors[0] {
		if !c.eligDone {
			c.eligA, c.eligB = eligibility(detectors, c.has)
			c.eligDone = true
		}
		return c.eligA, c.eligB
	}
	return eligibility(ds, c.has)
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
	{(*analyzer).detectExists, detectorNeeds{allB: flNegation, noneA: flCond, noneB: flCond}},
	{(*analyzer).detectKeptState, detectorNeeds{allA: flContinue, allB: flOppose, noneA: flCond, noneB: flCond}},
	{(*analyzer).detectStillWithout, detectorNeeds{allA: flChange, noneA: flCond, noneB: flCond}},
	{(*analyzer).detectEffort, detectorNeeds{allA: flEnded, allB: flEffort, noneA: flCond, noneB: flCond}},
	{(*analyzer).detectNone, detectorNeeds{allA: flDone, allB: flNone, noneA: flCond, noneB: flCond}},
	{(*analyzer).detectAllSome, detectorNeeds{allA: flAllHalted, allB: flSomeRan, noneA: flCond, noneB: flCond}},
	{(*analyzer).detectHeld, detectorNeeds{allA: flHeld, allB: flPutOff, noneA: flCond, noneB: flCond}},
	{(*analyzer).detectAllOnly, detectorNeeds{allA: flAllOf, allB: flOnlyOf, noneA: flCond, noneB: flCond}},
	{(*analyzer).detectDeath, detectorNeeds{allA: flDeathSaid, allB: flDeathDenied, noneA: flCond | flDeathDenied, noneB: flCond}},
	{(*analyzer).detectEarlyEnd, detectorNeeds{anyA: flChange | flContinue, allB: flChange, noneA: flCond, noneB: flCond}},
	{(*analyzer).detectHarm, detectorNeeds{allA: flHarm, allB: flHarm, noneA: flCond, noneB: flCond}},
	{(*analyzer).detectCause, detectorNeeds{allA: flCause, allB: flCause, noneA: flCond, noneB: flCond}},
	{(*analyzer).detectTwoCauses, detectorNeeds{allA: flCause, allB: flCause, noneA: flCond, noneB: flCond}},
	{(*analyzer).detectRank, detectorNeeds{allA: flRank, allB: flRank, noneA: flCond, noneB: flCond}},
	{(*analyzer).detectVote, detectorNeeds{allA: flVote, allB: flVote, noneA: flCond, noneB: flCond}},
	{(*analyzer).detectTally, detectorNeeds{allA: flTally, allB: flTally, noneA: flCond, noneB: flCond}},
	{(*analyzer).detectSchedule, detectorNeeds{allA: flSchedule, allB: flSchedule, noneA: flCond, noneB: flCond}},
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
	// Two statements that each single out a different named member
	// ("waits were shortest at Kellbridge General", "longest at St
	// Aidan's") are about two things, whatever their words and figures.
	if pickedElsewhere(a, b) && pickedElsewhere(b, a) {
		return judgement{}, false
	}
	// So are statements of two groups: "among younger voters", "among
	// older voters".
	if sa, sb := a.amongScope(), b.amongScope(); len(sa) > 0 && len(sb) > 0 && !subset(sa, sb) && !subset(sb, sa) {
		return judgement{}, false
	}
	// Most aligned pairs share a few words and nothing any detector needs:
	// leave them at once.
	if !a.shaped() && !b.shaped() && !pairedShapes(a.has, b.has) && !pairedShapes(b.has, a.has) {
		if n, _ := overlap(a, b); n < 3 {
			return judgement{}, false
		}
	}
	var best judgement
	found := false
	aA, aB := a.eligible(dets)
	bA, bB := b.eligible(dets)
	fwdMask, backMask := aA&bB, bA&aB
	if len(dets) < 64 {
		fwdMask &= 1<<len(dets) - 1 // a prefix of the detectors (different times)
		backMask &= 1<<len(dets) - 1
	}
	for todo := fwdMask | backMask; todo != 0; todo &= todo - 1 {
		i := bits.TrailingZeros64(todo)
		det := dets[i]
		fwd, back := fwdMask&(1<<i) != 0, backMask&(1<<i) != 0
		for _, swap := range [2]bool{false, true} {
			x, y := a, b
			if swap {
				x, y = b, a
			}
			if swap && !back || !swap && !fwd {
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
	if ma, mb := a.months, b.months; ma != 0 && mb != 0 && ma&mb == 0 {
		return true // "sales rose in March", "sales fell in April"
	}
	if len(a.dates) == 0 || len(b.dates) == 0 {
		return false
	}
	// A figure set in a period ("in 1998, killed 41 people") and one timed
	// to a day outside it ("rose to 22 on Monday"): two events.
	if periodBeside(a, b) || periodBeside(b, a) {
		return true
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

// periodBeside reports whether a names only periods, each set with "in"
// ("in 1998": as datedElsewhere, only "in" sets the time; "down from 60,000
// last year" dates the other figure), and b only days, all of them outside
// a's periods.
func periodBeside(a, b *claim) bool {
	for _, x := range a.dates {
		k, _ := tokenRange(a.toks, x.Span)
		if !period(x) || k == 0 || k > len(a.toks) || a.toks[k-1].Norm != "in" {
			return false
		}
	}
	for _, d := range b.dates {
		if period(d) || d.From.IsZero() {
			return false
		}
		for _, x := range a.dates {
			if !d.From.Before(x.From) && !d.From.After(x.To) {
				return false
			}
		}
	}
	return true
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
	return c.has&(flQty|flBound|flHost|flNegation|flContinue|flChange|flApproval|flObjection|flExclusive|flDay|flHarm|flCause|flRank|flVote|flSchedule) != 0
}

// pairedShapes reports whether claims with flags a and b carry the two
// sides of one of the detectors that read statements sharing few words
// ("the leak has been stopped" and "working to seal the leak"; "no
// arrests" and "were arrested"): only such a pair, not every claim with
// one side, passes over the overlap test.
func pairedShapes(a, b claimFlags) bool {
	for _, p := range [...][2]claimFlags{{flEnded, flEffort}, {flDeathSaid, flDeathDenied}, {flDone, flNone}, {flAllHalted, flSomeRan}, {flHeld, flPutOff}, {flTally, flTally}} {
		if a&p[0] != 0 && b&p[1] != 0 {
			return true
		}
	}
	return false
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

// spanPair is the finding of span sa of a against span sb of b, each cue
// named by its kind and read as written: scored base, lowered for hedging.
// The detectors that find one phrase on each side (a cause against "not
// known", a unanimous vote against a dissent, two ranks, two tallies)
// build their findings through it.
func spanPair(kind Kind, base float64, a *claim, sa tokenize.Span, cueA string, b *claim, sb tokenize.Span, cueB string, expl, keyA, keyB string) judgement {
	return judgement{
		kind:  kind,
		score: clamp01(base * hedgeFactor(a, b)),
		cues:  []Cue{{Kind: cueA, Side: "a", Text: txt(a, sa)}, {Kind: cueB, Side: "b", Text: txt(b, sb)}},
		hlA:   []tokenize.Span{sa},
		hlB:   []tokenize.Span{sb},
		expl:  expl,
		keyA:  keyA,
		keyB:  keyB,
	}
}
