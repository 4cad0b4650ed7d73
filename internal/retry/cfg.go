package retry

import (
	"go/ast"

	"golang.org/x/tools/go/cfg"
)

// The control flow of one iteration of a loop, from golang.org/x/tools/go/cfg:
// where each branch of the body goes (back to the loop's head, out of the
// loop, on to what follows), and which conditions decide that it leaves.

// A graph is the control-flow graph of a loop statement, built on first
// use.
type graph struct {
	g    *cfg.CFG
	body *cfg.Block // the body's entry
	cont *cfg.Block // where continue goes: the post statement, the condition or the body
	head *cfg.Block // the loop's condition or range, if any
	done *cfg.Block // after the loop: where break goes
	// blocks of each if statement: then, else (nil for none), done.
	then, els, after map[*ast.IfStmt]*cfg.Block
	// switches maps each case clause to its switch or type switch.
	switches map[*ast.CaseClause]ast.Stmt
}

// graph returns the loop's control-flow graph.
func (l *Loop) graph() *graph {
	if l.cfg != nil {
		return l.cfg
	}
	var stmt ast.Stmt = l.Stmt
	if l.Label != nil {
		stmt = &ast.LabeledStmt{Label: ast.NewIdent(l.Label.Name()), Colon: l.Stmt.Pos(), Stmt: l.Stmt}
	}
	gr := &graph{
		g:        cfg.New(&ast.BlockStmt{List: []ast.Stmt{stmt}}, func(call *ast.CallExpr) bool { return !l.c.noReturn(call) }),
		then:     make(map[*ast.IfStmt]*cfg.Block),
		els:      make(map[*ast.IfStmt]*cfg.Block),
		after:    make(map[*ast.IfStmt]*cfg.Block),
		switches: make(map[*ast.CaseClause]ast.Stmt),
	}
	var post *cfg.Block
	for _, b := range gr.g.Blocks {
		if b.Stmt == l.Stmt {
			switch b.Kind {
			case cfg.KindForBody, cfg.KindRangeBody:
				gr.body = b
			case cfg.KindForLoop, cfg.KindRangeLoop:
				gr.head = b
			case cfg.KindForPost:
				post = b
			case cfg.KindForDone, cfg.KindRangeDone:
				gr.done = b
			}
			continue
		}
		if is, ok := b.Stmt.(*ast.IfStmt); ok {
			switch b.Kind {
			case cfg.KindIfThen:
				gr.then[is] = b
			case cfg.KindIfElse:
				gr.els[is] = b
			case cfg.KindIfDone:
				gr.after[is] = b
			}
		}
	}
	switch {
	case post != nil:
		gr.cont = post
	case gr.head != nil:
		gr.cont = gr.head
	default:
		gr.cont = gr.body
	}
	ast.Inspect(l.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.SwitchStmt:
			for _, cc := range n.Body.List {
				gr.switches[cc.(*ast.CaseClause)] = n
			}
		case *ast.TypeSwitchStmt:
			for _, cc := range n.Body.List {
				gr.switches[cc.(*ast.CaseClause)] = n
			}
		}
		return true
	})
	l.cfg = gr
	return gr
}

// outcomes are the ways control leaves a part of the loop's body.
type outcomes struct{ fall, cont, exit bool }

// outcomes follows every path from start until it reaches fall (the
// block after the part: it falls through), the loop's head (it
// continues the loop) or leaves the loop (a return, a break of this loop
// or an outer one, a goto or continue to a label outside, a call that
// does not return).
func (gr *graph) outcomes(start, fall *cfg.Block) outcomes {
	var o outcomes
	if start == nil {
		return outcomes{fall: true}
	}
	seen := make(map[*cfg.Block]bool)
	var visit func(b *cfg.Block, first bool)
	visit = func(b *cfg.Block, first bool) {
		switch {
		case b == fall && fall != nil:
			o.fall = true
			return
		case !first && (b == gr.cont || b == gr.head):
			o.cont = true
			return
		case b == gr.done || len(b.Succs) == 0:
			o.exit = true
			return
		case seen[b]:
			return
		}
		seen[b] = true
		for _, s := range b.Succs {
			visit(s, false)
		}
	}
	visit(start, true)
	return o
}

