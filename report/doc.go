// Package report renders an analyze.Result, the last stage of the crosscheck
// pipeline (tokenize → analyze → report), as JSON, Markdown or HTML.
//
// The package only presents what analyze found: it never re-reads sources,
// searches text again or judges statements. Every quote it shows is the
// Evidence text at the offsets analyze recorded, and every position is the
// line and column analyze derived from those offsets.
//
// All three renderings are deterministic: equal results give byte-identical
// output, so reports can be diffed and kept as golden files.
//
// JSON is the stable machine interface, versioned by Schema. Markdown is for
// reading on a code host. HTML is one self-contained page (inline CSS, no
// network requests) that puts the two sides of each conflict side by side with
// the conflicting words highlighted.
package report
