import Domain
import Foundation
import XCTest

@testable import Store

/// `applications import` (第十六条): 网上申请 the provincial platform hands over become
/// applications awaiting 网上预审, numbered by the platform too, all of a file or none.
final class PlatformApplicationImportTests: XCTestCase {
  static let header = NationalApplications.applicationHeader.joined(separator: ",")

  /// One row of table 5; the item by our code (as our own export writes it).
  static func row(
    _ number: String, item: String = "SCJG-DJ-001", name: String = "个体工商户设立登记",
    applicant: String = "马晓燕", idType: String = "111", id: String = "620402199202020052",
    phone: String = "13993012345", source: String = "2", at: String = "20261124T093000",
    region: String = "620402"
  ) -> String {
    [number, "", item, name, "承诺件", "2", applicant, idType, id, phone, source, at, region]
      .joined(separator: ",")
  }

  static func file(_ rows: [String]) -> Data {
    Data(("\u{FEFF}" + ([header] + rows).joined(separator: "\r\n") + "\r\n").utf8)
  }

  func testEachRowBecomesAnOnlineApplicationAwaitingPreReviewFromItsApplicationTime() throws {
    let (store, dir) = try makeDemo()
    defer { try? FileManager.default.removeItem(at: dir) }
    let clerk = try store.demoStaff("liuyang")
    let summary = try store.importPlatformApplications(
      Self.file([
        Self.row("GS2026112400001"),
        Self.row("GS2026112400002", applicant: "杨建军", id: "620421197806150034", source: "3"),
      ]), file: "applications.csv", items: store, by: clerk)
    XCTAssertEqual(summary.registered.map(\.number), ["GS2026112400001", "GS2026112400002"])
    XCTAssertTrue(summary.skipped.isEmpty)
    let first = try XCTUnwrap(try store.application(caseID: summary.registered[0].caseID))
    XCTAssertEqual(first.status, .awaitingPreReview)
    XCTAssertEqual(first.channel, .online)
    XCTAssertEqual(first.platform?.number, "GS2026112400001")
    // The 预审 clock runs from 申请时间 (Tuesday 24 November), not from the import (26th).
    XCTAssertEqual(first.intakeStartedOn, CivilDate(year: 2026, month: 11, day: 24))
    XCTAssertEqual(
      first.preReviewLimitEnd(store.calendar), CivilDate(year: 2026, month: 12, day: 1))
    let second = try XCTUnwrap(try store.application(caseID: summary.registered[1].caseID))
    XCTAssertEqual(second.channel, .mobile)
    XCTAssertEqual(try store.platformCase(number: "GS2026112400002"), second.caseID)
    // F7 finds it by the platform's number, as by any upstream ticket.
    let found = try store.find(try FindQuery.parse("GS2026112400002").get(), for: clerk)
    XCTAssertEqual(found.cases.map(\.caseID), [second.caseID])
  }

  func testANumberAlreadyHeldIsSkippedAndReported() throws {
    let (store, dir) = try makeDemo()
    defer { try? FileManager.default.removeItem(at: dir) }
    let clerk = try store.demoStaff("liuyang")
    let once = try store.importPlatformApplications(
      Self.file([Self.row("GS1")]), file: "a.csv", items: store, by: clerk)
    let twice = try store.importPlatformApplications(
      Self.file([Self.row("GS1"), Self.row("GS2"), Self.row("GS2")]), file: "a.csv", items: store,
      by: clerk)
    XCTAssertEqual(twice.registered.map(\.number), ["GS2"])
    XCTAssertEqual(twice.skipped.map(\.line), [2, 4])
    XCTAssertEqual(twice.skipped.first?.caseID, once.registered.first?.caseID)
  }

