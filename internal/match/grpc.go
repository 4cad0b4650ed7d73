package match

import (
	"go/types"
	"strings"
)

// A GRPCService is a gRPC service interface XxxServer, declared next to
// its RegisterXxxServer (protoc-gen-go-grpc's output), and the service's
// client interface XxxClient when the generated code declares one.
type GRPCService struct {
	Server *types.Interface
	Client types.Type // nil for none
}

// GRPCServices returns the gRPC services visible to pkg: declared in it
// or in a package it imports.
func GRPCServices(pkg *types.Package) []GRPCService {
	var out []GRPCService
	for _, p := range append([]*types.Package{pkg}, pkg.Imports()...) {
		scope := p.Scope()
		for _, name := range scope.Names() {
			if !strings.HasSuffix(name, "Server") {
				continue
			}
			tn, ok := scope.Lookup(name).(*types.TypeName)
			if !ok {
				continue
			}
			iface, ok := tn.Type().Underlying().(*types.Interface)
			if !ok || iface.NumMethods() == 0 {
				continue
			}
			reg, ok := scope.Lookup("Register" + name).(*types.Func)
			if !ok {
				continue
			}
			params := reg.Signature().Params()
			if params.Len() == 2 && types.Identical(params.At(1).Type(), tn.Type()) {
				svc := GRPCService{Server: iface}
				if cl, ok := scope.Lookup(strings.TrimSuffix(name, "Server") + "Client").(*types.TypeName); ok {
					svc.Client = cl.Type()
				}
				out = append(out, svc)
			}
		}
	}
	return out
}

// GRPCServerMethod reports whether fn is a method of a type that
// implements one of the services' server interfaces, and is one of that
// interface's methods, the type not being a client stub of that service
// (GRPCClientStub).
func GRPCServerMethod(fn *types.Func, services []GRPCService) bool {
	recv := fn.Signature().Recv()
	if recv == nil {
		return false
	}
	t := pointerTo(recv.Type())
	for _, svc := range services {
		if !types.Implements(t, svc.Server) || svc.holdsClient(t) {
			continue
		}
		for i := range svc.Server.NumMethods() {
			if svc.Server.Method(i).Name() == fn.Name() {
				return true
			}
		}
	}
	return false
}

// GRPCClientStub reports whether t (or a pointer to it) implements one
// of the services' server interfaces while keeping the same service's
// client in a field: a stub that mirrors the server's methods and
// forwards each call through the client, as a hashicorp/go-plugin
// GRPCClient does to reach its plugin process.
func GRPCClientStub(t types.Type, services []GRPCService) bool {
	t = pointerTo(t)
	for _, svc := range services {
		if types.Implements(t, svc.Server) && svc.holdsClient(t) {
			return true
		}
	}
	return false
}

// holdsClient reports whether the struct that the pointer type t points
// to has a field of the service's client type.
func (svc GRPCService) holdsClient(t types.Type) bool {
	if svc.Client == nil {
		return false
	}
	st, ok := t.(*types.Pointer).Elem().Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for f := range st.Fields() {
		if types.Identical(f.Type(), svc.Client) {
			return true
		}
	}
	return false
}

// pointerTo returns t if it is a pointer, or a pointer to t: the
// pointer's method set has both receivers' methods.
func pointerTo(t types.Type) types.Type {
	if _, isPtr := t.(*types.Pointer); isPtr {
		return t
	}
	return types.NewPointer(t)
}
