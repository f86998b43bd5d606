module github.com/lwscrypto/lwscrypto/bench

go 1.26

require github.com/lwscrypto/lwscrypto v0.0.0

replace github.com/lwscrypto/lwscrypto => ../
