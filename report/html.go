package report

import (
	"bufio"
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"sort"
	"strings"

	"github.com/crosscheck-go/crosscheck/analyze"
)

//go:embed html.tmpl
var htmlText string

// htmlTemplate is parsed once: the template is a constant of the program, so
// a parse error is a bug that must fail every test, not an input error.
var htmlTemplate = template.Must(template.New("report").Parse(htmlText))

// contextRunes bounds the context shown around a piece of evidence in the
// HTML report; the evidence itself is always shown whole.
const contextRunes = 700

// HTML writes r as one self-contained HTML page: inline CSS, no external
// resources, a small optional script that only adds filtering. Each conflict
// shows its two passages side by side (stacked on a narrow screen) in their
// context, with the conflicting words marked. All source text is escaped by
// html/template.
func (o Options) HTML(w io.Writer, r *analyze.Result) error {
	page := buildPage(o, orEmpty(r))
	bw := bufio.NewWriter(w)
	if err := htmlTemplate.Execute(bw, page); err != nil {
		return fmt.Errorf("report: render html: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("report: write html: %w", err)
	}
	return nil
}

type htmlPage struct {
	Title      string
	HasOutlet  bool // some source has an outlet: show the column
	HasDate    bool // some source has a date: show the column
	Summary    string
	Sources    []htmlSource
	Counts     htmlCounts
	Nav        []htmlNav
	Sections   []htmlSection
	Notes      []string
	Stories    []htmlStory
	Jump       []htmlOption // links to the page's sections: anchor and label
	Kinds      []htmlOption
	Severities []htmlOption
	Topics     []htmlOption
}

type htmlOption struct{ Value, Label string }

// htmlStory is one group of sources analysed on its own.
type htmlStory struct {
	ID, Name string
	Sources  []string
}

type htmlSource struct {
	ID, Anchor, Title, Outlet, Date, URL, Path string
	RawURL                                     string // shown as text when URL is not a web link
	Sentences                                  int
}

type htmlCounts struct {
	Severities []string
	Rows       []htmlCountRow
	Totals     []int
	Total      int
}

type htmlCountRow struct {
	Kind  string
	Cells []int
	Total int
}

type htmlNav struct {
	Name   string
	Anchor string
	Counts string // "2 conflicts · 1 agreement"
}

type htmlSection struct {
	ID, Title, Intro, Empty string
	Groups                  []htmlGroup
}

type htmlGroup struct {
	Anchor, Name, TopicKey string
	Terms                  []string
	Findings               []htmlFinding
}

type htmlFinding struct {
	N                  int
	Anchor, ID         string
	Kind, KindPhrase   string
	Severity, Score    string
	KindKey, SevKey    string // filter values, as in htmlPage.Kinds and Severities
	TopicKey           string
	Explanation        string
	Cues               []analyze.Cue
	A, B               htmlSide
	Agreement          bool
	Sources            []htmlRef // agreements: every source making the claim
	Class              string
	SupportA, SupportB int
}

type htmlRef struct{ ID, Anchor string }

type htmlSide struct {
	Label               string
	Source              htmlRef
	Title, Outlet, Date string
	URL                 string
	Line, Col           int
	Hedged              bool
	Asserter            string
	Pieces              []piece
	CutBefore, CutAfter bool
	Support             []htmlRef
	Known               bool // the source is listed in the result
}

// anchors hands out HTML ids that are safe in a URL fragment and unique
// within the page, derived from content so that links stay stable.
type anchors map[string]bool

func (a anchors) get(prefix, id string) string {
	var b strings.Builder
	b.WriteString(prefix)
	for _, r := range id {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_':
			b.WriteRune(r)
		default:
			b.WriteByte('-')
		}
	}
	base := b.String()
	out := base
	for n := 2; a[out]; n++ {
		out = fmt.Sprintf("%s-%d", base, n)
	}
	a[out] = true
	return out
}

