import Domain
import XCTest

final class SafeTextTests: XCTestCase {
  func testOrdinaryTextIsUntouched() {
    for text in ["张三 申请《营业执照》变更 — 100%", "👨‍👩‍👧 家庭", "Ünïcödé ½", ""] {
      XCTAssertEqual(SafeText.line(text), text)
      XCTAssertEqual(SafeText.lines(text), text)
    }
    XCTAssertEqual(SafeText.lines("第一行\n\t第二行\r\n"), "第一行\n\t第二行\n")
  }

  /// What `zwfw calendar workday $'\e]0;x\a\e[2J'` used to echo: a retitle and a clear screen.
  func testEscapeSequencesBecomeOneVisibleMark() {
    XCTAssertEqual(SafeText.line("\u{1B}]0;x\u{7}\u{1B}[2J"), "␛␛")
    XCTAssertEqual(SafeText.lines("日期「\u{1B}[31m红\u{1B}[0m」无效"), "日期「␛红␛」无效")
    XCTAssertEqual(SafeText.line("\u{9D}8;;http://x\u{9C}链接"), "␛链接")
    XCTAssertEqual(SafeText.lines("a\rb"), "a␍b", "a lone CR would overwrite the line")
  }

  /// Bidi overrides and isolates, zero-width and other format characters, C1 controls and the
  /// Unicode line separators are shown as U+FFFD, never emitted.
  func testFormatAndC1CharactersBecomeTheReplacementCharacter() {
    for scalar in [
      "\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}", "\u{2066}", "\u{2067}",
      "\u{2068}", "\u{2069}", "\u{200B}", "\u{200E}", "\u{FEFF}", "\u{00AD}", "\u{85}", "\u{2028}",
      "\u{E0041}",
    ] {
      XCTAssertEqual(SafeText.line("a\(scalar)b"), "a\u{FFFD}b", scalar.debugDescription)
      XCTAssertEqual(SafeText.lines("a\(scalar)b"), "a\u{FFFD}b", scalar.debugDescription)
    }
    XCTAssertEqual(SafeText.line("文件\u{202E}txt.exe"), "文件\u{FFFD}txt.exe")
  }

  func testNothingUnsafeSurvivesRandomText() {
    var random = SeededGenerator(seed: 11)
    let alphabet: [Unicode.Scalar] = [
      "a", "政", "[", "]", "\\", "\u{1B}", "\u{7}", "\n", "\r", "\t", "\u{9B}", "\u{9C}", "\u{9D}",
      "\u{7F}", "\u{0}", "m", "0", ";", "\u{202E}", "\u{2066}", "\u{200D}", "\u{FEFF}",
    ]
    for _ in 0..<1000 {
      var scalars = String.UnicodeScalarView()
      for _ in 0..<Int.random(in: 0...30, using: &random) {
        scalars.append(alphabet[Int.random(in: 0..<alphabet.count, using: &random)])
      }
      let line = SafeText.line(String(scalars))
      XCTAssertFalse(line.unicodeScalars.contains(where: SafeText.isUnsafe), line.debugDescription)
      let lines = SafeText.lines(String(scalars))
      XCTAssertFalse(
        lines.unicodeScalars.contains { SafeText.isUnsafe($0) && $0 != "\n" && $0 != "\t" },
        lines.debugDescription)
    }
  }

  /// The CJK fast path of `isUnsafe` answers what the general category would.
  func testTheCJKFastPathAgreesWithTheCategory() {
    for v in UInt32(0x3000)...0x9FFF {
      guard let scalar = Unicode.Scalar(v) else { continue }
      XCTAssertNotEqual(scalar.properties.generalCategory, .format, String(v, radix: 16))
      XCTAssertFalse(SafeText.isUnsafe(scalar))
    }
  }
}
