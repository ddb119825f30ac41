import Domain
import Foundation
import XCTest

@testable import Store

/// 一件事 at the counter (第十九条): one registration, one transaction, a sub-case per member to
/// its organisation (and to its township by sync), refused whole or not at all.
final class PackageStoreTests: XCTestCase {
  let parent = Applicant(
    kind: .person, name: "李明", idNumber: "620402199001010018", phone: "13809431234")

  func input(
    _ store: Store, _ code: String = "ZWZX-YJS-002",
    edit: (inout [MaterialStatus]) -> Void = { _ in }
  )
    throws -> RegistrationInput
  {
    let form = try store.packageForm(code: code)
    var statuses = form.checklist.requirements.map(MaterialStatus.initial(for:))
    edit(&statuses)
    return RegistrationInput(itemCode: code, applicant: parent, materials: statuses)
  }

  func testOneRegistrationRecordsThePackageAndAnAcceptedSubCasePerMemberInOneTransaction() throws {
    let (store, dir) = try makeDemo()
    defer { try? FileManager.default.removeItem(at: dir) }
    let wangfang = try store.demoStaff("wangfang")
    let form = try store.packageForm(code: "ZWZX-YJS-002")
    XCTAssertEqual(
      form.checklist.requirements.filter { $0.name == "居民户口簿" }.count, 1,
      "asked by three members, received once")
    let before = try store.eventCount()
    let r = try store.registerPackage(try input(store), by: wangfang)
    XCTAssertEqual(
      try store.eventCount() - before, 4 * 2 + 1, "registered and accepted ×4, the package")
    let stamps = try store.db.fetchAll(
      "SELECT DISTINCT ts FROM journal WHERE seq > (SELECT max(seq) - 9 FROM journal WHERE origin = 'BYQ.1') AND origin = 'BYQ.1'"
    ) { $0.int64(0) }
    XCTAssertEqual(stamps.count, 1, "one transaction, one instant")
    XCTAssertEqual(r.members.map(\.item.organisation), ["WJJ", "GAJ", "QWX", "RSJ"])
    for (a, m) in zip(r.members, r.package.members) {
      XCTAssertEqual(a.package, r.package.id)
      XCTAssertEqual(a.status, .accepted)
      XCTAssertEqual(a.caseID, m.caseID)
      XCTAssertEqual(
        a.mainDue(store.calendar),
        store.calendar.deadline(receivedAt: store.today, workingDays: a.item.promisedDays),
        "each its own deadline from its own item")
      XCTAssertEqual(
        a.notices.map(\.number),
        [
          PackageRegistered.memberNotice(
            r.package.registration.notice, position: r.members.firstIndex(of: a) ?? 0)
        ])
    }
    let progress = try XCTUnwrap(try store.packageProgress(id: r.package.id))
    XCTAssertEqual(progress.longestDue, r.members.compactMap { $0.mainDue(store.calendar) }.max())
    XCTAssertEqual(
      progress.due, min(progress.promisedDue, progress.longestDue ?? progress.promisedDue))
    XCTAssertEqual(
      try store.db.fetchInt(
        "SELECT count(*) FROM package_member WHERE package_id = ?", [r.package.id]), 4)
    // The 督办 board counts the members, as the cases they are.
    let deadlines = try store.db.fetchInt(
      "SELECT count(*) FROM deadline WHERE stream IN (SELECT 'application/' || case_id FROM package_member WHERE package_id = ?)",
      [r.package.id])
    XCTAssertEqual(deadlines, 4)

    let dump = try store.projectionDump()
    try store.rebuild()
    XCTAssertEqual(try store.projectionDump(), dump, "a rebuild folds the same projection")
    XCTAssertTrue(try store.verifyAudit().isIntact)
  }