func buildPage(o Options, r *analyze.Result) *htmlPage {
	ids := anchors{}
	contra, temporal := split(r.Conflicts)
	agree := ptrs(r.Agreements)
	page := &htmlPage{
		Title:   o.title(),
		Summary: summaryLine(len(r.Sources), len(contra), len(temporal), len(agree)),
	}
	for _, n := range r.Notes {
		page.Notes = append(page.Notes, validUTF8(n))
	}
	for _, st := range r.Stories {
		hs := htmlStory{ID: validUTF8(st.ID), Name: validUTF8(st.Name)}
		for _, id := range st.Sources {
			hs.Sources = append(hs.Sources, validUTF8(id))
		}
		page.Stories = append(page.Stories, hs)
	}

	srcAnchor := map[string]string{}
	srcInfo := map[string]*analyze.SourceInfo{}
	for i, s := range r.Sources {
		if _, dup := srcInfo[s.ID]; dup {
			continue
		}
		page.HasOutlet = page.HasOutlet || s.Outlet != ""
		page.HasDate = page.HasDate || !s.Date.IsZero()
		a := ids.get("src-", s.ID)
		srcAnchor[s.ID], srcInfo[s.ID] = a, &r.Sources[i]
		page.Sources = append(page.Sources, htmlSource{
			ID: validUTF8(s.ID), Anchor: a, Title: validUTF8(s.Title), Outlet: validUTF8(s.Outlet),
			Date: formatDate(s.Date), URL: webURL(s.URL), RawURL: validUTF8(s.URL), Path: validUTF8(s.Path), Sentences: s.Sentences,
		})
	}
	ref := func(id string) htmlRef { return htmlRef{ID: validUTF8(id), Anchor: srcAnchor[id]} }
	refs := func(ids []string) []htmlRef {
		out := make([]htmlRef, len(ids))
		for i, id := range ids {
			out[i] = ref(id)
		}
		return out
	}

	// As in Markdown, the table counts conflicts and changes: agreements
	// have no severity and are counted in the summary line.
	t := counts(append(append([]*analyze.Finding{}, contra...), temporal...))
	page.Counts = htmlCounts{Totals: t.Totals, Total: t.Total}
	for _, s := range t.Severities {
		page.Counts.Severities = append(page.Counts.Severities, severityLabel(s))
		page.Severities = append(page.Severities, htmlOption{Value: cssToken(severityLabel(s)), Label: severityLabel(s)})
	}
	for _, row := range t.Rows {
		page.Counts.Rows = append(page.Counts.Rows, htmlCountRow{Kind: kindLabel(row.Kind), Cells: row.Cells, Total: row.Total})
		page.Kinds = append(page.Kinds, htmlOption{Value: cssToken(kindLabel(row.Kind)), Label: kindLabel(row.Kind)})
	}
	if len(agree) > 0 {
		k := kindLabel(analyze.KindAgreement)
		page.Kinds = append(page.Kinds, htmlOption{Value: cssToken(k), Label: k})
	}

	side := func(label string, e *analyze.Evidence, support []string) htmlSide {
		s := htmlSide{
			Label: label, Source: ref(e.Source), Line: e.Line, Col: e.Col,
			Hedged: e.Hedged, Asserter: validUTF8(e.Asserter), Support: refs(support),
		}
		if info := srcInfo[e.Source]; info != nil {
			s.Known = true
			s.Title, s.Outlet, s.Date, s.URL = validUTF8(info.Title), validUTF8(info.Outlet), formatDate(info.Date), webURL(info.URL)
		}
		s.Pieces, s.CutBefore, s.CutAfter = passage(e)
		return s
	}

	// Topic keys are the filter values; nav entries collect per-topic counts
	// across sections in the order topics are first met.
	type navEntry struct {
		name, anchor string
		n            [3]int
	}
	var navOrder []string
	nav := map[string]*navEntry{}
	topicKey := map[string]string{}
	keyFor := func(topic string) string {
		if k, ok := topicKey[topic]; ok {
			return k
		}
		k := ids.get("topic-", topic)
		topicKey[topic] = k
		return k
	}

	n := 0
	sections := []struct {
		id, title, intro, empty string
		fs                      []*analyze.Finding
		slot                    int
	}{
		{"conflicts", "Conflicts", "Statements that cannot both be true, most severe first.", noneFound("conflicts", r.Notes), contra, 0},
		{"changes", "Changes over time", "A later source reports that an earlier statement no longer holds. Check the dates before calling it a contradiction.", "", temporal, 1},
		{"agreements", "Agreements", "Claims that several sources make alike.", noneFound("agreements", r.Notes), agree, 2},
	}
	for _, sec := range sections {
		if len(sec.fs) == 0 && sec.empty == "" {
			continue
		}
		hs := htmlSection{ID: sec.id, Title: sec.title, Intro: sec.intro, Empty: sec.empty}
		for _, g := range groupByTopic(r.Topics, sec.fs) {
			key := keyFor(g.ID)
			hg := htmlGroup{Anchor: ids.get(sec.id+"-", g.ID), Name: validUTF8(g.Name), TopicKey: key}
			for _, term := range g.Terms {
				hg.Terms = append(hg.Terms, validUTF8(term))
			}
			ne := nav[key]
			if ne == nil {
				ne = &navEntry{name: hg.Name, anchor: hg.Anchor}
				nav[key] = ne
				navOrder = append(navOrder, key)
			}
			ne.n[sec.slot] += len(g.Findings)
			for _, f := range g.Findings {
				n++
				agreement := f.Kind == analyze.KindAgreement
				supA, supB := supporters(f.A.Source, f.SupportA), supporters(f.B.Source, f.SupportB)
				hf := htmlFinding{
					N: n, Anchor: ids.get("f-", f.ID), ID: validUTF8(f.ID),
					Kind: kindLabel(f.Kind), KindPhrase: kindPhrase(f.Kind),
					Severity: severityLabel(f.Severity), Score: fmt.Sprintf("%.3f", score3(f.Score)),
					KindKey: cssToken(kindLabel(f.Kind)), SevKey: cssToken(severityLabel(f.Severity)),
					TopicKey: key, Explanation: validUTF8(strings.TrimSpace(f.Explanation)),
					Agreement: agreement,
					SupportA:  len(supA), SupportB: len(supB),
				}
				if agreement {
					// Every supporter is listed once, in the header.
					hf.A, hf.B = side("A", &f.A, nil), side("B", &f.B, nil)
					hf.Sources = refs(allSupporters(f))
					hf.Class = "agreement"
				} else {
					hf.A, hf.B = side("A", &f.A, supA), side("B", &f.B, supB)
					hf.Class = "conflict"
				}
				for _, c := range f.Cues {
					hf.Cues = append(hf.Cues, analyze.Cue{Kind: validUTF8(c.Kind), Side: validUTF8(c.Side), Text: validUTF8(c.Text)})
				}
				hg.Findings = append(hg.Findings, hf)
			}
			hs.Groups = append(hs.Groups, hg)
		}
		page.Sections = append(page.Sections, hs)
	}
	for _, sec := range page.Sections {
		page.Jump = append(page.Jump, htmlOption{Value: sec.ID, Label: sec.Title})
	}
	if len(page.Notes) > 0 {
		page.Jump = append(page.Jump, htmlOption{Value: "notes", Label: "Notes"})
	}
	if len(page.Sources) > 0 {
		page.Jump = append(page.Jump, htmlOption{Value: "sources", Label: "Sources"})
	}
	for _, key := range navOrder {
		ne := nav[key]
		var parts []string
		if c := ne.n[0]; c > 0 {
			parts = append(parts, plural(c, "conflict"))
		}
		if c := ne.n[1]; c > 0 {
			parts = append(parts, plural(c, "change"))
		}
		if c := ne.n[2]; c > 0 {
			parts = append(parts, plural(c, "agreement"))
		}
		page.Nav = append(page.Nav, htmlNav{Name: ne.name, Anchor: ne.anchor, Counts: strings.Join(parts, " · ")})
		page.Topics = append(page.Topics, htmlOption{Value: key, Label: ne.name})
	}
	sort.SliceStable(page.Topics, func(i, j int) bool { return page.Topics[i].Label < page.Topics[j].Label })
	return page
}

