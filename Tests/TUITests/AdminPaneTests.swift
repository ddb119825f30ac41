import Domain
import Foundation
import XCTest

@testable import Store
@testable import TUI

/// The store behind the 系统管理 pane, replaced by a list that records the calls.
final class FakeAdminService: AdminService {
  var value: AdminOverview
  var refusal: Refusal?
  var calls: [String] = []

  init(_ value: AdminOverview) { self.value = value }

  func overview() throws -> AdminOverview { value }

  func record(_ call: String) throws {
    if let refusal { throw refusal }
    calls.append(call)
  }

  func addOrganisation(_ o: Organisation, by admin: Staff) throws {
    try record("org add \(o.code) \(o.name) \(o.kind.rawValue) \(o.parent ?? "-")")
    value.organisations.append(o)
  }

  func renameOrganisation(_ code: String, to name: String, by admin: Staff) throws {
    try record("org rename \(code) \(name)")
  }

  func setOrganisationDisabled(_ code: String, _ disabled: Bool, by admin: Staff) throws {
    try record("org \(disabled ? "disable" : "enable") \(code)")
  }

  func addStaff(_ s: Staff, by admin: Staff) throws {
    try record("staff add \(s.login) \(s.name) \(s.org) \(s.roleCodes)")
  }

  func changeRoles(login: String, to roles: Set<Role>, by admin: Staff) throws {
    try record("staff roles \(login) \(roles.map(\.rawValue).sorted().joined(separator: ","))")
  }

  func setStaffDisabled(login: String, _ disabled: Bool, by admin: Staff) throws {
    try record("staff \(disabled ? "disable" : "enable") \(login)")
  }

  func setRule(key: String, value: String, note: String, by admin: Staff) throws -> Int {
    try record("rules set \(key) \(value) \(note)")
    return Int(value) ?? 0
  }

  func addPhrase(kind: PhraseKind, org: String?, text: String, by admin: Staff) throws {
    try record("templates add \(kind.rawValue) \(org ?? "-") \(text)")
    value.phrases.append(
      PhraseTemplate(
        id: "BYQ-\(value.phrases.count + 1)", kind: kind, org: org, text: text, position: 9))
  }

  func editPhrase(_ id: String, kind: PhraseKind, text: String, by admin: Staff) throws {
    try record("templates edit \(id) \(kind.rawValue) \(text)")
  }

  func retirePhrase(_ id: String, by admin: Staff) throws {
    try record("templates retire \(id)")
  }

  func movePhrase(_ id: String, up: Bool, by admin: Staff) throws {
    try record("templates move \(id) \(up ? "up" : "down")")
  }
}

final class AdminPaneTests: XCTestCase {
  static let sample = AdminOverview(
    organisations: [
      Organisation(code: "ZWZX", name: "区政务服务中心", kind: .district),
      Organisation(code: "SCJG", name: "区市场监督管理局", kind: .department),
      Organisation(
        code: "SCJGS1", name: "市场监管一所(王岘片区,含四龙镇、强湾乡)", kind: .department, parent: "SCJG"),
      Organisation(code: "WXZ", name: "王岘镇", kind: .township, node: "WXZ"),
      Organisation(code: "MZJ", name: "区民政局", kind: .department, disabled: true),
    ],
    staff: [
      Staff(login: "zhangmin", name: "张敏", org: "ZWZX", roles: [.admin, .supervisor]),
      Staff(login: "liuyang", name: "刘洋", org: "ZWZX", roles: [.counter]),
      Staff(login: "zhengtao", name: "郑涛", org: "WXZ", roles: [.handler], disabled: true),
    ],
    peers: [
      PeerSyncStatus(code: "WXZ", name: "王岘镇", lastExport: nil, lastImport: nil, lacking: [:])
    ],
    rules: [
      RuleRow(
        key: "complaint.limit.general", title: "一般投诉办理时限(工作日)", value: 10, defaultValue: 10,
        article: "第三十一条", stored: false)
    ])

  func make() -> (Workstation, FakeAdminService) {
    let service = FakeAdminService(Self.sample)
    let ws = Workstation(panes: [AdminPane(service: service)], context: makeContext())
    return (ws, service)
  }

