package gencrypto

// Option adjusts one call. The zero set of options selects the default
// backend and the strict defaults.
type Option func(*config)

type config struct {
	backend Backend
}

// WithBackend makes the call use b instead of DefaultBackend.
func WithBackend(b Backend) Option {
	return func(c *config) { c.backend = b }
}

// backendFor resolves the backend for a call, without allocating when no
// option is given.
func backendFor(opts []Option) Backend {
	if len(opts) == 0 {
		return stdBackend
	}
	var c config
	for _, o := range opts {
		o(&c)
	}
	if c.backend == nil {
		return stdBackend
	}
	return c.backend
}
