import XCTest

@testable import TUI

/// The decoder against what each terminal family really sends (bytes as captured with `cat -v`
/// or `showkey -a` on that terminal). Every row must come out as exactly its key: an Esc or a
/// stray character would cancel a form or switch panes.
final class KeyDecoderTests: XCTestCase {
  private func check(
    _ rows: [(String, Key)], terminfo: [String: Key] = [:], file: StaticString = #filePath,
    line: UInt = #line
  ) {
    for (bytes, key) in rows {
      XCTAssertEqual(
        KeyDecoder.decode(Array(bytes.utf8), terminfo: terminfo), [key],
        "\(bytes.unicodeScalars.map { $0.value < 32 ? "^[" : String($0) }.joined())", file: file,
        line: line)
    }
  }

  func testXtermCSIAndSS3() {
    check([
      ("\u{1b}[A", .up), ("\u{1b}[B", .down), ("\u{1b}[C", .right), ("\u{1b}[D", .left),
      ("\u{1b}OA", .up), ("\u{1b}OB", .down), ("\u{1b}OC", .right), ("\u{1b}OD", .left),
      ("\u{1b}[H", .home), ("\u{1b}[F", .end), ("\u{1b}OH", .home), ("\u{1b}OF", .end),
      ("\u{1b}[2~", .insert), ("\u{1b}[3~", .delete), ("\u{1b}[5~", .pageUp),
      ("\u{1b}[6~", .pageDown), ("\u{1b}[Z", .backTab), ("\u{1b}OM", .enter),
      ("\u{1b}OP", .function(1)), ("\u{1b}OQ", .function(2)), ("\u{1b}OR", .function(3)),
      ("\u{1b}OS", .function(4)), ("\u{1b}[15~", .function(5)), ("\u{1b}[17~", .function(6)),
      ("\u{1b}[18~", .function(7)), ("\u{1b}[19~", .function(8)), ("\u{1b}[20~", .function(9)),
      ("\u{1b}[21~", .function(10)), ("\u{1b}[23~", .function(11)),
      ("\u{1b}[24~", .function(12)),
    ])
  }

  func testXtermModifiersAreReadAndDropped() {
    check([
      ("\u{1b}[1;5A", .up), ("\u{1b}[1;2B", .down), ("\u{1b}[1;3C", .right),
      ("\u{1b}[1;6D", .left), ("\u{1b}[1;5H", .home), ("\u{1b}[1;2F", .end),
      ("\u{1b}[1;2P", .function(1)), ("\u{1b}[1;5Q", .function(2)), ("\u{1b}O5R", .function(3)),
      ("\u{1b}[15;2~", .function(5)), ("\u{1b}[21;5~", .function(10)),
      ("\u{1b}[24;8~", .function(12)), ("\u{1b}[3;5~", .delete), ("\u{1b}[6;2~", .pageDown),
    ])
  }

  func testVT220AndPuTTY() {
    check([
      ("\u{1b}[1~", .home), ("\u{1b}[4~", .end), ("\u{1b}[2~", .insert), ("\u{1b}[3~", .delete),
      ("\u{1b}[5~", .pageUp), ("\u{1b}[6~", .pageDown), ("\u{1b}[11~", .function(1)),
      ("\u{1b}[12~", .function(2)), ("\u{1b}[13~", .function(3)), ("\u{1b}[14~", .function(4)),
      ("\u{1b}[15~", .function(5)), ("\u{1b}[21~", .function(10)),
    ])
  }

  func testLinuxConsole() {
    check([
      ("\u{1b}[[A", .function(1)), ("\u{1b}[[B", .function(2)), ("\u{1b}[[C", .function(3)),
      ("\u{1b}[[D", .function(4)), ("\u{1b}[[E", .function(5)), ("\u{1b}[17~", .function(6)),
      ("\u{1b}[1~", .home), ("\u{1b}[4~", .end), ("\u{1b}[A", .up),
    ])
  }

  func testRxvt() {
    check([
      ("\u{1b}[7~", .home), ("\u{1b}[8~", .end), ("\u{1b}[7^", .home), ("\u{1b}[8$", .end),
      ("\u{1b}[5^", .pageUp), ("\u{1b}[6$", .pageDown), ("\u{1b}[3@", .delete),
      ("\u{1b}[11^", .function(1)), ("\u{1b}[a", .up), ("\u{1b}[d", .left), ("\u{1b}Oa", .up),
      ("\u{1b}Oc", .right),
    ])
  }

  func testScreenAndTmux() {
    // screen and tmux translate to their own TERM: VT220 Home/End, SS3 F1–F4.
    check([
      ("\u{1b}[1~", .home), ("\u{1b}[4~", .end), ("\u{1b}OP", .function(1)),
      ("\u{1b}OS", .function(4)), ("\u{1b}[15~", .function(5)), ("\u{1b}OA", .up),
      ("\u{1b}[5~", .pageUp),
    ])
  }

  func testTerminfoStringsComeFirst() {
    // vt100's terminfo names `ESC Ot` F5 and `ESC Ox` F10 (its keypad); so does this decoder.
    let vt100: [String: Key] = ["\u{1b}Ot": .function(5), "\u{1b}Ox": .function(10)]
    check([("\u{1b}Ot", .function(5)), ("\u{1b}Ox", .function(10))], terminfo: vt100)
    // A terminfo string that no family uses is still a key.
    check([("\u{1b}[Q~", .function(7))], terminfo: ["\u{1b}[Q~": .function(7)])
  }

  func testUnknownSequencesAreConsumedWhole() {
    for bytes in [
      "\u{1b}[99~", "\u{1b}[I", "\u{1b}[O", "\u{1b}[?1;2c", "\u{1b}[<0;3;4M", "\u{1b}[E",
      "\u{1b}[G", "\u{1b}Oz", "\u{1b}[1;5X", "\u{1b}[>0;95;0c", "\u{1b}[25$",
    ] {
      XCTAssertEqual(KeyDecoder.decode(Array(bytes.utf8)), [], bytes.debugDescription)
    }
    // Keys around an unknown sequence arrive untouched.
    XCTAssertEqual(
      KeyDecoder.decode(Array("a\u{1b}[99~b\u{1b}[[Ac".utf8)),
      [.char("a"), .char("b"), .function(1), .char("c")])
  }

  func testEscapeDigitIsAFunctionKey() {
    for n in 1...9 {
      XCTAssertEqual(KeyDecoder.decode(Array("\u{1b}\(n)".utf8)), [.function(n)])
    }
    XCTAssertEqual(KeyDecoder.decode(Array("\u{1b}0".utf8)), [.function(10)])
  }

  func testLoneEscapeWaitsThenIsEscape() {
    var d = KeyDecoder()
    XCTAssertEqual(d.feed("\u{1b}"), [])
    XCTAssertEqual(d.waiting, .escape)
    XCTAssertEqual(d.timeout(), [.escape])
    XCTAssertNil(d.waiting)
    // Esc then a letter is Esc and the letter; Esc Esc is one Esc and a new wait.
    XCTAssertEqual(KeyDecoder.decode(Array("\u{1b}t".utf8)), [.escape, .char("t")])
    XCTAssertEqual(d.feed("\u{1b}"), [])
    XCTAssertEqual(d.feed("\u{1b}"), [.escape])
    XCTAssertEqual(d.feed("["), [])
    XCTAssertEqual(d.feed("Z"), [.backTab])
  }

  func testAHalfSequenceIsDroppedNotTyped() {
    var d = KeyDecoder()
    for s in "\u{1b}[1".unicodeScalars { XCTAssertEqual(d.feed(s), []) }
    XCTAssertEqual(d.waiting, .sequence)
    XCTAssertEqual(d.timeout(), [])
    // A control character breaks a sequence: the sequence goes, the key stays.
    XCTAssertEqual(KeyDecoder.decode(Array("\u{1b}[1\r".utf8)), [.enter])
    // A runaway sequence is cut off rather than buffered forever.
    let long = "\u{1b}[" + String(repeating: "1", count: 100) + "~x"
    XCTAssertEqual(KeyDecoder.decode(Array(long.utf8)).last, .char("x"))
  }

  func testTextAndControlKeys() {
    XCTAssertEqual(
      KeyDecoder.decode(Array("中文a 1".utf8)),
      [.char("中"), .char("文"), .char("a"), .char(" "), .char("1")])
    XCTAssertEqual(
      KeyDecoder.decode([13, 10, 9, 127, 8, 3, 21, 0]),
      [.enter, .enter, .tab, .backspace, .backspace, .control("c"), .control("u")])
  }

  func testBracketedPasteIsText() {
    XCTAssertEqual(
      KeyDecoder.decode(Array("\u{1b}[200~张三\r\n13800\u{1b}[A\u{1b}[201~x".utf8)),
      [.paste("张三\r\n13800\u{1b}[A"), .char("x")])
    var d = KeyDecoder()
    for s in "\u{1b}[200~ab".unicodeScalars { _ = d.feed(s) }
    XCTAssertEqual(d.waiting, .paste)
    XCTAssertEqual(d.timeout(), [.paste("ab")])
  }
}
