package tokenize

// This file fixes the package's API so the other stages can be built against it.
// Bodies marked STUB are replaced by the real implementation.

import "context"

// Options configures a Tokenizer. The zero value uses the embedded default
// configuration and tags parts of speech.
type Options struct {
	Config *Config // nil means DefaultConfig()
	NoTags bool    // skip part-of-speech tagging (faster; Token.Tag stays empty)
	// Workers bounds parallelism in Documents; 0 means GOMAXPROCS.
	Workers int
}

// Tokenizer turns Sources into Documents. It is safe for concurrent use.
type Tokenizer struct {
	opts Options
	lex  *lexicon
}

// New returns a Tokenizer; it fails only when the configuration is invalid.
func New(opts Options) (*Tokenizer, error) {
	cfg := opts.Config
	if cfg == nil {
		cfg = DefaultConfig()
	}
	lx, err := cfg.compile()
	if err != nil {
		return nil, err
	}
	return &Tokenizer{opts: opts, lex: lx}, nil
}

// Document tokenizes one source. Invalid UTF-8 is kept in place (offsets still
// index the original bytes); the error is non-nil only for a source that
// cannot be analysed at all.
func (t *Tokenizer) Document(src Source) (*Document, error) {
	panic("STUB")
}

// Documents tokenizes sources in parallel and returns them in input order.
func (t *Tokenizer) Documents(ctx context.Context, srcs []Source) ([]*Document, error) {
	panic("STUB")
}
