package main

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"strconv"

	"go.mongodb.org/mongo-driver/x/bsonx/bsoncore"
)

const (
	opQuery = 2004
	opMsg   = 2013

	// OP_MSG flag bits.
	flagChecksumPresent = 1 << 0
	flagMoreToCome      = 1 << 1
)

// readMessage reads one whole wire message. Its first 4 bytes are its total
// length as a little-endian int32.
func readMessage(r *bufio.Reader) ([]byte, error) {
	var hdr [4]byte
	if _, err := io.ReadFull(r, hdr[:]); err != nil {
		return nil, err
	}
	n := int(int32(binary.LittleEndian.Uint32(hdr[:])))
	if n < 16 || n > 64<<20 { // from the header size to above MongoDB's 48 MB message limit
		return nil, fmt.Errorf("bad message length %d", n)
	}
	msg := make([]byte, n)
	copy(msg, hdr[:])
	if _, err := io.ReadFull(r, msg[4:]); err != nil {
		return nil, err
	}
	return msg, nil
}

func opCode(msg []byte) uint32 {
	if len(msg) < 16 {
		return 0
	}
	return binary.LittleEndian.Uint32(msg[12:16])
}

// opMsgSections is an OP_MSG split into its body (section kind 0) and its
// document sequences (section kind 1, by identifier).
type opMsgSections struct {
	flags uint32
	body  bsoncore.Document
	seqs  map[string][]bsoncore.Document
}

func parseOpMsg(msg []byte) (*opMsgSections, error) {
	if len(msg) < 21 || opCode(msg) != opMsg {
		return nil, errors.New("not an OP_MSG")
	}
	m := &opMsgSections{flags: binary.LittleEndian.Uint32(msg[16:20])}
	rest := msg[20:]
	if m.flags&flagChecksumPresent != 0 {
		if len(rest) < 4 {
			return nil, errors.New("short OP_MSG")
		}
		rest = rest[:len(rest)-4]
	}
	for len(rest) > 0 {
		kind := rest[0]
		rest = rest[1:]
		switch kind {
		case 0:
			doc, r, ok := bsoncore.ReadDocument(rest)
			if !ok {
				return nil, errors.New("bad OP_MSG body")
			}
			m.body, rest = doc, r
		case 1:
			if len(rest) < 4 {
				return nil, errors.New("bad OP_MSG document sequence")
			}
			size := int(int32(binary.LittleEndian.Uint32(rest)))
			if size < 5 || size > len(rest) {
				return nil, errors.New("bad OP_MSG document sequence size")
			}
			seq := rest[4:size]
			rest = rest[size:]
			i := bytes.IndexByte(seq, 0)
			if i < 0 {
				return nil, errors.New("bad OP_MSG document sequence identifier")
			}
			id := string(seq[:i])
			seq = seq[i+1:]
			if m.seqs == nil {
				m.seqs = map[string][]bsoncore.Document{}
			}
			for len(seq) > 0 {
				doc, r, ok := bsoncore.ReadDocument(seq)
				if !ok {
					return nil, errors.New("bad document in OP_MSG document sequence")
				}
				m.seqs[id] = append(m.seqs[id], doc)
				seq = r
			}
		default:
			return nil, fmt.Errorf("unknown OP_MSG section kind %d", kind)
		}
	}
	if m.body == nil {
		return nil, errors.New("OP_MSG without a body")
	}
	return m, nil
}

// commandName is the first key of a command document, which MongoDB defines
// as the command's name. It returns "" when the request cannot be parsed.
// OP_QUERY is still what drivers use for their first handshake.
func commandName(req []byte) (string, bsoncore.Document) {
	switch opCode(req) {
	case opMsg:
		m, err := parseOpMsg(req)
		if err != nil {
			return "", nil
		}
		return firstKey(m.body), m.body
	case opQuery:
		// flags int32, fullCollectionName cstring, numberToSkip int32,
		// numberToReturn int32, query document.
		if len(req) < 20 {
			return "", nil
		}
		rest := req[20:]
		i := bytes.IndexByte(rest, 0)
		if i < 0 || len(rest) < i+1+8 {
			return "", nil
		}
		doc, _, ok := bsoncore.ReadDocument(rest[i+1+8:])
		if !ok {
			return "", nil
		}
		return firstKey(doc), doc
	}
	return "", nil
}

func firstKey(doc bsoncore.Document) string {
	if len(doc) < 5 {
		return ""
	}
	el, _, ok := bsoncore.ReadElement(doc[4:])
	if !ok {
		return ""
	}
	k, err := el.KeyErr()
	if err != nil {
		return ""
	}
	return k
}

