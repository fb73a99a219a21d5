package report

import (
	"io"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/crosscheck-go/crosscheck/analyze"
)

// Schema names the JSON report format. It changes only when a field changes
// meaning or disappears; new fields may be added within a version.
const Schema = "crosscheck/report/v1"

// DefaultTitle is the report title used when Options.Title is empty.
const DefaultTitle = "Crosscheck report"

// Options configures the Markdown and HTML renderings. The zero value is the
// default: the JSON rendering takes no options because it is an API.
type Options struct {
	// Title heads the Markdown and HTML reports; empty means DefaultTitle.
	Title string
	// QuoteRunes bounds the length of a quote in the Markdown report, in
	// characters; a longer quote is trimmed around its highlighted words.
	// Zero means 320; a negative value never trims.
	QuoteRunes int
}

// JSON writes r as an indented JSON document of schema Schema, followed by a
// newline. A nil r is rendered as an empty report.
func JSON(w io.Writer, r *analyze.Result) error { return Options{}.JSON(w, r) }

// Markdown writes r as a Markdown document with default options.
func Markdown(w io.Writer, r *analyze.Result) error { return Options{}.Markdown(w, r) }

// HTML writes r as one self-contained HTML page with default options.
func HTML(w io.Writer, r *analyze.Result) error { return Options{}.HTML(w, r) }

func (o Options) title() string {
	if t := strings.TrimSpace(o.Title); t != "" {
		return t
	}
	return DefaultTitle
}

func (o Options) quoteRunes() int {
	switch {
	case o.QuoteRunes < 0:
		return math.MaxInt
	case o.QuoteRunes == 0:
		return 320
	}
	return o.QuoteRunes
}

// orEmpty lets every renderer treat a nil result as an empty one instead of
// checking for nil at every use.
func orEmpty(r *analyze.Result) *analyze.Result {
	if r == nil {
		return &analyze.Result{}
	}
	return r
}

// score3 rounds a score to three decimals, the precision every rendering
// shows; NaN and infinities, which JSON cannot carry, become 0 and the
// nearest bound.
func score3(s float64) float64 {
	switch {
	case math.IsNaN(s):
		return 0
	case math.IsInf(s, 1):
		return 1
	case math.IsInf(s, -1):
		return 0
	}
	return math.Round(s*1000) / 1000
}

// formatDate renders a publication date: the day alone when the time carries
// no clock time (the usual case for news), otherwise RFC 3339. Zero is "".
func formatDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	if h, m, s := t.Clock(); h == 0 && m == 0 && s == 0 && t.Nanosecond() == 0 {
		return t.Format(time.DateOnly)
	}
	return t.Format(time.RFC3339)
}

// summaryLine counts what a report holds in one sentence; changes over time
// are mentioned only when there are some, as most stories have none.
func summaryLine(sources, conflicts, changes, agreements int) string {
	parts := []string{plural(sources, "source"), plural(conflicts, "conflict")}
	if changes > 0 {
		parts = append(parts, plural(changes, "change over time", "changes over time"))
	}
	return strings.Join(parts, ", ") + " and " + plural(agreements, "agreement") + "."
}

// noneFound says a section is empty, pointing at the notes when there are
// some, since they usually explain why (for example, a single source).
func noneFound(what string, notes []string) string {
	if len(notes) > 0 {
		return "No " + what + " found; see the notes below."
	}
	return "No " + what + " found."
}

// severityRank orders severities highest first; unknown severities sort after
// the known ones.
func severityRank(s analyze.Severity) int {
	switch s {
	case analyze.High:
		return 0
	case analyze.Medium:
		return 1
	case analyze.Low:
		return 2
	}
	return 3
}

// kindOrder is the order in which kinds appear in summaries: conflicts by how
// directly they contradict, then the softer kinds, then agreements.
var kindOrder = []analyze.Kind{
	analyze.KindExclusivity, analyze.KindPolarity, analyze.KindNumeric,
	analyze.KindAntonym, analyze.KindAttitude, analyze.KindSelf,
	analyze.KindOther, analyze.KindTemporal, analyze.KindAgreement,
}

func kindRank(k analyze.Kind) int {
	for i, x := range kindOrder {
		if x == k {
			return i
		}
	}
	return len(kindOrder)
}

// findingLess orders findings for a reader: most severe first, then highest
// score, with a full tie-break on identity and offsets so the order never
// depends on the input order.
func findingLess(a, b *analyze.Finding) bool {
	if ra, rb := severityRank(a.Severity), severityRank(b.Severity); ra != rb {
		return ra < rb
	}
	if a.Severity != b.Severity {
		return a.Severity < b.Severity
	}
	if sa, sb := score3(a.Score), score3(b.Score); sa != sb {
		return sa > sb
	}
	if a.ID != b.ID {
		return a.ID < b.ID
	}
	if a.A.Source != b.A.Source {
		return a.A.Source < b.A.Source
	}
	if a.A.Start != b.A.Start {
		return a.A.Start < b.A.Start
	}
	if a.B.Source != b.B.Source {
		return a.B.Source < b.B.Source
	}
	if a.B.Start != b.B.Start {
		return a.B.Start < b.B.Start
	}
	return a.Kind < b.Kind
}

// group is the findings of one topic, in reading order.
type group struct {
	ID       string // topic id
	Name     string // readable name; the id when the topic is unknown
	Terms    []string
	Findings []*analyze.Finding
}

