package jwt

// This file reads a NumericDate (RFC 7519 §2) written with a fraction or
// an exponent exactly, from its decimal digits: a float64 holds about 16
// significant digits, so "1800000000.0000001" would be 1800000000 and a
// number just beyond the reader's range would round into it.

// parseDate reads the JSON number b (lejp has checked its syntax) as the
// least nanosecond at or above it: every time a comparison meets has whole
// nanoseconds, and for such a time t, t < d exactly when t is before that
// nanosecond, so the "exp", "nbf" and "iat" checks give the number's
// verdict. ok is false for a number beyond ±maxDate seconds.
func parseDate(b []byte) (d numericDate, ok bool) {
	neg := len(b) > 0 && b[0] == '-'
	if neg {
		b = b[1:]
	}
	// The mantissa's digits are intPart then frac; the exponent moves the
	// decimal point from after intPart by exp places.
	n := 0
	for n < len(b) && '0' <= b[n] && b[n] <= '9' {
		n++
	}
	intPart, rest := b[:n], b[n:]
	var frac []byte
	if len(rest) > 0 && rest[0] == '.' {
		n = 1
		for n < len(rest) && '0' <= rest[n] && rest[n] <= '9' {
			n++
		}
		frac, rest = rest[1:n], rest[n:]
	}
	exp := 0
	if len(rest) > 0 && (rest[0] == 'e' || rest[0] == 'E') {
		rest = rest[1:]
		eneg := len(rest) > 0 && rest[0] == '-'
		if len(rest) > 0 && (rest[0] == '-' || rest[0] == '+') {
			rest = rest[1:]
		}
		for _, c := range rest {
			if exp < 1<<20 { // beyond it, the number is 0 or out of range either way
				exp = exp*10 + int(c-'0')
			}
		}
		if eneg {
			exp = -exp
		}
	}
	// digit(i) is the i-th significant digit (0 past the end); point is
	// how many of them stand before the decimal point (0 or less for a
	// number below 1).
	lead := 0
	for lead < len(intPart)+len(frac) && digitAt(intPart, frac, lead) == 0 {
		lead++
	}
	nd := len(intPart) + len(frac) - lead
	if nd == 0 {
		return numericDate{}, true
	}
	point := len(intPart) - lead + exp
	if point > 16 { // at least 10^16 > 2^53
		return numericDate{}, false
	}
	digit := func(i int) int64 {
		if i < 0 || i >= nd {
			return 0
		}
		return int64(digitAt(intPart, frac, lead+i))
	}
	var sec, nsec int64
	for i := 0; i < point; i++ {
		sec = sec*10 + digit(i)
	}
	for i := point; i < point+9; i++ {
		nsec = nsec*10 + digit(i)
	}
	inexact := false
	for i := max(point+9, 0); i < nd && !inexact; i++ {
		inexact = digit(i) != 0
	}
	if sec > maxDate || sec == maxDate && (nsec != 0 || inexact) {
		return numericDate{}, false
	}
	if !neg {
		// up to the next nanosecond
		if inexact {
			if nsec++; nsec == 1e9 {
				sec, nsec = sec+1, 0
			}
		}
		return numericDate{sec: sec, nsec: int32(nsec)}, true
	}
	// -(sec.nsec…): the nanosecond at or above it is -(sec.nsec), the
	// digits beyond the nanosecond dropped
	if nsec == 0 {
		return numericDate{sec: -sec}, true
	}
	return numericDate{sec: -sec - 1, nsec: int32(1e9 - nsec)}, true
}

// digitAt returns the value of the i-th digit of intPart followed by frac.
func digitAt(intPart, frac []byte, i int) byte {
	if i < len(intPart) {
		return intPart[i] - '0'
	}
	return frac[i-len(intPart)] - '0'
}
