package lejp

import (
	"testing"
)

// Golden event traces, as lws tests lejp: each case's trace is checked
// whole, one byte per Write and split at every offset. A line is
// "offset kind pointer [value] [#pattern path *wildcard…]".
type goldenCase struct {
	name string
	opts *Options
	pats []string
	in   string
	want string
}

var goldenCases = []goldenCase{
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

// goldenMoreCases pin what mutation testing found unpinned: which pattern
// an event matches when several do, that "*" is one member name (never an
// array element), and where pieces of a string with invalid UTF-8 end.
var goldenMoreCases = []goldenCase{
	{
		name: "invalid UTF-8 when allowed: pieces cut after at most three continuation bytes",
		opts: &Options{StringChunk: 8, AllowInvalidUTF8: true},
		in:   "[\"abcde\x80\x80\x80\x80\x80\x80\", \"abcdefg\xf0\x9f\x98\x80xyz\xff\", \"\\ud800\"]",
		want: `0 array-start 
1 string-chunk /0 "abcde\x80\x80\x80"
1 string /0 "\x80\x80\x80"
16 string-chunk /1 "abcdefg"
16 string /1 "😀xyz\xff"
35 string /2 "�"
43 array-end 
`,
	},
	{
		name: "the first matching pattern wins; the empty pattern is the top level",
		pats: []string{"a.b", "a.*", "*.b", "a.b", "", ""},
		in:   `{"a":{"b":1,"c":[2]},"d":{"b":3}}`,
		want: `0 object-start  #4 
1 name /a "a"
5 object-start /a
6 name /a/b "b" #0 a.b
10 int /a/b "1" #0 a.b
12 name /a/c "c" #1 a.c *"c"
16 array-start /a/c #1 a.c *"c"
17 int /a/c/0 "2" #1 a.c[] *"c[]"
18 array-end /a/c #1 a.c *"c"
19 object-end /a
21 name /d "d"
25 object-start /d
26 name /d/b "b" #2 d.b *"d"
30 int /d/b "3" #2 d.b *"d"
31 object-end /d
32 object-end  #4 
`,
	},
	{
		name: "a * segment is one member name, never an array element",
		pats: []string{"a.*[]", "*.x", "[].x", "[]"},
		in:   `{"a":{"b":[1],"c":2,"x":{"x":0}}}[{"x":1},2]`,
		opts: &Options{AllowMultipleValues: true},
		want: `0 object-start 
1 name /a "a"
5 object-start /a
6 name /a/b "b"
10 array-start /a/b
11 int /a/b/0 "1" #0 a.b[] *"b"
12 array-end /a/b
14 name /a/c "c"
18 int /a/c "2"
20 name /a/x "x" #1 a.x *"a"
24 object-start /a/x #1 a.x *"a"
25 name /a/x/x "x"
29 int /a/x/x "0"
30 object-end /a/x #1 a.x *"a"
31 object-end /a
32 object-end 
33 array-start 
34 object-start /0 #3 []
35 name /0/x "x" #2 [].x
39 int /0/x "1" #2 [].x
40 object-end /0 #3 []
42 int /1 "2" #3 []
43 array-end 
`,
	},
}

func TestGoldenTraces(t *testing.T) { checkGolden(t, goldenCases) }

func TestGoldenTracesMore(t *testing.T) { checkGolden(t, goldenMoreCases) }

func checkGolden(t *testing.T, cases []goldenCase) {
	for _, tc := range cases {
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
