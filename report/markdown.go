package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck-go/crosscheck/analyze"
)

// Markdown writes r as a Markdown document meant to be read rendered on a
// code host: a summary (sources, counts by kind and severity), conflicts
// grouped by topic, most severe first, each with both quotes, then changes
// over time, agreements and notes. Quotes are escaped so that source text
// cannot change the layout, and long quotes are trimmed around their
// highlighted words.
func (o Options) Markdown(w io.Writer, r *analyze.Result) error {
	r = orEmpty(r)
	bw := bufio.NewWriter(w)
	m := &mdWriter{w: bw, o: o, r: r, src: map[string]*analyze.SourceInfo{}}
	for i := range r.Sources {
		if _, dup := m.src[r.Sources[i].ID]; !dup {
			m.src[r.Sources[i].ID] = &r.Sources[i]
		}
	}
	m.render()
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("report: write markdown: %w", err)
	}
	return nil
}

type mdWriter struct {
	w   *bufio.Writer
	o   Options
	r   *analyze.Result
	src map[string]*analyze.SourceInfo
}

// p writes one line; errors surface at Flush, which bufio makes sticky.
func (m *mdWriter) p(format string, args ...any) {
	fmt.Fprintf(m.w, format, args...)
	m.w.WriteByte('\n')
}

func (m *mdWriter) render() {
	r := m.r
	contra, temporal := split(r.Conflicts)
	agree := ptrs(r.Agreements)

	m.p("# %s", mdInline(m.o.title()))
	m.p("")
	m.p("%s", summaryLine(len(r.Sources), len(contra), len(temporal), len(agree)))
	m.p("")

	m.p("## Sources")
	m.p("")
	if len(r.Sources) == 0 {
		m.p("No sources were analysed.")
	} else {
		// Outlet and date columns appear only when some source has one:
		// plain text files usually have neither.
		hasOutlet, hasDate := false, false
		for _, s := range r.Sources {
			hasOutlet = hasOutlet || s.Outlet != ""
			hasDate = hasDate || !s.Date.IsZero()
		}
		head, rule := "| ID | Title |", "|---|---|"
		if hasOutlet {
			head, rule = head+" Outlet |", rule+"---|"
		}
		if hasDate {
			head, rule = head+" Date |", rule+"---|"
		}
		m.p("%s Sentences |", head)
		m.p("%s--:|", rule)
		for _, s := range r.Sources {
			row := fmt.Sprintf("| `%s` | %s |", mdCodeCell(s.ID), mdCell(s.Title))
			if hasOutlet {
				row += " " + mdCell(s.Outlet) + " |"
			}
			if hasDate {
				row += " " + mdCell(formatDate(s.Date)) + " |"
			}
			m.p("%s %d |", row, s.Sentences)
		}
	}
	m.p("")

	// With many stories, say which sources were compared with which: a
	// conflict is only ever looked for inside one story.
	if len(r.Stories) > 0 {
		m.p("## Stories")
		m.p("")
		m.p("The sources tell %d stories; each was analysed on its own.", len(r.Stories))
		m.p("")
		m.p("| Story | First title | Sources |")
		m.p("|---|---|---|")
		for _, st := range r.Stories {
			ids := make([]string, len(st.Sources))
			for i, id := range st.Sources {
				ids[i] = "`" + mdCodeCell(id) + "`"
			}
			m.p("| `%s` | %s | %s |", mdCodeCell(st.ID), mdCell(st.Name), strings.Join(ids, ", "))
		}
		m.p("")
	}

	// Agreements carry no severity, so the table counts conflicts and
	// changes only; the line above already gives the number of agreements.
	if all := append(append([]*analyze.Finding{}, contra...), temporal...); len(all) > 0 {
		m.p("## Conflicts by kind and severity")
		m.p("")
		t := counts(all)
		head, rule := "| Kind |", "|---|"
		for _, s := range t.Severities {
			head += " " + severityLabel(s) + " |"
			rule += "--:|"
		}
		m.p("%s Total |", head)
		m.p("%s--:|", rule)
		for _, row := range t.Rows {
			line := "| " + kindLabel(row.Kind) + " |"
			for _, c := range row.Cells {
				line += fmt.Sprintf(" %d |", c)
			}
			m.p("%s %d |", line, row.Total)
		}
		line := "| **total** |"
		for _, c := range t.Totals {
			line += fmt.Sprintf(" %d |", c)
		}
		m.p("%s **%d** |", line, t.Total)
		m.p("")
	}

	m.p("## Conflicts")
	m.p("")
	if len(contra) == 0 {
		m.p("%s", noneFound("conflicts", r.Notes))
		m.p("")
	}
	n := 0
	for _, g := range groupByTopic(r.Topics, contra) {
		m.topicHeading(g)
		for _, f := range g.Findings {
			n++
			m.finding(n, f)
		}
	}

	if len(temporal) > 0 {
		m.p("## Changes over time")
		m.p("")
		m.p("A later source reports that an earlier statement no longer holds. These are not contradictions: check the dates.")
		m.p("")
		for _, g := range groupByTopic(r.Topics, temporal) {
			m.topicHeading(g)
			for _, f := range g.Findings {
				n++
				m.finding(n, f)
			}
		}
	}

	m.p("## Agreements")
	m.p("")
	if len(agree) == 0 {
		m.p("%s", noneFound("agreements", r.Notes))
		m.p("")
	}
	for _, g := range groupByTopic(r.Topics, agree) {
		m.topicHeading(g)
		for _, f := range g.Findings {
			n++
			m.finding(n, f)
		}
	}

	if len(r.Notes) > 0 {
		m.p("## Notes")
		m.p("")
		for _, note := range r.Notes {
			m.p("- %s", mdInline(note))
		}
		m.p("")
	}
}

