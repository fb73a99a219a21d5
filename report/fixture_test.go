package report

import (
	"fmt"
	"strings"
	"time"

	"github.com/crosscheck-go/crosscheck/analyze"
	"github.com/crosscheck-go/crosscheck/tokenize"
)

// The fixture is a hand-built Result about an invented story (a bridge
// closure), written to exercise every field a report shows: curly quotes and
// multi-byte text, a quote long enough to be trimmed, text that tries to
// inject HTML and Markdown, hedged and attributed evidence, support lists,
// contexts, every section (conflicts, changes over time, agreements, notes),
// an unknown topic and a missing severity.

var fixtureTexts = map[string]string{
	"alpha": "Harbor Bridge to reopen after repairs\n" +
		"\n" +
		"The city said the Harbor Bridge will reopen on Monday after three weeks of repairs. " +
		"Officials said the repairs cost $4.2 million, paid entirely by the state.\n" +
		"\n" +
		"Residents called the closure “a nightmare” — traffic on Élan Avenue doubled.\n",
	"beta": "Bridge stays shut as costs climb\n" +
		"\n" +
		"The Harbor Bridge will not reopen on Monday, according to the transport agency. " +
		"The repairs cost $6 million, the agency said, and the city shares the bill with the state. " +
		"Crews worked through three weeks of repairs.\n" +
		"\n" +
		"<script>alert(\"x\")</script> **Editor's note** | a line that tries to break layouts [link](http://evil.example) & <b>more</b>.\n" +
		"\n" +
		"Engineers from the consortium, who have spent the better part of the winter on the deck in freezing fog, " +
		"told reporters on the embankment that the steel cables were found to be in much worse condition than the " +
		"inspection report of last autumn had suggested, that the corrosion was unexpectedly severe on the eastern span, " +
		"and that the lane closures on the approach roads — including the one on Rue Saint-Étienne — would likely " +
		"continue well into the spring, whatever the city’s schedule says about Monday’s reopening ceremony.\n" +
		"\n" +
		"The bridge reopened briefly on Monday. The bridge was never reopened.\n",
	"gamma": "港 bridge: a timeline\n" +
		"\n" +
		"The bridge reopened on Tuesday, a day later than planned. Work took three weeks of repairs in total.\n",
}

// fixtureEvidence builds evidence for the first occurrence of quote in a
// fixture source, highlighting the first occurrence of each mark inside the
// quote, with the quote's paragraph as context when withContext is set.
func fixtureEvidence(src, quote string, withContext bool, marks ...string) analyze.Evidence {
	text := fixtureTexts[src]
	start := strings.Index(text, quote)
	if start < 0 {
		panic(fmt.Sprintf("fixture: %q not in %s", quote, src))
	}
	end := start + len(quote)
	doc := &tokenize.Document{Source: tokenize.Source{Text: []byte(text)}}
	line, col := doc.Position(start)
	e := analyze.Evidence{Source: src, Start: start, End: end, Text: quote, Line: line, Col: col}
	for _, m := range marks {
		i := strings.Index(quote, m)
		if i < 0 {
			panic(fmt.Sprintf("fixture: mark %q not in %q", m, quote))
		}
		e.Highlights = append(e.Highlights, analyze.Span{Start: start + i, End: start + i + len(m)})
	}
	if withContext {
		cs := strings.LastIndex(text[:start], "\n\n") + 2
		ce := end + strings.Index(text[end:], "\n")
		e.Context = &analyze.Context{Start: cs, End: ce, Text: text[cs:ce]}
	}
	return e
}

