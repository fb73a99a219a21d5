package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"text/tabwriter"
	"time"

	"github.com/crosscheck-go/crosscheck/analyze"
	"github.com/crosscheck-go/crosscheck/internal/input"
	"github.com/crosscheck-go/crosscheck/internal/nli"
	"github.com/crosscheck-go/crosscheck/internal/pairs"
	pipe "github.com/crosscheck-go/crosscheck/internal/pipeline"
	"github.com/crosscheck-go/crosscheck/internal/score"
	"github.com/crosscheck-go/crosscheck/seeds"
	"github.com/crosscheck-go/crosscheck/tokenize"
)

const evalUsage = `usage: crosscheck eval [flags] FILE.jsonl
       crosscheck eval [flags] -gold GOLD.json DIR
       crosscheck eval [flags] -all DIR...

Measures crosscheck on labelled data (see ../shared/eval/README.md).

FILE.jsonl is judged pair by pair; its format is detected from its first
record:
  NLI   {"id", "premise", "hypothesis", "label"}: contradiction precision,
        recall and F1, three-way accuracy (unrelated counted as neutral) and
        the confusion matrix.
  FNC-1 {"id", "headline", "body" or "body_id", "stance"}: the FNC-1 score as
        a fraction of its maximum, per-class and macro F1 (contradiction =
        disagree, entailment = agree, neutral = discuss). Bodies given by id
        are read from -bodies, or by default from the file beside FILE named
        like it with "stances" replaced by "bodies", or fnc1_train_bodies.jsonl.

-gold GOLD.json DIR runs the whole pipeline on the articles in DIR and matches
its conflicts against the gold file: recall, precision, traps and agreements
reported as conflicts, and what was missed or unmatched.

-all DIR... evaluates every labelled .jsonl file and every *gold*.json in each
DIR (gold sources are read from beside the gold file, or from the bundled seed
story) and prints one Markdown table row per set; a story whose gold file is
named gold.json is named after its directory.

Exit status: 0 done, 1 a figure below -fail-under, 2 bad usage or input.

Flags:
`

// evalOptions are the flags of crosscheck eval.
type evalOptions struct {
	JSON      bool
	Limit     int
	Sample    int
	Bodies    string
	Gold      string
	All       bool
	FailUnder float64
	Workers   int
}

// engine is what eval runs: the pair judge and the story pipeline. Tests
// build one with fakes.
type engine struct {
	// premise prepares a premise once; FNC-1 bodies are shared by many
	// headlines.
	premise func(text string) (*tokenize.Document, error)
	judge   func(premise *tokenize.Document, hypothesis string) (analyze.Verdict, error)
	story   func(ctx context.Context, srcs []tokenize.Source) (*analyze.Result, error)
}

// realEngine wires the tokenizer and analyze, configured from the -config
// file as the main command is.
func realEngine(configPath string) (*engine, error) {
	pj, err := newPairJudge(configPath)
	if err != nil {
		return nil, err
	}
	tokCfg, anaCfg, err := loadConfig(configPath)
	if err != nil {
		return nil, err
	}
	return &engine{
		premise: func(text string) (*tokenize.Document, error) { return pj.doc("premise", text) },
		judge:   pj.docs,
		// internal/pipeline (imported as pipe so it cannot clash with names in main.go)
		// is the main command's path too, so eval scores
		// what a user's report would show with default flags.
		story: func(ctx context.Context, srcs []tokenize.Source) (*analyze.Result, error) {
			return pipe.Run(ctx, srcs, pipe.Options{
				Tokenize: tokenize.Options{Config: tokCfg},
				Analyze:  analyze.Options{Config: anaCfg},
			})
		},
	}, nil
}

func runEval(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return evalMain(args, stdout, stderr, realEngine)
}

