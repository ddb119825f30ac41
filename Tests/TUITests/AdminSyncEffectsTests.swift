import Domain
import XCTest

@testable import Store
@testable import TUI

/// The 系统管理 and 同步 panes' updates are pure: a key names the work, the store is reached only
/// when the workstation runs it, and a refusal puts the form (or the prompt) back as it was.
final class AdminSyncEffectsTests: XCTestCase {
  func loadedAdmin(_ service: FakeAdminService, _ ctx: AppContext) -> AdminPane {
    var pane = AdminPane(service: service)
    let start = pane.start(ctx)
    XCTAssertEqual(start.effects, [.reload(then: nil)])
    _ = pane.receive(.loaded(.success(AdminPaneTests.sample), then: nil), ctx)
    return pane
  }

  func testSavingAFormNamesTheChangeAndARefusalRestoresTheForm() {
    let service = FakeAdminService(AdminPaneTests.sample)
    let ctx = makeContext()
    var pane = loadedAdmin(service, ctx)
    _ = pane.update(.char("e"), ctx)
    XCTAssertEqual(pane.mode, .form(.renameOrganisation("ZWZX")))
    _ = pane.update(.control("u"), ctx)
    for c in "区政务中心" { _ = pane.update(.char(c), ctx) }
    let saved = pane.update(.function(5), ctx)
    XCTAssertEqual(saved.effects, [.perform(.renameOrganisation("ZWZX", to: "区政务中心"))])
    XCTAssertTrue(service.calls.isEmpty, "update never calls the store")
    let refused = pane.receive(
      .performed(.renameOrganisation("ZWZX", to: "区政务中心"), .failure(Refusal("名称已被使用"))), ctx)
    XCTAssertEqual(refused.response, .toast(.error("名称已被使用")))
    XCTAssertTrue(refused.effects.isEmpty, "the form stays; nothing to read again")
    XCTAssertEqual(pane.mode, .form(.renameOrganisation("ZWZX")))
    XCTAssertEqual(pane.form["name"], "区政务中心", "nothing typed is lost")
    XCTAssertEqual(pane.form.message, "名称已被使用")
    let done = pane.receive(
      .performed(.renameOrganisation("ZWZX", to: "区政务中心"), .success(nil)), ctx)
    XCTAssertEqual(pane.mode, .browse)
    XCTAssertEqual(done.effects, [.reload(then: .info("已将单位 ZWZX 更名为 区政务中心"))])
  }

  func testARefusedDisableReadsAgainAndSaysWhy() {
    let service = FakeAdminService(AdminPaneTests.sample)
    let ctx = makeContext()
    var pane = loadedAdmin(service, ctx)
    _ = pane.update(.char("d"), ctx)
    XCTAssertEqual(pane.mode, .confirm(disable: true))
    let yes = pane.update(.char("y"), ctx)
    let zwzx = AdminPaneTests.sample.organisations[0]
    XCTAssertEqual(yes.effects, [.perform(.organisationDisabled(zwzx, true))])
    XCTAssertEqual(pane.mode, .browse)
    let refused = pane.receive(
      .performed(.organisationDisabled(zwzx, true), .failure(Refusal("还有在用账号"))), ctx)
    XCTAssertEqual(refused.effects, [.reload(then: .error("还有在用账号"))])
  }

  func testSyncTransfersAreNamedAndARefusalKeepsThePrompt() {
    let service = FakeSyncService(SyncPaneTests.sample)
    let ctx = makeContext()
    var pane = SyncPane(service: service)
    XCTAssertEqual(pane.start(ctx).effects, [.reload(then: nil)])
    _ = pane.receive(.loaded(.success(SyncPaneTests.sample), then: nil), ctx)
    _ = pane.update(.char("i"), ctx)
    for c in "a.zwfb" { _ = pane.update(.char(c), ctx) }
    XCTAssertEqual(pane.update(.enter, ctx).effects, [.importBundle(path: "a.zwfb")])
    XCTAssertTrue(service.imported.isEmpty, "update never calls the store")
    let refused = pane.receive(.transferred(.failure(Refusal("不是同步文件"))), ctx)
    XCTAssertEqual(refused.effects, [.reload(then: .error("不是同步文件"))])
    XCTAssertEqual(pane.mode, .importPath)
    XCTAssertEqual(pane.path.text, "a.zwfb", "the typed path stays")
    let done = pane.receive(.transferred(.success("已导入")), ctx)
    XCTAssertEqual(done.effects, [.reload(then: .info("已导入"))])
    XCTAssertEqual(pane.mode, .browse)
  }

  func testAResolvedConflictReturnsToTheListWhileAnyAreLeft() {
    let service = FakeSyncService(SyncPaneTests.sample)
    let ctx = makeContext()
    var pane = SyncPane(service: service)
    _ = pane.receive(.loaded(.success(SyncPaneTests.sample), then: nil), ctx)
    let conflict = SyncPaneTests.sample.conflicts[0]
    pane.mode = .confirm
    let asked = pane.receive(.resolved(conflict, .failure(Refusal("已处理"))), ctx)
    XCTAssertEqual(asked.response, .toast(.error("已处理")))
    XCTAssertEqual(pane.mode, .resolution, "a refusal goes back to the 处理意见")
    var left = SyncPaneTests.sample
    left.conflicts = []
    _ = pane.receive(.loaded(.success(left), then: .info("已处理"), resolved: true), ctx)
    XCTAssertEqual(pane.mode, .browse, "no conflict left: back to the overview")
  }
}
