package lejp

import (
	"errors"
	"fmt"
	"io"
	"math/rand"
	"strings"
	"testing"
)

// patReader returns its input in Reads of the sizes in pat, in turn.
type patReader struct {
	b   []byte
	pat []int
	i   int
}

func (r *patReader) Read(p []byte) (int, error) {
	if len(r.b) == 0 {
		return 0, io.EOF
	}
	n := r.pat[r.i%len(r.pat)]
	r.i++
	k := copy(p[:min(len(p), n)], r.b)
	r.b = r.b[k:]
	return k, nil
}

func probeDecoder(d *Decoder) string {
	var sb strings.Builder
	for i := 0; i < 100; i++ {
		t, err := d.ReadToken()
		if err == io.EOF {
			if err := d.Finish(); err != nil {
				fmt.Fprintf(&sb, "finish %v", err)
			}
			sb.WriteString("EOF")
			return sb.String()
		}
		if err != nil {
			var se *SyntaxError
			if errors.As(err, &se) {
				fmt.Fprintf(&sb, "err %v|%s", err, se.Path)
			} else {
				fmt.Fprintf(&sb, "err %v", err)
			}
			return sb.String()
		}
		fmt.Fprintf(&sb, "%v %q @%d %s;", t.Kind, t.Value, t.Offset, d.Pointer())
	}
	return sb.String()
}

func probeParser(in []byte, opts *Options, pat []int) string {
	var sb strings.Builder
	p, _ := NewParser(HandlerFunc(func(p *Parser, ev Event) error {
		fmt.Fprintf(&sb, "%v %q @%d %s;", ev.Kind, ev.Value, ev.Offset, p.Pointer())
		return nil
	}), opts)
	var err error
	for i := 0; len(in) > 0; i++ {
		n := len(in)
		if pat != nil {
			n = min(n, pat[i%len(pat)])
		}
		if _, err = p.Write(in[:n]); err != nil {
			break
		}
		in = in[n:]
	}
	if err == nil {
		err = p.Close()
	}
	if err != nil {
		var se *SyntaxError
		if errors.As(err, &se) {
			fmt.Fprintf(&sb, "err %v|%s", err, se.Path)
		} else {
			fmt.Fprintf(&sb, "err %v", err)
		}
		return sb.String()
	}
	sb.WriteString("EOF")
	return sb.String()
}

