package jws_test

import (
	"bytes"
	"encoding/base64"
	"errors"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
	"github.com/lwscrypto/lwscrypto/jose/jws"
)

// signedGeneral returns a parsed general JSON message with two HS256
// signatures over "hello".
func signedGeneral(t testing.TB, opts *jws.SignOptions) *jws.Message {
	t.Helper()
	k := []byte("0123456789abcdef0123456789abcdef")
	out, err := jws.SignJSON([]byte("hello"), []jws.SigningKey{{Alg: "HS256", Key: k, KeyID: "a"}, {Alg: "HS256", Key: k, KeyID: "b"}}, false, opts)
	if err != nil {
		t.Fatal(err)
	}
	m, err := jws.Parse(out)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func b64(s string) []byte { return []byte(base64.RawURLEncoding.EncodeToString([]byte(s))) }

// TestMessageWritersRefuseWhatParseRefuses builds Messages by hand (or
// edits parsed ones) that Compact and JSON wrote although Parse refuses
// the result, or reads it back as another message: each is now
// jose.ErrMalformed naming what is wrong, and whatever a writer still
// writes parses back.
func TestMessageWritersRefuseWhatParseRefuses(t *testing.T) {
	sig := []byte{1, 2, 3}
	for _, tc := range []struct {
		name string
		edit func(m *jws.Message) *jws.Message
		want string // in the JSON error
	}{
		{"empty unprotected header", func(m *jws.Message) *jws.Message {
			m.Signatures[0].Unprotected, m.Signatures[0].Header = []byte(`{}`), nil
			return m
		}, `"header" is empty`},
		{"unprotected header not an object", func(m *jws.Message) *jws.Message {
			m.Signatures[0].Unprotected, m.Signatures[0].Header = []byte(`[1]`), nil
			return m
		}, `"header" must be an object`},
		{"unprotected header with space around it", func(m *jws.Message) *jws.Message {
			m.Signatures[0].Unprotected, m.Signatures[0].Header = []byte(` {"x":1}`), nil
			return m
		}, "whitespace"},
		{"protected header not JSON", func(m *jws.Message) *jws.Message {
			m.Signatures[0].Protected, m.Signatures[0].Header = b64(`not json`), nil
			return m
		}, "protected header"},
		{"protected header not base64url", func(m *jws.Message) *jws.Message {
			m.Signatures[1].Protected, m.Signatures[1].Header = []byte(`e30=`), nil
			return m
		}, "protected header"},
		{"b64 disagreement, Header nil", func(m *jws.Message) *jws.Message {
			m.Signatures[1].Protected, m.Signatures[1].Header = b64(`{"alg":"HS256","b64":false,"crit":["b64"]}`), nil
			return m
		}, `"b64"`},
		{"name in both headers", func(m *jws.Message) *jws.Message {
			m.Signatures[0].Unprotected, m.Signatures[0].Header = []byte(`{"alg":"HS256"}`), nil
			return m
		}, `"alg"`},
		{"crit unprotected", func(m *jws.Message) *jws.Message {
			m.Signatures[0].Unprotected, m.Signatures[0].Header = []byte(`{"crit":["x"]}`), nil
			return m
		}, `"crit"`},
		{"b64 unprotected", func(m *jws.Message) *jws.Message {
			m.Signatures[0].Unprotected, m.Signatures[0].Header = []byte(`{"b64":true}`), nil
			return m
		}, `"b64"`},
		{"empty signature value", func(m *jws.Message) *jws.Message {
			m.Signatures[1].Signature = nil
			return m
		}, "signature value"},
		{"Header of another signature", func(m *jws.Message) *jws.Message {
			m.Signatures[0].Header = m.Signatures[1].Header
			return m
		}, "Header"},
		{"hand-built, b64 of the header not the message's", func(*jws.Message) *jws.Message {
			return &jws.Message{Signatures: []*jws.Signature{{Protected: b64(`{"alg":"HS256"}`), Signature: sig}}}
		}, `"b64"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := tc.edit(signedGeneral(t, nil))
			for _, w := range []struct {
				name  string
				write func() ([]byte, error)
			}{
				{"JSON", func() ([]byte, error) { return m.JSON(false) }},
				{"flattened", func() ([]byte, error) {
					one := *m
					one.Signatures = m.Signatures[:1]
					return one.JSON(true)
				}},
				{"Compact", func() ([]byte, error) {
					one := *m
					one.Signatures = m.Signatures[:1]
					return one.Compact()
				}},
			} {
				out, err := w.write()
				if err == nil {
					if _, perr := jws.Parse(out); perr != nil {
						t.Errorf("%s wrote %s, which Parse refuses: %v", w.name, out, perr)
					}
					continue
				}
				if !errors.Is(err, jose.ErrMalformed) {
					t.Errorf("%s: %v, want jose.ErrMalformed", w.name, err)
				}
			}
			_, err := m.JSON(false)
			if err == nil || !bytes.Contains([]byte(err.Error()), []byte(tc.want)) {
				t.Errorf("JSON: %v, want an error naming %s", err, tc.want)
			}
		})
	}
}
