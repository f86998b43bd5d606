package lecp

import (
	"testing"
	"unicode/utf8"
)

// TestValidUTF8 compares validUTF8 with utf8.Valid on every 1-, 2- and
// 3-byte input, each alone, behind 7 ASCII bytes (so the 8-byte ASCII step
// stops inside it) and followed by 4-byte sequences' lead bytes.
func TestValidUTF8(t *testing.T) {
	buf := []byte("abcdefg___\xf0")
	check := func(b []byte) {
		if got, want := validUTF8(b), utf8.Valid(b); got != want {
			t.Fatalf("validUTF8(%x) = %v, utf8.Valid %v", b, got, want)
		}
	}
	// short inputs inside a larger buffer of non-ASCII bytes: validUTF8
	// reads a word up to the capacity and must mask the rest away
	wide := make([]byte, 16)
	checkWide := func(b ...byte) {
		for i := range wide {
			wide[i] = 0xff
		}
		copy(wide, b)
		check(wide[:len(b)])
	}
	for a := range 256 {
		check([]byte{byte(a)})
		checkWide(byte(a))
		checkWide('a', 'b', 'c', 'd', 'e', 'f', byte(a))
		for b := range 256 {
			check([]byte{byte(a), byte(b)})
			checkWide(byte(a), byte(b))
			if a < 0x80 {
				continue
			}
			for c := range 256 {
				buf[7], buf[8], buf[9] = byte(a), byte(b), byte(c)
				check(buf[7:10])
				check(buf[:10])
				check(buf[7:])
			}
		}
	}
	for _, s := range []string{"\xf0\x9f\x98\x80", "\xf0\x8f\xbf\xbf", "\xf4\x8f\xbf\xbf", "\xf4\x90\x80\x80", "\xf5\x80\x80\x80", "日本語 and English, mixed: ünïcödé ✓ 😀"} {
		check([]byte(s))
		check([]byte(s)[:len(s)-1])
	}
}

// TestShortASCII: shortASCII accepts exactly the ASCII strings of at most
// 16 bytes (with the capacity to read two words), whatever follows them.
func TestShortASCII(t *testing.T) {
	buf := make([]byte, 40)
	for n := 0; n <= 17; n++ {
		for bad := -1; bad < n; bad++ {
			for i := range buf {
				buf[i] = 0xff // non-ASCII after the string
			}
			for i := range n {
				buf[i] = 'a' + byte(i)
			}
			if bad >= 0 {
				buf[bad] = 0x80
			}
			want := bad < 0 && n <= 16
			if got := shortASCII(buf[:n]); got != want {
				t.Fatalf("n %d, non-ASCII at %d: %v", n, bad, got)
			}
			if got := shortASCII(buf[:n:n]); got && n < 16 {
				t.Fatalf("n %d without capacity: true", n)
			}
		}
	}
}
