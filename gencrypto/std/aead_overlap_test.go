package std

import (
	"bytes"
	"crypto"
	"crypto/cipher"
	"fmt"
	"testing"
)

// overlapAEADs are the constructions this package writes itself, at both
// CCM code paths (block by block below ctrStreamMin, crypto/cipher's CTR
// from it).
func overlapAEADs(t *testing.T) map[string]cipher.AEAD {
	t.Helper()
	b := New()
	out := map[string]cipher.AEAD{}
	for name, p := range map[string]struct {
		prim       string
		nonce, tag int
		h          crypto.Hash
	}{
		"ccm":      {primAESCCM, 13, 8, 0},
		"cbc-hmac": {primAESCBCHMAC, 16, 16, crypto.SHA256},
	} {
		a, err := b.NewAEAD(p.prim, bytes.Repeat([]byte{7}, 32), p.nonce, p.tag, p.h)
		if err != nil {
			t.Fatal(err)
		}
		out[name] = a
	}
	return out
}

// noPanic runs f and turns a panic into an error.
func noPanic(f func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	f()
	return nil
}

// TestAEADPartialOverlapSealsAndOpens: Seal and Open of CCM and CBC-HMAC
// give the same result when dst's spare capacity overlaps the input at an
// offset (before or after it, by less or more than a block) as with
// separate buffers. The CCM code used to XOR block by block from the input
// into an output that ran ahead of it, clobbering input not yet read: a
// Seal silently produced a message that never opened, and at 512 bytes and
// more crypto/cipher's CTR panicked instead, after nothing or, in Open,
// part of the unauthenticated plaintext had been written.
func TestAEADPartialOverlapSealsAndOpens(t *testing.T) {
	for name, a := range overlapAEADs(t) {
		nonce := bytes.Repeat([]byte{1}, a.NonceSize())
		ad := []byte("header")
		for _, n := range []int{40, 600} {
			msg := bytes.Repeat([]byte("0123456789abcdef"), n/16+1)[:n]
			want := a.Seal(nil, nonce, msg, ad)
			for _, shift := range []int{-17, -16, -1, 1, 16, 17} {
				// The input sits at 64; dst (empty) at 64+shift.
				const at = 64
				buf := make([]byte, 2048)
				pt := buf[at : at+n]
				copy(pt, msg)
				var got []byte
				if err := noPanic(func() { got = a.Seal(buf[at+shift:at+shift], nonce, pt, ad) }); err != nil {
					t.Errorf("%s n=%d shift=%d: Seal: %v", name, n, shift, err)
				} else if !bytes.Equal(got, want) {
					t.Errorf("%s n=%d shift=%d: Seal with overlapping dst differs", name, n, shift)
				}

				clear(buf)
				ct := buf[at : at+len(want)]
				copy(ct, want)
				var opened []byte
				var err error
				if perr := noPanic(func() { opened, err = a.Open(buf[at+shift:at+shift], nonce, ct, ad) }); perr != nil {
					t.Errorf("%s n=%d shift=%d: Open: %v", name, n, shift, perr)
				} else if err != nil || !bytes.Equal(opened, msg) {
					t.Errorf("%s n=%d shift=%d: Open with overlapping dst = %v", name, n, shift, err)
				}
			}
		}
	}
}

// TestAEADAdditionalDataInDst: cipher.AEAD forbids additional data that
// overlaps dst, but a construction that reads it after writing the output
// authenticates bytes the caller never gave. CBC-HMAC's Seal hashed A after
// encrypting, so with A in dst's spare capacity it sealed a message no one
// could open; CCM's Open authenticated A after decrypting over it, so it
// refused a valid message. Both now absorb A first.
func TestAEADAdditionalDataInDst(t *testing.T) {
	for name, a := range overlapAEADs(t) {
		nonce := bytes.Repeat([]byte{2}, a.NonceSize())
		msg := bytes.Repeat([]byte{'m'}, 40)
		adText := []byte("associated data, 28 bytes..")
		want := a.Seal(nil, nonce, msg, adText)

		buf := make([]byte, 256)
		ad := buf[8 : 8+len(adText)]
		copy(ad, adText)
		var got []byte
		if err := noPanic(func() { got = a.Seal(buf[:0], nonce, msg, ad) }); err != nil {
			t.Errorf("%s: Seal: %v", name, err)
		} else if !bytes.Equal(got, want) {
			t.Errorf("%s: Seal with A in dst's capacity authenticated other bytes", name)
		}

		clear(buf)
		ad = buf[8 : 8+len(adText)]
		copy(ad, adText)
		var opened []byte
		var err error
		if perr := noPanic(func() { opened, err = a.Open(buf[:0], nonce, want, ad) }); perr != nil {
			t.Errorf("%s: Open: %v", name, perr)
		} else if err != nil || !bytes.Equal(opened, msg) {
			t.Errorf("%s: Open with A in dst's capacity = %v", name, err)
		}
	}
}

// TestAEADFailedOpenLeavesNoPlaintext: CCM decrypts before it can check
// the tag, into dst's spare capacity; when the tag does not check, none of
// the plaintext is left there, whether dst is a separate buffer or the
// ciphertext itself (in place). CBC-HMAC checks the tag first and writes
// nothing for a bad tag.
func TestAEADFailedOpenLeavesNoPlaintext(t *testing.T) {
	for name, a := range overlapAEADs(t) {
		nonce := bytes.Repeat([]byte{3}, a.NonceSize())
		msg := bytes.Repeat([]byte("secret!!"), 80) // 640 bytes: both CCM paths are covered below
		for _, n := range []int{40, len(msg)} {
			ct := a.Seal(nil, nonce, msg[:n], nil)
			ct[len(ct)-1] ^= 1
			sep := make([]byte, 0, len(ct))
			inPlace := bytes.Clone(ct)
			for what, dst := range map[string][]byte{"separate dst": sep, "in place": inPlace[:0]} {
				src := ct
				if what == "in place" {
					src = inPlace
				}
				if out, err := a.Open(dst, nonce, src, nil); err == nil {
					t.Fatalf("%s: opened a bad tag: %q", name, out)
				}
				if bytes.Contains(dst[:cap(dst)], msg[:8]) {
					t.Errorf("%s, %d bytes, %s: a failed Open left plaintext in dst's capacity", name, n, what)
				}
			}
		}
	}
}