// topicHeading names a topic. Its terms are left to the JSON: they are
// stems ("infrastructur") that read as typos to a person.
func (m *mdWriter) topicHeading(g *group) {
	m.p("### %s", mdInline(g.Name))
	m.p("")
}

func (m *mdWriter) finding(n int, f *analyze.Finding) {
	agreement := f.Kind == analyze.KindAgreement
	head := fmt.Sprintf("#### %d. %s", n, kindLabel(f.Kind))
	if !agreement || f.Severity != "" {
		head += " · " + severityLabel(f.Severity)
	}
	head += fmt.Sprintf(" · score %.3f", score3(f.Score))
	m.p("%s", head)
	m.p("")
	if f.ID != "" {
		m.p("`%s`", mdCode(f.ID))
		m.p("")
	}
	m.quote("A", &f.A)
	m.quote("B", &f.B)
	if e := strings.TrimSpace(f.Explanation); e != "" {
		m.p("**Why:** %s", mdInline(e))
	} else {
		m.p("**Why:** %s.", kindPhrase(f.Kind))
	}
	m.p("")
	if len(f.Cues) > 0 {
		cues := make([]string, len(f.Cues))
		for i, c := range f.Cues {
			s := mdInline(c.Kind)
			if c.Side != "" {
				s += " (" + mdInline(c.Side) + ")"
			}
			if c.Text != "" {
				s += ": “" + mdInline(c.Text) + "”"
			}
			cues[i] = s
		}
		m.p("**Cues:** %s", strings.Join(cues, "; "))
		m.p("")
	}
	if agreement {
		m.p("**Sources making this claim:** %s", mdIDs(allSupporters(f)))
		m.p("")
	} else if a, b := supporters(f.A.Source, f.SupportA), supporters(f.B.Source, f.SupportB); len(a) > 1 || len(b) > 1 {
		// One source a side is the plain case and goes unsaid.
		m.p("**Support:** %s for A (%s), %s for B (%s)",
			plural(len(a), "source"), mdIDs(a), plural(len(b), "source"), mdIDs(b))
		m.p("")
	}
}

// quote writes one side as a blockquote: who and where on the first line,
// then the (possibly trimmed) quote with the conflicting words in bold.
func (m *mdWriter) quote(side string, e *analyze.Evidence) {
	who := fmt.Sprintf("> **%s** · `%s` · line %d:%d", side, mdCode(e.Source), e.Line, e.Col)
	if s := m.src[e.Source]; s != nil {
		meta := []string{}
		if s.Title != "" {
			meta = append(meta, "*"+mdInline(s.Title)+"*")
		}
		if s.Outlet != "" {
			meta = append(meta, mdInline(s.Outlet))
		}
		if d := formatDate(s.Date); d != "" {
			meta = append(meta, d)
		}
		if len(meta) > 0 {
			who += " · " + strings.Join(meta, ", ")
		}
	}
	if e.Hedged || e.Asserter != "" {
		h := "hedged"
		if e.Asserter != "" {
			h = "according to " + mdInline(e.Asserter)
			if e.Hedged {
				h = "hedged, " + h
			}
		}
		who += " · _" + h + "_"
	}
	m.p("%s", who)
	m.p(">")
	m.p("> %s", mdQuote(e, m.o.quoteRunes()))
	m.p("")
}