  func pane(_ ws: Workstation) throws -> AdminPane { try XCTUnwrap(ws.activePane as? AdminPane) }

  func type(_ text: String, into ws: inout Workstation) {
    for c in text { ws.handle(.char(c)) }
  }

  func testOrganisationsAt80x24And120x40() {
    assertGolden(make().0.render(width: 80, height: 24), "admin-orgs-80x24")
    assertGolden(make().0.render(width: 120, height: 40), "admin-orgs-120x40")
  }

  func testStaffViewAt80x24() {
    var (ws, _) = make()
    ws.handle(.char("s"))
    assertGolden(ws.render(width: 80, height: 24), "admin-staff-80x24")
  }

  func testAddAnOrganisationThroughTheForm() throws {
    var (ws, service) = make()
    ws.handle(.char("a"))
    assertGolden(ws.render(width: 80, height: 24), "admin-add-org-80x24")
    type("NYNC", into: &ws)
    ws.handle(.tab)
    type("区农业农村局", into: &ws)
    ws.handle(.function(5))
    XCTAssertEqual(service.calls, ["org add NYNC 区农业农村局 department -"])
    XCTAssertEqual(try pane(ws).mode, .browse)
    XCTAssertEqual(ws.toast, .info("已添加单位 NYNC 区农业农村局"))
  }

  func testARefusalKeepsTheFormAndShowsTheStoresWords() throws {
    var (ws, service) = make()
    service.refusal = Refusal("单位代码「SCJG」已被「区市场监督管理局」使用")
    ws.handle(.char("a"))
    type("SCJG", into: &ws)
    ws.handle(.tab)
    type("别的局", into: &ws)
    ws.handle(.function(5))
    XCTAssertEqual(ws.toast, .error("单位代码「SCJG」已被「区市场监督管理局」使用"))
    XCTAssertEqual(try pane(ws).mode, .form(.addOrganisation))
    XCTAssertEqual(try pane(ws).form["name"], "别的局", "nothing typed is lost")
    ws.handle(.escape)
    ws.handle(.char("y"))
    XCTAssertEqual(try pane(ws).mode, .browse, "a changed form closes after 放弃本次输入? y")
  }

  func testStaffRolesAndDisableWithConfirmation() throws {
    var (ws, service) = make()
    ws.handle(.char("s"))
    ws.handle(.down)
    ws.handle(.char("e"))
    XCTAssertEqual(try pane(ws).form["roles"], "counter")
    type(",handler", into: &ws)
    ws.handle(.function(5))
    ws.handle(.char("d"))
    assertGolden(ws.render(width: 80, height: 24), "admin-confirm-80x24")
    ws.handle(.char("n"))
    ws.handle(.char("d"))
    ws.handle(.char("y"))
    ws.handle(.down)
    ws.handle(.char("d"))
    ws.handle(.char("y"))
    XCTAssertEqual(
      service.calls,
      ["staff roles liuyang counter,handler", "staff disable liuyang", "staff enable zhengtao"])
  }

  func testBadRolesAreRefusedBeforeTheStore() throws {
    var (ws, service) = make()
    ws.handle(.char("s"))
    ws.handle(.char("a"))
    for (field, text) in [("login", "wangli"), ("name", "王丽"), ("org", "SCJG"), ("roles", "boss")] {
      XCTAssertEqual(try pane(ws).form.focusedKey, field)
      type(text, into: &ws)
      ws.handle(.tab)
    }
    ws.handle(.function(5))
    XCTAssertTrue(
      ws.toast?.text.hasPrefix("未知角色「boss」") ?? false, "\(String(describing: ws.toast))")
    XCTAssertTrue(service.calls.isEmpty)
  }

  func testRuleEditGoesThroughTheStore() throws {
    var (ws, service) = make()
    ws.handle(.char("u"))
    ws.handle(.char("e"))
    ws.handle(.control("u"))
    type("8", into: &ws)
    ws.handle(.tab)
    type("区政府决定", into: &ws)
    ws.handle(.function(5))
    XCTAssertEqual(service.calls, ["rules set complaint.limit.general 8 区政府决定"])
  }
}
