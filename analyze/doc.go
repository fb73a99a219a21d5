// Package analyze is the second stage of the crosscheck pipeline: it takes
// tokenized documents and finds where their sources contradict or agree.
//
// Run groups sentences into topics, aligns sentences about the same thing
// across sources through an inverted index (never all pairs), reduces each
// sentence to a Claim, and asks one judgement (Judge) whether two claims
// conflict, agree, or neither. The same judgement serves the story report and
// the pairs/eval commands, so an improvement measured on a benchmark improves
// the report too. Every finding carries both evidence spans and the cues that
// drove it, so a reader can check it in seconds.
package analyze
