package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"sort"

	"github.com/crosscheck-go/crosscheck/analyze"
	"github.com/crosscheck-go/crosscheck/internal/par"
)

// The JSON document is built from these private types rather than from
// analyze's own tags so that the schema is fixed here, in one place: field
// order, which keys are always present ([] rather than null for lists, "" for
// unknown strings), and score rounding do not change when analyze's types
// grow.

type jsonReport struct {
	Schema     string        `json:"schema"`
	Sources    []jsonSource  `json:"sources"`
	Topics     []jsonTopic   `json:"topics"`
	Conflicts  []jsonFinding `json:"conflicts"`
	Agreements []jsonFinding `json:"agreements"`
	Notes      []string      `json:"notes"`
	// Stories is empty when all sources tell one story.
	Stories []jsonStory `json:"stories"`
}

type jsonStory struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Sources []string `json:"sources"`
}

type jsonSource struct {
	ID        string `json:"id"`
	Path      string `json:"path"`
	Title     string `json:"title"`
	Outlet    string `json:"outlet"`
	Date      string `json:"date"` // YYYY-MM-DD, RFC 3339 when it has a clock time, "" when unknown
	URL       string `json:"url"`
	Sentences int    `json:"sentences"`
}

type jsonTopic struct {
	ID    string   `json:"id"`
	Name  string   `json:"name"`
	Terms []string `json:"terms"`
	// Sentences per source id; encoding/json writes map keys sorted.
	Sentences map[string]int `json:"sentences"`
}

type jsonFinding struct {
	ID          string       `json:"id"`
	Topic       string       `json:"topic"`
	Kind        string       `json:"kind"`
	Severity    string       `json:"severity"`
	Score       float64      `json:"score"`
	A           jsonEvidence `json:"a"`
	B           jsonEvidence `json:"b"`
	Explanation string       `json:"explanation"`
	Cues        []jsonCue    `json:"cues"`
	SupportA    []string     `json:"support_a"`
	SupportB    []string     `json:"support_b"`
}

type jsonEvidence struct {
	Source     string         `json:"source"`
	Start      int            `json:"start"`
	End        int            `json:"end"`
	Text       string         `json:"text"`
	Line       int            `json:"line"`
	Col        int            `json:"col"`
	Hedged     bool           `json:"hedged"`
	Asserter   string         `json:"asserter"`
	Highlights []analyze.Span `json:"highlights"`
	// Context is the only optional key: it repeats a paragraph of source
	// text, so it is left out rather than written as null when absent.
	Context *analyze.Context `json:"context,omitempty"`
}

type jsonCue struct {
	Kind string `json:"kind"`
	Side string `json:"side"`
	Text string `json:"text"`
}

// JSON writes r as an indented JSON document of schema Schema, followed by a
// newline. Sources, topics and findings keep the result's order (analyze's
// deterministic order); lists are never null; scores are rounded to three
// decimals. A nil r is rendered as an empty report.
func (o Options) JSON(w io.Writer, r *analyze.Result) error {
	doc := jsonDoc(r)
	// The document is written field by field, and the long lists element
	// by element, each indented as encoding/json would indent it in place:
	// the bytes are those of encoding the whole document at once, without
	// holding it in memory two or three times over (a report on a few
	// thousand articles runs to tens of megabytes), and the elements of a
	// long list are encoded on all cores. TestJSONStreamed holds the two
	// equal.
	bw := bufio.NewWriterSize(w, 64<<10)
	jw := &jsonWriter{w: bw}
	jw.raw("{\n")
	jw.value("schema", doc.Schema, false)
	writeList(jw, "sources", doc.Sources)
	writeList(jw, "topics", doc.Topics)
	writeList(jw, "conflicts", doc.Conflicts)
	writeList(jw, "agreements", doc.Agreements)
	jw.value("notes", doc.Notes, false)
	jw.value("stories", doc.Stories, true)
	jw.raw("}\n")
	if jw.err != nil {
		return jw.err
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("report: write json: %w", err)
	}
	return nil
}

// jsonDoc converts r to the report's private JSON types.
func jsonDoc(r *analyze.Result) jsonReport {
	r = orEmpty(r)
	doc := jsonReport{
		Schema:     Schema,
		Sources:    make([]jsonSource, 0, len(r.Sources)),
		Topics:     make([]jsonTopic, 0, len(r.Topics)),
		Conflicts:  jsonFindings(r.Conflicts),
		Agreements: jsonFindings(r.Agreements),
		Notes:      nonNil(r.Notes),
		Stories:    make([]jsonStory, 0, len(r.Stories)),
	}
	for _, st := range r.Stories {
		doc.Stories = append(doc.Stories, jsonStory{ID: st.ID, Name: st.Name, Sources: nonNil(st.Sources)})
	}
	for _, s := range r.Sources {
		doc.Sources = append(doc.Sources, jsonSource{
			ID: s.ID, Path: s.Path, Title: s.Title, Outlet: s.Outlet,
			Date: formatDate(s.Date), URL: s.URL, Sentences: s.Sentences,
		})
	}
	for _, t := range r.Topics {
		sent := make(map[string]int, len(t.Sentences))
		for k, v := range t.Sentences {
			sent[k] = v
		}
		doc.Topics = append(doc.Topics, jsonTopic{ID: t.ID, Name: t.Name, Terms: nonNil(t.Terms), Sentences: sent})
	}
	return doc
}

// jsonWriter writes the top-level object of the report; the first error
// sticks and ends the writing.
type jsonWriter struct {
	w   *bufio.Writer
	err error
}

