import Domain
import Foundation
import XCTest

@testable import Store

/// `export gbt39046` read back by a CSV reader of the tests' own, file by file.
final class NationalExportTests: XCTestCase {
  let from = CivilDate(year: 2020, month: 1, day: 1)!
  let to = CivilDate(year: 2026, month: 12, day: 31)!

  static let files = [
    "items.csv", "materials.csv", "applications.csv", "acceptances.csv", "steps.csv",
    "special-procedures.csv", "conclusions.csv", "ratings.csv", "complaints.csv",
    "supervision.csv",
  ]

  func testEveryFileReadsBackAndEveryCodeIsInItsTable() throws {
    let (store, dir) = try makeDemo()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("gbt").path
    let summary = try store.exportNational(
      from: from, to: to, directory: out, by: try store.demoStaff("zhangmin"))
    XCTAssertEqual(summary.files.map(\.name), Self.files + ["manifest.csv"])

    let manifest = try CSVFile.read(out + "/manifest.csv")
    XCTAssertEqual(manifest.header, ["文件", "数据集", "行数", "SHA-256", "起", "止", "节点", "行政区划"])
    XCTAssertEqual(manifest.rows.map { $0[0] }, Self.files)
    var tables: [String: CSVFile] = [:]
    for row in manifest.rows {
      let path = out + "/" + row[0]
      let file = try CSVFile.read(path)
      tables[row[0]] = file
      XCTAssertEqual(String(file.rows.count), row[2], row[0])
      XCTAssertEqual(sha256(of: path), row[3], row[0])
      XCTAssertEqual(Array(row[4...]), ["20200101T000000", "20261231T235959", "BYQ", "620402"])
      for r in file.rows { XCTAssertEqual(r.count, file.header.count, row[0]) }
      XCTAssertEqual(file.column("行政区划").count, file.rows.count)
      XCTAssertTrue(file.column("行政区划").allSatisfy { $0 == "620402" }, row[0])
      // 办理时间 of an item is its opening hours, not a moment.
      for name in file.header
      where (name.hasSuffix("时间") && name != "办理时间") || name == "承诺时限" {
        for v in file.column(name) where !v.isEmpty {
          XCTAssertTrue(Self.isDateTime(v), "\(row[0]) \(name) \(v)")
        }
      }
      for name in ["办件编号", "投诉编号"] where file.header.contains(name) {
        for v in file.column(name) {
          XCTAssertTrue(v.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }, v)
        }
      }
      for name in file.header
      where name.hasSuffix("统一社会信用代码") || name == "实施主体代码"
        || name == "承办单位代码"
      {
        for v in file.column(name) where !v.isEmpty {
          XCTAssertNil(CreditCode.validate(v), "\(row[0]) \(name) \(v)")
        }
      }
      let status = try XCTUnwrap(
        FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
      XCTAssertEqual(status & 0o777, 0o600, row[0])
    }

    let items = try XCTUnwrap(tables["items.csv"])
    XCTAssertGreaterThan(items.rows.count, 5)
    XCTAssertEqual(items.header.first, "事项名称")
    for (name, code) in zip(items.column("事项类型"), items.column("事项类型代码")) {
      XCTAssertEqual(MatterType.coded(code)?.name, name)
    }
    XCTAssertTrue(items.column("实施主体代码").allSatisfy { !$0.isEmpty }, "demo codes")
    XCTAssertTrue(items.column("事项状态").allSatisfy { ["在用", "暂停"].contains($0) })
    XCTAssertTrue(items.column("行使层级代码").allSatisfy { ExerciseLevel.coded($0) != nil })

    let applications = try XCTUnwrap(tables["applications.csv"])
    XCTAssertGreaterThan(applications.rows.count, 0)
    XCTAssertTrue(applications.column("申请者证件类型代码").allSatisfy { ["111", "001"].contains($0) })
    XCTAssertTrue(applications.column("申报来源代码").allSatisfy { HandlingForm.coded($0) != nil })
    for (name, code) in zip(applications.column("办件类型"), applications.column("办件类型代码")) {
      XCTAssertEqual(CaseType.coded(code)?.name, name)
    }

    let ratings = try XCTUnwrap(tables["ratings.csv"])
    XCTAssertGreaterThan(ratings.rows.count, 0)
    for (name, code) in zip(ratings.column("满意度"), ratings.column("满意度代码")) {
      // A.8: 非常满意 is 1, 非常不满意 5 — checked against the names, not our scores.
      let expected = ["非常满意": "1", "满意": "2", "基本满意": "3", "不满意": "4", "非常不满意": "5"]
      XCTAssertEqual(expected[name], code, name)
    }
    let channels = Set(EvaluationChannel.allCases.map(\.name))
    XCTAssertTrue(ratings.column("评价渠道").allSatisfy(channels.contains))

    let steps = try XCTUnwrap(tables["steps.csv"])
    XCTAssertTrue(steps.column("业务动作").allSatisfy { ["通过", "退回", "其他"].contains($0) })
    XCTAssertTrue(steps.column("环节办理状态代码").allSatisfy { ["1", "2"].contains($0) })
    let procedures = try XCTUnwrap(tables["special-procedures.csv"])
    XCTAssertTrue(
      procedures.column("特别程序种类代码").allSatisfy { SpecialProcedureKind.coded($0) != nil })
    // The demo's 延长审批 (A.7 1) beside its expert review (2), and its step in steps.csv.
    XCTAssertEqual(procedures.column("特别程序种类代码").sorted(), ["1", "2"])
    let extended = try XCTUnwrap(procedures.rows.first { $0[2] == "1" })
    XCTAssertEqual(extended[1], "延长审批")
    XCTAssertEqual(extended[5], "陈静", "approved by the supervisor")
    XCTAssertTrue(extended[4].hasPrefix("行政许可法第四十二条:"), extended[4])
    XCTAssertTrue(extended[8].hasPrefix("批准延长5个工作日"), extended[8])
    XCTAssertTrue(steps.column("环节名称").contains("延长审批"))
    XCTAssertGreaterThan(try XCTUnwrap(tables["complaints.csv"]).rows.count, 0)
  }

