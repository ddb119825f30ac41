import Domain
import Foundation
import XCTest

@testable import Store

#if canImport(Glibc)
  import Glibc
#endif

final class NoticeOfficeTests: XCTestCase {
  var store: Store!
  var dir: URL!

  override func setUpWithError() throws {
    (store, dir) = try makeDemo()
  }

  override func tearDown() {
    store = nil
    try? FileManager.default.removeItem(at: dir)
  }

  func accepted() throws -> (Application, IssuedNotice) {
    let liuyang = try store.demoStaff("liuyang")
    let a = try store.registerWalkIn(by: liuyang)
    let r = try store.perform(ApplicationCommand.accept, on: a.caseID, as: liuyang)
    return (r.application, try XCTUnwrap(r.notices.first))
  }

  func testDefaultDirectoryIsBesideTheDatabaseAndTheFileIsTheFilledTemplate() throws {
    let settings = try store.noticeSettings()
    XCTAssertTrue(settings.directoryIsDefault)
    XCTAssertEqual(
      settings.directory, dir.appendingPathComponent("notices").standardizedFileURL.path)
    XCTAssertNil(settings.printer)
    let (a, notice) = try accepted()
    let office = try store.noticeOffice(share: repositoryShare)
    let d = office.produce(notice, of: a, names: try store.staffNames())
    XCTAssertEqual(d.problems, [])
    let path = try XCTUnwrap(d.path)
    let number = notice.number.replacingOccurrences(of: "〔", with: "")
      .replacingOccurrences(of: "〕", with: "-").replacingOccurrences(of: "号", with: "")
    XCTAssertTrue(path.hasSuffix("/notices/2026/\(a.caseID)-受理通知书-\(number).txt"), path)
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let lines = text.split(separator: "\n").map { $0.trimmingSpaces() }
    XCTAssertEqual(Array(lines.prefix(3)), ["白银区市场监督管理局", "受理通知书", notice.number], text)
    XCTAssertTrue(text.contains("张三:"), text)
    XCTAssertTrue(text.contains("个体工商户设立登记"), text)
    XCTAssertTrue(text.contains("预计办结:2026年12月1日前"), text)
    XCTAssertTrue(text.contains("经办人:刘洋"), text)
    XCTAssertFalse(text.contains("{{"), text)
    XCTAssertTrue(d.summary.hasPrefix("受理通知书 \(notice.number) 已保存 "), d.summary)
  }