// evalMain is runEval with the engine's constructor as a parameter.
func evalMain(args []string, stdout, stderr io.Writer, newEngine func(configPath string) (*engine, error)) int {
	fs := flag.NewFlagSet("crosscheck eval", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, evalUsage)
		fs.PrintDefaults()
	}
	var o evalOptions
	fs.BoolVar(&o.JSON, "json", false, "print the figures as JSON")
	fs.IntVar(&o.Limit, "limit", 0, "judge only the first N pairs of a file")
	fs.IntVar(&o.Sample, "sample", 0, "judge a fixed, evenly spread sample of N pairs (every k-th pair)")
	fs.StringVar(&o.Bodies, "bodies", "", "FNC-1 bodies file for records that give a body_id")
	fs.StringVar(&o.Gold, "gold", "", "story mode: gold file to match the report of DIR against")
	fs.BoolVar(&o.All, "all", false, "evaluate every set in DIR and print one row per set")
	fs.Float64Var(&o.FailUnder, "fail-under", 0, "exit 1 when the headline figure is below this: contradiction F1 (NLI), FNC score (FNC-1), or recall and precision (story)")
	fs.IntVar(&o.Workers, "workers", 0, "pairs judged in parallel (0: one per core)")
	configPath := fs.String("config", "", "JSON file extending the default word lists, entity aliases and topics (as for crosscheck)")
	pos, err := parseAnywhere(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if (len(pos) != 1 && !(o.All && len(pos) > 0)) || (o.Gold != "" && o.All) || o.Limit < 0 || o.Sample < 0 {
		fmt.Fprintln(stderr, "crosscheck eval: give one FILE.jsonl, or -gold GOLD.json DIR, or -all DIR...")
		fs.Usage()
		return 2
	}
	eng, err := newEngine(*configPath)
	if err != nil {
		fmt.Fprintf(stderr, "crosscheck eval: %v\n", err)
		return 2
	}
	ctx := context.Background()
	arg := pos[0]
	var rep evalReport
	switch {
	case o.All:
		rep, err = evalAll(ctx, eng, pos, o, stderr)
	case o.Gold != "":
		rep, err = evalGoldDir(ctx, eng, o.Gold, arg, stderr)
	default:
		var sr *setReport
		sr, err = evalFile(ctx, eng, arg, o, stderr)
		if err == nil {
			// Timing goes to stderr so that stdout is deterministic.
			fmt.Fprintf(stderr, "crosscheck eval: %d pairs in %.1fs (%.0f pairs/s)\n",
				sr.Pairs, sr.elapsed.Seconds(), float64(sr.Pairs)/max(sr.elapsed.Seconds(), 1e-9))
		}
		rep = sr
	}
	if err != nil {
		fmt.Fprintf(stderr, "crosscheck eval: %v\n", err)
		return 2
	}
	if o.JSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(rep); err != nil {
			fmt.Fprintf(stderr, "crosscheck eval: %v\n", err)
			return 2
		}
	} else {
		rep.write(stdout)
	}
	if o.FailUnder > 0 {
		if failed := rep.below(o.FailUnder); len(failed) > 0 {
			fmt.Fprintf(stderr, "crosscheck eval: below -fail-under %.3f: %s\n", o.FailUnder, strings.Join(failed, ", "))
			return 1
		}
	}
	return 0
}

// evalReport is the result of one eval command.
type evalReport interface {
	write(w io.Writer)
	// below lists the headline figures under floor, as "set figure=value".
	below(floor float64) []string
}

// ---- pair sets ----

// Set formats.
const (
	formatNLI = "nli"
	formatFNC = "fnc1"
)

// labelled is one pair of a labelled set.
type labelled struct {
	line       int
	premise    string // NLI premise, or FNC-1 body
	bodyKey    string // FNC-1 body id when the body came from a bodies file
	hypothesis string // NLI hypothesis, or FNC-1 headline
	gold       string // NLI label or FNC-1 stance
}

// evalSet is a labelled file, loaded and sampled.
type evalSet struct {
	name, path string
	format     string
	total      int    // pairs in the file
	selection  string // how the judged pairs were chosen, "" for all
	items      []labelled
}

// setReport holds the figures of one pair set.
type setReport struct {
	Set       string           `json:"set"`
	File      string           `json:"file"`
	Format    string           `json:"format"`
	Pairs     int              `json:"pairs"` // judged
	Total     int              `json:"total"` // in the file
	Selection string           `json:"selection,omitempty"`
	Failed    int              `json:"failed,omitempty"` // pairs the judge could not handle, scored as no prediction
	NLI       *score.NLIResult `json:"nli,omitempty"`
	FNC       *score.FNCResult `json:"fnc,omitempty"`
	// elapsed is kept out of the JSON so that output is deterministic.
	elapsed time.Duration
}

