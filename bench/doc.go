// Package bench compares lwscrypto with its peers, side by side, in
// benchmarks only. It is a separate module so that the peers (go-jose,
// golang-jwt, jwx, fxamacker/cbor, goccy/go-json, sonic, …) never become
// dependencies of lwscrypto itself.
//
// Benchmarks are named <Family>/<input>/<impl> so runs can be compared over
// time with benchstat; TestMain prints the ratios of each impl to lwscrypto's
// when run with -bench.
package bench
