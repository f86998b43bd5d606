package lejp

import (
	"bytes"
	"errors"
	"testing"
	"testing/iotest"
)

// trailOffset returns the offset of err as a *SyntaxError wrapping
// ErrTrailingData, or -1 and a description.
func trailOff(t *testing.T, who string, err error) int64 {
	t.Helper()
	var se *SyntaxError
	if !errors.Is(err, ErrTrailingData) || !errors.As(err, &se) {
		t.Errorf("%s: err = %v, want ErrTrailingData", who, err)
		return -1
	}
	return se.Offset
}

// TestTrailingDataSameOffsetEveryReader feeds each input to every reader
// and checks each reports ErrTrailingData at the same offset.
func TestTrailingDataSameOffsetEveryReader(t *testing.T) {
	cases := []struct {
		in       string
		off      int64
		comments bool
	}{
		{"1 2", 2, false},
		{"1x", 1, false},
		{`"a"x`, 3, false},
		{`"a" "b"`, 4, false},
		{"{} {}", 3, false},
		{"[1]]", 3, false},
		{"true false", 5, false},
		{"null\t\r\n 0", 8, false},
		{"[] \n\t\r]", 6, false},
		{"1 # c\n2", 6, true},
		{"1#\n#\n\"a\"", 5, true},
		{"{}#x\nx", 5, true},
		{"1true", 1, false},
		{"\"a\"1", 3, false},
		{"[]\"a\"", 2, false},
		{"\"s\"#", 3, false},
		{"0 0", 2, false},
		{"-1.5e3 ,", 7, false},
	}
	for _, c := range cases {
		in := []byte(c.in)
		var opts *Options
		if c.comments {
			opts = &Options{AllowComments: true}
		}
		name := c.in
		got := map[string]int64{}
		got["Check"] = trailOff(t, name+" Check", Check(in, opts))
		if !c.comments && Valid(in) {
			t.Errorf("%q: Valid = true", c.in)
		}
		for hn, h := range map[string]Handler{
			"Func":  HandlerFunc(func(*Parser, Event) error { return nil }),
			"Iface": trailIfaceHandler{},
		} {
			p, err := NewParser(h, opts)
			if err != nil {
				t.Fatal(err)
			}
			_, err = p.Write(in)
			if err == nil {
				err = p.Close()
			}
			got["Parser"+hn] = trailOff(t, name+" Parser"+hn, err)
			p.Reset()
			err = nil
			for i := 0; i < len(in) && err == nil; i++ {
				_, err = p.Write(in[i : i+1])
			}
			if err == nil {
				err = p.Close()
			}
			got["Parser1"+hn] = trailOff(t, name+" Parser bytewise"+hn, err)
		}
		for _, mk := range []struct {
			n string
			f func() *Decoder
		}{
			{"Bytes", func() *Decoder { return NewDecoderBytes(in, opts) }},
			{"OneByte", func() *Decoder { return NewDecoder(iotest.OneByteReader(bytes.NewReader(in)), opts) }},
		} {
			d := mk.f()
			var err error
			for err == nil {
				_, err = d.ReadToken()
			}
			got["ReadToken"+mk.n] = trailOff(t, name+" ReadToken"+mk.n, err)
			d = mk.f()
			_, err = d.ReadValue()
			if err == nil {
				_, err = d.ReadValue()
			}
			got["ReadValue"+mk.n] = trailOff(t, name+" ReadValue"+mk.n, err)
			d = mk.f()
			err = d.SkipValue()
			if err == nil {
				err = d.SkipValue()
			}
			got["SkipValue"+mk.n] = trailOff(t, name+" SkipValue"+mk.n, err)
			d = mk.f()
			err = d.Finish()
			got["Finish"+mk.n] = trailOff(t, name+" Finish"+mk.n, err)
			d = mk.f()
			if _, err := d.ReadValue(); err == nil {
				err = d.Finish()
				got["ReadValueFinish"+mk.n] = trailOff(t, name+" ReadValue+Finish"+mk.n, err)
			}
			d = mk.f()
			_, err = d.ReadToken()
			if err == nil && d.Depth() == 0 {
				err = d.Finish()
				got["TokenFinish"+mk.n] = trailOff(t, name+" ReadToken+Finish"+mk.n, err)
			}
		}
		for k, v := range got {
			if v != c.off {
				t.Errorf("%q: %s offset %d, want %d", c.in, k, v, c.off)
			}
		}
	}
}

type trailIfaceHandler struct{}

func (trailIfaceHandler) HandleEvent(*Parser, Event) error { return nil }

// TestTrailingDataSequencesStillAccepted: with AllowMultipleValues (and in
// Values and ReadValues, which imply it) a second value is the next one,
// not ErrTrailingData, after every kind of value, whitespace and comment.
func TestTrailingDataSequencesStillAccepted(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"1 2", []string{"1", "2"}},
		{"{}{}", []string{"{}", "{}"}},
		{`"a""b"`, []string{`"a"`, `"b"`}},
		{"[1]\t\r\n true", []string{"[1]", "true"}},
		{"1 # c\n2 #\n", []string{"1", "2"}},
		{"null#\n[]", []string{"null", "[]"}},
	}
	opts := &Options{AllowComments: true}
	for _, c := range cases {
		if err := Check([]byte(c.in), &Options{AllowComments: true, AllowMultipleValues: true}); err != nil {
			t.Errorf("Check(%q, multi) = %v", c.in, err)
		}
		for n, seq := range map[string]func() []string{
			"Values": func() (out []string) {
				for v, err := range Values([]byte(c.in), opts) {
					if err != nil {
						t.Errorf("Values(%q): %v", c.in, err)
					}
					out = append(out, string(v))
				}
				return out
			},
			"ReadValues": func() (out []string) {
				for v, err := range ReadValues(iotest.OneByteReader(bytes.NewReader([]byte(c.in))), opts) {
					if err != nil {
						t.Errorf("ReadValues(%q): %v", c.in, err)
					}
					out = append(out, string(v))
				}
				return out
			},
		} {
			got := seq()
			if len(got) != len(c.want) {
				t.Errorf("%s(%q) = %q, want %q", n, c.in, got, c.want)
				continue
			}
			for i := range got {
				if got[i] != c.want[i] {
					t.Errorf("%s(%q) = %q, want %q", n, c.in, got, c.want)
				}
			}
		}
	}
}