  /// Two nodes' notices in one place, or a link planted at `notices/2026`: a notice produced
  /// again takes a free name, never another's file, and nothing is written through a link.
  func testNoticesNeverOverwriteAndNeverFollowALink() throws {
    let (a, notice) = try accepted()
    let office = try store.noticeOffice(share: repositoryShare)
    let first = try XCTUnwrap(office.produce(notice, of: a, names: [:]).path)
    let again = try XCTUnwrap(office.produce(notice, of: a, names: [:]).path)
    XCTAssertEqual(again, first.replacingOccurrences(of: ".txt", with: "-2.txt"))
    XCTAssertEqual(
      try String(contentsOfFile: first, encoding: .utf8),
      try String(contentsOfFile: again, encoding: .utf8))
    var st = stat()
    XCTAssertEqual(stat(first, &st), 0)
    XCTAssertEqual(st.st_mode & 0o777, 0o600)
    let year = (first as NSString).deletingLastPathComponent
    XCTAssertEqual(stat(year, &st), 0)
    XCTAssertEqual(st.st_mode & 0o777, 0o700)
    let elsewhere = dir.appendingPathComponent("elsewhere")
    try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: false)
    try FileManager.default.moveItem(atPath: year, toPath: dir.appendingPathComponent("old").path)
    try FileManager.default.createSymbolicLink(atPath: year, withDestinationPath: elsewhere.path)
    let refused = office.produce(notice, of: a, names: [:])
    XCTAssertNil(refused.path)
    XCTAssertTrue(refused.problems.first?.contains("是符号链接") ?? false, "\(refused.problems)")
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path), [])
  }

  func testEveryShippedTemplateFillsWithoutUnknownFields() throws {
    let liuyang = try store.demoStaff("liuyang")
    let zhouqiang = try store.demoStaff("zhouqiang")
    let office = try store.noticeOffice(share: repositoryShare)
    var notices: [(Application, IssuedNotice)] = []
    let a = try store.registerWalkIn(by: liuyang, materials: [.defective, .exempt, .missing])
    var r = try store.perform(
      ApplicationCommand.requestSupplement(
        [
          .material(0, .defective, note: "未签名"),
          .material(2, .missing, note: ""),
        ],
        other: ""), on: a.caseID, as: liuyang)
    notices += r.notices.map { (r.application, $0) }
    r = try store.perform(ApplicationCommand.refuse(reason: "申请人放弃"), on: a.caseID, as: liuyang)
    notices += r.notices.map { (r.application, $0) }
    for decision in [Decision.approved, .denied] {
      let b = try store.registerWalkIn(by: liuyang)
      try store.perform(ApplicationCommand.accept, on: b.caseID, as: liuyang)
      r = try store.perform(
        ApplicationCommand.stopClock(.testing, days: 3, reason: "检测"), on: b.caseID, as: zhouqiang)
      notices += r.notices.map { (r.application, $0) }
      try store.perform(ApplicationCommand.resumeClock(note: ""), on: b.caseID, as: zhouqiang)
      try store.perform(ApplicationCommand.startReview(opinion: ""), on: b.caseID, as: zhouqiang)
      if decision == .denied {
        r = try store.perform(
          ApplicationCommand.extendLimit(days: 10, reason: "需征求规划部门意见"), on: b.caseID,
          as: try store.demoStaff("chenjing"))
        notices += r.notices.map { (r.application, $0) }
      }
      try store.perform(
        ApplicationCommand.decide(decision, reason: "不符合条件"), on: b.caseID, as: zhouqiang)
      let certificate =
        decision == .approved
        ? ConclusionInput(certificateName: "食品经营许可证", certificateNumber: "JY16204020001")
        : ConclusionInput()
      r = try store.perform(ApplicationCommand.conclude(certificate), on: b.caseID, as: liuyang)
      notices += r.notices.map { (r.application, $0) }
    }
    XCTAssertEqual(
      Set(notices.map(\.1.kind)), Set(NoticeKind.allCases.filter { $0 != .acceptance }))
    for (app, n) in notices {
      let text = try office.text(n, of: app, names: [:])
      XCTAssertFalse(text.contains("{{"), "\(n.kind): \(text)")
      XCTAssertTrue(text.contains(n.number))
    }
    let refusal = try XCTUnwrap(notices.first { $0.1.kind == .refusal })
    // Paragraphs wrap at 66 columns: read them unwrapped.
    let refusalText = try office.text(refusal.1, of: refusal.0, names: [:])
      .replacingOccurrences(of: "\n", with: "")
    XCTAssertTrue(refusalText.contains("申请行政复议"), refusalText)
    XCTAssertTrue(refusalText.contains("提起行政诉讼"), refusalText)
    let denial = try XCTUnwrap(notices.first { $0.1.kind == .denial })
    XCTAssertTrue(
      try office.text(denial.1, of: denial.0, names: [:]).replacingOccurrences(of: "\n", with: "")
        .contains("申请行政复议"))
  }

  func testConfiguredDirectoryAndPrinterAndFailuresAreMessagesNotErrors() throws {
    let zhangmin = try store.demoStaff("zhangmin")
    let liuyang = try store.demoStaff("liuyang")
    XCTAssertThrowsError(try store.configureNotices(directory: "/tmp/x", printer: nil, by: liuyang))
    XCTAssertThrowsError(try store.configureNotices(directory: nil, printer: "a b", by: zhangmin))
    let target = dir.appendingPathComponent("docs")
    try store.configureNotices(directory: target.path, printer: "hall-1", by: zhangmin)
    let settings = try store.noticeSettings()
    XCTAssertEqual(settings.printer, "hall-1")
    XCTAssertFalse(settings.directoryIsDefault)
    let (a, notice) = try accepted()
    var printed: [String] = []
    var office = NoticeOffice(
      share: repositoryShare, settings: settings,
      print: { printer, path in
        printed.append("\(printer) \(path)")
        return .submitted(job: "hall-1-8")
      })
    let d = office.produce(notice, of: a, names: [:])
    XCTAssertEqual(d.printing, .submitted(job: "hall-1-8"))
    XCTAssertFalse(d.hasProblem)
    XCTAssertTrue(d.statusLine.hasPrefix("已提交打印任务 hall-1-8;受理通知书 "), d.statusLine)
    XCTAssertEqual(printed.count, 1)
    XCTAssertTrue(FileManager.default.fileExists(atPath: d.path ?? ""))
    office.print = { _, _ in .failed(brief: "打印机 hall-1 不存在", detail: "CUPS 中没有打印机 hall-1") }
    let failedPrint = office.produce(notice, of: a, names: [:])
    XCTAssertNotNil(failedPrint.path, "saved whether or not it printed")
    XCTAssertTrue(failedPrint.hasProblem)
    XCTAssertTrue(failedPrint.statusLine.hasPrefix("未打印:打印机 hall-1 不存在;"), failedPrint.statusLine)
    XCTAssertTrue(failedPrint.summary.hasSuffix(";未打印:CUPS 中没有打印机 hall-1"), failedPrint.summary)
    // A directory that cannot be created: the case stays as it is, the clerk reads why.
    let blocker = dir.appendingPathComponent("blocker")
    try Data().write(to: blocker)
    let blocked = NoticeOffice(
      share: repositoryShare,
      settings: NoticeSettings(directory: blocker.path, printer: nil, directoryIsDefault: false))
    let failed = blocked.produce(notice, of: a, names: [:])
    XCTAssertNil(failed.path)
    XCTAssertTrue(failed.problems.first?.contains("文书未能保存到") ?? false, "\(failed.problems)")
    XCTAssertEqual(try store.application(caseID: a.caseID)?.status, .accepted)
    let missing = NoticeOffice(share: ShareDirectory(path: dir.path), settings: settings)
    XCTAssertTrue(
      missing.produce(notice, of: a, names: [:]).problems.first?.contains("找不到文书模板") ?? false)
    try store.configureNotices(directory: "", printer: "", by: zhangmin)
    XCTAssertTrue(try store.noticeSettings().directoryIsDefault)
    XCTAssertNil(try store.noticeSettings().printer)
  }

  func testPreReviewLimitIsDistrictDataWithTheLawAsDefault() throws {
    XCTAssertEqual(try store.preReviewDays(), 5)
    let zhangmin = try store.demoStaff("zhangmin")
    XCTAssertThrowsError(try store.setPreReviewDays(0, by: zhangmin))
    try store.setPreReviewDays(3, by: zhangmin)
    XCTAssertEqual(try store.preReviewDays(), 3)
    let a = try store.registerWalkIn(by: try store.demoStaff("liuyang"), channel: .online)
    XCTAssertEqual(a.preReviewDays, 3)
  }
}
