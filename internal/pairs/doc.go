// Package pairs runs the pair judgement over JSON Lines: it reads
// {"id", "premise", "hypothesis"} records, judges them in parallel with a
// bounded number in flight, and writes one verdict line per record in input
// order. It is the engine of crosscheck pairs; the judge is a function, so
// the package is tested with fakes and the CLI wires in analyze.Judge.
//
// Ordered is the generic part: a parallel map whose results come back in
// input order with constant memory, also used by crosscheck eval.
package pairs