// setName is a file's name without directory and .jsonl.
func setName(path string) string {
	return strings.TrimSuffix(filepath.Base(path), ".jsonl")
}

// evalFile loads, judges and scores one labelled file.
func evalFile(ctx context.Context, eng *engine, path string, o evalOptions, stderr io.Writer) (*setReport, error) {
	set, err := loadSet(path, o.Bodies, o.Limit, o.Sample)
	if err != nil {
		return nil, err
	}
	return judgeSet(ctx, eng, set, o.Workers, stderr)
}

// rawRecord is any record of a labelled file.
type rawRecord struct {
	Premise    *string         `json:"premise"`
	Hypothesis *string         `json:"hypothesis"`
	Label      *string         `json:"label"`
	Headline   *string         `json:"headline"`
	Body       *string         `json:"body"`
	BodyID     json.RawMessage `json:"body_id"`
	Stance     *string         `json:"stance"`
}

// readJSONL calls f on every non-blank line of a file; errors name the file
// and line.
func readJSONL(path string, f func(line int, raw []byte) error) error {
	fh, err := os.Open(path)
	if err != nil {
		return err
	}
	defer fh.Close()
	lr := pairs.NewLineReader(fh, pairs.DefaultMaxLine)
	for {
		raw, n, tooLong, err := lr.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: line %d: %w", path, n, err)
		}
		if tooLong > 0 {
			return fmt.Errorf("%s: line %d: longer than %d bytes", path, n, pairs.DefaultMaxLine)
		}
		if len(bytes.TrimSpace(raw)) == 0 {
			continue
		}
		if err := f(n, raw); err != nil {
			return fmt.Errorf("%s: line %d: %w", path, n, err)
		}
	}
}

