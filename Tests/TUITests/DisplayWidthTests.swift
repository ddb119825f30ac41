import CNcursesw
import Domain
import Foundation
import XCTest

@testable import TUI

#if canImport(Glibc)
  import Glibc
#endif

final class DisplayWidthTests: XCTestCase {
  /// Our table must agree with glibc's wcwidth, which is what the terminal's side counts with.
  func testAgreesWithGlibc() throws {
    guard setlocale(LC_CTYPE, "C.UTF-8") != nil else {
      throw XCTSkip("C.UTF-8 locale unavailable")
    }
    var mismatches: [String] = []
    for v in UInt32(0x20)...UInt32(0x3FFFF) {
      guard let s = Unicode.Scalar(v), !(0x7F..<0xA0).contains(v) else { continue }
      let glibc = Int(wcwidth(wchar_t(bitPattern: v)))
      let ours = DisplayWidth.of(s)
      // glibc says -1 for unassigned code points; we draw those in one column.
      let expected = glibc < 0 ? 1 : glibc
      if expected != ours, mismatches.count < 10 { mismatches.append(String(v, radix: 16)) }
    }
    XCTAssertEqual(mismatches, [])
  }

  func testChineseIsTwoColumns() {
    XCTAssertEqual(DisplayWidth.of("受理登记"), 8)
    XCTAssertEqual(DisplayWidth.of("BYQ-2026-000123"), 15)
    XCTAssertEqual(DisplayWidth.of("剩3日"), 5)
    XCTAssertEqual(DisplayWidth.of("，。"), 4)
  }

  func testTruncationNeverSplitsAGlyph() {
    XCTAssertEqual(DisplayWidth.truncate("政务服务中心", to: 7), "政务服~")
    XCTAssertEqual(DisplayWidth.truncate("政务服务中心", to: 6), "政务~")
    XCTAssertEqual(DisplayWidth.truncate("政务服务中心", to: 12), "政务服务中心")
    XCTAssertEqual(DisplayWidth.truncate("ab政务", to: 5), "ab政~")
    XCTAssertEqual(DisplayWidth.of(DisplayWidth.pad("政务", to: 7)), 7)
  }

  func testWrapBreaksChineseAnywhereWithinColumns() {
    let lines = DisplayWidth.wrap("申请人提交营业执照复印件一份和身份证原件", columns: 10)
    XCTAssertTrue(lines.allSatisfy { DisplayWidth.of($0) <= 10 })
    XCTAssertEqual(lines.joined(), "申请人提交营业执照复印件一份和身份证原件")
  }

  func testWrapKeepsDatesAndNumbersWholeAndNeverStartsALineWithAComma() {
    let text = "郑涛 申请2个工作日: 需入户核实家庭收入;2026-11-19 陈静 已批准"
    let lines = DisplayWidth.wrap(text, columns: 40)
    XCTAssertEqual(lines, ["郑涛 申请2个工作日: 需入户核实家庭收入;", "2026-11-19 陈静 已批准"])
    XCTAssertEqual(
      DisplayWidth.wrap("联系电话13709432210", columns: 12), ["联系电话", "13709432210"])
    XCTAssertEqual(DisplayWidth.wrap("一二三四五,六", columns: 10), ["一二三四", "五,六"])
    XCTAssertEqual(DisplayWidth.wrap("一二三四五。", columns: 10), ["一二三四", "五。"])
    // A run longer than a line still breaks, filling each line.
    XCTAssertEqual(DisplayWidth.wrap("ABCDEFGHIJKL", columns: 5), ["ABCDE", "FGHIJ", "KL"])
    XCTAssertEqual(DisplayWidth.wrap("ab cd ef", columns: 5), ["ab cd", "ef"])
  }
}

final class FrameTests: XCTestCase {
  func testWideGlyphAtTheRightEdgeIsNotHalfDrawn() {
    var f = Frame(width: 5, height: 1)
    f.put("政务服", x: 0, y: 0)
    XCTAssertEqual(f.line(0), "政务~")
    XCTAssertEqual(DisplayWidth.of(f.line(0)), 5)
  }

