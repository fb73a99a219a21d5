package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/crosscheck-go/crosscheck/internal/golden"

	"github.com/google/go-cmp/cmp"

	"github.com/crosscheck-go/crosscheck/analyze"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

type renderer struct {
	ext    string
	render func(io.Writer, *analyze.Result) error
}

var renderers = []renderer{
	{"json", JSON},
	{"md", Markdown},
	{"html", HTML},
}

var cases = []struct {
	name   string
	result func() *analyze.Result
}{
	{"fixture", fixture},
	{"empty", func() *analyze.Result { return &analyze.Result{} }},
	{"onesource", oneSource},
}

// checkGolden compares got with testdata/name, or rewrites it with -update.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	golden.Check(t, filepath.Join("testdata", name), got, *update)
}

func TestGolden(t *testing.T) {
	for _, c := range cases {
		for _, r := range renderers {
			t.Run(c.name+"."+r.ext, func(t *testing.T) {
				var a, b bytes.Buffer
				if err := r.render(&a, c.result()); err != nil {
					t.Fatal(err)
				}
				if err := r.render(&b, c.result()); err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(a.Bytes(), b.Bytes()) {
					t.Fatal("two renderings of the same result differ")
				}
				if !utf8.Valid(a.Bytes()) {
					t.Error("output is not valid UTF-8")
				}
				if !bytes.HasSuffix(a.Bytes(), []byte("\n")) {
					t.Error("output does not end with a newline")
				}
				checkGolden(t, c.name+"."+r.ext+".golden", a.Bytes())
			})
		}
	}
}

func TestNilResult(t *testing.T) {
	for _, r := range renderers {
		t.Run(r.ext, func(t *testing.T) {
			var nilOut, emptyOut bytes.Buffer
			if err := r.render(&nilOut, nil); err != nil {
				t.Fatal(err)
			}
			if err := r.render(&emptyOut, &analyze.Result{}); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(emptyOut.String(), nilOut.String()); diff != "" {
				t.Errorf("nil result renders unlike an empty one (-empty +nil):\n%s", diff)
			}
		})
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteError(t *testing.T) {
	for _, r := range renderers {
		t.Run(r.ext, func(t *testing.T) {
			err := r.render(failWriter{}, fixture())
			if err == nil || !strings.Contains(err.Error(), "disk full") {
				t.Fatalf("got %v, want the writer's error wrapped", err)
			}
		})
	}
}

// TestJSONShape checks the schema contract: key order, lists never null,
// rounding, and that every evidence text is the source slice it names.
func TestJSONShape(t *testing.T) {
	var buf bytes.Buffer
	if err := JSON(&buf, fixture()); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Schema    string `json:"schema"`
		Conflicts []struct {
			Score    float64 `json:"score"`
			A, B     analyze.Evidence
			SupportA []string `json:"support_a"`
		} `json:"conflicts"`
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Schema != Schema {
		t.Errorf("schema %q, want %q", doc.Schema, Schema)
	}
	for i, c := range doc.Conflicts {
		for _, e := range []analyze.Evidence{c.A, c.B} {
			if got := fixtureTexts[e.Source][e.Start:e.End]; got != e.Text {
				t.Errorf("conflict %d: text %q is not source %s[%d:%d] = %q", i, e.Text, e.Source, e.Start, e.End, got)
			}
		}
		if c.SupportA == nil {
			t.Errorf("conflict %d: support_a is null", i)
		}
	}
	if got := doc.Conflicts[0].Score; got != 0.712 {
		t.Errorf("score %v, want rounded 0.712", got)
	}
	top := []string{`"schema"`, `"sources"`, `"topics"`, `"conflicts"`, `"agreements"`, `"notes"`}
	last := -1
	for _, k := range top {
		i := bytes.Index(buf.Bytes(), []byte(k))
		if i <= last {
			t.Errorf("key %s out of order", k)
		}
		last = i
	}

	var empty bytes.Buffer
	if err := JSON(&empty, &analyze.Result{}); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{`"sources": []`, `"topics": []`, `"conflicts": []`, `"agreements": []`, `"notes": []`} {
		if !strings.Contains(empty.String(), k) {
			t.Errorf("empty report lacks %s:\n%s", k, empty.String())
		}
	}
}

func TestHTMLEscapes(t *testing.T) {
	var buf bytes.Buffer
	if err := HTML(&buf, fixture()); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, bad := range []string{"<script>alert", "<b>more</b>", "<em>injection", `href="javascript`, `href="http://evil`, "@import", "src="} {
		if strings.Contains(out, bad) {
			t.Errorf("HTML contains %q", bad)
		}
	}
	if n := strings.Count(out, "<script>"); n != 1 {
		t.Errorf("%d <script> elements, want only the page's own", n)
	}
	for _, want := range []string{"&lt;script&gt;", "<mark>$4.2 million</mark>", "<mark>not</mark>", `id="f-c-long-1"`} {
		if !strings.Contains(out, want) {
			t.Errorf("HTML lacks %q", want)
		}
	}
}

func TestMarkdownEscapes(t *testing.T) {
	var buf bytes.Buffer
	if err := Markdown(&buf, fixture()); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, bad := range []string{"<script>", "<b>more", "[link](http", "<em>"} {
		if strings.Contains(out, bad) {
			t.Errorf("Markdown contains unescaped %q", bad)
		}
	}
	// Table rows must keep their column count although a title holds a pipe.
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "| `beta`") {
			if n := strings.Count(line, "|") - strings.Count(line, `\|`); n != 6 {
				t.Errorf("row has %d cell separators, want 6: %s", n, line)
			}
		}
	}
}

