package nli

import (
	"math"
	"strconv"
	"strings"

	"github.com/crosscheck-go/crosscheck/internal/lexicon"
	"github.com/crosscheck-go/crosscheck/tokenize"
)

// The features, in the order of the model's columns. Shares are of the
// hypothesis's content words unless the name says premise; counts are
// capped or log-scaled so one long article cannot dominate.
const (
	fAlignExact           = iota // same stem, number value or name
	fAlignLemma                  // same base form or synonym or similar adjective
	fAlignDerived                // derivationally related forms ("death"/"die")
	fAlignHyper                  // the premise word is a kind of the hypothesis word (entailing)
	fAlignHypo                   // the hypothesis word is a kind of the premise word (adds detail)
	fUnalignedH                  // share of hypothesis content words left unaligned
	fUnalignedHCount             // log1p of their number
	fUnalignedP                  // share of the chosen premise content words left unaligned
	fUnalignedPCount             // log1p of their number
	fUnalignedName               // hypothesis names (capitalised words) found nowhere in the premise
	fAntonym                     // hypothesis words facing a direct or synset antonym
	fAntonymWeak                 // facing an antonym through similar-to or derivation
	fCohyponym                   // facing a different kind of the same thing (dog/cat)
	fCohyponymSlot               // ... in the same slot: a neighbour is aligned to its neighbour
	fNegH                        // negation cues in the hypothesis
	fNegP                        // negation cues in the chosen premise sentences
	fNegParity                   // the two counts differ in parity
	fNegAligned                  // aligned words negated on one side only
	fUniversalDiff               // a universal quantifier (all, every) on one side only
	fExistentialDiff             // an existential quantifier (some, several) on one side only
	fNegQuantDiff                // a negative quantifier (no, nobody, none) on one side only
	fNumMatch                    // hypothesis quantities equal to a premise quantity of the same unit
	fNumMismatch                 // ... differing from every premise quantity of the same unit
	fNumSlot                     // ... differing in the same slot (the counted word is aligned)
	fNumUnaligned                // hypothesis quantities with no premise quantity of that unit
	fDateMismatch                // hypothesis dates outside every premise date
	fExclusiveDiff               // an exclusivity cue (only, sole) on one side only
	fChangeCont                  // a change of state on one side, continuation on the other
	fChangeDiff                  // a change-of-state cue on one side only
	fHedgeH                      // the hypothesis is hedged (may, reportedly)
	fHedgeP                      // the chosen premise sentences are hedged
	fAttrH                       // the hypothesis is attributed (said, according to)
	fAttrP                       // the chosen premise sentences are attributed
	fQuestionH                   // the hypothesis is a question
	fSwap                        // share of aligned word pairs whose order is reversed (subject/object swap)
	fCover                       // weighted share of hypothesis terms found anywhere in the premise
	fBest                        // ... found in the best premise sentence
	fLead                        // ... in the best of the first three premise sentences
	fClose                       // log1p of premise sentences holding half the hypothesis terms
	fEntityCover                 // share of hypothesis names found in the premise
	fHasEntity                   // the hypothesis names something
	fBigram                      // share of hypothesis content bigrams found in the premise
	fRefuteH                     // refuting words in the hypothesis (hoax, denied)
	fRefuteTop                   // log1p of refuting words in the premise sentences about the hypothesis
	fRefuteAll                   // log1p of refuting words in the whole premise
	fNegTop                      // log1p of negation cues in the premise sentences about the hypothesis
	fDiscussTop                  // log1p of reporting words (allegedly, claims) there
	fHedgeTop                    // log1p of hedge cues there
	fAttrTop                     // log1p of attribution cues there
	fLenH                        // log1p of hypothesis content words
	fLenP                        // log1p of chosen premise content words
	fLenRatio                    // log of premise over hypothesis content words
	fSents                       // log1p of premise sentences
	fAlignedShare                // share of hypothesis content words aligned in any way
	fSubstitution                // unaligned hypothesis words facing an unaligned premise word in the same slot
	fNegParityXAligned           // negation parity mismatch × aligned share
	fNegAlignedXAligned          // negated aligned word × aligned share
	fAntonymXAligned             // antonym × aligned share
	fCohyponymXAligned           // co-hyponym in the same slot × aligned share
	fSubstitutionXAligned        // substitution × aligned share
	fSwapXAligned                // order swap × aligned share
	fAlignLooseNeg               // hypernym, hyponym or derived alignments under a negation mismatch
	fRefuteLead                  // log1p of refuting words in the first three premise sentences
	fDiscussAll                  // log1p of reporting words in the whole premise
	fNegAll                      // log1p of negation cues in the whole premise
	fRefuteXCover                // refute_all × cover: refutation of something the hypothesis is about
	fAntonymReferent             // antonyms that are both kinds of person (man/woman): another referent, not an opposite claim
	fContrastOnly                // the only differences are opposites: every other word each side is aligned
	fNegLooseDenial              // is-a alignments where the negated side holds the general word ("not cutting"/"slicing")
	fNegEntail                   // one side negated: share of what the negated side says that the other side entails
	fSwapActive                  // order swap × aligned share when neither side is passive ("by"): roles reversed
	fParticleOpposite            // opposite direction words on the two sides ("looking up"/"looking down")
	fAlignGloss                  // the premise word's definition is built on the hypothesis word ("devour": "eat greedily")
	fAlignGlossOf                // the hypothesis word's definition is built on the premise word
	fAlignHyperFar               // the premise word is a kind of the hypothesis word five to eight is-a steps up ("rhino"/"animal")
	fAlignHypoFar                // the hypothesis word is such a distant kind of the premise word
	fVoiceDiff                   // one side passive ("is being played by"), the other not
	fRoleSwap                    // order swap × aligned share with a passive read in active order: who does what to whom reversed
	fDefiniteBoth                // both sides start with a definite determiner ("The man ..." / "The man ..."): one referent, so differences clash
	NumFeatures                  // the number of features
)

