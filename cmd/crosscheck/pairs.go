package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/crosscheck-go/crosscheck/analyze"
	"github.com/crosscheck-go/crosscheck/internal/pairs"
	"github.com/crosscheck-go/crosscheck/tokenize"
)

const pairsUsage = `usage: crosscheck pairs [flags] [FILE.jsonl | -]

Judges premise/hypothesis pairs. Reads JSON Lines {"id", "premise",
"hypothesis"} (other fields ignored) from FILE or standard input and writes
one line per pair, in input order:
  {"id", "label", "score", "kind", "cues", "evidence": {"start", "end"}}
label is contradiction, entailment, neutral or unrelated; evidence is the
byte span of the premise that decided it. A record without an id gets its
line number. FNC-1 records are read too: "headline" is the hypothesis and
"body" the premise, or "body_id" a body of the -bodies file.

Exit status: 0 done, 2 bad usage or a malformed line (see -skip-bad).

Flags:
`

// pairJudge judges texts with one shared Tokenizer and Judge, both safe for
// concurrent use, so every worker uses the same loaded tables.
type pairJudge struct {
	tok      *tokenize.Tokenizer
	judge    *analyze.Judge
	premises premiseCache
}

// premiseCache keeps recently tokenized premises: FNC-1 pairs its 1,683
// bodies with about 30 headlines each and SICK builds several pairs from
// one sentence, so most premises repeat, and a body costs far more to
// tokenize than a headline. Documents are read-only once built, so workers
// share them. Eviction is first in, first out, bounded by entries and by
// text bytes, so memory stays bounded whatever the input; what is cached
// changes only the speed, never a verdict.
type premiseCache struct {
	mu    sync.Mutex
	docs  map[string]*tokenize.Document
	order []string // keys, oldest first
	bytes int
}

// Bounds of premiseCache: enough for the bodies in flight across all
// workers and a window of FNC-1 lines, small beside the documents'
// own memory.
const (
	premiseCacheEntries = 256
	premiseCacheBytes   = 16 << 20
)

func (c *premiseCache) get(text string) *tokenize.Document {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.docs[text]
}

func (c *premiseCache) put(text string, d *tokenize.Document) {
	if len(text) > premiseCacheBytes/4 {
		return // one huge premise would evict everything else
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.docs == nil {
		c.docs = map[string]*tokenize.Document{}
	}
	if _, ok := c.docs[text]; ok {
		return
	}
	for len(c.order) > 0 && (len(c.order) >= premiseCacheEntries || c.bytes+len(text) > premiseCacheBytes) {
		old := c.order[0]
		c.order = c.order[1:]
		c.bytes -= len(old)
		delete(c.docs, old)
	}
	c.docs[text] = d
	c.order = append(c.order, text)
	c.bytes += len(text)
}

// judgeNeedsTags says whether pairs tokenizes with part-of-speech tags. The
// judge's models are trained on untagged tokens (internal/nli and
// analyze/train_test.go tokenize with NoTags), and tags also change Cap and
// names, so tagging here would judge differently from training as well as
// cost 5x the time (0.79 vs 0.79 FNC score at 1,150 vs 210 pairs/s on the
// 5,000-pair sample). Set it only if the judge is retrained on tagged text.
const judgeNeedsTags = false

// newPairJudge builds the judge from the -config file (defaults when
// empty), read as the main command reads it.
func newPairJudge(configPath string) (*pairJudge, error) {
	tokCfg, anaCfg, err := loadConfig(configPath)
	if err != nil {
		return nil, err
	}
	tok, err := tokenize.New(tokenize.Options{Config: tokCfg, NoTags: !judgeNeedsTags})
	if err != nil {
		return nil, fmt.Errorf("tokenizer: %w", err)
	}
	j, err := analyze.NewJudge(analyze.Options{Config: anaCfg})
	if err != nil {
		return nil, fmt.Errorf("judge: %w", err)
	}
	return &pairJudge{tok: tok, judge: j}, nil
}

// doc tokenizes one side of a pair.
func (pj *pairJudge) doc(id, text string) (*tokenize.Document, error) {
	d, err := pj.tok.Document(tokenize.Source{ID: id, Text: []byte(text)})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", id, err)
	}
	return d, nil
}

// texts judges a hypothesis against a premise, tokenizing the premise
// only when it is not in the cache.
func (pj *pairJudge) texts(premise, hypothesis string) (analyze.Verdict, error) {
	p := pj.premises.get(premise)
	if p == nil {
		var err error
		if p, err = pj.doc("premise", premise); err != nil {
			return analyze.Verdict{}, err
		}
		pj.premises.put(premise, p)
	}
	return pj.docs(p, hypothesis)
}

