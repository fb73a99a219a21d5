package analyze

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/crosscheck-go/crosscheck/tokenize"
	"github.com/kljensen/snowball/english"
)

//go:embed data/default.json
var defaultConfigJSON []byte

// DefaultConfig returns a copy of the embedded default configuration
// (data/default.json): general word lists, nothing specific to one story.
func DefaultConfig() *Config {
	c, err := ParseConfig(defaultConfigJSON)
	if err != nil { // the embedded file is checked by a test
		return &Config{}
	}
	return c
}

// ParseConfig decodes a configuration file in the JSON shape of Config.
func ParseConfig(data []byte) (*Config, error) {
	var c Config
	if err := json.Unmarshal(data, &c); err != nil {
		return nil, fmt.Errorf("analyze: config: %w", err)
	}
	return &c, nil
}

// Merge adds o's entries to c: a user's file extends the defaults rather
// than replacing them. A nil o is a no-op.
func (c *Config) Merge(o *Config) {
	if o == nil {
		return
	}
	c.Topics = append(c.Topics, o.Topics...)
	c.Antonyms = append(c.Antonyms, o.Antonyms...)
	c.StopWords = append(c.StopWords, o.StopWords...)
	c.Hosting = append(c.Hosting, o.Hosting...)
	c.Roles = append(c.Roles, o.Roles...)
	c.Links = append(c.Links, o.Links...)
	c.Copulas = append(c.Copulas, o.Copulas...)
	c.ClauseBreaks = append(c.ClauseBreaks, o.ClauseBreaks...)
	c.Speculative = append(c.Speculative, o.Speculative...)
	c.WeakChange = append(c.WeakChange, o.WeakChange...)
	c.Continuation = append(c.Continuation, o.Continuation...)
	c.Change = append(c.Change, o.Change...)
	c.Stops = append(c.Stops, o.Stops...)
	c.OrgNouns = append(c.OrgNouns, o.OrgNouns...)
	c.Measures = append(c.Measures, o.Measures...)
	c.Events = append(c.Events, o.Events...)
	c.Restores = append(c.Restores, o.Restores...)
	c.Reschedules = append(c.Reschedules, o.Reschedules...)
	c.Movements = append(c.Movements, o.Movements...)
	c.Cumulative = append(c.Cumulative, o.Cumulative...)
	c.Scales = append(c.Scales, o.Scales...)
	c.Occurrences = append(c.Occurrences, o.Occurrences...)
	c.Harm = append(c.Harm, o.Harm...)
	c.HarmSigns = append(c.HarmSigns, o.HarmSigns...)
	c.Causes = append(c.Causes, o.Causes...)
	c.Undetermined = append(c.Undetermined, o.Undetermined...)
	c.Unanimity = append(c.Unanimity, o.Unanimity...)
	c.Dissent = append(c.Dissent, o.Dissent...)
	c.Tallies = append(c.Tallies, o.Tallies...)
	c.Knowing = append(c.Knowing, o.Knowing...)
	c.VoteTallies = append(c.VoteTallies, o.VoteTallies...)
	c.Unharmed = append(c.Unharmed, o.Unharmed...)
	c.Deaths = append(c.Deaths, o.Deaths...)
	c.Survival = append(c.Survival, o.Survival...)
	c.Halts = append(c.Halts, o.Halts...)
	c.Runs = append(c.Runs, o.Runs...)
	c.Held = append(c.Held, o.Held...)
	c.PutOff = append(c.PutOff, o.PutOff...)
	c.Ends = append(c.Ends, o.Ends...)
	c.Efforts = append(c.Efforts, o.Efforts...)
	c.Possibilities = append(c.Possibilities, o.Possibilities...)
	c.HarmSeverity = append(c.HarmSeverity, o.HarmSeverity...)
	c.Plans = append(c.Plans, o.Plans...)
	c.Streaks = append(c.Streaks, o.Streaks...)
	c.Linking = append(c.Linking, o.Linking...)
	c.Dimensions = append(c.Dimensions, o.Dimensions...)
	c.ReportVerbs = append(c.ReportVerbs, o.ReportVerbs...)
}