var featureNames = [NumFeatures]string{
	"align_exact", "align_lemma_synonym", "align_derived", "align_hypernym", "align_hyponym",
	"unaligned_hypothesis", "unaligned_hypothesis_count", "unaligned_premise", "unaligned_premise_count",
	"unaligned_name", "antonym", "antonym_weak", "cohyponym", "cohyponym_slot",
	"negation_hypothesis", "negation_premise", "negation_parity", "negation_aligned",
	"universal_mismatch", "existential_mismatch", "negative_quantifier_mismatch",
	"number_match", "number_mismatch", "number_slot_mismatch", "number_unaligned", "date_mismatch",
	"exclusivity_mismatch", "change_vs_continuation", "change_mismatch",
	"hedge_hypothesis", "hedge_premise", "attribution_hypothesis", "attribution_premise", "question_hypothesis",
	"order_swap", "cover", "best_sentence", "lead_sentence", "close_sentences", "entity_cover", "has_entity",
	"bigram_cover", "refute_hypothesis", "refute_top", "refute_all", "negation_top", "discuss_top",
	"hedge_top", "attribution_top", "length_hypothesis", "length_premise", "length_ratio", "premise_sentences",
	"aligned_share", "substitution", "negation_parity_x_aligned", "negation_aligned_x_aligned",
	"antonym_x_aligned", "cohyponym_x_aligned", "substitution_x_aligned", "order_swap_x_aligned",
	"align_loose_negated", "refute_lead", "discuss_all", "negation_all", "refute_all_x_cover",
	"antonym_referent", "contrast_only", "negation_loose_denial", "negation_entailed",
	"order_swap_active", "particle_opposite", "align_gloss", "align_gloss_of",
	"align_hypernym_far", "align_hyponym_far", "voice_mismatch", "role_swap", "definite_both",
}

// FeatureNames returns the names of the features in column order.
func FeatureNames() []string { return append([]string(nil), featureNames[:]...) }

// Vector is the features of one premise/hypothesis pair, with the premise
// sentences they were measured against.
type Vector struct {
	Values [NumFeatures]float64
	// Evidence is the premise sentence best aligned to the hypothesis
	// (byte offsets into the premise text); Spans are all the premise
	// sentences the features were measured against, in text order.
	Evidence tokenize.Span
	Spans    []tokenize.Span
	// Sentences is the number of premise sentences, Words the number of
	// content words in them.
	Sentences, Words int
	// OK is false when there was nothing to align (an empty side).
	OK bool
}

// Get returns the value of the named feature, or 0 and false.
func (v *Vector) Get(name string) (float64, bool) {
	for j, n := range featureNames {
		if n == name {
			return v.Values[j], true
		}
	}
	return 0, false
}

// Alignment kinds, best first; the contrast kinds only count when a word
// has no alignment.
const (
	relNone = iota
	relExact
	relLemma
	relDerived
	relHyper
	relHypo
	relGloss   // a definition of the premise word is built on the hypothesis word
	relGlossOf // ... and the other way round
	relHyperFar
	relHypoFar
	relAntonym
	relAntonymWeak
	relCohyponym
)

// relAligned is the last kind that aligns a word (relExact..relAligned);
// the kinds after it are contrasts.
const relAligned = relHypoFar

// ctok is one content token of a prepared text.
type ctok struct {
	norm, stem string
	sent       int     // sentence index
	num        bool    // a number, amount or date
	val        float64 // its value when num and known
	hasVal     bool
	name       bool // written with a capital that is not sentence-initial, or a mention
	negated    bool // inside the scope of a negation cue
	role       int8 // in a passive: -1 the agent ("by a kid"), +1 the subject before "being" (what is acted on), else 0
	start      int  // byte offset of the token
}

// sentInfo is what the features need of one sentence.
type sentInfo struct {
	first, last                    int // its content tokens are toks[first:last]
	neg, hedge, attr, excl         int
	cont, change, question         int
	univ, exist, negq, refute, dis int
	passive                        int    // "by" tokens: an agent after a passive verb, most often
	voice                          int    // "being"/"been": a passive ("is being played", "has been sold")
	definite                       bool   // starts with a definite determiner ("the", "this")
	dirs                           uint16 // direction particles present (dirBit)
}

// agentEnds end a passive's agent phrase ("by a man and ...", "by a man who ...").
var agentEnds = map[string]bool{"and": true, "or": true, "who": true, "which": true, "that": true, "is": true, "are": true, "while": true, "with": true}

// dirPairs are direction words that are opposites. They are function
// words, left out of the alignment, but "looking up" against "looking
// down" differs only in them.
var dirPairs = [...][2]string{{"up", "down"}, {"in", "out"}, {"on", "off"}, {"inside", "outside"}, {"over", "under"}, {"above", "below"}, {"upstairs", "downstairs"}, {"into", "out"}}

// dirBit returns the bit of a direction word in sentInfo.dirs, or 0.
func dirBit(norm string) uint16 {
	for i, p := range dirPairs {
		if norm == p[0] {
			return 1 << (2 * i)
		}
		if norm == p[1] {
			return 1 << (2*i + 1)
		}
	}
	return 0
}