// uncached judges a hypothesis against a premise tokenized afresh: the
// full cost of one pair, which BenchmarkPairs measures.
func (pj *pairJudge) uncached(premise, hypothesis string) (analyze.Verdict, error) {
	p, err := pj.doc("premise", premise)
	if err != nil {
		return analyze.Verdict{}, err
	}
	return pj.docs(p, hypothesis)
}

// docs judges a hypothesis against an already tokenized premise (eval
// tokenizes each FNC-1 body once for all its headlines).
func (pj *pairJudge) docs(premise *tokenize.Document, hypothesis string) (analyze.Verdict, error) {
	h, err := pj.doc("hypothesis", hypothesis)
	if err != nil {
		return analyze.Verdict{}, err
	}
	return pj.judge.Pair(premise, h), nil
}

// textJudge judges a hypothesis against a premise.
type textJudge func(premise, hypothesis string) (analyze.Verdict, error)

func runPairs(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return pairsMain(args, stdin, stdout, stderr, func(configPath string) (textJudge, error) {
		pj, err := newPairJudge(configPath)
		if err != nil {
			return nil, err
		}
		return pj.texts, nil
	})
}

// pairsMain is runPairs with the judge's constructor as a parameter, so
// tests can check the command's behaviour with a fake judge.
func pairsMain(args []string, stdin io.Reader, stdout, stderr io.Writer, newJudge func(configPath string) (textJudge, error)) int {
	fs := flag.NewFlagSet("crosscheck pairs", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, pairsUsage)
		fs.PrintDefaults()
	}
	skipBad := fs.Bool("skip-bad", false, "skip malformed lines, report them on stderr, and go on")
	workers := fs.Int("workers", 0, "pairs judged in parallel (0: one per core)")
	configPath := fs.String("config", "", "JSON file extending the default word lists, entity aliases and topics (as for crosscheck)")
	bodiesPath := fs.String("bodies", "", "FNC-1 bodies file for records that give a body_id instead of a premise\n(default: the file beside a *stances*.jsonl input named with \"bodies\")")
	files, err := parseAnywhere(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if len(files) > 1 {
		fmt.Fprintln(stderr, "crosscheck pairs: give at most one input file")
		fs.Usage()
		return 2
	}
	name, in := "stdin", stdin
	if len(files) == 1 && files[0] != "-" {
		name = files[0]
		f, err := os.Open(name)
		if err != nil {
			fmt.Fprintf(stderr, "crosscheck pairs: %v\n", err)
			return 2
		}
		defer f.Close()
		in = f
	}
	if in == nil {
		fmt.Fprintln(stderr, "crosscheck pairs: no standard input")
		return 2
	}
	var bodies map[string]string
	if *bodiesPath == "" && strings.Contains(filepath.Base(name), "stances") {
		if p := findBodies(name); fileExists(p) {
			*bodiesPath = p
		}
	}
	if *bodiesPath != "" {
		var err error
		if bodies, err = pairs.LoadBodies(*bodiesPath); err != nil {
			fmt.Fprintf(stderr, "crosscheck pairs: %v\n", err)
			return 2
		}
	}
	tj, err := newJudge(*configPath)
	if err != nil {
		fmt.Fprintf(stderr, "crosscheck pairs: %v\n", err)
		return 2
	}
	judge := func(p pairs.Pair) (analyze.Verdict, error) { return tj(p.Premise, p.Hypothesis) }
	st, err := pairs.Run(context.Background(), in, stdout, judge, pairs.Options{Workers: *workers, SkipBad: *skipBad, Bodies: bodies})
	if st.Skipped > 0 {
		fmt.Fprintf(stderr, "crosscheck pairs: %s: skipped %d bad %s:\n", name, st.Skipped, plural(st.Skipped, "line", "lines"))
		for _, e := range st.Bad {
			fmt.Fprintf(stderr, "  %v\n", e)
		}
		if n := st.Skipped - len(st.Bad); n > 0 {
			fmt.Fprintf(stderr, "  (and %d more not listed)\n", n)
		}
	}
	if err != nil {
		var le *pairs.LineError
		if errors.As(err, &le) {
			fmt.Fprintf(stderr, "crosscheck pairs: %s: %v (use -skip-bad to skip bad lines)\n", name, err)
		} else {
			fmt.Fprintf(stderr, "crosscheck pairs: %s: %v\n", name, err)
		}
		return 2
	}
	return 0
}

// parseAnywhere parses flags placed before, between or after the
// positional arguments, as the main command does ("eval FILE -json"), and
// returns the positional ones; everything after "--" is positional.
func parseAnywhere(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if used := len(args) - len(rest); used > 0 && args[used-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

func fileExists(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.Mode().IsRegular()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
