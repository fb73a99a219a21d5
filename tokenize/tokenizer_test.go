package tokenize

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// checkInvariants verifies what every Document promises, whatever the
// input: spans in range, ordered, non-overlapping, token text equal to its
// slice and trimmed, sentence tokens inside their sentence, paragraphs
// pointing at their sentences.
func checkInvariants(t *testing.T, d *Document) {
	t.Helper()
	text := d.Source.Text
	prev := 0
	for i, tk := range d.Tokens {
		if tk.Start < prev || tk.End <= tk.Start || tk.End > len(text) {
			t.Fatalf("token %d %v out of order or range (prev end %d, len %d)", i, tk.Span, prev, len(text))
		}
		prev = tk.End
		if b := text[tk.Start:tk.End]; len(bytes.TrimSpace(b)) != len(b) {
			t.Fatalf("token %d %q not trimmed", i, b)
		}
		if tk.Norm == "" || tk.Stem == "" {
			t.Fatalf("token %d %q has empty norm %q or stem %q", i, text[tk.Start:tk.End], tk.Norm, tk.Stem)
		}
	}
	prevS, nextTok := 0, 0
	for i, s := range d.Sentences {
		if s.First != nextTok || s.Last <= s.First || s.Last > len(d.Tokens) {
			t.Fatalf("sentence %d tokens [%d,%d) not contiguous after %d", i, s.First, s.Last, nextTok)
		}
		nextTok = s.Last
		if s.Start < prevS || s.Start != d.Tokens[s.First].Start || s.End != d.Tokens[s.Last-1].End {
			t.Fatalf("sentence %d span %v does not match its tokens", i, s.Span)
		}
		prevS = s.End
		if s.Para < 0 || s.Para >= len(d.Paragraphs) {
			t.Fatalf("sentence %d para %d out of range", i, s.Para)
		}
		p := d.Paragraphs[s.Para]
		if i < p.First || i >= p.Last || s.Start < p.Start || s.End > p.End {
			t.Fatalf("sentence %d not inside paragraph %d", i, s.Para)
		}
	}
	if nextTok != len(d.Tokens) {
		t.Fatalf("tokens after the last sentence: %d of %d", nextTok, len(d.Tokens))
	}
	nextS, prevP := 0, 0
	for i, p := range d.Paragraphs {
		if p.First != nextS || p.Last <= p.First {
			t.Fatalf("paragraph %d sentences [%d,%d) not contiguous after %d", i, p.First, p.Last, nextS)
		}
		nextS = p.Last
		if p.Start < prevP || p.End < p.Start {
			t.Fatalf("paragraph %d span %v out of order", i, p.Span)
		}
		prevP = p.End
	}
	if nextS != len(d.Sentences) {
		t.Fatalf("sentences after the last paragraph")
	}
}

func newTok(t testing.TB, opts Options) *Tokenizer {
	t.Helper()
	tk, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	return tk
}

func TestDocumentOddInputs(t *testing.T) {
	tk := newTok(t, Options{NoTags: true})
	for _, tc := range []struct {
		name string
		text string
		sent []string
	}{
		{"empty", "", nil},
		{"space", " \n\t\r\n ", nil},
		{"nul", "\x00\x00\x00", nil},
		{"bom", "\xEF\xBB\xBFHello world. Bye now.", []string{"Hello world.", "Bye now."}},
		{"crlf", "Title\r\nFirst line here.\r\n\r\nSecond.", []string{"Title", "First line here.", "Second."}},
		{"cr", "Title\rFirst line here.\rSecond.", []string{"Title", "First line here.", "Second."}},
		{"invalid utf8", "Caf\xe9 is open. It \xff\xfe sells tea.", []string{"Caf\xe9 is open.", "It \xff\xfe sells tea."}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := tk.Document(Source{ID: "x", Text: []byte(tc.text)})
			if err != nil {
				t.Fatal(err)
			}
			checkInvariants(t, d)
			var got []string
			for _, s := range d.Sentences {
				got = append(got, d.Text(s.Span))
			}
			if len(got) != len(tc.sent) {
				t.Fatalf("got %q, want %q", got, tc.sent)
			}
			for i := range got {
				if got[i] != tc.sent[i] {
					t.Fatalf("got %q, want %q", got, tc.sent)
				}
			}
		})
	}
}