func TestMarkdownOrder(t *testing.T) {
	var buf bytes.Buffer
	if err := Markdown(&buf, fixture()); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	// The high-severity polarity conflict's topic comes first, and within
	// the cost topic the medium conflict precedes the low one.
	order := []string{"### bridge reopening", "#### 1. polarity · high", "#### 2. self · medium", "### repair cost",
		"#### 3. numeric · medium", "#### 4. exclusivity · low", "#### 5. antonym · unrated", "## Changes over time",
		"#### 6. temporal · low", "## Agreements", "#### 7. agreement · score 0.800", "## Notes"}
	last := -1
	for _, s := range order {
		i := strings.Index(out, s)
		if i < 0 {
			t.Errorf("missing %q", s)
			continue
		}
		if i < last {
			t.Errorf("%q out of order", s)
		}
		last = i
	}
}

func TestMdEscape(t *testing.T) {
	tests := []struct {
		name, in, want string
		start          bool
	}{
		{"plain", "plain words", "plain words", true},
		{"emphasis", "*a* _b_ `c`", `\*a\* \_b\_ \` + "`" + `c\` + "`", false},
		{"html", "<script>", `\<script\>`, false},
		{"link", "[x](y)", `\[x\](y)`, false},
		{"pipe", "a | b", `a \| b`, false},
		{"heading", "# Title", `\# Title`, true},
		{"list dash", "- item", `\- item`, true},
		{"dash mid-line", "a - b", "a - b", true},
		{"ordered list", "12. item", `12\. item`, true},
		{"ordered list mid-line", "12. item", `12. item`, false},
		{"entity", "&amp;", `\&amp;`, false},
		{"backslash", `a\b`, `a\\b`, false},
		{"unicode", "“Élan” 港", "“Élan” 港", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := mdEscape(tt.in, tt.start); got != tt.want {
				t.Errorf("mdEscape(%q, %v) = %q, want %q", tt.in, tt.start, got, tt.want)
			}
		})
	}
}

