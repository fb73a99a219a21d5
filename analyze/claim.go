package analyze

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	wn "github.com/crosscheck-go/crosscheck/internal/lexicon"
	"github.com/crosscheck-go/crosscheck/tokenize"
)

// maxClaimTokens bounds the tokens of one claim.
const maxClaimTokens = 400

// claim is one sentence reduced to what the detectors need. Token indices
// are relative to the sentence's first token.
type claim struct {
	doc, sent int
	d         *tokenize.Document
	lx        *lexicon
	parties   grouper
	span      tokenize.Span
	toks      []tokenize.Token
	clause    []int  // clause number of each token
	content   []bool // token is a content word (not a stop word, not inside a mention)
	stems     []string
	// stemIDs numbers stems within one Run (internStems), sorted: nil for
	// a claim made outside Run, which overlap then compares as strings.
	stemIDs   []int32
	ents      []entRef
	groups    []string // sorted unique entity groups
	cues      []cueAt
	hedged    bool
	cond      bool // conditional or question: not an assertion at all
	hedgeWord string
	asserter  string
	excl      []binding // exclusivity cue bound to a provider
	host      []binding // hosting verb bound to a provider
	multi     []cueAt
	qty       []quant
	dates     []tokenize.DateRef
	months    uint16    // recordMonths, found once: differentTimes asks on every pair
	seen      wordFlags // the word classes of the claim's words, so finders can skip it
	// deathDenied and deathSaid are the spans denying any death ("all of
	// the miners survived") and reporting one ("one of them died"), found
	// once by findDeath.
	deathDenied, deathSaid tokenize.Span
	// done holds the things said done with a passive verb ("were
	// arrested"), each as a stem of the verb: found once, for detectNone.
	done []thingAt
	// things are the claim's things found once for the detectors that
	// read statements sharing few words (claimThings); most claims have
	// none, and then it points at an empty shared value.
	things *claimThings
	// opp holds the content tokens with a configured opposite (their
	// stem's or base's), found once when the claim has flOppose: the
	// opposed* finders read them on every pair.
	opp []int
	// keptOpp holds the opposites of a state the claim says is kept
	// ("remains in custody": release), found once: an index marker pairs
	// the claim with those that hold one ("was released on bail"), which
	// may share no other word.
	keptOpp   []string
	ranks     []rank
	schedules []schedule
	heading   bool
	// harm, harmSigns and unharmed hold the token ranges of harm words
	// ("injured"), signs of harm ("hospital") and unharmed words
	// ("unhurt"), found by findHarm.
	harm, harmSigns, unharmed [][2]int
	// causeAt and unknownAt hold the token ranges of phrases naming a
	// cause ("started by") and saying it is not known ("under
	// investigation"), found by findCause.
	causeAt, unknownAt [][2]int
	// unanimous and dissent hold the token ranges of phrases saying a
	// vote was unanimous or that some voted otherwise (findVotes).
	unanimous, dissent [][2]int
	// tallies are its vote counts and scores (findTallies).
	tallies []tally
	// has holds the claimFlags of what the claim carries, set once by
	// newClaim, so that compare can pass over a detector that cannot fire
	// on a pair without calling it (see detectorNeeds).
	has claimFlags
	// day is the claim's one date of an event (eventDay), when hasDay:
	// found once here, read by detectDate on every pair.
	day    tokenize.DateRef
	hasDay bool
	// Caches filled on first use: a claim is compared with many others.
	wordsCache   []string
	contentCache []string
	// overlapWith and overlapN remember the last overlap computed with
	// this claim: compare runs up to seven detectors, both ways round, on
	// one pair, and most of them start with the same overlap.
	overlapWith *claim
	overlapN    int
	// clauseCache holds clauseTerms, which sameClause asks for on every
	// pair; clauseDone tells an empty result from one not yet computed.
	clauseCache [][]string
	clauseDone  bool
	// noAntonymWith is the last claim detectAntonym found no antonym
	// against, with this claim first (see detectAntonym).
	noAntonymWith *claim
	// picked is pickedOut's answer once pickedDone, among amongScope's
	// once amongDone: compare asks on every pair.
	picked     string
	pickedDone bool
	among      []string
	amongDone  bool
	// eligA and eligB are the detectors c's flags allow with c first and
	// with c second, once eligDone (eligible).
	eligA, eligB uint64
	eligDone     bool
	// antProfile is searchAntonym's view of the tokens (antonymProfile).
	antProfile *antonymProfile
	// noClauseWith is the last claim sameClause found no shared clause
	// with, this claim first (see sameClause).
	noClauseWith *claim
}

type entRef struct {
	name, group string
	span        tokenize.Span
	a, b        int // token range
}

type cueAt struct {
	kind tokenize.CueKind
	word string // the canonical cue from the configuration
	text string // the words as written, lower case
	span tokenize.Span
	a, b int // token range
}

// binding ties a cue or verb to the entity it is about: "solely on X".
type binding struct {
	cue   cueAt
	ent   entRef
	scope []string // content stems of the cue's clause, sorted unique
	words []string // the clause's content words, lower case
	// strength grades the binding: 1 for an explicit "solely on X" after a
	// hosting verb, less for a role noun or a bare link.
	strength float64
}

// quant is a quantity with the thing it measures and who it belongs to.
type quant struct {
	q        tokenize.Quantity
	measures []string // stems of the head nouns, sorted unique
	actor    string   // entity name, or ""
	// object is the named thing the amount is paid or counted for ("£7
	// million for Lars Vinter"), or "": two amounts for different things
	// are not one quantity.
	object string
	// qualifier is a name between the count and its noun ("four Varga
	// paintings"), which the other statement must name for the counts to
	// be one.
	qualifier string
	// act is the lemma of the verb a count of people is governed by
	// ("300 people worked", "injuring 23 people"), or "".
	act string
	// event is the stem (or measure group) of the verb of the event an
	// amount of time or matter measures ("barrels had escaped"), or "".
	event string
	// noun is set when the amount is followed by the noun it counts
	// ("four years in jail"), which its event does not override.
	noun bool
	// byVerb is set when event is a verb's, not a compound's noun.
	byVerb bool
	// past is set on a value said to be of before: "the previous record,
	// 40.1C".
	past bool
	// share is set on a party's share written as such: "Ostrander at
	// 47%", "leads Whitfield 49% to 43%" (bindShares).
	share bool
	what  string // the measured words as written, for explanations
	head  string // the first measured word's stem: the counted noun itself
	a, b  int
}

// grouper maps an entity name to the group of names that denote one party.
type grouper interface {
	group(name string) string
	same(x, y string) bool
	// known returns the entity a one-word name written in lower case
	// denotes, when the story names it elsewhere ("Veridian" at the start
	// of a sentence, where capitals say nothing).
	known(norm string) (string, bool)
	// lead returns the organisation a document is mostly about, which a
	// definite description ("the company", "the group") refers to, or "".
	lead(d *tokenize.Document) string
}

type identity struct{}

func (identity) group(n string) string          { return n }
func (identity) known(string) (string, bool)    { return "", false }
func (identity) lead(*tokenize.Document) string { return "" }
func (identity) same(x, y string) bool          { return x == y || containsWords(x, y) || containsWords(y, x) }

// tokenRange returns the tokens of toks overlapping sp.
func tokenRange(toks []tokenize.Token, sp tokenize.Span) (int, int) {
	a := sort.Search(len(toks), func(i int) bool { return toks[i].End > sp.Start })
	b := a
	for b < len(toks) && toks[b].Start < sp.End {
		b++
	}
	if b == a && a < len(toks) {
		b = a + 1
	}
	return a, b
}

func isDash(s string) bool {
	return s == "—" || s == "–" || s == "-" || s == "--"
}

