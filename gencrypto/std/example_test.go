package std_test

import (
	"crypto"
	"errors"
	"fmt"

	"github.com/lwscrypto/lwscrypto/gencrypto"
	"github.com/lwscrypto/lwscrypto/gencrypto/std"
)

// The std backend is gencrypto's default; naming it with WithBackend gives
// the same result. Asked for what it does not implement, it answers
// errors.ErrUnsupported instead of panicking.
func ExampleNew() {
	b := std.New()
	fmt.Println(b.Name(), b.Supports(gencrypto.PrimAESCCM), b.Supports("ml-kem"))

	key := make([]byte, 32)
	tag, err := gencrypto.HS256().Sum(key, []byte("msg"), gencrypto.WithBackend(b))
	if err != nil {
		panic(err)
	}
	fmt.Println(len(tag), gencrypto.HS256().Verify(key, []byte("msg"), tag))

	_, err = b.NewHash(crypto.MD5)
	fmt.Println("MD5:", errors.Is(err, errors.ErrUnsupported))
	// Output:
	// std true false
	// 32 <nil>
	// MD5: true
}
