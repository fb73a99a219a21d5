package tokenize

import (
	"bytes"
	"testing"
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
