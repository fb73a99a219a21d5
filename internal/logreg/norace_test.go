//go:build !race

package logreg

const raceEnabled = false
