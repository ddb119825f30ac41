import Domain
import Foundation
import Store
import XCTest

/// An organisation's 全称, address and phone: set by the district admin as an event, kept by a
/// rebuild, printed on its notices.
final class OrganisationContactTests: XCTestCase {
  func testContactIsAnEventTheNoticesPrint() throws {
    let (store, dir) = try makeDemo()
    defer { try? FileManager.default.removeItem(at: dir) }
    let admin = try store.demoStaff("zhangmin")
    XCTAssertEqual(try store.organisationRecord("SCJG")?.fullName, "白银区市场监督管理局")
    XCTAssertThrowsError(
      try store.setOrganisationContact(
        "SCJG", fullName: nil, address: nil, phone: "12345", by: admin)
    ) { XCTAssertTrue(CLIText.of($0).contains("联系电话"), CLIText.of($0)) }
    XCTAssertThrowsError(
      try store.setOrganisationContact(
        "SCJG", fullName: nil, address: nil, phone: "0943-8221231",
        by: try store.demoStaff("liuyang")))
    XCTAssertThrowsError(
      try store.setOrganisationContact(
        "NOPE", fullName: "x", address: nil, phone: nil, by: admin))
    try store.setOrganisationContact(
      "SCJG", fullName: nil, address: "白银区人民路328号二楼", phone: "", by: admin)
    var o = try XCTUnwrap(try store.organisationRecord("SCJG"))
    XCTAssertEqual(o.fullName, "白银区市场监督管理局", "a field not given stays")
    XCTAssertEqual(o.address, "白银区人民路328号二楼")
    XCTAssertNil(o.phone, "an empty value clears")
    try store.rebuild()
    o = try XCTUnwrap(try store.organisationRecord("SCJG"))
    XCTAssertEqual(o.address, "白银区人民路328号二楼")
    XCTAssertEqual(try store.organisationName("SCJG"), "区市场监督管理局")

    let liuyang = try store.demoStaff("liuyang")
    let a = try store.registerWalkIn(by: liuyang)
    let r = try store.perform(ApplicationCommand.accept, on: a.caseID, as: liuyang)
    let office = try store.noticeOffice(share: repositoryShare)
    let text = try office.text(try XCTUnwrap(r.notices.first), of: r.application, names: [:])
    XCTAssertTrue(text.contains("办理地址:白银区人民路328号二楼"), text)
    XCTAssertFalse(text.contains("咨询电话"), text)
  }
}

/// The message of an error as the clerk reads it.
enum CLIText {
  static func of(_ error: Error) -> String {
    (error as? UserFacingError)?.userMessage ?? "\(error)"
  }
}
