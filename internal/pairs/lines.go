package pairs

import (
	"bufio"
	"bytes"
	"errors"
	"io"
)

// LineReader reads lines of at most a given length, skipping over longer
// ones without holding them in memory, so one huge line costs a bounded
// amount of memory and does not end the stream.
type LineReader struct {
	r    *bufio.Reader
	max  int
	line int
	buf  []byte
}

// NewLineReader returns a LineReader over r accepting lines of up to max
// bytes (without the line ending).
func NewLineReader(r io.Reader, max int) *LineReader {
	return &LineReader{r: bufio.NewReaderSize(r, 64<<10), max: max}
}

var bom = []byte("\xef\xbb\xbf")

// Next returns the next line without its "\n" or "\r\n" and its 1-based
// number. The line's bytes are valid until the next call. A line longer than
// the limit comes back empty with tooLong set to its length. At the end of
// input Next returns io.EOF; a last line without a newline is still a line.
// A UTF-8 byte-order mark at the start of the input is dropped.
func (lr *LineReader) Next() (line []byte, n int, tooLong int, err error) {
	lr.buf = lr.buf[:0]
	size := 0
	for {
		chunk, err := lr.r.ReadSlice('\n')
		size += len(chunk)
		// Keep up to max+2 bytes so "\r\n" can still be trimmed from a
		// line of exactly max bytes; beyond that only count.
		if len(lr.buf) <= lr.max+2 {
			lr.buf = append(lr.buf, chunk...)
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if err != nil && err != io.EOF {
			return nil, lr.line + 1, 0, err
		}
		if size == 0 { // clean end of input
			return nil, lr.line, 0, io.EOF
		}
		break
	}
	lr.line++
	if lr.line == 1 && bytes.HasPrefix(lr.buf, bom) {
		lr.buf = lr.buf[len(bom):]
		size -= len(bom)
	}
	b := lr.buf
	if len(b) > 0 && b[len(b)-1] == '\n' {
		b = b[:len(b)-1]
		size--
		if len(b) > 0 && b[len(b)-1] == '\r' {
			b = b[:len(b)-1]
			size--
		}
	}
	if size > lr.max {
		return nil, lr.line, size, nil
	}
	return b, lr.line, 0, nil
}