// lexicon is a compiled Config: sets keyed by lower-case word and by stem,
// built once per Run or Judge.
type lexicon struct {
	stop        map[string]bool
	hosting     map[string]bool // stems
	roles       map[string]bool // stems
	links       map[string]bool // words
	copulas     map[string]bool // words
	breaks      map[string]bool // words
	speculative map[string]bool // words
	weakChange  map[string]bool // words
	orgNouns    map[string]bool // words
	events      map[string]bool // stems
	restores    map[string]bool // words as written
	reschedules [][]string      // phrases, as lower-case words
	harm        [][]string      // phrases, as lower-case words
	harmSigns   [][]string      // phrases, as lower-case words
	causes      [][]string      // phrases, as lower-case words
	// phraseFirst holds the first words of the phrase lists above (harm,
	// causes, votes), so a claim's words are matched against the lists
	// only where one can start: most words start none.
	phraseFirst map[string]bool
	phraseKey   map[string]bool // each phrase's longest word, for the claim's word classes (wordPhrase)
	unknown     [][]string      // phrases, as lower-case words (Undetermined)
	unanimity   [][]string      // phrases, as lower-case words
	tallies     map[string]bool // stems; a vote tally's are true in voteTallies too
	knowing     map[string]bool // stems
	voteTallies map[string]bool
	dissent     [][]string      // phrases, as lower-case words
	unharmed    map[string]bool // words
	movements   map[string]bool // stems
	cumulative  map[string]bool // measure names (a group's name, else the stem) of counts that only grow
	scales      map[string]bool // lower-case words
	occurrences map[string]bool // lower-case words
	deaths      map[string]bool // lower-case words
	survival    map[string]bool // lower-case words
	halts       map[string]bool // lower-case words
	runs        map[string]bool // lower-case words
	held        map[string]bool // lower-case words
	putOff      map[string]bool // lower-case words
	// ends maps each form of an end verb (Ends) to its lemma, all
	// lower-case: a group's first word.
	ends          map[string]string
	efforts       map[string]bool // lower-case words
	possibilities map[string]bool // lower-case words
	harmSeverity  map[string]bool // lower-case words
	plans         map[string]bool // lower-case words
	streaks       map[string]bool // lower-case words
	linking       map[string]bool // lower-case words
	dimensions    map[string]bool // lower-case words
	reportVerbs   map[string]bool // lower-case words
	// measureOf maps the stem of a noun in a Measures group to the group's
	// name (its first word's stem, marked "~").
	measureOf map[string]string
	// stateCues are extra continuation and change cues, each a sequence
	// of lower-case words.
	stateCues []extraCue
	// stateFirst holds the first word of every state cue: most tokens
	// start none, and are passed over with one lookup.
	stateFirst map[string]bool
	// word holds, for every word of stop, breaks and stateFirst, which of
	// them it is in: newClaim asks all three of each token, and one
	// lookup costs a third of three.
	word map[string]wordFlags
	// stops are the change cues, as written, that say a state stopped:
	// the configuration's Change words and Stops.
	stops    map[string]bool
	antonyms map[[2]string]bool
	antOf    map[string][]string // a word or stem to its configured opposites, as words and stems
	topics   []topicDef
}

// extraCue is a cue phrase of the configuration, matched on token norms.
type extraCue struct {
	kind  tokenize.CueKind
	words []string
}

type topicDef struct {
	name  string
	terms [][]string // each term as a sequence of stems
}

// phrases splits each entry into lower-case words, leaving out empty ones.
func phrases(entries []string) [][]string {
	var out [][]string
	for _, r := range entries {
		if w := strings.Fields(strings.ToLower(r)); len(w) > 0 {
			out = append(out, w)
		}
	}
	return out
}

// stem returns the snowball stem of a lower-case word, as tokenize does for
// ordinary words, so that configuration words match token stems.
func stem(w string) string { return english.Stem(strings.ToLower(w), false) }

