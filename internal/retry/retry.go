// Package retry recognises retries: loops that call again what failed
// (Finder.Retried), functions that do it for a function they are given
// (the Helper fact), and retry and backoff libraries (Libraries); and
// what bounds them: their delays, jitter and limits.
//
// It is the mechanism of retrystorm's rules and of idempotency's "a
// retry resends the request"; the policy (what to report, which calls
// count as attempts) stays in the analyzers.
package retry

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/match"

	"github.com/distlint/distlint/internal/option"
)

// A Finder answers questions about the loops of one package.
type Finder struct {
	info  *types.Info
	pkg   *types.Package
	files []*ast.File
	libs  *Libraries
	insp  *inspector.Inspector // the pass's, or built for the first loop that needs a cursor
}

// NewFinder returns a Finder for the package pkg, whose files and type
// information are given. insp is the package's inspector (the result of
// the inspect pass); nil builds one when a loop first needs a cursor. An
// inspector of a large package is hundreds of megabytes: an analyzer
// passes the one the suite shares. libs says which packages are retry
// and backoff libraries; nil means the default list.
func NewFinder(info *types.Info, pkg *types.Package, files []*ast.File, insp *inspector.Inspector, libs *Libraries) *Finder {
	if libs == nil {
		libs = new(Libraries)
	}
	return &Finder{info: info, pkg: pkg, files: files, insp: insp, libs: libs}
}

// Cursor returns the cursor of the loop l and stores it in l.Cur,
// building the package's inspector the first time: few loops retry.
func (c *Finder) Cursor(l *Loop) (inspector.Cursor, bool) {
	if l.Cur.Inspector() != nil {
		return l.Cur, true
	}
	if c.insp == nil {
		c.insp = inspector.New(c.files)
	}
	cur, ok := match.CursorOf(c.insp.Root(), l.Stmt)
	if ok {
		l.Cur = cur
	}
	return cur, ok
}

// DefaultLibraries are the import paths (and their subpackages) of retry
// and backoff libraries: the one list of the suite.
var DefaultLibraries = []string{
	"github.com/cenkalti/backoff",
	"github.com/avast/retry-go",
	"k8s.io/apimachinery/pkg/util/wait",
	"k8s.io/client-go/util/retry",
	"k8s.io/client-go/util/flowcontrol",
	"github.com/hashicorp/go-retryablehttp",
	"github.com/grpc-ecosystem/go-grpc-middleware/retry",
	"github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/retry",
	"github.com/sethvargo/go-retry",
	"github.com/jpillora/backoff",
}

// Libraries is the set of retry and backoff libraries: DefaultLibraries
// and the paths a user adds. It is a flag.Value (-retrystorm.backoffpkgs,
// "a,b"), so that one value, made by the suite and handed to every
// analyzer that needs it, is set by one flag and read by all: the
// option reaches every user without a global.
type Libraries struct {
	// Extra are the import paths the user added; each stands for its
	// subpackages too.
	Extra option.List
}

func (l *Libraries) String() string     { return l.Extra.String() }
func (l *Libraries) Set(s string) error { return l.Extra.Set(s) }

// Has reports whether path is, or is inside, one of the libraries.
func (l *Libraries) Has(path string) bool {
	in := func(ps []string) bool {
		for _, p := range ps {
			if path == p || strings.HasPrefix(path, p+"/") {
				return true
			}
		}
		return false
	}
	return in(DefaultLibraries) || (l != nil && in(l.Extra))
}

// Innermost returns the innermost for or range statement around cur
// within the same function (a function literal stops the search).
func Innermost(cur inspector.Cursor) (inspector.Cursor, bool) {
	for e := range cur.Parent().Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		switch e.Node().(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			return e, true
		}
		return inspector.Cursor{}, false
	}
	return inspector.Cursor{}, false
}
