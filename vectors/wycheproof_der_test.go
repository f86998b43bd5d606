package vectors

import (
	"bytes"
	"crypto"
	"path/filepath"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/corpus"
	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// derSig encodes r and s (big-endian magnitudes) as the canonical DER
// ECDSA signature, independently of the reader under test.
func derSig(r, s []byte) []byte {
	integer := func(m []byte) []byte {
		for len(m) > 1 && m[0] == 0 {
			m = m[1:]
		}
		if len(m) == 0 {
			m = []byte{0}
		}
		if m[0]&0x80 != 0 {
			m = append([]byte{0}, m...)
		}
		return append(derLen([]byte{derInteger}, len(m)), m...)
	}
	body := append(integer(r), integer(s)...)
	return append(derLen([]byte{derSequence}, len(body)), body...)
}

func derLen(dst []byte, n int) []byte {
	switch {
	case n < 0x80:
		return append(dst, byte(n))
	case n < 0x100:
		return append(dst, 0x81, byte(n))
	}
	return append(dst, 0x82, byte(n>>8), byte(n))
}

func TestECDSADERToP1363(t *testing.T) {
	for _, tc := range []struct {
		name, der string
		want      string // "" = must be rejected
	}{
		{"minimal", "3006020101020102", "0000000000000001" + "0000000000000002"},
		{"sign byte", "300802020080020200ff", "0000000000000080" + "00000000000000ff"},
		{"full size", "301402080102030405060708020821a2a3a4a5a6a7a8", "010203040506070821a2a3a4a5a6a7a8"},
		{"full size with sign byte", "30160209008102030405060708020900a1a2a3a4a5a6a7a8", "8102030405060708a1a2a3a4a5a6a7a8"},
		{"zero", "3006020100020100", "00000000000000000000000000000000"},
		{"too long for the curve", "301602090102030405060708090208a1a2a3a4a5a6a7a8", ""},
		{"superfluous leading zero", "300702020001020102", ""},
		{"negative", "3006020181020102", ""},
		{"empty integer", "30050200020102", ""},
		{"trailing bytes after sequence", "300602010102010200", ""},
		{"trailing element in sequence", "3009020101020102020103", ""},
		{"missing s", "3003020101", ""},
		{"long-form length below 128", "308106020101020102", ""},
		{"indefinite length", "3080020101020102" + "0000", ""},
		{"length beyond input", "3007020101020102", ""},
		{"wrong outer tag", "3106020101020102", ""},
		{"wrong inner tag", "3006030101020102", ""},
		{"empty", "", ""},
	} {
		got, err := ecdsaDERToP1363(testenv.Hex(t, tc.der), 8)
		switch {
		case tc.want == "" && err == nil:
			t.Errorf("%s: accepted, gave %x", tc.name, got)
		case tc.want != "" && err != nil:
			t.Errorf("%s: %v", tc.name, err)
		case tc.want != "" && !bytes.Equal(got, testenv.Hex(t, tc.want)):
			t.Errorf("%s: got %x, want %s", tc.name, got, tc.want)
		}
	}
}

// FuzzECDSADER holds the converter to strict DER: whatever it accepts is
// exactly the canonical encoding of the r and s it returns. Seeds include
// every signature of Wycheproof's DER P-256 file when the corpus is present.
func FuzzECDSADER(f *testing.F) {
	f.Add(testenv.Hex(f, "3006020101020102"))
	f.Add(testenv.Hex(f, "30160209008102030405060708020900a1a2a3a4a5a6a7a8"))
	f.Add(testenv.Hex(f, "308106020101020102"))
	if dir, err := corpus.Dir(); err == nil {
		var wf struct {
			TestGroups []struct {
				Tests []rsaSigTest `json:"tests"` // msg and sig, as for RSA
			} `json:"testGroups"`
		}
		if loadJSON(filepath.Join(dir, "wycheproof", "testvectors_v1", "ecdsa_secp256r1_sha256_test.json"), &wf) == nil {
			for _, g := range wf.TestGroups {
				for _, t := range g.Tests {
					f.Add([]byte(t.Sig))
				}
			}
		}
	}
	f.Fuzz(func(t *testing.T, der []byte) {
		got, err := ecdsaDERToP1363(der, 32)
		if err != nil {
			return
		}
		if len(got) != 64 {
			t.Fatalf("output length %d", len(got))
		}
		if re := derSig(got[:32], got[32:]); !bytes.Equal(re, der) {
			t.Fatalf("accepted %x, which is not the canonical %x", der, re)
		}
	})
}

func TestParsePSSSPKI(t *testing.T) {
	// Prefixes of Wycheproof keys; the key itself is not parsed here, so
	// a short BIT STRING stands in for it.
	const key = "030100"
	wrap := func(alg string) []byte {
		body := append(testenv.Hex(t, alg), testenv.Hex(t, key)...)
		return append(derLen([]byte{derSequence}, len(body)), body...)
	}
	for _, tc := range []struct {
		name, alg string
		want      pssParams
		isPSS     bool
		bad       bool
	}{
		{"rsaEncryption", "300d06092a864886f70d0101010500", pssParams{}, false, false},
		{"PSS defaults", "300d06092a864886f70d01010a3000", pssParams{crypto.SHA1, crypto.SHA1, 20}, true, false},
		// Absent parameters restrict nothing (RFC 4055 §1.2): not the defaults.
		{"PSS no parameters", "300b06092a864886f70d01010a", pssParams{}, false, false},
		{"PSS SHA-256/MGF1-SHA-256/32",
			"304106092a864886f70d01010a3034a00f300d06096086480165030402010500a11c301a06092a864886f70d010108300d06096086480165030402010500a203020120",
			pssParams{crypto.SHA256, crypto.SHA256, 32}, true, false},
		{"PSS salt only", "301206092a864886f70d01010a3005a203020100", pssParams{crypto.SHA1, crypto.SHA1, 0}, true, false},
		{"two-byte salt length", "301306092a864886f70d01010a3006a20402020100", pssParams{crypto.SHA1, crypto.SHA1, 256}, true, false},
		{"three-byte salt length", "301406092a864886f70d01010a3007a2050203010000", pssParams{}, true, true},
		{"trailer field 1", "301206092a864886f70d01010a3005a303020101", pssParams{crypto.SHA1, crypto.SHA1, 20}, true, false},
		{"field [4]", "301206092a864886f70d01010a3005a403020101", pssParams{}, true, true},
		{"empty field [4]", "300f06092a864886f70d01010a3002a400", pssParams{}, true, true},
		{"parameters not a SEQUENCE", "300d06092a864886f70d01010a0500", pssParams{}, true, true},
		{"data after the parameters", "300f06092a864886f70d01010a30000500", pssParams{}, true, true},
		{"fields out of order", "301706092a864886f70d01010a300aa203020100a203020100", pssParams{}, true, true},
		{"trailer not 1", "301206092a864886f70d01010a3005a303020102", pssParams{}, true, true},
		{"unknown hash", "301c06092a864886f70d01010a300fa00d300b06096086480165030402ff", pssParams{}, true, true},
	} {
		p, isPSS, err := parsePSSSPKI(wrap(tc.alg))
		switch {
		case tc.bad && err == nil:
			t.Errorf("%s: accepted: %+v", tc.name, p)
		case !tc.bad && err != nil:
			t.Errorf("%s: %v", tc.name, err)
		case !tc.bad && (isPSS != tc.isPSS || (isPSS && p != tc.want)):
			t.Errorf("%s: got %+v (pss %v), want %+v (pss %v)", tc.name, p, isPSS, tc.want, tc.isPSS)
		}
	}
}

func FuzzParsePSSSPKI(f *testing.F) {
	f.Add(testenv.Hex(f, "3012300d06092a864886f70d01010a3000030100"))
	f.Add(testenv.Hex(f, "3046304106092a864886f70d01010a3034a00f300d06096086480165030402010500a11c301a06092a864886f70d010108300d06096086480165030402010500a203020120030100"))
	f.Fuzz(func(t *testing.T, der []byte) {
		p, isPSS, err := parsePSSSPKI(der)
		if err == nil && isPSS && (p.hash == 0 || p.mgfHash == 0 || p.saltLen < 0) {
			t.Fatalf("accepted incomplete parameters %+v", p)
		}
	})
}

// TestECDSADERLongForm checks the length forms at their boundary: a
// SEQUENCE of exactly 128 content bytes takes the long form 81 80 and is
// accepted; 127 bytes must use the short form.
func TestECDSADERLongForm(t *testing.T) {
	r, s := bytes.Repeat([]byte{0x11}, 62), bytes.Repeat([]byte{0x22}, 62)
	der := derSig(r, s) // 02 3e <62> 02 3e <62>: 128 bytes of contents
	if !bytes.HasPrefix(der, []byte{0x30, 0x81, 0x80}) {
		t.Fatalf("fixture %x", der[:3])
	}
	want := append(append(make([]byte, 4), r...), append(make([]byte, 4), s...)...)
	if got, err := ecdsaDERToP1363(der, 66); err != nil || !bytes.Equal(got, want) {
		t.Errorf("128-byte SEQUENCE: %x, %v", got, err)
	}
	short := derSig(r[:61], s) // 127 bytes of contents
	if short[1] != 0x7f {
		t.Fatalf("fixture %x", short[:2])
	}
	long := append([]byte{0x30, 0x81, 0x7f}, short[2:]...)
	if _, err := ecdsaDERToP1363(long, 66); err == nil {
		t.Error("long form 81 7f accepted")
	}
}
