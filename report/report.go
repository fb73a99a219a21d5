package report

import (
	"io"
	"math"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

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

// count is the number of findings of one kind and severity.
type countRow struct {
	Kind  analyze.Kind
	Cells []int // per severity in countTable.Severities order
	Total int
}

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

// ---- text helpers shared by Markdown and HTML ----

// piece is a run of quote text, highlighted or not, possibly outside the
// evidence sentence (context).
type piece struct {
	Text    string
	Mark    bool
	Context bool // outside the evidence span: shown subdued
}

// clampRune clamps off into [0, len(s)] and moves it back to the start of the
// character it falls in, so slicing never splits a UTF-8 sequence.
func clampRune(s string, off int) int {
	if off <= 0 {
		return 0
	}
	if off >= len(s) {
		return len(s)
	}
	for off > 0 && !utf8.RuneStart(s[off]) {
		off--
	}
	return off
}

// clampRuneEnd is clampRune for an end offset: it moves forward to the end of
// the character, so a highlight never loses part of its last character.
func clampRuneEnd(s string, off int) int {
	if off <= 0 {
		return 0
	}
	if off >= len(s) {
		return len(s)
	}
	for off < len(s) && !utf8.RuneStart(s[off]) {
		off++
	}
	return off
}

// relSpans converts absolute highlight spans to offsets relative to a text
// that starts at base, clamped to the text, snapped to character boundaries,
// sorted and merged. Empty or fully outside spans are dropped.
func relSpans(text string, base int, hs []analyze.Span) [][2]int {
	var out [][2]int
	for _, h := range hs {
		if h.End <= h.Start {
			continue
		}
		s, e := h.Start-base, h.End-base
		if e <= 0 || s >= len(text) {
			continue
		}
		s, e = clampRune(text, s), clampRuneEnd(text, e)
		if e > s {
			out = append(out, [2]int{s, e})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i][0] != out[j][0] {
			return out[i][0] < out[j][0]
		}
		return out[i][1] < out[j][1]
	})
	merged := out[:0]
	for _, sp := range out {
		if n := len(merged); n > 0 && sp[0] <= merged[n-1][1] {
			if sp[1] > merged[n-1][1] {
				merged[n-1][1] = sp[1]
			}
			continue
		}
		merged = append(merged, sp)
	}
	return merged
}

// pieces cuts text into runs at the boundaries of the highlight spans and of
// the focus span [fs, fe) (the evidence inside its context); offsets are
// relative to text and already on character boundaries.
func pieces(text string, marks [][2]int, fs, fe int) []piece {
	cuts := map[int]bool{0: true, len(text): true, fs: true, fe: true}
	for _, m := range marks {
		cuts[m[0]], cuts[m[1]] = true, true
	}
	var at []int
	for c := range cuts {
		if c >= 0 && c <= len(text) {
			at = append(at, c)
		}
	}
	sort.Ints(at)
	var out []piece
	for i := 0; i+1 < len(at); i++ {
		s, e := at[i], at[i+1]
		if s == e {
			continue
		}
		p := piece{Text: text[s:e], Context: s < fs || s >= fe}
		for _, m := range marks {
			if s >= m[0] && e <= m[1] {
				p.Mark = true
				break
			}
		}
		if n := len(out); n > 0 && out[n-1].Mark == p.Mark && out[n-1].Context == p.Context {
			out[n-1].Text += p.Text
			continue
		}
		out = append(out, p)
	}
	return out
}

// window chooses the part of text to show when it is longer than limit
// characters: a stretch of about limit characters around [ms, me) (the
// highlighted words), widened to word boundaries. It reports whether text was
// cut before and after the window.
func window(text string, ms, me, limit int) (s, e int, cutL, cutR bool) {
	if limit <= 0 || utf8.RuneCountInString(text) <= limit {
		return 0, len(text), false, false
	}
	ms, me = clampRune(text, ms), clampRuneEnd(text, me)
	if me < ms {
		me = ms
	}
	// Spend a third of the budget left over after the highlight before it and
	// the rest after, since a sentence is read forward; what one side cannot
	// use goes to the other.
	span := utf8.RuneCountInString(text[ms:me])
	left := (limit - span) / 3 // more room after: sentences read forward
	if left < 0 {
		left = 0
	}
	s = ms
	for n := 0; n < left && s > 0; n++ {
		_, size := utf8.DecodeLastRuneInString(text[:s])
		s -= size
	}
	used := utf8.RuneCountInString(text[s:me])
	e = me
	for n := used; n < limit && e < len(text); n++ {
		_, size := utf8.DecodeRuneInString(text[e:])
		e += size
	}
	for n := utf8.RuneCountInString(text[s:e]); n < limit && s > 0; n++ {
		_, size := utf8.DecodeLastRuneInString(text[:s])
		s -= size
	}
	// Do not start or end in the middle of a word: widen to the word's edge
	// when it is near (a few characters over the budget read better than a
	// broken word), otherwise narrow to the nearest space.
	const slack = 12
	if s > 0 && !isSpaceBefore(text, s) {
		j := s
		for n := 0; n < slack && j > 0 && !isSpaceBefore(text, j); n++ {
			_, size := utf8.DecodeLastRuneInString(text[:j])
			j -= size
		}
		if j == 0 || isSpaceBefore(text, j) {
			s = j
		} else if i := strings.IndexFunc(text[s:ms], unicode.IsSpace); i >= 0 {
			s += i
		}
	}
	if e < len(text) && !isSpaceAt(text, e) {
		j := e
		for n := 0; n < slack && j < len(text) && !isSpaceAt(text, j); n++ {
			_, size := utf8.DecodeRuneInString(text[j:])
			j += size
		}
		if j == len(text) || isSpaceAt(text, j) {
			e = j
		} else if i := strings.LastIndexFunc(text[me:e], unicode.IsSpace); i >= 0 {
			e = me + i
		}
	}
	return s, e, s > 0, e < len(text)
}

func isSpaceBefore(text string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return unicode.IsSpace(r)
}

func isSpaceAt(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsSpace(r)
}

// collapseSpace replaces every run of white space, line breaks included, by
// one space, so a quote stays on one line of Markdown or one HTML paragraph.
// Leading and trailing runs become one space too, because s may be one piece
// of a longer quote; trimPieces trims the ends of the whole.
func collapseSpace(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// tidyPieces collapses white space in every piece, trims the ends of the
// whole run and drops pieces left empty.
func tidyPieces(ps []piece) []piece {
	out := make([]piece, 0, len(ps))
	prevSpace := true // at the start, a leading space is dropped
	for _, p := range ps {
		t := collapseSpace(validUTF8(p.Text))
		if prevSpace {
			t = strings.TrimPrefix(t, " ")
		}
		if t == "" {
			continue
		}
		prevSpace = strings.HasSuffix(t, " ")
		p.Text = t
		out = append(out, p)
	}
	if n := len(out); n > 0 {
		out[n-1].Text = strings.TrimSuffix(out[n-1].Text, " ")
		if out[n-1].Text == "" {
			out = out[:n-1]
		}
	}
	return out
}

// validUTF8 replaces invalid bytes so renderings are always valid text.
func validUTF8(s string) string { return strings.ToValidUTF8(s, "\uFFFD") }
