// This file is Go 1.26's unstable sort (pdqsortCmpFunc and its helpers in
// slices/zsortanyfunc.go and slices/sort.go) specialised to hit, with the
// comparison by p written inline; only names and the comparison changed.
//
// Copyright 2022 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in Go's LICENSE file.

package analyze

import "math/bits"

// sortHits sorts hits by p with the very algorithm of
// slices.SortFunc(hits, func(x, y hit) int { return cmp.Compare(x.p, y.p) }),
// so equal pairs end in the same order and their weights are summed in the
// same order, bit for bit; only the comparison is inlined instead of called
// through a function value, on the pair lists that grow fastest with a
// story's size.
func sortHits(data []hit) {
	n := len(data)
	pdqsortHits(data, 0, n, bits.Len(uint(n)))
}

type sortedHintHits int // hint for pdqsort when choosing the pivot

const (
	unknownHintHits sortedHintHits = iota
	increasingHintHits
	decreasingHintHits
)

// xorshiftHits is the xorshift of slices/sort.go (paper: https://www.jstatsoft.org/article/view/v008i14/xorshift.pdf)
type xorshiftHits uint64

func (r *xorshiftHits) Next() uint64 {
	*r ^= *r << 13
	*r ^= *r >> 7
	*r ^= *r << 17
	return uint64(*r)
}

func nextPowerOfTwoHits(length int) uint {
	return 1 << bits.Len(uint(length))
}

func insertionSortHits(data []hit, a, b int) {
	for i := a + 1; i < b; i++ {
		for j := i; j > a && (data[j].p < data[j-1].p); j-- {
			data[j], data[j-1] = data[j-1], data[j]
		}
	}
}

// siftDownCmpFunc implements the heap property on data[lo:hi].
// first is an offset into the array where the root of the heap lies.
func siftDownHits(data []hit, lo, hi, first int) {
	root := lo
	for {
		child := 2*root + 1
		if child >= hi {
			break
		}
		if child+1 < hi && (data[first+child].p < data[first+child+1].p) {
			child++
		}
		if !(data[first+root].p < data[first+child].p) {
			return
		}
		data[first+root], data[first+child] = data[first+child], data[first+root]
		root = child
	}
}

func heapSortHits(data []hit, a, b int) {
	first := a
	lo := 0
	hi := b - a

	// Build heap with greatest element at top.
	for i := (hi - 1) / 2; i >= 0; i-- {
		siftDownHits(data, i, hi, first)
	}

	// Pop elements, largest first, into end of data.
	for i := hi - 1; i >= 0; i-- {
		data[first], data[first+i] = data[first+i], data[first]
		siftDownHits(data, lo, i, first)
	}
}

// pdqsortCmpFunc sorts data[a:b].
// The algorithm based on pattern-defeating quicksort(pdqsort), but without the optimizations from BlockQuicksort.
// pdqsort paper: https://arxiv.org/pdf/2106.05123.pdf
// C++ implementation: https://github.com/orlp/pdqsort
// Rust implementation: https://docs.rs/pdqsort/latest/pdqsort/
// limit is the number of allowed bad (very unbalanced) pivots before falling back to heapsort.
func pdqsortHits(data []hit, a, b, limit int) {
	const maxInsertion = 12

	var (
		wasBalanced    = true // whether the last partitioning was reasonably balanced
		wasPartitioned = true // whether the slice was already partitioned
	)

	for {
		length := b - a

		if length <= maxInsertion {
			insertionSortHits(data, a, b)
			return
		}

		// Fall back to heapsort if too many bad choices were made.
		if limit == 0 {
			heapSortHits(data, a, b)
			return
		}

		// If the last partitioning was imbalanced, we need to breaking patterns.
		if !wasBalanced {
			breakPatternsHits(data, a, b)
			limit--
		}

		pivot, hint := choosePivotHits(data, a, b)
		if hint == decreasingHintHits {
			reverseRangeHits(data, a, b)
			// The chosen pivot was pivot-a elements after the start of the array.
			// After reversing it is pivot-a elements before the end of the array.
			// The idea came from Rust's implementation.
			pivot = (b - 1) - (pivot - a)
			hint = increasingHintHits
		}

		// The slice is likely already sorted.
		if wasBalanced && wasPartitioned && hint == increasingHintHits {
			if partialInsertionSortHits(data, a, b) {
				return
			}
		}

		// Probably the slice contains many duplicate elements, partition the slice into
		// elements equal to and elements greater than the pivot.
		if a > 0 && !(data[a-1].p < data[pivot].p) {
			mid := partitionEqualHits(data, a, b, pivot)
			a = mid
			continue
		}

		mid, alreadyPartitioned := partitionHits(data, a, b, pivot)
		wasPartitioned = alreadyPartitioned

		leftLen, rightLen := mid-a, b-mid
		balanceThreshold := length / 8
		if leftLen < rightLen {
			wasBalanced = leftLen >= balanceThreshold
			pdqsortHits(data, a, mid, limit)
			a = mid + 1
		} else {
			wasBalanced = rightLen >= balanceThreshold
			pdqsortHits(data, mid+1, b, limit)
			b = mid
		}
	}
}

