// Package score computes the evaluation figures of crosscheck eval: the
// contradiction precision, recall and F1, three-way accuracy and confusion
// matrix of NLI-format sets; the official FNC-1 weighted score and per-class
// F1 of headline–body stance sets; and the story-level matching of reported
// conflicts against a gold file.
//
// The rules follow ../shared/tools/score.py, the reference implementation the
// figures must agree with; where that script has a quirk (a missing
// prediction counts as neutral, precision is 0 when nothing is predicted) this
// package keeps it so the two never disagree.
//
// The package only counts: it does not run the pipeline, read files other
// than a gold file, or print.
package score
