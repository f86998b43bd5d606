package vectors_test

import (
	"fmt"
	"os"

	"github.com/lwscrypto/lwscrypto/vectors"
)

// A Report prints as a table: one line per corpus file, its skip reasons
// and failures indented below it, and the totals.
func ExampleReport_WriteTable() {
	gcm := vectors.Result{Name: "wycheproof/aes_gcm_test.json"}
	gcm.Pass()
	gcm.Pass()
	kwp := vectors.Result{Name: "wycheproof/aes_kwp_test.json"}
	kwp.Skip("AES-KWP (RFC 5649) not registered")
	rep := vectors.Report{Corpora: []vectors.Result{gcm, kwp}}
	rep.WriteTable(os.Stdout)
	// Output:
	// corpus                         cases  passed  failed skipped
	// wycheproof/aes_gcm_test.json       2       2       0       0
	// wycheproof/aes_kwp_test.json       1       0       0       1
	//     skipped 1: AES-KWP (RFC 5649) not registered
	// total                              3       2       0       1
}

// Every case runs against each of these backends that supports it.
func ExampleBackends() {
	for _, b := range vectors.Backends() {
		fmt.Println(b.Name())
	}
	// Output:
	// std
}

// A Runner whose cases are typed into the repository (Builtin) runs without
// the shared corpus; the others take the corpus folder, as Run gives them.
func ExampleRunner() {
	res, err := vectors.RFCJWS.Run("", nil)
	if err != nil {
		panic(err)
	}
	for _, r := range res {
		fmt.Println(r.Name, r.Cases, r.Passed, r.Failed)
	}
	// Output:
	// rfc-jws/rfc7515 8 8 0
	// rfc-jws/rfc7797 3 3 0
}
