import Domain
import Foundation
import XCTest

@testable import Store

/// 拒绝记录 (第二十四、四十三条): supervisors and admins read who was refused what, newest first,
/// from a day and by login, through the log's indexes; anyone else is refused, and logged.
final class RefusalLogTests: XCTestCase {
  func testSupervisorReadsNewestFirstByDayAndLogin() throws {
    let (store, _) = try makeDemo()
    let clerk = try XCTUnwrap(try store.staff(login: "liuyang"))
    let handler = try XCTUnwrap(try store.staff(login: "wuxia"))
    store.logRefusal(
      actor: clerk.login, action: .rebuildProjections, subject: nil, reason: "刘洋没有系统管理角色")
    store.logRefusal(
      actor: handler.login, action: .verifyAudit, subject: "BYQ-2026-000001", reason: "吴霞不能")
    let all = try store.refusalLog(RefusalQuery(), for: districtSupervisor)
    XCTAssertEqual(all.prefix(2).map(\.actor), ["wuxia", "liuyang"])
    XCTAssertEqual(all.first?.who, "吴霞(wuxia)")
    XCTAssertEqual(all.first?.subject, "BYQ-2026-000001")
    XCTAssertEqual(all.first?.action, "校验审计链")
    let one = try store.refusalLog(RefusalQuery(actor: "liuyang"), for: districtSupervisor)
    XCTAssertEqual(one.map(\.reason), ["刘洋没有系统管理角色"])
    let later = try store.refusalLog(
      RefusalQuery(from: store.today.adding(days: 1)), for: districtSupervisor)
    XCTAssertEqual(later, [])
    let paged = try store.refusalLog(RefusalQuery(limit: 1, offset: 1), for: districtSupervisor)
    XCTAssertEqual(paged.map(\.actor), ["liuyang"])
  }

  func testAClerkIsRefusedAndTheAttemptIsLogged() throws {
    let (store, _) = try makeDemo()
    let clerk = try XCTUnwrap(try store.staff(login: "liuyang"))
    XCTAssertThrowsError(try store.refusalLog(RefusalQuery(), for: clerk)) { error in
      XCTAssertEqual((error as? Refusal)?.message, "刘洋没有督办或系统管理角色,不能查看拒绝记录")
    }
    let logged = try store.refusalLog(RefusalQuery(actor: "liuyang"), for: districtSupervisor)
    XCTAssertEqual(logged.first?.action, "查看拒绝记录")
  }

  func testBothShapesReadThroughAnIndex() throws {
    let (store, _) = try makeDemo()
    for byActor in [false, true] {
      let args: [any SQLBindable] = (byActor ? ["x"] : []) + [Int64(0), 10, 0]
      let plan = try store.db.fetchAll(
        "EXPLAIN QUERY PLAN " + Store.refusalLogSQL(byActor: byActor), args
      ) { $0.text(3) }.joined(separator: " | ")
      XCTAssertTrue(
        plan.contains(byActor ? "refusal_log_by_actor" : "refusal_log_by_ts"), plan)
      XCTAssertFalse(plan.contains("SCAN"), plan)
      XCTAssertFalse(plan.contains("TEMP B-TREE"), plan)
    }
  }
}