  func testControlCharactersNeverReachTheTerminal() {
    var f = Frame(width: 20, height: 1)
    f.put("a\u{1B}[31mb\u{7}c\u{9B}", x: 0, y: 0)
    XCTAssertFalse(f.line(0).contains("\u{1B}"))
    XCTAssertFalse(f.line(0).contains("\u{7}"))
    XCTAssertFalse(f.line(0).contains("\u{9B}"))
    XCTAssertTrue(f.line(0).hasPrefix("a␛b␇c␛"), f.line(0))
    // Bidi overrides from stored text are shown, never sent to curses.
    f.put("张\u{202E}三\u{2066}", x: 0, y: 0)
    XCTAssertTrue(f.line(0).hasPrefix("张\u{FFFD}三\u{FFFD}"), f.line(0))
  }

  func testOverwritingHalfAWideGlyphBlanksTheOtherHalf() {
    var f = Frame(width: 6, height: 1)
    f.put("政务服", x: 0, y: 0)
    f.put("x", x: 1, y: 0)
    XCTAssertEqual(DisplayWidth.of(f.line(0)), 6)
    XCTAssertEqual(f.line(0), " x务服")
  }

  func testColumnsLineUpAcrossRowsWithMixedText() {
    var f = Frame(width: 30, height: 2)
    f.put(DisplayWidth.pad("王岘镇", to: 10), x: 0, y: 0)
    f.put("剩3日", x: 10, y: 0)
    f.put(DisplayWidth.pad("RMLJD", to: 10), x: 0, y: 1)
    f.put("超期2日", x: 10, y: 1)
    XCTAssertEqual(f.line(0).prefix(10 - 3), "王岘镇    ")
    XCTAssertEqual(f.line(1).prefix(10), "RMLJD     ")
  }
}

final class TextFieldTests: XCTestCase {
  func testCaretInColumnsWithChineseInput() {
    var field = TextField(label: "姓名")
    for c in "张三丰" { _ = field.handle(.char(c)) }
    _ = field.handle(.left)
    var f = Frame(width: 20, height: 1)
    field.render(into: &f, x: 2, y: 0, width: 10, focused: true)
    XCTAssertEqual(f.cursor?.x, 2 + 4)
    _ = field.handle(.backspace)
    XCTAssertEqual(field.text, "张丰")
    _ = field.handle(.home)
    _ = field.handle(.char("A"))
    XCTAssertEqual(field.text, "A张丰")
  }

  func testLongTextScrollsToKeepTheCaretVisible() {
    var field = TextField(label: "内容")
    for c in "白银区政务服务中心窗口工作台" { _ = field.handle(.char(c)) }
    var f = Frame(width: 12, height: 1)
    field.render(into: &f, x: 0, y: 0, width: 10, focused: true)
    let cursor = f.cursor?.x ?? -1
    XCTAssertTrue((0..<10).contains(cursor), "cursor \(cursor)")
    XCTAssertTrue(f.line(0).contains("作台"))
  }

  func testMaxLengthStopsInput() {
    var field = TextField(label: "天数", maxLength: 3)
    for c in "12345" { _ = field.handle(.char(c)) }
    XCTAssertEqual(field.text, "123")
  }
}

final class WrapForPapersTests: XCTestCase {
  func testAWrittenDateMovesWholeAndClosingPunctuationTakesItsWordAlong() {
    XCTAssertEqual(
      DisplayWidth.wrap("受理日期为2026年11月26日", columns: 16), ["受理日期为", "2026年11月26日"])
    // The comma would start a line: the date before it comes down with it, whole.
    XCTAssertEqual(
      DisplayWidth.wrap("一二三2026年1月2日,四", columns: 18), ["一二三", "2026年1月2日,四"])
    // A colon is never the first character of a run: it stays with the word it follows.
    XCTAssertEqual(
      DisplayWidth.wrap("咨询电话:0943-8221256", columns: 8), ["咨询电", "话:0943-", "8221256"])
  }
}