func (c *Config) compile() *lexicon {
	lx := &lexicon{
		stop:        set(c.StopWords, strings.ToLower),
		hosting:     set(c.Hosting, stem),
		roles:       set(c.Roles, stem),
		links:       set(c.Links, strings.ToLower),
		copulas:     set(c.Copulas, strings.ToLower),
		breaks:      set(c.ClauseBreaks, strings.ToLower),
		speculative: set(c.Speculative, strings.ToLower),
		weakChange:  set(c.WeakChange, strings.ToLower),
		orgNouns:    set(c.OrgNouns, strings.ToLower),
		events:      set(c.Events, stem),
		restores:    set(c.Restores, strings.ToLower),
		movements:   set(c.Movements, stem),
		scales:      set(c.Scales, strings.ToLower),
		occurrences: set(c.Occurrences, strings.ToLower),
		unharmed:    set(c.Unharmed, strings.ToLower),
		deaths:      set(c.Deaths, strings.ToLower),
		survival:    set(c.Survival, strings.ToLower),
		halts:       set(c.Halts, strings.ToLower),
		runs:        set(c.Runs, strings.ToLower),
		held:        set(c.Held, strings.ToLower),
		putOff:      set(c.PutOff, strings.ToLower),
		efforts:     set(c.Efforts, strings.ToLower),
		tallies:     set(append(c.Tallies, c.VoteTallies...), stem),
		voteTallies: set(c.VoteTallies, stem),
		knowing:     set(c.Knowing, stem),
		antonyms:    map[[2]string]bool{},
		antOf:       map[string][]string{},
		stateFirst:  map[string]bool{},
	}
	lx.possibilities, lx.harmSeverity = set(c.Possibilities, strings.ToLower), set(c.HarmSeverity, strings.ToLower)
	lx.plans, lx.streaks = set(c.Plans, strings.ToLower), set(c.Streaks, strings.ToLower)
	lx.linking, lx.dimensions = set(c.Linking, strings.ToLower), set(c.Dimensions, strings.ToLower)
	lx.reportVerbs = set(c.ReportVerbs, strings.ToLower)
	lx.harm, lx.harmSigns = phrases(c.Harm), phrases(c.HarmSigns)
	lx.causes, lx.unknown = phrases(c.Causes), phrases(c.Undetermined)
	lx.unanimity, lx.dissent = phrases(c.Unanimity), phrases(c.Dissent)
	lx.phraseFirst, lx.phraseKey = map[string]bool{}, map[string]bool{}
	for _, ps := range [][][]string{lx.harm, lx.harmSigns, lx.causes, lx.unknown, lx.unanimity, lx.dissent} {
		for _, p := range ps {
			lx.phraseFirst[p[0]] = true
			// The phrase's longest word, rarer than "the" or "was" that
			// start some ("the cause was", "was to blame"): a claim
			// without it cannot hold the phrase.
			key := p[0]
			for _, w := range p[1:] {
				if len(w) > len(key) {
					key = w
				}
			}
			lx.phraseKey[key] = true
		}
	}
	for _, r := range c.Reschedules {
		if w := strings.Fields(strings.ToLower(r)); len(w) > 0 {
			lx.reschedules = append(lx.reschedules, w)
		}
	}
	lx.measureOf = map[string]string{}
	for _, g := range c.Measures {
		if len(g) == 0 {
			continue
		}
		name := "~" + stem(g[0])
		for _, w := range g {
			if s := stem(w); s != "" {
				if _, dup := lx.measureOf[s]; !dup {
					lx.measureOf[s] = name
				}
			}
		}
	}
	lx.ends = map[string]string{}
	for _, g := range c.Ends {
		if len(g) == 0 || strings.TrimSpace(g[0]) == "" {
			continue
		}
		lemma := strings.ToLower(strings.TrimSpace(g[0]))
		for _, w := range g {
			if w = strings.ToLower(strings.TrimSpace(w)); w != "" {
				if _, dup := lx.ends[w]; !dup {
					lx.ends[w] = lemma
				}
			}
		}
	}
	lx.cumulative = map[string]bool{}
	for _, w := range c.Cumulative {
		if s := stem(w); s != "" {
			if g, ok := lx.measureOf[s]; ok {
				lx.cumulative[g] = true
			}
			lx.cumulative[s] = true
		}
	}
	for _, p := range c.Antonyms {
		a, b := stem(p[0]), stem(p[1])
		if a == "" || b == "" || a == b {
			continue
		}
		lx.antonyms[[2]string{a, b}] = true
		lx.antonyms[[2]string{b, a}] = true
		wa, wb := strings.ToLower(p[0]), strings.ToLower(p[1])
		for _, k := range []string{a, wa} {
			lx.antOf[k] = append(lx.antOf[k], b, wb)
		}
		for _, k := range []string{b, wb} {
			lx.antOf[k] = append(lx.antOf[k], a, wa)
		}
	}
	for _, l := range []struct {
		kind  tokenize.CueKind
		words []string
	}{{tokenize.CueContinue, c.Continuation}, {tokenize.CueChange, c.Change}} {
		for _, w := range l.words {
			if f := strings.Fields(strings.ToLower(w)); len(f) > 0 {
				lx.stateCues = append(lx.stateCues, extraCue{kind: l.kind, words: f})
				lx.stateFirst[f[0]] = true
			}
		}
	}
	lx.stops = set(append(append([]string{}, c.Change...), c.Stops...), strings.ToLower)
	lx.word = make(map[string]wordFlags, len(lx.stop)+len(lx.breaks)+len(lx.stateFirst))
	for _, m := range []struct {
		set  map[string]bool
		flag wordFlags
	}{{lx.stop, wordStop}, {lx.breaks, wordBreak}, {lx.stateFirst, wordStateFirst}, {lx.phraseKey, wordPhrase}, {lx.unharmed, wordPhrase}} {
		for w, in := range m.set {
			if in {
				lx.word[w] |= m.flag
			}
		}
	}
	for w := range monthNumbers {
		lx.word[w] |= wordMonth
	}
	for w := range ordinals {
		lx.word[w] |= wordOrdinal
	}
	for w := range lx.ends {
		lx.word[w] |= wordEnd
	}
	for _, m := range []struct {
		set  map[string]bool
		flag wordFlags
	}{{lx.deaths, wordDeath}, {lx.survival, wordDeath}, {lx.halts, wordAllSome}, {lx.runs, wordAllSome}, {lx.held, wordHeld}, {lx.putOff, wordHeld}} {
		for w := range m.set {
			lx.word[w] |= m.flag
		}
	}
	for _, td := range c.Topics {
		if strings.TrimSpace(td.Name) == "" || len(td.Terms) == 0 {
			continue
		}
		d := topicDef{name: td.Name}
		for _, t := range td.Terms {
			var seq []string
			for _, w := range strings.Fields(t) {
				seq = append(seq, stem(w))
			}
			if len(seq) > 0 {
				d.terms = append(d.terms, seq)
			}
		}
		lx.topics = append(lx.topics, d)
	}
	sort.SliceStable(lx.topics, func(i, j int) bool { return lx.topics[i].name < lx.topics[j].name })
	return lx
}

