package lejp

// The state fastRun (fastevents.go) keeps outside its registers, and the
// member names it borrows from the buffer: copied into the arena when it
// hands back to next.

// keepNames copies into the arena the member names fastRun borrowed from
// the buffer and that are still held when it hands back: s.ents[lowEnts:]
// (lowEnts is the least length s.ents had during the loop), and the frames
// from minDepth on (the least depth reached), which were pushed during the
// loop, get the arena offsets that next would have given them. The
// innermost frame older than the loop may have gained names too; nothing
// deeper than it was named in the arena during the loop, so the arena ends
// with its names.
func (s *scanner) keepNames(lowEnts, minDepth int) {
	if lowEnts >= len(s.ents) {
		return // nothing borrowed is held; the arena did not grow
	}
	for d := max(minDepth-1, 0); d < s.depth; d++ {
		f := &s.frames[d]
		if d >= minDepth {
			f.arena = len(s.arena)
		}
		if !f.obj {
			continue
		}
		end := s.entsEnd(d)
		from := max(f.ents, lowEnts)
		s.keepEnts(from, end)
		if end > from {
			f.name = s.ents[end-1].nm
		}
	}
}

// clearEnts clears the entries fastRun dropped from s.ents, up to
// s.entsHW, as dropNames would have, so that no buffer is kept alive by
// them.
func (s *scanner) clearEnts() {
	if s.entsHW > len(s.ents) {
		clear(s.ents[len(s.ents):min(s.entsHW, cap(s.ents))])
	}
	s.entsHW = 0
}

// keepOnError is what fastRun does when it stops with an error (the
// Handler's, a duplicate name, too many names): it clears the dropped
// entries and copies the names of the open objects, which may lie in the
// buffer, so that Path and Pointer still answer after Write returns and
// the caller reuses its buffer. The Parser is stopped: no name is looked
// up again before Reset, so the entries are only let go of the buffer.
// (An error path: the copy may allocate.)
func (s *scanner) keepOnError() {
	s.clearEnts()
	n := 0
	for d := 0; d < s.depth; d++ {
		n += len(s.frames[d].name)
	}
	b := make([]byte, 0, n)
	for d := 0; d < s.depth; d++ {
		if f := &s.frames[d]; f.name != nil {
			k := len(b)
			b = append(b, f.name...)
			f.name = b[k:len(b):len(b)]
		}
	}
	for i := range s.ents {
		s.ents[i].nm = nil
	}
}

// entsEnd is the end of the name entries of the object frame at depth d:
// where the entries of the next object frame inside it begin, or
// len(s.ents).
func (s *scanner) entsEnd(d int) int {
	for dd := d + 1; dd < s.depth; dd++ {
		if s.frames[dd].obj {
			return s.frames[dd].ents
		}
	}
	return len(s.ents)
}

// keepEnts copies the names of the entries [from, end) to the arena and
// points the entries at the copies.
func (s *scanner) keepEnts(from, end int) {
	for j := from; j < end; j++ {
		s.ents[j].nm = s.arenaPut(len(s.arena), s.ents[j].nm)
	}
}

// noFastRun turns fastRun off, so that tests can compare it with next.
var noFastRun bool

// fastRunMin is the least number of bytes left in a Write for which run
// calls fastRun (tests lower it to 1).
var fastRunMin = 32
