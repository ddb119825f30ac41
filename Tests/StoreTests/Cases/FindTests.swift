import Domain
import Foundation
import XCTest

@testable import Store

/// 查找 (F7) over applications, complaints and rectifications, within the operator's
/// visibility, by index ranges only.
final class FindTests: XCTestCase {
  var store: Store!

  override func setUpWithError() throws {
    (store, _) = try makeDemo()
  }

  func find(_ text: String, as login: String) throws -> [FoundCase] {
    let staff = try XCTUnwrap(try store.staff(login: login))
    return try store.find(FindQuery.parse(text).get(), for: staff).cases
  }

  func testAPhoneFindsEveryKindOfCaseNamingIt() throws {
    // 马晓燕's application and 马小军's complaint give the same phone.
    let found = try find("13993012345", as: "chenjing")
    XCTAssertEqual(
      Set(found.map(\.caseID)), ["BYQ-2026-000054", "BYQ-2026-000074"], "\(found)")
    XCTAssertTrue(found.allSatisfy { $0.matchedBy == .phone })
    XCTAssertTrue(found.allSatisfy { $0.phone == "139****2345" }, "identifiers masked: \(found)")
  }

  func testANumberWithOrWithoutDashesOrItsLastDigits() throws {
    for text in ["BYQ-2026-000074", "byq2026000074", "000074", "2026-000074"] {
      XCTAssertEqual(try find(text, as: "chenjing").map(\.caseID), ["BYQ-2026-000074"], text)
    }
    let complaint = try XCTUnwrap(try find("000074", as: "chenjing").first)
    XCTAssertEqual(complaint.kind, .complaint)
    XCTAssertEqual(complaint.person, "马小军")
    XCTAssertEqual(complaint.status, "已回访")
  }

  func testANameFindsConcludedCasesToo() throws {
    let found = try find("马晓", as: "chenjing")
    XCTAssertEqual(found.map(\.caseID), ["BYQ-2026-000054"])
    XCTAssertFalse(try XCTUnwrap(found.first).isOpen)
  }

  func testAnotherOrganisationsCasesAreNotFound() throws {
    // 郑涛 handles for 王岘镇: the RSJ complaint and the SCJG application are not his to see.
    XCTAssertEqual(try find("13993012345", as: "zhengtao"), [])
    XCTAssertEqual(try find("000074", as: "zhengtao"), [])
  }

  func testAConfidentialComplaintIsFoundByItsNumberOnly() throws {
    // 089 is 不公开, handled by 王岘镇, registered at the centre: the centre's counter lists it
    // but reads neither the complainant nor the phone, and cannot find it by them.
    XCTAssertEqual(try find("13809437654", as: "liuyang"), [])
    let byNumber = try XCTUnwrap(try find("000089", as: "liuyang").first)
    XCTAssertEqual(byNumber.caseID, "BYQ-2026-000089")
    XCTAssertEqual(byNumber.person, "")
    XCTAssertEqual(byNumber.phone, "")
    XCTAssertEqual(byNumber.title, "")
    // Even a supervisor reads its content only after a recorded reveal (第二十九条), so its
    // complainant's phone does not find it for them either; its number does.
    XCTAssertEqual(try find("13809437654", as: "chenjing"), [])
    XCTAssertEqual(try find("000089", as: "chenjing").map(\.caseID), ["BYQ-2026-000089"])
  }

  func testTheSamePersonsOtherCases() throws {
    let staff = try XCTUnwrap(try store.staff(login: "chenjing"))
    let others = try store.otherCases(of: .application, "BYQ-2026-000054", for: staff)
    XCTAssertEqual(others.map(\.caseID), ["BYQ-2026-000074"])
  }

  func testEverySearchIsAnIndexRange() throws {
    let query = try FindQuery.parse("BYQ2026").get()
    for probe in query.probes + (try FindQuery.parse("000074").get().probes) {
      let (sql, args) = Store.findSQL(probe)
      let plan = try store.db.fetchAll("EXPLAIN QUERY PLAN " + sql, args + [10]) { $0.text(3) }
        .joined(separator: " | ")
      XCTAssertTrue(plan.contains("USING COVERING INDEX case_find_by_key"), plan)
      XCTAssertFalse(plan.contains("SCAN"), plan)
    }
  }

  func testTheIndexFollowsARebuild() throws {
    let before = try store.projectionDump()
    try store.rebuild()
    XCTAssertEqual(try store.projectionDump(), before)
    XCTAssertTrue(before.contains("## case_find"))
  }
}
