package netreach

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"go/ast"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// probe reports what netreach says of every call, for the tests.
var probe = &analysis.Analyzer{
	Name:     "probe",
	Doc:      "report the network calls that netreach classifies",
	Requires: []*analysis.Analyzer{Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		res := pass.ResultOf[Analyzer].(*Result)
		for _, f := range pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				c, direct, ok := res.Call(call)
				switch {
				case !ok:
				case direct:
					msg := fmt.Sprintf("%s %s", c.Kind, c.Op)
					if c.Service != "" {
						msg += " svc=" + c.Service
					}
					msg += fmt.Sprintf(" ctx=%d req=%d", c.Ctx, c.Req)
					if c.Write {
						msg += " write"
					}
					if c.Stream {
						msg += " stream"
					}
					pass.Reportf(call.Pos(), "%s", msg)
				default:
					pass.Reportf(call.Pos(), "via %s %s", c.Kind, c.Op)
				}
				return true
			})
		}
		return nil, nil
	},
}

func TestClassify(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, analysistest.TestData(), probe, "kinds", "lookalike", "user")
}

// The facts cross packages: a reaches the network through b and c,
// which it imports and they through each other; goroutines and returned
// function literals do not count.
func TestFacts(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, analysistest.TestData(), Analyzer, "a", "b", "c")
}

func TestFactEncoding(t *testing.T) {
	f := &Reaches{Kind: SQL, Via: "(*sql.DB).ExecContext"}
	if got, want := f.String(), "reaches sql via (*sql.DB).ExecContext"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(f); err != nil {
		t.Fatal(err)
	}
	var got Reaches
	if err := gob.NewDecoder(&buf).Decode(&got); err != nil || got != *f {
		t.Errorf("decoded %+v, %v; want %+v", got, err, *f)
	}
}

func TestStripMajor(t *testing.T) {
	for in, want := range map[string]string{
		"github.com/redis/go-redis/v9":             "github.com/redis/go-redis",
		"github.com/stripe/stripe-go/v85/charge":   "github.com/stripe/stripe-go/charge",
		"github.com/aws/aws-sdk-go-v2/service/sqs": "github.com/aws/aws-sdk-go-v2/service/sqs",
		"v2":                                "v2",
		"github.com/vmihailenco/msgpack/vx": "github.com/vmihailenco/msgpack/vx",
		"github.com/confluentinc/confluent-kafka-go/v2/kafka": "github.com/confluentinc/confluent-kafka-go/kafka",
	} {
		if got := stripMajor(in); got != want {
			t.Errorf("stripMajor(%q) = %q, want %q", in, got, want)
		}
	}
}
