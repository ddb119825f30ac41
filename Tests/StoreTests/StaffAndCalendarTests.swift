import Domain
import Foundation
import XCTest

@testable import Store

final class StaffAndCalendarTests: XCTestCase {
  func testAdminAddsStaffAndChangesRoles() throws {
    let (store, _) = try makeDemo()
    let admin = try store.resolveOperator(login: "zhangmin")
    try store.addStaff(Staff(login: "lixin", name: "李欣", org: "WXZ", roles: [.handler]), by: admin)
    XCTAssertEqual(try store.staff(login: "lixin")?.org, "WXZ")
    try store.changeRoles(login: "lixin", to: [.handler, .counter], by: admin)
    XCTAssertEqual(try store.staff(login: "lixin")?.roles, [.handler, .counter])
    try store.setDisabled(login: "lixin", true, by: admin)
    XCTAssertThrowsError(try store.resolveOperator(login: "lixin")) { error in
      XCTAssertEqual(error as? StoreError, .disabled(login: "lixin"))
    }
  }

  func testNonAdminIsRefusedAndTheAttemptIsLogged() throws {
    let (store, _) = try makeDemo()
    let clerk = try store.resolveOperator(login: "liuyang")
    let before = try store.eventCount()
    XCTAssertThrowsError(
      try store.addStaff(Staff(login: "x1", name: "某某", org: "WXZ", roles: [.handler]), by: clerk)
    ) { error in
      XCTAssertEqual((error as? Refusal)?.message, "刘洋没有系统管理角色,不能管理工作人员")
    }
    XCTAssertEqual(try store.eventCount(), before)
    let log = try store.refusals()
    XCTAssertEqual(log.first?.actor, "liuyang")
    XCTAssertEqual(log.first?.action, "管理工作人员")
  }

  func testBadStaffInputIsRefusedWithReason() throws {
    let (store, _) = try makeDemo()
    let admin = try store.resolveOperator(login: "zhangmin")
    let cases: [(Staff, String)] = [
      (Staff(login: "Bad Login", name: "甲", org: "WXZ", roles: [.handler]), "登录名「Bad Login」无效"),
      (Staff(login: "zhaolei", name: "甲", org: "WXZ", roles: [.handler]), "登录名「zhaolei」已是工作人员"),
      (Staff(login: "newone", name: " ", org: "WXZ", roles: [.handler]), "「姓名」不能为空"),
      (Staff(login: "newone", name: "甲", org: "NOPE", roles: [.handler]), "单位「NOPE」不存在"),
    ]
    for (s, prefix) in cases {
      XCTAssertThrowsError(try store.addStaff(s, by: admin)) { error in
        let message = (error as? Refusal)?.message ?? "\(error)"
        XCTAssertTrue(message.hasPrefix(prefix), message)
      }
    }
  }

  func testUnknownLoginIsToldWhoCanAddIt() throws {
    let (store, _) = try makeDemo()
    XCTAssertThrowsError(try store.resolveOperator(login: "stranger")) { error in
      let message = (error as? StoreError)?.userMessage ?? ""
      XCTAssertTrue(message.contains("zhangmin"), message)
      XCTAssertTrue(message.contains("zwfw staff add stranger"), message)
    }
  }

  func testImportingANewYearLoadsItAndChangesCounting() throws {
    let (store, _) = try makeDemo()
    let admin = try store.resolveOperator(login: "zhangmin")
    guard let jan1 = CivilDate(iso: "2027-01-01"), let dec31 = CivilDate(iso: "2026-12-31") else {
      return XCTFail("dates")
    }
    XCTAssertFalse(store.calendar.isLoaded(year: 2027))
    XCTAssertTrue(store.calendar.isWorkingDay(jan1))
    let tsv = "2027-01-01\tholiday\t元旦\n2027-01-02\tholiday\t元旦\n2027-01-03\tholiday\t元旦\n"
    XCTAssertEqual(try store.importCalendar(tsv: tsv, source: "2027.tsv", by: admin), [2027])
    XCTAssertTrue(store.calendar.isLoaded(year: 2027))
    XCTAssertFalse(store.calendar.isWorkingDay(jan1))
    XCTAssertEqual(store.calendar.deadline(receivedAt: dec31, workingDays: 1).iso, "2027-01-04")
    XCTAssertEqual(store.missingCalendarYears(), [])
    // Survives a reopen and a rebuild.
    let live = try store.projectionDump()
    try store.rebuild()
    XCTAssertEqual(try store.projectionDump(), live)
  }

  func testDamagedCalendarFileIsRefusedWithLineAndNothingChanges() throws {
    let (store, _) = try makeDemo()
    let admin = try store.resolveOperator(login: "zhangmin")
    let before = try store.eventCount()
    XCTAssertThrowsError(
      try store.importCalendar(
        tsv: "2027-01-01\tholiday\t元旦\n2027-13-01\tholiday\tX\n", source: "x", by: admin)
    ) { error in
      let message = (error as? Refusal)?.message ?? ""
      XCTAssertTrue(message.contains("第2行"), message)
    }
    XCTAssertEqual(try store.eventCount(), before)
    XCTAssertFalse(store.calendar.isLoaded(year: 2027))
  }

  func testDemoRefusesToReplaceAProductionDatabase() throws {
    let dir = temporaryDirectory()
    let path = dir.appendingPathComponent("prod.db").path
    _ = try Store.create(
      path: path, node: NodeIdentity(code: "BYQ", name: "白银区", district: "BYQ", isDistrict: true))
    XCTAssertThrowsError(try Demo.create(path: path, share: repositoryShare, login: "t")) { error in
      XCTAssertTrue((error as? StoreError)?.userMessage.contains("生产节点") ?? false)
    }
  }
}
