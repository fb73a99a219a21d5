// Package lexicon answers lexical questions the judge asks about two words:
// are they opposites (Antonym, AntonymKindOf), the same thing (Synonym), is
// one a kind of the other (Hypernym), different kinds of one thing
// (Cohyponym), adjectives of one cluster (Similar), is one verb defined
// through the other (Relation.Gloss: "devour" is "eat greedily"), and what
// is a word's base form (Lemma, Lemmas). Relate and RelateTagged answer all
// of these for one pair at once, which is what aligning two sentences
// needs.
//
// The answers come from WordNet 3.0, pruned to single-word lemmas and their
// most frequent senses, and compiled by gen into the embedded table
// wordnet.txt.gz (go generate ./internal/lexicon). The product never reads
// WordNet at run time. The table is parsed once, on first use or by Load,
// and is read-only afterwards, so every function is safe for concurrent use.
//
// Words are looked up in lower case. A word may be an inflected form
// ("ran", "mice", "bigger", "stopped") or a snowball stem as written by
// tokenize ("increas"); each lookup considers every reading of both words,
// which is what a judge aligning two sentences wants, and lookups do not
// allocate for lower-case input.
package lexicon
