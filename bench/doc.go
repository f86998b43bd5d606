// Package bench compares lwscrypto with its peers, side by side, in
// benchmarks only. It is a separate module so that the peers (go-jose,
// golang-jwt, jwx, fxamacker/cbor, goccy/go-json, sonic, …) never become
// dependencies of lwscrypto itself.
//
// Benchmarks are named <Family>/<input>/<impl> so runs can be compared over
// time with benchstat. The ratios of lejp's and lecp's modes to their peers
// are printed by TestJSONCPUTable and TestCBORCPUTable (thread CPU time,
// interleaved rounds), which run only when asked: see their doc comments.
package bench