// readCommands never change data, so they may run side by side with each
// other and with the one write in flight. Anything not listed is treated as
// a write: an unknown command waits its turn, which is slower but never loses
// an update.
var readCommands = map[string]bool{
	"find": true, "getMore": true, "killCursors": true, "count": true, "distinct": true,
	"listIndexes": true, "listCollections": true, "listDatabases": true,
	"hello": true, "isMaster": true, "ismaster": true, "ping": true,
	"buildInfo": true, "buildinfo": true, "getParameter": true, "getCmdLineOpts": true,
	"dbStats": true, "collStats": true, "dataSize": true, "serverStatus": true, "hostInfo": true,
	"connectionStatus": true, "whatsmyuri": true, "getLog": true, "listCommands": true,
	"endSessions": true, "explain": true,
	// aggregate is a read unless its pipeline writes ($out, $merge): see isRead.
	"aggregate": true,
}

// isRead reports whether req is a command that only reads.
func isRead(name string, body bsoncore.Document) bool {
	if !readCommands[name] {
		return false
	}
	if name != "aggregate" {
		return true
	}
	pipeline, ok := body.Lookup("pipeline").ArrayOK()
	if !ok {
		return false
	}
	stages, err := pipeline.Values()
	if err != nil {
		return false
	}
	for _, st := range stages {
		doc, ok := st.DocumentOK()
		if !ok {
			return false
		}
		if k := firstKey(doc); k == "$out" || k == "$merge" {
			return false
		}
	}
	return true
}

// buildOpMsg builds an OP_MSG with a single body section.
func buildOpMsg(requestID, responseTo []byte, flags uint32, body []byte) []byte {
	le := binary.LittleEndian
	out := make([]byte, 0, 21+len(body))
	out = le.AppendUint32(out, uint32(16+4+1+len(body)))
	out = append(out, requestID...)
	out = append(out, responseTo...)
	out = le.AppendUint32(out, opMsg)
	out = le.AppendUint32(out, flags)
	out = append(out, 0) // section kind 0: body
	return append(out, body...)
}

// errorReply builds an OP_MSG reply to req:
// {ok: 0.0, errmsg: msg, code: code, codeName: codeName}.
func errorReply(req []byte, code int32, codeName, msg string) []byte {
	idx, doc := bsoncore.AppendDocumentStart(nil)
	doc = bsoncore.AppendDoubleElement(doc, "ok", 0)
	doc = bsoncore.AppendStringElement(doc, "errmsg", msg)
	doc = bsoncore.AppendInt32Element(doc, "code", code)
	doc = bsoncore.AppendStringElement(doc, "codeName", codeName)
	doc, _ = bsoncore.AppendDocumentEnd(doc, idx)
	return buildOpMsg([]byte{0, 0, 0, 0}, req[4:8], 0, doc)
}

// replyBody returns the body document of an OP_MSG reply.
func replyBody(res []byte) (bsoncore.Document, error) {
	m, err := parseOpMsg(res)
	if err != nil {
		return nil, err
	}
	return m.body, nil
}

// splitUpdate splits an `update` command with more than max statements into
// commands of at most max statements each, with every other field of the
// body kept. It returns nil when req needs no split.
//
// Why: FerretDB 1.24 keeps one backend result set open per statement until
// the whole update command ends (a `defer` inside its statement loop, in
// internal/handler/msg_update.go), and each open result set holds one pooled
// backend connection (SQLite: 100, PostgreSQL: pool_max_conns). A command
// with more statements than the pool has connections waits forever for the
// next one, so the command never ends.
func splitUpdate(req []byte, max int) (chunks [][]byte, ordered bool) {
	m, err := parseOpMsg(req)
	if err != nil || firstKey(m.body) != "update" {
		return nil, false
	}
	var stmts []bsoncore.Document
	if seq, ok := m.seqs["updates"]; ok {
		stmts = seq
	} else {
		arr, ok := m.body.Lookup("updates").ArrayOK()
		if !ok {
			return nil, false
		}
		vals, err := arr.Values()
		if err != nil {
			return nil, false
		}
		for _, v := range vals {
			d, ok := v.DocumentOK()
			if !ok {
				return nil, false // let FerretDB reject it
			}
			stmts = append(stmts, d)
		}
	}
	if len(stmts) <= max {
		return nil, false
	}
	ordered = true
	if b, ok := m.body.Lookup("ordered").BooleanOK(); ok {
		ordered = b
	}
	elems, err := m.body.Elements()
	if err != nil {
		return nil, false
	}
	for start := 0; start < len(stmts); start += max {
		end := min(start+max, len(stmts))
		idx, body := bsoncore.AppendDocumentStart(nil)
		for _, el := range elems {
			if el.Key() != "updates" {
				body = append(body, el...)
			}
		}
		aidx, b := bsoncore.AppendArrayElementStart(body, "updates")
		for i, s := range stmts[start:end] {
			b = bsoncore.AppendDocumentElement(b, strconv.Itoa(i), s)
		}
		b, _ = bsoncore.AppendArrayEnd(b, aidx)
		b, _ = bsoncore.AppendDocumentEnd(b, idx)
		flags := m.flags &^ (flagChecksumPresent | flagMoreToCome)
		chunks = append(chunks, buildOpMsg(req[4:8], req[8:12], flags, b))
	}
	return chunks, ordered
}

