import XCTest

@testable import Domain

/// What the clerk types into 查找 (F7), as the index ranges that answer it.
final class FindQueryTests: XCTestCase {
  func query(_ text: String) throws -> FindQuery {
    try FindQuery.parse(text).get()
  }

  func testACaseNumberWithOrWithoutDashesIsOneKey() throws {
    XCTAssertEqual(FindKey.number("BYQ-2026-000001"), ["N:BYQ2026000001", "R:1000006202QYB"])
    let dashed = try query("BYQ-2026-000001").probes.filter { $0.field == .number }
    let plain = try query("byq2026000001").probes.filter { $0.field == .number }
    XCTAssertEqual(dashed, plain)
    XCTAssertEqual(dashed.first?.key, "N:BYQ2026000001")
    XCTAssertEqual(dashed.first?.prefix, true)
  }

  /// The byte-wise way for ASCII gives what the Character-wise rule gives, at every edge.
  func testNormalisedAndDigitsAgreeWithTheCharacterRule() {
    let dropped: Set<Character> = ["-", "—", "－", "_", " ", "\u{3000}", "\t", "\n", "/"]
    let texts = [
      "BYQ-2026-000001", "byq 2026_000001/x", "11010519491231002x", "0943-8221234", "a\r\nb",
      "a\nb\tc", "-\u{301}12", "张三-李四", "ＡＢＣ－１２", "\u{3000}王五 ", "", "---", "é-1", "zZ09",
      "12\u{301}3", "0943—8221234", "马晓燕", "马晓-燕 x", "张\u{301}三", "龘a_b", "张三\r\n",
      "李\u{200D}四", "\u{4E00}-\u{9FFF}", "王\u{3000}五",
    ]
    for t in texts {
      XCTAssertEqual(
        FindKey.normalised(t), String(t.filter { !dropped.contains($0) }).uppercased(), t)
      XCTAssertEqual(FindKey.digits(t), String(t.filter { $0.isASCII && $0.isNumber }), t)
      let n = FindKey.normalised(t)
      XCTAssertEqual(
        FindKey.number(t), n.isEmpty ? [] : ["N:" + n, "R:" + String(n.reversed())], t)
    }
  }

  func testDigitsAreTheNumbersLastDigitsAndAPhone() throws {
    let probes = try query("000064").probes
    XCTAssertTrue(probes.contains(.init(field: .numberTail, key: "R:460000", prefix: true)))
    XCTAssertTrue(probes.contains(.init(field: .phone, key: "P:000064", prefix: false)))
    // A landline with its dash is the same phone as without.
    XCTAssertTrue(
      try query("0943-8221234").probes.contains(
        .init(field: .phone, key: "P:09438221234", prefix: false)))
  }

  func testANameIsAPrefix() throws {
    let probes = try query(" 马晓 ").probes
    XCTAssertTrue(probes.contains(.init(field: .name, key: "M:马晓", prefix: true)))
    XCTAssertFalse(probes.contains { $0.field == .phone || $0.field == .numberTail })
  }

  func testAnIDNumberIsExactAndUpperCase() throws {
    let probes = try query("62040219900101123x").probes
    XCTAssertTrue(
      probes.contains(.init(field: .idNumber, key: "I:62040219900101123X", prefix: false)))
  }

  func testTooLittleIsRefusedInWords() {
    guard case .failure(let empty) = FindQuery.parse("  ") else { return XCTFail("searched") }
    XCTAssertTrue(empty.message.contains("请输入案件编号"), empty.message)
    guard case .failure(let r) = FindQuery.parse("064") else { return XCTFail("searched 064") }
    XCTAssertTrue(r.message.contains("至少输入4位数字"), r.message)
  }

  func testPersonKeysLeaveOutWhatIsEmpty() {
    XCTAssertEqual(
      FindKey.person(name: "周红", phone: "138-0943-1201", idNumber: ""),
      ["M:周红", "P:13809431201"])
    XCTAssertEqual(FindKey.person(name: nil, phone: "", idNumber: nil), [])
  }
}
