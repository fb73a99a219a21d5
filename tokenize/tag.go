package tokenize

import (
	"runtime"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/jdkato/prose/v2"
)

// Part-of-speech tags come from prose's averaged perceptron. Its model is
// loaded once per process (loading takes a good fraction of a second), and
// only ever read afterwards, so one model serves all goroutines. Prose
// rewrites token text and keeps no offsets, so each sentence is handed to it
// as a string we build, and its tokens are matched back to ours by position
// in that string.

var (
	modelOnce sync.Once
	model     *prose.Model
)

func proseModel() *prose.Model {
	modelOnce.Do(func() {
		doc, err := prose.NewDocument("", prose.WithSegmentation(false), prose.WithExtraction(false))
		if err == nil {
			model = doc.Model
		}
	})
	return model
}

// TagSentences sets Token.Tag for the tokens of the sentences listed in idx
// (indexes into d.Sentences; out-of-range ones are ignored). It lets a caller
// that tokenized with NoTags tag only the sentences it needs. Cap and Stem
// are not revised, so they do not depend on which sentences were tagged.
func (t *Tokenizer) TagSentences(d *Document, idx []int) {
	for _, si := range idx {
		if si < 0 || si >= len(d.Sentences) {
			continue
		}
		tagSentence(d, si, false, nil)
	}
}

// tagDocument tags every sentence of d, and tags the token windows listed in
// need (per sentence, token indexes) a second time on a lower-cased copy,
// returning those tags indexed like d.Tokens (see finisher.caps). Sentences are independent, so a long
// document is tagged by several goroutines, each writing only its own
// sentences' tokens.
func (t *Tokenizer) tagDocument(d *Document, need [][]Span) []string {
	var lowered []string
	for _, n := range need {
		if len(n) > 0 {
			lowered = make([]string, len(d.Tokens))
			break
		}
	}
	tagRange := func(from, to int) {
		for si := from; si < to; si++ {
			tagSentence(d, si, false, nil)
			for _, w := range need[si] {
				tagTokens(d, w.Start, w.End, true, lowered)
			}
		}
	}
	workers := t.opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	const chunk = 256 // sentences per job: enough work to pay for a goroutine
	n := len(d.Sentences)
	if workers == 1 || n <= chunk {
		tagRange(0, n)
		return lowered
	}
	jobs := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for from := range jobs {
				tagRange(from, min(from+chunk, n))
			}
		}()
	}
	for from := 0; from < n; from += chunk {
		jobs <- from
	}
	close(jobs)
	wg.Wait()
	return lowered
}

// tagSentence tags sentence si. With lower set, words are lower-cased (but
// camel-case names kept) and the tags go to into[token index] instead of
// Token.Tag.
func tagSentence(d *Document, si int, lower bool, into []string) {
	s := d.Sentences[si]
	tagTokens(d, s.First, s.Last, lower, into)
}

