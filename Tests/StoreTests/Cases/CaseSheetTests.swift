import Domain
import Foundation
import XCTest

@testable import Store

/// 办件单 / 投诉建议处理单 (`p`): the case on one A4 sheet, saved and printed through the notice
/// office, as the operator may read the case.
final class CaseSheetTests: XCTestCase {
  var store: Store!
  var dir: URL!

  override func setUpWithError() throws {
    (store, dir) = try makeDemo()
  }

  func office(printed: @escaping (String) -> Void = { _ in }) -> NoticeOffice {
    NoticeOffice(
      share: repositoryShare,
      settings: NoticeSettings(
        directory: dir.appendingPathComponent("sheets").path, printer: "hall-1",
        directoryIsDefault: false),
      print: { _, path in
        printed(path)
        return .submitted(job: "hall-1-3")
      })
  }

  func staff(_ login: String) throws -> Staff { try XCTUnwrap(try store.staff(login: login)) }

  func testAnApplicationsSheetIsSavedPrintedAndFitsA4() throws {
    var printed: [String] = []
    let values = try store.caseSheetValues(
      .application, caseID: "BYQ-2026-000054", for: try staff("zhouqiang"))
    let d = office { printed.append($0) }.produceSheet(
      .application, caseID: "BYQ-2026-000054", values: values, on: store.today)
    XCTAssertFalse(d.hasProblem, d.statusLine)
    XCTAssertTrue(d.statusLine.hasPrefix("已提交打印任务 hall-1-3;办件单 BYQ-2026-000054 已保存 "))
    let path = try XCTUnwrap(d.path)
    XCTAssertEqual(printed, [path])
    XCTAssertTrue(path.hasSuffix("/2026/BYQ-2026-000054-办件单.txt"), path)
    let text = try String(contentsOfFile: path, encoding: .utf8)
    for needle in ["办件单", "马晓燕", "个体工商户设立登记", "办理过程:", "1. ", "办结", "打印:周强"] {
      XCTAssertTrue(text.contains(needle), "\(needle) in\n\(text)")
    }
    for line in text.split(separator: "\n") {
      XCTAssertLessThanOrEqual(DisplayWidth.of(line), NoticeLayout.columns, String(line))
    }
    // Printed again: a new file, never over the first.
    let again = office().produceSheet(
      .application, caseID: "BYQ-2026-000054", values: values, on: store.today)
    XCTAssertNotEqual(again.path, path)
  }

  func testAComplaintsSheetIsMaskedAsTheOperatorReadsIt() throws {
    let full = try store.caseSheetValues(
      .complaint, caseID: "BYQ-2026-000074", for: try staff("chenjing"))
    let text = try office().sheetText(.complaint, values: full)
    XCTAssertTrue(text.contains("投诉建议处理单"), text)
    XCTAssertTrue(text.contains("马小军"), text)
    XCTAssertTrue(text.contains("回访"), text)
    // 089 is 不公开 and handled by 王岘镇: the centre's counter prints its number, not its content.
    let hidden = try store.caseSheetValues(
      .complaint, caseID: "BYQ-2026-000089", for: try staff("liuyang"))
    let masked = try office().sheetText(.complaint, values: hidden)
    XCTAssertTrue(masked.contains("BYQ-2026-000089"), masked)
    XCTAssertTrue(masked.contains("保密案件"), masked)
    XCTAssertFalse(masked.contains("13809437654"), masked)
    // Another organisation's case is refused.
    XCTAssertThrowsError(
      try store.caseSheetValues(.complaint, caseID: "BYQ-2026-000074", for: try staff("zhengtao")))
  }

  func testARectificationsSheetFollowsItsSteps() throws {
    let values = try store.caseSheetValues(
      .rectification, caseID: "BYQ-2026-000002", for: try staff("zhouqiang"))
    let text = try office().sheetText(.rectification, values: values)
    for needle in ["差评整改处理单", "营业执照变更登记", "评价人:李建国", "核实(电话)", "办结:已整改"] {
      XCTAssertTrue(text.contains(needle), "\(needle) in\n\(text)")
    }
    // 郑涛 of 王岘镇 may not see 区市场监督管理局's case.
    XCTAssertThrowsError(
      try store.caseSheetValues(
        .rectification, caseID: "BYQ-2026-000002", for: try staff("zhengtao")))
  }
}
