// Package cluster groups articles into stories before analysis, so that a
// desk feeding articles from many stories at once never sees a conflict
// reported between two articles about different events.
//
// Each document becomes a sparse tf-idf vector over the stems of its content
// words and its entity mentions. Candidate pairs come from an inverted index
// over each document's most salient terms, with very common terms capped, so
// the cost grows near-linearly with the number of articles; pairs whose cosine
// similarity reaches Options.MinSim are joined (single link). The grouping is
// deterministic: it depends only on the documents and their order.
package cluster
