package tokenize

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
)

// ErrUTF16 is returned (wrapped) for a source that starts with a UTF-16
// byte-order mark: its offsets could not index the bytes as UTF-8 text, so
// the caller must decode it first.
var ErrUTF16 = errors.New("UTF-16 text is not supported (decode it to UTF-8 first)")

var bom = []byte{0xEF, 0xBB, 0xBF}

// name returns how errors refer to a source.
func (s *Source) name() string {
	switch {
	case s.Path != "":
		return s.Path
	case s.ID != "":
		return s.ID
	}
	return "<input>"
}

// document is the body of Tokenizer.Document.
func (t *Tokenizer) document(src Source) (*Document, error) {
	return t.documentCached(src, nil)
}

// documentCached is document with a goroutine's own stem cache (see cut).
func (t *Tokenizer) documentCached(src Source, stems map[string]string) (*Document, error) {
	d, err := t.cutCached(src, stems)
	if err != nil {
		return nil, err
	}
	for si := range d.Sentences {
		t.lex.annotate(d, si)
	}
	return d, nil
}

// cut does all of document but the lexicon's annotations: paragraphs,
// sentences, tokens with norms, tags, Cap and stems.
func (t *Tokenizer) cut(src Source) (*Document, error) { return t.cutCached(src, nil) }

// cutCached is cut with stems, when not nil, a cache of stems owned by the
// calling goroutine (see finisher.local).
func (t *Tokenizer) cutCached(src Source, stems map[string]string) (*Document, error) {
	text := src.Text
	body := src.BodyStart
	if body < 0 {
		body = 0
	}
	if body > len(text) {
		body = len(text)
	}
	if rest := text[body:]; len(rest) >= 2 && (rest[0] == 0xFF && rest[1] == 0xFE || rest[0] == 0xFE && rest[1] == 0xFF) {
		return nil, fmt.Errorf("tokenize: %s: byte %d: %w", src.name(), body, ErrUTF16)
	}
	if bytes.HasPrefix(text[body:], bom) {
		body += len(bom)
	}
	d := &Document{Source: src, lines: newLineIndex(text)}
	// News text has about one token per 5.3 bytes; reserving one per five
	// avoids copying a large document's tokens when the slice grows.
	d.Tokens = make([]Token, 0, (len(text)-body)/5+16)
	sg := segmenter{text: text, doc: d}
	sg.cut(body)
	// A news article has about one distinct form per three tokens.
	forms := len(d.Tokens)/3 + 8
	fin := finisher{text: text, doc: d, forms: make(map[string]normForm, forms), ids: make(map[string]int32, forms), norms: make([]normInfo, 0, forms), local: stems}
	fin.norm()
	fin.evidence()
	var lowered []string
	if !t.opts.NoTags {
		lowered = t.tagDocument(d, fin.needLowered())
	}
	fin.caps(lowered, !t.opts.NoTags)
	fin.stem()
	return d, nil
}

// documents is the body of Tokenizer.Documents.
func (t *Tokenizer) documents(ctx context.Context, srcs []Source) ([]*Document, error) {
	out := make([]*Document, len(srcs))
	errs := make([]error, len(srcs))
	workers := t.opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	if workers > len(srcs) {
		workers = len(srcs)
	}
	jobs := make(chan int)
	var wg sync.WaitGroup
	var progressMu sync.Mutex
	done := 0
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			stems := map[string]string{} // this worker's own stem cache
			for i := range jobs {
				if err := ctx.Err(); err != nil {
					errs[i] = fmt.Errorf("tokenize: %s: %w", srcs[i].name(), err)
					continue
				}
				out[i], errs[i] = t.safeDocument(srcs[i], stems)
				if t.opts.Progress != nil {
					progressMu.Lock()
					done++
					t.opts.Progress(done, len(srcs))
					progressMu.Unlock()
				}
			}
		}()
	}
