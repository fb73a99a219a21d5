package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"sort"

	"github.com/crosscheck-go/crosscheck/analyze"
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
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // a report is read by people; quotes keep their < and &
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("report: encode json: %w", err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("report: write json: %w", err)
	}
	return nil
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