func fixture() *analyze.Result {
	ev := fixtureEvidence
	hedged := func(e analyze.Evidence, who string) analyze.Evidence {
		e.Hedged, e.Asserter = true, who
		return e
	}
	return &analyze.Result{
		Sources: []analyze.SourceInfo{
			{ID: "alpha", Path: "stories/alpha.md", Title: "Harbor Bridge to reopen after repairs", Outlet: "The Daily Ledger",
				URL: "https://ledger.example/bridge", Date: time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC), Sentences: 4},
			{ID: "beta", Path: "stories/beta.txt", Title: "Bridge stays shut <script>alert(1)</script>", Outlet: "Coast & Harbour | News",
				Date: time.Date(2026, 3, 2, 9, 30, 0, 0, time.UTC), Sentences: 7},
			{ID: "gamma", Path: "stories/gamma.txt", Title: "港 bridge: a timeline", URL: "javascript:alert(1)", Sentences: 3},
		},
		Topics: []analyze.Topic{
			{ID: "t1", Name: "bridge reopening", Terms: []string{"bridge", "reopen", "monday"},
				Sentences: map[string]int{"beta": 3, "alpha": 2, "gamma": 1}},
			{ID: "t2", Name: "repair cost", Terms: []string{"cost", "$", "state"}, Sentences: map[string]int{"alpha": 1, "beta": 1}},
			{ID: "t3", Name: "repairs", Terms: nil},
		},
		Conflicts: []analyze.Finding{
			{
				ID: "c-numeric-1", Topic: "t2", Kind: analyze.KindNumeric, Severity: analyze.Medium, Score: 0.71234,
				A:           ev("alpha", "Officials said the repairs cost $4.2 million, paid entirely by the state.", true, "$4.2 million"),
				B:           hedged(ev("beta", "The repairs cost $6 million, the agency said, and the city shares the bill with the state.", true, "$6 million"), "the agency"),
				Explanation: "The repair cost is $4.2 million in alpha but $6 million in beta.",
				Cues:        []analyze.Cue{{Kind: "number", Side: "a", Text: "$4.2 million"}, {Kind: "number", Side: "b", Text: "$6 million"}},
			},
			{
				ID: "c-polarity-1", Topic: "t1", Kind: analyze.KindPolarity, Severity: analyze.High, Score: 0.9,
				A:           ev("alpha", "The city said the Harbor Bridge will reopen on Monday after three weeks of repairs.", true, "will reopen"),
				B:           hedged(ev("beta", "The Harbor Bridge will not reopen on Monday, according to the transport agency.", true, "not"), "the transport agency"),
				Explanation: "alpha says the bridge reopens on Monday; beta says it will not.",
				Cues:        []analyze.Cue{{Kind: "negation", Side: "b", Text: "not"}, {Kind: "attribution", Side: "b", Text: "according to"}},
				SupportA:    []string{"gamma", "alpha"},
				SupportB:    []string{"beta"},
			},
			{
				ID: "c-exclusivity-1", Topic: "t2", Kind: analyze.KindExclusivity, Severity: analyze.Low, Score: 0.4,
				A:           ev("alpha", "Officials said the repairs cost $4.2 million, paid entirely by the state.", false, "entirely", "the state"),
				B:           ev("beta", "The repairs cost $6 million, the agency said, and the city shares the bill with the state.", false, "the city shares"),
				Explanation: "alpha says the state alone pays; beta says the city shares the bill.",
				Cues:        []analyze.Cue{{Kind: "exclusivity", Side: "a", Text: "entirely"}},
			},
			{
				ID: "c-temporal-1", Topic: "t1", Kind: analyze.KindTemporal, Severity: analyze.Low, Score: 0.55,
				A:           ev("alpha", "The city said the Harbor Bridge will reopen on Monday after three weeks of repairs.", false, "on Monday"),
				B:           ev("gamma", "The bridge reopened on Tuesday, a day later than planned.", true, "on Tuesday"),
				Explanation: "gamma, written later, reports the reopening happened on Tuesday.",
				Cues:        []analyze.Cue{{Kind: "change", Text: "a day later than planned"}},
			},
			{
				ID: "c-self-1", Topic: "t1", Kind: analyze.KindSelf, Severity: analyze.Medium, Score: 0.6,
				A:           ev("beta", "The bridge reopened briefly on Monday.", true, "reopened"),
				B:           ev("beta", "The bridge was never reopened.", true, "never"),
				Explanation: "beta says both that the bridge reopened and that it never did.",
				Cues:        []analyze.Cue{{Kind: "negation", Side: "b", Text: "never"}},
			},
			{
				// Unknown topic, no severity, a long quote with its highlight
				// far from both ends, and a side full of markup.
				ID: "c-long|1", Topic: "t-unknown", Kind: analyze.KindAntonym, Score: 0.333333,
				A:           ev("beta", "<script>alert(\"x\")</script> **Editor's note** | a line that tries to break layouts [link](http://evil.example) & <b>more</b>.", true, "<script>", "<b>more</b>"),
				B:           ev("beta", strings.TrimSuffix(strings.Split(fixtureTexts["beta"], "\n\n")[3], "\n"), true, "much worse condition", "unexpectedly severe"),
				Explanation: "An <em>injection</em> attempt | with *stars* and `ticks`.",
				Cues:        []analyze.Cue{{Kind: "antonym", Side: "b", Text: "worse <> better"}},
			},
		},
		Agreements: []analyze.Finding{
			{
				ID: "a-1", Topic: "t3", Kind: analyze.KindAgreement, Score: 0.8,
				A:           ev("alpha", "The city said the Harbor Bridge will reopen on Monday after three weeks of repairs.", false, "three weeks of repairs"),
				B:           ev("beta", "Crews worked through three weeks of repairs.", false, "three weeks of repairs"),
				Explanation: "Both say the repairs took three weeks.",
				SupportA:    []string{"alpha", "gamma"},
				SupportB:    []string{"beta"},
			},
		},
		Notes: []string{"Source gamma has no date; its order is inferred from the text.", "Notes may contain <tags> & *markup*."},
		Stories: []analyze.Story{
			{ID: "s1", Name: "Harbor Bridge <reopening>", Sources: []string{"alpha", "beta", "gamma"}},
			{ID: "s2", Name: "A | pipe in a title", Sources: []string{"delta"}},
		},
	}
}

// oneSource is a result with one source and nothing to compare.
func oneSource() *analyze.Result {
	return &analyze.Result{
		Sources: []analyze.SourceInfo{{ID: "solo", Path: "solo.txt", Title: "A lone article", Sentences: 12}},
		Notes:   []string{"Cross-source comparison needs two or more sources."},
	}
}
