// Package computepb is a stand-in for Google Cloud's compute messages.
package computepb

type InsertInstanceRequest struct {
	Project   string
	Zone      string
	RequestId *string
}

type GenerateClientCertificateRequest struct {
	Parent    string
	PublicKey string
	RequestId string
}

type CreateClientCertificateRequest struct {
	Parent    string
	PublicKey string
	RequestId string
}