// groupByTopic groups findings by topic. Groups are ordered by their most
// severe finding, then by the topic's position in the result, so the story's
// worst problem is read first.
func groupByTopic(topics []analyze.Topic, fs []*analyze.Finding) []*group {
	index := map[string]int{}
	for i, t := range topics {
		if _, dup := index[t.ID]; !dup {
			index[t.ID] = i
		}
	}
	byID := map[string]*group{}
	var groups []*group
	for _, f := range fs {
		g := byID[f.Topic]
		if g == nil {
			g = &group{ID: f.Topic, Name: f.Topic}
			if i, ok := index[f.Topic]; ok {
				g.Name = topics[i].Name
				g.Terms = topics[i].Terms
			}
			if strings.TrimSpace(g.Name) == "" {
				g.Name = "Untitled topic"
			}
			byID[f.Topic] = g
			groups = append(groups, g)
		}
		g.Findings = append(g.Findings, f)
	}
	pos := func(id string) int {
		if i, ok := index[id]; ok {
			return i
		}
		return len(topics) // unknown topics after known ones, then by id
	}
	for _, g := range groups {
		sort.SliceStable(g.Findings, func(i, j int) bool { return findingLess(g.Findings[i], g.Findings[j]) })
	}
	sort.SliceStable(groups, func(i, j int) bool {
		a, b := groups[i], groups[j]
		if findingLess(a.Findings[0], b.Findings[0]) {
			return true
		}
		if findingLess(b.Findings[0], a.Findings[0]) {
			return false
		}
		if pa, pb := pos(a.ID), pos(b.ID); pa != pb {
			return pa < pb
		}
		return a.ID < b.ID
	})
	return groups
}

// split separates temporal findings (an earlier claim superseded by a later
// report) from contradictions proper: a reader treats them differently, so
// every rendering shows them in their own section.
func split(conflicts []analyze.Finding) (contra, temporal []*analyze.Finding) {
	for i := range conflicts {
		f := &conflicts[i]
		if f.Kind == analyze.KindTemporal {
			temporal = append(temporal, f)
		} else {
			contra = append(contra, f)
		}
	}
	return contra, temporal
}

func ptrs(fs []analyze.Finding) []*analyze.Finding {
	out := make([]*analyze.Finding, len(fs))
	for i := range fs {
		out[i] = &fs[i]
	}
	return out
}

// supporters returns the sorted, de-duplicated source ids standing with one
// side: the side's own source and its listed support.
func supporters(own string, support []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range append([]string{own}, support...) {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
}

// allSupporters returns every source making an agreed claim.
func allSupporters(f *analyze.Finding) []string {
	ids := append(append([]string{f.B.Source}, f.SupportA...), f.SupportB...)
	return supporters(f.A.Source, ids)
}

// countRow is the number of findings of one kind, per severity.
type countRow struct {
	Kind  analyze.Kind
	Cells []int // per severity in countTable.Severities order
	Total int
}

// countTable tabulates findings by kind and severity.
type countTable struct {
	Severities []analyze.Severity
	Rows       []countRow
	Totals     []int
	Total      int
}

// counts tabulates findings by kind (rows) and severity (columns). Only
// kinds present appear; the three known severities always appear, others
// (including an empty severity) only when used.
func counts(fs []*analyze.Finding) countTable {
	sevs := []analyze.Severity{analyze.High, analyze.Medium, analyze.Low}
	extra := map[analyze.Severity]bool{}
	kinds := map[analyze.Kind]bool{}
	for _, f := range fs {
		kinds[f.Kind] = true
		if severityRank(f.Severity) == 3 {
			extra[f.Severity] = true
		}
	}
	var more []analyze.Severity
	for s := range extra {
		more = append(more, s)
	}
	sort.Slice(more, func(i, j int) bool { return more[i] < more[j] })
	sevs = append(sevs, more...)
	var ks []analyze.Kind
	for k := range kinds {
		ks = append(ks, k)
	}
	sort.Slice(ks, func(i, j int) bool {
		if ri, rj := kindRank(ks[i]), kindRank(ks[j]); ri != rj {
			return ri < rj
		}
		return ks[i] < ks[j]
	})
	t := countTable{Severities: sevs, Totals: make([]int, len(sevs))}
	for _, k := range ks {
		row := countRow{Kind: k, Cells: make([]int, len(sevs))}
		for _, f := range fs {
			if f.Kind != k {
				continue
			}
			for i, s := range sevs {
				if f.Severity == s {
					row.Cells[i]++
					t.Totals[i]++
				}
			}
			row.Total++
			t.Total++
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// severityLabel is how a severity is shown; an empty one is "unrated".
func severityLabel(s analyze.Severity) string {
	if s == "" {
		return "unrated"
	}
	return string(s)
}

// kindLabel is how a kind is shown; an empty one is "other".
func kindLabel(k analyze.Kind) string {
	if k == "" {
		return string(analyze.KindOther)
	}
	return string(k)
}

// kindPhrase explains a kind to a reader in a few words.
func kindPhrase(k analyze.Kind) string {
	switch k {
	case analyze.KindExclusivity:
		return "one source says it is exclusive, the other says otherwise"
	case analyze.KindPolarity:
		return "one source affirms what the other denies"
	case analyze.KindNumeric:
		return "the same quantity with different values"
	case analyze.KindAntonym:
		return "words of opposite meaning about the same thing"
	case analyze.KindAttitude:
		return "approval versus objection about the same act"
	case analyze.KindTemporal:
		return "a later report says the earlier claim changed"
	case analyze.KindSelf:
		return "two statements of one source conflict"
	case analyze.KindAgreement:
		return "the sources make the same claim"
	}
	return "the statements conflict"
}
