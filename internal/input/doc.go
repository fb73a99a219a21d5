// Package input reads articles from files, directories and standard input
// and turns them into tokenize.Sources for the crosscheck pipeline.
//
// It knows three kinds of file, chosen by extension:
//
//   - .txt: plain text. A YAML front matter block at the very top
//     ("---" ... "---") is read for metadata, as for Markdown.
//   - .md, .markdown: Markdown with optional front matter. The keys title,
//     outlet, date and url fill the Source (a few common synonyms are
//     accepted, see FrontMatterKeys). The front matter stays in Source.Text
//     and Source.BodyStart points past it, so every offset is an offset into
//     the original file.
//   - .html, .htm: the main article text is extracted (see ExtractHTML);
//     Source.Text is the extracted text, so offsets refer to it, and
//     Source.Path names the original file.
//
// A file named explicitly with another extension is read as text, or as HTML
// when its first bytes say so. Standard input ("-") is sniffed the same way.
//
// Odd inputs are handled rather than analysed blindly: empty,
// whitespace-only, NUL-only and binary files are skipped with a Warning (or
// rejected when Options.Strict is set); a UTF-8 byte-order mark is kept in
// Text and BodyStart skips it; UTF-16 with a byte-order mark is decoded to
// UTF-8 with a warning that offsets then refer to the decoded text; invalid
// UTF-8 is kept byte for byte with a warning giving the offset of the first
// bad sequence. CRLF and CR line endings are left as they are.
//
// Nothing here prints or exits: problems come back as errors and Warnings,
// each naming the path it concerns, and the CLI decides what to show.
package input