func newClaim(lx *lexicon, g grouper, d *tokenize.Document, di, si int) *claim {
	s := d.Sentences[si]
	c := &claim{doc: di, sent: si, d: d, lx: lx, parties: g, span: s.Span, heading: s.Heading}
	if s.First < 0 || s.Last > len(d.Tokens) || s.First > s.Last {
		return c
	}
	c.toks = d.Tokens[s.First:s.Last]
	if len(c.toks) > maxClaimTokens {
		// A "sentence" this long is a segmentation failure (a list or a
		// page without punctuation); its head is enough to align it, and
		// the cap keeps every detector linear in the input.
		c.toks = c.toks[:maxClaimTokens]
		c.span.End = c.toks[len(c.toks)-1].End
	}
	n := len(c.toks)
	c.clause = make([]int, n)
	c.content = make([]bool, n)
	inMention := make([]bool, n)
	for _, m := range s.Mentions {
		a, b := tokenRange(c.toks, m.Span)
		if a >= n {
			continue
		}
		for i := a; i < b; i++ {
			inMention[i] = true
		}
		name := m.Entity
		if name == "" {
			name = strings.ToLower(d.Text(m.Span))
		}
		c.ents = append(c.ents, entRef{name: name, group: g.group(name), span: m.Span, a: a, b: b})
	}
	// "The company said it would not pay": news names its subject once and
	// then calls it by what it is. Such a description stands for the
	// organisation the article is mostly about.
	if lead := g.lead(d); lead != "" {
		added := false
		for i := 1; i < n; i++ {
			t := c.toks[i]
			if !lx.orgNouns[t.Norm] || c.toks[i-1].Norm != "the" || inMention[i] || i+1 < n && inMention[i+1] {
				continue
			}
			c.ents = append(c.ents, entRef{name: lead, group: g.group(lead), span: tokenize.Span{Start: c.toks[i-1].Start, End: t.End}, a: i - 1, b: i + 1})
			added = true
		}
		if added {
			sort.SliceStable(c.ents, func(x, y int) bool { return c.ents[x].a < c.ents[y].a })
		}
	}
	// A sentence's first word is not marked as a name by its capital; if
	// the story names it elsewhere, it is that entity here too.
	if n > 0 && !inMention[0] && c.toks[0].Kind == tokenize.Word {
		if name, ok := g.known(c.toks[0].Norm); ok {
			inMention[0] = true
			c.ents = append([]entRef{{name: name, group: g.group(name), span: c.toks[0].Span, a: 0, b: 1}}, c.ents...)
		}
	}
	cl := 0
	stateFirst := make([]bool, n) // tokens that may start a state cue (addStateCues)
	for i, t := range c.toks {
		wf := lx.word[t.Norm]
		c.seen |= wf
		if len(t.Norm) > 5 && strings.HasSuffix(t.Norm, "est") {
			c.seen |= wordOrdinal // a superlative may rank too ("the busiest"); findRanks decides
		}
		if t.Kind == tokenize.Number {
			c.seen |= wordNumber
		}
		stateFirst[i] = wf&wordStateFirst != 0
		if t.Kind == tokenize.Punct || t.Kind == tokenize.Symbol {
			switch {
			case t.Norm == "," || t.Norm == ";" || t.Norm == ":" || t.Norm == "(" || t.Norm == ")":
				cl++
			case isDash(t.Norm) && i > 0 && i+1 < n && c.toks[i-1].End < t.Start && t.End < c.toks[i+1].Start:
				cl++
			}
		} else if t.Kind == tokenize.Word && wf&wordBreak != 0 {
			cl++
		} else if t.Norm == "and" && i+1 < n && reportingVerbs[c.toks[i+1].Norm] {
			// "criticised Eastmark and said the city would review its
			// contract": what is said after is its own clause, so its
			// "would" does not make the criticism a mere possibility.
			cl++
		}
		c.clause[i] = cl
		if t.Kind == tokenize.Word && !inMention[i] && wf&wordStop == 0 && len(t.Norm) > 1 && hasLetter(t.Norm) {
			c.content[i] = true
			c.stems = append(c.stems, t.Stem)
			// "paid" and "pay" share no stem; index the base too.
			if base, ok := wn.IrregularVerb(t.Norm); ok {
				if s := stem(base); s != t.Stem {
					c.stems = append(c.stems, s)
				}
			}
		}
	}
	c.stems = uniq(c.stems)
	for _, e := range c.ents {
		c.groups = append(c.groups, e.group)
	}
	c.groups = uniq(c.groups)

	for _, cu := range s.Cues {
		a, b := tokenRange(c.toks, cu.Span)
		if a >= n {
			continue
		}
		ca := cueAt{kind: cu.Kind, word: cu.Word, text: strings.ToLower(d.Text(cu.Span)), span: cu.Span, a: a, b: b}
		if ca.word == "" {
			ca.word = ca.text
		}
		c.cues = append(c.cues, ca)
		switch cu.Kind {
		case tokenize.CueHedge:
			c.hedged = true
			if c.hedgeWord == "" {
				c.hedgeWord = ca.word
			}
			if ca.word == "if" || ca.word == "unless" || ca.word == "whether" {
				c.cond = true
			}
		case tokenize.CueQuestion:
			c.hedged, c.cond = true, true
		case tokenize.CueAttribution:
			c.hedged = true
			if c.asserter == "" {
				c.asserter = c.attributedTo(ca)
			}
		case tokenize.CueMulti:
			c.multi = append(c.multi, ca)
		}
	}
	c.addStateCues(lx, stateFirst)
	c.addWillClose()
	if n > 0 && c.toks[n-1].Norm == "?" {
		c.hedged, c.cond = true, true
	}
	c.dates = s.Dates
	// The phrase finders below read only claims with a word that can
	// start their phrases: most sentences have none.
	if c.seen&wordPhrase != 0 {
		c.findHarm(lx)
		c.findCause(lx)
		c.findVotes(lx)
	}
	if c.seen&wordNumber != 0 {
		c.tallies = c.findTallies(lx)
		for _, t := range c.tallies {
			if t.vote && t.lo > 0 {
				// "approved 7-2" is a split vote: two voted otherwise.
				c.dissent = append(c.dissent, [2]int{t.a, t.b})
			}
		}
	}
	c.bindExclusivity(lx)
	c.bindHosting(lx)
	c.bindQuantities(lx, c.withCompoundCounts(s.Quantities))
	c.addCountedRoles(lx)
	c.has = c.flags()
	c.things = new(claimThings)
	c.things.without.thing, c.things.without.span, _ = c.findStillWithout()
	c.things.denied.thing, c.things.denied.span, _ = c.findDeniedThing()
	if c.has&flNegation != 0 || c.seen&wordEnd != 0 {
		c.things.ended, _ = c.findEnded()
	}
	if c.seen&wordEnd != 0 {
		c.things.effort, _ = c.findEffort()
	}
	if c.seen&wordDeath != 0 {
		c.deathDenied, c.deathSaid, _ = c.findDeath()
		if c.deathDenied.End > 0 {
			c.has |= flDeathDenied
		}
		if c.deathSaid.End > 0 {
			c.has |= flDeathSaid
		}
	}
	if c.has&flNegation != 0 {
		if t, ok := c.findNoneOf(); ok {
			c.things.none = t
			c.has |= flNone
		}
	}
	if c.done = c.findDone(); len(c.done) > 0 {
		c.has |= flDone
	}
	if c.has&flOppose != 0 {
		for i, t := range c.toks {
			if c.content[i] && (len(lx.antOf[t.Stem]) > 0 || len(lx.antOf[baseStem(t)]) > 0) {
				c.opp = append(c.opp, i)
			}
		}
		if c.has&flContinue != 0 {
			for _, cu := range c.cues {
				if k := keptStateAt(lx, c, cu); k >= 0 {
					c.keptOpp = append(c.keptOpp, lx.antOf[c.toks[k].Stem]...)
				}
			}
		}
	}
	if c.things.allOf, c.things.onlyOf = c.findAllOnly(); c.things.allOf.thing != "" {
		c.has |= flAllOf
	}
	if c.things.onlyOf.thing != "" {
		c.has |= flOnlyOf
	}
	if c.seen&wordHeld != 0 {
		c.things.held, c.things.putOff = c.findHeldOrPutOff()
		if c.things.held.thing != "" {
			c.has |= flHeld
		}
		if c.things.putOff.thing != "" {
			c.has |= flPutOff
		}
	}
	if c.seen&wordAllSome != 0 {
		if t, ok := c.findAllHalted(); ok {
			c.things.allHalted = t
			c.has |= flAllHalted
		}
		if t, ok := c.findSomeRan(); ok {
			c.things.someRan = t
			c.has |= flSomeRan
		}
	}
	if c.things.ended.thing != "" {
		c.has |= flEnded
	}
	if c.things.effort.thing != "" {
		c.has |= flEffort
	}
	if c.seen&wordMonth != 0 {
		c.months = c.recordMonths()
	}
	if *c.things == (claimThings{}) {
		c.things = &noThings
	}
	return c
}