// dirOpposite reports whether one side has a direction word whose
// opposite only the other side has.
func dirOpposite(a, b uint16) bool {
	onlyA, onlyB := a&^b, b&^a
	for i := range dirPairs {
		x, y := uint16(1)<<(2*i), uint16(1)<<(2*i+1)
		if onlyA&x != 0 && onlyB&y != 0 || onlyA&y != 0 && onlyB&x != 0 {
			return true
		}
	}
	return false
}

// text is a tokenized document prepared for alignment; a premise used
// with many hypotheses (an article and its headlines) is prepared once.
type text struct {
	doc   *tokenize.Document
	toks  []ctok
	sents []sentInfo
}

// extractor computes features with one compiled word table.
type extractor struct {
	words *wordTable
}

// prepare picks out the content tokens of d and counts its cues.
func (x *extractor) prepare(d *tokenize.Document) *text {
	t := &text{doc: d, sents: make([]sentInfo, len(d.Sentences))}
	t.toks = make([]ctok, 0, len(d.Tokens)/2+1)
	for si := range d.Sentences {
		s := &d.Sentences[si]
		info := &t.sents[si]
		info.first = len(t.toks)
		for _, c := range s.Cues {
			switch c.Kind {
			case tokenize.CueNegation:
				info.neg++
			case tokenize.CueHedge:
				info.hedge++
			case tokenize.CueAttribution:
				info.attr++
			case tokenize.CueExclusive:
				info.excl++
			case tokenize.CueContinue:
				info.cont++
			case tokenize.CueChange:
				info.change++
			case tokenize.CueQuestion:
				info.question++
			}
		}
		toks := d.Tokens[s.First:s.Last]
		// Negation scope: from a negation cue to the next punctuation,
		// at most six tokens on.
		scopeEnd := -1
		qi := 0
		// A definite description opens the sentence ("The man is ...").
		if len(toks) > 0 {
			switch toks[0].Norm {
			case "the", "this", "these", "that", "those":
				info.definite = true
			}
		}
		// A passive: "being"/"been" ("is being sharpened"), with its
		// agent if a "by" follows. Its subject (before "being") is what
		// is acted on, and the agent runs from "by" to the next
		// punctuation or clause word.
		beingAt, byAt := -1, -1
		for k := range toks {
			switch n := toks[k].Norm; {
			case (n == "being" || n == "been") && beingAt < 0:
				beingAt = k
			case n == "by" && beingAt >= 0 && byAt < 0:
				byAt = k
			}
		}
		inAgent := false
		if beingAt >= 0 {
			info.voice++
		}
		for k := range toks {
			tk := &toks[k]
			for _, c := range s.Cues {
				if c.Kind == tokenize.CueNegation && tk.Start >= c.Start && tk.End <= c.End {
					scopeEnd = k + 6
				}
			}
			if tk.Kind == tokenize.Punct && tk.Norm != "-" {
				scopeEnd = -1
			}
			cls, plen := x.classify(toks, k)
			if cls&wUniversal != 0 {
				info.univ++
			}
			if cls&wExistential != 0 {
				info.exist++
			}
			if cls&wNegative != 0 {
				info.negq++
			}
			if cls&wRefute != 0 {
				info.refute++
			}
			if cls&wDiscuss != 0 {
				info.dis++
			}
			_ = plen
			if tk.Norm == "by" {
				info.passive++
			}
			var role int8
			switch {
			case beingAt < 0:
			case k < beingAt:
				role = 1
			case k == byAt:
				inAgent = true
			case tk.Kind == tokenize.Punct || agentEnds[tk.Norm]:
				inAgent = false
			case inAgent:
				role = -1
			}
			info.dirs |= dirBit(tk.Norm)
			if tk.Kind == tokenize.Punct || tk.Kind == tokenize.Symbol || cls&wStop != 0 || contractedNot(tk.Norm) {
				continue
			}
			if !hasAlnum(tk.Norm) {
				continue
			}
			c := ctok{norm: tk.Norm, stem: tk.Stem, sent: si, name: tk.Cap, negated: k <= scopeEnd, role: role, start: tk.Start}
			if c.stem == "" {
				c.stem = c.norm
			}
			switch tk.Kind {
			case tokenize.Number, tokenize.Money, tokenize.Percent, tokenize.Date:
				c.num = true
			}
			for qi < len(s.Quantities) && s.Quantities[qi].End <= tk.Start {
				qi++
			}
			if qi < len(s.Quantities) && s.Quantities[qi].Start <= tk.Start && tk.End <= s.Quantities[qi].End {
				c.num, c.val, c.hasVal = true, s.Quantities[qi].Value, true
			} else if c.num {
				if v, err := strconv.ParseFloat(strings.ReplaceAll(tk.Norm, ",", ""), 64); err == nil {
					c.val, c.hasVal = v, true
				}
			}
			if !c.name {
				for _, m := range s.Mentions {
					if m.Start <= tk.Start && tk.End <= m.End {
						c.name = true
						break
					}
				}
			}
			t.toks = append(t.toks, c)
		}
		info.last = len(t.toks)
	}
	return t
}

// classify returns the word classes of toks[k], including those of a
// phrase starting there, and the phrase length.
func (x *extractor) classify(toks []tokenize.Token, k int) (uint8, int) {
	norm := toks[k].Norm
	cls := x.words.single[norm]
	n := 1
	for _, p := range x.words.phrases[norm] {
		if k+len(p.rest) >= len(toks) {
			continue
		}
		ok := true
		for i, w := range p.rest {
			if toks[k+1+i].Norm != w {
				ok = false
				break
			}
		}
		if ok {
			cls |= p.class
			n = max(n, 1+len(p.rest))
		}
	}
	return cls, n
}