  func testARefusedRegistrationLeavesNothingBehind() throws {
    let (store, dir) = try makeDemo()
    defer { try? FileManager.default.removeItem(at: dir) }
    let wangfang = try store.demoStaff("wangfang")
    let before = try store.projectionDump()
    let events = try store.eventCount()
    let missing = try input(store) { $0[0] = .missing }
    XCTAssertThrowsError(try store.registerPackage(missing, by: wangfang)) {
      XCTAssertTrue("\($0)".contains("一件事须材料齐全后一并受理"), "\($0)")
    }
    // A member suspended since the form was drawn refuses the whole package.
    let zhouqiang = try store.demoStaff("zhouqiang")
    XCTAssertThrowsError(try store.registerPackage(try input(store), by: zhouqiang)) {
      XCTAssertTrue("\($0)".contains("政务服务中心"), "a department's counter does not: \($0)")
    }
    XCTAssertThrowsError(
      try store.registerApplication(
        RegistrationInput(itemCode: "ZWZX-YJS-002", applicant: parent, materials: []),
        items: store, by: wangfang))
    XCTAssertEqual(try store.eventCount(), events)
    XCTAssertEqual(try store.projectionDump(), before, "nothing projected, no number drawn")
    XCTAssertEqual(
      try store.registerPackage(try input(store), by: wangfang).package.id,
      try XCTUnwrap(
        try store.db.value(
          "id", of: "package_case", as: String.self,
          "SELECT id FROM package_case ORDER BY registered_at DESC LIMIT 1", [])))
  }

  func testAMemberSubCaseGoesToItsTownshipWhichWorksItAndTheDistrictSeesThePackageMove() throws {
    let world = try SyncWorld(start: "2026-11-26T09:30", seeds: [Demo.catalog, Demo.packages])
    let d = world.district
    let qwx = try world.enrol("QWX", name: "强湾乡")
    world.clock.advance()
    let r = try d.registerPackage(try input(d), by: try d.demoStaff("wangfang"))
    let local = try XCTUnwrap(r.package.members.first { $0.organisation == "QWX" })
    try world.sync(d, qwx)

    XCTAssertNotNil(try qwx.application(caseID: local.caseID), "its own sub-case")
    for m in r.package.members where m.organisation != "QWX" {
      XCTAssertNil(try qwx.application(caseID: m.caseID), "another organisation's stays away")
    }
    let there = try XCTUnwrap(try qwx.packageProgress(id: r.package.id), "the package with it")
    XCTAssertEqual(there.members.filter { $0.application != nil }.count, 1)
    XCTAssertEqual(there.members.first { $0.application == nil }?.statusText, "本节点无此办件")

    // 何平 of 强湾乡 concludes it there (即办); the district's package view moves.
    let heping = try qwx.demoStaff("heping")
    world.clock.advance()
    try qwx.perform(
      ApplicationCommand.startReview(opinion: "户籍信息核验无误"), on: local.caseID, as: heping)
    try qwx.perform(ApplicationCommand.decide(.approved, reason: ""), on: local.caseID, as: heping)
    let summary = try world.deliver(try world.export(qwx, to: "BYQ"), to: d)
    XCTAssertEqual(summary.held, 0)
    let progress = try XCTUnwrap(try d.packageProgress(id: r.package.id))
    XCTAssertEqual(progress.members.first { $0.member.caseID == local.caseID }?.statusText, "已决定")
    for store in [d, qwx] { XCTAssertTrue(try store.verifyAudit().isIntact) }
  }

  func testAPackageWrittenAtATownshipIsHeldAtTheDistrict() throws {
    let world = try SyncWorld(start: "2026-11-26T09:30", seeds: [Demo.catalog, Demo.packages])
    let d = world.district
    let qwx = try world.enrol("QWX", name: "强湾乡")
    try world.sync(d, qwx)
    let forged = try XCTUnwrap(
      try d.packageCase(
        id: try XCTUnwrap(
          try d.db.value(
            "id", of: "package_case", as: String.self, "SELECT id FROM package_case LIMIT 1", []))))
    world.clock.advance()
    let ms = Int64(world.clock.now.timeIntervalSince1970 * 1000)
    try qwx.db.inTransaction(.immediate) {
      _ = try Journal.append(
        [
          EventDraft(
            stream: PackageReducer.stream("QWX-2026-000001"), type: .packageRegistered,
            body: forged.registration)
        ], origin: qwx.node.origin, node: "QWX", actor: "heping", timestamp: ms, db: qwx.db)
    }
    let summary = try world.deliver(try world.export(qwx, to: "BYQ"), to: d)
    XCTAssertEqual(summary.held, 1)
    XCTAssertNil(try d.packageCase(id: "QWX-2026-000001"), "not applied")
    let conflicts = try d.openConflicts().map(\.message)
    XCTAssertEqual(conflicts, ["未采纳: 何平没有窗口角色,不能登记一件事"])
  }
}
