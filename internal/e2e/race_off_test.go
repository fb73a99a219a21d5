//go:build !race

package e2e

// raceEnabled is true under the race detector, which makes the large-input
// tests too slow (and its shadow memory makes their heap bound meaningless).
const raceEnabled = false