// wordFlags says which of the word sets of the lexicon a word is in.
type wordFlags uint16

const (
	wordStop       wordFlags = 1 << iota // lx.stop
	wordBreak                            // lx.breaks
	wordStateFirst                       // lx.stateFirst
	wordPhrase                           // starts a harm, cause or vote phrase, or is an unharmed word
	wordMonth                            // a month name (findSchedules, recordMonths)
	wordOrdinal                          // an ordinal, or a word that may be a superlative (findRanks)
	wordNumber                           // a number token (findTallies)
	wordEnd                              // a form of an end verb ("sealed", "contain"; findEffort, findEnded)
	wordDeath                            // a death or survival word ("died", "survived"; findDeath)
	wordAllSome                          // a halt or run word ("cancelled", "operated"; findAllHalted, findSomeRan)
	wordHeld                             // a held or put-off word ("held", "postponed"; findHeldOrPutOff)
)

func set(words []string, f func(string) string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		if w = strings.TrimSpace(w); w != "" {
			m[f(w)] = true
		}
	}
	return m
}

// opposite reports whether two stems are antonyms: listed in the
// configuration, or the same root with opposite suffixes ("stateless"
// versus "stateful", "careless" versus "careful").
func (lx *lexicon) opposite(a, b string) bool {
	if a == b {
		return false
	}
	if lx.antonyms[[2]string{a, b}] {
		return true
	}
	return morphOpposite(a, b) || morphOpposite(b, a)
}

// negatingPrefixes are the prefixes morphOpposite reads as a negation.
// Only prefixes that almost always negate: "in-", "im-" and "dis-" also
// start many plain words ("inform", "discover").
var negatingPrefixes = []string{"un", "il", "ir", "non", "non-"}

// hasNegatingAffix reports whether morphOpposite(s, x) or morphOpposite(x,
// s) can hold for some x: one of the two always carries the affix.
func hasNegatingAffix(s string) bool {
	if strings.HasSuffix(s, "less") || strings.HasSuffix(s, "ful") {
		return true
	}
	for _, p := range negatingPrefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

func morphOpposite(a, b string) bool {
	ra, ok1 := strings.CutSuffix(a, "less")
	rb, ok2 := strings.CutSuffix(b, "ful")
	if ok1 && ok2 && len(ra) >= 3 && ra == rb {
		return true
	}
	for _, p := range negatingPrefixes {
		if r, ok := strings.CutPrefix(a, p); ok && len(r) >= 4 && r == b {
			return true
		}
	}
	return false
}

// oppositeIn returns a member of the sorted set ys opposite to p (see
// opposite), by lookups rather than by comparing p with every member.
func (lx *lexicon) oppositeIn(p string, ys []string) (string, bool) {
	for _, q := range lx.antOf[p] {
		if q != p && has(ys, q) {
			return q, true
		}
	}
	if r, ok := strings.CutSuffix(p, "less"); ok && len(r) >= 3 && has(ys, r+"ful") {
		return r + "ful", true
	}
	if r, ok := strings.CutSuffix(p, "ful"); ok && len(r) >= 3 && has(ys, r+"less") {
		return r + "less", true
	}
	for _, pre := range []string{"un", "il", "ir", "non", "non-"} {
		if r, ok := strings.CutPrefix(p, pre); ok && len(r) >= 4 && has(ys, r) {
			return r, true
		}
		if len(p) >= 4 && has(ys, pre+p) {
			return pre + p, true
		}
	}
	return "", false
}