  /// Two exports of the same period from an unchanged database are the same bytes.
  func testTheExportIsDeterministicAndGoesIntoANewFolder() throws {
    let (store, dir) = try makeDemo()
    defer { try? FileManager.default.removeItem(at: dir) }
    let admin = try store.demoStaff("zhangmin")
    let a = dir.appendingPathComponent("a").path
    let b = dir.appendingPathComponent("b").path
    try store.exportNational(from: from, to: to, directory: a, by: admin)
    try FileManager.default.createDirectory(atPath: b, withIntermediateDirectories: false)
    try store.exportNational(from: from, to: to, directory: b, by: admin)
    for name in Self.files + ["manifest.csv"] {
      XCTAssertEqual(
        try Data(contentsOf: URL(fileURLWithPath: a + "/" + name)),
        try Data(contentsOf: URL(fileURLWithPath: b + "/" + name)), name)
    }
    XCTAssertThrowsError(try store.exportNational(from: from, to: to, directory: a, by: admin)) {
      XCTAssertTrue(CLIText.of($0).contains("不是空的"), CLIText.of($0))
    }
    XCTAssertThrowsError(
      try store.exportNational(
        from: from, to: to, directory: dir.appendingPathComponent("c").path,
        by: try store.demoStaff("liuyang")))
    XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("c").path))
    XCTAssertEqual(
      try store.events(stream: "report/gbt39046").count, 2, "each export is recorded")
  }

  /// Text that could break a record or a terminal is written by the sanitiser's rule and read
  /// back as one field.
  func testAwkwardTextStaysInItsField() throws {
    var t = NationalTable(header: ["a", "b"])
    t.append(["逗号,\"引号\"\r\n换行", "=1+1\u{1B}[2J"])
    let file = try CSVFile.parse(Data(t.text.utf8))
    XCTAssertEqual(file.rows, [["逗号,\"引号\" 换行", "=1+1\u{241B}"]])
  }

  static func isDateTime(_ v: String) -> Bool {
    let chars = Array(v)
    return chars.count == 15 && chars[8] == "T"
      && chars.enumerated().allSatisfy {
        $0.offset == 8 || $0.element.isASCII && $0.element.isNumber
      }
  }
}

/// A CSV reader written for the tests, independent of the writer: RFC 4180 with CRLF record
/// ends, a UTF-8 BOM required.
struct CSVFile {
  var header: [String]
  var rows: [[String]]

  func column(_ name: String) -> [String] {
    guard let i = header.firstIndex(of: name) else { return [] }
    return rows.map { $0[i] }
  }

  static func read(_ path: String) throws -> CSVFile {
    try parse(try Data(contentsOf: URL(fileURLWithPath: path)))
  }

  struct Malformed: Error, CustomStringConvertible {
    var description: String
  }

  static func parse(_ data: Data) throws -> CSVFile {
    let bytes = [UInt8](data)
    guard bytes.starts(with: [0xEF, 0xBB, 0xBF]) else { throw Malformed(description: "no BOM") }
    var records: [[String]] = []
    var record: [String] = []
    var field: [UInt8] = []
    var i = 3
    var quoted = false
    func endField() {
      record.append(String(decoding: field, as: UTF8.self))
      field = []
    }
    while i < bytes.count {
      let b = bytes[i]
      if quoted {
        if b == UInt8(ascii: "\"") {
          if i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "\"") {
            field.append(b)
            i += 2
            continue
          }
          quoted = false
        } else {
          field.append(b)
        }
        i += 1
        continue
      }
      switch b {
      case UInt8(ascii: "\""):
        guard field.isEmpty else { throw Malformed(description: "quote inside a field") }
        quoted = true
      case UInt8(ascii: ","): endField()
      case 0x0D:
        guard i + 1 < bytes.count, bytes[i + 1] == 0x0A else {
          throw Malformed(description: "CR without LF")
        }
        endField()
        records.append(record)
        record = []
        i += 1
      case 0x0A: throw Malformed(description: "LF without CR")
      default: field.append(b)
      }
      i += 1
    }
    guard !quoted, field.isEmpty, record.isEmpty else {
      throw Malformed(description: "the last record does not end with CRLF")
    }
    guard let header = records.first else { throw Malformed(description: "no header") }
    return CSVFile(header: header, rows: Array(records.dropFirst()))
  }
}