// partitionCmpFunc does one quicksort partition.
// Let p = data[pivot]
// Moves elements in data[a:b] around, so that data[i]<p and data[j]>=p for i<newpivot and j>newpivot.
// On return, data[newpivot] = p
func partitionHits(data []hit, a, b, pivot int) (newpivot int, alreadyPartitioned bool) {
	data[a], data[pivot] = data[pivot], data[a]
	i, j := a+1, b-1 // i and j are inclusive of the elements remaining to be partitioned

	for i <= j && (data[i].p < data[a].p) {
		i++
	}
	for i <= j && !(data[j].p < data[a].p) {
		j--
	}
	if i > j {
		data[j], data[a] = data[a], data[j]
		return j, true
	}
	data[i], data[j] = data[j], data[i]
	i++
	j--

	for {
		for i <= j && (data[i].p < data[a].p) {
			i++
		}
		for i <= j && !(data[j].p < data[a].p) {
			j--
		}
		if i > j {
			break
		}
		data[i], data[j] = data[j], data[i]
		i++
		j--
	}
	data[j], data[a] = data[a], data[j]
	return j, false
}

// partitionEqualCmpFunc partitions data[a:b] into elements equal to data[pivot] followed by elements greater than data[pivot].
// It assumed that data[a:b] does not contain elements smaller than the data[pivot].
func partitionEqualHits(data []hit, a, b, pivot int) (newpivot int) {
	data[a], data[pivot] = data[pivot], data[a]
	i, j := a+1, b-1 // i and j are inclusive of the elements remaining to be partitioned

	for {
		for i <= j && !(data[a].p < data[i].p) {
			i++
		}
		for i <= j && (data[a].p < data[j].p) {
			j--
		}
		if i > j {
			break
		}
		data[i], data[j] = data[j], data[i]
		i++
		j--
	}
	return i
}

// partialInsertionSortCmpFunc partially sorts a slice, returns true if the slice is sorted at the end.
func partialInsertionSortHits(data []hit, a, b int) bool {
	const (
		maxSteps         = 5  // maximum number of adjacent out-of-order pairs that will get shifted
		shortestShifting = 50 // don't shift any elements on short arrays
	)
	i := a + 1
	for j := 0; j < maxSteps; j++ {
		for i < b && !(data[i].p < data[i-1].p) {
			i++
		}

		if i == b {
			return true
		}

		if b-a < shortestShifting {
			return false
		}

		data[i], data[i-1] = data[i-1], data[i]

		// Shift the smaller one to the left.
		if i-a >= 2 {
			for j := i - 1; j >= 1; j-- {
				if !(data[j].p < data[j-1].p) {
					break
				}
				data[j], data[j-1] = data[j-1], data[j]
			}
		}
		// Shift the greater one to the right.
		if b-i >= 2 {
			for j := i + 1; j < b; j++ {
				if !(data[j].p < data[j-1].p) {
					break
				}
				data[j], data[j-1] = data[j-1], data[j]
			}
		}
	}
	return false
}

// breakPatternsCmpFunc scatters some elements around in an attempt to break some patterns
// that might cause imbalanced partitions in quicksort.
func breakPatternsHits(data []hit, a, b int) {
	length := b - a
	if length >= 8 {
		random := xorshiftHits(length)
		modulus := nextPowerOfTwoHits(length)

		for idx := a + (length/4)*2 - 1; idx <= a+(length/4)*2+1; idx++ {
			other := int(uint(random.Next()) & (modulus - 1))
			if other >= length {
				other -= length
			}
			data[idx], data[a+other] = data[a+other], data[idx]
		}
	}
}

// choosePivotCmpFunc chooses a pivot in data[a:b].
//
// [0,8): chooses a static pivot.
// [8,shortestNinther): uses the simple median-of-three method.
// [shortestNinther,∞): uses the Tukey ninther method.
func choosePivotHits(data []hit, a, b int) (pivot int, hint sortedHintHits) {
	const (
		shortestNinther = 50
		maxSwaps        = 4 * 3
	)

	l := b - a

	var (
		swaps int
		i     = a + l/4*1
		j     = a + l/4*2
		k     = a + l/4*3
	)

	if l >= 8 {
		if l >= shortestNinther {
			// Tukey ninther method, the idea came from Rust's implementation.
			i = medianAdjacentHits(data, i, &swaps)
			j = medianAdjacentHits(data, j, &swaps)
			k = medianAdjacentHits(data, k, &swaps)
		}
		// Find the median among i, j, k and stores it into j.
		j = medianHits(data, i, j, k, &swaps)
	}

	switch swaps {
	case 0:
		return j, increasingHintHits
	case maxSwaps:
		return j, decreasingHintHits
	default:
		return j, unknownHintHits
	}
}

// order2CmpFunc returns x,y where data[x] <= data[y], where x,y=a,b or x,y=b,a.
func order2Hits(data []hit, a, b int, swaps *int) (int, int) {
	if data[b].p < data[a].p {
		*swaps++
		return b, a
	}
	return a, b
}

// medianCmpFunc returns x where data[x] is the median of data[a],data[b],data[c], where x is a, b, or c.
func medianHits(data []hit, a, b, c int, swaps *int) int {
	a, b = order2Hits(data, a, b, swaps)
	b, _ = order2Hits(data, b, c, swaps)
	_, b = order2Hits(data, a, b, swaps)
	return b
}

// medianAdjacentCmpFunc finds the median of data[a - 1], data[a], data[a + 1] and stores the index into a.
func medianAdjacentHits(data []hit, a int, swaps *int) int {
	return medianHits(data, a-1, a, a+1, swaps)
}

func reverseRangeHits(data []hit, a, b int) {
	i := a
	j := b - 1
	for i < j {
		data[i], data[j] = data[j], data[i]
		i++
		j--
	}
}
