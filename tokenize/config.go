package tokenize

// STUB: replaced by the real configuration loader.

// Config is the tokenizer's configuration data: the entity alias table and the
// cue word lists. DefaultConfig returns the embedded defaults; a user file is
// merged on top with Merge.
type Config struct {
	Entities []EntityDef          `json:"entities,omitempty"`
	Cues     map[CueKind][]string `json:"cues,omitempty"`
}

// EntityDef is one entity of the alias table.
type EntityDef struct {
	Name    string   `json:"name"`              // canonical name shown in reports
	Class   string   `json:"class,omitempty"`   // company, product, platform, agency, ...
	Aliases []string `json:"aliases,omitempty"` // other ways of writing it
}

// DefaultConfig returns a copy of the embedded default configuration.
func DefaultConfig() *Config { return &Config{} }

// lexicon is a compiled Config: lookup tables built once per Tokenizer.
type lexicon struct{}

func (c *Config) compile() (*lexicon, error) { return &lexicon{}, nil }

// annotate fills d.Sentences[si]'s Cues, Quantities, Dates and Mentions, and
// sets the Kind of tokens inside money, percent and date expressions.
func (lx *lexicon) annotate(d *Document, si int) {}