// withCompoundCounts adds to qs the count of a number-unit compound: "a
// four-year contract", "a 10-year deal", "a three-day strike". The
// tokenizer keeps such a compound as one word; its number is the length of
// the thing the next noun names, so "four-year contract" and "five-year
// contract" disagree. Ages ("five-year-old") stay words.
func (c *claim) withCompoundCounts(qs []tokenize.Quantity) []tokenize.Quantity {
	var out []tokenize.Quantity
	for i, t := range c.toks {
		num, unit, ok := strings.Cut(t.Norm, "-")
		if !ok || !timeUnits[strings.TrimSuffix(unit, "s")] || i+1 >= len(c.toks) || !c.content[i+1] || c.toks[i+1].Norm == "old" {
			continue // "a 27-year old man" is an age
		}
		v, ok := numberWord(num)
		if !ok {
			continue
		}
		if out == nil {
			out = append(make([]tokenize.Quantity, 0, len(qs)+1), qs...)
		}
		// The quantity covers the number only, so its measured words are
		// the unit's compound and the noun after it.
		out = append(out, tokenize.Quantity{Span: t.Span, Value: v, Unit: "~" + strings.TrimSuffix(unit, "s")})
	}
	if out == nil {
		return qs
	}
	sort.SliceStable(out, func(x, y int) bool { return out[x].Start < out[y].Start })
	return out
}

// numberWord reads a count written in digits or as a word up to twenty.
func numberWord(s string) (float64, bool) {
	if v, err := strconv.ParseFloat(s, 64); err == nil {
		return v, true
	}
	for i, w := range []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
		"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"} {
		if s == w {
			return float64(i), true
		}
	}
	return 0, false
}

// addCountedRoles adds a plurality cue for a count of more than one before
// a role noun: "two suppliers", "3 providers" say the role is shared as
// plainly as "multiple suppliers" does.
func (c *claim) addCountedRoles(lx *lexicon) {
	for i := 0; i+1 < len(c.toks); i++ {
		t := c.toks[i]
		if !pluralCount(t) || c.isCue(i) {
			continue
		}
		r := c.toks[i+1]
		if !lx.roles[r.Stem] || r.Norm == r.Stem || !strings.HasSuffix(r.Norm, "s") {
			continue // a plural role noun only: "two supplier contracts" is not it
		}
		c.multi = append(c.multi, cueAt{kind: tokenize.CueMulti, word: t.Norm, text: t.Norm, span: t.Span, a: i, b: i + 1})
	}
}

// pluralCount reports whether a token is a count of two or more.
func pluralCount(t tokenize.Token) bool {
	switch t.Norm {
	case "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens", "hundreds":
		return true
	}
	if t.Kind != tokenize.Number {
		return false
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(t.Norm, ",", ""), 64)
	return err == nil && v >= 2 && v < 1000
}

// tokSpan returns the text span of the claim's tokens [i, j), j > i.
func (c *claim) tokSpan(i, j int) tokenize.Span {
	return tokenize.Span{Start: c.toks[i].Start, End: c.toks[j-1].End}
}

// thingAt is a thing a claim speaks of, by stem, with the span saying so.
// claimThings are the things a claim's finders found once, as it is made:
// the detectors ask on every pair. They live apart from the claim because
// most claims have none of them (a shared empty value stands for those):
// eleven of them inline made every claim some 350 bytes larger, and a
// 50 MB article is half a million claims.
type claimThings struct {
	// without and denied: "still without power", "no risk of a tsunami".
	without, denied thingAt
	// effort is a thing someone is trying to end ("working to seal the
	// leak"), ended one said over or not happening ("the leak has been
	// stopped", "not leaking"): for detectEffort.
	effort, ended thingAt
	// none is a thing denied with "no" ("no arrests"), for detectNone.
	none thingAt
	// allHalted is a kind said stopped in full ("all flights were
	// cancelled"), someRan one said partly going on ("some flights
	// operated"): for detectAllSome.
	allHalted, someRan thingAt
	// held is an event said to have taken place ("passed a safety
	// inspection"), putOff one said postponed: for detectHeld.
	held, putOff thingAt
	// allOf is a thing a claim says all of ("all deposits"), onlyOf one
	// it restricts to a kind ("only the insured deposits"): for
	// detectAllOnly.
	allOf, onlyOf thingAt
}

// noThings stands for the things of a claim that has none. It is never
// written: newClaim fills a claim's own value and keeps it only when it
// holds something.
var noThings claimThings

type thingAt struct {
	thing string
	span  tokenize.Span
}

// claimFlags is a set of the things a claim carries that some detector
// needs on one side: a kind of cue, a binding, a quantity.
type claimFlags uint64

const (
	flNegation claimFlags = 1 << iota
	flContinue
	flChange
	flExclusive // an exclusivity cue
	flApproval
	flObjection
	flBound // an exclusivity cue bound to a provider (excl)
	flHost  // a hosting verb bound to a provider
	flMulti // a plurality cue
	flQty
	flCond        // a condition or question, which no detector but numbers and restatement reads
	flDay         // a day that times an event (eventDay, for detectDate)
	flHarm        // a harm or unharmed word (findHarm, for detectHarm)
	flCause       // a cause named or said unknown (findCause, for detectCause)
	flRank        // a rank or a place in a run (findRanks, for detectRank)
	flVote        // a unanimous vote or a dissent (findVotes, for detectVote)
	flSchedule    // a month a thing is planned for (findSchedules, for detectSchedule)
	flOppose      // a content word with a configured opposite (for opposedActs)
	flMove        // a movement verb ("rose", "fell"; for opposedMoves)
	flOccur       // a verb of occurrence ("recorded"; for detectExists' pairing)
	flEnded       // a thing said ended or not happening (findEnded, for detectEffort)
	flEffort      // a thing someone is trying to end (findEffort, for detectEffort)
	flDeathDenied // no one died (findDeath, for detectDeath)
	flDeathSaid   // someone died (findDeath, for detectDeath)
	flNone        // a thing denied with "no" (findNoneOf, for detectNone)
	flDone        // a passive verb ("were arrested"; findDone, for detectNone)
	flAllHalted   // all of a kind stopped (findAllHalted, for detectAllSome)
	flSomeRan     // some of a kind going on (findSomeRan, for detectAllSome)
	flHeld        // an event said held (findHeldOrPutOff, for detectHeld)
	flPutOff      // an event said put off (findHeldOrPutOff, for detectHeld)
	flAllOf       // all of a thing (findAllOnly, for detectAllOnly)
	flOnlyOf      // only a kind of a thing (findAllOnly, for detectAllOnly)
	flTally       // a vote count or a score (findTallies, for detectTally)
)

// flags computes the claim's claimFlags from its cues, bindings and
// quantities.
func (c *claim) flags() claimFlags {
	var f claimFlags
	for _, cu := range c.cues {
		switch cu.kind {
		case tokenize.CueNegation:
			f |= flNegation
		case tokenize.CueContinue:
			f |= flContinue
		case tokenize.CueChange:
			f |= flChange
		case tokenize.CueExclusive:
			f |= flExclusive
		case tokenize.CueApproval:
			f |= flApproval
		case tokenize.CueObjection:
			f |= flObjection
		}
	}
	if len(c.excl) > 0 {
		f |= flBound
	}
	if len(c.host) > 0 {
		f |= flHost
	}
	if len(c.multi) > 0 {
		f |= flMulti
	}
	if len(c.qty) > 0 {
		f |= flQty
	}
	if len(c.harm) > 0 || len(c.harmSigns) > 0 || len(c.unharmed) > 0 {
		f |= flHarm
	}
	if len(c.causeAt) > 0 || len(c.unknownAt) > 0 {
		f |= flCause
	}
	if c.seen&wordOrdinal != 0 {
		c.ranks = c.findRanks()
	}
	if len(c.ranks) > 0 {
		f |= flRank
	}
	if len(c.tallies) > 0 {
		f |= flTally
	}
	if len(c.unanimous) > 0 || len(c.dissent) > 0 {
		f |= flVote
	}
	if c.seen&wordMonth != 0 {
		c.schedules = c.findSchedules()
	}
	if len(c.schedules) > 0 {
		f |= flSchedule
	}
	if c.cond {
		f |= flCond
	}
	for _, t := range c.toks {
		if c.lx.movements[t.Stem] && !particle(t) {
			f |= flMove
		}
		if c.lx.occurrences[t.Norm] {
			f |= flOccur
		}
	}
	for _, s := range c.stems { // content stems and irregular verbs' bases
		if len(c.lx.antOf[s]) > 0 {
			f |= flOppose
			break
		}
	}
	// Only a day that times an event, not "said on Monday": most dated
	// sentences of news carry only the latter, and the flag lets pairs
	// through compare's first filter.
	if c.day, c.hasDay = c.eventDay(); c.hasDay {
		f |= flDay
	}
	return f
}

