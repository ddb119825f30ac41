import Domain
import Foundation
import XCTest

@testable import Store
@testable import TUI

/// The store behind the pane, replaced by recorded answers.
final class FakeSyncService: SyncService {
  var overviewValue: SyncOverview
  var failure: Error?
  var exported: [(peer: String, path: String)] = []
  var imported: [String] = []
  var resolved: [(ConflictRecord, String)] = []

  init(_ overview: SyncOverview) { overviewValue = overview }

  func overview() throws -> SyncOverview { overviewValue }

  func export(to peer: String, path: String, by staff: Staff) throws -> String {
    if let failure { throw failure }
    exported.append((peer, path))
    return "已导出给王岘镇(WXZ)的第 3 号同步文件 \(path): 事件 12 个(BYQ.1 12),涉及案件 2 件,其中待处理冲突 0 个"
  }

  func importBundle(path: String, by staff: Staff) throws -> String {
    if let failure { throw failure }
    imported.append(path)
    return "已导入王岘镇(WXZ)的第 4 号同步文件: 新事件 3 个(WXZ.1 3),涉及案件 1 件,新增冲突 0 个"
  }

  func resolve(_ conflict: ConflictRecord, resolution: String, by staff: Staff) throws {
    if let failure { throw failure }
    resolved.append((conflict, resolution))
    overviewValue.conflicts.removeAll { $0 == conflict }
  }
}

final class SyncPaneTests: XCTestCase {
  static func at(_ text: String) -> Date { DeploymentZone.shanghai.parseLocal(text) ?? Date() }

  static let sample = SyncOverview(
    node: NodeIdentity(
      code: "BYQ", name: "白银区政务服务中心", district: "BYQ", isDistrict: true, training: true),
    peers: [
      PeerSyncStatus(
        code: "WXZ", name: "王岘镇",
        lastExport: BundleRecord(at: at("2026-11-25T17:05"), serial: 2, events: 120),
        lastImport: BundleRecord(at: at("2026-11-26T08:40"), serial: 3, events: 35),
        lacking: ["BYQ.1": 12]),
      PeerSyncStatus(
        code: "SLZ", name: "四龙镇", lastExport: nil, lastImport: nil,
        lacking: ["BYQ.1": 430, "WXZ.1": 3]),
    ],
    awaiting: [AwaitedEvents(origin: "SLZ.1", from: 41, through: 57, peer: "SLZ", waiting: 8)],
    alarms: [
      SyncAlarm(
        at: at("2026-11-26T09:01"), peer: "WXZ",
        message: "分叉: 来自 WXZ 的 WXZ.1 第 9 号事件与本节点已有的记录不同。已记录告警,请系统管理员核查两个节点")
    ],
    conflicts: [
      ConflictRecord(
        origin: "BYQ.1", seq: 812, stream: "complaint/BYQ-2026-000031", message: "投诉已办结,不能再延期"),
      ConflictRecord(
        origin: "WXZ.1", seq: 77, stream: "complaint/WXZ-2026-000004", message: "已退回,不能再办结"),
    ])

  func make(staff: Staff? = nil) -> (Workstation, FakeSyncService) {
    let service = FakeSyncService(Self.sample)
    let context = makeContext(staff: staff)
    let ws = Workstation(panes: [SyncPane(service: service)], context: context)
    return (ws, service)
  }

  func pane(_ ws: Workstation) throws -> SyncPane { try XCTUnwrap(ws.activePane as? SyncPane) }

  func type(_ text: String, into ws: inout Workstation) {
    for c in text { ws.handle(.char(c)) }
  }

  func testSyncPaneAt80x24() {
    assertGolden(make().0.render(width: 80, height: 24), "sync-80x24")
  }

  func testSyncPaneAt120x40() {
    assertGolden(make().0.render(width: 120, height: 40), "sync-120x40")
  }

