//
//
// File generated from a stand-in OpenAPI spec
//
//

package sdk

// A file whose header says it was generated from a spec (stripe-go's
// kind) is generated code too: its methods export no summary.

func (r *CreateRequest) ApplySpec(t string) { r.Token = &t }
