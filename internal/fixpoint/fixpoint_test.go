package fixpoint_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/distlint/distlint/internal/fixpoint"
)

// A graph is a package in miniature: node i calls calls[i], and reaches
// the network itself if seed[i] is set. A node that does not reaches it
// through the first of its callees (in order) that does: the witness
// netreach records.
type graph struct {
	calls [][]int
	seed  []string
}

// reach computes, with Solve, the witness of every node, the changes in
// the order they happen and the number of evaluations.
func (g graph) reach() (via []string, changes []int, evals int) {
	via = slices.Clone(g.seed)
	nodes := make([]int, len(g.calls))
	for i := range nodes {
		nodes[i] = i
	}
	fixpoint.Solve(nodes, func(n int) []int { return g.calls[n] }, func(n int, changed func(int)) {
		evals++
		if step(g, via, n) {
			changes = append(changes, n)
			changed(n)
		}
	})
	return via, changes, evals
}

// loop computes the same as reach with the loop Solve replaces.
func (g graph) loop() (via []string, changes []int, evals int) {
	via = slices.Clone(g.seed)
	for changed := true; changed; {
		changed = false
		for n := range g.calls {
			evals++
			if step(g, via, n) {
				changes = append(changes, n)
				changed = true
			}
		}
	}
	return via, changes, evals
}

// step gives n the witness of its first callee that has one, if it has
// none, and reports whether it did.
func step(g graph, via []string, n int) bool {
	if via[n] != "" {
		return false
	}
	for _, c := range g.calls[n] {
		if via[c] != "" {
			via[n] = via[c]
			return true
		}
	}
	return false
}

func TestSolve(t *testing.T) {
	for _, tc := range []struct {
		name string
		g    graph
		want []string
	}{
		{"empty", graph{}, nil},
		{"no edges", graph{calls: [][]int{nil, nil}, seed: []string{"", "x"}}, []string{"", "x"}},
		{
			// 0 → 1 → 2 → 3, written so each round settles one link.
			"chain",
			graph{calls: [][]int{{1}, {2}, {3}, nil}, seed: []string{"", "", "", "dial"}},
			[]string{"dial", "dial", "dial", "dial"},
		},
		{
			// 0 → 1 → 2 → 0, 2 → 3: the cycle gets 3's witness and stops.
			"cycle",
			graph{calls: [][]int{{1}, {2}, {0, 3}, nil}, seed: []string{"", "", "", "get"}},
			[]string{"get", "get", "get", "get"},
		},
		{
			// A cycle that reaches nothing stays empty, and ends.
			"cycle without seed",
			graph{calls: [][]int{{1}, {2}, {0}, {3}}, seed: make([]string, 4)},
			[]string{"", "", "", ""},
		},
		{
			// 0 → 1, 0 → 2, 1 → 3, 2 → 3: the top reaches 3 once, by 1.
			"diamond",
			graph{calls: [][]int{{1, 2}, {3}, {3}, nil}, seed: []string{"", "", "", "query"}},
			[]string{"query", "query", "query", "query"},
		},
		{
			// 0 calls 1 (reaches through 3 a round later) and 2 (seeded):
			// like the loop, 0 takes 2's witness, found first.
			"first witness",
			graph{calls: [][]int{{1, 2}, {3}, nil, nil}, seed: []string{"", "", "b", "a"}},
			[]string{"b", "a", "b", "a"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, changes, _ := tc.g.reach()
			if !slices.Equal(got, tc.want) {
				t.Errorf("Solve: %q, want %q", got, tc.want)
			}
			loop, loopChanges, _ := tc.g.loop()
			if !slices.Equal(got, loop) || !slices.Equal(changes, loopChanges) {
				t.Errorf("Solve: %q by changes %v; the loop: %q by %v", got, changes, loop, loopChanges)
			}
		})
	}
}