// seedSources reads the seed articles from ../seeds, skipping when absent.
func seedSources(t testing.TB) []Source {
	t.Helper()
	paths, _ := filepath.Glob(filepath.Join("..", "seeds", "*.txt"))
	if len(paths) == 0 {
		t.Skip("no seed articles in ../seeds")
	}
	sort.Strings(paths)
	var srcs []Source
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		srcs = append(srcs, Source{ID: filepath.Base(p), Path: p, Text: b})
	}
	return srcs
}

// TestDocumentsParallel checks that Documents gives the same answer as one
// Document call per source, whatever the number of workers; run with -race
// it also checks that sharing the prose model between goroutines is safe.
func TestDocumentsParallel(t *testing.T) {
	srcs := seedSources(t)
	one := newTok(t, Options{})
	var want []*Document
	for _, s := range srcs {
		d, err := one.Document(s)
		if err != nil {
			t.Fatal(err)
		}
		checkInvariants(t, d)
		want = append(want, d)
	}
	for _, workers := range []int{1, 3} {
		t.Run(fmt.Sprint("workers=", workers), func(t *testing.T) {
			got, err := newTok(t, Options{Workers: workers}).Documents(context.Background(), srcs)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, got, cmp.AllowUnexported(Document{}, lineIndex{})); diff != "" {
				t.Errorf("Documents differs from Document (-want +got):\n%s", diff)
			}
		})
	}
}

// TestDocumentsProgress checks the progress contract: one call per source,
// done rising by one to the total. The recording below takes no lock, so
// under -race it also checks that the calls are serialised.
func TestDocumentsProgress(t *testing.T) {
	var srcs []Source
	for i := range 40 {
		srcs = append(srcs, Source{ID: fmt.Sprint(i), Text: []byte(fmt.Sprintf("Source %d says the vote was held on Monday.", i))})
	}
	var calls [][2]int
	tk := newTok(t, Options{NoTags: true, Workers: 4, Progress: func(done, total int) {
		calls = append(calls, [2]int{done, total})
	}})
	if _, err := tk.Documents(context.Background(), srcs); err != nil {
		t.Fatal(err)
	}
	if len(calls) != len(srcs) {
		t.Fatalf("%d progress calls for %d sources", len(calls), len(srcs))
	}
	for i, c := range calls {
		if c != [2]int{i + 1, len(srcs)} {
			t.Fatalf("call %d was %v, want [%d %d]", i, c, i+1, len(srcs))
		}
	}
}

func TestDocumentsErrors(t *testing.T) {
	tk := newTok(t, Options{NoTags: true})
	t.Run("utf16", func(t *testing.T) {
		srcs := []Source{{ID: "ok", Text: []byte("Fine.")}, {ID: "bad", Path: "dir/bad.txt", Text: []byte("\xff\xfeH\x00i\x00")}}
		_, err := tk.Documents(context.Background(), srcs)
		if !errors.Is(err, ErrUTF16) || !strings.Contains(err.Error(), "tokenize: dir/bad.txt:") {
			t.Fatalf("got %v, want a wrapped ErrUTF16 naming dir/bad.txt", err)
		}
	})
	t.Run("cancelled", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		_, err := tk.Documents(ctx, []Source{{ID: "a", Text: []byte("x")}})
		if !errors.Is(err, context.Canceled) || !strings.Contains(err.Error(), "tokenize: a:") {
			t.Fatalf("got %v, want context.Canceled naming a", err)
		}
	})
	t.Run("empty list", func(t *testing.T) {
		docs, err := tk.Documents(context.Background(), nil)
		if err != nil || len(docs) != 0 {
			t.Fatalf("got %v, %v", docs, err)
		}
	})
	t.Run("body start", func(t *testing.T) {
		text := "---\ntitle: X\n---\nBody here."
		d, err := tk.Document(Source{ID: "fm", Text: []byte(text), BodyStart: strings.Index(text, "Body")})
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]string{"Body here."}, sentences(d)); diff != "" {
			t.Error(diff)
		}
		if line, col := d.Position(d.Sentences[0].Start); line != 4 || col != 1 {
			t.Errorf("Position = %d:%d, want 4:1", line, col)
		}
	})
	t.Run("body start out of range", func(t *testing.T) {
		for _, bs := range []int{-5, 1000} {
			if _, err := tk.Document(Source{ID: "x", Text: []byte("abc"), BodyStart: bs}); err != nil {
				t.Fatal(err)
			}
		}
	})
}

