package local_test

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/local"
)

// Each argument of addr and url is asked about; the function called says
// the answer expected (addr, url: names this machine; remoteAddr,
// remoteURL: does not).
const src = `package p

import (
	"fmt"
	"net"
	"net/url"
)

func addr(string)       {}
func remoteAddr(string) {}
func url_(any)          {}
func remoteURL(any)     {}

type worker struct {
	addr   string
	mixed  string
	Public string
}

func start(host string) *worker {
	lis, _ := net.Listen("tcp", ":0")
	w := &worker{addr: lis.Addr().String(), mixed: "localhost:1"}
	w.mixed = host
	return w
}

var loopbackAddr = "127.0.0.1:9"

func f(w *worker, host, port string, n int) {
	addr("127.0.0.1:80")
	addr("localhost:" + port)
	addr("[::1]:80")
	addr(":8080")
	addr("0.0.0.0:1")
	addr(fmt.Sprintf("127.0.0.1:%d", n))
	addr(net.JoinHostPort("::1", port))
	a := "localhost:2"
	addr(a)
	addr(w.addr)
	addr(loopbackAddr)
	lis, _ := net.Listen("tcp", "10.0.0.1:0")
	addr(lis.Addr().String())

	remoteAddr("db.internal:5432")
	remoteAddr(host + ":80")
	remoteAddr(fmt.Sprintf("%s:%d", host, n))
	remoteAddr(net.JoinHostPort(host, port))
	remoteAddr("10.0.0.1:80")
	remoteAddr(w.mixed)
	remoteAddr(w.Public)
	b := "localhost:3"
	if n > 0 {
		b = host
	}
	remoteAddr(b)

	url_("http://localhost/x")
	url_("http://127.0.0.1:8080")
	url_("http://localhost:" + port + "/x")
	url_("http://" + w.addr + "/x")
	url_(fmt.Sprintf("http://%s/v1", w.addr))
	url_(fmt.Sprintf("http://localhost:%d/v1", n))
	url_(&url.URL{Scheme: "http", Host: w.addr, Path: "/x"})
	u, _ := url.Parse("http://[::1]:1/x")
	url_(u)

	remoteURL("https://api.example.com/x")
	remoteURL("http://localhost" + host + "/x")
	remoteURL("http://" + host + "/x")
	remoteURL(fmt.Sprintf("http://%s/v1", host))
	remoteURL(&url.URL{Scheme: "http", Host: w.mixed})
	remoteURL(&url.URL{Path: "/relative"})
	remoteURL("/relative")
}
`

func TestAddrs(t *testing.T) {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{
		Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{},
		Uses: map[*ast.Ident]types.Object{}, Selections: map[*ast.SelectorExpr]*types.Selection{},
	}
	pkg, err := (&types.Config{Importer: importer.ForCompiler(fset, "source", nil)}).Check("p", fset, []*ast.File{file}, info)
	if err != nil {
		t.Fatal(err)
	}
	root := inspector.New([]*ast.File{file}).Root()
	a := local.New(info, flow.NewWrites(pkg, info, root))
	asked := 0
	for cur := range root.Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		id, ok := call.Fun.(*ast.Ident)
		if !ok || len(call.Args) != 1 {
			continue
		}
		arg := call.Args[0]
		argCur, _ := cur.FindNode(arg)
		var got, want bool
		switch id.Name {
		case "addr", "remoteAddr":
			got, want = a.Addr(argCur, arg), id.Name == "addr"
		case "url_", "remoteURL":
			got, want = a.URL(argCur, arg), id.Name == "url_"
		default:
			continue
		}
		asked++
		if got != want {
			t.Errorf("%s: %s(%s) names this machine: %v, want %v", fset.Position(call.Pos()), id.Name, types.ExprString(arg), got, want)
		}
	}
	if asked < 30 {
		t.Errorf("asked about %d expressions, want every case of the source", asked)
	}
}

func TestIsLocalHost(t *testing.T) {
	for host, want := range map[string]bool{
		"": true, "localhost": true, "api.localhost": true, "127.0.0.1": true, "127.1.2.3": true,
		"::1": true, "[::1]": true, "0.0.0.0": true, "::": true,
		"example.com": false, "10.0.0.1": false, "localhost.example.com": false, "192.168.1.1": false,
	} {
		if got := local.IsLocalHost(host); got != want {
			t.Errorf("IsLocalHost(%q) = %v, want %v", host, got, want)
		}
	}
}
