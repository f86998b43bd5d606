package pemtext

import (
	"bytes"
	"testing"
)

func TestBeginLinesAndMarks(t *testing.T) {
	for _, c := range []struct {
		text         string
		lines, marks int
	}{
		{"", 0, 0},
		{"-----BEGIN A-----\nx\n-----END A-----\n", 1, 1},
		{"text\n-----BEGIN A-----\n-----BEGIN B-----\r\n", 2, 2},
		{" -----BEGIN A-----\n", 0, 1},          // indented: pem.Decode skips it
		{`"-----BEGIN A-----` + "\n", 0, 1},     // after a quote
		{"see -----BEGIN A----- below\n", 0, 0}, // a mention is text
		{"-----BEGIN A----- and more\n", 1, 1},  // starts its line
		{"x -----BEGIN A-----\r\n", 0, 1},       // CRLF
		{"-----BEGIN", 0, 0},                    // no space: no BEGIN line
	} {
		if n := BeginLines([]byte(c.text)); n != c.lines {
			t.Errorf("BeginLines(%q) = %d, want %d", c.text, n, c.lines)
		}
		if n := BeginMarks([]byte(c.text)); n != c.marks {
			t.Errorf("BeginMarks(%q) = %d, want %d", c.text, n, c.marks)
		}
	}
}

// TestBeginMarksLinearNoAllocs: BeginMarks looks at each line once and
// allocates nothing, whatever the text (here one long line of markers, and
// many short lines, 1 MiB each: jwk.ParsePEM's bound).
func TestBeginMarksLinearNoAllocs(t *testing.T) {
	const size = 1 << 20
	long := bytes.Repeat([]byte("-----BEGIN "), size/11)
	short := bytes.Repeat([]byte(" -----BEGIN X-----\n"), size/19)
	if n := BeginMarks(long); n != 1 {
		t.Errorf("one line: %d marks", n)
	}
	if n := BeginMarks(short); n != size/19 {
		t.Errorf("%d lines: %d marks", size/19, n)
	}
	if a := testing.AllocsPerRun(3, func() { BeginMarks(long); BeginMarks(short) }); a != 0 {
		t.Errorf("%v allocations", a)
	}
}