// A Decoder reading a number cut by its buffer resumes its scan where it
// stopped (numPart, 89ce1f4) instead of starting again from the number's
// first byte. Over readers of every small size and mixed patterns it must
// give what the whole input gives: the same tokens (kind, value, offset,
// pointer) and the same error (cause, offset, path), and so must the
// Parser written in pieces and Check; around MaxNumberLen too (limits 1
// to 8), at the input's end, before every kind of byte, inside arrays and
// objects, and with AllowMultipleValues.
func TestDecoderNumberResumeAgreesWithWholeInput(t *testing.T) {
	nums := []string{"0", "-0", "1", "-", "-a", "01", "1.", "1.5", "1e", "1e+", "1e-5", "1E5", "1.5e+10",
		"0.0e0", "--1", "1..2", "1.2.3", "1ee5", "1e5.5", "+1", ".5", "-.5", "123456789", "1e+-5", "0x1",
		"00", "-01", "-0.", "0e", "0E-", "12345678901234567890", "1.0000000000", "9e99999", "-9.9e-9",
		"1e+5+", "1e5e", "0.e1", "1.e1", "-e", "1-", "1+", "1.5-", "2E+0", "0-", "0.0.0", "-0e-0"}
	rng := rand.New(rand.NewSource(1))
	const alpha = "0123456789.-+eE"
	for i := 0; i < 12; i++ {
		n := 1 + rng.Intn(11)
		b := make([]byte, n)
		for j := range b {
			b[j] = alpha[rng.Intn(len(alpha))]
		}
		nums = append(nums, string(b))
	}
	ctxs := []string{" %s\n", "[1,%s]", "{\"a\": %s,\"b\":1}", "%s\n%s"}
	follows := []byte{0, ' ', '\n', ',', ']', '}', ':', '"', '#', 'x', '0', '.', 'e', '-', '+', '[', 0xff}
	pats := [][]int{{1}, {2}, {3}, {7}, {2, 5, 1}}
	limits := []int{0, 1, 3, 8}
	var fails int
	check := func(in []byte, opts *Options) {
		want := probeDecoder(NewDecoderBytes(in, opts))
		for _, pat := range pats {
			if got := probeDecoder(NewDecoder(&patReader{b: in, pat: pat}, opts)); got != want {
				if fails++; fails < 20 {
					t.Errorf("%q opts %+v pat %v:\n got %s\nwant %s", in, *opts, pat, got, want)
				}
			}
		}
		for _, pat := range [][]int{nil, {1}} {
			if got := probeParser(in, opts, pat); got != want {
				if fails++; fails < 20 {
					t.Errorf("parser %q opts %+v pat %v:\n got %s\nwant %s", in, *opts, pat, got, want)
				}
			}
		}
		cerr := Check(in, opts)
		de := NewDecoderBytes(in, opts)
		var derr error
		for {
			if _, derr = de.ReadToken(); derr != nil {
				break
			}
		}
		if derr == io.EOF {
			derr = de.Finish()
		}
		if fmt.Sprint(cerr) != fmt.Sprint(derr) {
			if fails++; fails < 20 {
				t.Errorf("check %q opts %+v: %v vs decoder %v", in, *opts, cerr, derr)
			}
		}
	}
	for _, num := range nums {
		for _, ctx := range ctxs {
			var in string
			if strings.Count(ctx, "%s") == 2 {
				in = fmt.Sprintf(ctx, num, num)
			} else {
				in = fmt.Sprintf(ctx, num)
			}
			for _, lim := range limits {
				for _, multi := range []bool{false, strings.Count(ctx, "%s") == 2} {
					opts := &Options{MaxNumberLen: lim, AllowMultipleValues: multi}
					check([]byte(in), opts)
				}
			}
		}
		for _, f := range follows {
			for _, pre := range []string{"", "["} {
				in := pre + num + string([]byte{f})
				check([]byte(in), &Options{MaxNumberLen: 3})
				check([]byte(in), &Options{AllowComments: true, AllowMultipleValues: true})
			}
		}
	}
}

// The same for ReadValue and SkipValue, whose values the Decoder pins
// across refills, under small MaxValueLen.
func TestDecoderNumberResumeReadValueSkipValue(t *testing.T) {
	nums := []string{"0", "-0", "1", "-", "01", "1.", "1.5", "1e", "1e+", "1e-5", "1.5e+10", "1.2.3", "123456789", "-0.", "1e5e", "-9.9e-9"}
	ctxs := []string{"%s", "[%s]", "[1,%s]", "{\"a\":%s}", "[[%s],%s]", "[1,", "[1, ", "{\"a\":1,", "[[1],", "[%s,", "{\"a\":[%s,"}
	pats := [][]int{{1}, {2}, {3}, {2, 5, 1}}
	fails := 0
	for _, num := range nums {
		for _, ctx := range ctxs {
			in := []byte(strings.ReplaceAll(ctx, "%s", num))
			for _, lim := range []int{0, 4} {
				for _, mv := range []int{0, 1, 3, 8} {
					opts := &Options{MaxNumberLen: lim, MaxValueLen: mv}
					for _, mode := range []string{"value", "skip", "tok1value", "tok1skip"} {
						run := func(d *Decoder) string {
							var sb strings.Builder
							if strings.HasPrefix(mode, "tok1") {
								tk, err := d.ReadToken()
								fmt.Fprintf(&sb, "%v %v;", tk.Kind, err)
								if err != nil {
									return sb.String()
								}
							}
							for i := 0; i < 5; i++ {
								var err error
								if strings.HasSuffix(mode, "value") {
									var v []byte
									v, err = d.ReadValue()
									fmt.Fprintf(&sb, "%q %v %s @%d;", v, err, d.Pointer(), d.InputOffset())
								} else {
									err = d.SkipValue()
									fmt.Fprintf(&sb, "%v %s @%d;", err, d.Pointer(), d.InputOffset())
								}
								if err != nil {
									break
								}
							}
							return sb.String()
						}
						want := run(NewDecoder(&patReader{b: in, pat: []int{1 << 20}}, opts))
						for _, pat := range pats {
							if got := run(NewDecoder(&patReader{b: in, pat: pat}, opts)); got != want {
								if fails++; fails < 20 {
									t.Errorf("%s %q %+v %v:\n got %s\nwant %s", mode, in, *opts, pat, got, want)
								}
							}
						}
					}
				}
			}
		}
	}
}

