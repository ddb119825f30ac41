import Foundation
import XCTest

@testable import Domain

/// 拼音检索 (issue 20 item 7): initials, full syllables, mixed; polyphonic characters match any
/// reading; the shipped table says where it came from.
final class PinyinReadingsTests: XCTestCase {
  static let shipped: PinyinReadings = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("share/zwfw/pinyin-readings.tsv")
    return PinyinReadings(tsv: (try? String(contentsOf: url, encoding: .utf8)) ?? "")
  }()

  func testInitialsSyllablesAndMixedFindTheName() {
    let t = Self.shipped
    XCTAssertFalse(t.isEmpty)
    let name = "个体工商户设立登记"
    XCTAssertEqual(t.runs("gtgshsldj", in: name), 1, "every initial: one run")
    XCTAssertEqual(t.runs("gtgsdj", in: name), 2, "个体工商 + 登记")
    XCTAssertEqual(t.runs("getigongshanghu", in: name), 1)
    XCTAssertEqual(t.runs("getigshdj", in: name), 2, "syllables and initials mixed")
    XCTAssertEqual(t.runs("dengji", in: name), 1)
    XCTAssertNil(t.runs("dibao", in: name))
    XCTAssertEqual(t.runs("zdshbz", in: "最低生活保障"), 1)
    XCTAssertEqual(t.runs("db", in: "低保"), 1)
  }

  func testPolyphonicCharactersMatchAnyReading() {
    let t = Self.shipped
    XCTAssertEqual(t.readings(of: "行"), ["hang", "heng", "xing"])
    XCTAssertEqual(t.runs("xzxk", in: "行政许可"), 1)
    XCTAssertEqual(t.runs("hzxk", in: "行政许可"), 1, "any reading of 行 matches")
    XCTAssertEqual(t.readings(of: "绿"), ["lu", "lv"], "ü written v")
  }

  func testLettersAndDigitsOfANameSpellThemselves() {
    let t = PinyinReadings(tsv: "周\tzhou\n岁\tsui\n")
    XCTAssertEqual(t.runs("80zs", in: "80周岁"), 1)
    XCTAssertNil(t.runs("x", in: "周岁"))
    XCTAssertNil(t.runs("", in: "周岁"))
  }

  func testTheTableSaysWhereItCameFromAndItsLicence() throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("share/zwfw/pinyin-readings.tsv")
    let head = try String(contentsOf: url, encoding: .utf8).prefix(800)
    XCTAssertTrue(head.contains("mozillazg/pinyin-data"))
    XCTAssertTrue(head.contains("MIT"))
    XCTAssertTrue(head.contains("Unicode License"))
  }

  func testMalformedLinesAreLeftOut() {
    let t = PinyinReadings(tsv: "# comment\n个\tge\n坏\n二字\ter\n低\tDi\n")
    XCTAssertEqual(t.readings(of: "个"), ["ge"])
    XCTAssertEqual(t.readings(of: "坏"), [])
    XCTAssertEqual(t.readings(of: "低"), [], "readings are lowercase letters")
  }
}