// end sums up outcomes as one way: falling through when some path does,
// else continuing when some path does (one branch exits, the other
// continues: the loop goes on), else leaving.
func (o outcomes) end() end {
	switch {
	case o.fall:
		return endFall
	case o.cont:
		return endContinue
	case o.exit:
		return endExit
	}
	return endFall // no way out: an endless inner loop
}

// thenEnd, elseEnd and restEnd tell how control leaves the branches of
// the if statement is in the loop's body, and the statements after it.
func (l *Loop) thenEnd(is *ast.IfStmt) outcomes {
	gr := l.graph()
	return gr.outcomes(gr.then[is], gr.after[is])
}

func (l *Loop) elseEnd(is *ast.IfStmt) outcomes {
	gr := l.graph()
	if gr.els[is] == nil {
		return outcomes{fall: true}
	}
	return gr.outcomes(gr.els[is], gr.after[is])
}

func (l *Loop) restEnd(is *ast.IfStmt) outcomes {
	gr := l.graph()
	return gr.outcomes(gr.after[is], nil)
}

// exits calls visit for every block of one iteration of the loop's body
// that leaves the loop, with the conditions that decide it does (if
// conditions, switch tags and cases, select cases' channel operations):
// those of the blocks from which some path leaves there and another
// does not. Bodies of function literals are not in the graph: their
// returns leave the literal. visit returns false to stop.
func (l *Loop) exits(visit func(guards []ast.Expr) bool) {
	gr := l.graph()
	if gr.body == nil {
		return
	}
	// The blocks of one iteration, and their predecessors there.
	preds := make(map[*cfg.Block][]*cfg.Block)
	var region []*cfg.Block
	inRegion := map[*cfg.Block]bool{gr.body: true}
	work := []*cfg.Block{gr.body}
	var exits []*cfg.Block
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		region = append(region, b)
		if len(b.Succs) == 0 {
			exits = append(exits, b)
		}
		for _, s := range b.Succs {
			if s == gr.done {
				exits = append(exits, b)
				continue
			}
			if s == gr.cont || s == gr.head {
				continue
			}
			preds[s] = append(preds[s], b)
			if !inRegion[s] {
				inRegion[s] = true
				work = append(work, s)
			}
		}
	}
	for _, x := range exits {
		reaches := map[*cfg.Block]bool{x: true}
		work := []*cfg.Block{x}
		for len(work) > 0 {
			b := work[len(work)-1]
			work = work[:len(work)-1]
			for _, p := range preds[b] {
				if !reaches[p] {
					reaches[p] = true
					work = append(work, p)
				}
			}
		}
		var guards []ast.Expr
		for _, b := range region {
			if !reaches[b] || b == x || len(b.Succs) != 2 {
				continue
			}
			if reaches[b.Succs[0]] && reaches[b.Succs[1]] {
				continue // both ways lead there: b does not decide
			}
			guards = append(guards, gr.guards(b)...)
		}
		if !visit(guards) {
			return
		}
	}
}

// guards returns the conditions that the two-way block b decides by.
func (gr *graph) guards(b *cfg.Block) []ast.Expr {
	to := b.Succs[0]
	switch to.Kind {
	case cfg.KindIfThen:
		return []ast.Expr{to.Stmt.(*ast.IfStmt).Cond}
	case cfg.KindSwitchCaseBody:
		cc, _ := to.Stmt.(*ast.CaseClause)
		var out []ast.Expr
		switch s := gr.switches[cc].(type) {
		case *ast.SwitchStmt:
			if s.Tag != nil {
				out = append(out, s.Tag)
			}
			if cc != nil {
				out = append(out, cc.List...)
			}
		case *ast.TypeSwitchStmt:
			switch a := s.Assign.(type) {
			case *ast.AssignStmt:
				out = append(out, a.Rhs...)
			case *ast.ExprStmt:
				out = append(out, a.X)
			}
		}
		return out
	case cfg.KindSelectCaseBody:
		if cc, ok := to.Stmt.(*ast.CommClause); ok {
			if e := commExpr(cc.Comm); e != nil {
				return []ast.Expr{e}
			}
		}
	}
	return nil
}
