// Package gbdt is a small gradient-boosted decision tree classifier for
// the judge: where the logistic regression of package logreg adds up one
// weight per feature, boosted trees learn that a cue matters only together
// with others (a refuting word counts when the body is about the headline,
// a negation when the rest of the pair aligns).
//
// Train fits multiclass softmax boosting: each round grows one
// depth-limited regression tree per class on the gradients and hessians of
// the cross-entropy, finding splits over per-feature histograms of at most
// Options.Bins quantile bins, with shrinkage and an L2 penalty on leaf
// values. There is no sampling and no randomness, ties go to the first
// feature and bin, and the work is single-threaded, so the same data and
// options give the same trees bit for bit on any GOMAXPROCS.
//
// Explain attributes a prediction to features by following its path
// through every tree (Saabas): each split moves the class score from the
// parent's value to the child's, and that move is credited to the split's
// feature, so the contributions plus Model.Bias add up to the class score.
// Marshal and Unmarshal store a Model as JSON; Predict allocates nothing.
package gbdt
