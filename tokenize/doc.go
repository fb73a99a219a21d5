// Package tokenize is the first stage of the crosscheck pipeline: it turns a
// source's bytes into a Document of paragraphs, sentences and tokens, each
// carrying [Start, End) UTF-8 byte offsets into the original bytes, plus the
// facts every later detector needs (stems, numbers, money, dates, entity
// mentions, and negation, hedging, attribution, exclusivity and change cues).
//
// Offsets are the truth: the text of any span is src.Text[Start:End], never a
// re-search of the text. Word lists and the entity alias table are
// configuration data (see Config), embedded by default and extendable by a
// user file, so nothing here is specific to one story.
//
// The package wraps github.com/jdkato/prose/v2 for part-of-speech tags (its
// model is loaded once per process) and github.com/kljensen/snowball for stems;
// neither library's types leave this package.
package tokenize