  func testExportWithThePathPrompt() throws {
    var (ws, service) = make()
    ws.handle(.down)
    ws.handle(.up)
    ws.handle(.char("e"))
    XCTAssertEqual(try pane(ws).mode, .exportPath)
    XCTAssertEqual(try pane(ws).path.text, "BYQ-WXZ-20261126-0930.zwfb")
    var frame = ws.render(width: 80, height: 24)
    XCTAssertNotNil(frame.cursor, "the terminal cursor sits at the caret")
    assertGolden(frame, "sync-export-prompt-80x24")
    ws.handle(.control("u"))
    type("/tmp/王岘镇.zwfb", into: &ws)
    ws.handle(.tab)
    XCTAssertEqual(try pane(ws).mode, .exportPath, "Tab is typing, not a pane switch")
    ws.handle(.enter)
    XCTAssertEqual(service.exported.map(\.peer), ["WXZ"])
    XCTAssertEqual(service.exported.map(\.path), ["/tmp/王岘镇.zwfb"])
    XCTAssertEqual(try pane(ws).mode, .browse)
    XCTAssertTrue(ws.toast?.text.hasPrefix("已导出给王岘镇") ?? false)
    frame = ws.render(width: 80, height: 24)
    XCTAssertNil(frame.cursor)
  }

  func testImportRefusalIsShownAndThePromptStays() throws {
    var (ws, service) = make()
    service.failure = BundleProblem.notBundle(path: "a.txt")
    ws.handle(.char("i"))
    type("a.txt", into: &ws)
    ws.handle(.enter)
    XCTAssertEqual(ws.toast, .error("a.txt 不是 zwfw 同步文件,未导入任何内容"))
    XCTAssertEqual(try pane(ws).mode, .importPath)
    ws.handle(.escape)
    XCTAssertTrue(ws.confirmingDiscard, "a typed path is not dropped by one Esc")
    XCTAssertEqual(try pane(ws).mode, .importPath)
    ws.handle(.char("y"))
    XCTAssertEqual(try pane(ws).mode, .browse)
    XCTAssertEqual(ws.toast, .info("已取消导入"))
    service.failure = nil
    ws.handle(.char("i"))
    type("b.zwfb", into: &ws)
    ws.handle(.enter)
    XCTAssertEqual(service.imported, ["b.zwfb"])
  }

  func testOnlyAdminsExportAndImportAndTheRefusalSaysWhy() throws {
    let clerk = Staff(login: "liuyang", name: "刘洋", org: "ZWZX", roles: [.counter])
    var (ws, service) = make(staff: clerk)
    ws.handle(.char("e"))
    XCTAssertEqual(ws.toast, .error("刘洋没有系统管理角色,不能导出同步文件"))
    ws.handle(.char("i"))
    XCTAssertEqual(ws.toast, .error("刘洋没有系统管理角色,不能导入同步文件"))
    ws.handle(.char("c"))
    XCTAssertEqual(ws.toast, .error("刘洋没有督办角色,不能处理冲突"))
    XCTAssertEqual(try pane(ws).mode, .browse)
    XCTAssertTrue(service.exported.isEmpty)
  }

  func testASupervisorResolvesAConflictAfterConfirming() throws {
    var (ws, service) = make()
    ws.handle(.char("c"))
    XCTAssertEqual(try pane(ws).mode, .conflicts)
    ws.handle(.down)
    ws.handle(.enter)
    XCTAssertEqual(try pane(ws).mode, .resolution)
    ws.handle(.enter)
    XCTAssertEqual(ws.toast, .error("请输入处理意见"))
    type("以退回为准", into: &ws)
    XCTAssertTrue(ws.panes[0].hasUnsavedInput)
    ws.handle(.enter)
    XCTAssertEqual(try pane(ws).mode, .confirm)
    let question = ws.render(width: 80, height: 24).text
    XCTAssertTrue(question.contains("确认处理 WXZ.1 第77号事件的冲突(以退回为准)? 按 y 确认"), question)
    ws.handle(.char("n"))
    XCTAssertEqual(try pane(ws).mode, .resolution)
    XCTAssertTrue(service.resolved.isEmpty)
    ws.handle(.enter)
    ws.handle(.char("y"))
    XCTAssertEqual(service.resolved.map(\.0.seq), [77])
    XCTAssertEqual(service.resolved.map(\.1), ["以退回为准"])
    XCTAssertEqual(ws.toast, .info("已处理冲突 WXZ.1 第 77 号事件"))
    XCTAssertEqual(try pane(ws).mode, .conflicts, "one conflict is left")
  }

  func testTheSyncPaneComesAfterTheCalendarInTheKeymaps() {
    XCTAssertEqual(
      PaneRegistry.keymaps.map(\.pane),
      ["受理登记", "投诉建议", "差评整改", "事项库", "督办", "工作日历", "同步", "审计", "系统管理"])
    XCTAssertTrue(KeyReference.markdown().contains("| 同步 / 确认处理 | y | 确认处理 |"))
  }
}