feed:
	for i := range srcs {
		select {
		case jobs <- i:
		case <-ctx.Done():
			for j := i; j < len(srcs); j++ {
				errs[j] = fmt.Errorf("tokenize: %s: %w", srcs[j].name(), ctx.Err())
			}
			break feed
		}
	}
	close(jobs)
	wg.Wait()
	// The first error in input order, so the answer does not depend on
	// which worker finished first.
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// safeDocument turns a panic (a bug, never expected) into an error naming
// the source, so one bad article cannot take down a whole run.
func (t *Tokenizer) safeDocument(src Source, stems map[string]string) (d *Document, err error) {
	defer func() {
		if r := recover(); r != nil {
			d, err = nil, fmt.Errorf("tokenize: %s: internal error: %v", src.name(), r)
		}
	}()
	return t.documentCached(src, stems)
}

// sentence modes for deciding capitalisation.
type capMode uint8

const (
	normalCase capMode = iota
	titleCase          // most long words capitalised: a headline
	upperCase          // most words in capitals: a shouted headline
)

// finisher fills the per-token fields that need the whole document: Norm,
// Cap (from evidence across sentences) and Stem.
type finisher struct {
	text []byte
	doc  *Document
	// Each distinct norm of the document gets a small id, so that the
	// evidence counts and stems below are slices indexed by id rather than
	// maps hashed once per token.
	forms map[string]normForm // interned norms: one entry per distinct written form
	ids   map[string]int32    // norm -> id
	nid   []int32             // per token: its norm's id
	norms []normInfo          // per norm id
	mode  []capMode           // per token

	free    []bool          // per token: a capital the writer chose freely
	lowStem map[string]bool // stems of words written in lower case
	// local, when not nil, caches stems for one goroutine across the
	// documents it tokenizes: a plain map is several times faster than
	// the shared stemCache, whose lookups dominated stemming.
	local map[string]string
}

// normForm is a written form's norm and the norm's id.
type normForm struct {
	norm string
	id   int32
}

// normInfo is what the finisher learns of one distinct norm.
type normInfo struct {
	norm             string
	capSeen, lowSeen int  // free capitalised / lower-case uses
	stemmable        int8 // 0 not yet known, 1 yes, -1 no
	lowStemmed       bool // its stem is in lowStem
	stemmed          bool // stem is set
	stem             string
}

func (f *finisher) norm() {
	f.nid = make([]int32, len(f.doc.Tokens))
	for i := range f.doc.Tokens {
		tk := &f.doc.Tokens[i]
		b := f.text[tk.Start:tk.End]
		nf, ok := f.forms[string(b)]
		if !ok {
			n := normalize(b)
			id, seen := f.ids[n]
			if !seen {
				id = int32(len(f.norms))
				f.ids[n] = id
				f.norms = append(f.norms, normInfo{norm: n})
			}
			nf = normForm{n, id}
			f.forms[string(b)] = nf
		}
		tk.Norm = nf.norm
		f.nid[i] = nf.id
	}
}

// isStemmable is stemmable of a norm id, remembered.
func (f *finisher) isStemmable(id int32) bool {
	ni := &f.norms[id]
	if ni.stemmable == 0 {
		ni.stemmable = -1
		if stemmable(ni.norm) {
			ni.stemmable = 1
		}
	}
	return ni.stemmable > 0
}

// modes classifies the capitalisation style of every token's clause (a
// sentence, or the part of one between colons, so the title-case label of
// "Exclusive Cloud Provider: Despite ..." counts as a headline).
func (f *finisher) modes() []capMode {
	if f.mode != nil {
		return f.mode
	}
	d := f.doc
	f.mode = make([]capMode, len(d.Tokens))
	for _, s := range d.Sentences {
		a := s.First
		for i := s.First; i <= s.Last; i++ {
			if i < s.Last && !(d.Tokens[i].Kind == Punct && d.Tokens[i].Norm == ":") {
				continue
			}
			m := clauseMode(f.text, d.Tokens[a:i], i == s.Last && i > a && d.Tokens[i-1].Norm == ".")
			for k := a; k < i; k++ {
				f.mode[k] = m
			}
			a = i + 1
		}
	}
	return f.mode
}

