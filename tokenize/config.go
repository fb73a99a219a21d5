package tokenize

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Config is the tokenizer's configuration data: the entity alias table, the
// cue word lists and the words that shape quantities. DefaultConfig returns
// the embedded defaults (tokenize/data/default.json); a user file is read
// with LoadConfig and merged on top with Merge.
//
// Cue entries are words or phrases. A single word matches any word with the
// same snowball stem ("ended" also matches "ends"); a phrase matches as a
// sequence of words, each by stem. Three markers refine an entry: a leading
// "=" matches the exact word only ("=once" does not match "onc..."), a
// trailing "*" matches a word prefix ("multi-*" matches "multi-cloud"), and a
// leading "*" a word suffix ("*n't" matches "don't").
//
// In a JSON file each cue kind may be a list of words, or an object
// {"replace": true, "words": [...]} whose words replace the default list of
// that kind when merged. A top-level "replace": true replaces the whole
// default configuration. Keys the tokenizer does not know are ignored, so one
// user file can also carry the configuration of later stages.
type Config struct {
	// Replace makes Merge replace the receiver with this configuration
	// instead of extending it.
	Replace  bool                 `json:"replace,omitempty"`
	Entities []EntityDef          `json:"entities,omitempty"`
	Cues     map[CueKind][]string `json:"cues,omitempty"`
	// ReplaceCues lists the cue kinds whose words replace, rather than
	// extend, the receiver's words in Merge. The object form of a kind in
	// JSON ({"replace": true, ...}) adds the kind here.
	ReplaceCues []CueKind `json:"replace_cues,omitempty"`
	// Approx lists the words and phrases that mark an approximate quantity
	// when they come right before it: "around", "up to", "~".
	Approx []string `json:"approx,omitempty"`
	// Currencies maps a currency symbol, code or name, written before or
	// after a number, to its ISO 4217 code: "$" and "dollars" to "USD".
	// Keys are lower case; a key with a space is a word sequence ("us
	// dollars"), one without may also span adjacent tokens ("us$"). An empty
	// value in a user file deletes the key.
	Currencies map[string]string `json:"currencies,omitempty"`
	// Units maps a measure word after a number to its unit: "km", "percent"
	// to "%". Counts of things ("people", "jobs") are not units. Same key
	// rules as Currencies.
	Units map[string]string `json:"units,omitempty"`
	// CommonWords are ordinary English words that are also single-word
	// entity aliases ("apple", "windows"): they name the entity only when
	// written with a capital that is not merely sentence-initial.
	CommonWords []string `json:"common_words,omitempty"`
	// NotNames are capitalised words and acronyms that are never an unknown
	// entity on their own: "AI", "CEO", "GDP". They can still be part of an
	// alias or of a longer name ("AI Act").
	NotNames []string `json:"not_names,omitempty"`
	// NotCues are phrases that contain a cue word without being that cue:
	// "even if" asserts its main clause, "no doubt" and "not to mention"
	// negate nothing. They are matched like cues (longest first) and yield
	// no cue.
	NotCues []string `json:"not_cues,omitempty"`
	// Titles are words written before a name but not part of it:
	// "Commissioner", "CEO", "Prime Minister". They split a run of
	// capitalised words, so "Acme CEO Jane Doe" is two names.
	Titles []string `json:"titles,omitempty"`
}

// EntityDef is one entity of the alias table.
type EntityDef struct {
	Name    string   `json:"name"`              // canonical name shown in reports
	Class   string   `json:"class,omitempty"`   // one of Classes, by convention
	Aliases []string `json:"aliases,omitempty"` // other ways of writing it
	// Replace makes Merge replace an existing entity of the same name
	// (its class and aliases) instead of adding aliases to it.
	Replace bool `json:"replace,omitempty"`
}

