package std

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"encoding/binary"
	"encoding/hex"
	"testing"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
)

// ccmDefinition is AES-CCM written out as NIST SP 800-38C §6.1 states it,
// over whole buffers and with crypto/cipher's CBC and CTR modes: the
// formatted input B0 ‖ [a] ‖ A ‖ 0* ‖ P ‖ 0* (Appendix A.2) is
// CBC-encrypted under a zero IV, T is the first t bytes of the last block,
// C is P XOR the key stream from counter block 1 (A.3), and the output is
// C ‖ (T XOR the first t bytes of E(counter block 0)). It shares no code with
// ccm.go, and TestCCMDefinition pins it to RFC 3610's packet vectors before
// it is used where no published vector reaches.
func ccmDefinition(b cipher.Block, nonce, payload, ad []byte, t int) []byte {
	q := 15 - len(nonce)
	var b0 [16]byte
	b0[0] = byte(8*((t-2)/2) + q - 1)
	if len(ad) > 0 {
		b0[0] |= 0x40
	}
	copy(b0[1:], nonce)
	for i, n := 15, uint64(len(payload)); i > 15-q; i, n = i-1, n>>8 {
		b0[i] = byte(n)
	}
	in := append([]byte(nil), b0[:]...)
	if a := uint64(len(ad)); a > 0 {
		switch {
		case a < 1<<16-1<<8:
			in = binary.BigEndian.AppendUint16(in, uint16(a))
		case a < 1<<32:
			in = binary.BigEndian.AppendUint32(append(in, 0xff, 0xfe), uint32(a))
		default:
			in = binary.BigEndian.AppendUint64(append(in, 0xff, 0xff), a)
		}
		in = append(in, ad...)
		in = append(in, make([]byte, (16-len(in)%16)%16)...)
	}
	in = append(in, payload...)
	in = append(in, make([]byte, (16-len(in)%16)%16)...)
	cipher.NewCBCEncrypter(b, make([]byte, 16)).CryptBlocks(in, in)
	mac := in[len(in)-16:]

	var ctr [16]byte
	ctr[0] = byte(q - 1)
	copy(ctr[1:], nonce)
	var s0 [16]byte
	b.Encrypt(s0[:], ctr[:])
	out := make([]byte, len(payload), len(payload)+t)
	ctr[15] = 1
	cipher.NewCTR(b, ctr[:]).XORKeyStream(out, payload)
	for i := range t {
		out = append(out, mac[i]^s0[i])
	}
	return out
}

// TestCCMDefinition checks Seal and Open against RFC 3610 §8 packet vectors
// #1 and #2 (M = 8, L = 2; the 8 cleartext header bytes are the associated
// data), and then ccmDefinition, which those vectors pin, against ccm.go
// where no published vector reaches: associated data at the edges of the
// two-byte length form of SP 800-38C A.2.2 (2^16−2^8−1 bytes is the last
// two-byte length, 2^16−2^8 the first 0xff 0xfe form) and every nonce size
// from 7 to 13 bytes (L = 8 … 2).
func TestCCMDefinition(t *testing.T) {
	key := testenv.Hex(t, "c0c1c2c3c4c5c6c7c8c9cacbcccdcecf")
	blk, err := aes.NewCipher(key)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range []struct {
		name, nonce, ad, pt, out string
	}{
		{"packet vector #1", "00000003020100a0a1a2a3a4a5", "0001020304050607",
			"08090a0b0c0d0e0f101112131415161718191a1b1c1d1e",
			"588c979a61c663d2f066d0c2c0f989806d5f6b61dac38417e8d12cfdf926e0"},
		{"packet vector #2", "00000004030201a0a1a2a3a4a5", "0001020304050607",
			"08090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
			"72c91a36e135f8cf291ca894085c87e3cc15c439c9e43a3ba091d56e10400916"},
	} {
		nonce, ad, pt, out := testenv.Hex(t, v.nonce), testenv.Hex(t, v.ad), testenv.Hex(t, v.pt), testenv.Hex(t, v.out)
		if got := ccmDefinition(blk, nonce, pt, ad, 8); !bytes.Equal(got, out) {
			t.Fatalf("%s: the definition gives %x, want %x", v.name, got, out)
		}
		a, err := newCCM(blk, 13, 8)
		if err != nil {
			t.Fatal(err)
		}
		if got := a.Seal(nil, nonce, pt, ad); !bytes.Equal(got, out) {
			t.Errorf("%s: Seal = %x, want %x", v.name, got, out)
		}
		if got, err := a.Open(nil, nonce, out, ad); err != nil || !bytes.Equal(got, pt) {
			t.Errorf("%s: Open = %x, %v", v.name, got, err)
		}
	}

	payload := []byte("a payload of thirty-three bytes!!")
	for _, adLen := range []int{0, 1, 1<<16 - 1<<8 - 1, 1<<16 - 1<<8, 1<<16 - 1<<8 + 1, 1 << 16} {
		ad := bytes.Repeat([]byte{0x5a}, adLen)
		for nonceSize := 7; nonceSize <= 13; nonceSize++ {
			for _, tagSize := range []int{4, 10, 16} {
				nonce := bytes.Repeat([]byte{byte(nonceSize)}, nonceSize)
				want := ccmDefinition(blk, nonce, payload, ad, tagSize)
				a, err := newCCM(blk, nonceSize, tagSize)
				if err != nil {
					t.Fatal(err)
				}
				if got := a.Seal(nil, nonce, payload, ad); !bytes.Equal(got, want) {
					t.Errorf("ad %d bytes, nonce %d, tag %d: Seal = %x, want %x", adLen, nonceSize, tagSize, got, want)
				}
				if got, err := a.Open(nil, nonce, want, ad); err != nil || !bytes.Equal(got, payload) {
					t.Errorf("ad %d bytes, nonce %d, tag %d: Open = %q, %v", adLen, nonceSize, tagSize, got, err)
				}
			}
		}
	}
}