func TestRelSpans(t *testing.T) {
	text := "a “b” c" // “ and ” are 3 bytes each: a=0 space=1 “=2..5 b=5 ”=6..9 space=9 c=10
	tests := []struct {
		name string
		base int
		hs   []analyze.Span
		want [][2]int
	}{
		{"none", 100, nil, nil},
		{"inside", 100, []analyze.Span{{Start: 105, End: 106}}, [][2]int{{5, 6}}},
		{"mid-character start and end snap outward", 100, []analyze.Span{{Start: 103, End: 107}}, [][2]int{{2, 9}}},
		{"clamped to text", 100, []analyze.Span{{Start: 90, End: 101}}, [][2]int{{0, 1}}},
		{"outside dropped", 100, []analyze.Span{{Start: 50, End: 60}, {Start: 200, End: 210}}, nil},
		{"empty and inverted dropped", 100, []analyze.Span{{Start: 105, End: 105}, {Start: 106, End: 104}}, nil},
		{"overlapping merged and sorted", 100, []analyze.Span{{Start: 110, End: 111}, {Start: 100, End: 102}, {Start: 101, End: 105}}, [][2]int{{0, 5}, {10, 11}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := relSpans(text, tt.base, tt.hs)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestQuoteTrimming(t *testing.T) {
	long := strings.Repeat("été ", 60) + "the KEY words " + strings.Repeat("港口 ", 80)
	keyStart := strings.Index(long, "KEY")
	tests := []struct {
		name       string
		text       string
		marks      []analyze.Span
		limit      int
		wantPrefix string
		wantSuffix string
		contains   string
	}{
		{"short is whole", "A short quote.", nil, 320, "A short", "quote.", "short"},
		{"long keeps highlight", long, []analyze.Span{{Start: keyStart, End: keyStart + 3}}, 80, "… ", " …", "**KEY**"},
		{"long without highlight keeps start", long, nil, 50, "été", " …", "été"},
		{"tiny limit", long, []analyze.Span{{Start: keyStart, End: keyStart + 3}}, 1, "… ", " …", "**KEY**"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := &analyze.Evidence{Start: 0, End: len(tt.text), Text: tt.text, Highlights: tt.marks}
			got := mdQuote(e, tt.limit)
			if !utf8.ValidString(got) {
				t.Fatalf("invalid UTF-8: %q", got)
			}
			if !strings.HasPrefix(got, tt.wantPrefix) || !strings.HasSuffix(got, tt.wantSuffix) || !strings.Contains(got, tt.contains) {
				t.Errorf("got %q, want prefix %q, suffix %q, containing %q", got, tt.wantPrefix, tt.wantSuffix, tt.contains)
			}
			if n := utf8.RuneCountInString(got); tt.limit > 10 && n > tt.limit+2*12+4 { // words finished on both sides, plus ellipses
				t.Errorf("%d characters, want about %d", n, tt.limit)
			}
		})
	}
}

func TestPassageContext(t *testing.T) {
	f := fixture()
	ps, before, after := passage(&f.Conflicts[1].B) // beta's hedged "will not reopen", with context
	if before || after {
		t.Errorf("short context was cut: before=%v after=%v", before, after)
	}
	var got []string
	for _, p := range ps {
		switch {
		case p.Mark:
			got = append(got, "["+p.Text+"]")
		case p.Context:
			got = append(got, "("+p.Text+")")
		default:
			got = append(got, p.Text)
		}
	}
	want := []string{"The Harbor Bridge will ", "[not]", " reopen on Monday, according to the transport agency.",
		"( The repairs cost $6 million, the agency said, and the city shares the bill with the state. Crews worked through three weeks of repairs.)"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("pieces (-want +got):\n%s", diff)
	}

	// Inconsistent context (does not contain the evidence) falls back to the
	// evidence alone, and bad highlights are clamped without a panic.
	e := f.Conflicts[1].B
	e.Context = &analyze.Context{Start: 0, End: 3, Text: "Bri"}
	e.Highlights = []analyze.Span{{Start: -5, End: 1 << 30}}
	ps, _, _ = passage(&e)
	if len(ps) != 1 || !ps[0].Mark || ps[0].Text != e.Text {
		t.Errorf("got %+v, want the whole evidence marked", ps)
	}
}

// FuzzRender checks that arbitrary evidence text and offsets never make a
// renderer panic or write invalid UTF-8.
func FuzzRender(f *testing.F) {
	f.Add("The bridge will “not” reopen.", 0, 5, 17, 22, 3)
	f.Add("\xff\xfe<script>港", -3, 2, 4, 900, 1)
	f.Fuzz(func(t *testing.T, text string, start, hs, he, cstart, limit int) {
		e := analyze.Evidence{Source: "s", Start: start, End: start + len(text), Text: text,
			Highlights: []analyze.Span{{Start: hs, End: he}}}
		if cstart%2 == 0 {
			e.Context = &analyze.Context{Start: start - cstart, End: start + len(text), Text: strings.Repeat("x", max(0, cstart)) + text}
		}
		r := &analyze.Result{Conflicts: []analyze.Finding{{A: e, B: e, Kind: analyze.KindOther}}}
		if q := mdQuote(&e, limit); !utf8.ValidString(q) {
			t.Errorf("mdQuote gave invalid UTF-8 %q", q)
		}
		for _, rd := range renderers {
			var buf bytes.Buffer
			if err := rd.render(&buf, r); err != nil {
				t.Fatal(err)
			}
			if !utf8.Valid(buf.Bytes()) {
				t.Errorf("%s: invalid UTF-8", rd.ext)
			}
		}
	})
}

func TestCanEmphasize(t *testing.T) {
	tests := []struct {
		name   string
		before rune
		core   string
		after  rune
		want   bool
	}{
		{"words", ' ', "word", ' ', true},
		{"line start", utf8.RuneError, "word", '.', true},
		{"inside a word", 'a', "word", 'b', true},
		{"punctuation after a letter", 'a', `\<b`, ' ', false},
		{"punctuation before a letter", ' ', `b\>`, 'c', false},
		{"punctuation between spaces", ' ', `\<b\>`, ' ', true},
		{"money after space", ' ', "$6 million", ',', true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := canEmphasize(tt.before, tt.core, tt.after); got != tt.want {
				t.Errorf("canEmphasize(%q, %q, %q) = %v, want %v", tt.before, tt.core, tt.after, got, tt.want)
			}
		})
	}
}

// FuzzWindow checks the trimming window's invariants: it stays inside the
// text, on character boundaries, and always keeps the highlighted stretch.
func FuzzWindow(f *testing.F) {
	f.Add("the KEY words in a long sentence", 4, 7, 10)
	f.Add("港口 été “x” \xff tail", 2, 9, 3)
	f.Fuzz(func(t *testing.T, text string, ms, me, limit int) {
		s, e, cutL, cutR := window(text, ms, me, limit)
		if s < 0 || e > len(text) || s > e {
			t.Fatalf("window(%q, %d, %d, %d) = [%d, %d) out of range", text, ms, me, limit, s, e)
		}
		for _, at := range []int{s, e} {
			// In invalid text a stray continuation byte is its own character.
			if utf8.ValidString(text) && at < len(text) && !utf8.RuneStart(text[at]) {
				t.Fatalf("window(%q, %d, %d, %d) = [%d, %d) splits a character", text, ms, me, limit, s, e)
			}
		}
		if cutL != (s > 0) || cutR != (e < len(text)) {
			t.Fatalf("cut flags %v %v disagree with [%d, %d) of %d bytes", cutL, cutR, s, e, len(text))
		}
		if limit > 0 && utf8.RuneCountInString(text) > limit {
			if ks, ke := clampRune(text, ms), clampRuneEnd(text, me); ks <= ke && (s > ks || e < ke) {
				t.Fatalf("window(%q, %d, %d, %d) = [%d, %d) drops the highlight [%d, %d)", text, ms, me, limit, s, e, ks, ke)
			}
		}
	})
}