  func testABadRowRefusesTheWholeFileNamingItsLineAndItem() throws {
    let (store, dir) = try makeDemo()
    defer { try? FileManager.default.removeItem(at: dir) }
    let clerk = try store.demoStaff("liuyang")
    let good = Self.row("GS10")
    let cases: [(String, String)] = [
      (Self.row("GS11", item: "NO-SUCH", name: "不存在的事项"), "第3行「不存在的事项」: 实施编码「」不是本区事项库中的事项"),
      (Self.row("GS12", id: "620402199202020053"), "第3行「个体工商户设立登记」: 身份证号码校验位错误"),
      (Self.row("GS13", at: "20261124T253000"), "申请时间「20261124T253000」应写成 YYYYMMDDThhmmss"),
      (Self.row("GS14", at: "20261127T093000"), "申请时间晚于登记时间"),
      (Self.row("GS15", source: "1"), "申报来源「窗口办理」不是网上申请"),
      (Self.row("GS16", idType: "414"), "证件类型「普通护照」本系统暂不能登记"),
      (Self.row("GS17", region: "620403"), "行政区划「620403」不是本区(620402)的办件"),
      (Self.row("GS-18"), "办件编号「GS-18」应为1至40位字母和数字"),
    ]
    let before = try store.db.fetchInt("SELECT count(*) FROM journal")
    for (bad, message) in cases {
      XCTAssertThrowsError(
        try store.importPlatformApplications(
          Self.file([good, bad]), file: "applications.csv", items: store, by: clerk)
      ) {
        XCTAssertTrue(CLIText.of($0).contains(message), CLIText.of($0))
        XCTAssertTrue(CLIText.of($0).hasPrefix("applications.csv 第"), CLIText.of($0))
      }
    }
    XCTAssertEqual(
      try store.db.fetchInt("SELECT count(*) FROM journal"), before, "nothing recorded")
    XCTAssertNil(try store.platformCase(number: "GS10"))
    XCTAssertEqual(try store.refusals(limit: 1).first?.actor, "liuyang", "the attempt is logged")
  }

  func testASuspendedItemAndAClerkWithoutTheDeskAreRefused() throws {
    let (store, dir) = try makeDemo()
    defer { try? FileManager.default.removeItem(at: dir) }
    XCTAssertThrowsError(
      try store.importPlatformApplications(
        Self.file([Self.row("GS20")]), file: "applications.csv", items: store,
        by: try store.demoStaff("chenjing"))
    ) { XCTAssertTrue(CLIText.of($0).contains("第2行「个体工商户设立登记」"), CLIText.of($0)) }
  }

  func testTheExportWritesThePlatformsNumberAndApplicationTime() throws {
    let (store, dir) = try makeDemo()
    defer { try? FileManager.default.removeItem(at: dir) }
    let summary = try store.importPlatformApplications(
      Self.file([Self.row("GS2026112400009")]), file: "applications.csv", items: store,
      by: try store.demoStaff("liuyang"))
    let caseID = try XCTUnwrap(summary.registered.first?.caseID)
    let day = CivilDate(year: 2026, month: 11, day: 26)!
    let out = dir.appendingPathComponent("out").path
    try store.exportNational(
      from: day, to: day, directory: out, by: try store.demoStaff("zhangmin"))
    let applications = try CSVFile.read(out + "/applications.csv")
    let row = try XCTUnwrap(applications.rows.first { $0[0] == "GS2026112400009" })
    XCTAssertEqual(row[applications.header.firstIndex(of: "申请时间")!], "20261124T093000")
    XCTAssertFalse(
      applications.column("办件编号").contains(NationalFormat.caseNumber(caseID)),
      "our own number is not written for it")
    // Its row handed back as the platform would: nothing new.
    let back = ([applications.header] + [row]).map { $0.joined(separator: ",") }
    let again = try store.importPlatformApplications(
      Data((back.joined(separator: "\r\n") + "\r\n").utf8), file: "applications.csv",
      items: store, by: try store.demoStaff("liuyang"))
    XCTAssertEqual(again.skipped.map(\.caseID), [caseID])
  }
}
