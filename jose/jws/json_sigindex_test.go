package jws

import (
	"errors"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/jose"
)

// TestParseJSONNamesTheSignature: an error in one element of "signatures"
// says which (its index), so a caller can find it in a message of up to
// MaxSignatures; errors.Is still finds the sentinel. Before, the error of
// signature 2 read like that of signature 0.
func TestParseJSONNamesTheSignature(t *testing.T) {
	good := `{"protected":"eyJhbGciOiJIUzI1NiJ9","signature":"AAAA"}`
	for _, tc := range []struct {
		bad  string
		want error
	}{
		{`{"protected":5,"signature":"AAAA"}`, jose.ErrMalformed},
		{`{"protected":"eyJhbGciOiJIUzI1NiJ9","signature":"A"}`, jose.ErrMalformed},
		{`{"protected":"eyJhbGciOiJIUzI1NiJ9","header":{"crit":["x"]},"signature":"AAAA"}`, jose.ErrCrit},
		{`{"protected":"eyJhbGciOiJIUzI1NiJ9","signature":"AAAA","x":1}`, jose.ErrMalformed},
	} {
		msg := `{"payload":"","signatures":[` + good + `,` + good + `,` + tc.bad + `]}`
		_, err := ParseJSON([]byte(msg))
		if !errors.Is(err, tc.want) || err == nil || !strings.Contains(err.Error(), "signature 2") {
			t.Errorf("%s: %v, want %v naming signature 2", tc.bad, err, tc.want)
		}
	}
	// signature 1 disagrees with signature 0 on "b64"
	unenc := jose.AppendBase64URL(nil, []byte(`{"alg":"HS256","b64":false,"crit":["b64"]}`))
	msg := `{"signatures":[` + good + `,{"protected":"` + string(unenc) + `","signature":"AAAA"}]}`
	if _, err := ParseJSON([]byte(msg)); !errors.Is(err, jose.ErrCrit) || !strings.Contains(err.Error(), "signature 1") {
		t.Errorf("b64 disagreement: %v, want jose.ErrCrit naming signature 1", err)
	}
	// a flattened message has one signature: no index
	_, err := ParseJSON([]byte(`{"payload":"","protected":5,"signature":"AAAA"}`))
	if !errors.Is(err, jose.ErrMalformed) || strings.Contains(err.Error(), "signature 0") {
		t.Errorf("flattened: %v", err)
	}
}