// mdQuote renders the evidence text on one line: trimmed to limit characters
// around the highlights, escaped, highlights in bold.
func mdQuote(e *analyze.Evidence, limit int) string {
	text := e.Text
	marks := relSpans(text, e.Start, e.Highlights)
	ms, me := 0, 0
	if len(marks) > 0 {
		ms, me = marks[0][0], marks[len(marks)-1][1]
	}
	s, end, cutL, cutR := window(text, ms, me, limit)
	var kept [][2]int
	for _, mk := range marks {
		a, b := max(mk[0], s), min(mk[1], end)
		if b > a {
			kept = append(kept, [2]int{a - s, b - s})
		}
	}
	ps := tidyPieces(pieces(text[s:end], kept, 0, end-s))
	esc := make([]string, len(ps))
	for i, p := range ps {
		esc[i] = mdEscape(p.Text, i == 0 && !cutL)
	}
	var b strings.Builder
	if cutL {
		b.WriteString("… ")
	}
	for i, p := range ps {
		t := esc[i]
		if !p.Mark {
			b.WriteString(t)
			continue
		}
		// Emphasis must not begin or end with a space or CommonMark ignores it.
		lead := len(t) - len(strings.TrimLeft(t, " "))
		trail := len(t) - len(strings.TrimRight(t, " "))
		core := strings.TrimSpace(t)
		if core == "" {
			b.WriteString(t)
			continue
		}
		before, _ := utf8.DecodeLastRuneInString(b.String() + t[:lead])
		after := ' '
		if trail == 0 && i+1 < len(esc) {
			after, _ = utf8.DecodeRuneInString(esc[i+1])
		}
		open, close := "**", "**"
		if !canEmphasize(before, core, after) {
			// "**" would be printed literally here (for instance
			// "**\<b\>**word"); inline HTML bold is always recognised.
			open, close = "<b>", "</b>"
		}
		b.WriteString(t[:lead] + open + core + close + t[len(t)-trail:])
	}
	if cutR {
		b.WriteString(" …")
	}
	if b.Len() == 0 {
		return "*(empty quote)*"
	}
	return b.String()
}

// canEmphasize reports whether "**" around core, between the characters
// before and after (utf8.RuneError at the start of the line), opens and
// closes emphasis under CommonMark's flanking rules: an opening delimiter
// followed by punctuation must follow space or punctuation, and a closing
// delimiter preceded by punctuation must precede space or punctuation.
func canEmphasize(before rune, core string, after rune) bool {
	first, _ := utf8.DecodeRuneInString(core)
	last, _ := utf8.DecodeLastRuneInString(core)
	free := func(r rune) bool { return r == utf8.RuneError || unicode.IsSpace(r) || isPunct(r) }
	if isPunct(first) && !free(before) {
		return false
	}
	if isPunct(last) && !free(after) {
		return false
	}
	return true
}

// isPunct is CommonMark's notion of punctuation: ASCII punctuation and
// Unicode punctuation and symbols.
func isPunct(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) }

// mdEscape backslash-escapes the characters that could start Markdown or HTML
// syntax inside a line of text; at a line start it also escapes the markers
// of headings, lists, quotes and thematic breaks.
func mdEscape(s string, lineStart bool) string {
	var b strings.Builder
	for i, r := range s {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '&', '#', '!':
			b.WriteByte('\\')
		case '+', '-', '=':
			if lineStart && i == 0 {
				b.WriteByte('\\')
			}
		case '.', ')':
			// "1." or "1)" at a line start would begin an ordered list.
			if lineStart && i > 0 && isDigits(s[:i]) {
				b.WriteByte('\\')
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isDigits(s string) bool {
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}

// mdInline renders free text (titles, explanations, notes) on one line.
func mdInline(s string) string { return mdEscape(strings.TrimSpace(collapseSpace(validUTF8(s))), true) }

// mdCell renders text for a table cell; an empty cell shows a dash.
func mdCell(s string) string {
	if t := mdInline(s); t != "" {
		return t
	}
	return "–"
}

// mdCode renders text inside a code span: backticks cannot be escaped there,
// so they are replaced.
func mdCode(s string) string {
	return strings.ReplaceAll(strings.TrimSpace(collapseSpace(validUTF8(s))), "`", "'")
}

// mdCodeCell is mdCode for a table cell, where a pipe would end the cell even
// inside a code span unless escaped (GitHub Flavored Markdown).
func mdCodeCell(s string) string { return strings.ReplaceAll(mdCode(s), "|", `\|`) }

func mdIDs(ids []string) string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = "`" + mdCode(id) + "`"
	}
	return strings.Join(out, ", ")
}

// plural writes "1 source" or "3 sources"; an irregular plural may be given.
func plural(n int, one string, many ...string) string {
	if n == 1 {
		return "1 " + one
	}
	if len(many) > 0 {
		return fmt.Sprintf("%d %s", n, many[0])
	}
	return fmt.Sprintf("%d %ss", n, one)
}