func hasLetter(s string) bool {
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r > 127 {
			return true
		}
	}
	return false
}

func uniq(ss []string) []string {
	if len(ss) == 0 {
		return nil
	}
	sort.Strings(ss)
	out := ss[:1]
	for _, s := range ss[1:] {
		if s != out[len(out)-1] {
			out = append(out, s)
		}
	}
	return out
}

// attributedTo finds who an attribution cue credits: "according to X",
// "X said", "said X", and for "X, surprised ..., believed" the sentence's
// subject. A name after a preposition ("on X's cloud") is never the
// speaker.
func (c *claim) attributedTo(cu cueAt) string {
	// The cue names the speaker itself: "two people familiar with the
	// matter told ...", "a spokesman for the authority said".
	switch cu.word {
	case "people familiar", "sources familiar":
		return c.phraseFrom(cu.a, "with", "the", "matter", "talks", "deal", "plans", "situation", "negotiations")
	case "spokesperson", "spokesman", "spokeswoman":
		if e, ok := c.mentionAfter(cu.b+1, 2); ok && cu.b < len(c.toks) && (c.toks[cu.b].Norm == "for" || c.toks[cu.b].Norm == "of") {
			return e.name
		}
	}
	if strings.HasPrefix(cu.word, "according") {
		if e, ok := c.mentionAfter(cu.b, 2); ok {
			return e.name
		}
		return c.describedAfter(cu.b)
	}
	// A name after a preposition is an object, also with a determiner
	// between them: "at the Varde mill ..., the union said" is not Varde's
	// statement.
	speaker := func(e entRef) bool {
		switch {
		case e.a == 0:
			return true
		case c.isPreposition(e.a - 1):
			return false
		case e.a >= 2 && determiners[c.toks[e.a-1].Norm] && c.isPreposition(e.a-2):
			return false
		}
		return true
	}
	// Right before the verb: "Microsoft said", "the company's CEO Jane Doe
	// said"; not a name that only qualifies the speaker ("the largest
	// Hollis shareholder said").
	for _, e := range c.ents {
		if e.b <= cu.a && cu.a-e.b <= 2 && speaker(e) && (c.possessive(e) || !c.contentBetween(e.b, cu.a)) {
			return e.name
		}
	}
	// Right after it: "said Microsoft".
	if e, ok := c.mentionAfter(cu.b, 1); ok {
		return e.name
	}
	// An unnamed speaker: "..., the drivers' union said".
	if d := c.describedBefore(cu.a); d != "" {
		return d
	}
	// The sentence's subject, when it comes first ("Marlow's bus strike"
	// is not Marlow speaking).
	if len(c.ents) > 0 && c.ents[0].b <= cu.a && speaker(c.ents[0]) && !c.possessive(c.ents[0]) {
		return c.ents[0].name
	}
	return ""
}

func isPossessiveMark(n string) bool { return n == "'s" || n == "’s" || n == "'" || n == "’" }

// timeUnits make an amount a rate after "a" or "per": "pots a week".
var timeUnits = map[string]bool{"second": true, "minute": true, "hour": true, "day": true, "week": true, "month": true, "quarter": true, "year": true, "season": true, "annum": true, "shift": true}

// countWords may count the people of a description ("two people").
var countWords = map[string]bool{"two": true, "three": true, "four": true, "five": true, "several": true, "some": true, "many": true}

// phraseFrom returns the words from token i on, as written in lower case,
// extended over the given words: "people familiar with the matter". A
// number right before i ("two people") is kept.
func (c *claim) phraseFrom(i int, more ...string) string {
	a := i
	if a > 0 && (c.toks[a-1].Kind == tokenize.Number || countWords[c.toks[a-1].Norm]) {
		a--
	}
	b := min(i+2, len(c.toks))
	for b < len(c.toks) && slices.Contains(more, c.toks[b].Norm) {
		b++
	}
	if a >= b {
		return ""
	}
	return strings.ToLower(c.d.Text(c.tokSpan(a, b)))
}

// describedBefore returns an unnamed speaker ending right before token i,
// a determiner and one to three content words ("the company", "the
// textile union"), or "".
func (c *claim) describedBefore(i int) string {
	for k := i - 2; k >= 0 && k >= i-4; k-- {
		if c.toks[k].Norm != "the" {
			continue
		}
		for m := k + 1; m < i; m++ {
			// A possessive mark may join the words: "the drivers' union".
			if isPossessiveMark(c.toks[m].Norm) {
				continue
			}
			if !c.content[m] || c.isCue(m) {
				return ""
			}
		}
		return strings.ToLower(c.d.Text(c.tokSpan(k, i)))
	}
	return ""
}

// describedAfter returns an unnamed speaker starting at token i ("according
// to the union"): "the" and up to three content words.
func (c *claim) describedAfter(i int) string {
	if i >= len(c.toks) || c.toks[i].Norm != "the" {
		return ""
	}
	end := i + 1
	for end < len(c.toks) && end <= i+3 && c.content[end] && !c.isCue(end) && c.clause[end] == c.clause[i] {
		end++
	}
	if end == i+1 {
		return ""
	}
	return strings.ToLower(c.d.Text(c.tokSpan(i, end)))
}

// mentionAt returns the entity whose mention starts within max tokens after
// token i in the same clause, skipping determiners and possessives.
func (c *claim) mentionAfter(i, max int) (entRef, bool) {
	for _, e := range c.ents {
		if e.a >= i && e.a <= i+max && c.clause[e.a] == c.clause[min(i, len(c.clause)-1)] {
			return e, true
		}
	}
	return entRef{}, false
}

// mentionBefore returns the nearest entity ending before token i in the same
// clause.
func (c *claim) mentionBefore(i int) (entRef, bool) {
	var best entRef
	found := false
	for _, e := range c.ents {
		if e.b <= i && c.clause[e.a] == c.clause[i] && (!found || e.b > best.b) {
			best, found = e, true
		}
	}
	return best, found
}

// actors lists who may perform the act at token i: the sentence's first
// entity (its usual subject), the nearest entity before i in its clause, and
// the entity a statement is attributed to. Without a parser this is a
// small set of guesses rather than one answer.
func (c *claim) actors(i int) []string {
	var out []string
	if len(c.ents) > 0 && c.ents[0].a < i {
		out = append(out, c.ents[0].name)
	}
	// An entity after a preposition ("the sale to X") is an object, not
	// who acts.
	if e, ok := c.mentionBefore(i); ok && (e.a == 0 || !c.isPreposition(e.a-1)) {
		out = append(out, e.name)
	}
	if c.asserter != "" {
		out = append(out, c.asserter)
	}
	return out
}

// reportingVerbs after "and" start a new clause (see newClaim).
var reportingVerbs = map[string]bool{"said": true, "says": true, "added": true, "adds": true, "told": true, "tells": true,
	"warned": true, "warns": true, "noted": true, "notes": true, "insisted": true, "insists": true, "argued": true, "argues": true}

// determiners may stand between "of" and the measured noun.
var determiners = map[string]bool{"the": true, "a": true, "an": true, "its": true, "their": true, "his": true, "her": true, "all": true}