// Classes is the documented list of entity classes used by the default alias
// table. A user file may use other classes; detectors treat them as opaque.
var Classes = []string{
	"company",      // a business: Microsoft, Pfizer
	"product",      // a thing a company sells: iPhone, ChatGPT
	"platform",     // a service others build or run on: AWS, Azure, YouTube
	"agency",       // a government agency or department: FDA, Pentagon
	"government",   // a government as a whole or its seat: White House, Kremlin
	"legislature",  // a parliament or congress
	"court",        // a court of law
	"place",        // a country, region or city
	"organisation", // an international body, NGO or institution: UN, WHO
	"person",       // a named person
	"media",        // a news organisation
	"party",        // a political party
	"investor",     // a fund or investment firm
}

// CueKinds lists every cue kind a configuration may name, in a fixed order.
var CueKinds = []CueKind{
	CueNegation, CueHedge, CueAttribution, CueExclusive, CueContinue, CueChange,
	CueQuantifier, CueMulti, CueApproval, CueObjection, CueQuestion,
}

//go:embed data/default.json
var defaultJSON []byte

// defaultConfig parses the embedded data once; DefaultConfig hands out copies.
var defaultConfig = sync.OnceValues(func() (*Config, error) {
	return LoadConfig(bytes.NewReader(defaultJSON))
})

// DefaultConfig returns a copy of the embedded default configuration. The
// copy is the caller's to change.
func DefaultConfig() *Config {
	c, err := defaultConfig()
	if err != nil {
		// The embedded file is tested (TestDefaultConfigValid); reaching this
		// is a build defect, not bad input.
		panic("tokenize: embedded default config: " + err.Error())
	}
	return c.Clone()
}

// ReadConfigFile reads a configuration file; errors name the file.
func ReadConfigFile(path string) (*Config, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("tokenize: config: %w", err)
	}
	defer f.Close()
	c, err := LoadConfig(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return c, nil
}

// LoadConfig reads a JSON configuration. Unknown keys are ignored; a syntax
// or type error names its line and column, and an invalid entry (an empty
// entity name, an unknown cue kind) says which.
func LoadConfig(r io.Reader) (*Config, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("tokenize: config: %w", err)
	}
	var c Config
	if err := json.Unmarshal(data, &c); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			line, col := lineCol(data, se.Offset)
			return nil, fmt.Errorf("tokenize: config: line %d, column %d: %w", line, col, err)
		case errors.As(err, &te):
			line, col := lineCol(data, te.Offset)
			return nil, fmt.Errorf("tokenize: config: line %d, column %d: %w", line, col, err)
		}
		return nil, fmt.Errorf("tokenize: config: %w", err)
	}
	if err := c.validate(); err != nil {
		return nil, err
	}
	return &c, nil
}

// lineCol converts a byte offset into 1-based line and column for messages.
func lineCol(data []byte, off int64) (int, int) {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	pre := data[:off]
	line := bytes.Count(pre, []byte{'\n'}) + 1
	col := int(off) - (bytes.LastIndexByte(pre, '\n') + 1) + 1
	return line, col
}

// cueList is the JSON form of one cue kind: a list, or an object that can
// ask to replace the default list.
type cueList struct {
	Replace bool
	Words   []string
}

func (l *cueList) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '{' {
		var o struct {
			Replace bool     `json:"replace"`
			Words   []string `json:"words"`
		}
		if err := json.Unmarshal(b, &o); err != nil {
			return err
		}
		l.Replace, l.Words = o.Replace, o.Words
		return nil
	}
	return json.Unmarshal(b, &l.Words)
}

// UnmarshalJSON accepts both forms of a cue kind (see Config).
func (c *Config) UnmarshalJSON(b []byte) error {
	type plain Config // no methods: avoids recursion
	var aux struct {
		plain
		Cues map[CueKind]cueList `json:"cues"`
	}
	if err := json.Unmarshal(b, &aux); err != nil {
		return err
	}
	*c = Config(aux.plain)
	if aux.Cues != nil {
		c.Cues = make(map[CueKind][]string, len(aux.Cues))
		for _, k := range sortedKeys(aux.Cues) {
			l := aux.Cues[k]
			c.Cues[k] = l.Words
			if l.Replace && !slices.Contains(c.ReplaceCues, k) {
				c.ReplaceCues = append(c.ReplaceCues, k)
			}
		}
	}
	return nil
}

