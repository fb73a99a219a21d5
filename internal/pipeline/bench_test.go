package pipeline_test

// Benchmarks of the whole path, from files on disk to a finished JSON report,
// beside a reference run of prose's tokenizer on the same articles in the
// same process, so that the ratio between them holds on a noisy shared
// machine; BenchmarkTokenize and BenchmarkAnalyze time the two halves of
// the pipeline alone. Run with:
//
//	go test -run='^$' -bench=. -benchtime=3x -benchmem -count=6 ./internal/pipeline | tee new.txt
//	go run golang.org/x/perf/cmd/benchstat@latest new.txt

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/crosscheck-go/crosscheck/internal/input"
	"github.com/crosscheck-go/crosscheck/internal/pipeline"
	"github.com/crosscheck-go/crosscheck/report"
	"github.com/crosscheck-go/crosscheck/tokenize"
	"github.com/jdkato/prose/v2"
)

// fncBodies returns up to n FNC-1 train bodies written as files in dir.
func fncBodies(b *testing.B, dir string, n int) ([]string, int64) {
	b.Helper()
	f, err := os.Open(filepath.Join("..", "..", "..", "shared", "eval", "fnc1_train_bodies.jsonl"))
	if err != nil {
		b.Skipf("FNC-1 bodies not available (%v): skipping", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	var paths []string
	var size int64
	for len(paths) < n && sc.Scan() {
		var r struct {
			BodyID int    `json:"body_id"`
			Body   string `json:"body"`
		}
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			b.Fatal(err)
		}
		p := filepath.Join(dir, fmt.Sprintf("%05d.txt", r.BodyID))
		if err := os.WriteFile(p, []byte(r.Body), 0o644); err != nil {
			b.Fatal(err)
		}
		paths = append(paths, p)
		size += int64(len(r.Body))
	}
	return paths, size
}

func seedFiles(b *testing.B) ([]string, int64) {
	paths, err := filepath.Glob(filepath.Join("..", "..", "seeds", "*.txt"))
	if err != nil || len(paths) == 0 {
		b.Fatalf("no seed files: %v", err)
	}
	var size int64
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			b.Fatal(err)
		}
		size += st.Size()
	}
	return paths, size
}

// corpora are the inputs every benchmark runs on.
func corpora(b *testing.B) []struct {
	name  string
	paths []string
	size  int64
} {
	type corpus = struct {
		name  string
		paths []string
		size  int64
	}
	sp, ss := seedFiles(b)
	out := []corpus{{"seeds", sp, ss}}
	for _, n := range []int{10, 100, 1000} {
		dir := b.TempDir()
		p, s := fncBodies(b, dir, n)
		out = append(out, corpus{fmt.Sprintf("fnc-%d", n), p, s})
	}
	return out
}

// BenchmarkPipeline is the figure that counts: files to a JSON report, with
// the CLI's defaults.
func BenchmarkPipeline(b *testing.B) {
	for _, c := range corpora(b) {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(c.size)
			for b.Loop() {
				srcs, _, err := input.Read(c.paths, input.Options{})
				if err != nil {
					b.Fatal(err)
				}
				// The CLI's defaults: tags below 20 articles, stories from 20.
				res, err := pipeline.Run(context.Background(), srcs, pipeline.Options{})
				if err != nil {
					b.Fatal(err)
				}
				if err := report.JSON(io.Discard, res); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// readSources reads a corpus the way the CLI does.
func readSources(b *testing.B, paths []string) []tokenize.Source {
	b.Helper()
	srcs, _, err := input.Read(paths, input.Options{})
	if err != nil {
		b.Fatal(err)
	}
	return srcs
}

// newTokenizer makes the Tokenizer pipeline.Run would for n sources: tags
// below pipeline.AutoStoryMin sources, none from there on.
func newTokenizer(b *testing.B, n int) *tokenize.Tokenizer {
	b.Helper()
	tk, err := tokenize.New(tokenize.Options{NoTags: n >= pipeline.AutoStoryMin})
	if err != nil {
		b.Fatal(err)
	}
	return tk
}

// BenchmarkTokenize times the first stage alone, on all cores, as the
// pipeline runs it.
func BenchmarkTokenize(b *testing.B) {
	for _, c := range corpora(b) {
		b.Run(c.name, func(b *testing.B) {
			srcs := readSources(b, c.paths)
			tk := newTokenizer(b, len(srcs))
			b.ReportAllocs()
			b.SetBytes(c.size)
			for b.Loop() {
				if _, err := tk.Documents(context.Background(), srcs); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkAnalyze times what follows tokenizing: grouping into stories
// (from 20 sources) and analysing each, on all cores.
func BenchmarkAnalyze(b *testing.B) {
	for _, c := range corpora(b) {
		b.Run(c.name, func(b *testing.B) {
			srcs := readSources(b, c.paths)
			docs, err := newTokenizer(b, len(srcs)).Documents(context.Background(), srcs)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.SetBytes(c.size)
			for b.Loop() {
				if _, err := pipeline.Analyze(context.Background(), docs, pipeline.Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkProseReference runs prose's tokenizer alone on the same files:
// no segmentation, tagging or extraction, model reused, one document per
// article, one goroutine (prose's own loop is sequential).
func BenchmarkProseReference(b *testing.B) {
	seed, err := prose.NewDocument("", prose.WithSegmentation(false), prose.WithExtraction(false))
	if err != nil {
		b.Fatal(err)
	}
	model := seed.Model
	for _, c := range corpora(b) {
		texts := make([]string, len(c.paths))
		for i, p := range c.paths {
			data, err := os.ReadFile(p)
			if err != nil {
				b.Fatal(err)
			}
			texts[i] = string(data)
		}
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(c.size)
			for b.Loop() {
				for _, t := range texts {
					if _, err := prose.NewDocument(t, prose.WithSegmentation(false), prose.WithTagging(false),
						prose.WithExtraction(false), prose.UsingModel(model)); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}