// subjectBefore guesses the subject of the clause holding token i: its
// first entity before i that does not follow a preposition, else the
// nearest entity before i.
func (c *claim) subjectBefore(i int) (entRef, bool) {
	for _, e := range c.ents {
		if e.b <= i && c.clause[e.a] == c.clause[i] && (e.a == 0 || !c.isPreposition(e.a-1)) {
			return e, true
		}
	}
	if e, ok := c.mentionBefore(i); ok {
		return e, true
	}
	// A relative clause acts for the name it follows: "BlackFen, which
	// has hit at least 40 hospitals".
	k := i
	for k > 0 && c.clause[k-1] == c.clause[i] {
		k--
	}
	start := k
	for k < i && c.toks[k].Kind == tokenize.Punct {
		k++
	}
	if k < len(c.toks) && (c.toks[k].Norm == "which" || c.toks[k].Norm == "who") {
		for _, e := range c.ents {
			if e.b <= start && start-e.b <= 1 {
				return e, true
			}
		}
	}
	return entRef{}, false
}

func (c *claim) isPreposition(i int) bool {
	n := c.toks[i].Norm
	return c.lx.links[n] || n == "of" || n == "for" || n == "against" || n == "about"
}

// scope returns the content stems of the clause holding token i.
func (c *claim) scope(i int) []string {
	var out []string
	for j, t := range c.toks {
		if c.clause[j] == c.clause[i] && c.content[j] {
			out = append(out, t.Stem)
		}
	}
	return uniq(out)
}

// scopeWords returns the content words of the clause holding token i as
// written (lower case): opposite affixes ("stateless", "stateful") are
// visible there but may be lost in stems.
func (c *claim) scopeWords(i int) []string {
	var out []string
	for j, t := range c.toks {
		if c.clause[j] == c.clause[i] && c.content[j] {
			out = append(out, t.Norm)
		}
	}
	return uniq(out)
}

// conditionalAt reports whether a conditional hedge ("if", "unless") opens
// the clause holding token i or an earlier part of the sentence.
func (c *claim) conditionalAt(i int) bool {
	for _, cu := range c.cues {
		if cu.kind == tokenize.CueHedge && (cu.word == "if" || cu.word == "unless") && cu.a <= i {
			return true
		}
	}
	return false
}

// bindExclusivity ties each exclusivity cue to the provider it names:
// "solely on X", "is exclusively X", "X remains the sole provider".
func (c *claim) bindExclusivity(lx *lexicon) {
	n := len(c.toks)
	for _, cu := range c.cues {
		if cu.kind != tokenize.CueExclusive || cu.a >= n {
			continue
		}
		if c.conditionalAt(cu.a) {
			continue
		}
		// A noun ("exclusivity") names the state, not who holds it.
		if strings.HasSuffix(cu.text, "ity") || c.speculativeAt(cu.a) {
			continue
		}
		var e entRef
		ok := false
		strength := 0.7
		// "solely on X", "exclusive to X": a link word right after the cue.
		// "with" names a partner, who may be the client, so it binds nothing.
		if j := cu.b; j < n && c.clause[j] == c.clause[cu.a] && lx.links[c.toks[j].Norm] && c.toks[j].Norm != "with" {
			e, ok = c.mentionAfter(j+1, 3)
		}
		// "is exclusively X": the cue right after a copula.
		if !ok && cu.a > 0 && lx.copulas[c.toks[cu.a-1].Norm] {
			e, ok = c.mentionAfter(cu.b, 0)
			strength = 0.6
		}
		// "X remains the sole provider": a role noun after the cue.
		if !ok {
			for j := cu.b; j < n && j <= cu.b+3; j++ {
				if c.clause[j] != c.clause[cu.a] {
					break
				}
				if c.toks[j].Kind == tokenize.Word && lx.roles[c.toks[j].Stem] {
					// "OpenAI's exclusive partner" names the client, not
					// the provider.
					if m, found := c.mentionBefore(cu.a); found && !c.possessive(m) {
						e, ok = m, true
						strength = 0.5
					}
					break
				}
			}
		}
		if ok {
			c.excl = append(c.excl, binding{cue: cu, ent: e, scope: c.scope(cu.a), words: c.scopeWords(cu.a), strength: strength + 0.3*b2f(c.hostedBefore(lx, cu.a))})
		}
	}
}

// hostedBefore reports whether a hosting verb comes just before token i:
// "hosted solely on", "run entirely on".
func (c *claim) hostedBefore(lx *lexicon, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if c.clause[k] != c.clause[i] {
			return false
		}
		if lx.hosting[c.toks[k].Stem] {
			return true
		}
	}
	return false
}

// words returns the sentence's words, lower case, sorted unique.
func (c *claim) words() []string {
	if c.wordsCache != nil {
		return c.wordsCache
	}
	out := make([]string, 0, len(c.toks))
	for _, t := range c.toks {
		if t.Kind == tokenize.Word {
			out = append(out, t.Norm)
		}
	}
	c.wordsCache = uniq(out)
	if c.wordsCache == nil {
		c.wordsCache = []string{}
	}
	return c.wordsCache
}

// contentStems returns the stems of the claim's content words that are not
// cue words, sorted unique.
func (c *claim) contentStems() []string {
	if c.contentCache != nil {
		return c.contentCache
	}
	var out []string
	for i, t := range c.toks {
		if c.content[i] && !c.isCue(i) {
			out = append(out, t.Stem)
		}
	}
	c.contentCache = uniq(out)
	if c.contentCache == nil {
		c.contentCache = []string{}
	}
	return c.contentCache
}

// possessive reports whether a mention is followed by "'s".
func (c *claim) possessive(e entRef) bool {
	if e.b < len(c.toks) && isPossessiveMark(c.toks[e.b].Norm) {
		return true
	}
	if e.b > 0 {
		n := c.toks[e.b-1].Norm
		return strings.HasSuffix(n, "'s") || strings.HasSuffix(n, "’s")
	}
	return false
}

// speculativeAt reports whether a speculative modal ("may", "could")
// governs token i: such a clause states a possibility, not a fact.
func (c *claim) speculativeAt(i int) bool {
	for _, cu := range c.cues {
		if cu.kind == tokenize.CueHedge && c.lx.speculative[cu.word] && cu.a < len(c.clause) && c.clause[cu.a] == c.clause[min(i, len(c.clause)-1)] {
			return true
		}
	}
	return false
}

// bindHosting ties a hosting verb to its provider: "runs on X", "hosted by X".
func (c *claim) bindHosting(lx *lexicon) {
	n := len(c.toks)
	c.bindBoth()
	for i, t := range c.toks {
		if t.Kind != tokenize.Word || !lx.hosting[t.Stem] || c.conditionalAt(i) || c.speculativeAt(i) {
			continue
		}
		for j := i + 1; j < n && j <= i+3; j++ {
			if c.clause[j] != c.clause[i] {
				break
			}
			if lx.links[c.toks[j].Norm] && c.toks[j].Norm != "to" && c.toks[j].Norm != "from" {
				if e, ok := c.mentionAfter(j+1, 2); ok {
					cu := cueAt{kind: "hosting", word: t.Norm, text: t.Norm, span: t.Span, a: i, b: i + 1}
					c.host = append(c.host, binding{cue: cu, ent: e, scope: c.scope(i), words: c.scopeWords(i), strength: 0.6})
				}
				break
			}
		}
	}
}

// bindBoth binds "on both X and Y" to X and to Y: two providers named
// side by side say that neither is the only one ("launches on both the Vega
// console and PC" against "exclusively on the Vega console").
func (c *claim) bindBoth() {
	n := len(c.toks)
	for i := 1; i < n; i++ {
		if c.toks[i].Norm != "both" || !c.lx.links[c.toks[i-1].Norm] || c.conditionalAt(i) || c.speculativeAt(i) {
			continue
		}
		x, ok := c.mentionAfter(i+1, 2)
		if !ok {
			continue
		}
		// "and" within three words after the first name, then the second.
		for j := x.b; j < n && j <= x.b+3; j++ {
			if c.toks[j].Norm != "and" {
				continue
			}
			y, ok := c.mentionAfter(j+1, 2)
			if !ok {
				// A capitalised word the tagger knows but no alias does
				// ("PC") still names the second one.
				if k := j + 1; k < n && c.toks[k].Cap && c.toks[k].Kind == tokenize.Word {
					name := c.d.Text(c.toks[k].Span)
					y, ok = entRef{name: name, group: c.parties.group(name), span: c.toks[k].Span, a: k, b: k + 1}, true
				}
			}
			if !ok {
				break
			}
			cu := cueAt{kind: "hosting", word: "both", text: "both", span: c.toks[i].Span, a: i, b: i + 1}
			for _, e := range []entRef{x, y} {
				c.host = append(c.host, binding{cue: cu, ent: e, scope: c.scope(i), words: c.scopeWords(i), strength: 0.7})
			}
			break
		}
	}
}