// validate reports the first invalid entry, naming it.
func (c *Config) validate() error {
	for i, e := range c.Entities {
		if strings.TrimSpace(e.Name) == "" {
			return fmt.Errorf("tokenize: config: entities[%d]: empty name", i)
		}
		for j, a := range e.Aliases {
			if aliasKey(a) == "" {
				return fmt.Errorf("tokenize: config: entity %q: aliases[%d]: empty alias", e.Name, j)
			}
		}
	}
	for _, k := range sortedKeys(c.Cues) {
		if !slices.Contains(CueKinds, k) {
			return fmt.Errorf("tokenize: config: cues: unknown kind %q (known: %s)", k, joinKinds(CueKinds))
		}
		for j, w := range c.Cues[k] {
			if len(cueWords(w)) == 0 {
				return fmt.Errorf("tokenize: config: cues %q[%d]: empty word", k, j)
			}
		}
	}
	for _, k := range c.ReplaceCues {
		if !slices.Contains(CueKinds, k) {
			return fmt.Errorf("tokenize: config: replace_cues: unknown kind %q", k)
		}
	}
	for j, w := range c.NotCues {
		if len(cueWords(w)) == 0 {
			return fmt.Errorf("tokenize: config: not_cues[%d]: empty word", j)
		}
	}
	for j, w := range c.Approx {
		if len(strings.Fields(w)) == 0 {
			return fmt.Errorf("tokenize: config: approx[%d]: empty word", j)
		}
	}
	for _, m := range []struct {
		name string
		m    map[string]string
	}{{"currencies", c.Currencies}, {"units", c.Units}} {
		for _, k := range sortedKeys(m.m) {
			if strings.TrimSpace(k) == "" {
				return fmt.Errorf("tokenize: config: %s: empty key", m.name)
			}
		}
	}
	return nil
}

func joinKinds(ks []CueKind) string {
	s := make([]string, len(ks))
	for i, k := range ks {
		s[i] = string(k)
	}
	return strings.Join(s, ", ")
}

// Clone returns a deep copy of c.
func (c *Config) Clone() *Config {
	if c == nil {
		return nil
	}
	out := &Config{
		Replace:     c.Replace,
		ReplaceCues: slices.Clone(c.ReplaceCues),
		Approx:      slices.Clone(c.Approx),
		CommonWords: slices.Clone(c.CommonWords),
		NotNames:    slices.Clone(c.NotNames),
		Titles:      slices.Clone(c.Titles),
		NotCues:     slices.Clone(c.NotCues),
	}
	if c.Entities != nil {
		out.Entities = make([]EntityDef, len(c.Entities))
		for i, e := range c.Entities {
			e.Aliases = slices.Clone(e.Aliases)
			out.Entities[i] = e
		}
	}
	if c.Cues != nil {
		out.Cues = make(map[CueKind][]string, len(c.Cues))
		for k, v := range c.Cues {
			out.Cues[k] = slices.Clone(v)
		}
	}
	out.Currencies = cloneMap(c.Currencies)
	out.Units = cloneMap(c.Units)
	return out
}

