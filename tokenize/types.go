package tokenize

import "time"

// Span is a [Start, End) range of UTF-8 byte offsets into a Source's Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// Source is one article as read from disk (or stdin), before analysis.
type Source struct {
	ID     string    // unique within a run; by default the file name without extension
	Path   string    // where it was read from; empty for embedded or in-memory sources
	Title  string    // from front matter or the first line
	Outlet string    // publisher, where known
	URL    string    // where known
	Date   time.Time // publication date; zero when unknown
	Text   []byte    // the bytes every Span indexes (for HTML, the extracted text)
	// BodyStart is the offset where analysable text begins; front matter
	// before it is kept in Text (so offsets stay file offsets) but not analysed.
	BodyStart int
}

// Kind classifies a token.
type Kind uint8

// Token kinds. Money, Percent and Date are assigned to every token inside a
// recognised quantity or date expression, so a detector can skip them as words.
const (
	Word Kind = iota
	Number
	Money
	Percent
	Date
	Punct
	Symbol
)

var kindNames = [...]string{"word", "number", "money", "percent", "date", "punct", "symbol"}

// String returns the lower-case name of the kind.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// Token is one word, number or punctuation mark.
type Token struct {
	Span
	Norm string // case-folded text, curly quotes and dashes normalised
	Stem string // snowball stem of ordinary words; Norm for names, acronyms, numbers
	Kind Kind
	Tag  string // Penn Treebank part-of-speech tag; empty when tagging is off
	// Cap is true for a word written with an initial capital that is not
	// merely sentence-initial, or an all-capitals acronym.
	Cap bool
}

// CueKind names a family of cue words.
type CueKind string

// Cue families. Their word lists are configuration data (Config.Cues).
const (
	CueNegation    CueKind = "negation"     // not, never, no, denied
	CueHedge       CueKind = "hedge"        // may, could, would, reportedly, if
	CueAttribution CueKind = "attribution"  // said, according to, reported
	CueExclusive   CueKind = "exclusivity"  // sole, solely, exclusive, only, entirely
	CueContinue    CueKind = "continuation" // remains, still, continues
	CueChange      CueKind = "change"       // ended, no longer, ceased, now
	CueQuantifier  CueKind = "quantifier"   // all, every, some, none
	CueMulti       CueKind = "plurality"    // multiple, several, multi-cloud
	CueApproval    CueKind = "approval"     // consent, approved, allowed
	CueObjection   CueKind = "objection"    // violated, breach, objected
	CueQuestion    CueKind = "question"     // a sentence ending in '?'
)

// Cue is one occurrence of a cue word or phrase in a sentence.
type Cue struct {
	Span
	Kind CueKind
	Word string // the canonical cue phrase from the configuration
}

// Quantity is a number with its unit and scale resolved: "$110 billion" is
// {Value: 110e9, Unit: "USD"}; "13%" is {Value: 13, Unit: "%"}.
type Quantity struct {
	Span
	Value  float64
	Unit   string // ISO currency code, "%", or "" for a bare count
	Approx bool   // "around", "about", "nearly", "some", "up to", "~"
}

// DateRef is a date or period mentioned in the text, as an inclusive range
// of days: "February 2026" is Feb 1 to Feb 28.
type DateRef struct {
	Span
	From, To time.Time
}

// Mention is an occurrence of a named entity. Entity is the canonical name
// from the alias table, or the mention's own normalised text when unknown.
type Mention struct {
	Span
	Entity string
	Class  string // company, product, platform, agency, person, place, ...; "" if unknown
}

// Sentence is a span of text ending a statement, a headline, or a list item.
type Sentence struct {
	Span
	First, Last int  // its tokens are Document.Tokens[First:Last]
	Para        int  // index into Document.Paragraphs
	Heading     bool // a title or heading line without final punctuation
	Cues        []Cue
	Quantities  []Quantity
	Dates       []DateRef
	Mentions    []Mention
}

// Paragraph is a block of text separated by blank lines or a line break.
type Paragraph struct {
	Span
	First, Last int // its sentences are Document.Sentences[First:Last]
}

// Document is a tokenized Source.
type Document struct {
	Source     Source
	Paragraphs []Paragraph
	Sentences  []Sentence
	Tokens     []Token
	lines      *lineIndex // where lines start, for Position
}

// Text returns the source text of a span.
func (d *Document) Text(s Span) string { return string(d.Source.Text[s.Start:s.End]) }

// SentenceTokens returns the tokens of sentence i.
func (d *Document) SentenceTokens(i int) []Token {
	s := d.Sentences[i]
	return d.Tokens[s.First:s.Last]
}
