// Package pemtext looks at PEM text the way encoding/pem reads it, for the
// checks jose/jwk.ParsePEM and the CLI's key files share: pem.Decode reads
// a block only from a BEGIN line that starts its line, and skips anything
// else as text — so a block whose BEGIN line is indented, or follows a
// quote (PEM pasted from a JSON or YAML string), would be skipped and the
// next block read in its place. Standard library only.
package pemtext

import "bytes"

var begin = []byte("-----BEGIN ")

// BeginLines counts the lines of data that begin as a PEM BEGIN line does:
// the blocks pem.Decode can read.
func BeginLines(data []byte) int {
	n := bytes.Count(data, []byte("\n-----BEGIN "))
	if bytes.HasPrefix(data, begin) {
		n++
	}
	return n
}

// BeginMarks counts the lines of data that begin a PEM block, as
// BeginLines does, and also those that end as a BEGIN line does but begin
// with other text (an indented block, one after a quote): a caller that
// finds more marks than blocks read refuses the text rather than read the
// wrong block. A line that only mentions a BEGIN line ("see -----BEGIN
// PRIVATE KEY----- below") is text. Linear in len(data): each line is
// looked at once, and nothing is allocated.
func BeginMarks(data []byte) int {
	n := 0
	for len(data) > 0 {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		i := bytes.Index(line, begin)
		if i == 0 || i > 0 && bytes.HasSuffix(bytes.TrimSuffix(line, []byte("\r")), []byte("-----")) {
			n++
		}
	}
	return n
}
