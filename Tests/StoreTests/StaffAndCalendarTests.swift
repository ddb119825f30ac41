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
    XCTAssertEqual(try store.importCalendar(tsv: year2027, source: "2027.tsv", by: admin), [2027])
    XCTAssertTrue(store.calendar.isLoaded(year: 2027))
    XCTAssertFalse(store.calendar.isWorkingDay(jan1))
    XCTAssertEqual(store.calendar.deadline(receivedAt: dec31, workingDays: 1).iso, "2027-01-04")
    XCTAssertEqual(store.missingCalendarYears(), [])
    // Survives a reopen and a rebuild.
    let live = try store.projectionDump()
    try store.rebuild()
    XCTAssertEqual(try store.projectionDump(), live)
  }

  /// A whole year shaped like a State Council notice (17 weekday days off, 3 make-up Saturdays
  /// and Sundays).
  let year2027 = [
    "2027-01-01\tholiday\t元旦", "2027-01-02\tholiday\t元旦", "2027-01-03\tholiday\t元旦",
    "2027-02-06\tholiday\t春节", "2027-02-07\tholiday\t春节", "2027-02-08\tholiday\t春节",
    "2027-02-09\tholiday\t春节", "2027-02-10\tholiday\t春节", "2027-02-11\tholiday\t春节",
    "2027-02-12\tholiday\t春节", "2027-02-14\tworkday\t春节调休", "2027-04-03\tholiday\t清明节",
    "2027-04-04\tholiday\t清明节", "2027-04-05\tholiday\t清明节", "2027-05-01\tholiday\t劳动节",
    "2027-05-02\tholiday\t劳动节", "2027-05-03\tholiday\t劳动节", "2027-05-04\tholiday\t劳动节",
    "2027-05-05\tholiday\t劳动节", "2027-05-08\tworkday\t劳动节调休", "2027-06-09\tholiday\t端午节",
    "2027-09-15\tholiday\t中秋节", "2027-10-01\tholiday\t国庆节", "2027-10-02\tholiday\t国庆节",
    "2027-10-03\tholiday\t国庆节", "2027-10-04\tholiday\t国庆节", "2027-10-05\tholiday\t国庆节",
    "2027-10-06\tholiday\t国庆节", "2027-10-07\tholiday\t国庆节", "2027-10-09\tworkday\t国庆节调休",
  ].joined(separator: "\n")

  /// `calendar import` accepted a file declaring every day of 2027–2199 a holiday; a complaint
  /// then fell due in 2200. Each year must look like a notice, and nothing of a refused file stays.
  func testACalendarThatIsNotANoticeIsRefusedWhole() throws {
    let (store, _) = try makeDemo()
    let admin = try store.resolveOperator(login: "zhangmin")
    let before = try store.eventCount()
    var everyDay: [String] = []
    var d = try XCTUnwrap(CivilDate(iso: "2027-01-01"))
    while d.year < 2030 {
      everyDay.append("\(d.iso)\tholiday\t假")
      d = d.adding(days: 1)
    }
    let refusals = [
      (everyDay.joined(separator: "\n"), "个工作日放假,不像国务院的放假安排"),
      (
        year2027.split(separator: "\n").filter { !$0.contains("workday") }.joined(separator: "\n")
          .replacingOccurrences(of: "2027-", with: "2029-"), "晚于明年"
      ),
      (
        year2027.split(separator: "\n").filter { !$0.contains("春节") }.joined(separator: "\n"),
        "缺少「春节」"
      ),
      (
        year2027 + "\n"
          + [
            "11-06", "11-07", "12-04", "12-05", "12-11", "12-12", "12-18", "12-19", "12-25",
            "12-26",
          ]
          .map { "2027-\($0)\tworkday\t调休" }.joined(separator: "\n"), "个调休上班日"
      ),
    ]
    for (tsv, expected) in refusals {
      XCTAssertThrowsError(try store.importCalendar(tsv: tsv, source: "x", by: admin)) {
        let message = ($0 as? Refusal)?.message ?? "\($0)"
        XCTAssertTrue(message.contains(expected), message)
      }
    }
    XCTAssertEqual(try store.eventCount(), before)
    XCTAssertFalse(store.calendar.isLoaded(year: 2027))
  }

  /// A loaded year is replaced only when asked, and the plan lists what changes.
  func testALoadedYearIsReplacedOnlyWithReplace() throws {
    let (store, _) = try makeDemo()
    let admin = try store.resolveOperator(login: "zhangmin")
    try store.importCalendar(tsv: year2027, source: "2027.tsv", by: admin)
    let before = try store.eventCount()
    let changed = year2027.replacingOccurrences(
      of: "2027-06-09\tholiday\t端午节", with: "2027-06-10\tholiday\t端午节")
    XCTAssertThrowsError(try store.importCalendar(tsv: changed, source: "b", by: admin)) {
      XCTAssertTrue(($0 as? Refusal)?.message.contains("2027年的节假日安排已导入") ?? false, "\($0)")
    }
    XCTAssertEqual(try store.eventCount(), before)
    let plan = try store.calendarPlan(tsv: changed, source: "b")
    XCTAssertEqual(
      plan,
      [
        CalendarYearPlan(
          year: 2027, replaces: true,
          changes: ["2027-06-09 放假(端午节) → 工作日", "2027-06-10 工作日 → 放假(端午节)"])
      ])
    XCTAssertEqual(
      try store.importCalendar(tsv: changed, source: "b", by: admin, replace: true), [2027])
    XCTAssertTrue(store.calendar.isWorkingDay(try XCTUnwrap(CivilDate(iso: "2027-06-09"))))
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
