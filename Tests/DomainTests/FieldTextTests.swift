import XCTest

@testable import Domain

final class FieldTextTests: XCTestCase {
  func testRequiredAndEmpty() {
    XCTAssertEqual(
      FieldText.check("", field: "申请人姓名", required: true, maxLength: 20),
      IdentifierProblem(message: "「申请人姓名」不能为空"))
    XCTAssertEqual(
      FieldText.check(" \u{3000}\n\t", field: "申请人姓名", required: true, maxLength: 20),
      IdentifierProblem(message: "「申请人姓名」不能为空"))
    XCTAssertNil(FieldText.check("  ", field: "备注", required: false, maxLength: 20))
    XCTAssertNil(FieldText.check("张三", field: "申请人姓名", required: true, maxLength: 20))
  }

  /// Length is in characters: a CJK character or an emoji counts one, surrounding blanks none.
  func testMaxLength() {
    let fifty = String(repeating: "政", count: 50)
    XCTAssertNil(FieldText.check(fifty, field: "事项名称", required: true, maxLength: 50))
    XCTAssertNil(FieldText.check("  \(fifty)  ", field: "事项名称", required: true, maxLength: 50))
    XCTAssertEqual(
      FieldText.check(fifty + "务", field: "事项名称", required: true, maxLength: 50),
      IdentifierProblem(message: "「事项名称」不能超过50个字"))
    XCTAssertNil(FieldText.check("👨‍👩‍👧", field: "x", required: true, maxLength: 1))
    // Bytes, then scalars, then characters: each count decides only when the one before it
    // is over the limit.
    XCTAssertNil(FieldText.check("abc", field: "x", required: true, maxLength: 3))
    XCTAssertNotNil(FieldText.check("abcd", field: "x", required: true, maxLength: 3))
    XCTAssertNil(FieldText.check("e\u{301}e\u{301}", field: "x", required: true, maxLength: 2))
    XCTAssertNotNil(FieldText.check("e\u{301}ee", field: "x", required: true, maxLength: 2))
  }

  func testControlCharacters() {
    let problem = IdentifierProblem(message: "「诉求内容」含有控制字符")
    for text in ["第一行\n第二行", "a\u{1B}[31mb", "tab\there", "del\u{7F}", "c1\u{9B}x", "nul\u{0}"] {
      XCTAssertEqual(
        FieldText.check(text, field: "诉求内容", required: true, maxLength: 500), problem, text)
    }
    XCTAssertNil(
      FieldText.check("第一行\n第二行", field: "诉求内容", required: true, maxLength: 500, multiline: true))
    for text in ["a\r\nb", "a\rb", "a\u{1B}b"] {
      XCTAssertEqual(
        FieldText.check(text, field: "诉求内容", required: true, maxLength: 500, multiline: true),
        problem, text)
    }
  }

  func testSanitizeLeavesOrdinaryTextAlone() {
    let text = "张三 申请《营业执照》变更 — 100%"
    XCTAssertEqual(FieldText.sanitizeForDisplay(text), text)
  }

  func testSanitizeReplacesControlsAndSequences() {
    XCTAssertEqual(FieldText.sanitizeForDisplay("a\nb\tc"), "a b c")
    XCTAssertEqual(FieldText.sanitizeForDisplay("a\r\nb"), "a b")
    XCTAssertEqual(FieldText.sanitizeForDisplay("红\u{1B}[1;31m字\u{1B}[0m"), "红␛字␛")
    XCTAssertEqual(FieldText.sanitizeForDisplay("\u{1B}]0;pwned\u{7}标题"), "␛标题")
    XCTAssertEqual(FieldText.sanitizeForDisplay("\u{1B}]2;x\u{1B}\\y"), "␛y")
    XCTAssertEqual(FieldText.sanitizeForDisplay("a\u{9B}2Jb"), "a␛b")
    XCTAssertEqual(FieldText.sanitizeForDisplay("del\u{7F}x"), "del␡x")
    XCTAssertEqual(FieldText.sanitizeForDisplay("\u{1B}c重置"), "␛重置")
    XCTAssertEqual(FieldText.sanitizeForDisplay("end\u{1B}"), "end␛")
    XCTAssertEqual(FieldText.sanitizeForDisplay("bel\u{7}nul\u{0}cr\rx"), "bel␇nul␀cr␍x")
  }

  /// An unterminated control string must not swallow the rest of the text from the clerk's view.
  func testUnterminatedOSCKeepsTheText() {
    XCTAssertEqual(FieldText.sanitizeForDisplay("\u{1B}]0;诉求内容"), "␛0;诉求内容")
  }

  /// Bidi overrides and invisible format characters are refused in a typed field too.
  func testFormatCharactersAreControls() {
    for text in ["张\u{202E}三", "李\u{2066}四\u{2069}", "王\u{200B}五", "\u{FEFF}赵六"] {
      XCTAssertEqual(
        FieldText.check(text, field: "姓名", required: true, maxLength: 20),
        IdentifierProblem(message: "「姓名」含有控制字符"), text)
    }
  }

  func testSanitizedTextHasNoControlCharacters() {
    var random = SeededGenerator(seed: 7)
    let alphabet: [Unicode.Scalar] = [
      "a", "政", "[", "]", "\\", "\u{1B}", "\u{7}", "\n", "\r", "\u{9B}",
      "\u{9C}", "\u{7F}", "\u{0}", "m", "0", ";",
    ]
    for _ in 0..<500 {
      var scalars = String.UnicodeScalarView()
      for _ in 0..<Int.random(in: 0...30, using: &random) {
        scalars.append(alphabet[Int.random(in: 0..<alphabet.count, using: &random)])
      }
      let clean = FieldText.sanitizeForDisplay(String(scalars))
      XCTAssertFalse(clean.unicodeScalars.contains(where: SafeText.isUnsafe))
    }
  }
}