// contractedNot reports whether a word is an auxiliary contracted with
// "not" ("isn't", "doesn't", "can't", "won't"), kept whole by tokenize: a
// function word like the auxiliary alone, whose negation the cues count.
// Left as a content word it would be unaligned against "is not".
func contractedNot(norm string) bool {
	return strings.HasSuffix(norm, "n't") || strings.HasSuffix(norm, "n’t")
}

func hasAlnum(s string) bool {
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127 {
			return true
		}
	}
	return false
}

func termWeight(c *ctok) float64 {
	switch {
	case c.name:
		return 2
	case c.num:
		return 1.5
	}
	return 1
}

// same reports whether two content tokens are the same term: same stem or
// spelling, or numbers of equal value.
func same(a, b *ctok) bool {
	if a.num && b.num && a.hasVal && b.hasVal {
		return a.val == b.val
	}
	return a.stem == b.stem || a.norm == b.norm
}

// relate returns how premise word p relates to hypothesis word h: the
// closest alignment (exact, lemma, derived, hypernym, hyponym) and the
// strongest contrast (antonym, co-hyponym), either relNone.
func relate(p, h *ctok) (pos, con int) {
	if same(p, h) {
		return relExact, relNone
	}
	if p.num || h.num || p.name || h.name {
		// Names and numbers align only exactly: WordNet knows a few
		// people and places, which would align by accident.
		return relNone, relNone
	}
	r := lexicon.Relate(p.norm, h.norm)
	switch {
	case r.SameLemma || r.Synonym || r.Similar:
		pos = relLemma
	case r.Derived:
		pos = relDerived
	case r.Hypernym >= 1 && r.Hypernym <= 4:
		pos = relHyper
	case r.Hyponym >= 1 && r.Hyponym <= 4:
		pos = relHypo
	case r.Gloss:
		pos = relGloss
	case r.GlossOf:
		pos = relGlossOf
	case r.Hypernym >= 5 && r.Hypernym <= maxFar:
		pos = relHyperFar
	case r.Hyponym >= 5 && r.Hyponym <= maxFar:
		pos = relHypoFar
	}
	switch {
	case r.Antonym >= lexicon.AntonymSynset:
		con = relAntonym
	case r.Antonym != lexicon.NotAntonym:
		con = relAntonymWeak
	case r.Cohyponym >= 1 && r.Cohyponym <= 4:
		con = relCohyponym
	}
	return pos, con
}

// maxFar is the longest is-a path read as a distant kind ("rhino" is an
// "animal" seven steps up; the closest links stop at four).
const maxFar = 8

// maxSelected is how many premise sentences the features are measured
// against when the premise is an article.
const maxSelected = 2

