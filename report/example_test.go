package report_test

import (
	"bytes"
	"fmt"
	"os"
	"strings"

	"github.com/crosscheck-go/crosscheck/analyze"
	"github.com/crosscheck-go/crosscheck/report"
)

// tiny is a result with two sources and one conflict, as analyze.Run would
// return it for "The museum opens on Friday." against "The museum does not
// open on Friday."
func tiny() *analyze.Result {
	return &analyze.Result{
		Sources: []analyze.SourceInfo{
			{ID: "a", Title: "Museum to open", Sentences: 1},
			{ID: "b", Title: "Opening delayed", Sentences: 1},
		},
		Topics: []analyze.Topic{{ID: "t1", Name: "museum opening", Terms: []string{"museum", "open"}}},
		Conflicts: []analyze.Finding{{
			ID: "c1", Topic: "t1", Kind: analyze.KindPolarity, Severity: analyze.High, Score: 0.8765,
			A: analyze.Evidence{Source: "a", Start: 0, End: 27, Text: "The museum opens on Friday.", Line: 1, Col: 1,
				Highlights: []analyze.Span{{Start: 11, End: 16}}},
			B: analyze.Evidence{Source: "b", Start: 0, End: 35, Text: "The museum does not open on Friday.", Line: 1, Col: 1,
				Highlights: []analyze.Span{{Start: 16, End: 19}}},
			Explanation: `b negates "open", which a asserts.`,
			Cues:        []analyze.Cue{{Kind: "negation", Side: "b", Text: "not"}},
		}},
	}
}

func ExampleJSON() {
	if err := report.JSON(os.Stdout, tiny()); err != nil {
		fmt.Println(err)
	}
	// Output:
	// {
	//   "schema": "crosscheck/report/v1",
	//   "sources": [
	//     {
	//       "id": "a",
	//       "path": "",
	//       "title": "Museum to open",
	//       "outlet": "",
	//       "date": "",
	//       "url": "",
	//       "sentences": 1
	//     },
	//     {
	//       "id": "b",
	//       "path": "",
	//       "title": "Opening delayed",
	//       "outlet": "",
	//       "date": "",
	//       "url": "",
	//       "sentences": 1
	//     }
	//   ],
	//   "topics": [
	//     {
	//       "id": "t1",
	//       "name": "museum opening",
	//       "terms": [
	//         "museum",
	//         "open"
	//       ],
	//       "sentences": {}
	//     }
	//   ],
	//   "conflicts": [
	//     {
	//       "id": "c1",
	//       "topic": "t1",
	//       "kind": "polarity",
	//       "severity": "high",
	//       "score": 0.877,
	//       "a": {
	//         "source": "a",
	//         "start": 0,
	//         "end": 27,
	//         "text": "The museum opens on Friday.",
	//         "line": 1,
	//         "col": 1,
	//         "hedged": false,
	//         "asserter": "",
	//         "highlights": [
	//           {
	//             "start": 11,
	//             "end": 16
	//           }
	//         ]
	//       },
	//       "b": {
	//         "source": "b",
	//         "start": 0,
	//         "end": 35,
	//         "text": "The museum does not open on Friday.",
	//         "line": 1,
	//         "col": 1,
	//         "hedged": false,
	//         "asserter": "",
	//         "highlights": [
	//           {
	//             "start": 16,
	//             "end": 19
	//           }
	//         ]
	//       },
	//       "explanation": "b negates \"open\", which a asserts.",
	//       "cues": [
	//         {
	//           "kind": "negation",
	//           "side": "b",
	//           "text": "not"
	//         }
	//       ],
	//       "support_a": [],
	//       "support_b": []
	//     }
	//   ],
	//   "agreements": [],
	//   "notes": [],
	//   "stories": []
	// }
}

func ExampleMarkdown() {
	if err := report.Markdown(os.Stdout, tiny()); err != nil {
		fmt.Println(err)
	}
	// Output:
	// # Crosscheck report
	//
	// 2 sources, 1 conflict and 0 agreements.
	//
	// ## Sources
	//
	// | ID | Title | Sentences |
	// |---|---|--:|
	// | `a` | Museum to open | 1 |
	// | `b` | Opening delayed | 1 |
	//
	// ## Conflicts by kind and severity
	//
	// | Kind | high | medium | low | Total |
	// |---|--:|--:|--:|--:|
	// | polarity | 1 | 0 | 0 | 1 |
	// | **total** | 1 | 0 | 0 | **1** |
	//
	// ## Conflicts
	//
	// ### museum opening
	//
	// #### 1. polarity · high · score 0.877
	//
	// `c1`
	//
	// > **A** · `a` · line 1:1 · *Museum to open*
	// >
	// > The museum **opens** on Friday.
	//
	// > **B** · `b` · line 1:1 · *Opening delayed*
	// >
	// > The museum does **not** open on Friday.
	//
	// **Why:** b negates "open", which a asserts.
	//
	// **Cues:** negation (b): “not”
	//
	// ## Agreements
	//
	// No agreements found.
}

func ExampleHTML() {
	var buf bytes.Buffer
	if err := report.HTML(&buf, tiny()); err != nil {
		fmt.Println(err)
	}
	page := buf.String()
	fmt.Println(strings.HasPrefix(page, "<!DOCTYPE html>"))
	fmt.Println(strings.Count(page, `class="finding conflict`), "conflict")
	fmt.Println(strings.Count(page, "<mark>"), "highlights:", strings.Contains(page, "<mark>opens</mark>"), strings.Contains(page, "<mark>not</mark>"))
	// Output:
	// true
	// 1 conflict
	// 2 highlights: true true
}

// Options set the title and bound the length of quotes in Markdown.
func ExampleOptions_Markdown() {
	o := report.Options{Title: "Museum story", QuoteRunes: 20}
	var buf bytes.Buffer
	if err := o.Markdown(&buf, tiny()); err != nil {
		fmt.Println(err)
	}
	for _, line := range strings.Split(buf.String(), "\n") {
		if strings.HasPrefix(line, "# ") || strings.HasPrefix(line, "> The") || strings.HasPrefix(line, "> …") {
			fmt.Println(line)
		}
	}
	// Output:
	// # Museum story
	// > … museum **opens** on Friday.
	// > … does **not** open on Friday.
}

func ExampleOptions_HTML() {
	var buf bytes.Buffer
	if err := (report.Options{Title: "Museum <story>"}).HTML(&buf, tiny()); err != nil {
		fmt.Println(err)
	}
	fmt.Println(strings.Contains(buf.String(), "<title>Museum &lt;story&gt;</title>"))
	// Output:
	// true
}

// The JSON rendering takes no options: it is an API, fixed by report.Schema.
func ExampleOptions_JSON() {
	var a, b bytes.Buffer
	_ = report.JSON(&a, tiny())
	_ = report.Options{Title: "ignored"}.JSON(&b, tiny())
	fmt.Println(bytes.Equal(a.Bytes(), b.Bytes()))
	// Output:
	// true
}
