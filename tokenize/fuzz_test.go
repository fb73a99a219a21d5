package tokenize

import (
	"testing"
	"unicode/utf8"
)

// FuzzDocument checks the Document invariants on arbitrary bytes: no
// panic, spans in range, ordered and non-overlapping, token text equal to
// its slice, sentence tokens inside their sentence. The seed corpus is in
// testdata/fuzz/FuzzDocument; CI runs it briefly with -fuzz.
func FuzzDocument(f *testing.F) {
	for _, s := range []string{
		"",
		"Hello world. Bye.",
		"\xEF\xBB\xBFTitle\r\n\r\n- item one\r- item two\n1. first\n2) second",
		"Mr. Smith paid $1.5bn (U.S.) on Jan. 5... e.g. “Amazon’s” cloud! Really?! Yes.",
		"invalid \xff\xfe\xc3 bytes\x00 and NUL",
		"https://example.com/a_(b). www.x.org, a@b.co.",
		"#\n>\n-\n•\n***\n## Heading. Two",
		"1,000 2,500,000.50 9:30 2026-02-27 24/7 50B 110bn 3x 1990s",
		"don't won't it's companies' O'Brien AT&T R&D GPT-6 multi-cloud",
	} {
		f.Add([]byte(s), 0)
	}
	tagger, err := New(Options{})
	if err != nil {
		f.Fatal(err)
	}
	notags, err := New(Options{NoTags: true})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text []byte, body int) {
		// document, not Document: the public method turns a panic into an
		// error, which would hide the bug from the fuzzer.
		tz := notags
		if len(text) < 200 {
			tz = tagger // tagging is slow; exercise the alignment on short inputs
		}
		d, err := tz.document(Source{ID: "fuzz", Text: text, BodyStart: body})
		if err != nil {
			if len(text) >= 2 {
				return // UTF-16 is refused by design
			}
			t.Fatal(err)
		}
		checkInvariants(t, d)
		for i, tk := range d.Tokens {
			if !utf8.Valid(text[tk.Start:tk.End]) {
				t.Fatalf("token %d %q holds invalid UTF-8", i, text[tk.Start:tk.End])
			}
			if tk.Tag == "" && tz == tagger {
				t.Fatalf("token %d %q has no tag", i, text[tk.Start:tk.End])
			}
		}
		for i, s := range d.Sentences {
			if s.Start < body && body <= len(text) && body >= 0 {
				t.Fatalf("sentence %d at %d starts before the body at %d", i, s.Start, body)
			}
		}
	})
}
