package jwk

import (
	"crypto/ecdh"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	"encoding/base64"
	"slices"
	"strings"

	"github.com/lwscrypto/lwscrypto/jose"
)

// member is one member to write: its name and a function appending its JSON
// value.
type member struct {
	name  string
	value func(dst []byte) []byte
}

func strVal(s string) func([]byte) []byte {
	return func(dst []byte) []byte { return jose.AppendJSONString(dst, s) }
}

func b64Val(b []byte) func([]byte) []byte {
	return func(dst []byte) []byte {
		dst = append(dst, '"')
		dst = jose.AppendBase64URL(dst, b)
		return append(dst, '"')
	}
}

func rawVal(v []byte) func([]byte) []byte {
	return func(dst []byte) []byte { return append(dst, v...) }
}

// members lists what the key's JSON form holds, unsorted.
func (k *Key) members() []member {
	ms := make([]member, 0, 16)
	add := func(name string, v func([]byte) []byte) { ms = append(ms, member{name, v}) }
	add("kty", strVal(k.kty))
	switch p := k.pub.(type) {
	case *rsa.PublicKey:
		add("n", b64Val(p.N.Bytes()))
		add("e", b64Val(bigEndian(p.E)))
		if s, ok := k.prv.(*rsa.PrivateKey); ok {
			add("d", b64Val(s.D.Bytes()))
			add("p", b64Val(s.Primes[0].Bytes()))
			add("q", b64Val(s.Primes[1].Bytes()))
			add("dp", b64Val(s.Precomputed.Dp.Bytes()))
			add("dq", b64Val(s.Precomputed.Dq.Bytes()))
			add("qi", b64Val(s.Precomputed.Qinv.Bytes()))
		}
	case *ecdsa.PublicKey:
		x, y := ecCoords(p)
		add("crv", strVal(k.crv))
		add("x", b64Val(x))
		add("y", b64Val(y))
		if s, ok := k.prv.(*ecdsa.PrivateKey); ok {
			add("d", b64Val(ecPrivateBytes(s)))
		}
	case ed25519.PublicKey:
		add("crv", strVal(k.crv))
		add("x", b64Val(p))
		if s, ok := k.prv.(ed25519.PrivateKey); ok {
			add("d", b64Val(s.Seed()))
		}
	case *ecdh.PublicKey:
		add("crv", strVal(k.crv))
		add("x", b64Val(p.Bytes()))
		if s, ok := k.prv.(*ecdh.PrivateKey); ok {
			add("d", b64Val(s.Bytes()))
		}
	default:
		add("k", b64Val(k.sec))
	}
	if k.Kid != "" {
		add("kid", strVal(k.Kid))
	}
	if k.Alg != "" {
		add("alg", strVal(k.Alg))
	}
	if k.Use != "" {
		add("use", strVal(k.Use))
	}
	if k.KeyOps != nil {
		ops := k.KeyOps
		add("key_ops", func(dst []byte) []byte {
			dst = append(dst, '[')
			for i, op := range ops {
				if i > 0 {
					dst = append(dst, ',')
				}
				dst = jose.AppendJSONString(dst, op)
			}
			return append(dst, ']')
		})
	}
	if k.X5u != "" {
		add("x5u", strVal(k.X5u))
	}
	if len(k.X5c) > 0 {
		certs := k.X5c
		add("x5c", func(dst []byte) []byte {
			dst = append(dst, '[')
			for i, c := range certs {
				if i > 0 {
					dst = append(dst, ',')
				}
				dst = append(dst, '"')
				dst = base64.StdEncoding.AppendEncode(dst, c)
				dst = append(dst, '"')
			}
			return append(dst, ']')
		})
	}
	if k.X5t != nil {
		add("x5t", b64Val(k.X5t))
	}
	if k.X5tS256 != nil {
		add("x5t#S256", b64Val(k.X5tS256))
	}
	for _, m := range k.extra {
		if !slices.ContainsFunc(ms, func(x member) bool { return x.name == m.Name }) {
			add(m.Name, rawVal(m.Value))
		}
	}
	return ms
}

// AppendJSON appends the JWK to dst: every member, private ones included
// when the key has them, in lexicographic order of their names, with no
// whitespace. Use PublicKey first to write only the public half.
func (k *Key) AppendJSON(dst []byte) []byte {
	ms := k.members()
	slices.SortFunc(ms, func(a, b member) int { return strings.Compare(a.name, b.name) })
	dst = append(dst, '{')
	for i, m := range ms {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = jose.AppendJSONString(dst, m.name)
		dst = append(dst, ':')
		dst = m.value(dst)
	}
	return append(dst, '}')
}

// MarshalJSON returns AppendJSON(nil). It includes private material when the
// key has it.
func (k *Key) MarshalJSON() ([]byte, error) { return k.AppendJSON(nil), nil }

// String returns a short description for logs, never the key material:
// "EC P-256 public key, kid \"k1\"".
func (k *Key) String() string {
	s := k.describe()
	if k.IsPrivate() {
		if k.kty == KeyTypeOct {
			s += " secret key"
		} else {
			s += " private key"
		}
	} else {
		s += " public key"
	}
	if k.Kid != "" {
		s += ", kid " + jose.QuoteName(k.Kid)
	}
	if k.Alg != "" {
		s += ", alg " + jose.QuoteName(k.Alg)
	}
	return s
}