// features measures hypothesis h against premise p.
func (x *extractor) features(p, h *text) Vector {
	var v Vector
	v.Sentences, v.Words = len(p.sents), len(p.toks)
	if len(h.toks) == 0 || len(p.toks) == 0 {
		if len(p.sents) > 0 {
			v.Evidence = p.doc.Sentences[0].Span
		}
		return v
	}
	v.OK = true
	f := &v.Values

	// Relatedness: which hypothesis terms each premise sentence holds.
	var total float64
	for i := range h.toks {
		total += termWeight(&h.toks[i])
	}
	var buf [64]float64
	var match []float64
	if len(p.sents) > len(buf) {
		match = make([]float64, len(p.sents))
	} else {
		match = buf[:len(p.sents)]
	}
	var found, names, namesFound, unnamed float64
	for i := range h.toks {
		ht := &h.toks[i]
		w := termWeight(ht)
		any := false
		last := -1
		for j := range p.toks {
			pt := &p.toks[j]
			if pt.sent == last || !same(pt, ht) {
				continue
			}
			last = pt.sent
			match[pt.sent] += w
			any = true
		}
		if any {
			found += w
		}
		if ht.name {
			names++
			if any {
				namesFound++
			} else {
				unnamed++
			}
		}
	}
	best, lead, close := 0, 0.0, 0.0
	for s := range match {
		match[s] /= total
		if match[s] > match[best] {
			best = s
		}
		if s < 3 {
			lead = math.Max(lead, match[s])
		}
		if match[s] >= 0.5 {
			close++
		}
	}
	f[fCover] = found / total
	f[fBest] = match[best]
	f[fLead] = lead
	f[fClose] = math.Log1p(close)
	if names > 0 {
		f[fEntityCover] = namesFound / names
		f[fHasEntity] = 1
	} else {
		f[fEntityCover] = 1
	}
	f[fUnalignedName] = math.Min(unnamed, 3)
	f[fBigram] = bigramCover(p, h)

	// Choose the premise sentences to align against: all of a short
	// premise, the best few of an article.
	var sel [maxSelected + 1]int
	chosen := sel[:0]
	if len(p.sents) <= 3 {
		for s := range p.sents {
			chosen = append(chosen, s)
		}
	} else {
		chosen = append(chosen, best)
		for len(chosen) < maxSelected {
			next := -1
			for s := range match {
				if match[s] > 0 && !containsInt(chosen, s) && (next < 0 || match[s] > match[next]) {
					next = s
				}
			}
			if next < 0 {
				break
			}
			chosen = append(chosen, next)
		}
		sortInts(chosen)
	}
	v.Evidence = p.doc.Sentences[best].Span
	v.Spans = make([]tokenize.Span, len(chosen))
	for k, s := range chosen {
		v.Spans[k] = p.doc.Sentences[s].Span
	}

	// Cue counts on each side.
	var hs, ps sentInfo
	for s := range h.sents {
		addInfo(&hs, &h.sents[s])
	}
	var plen int
	for _, s := range chosen {
		addInfo(&ps, &p.sents[s])
		plen += p.sents[s].last - p.sents[s].first
	}

	// Word alignment of the hypothesis to the chosen sentences.
	const maxTok = 256
	hn := min(len(h.toks), maxTok)
	var relBuf, toBuf [maxTok]int
	rel, to := relBuf[:hn], toBuf[:hn]
	var pAligned [maxTok * 2]bool
	// Exact matches first, so a premise word that is the same term as
	// some hypothesis word is not also read as another word's opposite.
	for i := range hn {
		ht := &h.toks[i]
		rel[i], to[i] = relNone, -1
		for _, s := range chosen {
			si := &p.sents[s]
			for j := si.first; j < si.last; j++ {
				if same(&p.toks[j], ht) {
					if to[i] < 0 || closer(j, to[i], i, hn, p, chosen) {
						rel[i], to[i] = relExact, j
					}
				}
			}
		}
		if rel[i] == relExact {
			if k := localIndex(to[i], p, chosen); k >= 0 && k < len(pAligned) {
				pAligned[k] = true
			}
		}
	}
	for i := range hn {
		if rel[i] == relExact {
			continue
		}
		ht := &h.toks[i]
		pos, posTo, con, conTo := relNone, -1, relNone, -1
		off := 0
		for _, s := range chosen {
			si := &p.sents[s]
			for j := si.first; j < si.last; j++ {
				if k := off + j - si.first; k < len(pAligned) && pAligned[k] {
					continue
				}
				rp, rc := relate(&p.toks[j], ht)
				if rp != relNone && (pos == relNone || rp < pos) {
					pos, posTo = rp, j
				}
				if rc != relNone && (con == relNone || rc < con) {
					con, conTo = rc, j
				}
			}
			off += si.last - si.first
		}
		switch {
		case (con == relAntonym || con == relAntonymWeak) && pos != relLemma:
			// An opposite beats a loose is-a link ("man"/"woman" are
			// both people, but a sentence about one is not about the
			// other).
			rel[i], to[i] = con, conTo
		case pos != relNone:
			rel[i], to[i] = pos, posTo
		case con != relNone:
			rel[i], to[i] = con, conTo
		}
	}
	var counts [relCohyponym + 1]float64
	var negAligned, slot, subst, referent, denial float64
	for i := range hn {
		if (rel[i] == relAntonym || rel[i] == relAntonymWeak) && isPerson(&h.toks[i]) && isPerson(&p.toks[to[i]]) {
			// "man"/"woman": WordNet's opposites, but in a pair of
			// sentences they name two people, which says nothing about
			// whether both sentences hold.
			referent++
			continue
		}
		counts[rel[i]]++
		if rel[i] >= relExact && rel[i] <= relAligned {
			j := to[i]
			if k := localIndex(j, p, chosen); k >= 0 && k < len(pAligned) {
				pAligned[k] = true
			}
			if h.toks[i].negated != p.toks[j].negated {
				negAligned++
				// Denying the general word denies the specific one:
				// "not cutting" against "slicing" (the premise word a
				// kind of the hypothesis word), or "no one cutting"
				// in the premise against "slicing". The other way round
				// ("not slicing" against "cutting") leaves room.
				if h.toks[i].negated && (rel[i] == relHyper || rel[i] == relGloss || rel[i] == relHyperFar) || p.toks[j].negated && (rel[i] == relHypo || rel[i] == relGlossOf || rel[i] == relHypoFar) {
					denial++
				}
			}
		}
		if rel[i] == relCohyponym && sameSlot(i, to[i], rel, to, hn) {
			slot++
		}
		if rel[i] == relNone && substituted(i, rel, to, hn, pAligned[:], p, chosen) {
			subst++
		}
	}
	nh := float64(len(h.toks))
	f[fAlignExact] = counts[relExact] / nh
	f[fAlignLemma] = counts[relLemma] / nh
	f[fAlignDerived] = counts[relDerived] / nh
	f[fAlignHyper] = counts[relHyper] / nh
	f[fAlignHypo] = counts[relHypo] / nh
	f[fAlignGloss] = counts[relGloss] / nh
	f[fAlignGlossOf] = counts[relGlossOf] / nh
	f[fAlignHyperFar] = counts[relHyperFar] / nh
	f[fAlignHypoFar] = counts[relHypoFar] / nh
	unH := nh - counts[relExact] - counts[relLemma] - counts[relDerived] - counts[relHyper] - counts[relHypo] - counts[relGloss] - counts[relGlossOf] - counts[relHyperFar] - counts[relHypoFar]
	f[fUnalignedH] = unH / nh
	f[fUnalignedHCount] = math.Log1p(unH)
	alignedShare := 1 - unH/nh
	f[fAlignedShare] = alignedShare
	f[fSubstitution] = math.Min(subst, 3)
	alignedP := 0
	for k := range min(plen, len(pAligned)) {
		if pAligned[k] {
			alignedP++
		}
	}
	unP := float64(plen - alignedP)
	f[fUnalignedP] = unP / math.Max(1, float64(plen))
	f[fUnalignedPCount] = math.Log1p(unP)
	f[fAntonymReferent] = math.Min(referent, 3)
	// The pair differs only by opposites: each hypothesis word is aligned
	// or faces an antonym, and the premise has no unaligned word beyond
	// the antonyms' counterparts ("running outside"/"running indoors").
	// One swapped word with the rest intact reads as a denial, where
	// opposites among other differences often describe another scene.
	if opp := counts[relAntonym] + counts[relAntonymWeak]; opp > 0 && unH <= opp && unP <= opp {
		f[fContrastOnly] = 1
	}
	f[fNegLooseDenial] = math.Min(denial, 3)
	f[fNegEntail] = negEntailed(p, h, chosen, rel, to, hn, hs.neg, ps.neg)
	f[fAntonym] = math.Min(counts[relAntonym], 3)
	f[fAntonymWeak] = math.Min(counts[relAntonymWeak], 3)
	f[fCohyponym] = math.Min(counts[relCohyponym], 3)
	f[fCohyponymSlot] = math.Min(slot, 3)
	f[fNegH] = math.Min(float64(hs.neg), 3)
	f[fNegP] = math.Min(float64(ps.neg), 3)
	f[fNegParity] = b2f(hs.neg%2 != ps.neg%2)
	f[fNegAligned] = math.Min(negAligned, 3)
	f[fUniversalDiff] = b2f((hs.univ > 0) != (ps.univ > 0))
	f[fExistentialDiff] = b2f((hs.exist > 0) != (ps.exist > 0))
	f[fNegQuantDiff] = b2f((hs.negq > 0) != (ps.negq > 0))
	f[fExclusiveDiff] = b2f((hs.excl > 0) != (ps.excl > 0))
	f[fChangeCont] = b2f(hs.change > 0 && ps.cont > 0 || hs.cont > 0 && ps.change > 0)
	f[fChangeDiff] = b2f((hs.change > 0) != (ps.change > 0))
	f[fHedgeH] = b2f(hs.hedge > 0)
	f[fHedgeP] = b2f(ps.hedge > 0)
	f[fAttrH] = b2f(hs.attr > 0)
	f[fAttrP] = b2f(ps.attr > 0)
	f[fQuestionH] = b2f(hs.question > 0)
	f[fRefuteH] = math.Min(float64(hs.refute), 3)
	f[fSwap] = swapShare(rel, to)
	f[fVoiceDiff] = b2f((hs.voice > 0) != (ps.voice > 0))
	// Definite descriptions on both sides name one referent, so what
	// differs is a claim about it ("The surfer is riding a big wave" /
	// "The surfer is riding a small wave"); with indefinites ("A dog ..."
	// / "A dog ...") the two may be different things. Only the first
	// sentence of each side counts.
	defP, defH := len(p.sents) > 0 && p.sents[0].definite, len(h.sents) > 0 && h.sents[0].definite
	f[fDefiniteBoth] = b2f(defP && defH)
	f[fRoleSwap] = roleSwapShare(p, h, rel, to) * alignedShare
	// Interactions: a linear model cannot learn on its own that negation
	// or an opposite matters only when the rest of the pair aligns.
	f[fNegParityXAligned] = f[fNegParity] * alignedShare
	f[fNegAlignedXAligned] = math.Min(negAligned, 1) * alignedShare
	f[fAntonymXAligned] = math.Min(counts[relAntonym]+counts[relAntonymWeak], 1) * alignedShare
	f[fCohyponymXAligned] = math.Min(slot, 1) * alignedShare
	f[fSubstitutionXAligned] = math.Min(subst, 1) * alignedShare
	f[fSwapXAligned] = f[fSwap] * alignedShare
	if hs.passive == 0 && ps.passive == 0 {
		// "The monkey is brushing the dog" against "The dog is brushing
		// the monkey"; with a passive ("is being brushed by") the order
		// swaps with the meaning kept.
		f[fSwapActive] = f[fSwapXAligned]
	}
	f[fParticleOpposite] = b2f(dirOpposite(hs.dirs, ps.dirs))
	// Negation reverses which way an is-a link entails ("not cutting"
	// contradicts "slicing"), so the loose alignments are split by it.
	if f[fNegParity] > 0 {
		f[fAlignLooseNeg] = f[fAlignHyper] + f[fAlignHypo] + f[fAlignDerived] + f[fAlignGloss] + f[fAlignGlossOf] + f[fAlignHyperFar] + f[fAlignHypoFar]
		f[fAlignHyper], f[fAlignHypo], f[fAlignDerived], f[fAlignGloss], f[fAlignGlossOf], f[fAlignHyperFar], f[fAlignHypoFar] = 0, 0, 0, 0, 0, 0, 0
	}
	numbers(p, h, chosen, rel, to, f)

	// Article-level cues: the sentences most about the hypothesis.
	var top sentInfo
	var refAll, refLead, disAll, negAll int
	for s := range p.sents {
		refAll += p.sents[s].refute
		disAll += p.sents[s].dis
		negAll += p.sents[s].neg
		if s < 3 {
			refLead += p.sents[s].refute
		}
	}
	f[fRefuteLead] = math.Log1p(float64(refLead))
	f[fDiscussAll] = math.Log1p(float64(disAll))
	f[fNegAll] = math.Log1p(float64(negAll))
	for n := 0; n < 5; n++ {
		k := -1
		for s := range match {
			if match[s] >= 0.25 && (k < 0 || match[s] > match[k]) {
				k = s
			}
		}
		if k < 0 {
			break
		}
		addInfo(&top, &p.sents[k])
		match[k] = -1
	}
	f[fRefuteTop] = math.Log1p(float64(top.refute))
	f[fRefuteAll] = math.Log1p(float64(refAll))
	f[fRefuteXCover] = f[fRefuteAll] * f[fCover]
	f[fNegTop] = math.Log1p(float64(top.neg))
	f[fDiscussTop] = math.Log1p(float64(top.dis))
	f[fHedgeTop] = math.Log1p(float64(top.hedge))
	f[fAttrTop] = math.Log1p(float64(top.attr))
	f[fLenH] = math.Log1p(nh)
	f[fLenP] = math.Log1p(float64(plen))
	f[fLenRatio] = math.Log((1 + float64(plen)) / (1 + nh))
	f[fSents] = math.Log1p(float64(len(p.sents)))
	return v
}

