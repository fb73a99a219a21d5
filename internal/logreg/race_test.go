//go:build race

package logreg

// raceEnabled lets slow evaluation tests skip under the race detector,
// which makes them ten times slower and checks nothing they exercise.
const raceEnabled = true