// isLabelWord reports whether t, just before a bare number, makes the number
// a label: a capitalised word that is not a function word ("The 300 staff"
// is an amount; "Article 5" and "Flight 370" are names).
func (c *claim) isLabelWord(t tokenize.Token) bool {
	if t.Kind != tokenize.Word || t.Norm == "" || c.lx.stop[t.Norm] {
		return false
	}
	if t.Cap {
		return true
	}
	r, _ := utf8.DecodeRune(c.d.Source.Text[t.Start:t.End])
	return unicode.IsUpper(r)
}

// bindQuantities finds what each quantity measures: the content words right
// after it ("$110 billion funding round"), else the verb right before it
// ("contributed around $50 billion"); and whose it is: "from/by X" after it,
// else the nearest entity before it in the clause.
func (c *claim) bindQuantities(lx *lexicon, qs []tokenize.Quantity) {
	n := len(c.toks)
	var whole map[int]bool
	for _, q := range qs {
		a, b := tokenRange(c.toks, q.Span)
		if a >= n || whole[a] {
			continue
		}
		if q.Unit == "" && !q.Approx && a > 0 && c.isLabelWord(c.toks[a-1]) {
			// "Article 5", "Flight 370", "Chapter 11": a number after a
			// name is part of the name, not an amount of anything.
			continue
		}
		if b < n && c.cueKindAt(b) == tokenize.CueAttribution {
			continue // "two people familiar with the matter" counts a source
		}
		if q.Unit == "" && b < n && clockMarks[c.toks[b].Norm] {
			continue // "at 3 a.m." is a time of day, not an amount
		}
		qu := quant{q: q, a: a, b: b}
		var words []string
		j := b
		perUnit := false
		switch {
		case j+1 < n && (c.toks[j].Norm == "a" || c.toks[j].Norm == "an" || c.toks[j].Norm == "per") && c.content[j+1]:
			// "$42 a share", "$15 per hour": a rate of its own kind.
			perUnit = true
			j++
		case j < n && (c.toks[j].Norm == "in" || c.toks[j].Norm == "of"):
			j++
			// "21 of the council's 45 seats", "21 of 45 seats": the
			// counted noun comes after the whole and its owner.
			for j < n {
				switch {
				case c.toks[j].Kind == tokenize.Number:
					// The whole the part is of is not an amount to
					// compare: "21 of 45 seats" states 21 seats.
					if whole == nil {
						whole = map[int]bool{}
					}
					whole[j] = true
					j++
					continue
				case determiners[c.toks[j].Norm]:
					j++
					continue
				case j+1 < n && isPossessiveMark(c.toks[j+1].Norm):
					j += 2
					continue
				}
				break
			}
			// "$128 million in its first three days": a time, not the
			// counted noun.
			if j < n && c.toks[b].Norm == "in" && (ordinals[c.toks[j].Norm] > 0 || c.toks[j].Norm == "last") {
				j = n
			}
		}
		// "four Varga paintings", "200 Amazon workers": a name between
		// the count and the counted noun qualifies the noun.
		// The name then qualifies the count: the other statement must name
		// it too ("20 Lebanese soldiers" is not "two of the soldiers").
		if k := c.entityEnd(j); k > j && k-j <= 3 && k < n && c.content[k] && c.clause[k] == c.clause[a] {
			qu.qualifier = c.entityAt(j)
			j = k
		}
		noun := -1 // the counted noun, when it follows the amount
		for ; j < n && len(qu.measures) < 3; j++ {
			t := c.toks[j]
			if c.inDate(j) || calendarWords[t.Norm] {
				break // "5.1% in October": a month scopes the amount, it is not what is measured
			}
			if len(qu.measures) == 0 && q.Unit != "" && lx.dimensions[t.Norm] {
				break // "a wall of water 4 metres high": the wall is measured
			}
			if !c.content[j] || c.clause[j] != c.clause[a] || verbOnly(t) || t.Kind == tokenize.Number || pluralCount(t) {
				// "$50 billion reduces the risk": the amount is the
				// subject of the verb, which measures nothing.
				break
			}
			if perUnit {
				qu.measures = append(qu.measures, "per "+t.Stem)
				words = append(words, "per "+t.Norm)
				j++
				break
			}
			if len(qu.measures) == 0 {
				noun = j
			}
			qu.measures = append(qu.measures, t.Stem)
			words = append(words, t.Norm)
		}
		// "A magnitude 6.1 earthquake", "a level 4 alert": a measure word
		// written in lower case right before the number names what it
		// measures too ("revised the quake's magnitude to 5.8").
		if a > 0 && qu.q.Unit == "" && lx.scales[c.toks[a-1].Norm] {
			qu.measures = append(qu.measures, c.toks[a-1].Stem)
			words = append([]string{c.toks[a-1].Norm}, words...)
		}
		// "1.2 million pots (of yoghurt) a week" is a rate, not a count.
		if !perUnit && len(qu.measures) > 0 {
			for k := j; k+1 < n && k <= j+3 && c.clause[k] == c.clause[a]; k++ {
				if w := c.toks[k].Norm; (w == "a" || w == "an" || w == "per" || w == "each" || w == "every") && timeUnits[c.toks[k+1].Norm] {
					qu.measures = append(qu.measures, "per "+c.toks[k+1].Stem)
					words = append(words, w+" "+c.toks[k+1].Norm)
					break
				}
			}
		}
		if j < n && c.toks[j].Norm == "for" {
			// A title or role may stand before the name: "for defender X".
			if e, ok := c.mentionAfter(j+1, 2); ok {
				qu.object = e.name
			}
		}
		if j < n && (c.toks[j].Norm == "from" || c.toks[j].Norm == "by") {
			if e, ok := c.mentionAfter(j+1, 1); ok {
				qu.actor = e.name
			}
		}
		// "won her first title at 19": a bare number after "at" is an age
		// or a time, not a count of the noun before it, unless a linking
		// or movement verb leads to it ("the toll stood at 22").
		atAge := q.Unit == "" && a >= 2 && c.toks[a-1].Norm == "at" && c.content[a-2] &&
			!lx.linking[c.toks[a-2].Norm] && !lx.movements[c.toks[a-2].Stem]
		if len(qu.measures) == 0 && !atAge {
			from := a
			if a >= 3 && c.toks[a-3].Norm == "plus" && c.toks[a-2].Norm == "or" && c.toks[a-1].Norm == "minus" {
				from = a - 3 // "a margin of error of plus or minus 3 points"
			}
			for k := from - 1; k >= 0 && k >= from-3; k-- {
				if c.clause[k] != c.clause[a] || calendarWords[c.toks[k].Norm] {
					break
				}
				if c.content[k] && !c.isCue(k) {
					// "containment stood at 25%", "inflation slowed to
					// 4.8%": a linking verb, or a movement to a level,
					// says nothing of what is measured; its subject does.
					// Not in a condition: "if he plays 60 matches, the fee
					// would rise to £21 million" is no fee paid.
					toLevel := lx.movements[c.toks[k].Stem] && k+1 < a && c.toks[k+1].Norm == "to" && !c.cond
					if lx.linking[c.toks[k].Norm] || toLevel {
						if m := c.subjectHead(k); m >= 0 {
							k = m
						} else if m := c.contentBefore(k, 3); m >= 0 {
							k = m
							// "the ash column reached 9 km": the
							// compound's first noun names it too ("a
							// column of ash").
							if m > 0 && c.content[m-1] && !c.isCue(m-1) && !c.inEntity(m-1) && c.clause[m-1] == c.clause[m] && nounModifier(c.toks[m-1]) {
								qu.measures = append(qu.measures, c.toks[m-1].Stem)
							}
						}
					}
					qu.measures = append(qu.measures, c.toks[k].Stem)
					words = append(words, c.toks[k].Norm)
					break
				}
			}
		}
		if qu.actor == "" {
			if e, ok := c.subjectBefore(a); ok {
				qu.actor = e.name
			}
		}
		// "1,200 barrels had escaped", "took five hours to recapture the
		// cat": an amount in a unit of time or matter measures the event
		// it is the amount of, which its noun ("barrels", "hours") does
		// not name: two sources give one event's amount with different
		// nouns around it, or none.
		if eventUnit(q.Unit) {
			if v := c.eventVerb(a, b, j); v >= 0 {
				// The verb's lemma: "freed" and "to free" are one event.
				ev := c.toks[v].Stem
				if l, ok := wn.LemmaPOS(c.toks[v].Norm, wn.Verb); ok {
					ev = stem(l)
				}
				qu.measures = append(qu.measures, ev)
				if g, ok := lx.measureOf[ev]; ok {
					ev = g
				}
				qu.event, qu.byVerb = ev, true
				if len(words) == 0 {
					words = append(words, c.toks[v].Norm)
				}
			}
		}
		// "3,500 people" and "4,000 staff" count one thing.
		for k, m := range qu.measures {
			if g, ok := lx.measureOf[m]; ok {
				qu.measures[k] = g
			}
		}
		// A temperature is what its unit says, whatever noun stands by
		// it: "the temperature reached 41.3C", "Castell recorded 41.1C".
		if q.Unit == "degC" || q.Unit == "degF" {
			qu.measures = append(qu.measures, "~temperatur")
		}
		// "The previous record, 40.1C", "the old record of 40.3C": a
		// value of before, not the one now.
		for k := max(0, a-5); k < a; k++ {
			switch c.toks[k].Norm {
			case "previous", "old", "former", "earlier", "prior":
				qu.past = true
			}
		}
		if len(qu.measures) > 0 {
			qu.head = qu.measures[0]
		}
		// "a two-year suspension": a compound's noun is the event it
		// times.
		if qu.event == "" && strings.HasPrefix(q.Unit, "~") {
			qu.event = qu.head
		}
		qu.measures = uniq(qu.measures)
		// People counted under a casualty verb are casualties: "injuring
		// 23 people" counts the injured, not the people "moved out of
		// their homes" in another sentence.
		if noun >= 0 && personNoun(c.toks[noun].Norm) {
			qu.act = c.actOn(a, noun)
			if g, ok := lx.measureOf[stem(qu.act)]; ok && g != qu.head {
				qu.measures, qu.head = []string{g}, g
			}
		}
		qu.noun = noun >= 0
		qu.what = strings.Join(words, " ")
		c.qty = append(c.qty, qu)
	}
	c.bindShares()
	c.markChangedFrom()
}

