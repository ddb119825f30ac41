import XCTest

@testable import Domain

final class NoticeLayoutTests: XCTestCase {
  func lay(_ template: String, _ values: [String: String] = [:]) throws -> [String] {
    let text = try NoticeLayout.lay(template, values: values).get()
    XCTAssertTrue(text.hasSuffix("\n"))
    return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
  }

  func testTitlesCentreSignaturesAlignRightAndParagraphsIndentTheirFirstLine() throws {
    let lines = try lay(
      "^受理通知书\n\n    {{正文}}\n>{{机关}}",
      ["正文": String(repeating: "申请材料齐全", count: 8), "机关": "白银区民政局"])
    XCTAssertEqual(lines[0], String(repeating: " ", count: 28) + "受理通知书")
    XCTAssertEqual(lines[2], "    " + String(repeating: "申请材料齐全", count: 5) + "申")
    XCTAssertEqual(lines[3], "请材料齐全申请材料齐全申请材料齐全")
    XCTAssertEqual(lines[4], String(repeating: " ", count: 54) + "白银区民政局")
    for l in lines { XCTAssertLessThanOrEqual(DisplayWidth.of(l), 66) }
  }

  func testNumberedItemsHangAndEmptySinglePlaceholderLinesAreLeftOut() throws {
    let item = "1. " + String(repeating: "家庭经济状况核对授权书", count: 3)
    let lines = try lay("    {{清单}}\n    {{联系方式}}\n经办人", ["清单": item, "联系方式": ""])
    XCTAssertEqual(lines.count, 3)
    XCTAssertTrue(lines[0].hasPrefix("    1. 家庭"))
    XCTAssertTrue(lines[1].hasPrefix("       "), lines[1])
    XCTAssertEqual(lines[2], "经办人")
  }

  func testAValueCannotChangeTheLayoutNorCarryControlCharacters() throws {
    let lines = try lay("{{申请人}}:", ["申请人": "^张三\u{1B}[2J"])
    XCTAssertEqual(lines, ["^张三␛:"], "the escape shown as one mark, never sent")
    let long = String(repeating: "A", count: 150)
    for l in try lay("    {{x}}", ["x": long]) {
      XCTAssertLessThanOrEqual(DisplayWidth.of(l), 66)
    }
    XCTAssertThrowsError(try NoticeLayout.lay("{{未知}}", values: [:]).get())
  }
}