// loadSet reads a labelled file, detecting its format from the first
// record, and applies -limit then -sample.
func loadSet(path, bodiesPath string, limit, sample int) (*evalSet, error) {
	set := &evalSet{name: setName(path), path: path}
	needBodies := false
	err := readJSONL(path, func(line int, raw []byte) error {
		var r rawRecord
		if err := json.Unmarshal(raw, &r); err != nil {
			return fmt.Errorf("bad JSON: %w", err)
		}
		format := ""
		switch {
		case r.Stance != nil:
			format = formatFNC
		case r.Label != nil:
			format = formatNLI
		default:
			return errors.New(`neither "label" (NLI) nor "stance" (FNC-1): not a labelled set`)
		}
		if set.format == "" {
			set.format = format
		} else if format != set.format {
			return fmt.Errorf("a %s record in a %s file", format, set.format)
		}
		it := labelled{line: line}
		if format == formatNLI {
			if r.Premise == nil || r.Hypothesis == nil {
				return errors.New(`missing "premise" or "hypothesis"`)
			}
			it.premise, it.hypothesis, it.gold = *r.Premise, *r.Hypothesis, *r.Label
		} else {
			if r.Headline == nil {
				return errors.New(`missing "headline"`)
			}
			it.hypothesis, it.gold = *r.Headline, *r.Stance
			switch {
			case r.Body != nil:
				it.premise = *r.Body
			case len(r.BodyID) > 0:
				it.bodyKey = pairs.JSONKey(r.BodyID)
				needBodies = true
			default:
				return errors.New(`missing "body" or "body_id"`)
			}
		}
		set.items = append(set.items, it)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(set.items) == 0 {
		return nil, fmt.Errorf("%s: no records", path)
	}
	set.total = len(set.items)
	if limit > 0 && limit < len(set.items) {
		set.items = set.items[:limit]
		set.selection = fmt.Sprintf("first %d", limit)
	}
	if sample > 0 && sample < len(set.items) {
		set.items = sampleEvenly(set.items, sample)
		if set.selection != "" {
			set.selection += ", then "
		}
		set.selection += fmt.Sprintf("evenly spread sample of %d", sample)
	}
	if needBodies {
		if bodiesPath == "" {
			bodiesPath = findBodies(path)
		}
		bodies, err := pairs.LoadBodies(bodiesPath)
		if err != nil {
			return nil, fmt.Errorf("%s gives body_id: %w (use -bodies FILE)", path, err)
		}
		for i := range set.items {
			it := &set.items[i]
			if it.bodyKey == "" {
				continue
			}
			b, ok := bodies[it.bodyKey]
			if !ok {
				return nil, fmt.Errorf("%s: line %d: body_id %s not in %s", path, it.line, it.bodyKey, bodiesPath)
			}
			it.premise = b
		}
	}
	return set, nil
}

// sampleEvenly picks n of items at evenly spread positions: i·len/n for i
// in [0, n). It is deterministic, keeps file order, and on a shuffled file
// such as FNC-1's keeps the class balance of the whole.
func sampleEvenly[T any](items []T, n int) []T {
	out := make([]T, 0, n)
	for i := range n {
		out = append(out, items[i*len(items)/n])
	}
	return out
}

// findBodies guesses the bodies file of an FNC-1 stances file: the same
// name with "stances" replaced by "bodies" when it exists, else
// fnc1_train_bodies.jsonl in the same directory.
func findBodies(stances string) string {
	dir, base := filepath.Split(stances)
	if strings.Contains(base, "stances") {
		p := filepath.Join(dir, strings.ReplaceAll(base, "stances", "bodies"))
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	return filepath.Join(dir, "fnc1_train_bodies.jsonl")
}

// bodyDoc is an FNC-1 body tokenized once for all its headlines and
// released after its last one, so memory follows the bodies in use.
type bodyDoc struct {
	once sync.Once
	doc  *tokenize.Document
	err  error
	left atomic.Int32
}

// judgeSet judges every pair of a set in parallel and scores the labels.
func judgeSet(ctx context.Context, eng *engine, set *evalSet, workers int, stderr io.Writer) (*setReport, error) {
	bodies := map[string]*bodyDoc{} // built before the workers start; read-only after
	for _, it := range set.items {
		if it.bodyKey == "" {
			continue
		}
		bd := bodies[it.bodyKey]
		if bd == nil {
			bd = &bodyDoc{}
			bodies[it.bodyKey] = bd
		}
		bd.left.Add(1)
	}
	type outcome struct {
		label analyze.Label
		err   error
	}
	labels := make([]outcome, len(set.items))
	i := 0
	next := func() (int, bool, error) {
		if i == len(set.items) {
			return 0, false, nil
		}
		i++
		return i - 1, true, nil
	}
	work := func(k int) outcome {
		it := set.items[k]
		var prem *tokenize.Document
		var err error
		if bd := bodies[it.bodyKey]; bd != nil {
			bd.once.Do(func() { bd.doc, bd.err = eng.premise(it.premise) })
			prem, err = bd.doc, bd.err
			defer func() {
				if bd.left.Add(-1) == 0 {
					bd.doc = nil // every user is done: let it be collected
				}
			}()
		} else {
			prem, err = eng.premise(it.premise)
		}
		if err != nil {
			return outcome{err: err}
		}
		v, err := eng.judge(prem, it.hypothesis)
		return outcome{label: v.Label, err: err}
	}
	emit := func(k int, o outcome) error {
		labels[k] = o
		return nil
	}
	start := time.Now()
	if err := pairs.Ordered(ctx, workers, 0, next, work, emit); err != nil {
		return nil, fmt.Errorf("%s: %w", set.path, err)
	}
	rep := &setReport{Set: set.name, File: set.path, Format: set.format, Pairs: len(set.items),
		Total: set.total, Selection: set.selection, elapsed: time.Since(start)}
	var nli score.NLI
	var fnc score.FNC
	for k, o := range labels {
		it := set.items[k]
		if o.err != nil {
			if rep.Failed < 5 {
				fmt.Fprintf(stderr, "crosscheck eval: %s: line %d: %v (scored as no prediction)\n", set.path, it.line, o.err)
			}
			rep.Failed++
		}
		var err error
		if set.format == formatNLI {
			err = nli.Add(it.gold, string(o.label))
		} else {
			err = fnc.Add(it.gold, string(o.label))
		}
		if err != nil {
			return nil, fmt.Errorf("%s: line %d: %w", set.path, it.line, err)
		}
	}
	if set.format == formatNLI {
		r := nli.Result()
		rep.NLI = &r
	} else {
		r := fnc.Result()
		rep.FNC = &r
	}
	return rep, nil
}

// metrics flattens the figures the floors test and -all read.
func (r *setReport) metrics() map[string]float64 {
	m := map[string]float64{}
	if r.NLI != nil {
		m["contradiction_precision"] = r.NLI.Precision
		m["contradiction_recall"] = r.NLI.Recall
		m["contradiction_f1"] = r.NLI.F1
		m["accuracy3"] = r.NLI.Accuracy
	}
	if r.FNC != nil {
		m["fnc_relative"] = r.FNC.Relative
		m["macro_f1"] = r.FNC.MacroF1
		for _, c := range r.FNC.Classes {
			m[c.Class+"_f1"] = c.F1
		}
	}
	return m
}

func (r *setReport) below(floor float64) []string {
	key := "contradiction_f1"
	if r.FNC != nil {
		key = "fnc_relative"
	}
	if v := r.metrics()[key]; v < floor {
		return []string{fmt.Sprintf("%s %s=%.3f", r.Set, key, v)}
	}
	return nil
}

func (r *setReport) write(w io.Writer) {
	kind := "NLI"
	if r.FNC != nil {
		kind = "FNC-1"
	}
	fmt.Fprintf(w, "%s: %s, %d pairs", r.File, kind, r.Pairs)
	if r.Selection != "" {
		fmt.Fprintf(w, " of %d (%s)", r.Total, r.Selection)
	}
	fmt.Fprintln(w)
	if r.Failed > 0 {
		fmt.Fprintf(w, "%d pairs could not be judged and count as no prediction\n", r.Failed)
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	if n := r.NLI; n != nil {
		fmt.Fprintf(w, "contradiction: precision %.3f  recall %.3f  F1 %.3f\n", n.Precision, n.Recall, n.F1)
		fmt.Fprintf(w, "3-way accuracy: %.3f (unrelated counted as neutral)\n", n.Accuracy)
		fmt.Fprintln(w, "confusion (rows: gold, columns: predicted):")
		fmt.Fprintf(tw, "\t%s\t\n", strings.Join(score.NLIPred, "\t"))
		for g, name := range score.NLIGold {
			fmt.Fprintf(tw, "%s\t%s\t\n", name, joinInts(n.Confusion[g][:]))
		}
	}
	if f := r.FNC; f != nil {
		fmt.Fprintf(w, "FNC score: %.4f of maximum (%.2f of %.2f)\n", f.Relative, f.Score, f.Max)
		fmt.Fprintf(w, "macro F1: %.3f\n", f.MacroF1)
		fmt.Fprintf(tw, "class\tprecision\trecall\tF1\tsupport\t\n")
		for _, c := range f.Classes {
			fmt.Fprintf(tw, "%s\t%.3f\t%.3f\t%.3f\t%d\t\n", c.Class, c.Precision, c.Recall, c.F1, c.Support)
		}
		tw.Flush()
		fmt.Fprintln(w, "confusion (rows: gold, columns: predicted):")
		fmt.Fprintf(tw, "\t%s\t\n", strings.Join(score.FNCStances, "\t"))
		for g, name := range score.FNCStances {
			fmt.Fprintf(tw, "%s\t%s\t\n", name, joinInts(f.Confusion[g][:]))
		}
	}
	tw.Flush()
}

func joinInts(v []int) string {
	s := make([]string, len(v))
	for i, n := range v {
		s[i] = strconv.Itoa(n)
	}
	return strings.Join(s, "\t")
}

// ---- story mode ----

// storyReport holds the story-level figures against one gold file.
type storyReport struct {
	Set      string `json:"set"`
	GoldFile string `json:"gold"`
	score.StoryResult
	MissedItems    []goldItemText `json:"missed_items"`
	UnmatchedItems []findingText  `json:"unmatched_items"`
	// trapsTotal counts gold traps and agreements, for traps_avoided.
	trapsTotal int
	elapsed    time.Duration
}

// goldItemText is a missed gold conflict with a quote of each side.
type goldItemText struct {
	ID    string `json:"id"`
	Kind  string `json:"kind,omitempty"`
	A     string `json:"a"` // "source: first quote"
	B     string `json:"b"`
	Notes string `json:"note,omitempty"`
}

// findingText is a reported conflict that matched no gold conflict.
type findingText struct {
	Kind  string  `json:"kind"`
	Score float64 `json:"score"`
	A     string  `json:"a"` // "source:start-end text"
	B     string  `json:"b"`
}

// evalGoldDir reads the articles of dir as the main command does and scores
// the pipeline's report against the gold file.
func evalGoldDir(ctx context.Context, eng *engine, goldPath, dir string, stderr io.Writer) (*storyReport, error) {
	g, err := score.LoadGold(goldPath)
	if err != nil {
		return nil, err
	}
	srcs, warns, err := input.Read([]string{dir}, input.Options{})
	for _, w := range warns {
		fmt.Fprintf(stderr, "crosscheck eval: %v\n", w)
	}
	if err != nil {
		return nil, err
	}
	return evalStory(ctx, eng, goldPath, g, srcs)
}

// evalStory runs the story pipeline on srcs and matches its conflicts
// against gold. Every gold source must be among srcs (matched by file name).
func evalStory(ctx context.Context, eng *engine, goldPath string, g *score.Gold, srcs []tokenize.Source) (*storyReport, error) {
	texts := map[string][]byte{}
	for _, gs := range g.Sources {
		for _, s := range srcs {
			// A gold file may name its articles by a path relative to
			// itself ("../../stories/x/a.md"); the file name decides.
			if filepath.Base(s.Path) == filepath.Base(gs.File) || s.ID == gs.ID {
				texts[gs.ID] = s.Text
				break
			}
		}
		if texts[gs.ID] == nil {
			return nil, fmt.Errorf("%s: source %s (%s) is not among the articles read", goldPath, gs.ID, gs.File)
		}
	}
	start := time.Now()
	res, err := eng.story(ctx, srcs)
	if err != nil {
		return nil, err
	}
	sr := score.Story(g, texts, res)
	rep := &storyReport{
		Set: storyName(goldPath), GoldFile: goldPath, StoryResult: sr,
		MissedItems: []goldItemText{}, UnmatchedItems: []findingText{},
		trapsTotal: len(g.Traps) + len(g.Agreements), elapsed: time.Since(start),
	}
	byID := map[string]score.GoldItem{}
	for _, c := range g.Conflicts {
		byID[c.ID] = c
	}
	side := func(s score.GoldSide) string {
		switch {
		case len(s.Quotes) > 0:
			return s.Source + ": " + s.Quotes[0]
		case len(s.Spans) > 0:
			sp := s.Spans[0]
			t := texts[s.Source]
			if sp[1] <= len(t) {
				return fmt.Sprintf("%s:%d-%d %s", s.Source, sp[0], sp[1], t[sp[0]:sp[1]])
			}
		}
		return s.Source
	}
	for _, id := range sr.Missed {
		c := byID[id]
		rep.MissedItems = append(rep.MissedItems, goldItemText{ID: id, Kind: c.Kind, A: side(c.A), B: side(c.B), Notes: c.Note})
	}
	ev := func(e analyze.Evidence) string { return fmt.Sprintf("%s:%d-%d %s", e.Source, e.Start, e.End, e.Text) }
	for _, i := range sr.Unmatched {
		f := res.Conflicts[i]
		rep.UnmatchedItems = append(rep.UnmatchedItems, findingText{Kind: string(f.Kind), Score: f.Score, A: ev(f.A), B: ev(f.B)})
	}
	return rep, nil
}

func (r *storyReport) metrics() map[string]float64 {
	m := map[string]float64{"recall": r.Recall, "precision": r.Precision, "traps_avoided": 1}
	if r.trapsTotal > 0 {
		m["traps_avoided"] = 1 - float64(len(r.Traps))/float64(r.trapsTotal)
	}
	if r.AgreementsTotal > 0 {
		m["agreements_found"] = float64(len(r.AgreementsFound)) / float64(r.AgreementsTotal)
	}
	return m
}

func (r *storyReport) below(floor float64) []string {
	var out []string
	if r.Recall < floor {
		out = append(out, fmt.Sprintf("%s recall=%.3f", r.Set, r.Recall))
	}
	if r.Precision < floor {
		out = append(out, fmt.Sprintf("%s precision=%.3f", r.Set, r.Precision))
	}
	return out
}

func (r *storyReport) write(w io.Writer) {
	fmt.Fprintf(w, "%s: story\n", r.GoldFile)
	fmt.Fprintf(w, "conflicts: recall %.3f (%d of %d gold found), precision %.3f (%d of %d reported match)\n",
		r.Recall, len(r.Found), r.Gold, r.Precision, r.Matched, r.Predicted)
	traps := "none"
	if len(r.Traps) > 0 {
		traps = strings.Join(r.Traps, ", ")
	}
	fmt.Fprintf(w, "traps and agreements reported as conflicts: %s\n", traps)
	fmt.Fprintf(w, "gold agreements found: %d of %d\n", len(r.AgreementsFound), r.AgreementsTotal)
	if len(r.Kinds) > 0 {
		var ks []string
		for _, k := range r.Kinds {
			ks = append(ks, fmt.Sprintf("%s %d", k.Kind, k.Count))
		}
		fmt.Fprintf(w, "reported conflicts by kind: %s\n", strings.Join(ks, ", "))
	}
	for _, m := range r.MissedItems {
		fmt.Fprintf(w, "missed %s (%s):\n  a %s\n  b %s\n", m.ID, m.Kind, m.A, m.B)
	}
	for _, u := range r.UnmatchedItems {
		fmt.Fprintf(w, "unmatched %s %.2f:\n  a %s\n  b %s\n", u.Kind, u.Score, u.A, u.B)
	}
	for _, s := range r.Warnings {
		fmt.Fprintf(w, "warning: %s\n", s)
	}
}

// storyName names a story by its gold file, or by the directory of a file
// named just gold.json (stories/merger/gold.json is "merger").
func storyName(goldPath string) string {
	name := strings.TrimSuffix(filepath.Base(goldPath), ".json")
	if name == "gold" {
		if dir := filepath.Base(filepath.Dir(goldPath)); dir != "." && dir != string(filepath.Separator) {
			return dir
		}
	}
	return name
}

// ---- -all ----

// allReport is one row per set.
type allReport struct {
	Dirs    []string       `json:"dirs"`
	Sets    []*setReport   `json:"sets"`
	Stories []*storyReport `json:"stories"`
	Skipped []string       `json:"skipped,omitempty"`
}

// evalAll evaluates every labelled set and gold story in each of dirs, in
// argument then file-name order.
func evalAll(ctx context.Context, eng *engine, dirs []string, o evalOptions, stderr io.Writer) (*allReport, error) {
	rep := &allReport{Dirs: dirs, Sets: []*setReport{}, Stories: []*storyReport{}}
	for _, dir := range dirs {
		if err := evalAllDir(ctx, eng, dir, o, stderr, rep); err != nil {
			return nil, err
		}
	}
	return rep, nil
}

// evalAllDir adds the sets and stories of one directory to rep.
func evalAllDir(ctx context.Context, eng *engine, dir string, o evalOptions, stderr io.Writer, rep *allReport) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries { // os.ReadDir sorts by name
		name := e.Name()
		path := filepath.Join(dir, name)
		switch {
		case e.IsDir():
		case strings.HasSuffix(name, ".jsonl") && !strings.Contains(name, "bodies"):
			set, err := loadSet(path, o.Bodies, o.Limit, o.Sample)
			if err != nil {
				rep.Skipped = append(rep.Skipped, fmt.Sprintf("%s: %v", name, err))
				continue
			}
			sr, err := judgeSet(ctx, eng, set, o.Workers, stderr)
			if err != nil {
				return err
			}
			fmt.Fprintf(stderr, "crosscheck eval: %s: %d pairs in %.1fs\n", name, sr.Pairs, sr.elapsed.Seconds())
			rep.Sets = append(rep.Sets, sr)
		case strings.HasSuffix(name, ".json") && strings.Contains(name, "gold"):
			g, err := score.LoadGold(path)
			if err != nil {
				return err
			}
			srcs, err := goldSources(dir, g)
			if err != nil {
				rep.Skipped = append(rep.Skipped, fmt.Sprintf("%s: %v", name, err))
				continue
			}
			st, err := evalStory(ctx, eng, path, g, srcs)
			if err != nil {
				return err
			}
			rep.Stories = append(rep.Stories, st)
		}
	}
	return nil
}

// goldSources finds the articles of a gold story: the files beside the gold
// file, or else the bundled seed story when it holds them all.
func goldSources(dir string, g *score.Gold) ([]tokenize.Source, error) {
	var paths []string
	for _, s := range g.Sources {
		p := filepath.Join(dir, s.File)
		if _, err := os.Stat(p); err != nil {
			paths = nil
			break
		}
		paths = append(paths, p)
	}
	if paths != nil {
		srcs, _, err := input.Read(paths, input.Options{})
		return srcs, err
	}
	bundled := seeds.Sources()
	for _, s := range g.Sources {
		found := false
		for _, b := range bundled {
			if filepath.Base(b.Path) == s.File {
				found = true
				break
			}
		}
		if !found {
			return nil, fmt.Errorf("source %s (%s) is neither in %s nor in the bundled seed story", s.ID, s.File, dir)
		}
	}
	return bundled, nil
}

func (r *allReport) below(floor float64) []string {
	var out []string
	for _, s := range r.Sets {
		out = append(out, s.below(floor)...)
	}
	for _, s := range r.Stories {
		out = append(out, s.below(floor)...)
	}
	return out
}

// splitOf names the split a set's file name declares (train, dev, trial,
// test), so a table never passes training data off as held-out figures.
func splitOf(name string) string {
	for _, s := range []string{"train", "dev", "trial", "test"} {
		if strings.Contains("_"+name+"_", "_"+s+"_") {
			return s
		}
	}
	return "–"
}

// splitCol is the table's split column: the split the file name declares,
// and ", in training" when the pair judge's weights were trained on the
// set (the dev sets are since issue 5 allowed it with CV; their honest
// figures are the cross-validated ones the training command records).
func splitCol(set string) string {
	s := splitOf(set)
	if m, err := nli.Default(); err == nil && s != "train" && m.TrainedOn(set+".jsonl") {
		s += ", in training"
	}
	return s
}

// write prints a Markdown table, one row per set, ready for README.
func (r *allReport) write(w io.Writer) {
	fmt.Fprintln(w, "| set | split | pairs | contradiction P | contradiction R | contradiction F1 | 3-way accuracy | FNC-1 score | macro F1 | disagree F1 |")
	fmt.Fprintln(w, "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
	f := func(v float64) string { return fmt.Sprintf("%.3f", v) }
	for _, s := range r.Sets {
		pairsCol := strconv.Itoa(s.Pairs)
		if s.Selection != "" {
			pairsCol = fmt.Sprintf("%d of %d", s.Pairs, s.Total)
		}
		if n := s.NLI; n != nil {
			fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s | %s | – | – | – |\n", s.Set, splitCol(s.Set), pairsCol, f(n.Precision), f(n.Recall), f(n.F1), f(n.Accuracy))
		}
		if c := s.FNC; c != nil {
			fmt.Fprintf(w, "| %s | %s | %s | – | – | – | – | %s | %s | %s |\n", s.Set, splitCol(s.Set), pairsCol, f(c.Relative), f(c.MacroF1), f(c.Class("disagree").F1))
		}
	}
	if len(r.Stories) > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(w, "| story | gold conflicts found | recall | precision | traps or agreements reported as conflicts | gold agreements found |")
		fmt.Fprintln(w, "|---|---:|---:|---:|---:|---:|")
		for _, s := range r.Stories {
			fmt.Fprintf(w, "| %s | %d of %d | %s | %s | %d | %d of %d |\n", s.Set, len(s.Found), s.Gold, f(s.Recall), f(s.Precision),
				len(s.Traps), len(s.AgreementsFound), s.AgreementsTotal)
		}
	}
	for _, s := range r.Skipped {
		fmt.Fprintf(w, "\nskipped %s\n", s)
	}
}