// changeVerbs are stems of verbs that move a value from one amount to
// another, beside the configuration's movements ("rose", "fell").
var changeVerbs = map[string]bool{"rais": true, "cut": true, "lift": true, "lower": true, "reduc": true, "revis": true, "chang": true, "extend": true, "shorten": true, "increas": true}

// markChangedFrom marks as past the amount a change starts from: "raise
// the age from 64 to 67", "cut the forecast to 0.8% from 1.2%". The value
// after "from" is the one before the change, when another amount of the
// sentence is the one after ("to") and a verb of change or movement says
// so: "will range from $29 to $39" is a range, both ends of now.
func (c *claim) markChangedFrom() {
	to := false
	for _, q := range c.qty {
		to = to || q.a > 0 && c.toks[q.a-1].Norm == "to"
	}
	if !to {
		return
	}
	change := false
	for _, t := range c.toks {
		change = change || c.lx.movements[t.Stem] || changeVerbs[t.Stem]
	}
	if !change {
		return
	}
	for i := range c.qty {
		if q := &c.qty[i]; q.a > 0 && c.toks[q.a-1].Norm == "from" {
			q.past = true
		}
	}
}

// bindShares gives the two shares of "Ostrander leads Whitfield by six
// points, 49% to 43%" to the two parties named before them, in the order
// named: the first figure is the first party's ("Whitfield trails
// Ostrander 43% to 49%" reads the same way). One party named gets the
// first figure; with more, which is whose is unclear.
func (c *claim) bindShares() {
	for i := range c.qty {
		// "Ostrander at 47%": a name, "at", the share.
		x := &c.qty[i]
		if x.q.Unit == "%" && x.a >= 2 && c.toks[x.a-1].Norm == "at" {
			for _, e := range c.ents {
				if e.b == x.a-1 {
					x.actor, x.share = e.name, true
				}
			}
		}
	}
	for i := 0; i+1 < len(c.qty); i++ {
		x, y := &c.qty[i], &c.qty[i+1]
		if x.q.Unit != "%" || y.q.Unit != "%" || y.a != x.b+1 || c.toks[x.b].Norm != "to" {
			continue
		}
		var names, groups []string
		for _, e := range c.ents {
			if e.b <= x.a && !slices.Contains(groups, e.group) {
				names, groups = append(names, e.name), append(groups, e.group)
			}
		}
		// An actor found before must be the one named; the second figure
		// may have been given the sentence's subject, the first party.
		fits := func(q *quant, name string) bool { return q.actor == "" || c.parties.same(q.actor, name) }
		switch {
		case len(names) == 1 && fits(x, names[0]): // "Whitfield leads 45% to 38%": the leader's figure first
			x.actor, x.share = names[0], true
			y.actor = "" // the other side's, unnamed
		case len(names) == 2 && fits(x, names[0]) && (fits(y, names[1]) || fits(y, names[0])):
			x.actor, y.actor = names[0], names[1]
			x.share, y.share = true, true
		default:
			continue
		}
		// A share measures nothing but itself: "leads" before it is the
		// verb, not what is counted.
		x.measures, x.head = nil, ""
	}
}

// eventUnit reports whether an amount in unit u is of an event (a time it
// took, a volume or weight spilled, moved or found) rather than a price, a
// share or a bare count.
func eventUnit(u string) bool {
	switch strings.TrimPrefix(u, "~") {
	case "s", "min", "h", "day", "week", "month", "year", "bbl", "gal", "l", "t", "kg", "lb":
		return true
	}
	return false
}

// verbish reports whether a token may be a verb: WordNet knows it as one.
func verbish(t tokenize.Token) bool {
	for _, r := range wn.Lemmas(t.Norm) {
		if r.POS == wn.Verb {
			return true
		}
	}
	return false
}

// eventVerb returns the verb of the event an amount in tokens [a, b)
// measures, whose measured words end before token j, or -1. A time after a
// preposition times the verb before it ("shut down within 40 minutes of
// the alarm", "banned the runner for four years"); otherwise "to" and a
// verb after the amount ("five hours to recapture"), a verb right after it
// past auxiliaries ("barrels had escaped", "barrels of crude leaked"), else
// the nearest verb before it in its clause ("recaptured about two hours
// later").
func (c *claim) eventVerb(a, b, j int) int {
	n := len(c.toks)
	back := -1
	for k := a - 1; k >= 0 && k >= a-7 && c.clause[k] == c.clause[a]; k-- {
		t := c.toks[k]
		if c.content[k] && verbish(t) && (strings.HasSuffix(t.Norm, "ed") || k > 0 && auxiliaries[c.toks[k-1].Norm]) {
			back = k
			break
		}
	}
	if back >= 0 && b > a && (timePrepositions[c.toks[a].Norm] || a > 0 && timePrepositions[c.toks[a-1].Norm]) {
		return back
	}
	if j+1 < n && c.toks[j].Norm == "to" && c.content[j+1] && verbish(c.toks[j+1]) && c.clause[j+1] == c.clause[a] {
		return j + 1
	}
	k := j
	for k < n && auxiliaries[c.toks[k].Norm] {
		k++
	}
	if k < n && c.content[k] && verbish(c.toks[k]) && c.clause[k] == c.clause[a] && !c.isCue(k) {
		return k
	}
	return back
}

// timePrepositions put a length of time on the verb before them.
var timePrepositions = map[string]bool{"for": true, "within": true, "in": true, "after": true}

// personNoun reports whether a counted noun names people: "people", or a
// kind of person in WordNet ("residents", "soldiers", "passengers").
func personNoun(w string) bool {
	if w == "people" || w == "persons" {
		return true
	}
	_, ok := wn.Hypernym(w, "person")
	return ok
}

