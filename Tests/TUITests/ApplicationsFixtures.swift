import Domain
import Foundation
import Store
import XCTest

@testable import TUI

/// Catalog items for the intake desk's render tests (the catalog feature supplies the real ones).
struct TestDirectory: ItemDirectory {
  var items: [DirectoryItem] = [
    DirectoryItem(
      snapshot: ItemSnapshot(
        code: "SCJG-XK-001", version: 2, name: "个体工商户设立登记", organisation: "SCJG",
        organisationName: "区市场监督管理局", promisedDays: 3, legalDays: 15,
        materials: [
          MaterialRequirement(name: "个体工商户登记(备案)申请书"),
          MaterialRequirement(name: "经营者身份证明", form: "复印件", shareable: true),
          MaterialRequirement(name: "经营场所使用证明(房屋产权证明或租赁协议)", form: "复印件"),
          MaterialRequirement(name: "委托代理人身份证明及授权委托书", required: false),
        ], result: "营业执照"),
      availability: .inUse),
    DirectoryItem(
      snapshot: ItemSnapshot(
        code: "RSJ-GG-004", version: 1, name: "就业困难人员认定", organisation: "RSJ",
        organisationName: "区人力资源和社会保障局", promisedDays: 10, legalDays: 20,
        materials: [MaterialRequirement(name: "就业困难人员认定申请表")]),
      availability: .inUse),
    DirectoryItem(
      snapshot: ItemSnapshot(
        code: "SCJG-XK-009", version: 1, name: "食品小作坊登记", organisation: "SCJG",
        organisationName: "区市场监督管理局", promisedDays: 10, legalDays: 20, materials: []),
      availability: .suspended),
  ]

  func directoryItem(code: String) throws -> DirectoryItem? {
    items.first { $0.snapshot.code == code }
  }

  func searchDirectory(_ text: String, limit: Int) throws -> [DirectoryItem] {
    Array(
      items.filter {
        text.isEmpty || $0.snapshot.name.contains(text)
          || $0.snapshot.code.localizedCaseInsensitiveContains(text)
      }.prefix(limit))
  }
}

/// A demo database with the intake desk wired to it, at a fixed clock.
final class IntakeDesk {
  let dir = temporaryDirectory()
  let store: Store
  var now: Date
  let service: StoreApplicationService

  init(now: String = "2026-11-26T09:30") throws {
    let when = DeploymentZone.shanghai.parseLocal(now) ?? Date()
    self.now = when
    store = try Demo.create(
      path: dir.appendingPathComponent("demo.db").path, share: repositoryShare, login: "tester",
      clock: { when })
    service = StoreApplicationService(store: store, items: TestDirectory(), share: repositoryShare)
    store.clock = { [unowned self] in self.now }
  }

  deinit { try? FileManager.default.removeItem(at: dir) }

  func at(_ text: String) {
    now = DeploymentZone.shanghai.parseLocal(text) ?? now
  }

  func staff(_ login: String) throws -> Staff {
    guard let s = try store.staff(login: login) else { throw Refusal("no \(login)") }
    return s
  }

  func context(_ login: String) throws -> AppContext {
    makeContext(
      now: "\(DeploymentZone.shanghai.civilDate(now).iso)T09:30", staff: try staff(login))
  }

  func register(
    _ name: String, id: String, phone: String = "13809431234", by login: String,
    item: String = "SCJG-XK-001", channel: ApplicationChannel = .counter,
    materials: [MaterialStatus]? = nil
  ) throws -> String {
    let found = try TestDirectory().directoryItem(code: item)
    let m = materials ?? found?.snapshot.materials.map(MaterialStatus.initial(for:)) ?? []
    return try store.registerApplication(
      RegistrationInput(
        itemCode: item,
        applicant: Applicant(kind: .person, name: name, idNumber: id, phone: phone),
        channel: channel, materials: m),
      items: TestDirectory(), by: try staff(login)
    ).application.caseID
  }

  func run(_ command: ApplicationCommand, _ caseID: String, by login: String) throws {
    _ = try store.performApplication(command, caseID: caseID, by: try staff(login))
  }

  /// A handful of applications in varied states.
  func seed() throws {
    at("2026-11-18T10:00")
    let a = try register("王小明", id: "620402199001010018", by: "liuyang")
    try run(.accept, a, by: "liuyang")
    at("2026-11-20T10:00")
    let b = try register(
      "李娜", id: "620402198512030024", by: "liuyang",
      materials: [.received, .exempt, .missing, .missing])
    try run(
      .requestSupplement([.init(index: 2, status: .missing, note: "")], other: ""), b, by: "liuyang"
    )
    let c = try register("欧阳建国", id: "620421197806150034", by: "liuyang")
    try run(.accept, c, by: "liuyang")
    try run(.stopClock(.siteInspection, days: 5, reason: "核实经营场所"), c, by: "zhouqiang")
    at("2026-11-26T09:00")
    _ = try register("赵六", id: "620402200109300047", phone: "0943-8221234", by: "liuyang")
    at("2026-11-26T09:30")
  }
}