func cloneMap(m map[string]string) map[string]string {
	if m == nil {
		return nil
	}
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// Merge extends c with a user's configuration. A user entity whose name
// matches one of c's (case-insensitively) adds its aliases to it, and sets its
// class when given; with Replace it replaces that entity; other entities are
// added. User cue words add to their kind unless the kind is in
// user.ReplaceCues. Approx, CommonWords, NotNames, NotCues and Titles are
// extended; Currencies and Units
// keys are set (an empty value deletes the key). With user.Replace the whole
// of c is replaced by a copy of user. Merge never removes duplicates the user
// did not add.
func (c *Config) Merge(user *Config) {
	if user == nil {
		return
	}
	if user.Replace {
		*c = *user.Clone()
		c.Replace = false
		c.ReplaceCues = nil
		return
	}
	byName := make(map[string]int, len(c.Entities))
	for i, e := range c.Entities {
		byName[foldName(e.Name)] = i
	}
	for _, ue := range user.Entities {
		ue.Aliases = slices.Clone(ue.Aliases)
		i, ok := byName[foldName(ue.Name)]
		if !ok {
			ue.Replace = false
			byName[foldName(ue.Name)] = len(c.Entities)
			c.Entities = append(c.Entities, ue)
			continue
		}
		e := &c.Entities[i]
		if ue.Replace {
			e.Class, e.Aliases = ue.Class, ue.Aliases
			continue
		}
		if ue.Class != "" {
			e.Class = ue.Class
		}
		e.Aliases = appendNew(e.Aliases, ue.Aliases, foldName)
	}
	if len(user.Cues) > 0 && c.Cues == nil {
		c.Cues = make(map[CueKind][]string)
	}
	for _, k := range sortedKeys(user.Cues) {
		if slices.Contains(user.ReplaceCues, k) {
			c.Cues[k] = slices.Clone(user.Cues[k])
			continue
		}
		c.Cues[k] = appendNew(c.Cues[k], user.Cues[k], strings.ToLower)
	}
	// A kind asked to be replaced but given no words is emptied.
	for _, k := range user.ReplaceCues {
		if _, ok := user.Cues[k]; !ok && c.Cues != nil {
			delete(c.Cues, k)
		}
	}
	c.Approx = appendNew(c.Approx, user.Approx, strings.ToLower)
	c.CommonWords = appendNew(c.CommonWords, user.CommonWords, strings.ToLower)
	c.NotNames = appendNew(c.NotNames, user.NotNames, strings.ToLower)
	c.Titles = appendNew(c.Titles, user.Titles, strings.ToLower)
	c.NotCues = appendNew(c.NotCues, user.NotCues, strings.ToLower)
	c.Currencies = mergeMap(c.Currencies, user.Currencies)
	c.Units = mergeMap(c.Units, user.Units)
}

func foldName(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// appendNew appends the items of add not already in dst (by key). It never
// writes into spare capacity of dst, which another Config may share.
func appendNew(dst, add []string, key func(string) string) []string {
	dst = slices.Clip(dst)
	seen := make(map[string]bool, len(dst))
	for _, s := range dst {
		seen[key(s)] = true
	}
	for _, s := range add {
		if k := key(s); !seen[k] {
			seen[k] = true
			dst = append(dst, s)
		}
	}
	return dst
}

func mergeMap(dst, add map[string]string) map[string]string {
	if len(add) == 0 {
		return dst
	}
	if dst == nil {
		dst = make(map[string]string, len(add))
	}
	for k, v := range add {
		k = strings.ToLower(strings.TrimSpace(k))
		if v == "" {
			delete(dst, k)
		} else {
			dst[k] = v
		}
	}
	return dst
}

func sortedKeys[K ~string, V any](m map[K]V) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	return keys
}

// lexicon is a compiled Config: lookup tables built once per Tokenizer and
// only read afterwards, so one lexicon serves many goroutines.
type lexicon struct {
	cues       cueTable
	approx     phraseTable // only the keys matter
	currencies phraseTable
	units      phraseTable
	// unitSuffix maps a one-word unit, lower case, to its code, for a unit
	// written onto its number ("5km", "41.3C").
	unitSuffix map[string]string
	// currencyCodes holds the values of currencies: the units that make a
	// quantity money.
	currencyCodes map[string]bool
	// aliases maps an alias key (see aliasKey) to its entry; aliasPrefix
	// holds every prefix of every key, to stop a match early.
	aliases     map[string]aliasEntry
	aliasPrefix map[string]bool
	aliasMay    prefixFilter // aliasPrefix's keys, for a cheap first no
	entities    []EntityDef
	notNames    map[string]bool // by aliasKey
	titles      map[string]bool // by aliasKey
}

// compile validates c and builds its lookup tables.
func (c *Config) compile() (*lexicon, error) {
	if err := c.validate(); err != nil {
		return nil, err
	}
	lx := &lexicon{
		aliases:     make(map[string]aliasEntry),
		aliasPrefix: make(map[string]bool),
	}
	lx.cues = buildCueTable(c.Cues, c.NotCues)
	lx.approx = newPhraseTable()
	for _, a := range c.Approx {
		lx.approx.add(a, "~")
	}
	lx.currencies = newPhraseTable()
	lx.currencyCodes = make(map[string]bool)
	for _, k := range sortedKeys(c.Currencies) {
		if v := c.Currencies[k]; v != "" {
			lx.currencies.add(k, v)
			lx.currencyCodes[v] = true
		}
	}
	lx.units = newPhraseTable()
	lx.unitSuffix = make(map[string]string)
	for _, k := range sortedKeys(c.Units) {
		if v := c.Units[k]; v != "" {
			lx.units.add(k, v)
			if !strings.ContainsAny(k, " /") {
				lx.unitSuffix[strings.ToLower(k)] = v
			}
		}
	}
	common := make(map[string]bool, len(c.CommonWords))
	for _, w := range c.CommonWords {
		common[aliasKey(w)] = true
	}
	lx.notNames = make(map[string]bool, len(c.NotNames))
	for _, w := range c.NotNames {
		lx.notNames[aliasKey(w)] = true
	}
	lx.titles = make(map[string]bool, len(c.Titles))
	for _, w := range c.Titles {
		lx.titles[aliasKey(w)] = true
	}
	lx.entities = make([]EntityDef, len(c.Entities))
	for i, e := range c.Entities {
		lx.entities[i] = EntityDef{Name: strings.Join(strings.Fields(e.Name), " "), Class: e.Class}
		// Later definitions win, so a user's entity can claim an alias
		// the defaults gave to another.
		for _, a := range append([]string{e.Name}, e.Aliases...) {
			key := aliasKey(a)
			if key == "" {
				continue
			}
			lx.aliases[key] = newAliasEntry(i, a, key, common[key])
			for j := 1; j <= len(key); j++ {
				lx.aliasPrefix[key[:j]] = true
				lx.aliasMay.add(key[:j])
			}
		}
	}
	return lx, nil
}

// annotate fills d.Sentences[si]'s Cues, Quantities, Dates and Mentions, and
// sets the Kind of tokens inside money, percent and date expressions. Dates
// are found first, then quantities, so a year is never counted as a number;
// mentions and cues skip the tokens those expressions cover.
func (lx *lexicon) annotate(d *Document, si int) {
	if d == nil || si < 0 || si >= len(d.Sentences) {
		return
	}
	s := &d.Sentences[si]
	if s.First < 0 || s.Last > len(d.Tokens) || s.First > s.Last {
		return
	}
	sc := &scan{lx: lx, d: d, s: s, si: si, toks: d.Tokens[s.First:s.Last], used: make([]bool, s.Last-s.First)}
	s.Dates = sc.dates()
	s.Quantities = sc.quantities()
	s.Mentions = sc.mentions()
	s.Cues = sc.cues()
}

// scan is the state of annotating one sentence.
type scan struct {
	lx   *lexicon
	d    *Document
	s    *Sentence
	si   int     // index of s in d.Sentences
	toks []Token // the sentence's tokens (a window on d.Tokens)
	used []bool  // tokens inside a date or quantity
}

// text returns the source text of token i of the sentence.
func (sc *scan) text(i int) string {
	t := sc.toks[i]
	if t.Start < 0 || t.End > len(sc.d.Source.Text) || t.Start > t.End {
		return t.Norm
	}
	return string(sc.d.Source.Text[t.Start:t.End])
}

// upperFirst reports whether the text of token i starts with a capital.
func (sc *scan) upperFirst(i int) bool {
	t := sc.toks[i]
	if t.Start < 0 || t.End > len(sc.d.Source.Text) || t.Start >= t.End {
		return false
	}
	r, _ := utf8.DecodeRune(sc.d.Source.Text[t.Start:t.End])
	return unicode.IsUpper(r)
}

// adjacent reports whether tokens i and i+1 touch (no space between).
func (sc *scan) adjacent(i int) bool {
	return i+1 < len(sc.toks) && sc.toks[i].End == sc.toks[i+1].Start
}

// phraseTable maps short word sequences to a value. A key with spaces
// matches those words in order; the words of a key may also be written
// without spaces between adjacent tokens ("us$" matches "US" "$").
type phraseTable struct {
	m map[string]string
	// prefix holds every byte prefix of every key, so a match stops at the
	// first token that cannot continue one: most tokens cost one lookup.
	prefix map[string]bool
	// may holds prefix's keys too, and rules most tokens out before the
	// map lookup: matches are tried at every token of every sentence.
	may prefixFilter
}

func newPhraseTable() phraseTable {
	return phraseTable{m: make(map[string]string), prefix: make(map[string]bool)}
}

// prefixFilterBits is the size of a prefixFilter, in bits (2^16: 8 KB).
const prefixFilterBits = 16

// prefixFilter is a set of strings that may answer "maybe" for a string
// not in it, never "no" for one in it: one bit per hash of a string's
// length and its first, second and last bytes. Asking costs a few
// operations where a map lookup hashes and compares the whole string.
type prefixFilter struct{ bits []uint64 }

// filterHash hashes a non-empty string or byte slice, the same for both.
func filterHash[S string | []byte](s S) uint32 {
	n := len(s)
	h := uint32(n)*0x9E3779B1 ^ uint32(s[0])<<16 ^ uint32(s[min(1, n-1)])<<8 ^ uint32(s[n-1])
	h *= 0x85EBCA6B
	return h >> (32 - prefixFilterBits)
}

// add puts s in the set.
func (f *prefixFilter) add(s string) {
	if s == "" {
		return
	}
	if f.bits == nil {
		f.bits = make([]uint64, 1<<prefixFilterBits/64)
	}
	h := filterHash(s)
	f.bits[h/64] |= 1 << (h % 64)
}

// mayHave reports false only when s was never added. The empty string
// and a filter with nothing added answer true, leaving the answer to the
// map the filter stands in front of.
func (f *prefixFilter) mayHave(s []byte) bool {
	if len(s) == 0 || f.bits == nil {
		return true
	}
	h := filterHash(s)
	return f.bits[h/64]&(1<<(h%64)) != 0
}

func (p *phraseTable) add(key, val string) {
	key = strings.Join(strings.Fields(strings.ToLower(key)), " ")
	if key == "" {
		return
	}
	p.m[key] = val
	for i := 1; i <= len(key); i++ {
		p.prefix[key[:i]] = true
		p.may.add(key[:i])
	}
}

// match returns the value and end (exclusive token index) of the longest
// key starting at token i, skipping used tokens.
func (p *phraseTable) match(sc *scan, i int) (string, int, bool) {
	var (
		best    string
		bestEnd int
		found   bool
		arr     [64]byte
	)
	buf := arr[:0]
	for j := i; j < len(sc.toks); j++ {
		t := sc.toks[j]
		if sc.used[j] || t.Kind == Punct && t.Norm != "." && t.Norm != "'" {
			break
		}
		if j > i && !sc.adjacent(j-1) {
			buf = append(buf, ' ')
		}
		buf = append(buf, t.Norm...)
		// The conversions in map indexes do not allocate.
		if !p.may.mayHave(buf) || !p.prefix[string(buf)] {
			break
		}
		if v, ok := p.m[string(buf)]; ok {
			best, bestEnd, found = v, j+1, true
		}
	}
	return best, bestEnd, found
}
