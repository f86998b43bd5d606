module github.com/lwscrypto/lwscrypto/bench

go 1.26.0

require github.com/lwscrypto/lwscrypto v0.0.0

require (
	github.com/fxamacker/cbor/v2 v2.9.6 // indirect
	github.com/x448/float16 v0.8.4 // indirect
)

replace github.com/lwscrypto/lwscrypto => ../
