// Package fixpoint propagates a monotone property over a package's
// declarations until nothing changes: a function reaches the network if
// one of its callees does, a helper retries its func parameter if it
// hands it to another helper that does, a parameter carries a request
// if a caller hands it one, a variable holds a request if it is
// assigned one derived from a request.
//
// Analyzers used to write this as a loop that evaluates everything
// again until a round changes nothing. That costs a round per link of
// the longest chain, each round over every node; Solve evaluates a node
// again only when something it reads has changed, as the worklist
// solvers of data-flow analysis do.
package fixpoint

import "container/heap"

// Solve evaluates every node of nodes, in order, and then again each
// node that reads a key whose value some evaluation changed, until none
// changes anything.
//
// reads(n) lists the keys whose values eval(n) reads (for a function,
// the package's functions it calls); it is asked once something has
// changed, and must not depend on the values. eval(n, changed) updates
// the values n decides and calls changed(k) for each key k whose value
// it changed (for a function, its own).
//
// The contract, which the callers keep:
//   - monotone: a value only grows (a flag is set, a set gains members,
//     a witness is recorded once and kept), and can grow only finitely
//     often;
//   - local: evaluating a node again when none of the keys it reads has
//     changed since its last evaluation changes nothing.
//
// Termination: each key changes a bounded number of times, and each
// change queues each of its readers at most once, so the evaluations
// number at most len(nodes) plus, for every key, its changes times its
// readers: linear in the read edges (with a logarithmic factor for the
// queue), where the loop it replaces is quadratic on a chain. A cycle
// terminates like any other edge: its keys stop changing.
//
// Order: the result is the one of the loop it replaces, which evaluates
// every node in order, round after round, until a round changes
// nothing, including which witness is recorded where several would do
// (the first callee found to reach the network). Solve skips only the
// evaluations that would change nothing: a node whose reads changed is
// evaluated later in the same round if it comes after the node that
// changed them, in the next round otherwise.
func Solve[N any, K comparable](nodes []N, reads func(N) []K, eval func(n N, changed func(K))) {
	var readers map[K][]int // built at the first change: most packages have none
	pending := make([]bool, len(nodes))
	for i := range pending {
		pending[i] = true
	}
	var round, next queue
	at := -1 // the node being evaluated
	changed := func(k K) {
		if readers == nil {
			readers = make(map[K][]int)
			for i, n := range nodes {
				for _, k := range reads(n) {
					readers[k] = append(readers[k], i)
				}
			}
		}
		for _, i := range readers[k] {
			if pending[i] {
				continue // still to come in this round, or queued
			}
			pending[i] = true
			if i > at {
				heap.Push(&round, i)
			} else {
				heap.Push(&next, i)
			}
		}
	}
	for at = range nodes { // the first round: every node
		pending[at] = false
		eval(nodes[at], changed)
	}
	for len(next) > 0 {
		round, next, at = next, round, -1
		for len(round) > 0 {
			at = heap.Pop(&round).(int)
			pending[at] = false
			eval(nodes[at], changed)
		}
	}
}

// A queue is a min-heap of node indices.
type queue []int

func (q queue) Len() int           { return len(q) }
func (q queue) Less(i, j int) bool { return q[i] < q[j] }
func (q queue) Swap(i, j int)      { q[i], q[j] = q[j], q[i] }
func (q *queue) Push(x any)        { *q = append(*q, x.(int)) }
func (q *queue) Pop() any {
	old := *q
	x := old[len(old)-1]
	*q = old[:len(old)-1]
	return x
}
