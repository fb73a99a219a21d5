//go:build !race

package nli

const raceEnabled = false