type errAfter struct {
	r   io.Reader
	n   int
	err error
}

func (e *errAfter) Read(p []byte) (int, error) {
	if e.n <= 0 {
		return 0, e.err
	}
	p = p[:min(len(p), e.n)]
	n, err := e.r.Read(p)
	e.n -= n
	return n, err
}

// A Decoder reset after a reader failed inside a number reads the next
// input from scratch: nothing of the cut number is resumed.
func TestDecoderNumberResumeReset(t *testing.T) {
	// A number cut by a failing reader, then Reset onto inputs with a
	// number at the same offset.
	boom := errors.New("boom")
	for _, first := range []string{"[123456", "[1.5e", "[-", "[1.", "12345", "1e+"} {
		for cut := 1; cut < len(first); cut++ {
			for _, second := range []string{"[1e5]", "[-1]", "[0.5]", "[123456]", "1", "-0.0e-0", "[1x]", "[1.]", "123456789"} {
				opts := &Options{}
				d := NewDecoder(&errAfter{r: &patReader{b: []byte(first), pat: []int{1}}, n: cut, err: boom}, opts)
				probeDecoder(d)
				d.Reset(&patReader{b: []byte(second), pat: []int{1}})
				got := probeDecoder(d)
				want := probeDecoder(NewDecoderBytes([]byte(second), opts))
				if got != want {
					t.Errorf("%q cut %d then %q:\n got %s\nwant %s", first, cut, second, got, want)
				}
				d.ResetBytes([]byte(second))
				if got := probeDecoder(d); got != want {
					t.Errorf("bytes %q cut %d then %q:\n got %s\nwant %s", first, cut, second, got, want)
				}
			}
		}
	}
}

// Input ending after an array's comma names the element due (955e142)
// alike in every reader: Decoder over any pieces, Parser, Check, and
// SkipValue, ReadValue and Finish.
func TestEOFAfterCommaReadersAgree(t *testing.T) {
	for _, in := range []string{"[1,", "[1, ", "[1,\n", "[[1],", "[{},", "{\"a\":[1,", "{\"a\":[1,2,  ", "[1,#x\n", "[1,#x", "[\"a\",", "[true,", "[[[1,", "[1,2,3,4,5,6,7,8,9,10,", "[1,]", "[1,,", "{\"a\":1,", "[", "[ ", "{\"a\":", "[1,2"} {
		for _, opts := range []*Options{{}, {AllowComments: true}, {AllowMultipleValues: true}, {AllowComments: true, AllowMultipleValues: true}} {
			b := []byte(in)
			want := probeDecoder(NewDecoderBytes(b, opts))
			for _, pat := range [][]int{{1}, {2}, {3}, {1 << 20}} {
				if got := probeDecoder(NewDecoder(&patReader{b: b, pat: pat}, opts)); got != want {
					t.Errorf("%q %+v %v:\n got %s\nwant %s", in, *opts, pat, got, want)
				}
			}
			for _, pat := range [][]int{nil, {1}, {2}} {
				if got := probeParser(b, opts, pat); got != want {
					t.Errorf("parser %q %+v %v:\n got %s\nwant %s", in, *opts, pat, got, want)
				}
			}
			cerr := Check(b, opts)
			for _, mode := range []string{"skip", "value", "finish"} {
				for _, pat := range [][]int{{1}, {1 << 20}} {
					d := NewDecoder(&patReader{b: b, pat: pat}, opts)
					var err error
					switch mode {
					case "skip":
						err = d.SkipValue()
					case "value":
						_, err = d.ReadValue()
					case "finish":
						err = d.Finish()
					}
					if err != nil && cerr != nil && err.Error() != cerr.Error() {
						t.Errorf("%s %q %+v %v: %v vs Check %v", mode, in, *opts, pat, err, cerr)
					}
				}
			}
		}
	}
}
