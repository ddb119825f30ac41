import Domain
import Foundation
import Store
import XCTest

@testable import TUI

/// Every notice kind as the applicant gets it: the saved file is the printed page, each line at
/// most 66 display columns, laid out by `NoticeLayout`.
final class NoticeGoldenTests: XCTestCase {
  var desk: IntakeDesk!

  override func setUpWithError() throws {
    desk = try IntakeDesk()
  }

  override func tearDown() {
    desk = nil
  }

  func register(
    _ item: String, _ applicant: Applicant, materials: [MaterialStatus]? = nil, by login: String
  ) throws -> String {
    let found = try XCTUnwrap(try desk.store.directoryItem(code: item))
    let m = materials ?? found.snapshot.materials.map { $0.required ? .received : .missing }
    return try desk.store.registerApplication(
      RegistrationInput(itemCode: item, applicant: applicant, channel: .counter, materials: m),
      items: desk.store, by: try desk.staff(login)
    ).application.caseID
  }

  /// The notices of `caseID` as they are saved and printed, by kind.
  func notices(_ caseID: String) throws -> [NoticeKind: String] {
    let office = try desk.store.noticeOffice(share: repositoryShare)
    let a = try XCTUnwrap(try desk.store.application(caseID: caseID))
    var out: [NoticeKind: String] = [:]
    for n in a.notices {
      out[n.kind] = try office.text(n, of: a, names: try desk.store.staffNames())
    }
    return out
  }

  let person = Applicant(
    kind: .person, name: "欧阳明月", idNumber: "620402199202020052", phone: "13809431234")
  let company = Applicant(
    kind: .organisation, name: "白银区银光商贸有限责任公司", idNumber: "91620402MA7G8H9J0U",
    phone: "0943-8226677")

  func check(_ text: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) {
    for l in text.split(separator: "\n") {
      XCTAssertLessThanOrEqual(DisplayWidth.of(l), NoticeLayout.columns, String(l), line: line)
    }
    XCTAssertFalse(text.contains("{{"), text, line: line)
    assertGolden(String(text.dropLast()), "notice-\(name)", file: file, line: line)
  }

  func testAcceptanceClockStopAndConclusionOfALicence() throws {
    let id = try register("SCJG-DJ-001", person, by: "liuyang")
    try desk.run(.accept, id, by: "liuyang")
    try desk.run(.startReview(opinion: ""), id, by: "zhouqiang")
    try desk.run(
      .stopClock(.siteInspection, days: 3, reason: "核实经营场所与租赁协议所载地址是否一致"), id,
      by: "zhouqiang")
    try desk.run(.resumeClock(note: "核实无误"), id, by: "zhouqiang")
    try desk.run(.decide(.approved, reason: ""), id, by: "zhouqiang")
    XCTAssertThrowsError(try desk.run(.conclude(ConclusionInput()), id, by: "liuyang")) {
      XCTAssertTrue(CLI.message(for: $0).contains("的名称和编号"), CLI.message(for: $0))
    }
    try desk.run(
      .conclude(
        ConclusionInput(certificateName: "营业执照", certificateNumber: "92620402MA7K2L3M45")),
      id, by: "liuyang")
    let n = try notices(id)
    let acceptance = try XCTUnwrap(n[.acceptance])
    check(acceptance, "acceptance")
    XCTAssertTrue(acceptance.contains("你于"), acceptance)
    XCTAssertTrue(acceptance.contains("白银区市场监督管理局(受理专用章)"), acceptance)
    XCTAssertTrue(acceptance.contains("咨询电话:0943-8221231"), acceptance)
    check(try XCTUnwrap(n[.clockStop]), "clockStop")
    let conclusion = try XCTUnwrap(n[.conclusion])
    check(conclusion, "conclusion")
    XCTAssertEqual(conclusion.components(separatedBy: "营业执照").count, 2, "the licence once")
  }

  func testSupplementOfABenefitCitesTheDistrictMeasuresNotTheLicensingLaw() throws {
    let id = try register(
      "MZJ-JF-001", person, materials: [.missing, .exempt, .received, .defective, .missing],
      by: "liuyang")
    try desk.run(
      .requestSupplement(
        [
          .material(0, .missing, note: "请提交原件1份"),
          .material(3, .defective, note: "缺少共同生活的配偶签字,请全体家庭成员签字后提交"),
        ], other: "如有残疾证,请一并提交复印件"), id, by: "liuyang")
    let text = try XCTUnwrap(try notices(id)[.supplement])
    check(text, "supplement")
    XCTAssertTrue(text.contains("管理办法》第十六条"), text)
    XCTAssertFalse(text.contains("行政许可法"), text)
    XCTAssertTrue(text.contains("共同生活家庭成员均须签字"), "the catalog's note: \(text)")
  }

  func testRefusalAndDenialSpeakToAnOrganisationAsYourUnit() throws {
    let refused = try register("SCJG-XK-001", company, by: "liuyang")
    try desk.run(.refuse(reason: "申请经营场所位于居民住宅楼内,不符合食品经营场所设置要求"), refused, by: "liuyang")
    let refusal = try XCTUnwrap(try notices(refused)[.refusal])
    check(refusal, "refusal")
    XCTAssertTrue(refusal.contains("你单位于"), refusal)
    XCTAssertFalse(refusal.contains("你(单位)"), refusal)
    let denied = try register("SCJG-XK-001", company, by: "liuyang")
    try desk.run(.accept, denied, by: "liuyang")
    try desk.run(.startReview(opinion: ""), denied, by: "zhouqiang")
    try desk.run(.decide(.denied, reason: "现场核查发现操作间面积不足,未设置独立的清洗消毒区域"), denied, by: "zhouqiang")
    try desk.run(.conclude(ConclusionInput()), denied, by: "liuyang")
    check(try XCTUnwrap(try notices(denied)[.denial]), "denial")
  }
}
