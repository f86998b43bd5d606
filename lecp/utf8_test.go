package lecp

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/lwscrypto/lwscrypto/internal/testenv"
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

// TestValidUTF8Short compares validUTF8 with utf8.Valid on every input of
// 0 to 7 bytes (those below a word) over an alphabet of ASCII and the
// bytes at the edges of UTF-8's ranges, each at the end of a buffer's
// capacity (nothing to read past it) and with non-ASCII bytes after it.
func TestValidUTF8Short(t *testing.T) {
	alpha := []byte{'a', 0x7f, 0x80, 0x8f, 0x90, 0xa0, 0xbf, 0xc2, 0xe0, 0xed, 0xf0, 0xf4, 0xff}
	maxLen := 7
	if testing.Short() || testenv.Race {
		maxLen = 6
	}
	tight := make([]byte, 8)
	roomy := make([]byte, 16)
	var digits [8]int
	for n := 0; n <= maxLen; n++ {
		digits = [8]int{}
		for {
			s := tight[8-n : 8 : 8]
			for i := range n {
				s[i] = alpha[digits[i]]
			}
			for i := range roomy {
				roomy[i] = 0xff
			}
			copy(roomy, s)
			want := utf8.Valid(s)
			if got := validUTF8(s); got != want {
				t.Fatalf("validUTF8(%x) = %v, utf8.Valid %v", s, got, want)
			}
			if got := validUTF8(roomy[:n]); got != want {
				t.Fatalf("validUTF8(%x), 0xff after it = %v, utf8.Valid %v", s, got, want)
			}
			i := 0
			for ; i < n; i++ {
				if digits[i]++; digits[i] < len(alpha) {
					break
				}
				digits[i] = 0
			}
			if i == n {
				break
			}
		}
	}
}

// TestValidUTF8Long compares validUTF8 with utf8.Valid on text around and
// above the length from which the simd build hands it to utf8simd.Valid
// (64 bytes): a bad or cut sequence at every offset of ASCII and of CJK
// text, and a checked CBOR text string carrying each, so that the
// strict check's verdict on long text is utf8.Valid's in both builds.
func TestValidUTF8Long(t *testing.T) {
	bad := []string{"\xe2\x82", "\xed\xa0\x80", "\xc0\xaf", "\xf4\x90\x80\x80", "\x80", "\xf0\x9f\x98"}
	for _, base := range [][]byte{[]byte(strings.Repeat("a", 160)), []byte(strings.Repeat("日本", 27))} {
		for _, b := range bad {
			for off := 0; off <= len(base); off += 1 + off/64 {
				s := append(append(append([]byte{}, base[:off]...), b...), base[off:]...)
				for _, in := range [][]byte{s, s[:off+len(b)]} {
					want := utf8.Valid(in)
					if got := validUTF8(in); got != want {
						t.Fatalf("validUTF8(%q) = %v, utf8.Valid %v", in, got, want)
					}
					err := Check(AppendTextBytes(nil, in), nil)
					if got := err == nil; got != want {
						t.Fatalf("Check of text %q: %v, utf8.Valid %v", in, err, want)
					}
				}
			}
		}
		if !validUTF8(base) || Check(AppendTextBytes(nil, base), nil) != nil {
			t.Fatalf("valid text %q refused", base)
		}
	}
}
