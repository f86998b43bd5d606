package lejp

import (
	"testing"
)

// Golden event traces, as lws tests lejp: each case's trace is checked
// whole, one byte per Write and split at every offset. A line is
// "offset kind pointer [value] [#pattern path *wildcard…]".
var goldenCases = []struct {
	name string
	opts *Options
	pats []string
	in   string
	want string
}{
	{
		name: "long string in pieces, never inside a UTF-8 sequence",
		opts: &Options{StringChunk: 8},
		in:   `["abcdefgé€xyz\u00e9\ud83d\ude00!", "12345678", "123456789"]`,
		want: `0 array-start 
1 string-chunk /0 "abcdefg"
1 string-chunk /0 "é€xyz"
1 string /0 "é😀!"
39 string /1 "12345678"
51 string-chunk /2 "12345678"
51 string /2 "9"
62 array-end 
`,
	},
	{
		name: "patterns and wildcards",
		pats: []string{"keys[].kid", "a.*.c", "x.*", ""},
		in:   `{"keys":[{"kid":"k1","n":1},{"kid":"k2"}],"a":{"b":{"c":true,"d":0},"e":{"c":null}},"x":{"y":[{"z":1}]}}`,
		want: `0 object-start  #3 
1 name /keys "keys"
8 array-start /keys
9 object-start /keys/0
10 name /keys/0/kid "kid" #0 keys[].kid
16 string /keys/0/kid "k1" #0 keys[].kid
21 name /keys/0/n "n"
25 int /keys/0/n "1"
26 object-end /keys/0
28 object-start /keys/1
29 name /keys/1/kid "kid" #0 keys[].kid
35 string /keys/1/kid "k2" #0 keys[].kid
39 object-end /keys/1
40 array-end /keys
42 name /a "a"
46 object-start /a
47 name /a/b "b"
51 object-start /a/b
52 name /a/b/c "c" #1 a.b.c *"b"
56 true /a/b/c #1 a.b.c *"b"
61 name /a/b/d "d"
65 int /a/b/d "0"
66 object-end /a/b
68 name /a/e "e"
72 object-start /a/e
73 name /a/e/c "c" #1 a.e.c *"e"
77 null /a/e/c #1 a.e.c *"e"
81 object-end /a/e
82 object-end /a
84 name /x "x"
88 object-start /x
89 name /x/y "y" #2 x.y *"y"
93 array-start /x/y #2 x.y *"y"
94 object-start /x/y/0 #2 x.y[] *"y[]"
95 name /x/y/0/z "z" #2 x.y[].z *"y[].z"
99 int /x/y/0/z "1" #2 x.y[].z *"y[].z"
100 object-end /x/y/0 #2 x.y[] *"y[]"
101 array-end /x/y #2 x.y *"y"
102 object-end /x
103 object-end  #3 
`,
	},
	{
		name: "nested arrays",
		pats: []string{"[][]"},
		in:   ` [[1,[2.5e1]],[],[[]]] `,
		want: `1 array-start 
2 array-start /0
3 int /0/0 "1" #0 [][]
5 array-start /0/1 #0 [][]
6 float /0/1/0 "2.5e1"
11 array-end /0/1 #0 [][]
12 array-end /0
14 array-start /1
15 array-end /1
17 array-start /2
18 array-start /2/0 #0 [][]
19 array-end /2/0 #0 [][]
20 array-end /2
21 array-end 
`,
	},
	{
		name: "error: trailing comma",
		in:   `{"a":[1,2,]}`,
		want: `0 object-start 
1 name /a "a"
5 array-start /a
6 int /a/0 "1"
8 int /a/1 "2"
error 10 /a/2 lejp: invalid character
`,
	},
	{
		name: "error: duplicate name after escape decoding",
		in:   `{"alg":"x","\u0061lg":"y"}`,
		want: `0 object-start 
1 name /alg "alg"
7 string /alg "x"
error 11 /alg lejp: duplicate object member name
`,
	},
	{
		name: "error: lone surrogate inside a long string, after pieces",
		opts: &Options{StringChunk: 4},
		in:   `["abcdefghij\udc00"]`,
		want: `0 array-start 
1 string-chunk /0 "abcd"
1 string-chunk /0 "efgh"
error 12 /0 lejp: invalid UTF-8
`,
	},
	{
		name: "error: depth",
		opts: &Options{MaxDepth: 2},
		in:   `[[[1]]]`,
		want: `0 array-start 
1 array-start /0
error 2 /0/0 lejp: nesting too deep
`,
	},
	{
		name: "error: end of input inside a name",
		in:   `{"ab`,
		want: `0 object-start 
error 4  lejp: unexpected end of input
`,
	},
	{
		name: "comments and several values when allowed",
		opts: &Options{AllowComments: true, AllowMultipleValues: true},
		in:   "# one\n1 # two\n\"s\"\n#end",
		want: `6 int  "1"
14 string  "s"
`,
	},
}

func TestGoldenTraces(t *testing.T) {
	for _, tc := range goldenCases {
		t.Run(tc.name, func(t *testing.T) {
			in := []byte(tc.in)
			got := pushTrace(tc.opts, tc.pats, false, in)
			if got != tc.want {
				t.Fatalf("trace:\n%s\nwant:\n%s\n%s", got, tc.want, diff(tc.want, got))
			}
			if got := pushTrace(tc.opts, tc.pats, false, bytesSplit(in, 1)...); got != tc.want {
				t.Fatalf("one byte per Write:\n%s", diff(tc.want, got))
			}
			for k := 1; k < len(in); k++ {
				if got := pushTrace(tc.opts, tc.pats, false, in[:k], in[k:]); got != tc.want {
					t.Fatalf("split at %d:\n%s", k, diff(tc.want, got))
				}
			}
		})
	}
}
