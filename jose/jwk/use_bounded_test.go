package jwk

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
	"github.com/lwscrypto/lwscrypto/jose"
)

// TestCheckUseMessageBounded: CheckUse's errors name a key's "alg", "use"
// and "key_ops" within a bound, as jose.QuoteName does names from input,
// not in full. A JWK Set's keys are tried for every token without "kid"
// (Set.Candidates, which a jwk.Remote runs per token), so a message as long
// as the key's metadata cost each such token that much. (Before: a key
// whose "key_ops" held 300 KB of operations, none of them "verify", made
// every Candidates call allocate 2.2 MB to format an error it discarded.)
func TestCheckUseMessageBounded(t *testing.T) {
	set := func(n int) *Set {
		ops := []string{`"encrypt"`}
		for i := range n {
			ops = append(ops, fmt.Sprintf(`"%0300d"`, i))
		}
		long := strings.Repeat("A", 300*n+1)
		in := `{"keys":[` +
			`{"kty":"EC","crv":"P-256","kid":"ops","key_ops":[` + strings.Join(ops, ",") + `],"x":"` + p256x + `","y":"` + p256y + `"},` +
			`{"kty":"EC","crv":"P-256","kid":"alg","alg":"` + long + `","x":"` + p256x + `","y":"` + p256y + `"},` +
			`{"kty":"EC","crv":"P-256","kid":"use","use":"` + long + `","x":"` + p256x + `","y":"` + p256y + `"}]}`
		s, err := ParseSet([]byte(in))
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	small, large := set(2), set(1000)
	for _, k := range large.Keys {
		err := k.CheckUse("ES256", OpVerify)
		if !errors.Is(err, jose.ErrKey) {
			t.Errorf("key %s: %v, want ErrKey", k.Kid, err)
		} else if len(err.Error()) > 1024 {
			t.Errorf("key %s: a message of %d bytes for 300 KB of metadata", k.Kid, len(err.Error()))
		}
	}
	for _, tc := range []struct {
		alg string
		op  Op
	}{{strings.Repeat("x", 1<<16), OpVerify}, {"ES256", Op(strings.Repeat("x", 1<<16))}} {
		if err := large.Keys[0].CheckUse(tc.alg, tc.op); err == nil || len(err.Error()) > 1024 {
			t.Errorf("long alg or op: %d bytes of message (%.40v)", len(fmt.Sprint(err)), err)
		}
	}
	if testenv.Race {
		// Each refusal formats its error through fmt, whose printers are
		// pooled, and under the race detector sync.Pool drops items at
		// random: the large set then allocated 4.7 to 5.5 KB against the
		// small one's 1.9 to 2.5 KB, past the bound in about 1 run of 200
		// of CI's race step. The plain test run checks the bound.
		return
	}
	candidates := func(s *Set) uint64 {
		return testenv.AllocatedBytes(5, func() {
			if c := s.Candidates("", false, "ES256", OpVerify, false); len(c) != 0 {
				t.Fatalf("%d candidates, want none", len(c))
			}
		})
	}
	if a, b := candidates(small), candidates(large); b > 2*a+1024 {
		t.Errorf("Candidates allocates %d bytes for 300 KB of key metadata, %d for 600 bytes", b, a)
	}
}
