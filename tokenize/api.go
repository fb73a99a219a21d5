package tokenize

import "context"

// Options configures a Tokenizer. The zero value uses the embedded default
// configuration and tags parts of speech.
type Options struct {
	Config *Config // nil means DefaultConfig()
	NoTags bool    // skip part-of-speech tagging (faster; Token.Tag stays empty)
	// Workers bounds parallelism in Documents and in tagging one long
	// document; 0 means GOMAXPROCS.
	Workers int
	// Progress, when set, is called by Documents each time a source is
	// done, with the count done so far and the total, so that a long run
	// can show how far it is. Calls are serialised and done rises by one
	// each time; it must be cheap, since it holds up the workers.
	Progress func(done, total int)
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
//
// It analyses src.Text[src.BodyStart:], skipping a leading UTF-8 byte-order
// mark, and rejects UTF-16 (see ErrUTF16).
func (t *Tokenizer) Document(src Source) (*Document, error) {
	return t.safeDocument(src, nil)
}

// Documents tokenizes sources in parallel (Options.Workers at a time) and
// returns them in input order. The result does not depend on the number of
// workers. On failure or cancellation it returns the error of the first
// failing source in input order, wrapped as "tokenize: <path or id>: ...".
func (t *Tokenizer) Documents(ctx context.Context, srcs []Source) ([]*Document, error) {
	return t.documents(ctx, srcs)
}