// clauseMode tells a headline written in Title Case or in capitals from
// ordinary text. A clause that ends the sentence with a full stop and has a
// long word in lower case is a sentence full of names ("The Carrow poll has
// Ada Brenner at 48% and Tom Voss at 44%."), not a headline: headlines
// capitalise every long word and seldom end in a full stop.
func clauseMode(text []byte, toks []Token, fullStop bool) capMode {
	if len(toks) > 25 {
		return normalCase
	}
	long, capd, words, upper := 0, 0, 0, 0
	for _, tk := range toks {
		if tk.Kind != Word {
			continue
		}
		c := caseOf(text[tk.Start:tk.End])
		if c.letters >= 2 {
			words++
			if c.upper == c.letters {
				upper++
			}
		}
		if c.letters >= 4 {
			long++
			if c.firstUpper {
				capd++
			}
		}
	}
	switch {
	case words >= 3 && upper*5 >= words*4:
		return upperCase
	case long >= 2 && capd*4 >= long*3 && !(fullStop && capd < long):
		return titleCase
	}
	return normalCase
}

// wordCase summarises the letters of a word.
type wordCase struct {
	letters, upper int
	firstUpper     bool // the first letter is upper case
	camel          bool // an upper-case letter follows a lower-case one in a run of letters
}

func caseOf(b []byte) wordCase {
	var c wordCase
	lower := false
	ascii := true
	for _, x := range b {
		if x >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		for _, x := range b {
			switch {
			case 'A' <= x && x <= 'Z':
				if c.letters == 0 {
					c.firstUpper = true
				}
				c.letters++
				c.upper++
				if lower {
					c.camel = true
				}
			case 'a' <= x && x <= 'z':
				c.letters++
				lower = true
			default:
				lower = false // "Multi-Cloud" is not camel case
			}
		}
		return c
	}
	for i := 0; i < len(b); {
		r, n := decodeAt(b, i, len(b))
		i += n
		if !unicode.IsLetter(r) {
			lower = false
			continue
		}
		up := unicode.IsUpper(r) || unicode.IsTitle(r)
		if c.letters == 0 {
			c.firstUpper = up
		}
		c.letters++
		if up {
			c.upper++
			if lower {
				c.camel = true
			}
		} else if unicode.IsLower(r) {
			lower = true
		}
	}
	return c
}

// Capitalisation. A capital is evidence of a name only where the writer was
// free to choose: mid-sentence, in a sentence written in normal case.
// Elsewhere (the first word of a sentence, after a colon or an opening
// quote, every word of a title-case or all-capitals headline, and any
// capitalised function word) the word is a name if the document writes it
// capitalised in free positions and (nearly) never in lower case. With no
// such evidence the tagger decides: a proper noun (NNP) that stays a noun
// when the sentence is tagged again in lower case ("Nvidia grew", but not
// "Please share", "Never again", "Dangerous storms"). In a headline clause
// the lower-cased tag alone counts, so a headline's every word is not a
// proper noun just for its capital.

