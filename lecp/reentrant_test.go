package lecp

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// TestHandlerCallingParserMethods: a Handler that called its Parser's
// Reset during an event made the Write that called it panic (index out of
// range in the loop, which went on with the frames Reset had dropped:
// 820000, Reset on the second event), and one that called Write did too
// (the inner Write consumed the carried bytes under the outer one); a
// Close from the Handler let the outer Write deliver events after Close.
// Now Write and Close called from the Handler return errHandlerCall and
// change nothing, and Reset from the Handler takes effect when the Write
// or Close that called the Handler returns (the Handler returns an error
// to stop at once): the Parser then reads the next input as a fresh one.
func TestHandlerCallingParserMethods(t *testing.T) {
	docs := stateCorpus(t)
	if testing.Short() {
		docs = docs[:200]
	}
	next := fromHex("a26161018203f97e00") // read after the Reset
	for _, pats := range [][]string{nil, {"*"}} {
		want := tracePush(next, nil, nil, pats...)
		for _, act := range []string{"Reset", "Reset and stop", "Write", "Close"} {
			for _, doc := range docs {
				for at := range 4 {
					name := fmt.Sprintf("%s on event %d of %x, patterns %q", act, at, doc, pats)
					n, acted := 0, false
					var sb strings.Builder
					errStop := errors.New("stop")
					h := func(p *Parser, ev *Event) error {
						sb.WriteString(traceLine(ev, p.Path()) + "\n")
						if n++; n != at+1 || acted {
							return nil
						}
						acted = true
						switch act {
						case "Reset":
							p.Reset()
						case "Reset and stop":
							p.Reset()
							return errStop
						case "Write":
							if _, err := p.Write(doc); !errors.Is(err, errHandlerCall) {
								t.Errorf("%s: Write from the Handler: %v, want errHandlerCall", name, err)
							}
						case "Close":
							if err := p.Close(); !errors.Is(err, errHandlerCall) {
								t.Errorf("%s: Close from the Handler: %v, want errHandlerCall", name, err)
							}
						}
						return nil
					}
					var p *Parser
					if pats == nil {
						p, _ = NewParser(HandlerFunc(h), nil)
					} else {
						p, _ = NewParser(handlerIface{h}, nil, pats...)
					}
					func() {
						defer func() {
							if r := recover(); r != nil {
								t.Fatalf("%s: panic %v", name, r)
							}
						}()
						var err error
						for i := 0; i < len(doc) && err == nil; i += 2 {
							_, err = p.Write(doc[i:min(i+2, len(doc))])
							if acted && strings.HasPrefix(act, "Reset") {
								return // the Parser is reset: the rest is not this input
							}
						}
						if err == nil {
							err = p.Close()
						}
						if err != nil {
							sb.WriteString("error: " + err.Error() + "\n")
						}
					}()
					if !acted || !strings.HasPrefix(act, "Reset") {
						// Write and Close from the Handler change nothing
						if w := tracePush(doc, nil, func(int) int { return 2 }, pats...); sb.String() != w {
							t.Fatalf("%s: events\n%s\nwant those without the call:\n%s", name, sb.String(), w)
						}
						continue
					}
					// reset: the next input reads as in a fresh Parser
					sb.Reset()
					if err := writeSplit(p, next, nil); err != nil {
						sb.WriteString("error: " + err.Error() + "\n")
					}
					if got := sb.String(); got != want {
						t.Fatalf("%s: then %x:\n%s\nwant:\n%s", name, next, got, want)
					}
				}
			}
		}
	}
}