func (jw *jsonWriter) raw(s string) {
	if jw.err != nil {
		return
	}
	if _, err := jw.w.WriteString(s); err != nil {
		jw.err = fmt.Errorf("report: write json: %w", err)
	}
}

func (jw *jsonWriter) bytes(b []byte) {
	if jw.err != nil {
		return
	}
	if _, err := jw.w.Write(b); err != nil {
		jw.err = fmt.Errorf("report: write json: %w", err)
	}
}

// value writes one field of the top-level object, its value encoded whole.
func (jw *jsonWriter) value(name string, v any, last bool) {
	b, err := encodeIndented(v, "  ")
	if err != nil && jw.err == nil {
		jw.err = fmt.Errorf("report: encode json: %w", err)
	}
	jw.raw("  \"" + name + "\": ")
	jw.bytes(b)
	jw.end(last)
}

func (jw *jsonWriter) end(last bool) {
	if last {
		jw.raw("\n")
	} else {
		jw.raw(",\n")
	}
}

// encodeIndented encodes v as the whole-document encoder of JSON would at
// the nesting given by prefix: lines after the first start with prefix,
// no HTML escaping, no trailing newline. encoding/json indents by running
// its full scanner over every byte of the compact encoding, which cost more
// than the encoding itself on a report of thousands of findings;
// indentCompact makes the same bytes from the compact encoding directly.
func encodeIndented(v any, prefix string) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // a report is read by people; quotes keep their < and &
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	compact := bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
	return indentCompact(make([]byte, 0, 2*len(compact)), compact, prefix, "  "), nil
}

// indentCompact appends to dst the compact JSON src as json.Indent would
// indent it with prefix and indent: src must be what encoding/json writes
// (valid, no space outside strings), so the only states are inside a
// string or between tokens. Empty objects and arrays stay {} and [], as
// json.Indent leaves them.
func indentCompact(dst, src []byte, prefix, indent string) []byte {
	newline := func(depth int) {
		dst = append(dst, '\n')
		dst = append(dst, prefix...)
		for range depth {
			dst = append(dst, indent...)
		}
	}
	depth := 0
	needIndent := false // after { or [, until we know whether it is empty
	for i := 0; i < len(src); i++ {
		c := src[i]
		if needIndent && c != '}' && c != ']' {
			needIndent = false
			depth++
			newline(depth)
		}
		switch c {
		case '"':
			// Copy the string whole: up to the quote that ends it,
			// stepping over escaped characters.
			j := i + 1
			for j < len(src) && src[j] != '"' {
				if src[j] == '\\' {
					j++
				}
				j++
			}
			dst = append(dst, src[i:min(j+1, len(src))]...)
			i = j
		case '{', '[':
			needIndent = true
			dst = append(dst, c)
		case ',':
			dst = append(dst, c)
			newline(depth)
		case ':':
			dst = append(dst, c, ' ')
		case '}', ']':
			if needIndent {
				needIndent = false
			} else {
				depth--
				newline(depth)
			}
			dst = append(dst, c)
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

// listBatch is how many list elements are encoded before they are written.
const listBatch = 512

// writeList writes a list field of the top-level object (never the last
// field) element by element; batches of elements are encoded on all cores
// and written in order.
func writeList[T any](jw *jsonWriter, name string, items []T) {
	if len(items) == 0 {
		jw.value(name, items, false)
		return
	}
	jw.raw("  \"" + name + "\": [\n")
	enc := make([][]byte, min(listBatch, len(items)))
	errs := make([]error, len(enc))
	for lo := 0; lo < len(items) && jw.err == nil; lo += listBatch {
		batch := items[lo:min(lo+listBatch, len(items))]
		encode := func(k int) { enc[k], errs[k] = encodeIndented(batch[k], "    ") }
		par.For(len(batch), len(batch)/16, encode)
		for k := range batch {
			if errs[k] != nil {
				if jw.err == nil {
					jw.err = fmt.Errorf("report: encode json: %w", errs[k])
				}
				return
			}
			jw.raw("    ")
			jw.bytes(enc[k])
			if lo+k < len(items)-1 {
				jw.raw(",\n")
			} else {
				jw.raw("\n")
			}
		}
	}
	jw.raw("  ]")
	jw.end(false)
}

func jsonFindings(fs []analyze.Finding) []jsonFinding {
	out := make([]jsonFinding, 0, len(fs))
	for _, f := range fs {
		jf := jsonFinding{
			ID: f.ID, Topic: f.Topic, Kind: string(f.Kind), Severity: string(f.Severity),
			Score: score3(f.Score), A: jsonEvidenceOf(f.A), B: jsonEvidenceOf(f.B),
			Explanation: f.Explanation, Cues: make([]jsonCue, 0, len(f.Cues)),
			SupportA: sortedCopy(f.SupportA), SupportB: sortedCopy(f.SupportB),
		}
		for _, c := range f.Cues {
			jf.Cues = append(jf.Cues, jsonCue(c))
		}
		out = append(out, jf)
	}
	return out
}

func jsonEvidenceOf(e analyze.Evidence) jsonEvidence {
	return jsonEvidence{
		Source: e.Source, Start: e.Start, End: e.End, Text: e.Text, Line: e.Line, Col: e.Col,
		Hedged: e.Hedged, Asserter: e.Asserter,
		Highlights: append(make([]analyze.Span, 0, len(e.Highlights)), e.Highlights...),
		Context:    e.Context,
	}
}

// sortedCopy sorts support lists because they are sets: their order carries no
// meaning, and sorting keeps the output independent of how they were built.
func sortedCopy(s []string) []string {
	out := append(make([]string, 0, len(s)), s...)
	sort.Strings(out)
	return out
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
