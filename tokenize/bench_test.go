package tokenize

import (
	"bytes"
	"testing"
)

// benchDocument tokenizes the seed articles once per iteration; SetBytes
// makes -bench report MB/s, the number to compare with benchstat.
func benchDocument(b *testing.B, opts Options) {
	srcs := seedSources(b)
	tk := newTok(b, opts)
	n := 0
	for _, s := range srcs {
		n += len(s.Text)
	}
	if _, err := tk.Document(srcs[0]); err != nil { // load the tagger before timing
		b.Fatal(err)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range srcs {
			if _, err := tk.Document(s); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkDocumentSeeds(b *testing.B)       { benchDocument(b, Options{}) }
func BenchmarkDocumentSeedsNoTags(b *testing.B) { benchDocument(b, Options{NoTags: true}) }

// BenchmarkLongLine is a megabyte with no punctuation and no line break: it
// must stay linear, cut into capped sentences.
func BenchmarkLongLine(b *testing.B) {
	text := bytes.Repeat([]byte("word "), 1<<20/5)
	tk := newTok(b, Options{NoTags: true})
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := tk.Document(Source{ID: "long", Text: text}); err != nil {
			b.Fatal(err)
		}
	}
}
