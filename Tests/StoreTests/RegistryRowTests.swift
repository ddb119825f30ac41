import Domain
import Foundation
import XCTest

@testable import Store

/// The registry's rows (staff, organisations, catalog summaries, the node) are read by column
/// name: a code the projectors never write is an error naming the row, never a role dropped, a
/// kind or status defaulted, or a staff member missing from the list.
final class RegistryRowTests: XCTestCase {
  var store: Store!

  override func setUpWithError() throws {
    (store, _) = try makeDemo()
  }

  /// Writes behind the journal's back, past the table's CHECKs, as only a damaged file can.
  func corrupt(_ sql: String, _ args: [any SQLBindable]) throws {
    try store.db.execute("PRAGMA ignore_check_constraints = ON")
    defer { try? store.db.execute("PRAGMA ignore_check_constraints = OFF") }
    try store.db.run(sql, args)
    XCTAssertEqual(store.db.changes, 1)
  }

  func assertUnreadable(
    _ table: String, _ key: String, _ column: String, problem: String? = nil,
    _ body: () throws -> some Any, file: StaticString = #filePath, line: UInt = #line
  ) {
    XCTAssertThrowsError(try body(), file: file, line: line) { error in
      guard case .unreadableRow(let t, let k, let c, let p) = error as? StoreError else {
        return XCTFail("\(error)", file: file, line: line)
      }
      XCTAssertEqual([t, k, c], [table, key, column], file: file, line: line)
      if let problem { XCTAssertTrue(p.contains(problem), p, file: file, line: line) }
    }
  }

  func testAnUnknownRoleCodeIsAnErrorNotADroppedRole() throws {
    let before = try XCTUnwrap(try store.staff(login: "zhouqiang"))
    XCTAssertFalse(before.roles.isEmpty)
    try corrupt(
      "UPDATE staff SET roles = roles || ',overlord' WHERE login = ?", ["zhouqiang"])
    assertUnreadable("staff", "zhouqiang", "roles", problem: "overlord") {
      try store.staff(login: "zhouqiang")
    }
    // The list fails whole rather than showing the others without this one.
    assertUnreadable("staff", "zhouqiang", "roles") { try store.allStaff() }
    // Signing in as them is refused with the message that names the row.
    XCTAssertThrowsError(try store.resolveOperator(login: "zhouqiang")) { error in
      let message = (error as? StoreError)?.userMessage ?? ""
      XCTAssertTrue(message.contains("zhouqiang") && message.contains("roles"), message)
    }
  }

  func testKnownRoleCodesReadBackAsWritten() throws {
    for staff in try store.allStaff() {
      let row = try XCTUnwrap(
        try store.db.value(
          "roles", of: "staff", as: String.self, "SELECT roles FROM staff WHERE login = ?",
          [staff.login]))
      XCTAssertEqual(staff.roleCodes, row)
    }
  }

  func testAnUnknownOrganisationKindIsAnErrorNotADepartment() throws {
    try corrupt("UPDATE org SET kind = 'ministry' WHERE code = ?", ["SCJG"])
    assertUnreadable("org", "SCJG", "kind") { try store.organisation("SCJG") }
    assertUnreadable("org", "SCJG", "kind") { try store.organisations() }
  }

  func testANullStaffNameIsAnErrorNotAnEmptyName() throws {
    XCTAssertThrowsError(
      try store.db.fetchAll(
        Staff.self,
        "SELECT login, NULL AS name, org, roles, disabled FROM staff WHERE login = 'zhouqiang'")
    ) { error in
      guard case .unreadableRow(let t, let k, let c, let p) = error as? StoreError else {
        return XCTFail("\(error)")
      }
      XCTAssertEqual([t, k, c, p], ["staff", "zhouqiang", "name", "NULL"])
    }
  }

  func testAnUnknownCatalogStatusFailsTheSearchNamingTheItem() throws {
    let item = try XCTUnwrap(try store.searchCatalogSummaries("", limit: 1).first)
    try corrupt("UPDATE catalog_item SET status = 'lost' WHERE code = ?", [item.code])
    assertUnreadable("catalog_item", item.code, "status") {
      try store.searchCatalogSummaries("", limit: 1000)
    }
  }

  func testTheNodeRowIsReadByName() throws {
    let node = try XCTUnwrap(try Store.readRow(store.db))
    XCTAssertEqual(node.code, store.node.code)
    XCTAssertEqual(node.district, store.node.district)
  }

  func testAOneValueReadNamesItsColumnAndTable() throws {
    XCTAssertEqual(try store.organisationName("SCJG"), try store.organisation("SCJG")?.name)
    assertUnreadable("org", "name", "name", problem: "NULL") {
      try store.db.value("name", of: "org", as: String.self, "SELECT NULL AS name FROM org")
    }
    assertUnreadable("org", "name", "name", problem: "no such column") {
      try store.db.values("name", of: "org", as: String.self, "SELECT code FROM org")
    }
  }

  func testAKeyValueReadKeepsTheFirstRowOfAKeyAndRefusesANullValue() throws {
    let names: [String: String] = try store.db.dictionary(
      "k", "v", of: "t",
      "SELECT 'a' AS k, '一' AS v UNION ALL SELECT 'a', '二' UNION ALL SELECT 'b', '三'")
    XCTAssertEqual(names, ["a": "一", "b": "三"])
    assertUnreadable("t", "v", "v", problem: "NULL") {
      let _: [String: String] = try store.db.dictionary(
        "k", "v", of: "t", "SELECT 'a' AS k, NULL AS v")
    }
  }
}