// auxiliaries stand between a subject and its verb ("were moved").
var auxiliaries = map[string]bool{"was": true, "were": true, "is": true, "are": true, "be": true, "been": true, "being": true, "has": true, "have": true, "had": true}

// actOn returns the lemma of the verb governing a count whose amount
// starts at token a and whose noun is at token noun: the verb right before
// the amount ("injuring 23 people"), else the one after the noun, past
// auxiliaries ("120 people were moved"); or "".
func (c *claim) actOn(a, noun int) string {
	isVerb := func(k int) bool {
		t := c.toks[k]
		return t.Kind == tokenize.Word && c.content[k] && !c.isCue(k) && (strings.HasPrefix(t.Tag, "VB") || verbOnly(t))
	}
	if a > 0 && c.clause[a-1] == c.clause[a] && isVerb(a-1) {
		return wn.Lemma(c.toks[a-1].Norm)
	}
	k := noun + 1
	for k < len(c.toks) && auxiliaries[c.toks[k].Norm] {
		k++
	}
	if k < len(c.toks) && c.clause[k] == c.clause[noun] && isVerb(k) {
		return wn.Lemma(c.toks[k].Norm)
	}
	return ""
}

// calendarWords name months and days, which the tokenizer dates only when
// it knows the year or the week.
var calendarWords = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
}

// clockMarks follow a number that is a time of day.
var clockMarks = map[string]bool{"a.m.": true, "p.m.": true, "am": true, "pm": true, "a.m": true, "p.m": true, "o'clock": true}

// entityAt returns the name of the mention starting at token j, or "".
func (c *claim) entityAt(j int) string {
	for _, e := range c.ents {
		if e.a == j {
			return e.name
		}
	}
	return ""
}

// entityEnd returns the end of the mention starting at token j, or j.
func (c *claim) entityEnd(j int) int {
	for _, e := range c.ents {
		if e.a == j && e.b > j {
			return e.b
		}
	}
	return j
}

// inDate reports whether token i is part of a date of the claim.
func (c *claim) inDate(i int) bool {
	t := c.toks[i]
	for _, d := range c.dates {
		if t.Start >= d.Span.Start && t.End <= d.Span.End {
			return true
		}
	}
	return false
}

// contentBefore returns the nearest content word before token k within w
// tokens in its clause, not a cue, or -1. A relative pronoun right before
// k stands for the noun it follows: "inflation, which stood at 5.1%".
// subjectHead finds the head noun of a verb's subject when a
// prepositional phrase stands between them: "toll" in "the death toll
// from the Dravo earthquake rose to 22", "attendance" in "attendance at
// the Harbourfront Festival fell to 48,000". It returns -1 when no
// preposition stands within six tokens before the verb, for contentBefore
// to take the nearest word.
func (c *claim) subjectHead(k int) int {
	for j := k - 1; j > 0 && j >= k-6 && c.clause[j] == c.clause[k]; j-- {
		if c.content[j] && c.isCue(j) {
			return -1
		}
		if !c.isPreposition(j) {
			continue
		}
		for i := j - 1; i >= 0 && i >= j-2 && c.clause[i] == c.clause[k]; i-- {
			if c.content[i] && !c.isCue(i) {
				return i
			}
		}
		return -1
	}
	return -1
}

// nounModifier reports whether a word before a noun is a noun itself:
// tagged one, or an adjective by the tag that WordNet knows as a noun (the
// tagger calls "ash" in "the ash column" an adjective), or untagged.
func nounModifier(t tokenize.Token) bool {
	if strings.HasPrefix(t.Tag, "NN") {
		return true
	}
	_, ok := wn.LemmaPOS(t.Norm, wn.Noun)
	return ok && (t.Tag == "JJ" || t.Tag == "")
}

func (c *claim) contentBefore(k, w int) int {
	if k >= 2 && (c.toks[k-1].Norm == "which" || c.toks[k-1].Norm == "that") {
		i := k - 2
		if c.toks[i].Norm == "," && i > 0 {
			i--
		}
		if c.content[i] && !c.isCue(i) {
			return i
		}
	}
	for i := k - 1; i >= 0 && i >= k-w && c.clause[i] == c.clause[k]; i-- {
		if c.content[i] && !c.isCue(i) {
			return i
		}
	}
	return -1
}

// verbOnly reports whether a word reads as a finite verb: WordNet knows it
// only as a verb (the tagger calls "reduces" a plural noun after a
// number), or it is tagged as one and WordNet allows it.
func verbOnly(t tokenize.Token) bool {
	rs := wn.Lemmas(t.Norm)
	finite := strings.HasPrefix(t.Tag, "VB") && t.Tag != "VBG" && t.Tag != "VBN"
	if len(rs) == 0 {
		return finite
	}
	onlyVerb, verb := true, false
	for _, r := range rs {
		onlyVerb = onlyVerb && r.POS == wn.Verb
		verb = verb || r.POS == wn.Verb
	}
	return onlyVerb || finite && verb
}

// isCueStem reports whether a stem belongs to one of the claim's cues.
func (c *claim) isCueStem(s string) bool {
	for _, cu := range c.cues {
		for k := cu.a; k < cu.b && k < len(c.toks); k++ {
			if c.toks[k].Stem == s {
				return true
			}
		}
	}
	return false
}

// contentBetween reports whether a content word lies in tokens [i, j).
func (c *claim) contentBetween(i, j int) bool {
	for k := i; k < j && k < len(c.content); k++ {
		if c.content[k] {
			return true
		}
	}
	return false
}

// cueKindAt returns the kind of the cue covering token i, or "".
func (c *claim) cueKindAt(i int) tokenize.CueKind {
	for _, cu := range c.cues {
		if i >= cu.a && i < cu.b {
			return cu.kind
		}
	}
	return ""
}

func (c *claim) isCue(i int) bool { return c.cueKindAt(i) != "" }

// cuesNear returns the cues of kind k within w tokens of token range
// [a, b) in the same clause.
func (c *claim) cueNear(k tokenize.CueKind, a, b, w int) (cueAt, bool) {
	for _, cu := range c.cues {
		if cu.kind != k || cu.a >= len(c.clause) || a >= len(c.clause) {
			continue
		}
		if c.clause[cu.a] != c.clause[a] {
			continue
		}
		if cu.b <= a && a-cu.b <= w || cu.a >= b && cu.a-b <= w {
			return cu, true
		}
	}
	return cueAt{}, false
}

// addWillClose marks "close" after "will" or "would", with at most one
// adverb between ("will also close its research centre"), as a change
// cue: the plain word is too often an adjective ("close to 300", "a close
// ally") to stand in the change list.
func (c *claim) addWillClose() {
	for i, t := range c.toks {
		if t.Norm != "close" || i == 0 || c.isCue(i) {
			continue
		}
		k := i - 1
		if k > 0 && (strings.HasSuffix(c.toks[k].Norm, "ly") || c.toks[k].Norm == "also" || c.toks[k].Norm == "now" || c.toks[k].Norm == "soon") {
			k--
		}
		if n := c.toks[k].Norm; n != "will" && n != "would" {
			continue
		}
		c.cues = append(c.cues, cueAt{kind: tokenize.CueChange, word: "close", text: "close", span: t.Span, a: i, b: i + 1})
		sort.SliceStable(c.cues, func(x, y int) bool { return c.cues[x].a < c.cues[y].a })
	}
}

// addStateCues adds the configuration's extra continuation and change cues
// found on tokens that no tokenizer cue covers; first marks the tokens
// that start one of them (lx.stateFirst).
func (c *claim) addStateCues(lx *lexicon, first []bool) {
	added := false
	for i := range c.toks {
		if !first[i] || c.isCue(i) {
			continue
		}
		for _, x := range lx.stateCues {
			end := i + len(x.words)
			if end > len(c.toks) || !matchWords(c.toks[i:end], x.words) {
				continue
			}
			sp := c.tokSpan(i, end)
			text := strings.ToLower(c.d.Text(sp))
			c.cues = append(c.cues, cueAt{kind: x.kind, word: strings.Join(x.words, " "), text: text, span: sp, a: i, b: end})
			added = true
			break
		}
	}
	if added {
		sort.SliceStable(c.cues, func(i, j int) bool { return c.cues[i].a < c.cues[j].a })
	}
}