// passage returns the text to show for one side: the evidence inside its
// context when the context is consistent with it, otherwise the evidence
// alone, cut into plain, context and highlighted pieces. A long context is
// trimmed around the evidence, never the evidence itself.
func passage(e *analyze.Evidence) (ps []piece, cutBefore, cutAfter bool) {
	text, base := e.Text, e.Start
	fs, fe := 0, len(e.Text)
	if c := e.Context; c != nil && len(c.Text) == c.End-c.Start && c.Start <= e.Start && e.End <= c.End &&
		len(e.Text) == e.End-e.Start {
		text, base = c.Text, c.Start
		fs, fe = clampRune(text, e.Start-c.Start), clampRuneEnd(text, e.End-c.Start)
	}
	s, end, cutBefore, cutAfter := window(text, fs, fe, max(contextRunes, fe-fs))
	var marks [][2]int
	for _, m := range relSpans(text, base, e.Highlights) {
		if a, b := max(m[0], s), min(m[1], end); b > a {
			marks = append(marks, [2]int{a - s, b - s})
		}
	}
	fs, fe = min(max(fs-s, 0), end-s), min(max(fe-s, 0), end-s)
	return tidyPieces(pieces(text[s:end], marks, fs, fe)), cutBefore, cutAfter
}

// webURL returns u when it is an http or https address and "" otherwise:
// html/template would neutralise a javascript: link anyway, but a dead link
// helps no one, so other schemes are shown as text only.
func webURL(u string) string {
	l := strings.ToLower(strings.TrimSpace(u))
	if strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") {
		return strings.TrimSpace(u)
	}
	return ""
}

// cssToken turns a label into a value safe for a class name or data
// attribute comparison.
func cssToken(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-':
			b.WriteRune(r)
		default:
			b.WriteByte('-')
		}
	}
	return b.String()
}