// evidence collects, before tagging, which capitals are free and how often
// each word is written capitalised freely and in lower case.
func (f *finisher) evidence() {
	d := f.doc
	mode := f.modes()
	f.free = make([]bool, len(d.Tokens))
	// At most one stem per distinct norm; most norms are written in lower
	// case, so sizing for all of them spares the map its growth.
	f.lowStem = make(map[string]bool, len(f.norms))
	for _, s := range d.Sentences {
		afterBreak := true // at the start of the sentence or a clause opening
		for i := s.First; i < s.Last; i++ {
			tk := &d.Tokens[i]
			if tk.Kind != Word {
				b := f.text[tk.Start:tk.End]
				switch {
				case string(b) == ":":
					afterBreak = true
				case opensQuote(d, i):
					// A quotation's first capital is by rule, unless the
					// quote is a capitalised phrase: "Strategic Consent".
					afterBreak = true
					if i+2 < s.Last && d.Tokens[i+2].Kind == Word {
						c := caseOf(f.text[d.Tokens[i+2].Start:d.Tokens[i+2].End])
						afterBreak = !c.firstUpper || c.upper == c.letters // "Scaling AI for everyone"
					}
				case tk.Kind == Punct && (string(b) == "-" || string(b) == "–" || string(b) == "—"):
					// a dash keeps the state: "— The company said"
				case tk.Kind == Number:
					afterBreak = false
				}
				continue
			}
			wasBreak := afterBreak
			afterBreak = false
			c := caseOf(f.text[tk.Start:tk.End])
			if c.letters == 0 {
				continue
			}
			if c.upper == 0 {
				id := f.nid[i]
				f.norms[id].lowSeen++
				if !f.norms[id].lowStemmed && f.isStemmable(id) {
					f.norms[id].lowStemmed = true
					f.lowStem[f.stemOf(id)] = true
				}
				continue
			}
			if mode[i] != normalCase || wasBreak || openers[tk.Norm] {
				continue
			}
			f.free[i] = true
			f.norms[f.nid[i]].capSeen++
		}
	}
}

// capRule says how token i's Cap is decided.
type capRule uint8

const (
	capNo       capRule = iota // not capitalised (or the pronoun I)
	capYes                     // free capital, acronym, camel case, or evidence for
	capEvidence                // evidence against: written in lower case elsewhere
	capOpen                    // no evidence either way: the tagger decides
)

func (f *finisher) rule(i int) capRule {
	d := f.doc
	tk := &d.Tokens[i]
	if tk.Kind != Word {
		return capNo
	}
	c := caseOf(f.text[tk.Start:tk.End])
	if c.upper == 0 || tk.Norm == "i" || len(tk.Norm) > 2 && tk.Norm[0] == 'i' && tk.Norm[1] == '\'' {
		return capNo
	}
	if f.free[i] {
		return capYes
	}
	if f.mode[i] != upperCase && (c.camel || c.upper >= 2 && c.upper == c.letters) {
		return capYes // an acronym or OpenAI-style name
	}
	id := f.nid[i]
	cs, ls := f.norms[id].capSeen, f.norms[id].lowSeen
	switch {
	case cs > 0 && cs >= 3*ls:
		return capYes
	case ls > 0:
		return capEvidence
	case cs == 0 && f.isStemmable(id) && f.lowStem[f.stemOf(id)]:
		return capEvidence // "Shareholder pressure." beside "shareholders"
	}
	return capOpen
}

// needLowered lists, per sentence, the token windows to tag a second time
// in lower case: a whole sentence with a headline clause, otherwise two
// tokens either side of each word whose capital has no evidence (the
// tagger looks two words each way, so a window tags it as the sentence
// would, at a fraction of the cost).
func (f *finisher) needLowered() [][]Span {
	d := f.doc
	need := make([][]Span, len(d.Sentences))
	for si, s := range d.Sentences {
		var w []Span
		for i := s.First; i < s.Last; i++ {
			if d.Tokens[i].Kind != Word {
				continue
			}
			if f.mode[i] != normalCase {
				w = []Span{{s.First, s.Last}}
				break
			}
			if f.rule(i) != capOpen {
				continue
			}
			a, b := max(s.First, i-2), min(s.Last, i+3)
			if n := len(w); n > 0 && w[n-1].End >= a {
				w[n-1].End = b // overlapping windows merge
				continue
			}
			w = append(w, Span{a, b})
		}
		need[si] = w
	}
	return need
}

// nounish are the tags a name may get when written in lower case.
var nounish = map[string]bool{"NN": true, "NNS": true, "NNP": true, "NNPS": true, "FW": true}

