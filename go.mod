module github.com/lwscrypto/lwscrypto

go 1.26.0

require (
	github.com/fxamacker/cbor/v2 v2.9.6
	github.com/go-jose/go-jose/v4 v4.1.8
	github.com/rogpeppe/go-internal v1.16.0
	golang.org/x/crypto v0.58.0
	golang.org/x/sys v0.49.0
	golang.org/x/term v0.47.0
)

require (
	github.com/x448/float16 v0.8.4 // indirect
	golang.org/x/tools v0.26.0 // indirect
)
