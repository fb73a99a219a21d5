//go:build race

package main

// raceEnabled lets the regeneration test skip under the race detector,
// which makes it a minute long and checks nothing it exercises.
const raceEnabled = true