// caps decides Token.Cap; lowered holds the lower-case tags of the
// sentences needLowered marked (nil when untagged).
func (f *finisher) caps(lowered []string, tagged bool) {
	d := f.doc
	for _, s := range d.Sentences {
		for i := s.First; i < s.Last; i++ {
			tk := &d.Tokens[i]
			switch f.rule(i) {
			case capYes:
				tk.Cap = true
			case capOpen:
				switch {
				case tagged && f.mode[i] != normalCase:
					tk.Cap = lowered != nil && (lowered[i] == "NNP" || lowered[i] == "NNPS")
				case tagged:
					// Lower-casing "Al-Shabab" makes a hyphenated adjective
					// of it, so a name of capitalised parts skips that test.
					tk.Cap = (tk.Tag == "NNP" || tk.Tag == "NNPS") &&
						(lowered == nil || nounish[lowered[i]] || capitalParts(f.text[tk.Start:tk.End]))
				case f.mode[i] == normalCase && !openers[tk.Norm] && i+1 < s.Last && f.free[i+1]:
					// Untagged, a sentence-initial word never written in
					// lower case that runs into a capitalised word starts a
					// name: "Amazon Web Services said".
					next := caseOf(f.text[d.Tokens[i+1].Start:d.Tokens[i+1].End])
					tk.Cap = !next.camel && next.upper < next.letters
				}
			}
		}
	}
}

// capitalParts reports whether a hyphenated word has two or more parts,
// each capitalised: "Al-Shabab", "Abdel-Majed".
func capitalParts(b []byte) bool {
	parts := bytes.Split(b, []byte("-"))
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if !caseOf(p).firstUpper {
			return false
		}
	}
	return true
}

// opensQuote reports whether token i opens a quotation: a curly opening
// quote, or a straight one with space before it and a word right after it.
// The first word of a quotation is capitalised by rule, not as a name.
func opensQuote(d *Document, i int) bool {
	tk := d.Tokens[i]
	switch string(d.Source.Text[tk.Start:tk.End]) {
	case "“", "‘", "«":
		return true
	case "\"", "'":
		before := i == 0 || d.Tokens[i-1].End < tk.Start
		after := i+1 < len(d.Tokens) && d.Tokens[i+1].Start == tk.End
		return before && after
	}
	return false
}

// stem fills Token.Stem: snowball for ordinary words, the norm for names,
// acronyms, numbers and anything that is not a plain word.
func (f *finisher) stem() {
	for i := range f.doc.Tokens {
		tk := &f.doc.Tokens[i]
		tk.Stem = tk.Norm
		if tk.Kind != Word || tk.Cap || !f.isStemmable(f.nid[i]) {
			continue
		}
		tk.Stem = f.stemOf(f.nid[i])
	}
}

// stemOf returns the stem of a norm id, remembered for the document.
func (f *finisher) stemOf(id int32) string {
	ni := &f.norms[id]
	if ni.stemmed {
		return ni.stem
	}
	s, ok := f.local[ni.norm]
	if !ok {
		s = stemWord(ni.norm)
		if f.local != nil && len(f.local) < localStemMax {
			f.local[ni.norm] = s
		}
	}
	ni.stem, ni.stemmed = s, true
	return s
}

// localStemMax bounds a goroutine's own stem cache.
const localStemMax = 50_000

// stemCache remembers stems across documents: news vocabulary repeats, and
// snowball is the costliest step after tagging. It stops growing at
// stemCacheMax entries so memory stays bounded on any input.
var (
	stemCache     sync.Map // string -> string
	stemCacheSize atomic.Int64
)

const stemCacheMax = 200_000

func stemWord(w string) string {
	if s, ok := stemCache.Load(w); ok {
		return s.(string)
	}
	s := english.Stem(w, false)
	if s == w {
		s = w // share the norm's memory
	}
	if stemCacheSize.Load() < stemCacheMax {
		if _, loaded := stemCache.LoadOrStore(w, s); !loaded {
			stemCacheSize.Add(1)
		}
	}
	return s
}

// stemmable reports whether snowball should see a word: letters with
// internal hyphens or apostrophes, of a sane length.
func stemmable(s string) bool {
	if len(s) < 3 || len(s) > 40 {
		return false
	}
	for i, r := range s {
		switch {
		case unicode.IsLetter(r):
		case (r == '-' || r == '\'') && i > 0:
		default:
			return false
		}
	}
	return utf8.ValidString(s)
}
