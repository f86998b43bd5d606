package jwk

import (
	"crypto/ecdh"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/rsa"
	"fmt"
	"strings"

	"github.com/lwscrypto/lwscrypto/gencrypto"
	"github.com/lwscrypto/lwscrypto/jose"
)

// GenerateOptions adjust Generate. The zero value picks the defaults; a
// value out of range is jose.ErrKey, refused before any key is made.
type GenerateOptions struct {
	// Bits is the RSA modulus size (default 2048; 2048 to 16,384, a
	// multiple of 8), for HS256/384/512 the oct key size (default the
	// hash's size; from it to 4096, a multiple of 8: RFC 7518 §3.2 wants a
	// key at least as long as the hash) or, for "dir" and the PBES2
	// algorithms, the oct key size (default 256; 128 to 4096, a multiple
	// of 8). 0 means the
	// default; a negative size is an error. Other algorithms fix the size;
	// giving a different one is an error.
	Bits int
	// Curve is the curve for the ECDH-ES algorithms: "P-256" (default),
	// "P-384", "P-521" or "X25519". For the signature algorithms the curve
	// follows from alg and a different one is an error, as is any curve
	// for an algorithm whose keys have none (RSA, oct).
	Curve string
}

// Generate makes a new private key for the JOSE algorithm alg, with "alg"
// set to it so that the key cannot be used with another algorithm:
//
//   - HS256/384/512: an oct key as long as the hash (RFC 7518 §3.2), or
//     longer if opts.Bits says (up to 4096);
//   - RS*, PS*, RSA-OAEP*: RSA, 2048 bits unless opts.Bits says more (up
//     to 16,384);
//   - ES256/384/512: EC on P-256/384/521;
//   - EdDSA, Ed25519: OKP Ed25519;
//   - ECDH-ES, ECDH-ES+A*KW: EC (P-256 unless opts.Curve says) or X25519;
//   - A*KW, A*GCMKW, A*GCM, A*CBC-HS*: an oct key of the algorithm's size;
//   - dir and PBES2-*: an oct key of opts.Bits (default 256, 128 to 4096).
//
// opts may be nil. An algorithm Generate does not know, and under
// GODEBUG=fips140=only a key the Go Cryptographic Module may not make
// (X25519), is jose.ErrAlgorithm.
func Generate(alg string, opts *GenerateOptions) (*Key, error) {
	var o GenerateOptions
	if opts != nil {
		o = *opts
	}
	k, err := generate(alg, o)
	if err != nil {
		return nil, err
	}
	k.Alg = alg
	return k, nil
}