// TestSolveSelfLoop checks that a node that reads the key it changes is
// evaluated again, and that this ends.
func TestSolveSelfLoop(t *testing.T) {
	count := 0
	evals := 0
	fixpoint.Solve([]string{"f"}, func(string) []string { return []string{"f"} }, func(n string, changed func(string)) {
		evals++
		if count < 3 { // grows three times, then stays
			count++
			changed(n)
		}
	})
	if count != 3 || evals != 4 {
		t.Errorf("count %d after %d evaluations, want 3 after 4", count, evals)
	}
}

// TestSolveKeys checks nodes that change keys other than their own: an
// argument that carries a request marks the callee's parameter, which
// the callee's own arguments read.
func TestSolveKeys(t *testing.T) {
	type arg struct{ in, callee string } // a call in function in hands its parameter to callee
	args := []arg{{"store", "db"}, {"service", "store"}, {"handler", "service"}}
	carries := map[string]bool{"handler": true}
	fixpoint.Solve(args, func(a arg) []string { return []string{a.in} }, func(a arg, changed func(string)) {
		if carries[a.in] && !carries[a.callee] {
			carries[a.callee] = true
			changed(a.callee)
		}
	})
	for _, fn := range []string{"handler", "service", "store", "db"} {
		if !carries[fn] {
			t.Errorf("%s's parameter does not carry the request", fn)
		}
	}
}

// TestSolveLinear checks that a chain written against the order costs
// one evaluation a link, where the loop costs a round a link.
func TestSolveLinear(t *testing.T) {
	const n = 1000
	g := chain(n)
	via, _, evals := g.reach()
	if via[0] != "dial" {
		t.Fatalf("the head of the chain does not reach the network")
	}
	if evals > 2*n {
		t.Errorf("%d evaluations for a chain of %d", evals, n)
	}
	if _, _, loop := g.loop(); loop < n*n/2 {
		t.Errorf("the loop took %d evaluations; the test no longer shows the difference", loop)
	}
}

// TestSolveLikeLoop checks, on random graphs with cycles, that Solve
// records the same witnesses, in the same order, as the loop it
// replaces.
func TestSolveLikeLoop(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for iter := range 500 {
		n := r.IntN(30)
		g := graph{calls: make([][]int, n), seed: make([]string, n)}
		for i := range n {
			for range r.IntN(4) {
				g.calls[i] = append(g.calls[i], r.IntN(n))
			}
			if r.IntN(6) == 0 {
				g.seed[i] = fmt.Sprint("net", i)
			}
		}
		got, changes, evals := g.reach()
		want, wantChanges, loopEvals := g.loop()
		if !slices.Equal(got, want) || !slices.Equal(changes, wantChanges) {
			t.Fatalf("graph %d %v seeds %q: Solve %q by %v, the loop %q by %v", iter, g.calls, g.seed, got, changes, want, wantChanges)
		}
		if evals > loopEvals {
			t.Errorf("graph %d: Solve took %d evaluations, the loop %d", iter, evals, loopEvals)
		}
	}
}

// chain returns a chain of n calls written against the order, its end
// reaching the network: the loop's worst case.
func chain(n int) graph {
	g := graph{calls: make([][]int, n), seed: make([]string, n)}
	for i := range n - 1 {
		g.calls[i] = []int{i + 1}
	}
	g.seed[n-1] = "dial"
	return g
}

// flat returns n functions calling three others each, none reaching the
// network: one round settles it, and Solve's bookkeeping is all cost.
func flat(n int) graph {
	g := graph{calls: make([][]int, n), seed: make([]string, n)}
	for i := range n {
		g.calls[i] = []int{(i + 1) % n, (i + 7) % n, (i + 31) % n}
	}
	return g
}

// BenchmarkSolve compares Solve with the loop it replaces, on the
// loop's worst case and on a package where nothing changes.
func BenchmarkSolve(b *testing.B) {
	for _, bc := range []struct {
		name string
		g    graph
	}{{"chain", chain(1000)}, {"flat", flat(1000)}} {
		g := bc.g
		b.Run(bc.name+"/solve", func(b *testing.B) {
			for b.Loop() {
				g.reach()
			}
		})
		b.Run(bc.name+"/loop", func(b *testing.B) {
			for b.Loop() {
				g.loop()
			}
		})
	}
}