// TestCCMOpenNonceLength: Open refuses a nonce of any other length than the
// one the AEAD was made for, with the same error as a bad tag. Were it to
// go on, a nonce one byte short would act as the real one with a zero last
// byte, and one byte long as the real one with its last byte overwritten by
// the counter: both would open the message sealed under the real nonce,
// which ends in zero here.
func TestCCMOpenNonceLength(t *testing.T) {
	blk, _ := aes.NewCipher(make([]byte, 16))
	for _, nonceSize := range []int{7, 13} {
		a, err := newCCM(blk, nonceSize, 8)
		if err != nil {
			t.Fatal(err)
		}
		nonce := append(bytes.Repeat([]byte{9}, nonceSize-1), 0)
		ct := a.Seal(nil, nonce, []byte("payload"), nil)
		for _, n := range [][]byte{nonce[:nonceSize-1], append(nonce[:nonceSize:nonceSize], 0), append(nonce[:nonceSize:nonceSize], 9), nil} {
			if pt, err := a.Open(nil, n, ct, nil); err != errOpen {
				t.Errorf("nonce size %d, opened with %d bytes: %q, %v; want errOpen", nonceSize, len(n), pt, err)
			}
		}
	}
}

// TestCCMAllocations holds Seal and Open to no allocation when dst has room,
// for payloads below ctrStreamMin, whose key stream is made a block at a
// time in the pooled scratch (the longer ones use crypto/cipher's CTR,
// which allocates once).
func TestCCMAllocations(t *testing.T) {
	if testenv.Race {
		t.Skip("under the race detector sync.Pool drops items at random, so the pooled scratch is reallocated")
	}
	blk, _ := aes.NewCipher(make([]byte, 16))
	a, _ := newCCM(blk, 13, 16)
	nonce := make([]byte, 13)
	msg := make([]byte, ctrStreamMin-1)
	buf := make([]byte, 0, len(msg)+16)
	ad := []byte("ad")
	ct := a.Seal(nil, nonce, msg, ad)
	if n := testing.AllocsPerRun(50, func() {
		a.Seal(buf[:0], nonce, msg, ad)
		if _, err := a.Open(buf[:0], nonce, ct, ad); err != nil {
			t.Fatal(err)
		}
	}); n != 0 {
		t.Errorf("Seal and Open of %d bytes: %v allocations, want 0", len(msg), n)
	}
}

// TestCCMADLengthForms pins the three encodings of the associated data's
// length (SP 800-38C A.2.2) at their edges, the six- and ten-byte forms
// included, which no test can reach with real data (the ten-byte form
// starts at 4 GiB).
func TestCCMADLengthForms(t *testing.T) {
	for _, v := range []struct {
		a    uint64
		want string
	}{
		{1, "0001"},
		{1<<16 - 1<<8 - 1, "feff"},
		{1<<16 - 1<<8, "fffe0000ff00"},
		{1<<32 - 1, "fffeffffffff"},
		{1 << 32, "ffff0000000100000000"},
		{1<<64 - 1, "ffffffffffffffffffff"},
	} {
		var hdr [10]byte
		if got := hex.EncodeToString(adLength(&hdr, v.a)); got != v.want {
			t.Errorf("length %d: %s, want %s", v.a, got, v.want)
		}
	}
}