func addInfo(dst, s *sentInfo) {
	dst.passive += s.passive
	dst.voice += s.voice
	dst.dirs |= s.dirs
	dst.neg += s.neg
	dst.hedge += s.hedge
	dst.attr += s.attr
	dst.excl += s.excl
	dst.cont += s.cont
	dst.change += s.change
	dst.question += s.question
	dst.univ += s.univ
	dst.exist += s.exist
	dst.negq += s.negq
	dst.refute += s.refute
	dst.dis += s.dis
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

func containsInt(l []int, v int) bool {
	for _, x := range l {
		if x == v {
			return true
		}
	}
	return false
}

func sortInts(l []int) {
	for i := 1; i < len(l); i++ {
		for j := i; j > 0 && l[j] < l[j-1]; j-- {
			l[j], l[j-1] = l[j-1], l[j]
		}
	}
}

// localIndex maps premise content token j to its index among the chosen
// sentences' tokens, or -1.
func localIndex(j int, p *text, chosen []int) int {
	off := 0
	for _, s := range chosen {
		si := &p.sents[s]
		if j >= si.first && j < si.last {
			return off + j - si.first
		}
		off += si.last - si.first
	}
	return -1
}

// closer reports whether premise token j sits nearer than k to where
// hypothesis token i would sit, by relative position in the chosen text;
// it decides which of several equal words a hypothesis word aligns to.
func closer(j, k, i, hn int, p *text, chosen []int) bool {
	n := 0
	for _, s := range chosen {
		n += p.sents[s].last - p.sents[s].first
	}
	if n == 0 {
		return false
	}
	want := float64(i) / float64(max(hn, 1))
	dj := math.Abs(float64(localIndex(j, p, chosen))/float64(n) - want)
	dk := math.Abs(float64(localIndex(k, p, chosen))/float64(n) - want)
	return dj < dk
}

// isPerson reports whether a word names a kind of person ("man",
// "girl", "doctor").
func isPerson(c *ctok) bool {
	if c.num || c.name {
		return false
	}
	_, ok := lexicon.Hypernym(c.norm, "person")
	return ok
}

// negEntailed measures "not A" against "B" where B entails A: when one
// side only is negated, it returns the share of the negated side's content
// words that the other side entails (the same word, a synonym, a derived
// form, or a word that is a kind of it), else 0. A negated sentence
// contradicts any sentence that entails what it denies, however the words
// differ: "There is no one cutting a tomato" against "The lady is slicing a
// tomato". Words the unnegated side adds do not count against it ("A man is
// slicing a potato into pieces" still entails "a man cutting a potato"),
// while words of the negated side with no entailing counterpart do: that
// part of the denial may be what is false ("no man playing a piano"
// against "a man playing a guitar").
func negEntailed(p, h *text, chosen []int, rel, to []int, hn, negH, negP int) float64 {
	switch {
	case negH%2 == 1 && negP%2 == 0:
		// The hypothesis denies: every hypothesis word should be
		// entailed by its premise counterpart (equal or more specific).
		var ok float64
		for i := range hn {
			switch rel[i] {
			case relExact, relLemma, relDerived, relHyper, relGloss, relHyperFar:
				ok++
			}
		}
		return ok / float64(len(h.toks))
	case negP%2 == 1 && negH%2 == 0:
		// The premise denies: every premise word of the chosen
		// sentences should be entailed by a hypothesis word.
		n := 0
		for _, s := range chosen {
			n += p.sents[s].last - p.sents[s].first
		}
		if n == 0 {
			return 0
		}
		var ok float64
		for _, s := range chosen {
			si := &p.sents[s]
			for j := si.first; j < si.last; j++ {
				for i := range hn {
					if to[i] != j {
						continue
					}
					if r := rel[i]; r == relExact || r == relLemma || r == relDerived || r == relHypo || r == relGlossOf || r == relHypoFar {
						ok++
						break
					}
				}
			}
		}
		return ok / float64(n)
	}
	return 0
}

// sameSlot reports whether hypothesis word i and its premise counterpart
// j share a neighbour: the word before (or after) i is aligned to the word
// before (or after) j.
func sameSlot(i, j int, rel, to []int, hn int) bool {
	aligned := func(k int) bool { return k >= 0 && k < hn && rel[k] >= relExact && rel[k] <= relAligned }
	if aligned(i-1) && to[i-1] == j-1 {
		return true
	}
	if aligned(i+1) && to[i+1] == j+1 {
		return true
	}
	// A word between the neighbours ("a big dog" / "a cat") is fine too.
	if aligned(i-1) && to[i-1] < j && aligned(i+1) && to[i+1] > j {
		return true
	}
	return false
}

// roleSwapShare is swapShare with each side's words ordered by role: a
// passive is read in active order (its agent first, its subject last), so
// "A boy is playing a guitar" and "A guitar is being played by a kid" keep
// their roles, while "The dog is brushing the monkey" against "The monkey
// is being brushed by the dog" reverses them. order_swap cannot tell these
// apart: both reverse the words' order.
func roleSwapShare(p, h *text, rel, to []int) float64 {
	key := func(t *text, i int) int {
		return i + int(t.toks[i].role)<<20
	}
	var pairs, inv float64
	for a := range rel {
		if rel[a] < relExact || rel[a] > relAligned {
			continue
		}
		for b := range rel {
			if b == a || rel[b] < relExact || rel[b] > relAligned || to[b] == to[a] || key(h, b) <= key(h, a) {
				continue
			}
			pairs++
			if key(p, to[b]) < key(p, to[a]) {
				inv++
			}
		}
	}
	if pairs == 0 {
		return 0
	}
	return inv / pairs
}

// swapShare is the share of pairs of aligned hypothesis words whose
// premise counterparts come in the opposite order.
func swapShare(rel, to []int) float64 {
	var pairs, inv float64
	for a := range rel {
		if rel[a] < relExact || rel[a] > relAligned {
			continue
		}
		for b := a + 1; b < len(rel); b++ {
			if rel[b] < relExact || rel[b] > relAligned || to[b] == to[a] {
				continue
			}
			pairs++
			if to[b] < to[a] {
				inv++
			}
		}
	}
	if pairs == 0 {
		return 0
	}
	return inv / pairs
}

// bigramCover is the share of consecutive hypothesis content-word pairs
// that also occur consecutively in the premise.
func bigramCover(p, h *text) float64 {
	n, got := 0, 0
	for i := 0; i+1 < len(h.toks); i++ {
		a, b := &h.toks[i], &h.toks[i+1]
		if a.sent != b.sent {
			continue
		}
		n++
		for j := 0; j+1 < len(p.toks); j++ {
			if p.toks[j].sent == p.toks[j+1].sent && same(&p.toks[j], a) && same(&p.toks[j+1], b) {
				got++
				break
			}
		}
	}
	if n == 0 {
		return 0
	}
	return float64(got) / float64(n)
}

// numbers compares the quantities and dates of the hypothesis with those of
// the chosen premise sentences.
func numbers(p, h *text, chosen []int, rel, to []int, f *[NumFeatures]float64) {
	var match, mismatch, slot, unaligned, dates float64
	for si := range h.doc.Sentences {
		for _, q := range h.doc.Sentences[si].Quantities {
			sameUnit, equal := false, false
			for _, s := range chosen {
				for _, pq := range p.doc.Sentences[s].Quantities {
					if pq.Unit != q.Unit {
						continue
					}
					sameUnit = true
					if closeValue(pq.Value, q.Value, pq.Approx || q.Approx) {
						equal = true
					}
				}
			}
			switch {
			case equal:
				match++
			case sameUnit:
				mismatch++
				if countedAligned(p, h, q.Span, rel, to) {
					slot++
				}
			default:
				unaligned++
			}
		}
		for _, d := range h.doc.Sentences[si].Dates {
			any, overlap := false, false
			for _, s := range chosen {
				for _, pd := range p.doc.Sentences[s].Dates {
					any = true
					if !pd.From.After(d.To) && !d.From.After(pd.To) {
						overlap = true
					}
				}
			}
			if any && !overlap {
				dates++
			}
		}
	}
	f[fNumMatch] = math.Min(match, 3)
	f[fNumMismatch] = math.Min(mismatch, 3)
	f[fNumSlot] = math.Min(slot, 3)
	f[fNumUnaligned] = math.Min(unaligned, 3)
	f[fDateMismatch] = math.Min(dates, 3)
}

func closeValue(a, b float64, approx bool) bool {
	if a == b {
		return true
	}
	tol := 1e-9
	if approx {
		tol = 0.1
	}
	return math.Abs(a-b) <= tol*math.Max(math.Abs(a), math.Abs(b))
}

// countedAligned reports whether the word counted by the hypothesis
// quantity q (the first content word after it) is aligned to a premise
// word that itself follows a number: the two numbers fill the same slot.
func countedAligned(p, h *text, q tokenize.Span, rel, to []int) bool {
	for i := range rel {
		if h.toks[i].start < q.End || h.toks[i].num {
			continue
		}
		if rel[i] < relExact || rel[i] > relAligned {
			return false
		}
		j := to[i]
		return j > 0 && p.toks[j-1].num && p.toks[j-1].sent == p.toks[j].sent
	}
	return false
}

// substituted reports whether unaligned hypothesis word i sits where the
// premise has an unaligned word: its aligned neighbours bracket one in
// the premise ("a man is playing a guitar" / "a man is sleeping").
func substituted(i int, rel, to []int, hn int, pAligned []bool, p *text, chosen []int) bool {
	aligned := func(k int) bool { return k >= 0 && k < hn && rel[k] >= relExact && rel[k] <= relAligned }
	unalignedAt := func(j int) bool {
		if j < 0 || j >= len(p.toks) {
			return false
		}
		k := localIndex(j, p, chosen)
		return k >= 0 && k < len(pAligned) && !pAligned[k]
	}
	before, after := aligned(i-1), aligned(i+1)
	switch {
	case before && after:
		return to[i+1]-to[i-1] >= 2 && unalignedAt(to[i-1]+1)
	case before && i == hn-1:
		return unalignedAt(to[i-1]+1) && p.toks[to[i-1]+1].sent == p.toks[to[i-1]].sent
	case after && i == 0:
		return unalignedAt(to[i+1]-1) && p.toks[to[i+1]-1].sent == p.toks[to[i+1]].sent
	}
	return false
}
