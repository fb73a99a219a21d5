package analyze

import "time"

// Kind is the kind of a finding.
type Kind string

// Finding kinds. A conflict has one of the conflict kinds; an agreement has
// KindAgreement.
const (
	KindExclusivity Kind = "exclusivity" // X is the sole provider versus Y provides it too
	KindPolarity    Kind = "polarity"    // negation or state mismatch on the same predicate
	KindNumeric     Kind = "numeric"     // the same quantity of the same thing with different values
	KindAntonym     Kind = "antonym"     // aligned words of opposite meaning
	KindAttitude    Kind = "attitude"    // approval versus objection about the same act
	KindTemporal    Kind = "temporal"    // a later source reports that an earlier claim changed
	KindSelf        Kind = "self"        // two statements of one source conflict
	KindOther       Kind = "other"
	KindAgreement   Kind = "agreement"
)

// Severity ranks findings for a reader.
type Severity string

// Severities, highest first.
const (
	High   Severity = "high"
	Medium Severity = "medium"
	Low    Severity = "low"
)

// Cue is one feature that drove a judgement, with the words that show it.
type Cue struct {
	Kind string `json:"kind"`           // negation, exclusivity, number, antonym, change, ...
	Side string `json:"side,omitempty"` // "a", "b", or "" when it concerns the pair
	Text string `json:"text"`           // the words, or a short description of the feature
}

// Evidence points at one side of a finding.
type Evidence struct {
	Source string `json:"source"` // source id
	Start  int    `json:"start"`  // byte offsets into the source's original text
	End    int    `json:"end"`
	Text   string `json:"text"` // exactly source text [Start:End]
	Line   int    `json:"line"` // 1-based position of Start
	Col    int    `json:"col"`
	// Hedged is true when the statement is attributed, conditional, modal or
	// a question rather than a bare assertion.
	Hedged bool `json:"hedged,omitempty"`
	// Asserter names who made the statement when it is attributed.
	Asserter string `json:"asserter,omitempty"`
	// Highlights are the spans (absolute offsets) of the words that conflict.
	Highlights []Span `json:"highlights,omitempty"`
	// Context is the paragraph around the statement, for side-by-side views.
	Context *Context `json:"context,omitempty"`
}

// Context is a passage of a source around a piece of evidence.
type Context struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"` // exactly source text [Start:End]
}

// Span is an absolute [Start, End) byte range inside a source.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Finding is a conflict or an agreement between two statements.
type Finding struct {
	ID          string   `json:"id"` // derived from content and offsets: stable across runs
	Topic       string   `json:"topic"`
	Kind        Kind     `json:"kind"`
	Severity    Severity `json:"severity"`
	Score       float64  `json:"score"` // in [0, 1]
	A           Evidence `json:"a"`
	B           Evidence `json:"b"`
	Explanation string   `json:"explanation"`
	Cues        []Cue    `json:"cues"`
	// Support lists the source ids standing with side A and side B,
	// including the two evidence sources (corroboration).
	SupportA []string `json:"support_a,omitempty"`
	SupportB []string `json:"support_b,omitempty"`
}

// Topic is a group of sentences about one thing.
type Topic struct {
	ID    string   `json:"id"`
	Name  string   `json:"name"`  // readable: its most salient terms
	Terms []string `json:"terms"` // stems and entities that define it
	// Sentences counts the sentences assigned to the topic, per source id.
	Sentences map[string]int `json:"sentences,omitempty"`
}

// SourceInfo is the metadata of one analysed source.
type SourceInfo struct {
	ID     string    `json:"id"`
	Path   string    `json:"path,omitempty"`
	Title  string    `json:"title,omitempty"`
	Outlet string    `json:"outlet,omitempty"`
	URL    string    `json:"url,omitempty"`
	Date   time.Time `json:"date,omitzero"`
	// Sentences is the number of sentences analysed.
	Sentences int `json:"sentences"`
}

// Result is everything a report renders.
type Result struct {
	Sources    []SourceInfo `json:"sources"`
	Topics     []Topic      `json:"topics"`
	Conflicts  []Finding    `json:"conflicts"`
	Agreements []Finding    `json:"agreements"`
	// Notes are plain-language remarks about the run, such as "cross-source
	// comparison needs two or more sources".
	Notes []string `json:"notes,omitempty"`
	// Stories lists the groups of sources analysed on their own when the
	// input mixed several stories; empty when all sources tell one story.
	Stories []Story `json:"stories,omitempty"`
}

// Story is a group of sources about one event. Conflicts are never reported
// between sources of different stories.
type Story struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`    // the title of its first source, for a reader
	Sources []string `json:"sources"` // source ids, in input order
}
