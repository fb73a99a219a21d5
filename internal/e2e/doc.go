// Package e2e holds the end-to-end robustness tests of issue 9: the whole
// pipeline and the built crosscheck binary run on odd, hostile and large
// inputs, with different GOMAXPROCS and input orders, and must neither crash
// nor change their answer.
//
// The package has no code of its own; everything is in its _test.go files so
// that nothing here can leak into the product. The binary is built once in
// TestMain and run as a real process, so exit codes are real and a panic
// shows as "panic:" on stderr. Fuzz targets (FuzzAnalyze, FuzzPairsLine) keep
// their seed corpus and any crashers found in testdata/fuzz; .ci/fuzz runs
// them for a short fixed time.
package e2e