func generate(alg string, o GenerateOptions) (*Key, error) {
	fixedBits := func(n int) error {
		if o.Bits != 0 && o.Bits != n {
			return fmt.Errorf("jwk: %s keys are %d bits, not %d: %w", alg, n, o.Bits, jose.ErrKey)
		}
		return nil
	}
	noCurve := func(want string) error {
		if o.Curve != "" && o.Curve != want {
			if want == "" {
				return fmt.Errorf("jwk: %s keys have no curve: %w", alg, jose.ErrKey)
			}
			return fmt.Errorf("jwk: %s keys are on %s, not %s: %w", alg, want, o.Curve, jose.ErrKey)
		}
		return nil
	}
	octKey := func(n int) (*Key, error) {
		if err := noCurve(""); err != nil {
			return nil, err
		}
		b := make([]byte, n)
		rand.Read(b)
		return New(b)
	}
	rsaKey := func() (*Key, error) {
		if err := noCurve(""); err != nil {
			return nil, err
		}
		bits := o.Bits
		if bits == 0 {
			bits = 2048
		}
		if bits < 2048 || bits > maxRSABits || bits%8 != 0 {
			return nil, fmt.Errorf("jwk: RSA keys are 2048 to %d bits, a multiple of 8, not %d: %w", maxRSABits, bits, jose.ErrKey)
		}
		p, err := rsa.GenerateKey(rand.Reader, bits)
		if err != nil {
			return nil, generateError(err)
		}
		return New(p)
	}
	ecKey := func(crv string) (*Key, error) {
		c, _, _, err := ecCurve(crv)
		if err != nil {
			return nil, err
		}
		if err := fixedBits(c.Params().BitSize); err != nil {
			return nil, err
		}
		p, err := ecdsa.GenerateKey(c, rand.Reader)
		if err != nil {
			return nil, generateError(err)
		}
		return New(p)
	}

	a, known := gencrypto.ByName(alg)
	if known {
		switch a := a.(type) {
		case *gencrypto.MAC:
			if !joseMAC(a) { // COSE truncated MACs have no JOSE name
				break
			}
			// RFC 7518 §3.2: a key as long as the hash or longer.
			bits, least := o.Bits, 8*a.MinKeySize()
			if bits == 0 {
				bits = least
			}
			if bits < least || bits > 4096 || bits%8 != 0 {
				return nil, fmt.Errorf("jwk: %s key size %d bits is not %d…4096 and a multiple of 8: %w", alg, bits, least, jose.ErrKey)
			}
			return octKey(bits / 8)
		case *gencrypto.Signature:
			switch a.KeyType() {
			case gencrypto.KeyRSA:
				return rsaKey()
			case gencrypto.KeyEC:
				if err := noCurve(a.Curve().String()); err != nil {
					return nil, err
				}
				return ecKey(a.Curve().String())
			case gencrypto.KeyOKP:
				if err := noCurve(CurveEd25519); err != nil {
					return nil, err
				}
				if err := fixedBits(256); err != nil {
					return nil, err
				}
				_, p, err := ed25519.GenerateKey(rand.Reader)
				if err != nil {
					return nil, generateError(err)
				}
				return New(p)
			}
		case *gencrypto.KeyEncryption:
			return rsaKey()
		case *gencrypto.KeyWrap:
			if err := fixedBits(8 * a.KeySize()); err != nil {
				return nil, err
			}
			return octKey(a.KeySize())
		case *gencrypto.AEAD:
			if joseEnc[alg] {
				if err := fixedBits(8 * a.KeySize()); err != nil {
					return nil, err
				}
				return octKey(a.KeySize())
			}
		}
	}
	switch alg {
	case "A128GCMKW", "A192GCMKW", "A256GCMKW":
		n := map[string]int{"A128GCMKW": 16, "A192GCMKW": 24, "A256GCMKW": 32}[alg]
		if err := fixedBits(8 * n); err != nil {
			return nil, err
		}
		return octKey(n)
	case "dir", "PBES2-HS256+A128KW", "PBES2-HS384+A192KW", "PBES2-HS512+A256KW":
		bits := o.Bits
		if bits == 0 {
			bits = 256
		}
		if bits < 128 || bits > 4096 || bits%8 != 0 {
			return nil, fmt.Errorf("jwk: oct key size %d bits is not 128…4096 and a multiple of 8: %w", bits, jose.ErrKey)
		}
		return octKey(bits / 8)
	case "ECDH-ES", "ECDH-ES+A128KW", "ECDH-ES+A192KW", "ECDH-ES+A256KW":
		crv := o.Curve
		if crv == "" {
			crv = CurveP256
		}
		if crv == CurveX25519 {
			if err := fixedBits(256); err != nil {
				return nil, err
			}
			p, err := ecdh.X25519().GenerateKey(rand.Reader)
			if err != nil {
				return nil, generateError(err)
			}
			return New(p)
		}
		return ecKey(crv)
	}
	if strings.EqualFold(alg, "none") {
		return nil, fmt.Errorf(`jwk: "none" takes no key: %w`, jose.ErrAlgorithm)
	}
	return nil, fmt.Errorf("jwk: cannot generate a key for %q: %w", alg, jose.ErrAlgorithm)
}

// generateError is the error of a key generator of the standard library:
// under GODEBUG=fips140=only, one that is not approved (X25519) refuses,
// and that is the algorithm not allowed here (jose.ErrAlgorithm), the
// generator's own error kept for errors.Is/As and its message.
func generateError(err error) error {
	return fmt.Errorf("jwk: generating the key: %w: %w", err, jose.ErrAlgorithm)
}