// tagTokens tags tokens [first, last), one sentence or a window of one.
func tagTokens(d *Document, first, last int, lower bool, into []string) {
	m := proseModel()
	toks := d.Tokens[first:last]
	if len(toks) == 0 {
		return
	}
	// Build the text prose sees: our tokens in order, one space where the
	// source had a gap, curly quotes made straight (prose would do it
	// itself, shifting bytes). pos[k] is token k's start in buf.
	var sb strings.Builder
	pos := make([]int, len(toks)+1)
	chunk := 0 // where the current run of glued tokens starts in sb
	for k, tk := range toks {
		// A space where the source has one, around every mark, and
		// inside any long glued run. prose splits off only some marks
		// itself (it keeps "uneaten—and" and "13%" whole, so our tokens
		// would go untagged), and it splits a run like "!!!!" or
		// "a'sa'sa's" one piece per pass, quadratic in its length.
		if k > 0 && (tk.Start > toks[k-1].End || isMark(tk) || isMark(toks[k-1]) || sb.Len()-chunk > maxProseChunk) {
			sb.WriteByte(' ')
			chunk = sb.Len()
		}
		pos[k] = sb.Len()
		txt := d.Source.Text[tk.Start:tk.End]
		switch {
		case lower && tk.Kind == Word && !caseOf(txt).camel:
			sb.WriteString(tk.Norm)
		case utf8.Valid(txt):
			sb.WriteString(straightQuotes(string(txt)))
		default:
			sb.WriteString(tk.Norm)
		}
	}
	pos[len(toks)] = sb.Len()
	buf := sb.String()
	if strings.Contains(buf, "&rsquo;") {
		// prose would turn it into one byte; keep our positions valid.
		buf = strings.ReplaceAll(buf, "&rsquo;", "&rsquo:")
	}
	tags := make([]string, len(toks))
	if m != nil {
		doc, err := prose.NewDocument(buf, prose.UsingModel(m), prose.WithSegmentation(false), prose.WithExtraction(false))
		if err == nil {
			cur, k := 0, 0
			for _, pt := range doc.Tokens() {
				// prose's tokens are pieces of buf in order with only
				// spaces between, so the next one starts within a few
				// bytes; a bounded window keeps a surprise from costing
				// a scan of the rest of the sentence per token.
				window := buf[cur:min(len(buf), cur+len(pt.Text)+16)]
				at := strings.Index(window, pt.Text)
				if at < 0 || pt.Text == "" {
					continue
				}
				at += cur
				cur = at + len(pt.Text)
				for k < len(toks) && pos[k+1] <= at {
					k++
				}
				// The first prose piece of one of our tokens names it:
				// "wo" (MD) for "won't".
				if k < len(toks) && tags[k] == "" && at < pos[k+1] {
					tags[k] = pt.Tag
				}
			}
		}
	}
	for k, tk := range toks {
		tag := tags[k]
		if tk.Kind == Punct && !punctTags[tag] {
			// prose tags quotes and dashes as words at times.
			tag = punctTag(d, first+k)
		} else if tag == "" {
			tag = fallbackTag(tk)
		}
		if into != nil {
			into[first+k] = tag
		} else {
			d.Tokens[first+k].Tag = tag
		}
	}
}

// maxProseChunk bounds the bytes prose sees without a space, so its
// per-chunk splitting, quadratic in the chunk, costs a constant per token.
const maxProseChunk = 64

func isMark(tk Token) bool { return tk.Kind == Punct || tk.Kind == Symbol }

var quoteReplacer = strings.NewReplacer("“", `"`, "”", `"`, "‘", "'", "’", "'")

// straightQuotes replaces curly quotes by straight ones.
func straightQuotes(s string) string {
	if strings.IndexByte(s, 0xE2) < 0 {
		return s
	}
	return quoteReplacer.Replace(s)
}

// punctTags are the treebank tags of punctuation.
var punctTags = map[string]bool{".": true, ",": true, ":": true, "(": true, ")": true, "``": true, "''": true, "#": true, "$": true}

// punctTag gives punctuation token i its treebank tag: quotes are opening
// (“) or closing (”), dashes and other marks ":".
func punctTag(d *Document, i int) string {
	tk := d.Tokens[i]
	switch tk.Norm {
	case "\"", "'":
		txt := string(d.Source.Text[tk.Start:tk.End])
		switch txt {
		case "“", "‘":
			return "``"
		case "”", "’":
			return "''"
		}
		if opensQuote(d, i) {
			return "``"
		}
		return "''"
	case "[", "{":
		return "("
	case "]", "}":
		return ")"
	}
	return fallbackTag(tk)
}

// fallbackTag guesses a tag for a token prose did not return.
func fallbackTag(tk Token) string {
	switch tk.Kind {
	case Number, Money, Percent:
		return "CD"
	case Symbol:
		if tk.Norm == "$" || tk.Norm == "#" {
			return tk.Norm
		}
		return "SYM"
	case Punct:
		switch tk.Norm {
		case ".", "!", "?", "...":
			return "."
		case ",", ":", "(", ")":
			return tk.Norm
		case "\"", "'":
			return "''"
		}
		return ":"
	}
	if tk.Norm == "'s" {
		return "POS"
	}
	if tk.Cap {
		return "NNP"
	}
	return "NN"
}
