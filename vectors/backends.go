package vectors

import "github.com/lwscrypto/lwscrypto/gencrypto"

// Backends returns every gencrypto backend the runners exercise, in report
// order. Each case runs against every backend that supports its primitive.
// Today that is the default (standard library) backend; the circl backend
// joins it when it is built.
func Backends() []gencrypto.Backend {
	return []gencrypto.Backend{gencrypto.DefaultBackend()}
}