// updateTotals merges the replies of the chunks of one update command into
// one reply, as if the command had run whole: n and nModified add up, and the
// index in upserted and writeErrors becomes the statement's index in the
// original command.
type updateTotals struct {
	n, nModified int32
	upserted     [][]byte // documents with the rewritten index
	writeErrors  [][]byte
}

// add merges a chunk's reply body whose statements start at offset. It
// returns false if the body is not a successful update reply (ok != 1).
func (t *updateTotals) add(body bsoncore.Document, offset int32) bool {
	if ok, _ := body.Lookup("ok").AsInt32OK(); ok != 1 {
		return false
	}
	n, _ := body.Lookup("n").AsInt32OK()
	nm, _ := body.Lookup("nModified").AsInt32OK()
	t.n += n
	t.nModified += nm
	t.upserted = append(t.upserted, reindex(body.Lookup("upserted"), offset)...)
	t.writeErrors = append(t.writeErrors, reindex(body.Lookup("writeErrors"), offset)...)
	return true
}

func reindex(v bsoncore.Value, offset int32) [][]byte {
	arr, ok := v.ArrayOK()
	if !ok {
		return nil
	}
	vals, err := arr.Values()
	if err != nil {
		return nil
	}
	var out [][]byte
	for _, val := range vals {
		d, ok := val.DocumentOK()
		if !ok {
			continue
		}
		elems, err := d.Elements()
		if err != nil {
			continue
		}
		idx, doc := bsoncore.AppendDocumentStart(nil)
		for _, el := range elems {
			if el.Key() == "index" {
				i, _ := el.Value().AsInt32OK()
				doc = bsoncore.AppendInt32Element(doc, "index", i+offset)
			} else {
				doc = append(doc, el...)
			}
		}
		doc, _ = bsoncore.AppendDocumentEnd(doc, idx)
		out = append(out, doc)
	}
	return out
}

func (t *updateTotals) reply(req []byte) []byte {
	idx, doc := bsoncore.AppendDocumentStart(nil)
	doc = bsoncore.AppendInt32Element(doc, "n", t.n)
	doc = bsoncore.AppendInt32Element(doc, "nModified", t.nModified)
	doc = appendDocArray(doc, "upserted", t.upserted)
	doc = appendDocArray(doc, "writeErrors", t.writeErrors)
	doc = bsoncore.AppendDoubleElement(doc, "ok", 1)
	doc, _ = bsoncore.AppendDocumentEnd(doc, idx)
	return buildOpMsg([]byte{0, 0, 0, 0}, req[4:8], 0, doc)
}

func appendDocArray(dst []byte, key string, docs [][]byte) []byte {
	if len(docs) == 0 {
		return dst
	}
	aidx, dst := bsoncore.AppendArrayElementStart(dst, key)
	for i, d := range docs {
		dst = bsoncore.AppendDocumentElement(dst, strconv.Itoa(i), d)
	}
	dst, _ = bsoncore.AppendArrayEnd(dst, aidx)
	return dst
}

var (
	uniqueFailedSQLite = []byte("UNIQUE constraint failed")
	uniqueFailedPG     = []byte("duplicate key value violates unique constraint")
	codeOne            = []byte("\x10code\x00\x01\x00\x00\x00") // BSON element code: int32(1)
)

// fixDuplicateKeyCode changes error code 1 to 11000 in a reply about a
// unique constraint of the backend. FerretDB gives code 11000 (DuplicateKey)
// only for inserts. A unique index violation from an update, a findAndModify
// or a createIndexes over duplicate data comes back as code 1
// (InternalError), with the backend's message in errmsg. MongoDB uses 11000
// for all of these, and app code checks for 11000. The int32 is patched in
// place, so no length changes. codeName stays "InternalError".
func fixDuplicateKeyCode(res []byte) {
	if !bytes.Contains(res, uniqueFailedSQLite) && !bytes.Contains(res, uniqueFailedPG) {
		return
	}
	for off := 0; ; {
		i := bytes.Index(res[off:], codeOne)
		if i < 0 {
			return
		}
		off += i + len(codeOne)
		binary.LittleEndian.PutUint32(res[off-4:off], 11000)
	}
}