func TestTagSentences(t *testing.T) {
	notags := newTok(t, Options{NoTags: true})
	text := "Microsoft won't renew the $13 billion deal. It said “no” again."
	d, err := notags.Document(Source{ID: "x", Text: []byte(text)})
	if err != nil {
		t.Fatal(err)
	}
	notags.TagSentences(d, []int{1, 7, -1})
	for _, tk := range d.SentenceTokens(0) {
		if tk.Tag != "" {
			t.Fatalf("sentence 0 was tagged: %q", tk.Tag)
		}
	}
	notags.TagSentences(d, []int{0})
	var got []string
	for _, tk := range d.Tokens {
		got = append(got, d.Text(tk.Span)+"/"+tk.Tag)
	}
	want := []string{"Microsoft/NNP", "won't/MD", "renew/VB", "the/DT", "$/$", "13/CD", "billion/CD", "deal/NN", "./.",
		"It/PRP", "said/VBD", "“/``", "no/DT", "”/''", "again/RB", "./."}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("tags (-want +got):\n%s", diff)
	}
}

// TestTagLongDocumentParallel checks that a long document, tagged by
// several goroutines, comes out as when tagged by one.
func TestTagLongDocumentParallel(t *testing.T) {
	var text []byte
	for _, s := range seedSources(t) {
		text = append(text, s.Text...)
		text = append(text, '\n')
	}
	text = bytes.Repeat(text, 2)
	src := Source{ID: "long", Text: text}
	want, err := newTok(t, Options{Workers: 1}).Document(src)
	if err != nil {
		t.Fatal(err)
	}
	if len(want.Sentences) <= 256 {
		t.Fatalf("only %d sentences: the parallel path is not exercised", len(want.Sentences))
	}
	got, err := newTok(t, Options{Workers: 4}).Document(src)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(Document{}, lineIndex{})); diff != "" {
		t.Errorf("parallel tagging differs (-want +got):\n%s", diff)
	}
}

func TestPosition(t *testing.T) {
	tk := newTok(t, Options{NoTags: true})
	text := "Ünï line\r\nsecond\rthird é x\nfourth"
	d, err := tk.Document(Source{ID: "p", Text: []byte(text)})
	if err != nil {
		t.Fatal(err)
	}
	hand := &Document{Source: d.Source} // no line table: Position builds one
	for _, tc := range []struct {
		find      string
		line, col int
	}{
		{"Ünï", 1, 1}, {"line", 1, 5}, {"second", 2, 1}, {"third", 3, 1}, {"x", 3, 9}, {"fourth", 4, 1},
	} {
		off := strings.Index(text, tc.find)
		for _, doc := range []*Document{d, hand} {
			if line, col := doc.Position(off); line != tc.line || col != tc.col {
				t.Errorf("Position(%q at %d) = %d:%d, want %d:%d", tc.find, off, line, col, tc.line, tc.col)
			}
		}
	}
	if line, col := d.Position(-3); line != 1 || col != 1 {
		t.Errorf("Position(-3) = %d:%d, want 1:1", line, col)
	}
	if line, _ := d.Position(len(text) + 10); line != 4 {
		t.Errorf("Position past the end on line %d, want 4", line)
	}
}
